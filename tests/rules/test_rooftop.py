"""rooftop_door_night: a rooftop door opened at night (夜间天台门开启)."""

from __future__ import annotations

from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import Device, District
from tests.rules.helpers import drive, ev, make_rule, t


def _district() -> District:
    from tests.rules.helpers import district

    roof = Device(
        "DM-ROOF", "door_magnet", "1幢天台门", Placement.BUILDING, building_id="B1", extra={"spot": "rooftop"}
    )
    plain = Device("DC-1", "door_controller", "2幢1单元", Placement.BUILDING, building_id="B2")
    return district({"DM-ROOF": roof, "DC-1": plain})


def test_a_rooftop_door_opened_at_night_raises_it() -> None:
    rule = make_rule("rooftop_door_night", _district())
    (signal,) = drive(rule, [ev("door.open", "DM-ROOF", t("2024-05-06 23:40"))])
    assert (signal.rule, signal.subject, signal.subject_type) == ("rooftop_door_night", "DM-ROOF", "device")
    assert signal.severity is Severity.HIGH
    assert signal.data["building_id"] == "B1" and signal.data["local_time"] == "23:40"


def test_near_misses() -> None:
    rule = make_rule("rooftop_door_night", _district())
    events = [
        ev("door.open", "DM-ROOF", t("2024-05-06 06:00")),  # night ends at 6
        ev("door.open", "DM-ROOF", t("2024-05-06 14:00")),  # maintenance by day
        ev("door.open", "DM-ROOF", t("2024-05-06 21:59")),
        ev("door.close", "DM-ROOF", t("2024-05-06 23:00")),  # closing is not opening
        ev("door.open", "DM-OWN", t("2024-05-06 23:30")),  # a flat's door
        ev("door.open", "DC-1", t("2024-05-06 23:30")),  # a building entrance
    ]
    assert drive(rule, sorted(events, key=lambda e: e.ts)) == []


def test_settings() -> None:
    rule = make_rule("rooftop_door_night", _district(), night_hours="20-7", devices=["DC-1"])
    events = [
        ev("door.open", "DC-1", t("2024-05-06 20:30")),
        ev("door.open", "DM-ROOF", t("2024-05-07 06:30")),
    ]
    assert {s.subject for s in drive(rule, events)} == {"DC-1", "DM-ROOF"}


def test_the_simulator_opens_a_rooftop_door_every_night() -> None:
    from sandbox_app.bridges.simulator.source import Simulator
    from tests.bridges.test_simulator import DAY, START, small_district

    district = small_district()
    district.devices["DMR"] = Device(
        "DMR", "door_magnet", "1号楼天台门", Placement.BUILDING, building_id="B1", extra={"spot": "rooftop"}
    )
    day = list(Simulator(district, seed=11, start_ts=START).events_between(START, START + DAY))
    opens = [e for e in day if e.kind == "door.open" and e.device == "DMR"]
    signals = drive(make_rule("rooftop_door_night", district), opens)
    assert signals and len(signals) < len(opens), "the daytime maintenance opening stays quiet"
