"""Hover texts of the 2D map, from the arrays the map already holds (ids, roles, usages, health).

Only ids, kinds and states: no names of people, so a tooltip needs no masking on the wall screen.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from layers.data import LayerData
from layers.trails import TrailBuffer
from widgets.texts import device_kind_text, guard_role_text, room_usage_text, severity_text


class TippedMap(Protocol):
    """What the tips read of the map (`widgets/map2d.Map2D`): its layers, the guards' trails and its clock.
    Narrow on purpose, so the tips do not depend on the map widget that owns them."""

    @property
    def trails(self) -> TrailBuffer: ...

    def layer_data(self, name: str) -> LayerData | None: ...

    def now_ms(self) -> int: ...


def _field(data: LayerData | None, key: str, item_id: str) -> str:
    """`extra[key]` of the entry `item_id` (aligned with the layer's points, or else its polygons: the
    buildings carry both, markers on a few of them), else ""."""
    if data is None:
        return ""
    values = data.extra.get(key)
    if not isinstance(values, tuple):
        return ""
    for part in (data.points, data.polygons):
        if part is not None and len(part.ids) == len(values) and item_id in part.ids:
            return str(values[part.ids.index(item_id)])
    return ""


class MapTips(QObject):
    def __init__(self, source: TippedMap, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.map = source

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
            text = self.tr("Building {0} · {1}").format(name, self.usage_text(usage))
            rented = _field(buildings, "rented", item_id)
            if rented not in ("", "0"):
                text += " · " + self.tr("{0} of {1} rooms rented").format(
                    rented, _field(buildings, "rooms", item_id)
                )
            return text
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
        return guard_role_text(role)

    def usage_text(self, usage: str) -> str:
        return room_usage_text(usage) if usage else self.tr("no rooms registered")

    def health_text(self, health: str) -> str:
        texts = {"online": self.tr("online"), "offline": self.tr("offline"), "flagged": self.tr("flagged")}
        return texts.get(health, health)

    def severity_text(self, severity: str) -> str:
        return severity_text(severity)

    def kind_text(self, kind: str) -> str:
        return device_kind_text(kind)
