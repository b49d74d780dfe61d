"""perimeter_breach fires only while its zone is armed by schedule."""

from __future__ import annotations

import pytest

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from sandbox_app.rules.config import RuleConfigError
from sandbox_app.rules.perimeter import is_armed, parse_hours
from tests.rules.helpers import drive, ev, make_rule, t


def test_breach_at_night_fires(dist: District) -> None:
    rule = make_rule("perimeter_breach", dist)
    signals = drive(rule, [ev("perimeter.breach", "PD-1", t("2024-05-06 23:15"))])
    assert [(s.subject, s.subject_type, s.severity) for s in signals] == [("PD-1", "device", Severity.HIGH)]
    assert signals[0].data["compound_id"] == "C1"


def test_breach_near_miss_in_the_afternoon_while_disarmed(dist: District) -> None:
    rule = make_rule("perimeter_breach", dist)
    assert drive(rule, [ev("perimeter.breach", "PD-1", t("2024-05-06 14:00"))]) == []
    assert drive(rule, [ev("perimeter.breach", "PD-1", t("2024-05-06 06:00"))]) == [], "end is exclusive"


def test_schedule_sources_in_order(dist: District) -> None:
    dist.gates["G1"].closed_hours = "12-13"
    rule = make_rule("perimeter_breach", dist, schedules={"PD-1": "14-15"})
    at_14 = t("2024-05-06 14:30")
    at_12 = t("2024-05-06 12:30")
    events = [
        ev("perimeter.breach", "PD-1", at_14),  # config schedule
        ev("perimeter.breach", "PD-2", at_14),  # package armed_hours = always
        ev("perimeter.breach", "PD-G", at_14),  # gate closed hours: not now
        ev("perimeter.breach", "PD-G", at_12),  # gate closed hours: now
    ]
    assert [(s.subject, s.ts) for s in drive(rule, events)] == [
        ("PD-1", at_14),
        ("PD-2", at_14),
        ("PD-G", at_12),
    ]


def test_event_reported_arming_is_believed(dist: District) -> None:
    rule = make_rule("perimeter_breach", dist)
    night, day = t("2024-05-06 23:00"), t("2024-05-06 14:00")
    events = [
        ev("perimeter.breach", "PD-1", night, armed=False),
        ev("perimeter.breach", "PD-1", day, armed=True),
    ]
    assert [s.ts for s in drive(rule, events)] == [day]


@pytest.mark.parametrize(
    "text, minute, armed",
    [
        ("22-6", 23 * 60, True),
        ("22-6", 5 * 60 + 59, True),
        ("22-6", 12 * 60, False),
        ("22:30-6:00", 22 * 60, False),
        ("12-13,22-6", 12 * 60 + 5, True),
        ("always", 0, True),
        ("never", 0, False),
        ("0-24", 1439, True),
    ],
)
def test_parse_hours(text: str, minute: int, armed: bool) -> None:
    assert is_armed(parse_hours(text), minute) is armed


def test_bad_schedule_names_its_key(dist: District) -> None:
    with pytest.raises(RuleConfigError, match=r"perimeter_breach\.schedules\.PD-1"):
        make_rule("perimeter_breach", dist, schedules={"PD-1": "late"})
    with pytest.raises(RuleConfigError, match=r"perimeter_breach\.default_armed_hours"):
        make_rule("perimeter_breach", dist, default_armed_hours="25-3")
