"""The device-kind table is consistent with the event schema and the domain's needs."""

from __future__ import annotations

from sandbox_app.domain.device_kinds import DEVICE_KINDS, Placement
from sandbox_app.domain.events import EVENT_KINDS

# Every device family that ../shared/DOMAIN.md names must have a kind.
DOMAIN_DEVICES = {
    "face_gate",
    "vehicle_barrier",
    "capture_camera",
    "perimeter_detector",
    "visitor_terminal",
    "rfid_reader",
    "alarm_button",
    "behavior_camera",
    "throw_camera",
    "video_intercom",
    "door_controller",
    "camera",
    "smoke_detector",
    "gas_sensor",
    "water_sensor",
    "door_magnet",
    "smart_lock",
    "mobile_camera",
    "body_camera",
    "radio",
    "gps_tracker",
}


def test_every_domain_device_has_a_kind() -> None:
    assert set(DEVICE_KINDS) >= DOMAIN_DEVICES


def test_emitted_event_kinds_exist_in_the_schema() -> None:
    for kind in DEVICE_KINDS.values():
        assert kind.emits <= EVENT_KINDS, kind.name


def test_room_devices_and_trackers_are_placed_sensibly() -> None:
    assert DEVICE_KINDS["door_magnet"].placements == {Placement.ROOM}
    assert DEVICE_KINDS["smart_lock"].placements == {Placement.ROOM}
    assert "gps.fix" in DEVICE_KINDS["gps_tracker"].emits
    assert all(k.heartbeat_s > 0 for k in DEVICE_KINDS.values())
