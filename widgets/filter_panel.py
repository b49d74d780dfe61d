"""The element filter panel (要素筛选): tick room usages, person tags, device kinds, circles, compounds or
grids and the 2D map and the 3D sandbox show only what matches, with a count beside each value.

The selection logic is `layers.filters`; this panel only lists the values, remembers each user's ticks
(QSettings, keyed by user) and hands the selection to both views.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from layers import filters
from layers.data import LayerData
from layers.filters import ElementFilter, Selection
from sandbox_app.domain.device_kinds import Circle
from sandbox_app.domain.enums import PersonTag
from sandbox_app.domain.grids import grids_of
from sandbox_app.domain.model import District
from widgets.map2d import Map2D
from widgets.texts import QT_TRANSLATE_NOOP, device_kind_text, room_usage_text

SETTINGS_KEY = "element_filters/{user}"
ROLE_FACET = Qt.ItemDataRole.UserRole
ROLE_VALUE = Qt.ItemDataRole.UserRole + 1

FACET_TITLES: dict[str, str] = {
    "usage": QT_TRANSLATE_NOOP("FilterPanel", "Room usage"),
    "tag": QT_TRANSLATE_NOOP("FilterPanel", "Person tag"),
    "kind": QT_TRANSLATE_NOOP("FilterPanel", "Device kind"),
    "circle": QT_TRANSLATE_NOOP("FilterPanel", "Protective circle"),
    "compound": QT_TRANSLATE_NOOP("FilterPanel", "Compound"),
    "grid": QT_TRANSLATE_NOOP("FilterPanel", "Grid"),
}
TAGS: dict[str, str] = {
    PersonTag.ELDERLY_ALONE.value: QT_TRANSLATE_NOOP("FilterPanel", "elderly living alone"),
    PersonTag.DISABLED.value: QT_TRANSLATE_NOOP("FilterPanel", "disabled"),
    PersonTag.KEY_PERSON.value: QT_TRANSLATE_NOOP("FilterPanel", "key person"),
    PersonTag.FLOATING.value: QT_TRANSLATE_NOOP("FilterPanel", "floating population"),
    PersonTag.MINOR.value: QT_TRANSLATE_NOOP("FilterPanel", "minor"),
    PersonTag.WATCHLIST.value: QT_TRANSLATE_NOOP("FilterPanel", "watch-listed"),
}
CIRCLES: dict[str, str] = {
    Circle.OUTER.value: QT_TRANSLATE_NOOP("FilterPanel", "outer circle (gates, perimeter)"),
    Circle.MIDDLE.value: QT_TRANSLATE_NOOP("FilterPanel", "middle circle (inside the compound)"),
    Circle.INNER.value: QT_TRANSLATE_NOOP("FilterPanel", "inner circle (buildings)"),
    Circle.MOBILE.value: QT_TRANSLATE_NOOP("FilterPanel", "mobile equipment"),
}


def user_settings() -> QSettings:
    """The desk's per-user settings file (an INI file, so tests can point it elsewhere with `setPath`)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "digital-sandbox", "desk")


def _tr(source: str) -> str:
    return QCoreApplication.translate("FilterPanel", source)


class FilterPanel(QDockWidget):
    """Ticks within one facet are alternatives, ticks in several facets must all hold (`layers.filters`)."""

    def __init__(
        self,
        map2d: Map2D,
        apply_3d: Callable[[District], None] | None = None,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        """`apply_3d` receives the district the 3D sandbox should draw (None: no 3D pane)."""
        super().__init__(self.tr("Element filters"), parent)
        self.setObjectName("filter_panel")
        self.map2d = map2d
        self.apply_3d = apply_3d
        self.settings = settings if settings is not None else user_settings()
        self.user = ""
        self.district = District(name="", timezone="UTC")
        self.counts: dict[str, dict[str, int]] = {}
        self.grid_names: dict[str, str] = {}
        """Grid id → name, for the package's grid polygons (domain/grids.py)."""
        self.element_filter = ElementFilter()
        self.selection = Selection(None, None, None, None)
        self._3d_filtered = False
        """Whether the 3D pane shows a filtered district (so clearing the filter must redraw it whole)."""
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("filter_tree")
        self.tree.setHeaderHidden(True)
        self.summary = QLabel(body)
        self.summary.setObjectName("filter_summary")
        self.summary.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Show all"), body)
        self.clear_button.setObjectName("filter_clear")
        self.clear_button.clicked.connect(self.clear)
        for widget in (self.tree, self.summary, self.clear_button):
            layout.addWidget(widget)
        self.setWidget(body)
        self._filling = False
        self.tree.itemChanged.connect(self._ticked)

    # --- what is listed ------------------------------------------------------------------------------
    def set_district(self, district: District) -> None:
        """List `district`'s values with their counts and show it through this user's remembered filter."""
        self.district = district
        self._3d_filtered = False  # the 3D pane was just given the whole district
        self.counts = filters.facet_counts(district)
        self.grid_names = {g.id: g.name for g in grids_of(district).values()}
        self.element_filter = self._remembered()
        self._fill()
        self._apply()

    def set_user(self, user: str) -> None:
        """Whose ticks are remembered; switching user shows that user's own filter."""
        self.user = user
        self.element_filter = self._remembered()
        self._fill()
        self._apply()

    def value_text(self, facet: str, value: str) -> str:
        """A value as the panel names it (compounds and grids by name; tags and circles translated)."""
        if facet == "usage":
            return room_usage_text(value)
        if facet == "kind":
            return device_kind_text(value)
        if facet == "tag":
            return _tr(TAGS[value]) if value in TAGS else value
        if facet == "circle":
            return _tr(CIRCLES[value]) if value in CIRCLES else value
        if facet == "compound" and value in self.district.compounds:
            return self.district.compounds[value].name or value
        if facet == "grid" and value in self.grid_names:
            return self.grid_names[value]
        return value

    def _fill(self) -> None:
        self._filling = True
        self.tree.clear()
        for facet in filters.FACETS:
            values = self.counts.get(facet, {})
            if not values:
                continue
            top = QTreeWidgetItem(self.tree, [_tr(FACET_TITLES[facet])])
            top.setData(0, ROLE_FACET, facet)
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            chosen = self.element_filter.values(facet)
            by_count = dict(sorted(values.items(), key=lambda kv: -kv[1]))
            order = values if facet in ("compound", "grid") else by_count
            for value, count in order.items():
                child = QTreeWidgetItem(top, [f"{self.value_text(facet, value)} ({count})"])
                child.setData(0, ROLE_FACET, facet)
                child.setData(0, ROLE_VALUE, value)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked)
            top.setExpanded(bool(chosen) or facet in ("usage", "tag", "circle"))
        self._filling = False

    def value_items(self) -> Iterator[QTreeWidgetItem]:
        """Every tickable value, facet by facet."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount() if top is not None else 0):
                child = top.child(j) if top is not None else None
                if child is not None:
                    yield child

    def item_for(self, facet: str, value: str) -> QTreeWidgetItem | None:
        for child in self.value_items():
            if child.data(0, ROLE_FACET) == facet and child.data(0, ROLE_VALUE) == value:
                return child
        return None

    # --- ticking -------------------------------------------------------------------------------------
    def _ticked(self, _item: QTreeWidgetItem) -> None:
        if self._filling:
            return
        chosen: dict[str, set[str]] = {}
        for child in self.value_items():
            if child.checkState(0) == Qt.CheckState.Checked:
                chosen.setdefault(str(child.data(0, ROLE_FACET)), set()).add(str(child.data(0, ROLE_VALUE)))
        self.set_filter(ElementFilter.of(**chosen))

    def set_filter(self, flt: ElementFilter) -> None:
        """Show `flt` in both views, tick it in the list and remember it for this user."""
        self.element_filter = flt
        self.settings.setValue(SETTINGS_KEY.format(user=self.user or "desk"), json.dumps(flt.to_json()))
        if not self._filling:
            self._filling = True
            for child in self.value_items():
                on = str(child.data(0, ROLE_VALUE)) in flt.values(str(child.data(0, ROLE_FACET)))
                child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self._filling = False
        self._apply()

    def clear(self) -> None:
        self.set_filter(ElementFilter())

    def _remembered(self) -> ElementFilter:
        raw = self.settings.value(SETTINGS_KEY.format(user=self.user or "desk"), "")
        try:
            return ElementFilter.from_json(json.loads(str(raw))) if raw else ElementFilter()
        except ValueError:
            return ElementFilter()

    # --- showing -------------------------------------------------------------------------------------
    def _effective(self) -> ElementFilter:
        """The filter without values this district does not have (a remembered compound of another one)."""
        return ElementFilter.of(
            **{f: v & set(self.counts.get(f, {})) for f, v in self.element_filter.chosen.items()}
        )

    def _apply(self) -> None:
        flt = self._effective()
        self.selection = filters.select(self.district, flt)
        sel = self.selection
        shown: Callable[[LayerData], LayerData] | None = None
        if flt.active:

            def shown(data: LayerData) -> LayerData:
                return filters.apply(data, sel)

        self.map2d.set_element_filter(shown)
        if self.apply_3d is not None and (flt.active or self._3d_filtered):
            self.apply_3d(filters.sub_district(self.district, sel))
            self._3d_filtered = flt.active
        self._summarise()

    def refresh_3d(self) -> None:
        """A 3D pane built after the 2D map (startup) draws what the filter keeps."""
        if self.apply_3d is not None and self._effective().active:
            self.apply_3d(filters.sub_district(self.district, self.selection))
            self._3d_filtered = True

    def _summarise(self) -> None:
        d, sel = self.district, self.selection
        n_b = len(d.buildings) if sel.buildings is None else len(sel.buildings)
        n_d = len(d.devices) if sel.devices is None else len(sel.devices)
        self.summary.setText(
            self.tr("Showing {0} of {1} buildings, {2} of {3} devices").format(
                n_b, len(d.buildings), n_d, len(d.devices)
            )
        )
        self.clear_button.setEnabled(self.element_filter.active)
