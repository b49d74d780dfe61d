"""Live use checks event times against the wall clock only when real devices feed it: the simulator runs
faster than real time, so its events would all look "in the future"."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from sandbox_app.clock import WallClock
from sandbox_app.engine import DEFAULT_WARMUP_MS
from sandbox_app.live import LiveOptions, LiveSession
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district


def _session(tmp_path: Path, simulate: bool) -> LiveSession:
    options = LiveOptions(simulate=simulate, bridges=tmp_path / "bridges.toml")
    return LiveSession(small_district(), lambda: SqliteStore(tmp_path / "x.db"), options, WallClock())


def test_real_bridges_alone_compare_event_times_with_the_wall_clock(tmp_path: Path) -> None:
    bridges = cast(Any, object())
    live = _session(tmp_path, simulate=False)
    policy = live.intake_policy(bridges)
    assert policy.reference is live.clock and policy.past_ms == DEFAULT_WARMUP_MS
    assert live.intake_policy(None).reference is None, "no bridges: nothing arrives in real time"
    assert _session(tmp_path, simulate=True).intake_policy(bridges).reference is None, "simulator: fast time"
