"""The 2D map: a pyqtgraph view with one item per layer and primitive, metres east/north, north up.

Besides each layer's own items, a few layers get overlays the map derives by itself, so the callers that
only hand over `LayerData` get them for free:
- "guards": a fading trail of recent fixes (one `LinesItem` for all guards, from `layers.trails`) and a
  heading tick per guard (one `HeadingsItem`); a caller that draws its own trails (replay) turns the trail
  buffer off with `set_own_trails(False)` and may hand headings in `extra["heading_deg"]`;
- "alerts": one `PulseItem` of halos driven by one timer; its `device_health` recolours the devices;
- any layer with `extra["overlay_labels"]` (dispatch ETAs): one `LabelsItem`.
Overlays follow their layer's visibility. Hover shows a tooltip; a click emits `picked(kind, id)`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QCursor, QPixmapCache, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem, QToolTip, QWidget

from layers import areas, buildings, compounds, devices, pick, roads, style
from layers.clusters import cluster
from layers.data import FloatArray, Labels, LayerData, Lines, Points, Polygons
from layers.trails import TrailBuffer
from sandbox_app.domain.enums import Severity
from sandbox_app.engine.clock import Clock, WallClock
from widgets.legend import Legend
from widgets.map_tips import MapTips
from widgets.render2d import HeadingsItem, LabelsItem, LinesItem, PointsItem, PolygonsItem, PulseItem

if TYPE_CHECKING:
    from layers.imagery import Draped

Item = PolygonsItem | LinesItem | PointsItem | LabelsItem
Overlay = LinesItem | HeadingsItem | PulseItem | LabelsItem
_KIND: dict[type, type] = {PolygonsItem: Polygons, LinesItem: Lines, PointsItem: Points, LabelsItem: Labels}
CLUSTER_PX = 24.0
"""Alert markers closer than about this many pixels fold into one (`layers.clusters`)."""
IMAGERY_Z = -100.0
"""The imagery basemap lies under every layer (the lowest, compounds, is at 0)."""
_SEVERITY_RANK = {s.value: i for i, s in enumerate(Severity)}
PICK_ORDER = (
    ("alerts", "alert"),
    ("dispatch", "alert"),
    ("guards", "guard"),
    ("devices", "device"),
    ("gates", "gate"),
    ("buildings", "building"),
    ("compounds", "compound"),
)
"""Which layer answers a hover or click first (markers over areas), and the kind `picked` reports."""
PULSE_TICK_MS = 100
"""Ten pulse frames a second: smooth for a 1.2 s ring, and each costs a repaint of the rings' squares."""
WALL_PULSE_TICK_MS = 200
"""The wall's pulse: five frames a second (issue 17, its idle CPU), six steps of a ring's cycle; from metres
away the ring still grows and fades."""
STATIC_LAYERS = frozenset({"buildings", "roads", "areas", "compounds", "grids", "heat", "coverage"})
"""Layers that change rarely: Qt keeps each as a pixmap in device pixels (`DeviceCoordinateCache`), so a
frame where only guards move blits them instead of re-filling 50,000 polygons. Zooming re-renders them."""
CACHED_LAYERS = STATIC_LAYERS | {devices.NAME, "cameras"}
"""Cached the same way: the static layers and the device markers (thousands of them, whose colours change
only with their health: a frame where guards move blits them instead of drawing 3,000 symbols), and the camera
view cones (recoloured only when a camera goes offline or back)."""


def _new_pulse() -> PulseItem:
    return PulseItem(style.ALERT_PULSE_GROWTH)


DISTRICT_LAYERS = (compounds.NAME, buildings.NAME, roads.NAME, areas.NAME)
"""The layers `fit` frames: the district's own ground, not what moves on it."""


class Map2D(pg.PlotWidget):  # type: ignore[misc]
    picked = Signal(str, str)
    """(kind, id) the user clicked: "alert", "guard", "device", "gate", "building" or "compound"."""
    hovered = Signal(str, str)
    """(kind, id) under the cursor; ("", "") when it leaves everything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, background=pg.mkColor(*style.BACKGROUND))
        self.setObjectName("map2d")
        plot = self.getPlotItem()
        plot.setAspectLocked(True)
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.setMenuEnabled(False)
        plot.hideButtons()
        self._items: dict[str, list[Item]] = {}
        self._overlays: dict[str, dict[str, Overlay]] = {}
        self._visible: dict[str, bool] = {}
        self._data: dict[str, LayerData] = {}
        self._given: dict[str, LayerData] = {}
        """Each layer as given, before the element filter (`set_element_filter`) thinned or faded it."""
        self.element_filter: Callable[[LayerData], LayerData] | None = None
        self._drawn: dict[str, LayerData] = {}
        """The alerts layer as drawn at this zoom (clustered); `_data` keeps what was given."""
        self._cell_m = 0.0
        self._boxes: dict[str, tuple[int, FloatArray]] = {}
        self.clock: Clock | None = None
        self._wall = WallClock()
        self._latest_ms = 0
        self.trails = TrailBuffer()
        self.own_trails = True
        """Whether guards' moves feed `trails` (live); off while a caller draws trails itself (replay)."""
        self.device_health: dict[str, str] | None = None
        self._device_id_set: tuple[Sequence[str] | None, frozenset[str]] = (None, frozenset())
        """Set by `set_device_health` (the alerts layer calls it); until then the devices layer's own."""
        self.hover_text = ""
        self._hover: tuple[str, str] = ("", "")
        self.tips = MapTips(self, self)
        self.map_legend = Legend(self)
        self.map_legend.hide()
        self.imagery: pg.ImageItem | None = None
        """The offline imagery basemap (`set_imagery`), None when there is none."""
        self.framed = False
        """Whether the view shows the whole district as `fit` framed it: then a resize frames it again (a
        bigger window shows a bigger district); a pan or zoom, the user's or a focus's, ends it."""
        plot.vb.sigRangeChangedManually.connect(self._unframe)
        self._pulse_timer = QTimer(self)
        self._pulse_timer.setInterval(PULSE_TICK_MS)
        self._pulse_timer.timeout.connect(self._pulse)
        plot.vb.sigRangeChanged.connect(self._view_changed)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.scene().sigMouseClicked.connect(self._mouse_clicked)

    # layers ---------------------------------------------------------------------------------------
    def set_layer(self, data: LayerData) -> None:
        """Replace a layer's items; a hidden layer stays hidden after an update.

        When the layer keeps the same primitives (a live update of guards or alerts), its existing items
        get the new arrays instead of being rebuilt, so a moving layer stays one item for its whole life.
        """
        self._given[data.name] = data
        if data.name == devices.NAME and self.device_health is not None:
            data = self._with_health(data)
        if self.element_filter is not None:
            data = self.element_filter(data)
        self._data[data.name] = data
        data = self._clustered(data)
        self._set_items(data)
        self._set_overlays(data)

    def set_imagery(self, draped: Draped | None) -> None:
        """An offline imagery basemap (`layers.imagery.drape`) under every layer, in the same local metres;
        where the tiles had gaps the map's background shows. None removes it. It is left out of `fit`'s
        framing: the district frames the view, not the picture's margin."""
        plot = self.getPlotItem()
        if self.imagery is not None:
            plot.vb.removeItem(self.imagery)
            self.imagery = None
        if draped is None:
            return
        h, w = draped.mask.shape
        rgba = np.empty((h, w, 4), dtype=np.uint8)
        rgba[:, :, :3] = draped.rgb
        rgba[:, :, 3] = np.where(draped.mask, 255, 0)
        # Row 0 south (y up); fixed levels, or pyqtgraph would stretch the picture's own range of colours.
        item = pg.ImageItem(np.ascontiguousarray(rgba[::-1]), axisOrder="row-major", levels=(0, 255))
        x0, y0, x1, y1 = draped.bounds
        item.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))
        item.setZValue(IMAGERY_Z)
        plot.vb.addItem(item, ignoreBounds=True)
        self.imagery = item

    def _clustered(self, data: LayerData) -> LayerData:
        """The alerts layer with markers that would overlap at this zoom folded into one; others as given."""
        if data.name != "alerts" or data.points is None:
            return data
        severity = data.extra.get("severity", ())
        n = len(data.points)
        ranks = [_SEVERITY_RANK.get(str(s), 0) for s in severity] if isinstance(severity, tuple) else []
        points, labels = cluster(data.points, ranks if len(ranks) == n else [0] * n, self._cell_m)
        shown = data if labels is None else dataclasses.replace(data, points=points, labels=labels)
        self._drawn[data.name] = shown
        return shown

    def _view_changed(self, *_args: object) -> None:
        """Zoomed: re-cluster the alerts when the cell size (a power of two in metres) changes."""
        metres_per_px = max(self.getPlotItem().vb.viewPixelSize())
        cell = 0.0
        if np.isfinite(metres_per_px) and metres_per_px > 0:
            cell = float(2.0 ** np.ceil(np.log2(metres_per_px * CLUSTER_PX)))
        if cell == self._cell_m:
            return
        self._cell_m = cell
        data = self._data.get("alerts")
        if data is not None:
            shown = self._clustered(data)
            self._set_items(shown)
            self._set_overlays(shown)

    def _set_items(self, data: LayerData) -> None:
        parts = [p for p in (data.polygons, data.lines, data.points, data.labels) if p is not None and len(p)]
        old = self._items.get(data.name, [])
        if old and [_KIND[type(i)] for i in old] == [type(p) for p in parts]:
            for item, part in zip(old, parts, strict=True):
                item.set_data(part)  # type: ignore[arg-type]
            return
        for item in self._items.pop(data.name, []):
            self.removeItem(item)
        items: list[Item] = []
        if data.polygons is not None and len(data.polygons):
            items.append(PolygonsItem(data.polygons))
        if data.lines is not None and len(data.lines):
            items.append(LinesItem(data.lines))
        if data.points is not None and len(data.points):
            items.append(PointsItem(data.points))
        if data.labels is not None and len(data.labels):
            items.append(LabelsItem(data.labels))
        for offset, item in enumerate(items):
            if data.name in CACHED_LAYERS:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            item.setZValue(data.z + offset * 0.1)
            item.setVisible(self._visible.get(data.name, True))
            self.addItem(item)
        self._items[data.name] = items

    def _overlay(self, layer: str, role: str, make: Any, z: float) -> Any:
        """The layer's overlay item `role`, created on first use (z relative to the layer's)."""
        found = self._overlays.setdefault(layer, {})
        if role not in found:
            item = make()
            item.setZValue(z)
            item.setVisible(self._visible.get(layer, True))
            self.addItem(item)
            found[role] = item
        return found[role]

    def _set_overlays(self, data: LayerData) -> None:
        labels = data.extra.get("overlay_labels")
        if isinstance(labels, Labels):
            self._overlay(data.name, "labels", lambda: LabelsItem(labels), data.z + 0.5).set_data(labels)
        points = data.points
        if data.name == "guards" and points is not None:
            self._guards_moved(points, data.extra)
        if data.name == "alerts" and points is not None:
            pulse = self._overlay(
                "alerts", "pulse", lambda: PulseItem(style.ALERT_PULSE_GROWTH), data.z - 0.5
            )
            pulse.set_data(points)
            self._run_pulse()
            health = data.extra.get("device_health")
            if isinstance(health, Mapping):
                self.set_device_health(health)

    def _guards_moved(self, points: Points, extra: Mapping[str, object]) -> None:
        """Feed the trail buffer, then redraw the trail and heading overlays (one item each)."""
        fix_ts = extra.get("fix_ts")
        ts = fix_ts if isinstance(fix_ts, np.ndarray) else np.full(len(points), -1, dtype=np.int64)
        wall = self._wall.now_ms()
        if not self.own_trails:
            newest = int(ts.max(initial=-1))
            self._latest_ms = max(self._latest_ms, newest if newest >= 0 else wall)
            given = extra.get("heading_deg")
            if isinstance(given, np.ndarray) and len(given) == len(points):
                heads = self._overlay("guards", "heading", lambda: HeadingsItem(style.HEADING_PX), 39.5)
                heads.set_data(points.xy, given, points.rgba)
            return
        self.trails.push(points.ids, points.xy, ts, points.rgba, now_ms=wall)
        # Event time when the fixes carry it (replay, simulation at speed); else when they reached the map.
        newest = int(ts.max(initial=-1))
        self._latest_ms = max(self._latest_ms, newest if newest >= 0 else wall)
        trail = self.trails.layer(self.now_ms()).lines
        z = 40.0
        if trail is not None:
            self._overlay("guards", "trail", lambda: LinesItem(trail), z - 2.0).set_data(trail)
        heads = self._overlay("guards", "heading", lambda: HeadingsItem(style.HEADING_PX), z - 0.5)
        heads.set_data(points.xy, self.trails.headings(points.ids), points.rgba)

    def now_ms(self) -> int:
        """The clock given by `set_clock`, else the newest fix time the map has seen (event time)."""
        return self.clock.now_ms() if self.clock is not None else self._latest_ms

    def set_clock(self, clock: Clock | None) -> None:
        """Where fix ages and trail fading read "now" (the engine or replay clock)."""
        self.clock = clock

    def set_own_trails(self, own: bool) -> None:
        """Keep the map's own trail buffer and headings (True, live) or leave trails to the caller (False,
        replay, whose `trails` layer already draws them: feeding the buffer as well cost ~11 ms a frame).
        Either way the trails drawn so far are forgotten."""
        if own != self.own_trails:
            self.clear_trails()
        self.own_trails = own

    def clear_trails(self) -> None:
        """Forget every guard's trail (call when another district is loaded)."""
        self.trails.clear()
        for role in ("trail", "heading"):
            item = self._overlays.get("guards", {}).pop(role, None)
            if item is not None:
                self.removeItem(item)

    def set_device_health(self, health: Mapping[str, str]) -> None:
        """Device id → "online" / "offline" / "flagged"; the devices layer is recoloured in place. Ids that
        are no device on the map are left out first: alerts on other subjects change no colour, and
        recolouring thousands of markers for nothing cost a replay seek ~12 ms (issue 24)."""
        current = self._given.get(devices.NAME)
        known = current.points.ids if current is not None and current.points is not None else None
        if known is not None and health:
            ids = self._device_ids(known)
            health = {d: h for d, h in health.items() if d in ids}
        if dict(health) == self.device_health:
            return
        self.device_health = dict(health)
        current = self._given.get(devices.NAME)
        if current is not None:
            self.set_layer(current)

    def _device_ids(self, ids: Sequence[str]) -> frozenset[str]:
        """The devices layer's ids as a set, kept while the layer keeps the same id tuple."""
        if self._device_id_set[0] is not ids:
            self._device_id_set = (ids, frozenset(ids))
        return self._device_id_set[1]

    def set_element_filter(self, shown: Callable[[LayerData], LayerData] | None) -> None:
        """Draw every layer through `shown` (`layers.filters.apply`), now and on each later update."""
        self.element_filter = shown
        for data in list(self._given.values()):
            self.set_layer(data)

    def _with_health(self, data: LayerData) -> LayerData:
        kind_rgba = data.extra.get("kind_rgba")
        if data.points is None or not isinstance(kind_rgba, np.ndarray):
            return data
        known = self.device_health or {}
        points = devices.with_health(data.points, known, kind_rgba)
        health = tuple(known.get(i, "online") for i in points.ids)
        extra = {**data.extra, "health": health}
        return LayerData(data.name, data.z, points, data.lines, data.polygons, data.labels, extra)

    def set_layer_visible(self, name: str, visible: bool) -> None:
        self._visible[name] = visible
        for item in self._items.get(name, []):
            item.setVisible(visible)
        for overlay in self._overlays.get(name, {}).values():
            overlay.setVisible(visible)
        self.map_legend.set_layer_shown(name, visible)
        self._place_legend()
        if name == "alerts":
            self._run_pulse()

    def layer_items(self, name: str) -> list[Item]:
        return list(self._items.get(name, []))

    def overlay_items(self, name: str) -> dict[str, Overlay]:
        """The overlays the map added to layer `name` ("trail", "heading", "pulse", "labels")."""
        return dict(self._overlays.get(name, {}))

    def layer_data(self, name: str) -> LayerData | None:
        return self._data.get(name)

    # alert pulse ----------------------------------------------------------------------------------
    def _run_pulse(self) -> None:
        pulse = self._overlays.get("alerts", {}).get("pulse")
        active = isinstance(pulse, PulseItem) and len(pulse) > 0 and self._visible.get("alerts", True)
        if active and not self._pulse_timer.isActive():
            self._pulse_timer.start()
        elif not active:
            self._pulse_timer.stop()

    def set_wall_pace(self) -> None:
        """The wall's pace: fewer pulse frames (`WALL_PULSE_TICK_MS`)."""
        self._pulse_timer.setInterval(WALL_PULSE_TICK_MS)

    def _pulse(self) -> None:
        if not self.pulse_seen():
            return  # a minimised or covered window: the rings would be drawn for nobody (issue 17)
        self.set_pulse_phase(self._wall.monotonic_s() / style.ALERT_PULSE_PERIOD_S)

    def pulse_seen(self) -> bool:
        """Whether a pulse frame would reach the screen: the map shown, its window exposed."""
        handle = self.window().windowHandle()
        return self.isVisible() and handle is not None and handle.isExposed()

    def set_pulse_phase(self, phase: float) -> None:
        """Where in its cycle every alert halo is (0: marker size, opaque; →1: grown, faded)."""
        pulse = self._overlays.get("alerts", {}).get("pulse")
        if isinstance(pulse, PulseItem):
            pulse.set_phase(phase)

    def pulse_running(self) -> bool:
        return self._pulse_timer.isActive()

    # picking and tooltips -------------------------------------------------------------------------
    def pick_at(self, x: float, y: float) -> tuple[str, str] | None:
        """(kind, id) of the topmost visible thing at map point (x, y) metres, or None."""
        metres_per_px = max(self.getPlotItem().vb.viewPixelSize())
        for name, kind in PICK_ORDER:
            data = self._drawn.get(name) or self._data.get(name)
            if data is None or not self._visible.get(name, True):
                continue
            if data.points is not None and len(data.points):
                found = pick.point_at(data.points, x, y, metres_per_px)
                if found is not None:
                    return kind, data.points.ids[found]
            if data.polygons is not None and len(data.polygons):
                index = pick.polygon_at(data.polygons, self._polygon_boxes(name, data.polygons), x, y)
                if index is not None:
                    return kind, data.polygons.ids[index]
        return None

    def _polygon_boxes(self, name: str, polys: Polygons) -> FloatArray:
        cached = self._boxes.get(name)
        if cached is None or cached[0] != id(polys):
            cached = (id(polys), pick.polygon_boxes(polys))
            self._boxes[name] = cached
        return cached[1]

    def describe(self, kind: str, item_id: str) -> str:
        """The tooltip text for a picked thing."""
        return self.tips.describe(kind, item_id)

    def map_to_widget(self, x: float, y: float) -> QPointF:
        """Widget pixel position of map point (x, y) metres (for tests and overlays)."""
        scene_pt = self.getPlotItem().vb.mapViewToScene(QPointF(float(x), float(y)))
        return QPointF(self.mapFromScene(scene_pt))

    def hover_at(self, x: float, y: float) -> str:
        """Update the hover state for map point (x, y); returns the tooltip text ("" over nothing)."""
        found = self.pick_at(x, y) or ("", "")
        self.hover_text = self.describe(*found) if found[0] else ""
        if found != self._hover:
            self._hover = found
            self.hovered.emit(*found)
        return self.hover_text

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        view = self.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        where = view.mapSceneToView(scene_pos)
        text = self.hover_at(where.x(), where.y())
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()

    def _mouse_clicked(self, event: Any) -> None:
        if event.button() != pg.QtCore.Qt.MouseButton.LeftButton:
            return
        where = self.getPlotItem().vb.mapSceneToView(event.scenePos())
        self.click_at(where.x(), where.y())

    def click_at(self, x: float, y: float) -> tuple[str, str] | None:
        """Pick at map point (x, y) and emit `picked` when something is there."""
        found = self.pick_at(x, y)
        if found is not None:
            self.picked.emit(*found)
        return found

    # view -----------------------------------------------------------------------------------------
    def set_legend_visible(self, visible: bool) -> None:
        """Show the legend in the map's top-right corner."""
        self.map_legend.setVisible(visible)
        self._place_legend()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_legend()
        if self.__dict__.get("framed"):  # after the view box has taken its new size
            QTimer.singleShot(0, self, self._refit)  # cancelled if the map goes first
        # Room in Qt's pixmap cache for every cached layer at this size (its 10 MB default holds about two
        # 1280x800 layers, and an evicted layer is re-rendered every frame).
        ratio = self.devicePixelRatioF()
        needed_kb = int(len(CACHED_LAYERS) * 4 * self.width() * self.height() * ratio * ratio / 1024 * 1.25)
        if needed_kb > QPixmapCache.cacheLimit():
            QPixmapCache.setCacheLimit(needed_kb)

    def _place_legend(self) -> None:
        if "map_legend" not in self.__dict__:  # pyqtgraph resizes the view inside its own __init__
            return
        self.map_legend.adjustSize()
        self.map_legend.move(max(0, self.width() - self.map_legend.width() - 8), 8)

    def centre_on(self, x: float, y: float) -> None:
        """Pan (keeping the zoom) so map point (x, y) metres is in the middle of the view."""
        view = self.getPlotItem().vb
        (x0, x1), (y0, y1) = view.viewRange()
        half_w, half_h = (x1 - x0) / 2.0, (y1 - y0) / 2.0
        view.setRange(xRange=(x - half_w, x + half_w), yRange=(y - half_h, y + half_h), padding=0)
        self.framed = False

    def view_centre(self) -> tuple[float, float]:
        (x0, x1), (y0, y1) = self.getPlotItem().vb.viewRange()
        return (x0 + x1) / 2.0, (y0 + y1) / 2.0

    def fit(self) -> None:
        """Frame the district (its compounds, buildings, roads and areas) with a small margin, and keep it
        framed through resizes. Moving things are left out of the frame: one guard or track far outside
        would shrink the whole district into a corner of the pane. With no district drawn, everything."""
        bounds = self.district_bounds()
        if bounds is None:
            self.getPlotItem().autoRange(padding=0.05)
        else:
            x0, y0, x1, y1 = bounds
            self.getPlotItem().vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.05)
        self.framed = True

    def district_bounds(self) -> tuple[float, float, float, float] | None:
        """min x, min y, max x, max y (local metres) of the district's own layers, None when none is drawn."""
        parts: list[FloatArray] = []
        for name in DISTRICT_LAYERS:
            data = self._given.get(name)
            if data is None:
                continue
            for primitive in (data.polygons, data.lines, data.points):
                if primitive is not None and len(primitive.xy):
                    parts.append(primitive.xy)
        if not parts:
            return None
        xy = np.concatenate(parts)
        finite = xy[np.isfinite(xy).all(axis=1)]
        if not len(finite):
            return None
        (x0, y0), (x1, y1) = finite.min(axis=0), finite.max(axis=0)
        return float(x0), float(y0), float(x1), float(y1)

    def _refit(self) -> None:
        """Deferred from a resize: the map may be gone by then (a window closed right after resizing)."""
        if self.framed and self.getPlotItem() is not None:
            self.fit()

    def _unframe(self, *_: object) -> None:
        self.framed = False
