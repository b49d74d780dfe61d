"""device_offline: devices and bridges silent beyond their interval."""

from __future__ import annotations

import pytest

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from sandbox_app.rules.config import RuleConfigError
from tests.rules.helpers import HOUR, MIN, drive, ev, make_rule, t

T0 = t("2024-05-06 09:00")


def test_silent_magnet_goes_offline_after_twice_its_heartbeat(dist: District) -> None:
    rule = make_rule("device_offline", dist)
    signals = drive(rule, [ev("door.open", "DM-OWN", T0)], until=T0 + 2 * HOUR + MIN)
    assert [(s.subject, s.subject_type, s.severity, s.ts) for s in signals] == [
        ("DM-OWN", "device", Severity.MEDIUM, T0 + 2 * HOUR)
    ]
    assert signals[0].data["kind"] == "door_magnet" and signals[0].data["building_id"] == "B1"
    assert drive(rule, [], until=T0 + 9 * HOUR) == [], "once until heard again"
    again = drive(rule, [ev("device.heartbeat", "DM-OWN", T0 + 10 * HOUR)], until=T0 + 12 * HOUR + MIN)
    assert [s.ts for s in again] == [T0 + 12 * HOUR]


def test_near_miss_heartbeat_just_in_time(dist: District) -> None:
    rule = make_rule("device_offline", dist)
    events = [ev("door.open", "DM-OWN", T0), ev("device.heartbeat", "DM-OWN", T0 + 2 * HOUR - MIN)]
    assert drive(rule, events, until=T0 + 2 * HOUR + MIN) == []


def test_bridge_heartbeats_are_watched(dist: District) -> None:
    rule = make_rule("device_offline", dist, bridge_heartbeat_s=30)
    events = [ev("device.heartbeat", "bridge:mqtt", T0 + i * 30_000) for i in range(3)]
    signals = drive(rule, events, until=T0 + 2 * MIN + 1)
    assert [(s.subject, s.data["bridge"], s.ts) for s in signals] == [("bridge:mqtt", "mqtt", T0 + 2 * MIN)]


def test_unknown_devices_are_not_watched_and_own_interval_is_used(dist: District) -> None:
    rule = make_rule("device_offline", dist)
    events = [ev("gps.fix", "NOT-IN-PACKAGE", T0), ev("device.heartbeat", "GPS-X", T0, interval_s=60)]
    assert [s.subject for s in drive(rule, events, until=T0 + 3 * MIN)] == ["GPS-X"]


def test_start_watches_devices_that_never_spoke(dist: District) -> None:
    rule = make_rule("device_offline", dist, start="2024-05-06T09:00:00", heartbeat_s={"gps_tracker": 60})
    subjects = {s.subject for s in drive(rule, [ev("gps.fix", "GPS-G", T0 + MIN)], until=T0 + 3 * MIN)}
    assert subjects == {"GPS-P", "GPS-X"}


def test_unknown_kind_in_heartbeat_table_names_its_key(dist: District) -> None:
    with pytest.raises(RuleConfigError, match=r"device_offline\.heartbeat_s\.toaster"):
        make_rule("device_offline", dist, heartbeat_s={"toaster": 10})


def test_engine_batches_see_each_event_before_the_tick_after_it(dist: District) -> None:
    """The engine hands device_offline whole runs of events between ticks (`observe`): a heartbeat one
    minute before the deadline, in the same batch as later traffic, must still be seen before that tick."""
    from sandbox_app.engine.pipeline import Engine
    from sandbox_app.store import open_store

    engine = Engine(open_store(":memory:"), dist, [make_rule("device_offline", dist)])
    engine.ingest([ev("door.open", "DM-OWN", T0)])  # watched from here: due at 2:00
    traffic = [ev("gps.fix", "GPS-G", T0 + i * MIN, 120.003, 30.003) for i in range(1, 2 * 60 + 30)]
    beat = ev("device.heartbeat", "DM-OWN", T0 + 2 * HOUR - MIN)
    engine.ingest(sorted([*traffic, beat], key=lambda e: e.ts))
    offline = [a for a in engine.open_alerts() if a.subject == "DM-OWN"]
    assert offline == [], "the heartbeat at 1:59 keeps the magnet alive at the 2:00 tick"
    engine.advance_to(T0 + 4 * HOUR)
    assert [a.first_ts for a in engine.open_alerts() if a.subject == "DM-OWN"] == [T0 + 4 * HOUR - MIN]
