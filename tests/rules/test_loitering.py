"""loitering: one unrecognised face seen at the gates N times within M minutes without coming in."""

from __future__ import annotations

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from tests.rules.helpers import MIN, drive, ev, make_rule, t

T0 = t("2024-05-06 21:00")


def test_three_sightings_within_the_window_raise_it(dist: District) -> None:
    rule = make_rule("loitering", dist)
    events = [
        ev("face.pass", dev, T0 + k * 5 * MIN, face_id="F-9")
        for k, dev in enumerate(("VB-1", "FG-1", "VB-1"))
    ]
    (signal,) = drive(rule, events)
    assert (signal.rule, signal.subject, signal.subject_type) == ("loitering", "F-9", "person")
    assert (
        signal.severity is Severity.LOW
        and signal.data["sightings"] == 3
        and signal.data["compound_id"] == "C1"
    )


def test_near_misses(dist: District) -> None:
    rule = make_rule("loitering", dist)
    spread = [
        ev("face.pass", "FG-1", T0 + k * 20 * MIN, face_id="F-1", direction="out") for k in range(3)
    ]  # 40 min
    resident = [ev("face.pass", "FG-1", T0 + k * MIN, face_id="F-2", person_id="P-OWN") for k in range(4)]
    came_in = [
        ev("face.pass", "FG-1", T0, face_id="F-3", direction="out"),
        ev("face.pass", "FG-1", T0 + MIN, face_id="F-3", direction="out"),
        ev(
            "face.pass", "FG-1", T0 + 2 * MIN, face_id="F-3", direction="in"
        ),  # entered: the count starts again
        ev("face.pass", "FG-1", T0 + 3 * MIN, face_id="F-3", direction="out"),
    ]
    no_id = [ev("face.pass", "FG-1", T0 + k * MIN) for k in range(5)]
    assert drive(rule, sorted(spread + resident + came_in + no_id, key=lambda e: e.ts)) == []


def test_settings(dist: District) -> None:
    rule = make_rule("loitering", dist, min_sightings=2, window_minutes=5.0)
    events = [
        ev("face.pass", "FG-1", T0, face_id="F-5"),
        ev("face.pass", "FG-1", T0 + 4 * MIN, face_id="F-5"),
    ]
    assert len(drive(rule, events)) == 1


def test_the_simulator_has_someone_loiter_every_day() -> None:
    from sandbox_app.bridges.simulator.source import Simulator
    from tests.bridges.test_simulator import DAY, START, small_district

    district = small_district()
    day = list(Simulator(district, seed=11, start_ts=START).events_between(START, START + DAY))
    rule = make_rule("loitering", district)
    signals = drive(rule, [e for e in day if e.kind == "face.pass"])
    assert signals and all(s.subject.startswith("FACE-L") for s in signals)
