"""The one table of device kinds: adding a kind means adding a row here (plus a bridge and a style entry)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Circle(StrEnum):
    """The "three protective circles" of a smart compound, plus mobile equipment."""

    OUTER = "outer"
    MIDDLE = "middle"
    INNER = "inner"
    MOBILE = "mobile"


class Placement(StrEnum):
    ROOM = "room"
    BUILDING = "building"
    GATE = "gate"
    POINT = "point"


@dataclass(frozen=True, slots=True)
class DeviceKind:
    name: str
    circle: Circle
    placements: frozenset[Placement]
    emits: frozenset[str]
    """Event kinds this device sends (besides `device.heartbeat`); the engine's intake refuses any other
    kind from a device of this kind (a door magnet cannot report smoke), see `may_send`."""
    heartbeat_s: int
    """Silence longer than this means the device is offline."""
    camera: bool = False
    """It has video: the wall links it to alerts nearby, and its live view comes from `STREAM_FIELDS`."""

    @property
    def fixed_camera(self) -> bool:
        """A camera that stands still, so the map can draw where it looks (a mobile or body camera moves
        with its guard and has no heading to draw)."""
        return self.camera and self.circle is not Circle.MOBILE


def _kind(
    name: str, circle: Circle, placements: str, emits: str, heartbeat_s: int = 600, *, camera: bool = False
) -> DeviceKind:
    return DeviceKind(
        name,
        circle,
        frozenset(Placement(p) for p in placements.split()),
        frozenset(emits.split()),
        heartbeat_s,
        camera,
    )


_O, _M, _I, _MOB = Circle.OUTER, Circle.MIDDLE, Circle.INNER, Circle.MOBILE

# Every fixed camera may send perimeter.breach: ISAPI motion, line-crossing and intrusion detection come from
# any Hikvision camera (bridges/platforms/isapi.py), not only from perimeter detectors.
DEVICE_KINDS: dict[str, DeviceKind] = {
    k.name: k
    for k in (
        _kind("face_gate", _O, "gate point", "face.pass tailgate.detected"),
        _kind("vehicle_barrier", _O, "gate point", "plate.read"),
        _kind(
            "capture_camera",
            _O,
            "gate point building",
            "face.pass plate.read perimeter.breach vehicle.parked",
            camera=True,
        ),
        _kind("perimeter_detector", _O, "point gate", "perimeter.breach"),
        _kind("visitor_terminal", _O, "gate point", "face.pass"),
        _kind("rfid_reader", _O, "gate point", "rfid.read"),
        _kind("alarm_button", _O, "gate point building", "alarm.button", 3600),
        _kind(
            "behavior_camera",
            _M,
            "point building",
            "fall.detected tailgate.detected perimeter.breach vehicle.parked renovation.activity"
            " ebike.detected",
            camera=True,
        ),
        _kind("throw_camera", _M, "building point", "throw.detected perimeter.breach", camera=True),
        _kind("video_intercom", _I, "building", "door.open lock.open face.pass"),
        _kind(
            "door_controller",
            _I,
            "building gate",
            "door.open door.close lock.open face.pass renovation.activity",
        ),
        _kind(
            "camera",
            _I,
            "building point gate",
            "perimeter.breach alarm.button vehicle.parked renovation.activity ebike.detected",
            camera=True,
        ),
        _kind("smoke_detector", _I, "room building", "smoke.alarm", 3600),
        _kind("gas_sensor", _I, "room building", "gas.alarm", 3600),
        _kind("water_sensor", _I, "room building", "water.alarm", 3600),
        # a door magnet sits on a flat's door, or on a building's rooftop door (its `spot` column "rooftop")
        _kind("door_magnet", _I, "room building", "door.open door.close", 3600),
        _kind("smart_lock", _I, "room", "lock.open", 3600),
        _kind("mobile_camera", _MOB, "point", "gps.fix", 300, camera=True),
        _kind("body_camera", _MOB, "point", "gps.fix", 300, camera=True),
        _kind("radio", _MOB, "point", "gps.fix", 300),
        # a guard's patrol terminal (巡更机) is a tracker with an NFC/RFID reader: it reads checkpoint tags
        _kind("gps_tracker", _MOB, "point", "gps.fix rfid.read", 300),
        # worn by an elderly resident or a child, bound to the wearer's room; its SOS and fall become
        # alerts on that room (bridges/protocols/watch_server.py), its routine positions are not tracked
        _kind("smart_watch", _I, "room", "alarm.button fall.detected", 1800),
    )
}


CAMERA_KINDS = frozenset(k.name for k in DEVICE_KINDS.values() if k.camera)
"""Every kind with video (the `camera` column of the table, as a set)."""
FIXED_CAMERA_KINDS = frozenset(k.name for k in DEVICE_KINDS.values() if k.fixed_camera)
"""Cameras the map draws with a heading and a field-of-view cone."""
STREAM_FIELDS = ("stream", "url", "stream_url", "rtsp")
"""Extra fields of a camera device that may hold its live-view source (RTSP/HTTP URL or a video file)."""


def camera_stream(extra: Mapping[str, Any]) -> str | None:
    """A camera's live-view source from its extra fields (the first non-blank of `STREAM_FIELDS`), or
    None (the demo cameras have none)."""
    for name in STREAM_FIELDS:
        value = extra.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


ALWAYS_ALLOWED = frozenset({"device.heartbeat"})
"""Every device may say it is alive."""


def may_send(device_kind: str) -> frozenset[str] | None:
    """The event kinds a device of `device_kind` may send; None for a kind this table does not know (a
    station's own kind: not restricted, since nothing says what it sends)."""
    spec = DEVICE_KINDS.get(device_kind)
    return None if spec is None else spec.emits | ALWAYS_ALLOWED
