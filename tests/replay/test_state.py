"""State at T on the tiny hand-made history: interpolation, gaps, devices, alert and dispatch lifecycles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.events import Event
from sandbox_app.replay.index import FRAME_MS, FrameIndex
from sandbox_app.replay.state import Window, seek
from sandbox_app.replay.timeline import device_gaps
from sandbox_app.store.queries import Db
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import at, small_district
from tests.replay import sample
from tests.replay.sample import T0, S


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Db]:
    opened = Db.open(str(sample.build(tmp_path / "tiny.db")))
    yield opened
    opened.conn.close()


def test_guard_interpolated_between_two_fixes(db: Db) -> None:
    state = seek(db, small_district(), T0 + 30 * S)
    gu1 = state.guards["GU1"]
    (lon0, lat0), (lon1, _) = at(0, 0), at(60, 0)
    assert not gu1.gap and gu1.interpolated
    assert gu1.lon == pytest.approx(lon0 + 0.5 * (lon1 - lon0), abs=1e-12)
    assert gu1.lat == pytest.approx(lat0, abs=1e-12)
    assert (gu1.fix_ts, gu1.next_ts) == (T0, T0 + 60 * S)
    assert state.guard_positions["GU1"] == pytest.approx((gu1.lon, gu1.lat))
    # Trail: the fix at T0, then the interpolated place at T.
    (piece,) = state.trails["GU1"]
    np.testing.assert_allclose(piece, [at(0, 0), (gu1.lon, gu1.lat)], atol=1e-12)


def test_quarter_way_and_exactly_on_a_fix(db: Db) -> None:
    gu1 = seek(db, small_district(), T0 + 15 * S).guards["GU1"]
    assert gu1.lon == pytest.approx(at(15, 0)[0], abs=1e-9)
    on_fix = seek(db, small_district(), T0 + 60 * S).guards["GU1"]
    assert (on_fix.lon, on_fix.lat) == pytest.approx(at(60, 0), abs=1e-12)


def test_silent_guard_is_a_gap_not_standing_still(db: Db) -> None:
    state = seek(db, small_district(), T0 + 30 * S)
    gu2 = state.guards["GU2"]
    # The next fix is 900 s after the last one, longer than the radio's 300 s heartbeat.
    assert gu2.gap and gu2.next_ts is None
    assert (gu2.lon, gu2.lat) == pytest.approx(at(-20, 70), abs=1e-12)
    assert "GU2" not in state.guard_positions
    assert state.gaps == {"GU2": pytest.approx(at(-20, 70))}
    # After GU1's last fix its tracker goes silent too (the log runs on to T0 + 900 s).
    late = seek(db, small_district(), T0 + 400 * S)
    assert late.guards["GU1"].gap
    assert late.trails["GU1"] == ()


def test_devices_online_and_offline(db: Db) -> None:
    state = seek(db, small_district(), T0 + 30 * S)
    assert state.devices.of("D1") == (T0 + 10 * S, "lock.open", True)
    assert state.devices.of("D3") == (T0 - 1200 * S, "face.pass", False)
    assert "D3" in state.devices.offline()
    assert "D1" not in state.devices.offline()
    before = seek(db, small_district(), T0 + 5 * S)
    assert before.devices.of("D1") == (None, None, False)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (4, None),
        (5, AlertState.OPEN),
        (30, AlertState.ACKNOWLEDGED),
        (40, AlertState.DISPATCHED),
        (150, AlertState.RESOLVED),
        (250, None),  # closed at +200 s: no longer open
    ],
)
def test_alert_lifecycle_at_t(db: Db, seconds: int, expected: AlertState | None) -> None:
    state = seek(db, small_district(), T0 + seconds * S)
    states = {a.id: a.state for a in state.alerts}
    assert states.get(sample.ALERT_ID) == expected
    if expected is not None:
        (a,) = state.alerts
        assert a.history[-1].state == expected
        assert all(s.ts <= T0 + seconds * S for s in a.history)


def test_dispatch_state_and_path_at_t(db: Db) -> None:
    assert seek(db, small_district(), T0 + 39 * S).dispatches == ()
    issued = seek(db, small_district(), T0 + 42 * S)
    (d,) = issued.dispatches
    assert d.state is DispatchState.ISSUED
    gu1 = issued.guards["GU1"]
    assert issued.paths["DP1"] == ((gu1.lon, gu1.lat), pytest.approx(at(-50, 50)))
    accepted = seek(db, small_district(), T0 + 50 * S)
    assert accepted.dispatch_update().dispatches[0].state is DispatchState.ACCEPTED


def test_window_agrees_with_seek_everywhere(db: Db) -> None:
    district = small_district()
    window = Window(db, district, T0 - 60 * S, T0 + 1000 * S)
    for t in range(T0 - 60 * S, T0 + 1000 * S, 37 * S):
        a, b = window.state(t), seek(db, district, t)
        assert a.guards == b.guards, t
        np.testing.assert_array_equal(a.devices.last_ts, b.devices.last_ts)
        assert [x.id for x in a.alerts] == [x.id for x in b.alerts]
    # Going backwards in a window starts again from its base frame.
    assert window.state(T0 + 30 * S).guards == seek(db, district, T0 + 30 * S).guards


def test_frames_follow_late_events(tmp_path: Path) -> None:
    path = sample.build(tmp_path / "late.db")
    db = Db.open(str(path))
    frames = FrameIndex(db)
    frames.refresh()
    district = small_district()
    later = T0 + 3 * FRAME_MS
    assert seek(db, district, later, frames=frames).devices.of("D4")[0] is None
    store = SqliteStore(path)
    store.append_events([Event("late", T0 + 100 * S, "D4", "device.heartbeat")])
    store.close()
    assert frames.stale()
    state = seek(db, district, later, frames=frames)
    assert state.devices.of("D4")[:2] == (T0 + 100 * S, "device.heartbeat")
    frame = frames.frame_at(later)
    assert frame is not None and frame.start_ts > T0 + 100 * S
    db.conn.close()


def test_same_state_whether_fixes_are_in_keyframes_or_still_in_the_log(tmp_path: Path) -> None:
    district = small_district()
    folded = Db.open(str(sample.build(tmp_path / "folded.db", keyframe_lag=1)))
    raw = Db.open(str(sample.build(tmp_path / "raw.db")))
    assert folded.conn.execute("SELECT count(*) FROM fix_keyframes").fetchone()[0] > 0
    assert raw.conn.execute("SELECT count(*) FROM fix_keyframes").fetchone()[0] == 0
    for t in range(T0 - 30 * S, T0 + 1000 * S, 13 * S):
        a, b = seek(folded, district, t), seek(raw, district, t)
        assert a.guards == b.guards, t
        assert {g: [p.tolist() for p in v] for g, v in a.trails.items()} == {
            g: [p.tolist() for p in v] for g, v in b.trails.items()
        }, t
    # Between GU1's fixes at T0 and T0 + 60 s the next fix is past the short look-ahead: found from the
    # keyframes in one store and from the log in the other.
    assert seek(folded, district, T0 + 15 * S).guards["GU1"].next_ts == T0 + 60 * S
    folded.conn.close()
    raw.conn.close()


def test_a_second_index_registering_a_device_does_not_break_a_shared_one(tmp_path: Path) -> None:
    """`device_gaps` (and the video export) fold new events with an index of their own: the devices it
    registers must not leave the caller's shared index with shorter arrays than the frames it reads."""
    path = sample.build(tmp_path / "new_device.db")
    db = Db.open(str(path))
    district = small_district()
    frames = FrameIndex(db)
    frames.refresh()
    later = T0 + 3 * FRAME_MS
    before = len(seek(db, district, later, frames=frames).devices.last_ts)
    window = Window(db, district, later, later + FRAME_MS, frames=frames)
    store = SqliteStore(path)
    store.append_events([Event("new", T0 + 100 * S, "DNEW", "device.heartbeat")])
    store.close()
    device_gaps(db, district, T0 - FRAME_MS, later)  # refreshes with its own index, registers DNEW
    state = seek(db, district, later, frames=frames)
    assert len(state.devices.last_ts) == before + 1
    assert state.devices.of("DNEW")[:2] == (T0 + 100 * S, "device.heartbeat")
    # A window loaded before keeps the devices it was loaded with.
    assert len(window.state(later + S).devices.last_ts) == before
    # And the other way round: the shared index registers first, a fresh one agrees on every index.
    assert FrameIndex(db).devices == frames.devices
    db.conn.close()
