"""Display names of domain codes (device kinds, severities, guard roles, room usages), in one place.

Several widgets show the same codes; one table per code keeps their wording (and translations) the same,
and adding a device kind means adding one line here. Each table is extracted by lupdate under its own
context (`QT_TRANSLATE_NOOP`), and looked up under that context when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import GuardRole, RoomUsage, Severity


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for extraction under `context` (lupdate looks for this name); typed, where PySide6's
    own returns `object`."""
    return source


DEVICE_KINDS: dict[str, str] = {
    "face_gate": QT_TRANSLATE_NOOP("DeviceKind", "face gate"),
    "vehicle_barrier": QT_TRANSLATE_NOOP("DeviceKind", "vehicle barrier"),
    "capture_camera": QT_TRANSLATE_NOOP("DeviceKind", "capture camera"),
    "perimeter_detector": QT_TRANSLATE_NOOP("DeviceKind", "perimeter detector"),
    "visitor_terminal": QT_TRANSLATE_NOOP("DeviceKind", "visitor terminal"),
    "rfid_reader": QT_TRANSLATE_NOOP("DeviceKind", "RFID reader"),
    "alarm_button": QT_TRANSLATE_NOOP("DeviceKind", "alarm button"),
    "behavior_camera": QT_TRANSLATE_NOOP("DeviceKind", "behaviour camera"),
    "throw_camera": QT_TRANSLATE_NOOP("DeviceKind", "throwing camera"),
    "video_intercom": QT_TRANSLATE_NOOP("DeviceKind", "video intercom"),
    "door_controller": QT_TRANSLATE_NOOP("DeviceKind", "door controller"),
    "camera": QT_TRANSLATE_NOOP("DeviceKind", "camera"),
    "smoke_detector": QT_TRANSLATE_NOOP("DeviceKind", "smoke detector"),
    "gas_sensor": QT_TRANSLATE_NOOP("DeviceKind", "gas sensor"),
    "water_sensor": QT_TRANSLATE_NOOP("DeviceKind", "water sensor"),
    "door_magnet": QT_TRANSLATE_NOOP("DeviceKind", "door magnet"),
    "smart_lock": QT_TRANSLATE_NOOP("DeviceKind", "smart lock"),
    "mobile_camera": QT_TRANSLATE_NOOP("DeviceKind", "mobile camera"),
    "body_camera": QT_TRANSLATE_NOOP("DeviceKind", "body camera"),
    "radio": QT_TRANSLATE_NOOP("DeviceKind", "radio"),
    "gps_tracker": QT_TRANSLATE_NOOP("DeviceKind", "GPS tracker"),
    "smart_watch": QT_TRANSLATE_NOOP("DeviceKind", "smart watch"),
}
"""Device kind → English name; one entry per kind of sandbox_app.domain.device_kinds.DEVICE_KINDS."""

SEVERITIES: dict[str, str] = {
    Severity.NOTICE.value: QT_TRANSLATE_NOOP("Severity", "notice"),
    Severity.LOW.value: QT_TRANSLATE_NOOP("Severity", "low"),
    Severity.MEDIUM.value: QT_TRANSLATE_NOOP("Severity", "medium"),
    Severity.HIGH.value: QT_TRANSLATE_NOOP("Severity", "high"),
    Severity.CRITICAL.value: QT_TRANSLATE_NOOP("Severity", "critical"),
}

GUARD_ROLES: dict[str, str] = {
    GuardRole.POLICE.value: QT_TRANSLATE_NOOP("GuardRole", "police"),
    GuardRole.AUXILIARY.value: QT_TRANSLATE_NOOP("GuardRole", "auxiliary police"),
    GuardRole.GRID.value: QT_TRANSLATE_NOOP("GuardRole", "grid worker"),
    GuardRole.VOLUNTEER.value: QT_TRANSLATE_NOOP("GuardRole", "volunteer"),
    GuardRole.SECURITY.value: QT_TRANSLATE_NOOP("GuardRole", "security guard"),
}

ROOM_USAGES: dict[str, str] = {
    RoomUsage.OWNER.value: QT_TRANSLATE_NOOP("RoomUsage", "owner-occupied"),
    RoomUsage.RENTAL.value: QT_TRANSLATE_NOOP("RoomUsage", "rental"),
    RoomUsage.GROUP_RENTAL.value: QT_TRANSLATE_NOOP("RoomUsage", "group rental"),
    RoomUsage.VACANT.value: QT_TRANSLATE_NOOP("RoomUsage", "vacant"),
    RoomUsage.SHOP.value: QT_TRANSLATE_NOOP("RoomUsage", "shop"),
    RoomUsage.OFFICE.value: QT_TRANSLATE_NOOP("RoomUsage", "office"),
}


PLACEMENTS: dict[str, str] = {
    Placement.ROOM.value: QT_TRANSLATE_NOOP("Placement", "in a room"),
    Placement.BUILDING.value: QT_TRANSLATE_NOOP("Placement", "on a building"),
    Placement.GATE.value: QT_TRANSLATE_NOOP("Placement", "at a gate"),
    Placement.POINT.value: QT_TRANSLATE_NOOP("Placement", "at a point"),
}
"""Where a device is installed (安装位置): the code is never shown as it is."""


def _lookup(context: str, table: dict[str, str], code: str) -> str:
    """The translated name of `code`, or the code itself when the table does not know it."""
    source = table.get(str(code))
    return QCoreApplication.translate(context, source) if source is not None else str(code)


def device_kind_text(kind: str) -> str:
    return _lookup("DeviceKind", DEVICE_KINDS, kind)


def severity_text(severity: str) -> str:
    """`severity`: a Severity or its value."""
    return _lookup("Severity", SEVERITIES, severity)


def guard_role_text(role: str) -> str:
    """`role`: a GuardRole or its value."""
    return _lookup("GuardRole", GUARD_ROLES, role)


def placement_text(placement: str) -> str:
    return _lookup("Placement", PLACEMENTS, placement)


def room_usage_text(usage: str) -> str:
    """`usage`: a RoomUsage or its value."""
    return _lookup("RoomUsage", ROOM_USAGES, usage)
