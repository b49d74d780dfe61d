"""Feeds the guard roster, device health, detail view and dashboard from a live session.

The live tally (last seen, battery) listens on the engine's bus on the worker thread; a 1 Hz timer on the
UI thread hands its snapshot to the window. The dashboard's figures need the store, so they are computed on
the worker (`LiveSession.submit`) every `FIGURES_EVERY_S` and come back through `QtBus.post`.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from sandbox_app.analytics import stats
from sandbox_app.engine.messages import StateDelta
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.live import LiveSession
from widgets.qt_bus import LiveUpdate, QtBus

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

PANELS_EVERY_MS = 1_000
FIGURES_EVERY_S = 30.0
"""The figures read the store on the engine's worker (~0.1-0.5 s on a busy station): not too often."""


class LivePanels(QObject):
    def __init__(self, window: MainWindow, session: LiveSession, qt_bus: QtBus) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.qt_bus = qt_bus
        self.tally = stats.LiveTally(session.district)
        self._unsubscribe = session.bus.subscribe(StateDelta, self.tally.on_delta)
        self._figures_pending = False
        self._ticks = 0
        self.figures_every = max(1, round(FIGURES_EVERY_S * 1000 / PANELS_EVERY_MS))
        self.timer = QTimer(self)
        self.timer.setInterval(PANELS_EVERY_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def apply(self, update: LiveUpdate) -> None:
        """The parts of a coalesced update the panels need besides what the window already draws."""
        if update.fixes:
            self.window.set_fix_times({d: f.ts for d, f in update.fixes.items()})
        if update.now_ts is not None:
            self.window.set_clock(update.now_ts)
        if update.started is not None:
            self.window.set_clock(update.started.now_ts)
            self.request_figures()

    def tick(self) -> None:
        self.window.set_tally(self.tally.snapshot())
        self._ticks += 1
        if self._ticks % self.figures_every == 0:
            self.request_figures()

    def request_figures(self) -> Future[stats.Figures] | None:
        """Compute the dashboard's figures on the worker; at most one request in flight."""
        if self._figures_pending or not self.session.running:
            return None
        self._figures_pending = True

        def compute(engine: Engine) -> stats.Figures:
            return stats.compute(engine.store, engine.district, engine.now_ms())

        future = self.session.submit(compute)
        future.add_done_callback(lambda f: self.qt_bus.post(lambda: self._figures(f)))
        return future

    def _figures(self, future: Future[stats.Figures]) -> None:
        self._figures_pending = False
        if not future.cancelled() and future.exception() is None:
            self.window.set_figures(future.result())

    def switch(self, session: LiveSession) -> None:
        """Count and compute for another session (an import renewed it); the tally starts afresh."""
        self._unsubscribe()
        self.session = session
        self.tally = stats.LiveTally(session.district)
        self._unsubscribe = session.bus.subscribe(StateDelta, self.tally.on_delta)
        self._figures_pending = False

    def stop(self) -> None:
        self.timer.stop()
        self._unsubscribe()
