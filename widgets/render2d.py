"""Renderers per primitive: each draws a whole layer's polygons, lines, points or labels as ONE item.

Polygons and lines are grouped by style into a few QPainterPaths (built with pyqtgraph's vectorised
`arrayToQPath`), so 50,000 buildings are a handful of paths rather than 50,000 graphics items. The grouping
is vectorised too (1-D `np.unique`s and one stable sort), so a layer of 50,000 trail segments rebuilds in a
few milliseconds. Groups draw in the order their style first appears in the data: a layer controls what is
on top (road casings before road fills) by the order of its entries.

`HeadingsItem` and `PulseItem` draw in screen pixels (a heading tick, an alert's halo) for all their
points at once, whatever the zoom.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QTransform

from layers.data import FloatArray, IntArray, Labels, Lines, Points, Polygons


def qcolor(rgba: Any) -> QColor:
    r, g, b, a = (int(v) for v in rgba)
    return QColor(r, g, b, a)


def _bounds(xy: FloatArray) -> QRectF:
    """Bounding rectangle of the finite points (fmin/fmax skip NaN without a masked copy)."""
    if len(xy) == 0:
        return QRectF()
    lo, hi = np.fmin.reduce(xy, axis=0), np.fmax.reduce(xy, axis=0)
    if not np.isfinite(lo).all():
        return QRectF()
    return QRectF(float(lo[0]), float(lo[1]), float(hi[0] - lo[0]), float(hi[1] - lo[1]))


def style_groups(*columns: NDArray[Any]) -> tuple[list[tuple[Any, ...]], IntArray]:
    """(distinct style tuples in order of first appearance, group number per entry) for entries described by
    parallel 1-D `columns`. Each column is made unique on its own (fast 1-D sorts), then the column codes
    are combined in mixed radix: far faster than `np.unique(axis=0)` on 50,000 rows."""
    n = len(columns[0])
    if n == 0:
        return [], np.zeros(0, dtype=np.int64)
    code = np.zeros(n, dtype=np.int64)
    uniques = []
    for column in columns:
        uniq, inverse = np.unique(column, return_inverse=True)
        code = code * len(uniq) + np.asarray(inverse, dtype=np.int64).reshape(-1)
        uniques.append(uniq)
    _, first, inverse = np.unique(code, return_index=True, return_inverse=True)
    order = np.argsort(first)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    styles = [tuple(column[first[g]] for column in columns) for g in order]
    return styles, rank[np.asarray(inverse).reshape(-1)]


def rgba_key(rgba: NDArray[np.uint8]) -> NDArray[np.uint32]:
    """One uint32 per RGBA row, for grouping."""
    packed: NDArray[np.uint32] = np.ascontiguousarray(rgba, dtype=np.uint8).reshape(-1, 4).view(np.uint32)
    return packed.reshape(-1)


def key_rgba(key: Any) -> tuple[int, int, int, int]:
    r, g, b, a = np.asarray([key], dtype=np.uint32).view(np.uint8).tolist()
    return r, g, b, a


MAX_RUNS = 64
"""Up to this many runs of equal style, a layer is drawn run by run (no sort, contiguous vertex slices);
past it (buildings in random usage order) entries are regrouped by style."""


def vertex_groups(
    columns: tuple[NDArray[Any], ...], entry_vertex: IntArray
) -> list[tuple[tuple[Any, ...], IntArray | slice]]:
    """(style, vertices) per path to draw, in drawing order. Entry i owns vertices
    entry_vertex[i]:entry_vertex[i+1]; `columns` describe each entry's style.

    Data already ordered by style (trails: oldest slot first, role by role) costs one pass; otherwise a
    stable regrouping keeps each style's entries in data order and the styles in order of first appearance.
    """
    n = len(columns[0])
    if n == 0:
        return []
    change = np.zeros(n, dtype=np.bool_)
    change[0] = True
    for column in columns:
        change[1:] |= column[1:] != column[:-1]
    starts = np.flatnonzero(change)
    if len(starts) <= MAX_RUNS:
        ends = np.append(starts[1:], n)
        return [
            (tuple(c[a] for c in columns), slice(int(entry_vertex[a]), int(entry_vertex[b])))
            for a, b in zip(starts, ends, strict=True)
        ]
    styles, group = style_groups(*columns)
    vertex_group = np.repeat(group, np.diff(entry_vertex))
    order = np.argsort(vertex_group, kind="stable")
    cuts = np.cumsum(np.bincount(vertex_group, minlength=len(styles)))[:-1]
    return list(zip(styles, np.split(order, cuts), strict=True))


def _empty(idx: IntArray | slice) -> bool:
    return idx.stop == idx.start if isinstance(idx, slice) else len(idx) == 0


def _path(xy: FloatArray, connect: NDArray[np.bool_]) -> QPainterPath:
    path: QPainterPath = pg.arrayToQPath(xy[:, 0], xy[:, 1], connect=connect)
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
        n = len(data)
        width = np.ones(n, np.float32) if data.edge_width is None else data.edge_width
        columns = (rgba_key(data.fill), rgba_key(data.edge), width)
        connect = np.ones(len(data.xy), dtype=np.bool_)
        ring_ends = data.vertex_start[1:] - 1
        connect[ring_ends[np.diff(data.vertex_start) > 0]] = False
        for key, idx in vertex_groups(columns, data.vertex_start[data.ring_start]):
            if _empty(idx):
                continue
            fill, edge, edge_width = key
            pen = QPen(qcolor(key_rgba(edge)), float(edge_width))
            pen.setCosmetic(True)
            path = _path(data.xy[idx], connect[idx])
            path.setFillRule(Qt.FillRule.OddEvenFill)
            self._groups.append((pen, QBrush(qcolor(key_rgba(fill))), path))
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
        counts = np.diff(data.vertex_start)
        connect = np.asarray(data.connect, dtype=np.bool_).copy()
        ends = data.vertex_start[1:] - 1
        connect[ends[counts > 0]] = False
        for key, idx in vertex_groups((rgba_key(data.rgba), data.width), data.vertex_start):
            if _empty(idx):
                continue
            colour, width = key
            pen = QPen(qcolor(key_rgba(colour)), float(width))
            pen.setCosmetic(True)
            # Flat caps: round caps on pens wider than a pixel cost Qt's raster engine ~10x to stroke.
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            self._groups.append((pen, _path(data.xy[idx], connect[idx])))
        self._rect = _bounds(data.xy)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *args: object) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in self._groups:
            painter.setPen(pen)
            painter.drawPath(path)


def _shared(rgba: NDArray[np.uint8], make: Any) -> NDArray[Any]:
    """One Qt object per distinct colour, spread to every point: pyqtgraph's symbol atlas is keyed by the
    pen/brush object, so sharing them keeps it to one entry per style instead of one per point."""
    uniq, inverse = np.unique(rgba_key(rgba), return_inverse=True)
    objects = np.empty(len(uniq), dtype=object)
    objects[:] = [make(*key_rgba(c)) for c in uniq]
    picked: NDArray[Any] = objects[np.asarray(inverse).reshape(-1)]
    return picked


WHITE_OUTLINE = (255, 255, 255, 230)


class PointsItem(pg.ScatterPlotItem):  # type: ignore[misc]
    """Markers in screen pixels, outlined white (or by `Points.edge`) so they read on any fill.

    A live update that keeps every marker's style (guards moving) only rewrites the coordinates in place:
    no brush, pen or symbol-atlas work, so 5,000 moving guards cost well under a millisecond here."""

    def __init__(self, data: Points) -> None:
        super().__init__(pxMode=True)
        self._style_key: tuple[object, ...] | None = None
        self._drawn: Points | None = None
        self._brushes: dict[bytes, Any] = {}
        self._pens: dict[bytes, Any] = {}
        self.set_data(data)

    def set_data(self, data: Points) -> None:
        edge = None if data.edge is None else data.edge.tobytes()
        key = (data.symbol, data.rgba.tobytes(), data.size.tobytes(), edge)
        if key == self._style_key and len(data) == len(self.data):
            self._move(data)
            self._drawn = data
            return
        if self._restyle(data):
            self._style_key = key
            self._drawn = data
            return
        self._style_key = key
        self._drawn = data
        white = np.tile(np.asarray(WHITE_OUTLINE, np.uint8), (len(data), 1))
        edges = data.edge if data.edge is not None else white
        self.setData(
            pos=data.xy,
            size=data.size,
            symbol=list(data.symbol),
            brush=_shared(data.rgba, pg.mkBrush),
            pen=_shared(edges, lambda *c: pg.mkPen(*c, width=1.2)),
            data=list(data.ids),
        )

    def _restyle(self, data: Points) -> bool:
        """Only some markers changed colour (devices going offline as a replay moves): re-style those rows
        in place, not all of them (a full `setData` of 4,000 devices cost ~10 ms a seek, issue 24). False
        when anything else changed, or too much for this to pay."""
        old = self._drawn
        if old is None or len(old) != len(data) or len(self.data) != len(data) or not len(data):
            return False
        if old.ids != data.ids or old.symbol != data.symbol or not np.array_equal(old.size, data.size):
            return False
        if not np.array_equal(old.xy, data.xy) or (old.edge is None) != (data.edge is None):
            return False
        changed = np.any(old.rgba != data.rgba, axis=1)
        if data.edge is not None and old.edge is not None:
            changed |= np.any(old.edge != data.edge, axis=1)
        rows = np.flatnonzero(changed)
        if len(rows) > max(16, len(data) // 8):
            return False
        if not len(rows):
            return True
        edges = data.edge if data.edge is not None else None
        brushes, pens = self.data["brush"], self.data["pen"]
        for i in rows.tolist():
            brushes[i] = self._brush(data.rgba[i])
            pens[i] = self._pen(edges[i] if edges is not None else np.asarray(WHITE_OUTLINE, np.uint8))
        self.data["sourceRect"][rows] = 0
        self.updateSpots()
        self.invalidate()
        return True

    def _brush(self, rgba: NDArray[np.uint8]) -> Any:
        """One brush per colour for this item's restyles (the atlas keeps one entry per style)."""
        key = rgba.tobytes()
        if key not in self._brushes:
            self._brushes[key] = pg.mkBrush(*rgba.tolist())
        return self._brushes[key]

    def _pen(self, rgba: NDArray[np.uint8]) -> Any:
        key = rgba.tobytes()
        if key not in self._pens:
            self._pens[key] = pg.mkPen(*rgba.tolist(), width=1.2)
        return self._pens[key]

    def _move(self, data: Points) -> None:
        self.data["x"] = data.xy[:, 0]
        self.data["y"] = data.xy[:, 1]
        self.data["data"] = data.ids
        self.prepareGeometryChange()
        self.informViewBoundsChanged()
        self.bounds = [None, None]
        self.invalidate()


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
        scene = self.scene()
        if scene is not None:  # the scene's font: a wall screen sets large type there
            painter.setFont(scene.font())
        painter.setPen(qcolor(self._data.rgba))
        for (x, y), text in zip(self._data.xy, self._data.text, strict=True):
            painter.drawText(to_device.map(QPointF(float(x), float(y))), text)
        painter.restore()


def to_device(transform: QTransform, xy: FloatArray) -> FloatArray:
    """Map (n, 2) item coordinates through a painter transform (affine part) in one numpy expression."""
    t = transform
    x = t.m11() * xy[:, 0] + t.m21() * xy[:, 1] + t.dx()
    y = t.m12() * xy[:, 0] + t.m22() * xy[:, 1] + t.dy()
    return np.column_stack([x, y])


class _PixelItem(pg.GraphicsObject):  # type: ignore[misc]
    """Base for items drawn in device pixels around map points: bounds padded by `pad_px` pixels."""

    pad_px = 40.0

    def __init__(self) -> None:
        super().__init__()
        self._xy: FloatArray = np.zeros((0, 2))
        self._rect = QRectF()

    def _set_points(self, xy: FloatArray) -> None:
        self.prepareGeometryChange()
        self._xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        self._rect = _bounds(self._xy)
        self.update()

    def boundingRect(self) -> QRectF:
        if self._rect.isNull() and not len(self._xy):
            return QRectF()
        px, py = self.pixelVectors()
        pad_x = self.pad_px * (px.length() if px is not None else 0.0)
        pad_y = self.pad_px * (py.length() if py is not None else 0.0)
        return self._rect.adjusted(-pad_x, -pad_y, pad_x, pad_y)

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        super().viewTransformChanged()


class HeadingsItem(_PixelItem):
    """A tick of `length_px` from each point towards its compass bearing (NaN: no tick), by colour group."""

    def __init__(self, length_px: float) -> None:
        super().__init__()
        self.length_px = length_px
        self._bearing: FloatArray = np.zeros(0)
        self._groups: list[tuple[QPen, IntArray]] = []

    def set_data(self, xy: FloatArray, bearing_deg: FloatArray, rgba: NDArray[np.uint8]) -> None:
        self._set_points(xy)
        self._bearing = np.asarray(bearing_deg, dtype=np.float64)
        known = np.flatnonzero(np.isfinite(self._bearing))
        colour = rgba_key(np.asarray(rgba, dtype=np.uint8)[known])
        self._groups = []
        for (key,), idx in vertex_groups((colour,), np.arange(len(known) + 1)):
            pen = QPen(qcolor(key_rgba(key)), 2.0)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            self._groups.append((pen, known[idx]))

    def paint(self, painter: QPainter, *args: object) -> None:
        t = painter.transform()
        painter.save()
        painter.resetTransform()
        for pen, idx in self._groups:
            rad = np.radians(self._bearing[idx])
            east, north = np.sin(rad), np.cos(rad)
            dx = t.m11() * east + t.m21() * north
            dy = t.m12() * east + t.m22() * north
            norm = np.maximum(np.hypot(dx, dy), 1e-12)
            start = to_device(t, self._xy[idx])
            end = start + self.length_px * np.column_stack([dx / norm, dy / norm])
            seg = np.stack([start, end], axis=1).reshape(-1, 2)
            connect = np.tile(np.asarray([True, False]), len(idx))
            painter.setPen(pen)
            painter.drawPath(_path(seg, connect))
        painter.restore()


PULSE_STEPS = 12
"""The ring's cycle in 12 looks (the map's pulse timer ticks about as often): each is drawn once."""


@cache
def ring_pixmap(size: float, growth: float, rgba: tuple[int, int, int, int], step: int) -> QPixmap:
    """The halo of a `size`-pixel marker at `step` of `PULSE_STEPS`: grown, faded, on a transparent square
    centred on the marker (a few hundred of them at most: sizes × severity colours × steps)."""
    phase = step / PULSE_STEPS
    radius = size * (1.0 + (growth - 1.0) * phase) / 2.0
    side = int(2 * radius + 8)
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = qcolor(rgba)
    colour.setAlphaF(colour.alphaF() * (1.0 - phase))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, 3.0))
    painter.drawEllipse(QPointF(side / 2.0, side / 2.0), radius, radius)
    painter.end()
    return pixmap


class PulseItem(_PixelItem):
    """Expanding, fading rings around points (alerts): `set_phase(p)` with p in [0, 1) moves them all.

    The ring grows from the marker's size to `growth` times it while its alpha falls to nothing; one timer
    in the map drives every alert's ring through this one item."""

    def __init__(self, growth: float) -> None:
        super().__init__()
        self.growth = growth
        self.phase = 0.0
        self._size: NDArray[np.float32] = np.zeros(0, np.float32)
        self._rgba: NDArray[np.uint8] = np.zeros((0, 4), np.uint8)

    def set_data(self, data: Points) -> None:
        self._set_points(data.xy)
        self._size = data.size
        self._rgba = data.rgba

    def set_phase(self, phase: float) -> None:
        """Move every halo; with a few alerts only their rings' squares are repainted, not the map between
        (the markers, trails and 5,000 guards under a tick would otherwise be redrawn a dozen times a
        second)."""
        self.phase = phase % 1.0
        px, py = self.pixelVectors()
        if px is None or py is None or not 0 < len(self._xy) <= 64:
            self.update()
            return
        reach = float(self._size.max()) * self.growth / 2.0 + 4.0
        rx, ry = reach * px.length(), reach * py.length()
        for x, y in self._xy:
            self.update(QRectF(float(x) - rx, float(y) - ry, 2 * rx, 2 * ry))

    def __len__(self) -> int:
        return len(self._xy)

    def paint(self, painter: QPainter, *args: object) -> None:
        """Each ring is a small pixmap drawn once per (size, colour, step of the cycle) and then only
        blitted: an antialiased ellipse per alert per frame was the idle window's largest paint cost."""
        if not len(self._xy):
            return
        centres = to_device(painter.transform(), self._xy)
        painter.save()
        painter.resetTransform()
        step = int(self.phase * PULSE_STEPS) % PULSE_STEPS
        for (x, y), size, c in zip(centres, self._size, self._rgba, strict=True):
            ring = ring_pixmap(
                round(float(size), 1), self.growth, (int(c[0]), int(c[1]), int(c[2]), int(c[3])), step
            )
            half = ring.width() / 2.0
            painter.drawPixmap(QPointF(float(x) - half, float(y) - half), ring)
        painter.restore()
