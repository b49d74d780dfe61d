"""Where things are (device → room → building → compound, with a drawable point) and local calendar days.

Rules put the building and compound of every finding into the signal's data so the risk index and the
panels never have to look them up again; this module does that lookup once per device and caches it. Local
days matter because "3 different days" and "went out today" are days on the station's wall calendar, not UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from shapely import STRtree
from shapely.geometry import Point

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules.base import Signal


@dataclass(frozen=True, slots=True)
class Where:
    """A finding's place: a point to draw and the ids of the room, building and compound it falls in."""

    lon: float | None = None
    lat: float | None = None
    room_id: str | None = None
    building_id: str | None = None
    compound_id: str | None = None

    def ids(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.room_id:
            out["room_id"] = self.room_id
        if self.building_id:
            out["building_id"] = self.building_id
        if self.compound_id:
            out["compound_id"] = self.compound_id
        return out


NOWHERE = Where()


class Locator:
    """Cached lookups from ids (or a lon/lat) to a `Where`; built once per rule, cheap per finding."""

    def __init__(self, district: District) -> None:
        self.district = district
        self._rooms: dict[str, Where] = {}
        self._devices: dict[str, Where] = {}
        self._tree: STRtree | None = None
        self._tree_ids: list[tuple[str, str]] = []

    def building(self, building_id: str | None, room_id: str | None = None) -> Where:
        b = self.district.buildings.get(building_id or "")
        if b is None:
            return Where(room_id=room_id)
        c = b.footprint.centroid
        return Where(float(c.x), float(c.y), room_id, b.id, b.compound_id)

    def room(self, room_id: str | None) -> Where:
        if not room_id:
            return NOWHERE
        hit = self._rooms.get(room_id)
        if hit is None:
            room = self.district.rooms.get(room_id)
            hit = self.building(room.building_id, room_id) if room else Where(room_id=room_id)
            self._rooms[room_id] = hit
        return hit

    def device(self, device_id: str) -> Where:
        hit = self._devices.get(device_id)
        if hit is None:
            hit = self._device_uncached(device_id)
            self._devices[device_id] = hit
        return hit

    def _device_uncached(self, device_id: str) -> Where:
        d = self.district.devices.get(device_id)
        if d is None:
            return NOWHERE
        if d.room_id:
            base = self.room(d.room_id)
        elif d.building_id:
            base = self.building(d.building_id)
        elif d.gate_id and d.gate_id in self.district.gates:
            gate = self.district.gates[d.gate_id]
            base = Where(float(gate.location.x), float(gate.location.y), compound_id=gate.compound_id)
        elif d.location is not None:
            base = self.point(float(d.location.x), float(d.location.y))
        else:
            return NOWHERE
        if d.location is None:
            return base
        lon, lat = float(d.location.x), float(d.location.y)
        return Where(lon, lat, base.room_id, base.building_id, base.compound_id)

    def person(self, person_id: str | None) -> Where:
        p = self.district.people.get(person_id or "")
        return self.room(p.room_id) if p else NOWHERE

    def point(self, lon: float, lat: float) -> Where:
        """The building, else the compound, that contains a point (for mobile devices and loose points)."""
        tree = self._ensure_tree()
        pt = Point(lon, lat)
        building_id = compound_id = None
        for i in tree.query(pt, predicate="intersects"):
            kind, ident = self._tree_ids[int(i)]
            if kind == "b":
                building_id = ident
                compound_id = self.district.buildings[ident].compound_id
                break
            compound_id = compound_id or ident
        return Where(lon, lat, None, building_id, compound_id)

    def _ensure_tree(self) -> STRtree:
        if self._tree is None:
            geoms = []
            for b in self.district.buildings.values():
                geoms.append(b.footprint)
                self._tree_ids.append(("b", b.id))
            for c in self.district.compounds.values():
                geoms.append(c.boundary)
                self._tree_ids.append(("c", c.id))
            self._tree = STRtree(geoms)
        return self._tree


class LocalDays:
    """Epoch ms → local calendar day (a date ordinal), cached for the day last asked about."""

    def __init__(self, timezone: str) -> None:
        self.tz = ZoneInfo(timezone)
        self._lo = 1
        self._hi = 0
        self._day = 0

    def day(self, ts: int) -> int:
        if self._lo <= ts < self._hi:
            return self._day
        d = datetime.fromtimestamp(ts / 1000, self.tz).date()
        self._day = d.toordinal()
        self._lo = self.start(self._day)
        self._hi = self.start(self._day + 1)
        return self._day

    def start(self, day: int) -> int:
        """Epoch ms of local midnight starting this day."""
        return int(datetime.combine(date.fromordinal(day), time(0), self.tz).timestamp() * 1000)

    def local(self, ts: int) -> datetime:
        return datetime.fromtimestamp(ts / 1000, self.tz)

    @staticmethod
    def iso(day: int) -> str:
        return date.fromordinal(day).isoformat()

    @staticmethod
    def weekday(day: int) -> int:
        return (day - 1) % 7  # date.fromordinal(1) is a Monday → 0, like date.weekday()


MS_PER_HOUR = 3_600_000
MS_PER_DAY = 86_400_000


def make_signal(
    rule: str,
    subject: str,
    subject_type: str,
    severity: Severity,
    ts: int,
    where: Where,
    event: Event | None = None,
    **data: Any,
) -> Signal:
    """A signal placed at the event's own fix when it has one, else where its device or subject lives."""
    lon, lat = where.lon, where.lat
    if event is not None:
        data.setdefault("device", event.device)
        data.setdefault("event_id", event.id)
        if event.lon is not None and event.lat is not None:
            lon, lat = event.lon, event.lat
    return Signal(rule, subject, subject_type, severity, ts, lon, lat, {**where.ids(), **data})
