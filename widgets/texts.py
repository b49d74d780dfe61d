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
    GuardRole.PROPERTY.value: QT_TRANSLATE_NOOP("GuardRole", "property staff"),
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


RULES: dict[str, str] = {
    "elderly_no_activity": QT_TRANSLATE_NOOP("AlertsPanel", "Elderly: no activity"),
    "unregistered_opener": QT_TRANSLATE_NOOP("AlertsPanel", "Unregistered card opened a rental room"),
    "unreported_tenant": QT_TRANSLATE_NOOP("AlertsPanel", "Unreported tenant"),
    "face_watchlist": QT_TRANSLATE_NOOP("AlertsPanel", "Watch-listed face"),
    "face_stranger": QT_TRANSLATE_NOOP("AlertsPanel", "Stranger at a face gate"),
    "tailgating": QT_TRANSLATE_NOOP("AlertsPanel", "Tailgating"),
    "plate_blacklist": QT_TRANSLATE_NOOP("AlertsPanel", "Blacklisted plate"),
    "vehicle_overstay": QT_TRANSLATE_NOOP("AlertsPanel", "Vehicle overstay"),
    "perimeter_breach": QT_TRANSLATE_NOOP("AlertsPanel", "Perimeter breach"),
    "smoke_alarm": QT_TRANSLATE_NOOP("AlertsPanel", "Smoke alarm"),
    "gas_alarm": QT_TRANSLATE_NOOP("AlertsPanel", "Gas alarm"),
    "water_alarm": QT_TRANSLATE_NOOP("AlertsPanel", "Water leak"),
    "fall_detected": QT_TRANSLATE_NOOP("AlertsPanel", "Fall detected"),
    "throw_detected": QT_TRANSLATE_NOOP("AlertsPanel", "High-altitude throwing"),
    "alarm_button": QT_TRANSLATE_NOOP("AlertsPanel", "One-click alarm"),
    "elderly_routine": QT_TRANSLATE_NOOP("AlertsPanel", "Elderly routine deviation"),
    "gps_sanity": QT_TRANSLATE_NOOP("AlertsPanel", "Implausible GPS fix"),
    "device_offline": QT_TRANSLATE_NOOP("AlertsPanel", "Device offline"),
    "dispatch_escalation": QT_TRANSLATE_NOOP("AlertsPanel", "Dispatch order not answered"),
    "handoff_overdue": QT_TRANSLATE_NOOP("AlertsPanel", "Not handled by property in time"),
    "loitering": QT_TRANSLATE_NOOP("AlertsPanel", "Loitering at the gates"),
    "ebike_stolen": QT_TRANSLATE_NOOP("AlertsPanel", "Stolen e-bike tag read"),
    "patrol_missed": QT_TRANSLATE_NOOP("AlertsPanel", "Patrol checkpoint missed"),
}
"""Alert rule → English name, under the alert panel's context so both show the same words (the panel keeps
its own copy of these sources; lupdate merges identical context/source pairs into one message)."""

ALERT_STATES: dict[str, str] = {
    "open": QT_TRANSLATE_NOOP("AlertsPanel", "new"),
    "acknowledged": QT_TRANSLATE_NOOP("AlertsPanel", "acknowledged"),
    "dispatched": QT_TRANSLATE_NOOP("AlertsPanel", "dispatched"),
    "resolved": QT_TRANSLATE_NOOP("AlertsPanel", "resolved"),
    "closed": QT_TRANSLATE_NOOP("AlertsPanel", "closed"),
    "dismissed": QT_TRANSLATE_NOOP("AlertsPanel", "dismissed"),
}

DISPATCH_STATES: dict[str, str] = {
    "issued": QT_TRANSLATE_NOOP("DispatchPanel", "issued"),
    "escalated": QT_TRANSLATE_NOOP("DispatchPanel", "escalated: no answer"),
    "accepted": QT_TRANSLATE_NOOP("DispatchPanel", "accepted, on the way"),
    "on_scene": QT_TRANSLATE_NOOP("DispatchPanel", "on scene"),
    "handled": QT_TRANSLATE_NOOP("DispatchPanel", "handled"),
    "feedback": QT_TRANSLATE_NOOP("DispatchPanel", "feedback given"),
    "closed": QT_TRANSLATE_NOOP("DispatchPanel", "closed"),
    "declined": QT_TRANSLATE_NOOP("DispatchPanel", "declined"),
    "cancelled": QT_TRANSLATE_NOOP("DispatchPanel", "cancelled"),
}

EVENT_KINDS: dict[str, str] = {
    "face.pass": QT_TRANSLATE_NOOP("EventKind", "face capture"),
    "plate.read": QT_TRANSLATE_NOOP("EventKind", "plate read"),
    "rfid.read": QT_TRANSLATE_NOOP("EventKind", "RFID read"),
    "lock.open": QT_TRANSLATE_NOOP("EventKind", "door opened"),
    "perimeter.breach": QT_TRANSLATE_NOOP("EventKind", "perimeter breach"),
    "smoke.alarm": QT_TRANSLATE_NOOP("EventKind", "smoke alarm"),
    "gas.alarm": QT_TRANSLATE_NOOP("EventKind", "gas alarm"),
    "water.alarm": QT_TRANSLATE_NOOP("EventKind", "water alarm"),
    "alarm.button": QT_TRANSLATE_NOOP("EventKind", "alarm button pressed"),
    "device.heartbeat": QT_TRANSLATE_NOOP("EventKind", "heartbeat"),
    "gps.fix": QT_TRANSLATE_NOOP("EventKind", "position fix"),
    "guard.fix": QT_TRANSLATE_NOOP("EventKind", "position fix"),
    "gps.fix.flagged": QT_TRANSLATE_NOOP("EventKind", "flagged position fix"),
    "door.open": QT_TRANSLATE_NOOP("EventKind", "door opened"),
    "fall.detected": QT_TRANSLATE_NOOP("EventKind", "fall detected"),
    "throw.detected": QT_TRANSLATE_NOOP("EventKind", "throwing detected"),
}
"""Event kind → English words for case reports; a kind not listed reads "device event"."""


def rule_text(rule: str) -> str:
    return _lookup("AlertsPanel", RULES, rule)


def alert_state_text(state: str) -> str:
    return _lookup("AlertsPanel", ALERT_STATES, state)


def dispatch_state_text(state: str) -> str:
    return _lookup("DispatchPanel", DISPATCH_STATES, state)


def event_kind_text(kind: str) -> str:
    """Words for an event kind; an unknown kind is "device event", never the raw code."""
    source = EVENT_KINDS.get(kind)
    if source is None:
        return QCoreApplication.translate("EventKind", "device event")
    return QCoreApplication.translate("EventKind", source)
