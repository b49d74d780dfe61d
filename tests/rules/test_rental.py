"""unregistered_opener and unreported_tenant on crafted smart-lock sequences."""

from __future__ import annotations

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from tests.rules.helpers import DAY, HOUR, drive, ev, make_rule, t

T0 = t("2024-05-06 19:00")


def test_unregistered_opener_fires_on_the_room(dist: District) -> None:
    rule = make_rule("unregistered_opener", dist)
    signals = drive(rule, [ev("lock.open", "LK-RENT", T0, credential="CARD-X")])
    assert [(s.rule, s.subject, s.subject_type, s.severity) for s in signals] == [
        ("unregistered_opener", "R-RENT", "room", Severity.MEDIUM)
    ]
    assert signals[0].data["credential"] == "CARD-X" and signals[0].data["building_id"] == "B2"


def test_unregistered_opener_near_miss_registered_tenant_and_owner_room(dist: District) -> None:
    rule = make_rule("unregistered_opener", dist)
    events = [
        ev("lock.open", "LK-RENT", T0, credential="CARD-1"),  # the registered tenant
        ev("lock.open", "LK-OWN", T0, credential="CARD-X"),  # not a rental room
        ev("lock.open", "LK-RENT", T0),  # no credential (key or inside handle): cannot be judged
    ]
    assert drive(rule, events) == []


def test_unregistered_opener_watches_group_rentals_and_follows_config(dist: District) -> None:
    events = [ev("lock.open", "LK-GRP", T0, credential="CARD-X")]
    assert len(drive(make_rule("unregistered_opener", dist), events)) == 1
    assert drive(make_rule("unregistered_opener", dist, usages=["rental"]), events) == []


def test_unreported_tenant_fires_on_the_third_day_within_seven(dist: District) -> None:
    rule = make_rule("unreported_tenant", dist)
    events = [ev("lock.open", "LK-RENT", T0 + d * DAY, credential="CARD-X") for d in (0, 3, 6)]
    signals = drive(rule, events)
    assert [(s.subject, s.ts) for s in signals] == [("R-RENT", T0 + 6 * DAY)]
    assert signals[0].data["days"] == ["2024-05-06", "2024-05-09", "2024-05-12"]


def test_unreported_tenant_near_miss_days_spread_over_eight(dist: District) -> None:
    rule = make_rule("unreported_tenant", dist)
    events = [ev("lock.open", "LK-RENT", T0 + d * DAY, credential="CARD-X") for d in (0, 3, 7)]
    events += [ev("lock.open", "LK-RENT", T0 + 7 * DAY + h * HOUR, credential="CARD-X") for h in (1, 2)]
    assert drive(rule, events) == []


def test_unreported_tenant_counts_local_days_not_utc_days(dist: District) -> None:
    """23:30 and 00:30 local are two days in Shanghai although both fall on one UTC day."""
    rule = make_rule("unreported_tenant", dist, min_days=2)
    a = t("2024-05-06 23:30")
    signals = drive(rule, [ev("lock.open", "LK-RENT", ts, credential="CARD-X") for ts in (a, a + HOUR)])
    assert len(signals) == 1
