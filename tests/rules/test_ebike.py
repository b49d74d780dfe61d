"""ebike_stolen: a stolen e-bike's RFID tag read at a gate reader."""

from __future__ import annotations

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from tests.rules.helpers import drive, ev, make_rule, t

T0 = t("2024-05-06 02:00")


def test_a_stolen_tag_read_raises_it_at_the_reader(dist: District) -> None:
    rule = make_rule("ebike_stolen", dist, tags=["rfid-stolen 01"])
    (signal,) = drive(rule, [ev("rfid.read", "FG-1", T0, tag="RFID-STOLEN01", direction="out")])
    assert (signal.rule, signal.subject, signal.subject_type) == ("ebike_stolen", "RFID-STOLEN01", "tag")
    assert (
        signal.severity is Severity.HIGH
        and signal.data["direction"] == "out"
        and signal.data["compound_id"] == "C1"
    )


def test_near_misses_other_tags_no_tag_and_an_empty_list(dist: District) -> None:
    rule = make_rule("ebike_stolen", dist, tags=["RFID-STOLEN01"])
    events = [
        ev("rfid.read", "FG-1", T0, tag="RFID-STOLEN02", direction="out"),
        ev("rfid.read", "FG-1", T0, direction="out"),
        ev("rfid.read", "FG-1", T0, tag="CARD-1", direction="in"),
    ]
    assert drive(rule, events) == []
    assert drive(make_rule("ebike_stolen", dist), [ev("rfid.read", "FG-1", T0, tag="RFID-STOLEN01")]) == []


def test_the_simulator_reads_the_shipped_stolen_tag() -> None:
    from sandbox_app.bridges.simulator.source import Simulator
    from sandbox_app.rules.config import read_rules_file
    from tests.bridges.test_simulator import DAY, START, small_district

    district = small_district()
    day = list(Simulator(district, seed=11, start_ts=START).events_between(START, START + DAY))
    rule = make_rule("ebike_stolen", district, **read_rules_file()["ebike_stolen"])
    assert drive(rule, [e for e in day if e.kind == "rfid.read"])
