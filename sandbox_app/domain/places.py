"""Where an alert is: the point to send guards to, and the compound, building and room the desk names.

One home for these facts: the engine's dispatch hook, the wall, the map layers and the replay/case file all
ask here, so an alert is placed the same way on every screen and in every report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from shapely.geometry import Point

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.distance import distance_m
from sandbox_app.domain.model import Compound, District

LonLat = tuple[float, float]


def incident_location(
    district: District, alert: Alert, guard_positions: Mapping[str, tuple[float, float]] | None = None
) -> tuple[float, float] | None:
    """Where to send guards: the alert's own position, else its subject's (device, room, building, gate,
    compound, guard). An escalation alert points at the alert it escalates, so it has its position."""
    if alert.lon is not None and alert.lat is not None:
        return alert.lon, alert.lat
    kind, subject = alert.subject_type, alert.subject
    if kind == "guard":
        return (guard_positions or {}).get(subject)
    building_id = subject if kind == "building" else None
    if kind == "device" and subject in district.devices:
        return district.device_anchor(district.devices[subject])
    if kind == "room" and subject in district.rooms:
        building_id = district.rooms[subject].building_id
    if kind == "gate" and subject in district.gates:
        return district.gates[subject].location.x, district.gates[subject].location.y
    if building_id and building_id in district.buildings:
        p = district.buildings[building_id].footprint.representative_point()
        return p.x, p.y
    if kind == "compound" and subject in district.compounds:
        p = district.compounds[subject].boundary.representative_point()
        return p.x, p.y
    return None


def compound_at(district: District, lonlat: tuple[float, float] | None) -> Compound | None:
    """The compound holding a point, else the nearest one within 100 m; None when none is."""
    if lonlat is None or not district.compounds:
        return None
    point = Point(lonlat)
    ordered = sorted(district.compounds.values(), key=lambda c: c.id)
    for compound in ordered:
        if compound.boundary.covers(point):
            return compound
    metres = [(distance_m(*lonlat, *_nearest(c, point)), c.id, c) for c in ordered]
    best = min(metres)
    return best[2] if best[0] <= 100.0 else None


def _nearest(compound: Compound, point: Point) -> tuple[float, float]:
    near = compound.boundary.exterior.interpolate(compound.boundary.exterior.project(point))
    return float(near.x), float(near.y)


@dataclass(frozen=True, slots=True)
class Place:
    """Where an alert is, as the wall names it: compound (片区) and building/room, each whole."""

    compound_id: str
    compound: str
    building: str
    room: str
    subject: str
    """The subject's own name (a device's, else its id): shown when there is no building to name."""


def alert_place(
    district: District, alert: Alert, guard_positions: Mapping[str, tuple[float, float]] | None = None
) -> Place:
    """The alert's compound, building and room. The building's own compound wins over geometry (a
    building on a compound's edge belongs where the package says); otherwise the compound that holds
    the alert's location."""
    room = district.rooms.get(alert.subject) if alert.subject_type == "room" else None
    device = district.devices.get(alert.subject) if alert.subject_type == "device" else None
    if device is not None and device.room_id is not None:
        room = district.rooms.get(device.room_id)
    building_id = room.building_id if room is not None else None
    if building_id is None and device is not None:
        building_id = device.building_id
    if building_id is None and alert.subject_type == "building":
        building_id = alert.subject
    building = district.buildings.get(building_id) if building_id else None
    compound = district.compounds.get(building.compound_id) if building is not None else None
    if compound is None and alert.subject_type == "compound":
        compound = district.compounds.get(alert.subject)
    if compound is None:
        compound = compound_at(district, incident_location(district, alert, guard_positions or {}))
    room_text = f"{room.entrance}-{room.number}" if room is not None and room.entrance else ""
    if room is not None and not room_text:
        room_text = room.number
    return Place(
        compound.id if compound is not None else "",
        compound.name if compound is not None else "",
        building.name if building is not None else "",
        room_text,
        (device.name or device.id) if device is not None else alert.subject,
    )
