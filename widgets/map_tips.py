"""Hover texts of the 2D map, from the arrays the map already holds (ids, roles, usages, health).

Only ids, kinds and states: no names of people, so a tooltip needs no masking on the wall screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from layers.data import LayerData

if TYPE_CHECKING:
    from widgets.map2d import Map2D


def _field(data: LayerData | None, key: str, item_id: str) -> str:
    """`extra[key]` of the entry `item_id` (aligned with the layer's points or polygons), else ""."""
    if data is None:
        return ""
    values = data.extra.get(key)
    ids = data.points.ids if data.points is not None else data.polygons.ids if data.polygons else ()
    if not isinstance(values, tuple) or len(values) != len(ids) or item_id not in ids:
        return ""
    return str(values[ids.index(item_id)])


class MapTips(QObject):
    def __init__(self, map2d: Map2D) -> None:
        super().__init__(map2d)
        self.map = map2d

    def describe(self, kind: str, item_id: str) -> str:
        data = self.map.layer_data
        if kind == "guard":
            role = _field(data("guards"), "role", item_id)
            return self.tr("Guard {0} · {1} · fix {2}").format(
                item_id, self.role_text(role), self.fix_age_text(item_id)
            )
        if kind == "building":
            buildings = data("buildings")
            usage = _field(buildings, "usage", item_id)
            name = _field(buildings, "name", item_id) or item_id
            return self.tr("Building {0} · {1}").format(name, self.usage_text(usage))
        if kind == "device":
            devices = data("devices")
            return self.tr("Device {0} · {1} · {2}").format(
                item_id,
                self.kind_text(_field(devices, "kind", item_id)),
                self.health_text(_field(devices, "health", item_id) or "online"),
            )
        if kind == "alert":
            alerts = data("alerts")
            severity = _field(alerts, "severity", item_id)
            return self.tr("Alert {0} · {1} · {2}").format(
                item_id, _field(alerts, "rule", item_id), self.severity_text(severity)
            )
        if kind == "gate":
            return self.tr("Gate {0}").format(item_id)
        if kind == "compound":
            return self.tr("Compound {0}").format(item_id)
        return ""

    def fix_age_text(self, guard_id: str) -> str:
        ts = self.map.trails.fix_ts(guard_id)
        if ts is None:
            return self.tr("time unknown")
        seconds = max(0, (self.map.now_ms() - ts) // 1000)
        if seconds < 90:
            return self.tr("{0} s ago").format(seconds)
        if seconds < 90 * 60:
            return self.tr("{0} min ago").format(round(seconds / 60))
        return self.tr("{0} h ago").format(round(seconds / 3600))

    def role_text(self, role: str) -> str:
        texts = {
            "police": self.tr("police"),
            "auxiliary": self.tr("auxiliary police"),
            "grid": self.tr("grid worker"),
            "volunteer": self.tr("volunteer"),
            "security": self.tr("security guard"),
        }
        return texts.get(role, role)

    def usage_text(self, usage: str) -> str:
        texts = {
            "owner": self.tr("owner-occupied"),
            "rental": self.tr("rental"),
            "group_rental": self.tr("group rental"),
            "vacant": self.tr("vacant"),
            "shop": self.tr("shop"),
            "office": self.tr("office"),
            "": self.tr("no rooms registered"),
        }
        return texts.get(usage, usage)

    def health_text(self, health: str) -> str:
        texts = {"online": self.tr("online"), "offline": self.tr("offline"), "flagged": self.tr("flagged")}
        return texts.get(health, health)

    def severity_text(self, severity: str) -> str:
        texts = {
            "notice": self.tr("notice"),
            "low": self.tr("low"),
            "medium": self.tr("medium"),
            "high": self.tr("high"),
            "critical": self.tr("critical"),
        }
        return texts.get(severity, severity)

    def kind_text(self, kind: str) -> str:
        texts = {
            "face_gate": self.tr("face gate"),
            "vehicle_barrier": self.tr("vehicle barrier"),
            "capture_camera": self.tr("capture camera"),
            "perimeter_detector": self.tr("perimeter detector"),
            "visitor_terminal": self.tr("visitor terminal"),
            "rfid_reader": self.tr("RFID reader"),
            "alarm_button": self.tr("alarm button"),
            "behavior_camera": self.tr("behaviour camera"),
            "throw_camera": self.tr("throwing camera"),
            "video_intercom": self.tr("video intercom"),
            "door_controller": self.tr("door controller"),
            "camera": self.tr("camera"),
            "smoke_detector": self.tr("smoke detector"),
            "gas_sensor": self.tr("gas sensor"),
            "water_sensor": self.tr("water sensor"),
            "door_magnet": self.tr("door magnet"),
            "smart_lock": self.tr("smart lock"),
            "mobile_camera": self.tr("mobile camera"),
            "body_camera": self.tr("body camera"),
            "radio": self.tr("radio"),
            "gps_tracker": self.tr("GPS tracker"),
        }
        return texts.get(kind, kind)
