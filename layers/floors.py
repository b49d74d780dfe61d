"""Building colours for the 3D sandbox, floor by floor: rentals where they are, not the whole building.

A building with one rented room among forty owner-occupied ones is not a rental building. In 3D its roof
shows the usage most of its rooms have (ties go to the more notable usage, `style.USAGE_PRIORITY`), and its
walls are coloured floor by floor: the building's own colour (its main non-rental usage) blended toward
rental blue by the share of rental rooms on that floor, in quarters, so a floor with one rented room of four
is a quarter blue and a floor of rentals fully blue (group rentals the darker blue where they are the
larger part). Floors without rooms keep the building's colour. The 2D map keeps its own rule.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from layers import style
from layers.extrude import BuildingMesh, Patch, Runs, extrude_arrays, floor_band, floor_heights, merge_patches
from layers.projection import LocalProjection
from sandbox_app.domain.enums import PersonTag, RoomUsage
from sandbox_app.domain.model import Building, District

RENTALS = frozenset({RoomUsage.RENTAL, RoomUsage.GROUP_RENTAL})
SHARE_STEPS = 4
"""Rental shares are shown in quarters (rounded up: any rental room shows): steps a viewer can tell apart,
and floors of equal share merge into one run of wall."""


def _rgb(rgba: style.RGBA) -> NDArray[np.float64]:
    return np.asarray(rgba[:3], dtype=np.float64)


def main_usage(counts: Counter[RoomUsage]) -> RoomUsage | None:
    """The usage most rooms have; ties to the one first in `style.USAGE_PRIORITY`. None without rooms."""
    if not counts:
        return None
    rank = {u: i for i, u in enumerate(style.USAGE_PRIORITY)}
    return min(counts, key=lambda u: (-counts[u], rank[u]))


def roof_rgba(counts: Counter[RoomUsage]) -> style.RGBA:
    usage = main_usage(counts)
    return style.BUILDING_NO_ROOMS if usage is None else style.ROOM_USAGE[usage]


def wall_rgba(counts: Counter[RoomUsage]) -> style.RGBA:
    """The building's own colour under the rentals: its main usage other than renting (owner when every
    room is rented), grey without rooms."""
    if not counts:
        return style.BUILDING_NO_ROOMS
    usage = main_usage(Counter({u: n for u, n in counts.items() if u not in RENTALS}))
    return style.ROOM_USAGE[usage or RoomUsage.OWNER]


def floor_rgb(base: style.RGBA, floor: Counter[RoomUsage]) -> NDArray[np.uint8]:
    """One floor's wall colour: `base` toward rental blue by the floor's rental share (in quarters)."""
    total = sum(floor.values())
    rented = floor[RoomUsage.RENTAL] + floor[RoomUsage.GROUP_RENTAL]
    if not total or not rented:
        return _rgb(base).astype(np.uint8)
    share = np.ceil(SHARE_STEPS * rented / total) / SHARE_STEPS
    group = floor[RoomUsage.GROUP_RENTAL] >= floor[RoomUsage.RENTAL]
    blue = _rgb(style.GROUP_RENTAL_BLUE if group else style.RENTAL_BLUE)
    out: NDArray[np.uint8] = np.round(_rgb(base) + (blue - _rgb(base)) * share).astype(np.uint8)
    return out


def colours(
    district: District, buildings: Sequence[Building], n_floors: NDArray[np.int64]
) -> tuple[NDArray[np.uint8], Runs]:
    """Roof RGB per building (B, 3) and wall colours by floor as `Runs` (`n_floors`: floors per building,
    at least 1; a room above the top floor counts on the top floor, one below the ground on the first)."""
    by_building: dict[str, Counter[RoomUsage]] = defaultdict(Counter)
    by_floor: dict[str, dict[int, Counter[RoomUsage]]] = defaultdict(lambda: defaultdict(Counter))
    index = {b.id: i for i, b in enumerate(buildings)}
    for room in district.rooms.values():
        b = index.get(room.building_id)
        if b is None:
            continue
        by_building[room.building_id][room.usage] += 1
        f = min(max((room.floor or 1) - 1, 0), int(n_floors[b]) - 1)
        by_floor[room.building_id][f][room.usage] += 1
    roof = np.asarray([roof_rgba(by_building[b.id])[:3] for b in buildings], dtype=np.uint8).reshape(-1, 3)
    walls = []
    for b, building in enumerate(buildings):
        base = wall_rgba(by_building[building.id])
        per_floor = np.tile(_rgb(base).astype(np.uint8), (int(n_floors[b]), 1))
        for f, counts in by_floor.get(building.id, {}).items():
            per_floor[f] = floor_rgb(base, counts)
        walls.append(per_floor)
    return roof, Runs.from_floors(walls)


def district_mesh(district: District, proj: LocalProjection) -> BuildingMesh:
    """The whole district's buildings as one mesh: roofs in the building's main usage colour, walls floor by
    floor in the share of rental rooms on each floor (`layers.floors`)."""
    buildings = list(district.buildings.values())
    n_floors, _ = floor_heights([b.floors for b in buildings], [b.height_m for b in buildings])
    roof, walls = colours(district, buildings, n_floors)
    return extrude_arrays(
        tuple(b.id for b in buildings),
        [b.footprint for b in buildings],
        [b.floors for b in buildings],
        [b.height_m for b in buildings],
        roof,
        proj,
        walls,
    )


ELDERLY_STRIPE_M = 0.7
ELDERLY_PAD_M = 0.2
"""An elderly-alone floor is marked by an orange ribbon this tall at window height, this far outside the
wall: a line, so it never reads as a lit (alerted) floor, and inside the alert band's pad, so an alert on
the same floor covers it."""


def elderly_floors(district: District) -> list[tuple[str, int]]:
    """(building id, 0-based floor) of every room where a resident tagged elderly_alone lives, sorted."""
    found: set[tuple[str, int]] = set()
    for person in district.people.values():
        room = district.rooms.get(person.room_id or "")
        if (
            room is not None
            and PersonTag.ELDERLY_ALONE in person.tags
            and room.building_id in district.buildings
        ):
            found.add((room.building_id, max(room.floor or 1, 1) - 1))
    return sorted(found)


def elderly_marks(district: District, mesh: BuildingMesh) -> Patch:
    """One orange ribbon per floor with an elderly person living alone, all as one patch."""
    rgba = style.ELDERLY_HOUSEHOLD
    patches = []
    for building_id, floor in elderly_floors(district):
        b = mesh.index.get(building_id)
        if b is None:
            continue
        f = min(floor, int(mesh.floors[b]) - 1)
        mid = (f + 0.5) * float(mesh.floor_height[b])
        band = floor_band(mesh, b, f, (rgba[0], rgba[1], rgba[2]), pad=ELDERLY_PAD_M)
        z = band.points[:, 2].copy()
        low = z < mid
        band.points[low, 2] = mid - ELDERLY_STRIPE_M / 2.0
        band.points[~low, 2] = mid + ELDERLY_STRIPE_M / 2.0
        patches.append(band)
    return merge_patches(patches)
