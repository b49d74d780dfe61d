"""An alert is a place: selecting one zooms the map to a street-level scale, rings it with a callout naming
the place, opens its card in the Details panel, and rings the guard the commander points at in the
candidate list.

The marks are shapes, never fills: an unfilled dark ring (`style.ALERT_SELECTED`) and a callout for the
alert, a ring in the guard's role colour for a candidate, so they cannot be mistaken for rental-blue
buildings. Kept out of `main_window` so the window only calls `AlertFocus(window)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer

from layers import alerts, style
from widgets.alert_card import Card, alert_card
from widgets.alert_place import subject_text
from widgets.render2d import qcolor

if TYPE_CHECKING:
    from widgets.desk import Desk

FRAME_HALF_M = 180.0
"""Selecting an alert frames this many metres either side of it when the view is wider than
`ZOOM_IN_ABOVE_M`: a compound with its buildings and the roads around, where guards can be seen coming."""
ZOOM_IN_ABOVE_M = 900.0
GUARD_RING_PX = 30.0
FOLLOW_MS = 1000
"""How often the map re-centres on a followed guard: often enough to keep a walking guard in view."""


class AlertFocus:
    """Wires the alert selection of one main window to its map, Details panel and dispatch panel."""

    def __init__(self, window: Desk) -> None:
        self.window = window
        self.alert_id = ""
        w = window
        w.alerts_panel.subject_name = lambda alert: subject_text(
            w.scene.district, alert, w.alerts_panel.alerts
        )
        w.dispatch_panel.subject_name = w.alerts_panel.subject_name
        w.detail.alert_card = self.card
        w.dispatch_panel.alert_open = lambda alert_id: alert_id in w.alerts_panel.alerts
        ring = style.ALERT_SELECTED
        self.ring = pg.ScatterPlotItem(
            symbol="o", pen=pg.mkPen(qcolor(ring.rgba), width=ring.width), brush=None, pxMode=True
        )
        self.ring.setZValue(60)
        self.callout = pg.TextItem(
            "", color=qcolor(ring.rgba), fill=pg.mkBrush(255, 255, 255, 230), anchor=(0, 1)
        )
        self.callout.setZValue(61)
        self.guard_ring = pg.ScatterPlotItem(symbol="o", brush=None, pxMode=True, size=GUARD_RING_PX)
        self.guard_ring.setZValue(59)
        preview = style.ROUTE_PREVIEW
        self.route = pg.PlotDataItem(
            pen=pg.mkPen(qcolor(preview.rgba), width=preview.width, style=Qt.PenStyle.DashLine)
        )
        self.route.setZValue(58)
        for item in (self.ring, self.callout, self.guard_ring, self.route):
            w.map2d.addItem(item)
            item.hide()
        w.alerts_panel.alert_selected.connect(self.select)
        w.alerts_panel.alerts_changed.connect(self._alerts_changed)
        w.dispatch_panel.candidates_shown.connect(self._candidates_shown)
        w.dispatch_panel.guard_highlighted.connect(self.highlight_guard)
        w.detail.dispatch_requested.connect(self._dispatch)
        self.follow_timer = QTimer(w.map2d)
        self.follow_timer.setInterval(FOLLOW_MS)
        self.follow_timer.timeout.connect(self.follow)
        w.dispatch_panel.follow.toggled.connect(self._follow_toggled)

    def card(self, alert_id: str) -> Card | None:
        w = self.window
        alert = w.alerts_panel.alerts.get(alert_id)
        if alert is None:
            return None
        panel = w.dispatch_panel
        shown = panel.alert is not None and panel.alert.id == alert_id
        return alert_card(
            w.scene.district,
            alert,
            w.alerts_panel.rule_text,
            w.alerts_panel.time_text,
            lambda state: w.alerts_panel.state_text(state),  # type: ignore[arg-type]
            panel.mode_text,
            panel.candidates if shown else (),
        )

    def select(self, alert_id: str) -> None:
        """Zoom, ring and label the alert; show its card (not on the wall, whose tour frames by itself)."""
        w = self.window
        self.alert_id = alert_id
        alert = w.alerts_panel.alerts.get(alert_id)
        where = alerts.subject_lonlat(w.scene.district, alert, w.scene.guard_positions) if alert else None
        if alert is None or where is None:
            self.ring.hide()
            self.callout.hide()
        else:
            ((x, y),) = w.projection.to_xy([where[0]], [where[1]])
            size = style.SEVERITY[alert.severity].size * style.ALERT_SELECTED_GROWTH
            self.ring.setData([float(x)], [float(y)], size=size)
            self.callout.setText(
                f"{w.alerts_panel.rule_text(alert.rule)} · {subject_text(w.scene.district, alert)}"
            )
            self.callout.setPos(float(x), float(y))
            self.ring.show()
            self.callout.show()
            if not w.wall_mode:
                (x0, x1), _ = w.map2d.getPlotItem().vb.viewRange()
                if x1 - x0 > 2 * ZOOM_IN_ABOVE_M:
                    w.centre_on_alert(alert_id, FRAME_HALF_M)
        if w.wall_mode:
            return
        if w.detail.show_item("alert", alert_id):
            w.detail.show()
            w.detail.raise_()

    def _alerts_changed(self) -> None:
        """An alert closed (or dismissed) while shown: the dispatch panel, card and ring follow the table's
        selection (another alert, or none) instead of staying on it."""
        w = self.window
        listed = w.dispatch_panel.dispatches
        if any(not d.state.holds_guard and d.alert_id not in w.alerts_panel.alerts for d in listed):
            # a released order of an alert just closed: off the list now, not at the next dispatch change
            w.dispatch_panel.update_dispatches(w.dispatch.dispatches)
        shown = w.dispatch_panel.alert
        detail = w.detail.current
        # every place the alert may still be shown: the dispatch panel, the ring, the card
        ids = {shown.id if shown is not None else "", self.alert_id}
        ids.add(detail[1] if detail is not None and detail[0] == "alert" else "")
        if all(i in w.alerts_panel.alerts for i in ids - {""}):
            return
        selected = w.alerts_panel.selected_id()
        if shown is None or shown.id not in w.alerts_panel.alerts:
            w.dispatch_panel.set_alert(w.alerts_panel.alerts.get(selected or ""))
        if selected:
            self.select(selected)
            return
        self.alert_id = ""
        for item in (self.ring, self.callout, self.guard_ring, self.route):
            item.hide()
        if w.detail.current is not None and w.detail.current[0] == "alert":
            w.detail.clear()

    def _candidates_shown(self, alert_id: str) -> None:
        if self.window.detail.current == ("alert", alert_id):
            self.window.detail.refresh()

    def _dispatch(self, alert_id: str) -> None:
        panel = self.window.dispatch_panel
        if panel.alert is not None and panel.alert.id == alert_id:
            panel.dispatch_nearest()

    def _follow_toggled(self, on: bool) -> None:
        if on:
            self.follow()
            self.follow_timer.start()
        else:
            self.follow_timer.stop()

    def follow(self) -> None:
        """Centre the map (keeping the zoom) on the guard of the order selected in the dispatch panel."""
        w = self.window
        chosen = w.dispatch_panel.chosen()
        where = w.scene.guard_positions.get(chosen.guard_id) if chosen is not None else None
        if where is not None:
            ((x, y),) = w.projection.to_xy([where[0]], [where[1]])
            w.map2d.centre_on(float(x), float(y))

    def highlight_guard(self, guard_id: str) -> None:
        """Ring a candidate guard on the map in its role's colour and preview its route to the alert as a
        dashed line (before anything is sent); "" removes both."""
        w = self.window
        where = w.scene.guard_positions.get(guard_id) if guard_id else None
        guard = w.scene.district.guards.get(guard_id)
        path = next((c.path for c in w.dispatch_panel.candidates if c.guard == guard_id), [])
        if len(path) >= 2:
            xy = w.projection.to_xy([p[0] for p in path], [p[1] for p in path])
            self.route.setData(xy[:, 0], xy[:, 1])
            self.route.show()
        else:
            self.route.hide()
        if where is None or guard is None:
            self.guard_ring.hide()
            return
        ((x, y),) = w.projection.to_xy([where[0]], [where[1]])
        colour = qcolor(style.GUARD_ROLE[guard.role].rgba)
        self.guard_ring.setData([float(x)], [float(y)], pen=pg.mkPen(colour, width=3.0))
        self.guard_ring.show()
