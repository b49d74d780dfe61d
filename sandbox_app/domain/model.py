"""The district: standard addresses (compound → building → entrance → floor → room), people, devices, guards.

Geometry is shapely in WGS-84 lon/lat. Every entity keeps the package's extra columns in `extra` so an import
loses nothing the station put in its files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import LineString, Point, Polygon

from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import GuardRole, PersonTag, Relation, RoomUsage

Extra = dict[str, Any]


@dataclass(slots=True)
class Compound:
    """A walled compound (小区), the smallest unit of the city hierarchy county → street → community →
    compound; the three upper levels are names or codes, empty when a package does not say."""

    id: str
    name: str
    boundary: Polygon
    extra: Extra = field(default_factory=dict)
    community: str = ""
    """社区 (residents' community) the compound belongs to."""
    street: str = ""
    """街道 (sub-district / street office) above the community."""
    county: str = ""
    """区县 (county or city district) above the street."""


@dataclass(slots=True)
class Building:
    id: str
    compound_id: str
    name: str
    floors: int
    footprint: Polygon
    height_m: float | None = None
    extra: Extra = field(default_factory=dict)

    @property
    def effective_height_m(self) -> float:
        """Height for extrusion: the surveyed one, else 3 m a floor."""
        return self.height_m if self.height_m is not None else 3.0 * self.floors


@dataclass(slots=True)
class Room:
    """A room keyed by its standard address: building, entrance (单元), floor, number."""

    id: str
    building_id: str
    entrance: str
    floor: int
    number: str
    usage: RoomUsage
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Person:
    """A resident or registered occupant. Always synthetic in this repository."""

    id: str
    name: str
    room_id: str | None
    relation: Relation
    tags: frozenset[PersonTag] = frozenset()
    credentials: frozenset[str] = frozenset()
    """Lock card numbers, face ids, plates or RFID tags registered to this person."""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Device:
    id: str
    kind: str
    """A key of `device_kinds.DEVICE_KINDS`."""
    name: str
    placement: Placement
    room_id: str | None = None
    building_id: str | None = None
    gate_id: str | None = None
    location: Point | None = None
    """Where it is drawn; for room/building devices the building's centroid is used when absent."""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Guard:
    id: str
    name: str
    role: GuardRole
    device_id: str | None
    """The tracker (phone, GPS unit, body camera) whose `gps.fix` events are this guard's position."""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Road:
    id: str
    kind: str
    """OSM-like highway kind: footway, service, residential, ..."""
    line: LineString
    oneway: bool = False
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Gate:
    id: str
    name: str
    location: Point
    compound_id: str | None = None
    closed_hours: str = ""
    """Local hours when the gate is no passage, e.g. "23-6"; empty means always open."""
    extra: Extra = field(default_factory=dict)


AREA_KINDS = ("water", "green")
"""Kinds of a ground area (`Area.kind`): 水域 (rivers, lakes, ponds), 绿地 (parks, lawns, woods)."""


@dataclass(slots=True)
class Area:
    """A water or green area of the basemap (水域 / 绿地): drawn under the roads on both maps, no more."""

    id: str
    kind: str
    """One of `AREA_KINDS`."""
    boundary: Polygon
    name: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class District:
    """A whole district package after validation, in WGS-84."""

    name: str
    timezone: str
    compounds: dict[str, Compound] = field(default_factory=dict)
    buildings: dict[str, Building] = field(default_factory=dict)
    rooms: dict[str, Room] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    devices: dict[str, Device] = field(default_factory=dict)
    guards: dict[str, Guard] = field(default_factory=dict)
    roads: dict[str, Road] = field(default_factory=dict)
    gates: dict[str, Gate] = field(default_factory=dict)
    areas: dict[str, Area] = field(default_factory=dict)
    extra: Extra = field(default_factory=dict)

    def device_anchor(self, device: Device) -> tuple[float, float] | None:
        """Where a device is (lon, lat): its own point, else its gate, else its building's (or its room's
        building's) representative point; None when it is placed nowhere this district knows."""
        if device.location is not None:
            return device.location.x, device.location.y
        if device.gate_id and device.gate_id in self.gates:
            loc = self.gates[device.gate_id].location
            return loc.x, loc.y
        building_id = device.building_id
        if device.room_id and device.room_id in self.rooms:
            building_id = self.rooms[device.room_id].building_id
        if building_id and building_id in self.buildings:
            centre = self.buildings[building_id].footprint.representative_point()
            return centre.x, centre.y
        return None

    def guard_by_device(self) -> dict[str, Guard]:
        return {g.device_id: g for g in self.guards.values() if g.device_id}

    def residents_of(self, room_id: str) -> list[Person]:
        return [p for p in self.people.values() if p.room_id == room_id]
