"""Replay is a mode (issue 16, section 1): while replaying, no live action reaches the desk, the store or a
guard's phone, whichever way the user tries; the window says "回放 · <time>"; going back to live restores
every action.

The live session is a recorder standing in for `LiveSession`: every command the window could send lands in
`calls` (the desk and the order channel are behind those calls), so "nothing reached it" is `calls == []`.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.domain.dispatch import Dispatch, DispatchState, DispatchStep
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.model import District
from sandbox_app.engine.bus import Bus
from sandbox_app.station.scene import load_scene
from tests.replay import sample
from tests.replay.sample import T0, S
from tests.widgets.test_main_window import show
from widgets.i18n import install_translators, remove_translators
from widgets.live_controller import LiveController, ReplayRefused
from widgets.main_window import MainWindow
from widgets.replay_controller import ReplayController

pytestmark = pytest.mark.gui
COMMANDS = ("transition", "dispatch", "one_call", "cancel", "report")


class RecordingSession:
    """What `LiveController` needs of a `LiveSession`; every command is recorded, none is carried out."""

    def __init__(self, district: District) -> None:
        self.district = district
        self.bus = Bus()
        self.running = False
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def _record(self, name: str, *args: Any) -> Future[Any]:
        self.calls.append((name, args))
        return Future()  # never answered: the test looks at what was asked

    def transition(self, *args: Any) -> Future[Any]:
        return self._record("transition", *args)

    def recommend(self, *args: Any) -> Future[Any]:
        return self._record("recommend", *args)

    def dispatch(self, *args: Any) -> Future[Any]:
        return self._record("dispatch", *args)

    def one_call(self, *args: Any) -> Future[Any]:
        return self._record("one_call", *args)

    def cancel(self, *args: Any) -> Future[Any]:
        return self._record("cancel", *args)

    def report(self, *args: Any) -> Future[Any]:
        return self._record("report", *args)

    def submit(self, fn: Any) -> Future[Any]:
        return Future()

    def stop(self, timeout: float = 0.0) -> None:
        self.running = False

    def commands(self) -> list[str]:
        return [name for name, _ in self.calls if name in COMMANDS]


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


def _rows(db: Path) -> tuple[int, ...]:
    """What the store holds that a command would change: alerts' states and the dispatches."""
    with sqlite3.connect(db) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        counts = tuple(
            conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in sorted(tables) if "dispatch" in t
        )
        states = tuple(hash(r) for r in conn.execute("SELECT * FROM alerts ORDER BY 1"))
    return counts + states


def _order(guard: str, alert_id: str) -> Dispatch:
    d = Dispatch("D1", alert_id, guard, None, "desk:tester", T0, 0.0, 0.0)
    d.history.append(DispatchStep(DispatchState.ACCEPTED, guard, T0 + S))
    return d


def _live_actions(window: MainWindow) -> list[QAbstractButton]:
    a, d = window.alerts_panel, window.dispatch_panel
    return [
        *a.buttons.values(),
        d.dispatch_button,
        d.one_call_button,
        d.recommend_button,
        d.cancel_button,
        *d.step_buttons.values(),
        window.detail.dispatch_button,
    ]


def _arm(window: MainWindow, alert_id: str) -> None:
    """An alert, a candidate and an accepted order selected: every live action would be possible."""
    window.alerts_panel.select(alert_id)
    panel = window.dispatch_panel
    guard = next(iter(window.scene.district.guards))
    panel.show_candidates(alert_id, [Candidate(guard, 60.0, 80.0, [], False, "grid")])
    panel.guards.selectRow(0)
    window.set_dispatches(window.dispatch.__class__(T0 + S, (_order(guard, alert_id),), {}))
    panel.active.selectRow(0)


def test_no_live_action_in_replay_and_live_restores_them(qtbot: QtBot, tmp_path: Path, chinese: None) -> None:
    db = sample.build(tmp_path / "replay.db")
    window = show(qtbot, load_scene(db, None))
    session = RecordingSession(window.scene.district)
    live = LiveController(window, session, "desk:tester")  # type: ignore[arg-type]
    replay = ReplayController(window, db, window.scene.district, live)
    window.alerts_panel.ask_note = lambda _title, _prompt: "note"
    window.dispatch_panel.ask_note = lambda _title, _prompt: "note"
    window.dispatch_panel.ask_photo = lambda: None
    before = _rows(db)

    assert replay.enter()
    at = T0 + 30 * S  # A1 is open (acknowledged) at T
    replay.timeline.seek(at)
    qtbot.waitUntil(lambda: replay.state is not None and replay.state.at_ts == at, timeout=10_000)
    qtbot.waitUntil(lambda: replay.panels_state is replay.state, timeout=10_000)  # panels follow at rest
    QApplication.processEvents()
    assert window.mode.replaying
    zone = ZoneInfo(window.scene.district.timezone)
    when = datetime.fromtimestamp(at / 1000, tz=zone).strftime("%Y-%m-%d %H:%M:%S")
    banner = window.replay_frame.banner
    assert window.replay_frame.isVisible() and banner.isVisible()
    assert banner.text() == f"回放 · {when}"
    _arm(window, sample.ALERT_ID)
    refusal = window.mode.refusal()
    assert "回放" in refusal

    for button in _live_actions(window):  # a user clicks every button: disabled, and says why
        assert not button.isEnabled(), button.objectName()
        assert button.toolTip() == refusal, button.objectName()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    for button in window.alerts_panel.buttons.values():  # a missed button: the panel and the guard
        button.click()
    for state in window.alerts_panel.buttons:
        window.alerts_panel.request(state)
    panel = window.dispatch_panel
    panel.dispatch_requested.emit(sample.ALERT_ID, ["GU1"])  # a signal no button guards
    panel.one_call_requested.emit(sample.ALERT_ID, 300.0)
    panel.cancel_requested.emit("D1", "why")
    panel.report_requested.emit("D1", str(DispatchState.ON_SCENE), "", None)
    window.alerts_panel.transition_requested.emit(sample.ALERT_ID, "acknowledged", "")
    window.alerts_panel.close_requested.emit(sample.ALERT_ID, "false_alarm", "note")
    window.detail.dispatch_requested.emit(sample.ALERT_ID)
    refused = live.request_dispatch(sample.ALERT_ID, ["GU1"])
    assert isinstance(refused.exception(), ReplayRefused)
    QApplication.processEvents()
    assert session.calls == [], "a live command was sent while replaying"
    assert _rows(db) == before, "the store changed while replaying"
    assert window.statusBar().currentMessage() == refusal

    replay.timeline.live_button.click()  # back to live: every action as the panel allows it
    QApplication.processEvents()
    assert not window.mode.replaying and not window.replay_frame.isVisible()
    assert not replay.timeline.isVisible()
    open_now = dataclasses.replace(sample.alert(), state=AlertState.OPEN, closed_ts=None, history=[])
    window.update_alerts([open_now])
    _arm(window, sample.ALERT_ID)
    assert window.alerts_panel.buttons[AlertState.ACKNOWLEDGED].isEnabled()
    enabled = [b for b in _live_actions(window) if b.isEnabled()]
    assert panel.dispatch_button in enabled and panel.cancel_button in enabled
    assert all(b.toolTip() != refusal for b in _live_actions(window))
    asked: list[str] = []
    panel.confirm = lambda title, question: asked.append(title) or True  # a second order is asked first
    qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    assert asked, "a second order for the same alert went out without asking"
    qtbot.mouseClick(window.alerts_panel.buttons[AlertState.ACKNOWLEDGED], Qt.MouseButton.LeftButton)
    assert session.commands() == ["dispatch", "transition"]
