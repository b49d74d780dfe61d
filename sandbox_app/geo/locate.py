"""Finding a place of the district by its standard address, name or id: where an incident happened when the
caller gave an address and nobody clicked the map.

The standard address (标准地址) of the package is compound → building → entrance (单元) → room number; gates
are named points. `locate` matches the query against each place's id and its address text with spaces
removed: an exact id or address first, then addresses that contain the query, most general (shortest)
first, so "3号楼" finds the building before its rooms. A room is placed at its building's centroid.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sandbox_app.domain.model import District

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    kind: str
    """"compound", "building", "room" or "gate"."""
    id: str
    address: str
    lon: float
    lat: float


def _norm(text: str) -> str:
    return _SPACE.sub("", text).lower()


def places(district: District) -> list[PlaceMatch]:
    """Every addressable place of the district with its standard address and a point."""
    found: list[PlaceMatch] = []
    compound_names = {c.id: c.name for c in district.compounds.values()}
    for c in district.compounds.values():
        p = c.boundary.representative_point()
        found.append(PlaceMatch("compound", c.id, c.name, p.x, p.y))
    centre: dict[str, tuple[float, float, str]] = {}
    for b in district.buildings.values():
        p = b.footprint.representative_point()
        address = f"{compound_names.get(b.compound_id, '')}{b.name}"
        centre[b.id] = (p.x, p.y, address)
        found.append(PlaceMatch("building", b.id, address, p.x, p.y))
    for r in district.rooms.values():
        if r.building_id in centre:
            x, y, building = centre[r.building_id]
            entrance = f"{r.entrance}单元" if r.entrance and not r.entrance.endswith("单元") else r.entrance
            found.append(PlaceMatch("room", r.id, f"{building}{entrance}{r.number}室", x, y))
    for g in district.gates.values():
        found.append(PlaceMatch("gate", g.id, f"{compound_names.get(g.compound_id or '', '')}{g.name}",
                                g.location.x, g.location.y))  # fmt: skip
    return found


def locate(district: District, query: str, limit: int = 10) -> list[PlaceMatch]:
    """Places matching `query` (id, or standard address text), best first; empty when nothing matches."""
    q = _norm(query)
    if not q:
        return []
    exact: list[PlaceMatch] = []
    partial: list[PlaceMatch] = []
    for place in places(district):
        address = _norm(place.address)
        if q in (place.id.lower(), address):
            exact.append(place)
        elif q in address:
            partial.append(place)
    partial.sort(key=lambda p: (len(p.address), p.address, p.id))
    return [*exact, *partial][:limit]


def best_point(district: District, address: str) -> tuple[float, float] | None:
    """The point of `address` when it names one place without doubt: an exact id or address, or the only
    place containing it. Several candidates → None (the handler picks on the map)."""
    q = _norm(address)
    if not q:
        return None
    found = locate(district, address, limit=2)
    if found and (q in (found[0].id.lower(), _norm(found[0].address)) or len(found) == 1):
        return found[0].lon, found[0].lat
    return None
