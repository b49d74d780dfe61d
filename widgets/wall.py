"""Wall-screen mode: a command-centre view, no keyboard, names always masked; new high alerts take the stage.

`WallDirector` decides what the wall looks at; `widgets.wall_screen` lays it out. A new high or critical
alert takes focus: the 2D map frames it with its surroundings, `MainWindow.focus_requested` asks the 3D
pane to fly there, a sound plays, the focus card names it (level, rule, compound, building and room,
whether a guard is on the way) and, when its camera gives a stream (`stream` / `url` in its extra fields),
the live video shows. After `FOCUS_HOLD_MS` the next waiting alert takes over, or the wall goes back to the
overview (3D full view, a slow tour of the compounds on the 2D map). An alert nobody has been sent to
stays listed in red until someone goes, whatever the focus does. Everything it remembers is bounded
(`sandbox_app.station.wall.FocusQueue`). Figures and the clock come from the live feed (the engine's clock).
"""

from __future__ import annotations

import dataclasses
import logging

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer

from layers import compounds
from sandbox_app.analytics.stats import GuardState
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.device_kinds import camera_stream
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.model import District
from sandbox_app.station.wall import (
    FocusQueue,
    TourStop,
    alert_place,
    linked_camera,
    local_time,
    open_by_level,
    population,
    roster_counts,
    tour_stops,
    unattended,
    with_context,
)
from widgets.camera_tile import CameraTile
from widgets.sound import Beeper
from widgets.wall_parts import MAP_CAPTION_FILL, MAP_LABEL_RGBA
from widgets.wall_screen import MAX_FLAGS, WallScreen
from widgets.wall_view import WallView

log = logging.getLogger(__name__)
FOCUS_HOLD_MS = 30_000
FOCUS_HALF_M = 300.0
"""The focused alert is shown with this much of the district around it (metres, each side)."""
TOUR_HALF_M = 350.0
"""A tour stop shows at least this much around its compound (metres, each side)."""
TOUR_STEP_MS = 20_000


class WallDirector(QObject):
    """Focus on new high alerts, then back to the overview and a slow tour; owns the wall's timers."""

    def __init__(self, window: WallView, screen: WallScreen, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.screen = screen
        self.camera: CameraTile = screen.camera
        self.queue = FocusQueue()
        self.beeper = Beeper()
        self.stops: list[TourStop] = []
        self.stop_index = -1
        self.focused: Alert | None = None
        self.people = population(window.scene.district)
        self.map_caption = ""
        """The compound named on the 2D map."""
        self._compounds: District | None = None
        self.caption_item = pg.TextItem("", color=MAP_LABEL_RGBA, fill=MAP_CAPTION_FILL, anchor=(0, 0))
        self.caption_item.setZValue(1_000)
        window.map2d.getPlotItem().addItem(self.caption_item, ignoreBounds=True)
        window.map2d.getPlotItem().vb.sigRangeChanged.connect(lambda *_: self._place_caption())
        window.map2d.installEventFilter(self)
        self.hold = QTimer(self)
        self.hold.setSingleShot(True)
        self.hold.setInterval(FOCUS_HOLD_MS)
        self.hold.timeout.connect(self.next)
        self.tour = QTimer(self)
        self.tour.setInterval(TOUR_STEP_MS)
        self.tour.timeout.connect(self.tour_step)
        self.tour.start()
        self.set_district()

    def set_district(self) -> None:
        """A (new) district: its tour, figures and title; the overview once the window has drawn it."""
        district = self.window.scene.district
        self.stops = tour_stops(district)
        self.stop_index = -1
        self.people = population(district)
        self.screen.show_title(district.name)
        QTimer.singleShot(0, self._overview_if_idle)  # after the window has set the district's layers

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The map resized (the flagged list or the camera tile came or went): frame the same place again,
        or the focused alert would drift to an edge."""
        if watched is self.window.map2d and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._reframe)
        return False

    def _reframe(self) -> None:
        if self.focused is not None:
            self.window.centre_on_alert(self.focused.id, FOCUS_HALF_M)
        elif self.stops and self.stop_index >= 0:
            stop = self.stops[self.stop_index % len(self.stops)]
            self.window.frame_lonlat(with_context(stop.bounds, TOUR_HALF_M), margin=0.02)

    def _overview_if_idle(self) -> None:
        if self.focused is None:
            self.release()

    def offer(self, alerts: list[Alert]) -> None:
        """Changed alerts from the live feed; new high ones queue up and the first takes focus at once, and
        a more severe one takes it from whatever is on screen."""
        if not self.queue.offer(alerts):
            return
        if self.focused is None:
            self.next()
        elif self.queue.outranks(self.focused):
            self.queue.put_back(self.focused)
            self.next()

    def next(self) -> None:
        """Focus the next waiting alert, or go back to the overview."""
        alert = self.queue.take()
        while alert is not None and alert.id not in self.window.alerts_panel.alerts:
            alert = self.queue.take()  # handled (or dismissed) while it waited
        if alert is None:
            self.release()
            return
        self.focus(alert)

    def focus(self, alert: Alert) -> None:
        self.focused = alert
        self.tour.stop()
        window = self.window
        district = window.scene.district
        window.centre_on_alert(alert.id, FOCUS_HALF_M)
        window.request_fly_to(alert.id)
        # an alert about another alert (移交超时, 超时未到场): that alert's place and kind
        origin = window.alerts_panel.alerts.get(alert.subject) if alert.subject_type == "alert" else None
        about = window.alerts_panel.rule_text(origin.rule) if origin is not None else ""
        if origin is None and alert.data.get("alert_rule"):
            about = window.alerts_panel.rule_text(str(alert.data["alert_rule"]))
        place = alert_place(district, origin or alert, window.scene.guard_positions)
        camera = linked_camera(district, alert, window.scene.guard_positions)
        stream = camera_stream(camera.extra) if camera is not None else None
        if camera is not None and stream is not None:
            self.camera.show_camera(camera.id, camera.name, stream)
        else:
            self.camera.clear()
        first = local_time(alert.first_ts, district.timezone)
        self.screen.show_focus(
            alert,
            window.alerts_panel.rule_text(alert.rule),
            place,
            (camera.name or camera.id) if camera is not None else "",
            f"{first.hour:02d}:{first.minute:02d}:{first.second:02d}",
            window.alerts_panel.subject_name(origin or alert),
            about,
        )
        self.label_compound(place.compound_id, place.compound)
        self.refresh()
        self.beeper.play()
        self.hold.start()

    def release(self) -> None:
        """Back to the overview: the 3D sandbox shows the whole district, the 2D map tours the compounds."""
        self.focused = None
        self.hold.stop()
        self.camera.clear()
        if self.window.sandbox3d is not None:  # the tour is of the whole model, not the last close-up
            self.window.sandbox3d.reset_view()
        if not self.tour.isActive():
            self.tour.start()
        self.tour_step()
        self.refresh()

    def tour_step(self) -> None:
        if self.focused is not None:
            return
        if not self.stops:
            self.screen.show_tour(self.window.scene.district.name)
            return
        self.stop_index = (self.stop_index + 1) % len(self.stops)
        stop = self.stops[self.stop_index]
        self._reframe()
        self.screen.show_tour(stop.name)
        self.label_compound(stop.compound_id, stop.name)

    def label_compound(self, compound_id: str, name: str) -> None:
        """The compound on stage is named in the 2D map's top-left corner, and no other: at wall size,
        thirty names would collide (the card or the tour caption names the same compound)."""
        self.map_caption = name if compound_id else ""
        self._place_caption()

    def _place_caption(self) -> None:
        """Keep the map's caption in its corner as the view moves (focus, tour, resize); the compounds'
        own labels are left off on the wall."""
        window = self.window
        if not hasattr(window, "projection"):
            return  # the window sets its district's projection after the wall is built
        district = window.scene.district
        if self._compounds is not district:
            self._compounds = district
            data = compounds.layer(district, window.projection)
            window.map2d.set_layer(dataclasses.replace(data, labels=None))
        (x0, _), (_, y1) = window.map2d.getPlotItem().vb.viewRange()
        self.caption_item.setFont(self.screen.map_font())
        self.caption_item.setText(self.map_caption)
        self.caption_item.setPos(x0, y1)

    def refresh(self) -> None:
        """Clock, figures, roster counts and the unattended alerts (once a second, from the live feed)."""
        window = self.window
        district = window.scene.district
        now = window.engine_clock.now_ms()
        self.screen.show_clock(local_time(now, district.timezone) if now > 0 else None)
        kinds = window.health_panel.kinds
        total = sum(k.total for k in kinds)
        online = 100.0 * sum(k.online for k in kinds) / total if total else 100.0
        figures = window.dashboard.figures
        passes = sum(figures.reads_today.values()) if figures is not None else 0
        alerts = list(window.alerts_panel.alerts.values())
        self.screen.show_figures(open_by_level(alerts), window.roster.counts(), online, passes, self.people)
        roster = window.roster
        self.screen.show_roster(roster_counts(roster.rows), {s: roster.state_text(s) for s in GuardState})
        waiting = unattended(alerts, window.dispatch.dispatches)
        lines = []
        for alert in waiting[:MAX_FLAGS]:
            place = alert_place(district, alert, window.scene.guard_positions)
            where = place.compound or window.alerts_panel.subject_name(alert)  # in words, never an id
            lines.append((alert, window.alerts_panel.rule_text(alert.rule), where, self._minutes(alert)))
        self.screen.show_flags(lines, len(waiting))
        if self.focused is not None:
            current = window.alerts_panel.alerts.get(self.focused.id)
            handled = current is None or current.state is AlertState.RESOLVED
            is_waiting = current is not None and any(a.id == current.id for a in waiting)
            self.screen.show_focus_status(self.focused, is_waiting, handled, self._minutes(self.focused))

    def _minutes(self, alert: Alert) -> int:
        """Minutes since the alert was raised, on the engine's clock."""
        now = self.window.engine_clock.now_ms()
        return max(0, (now - alert.first_ts) // 60_000) if now > 0 else 0

    def stop(self) -> None:
        self.hold.stop()
        self.tour.stop()
        self.camera.clear()  # the video's decoder thread ends with the wall
