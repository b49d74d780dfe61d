"""Where an alert is, in the words a commander uses: compound, building, unit and room, the standard address
(区县 街道 社区 小区 楼 单元 室) and the device's name, never its id.

The alerts table shows `subject_text` ("XX小区3号楼1单元 烟感") with the id in the tooltip; the alert card
in the Details panel shows every part of `place_of`. Texts are looked up under the "AlertPlace" context.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District
from widgets.texts import device_kind_text, rule_text


def floor_text(floor: int) -> str:
    """ "3层", and "地下1层" for floor -1 (a basement is never written as a negative number)."""
    if floor < 0:
        return QCoreApplication.translate("AlertPlace", "basement {0}").format(-floor)
    return QCoreApplication.translate("AlertPlace", "floor {0}").format(floor)


@dataclass(frozen=True, slots=True)
class Place:
    compound: str = ""
    building: str = ""
    unit: str = ""
    """Entrance (单元) and room, e.g. "1单元 3层 302室"; empty when the alert is not about one room."""
    entrance: str = ""
    """The entrance alone ("1单元"; in English "unit 1", not the first word of `unit`)."""
    address: str = ""
    """Standard address: county, street, community, compound, building, unit, room."""
    device: str = ""
    """The device's name (or its kind when it has none); empty when the subject is not a device."""

    @property
    def short(self) -> str:
        """Compound, building and entrance without spaces: "XX小区3号楼1单元"."""
        return joined((self.compound, self.building, self.entrance))


def joined(parts: Sequence[str]) -> str:
    """Address parts run together, a part left out where the next one already starts with it: a building
    named "双泉嘉苑1号楼" in compound "双泉嘉苑" read "双泉嘉苑双泉嘉苑1号楼" in the alerts table."""
    given = [p for p in parts if p]
    kept = [p for i, p in enumerate(given) if i + 1 == len(given) or not given[i + 1].startswith(p)]
    # a Latin-script part ("unit 1") is set off by a space; Chinese parts run together
    return "".join((" " if i and p[:1].isascii() and p[:1].isalpha() else "") + p for i, p in enumerate(kept))


def place_of(district: District, alert: Alert) -> Place:
    """The compound, building, room and device an alert is about, as far as the district knows them."""
    device = district.devices.get(alert.subject) if alert.subject_type == "device" else None
    room_id = device.room_id if device is not None else None
    building_id = device.building_id if device is not None else None
    if alert.subject_type == "room":
        room_id = alert.subject
    if alert.subject_type == "building":
        building_id = alert.subject
    person = district.people.get(alert.subject) if alert.subject_type == "person" else None
    if person is not None:
        room_id = person.room_id
    room = district.rooms.get(room_id or "")
    if room is not None:
        building_id = room.building_id
    building = district.buildings.get(building_id or "")
    compound_id = building.compound_id if building is not None else None
    if alert.subject_type == "compound":
        compound_id = alert.subject
    if device is not None and device.gate_id in district.gates:
        compound_id = district.gates[device.gate_id].compound_id or compound_id
    compound = district.compounds.get(compound_id or "")
    unit = entrance = ""
    if room is not None:
        entrance = QCoreApplication.translate("AlertPlace", "unit {0}").format(room.entrance)
        unit = QCoreApplication.translate("AlertPlace", "unit {0} {1} room {2}").format(
            room.entrance, floor_text(room.floor), room.number
        )
    parts = [
        *((compound.county, compound.street, compound.community, compound.name) if compound else ()),
        building.name if building else "",
        unit.replace(" ", ""),
    ]
    device_name = ""
    if device is not None:
        device_name = device.name or device_kind_text(device.kind)
    return Place(
        compound=compound.name if compound else "",
        building=building.name if building else "",
        unit=unit,
        entrance=entrance,
        address=joined(parts),
        device=device_name,
    )


def subject_text(district: District, alert: Alert, alerts: Mapping[str, Alert] | None = None) -> str:
    """The alert's subject in words: "XX小区3号楼1单元 烟感"; a guard or plate by its name or number.

    An alert about another alert (an escalation: 移交超时, 超时未到场) names that alert's place and kind
    ("XX小区3号楼1单元 · 未登记人员开锁"), looked up in `alerts`; never the other alert's id."""
    if alert.subject_type == "alert":
        return _about_alert(district, alert, alerts or {})
    if alert.subject_type == "guard" and alert.subject in district.guards:
        return district.guards[alert.subject].name or alert.subject
    place = place_of(district, alert)
    where = place.short
    if not place.device and place.unit:  # a room or a person: down to the room number
        where = joined((place.compound, place.building, place.unit.replace(" ", "")))
    base = joined((place.compound, place.building))
    if place.device and any(p and place.device.startswith(p) for p in (where, base)):
        return place.device  # the device's name already says where it is ("…1号楼1单元202室烟感")
    text = " ".join(p for p in (where, place.device) if p)
    return text or alert.subject


def _about_alert(district: District, alert: Alert, alerts: Mapping[str, Alert]) -> str:
    first = alerts.get(alert.subject)
    if first is not None and first.subject_type != "alert":
        return f"{subject_text(district, first)} · {rule_text(first.rule)}"
    # the first alert is no longer held (closed since): its kind from the escalation's data or its id
    # ("rule:subject:ts"), its place from the compound the escalation names
    rule = str(alert.data.get("alert_rule") or alert.subject.split(":", 1)[0])
    compound = district.compounds.get(str(alert.data.get("compound_id") or ""))
    return " · ".join(p for p in (compound.name if compound else "", rule_text(rule)) if p)
