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
    assert DEVICE_KINDS["door_magnet"].placements == {Placement.ROOM, Placement.BUILDING}  # flat, rooftop
    assert DEVICE_KINDS["smart_lock"].placements == {Placement.ROOM}
    assert "gps.fix" in DEVICE_KINDS["gps_tracker"].emits
    assert all(k.heartbeat_s > 0 for k in DEVICE_KINDS.values())


def test_camera_ness_is_one_column_of_the_table() -> None:
    """The wall and the map once kept their own camera lists (6 and 4 kinds) that disagreed."""
    from sandbox_app.domain.device_kinds import CAMERA_KINDS, FIXED_CAMERA_KINDS
    from sandbox_app.station import wall
    from sandbox_app.video import cameras

    assert {k for k, spec in DEVICE_KINDS.items() if spec.camera} == CAMERA_KINDS
    assert {"camera", "capture_camera", "behavior_camera", "throw_camera"} == FIXED_CAMERA_KINDS
    assert {"mobile_camera", "body_camera"} == CAMERA_KINDS - FIXED_CAMERA_KINDS
    assert wall.CAMERA_KINDS is CAMERA_KINDS
    assert not hasattr(cameras, "CAMERA_KINDS")


def test_a_camera_stream_is_read_from_the_same_fields_everywhere() -> None:
    from shapely.geometry import Point

    from sandbox_app.domain.device_kinds import Placement as P
    from sandbox_app.domain.device_kinds import camera_stream
    from sandbox_app.domain.model import Device, District
    from sandbox_app.video.cameras import camera_of

    assert camera_stream({"url": " rtsp://cam/1 "}) == "rtsp://cam/1"
    assert camera_stream({"stream": "  ", "rtsp": "rtsp://cam/2"}) == "rtsp://cam/2"
    assert camera_stream({"stream": 5}) is None
    d = District("t", "Asia/Shanghai")
    d.devices["C"] = Device("C", "camera", "C", P.POINT, location=Point(120.0, 30.0), extra={"url": "a.mp4"})
    camera = camera_of(d, d.devices["C"])
    assert camera is not None and camera.stream == "a.mp4"
