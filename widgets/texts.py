"""Display names of domain codes (device kinds, severities, guard roles, room usages), in one place.

Several widgets show the same codes; one table per code keeps their wording (and translations) the same,
and adding a device kind means adding one line here. Each table is extracted by lupdate under its own
context (`QT_TRANSLATE_NOOP`), and looked up under that context when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import GuardRole, RoomUsage, Severity
from sandbox_app.domain.reals import OrgType


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


ORG_TYPES: dict[str, str] = {
    OrgType.SHOP.value: QT_TRANSLATE_NOOP("OrgType", "shop"),
    OrgType.RESTAURANT.value: QT_TRANSLATE_NOOP("OrgType", "restaurant"),
    OrgType.SCHOOL.value: QT_TRANSLATE_NOOP("OrgType", "school"),
    OrgType.UNIVERSITY.value: QT_TRANSLATE_NOOP("OrgType", "university"),
    OrgType.KINDERGARTEN.value: QT_TRANSLATE_NOOP("OrgType", "kindergarten"),
    OrgType.COMPANY.value: QT_TRANSLATE_NOOP("OrgType", "company"),
    OrgType.CLINIC.value: QT_TRANSLATE_NOOP("OrgType", "clinic"),
    OrgType.HOTEL.value: QT_TRANSLATE_NOOP("OrgType", "hotel"),
    OrgType.GOVERNMENT.value: QT_TRANSLATE_NOOP("OrgType", "government office"),
    OrgType.OTHER.value: QT_TRANSLATE_NOOP("OrgType", "other organisation"),
}
"""实有单位 type → English name; one entry per `OrgType`."""

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


def org_type_text(org_type: str) -> str:
    """`org_type`: an OrgType or its value."""
    return _lookup("OrgType", ORG_TYPES, org_type)


def room_usage_text(usage: str) -> str:
    """`usage`: a RoomUsage or its value."""
    return _lookup("RoomUsage", ROOM_USAGES, usage)


RULES: dict[str, str] = {
    #: code elderly_no_activity
    "elderly_no_activity": QT_TRANSLATE_NOOP("AlertsPanel", "Elderly: no activity"),
    #: code unregistered_opener
    "unregistered_opener": QT_TRANSLATE_NOOP("AlertsPanel", "Unregistered card opened a rental room"),
    #: code unreported_tenant
    "unreported_tenant": QT_TRANSLATE_NOOP("AlertsPanel", "Unreported tenant"),
    #: code face_watchlist
    "face_watchlist": QT_TRANSLATE_NOOP("AlertsPanel", "Watch-listed face"),
    #: code face_stranger
    "face_stranger": QT_TRANSLATE_NOOP("AlertsPanel", "Stranger at a face gate"),
    #: code tailgating
    "tailgating": QT_TRANSLATE_NOOP("AlertsPanel", "Tailgating"),
    #: code plate_blacklist
    "plate_blacklist": QT_TRANSLATE_NOOP("AlertsPanel", "Blacklisted plate"),
    #: code vehicle_overstay
    "vehicle_overstay": QT_TRANSLATE_NOOP("AlertsPanel", "Vehicle overstay"),
    #: code perimeter_breach
    "perimeter_breach": QT_TRANSLATE_NOOP("AlertsPanel", "Perimeter breach"),
    #: code smoke_alarm
    "smoke_alarm": QT_TRANSLATE_NOOP("AlertsPanel", "Smoke alarm"),
    #: code gas_alarm
    "gas_alarm": QT_TRANSLATE_NOOP("AlertsPanel", "Gas alarm"),
    #: code water_alarm
    "water_alarm": QT_TRANSLATE_NOOP("AlertsPanel", "Water leak"),
    #: code fall_detected
    "fall_detected": QT_TRANSLATE_NOOP("AlertsPanel", "Fall detected"),
    #: code throw_detected
    "throw_detected": QT_TRANSLATE_NOOP("AlertsPanel", "High-altitude throwing"),
    #: code alarm_button
    "alarm_button": QT_TRANSLATE_NOOP("AlertsPanel", "One-click alarm"),
    #: code elderly_routine
    "elderly_routine": QT_TRANSLATE_NOOP("AlertsPanel", "Elderly routine deviation"),
    #: code gps_sanity
    "gps_sanity": QT_TRANSLATE_NOOP("AlertsPanel", "Implausible GPS fix"),
    #: code device_offline
    "device_offline": QT_TRANSLATE_NOOP("AlertsPanel", "Device offline"),
    #: code dispatch_escalation
    "dispatch_escalation": QT_TRANSLATE_NOOP("AlertsPanel", "Dispatch order not answered"),
    #: code handoff_overdue
    "handoff_overdue": QT_TRANSLATE_NOOP("AlertsPanel", "Not handled by property in time"),
    #: code loitering
    "loitering": QT_TRANSLATE_NOOP("AlertsPanel", "Loitering at the gates"),
    #: code ebike_stolen
    "ebike_stolen": QT_TRANSLATE_NOOP("AlertsPanel", "Stolen e-bike tag read"),
    #: code patrol_missed
    "patrol_missed": QT_TRANSLATE_NOOP("AlertsPanel", "Patrol checkpoint missed"),
    #: code fire_lane
    "fire_lane": QT_TRANSLATE_NOOP("AlertsPanel", "Vehicle blocking fire lane"),
    #: code renovation_hours
    "renovation_hours": QT_TRANSLATE_NOOP("AlertsPanel", "Renovation outside permitted hours"),
    #: code ebike_in_lift
    "ebike_in_lift": QT_TRANSLATE_NOOP("AlertsPanel", "E-bike in a lift or stairwell"),
    #: code rooftop_door_night
    "rooftop_door_night": QT_TRANSLATE_NOOP("AlertsPanel", "Rooftop door opened at night"),
    #: code ebike_night_departure
    "ebike_night_departure": QT_TRANSLATE_NOOP("AlertsPanel", "E-bike leaving at an unusual night hour"),
}
"""Alert rule → English name, under the alert panel's context so both show the same words (the panel keeps
its own copy of these sources; lupdate merges identical context/source pairs into one message). Each `#: code`
puts the rule's code into the .ts (`<extracomment>`): the phone page, in the core, reads its Chinese name from
there (`sandbox_app/domain/wording.py`), so the wording has one home."""

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
    "vehicle.parked": QT_TRANSLATE_NOOP("EventKind", "vehicle parked in no-parking zone"),
    "renovation.activity": QT_TRANSLATE_NOOP("EventKind", "renovation work"),
    "ebike.detected": QT_TRANSLATE_NOOP("EventKind", "e-bike detected"),
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


def ago_text(seconds: float) -> str:
    """ "刚刚", "3 分钟前", "2 小时前", "1 天前": how long ago, counted on the engine clock by the caller."""
    s = max(0, int(seconds))
    if s < 60:
        return QCoreApplication.translate("AlertNotice", "just now")
    if s < 3600:
        return QCoreApplication.translate("AlertNotice", "{0} min ago").format(s // 60)
    if s < 86_400:
        return QCoreApplication.translate("AlertNotice", "{0} h ago").format(s // 3600)
    return QCoreApplication.translate("AlertNotice", "{0} d ago").format(s // 86_400)


def elapsed_text(seconds: float | None) -> str:
    """ "12 秒", "3 分钟", "2 小时": a glance at how long, not a stopwatch; "—" when unknown."""
    if seconds is None:
        return "—"
    if seconds < 90:
        return QCoreApplication.translate("Elapsed", "{0} s").format(f"{seconds:.0f}")
    if seconds < 5400:
        return QCoreApplication.translate("Elapsed", "{0} min").format(f"{seconds / 60:.0f}")
    return QCoreApplication.translate("Elapsed", "{0} h").format(f"{seconds / 3600:.0f}")
