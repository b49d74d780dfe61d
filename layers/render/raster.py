"""Layers drawn into a numpy image with OpenCV: the renderer for video frames and PDF map snapshots.

Like the Qt renderers it works per primitive (polygons, lines, points), never per layer, so every layer the
map shows can go into a video without drawing code of its own. Images are BGR uint8 (OpenCV's order).
Labels are left out: OpenCV's fonts have no Chinese glyphs.
"""

from __future__ import annotations

from collections.abc import Iterable

import cv2
import numpy as np
from numpy.typing import NDArray

from layers import style
from layers.data import FloatArray, LayerData, Lines, Points, Polygons

Image = NDArray[np.uint8]


def _bgr(rgba: Iterable[int]) -> tuple[int, int, int]:
    r, g, b = (int(v) for v in list(rgba)[:3])
    return b, g, r


class Raster:
    """Map metres → pixels for one image size and view box, north up, aspect kept."""

    def __init__(self, width: int, height: int, bounds: tuple[float, float, float, float], margin: int = 16):
        self.width, self.height = width, height
        x0, y0, x1, y1 = bounds
        span_x, span_y = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
        self.scale = min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y)
        self.ox = (width - span_x * self.scale) / 2 - x0 * self.scale
        self.oy = (height + span_y * self.scale) / 2 + y0 * self.scale

    @classmethod
    def fit(cls, width: int, height: int, layers: Iterable[LayerData]) -> Raster:
        """A raster that frames everything in `layers`."""
        parts = [p.xy for d in layers for p in (d.polygons, d.lines, d.points) if p is not None and len(p)]
        xy = np.concatenate(parts) if parts else np.zeros((1, 2))
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        return cls(width, height, (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])))

    def px(self, xy: FloatArray) -> NDArray[np.int32]:
        out = np.empty((len(xy), 2), dtype=np.int32)
        out[:, 0] = np.round(xy[:, 0] * self.scale + self.ox)
        out[:, 1] = np.round(self.oy - xy[:, 1] * self.scale)
        return out

    def blank(self) -> Image:
        img = np.empty((self.height, self.width, 3), dtype=np.uint8)
        img[:] = _bgr(style.BACKGROUND)
        return img

    def draw(self, img: Image, layers: Iterable[LayerData]) -> Image:
        """Draw layers in z order onto `img` (in place) and return it."""
        for data in sorted(layers, key=lambda d: d.z):
            if data.polygons is not None and len(data.polygons):
                self._polygons(img, data.polygons)
            if data.lines is not None and len(data.lines):
                self._lines(img, data.lines)
            if data.points is not None and len(data.points):
                self._points(img, data.points)
        return img

    def _polygons(self, img: Image, p: Polygons) -> None:
        pts = self.px(p.xy)
        translucent = bool((p.fill[:, 3] < 255).any())
        target = img.copy() if translucent else img
        for i in range(len(p)):
            own = range(p.ring_start[i], p.ring_start[i + 1])
            rings = [pts[p.vertex_start[j] : p.vertex_start[j + 1]] for j in own]
            if rings:
                cv2.fillPoly(target, rings, _bgr(p.fill[i]))
                cv2.polylines(target, rings, True, _bgr(p.edge[i]), 1, cv2.LINE_AA)
        if translucent:
            alpha = float(p.fill[:, 3].mean()) / 255.0
            cv2.addWeighted(target, alpha, img, 1.0 - alpha, 0.0, dst=img)

    def _lines(self, img: Image, lines: Lines) -> None:
        pts = self.px(lines.xy)
        for i in range(len(lines)):
            chunk = pts[lines.vertex_start[i] : lines.vertex_start[i + 1]]
            if len(chunk) >= 2:
                width = max(1, round(float(lines.width[i])))
                cv2.polylines(img, [chunk], False, _bgr(lines.rgba[i]), width, cv2.LINE_AA)

    def _points(self, img: Image, points: Points) -> None:
        pts = self.px(points.xy)
        edges = points.edge if points.edge is not None else None
        for i, (x, y) in enumerate(pts):
            r = max(2, round(float(points.size[i]) / 2))
            colour = _bgr(points.rgba[i])
            edge = _bgr(edges[i]) if edges is not None else (255, 255, 255)
            symbol = points.symbol[i]
            if symbol in ("x", "+"):
                marker = cv2.MARKER_TILTED_CROSS if symbol == "x" else cv2.MARKER_CROSS
                cv2.drawMarker(img, (int(x), int(y)), colour, marker, 2 * r, 2)
            elif symbol == "star":
                cv2.drawMarker(img, (int(x), int(y)), edge, cv2.MARKER_STAR, 2 * r + 2, 3)
                cv2.drawMarker(img, (int(x), int(y)), colour, cv2.MARKER_STAR, 2 * r, 2)
            elif symbol == "s":
                cv2.rectangle(img, (int(x) - r, int(y) - r), (int(x) + r, int(y) + r), colour, -1)
                cv2.rectangle(img, (int(x) - r, int(y) - r), (int(x) + r, int(y) + r), edge, 1)
            else:
                cv2.circle(img, (int(x), int(y)), r, colour, -1, cv2.LINE_AA)
                cv2.circle(img, (int(x), int(y)), r, edge, 1, cv2.LINE_AA)


def stamp(img: Image, text: str) -> Image:
    """Burn `text` (ASCII) into the top-left corner on a white box, readable on any map."""
    (w, h), base = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, 0.7, 2)
    cv2.rectangle(img, (8, 8), (16 + w, 16 + h + base), (255, 255, 255), -1)
    cv2.putText(img, text, (12, 12 + h), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (20, 20, 20), 2, cv2.LINE_AA)
    return img
