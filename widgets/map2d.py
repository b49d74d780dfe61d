"""The 2D map: a pyqtgraph view with one item per layer and primitive, metres east/north, north up."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from layers import style
from layers.data import Labels, LayerData, Lines, Points, Polygons
from widgets.render2d import LabelsItem, LinesItem, PointsItem, PolygonsItem

Item = PolygonsItem | LinesItem | PointsItem | LabelsItem
_KIND: dict[type, type] = {PolygonsItem: Polygons, LinesItem: Lines, PointsItem: Points, LabelsItem: Labels}


class Map2D(pg.PlotWidget):  # type: ignore[misc]
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
        self._visible: dict[str, bool] = {}

    def set_layer(self, data: LayerData) -> None:
        """Replace a layer's items; a hidden layer stays hidden after an update.

        When the layer keeps the same primitives (a live update of guards or alerts), its existing items
        get the new arrays instead of being rebuilt, so a moving layer stays one item for its whole life.
        """
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
            item.setZValue(data.z + offset * 0.1)
            item.setVisible(self._visible.get(data.name, True))
            self.addItem(item)
        self._items[data.name] = items

    def set_layer_visible(self, name: str, visible: bool) -> None:
        self._visible[name] = visible
        for item in self._items.get(name, []):
            item.setVisible(visible)

    def layer_items(self, name: str) -> list[Item]:
        return list(self._items.get(name, []))

    def centre_on(self, x: float, y: float) -> None:
        """Pan (keeping the zoom) so map point (x, y) metres is in the middle of the view."""
        view = self.getPlotItem().vb
        (x0, x1), (y0, y1) = view.viewRange()
        half_w, half_h = (x1 - x0) / 2.0, (y1 - y0) / 2.0
        view.setRange(xRange=(x - half_w, x + half_w), yRange=(y - half_h, y + half_h), padding=0)

    def view_centre(self) -> tuple[float, float]:
        (x0, x1), (y0, y1) = self.getPlotItem().vb.viewRange()
        return (x0 + x1) / 2.0, (y0 + y1) / 2.0

    def fit(self) -> None:
        """Frame everything drawn, with a small margin."""
        self.getPlotItem().autoRange(padding=0.05)
