"""Replay in the running window (issue 6): the timeline dock, the live/replay switch, case files and exports.

Reads go through a private connection (`Db.open`), so the live store's lock is never held and ingestion keeps
running while someone replays. Seeks and the timeline's density/gap data are computed on one worker thread
that keeps only the newest request of each kind; a playback frame inside the loaded `Window` is computed on
the UI thread (a few ms), and the next window is loaded ahead on the worker.

While replaying, the live session keeps running: its updates are merged and held back (a new alert only
counts on the timeline's live badge), and "Live" puts the scene taken on entering back, then applies them.
The dashboard shows the figures at T (`stats.compute` on the worker); the live panels' once-a-second tally
pauses meanwhile. Exports (case file PDF/CSV/GeoJSON, video) go through `privacy.users.export` when the
database has users, always masked by the desk's role, and are audited (docs/security.md, "Exports").
"""

from __future__ import annotations

import dataclasses
import getpass
import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from layers import devices, dispatch
from layers.data import LayerData
from layers.replay import SILENT, TRAILS, ReplayLayers
from sandbox_app.analytics import stats
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District
from sandbox_app.engine.messages import DispatchUpdate
from sandbox_app.privacy import audit as au
from sandbox_app.privacy.mask import Masker
from sandbox_app.privacy.users import PermissionDenied, export
from sandbox_app.replay import timeline as tl
from sandbox_app.replay.casefile import CaseError, CaseFile, build_case
from sandbox_app.replay.index import FrameIndex
from sandbox_app.replay.player import DEFAULT_CHUNK_MS
from sandbox_app.replay.state import ReplayState, Window, seek
from sandbox_app.store import queries
from sandbox_app.store.queries import Db
from widgets.alert_history import AlertHistory
from widgets.case_list import CaseList
from widgets.main_window import MainWindow
from widgets.memory import release_heap
from widgets.mode import REPLAY_COLOUR
from widgets.qt_bus import LiveUpdate
from widgets.timeline import Timeline

if TYPE_CHECKING:
    from sandbox_app.store.sqlite import SqliteStore
    from widgets.camera_view import CameraView
    from widgets.live_controller import LiveController
    from widgets.session import DeskSession

log = logging.getLogger(__name__)
DENSITY_BINS = 200
DEFAULT_VIDEO_SIZE = (1280, 720)
FIGURES_EVERY_MS = 5_000
"""Dashboard at T while playing: at most this often (real time)."""
FIGURES_SETTLE_MS = 250
"""Paused: the dashboard follows T once the timeline has rested this long (not on every step of a drag)."""
PANELS_SETTLE_MS = 80
"""Paused: the panels and the 3D pane follow the drawn moment once the timeline has rested this long; the 2D
map draws every moment the seeks land on at once."""
PREFETCH_AT = 0.7
"""Load the next playback window once T is this far into the current one."""
TIMELINE_TINT = "rgb(255, 224, 178)"
"""The timeline's background: amber like the replay's frame, so the controls read as replay's."""
REPLAY_ONLY = (TRAILS, SILENT)
"""Layers only the replay draws: emptied when going back to live."""


def merge(into: LiveUpdate, update: LiveUpdate) -> None:
    """Fold a later coalesced update into an earlier one (latest value of each thing wins)."""
    if update.now_ts is not None:
        into.now_ts = update.now_ts if into.now_ts is None else max(into.now_ts, update.now_ts)
    into.events += update.events
    into.fixes.update(update.fixes)
    into.alerts.update(update.alerts)
    into.health.update(update.health)
    for name in ("risk", "dispatch", "coverage", "started", "stopped"):
        value = getattr(update, name)
        if value is not None:
            setattr(into, name, value)


def _played_span(recording: Any, case: CaseFile | None) -> tuple[int, int]:
    """What a `video.nvr.CaseRecording`'s playback address plays: the recording within the case window."""
    rec = recording.recording
    if case is None:
        return rec.start_ts, rec.end_ts
    return max(rec.start_ts, case.start_ts), min(rec.end_ts, case.end_ts)


class _Results(QObject):
    """Lives on the UI thread: a worker's (callback, result) is delivered here through a queued signal."""

    done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.done.connect(self.deliver)

    @Slot(object)
    def deliver(self, item: tuple[Callable[[Any], None], Any]) -> None:
        callback, result = item
        callback(result)


class LatestWorker:
    """One daemon thread; per key only the newest job waits (a newer one replaces it), keys in `order`.

    A job's result (or the exception it raised) goes to its callback on the UI thread.
    """

    def __init__(self, name: str, order: tuple[str, ...] = (), parent: QObject | None = None) -> None:
        self._cv = threading.Condition()
        self._jobs: dict[str, tuple[Callable[[], Any], Callable[[Any], None]]] = {}
        self._order = order
        self._stopped = False
        self.running = 0
        self.results = _Results(parent)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, key: str, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        with self._cv:
            self._jobs[key] = (job, done)
            self._cv.notify()

    def idle(self) -> bool:
        with self._cv:
            return not self._jobs and not self.running

    def _run(self) -> None:
        while True:
            with self._cv:
                while not self._jobs and not self._stopped:
                    self._cv.wait()
                if self._stopped:
                    return
                key = next((k for k in self._order if k in self._jobs), next(iter(self._jobs)))
                job, done = self._jobs.pop(key)
                self.running += 1
            try:
                result: Any = job()
            except Exception as exc:  # delivered, not lost: the callback shows it
                log.exception("replay worker job %s failed", key)
                result = exc
            with self._cv:
                self.running -= 1
            self.results.done.emit((done, result))

    def stop(self, timeout: float = 5.0) -> None:
        with self._cv:
            self._stopped = True
            self._jobs.clear()
            self._cv.notify()
        self._thread.join(timeout)


class _ReplayClock:
    """The map's "now" while replaying (trail fading, fix ages): the replay time."""

    def __init__(self) -> None:
        self.ts = 0

    def now_ms(self) -> int:
        return self.ts


@dataclasses.dataclass
class _LiveScene:
    """What the window showed when replay began, put back by "Live"."""

    positions: dict[str, tuple[float, float]]
    alerts: list[Alert]
    dispatch: DispatchUpdate
    clock: Any


class ReplayController(QObject):
    entered = Signal(bool)
    """True on entering replay, False on going back to live."""
    video_done = Signal(object)
    """The frame count, or the exception that stopped the export."""

    def __init__(
        self,
        window: MainWindow,
        db_path: Path | str,
        district: District,
        live: LiveController | None = None,
        desk: DeskSession | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.db_path = Path(db_path)
        self.district = district
        self.live = live
        self.desk = desk
        self.db: Db | None = None
        self.frames: FrameIndex | None = None
        self._store: SqliteStore | None = None
        """The worker's own store, for the dashboard's figures at T (`stats.compute` takes a store)."""
        self.layers = ReplayLayers(district, window.projection)
        self.replaying = False
        self.state: ReplayState | None = None
        self.figures: stats.Figures | None = None
        self._shown: dict[str, LayerData] = {}
        self._window: Window | None = None
        self._next: Window | None = None
        self._loading_next = False
        self._last_ts: int | None = None
        self._figures_at = -(2**62)
        self._pending = LiveUpdate()
        self._known: set[str] = set()
        self._saved: _LiveScene | None = None
        self._clock = _ReplayClock()
        self._selected: str | None = None
        self.case: CaseFile | None = None
        self.case_dialog: CaseDialog | None = None
        self.worker = LatestWorker("replay", ("seek", "window", "range", "figures"), self)
        self.video_worker = LatestWorker("replay-video", (), self)
        self.figures_worker = LatestWorker("replay-figures", (), self)
        """The dashboard's figures at T on their own thread: a slow `stats.compute` never delays a seek."""
        self.figures_timer = QTimer(self)
        self.figures_timer.setSingleShot(True)
        self.figures_timer.setInterval(FIGURES_SETTLE_MS)
        self.figures_timer.timeout.connect(lambda: self._request_figures(self._clock.ts))
        self.panels_state: ReplayState | None = None
        """The state the panels and the 3D pane show (`state` is the one the 2D map shows)."""
        self.panels_timer = QTimer(self)
        self.panels_timer.setSingleShot(True)
        self.panels_timer.setInterval(PANELS_SETTLE_MS)
        self.panels_timer.timeout.connect(self._show_panels)
        self.timeline = Timeline(district.timezone, window)
        self.dock = QDockWidget(self.tr("Replay"), window)
        self.dock.setObjectName("replay_timeline")
        self.dock.setStyleSheet(f"QDockWidget#replay_timeline {{ color: {REPLAY_COLOUR.name()}; }}")
        self.timeline.setStyleSheet(f"QWidget#timeline {{ background: {TIMELINE_TINT}; }}")
        self.timeline.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.dock.setWidget(self.timeline)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.timeline.range_changed.connect(self._range_changed)
        self.timeline.time_changed.connect(self._time_changed)
        self.timeline.live_requested.connect(self.go_live)
        self.timeline.alert_landed.connect(self._alert_landed)
        self._alerts_for: tuple[int, int] | None = None
        """The history span whose alerts the timeline holds (fetched once per span)."""
        window.alerts_panel.alert_selected.connect(self._alert_selected)
        window.alerts_panel.history_requested.connect(self.open_history)
        self.history: AlertHistory | None = None
        self.playback_source: Callable[[str], str] = lambda url: url
        """Where the viewer reads an NVR playback address from: the address itself by default; a station
        may route RTSP through its own proxy, tests play a file."""
        self.playback_views: list[CameraView] = []
        window.importer.imported.connect(self._district_replaced)
        self._build_actions()
        window.installEventFilter(self)

    def _build_actions(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("&Replay"))
        self.toggle_action = QAction(self.tr("Replay"), self)
        self.toggle_action.setObjectName("replay_toggle")
        self.toggle_action.triggered.connect(self.toggle)
        self.case_action = QAction(self.tr("Case file of the selected alert…"), self)
        self.case_action.setObjectName("replay_case_file")
        self.case_action.triggered.connect(lambda: self.open_case())
        self.video_action = QAction(self.tr("Export video of the range…"), self)
        self.video_action.setObjectName("replay_export_video")
        self.video_action.triggered.connect(self._ask_video)
        self.video_action.setEnabled(False)
        for action in (self.toggle_action, self.case_action, self.video_action):
            menu.addAction(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def stop(self) -> None:
        """Join the workers and close the private connections. Idempotent."""
        self.timeline.pause()
        self.figures_timer.stop()
        self.panels_timer.stop()
        self.worker.stop()
        self.video_worker.stop()
        self.figures_worker.stop()
        if self.db is not None:
            self.db.conn.close()
            self.db = None
        if self._store is not None:
            self._store.close()
            self._store = None

    # switching ------------------------------------------------------------------------------------------
    def toggle(self) -> None:
        self.go_live() if self.replaying else self.enter()

    def enter(self) -> bool:
        """Start replaying at the end of the stored history; False (and a status message) without one."""
        if self.replaying:
            return True
        if self.db is None:
            if not self.db_path.is_file():
                self.window.statusBar().showMessage(self.tr("Nothing to replay: no database yet."), 10_000)
                return False
            self.db = Db.open(str(self.db_path))
        span = queries.log_span(self.db)
        if span is None:
            self.window.statusBar().showMessage(self.tr("Nothing to replay: the event log is empty."), 10_000)
            return False
        w = self.window
        self._saved = _LiveScene(
            dict(w.scene.guard_positions), list(w.alerts_panel.alerts.values()), w.dispatch, w.map2d.clock
        )
        self._known = set(w.alerts_panel.alerts)
        self._pending = LiveUpdate()
        if self.live is not None:
            self.live.qt_bus.updated.disconnect(self.live.apply)
            self.live.qt_bus.updated.connect(self._live_update)
            self.live.panels.timer.stop()
        self.replaying = True
        self._shown.clear()
        self.panels_state = None
        self._window = self._next = None
        self._last_ts = None
        w.map2d.set_clock(self._clock)
        w.map2d.set_own_trails(False)  # the replay's `trails` layer draws them
        w.map2d.clear_trails()
        self.toggle_action.setText(self.tr("Live"))
        self.video_action.setEnabled(True)
        self.dock.show()
        self.timeline.set_history(span[0], span[1] + 1)  # density counts [start, end): the last event too
        w.mode.enter_replay()  # before the first seek: the banner shows its time
        self.timeline.seek(span[1])
        self.entered.emit(True)
        return True

    def go_live(self) -> None:
        """Back to the scene as it was on entering, then everything the live feed sent meanwhile."""
        if not self.replaying:
            return
        self.replaying = False
        self.timeline.pause()
        self.dock.hide()
        self.window.mode.leave_replay()
        self.toggle_action.setText(self.tr("Replay"))
        self.video_action.setEnabled(False)
        w, saved = self.window, self._saved
        assert saved is not None
        w.map2d.set_own_trails(True)
        w.map2d.clear_trails()
        for name in REPLAY_ONLY:
            w.map2d.set_layer(LayerData(name, 0))
        w.map2d.set_clock(saved.clock)
        w.map2d.set_layer(devices.layer(self.district, w.projection))
        w.scene.guard_positions = dict(saved.positions)
        w.set_guard_positions({})
        w.alerts_panel.alerts.clear()
        w.update_alerts(saved.alerts)
        w.set_dispatches(saved.dispatch)
        self.state = self.panels_state = None
        self.panels_timer.stop()
        self._window = self._next = None
        if self.live is not None:
            self.live.qt_bus.updated.disconnect(self._live_update)
            self.live.qt_bus.updated.connect(self.live.apply)
            pending, self._pending = self._pending, LiveUpdate()
            if pending:
                self.live.apply(pending)
            self.live.panels.timer.start()
            self.live.panels.request_figures()
        self.entered.emit(False)
        self._release_memory()

    def _release_memory(self) -> None:
        """Back in live: the replay's SQLite page caches and the heap its frames used go back to the system,
        on the replay worker after whatever it is still doing (issue 17; bench/idle.py --replay-cycle)."""
        dbs = [] if self.db is None else [self.db]
        if self._store is not None:
            dbs.append(Db.of_store(self._store))

        def job() -> None:
            for db in dbs:
                db.shrink_memory()
            release_heap()

        self.worker.submit("release", job, lambda _result: None)

    def _district_replaced(self, district: District) -> None:
        """An import: back to live, and later replays draw the new district (the window's set_scene ran)."""
        self.go_live()
        self.district = district
        self.layers = ReplayLayers(district, self.window.projection)
        self.timeline.timezone = district.timezone

    def _live_update(self, update: LiveUpdate) -> None:
        """While replaying: hold the update back; new open alerts count on the live badge."""
        merge(self._pending, update)
        new = [a.id for a in update.alerts.values() if a.id not in self._known and a.state.is_open]
        self._known.update(update.alerts)
        if new:
            self.timeline.alert_arrived(len(new))

    def _index(self, db: Db) -> FrameIndex:
        """The shared frame index (worker thread only). Devices that `timeline.device_gaps` or the video
        export register through their own index are picked up by this one as it reads (`FrameIndex`)."""
        if self.frames is None:
            self.frames = FrameIndex(db)  # creates its tables
        return self.frames

    # timeline data --------------------------------------------------------------------------------------
    def _range_changed(self, start_ts: int, end_ts: int) -> None:
        db = self.db
        if db is None:
            return

        bins = max(DENSITY_BINS, self.timeline.bar.width() // 2)  # a tick every two pixels at any zoom
        history = self.timeline.history

        fetch_alerts = self._alerts_for != history

        def job() -> tuple[tl.Density, list[tuple[int, int]], list[Alert] | None]:
            d = tl.density(db, start_ts, end_ts, bins, self._index(db))
            alerts = None
            if fetch_alerts:  # every alert of the history, once: jumps go beyond the visible range
                alerts = [a for a in queries.alerts_overlapping(db, *history) if a.first_ts >= history[0]]
            return d, tl.missing_data(d, history), alerts

        self.worker.submit("range", job, self._range_ready)

    def _range_ready(self, result: object) -> None:
        if isinstance(result, BaseException) or not self.replaying:
            return
        d, gaps, alerts = cast(tuple[tl.Density, list[tuple[int, int]], list[Alert] | None], result)
        self.timeline.set_density(d.start_ts, d.bin_ms, d.counts)
        self.timeline.set_gaps(gaps)
        if alerts is None:
            return
        self._alerts_for = self.timeline.history
        masker, panel = self.masker(), self.window.alerts_panel
        self.timeline.set_alerts(
            [
                (a.first_ts, a.id, f"{panel.rule_text(a.rule)} · {masker.subject(a.subject, a.subject_type)}")
                for a in alerts
            ]
        )

    def _alert_landed(self, alert_id: str) -> None:
        """Previous/next alert: the alert it landed on is selected in the panel (and for the case file)."""
        self._selected = alert_id
        self.window.alerts_panel.select(alert_id)

    # moving through time --------------------------------------------------------------------------------
    def _covers(self, w: Window | None, ts: int) -> bool:
        return w is not None and w.start_ts <= ts <= w.end_ts

    def _time_changed(self, ts: int) -> None:
        if not self.replaying or self.db is None:
            return
        self.window.mode.set_time(ts)
        forward = self.timeline.playing and self._last_ts is not None and ts >= self._last_ts
        if not forward:
            self.window.map2d.clear_trails()  # a jump: the map's own trail buffer would join two places
        self._last_ts = ts
        if not self._covers(self._window, ts) and self._covers(self._next, ts):
            self._window, self._next = self._next, None
        if self._covers(self._window, ts):
            assert self._window is not None
            self.show_state(self._window.state(ts))
            if forward:
                self._prefetch(ts)
            return
        db, district = self.db, self.district
        if self.timeline.playing:
            end = ts + DEFAULT_CHUNK_MS

            def load() -> Window:
                return Window(db, district, ts, end, frames=self._index(db))

            self.worker.submit("seek", load, self._window_ready)
        else:
            self.worker.submit(
                "seek", lambda: seek(db, district, ts, frames=self._index(db)), self._seek_ready
            )

    def _prefetch(self, ts: int) -> None:
        w = self._window
        if w is None or self._next is not None or self._loading_next:
            return
        if ts < w.start_ts + PREFETCH_AT * (w.end_ts - w.start_ts):
            return
        db, district, start = self.db, self.district, w.end_ts
        assert db is not None
        self._loading_next = True

        def load() -> Window:
            return Window(db, district, start, start + DEFAULT_CHUNK_MS, frames=self._index(db))

        self.worker.submit("window", load, self._next_ready)

    def _next_ready(self, result: object) -> None:
        self._loading_next = False
        if isinstance(result, Window) and self.replaying:
            self._next = result

    def _window_ready(self, result: object) -> None:
        if not isinstance(result, Window) or not self.replaying:
            return
        self._window = result
        at = self.timeline.at_ts
        if self._covers(result, at):
            self.show_state(result.state(at))

    def _seek_ready(self, result: object) -> None:
        if isinstance(result, BaseException):
            self.window.statusBar().showMessage(self.tr("Replay failed: {0}").format(result), 10_000)
            return
        if isinstance(result, ReplayState) and self.replaying and not self._is_stale(result):
            self.show_state(result)

    def _is_stale(self, state: ReplayState) -> bool:
        """A seek the timeline has moved on from (a drag): its newer seek is queued or already shown, so
        drawing this one would only delay the moment the user is looking for."""
        return state.at_ts != self.timeline.at_ts

    def show_state(self, state: ReplayState) -> None:
        """Draw the state at T: the 2D map's changed layers at once; the panels and the 3D pane with it
        while playing, once the timeline rests when paused (a drag: every step restarts the wait), so the
        map shows the moment dragged to without waiting for tables and the 3D render (issue 24); the
        dashboard's figures throttled while playing, after the rest when paused."""
        w = self.window
        self.state = state
        self._clock.ts = state.at_ts
        for data in self.layers.dynamic(state):
            if data.name == "dispatch":
                update = state.dispatch_update()  # as the window draws it, with the ETA labels at T
                data = dispatch.layer(w.projection, update.dispatches, update.paths, update.now_ts or None)
            if self._shown.get(data.name) is not data:
                w.map2d.set_layer(data)
                self._shown[data.name] = data
        w.scene.guard_positions = dict(state.guard_positions)
        w.scene.alerts = list(state.alerts)
        if self.timeline.playing:
            self._show_panels()
            self._request_figures(state.at_ts)
        else:
            self.panels_timer.start()
            self.figures_timer.start()  # restarted by each step of a drag: figures once it rests

    def _show_panels(self) -> None:
        """The panels (alerts, dispatches, roster, health, status) and the 3D pane at the drawn state."""
        self.panels_timer.stop()
        state = self.state
        if state is None or not self.replaying or self.panels_state is state:
            return
        w = self.window
        self.panels_state = state
        w.alerts_panel.alerts.clear()
        w.alerts_panel.set_now(state.at_ts)  # ages count from the replay's time
        w.alerts_panel.update_alerts(state.alerts)
        w.health_panel.set_open_alerts(w.alerts_panel.alerts.values())
        w.status_labels["alerts"].setText(w.tr("Open alerts: {0}").format(len(state.alerts)))
        w.set_dispatches(state.dispatch_update())  # the map's dispatch layer again: the same arrays

    def _request_figures(self, at_ts: int) -> None:
        from sandbox_app.engine.clock import WallClock

        now = WallClock().monotonic_s() * 1000
        if self.timeline.playing and now - self._figures_at < FIGURES_EVERY_MS:
            return
        self._figures_at = int(now)
        path, district = self.db_path, self.district

        def job() -> stats.Figures:
            if self._store is None:
                from sandbox_app.store.sqlite import SqliteStore

                self._store = SqliteStore(path)
            return stats.compute(self._store, district, at_ts)

        self.figures_worker.submit("figures", job, self._figures_ready)

    def _figures_ready(self, result: object) -> None:
        if isinstance(result, stats.Figures) and self.replaying:
            self.figures = result
            self.window.set_figures(result)

    # case files -----------------------------------------------------------------------------------------
    def _alert_selected(self, alert_id: str) -> None:
        self._selected = alert_id

    def masker(self) -> Masker:
        """Exports are masked by the desk's role (the wall's, officer's...), never unmasked from the GUI."""
        return Masker(self.window.viewer)

    def _history_db(self) -> Db | None:
        if self.db is None and self.db_path.is_file():
            self.db = Db.open(str(self.db_path))
        return self.db

    def open_history(self) -> AlertHistory:
        """Closed and dismissed alerts, searchable; opening one shows its case report."""
        if self.history is None:
            self.history = AlertHistory(self.district, self._history_db, self.masker(), self.window)
            self.history.open_requested.connect(lambda alert_id: self.open_case(alert_id))
        self.history.masker = self.masker()
        self.history.reload()
        self.history.show()
        self.history.raise_()
        return self.history

    def open_case(self, alert_id: str | None = None) -> CaseFile | None:
        """Build the selected alert's case file and show it (a click on an entry jumps the replay there)."""
        alert_id = alert_id or self.window.alerts_panel.selected_id() or self._selected
        if not alert_id:
            self.window.statusBar().showMessage(self.tr("Select an alert first."), 5_000)
            return None
        if self.db is None and not self.enter():
            return None
        assert self.db is not None
        try:
            case = build_case(self.db, self.district, alert_id, masker=self.masker())
        except CaseError as exc:
            self.window.statusBar().showMessage(self.tr("No case file: {0}").format(exc), 10_000)
            return None
        self.case = case
        if self.case_dialog is None:
            self.case_dialog = CaseDialog(self, self.window)
            self.case_dialog.list.jump_requested.connect(self.jump_to)
        self.case_dialog.show_case(case)
        self._search_recordings(case)
        return case

    # recorded video on the NVRs (issue 19 §4) ------------------------------------------------------------
    def _search_recordings(self, case: CaseFile) -> None:
        """The case window's recordings on the NVRs of the cameras covering the incident, searched on the
        video worker (a slow or dead NVR never holds the window); listed in the case dialog, playable, and
        in the case report's PDF/Word with their playback address."""
        from sandbox_app.video import nvr

        if not nvr.has_nvr(self.district):
            return
        district, auth = self.district, nvr.env_auth()

        def job() -> tuple[list[nvr.CaseRecording], list[str]]:
            return nvr.case_recordings(district, case.lon, case.lat, case.start_ts, case.end_ts, auth=auth)

        def done(result: object) -> None:
            if isinstance(result, BaseException) or self.case is not case:
                return
            found, problems = cast(tuple[list[nvr.CaseRecording], list[str]], result)
            case.recordings = found
            if self.case_dialog is not None:
                self.case_dialog.show_recordings(found, problems)

        if self.case_dialog is not None:
            self.case_dialog.searching()
        self.video_worker.submit("nvr", job, done)

    def play_recording(self, recording: Any) -> CameraView:
        """A viewer window playing a `video.nvr.CaseRecording`: its RTSP playback address, which carries the
        case window (starttime/endtime), read through `playback_source`."""
        from sandbox_app.video.source import FrameSource
        from widgets.camera_view import CameraView
        from widgets.case_report import clock, when

        device = self.district.devices.get(recording.camera)
        name = device.name if device is not None and device.name else recording.camera
        tz = self.district.timezone
        start, end = _played_span(recording, self.case)
        title = self.tr("{0} · recording {1} – {2}").format(name, when(start, tz), clock(end, tz))
        source = FrameSource(self.playback_source(recording.playback)).start()
        view = CameraView(source, title)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.resize(640, 400)
        view.closed.connect(lambda _url, v=view: self._playback_closed(v))
        self.playback_views.append(view)
        view.show()
        view.raise_()
        return view

    def _playback_closed(self, view: CameraView) -> None:
        if view in self.playback_views:
            self.playback_views.remove(view)
        view.source.stop()

    def jump_to(self, ts: int, lonlat: tuple[float, float] | None) -> None:
        """A case entry: replay at its time, the map centred on its place."""
        if not self.replaying and not self.enter():
            return
        self.timeline.pause()
        self.timeline.seek(ts)
        if lonlat is not None:
            x, y = self.window.projection.to_xy([lonlat[0]], [lonlat[1]])[0]
            self.window.map2d.centre_on(float(x), float(y))

    def allowed(self, target: str, detail: dict[str, Any]) -> bool:
        """The export check: with a logged-in user, `privacy.users.export` (analysts only, audited, refusals
        too); without users, audited under the desk's name. False (with a status message) when refused."""
        desk = self.desk
        try:
            if desk is not None and desk.user is not None and desk.audit is not None:
                export(desk.user, target, desk.audit, detail)
                return True
            actor = desk.actor if desk is not None else f"desk:{getpass.getuser()}"
            with au.AuditLog.open(self.db_path) as log_:
                log_.record(actor, au.EXPORT, target, detail)
            return True
        except PermissionDenied:
            self.window.statusBar().showMessage(self.tr("Your role may not export."), 10_000)
        except sqlite3.Error:
            self.window.statusBar().showMessage(self.tr("Not exported: the audit log cannot be written."))
        return False

    def export_case(self, fmt: str, out: Path) -> int | None:
        """Write the open case file as "pdf" (returns pages), "docx" (returns 1), "csv" or "geojson"
        (returns entries)."""
        case = self.case
        if case is None or self.db is None:
            return None
        if not self.allowed(f"alert:{case.alert.id}", {"what": "case", "formats": [fmt], "unmasked": False}):
            return None
        from sandbox_app.replay.export import write_csv, write_geojson

        tz = self.district.timezone
        if fmt == "pdf":
            from widgets.export_pdf import write_case_pdf

            n = write_case_pdf(self.db, self.district, case, out)
            release_heap()  # the map rasters and page images it drew are garbage now: back to the system
        elif fmt == "docx":
            try:
                from widgets.export_docx import write_case_docx
            except ImportError:
                self.window.statusBar().showMessage(self.tr("Word export needs python-docx."), 10_000)
                return None
            write_case_docx(self.db, self.district, case, out)
            n = 1
        elif fmt == "csv":
            n = write_csv(case.entries, out, tz)
        else:
            n = write_geojson(case.entries, out, tz)
        self.window.statusBar().showMessage(self.tr("Exported to {0}").format(out), 10_000)
        return n

    # video ----------------------------------------------------------------------------------------------
    def _ask_video(self) -> None:
        """Say what will be exported (start, end, speed, video length, size) before asking where to."""
        from widgets.video_dialog import VideoDialog, default_window

        bar = self.timeline.bar
        window = default_window(bar.start_ts, bar.end_ts, bar.at_ts, self.timeline.history)
        dialog = VideoDialog(
            self.district.timezone, window, self.timeline.speed, self.timeline.history, self.window
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            plan = dialog.plan()
        finally:
            dialog.deleteLater()
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export video"), "replay.mp4", self.tr("MP4 video (*.mp4)")
        )
        if path:
            self.export_video(
                Path(path), plan.fps, plan.speed, window=(plan.start_ts, plan.end_ts), size=plan.size
            )

    def export_video(
        self,
        out: Path,
        fps: float = 30.0,
        speed: float | None = None,
        *,
        window: tuple[int, int] | None = None,
        size: tuple[int, int] | None = None,
    ) -> bool:
        """[start, end] (default: the timeline's visible range) as an MP4 at `speed` (default: the
        timeline's), on its own worker; progress shown with the frame count, and a cancel button."""
        if not self.replaying:
            return False
        bar = self.timeline.bar
        start, end = window if window is not None else (bar.start_ts, bar.end_ts)
        speed = float(speed or self.timeline.speed)
        frame_size = size or DEFAULT_VIDEO_SIZE
        detail = {"what": "video", "from": start, "to": end, "unmasked": False}
        if not self.allowed(f"window:{start}-{end}", detail):
            return False
        progress = QProgressDialog(self.tr("Exporting video…"), self.tr("Cancel"), 0, 100, self.window)
        progress.setObjectName("video_progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        cancelled = threading.Event()
        progress.canceled.connect(cancelled.set)
        step = self.video_worker.results
        path, district = self.db_path, self.district

        def shown(done: int, total: int) -> None:
            progress.setLabelText(self.tr("Exporting video: frame {0} of {1}").format(done, total))
            progress.setValue(round(100 * done / max(1, total)))

        def report(done: int, total: int) -> None:
            step.done.emit((lambda _: shown(done, total), None))
            if cancelled.is_set():
                raise InterruptedError("cancelled")

        def job() -> int:
            from layers.render.video import export_mp4

            db = Db.open(str(path))
            try:
                return export_mp4(
                    db, district, start, end, out, fps=fps, speed=speed, size=frame_size, progress=report
                )
            finally:
                db.conn.close()

        def finished(result: object) -> None:
            progress.close()
            progress.deleteLater()
            if isinstance(result, BaseException):
                text = self.tr("Video not exported: {0}").format(result)
            else:
                text = self.tr("Video exported: {0} frames to {1}").format(result, out)
            self.window.statusBar().showMessage(text, 10_000)
            self.video_done.emit(result)

        self.video_worker.submit("video", job, finished)
        return True


class CaseDialog(QDialog):
    """The case file's entries (`CaseList`) and its export buttons."""

    def __init__(self, controller: ReplayController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_dialog")
        self.controller = controller
        self.title = QLabel(self)
        self.list = CaseList(controller.district.timezone, self)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for fmt, text in (
            ("pdf", self.tr("PDF…")),
            ("docx", self.tr("Word…")),
            ("csv", self.tr("CSV…")),
            ("geojson", self.tr("GeoJSON…")),
        ):
            b = QPushButton(text, self)
            b.setObjectName(f"export_{fmt}")
            b.clicked.connect(lambda _=False, f=fmt: self._ask(f))
            buttons.addWidget(b)
            self.buttons[fmt] = b
        buttons.addStretch(1)
        self.recordings_label = QLabel(self)
        self.recordings_label.setObjectName("nvr_recordings_label")
        self.recordings = QListWidget(self)
        self.recordings.setObjectName("nvr_recordings")
        self.recordings.setMaximumHeight(110)
        self.recordings.itemDoubleClicked.connect(lambda _item: self._play())
        self.play_button = QPushButton(self.tr("Play recording"), self)
        self.play_button.setObjectName("play_recording")
        self.play_button.clicked.connect(self._play)
        self.play_button.setEnabled(False)
        self.recordings.currentRowChanged.connect(lambda row: self.play_button.setEnabled(row >= 0))
        self._found: list[Any] = []
        for w in (self.recordings_label, self.recordings, self.play_button):
            w.hide()  # shown once the district names an NVR and a search runs
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addWidget(self.recordings_label)
        layout.addWidget(self.recordings)
        layout.addWidget(self.play_button)
        layout.addLayout(buttons)
        self.resize(760, 480)

    def searching(self) -> None:
        self._found = []
        self.recordings.clear()
        self.recordings_label.setText(self.tr("Recorded video on the NVRs: searching…"))
        for w in (self.recordings_label, self.recordings, self.play_button):
            w.show()

    def show_recordings(self, found: list[Any], problems: list[str]) -> None:
        """The NVR recordings of the case window, one line per recording (camera, from – to)."""
        from widgets.case_report import clock, when

        tz = self.controller.district.timezone
        devices = self.controller.district.devices
        self._found = list(found)
        self.recordings.clear()
        for rec in found:
            device = devices.get(rec.camera)
            name = device.name if device is not None and device.name else rec.camera
            start, end = _played_span(rec, self.controller.case)
            self.recordings.addItem(self.tr("{0}: {1} – {2}").format(name, when(start, tz), clock(end, tz)))
        text = self.tr("Recorded video on the NVRs: {0}").format(len(found))
        if problems:
            text += " · " + self.tr("{0} NVR(s) did not answer").format(len(problems))
        self.recordings_label.setText(text)
        if found:
            self.recordings.setCurrentRow(0)

    def _play(self) -> None:
        row = self.recordings.currentRow()
        if 0 <= row < len(self._found):
            self.controller.play_recording(self._found[row])

    def show_case(self, case: CaseFile) -> None:
        self.setWindowTitle(self.tr("Case file {0}").format(case.shown_id))
        self.title.setText(self.tr("{0} entries within {1:g} m").format(len(case.entries), case.radius_m))
        self.list.set_entries(case.entries, self.controller.district.timezone)
        self.show()
        self.raise_()

    def _ask(self, fmt: str) -> None:
        case = self.controller.case
        if case is None:
            return
        filters = {
            "pdf": self.tr("PDF (*.pdf)"),
            "docx": self.tr("Word (*.docx)"),
            "csv": self.tr("CSV (*.csv)"),
            "geojson": self.tr("GeoJSON (*.geojson)"),
        }
        from widgets.case_report import case_file_stem

        name = f"{case_file_stem(case)}.{fmt}"  # no colons: every system accepts it
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export case file"), name, filters[fmt])
        if path:
            self.controller.export_case(fmt, Path(path))
