"""Dashboard and panel figures from hand-made alerts, dispatches, events and a small SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox_app.analytics import stats
from sandbox_app.analytics.stats import GuardState, Phase
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.engine.messages import StateDelta
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district

H = stats.MS_PER_HOUR
MIDNIGHT = 1_714_492_800_000  # 2024-05-01 00:00 in Shanghai (+08:00)
NOW = MIDNIGHT + 18 * H + 25 * 60_000  # 18:25 there


def _alert(
    aid: str, rule: str, first_ts: int, subject: str = "D1", state: AlertState = AlertState.OPEN
) -> Alert:
    return Alert(aid, rule, subject, "device", Severity.HIGH, state, first_ts, first_ts)


def _dispatch(did: str, guard: str, issued: int, steps: list[tuple[DispatchState, int]]) -> Dispatch:
    d = Dispatch(did, "A1", guard, None, "desk", issued, None, None)
    for state, ts in steps:
        d.advance(state, "x", ts, "done" if state is DispatchState.FEEDBACK else "")
    return d


def test_alerts_per_hour_buckets_by_first_raise_and_drops_old_ones() -> None:
    alerts = [
        _alert("a", "smoke_alarm", NOW),
        _alert("b", "smoke_alarm", NOW - H),
        _alert("c", "tailgating", NOW - 20 * 60_000),  # 10:05, same hour as NOW
        _alert("d", "smoke_alarm", NOW - 30 * H),  # outside the 24 h window
        _alert("e", "tailgating", NOW - 23 * H),
    ]
    hourly = stats.alerts_per_hour(alerts, NOW, hours=24)
    assert len(hourly.starts) == 24 and hourly.starts[-1] == NOW - NOW % H
    assert list(hourly.counts) == ["smoke_alarm", "tailgating"]  # most first
    assert hourly.counts["smoke_alarm"][-1] == 1 and hourly.counts["smoke_alarm"][-2] == 1
    assert hourly.counts["tailgating"][-1] == 1 and hourly.counts["tailgating"][0] == 1
    assert sum(hourly.totals()) == 4
    assert stats.hour_labels(hourly.starts[-1:], "Asia/Shanghai") == ["18"]


def test_response_times_per_phase_and_median() -> None:
    t = NOW - H
    done = _dispatch(
        "D1",
        "GU1",
        t,
        [
            (DispatchState.ACCEPTED, t + 30_000),
            (DispatchState.ON_SCENE, t + 300_000),
            (DispatchState.HANDLED, t + 400_000),
            (DispatchState.FEEDBACK, t + 500_000),
            (DispatchState.CLOSED, t + 600_000),
        ],
    )
    going = _dispatch("D2", "GU2", t, [(DispatchState.ACCEPTED, t + 90_000)])
    old = _dispatch("D3", "GU2", t - 48 * H, [(DispatchState.ACCEPTED, t - 48 * H + 10_000)])
    times = stats.response_times([done, going, old], since_ts=t - H)
    assert times.seconds[Phase.ACCEPT] == (30.0, 90.0)
    assert times.median(Phase.ACCEPT) == 60.0
    assert times.seconds[Phase.ARRIVE] == (300.0,) and times.seconds[Phase.CLOSE] == (600.0,)
    assert stats.response_times([]).median(Phase.CLOSE) is None


def test_online_rate_by_kind_from_open_offline_alerts() -> None:
    district = small_district()
    alerts = [
        _alert("o1", "device_offline", NOW, "D1"),
        _alert("o2", "device_offline", NOW, "D2", AlertState.CLOSED),  # back online
        _alert("o3", "smoke_alarm", NOW, "D3"),
    ]
    down = stats.offline_subjects(alerts)
    assert down == {"D1"}
    rows = stats.online_by_kind(district, down)
    assert rows[0].kind == "smart_lock" and (rows[0].online, rows[0].total, rows[0].rate) == (0, 1, 0.0)
    assert all(r.rate == 1.0 for r in rows[1:])
    assert stats.online_rate(rows) == pytest.approx(5 / 6)


def test_day_start_is_local_midnight() -> None:
    start = stats.day_start_ms(NOW, "Asia/Shanghai")
    assert start == MIDNIGHT
    assert stats.day_start_ms(NOW, "no/such zone") == MIDNIGHT + 8 * H  # UTC


def test_compute_reads_a_small_store(tmp_path: Path) -> None:
    district = small_district()
    midnight = stats.day_start_ms(NOW, district.timezone)
    events = [
        Event("p1", NOW - H, "D3", "plate.read", data={"plate": "测A00000"}),
        Event("p0", midnight - 1, "D3", "plate.read", data={"plate": "测A00000"}),  # yesterday
        Event("f1", NOW - 2 * H, "D3", "face.pass"),
        Event("f2", NOW - 3 * H, "D3", "face.pass"),
        Event("r1", NOW - 60_000, "D3", "rfid.read"),
        Event("g1", NOW - 60_000, "T1", "gps.fix", 119.3, 26.08, {"battery": 50}),
    ]
    with SqliteStore(tmp_path / "s.db") as store:
        store.replace_district(district)
        store.append_events(events)
        store.upsert_alerts([_alert("a", "smoke_alarm", NOW - H), _alert("o", "device_offline", NOW, "D4")])
        fig = stats.compute(store, district, NOW)
    assert dict(fig.reads_today) == {"plate.read": 1, "face.pass": 2, "rfid.read": 1}
    assert fig.hourly.counts["smoke_alarm"][-2] == 1 and fig.hourly.counts["device_offline"][-1] == 1
    camera = next(r for r in fig.devices if r.kind == "camera")
    assert (camera.online, camera.total) == (0, 1) and fig.devices[0] is camera


def test_live_tally_keeps_last_seen_and_battery_bounded() -> None:
    tally = stats.LiveTally(small_district(), max_unknown=2)
    events = [
        Event("1", 1_000, "T1", "gps.fix", 1.0, 1.0, {"battery": 80}),
        Event("2", 3_000, "T1", "gps.fix", 1.0, 1.0, {"battery": 79}),
        Event("3", 2_000, "T1", "gps.fix", 1.0, 1.0, {"battery": 99}),  # late, older: ignored
        *(Event(f"u{i}", 5_000, f"X{i}", "device.heartbeat") for i in range(5)),
    ]
    tally.on_delta(StateDelta(5_000, events))
    snap = tally.snapshot()
    assert snap.now_ts == 5_000 and snap.last_seen["T1"] == 3_000 and snap.battery["T1"] == 79.0
    assert len([d for d in snap.last_seen if d.startswith("X")]) == 2


def test_guard_rows_status_and_fix_age() -> None:
    district = small_district()
    on_scene = _dispatch(
        "D9",
        "GU2",
        NOW - 600_000,
        [(DispatchState.ACCEPTED, NOW - 500_000), (DispatchState.ON_SCENE, NOW - 1)],
    )
    rows = stats.guard_rows(district, {"T1": NOW - 12_000}, {"T1": 64.0}, [on_scene], NOW)
    gu1, gu2 = rows
    assert (gu1.id, gu1.state, gu1.fix_age_s, gu1.battery) == ("GU1", GuardState.PATROLLING, 12.0, 64.0)
    assert (gu2.state, gu2.fix_age_s, gu2.dispatch_id) == (GuardState.ON_SCENE, None, "D9")
    later = stats.guard_rows(district, {"T1": NOW - 12_000}, {}, [], NOW + 600_000)
    assert [r.state for r in later] == [GuardState.STALE, GuardState.STALE]
    issued = _dispatch("D8", "GU1", NOW, [])
    assert stats.guard_rows(district, {}, {}, [issued], NOW)[0].state is GuardState.DISPATCHED
