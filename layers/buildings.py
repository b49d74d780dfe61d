"""Building footprints, filled by their most notable room usage, outlined for who lives there.

Fill: group rental, rental (blue), shop, office, owner, vacant (`style.USAGE_PRIORITY`). Outline: magenta
and thick for a key person (or watch-listed resident), orange and thick for an elderly person living alone,
thin grey otherwise. The same polygons carry extrusion heights, so the 3D sandbox reads this layer too.
"""

from __future__ import annotations

from collections import defaultdict

from layers import build, style
from layers.data import LayerData
from layers.projection import LocalProjection
from sandbox_app.domain.enums import PersonTag, RoomUsage
from sandbox_app.domain.model import District

NAME = "buildings"
KEY_TAGS = frozenset({PersonTag.KEY_PERSON, PersonTag.WATCHLIST})


def building_usages(district: District) -> dict[str, set[RoomUsage]]:
    usages: dict[str, set[RoomUsage]] = defaultdict(set)
    for room in district.rooms.values():
        usages[room.building_id].add(room.usage)
    return usages


def tagged_buildings(district: District, tags: frozenset[PersonTag]) -> set[str]:
    """Buildings with a resident carrying any of `tags`."""
    found: set[str] = set()
    for person in district.people.values():
        if tags & person.tags and person.room_id in district.rooms:
            found.add(district.rooms[person.room_id].building_id)
    return found


def elderly_buildings(district: District) -> set[str]:
    """Buildings with a resident tagged elderly_alone."""
    return tagged_buildings(district, frozenset({PersonTag.ELDERLY_ALONE}))


def fill_for(usages: set[RoomUsage]) -> style.RGBA:
    return style.ROOM_USAGE[main_usage(usages)] if usages else style.BUILDING_NO_ROOMS


def main_usage(usages: set[RoomUsage]) -> RoomUsage:
    """The usage the fill shows (the first of `style.USAGE_PRIORITY` present); `usages` must not be empty."""
    return next(u for u in style.USAGE_PRIORITY if u in usages)


def layer(district: District, proj: LocalProjection) -> LayerData:
    """`extra`: "name" and "usage" (the shown usage's value, "" without rooms) per building, for tooltips."""
    buildings = list(district.buildings.values())
    usages = building_usages(district)
    elderly = elderly_buildings(district)
    key = tagged_buildings(district, KEY_TAGS)

    def edge(building_id: str) -> tuple[style.RGBA, float]:
        if building_id in key:
            return style.KEY_PERSON, style.MARKED_EDGE_WIDTH
        if building_id in elderly:
            return style.ELDERLY_HOUSEHOLD, style.MARKED_EDGE_WIDTH
        return style.BUILDING_EDGE, style.BUILDING_EDGE_WIDTH

    edges = [edge(b.id) for b in buildings]
    polys = build.polygons(
        proj,
        [b.id for b in buildings],
        [b.footprint for b in buildings],
        [fill_for(usages.get(b.id, set())) for b in buildings],
        [e[0] for e in edges],
        [b.effective_height_m for b in buildings],
        [e[1] for e in edges],
    )
    shown = [str(main_usage(usages[b.id])) if usages.get(b.id) else "" for b in buildings]
    extra: dict[str, object] = {"name": tuple(b.name for b in buildings), "usage": tuple(shown)}
    return LayerData(NAME, z=10, polygons=polys, extra=extra)
