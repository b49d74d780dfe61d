"""elderly_no_activity and elderly_routine on crafted door and gate sequences."""

from __future__ import annotations

import pytest

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from sandbox_app.rules.config import RuleConfigError
from tests.rules.helpers import DAY, HOUR, MIN, drive, ev, make_rule, t

T0 = t("2024-05-06 08:00")


def test_no_activity_fires_on_the_room_after_12_hours(dist: District) -> None:
    rule = make_rule("elderly_no_activity", dist)
    signals = drive(rule, [ev("door.close", "DM-ELD", T0)], until=T0 + 12 * HOUR + MIN)
    assert [(s.rule, s.subject, s.subject_type, s.severity) for s in signals] == [
        ("elderly_no_activity", "R-ELD", "room", Severity.HIGH)
    ]
    assert signals[0].ts == T0 + 12 * HOUR
    assert signals[0].data["building_id"] == "B1" and signals[0].data["compound_id"] == "C1"
    assert drive(rule, [], until=T0 + 30 * HOUR) == [], "fires once, then waits for activity"


def test_no_activity_near_miss_11h59_gaps_stay_quiet(dist: District) -> None:
    rule = make_rule("elderly_no_activity", dist)
    gap = 11 * HOUR + 59 * MIN
    events = [ev("door.open", "DM-ELD", T0 + i * gap) for i in range(4)]
    assert drive(rule, events, until=T0 + 4 * gap) == []


def test_no_activity_re_arms_after_activity(dist: District) -> None:
    rule = make_rule("elderly_no_activity", dist)
    first = drive(rule, [ev("door.open", "DM-ELD", T0)], until=T0 + 13 * HOUR)
    again = drive(rule, [ev("door.close", "DM-ELD", T0 + 14 * HOUR)], until=T0 + 27 * HOUR)
    assert len(first) == 1 and [s.ts for s in again] == [T0 + 26 * HOUR]


def test_no_activity_gap_is_caught_by_the_next_event_without_clock_ticks(dist: District) -> None:
    rule = make_rule("elderly_no_activity", dist)
    assert list(rule.on_event(ev("door.open", "DM-ELD", T0))) == []
    late = list(rule.on_event(ev("door.open", "DM-ELD", T0 + 13 * HOUR)))
    assert [(s.subject, s.ts) for s in late] == [("R-ELD", T0 + 12 * HOUR)]


def test_no_activity_ignores_rooms_without_an_elderly_resident(dist: District) -> None:
    rule = make_rule("elderly_no_activity", dist)
    assert drive(rule, [ev("door.open", "DM-OWN", T0)], until=T0 + 2 * DAY) == []


def test_no_activity_configured_start_catches_a_silent_magnet(dist: District) -> None:
    rule = make_rule("elderly_no_activity", dist, start="2024-05-06T08:00:00", gap_hours=6)
    assert [(s.subject, s.ts) for s in drive(rule, [], until=T0 + 7 * HOUR)] == [("R-ELD", T0 + 6 * HOUR)]


def test_no_activity_rejects_unknown_tag(dist: District) -> None:
    with pytest.raises(RuleConfigError, match=r"elderly_no_activity\.tags"):
        make_rule("elderly_no_activity", dist, tags=["old"])


MON1 = t("2024-05-06 00:00")  # a Monday


def _routine(dist: District, out_mondays: list[int], **config: object) -> list[tuple[str, str]]:
    """Clock starts on the Sunday before MON1; passes at 09:00 on the given Mondays (0-based weeks)."""
    rule = make_rule("elderly_routine", dist, **config)
    events = [ev("face.pass", "FG-1", MON1 - 12 * HOUR, person_id="P-OWN")]
    events += [ev("face.pass", "FG-1", MON1 + 7 * w * DAY + 9 * HOUR, person_id="P-ELD") for w in out_mondays]
    signals = drive(rule, sorted(events, key=lambda e: e.ts), until=MON1 + 29 * DAY + MIN)
    assert all(s.severity == Severity.NOTICE and s.subject_type == "person" for s in signals)
    return [(s.subject, s.data["day"]) for s in signals]


def test_routine_fires_when_a_regular_monday_outing_is_missed(dist: District) -> None:
    assert _routine(dist, [0, 1, 2, 3]) == [("P-ELD", "2024-06-03")]


def test_routine_near_miss_irregular_habit_stays_quiet(dist: District) -> None:
    assert _routine(dist, [0, 2]) == []


def test_routine_near_miss_went_out_late_that_day(dist: District) -> None:
    rule = make_rule("elderly_routine", dist)
    events = [ev("face.pass", "FG-1", MON1 - 12 * HOUR, person_id="P-OWN")]
    events += [ev("face.pass", "FG-1", MON1 + 7 * w * DAY + 9 * HOUR, person_id="P-ELD") for w in range(4)]
    events.append(ev("face.pass", "FG-1", MON1 + 28 * DAY + 23 * HOUR + 50 * MIN, person_id="P-ELD"))
    assert drive(rule, events, until=MON1 + 29 * DAY + MIN) == []


def test_routine_needs_enough_known_history(dist: District) -> None:
    """The clock starts mid-May: two known Mondays are a habit only when min_days allows it."""
    events = [ev("face.pass", "FG-1", MON1 + 14 * DAY - 12 * HOUR, person_id="P-OWN")]
    events += [ev("face.pass", "FG-1", MON1 + 7 * w * DAY + 9 * HOUR, person_id="P-ELD") for w in (2, 3)]
    strict = make_rule("elderly_routine", dist)
    lenient = make_rule("elderly_routine", dist, min_days=2)
    assert drive(strict, events, until=MON1 + 29 * DAY + MIN) == []
    assert [s.subject for s in drive(lenient, events, until=MON1 + 29 * DAY + MIN)] == ["P-ELD"]


def test_routine_judges_a_day_at_its_last_millisecond(dist: District) -> None:
    """A backtest `--to 23:59:59.999` must include that day's verdict; a pass in that millisecond counts."""
    events = [ev("face.pass", "FG-1", MON1 - 12 * HOUR, person_id="P-OWN")]
    events += [ev("face.pass", "FG-1", MON1 + 7 * w * DAY + 9 * HOUR, person_id="P-ELD") for w in range(4)]
    end = MON1 + 29 * DAY - 1
    assert len(drive(make_rule("elderly_routine", dist), events, until=end)) == 1
    late = ev("face.pass", "FG-1", end, person_id="P-ELD")
    assert drive(make_rule("elderly_routine", dist), [*events, late], until=end) == []
    assert drive(make_rule("elderly_routine", dist), events, until=end - 1) == []
