"""fire_lane: a vehicle standing in a camera's no-parking zone longer than N minutes (消防通道占用)."""

from __future__ import annotations

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from tests.rules.helpers import MIN, drive, ev, make_rule, t

T0 = t("2024-05-06 10:00")


def test_a_car_left_past_the_limit_raises_it_at_the_deadline(dist: District) -> None:
    rule = make_rule("fire_lane", dist)
    events = [ev("vehicle.parked", "BC-1", T0, plate="浙A99999", zone="消防通道")]
    (signal,) = drive(rule, events, until=T0 + 30 * MIN)
    assert (signal.rule, signal.subject, signal.subject_type) == ("fire_lane", "浙A99999", "plate")
    assert signal.ts == T0 + 10 * MIN, "the signal time is the moment the limit passed"
    assert signal.severity is Severity.MEDIUM
    assert signal.data["zone"] == "消防通道" and signal.data["building_id"] == "B1"


def test_without_a_plate_the_alert_is_on_the_camera_and_zone(dist: District) -> None:
    rule = make_rule("fire_lane", dist)
    (signal,) = drive(rule, [ev("vehicle.parked", "BC-1", T0, zone="东侧通道")], until=T0 + 11 * MIN)
    assert (signal.subject, signal.subject_type) == ("BC-1/东侧通道", "device")


def test_a_late_report_catches_the_stay_even_without_a_tick(dist: District) -> None:
    rule = make_rule("fire_lane", dist)
    events = [
        ev("vehicle.parked", "BC-1", T0, plate="浙A1"),
        ev("vehicle.parked", "BC-1", T0 + 15 * MIN, plate="浙A1", left=True),
    ]
    (signal,) = drive(rule, events)
    assert signal.ts == T0 + 10 * MIN


def test_near_misses(dist: District) -> None:
    rule = make_rule("fire_lane", dist)
    events = [
        # a delivery that leaves after 9 min 59 s
        ev("vehicle.parked", "BC-1", T0, plate="浙A1", zone="消防通道"),
        ev("vehicle.parked", "BC-1", T0 + 10 * MIN - 1000, plate="浙A1", zone="消防通道", left=True),
        # the camera repeats its report of a standing car: its clock does not restart, and it leaves in time
        ev("vehicle.parked", "BC-1", T0 + 20 * MIN, plate="浙A2"),
        ev("vehicle.parked", "BC-1", T0 + 25 * MIN, plate="浙A2"),
        ev("vehicle.parked", "BC-1", T0 + 29 * MIN, plate="浙A2", left=True),
    ]
    assert drive(rule, events, until=T0 + 3 * 60 * MIN) == []


def test_repeat_reports_do_not_restart_the_clock(dist: District) -> None:
    rule = make_rule("fire_lane", dist, minutes=5.0)
    events = [ev("vehicle.parked", "BC-1", T0 + k * 2 * MIN, plate="浙A3") for k in range(3)]
    (signal,) = drive(rule, events, until=T0 + 6 * MIN)
    assert signal.ts == T0 + 5 * MIN


def test_the_simulator_blocks_the_fire_lane_every_day() -> None:
    from sandbox_app.bridges.simulator.source import Simulator
    from tests.bridges.test_simulator import DAY, START, small_district

    district = small_district()
    day = list(Simulator(district, seed=11, start_ts=START).events_between(START, START + DAY))
    rule = make_rule("fire_lane", district)
    signals = drive(rule, [e for e in day if e.kind == "vehicle.parked"], until=START + DAY)
    assert signals and all(s.subject.startswith("京Z·F") for s in signals), "the van leaves in time"
