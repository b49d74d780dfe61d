"""The commander's manual steps on an order: on scene, handled, feedback (text + optional photo), close.

The buttons follow the domain's allowed transitions, every step goes through the live session's worker, and
the store keeps each one with the commander as actor.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.model import District
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.live import LiveOptions
from sandbox_app.store.sqlite import SqliteStore
from tests.widgets.test_dispatch import _alarm
from tests.widgets.test_live import ACTOR, Live, LiveFactory, live_factory
from tests.widgets.test_main_window import english
from widgets.dispatch_panel import DispatchPanel

pytestmark = pytest.mark.gui
__all__ = ["english", "live_factory"]
S = DispatchState
QUIET_GUARDS = LiveOptions(
    speed=120.0,
    history_days=0,
    tick_s=0.05,
    risk_every_s=0.5,
    rates=SimRates(order_no_answer=0.0, order_reports=False),  # the guards accept, the commander reports
)
OFFERED = {
    S.ISSUED: set(),
    S.ACCEPTED: {S.ON_SCENE},
    S.ON_SCENE: {S.HANDLED},
    S.HANDLED: {S.FEEDBACK},
    S.FEEDBACK: {S.CLOSED},
    S.CLOSED: set(),
}
"""Worked out from the lifecycle by hand: which of the four step buttons each state enables."""
FEEDBACK = "测试反馈：已劝离（模拟）"
DURATIONS = re.compile(r"^To accept \d+:\d\d · to arrive \d+:\d\d · to close \d+:\d\d$")


def _enabled(panel: DispatchPanel) -> set[DispatchState]:
    return {state for state, button in panel.step_buttons.items() if button.isEnabled()}


def _chosen(panel: DispatchPanel) -> Dispatch:
    d = panel.chosen()
    assert d is not None
    return d


def _dispatch_one(live: Live, qtbot: QtBot, demo: District) -> str:
    window, panel = live.window, live.window.dispatch_panel
    qtbot.waitUntil(lambda: len(window.scene.guard_positions) >= 35, timeout=20_000)
    device = _alarm(live, demo)
    qtbot.waitUntil(
        lambda: any(a.subject == device for a in window.alerts_panel.alerts.values()), timeout=10_000
    )
    window.alerts_panel.select(next(a.id for a in window.alerts_panel.alerts.values() if a.subject == device))
    qtbot.waitUntil(lambda: any(not c.stale for c in panel.candidates), timeout=10_000)
    guard = next(c.guard for c in panel.candidates if not c.stale)
    panel.guards.selectRow(next(r for r, c in enumerate(panel.candidates) if c.guard == guard))
    qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.guard_id == guard for d in panel.dispatches), timeout=10_000)
    return next(d.id for d in panel.dispatches if d.guard_id == guard)


def _press_and_wait(live: Live, qtbot: QtBot, state: DispatchState) -> None:
    """Press the step's button, wait for the panel to show it, then for the engine clock to move on (so
    the next step is strictly later)."""
    panel = live.window.dispatch_panel
    assert _enabled(panel) == {state}
    qtbot.mouseClick(panel.step_buttons[state], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _chosen(panel).state is state, timeout=10_000)
    assert _enabled(panel) == OFFERED[state]
    _wait_clock_past(live, qtbot, _chosen(panel).last_ts)


def _wait_clock_past(live: Live, qtbot: QtBot, ts: int) -> None:
    def now(engine: Engine) -> int:
        return engine.now_ms()

    qtbot.waitUntil(lambda: live.session.submit(now).result(10) > ts, timeout=10_000)


def test_commander_walks_an_order_to_closed(
    live_factory: LiveFactory,
    qtbot: QtBot,
    tmp_path: Path,
    demo: District,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    photo = tmp_path / "scene.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xd9")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (FEEDBACK, True)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(photo), "")))
    live = live_factory(QUIET_GUARDS)
    panel = live.window.dispatch_panel
    made = _dispatch_one(live, qtbot, demo)
    panel.active.selectRow(next(r for r, d in enumerate(panel.dispatches) if d.id == made))
    assert _enabled(panel) == OFFERED[_chosen(panel).state]
    assert panel.durations.text().startswith("To accept ")

    qtbot.waitUntil(lambda: _chosen(panel).state in (S.ACCEPTED, S.ON_SCENE), timeout=15_000)
    if _chosen(panel).state is S.ACCEPTED:  # the guard radios in before the tracker shows them there
        qtbot.mouseClick(panel.step_buttons[S.ON_SCENE], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _chosen(panel).state is S.ON_SCENE, timeout=10_000)
    assert _enabled(panel) == OFFERED[S.ON_SCENE]
    _wait_clock_past(live, qtbot, _chosen(panel).last_ts)
    for state in (S.HANDLED, S.FEEDBACK, S.CLOSED):
        _press_and_wait(live, qtbot, state)
    assert DURATIONS.match(panel.durations.text()), panel.durations.text()
    assert not panel.cancel_button.isEnabled()

    bar = live.window.statusBar()
    bar.clearMessage()
    live.controller.request_report(made, str(S.HANDLED), "", None)  # a closed order refuses any step
    qtbot.waitUntil(lambda: bar.currentMessage().startswith("Not changed: "), timeout=10_000)
    assert made in bar.currentMessage() and "closed" in bar.currentMessage()
    live.stop()
    with SqliteStore(tmp_path / "live.db") as store:
        stored = store.get_dispatch(made)
    assert stored is not None
    assert [s.state for s in stored.history] == [
        S.ISSUED,
        S.ACCEPTED,
        S.ON_SCENE,
        S.HANDLED,
        S.FEEDBACK,
        S.CLOSED,
    ]
    by_state = {s.state: s for s in stored.history}
    assert {by_state[s].actor for s in (S.HANDLED, S.FEEDBACK, S.CLOSED)} == {ACTOR}
    assert by_state[S.ON_SCENE].actor in (ACTOR, "system")
    assert all(a.ts <= b.ts for a, b in pairwise(stored.history))
    assert by_state[S.ON_SCENE].ts < by_state[S.HANDLED].ts < by_state[S.FEEDBACK].ts < by_state[S.CLOSED].ts
    assert stored.feedback == FEEDBACK and by_state[S.FEEDBACK].note == FEEDBACK
    assert stored.photo == str(photo)
    assert stored.time_to_close_s is not None and stored.time_to_close_s > 0


def test_feedback_needs_text_and_the_photo_is_optional(qtbot: QtBot, english: None) -> None:
    panel = DispatchPanel("UTC")
    qtbot.addWidget(panel)
    panel.show()  # a hidden button takes no clicks
    d = Dispatch("D1", "A1", "GU2", "T2", "desk:a", 1_000, None, None)
    for state, ts in ((S.ACCEPTED, 31_000), (S.ON_SCENE, 91_000), (S.HANDLED, 200_000)):
        d.advance(state, ACTOR, ts)
    panel.update_dispatches([d])
    panel.active.selectRow(0)
    assert _enabled(panel) == {S.FEEDBACK}
    assert panel.durations.text() == "To accept 0:30 · to arrive 1:30 · to close —"
    sent: list[tuple[str, str, str, object]] = []
    panel.report_requested.connect(lambda *args: sent.append(args))
    panel.ask_photo = lambda: None
    panel.ask_note = lambda title, prompt: "   "  # blank: nothing is sent
    qtbot.mouseClick(panel.step_buttons[S.FEEDBACK], Qt.MouseButton.LeftButton)
    panel.ask_note = lambda title, prompt: None  # dialog cancelled
    qtbot.mouseClick(panel.step_buttons[S.FEEDBACK], Qt.MouseButton.LeftButton)
    assert sent == []
    panel.ask_note = lambda title, prompt: " 已处置 "
    qtbot.mouseClick(panel.step_buttons[S.FEEDBACK], Qt.MouseButton.LeftButton)
    assert sent == [("D1", "feedback", "已处置", None)]
    panel.update_dispatches([])
    assert _enabled(panel) == set() and panel.durations.text() == ""
