"""ebike_night_departure: an e-bike tag leaving at night against its owner's learned habit."""

from __future__ import annotations

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from tests.rules.helpers import DAY, HOUR, MIN, drive, ev, make_rule, t

D0 = t("2024-05-01 00:00")


def _commute(tag: str, days: int, hour: float = 8.0) -> list[Event]:
    """A tag out every morning at `hour` and back in the evening, for `days` days from D0."""
    out = []
    for d in range(days):
        leave = D0 + d * DAY + int(hour * HOUR)
        out.append(ev("rfid.read", "PD-G", leave, tag=tag, direction="out"))
        out.append(ev("rfid.read", "PD-G", leave + 9 * HOUR, tag=tag, direction="in"))
    return out


def test_a_commuters_bike_leaving_at_three_in_the_morning_raises_it(dist: District) -> None:
    rule = make_rule("ebike_night_departure", dist)
    theft = ev("rfid.read", "PD-G", D0 + 10 * DAY + 3 * HOUR, tag="rfid-0042 ", direction="out")
    (signal,) = drive(rule, [*_commute("RFID-0042", 10), theft])
    assert (signal.rule, signal.subject, signal.subject_type) == (
        "ebike_night_departure",
        "rfid-0042 ",
        "tag",
    )
    assert signal.severity is Severity.MEDIUM and signal.ts == theft.ts
    assert signal.data["departures"] == 10 and signal.data["night_departures"] == 0
    assert signal.data["local_time"] == "03:00" and signal.data["compound_id"] == "C1"


def test_near_misses(dist: District) -> None:
    rule = make_rule("ebike_night_departure", dist)
    night_shift = _commute("RFID-NIGHT", 10, hour=2.0)  # leaving at 2 am is this owner's habit
    new_bike = _commute("RFID-NEW", 4)  # four departures: no habit known yet
    late = _commute("RFID-LATE", 10)
    events = [
        *night_shift,
        ev("rfid.read", "PD-G", D0 + 10 * DAY + 2 * HOUR, tag="RFID-NIGHT", direction="out"),
        *new_bike,
        ev("rfid.read", "PD-G", D0 + 10 * DAY + 3 * HOUR, tag="RFID-NEW", direction="out"),
        *late,
        ev("rfid.read", "PD-G", D0 + 10 * DAY + 5 * HOUR, tag="RFID-LATE", direction="out"),  # 05:00: morning
        ev("rfid.read", "PD-G", D0 + 10 * DAY + 59 * MIN, tag="RFID-LATE", direction="out"),  # 00:59
        ev("rfid.read", "PD-G", D0 + 10 * DAY + 3 * HOUR, tag="RFID-LATE", direction="in"),  # coming home
    ]
    assert drive(rule, sorted(events, key=lambda e: e.ts)) == []


def test_departures_older_than_the_window_are_forgotten(dist: District) -> None:
    rule = make_rule("ebike_night_departure", dist, window_days=7)
    theft = ev("rfid.read", "PD-G", D0 + 20 * DAY + 3 * HOUR, tag="RFID-OLD", direction="out")
    assert drive(rule, [*_commute("RFID-OLD", 10), theft]) == [], "10 departures, but all over 7 days ago"


def test_settings(dist: District) -> None:
    rule = make_rule("ebike_night_departure", dist, night_hours="23-5", min_departures=3, max_night_share=0.5)
    late = ev("rfid.read", "PD-G", D0 + 4 * DAY - 30 * MIN, tag="RFID-7", direction="out")  # 23:30
    again = ev("rfid.read", "PD-G", D0 + 5 * DAY - 30 * MIN, tag="RFID-7", direction="out")  # 1 of 4 at night
    signals = drive(rule, [*_commute("RFID-7", 3), late, again])
    assert [(s.data["departures"], s.data["night_departures"]) for s in signals] == [(3, 0), (4, 1)]


def test_the_simulator_steals_a_commuters_bike_every_night() -> None:
    from sandbox_app.bridges.simulator.nuisances import COMMUTER_TAGS
    from sandbox_app.bridges.simulator.source import Simulator
    from tests.bridges.test_simulator import DAY as SIM_DAY
    from tests.bridges.test_simulator import START, small_district

    district = small_district()
    sim = Simulator(district, seed=11, start_ts=START)
    events = [*sim.history(10), *sim.events_between(START, START + SIM_DAY)]
    reads = [e for e in events if e.kind == "rfid.read"]
    signals = drive(make_rule("ebike_night_departure", district), reads)
    assert signals and all(s.ts >= START for s in signals), "the history has no theft"
    assert len({s.subject for s in signals}) == 1 < COMMUTER_TAGS + 1, "the night-shift tag stays quiet"
