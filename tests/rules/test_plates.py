"""plate_blacklist and vehicle_overstay on crafted barrier reads."""

from __future__ import annotations

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from sandbox_app.rules.plates import normalize_plate
from tests.rules.helpers import DAY, HOUR, MIN, drive, ev, make_rule, t

T0 = t("2024-05-06 08:00")


def test_normalize_plate() -> None:
    assert normalize_plate(" 浙a·99 999 ") == normalize_plate("浙A-99999") == "浙A99999"


def test_blacklist_fires_on_a_listed_plate_whatever_its_spelling(dist: District) -> None:
    rule = make_rule("plate_blacklist", dist, plates=["浙A99999"])
    signals = drive(rule, [ev("plate.read", "VB-1", T0, plate="浙a·99999", direction="in")])
    assert [(s.subject, s.subject_type, s.severity) for s in signals] == [
        ("浙A99999", "plate", Severity.HIGH)
    ]


def test_blacklist_near_miss_other_plate(dist: District) -> None:
    rule = make_rule("plate_blacklist", dist, plates=["浙A99999"])
    assert drive(rule, [ev("plate.read", "VB-1", T0, plate="浙A99998", direction="in")]) == []


def test_overstay_notice_after_max_days(dist: District) -> None:
    rule = make_rule("vehicle_overstay", dist)
    signals = drive(
        rule, [ev("plate.read", "VB-1", T0, plate="浙B11111", direction="in")], until=T0 + 3 * DAY + MIN
    )
    assert [(s.subject, s.severity, s.ts) for s in signals] == [("浙B11111", Severity.NOTICE, T0 + 3 * DAY)]
    assert drive(rule, [], until=T0 + 9 * DAY) == [], "one notice per stay"


def test_overstay_near_miss_left_in_time_and_resident_car(dist: District) -> None:
    rule = make_rule("vehicle_overstay", dist)
    events = [
        ev("plate.read", "VB-1", T0, plate="浙B11111", direction="in"),
        ev("plate.read", "VB-1", T0, plate="浙A12345", direction="in"),  # registered to P-OWN
        ev("plate.read", "VB-1", T0 + 3 * DAY - HOUR, plate="浙B11111", direction="out"),
    ]
    assert drive(rule, events, until=T0 + 10 * DAY) == []


def test_overstay_caught_at_the_out_read_when_the_clock_never_ticked(dist: District) -> None:
    rule = make_rule("vehicle_overstay", dist, max_days=1)
    assert list(rule.on_event(ev("plate.read", "VB-1", T0, plate="浙B2", direction="in"))) == []
    late = list(rule.on_event(ev("plate.read", "VB-1", T0 + 2 * DAY, plate="浙B2", direction="out")))
    assert [s.ts for s in late] == [T0 + DAY]
