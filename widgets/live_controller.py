"""Connects a running `LiveSession` to the main window: coalesced bus updates in, user intent out.

Everything here runs on the UI thread. The engine is only ever reached through `LiveSession.submit`, so a
click never waits on the pipeline: its result (or refusal) comes back through `QtBus.post`.
"""

from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QEvent, QObject

from sandbox_app.dispatch.lifecycle import Outcome
from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.domain.alerts import Alert, CloseOutcome
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock
from sandbox_app.patrol.config import PatrolError, load_patrols
from sandbox_app.station.live import LiveSession
from widgets import startup_trace
from widgets.incident_dialog import attach_incident_entry
from widgets.incidents_panel import attach_incidents_panel
from widgets.live_panels import LivePanels
from widgets.main_window import MainWindow
from widgets.qt_bus import LiveUpdate, QtBus

RATE_WINDOW_S = 5.0
STOP_TIMEOUT_S = 15.0
log = logging.getLogger(__name__)


class ReplayRefused(RuntimeError):
    """A live command asked for while the desk replays the past: nothing was sent."""


class LiveController(QObject):
    def __init__(
        self, window: MainWindow, session: LiveSession, actor: str, *, renew_on_import: bool = True
    ) -> None:
        """`renew_on_import`: after File → Import the live session restarts on the new district (False: it
        only stops, e.g. a city station whose link to the other stations belongs to the first session)."""
        super().__init__(window)
        self.renew_on_import = renew_on_import
        self.window = window
        self.session = session
        self.actor = actor
        self.clock = WallClock()
        self.events_total = 0
        self.health: dict[str, object] = {}
        self._rate: deque[tuple[float, int]] = deque()
        self._by_device = window.scene.district.guard_by_device()
        self.qt_bus = QtBus(session.bus, parent=self)
        self.qt_bus.updated.connect(self.apply)
        self.panels = LivePanels(window, session, self.qt_bus)
        window.alerts_panel.transition_requested.connect(self.request_transition)
        window.alerts_panel.close_requested.connect(
            lambda alert_id, outcome, note: self.request_transition(
                alert_id, AlertState.CLOSED.value, note, outcome
            )
        )
        window.alerts_panel.handoff_requested.connect(self.request_handoff)
        panel = window.dispatch_panel
        if not window.wall_mode:  # the wall only watches: no dispatching there
            panel.show()
            window.fit_docks()  # the orders under the candidates stay in view: most of the column
        panel.recommend_requested.connect(self.request_recommendation)
        panel.dispatch_requested.connect(self.request_dispatch)
        panel.one_call_requested.connect(self.request_one_call)
        panel.cancel_requested.connect(self.request_cancel)
        panel.report_requested.connect(self.request_report)
        self.incident_entry = None if window.wall_mode else attach_incident_entry(window, session, actor)
        self.incidents_panel = (
            None if window.wall_mode else attach_incidents_panel(window, session, actor, self.qt_bus.post)
        )  # 警情 and their plans
        try:  # the roster panel's shift column (排班); the station runs without one when the file is wrong
            window.roster.set_duty(load_patrols(district=window.scene.district))
        except PatrolError as exc:
            log.warning("%s", exc)
        window.installEventFilter(self)
        window.importer.imported.connect(self._district_replaced)
        self._show_rate()
        self._show_starting()

    def _show_starting(self) -> None:
        options = getattr(self.session, "options", None)  # a test's stand-in session may have none
        feeds = options is None or options.simulate or options.bridges is not None
        # Without a feed nothing will ever report health: say "offline view" rather than "starting…" forever.
        self.window.status_labels["health"].setText(
            self.tr("Live feed: starting…") if feeds else self.tr("Offline view")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window closing stops the worker first, so no thread outlives it."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def start(self) -> None:
        self.session.start()

    def stop(self) -> None:
        """Stop and join the worker, then deliver its last messages. Idempotent.

        A worker stuck in a long engine call (e.g. the warm-up replay of a big log) is left behind: it is a
        daemon thread, and the window must still close.
        """
        try:
            self.session.stop(timeout=STOP_TIMEOUT_S)
        except TimeoutError:
            log.warning(
                "live session did not stop within %s s; leaving it to exit with the app", STOP_TIMEOUT_S
            )
        self.panels.stop()
        self.qt_bus.close()

    # bus → window ----------------------------------------------------------------------------------
    def apply(self, update: LiveUpdate) -> None:
        self.panels.apply(update)
        if update.started is not None:
            startup_trace.mark("engine_started")
            self.window.update_alerts(update.started.alerts, notify=False)  # open before: not new
        if update.fixes:
            positions = {
                self._by_device[d].id: (f.lon, f.lat) for d, f in update.fixes.items() if d in self._by_device
            }
            if positions:
                self.window.set_guard_positions(positions)
        if update.alerts:
            self.window.update_alerts(update.alerts.values())
        if update.risk is not None:
            self.window.set_risk({**update.risk.buildings, **update.risk.compounds})
        if update.dispatch is not None:
            self.window.set_dispatches(update.dispatch)
        if update.coverage is not None:
            self.window.set_coverage(update.coverage)
        self._count(update.events)
        if update.health:
            self.health.update(update.health)
            self._show_health()
            self.window.set_bridge_health(self.health)
        if update.stopped is not None:
            self._show_stopped(update.stopped.error)

    def _count(self, events: int) -> None:
        if events and not self.events_total:  # the first live event: shown with the map's next paint
            startup_trace.mark("events_arrived")
            startup_trace.on_first_paint(self.window.map2d.viewport(), "live")
        now = self.clock.monotonic_s()
        self.events_total += events
        self._rate.append((now, events))
        while self._rate and self._rate[0][0] < now - RATE_WINDOW_S:
            self._rate.popleft()
        self._show_rate()

    def events_per_s(self) -> float:
        if len(self._rate) < 2:
            return 0.0
        span = max(self._rate[-1][0] - self._rate[0][0], 1e-3)
        return sum(n for _, n in list(self._rate)[1:]) / span

    def _show_rate(self) -> None:
        text = self.tr("Events: {0} ({1}/s)").format(self.events_total, round(self.events_per_s()))
        self.window.status_labels["rate"].setText(text)

    def _show_health(self) -> None:
        parts = []
        for name, health in sorted(self.health.items()):
            state = self.tr("connected") if getattr(health, "connected", False) else self.tr("disconnected")
            parts.append(
                self.tr("{0}: {1}, {2} received, {3} rejected").format(
                    self._bridge_title(name),
                    state,
                    getattr(health, "received", 0),
                    getattr(health, "rejected", 0),
                )
            )
        self.window.status_labels["health"].setText(" · ".join(parts))

    def _district_replaced(self, district: District) -> None:
        """A session runs on the district it was built with: an import ends it rather than mixing two, and
        (unless `renew_on_import` is off) a fresh one on the new district starts at once, through the same
        Qt bus and panels, so the map, the tables and a replay's hold keep their connections."""
        try:
            self.session.stop(timeout=STOP_TIMEOUT_S)
        except TimeoutError:  # as in `stop`: a daemon thread left behind must not keep the desk offline
            log.warning("live session did not stop within %s s before the import's", STOP_TIMEOUT_S)
        if not self.renew_on_import:
            self.stop()
            text = self.tr("Live feed stopped: a new district was imported; restart to go live on it.")
            self.window.status_labels["health"].setText(text)
            return
        self.session = self.session.renewed(district)
        self._by_device = district.guard_by_device()
        self.health.clear()
        self.qt_bus.switch(self.session.bus)
        self.panels.switch(self.session)
        if self.incident_entry is not None:
            self.incident_entry.session = self.session
        if self.incidents_panel is not None:
            self.incidents_panel.session = self.session
        self._show_starting()
        self.session.start()

    def _bridge_title(self, name: str) -> str:
        """Built-in bridges by their translated title; configured ones (e.g. "mqtt:station-7") as named."""
        return {"simulator": self.tr("Simulator")}.get(name, name)

    def _show_stopped(self, error: str | None) -> None:
        if error:
            self.window.status_labels["health"].setText(self.tr("Live feed failed: {0}").format(error))

    # window → engine -------------------------------------------------------------------------------
    def _refused(self, what: str, tell: bool = True) -> Future[Any] | None:
        """The one guard every command passes: in replay (`window.mode`) nothing reaches the engine, the
        desk or a guard's phone, whichever button or signal asked; the returned future carries the refusal.
        None when the desk is live."""
        if not self.window.mode.replaying:
            return None
        log.info("refused in replay: %s", what)
        if tell:
            self.window.statusBar().showMessage(self.window.mode.refusal(), 10_000)
        refused: Future[Any] = Future()
        refused.set_exception(ReplayRefused(what))
        return refused

    def request_transition(self, alert_id: str, state: str, note: str, outcome: str = "") -> Future[Alert]:
        """One lifecycle step; `outcome` (a CloseOutcome value) goes with closing."""
        if (refused := self._refused(f"transition {alert_id} → {state}")) is not None:
            return refused
        closing = CloseOutcome(outcome) if outcome else None
        future = self.session.transition(alert_id, AlertState(state), self.actor, note, closing)
        future.add_done_callback(lambda f: self.qt_bus.post(lambda: self._transition_done(f)))
        return future

    def request_handoff(self, alert_id: str, party: str, note: str) -> Future[Alert]:
        """移交物业 / 移交110: the engine records the hand-off (and its time limit) on its worker."""
        if (refused := self._refused(f"hand {alert_id} to {party}")) is not None:
            return refused
        future = self.session.submit(lambda engine: engine.hand_alert(alert_id, party, self.actor, note))
        future.add_done_callback(lambda f: self.qt_bus.post(lambda: self._transition_done(f)))
        return future

    def _transition_done(self, future: Future[Alert]) -> None:
        if future.cancelled():
            self.window.statusBar().showMessage(self.tr("The live feed has stopped; nothing was changed."))
            return
        error = future.exception()
        if error is not None:
            self.window.statusBar().showMessage(self.tr("Not changed: {0}").format(error), 10_000)
            return
        alert = future.result()  # the panel redraws from the bus copy; this is only the confirmation
        self.window.statusBar().showMessage(
            self.tr("{0}: {1}").format(
                self.window.alerts_panel.rule_text(alert.rule),
                self.window.alerts_panel.state_text(alert.state),
            ),
            5_000,
        )

    # dispatch --------------------------------------------------------------------------------------
    def request_recommendation(self, alert_id: str) -> Future[list[Candidate]]:
        if (refused := self._refused(f"recommend {alert_id}", tell=False)) is not None:
            return refused
        future = self.session.recommend(alert_id)
        future.add_done_callback(lambda f: self.qt_bus.post(lambda: self._recommended(alert_id, f)))
        return future

    def _recommended(self, alert_id: str, future: Future[list[Candidate]]) -> None:
        if not future.cancelled() and future.exception() is None:
            self.window.dispatch_panel.show_candidates(alert_id, future.result())
        elif not future.cancelled():
            self.window.statusBar().showMessage(self.tr("No recommendation: {0}").format(future.exception()))

    def request_dispatch(self, alert_id: str, guards: list[str]) -> Future[Outcome]:
        if (refused := self._refused(f"dispatch {guards} to {alert_id}")) is not None:
            return refused
        future = self.session.dispatch(alert_id, guards, self.actor)
        future.add_done_callback(lambda f: self.qt_bus.post(lambda: self._dispatched(alert_id, f)))
        return future

    def request_one_call(self, alert_id: str, within_s: float) -> Future[Outcome]:
        if (refused := self._refused(f"one call for {alert_id}")) is not None:
            return refused
        future = self.session.one_call(alert_id, within_s, self.actor)
        future.add_done_callback(lambda f: self.qt_bus.post(lambda: self._dispatched(alert_id, f)))
        return future

    def _dispatched(self, alert_id: str, future: Future[Outcome]) -> None:
        """Says who was sent, and who another commander already holds ("the other is told")."""
        if self._failed(future):
            return
        outcome = future.result()
        parts = [self.tr("Sent: {0}").format(", ".join(d.guard_id for d in outcome.created) or "—")]
        for busy in outcome.busy:
            parts.append(
                self.tr("{0} is already on order {1} ({2})").format(
                    busy.guard_id, busy.holder, busy.holder_commander
                )
            )
        self.window.statusBar().showMessage("; ".join(parts), 10_000)
        self.request_recommendation(alert_id)

    def request_cancel(self, dispatch_id: str, reason: str) -> Future[Dispatch]:
        if (refused := self._refused(f"cancel {dispatch_id}")) is not None:
            return refused
        future = self.session.cancel(dispatch_id, self.actor, reason)
        future.add_done_callback(lambda f: self.qt_bus.post(lambda: self._cancelled(f)))
        return future

    def _cancelled(self, future: Future[Dispatch]) -> None:
        if not self._failed(future):
            self.window.statusBar().showMessage(
                self.tr("Order {0} cancelled").format(future.result().id), 5_000
            )

    def request_report(self, dispatch_id: str, state: str, note: str, photo: object) -> Future[Dispatch]:
        """A step the commander reports by hand; a refusal (e.g. the guard's own report got there first)
        shows in the status bar."""
        if (refused := self._refused(f"report {dispatch_id} {state}")) is not None:
            return refused
        path = photo if isinstance(photo, str) and photo else None
        future = self.session.report(dispatch_id, DispatchState(state), self.actor, note, path)
        future.add_done_callback(lambda f: self.qt_bus.post(lambda: self._reported(f)))
        return future

    def _reported(self, future: Future[Dispatch]) -> None:
        if not self._failed(future):
            d = future.result()
            text = self.tr("Order {0}: {1}").format(d.id, self.window.dispatch_panel.state_text(d.state))
            self.window.statusBar().showMessage(text, 5_000)

    def _failed(self, future: Future[Any]) -> bool:
        if future.cancelled():
            self.window.statusBar().showMessage(self.tr("The live feed has stopped; nothing was changed."))
            return True
        error = future.exception()
        if error is not None:
            self.window.statusBar().showMessage(self.tr("Not changed: {0}").format(error), 10_000)
            return True
        return False
