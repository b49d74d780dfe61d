"""Dragging the replay timeline (issue 24): a seek the timeline has moved on from is not drawn (only the last
moment is), and the dashboard's figures at T are computed once the drag rests, on their own thread, so a
slow figure never holds up the next seek."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sandbox_app.replay.state import ReplayState
from tests.replay.sample import T0, S
from tests.widgets.test_replay_controller import _open, db  # noqa: F401  (the fixture)
from widgets import replay_controller

pytestmark = pytest.mark.gui


def test_a_drag_draws_only_its_last_moment_and_figures_once(qtbot: QtBot, db: Path) -> None:  # noqa: F811
    _window, replay, _ = _open(qtbot, db)
    assert replay.enter()
    qtbot.waitUntil(lambda: replay.state is not None, timeout=10_000)
    qtbot.waitUntil(lambda: replay.figures is not None, timeout=10_000)
    drawn: list[int] = []
    figures_for: list[int] = []
    show, request = replay.show_state, replay._request_figures

    def show_state(state: ReplayState) -> None:
        drawn.append(state.at_ts)
        show(state)

    def request_figures(at_ts: int) -> None:
        figures_for.append(at_ts)
        request(at_ts)

    replay.show_state = show_state  # type: ignore[method-assign]
    replay._request_figures = request_figures  # type: ignore[method-assign]
    steps = [T0 + k * 7 * S for k in range(1, 12)]
    for ts in steps:  # one drag: the events come faster than the seeks land
        replay.timeline.seek(ts)
    qtbot.waitUntil(lambda: replay.state is not None and replay.state.at_ts == steps[-1], timeout=10_000)
    qtbot.waitUntil(lambda: replay.figures is not None and replay.figures.now_ts == steps[-1], timeout=10_000)
    assert drawn == [steps[-1]]
    assert figures_for == [steps[-1]]
    assert replay.figures_worker is not replay.worker
    assert replay_controller.FIGURES_SETTLE_MS <= 300
    replay.stop()
