"""Element filters (要素筛选): what a filter keeps of buildings, devices, gates and compounds, and the layers
with the rest left out or faded. Pure, so the 2D map and the 3D sandbox apply the same selection.

A filter is a set of chosen values per facet. Within a facet the values are alternatives ("rental or
group rental"); across facets they must all hold ("rentals in 双泉嘉苑"). An empty facet does not filter.
Facets describe different elements: room usage and person tag pick buildings (a building with such a room
or such a resident), device kind and circle pick devices, compound and grid pick every placed element.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from layers import buildings, cameras, compounds, devices, gates
from layers.data import LayerData, Points, Polygons
from sandbox_app.domain.device_kinds import DEVICE_KINDS
from sandbox_app.domain.grids import GridLocator, grids_of
from sandbox_app.domain.model import Device, District

FACETS = ("usage", "tag", "kind", "circle", "compound", "grid")
"""Facet names, in the order a panel lists them."""

FADE_FILL = 0.12
FADE_EDGE = 0.25
"""Filtered-out buildings and compounds stay on the 2D map as faint shapes (the district stays readable);
filtered-out markers are left out."""


@dataclass(frozen=True, slots=True)
class ElementFilter:
    chosen: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Facet → chosen values; a facet absent or empty does not filter."""

    @classmethod
    def of(cls, **facets: Iterable[str]) -> ElementFilter:
        return cls({k: frozenset(v) for k, v in facets.items() if k in FACETS and v})

    def values(self, facet: str) -> frozenset[str]:
        return self.chosen.get(facet, frozenset())

    @property
    def active(self) -> bool:
        return any(self.chosen.values())

    def to_json(self) -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in self.chosen.items() if v}

    @classmethod
    def from_json(cls, data: object) -> ElementFilter:
        """A remembered filter; anything malformed is dropped (an old or hand-edited setting)."""
        if not isinstance(data, dict):
            return cls()
        return cls.of(**{str(k): [str(x) for x in v] for k, v in data.items() if isinstance(v, list)})


@dataclass(frozen=True, slots=True)
class Selection:
    """What a filter keeps; None for a kind of element means "all of them"."""

    buildings: frozenset[str] | None
    devices: frozenset[str] | None
    gates: frozenset[str] | None
    compounds: frozenset[str] | None


def grid_of(district: District, compound_id: str | None) -> str:
    """The grid (网格) a compound belongs to when the package has no grid polygons: the compound's `grid`
    value, else its community, else ""."""
    compound = district.compounds.get(compound_id or "")
    if compound is None:
        return ""
    grid = compound.extra.get("grid")
    return str(grid) if grid else compound.community


class _Grids:
    """The grid of each placed element. With the package's grid polygons (domain/grids.py) an element is in
    the grid its point lies in (a building's or compound's representative point, a gate's or device's
    place), and values are grid ids; without them, through its compound (`grid_of`)."""

    def __init__(self, district: District) -> None:
        self.district = district
        self.polygons = grids_of(district)
        self._locator = GridLocator(self.polygons) if self.polygons else None

    def _at(self, lon: float | None, lat: float | None) -> str:
        assert self._locator is not None
        grid = self._locator.at(lon, lat)
        return grid.id if grid is not None else ""

    def building(self, building_id: str) -> str:
        b = self.district.buildings[building_id]
        if self._locator is None:
            return grid_of(self.district, b.compound_id)
        p = b.footprint.representative_point()
        return self._at(p.x, p.y)

    def device(self, device: Device) -> str:
        if self._locator is None:
            return grid_of(self.district, device_compound(self.district, device))
        anchor = self.district.device_anchor(device)
        return self._at(*anchor) if anchor is not None else ""

    def gate(self, gate_id: str) -> str:
        g = self.district.gates[gate_id]
        if self._locator is None:
            return grid_of(self.district, g.compound_id)
        return self._at(g.location.x, g.location.y)

    def compound(self, compound_id: str) -> str:
        if self._locator is None:
            return grid_of(self.district, compound_id)
        p = self.district.compounds[compound_id].boundary.representative_point()
        return self._at(p.x, p.y)


def device_compound(district: District, device: Device) -> str | None:
    """The compound of a device: stated in its extra, else through its room, building or gate."""
    stated = device.extra.get("compound_id")
    if stated:
        return str(stated)
    building_id = device.building_id
    if device.room_id in district.rooms:
        building_id = district.rooms[device.room_id or ""].building_id
    if building_id in district.buildings:
        return district.buildings[building_id or ""].compound_id
    if device.gate_id in district.gates:
        return district.gates[device.gate_id or ""].compound_id
    return None


def facet_counts(district: District) -> dict[str, dict[str, int]]:
    """Facet → value → how many: rooms per usage, people per tag, devices per kind and circle, buildings per
    compound and grid. The panel shows these beside each filter."""
    usage = Counter(room.usage.value for room in district.rooms.values())
    tag = Counter(t.value for person in district.people.values() for t in person.tags)
    kind = Counter(device.kind for device in district.devices.values())
    circle = Counter(
        DEVICE_KINDS[d.kind].circle.value for d in district.devices.values() if d.kind in DEVICE_KINDS
    )
    compound = Counter(b.compound_id for b in district.buildings.values())
    placed = _Grids(district)
    grid = Counter(placed.building(b) for b in district.buildings)
    grid.pop("", None)
    if placed.polygons:  # every grid of the package is listed, an empty one too
        grid = Counter({g: grid.get(g, 0) for g in sorted(placed.polygons)})
    return {
        "usage": dict(usage),
        "tag": dict(tag),
        "kind": dict(kind),
        "circle": dict(circle),
        "compound": {c: compound.get(c, 0) for c in district.compounds},
        "grid": dict(grid),
    }


def _place_ok(flt: ElementFilter, compound_id: str | None, grid: Callable[[], str]) -> bool:
    """Whether an element in `compound_id` (and the grid `grid()` names, asked only when grids are chosen)
    passes the compound and grid facets."""
    chosen, grids = flt.values("compound"), flt.values("grid")
    if chosen and compound_id not in chosen:
        return False
    return not grids or grid() in grids


def select(district: District, flt: ElementFilter) -> Selection:
    """The elements `flt` keeps (None: all of a kind, when no facet speaks of it)."""
    usages, tags = flt.values("usage"), flt.values("tag")
    kinds, circles = flt.values("kind"), flt.values("circle")
    placed = bool(flt.values("compound") or flt.values("grid"))
    grid = _Grids(district)
    kept_buildings: frozenset[str] | None = None
    if usages or tags or placed:
        with_usage = {r.building_id for r in district.rooms.values() if r.usage.value in usages}
        with_tag = {
            district.rooms[p.room_id].building_id
            for p in district.people.values()
            if p.room_id in district.rooms and any(t.value in tags for t in p.tags)
        }
        kept_buildings = frozenset(
            b.id
            for b in district.buildings.values()
            if (not usages or b.id in with_usage)
            and (not tags or b.id in with_tag)
            and _place_ok(flt, b.compound_id, partial(grid.building, b.id))
        )
    kept_devices: frozenset[str] | None = None
    if kinds or circles or placed:

        def device_ok(d: Device) -> bool:
            circle = DEVICE_KINDS[d.kind].circle.value if d.kind in DEVICE_KINDS else ""
            return (
                (not kinds or d.kind in kinds)
                and (not circles or circle in circles)
                and (not placed or _place_ok(flt, device_compound(district, d), partial(grid.device, d)))
            )

        kept_devices = frozenset(d.id for d in district.devices.values() if device_ok(d))
    kept_gates = kept_compounds = None
    if placed:
        kept_gates = frozenset(
            k for k, g in district.gates.items() if _place_ok(flt, g.compound_id, partial(grid.gate, k))
        )
        kept_compounds = frozenset(
            c for c in district.compounds if _place_ok(flt, c, partial(grid.compound, c))
        )
    return Selection(kept_buildings, kept_devices, kept_gates, kept_compounds)


def _thinned(data: LayerData, keep: frozenset[str]) -> LayerData:
    """A markers layer with only the kept markers; per-marker arrays in `extra` (colours by kind, health)
    are thinned alike so they stay aligned with the markers."""
    assert data.points is not None
    n = len(data.points)
    index = np.asarray([k for k, i in enumerate(data.points.ids) if i in keep], dtype=np.int64)
    extra: dict[str, object] = {}
    for key, value in data.extra.items():
        if isinstance(value, np.ndarray) and value.ndim >= 1 and len(value) == n:
            value = value[index]
        elif isinstance(value, tuple) and len(value) == n:
            value = tuple(value[k] for k in index)
        extra[key] = value
    return dataclasses.replace(data, points=_points(data.points, index), extra=extra)


def _points(points: Points, index: np.ndarray) -> Points:
    return Points(
        tuple(points.ids[k] for k in index),
        points.xy[index],
        points.rgba[index],
        points.size[index],
        tuple(points.symbol[k] for k in index),
        None if points.edge is None else points.edge[index],
    )


def _faded(polys: Polygons, keep: frozenset[str]) -> Polygons:
    out = np.asarray([i not in keep for i in polys.ids], dtype=np.bool_)
    fill, edge = polys.fill.copy(), polys.edge.copy()
    fill[out, 3] = (fill[out, 3] * FADE_FILL).astype(np.uint8)
    edge[out, 3] = (edge[out, 3] * FADE_EDGE).astype(np.uint8)
    return dataclasses.replace(polys, fill=fill, edge=edge)


def _without(polys: Polygons, keep: frozenset[str]) -> Polygons:
    """Only the kept polygons (camera cones: a faint cone would still read as coverage)."""
    rings: list[np.ndarray] = []
    ring_start = [0]
    index = [k for k, i in enumerate(polys.ids) if i in keep]
    for k in index:
        rings.extend(polys.rings_of(k))
        ring_start.append(len(rings))
    vertex_start = np.zeros(len(rings) + 1, dtype=np.int64)
    vertex_start[1:] = np.cumsum([len(r) for r in rings], dtype=np.int64)
    return Polygons(
        tuple(polys.ids[k] for k in index),
        np.concatenate(rings) if rings else np.zeros((0, 2), dtype=np.float64),
        vertex_start,
        np.asarray(ring_start, dtype=np.int64),
        polys.fill[index].reshape(-1, 4),
        polys.edge[index].reshape(-1, 4),
        polys.height[index],
        None if polys.edge_width is None else polys.edge_width[index],
    )


def apply(data: LayerData, sel: Selection) -> LayerData:
    """`data` as the filter shows it: markers left out, buildings and compounds faded, the rest as given."""
    if data.name == buildings.NAME and sel.buildings is not None and data.polygons is not None:
        marks = data.points
        if marks is not None:  # group-rental markers only on the buildings kept
            kept = np.asarray([k for k, i in enumerate(marks.ids) if i in sel.buildings], dtype=np.int64)
            marks = _points(marks, kept)
        return dataclasses.replace(data, points=marks, polygons=_faded(data.polygons, sel.buildings))
    if data.name == compounds.NAME and sel.compounds is not None and data.polygons is not None:
        return dataclasses.replace(data, polygons=_faded(data.polygons, sel.compounds))
    if data.name == devices.NAME and sel.devices is not None and data.points is not None:
        return _thinned(data, sel.devices)
    if data.name == gates.NAME and sel.gates is not None and data.points is not None:
        return _thinned(data, sel.gates)
    if data.name == cameras.NAME and sel.devices is not None:
        thinned = data if data.points is None else _thinned(data, sel.devices)
        polys = None if data.polygons is None else _without(data.polygons, sel.devices)
        return dataclasses.replace(thinned, polygons=polys)
    return data


def sub_district(district: District, sel: Selection) -> District:
    """The district with only the kept buildings and devices: what the 3D sandbox draws under a filter.
    Rooms and people stay (floor colours look them up by building); nothing is copied deeply."""
    if sel.buildings is None and sel.devices is None:
        return district
    kept_b, kept_d = sel.buildings, sel.devices
    return dataclasses.replace(
        district,
        buildings={k: b for k, b in district.buildings.items() if kept_b is None or k in kept_b},
        devices={k: d for k, d in district.devices.items() if kept_d is None or k in kept_d},
    )
