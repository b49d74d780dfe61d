"""gps_sanity: impossible speeds and jumps out of the district are flagged, real relocations accepted."""

from __future__ import annotations

import pytest

from sandbox_app.domain.distance import M_PER_DEG, distance_m
from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules.gps_sanity import GpsSanity
from tests.rules.helpers import MIN, drive, ev, make_rule, t

T0 = t("2024-05-06 09:00")
LON, LAT = 120.003, 30.003
DLAT_1KM = 1000 / M_PER_DEG


def _fix(device: str, ts: int, north_km: float = 0.0, east_deg: float = 0.0) -> Event:
    return ev("gps.fix", device, ts, LON + east_deg, LAT + north_km * DLAT_1KM)


def test_distance_is_close_to_haversine() -> None:
    assert distance_m(120.0, 30.0, 120.0, 30.0 + DLAT_1KM) == pytest.approx(1000, rel=1e-3)
    assert distance_m(120.0, 30.0, 120.01, 30.0) == pytest.approx(963.4, rel=2e-3)


def test_fix_at_walking_guard_doing_90_kmh_is_flagged(dist: District) -> None:
    rule = make_rule("gps_sanity", dist)
    assert isinstance(rule, GpsSanity)
    good = _fix("GPS-G", T0)
    bad = _fix("GPS-G", T0 + MIN, north_km=1.5)  # 1.5 km in a minute = 90 km/h
    assert rule.flag(good) is None
    assert rule.flag(bad) == "implausible speed 90 km/h (limit 60)"
    [signal] = rule.on_event(bad)
    assert (signal.subject, signal.subject_type, signal.severity) == ("GD-GRID", "guard", Severity.LOW)
    assert signal.data["speed_kmh"] == pytest.approx(90, abs=0.5) and signal.data["reason"] == "speed"


def test_near_miss_police_may_drive_and_noise_is_not_a_jump(dist: District) -> None:
    rule = make_rule("gps_sanity", dist)
    events = [
        _fix("GPS-P", T0),
        _fix("GPS-P", T0 + MIN, north_km=1.5),  # 90 km/h for the police is within 120
        _fix("GPS-G", T0),
        _fix("GPS-G", T0, north_km=0.03),  # 30 m jitter at the same instant
        _fix("GPS-G", T0 + 10 * MIN, north_km=0.9),  # 5.4 km/h
    ]
    assert drive(rule, events) == []


def test_fix_outside_the_district_is_flagged_even_first(dist: District) -> None:
    rule = make_rule("gps_sanity", dist)
    signals = drive(rule, [_fix("GPS-X", T0, east_deg=0.5)])  # ~48 km east
    assert [(s.subject, s.subject_type, s.data["reason"]) for s in signals] == [
        ("GPS-X", "device", "outside_district")
    ]


def test_flagged_fix_is_not_the_reference_and_a_real_move_is_accepted(dist: District) -> None:
    rule = make_rule("gps_sanity", dist)
    events = [_fix("GPS-G", T0), _fix("GPS-G", T0 + MIN, north_km=2.0)]  # spike: flagged
    events.append(_fix("GPS-G", T0 + 2 * MIN, north_km=0.05))  # back near the last good fix: fine
    assert len(drive(rule, events)) == 1
    assert isinstance(rule, GpsSanity)
    moved = [_fix("GPS-G", T0 + 2 * MIN + (i + 1) * 10_000, north_km=1.5 + 0.01 * i) for i in range(4)]
    flagged = [rule.flag(e) for e in moved]
    assert [f is not None for f in flagged] == [True, True, False, False]


def test_stored_flag_is_honoured_when_flag_was_not_called(dist: District) -> None:
    rule = make_rule("gps_sanity", dist)
    [signal] = rule.on_event(ev("gps.fix", "GPS-G", T0, LON, LAT, flagged="implausible speed"))
    assert signal.data["flagged"] == "implausible speed"


def test_engine_batch_order_flag_all_then_route_all(dist: District) -> None:
    """The engine flags a whole batch before routing it; on_event must not judge a fix a second time."""
    rule = make_rule("gps_sanity", dist)
    assert isinstance(rule, GpsSanity)
    events = [_fix("GPS-G", T0)] + [
        _fix("GPS-G", T0 + i * 10_000, north_km=1.5 + 0.01 * i) for i in (1, 2, 3)
    ]
    reasons = [rule.flag(e) for e in events]
    signals = [s for e in events for s in rule.on_event(e)]
    assert [r is not None for r in reasons] == [False, True, True, False]
    assert [s.data["event_id"] for s in signals] == [events[1].id, events[2].id]


def test_a_restart_or_a_long_gap_is_a_fresh_start_not_a_speed(dist: District) -> None:
    """Issue 16: every restart of the embedded simulator opened one alert per guard. A fix that says the
    tracker just started, or that follows a long silence, is the new reference, whatever the distance."""
    rule = make_rule("gps_sanity", dist, resume_after_s=60)
    events = [
        _fix("GPS-G", T0),
        ev("gps.fix", "GPS-G", T0 + 1, LON, LAT + 1.5 * DLAT_1KM, power_on=True),  # a restart, 1 ms later
        _fix("GPS-G", T0 + MIN, north_km=1.55),  # judged against the restart's fix: fine
        _fix("GPS-P", T0),
        _fix("GPS-P", T0 + 61_000, north_km=2.2),  # 130 km/h, but after a minute of silence
        _fix("GPS-P", T0 + 71_000, north_km=2.2),
    ]
    assert drive(rule, events) == []
    spike = _fix("GPS-G", T0 + MIN + 30_000, north_km=0.3)  # 150 km/h after 30 s: still a speed
    assert [s.data["reason"] for s in drive(rule, [spike])] == ["speed"]
    silent_minute = [_fix("GPS-P", T0), _fix("GPS-P", T0 + 61_000, north_km=2.2)]
    assert [s.data["reason"] for s in drive(make_rule("gps_sanity", dist), silent_minute)] == ["speed"]
