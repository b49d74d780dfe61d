"""Leaving replay gives its memory back (issue 17): the replay's SQLite page caches are shrunk and freed
heap is returned to the system, on the replay worker. bench/idle.py --replay-cycle measures the RSS."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sandbox_app.store.queries import Db
from tests.replay.sample import T0, S
from tests.widgets.test_replay_controller import _open, _seek, db, english  # noqa: F401  (fixtures)
from widgets import memory, replay_controller

pytestmark = pytest.mark.gui


def test_going_live_releases_what_the_replay_read(
    qtbot: QtBot,
    db: Path,  # noqa: F811
    english: None,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    released: list[int] = []
    shrunk: list[object] = []

    def release() -> bool:
        released.append(1)
        return True

    monkeypatch.setattr(replay_controller, "release_heap", release)
    monkeypatch.setattr(Db, "shrink_memory", lambda self: shrunk.append(self))
    _window, replay, _ = _open(qtbot, db)
    assert replay.enter()
    _seek(qtbot, replay, T0 + 30 * S)
    assert released == []
    replay.go_live()
    qtbot.waitUntil(lambda: released == [1], timeout=5_000)
    assert replay.db is not None and replay.db in shrunk


def test_release_heap_runs_here() -> None:
    assert memory.release_heap() in (True, False)  # glibc: trimmed; elsewhere: a no-op, never an error
