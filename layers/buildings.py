"""Building footprints, filled by what their rooms are, outlined for who lives there.

Fill (issue 21): rentals where they are, not the whole building. A building shows its own colour (its main
usage other than renting: owner, shop, office, vacant; `floors.wall_rgba`) tinted toward rental blue by
the share of its rooms that are rented, in quarters (`floors.floor_rgb`, the rule the 3D walls use per
floor): one rented room of forty is a faint quarter tint, a building of rentals fully blue (the darker blue
where group rentals are the larger part). A building with any group rental (群租) also carries a marker,
`style.GROUP_RENTAL_MARK`, since a single 群租 room matters more than its share. Outline: magenta and thick
for a key person (or watch-listed resident), orange and thick for an elderly person living alone, thin grey
otherwise. The same polygons carry extrusion heights, so the 3D sandbox reads this layer too.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

from layers import build, floors, style
from layers.data import LayerData, Points
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


def usage_counts(district: District) -> dict[str, Counter[RoomUsage]]:
    counts: dict[str, Counter[RoomUsage]] = defaultdict(Counter)
    for room in district.rooms.values():
        counts[room.building_id][room.usage] += 1
    return counts


def fill_for(counts: Counter[RoomUsage]) -> style.RGBA:
    """The building's own colour tinted by its share of rental rooms (module docstring)."""
    if not counts:
        return style.BUILDING_NO_ROOMS
    base = floors.wall_rgba(counts)
    r, g, b = (int(v) for v in floors.floor_rgb(base, counts))
    return (r, g, b, base[3])


def rented(counts: Counter[RoomUsage]) -> int:
    return counts[RoomUsage.RENTAL] + counts[RoomUsage.GROUP_RENTAL]


def group_rental_marks(
    district: District, proj: LocalProjection, counts: dict[str, Counter[RoomUsage]]
) -> Points | None:
    """One marker per building with a group rental room, at a point inside its footprint."""
    marked = [b for b in district.buildings.values() if counts.get(b.id, Counter())[RoomUsage.GROUP_RENTAL]]
    if not marked:
        return None
    inside = [b.footprint.representative_point() for b in marked]
    xy = proj.to_xy(np.asarray([p.x for p in inside]), np.asarray([p.y for p in inside]))
    mark = style.GROUP_RENTAL_MARK
    n = len(marked)
    return Points.build(
        [b.id for b in marked], xy, [mark.rgba] * n, [mark.size] * n, [mark.symbol] * n,
        [style.GROUP_RENTAL_MARK_EDGE] * n,
    )  # fmt: skip


def main_usage(usages: set[RoomUsage]) -> RoomUsage:
    """The usage the fill shows (the first of `style.USAGE_PRIORITY` present); `usages` must not be empty."""
    return next(u for u in style.USAGE_PRIORITY if u in usages)


def layer(district: District, proj: LocalProjection) -> LayerData:
    """`extra` per building, for tooltips: "name", "usage" (the most notable usage's value, "" without
    rooms), "rented" and "rooms" (rental rooms, group rentals included, and all rooms)."""
    buildings = list(district.buildings.values())
    counts = usage_counts(district)
    usages = {b: set(c) for b, c in counts.items()}
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
        [fill_for(counts.get(b.id, Counter())) for b in buildings],
        [e[0] for e in edges],
        [b.effective_height_m for b in buildings],
        [e[1] for e in edges],
    )
    shown = [str(main_usage(usages[b.id])) if usages.get(b.id) else "" for b in buildings]
    extra: dict[str, object] = {
        "name": tuple(b.name for b in buildings),
        "usage": tuple(shown),
        "rented": tuple(rented(counts.get(b.id, Counter())) for b in buildings),
        "rooms": tuple(sum(counts.get(b.id, Counter()).values()) for b in buildings),
    }
    marks = group_rental_marks(district, proj, counts)
    return LayerData(NAME, z=10, points=marks, polygons=polys, extra=extra)
