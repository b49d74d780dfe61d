"""Live use checks event times against the wall clock only when real devices feed it: the simulator runs
faster than real time, so its events would all look "in the future"."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.pipeline import DEFAULT_WARMUP_MS
from sandbox_app.station.live import LiveOptions, LiveSession
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
    simulated = _session(tmp_path, simulate=True).intake_policy(bridges)
    assert simulated.reference is not None and not simulated.track_drift, "simulator: its own fast time"


def test_beside_the_simulator_real_devices_are_checked_against_simulated_time(tmp_path: Path) -> None:
    """Issue 14: the outlier check also holds when real bridges run beside the simulator."""
    from sandbox_app.domain.events import MAX_TS
    from sandbox_app.engine.intake import trusted_clock

    live = _session(tmp_path, simulate=True)
    policy = live.intake_policy(cast(Any, object()))
    assert policy.reference is not None
    far = 3_927_763_200_000  # 2094
    # Before the simulator runs, a stored clock ahead of the wall clock (an earlier fast run) is kept.
    assert policy.reference.now_ms() == MAX_TS and trusted_clock(str(far), policy) == (far, None)
    live._sim = cast(Any, type("Sim", (), {"clock_ts": 1_714_550_400_000})())
    assert policy.reference.now_ms() == 1_714_550_400_000
