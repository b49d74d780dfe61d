"""ebike_in_lift: an e-bike seen by a camera in a lift car or a stairwell (电动车进电梯/楼道)."""

from __future__ import annotations

from shapely.geometry import Point

from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import Device, District
from tests.rules.helpers import MIN, district, drive, ev, make_rule, t

T0 = t("2024-05-06 19:00")


def test_an_ebike_in_the_lift_raises_it_on_the_building(dist: District) -> None:
    rule = make_rule("ebike_in_lift", dist)
    (signal,) = drive(rule, [ev("ebike.detected", "BC-1", T0, spot="lift")])
    assert (signal.rule, signal.subject, signal.subject_type) == ("ebike_in_lift", "B1", "building")
    assert signal.severity is Severity.MEDIUM and signal.data["spot"] == "lift"


def test_the_cameras_own_spot_counts_when_the_event_has_none() -> None:
    lift_cam = Device(
        "CAM-L", "camera", "1幢电梯", Placement.BUILDING, building_id="B2", extra={"spot": "Stairwell"}
    )
    rule = make_rule("ebike_in_lift", district({"CAM-L": lift_cam}))
    (signal,) = drive(rule, [ev("ebike.detected", "CAM-L", T0)])
    assert signal.subject == "B2" and signal.data["spot"] == "stairwell"


def test_a_camera_outside_any_building_is_the_subject() -> None:
    cam = Device("CAM-P", "camera", "广场", Placement.POINT, location=Point(120.008, 30.0005))
    rule = make_rule("ebike_in_lift", district({"CAM-P": cam}))
    (signal,) = drive(rule, [ev("ebike.detected", "CAM-P", T0, spot="stairwell")])
    assert (signal.subject, signal.subject_type) == ("CAM-P", "device")


def test_near_misses(dist: District) -> None:
    rule = make_rule("ebike_in_lift", dist)
    events = [
        ev("ebike.detected", "BC-1", T0, spot="entrance"),  # parked at the door: where it belongs
        ev("ebike.detected", "BC-1", T0 + MIN, spot="bike_shed"),
        ev("ebike.detected", "BC-1", T0 + 2 * MIN),  # the camera says nothing of where it looks
    ]
    assert drive(rule, events) == []


def test_settings(dist: District) -> None:
    rule = make_rule("ebike_in_lift", dist, spots=["lift"])
    assert drive(rule, [ev("ebike.detected", "BC-1", T0, spot="stairwell")]) == []


def test_the_simulator_brings_an_ebike_into_a_lift_every_day() -> None:
    from sandbox_app.bridges.simulator.source import Simulator
    from tests.bridges.test_simulator import DAY, START, small_district

    district = small_district()
    district.devices["CAM2"] = Device("CAM2", "camera", "1号楼电梯", Placement.BUILDING, building_id="B1")
    day = list(Simulator(district, seed=11, start_ts=START).events_between(START, START + DAY))
    seen = [e for e in day if e.kind == "ebike.detected"]
    signals = drive(make_rule("ebike_in_lift", district), seen)
    assert signals and len(signals) < len(seen), "the e-bike at the entrance stays quiet"
