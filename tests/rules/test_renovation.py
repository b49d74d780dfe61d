"""renovation_hours: renovation work outside the permitted hours (违规时段装修)."""

from __future__ import annotations

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from tests.rules.helpers import drive, ev, make_rule, t

# 2024-05-06 is a Monday, 2024-05-11 a Saturday.


def test_evening_drilling_on_a_weekday_raises_it_on_the_flat(dist: District) -> None:
    rule = make_rule("renovation_hours", dist)
    (signal,) = drive(rule, [ev("renovation.activity", "BC-1", t("2024-05-06 20:15"), room_id="R-OWN")])
    assert (signal.rule, signal.subject, signal.subject_type) == ("renovation_hours", "R-OWN", "room")
    assert signal.severity is Severity.MEDIUM
    assert signal.data["building_id"] == "B1" and signal.data["local_time"] == "20:15"


def test_without_a_flat_the_alert_is_on_the_building(dist: District) -> None:
    rule = make_rule("renovation_hours", dist)
    (signal,) = drive(rule, [ev("renovation.activity", "BC-1", t("2024-05-06 12:30"))])
    assert (signal.subject, signal.subject_type) == ("B1", "building")


def test_rest_days_allow_none_by_default(dist: District) -> None:
    rule = make_rule("renovation_hours", dist)
    assert len(drive(rule, [ev("renovation.activity", "BC-1", t("2024-05-11 10:00"))])) == 1


def test_near_misses(dist: District) -> None:
    rule = make_rule("renovation_hours", dist)
    events = [
        ev("renovation.activity", "BC-1", t("2024-05-06 08:00"), room_id="R-OWN"),  # first allowed minute
        ev("renovation.activity", "BC-1", t("2024-05-06 11:59"), room_id="R-OWN"),
        ev("renovation.activity", "BC-1", t("2024-05-06 14:00"), room_id="R-OWN"),
        ev("renovation.activity", "BC-1", t("2024-05-06 17:59"), room_id="R-OWN"),
        ev("renovation.activity", "BC-1", t("2024-05-10 16:30"), room_id="R-OWN"),  # Friday afternoon
    ]
    assert drive(rule, events) == []


def test_settings(dist: District) -> None:
    rule = make_rule("renovation_hours", dist, permitted_hours="8-20", weekend_hours="9-12")
    quiet = [
        ev("renovation.activity", "BC-1", t("2024-05-06 19:59")),
        ev("renovation.activity", "BC-1", t("2024-05-11 11:00")),
    ]
    assert drive(rule, quiet) == []
    assert len(drive(rule, [ev("renovation.activity", "BC-1", t("2024-05-11 13:00"))])) == 1


def test_the_simulator_renovates_one_evening_a_day() -> None:
    from sandbox_app.bridges.simulator.source import Simulator
    from tests.bridges.test_simulator import DAY, START, small_district

    district = small_district()
    day = list(Simulator(district, seed=11, start_ts=START).events_between(START, START + DAY))
    work = [e for e in day if e.kind == "renovation.activity"]
    signals = drive(make_rule("renovation_hours", district), work)
    assert signals and len(signals) < len(work), "the weekday morning job is allowed"
