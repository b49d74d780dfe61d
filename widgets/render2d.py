"""Renderers per primitive: each draws a whole layer's polygons, lines, points or labels as ONE item.

Polygons and lines are grouped by style into a few QPainterPaths (built with pyqtgraph's vectorised
`arrayToQPath`), so 50,000 buildings are a handful of paths rather than 50,000 graphics items.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from layers.data import FloatArray, Labels, Lines, Points, Polygons


def qcolor(rgba: Any) -> QColor:
    r, g, b, a = (int(v) for v in rgba)
    return QColor(r, g, b, a)


def _bounds(xy: FloatArray) -> QRectF:
    if len(xy) == 0:
        return QRectF()
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    return QRectF(float(lo[0]), float(lo[1]), float(hi[0] - lo[0]), float(hi[1] - lo[1]))


def _ring_path(xy: FloatArray, ends: np.ndarray) -> QPainterPath:
    """One path of many closed rings; `ends` are the indexes of each ring's last vertex."""
    connect = np.ones(len(xy), dtype=bool)
    connect[ends] = False
    path: QPainterPath = pg.arrayToQPath(xy[:, 0], xy[:, 1], connect=connect)
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


class PolygonsItem(pg.GraphicsObject):  # type: ignore[misc]
    def __init__(self, data: Polygons) -> None:
        super().__init__()
        self._groups: list[tuple[QPen, QBrush, QPainterPath]] = []
        self._rect = QRectF()
        self.set_data(data)

    def set_data(self, data: Polygons) -> None:
        self.prepareGeometryChange()
        self._groups = []
        styles = np.hstack([data.fill, data.edge]) if len(data) else np.zeros((0, 8), np.uint8)
        for key in np.unique(styles, axis=0):
            members = np.flatnonzero((styles == key).all(axis=1))
            rings = np.concatenate(
                [np.arange(data.ring_start[i], data.ring_start[i + 1]) for i in members]
            ).astype(np.int64)
            if len(rings) == 0:
                continue
            idx = np.concatenate([np.arange(data.vertex_start[j], data.vertex_start[j + 1]) for j in rings])
            ends = np.cumsum(data.vertex_start[rings + 1] - data.vertex_start[rings]) - 1
            pen = QPen(qcolor(key[4:]))
            pen.setCosmetic(True)
            self._groups.append((pen, QBrush(qcolor(key[:4])), _ring_path(data.xy[idx], ends)))
        self._rect = _bounds(data.xy)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *args: object) -> None:
        for pen, brush, path in self._groups:
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawPath(path)


class LinesItem(pg.GraphicsObject):  # type: ignore[misc]
    def __init__(self, data: Lines) -> None:
        super().__init__()
        self._groups: list[tuple[QPen, QPainterPath]] = []
        self._rect = QRectF()
        self.set_data(data)

    def set_data(self, data: Lines) -> None:
        self.prepareGeometryChange()
        self._groups = []
        styles = np.hstack([data.rgba.astype(np.float32), data.width.reshape(-1, 1)])
        for key in np.unique(styles, axis=0) if len(data) else []:
            members = np.flatnonzero((styles == key).all(axis=1))
            idx = np.concatenate([np.arange(data.vertex_start[i], data.vertex_start[i + 1]) for i in members])
            xy, connect = data.xy[idx], data.connect[idx].copy()
            connect[np.cumsum(data.vertex_start[members + 1] - data.vertex_start[members]) - 1] = False
            pen = QPen(qcolor(key[:4]), float(key[4]))
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            self._groups.append((pen, pg.arrayToQPath(xy[:, 0], xy[:, 1], connect=connect)))
        self._rect = _bounds(data.xy)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *args: object) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in self._groups:
            painter.setPen(pen)
            painter.drawPath(path)


class PointsItem(pg.ScatterPlotItem):  # type: ignore[misc]
    """Markers in screen pixels, outlined white so they read on any fill."""

    def __init__(self, data: Points) -> None:
        super().__init__(pxMode=True)
        self.set_data(data)

    def set_data(self, data: Points) -> None:
        brushes = [pg.mkBrush(*map(int, c)) for c in data.rgba]
        self.setData(
            pos=data.xy,
            size=data.size,
            symbol=list(data.symbol),
            brush=brushes,
            pen=pg.mkPen(255, 255, 255, 230, width=1.2),
            data=list(data.ids),
        )


class LabelsItem(pg.GraphicsObject):  # type: ignore[misc]
    """Text anchored at map points but drawn at a fixed pixel size whatever the zoom."""

    def __init__(self, data: Labels) -> None:
        super().__init__()
        self._data = data
        self._rect = _bounds(data.xy)

    def set_data(self, data: Labels) -> None:
        self.prepareGeometryChange()
        self._data = data
        self._rect = _bounds(data.xy)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *args: object) -> None:
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setPen(qcolor(self._data.rgba))
        for (x, y), text in zip(self._data.xy, self._data.text, strict=True):
            painter.drawText(to_device.map(QPointF(float(x), float(y))), text)
        painter.restore()
