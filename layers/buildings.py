"""Building footprints, filled by their most notable room usage and outlined orange for elderly households.

The same polygons carry extrusion heights, so the 3D sandbox reads this layer too.
"""

from __future__ import annotations

from collections import defaultdict

from layers import build, style
from layers.data import LayerData
from layers.projection import LocalProjection
from sandbox_app.domain.enums import PersonTag, RoomUsage
from sandbox_app.domain.model import District

NAME = "buildings"


def building_usages(district: District) -> dict[str, set[RoomUsage]]:
    usages: dict[str, set[RoomUsage]] = defaultdict(set)
    for room in district.rooms.values():
        usages[room.building_id].add(room.usage)
    return usages


def elderly_buildings(district: District) -> set[str]:
    """Buildings with a resident tagged elderly_alone."""
    found: set[str] = set()
    for person in district.people.values():
        if PersonTag.ELDERLY_ALONE in person.tags and person.room_id in district.rooms:
            found.add(district.rooms[person.room_id].building_id)
    return found


def fill_for(usages: set[RoomUsage]) -> style.RGBA:
    for usage in style.USAGE_PRIORITY:
        if usage in usages:
            return style.ROOM_USAGE[usage]
    return style.BUILDING_NO_ROOMS


def layer(district: District, proj: LocalProjection) -> LayerData:
    buildings = list(district.buildings.values())
    usages = building_usages(district)
    elderly = elderly_buildings(district)
    polys = build.polygons(
        proj,
        [b.id for b in buildings],
        [b.footprint for b in buildings],
        [fill_for(usages.get(b.id, set())) for b in buildings],
        [style.ELDERLY_HOUSEHOLD if b.id in elderly else style.BUILDING_EDGE for b in buildings],
        [b.effective_height_m for b in buildings],
    )
    return LayerData(NAME, z=10, polygons=polys)
