"""Replay in the running window: seek moves guards and the alert queue to T, "Live" restores the live scene,
a live alert during replay counts on the badge, the case file exports to PDF (and is permission-checked)."""

from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from layers import style
from sandbox_app.domain.enums import AlertState, GuardRole, Severity
from sandbox_app.privacy.audit import EXPORT, AuditLog
from sandbox_app.privacy.users import Role, UserBook, fast_hasher
from sandbox_app.station.scene import load_scene
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import at
from tests.replay import sample
from tests.replay.sample import T0, S
from tests.widgets.test_main_window import close_to, grab_map, pixel_at, show
from widgets.i18n import install_translators, remove_translators
from widgets.main_window import MainWindow
from widgets.qt_bus import LiveUpdate
from widgets.replay_controller import ReplayController
from widgets.session import DeskSession

pytestmark = pytest.mark.gui
POLICE = style.GUARD_ROLE[GuardRole.POLICE].rgba
LATE = "A2"
"""Opened at T0 + 100 s and still open at the log's end: in the live queue, not in the replay at T0 + 30 s."""


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = sample.build(tmp_path / "replay.db")
    late = dataclasses.replace(
        sample.alert(), id=LATE, state=AlertState.OPEN, first_ts=T0 + 100 * S, last_ts=T0 + 100 * S,
        closed_ts=None, history=[], severity=Severity.MEDIUM,
    )  # fmt: skip
    store = SqliteStore(path)
    try:
        store.upsert_alerts([late])
    finally:
        store.close()
    return path


class FakeBus(QObject):
    updated = Signal(object)


class FakeLive(QObject):
    """What the replay needs of a `LiveController`: its Qt bus, `apply`, the panels' timer."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.qt_bus = FakeBus(self)
        self.applied: list[LiveUpdate] = []
        self.panels = SimpleNamespace(timer=QTimer(self), request_figures=lambda: None)
        self.qt_bus.updated.connect(self.apply)

    def apply(self, update: LiveUpdate) -> None:
        self.applied.append(update)
        if update.alerts:
            self.window.update_alerts(update.alerts.values())


def _open(
    qtbot: QtBot, db: Path, desk: DeskSession | None = None
) -> tuple[MainWindow, ReplayController, Any]:
    window = show(qtbot, load_scene(db, None))
    live = FakeLive(window)
    replay = ReplayController(window, db, window.scene.district, live, desk)  # type: ignore[arg-type]
    return window, replay, live


def _seek(qtbot: QtBot, replay: ReplayController, ts: int) -> None:
    """Seek and wait until the map and then the panels show T (the panels follow once the timeline
    rests, issue 24)."""
    replay.timeline.seek(ts)
    qtbot.waitUntil(lambda: replay.state is not None and replay.state.at_ts == ts, timeout=10_000)
    qtbot.waitUntil(lambda: replay.panels_state is replay.state, timeout=10_000)
    QApplication.processEvents()


def test_seek_moves_guards_and_alerts_to_t_and_live_restores(
    qtbot: QtBot, db: Path, tmp_path: Path, english: None
) -> None:
    window, replay, _ = _open(qtbot, db)
    assert set(window.alerts_panel.alerts) == {LATE}
    live_gu1 = window.scene.guard_positions["GU1"]
    assert close_to(pixel_at(window, grab_map(window, tmp_path), *live_gu1), POLICE)

    assert replay.enter() and replay.timeline.isVisible()
    starts = [T0 + 5 * S, T0 + 100 * S]  # the timeline's alert marks, from the worker
    qtbot.waitUntil(lambda: replay.timeline.bar.alerts.tolist() == starts, timeout=10_000)
    assert replay.timeline.bar.counts.sum() == len(sample.events())
    _seek(qtbot, replay, T0 + 30 * S)  # GU1: (0, 0) at T0, (60, 0) at T0 + 60 s → (30, 0) m
    image = grab_map(window, tmp_path)
    assert close_to(pixel_at(window, image, *at(30, 0)), POLICE)
    assert not close_to(pixel_at(window, image, *live_gu1), POLICE)  # no longer at its live place
    assert set(window.alerts_panel.alerts) == {sample.ALERT_ID}  # open at T; A2 is opened after T
    assert window.alerts_panel.alerts[sample.ALERT_ID].state == AlertState.ACKNOWLEDGED
    assert window.scene.guard_positions["GU1"] == pytest.approx(at(30, 0))
    qtbot.waitUntil(lambda: replay.figures is not None and replay.figures.now_ts == T0 + 30 * S)
    assert window.dashboard.figures is replay.figures  # the dashboard shows T, not the live figures
    replay.timeline.prev_button.click()  # lands on A1's start: named in the bar, selected in the panel
    assert replay.timeline.at_ts == T0 + 5 * S and window.alerts_panel.selected_id() == sample.ALERT_ID
    assert replay.timeline.landed_label.text().startswith("At alert: ")
    _seek(qtbot, replay, T0 + 30 * S)

    _seek(qtbot, replay, T0 + 2 * S)  # before A1 opened
    assert window.alerts_panel.alerts == {}

    replay.timeline.live_button.click()
    assert not replay.replaying and not replay.timeline.isVisible()
    QApplication.processEvents()
    assert set(window.alerts_panel.alerts) == {LATE}
    assert window.scene.guard_positions["GU1"] == live_gu1
    image = grab_map(window, tmp_path)
    assert close_to(pixel_at(window, image, *live_gu1), POLICE)
    assert not close_to(pixel_at(window, image, *at(30, 0)), POLICE)


def test_live_alert_during_replay_counts_on_the_badge_then_shows(
    qtbot: QtBot, db: Path, english: None
) -> None:
    window, replay, live = _open(qtbot, db)
    replay.enter()
    _seek(qtbot, replay, T0 + 30 * S)
    new = dataclasses.replace(sample.alert(), id="A9", state=AlertState.OPEN, closed_ts=None, history=[])
    live.qt_bus.updated.emit(LiveUpdate(alerts={"A9": new}))
    live.qt_bus.updated.emit(LiveUpdate(alerts={"A9": new}))  # the same alert again: counted once
    assert replay.timeline.badge == 1 and "1" in replay.timeline.live_button.text()
    assert live.applied == [] and "A9" not in window.alerts_panel.alerts  # replay keeps showing T
    replay.timeline.go_live()
    assert replay.timeline.badge == 0
    assert len(live.applied) == 1 and set(window.alerts_panel.alerts) == {LATE, "A9"}
    live.qt_bus.updated.emit(LiveUpdate(events=3))
    assert len(live.applied) == 2  # live again: updates go straight to the live controller


def test_case_file_exports_pdf(qtbot: QtBot, db: Path, tmp_path: Path, english: None) -> None:
    window, replay, _ = _open(qtbot, db)
    window.alerts_panel.update_alerts([sample.alert()])  # closed, so not listed: the id is given
    case = replay.open_case(sample.ALERT_ID)
    assert case is not None and replay.case_dialog is not None
    assert replay.case_dialog.list.rowCount() == len(case.entries) > 0
    out = tmp_path / "case.pdf"
    pages = replay.export_case("pdf", out)
    assert pages == len(PdfReader(str(out)).pages) == 2
    log = AuditLog.open(db)
    try:
        (entry,) = log.entries(EXPORT)
    finally:
        log.close()
    assert entry.target == f"alert:{sample.ALERT_ID}" and entry.actor.startswith("desk:")
    replay.case_dialog.list.cellClicked.emit(0, 0)  # an entry: the replay jumps to its time
    qtbot.waitUntil(lambda: replay.state is not None and replay.state.at_ts == case.entries[0].ts)


def test_closed_alerts_are_found_and_opened_from_the_alert_panel(
    qtbot: QtBot, db: Path, tmp_path: Path, english: None
) -> None:
    window, replay, _ = _open(qtbot, db)
    window.alerts_panel.history_button.click()  # the panel lists open alerts only; History… the rest
    history = replay.history
    assert history is not None and history.isVisible()
    assert history.table.rowCount() == 1  # A1 (closed); A2 is still open
    assert history.table.item(0, 4).text() == "处理完毕"  # the closing note
    history.search.setText("no such words")
    assert history.table.rowCount() == 0
    history.search.setText("处理")
    assert history.table.rowCount() == 1
    history.table.selectRow(0)
    history.open_button.click()
    assert replay.case is not None and replay.case.alert.id == sample.ALERT_ID
    assert replay.case_dialog is not None and replay.case_dialog.isVisible()
    out = tmp_path / "case.docx"
    if importlib.util.find_spec("docx") is not None:
        assert replay.export_case("docx", out) == 1 and out.stat().st_size > 0


def test_case_export_needs_the_export_permission(
    qtbot: QtBot, db: Path, tmp_path: Path, english: None
) -> None:
    book = UserBook.open(db, hasher=fast_hasher())
    book.add("officer1", Role.OFFICER, "correct-horse-battery", by="test")
    officer = book.login("officer1", "correct-horse-battery")
    window, replay, _ = _open(qtbot, db, DeskSession(officer, book.audit))
    try:
        assert replay.open_case(sample.ALERT_ID) is not None
        out = tmp_path / "refused.csv"
        assert replay.export_case("csv", out) is None and not out.exists()
        assert "may not export" in window.statusBar().currentMessage()
        assert [e.actor for e in book.audit.entries("denied")] == ["officer1"]
    finally:
        window.close()
        book.close()


def test_playback_runs_from_a_window_and_exports_video(
    qtbot: QtBot, db: Path, tmp_path: Path, english: None
) -> None:
    _, replay, _ = _open(qtbot, db)
    replay.enter()
    _seek(qtbot, replay, T0)
    replay.timeline.speed_box.setCurrentIndex(0)  # 1x: a few frames stay inside the loaded window
    replay.timeline.play()
    qtbot.waitUntil(lambda: replay._window is not None, timeout=10_000)
    qtbot.waitUntil(lambda: replay.state is not None and replay.state.at_ts > T0 + 200, timeout=10_000)
    replay.timeline.pause()
    assert replay.state is not None and replay._window is not None
    assert replay._window.start_ts <= replay.state.at_ts <= replay._window.end_ts
    replay.timeline.set_range(T0, T0 + 120 * S)
    out = tmp_path / "range.mp4"
    with qtbot.waitSignal(replay.video_done, timeout=30_000) as done:
        assert replay.export_video(out, fps=5, speed=60)
    assert done.args == [11] and out.stat().st_size > 0  # 120 s at 60x and 5 fps: frames 0..10
    log = AuditLog.open(db)
    try:
        (entry,) = log.entries(EXPORT)
    finally:
        log.close()
    assert entry.target == f"window:{T0}-{T0 + 120 * S}" and entry.detail["what"] == "video"
