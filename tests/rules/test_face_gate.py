"""face_watchlist, face_stranger and tailgating on crafted gate events."""

from __future__ import annotations

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from tests.rules.helpers import drive, ev, make_rule, t

T0 = t("2024-05-06 08:00")


def test_watchlist_fires_high_on_flag_or_tag(dist: District) -> None:
    rule = make_rule("face_watchlist", dist)
    events = [
        ev("face.pass", "FG-1", T0, face_id="F-77", watchlist=True),
        ev("face.pass", "FG-1", T0 + 1, person_id="P-WATCH"),
    ]
    signals = drive(rule, events)
    assert [(s.subject, s.subject_type, s.severity) for s in signals] == [
        ("F-77", "person", Severity.HIGH),
        ("P-WATCH", "person", Severity.HIGH),
    ]
    assert signals[0].data["compound_id"] == "C1" and signals[0].lon == 120.0005


def test_watchlist_near_miss_resident_and_explicit_false(dist: District) -> None:
    rule = make_rule("face_watchlist", dist)
    events = [ev("face.pass", "FG-1", T0, person_id="P-OWN", watchlist=False), ev("face.pass", "FG-1", T0)]
    assert drive(rule, events) == []


def test_watchlist_tags_from_config(dist: District) -> None:
    dist.people["P-OWN"].tags = frozenset({"key_person"})  # type: ignore[arg-type]
    rule = make_rule("face_watchlist", dist, tags=["key_person"])
    assert len(drive(rule, [ev("face.pass", "FG-1", T0, person_id="P-OWN")])) == 1


def test_stranger_fires_low_for_unknown_faces(dist: District) -> None:
    rule = make_rule("face_stranger", dist)
    events = [
        ev("face.pass", "FG-1", T0),  # unrecognised face: one alert per gate
        ev("face.pass", "FG-1", T0 + 1, person_id="P-9999"),  # matched, but not in the district
        ev("face.pass", "FG-1", T0 + 2, person_id="P-NOVIS"),  # visitor not approved
    ]
    signals = drive(rule, events)
    assert [(s.subject, s.subject_type) for s in signals] == [
        ("FG-1", "device"),
        ("P-9999", "person"),
        ("P-NOVIS", "person"),
    ]
    assert {s.severity for s in signals} == {Severity.LOW}


def test_stranger_near_miss_residents_visitors_and_watchlist(dist: District) -> None:
    rule = make_rule("face_stranger", dist)
    events = [
        ev("face.pass", "FG-1", T0, person_id="P-OWN"),
        ev("face.pass", "FG-1", T0, person_id="P-VIS"),
        ev("face.pass", "FG-1", T0, visitor_approved=True),
        ev("face.pass", "FG-1", T0, watchlist=True),  # that is face_watchlist's alert, not this one
    ]
    assert drive(rule, events) == []


def test_tailgating_fires_on_the_device(dist: District) -> None:
    signals = drive(make_rule("tailgating", dist), [ev("tailgate.detected", "FG-1", T0)])
    assert [(s.subject, s.severity) for s in signals] == [("FG-1", Severity.MEDIUM)]


def test_tailgating_near_miss_ordinary_pass(dist: District) -> None:
    assert drive(make_rule("tailgating", dist), [ev("face.pass", "FG-1", T0, person_id="P-OWN")]) == []
