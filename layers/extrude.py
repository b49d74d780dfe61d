"""Buildings extruded to their floor count as ONE merged mesh for the 3D sandbox, plus glyph positions.

The 3D view draws every building with one actor, so this module turns the whole district into flat arrays
in a single vectorised pass (shapely 2 ufuncs + numpy, one projection call): 50,000 buildings build in a
couple of seconds and render as one draw call instead of 50,000.

Layout of `BuildingMesh` (what the renderer and the highlight code rely on):
- walls first: one quad per footprint edge, full height; building b owns wall quads
  `wall_start[b]:wall_start[b+1]`;
- roofs after all walls: building b owns roof triangles `roof_start[b]:roof_start[b+1]` (constrained
  Delaunay, so concave footprints and courtyards are right);
- cells are VTK's "offsets + connectivity" form, colours are per cell (RGB);
- floors are drawn by a texture, not by geometry: `tcoords` runs up each wall in units of two floors, and
  `FLOOR_TEXTURE` (a strip of 32 grey levels over two floors) puts a dark slab line at the foot of every
  floor and shades every other floor a little. A quad per floor cost 4-5x more frame time on a software
  renderer (triangle count is what it pays for), for the same picture.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from layers import style
from layers.devices import positions as device_positions
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.model import District
from sandbox_app.domain.places import incident_location

F32 = NDArray[np.float32]
F64 = NDArray[np.float64]
I64 = NDArray[np.int64]
I32 = NDArray[np.int32]
U8 = NDArray[np.uint8]

DEFAULT_FLOOR_M = 3.0
ODD_FLOOR_SHADE = 0.88
SLAB_SHADE = 0.62
TEXELS_PER_FLOOR = 16
SLAB_TEXELS = 2


def _floor_texture() -> U8:
    floor = np.full(TEXELS_PER_FLOOR, 255.0)
    floor[:SLAB_TEXELS] *= SLAB_SHADE
    return np.concatenate([floor, floor * ODD_FLOOR_SHADE]).round().astype(np.uint8)


FLOOR_TEXTURE = _floor_texture()
"""Grey levels (32,) over two floors, multiplied into the wall colour: a slab line at the foot of each floor,
every other floor shaded; floors read as bands while the usage colour stays recognisable."""
ROOF_TCOORD = 0.25
"""Roofs sample the middle of an unshaded floor: they show the usage colour itself."""
BAND_PAD_M = 0.35
"""A highlighted floor is drawn this far outside the walls (and above/below the slab) so it never z-fights."""
GUARD_Z_M = 0.0
DEVICE_Z_M = 1.0
ROOF_DEVICE_LIFT_M = 1.5
"""Room and building devices have no surveyed spot: they sit just above their building's roof, where the
eye can see them, rather than hidden inside it."""


@dataclass(frozen=True, slots=True)
class BuildingMesh:
    """All buildings as one polygon mesh in local metres (x east, y north, z up); see the module doc."""

    ids: tuple[str, ...]
    points: F32
    offsets: I64
    connectivity: I64
    rgb: U8
    tcoords: F32
    """Per point: height in units of two floors (walls), `ROOF_TCOORD` (roofs); see `FLOOR_TEXTURE`."""
    cell_building: I32
    wall_start: I64
    roof_start: I64
    floors: I64
    floor_height: F64
    height: F64
    anchor: F64
    """(B, 2) a point inside each footprint, where the camera looks when it flies to the building."""
    ring_xy: F64
    ring_start: I64
    building_ring_start: I64
    """Building b owns rings building_ring_start[b]:[b+1]; ring r owns ring_xy[ring_start[r]:[r+1]] (open,
    no repeated closing vertex). The highlight band is offset from these."""
    index: dict[str, int]
    """Building id → its index b, built once (a lookup per alert must not walk 50,000 ids)."""

    @property
    def n_cells(self) -> int:
        return len(self.offsets) - 1

    @property
    def edges(self) -> I64:
        """Wall quads of each building: its footprint's vertex count (courtyards included) times its runs of
        wall colour (one for a building of one colour)."""
        return np.diff(self.wall_start)

    def index_of(self, building_id: str) -> int:
        return self.index[building_id]


@dataclass(frozen=True, slots=True)
class Patch:
    """A small extra mesh (highlighted floors): points, VTK offsets + connectivity, RGB per cell."""

    points: F32
    offsets: I64
    connectivity: I64
    rgb: U8

    @property
    def n_cells(self) -> int:
        return len(self.offsets) - 1


@dataclass(frozen=True, slots=True)
class Glyphs:
    """Glyph positions (n, 3) in metres and their RGB colours, for one glyph mapper."""

    ids: tuple[str, ...]
    points: F32
    rgb: U8

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class Runs:
    """Wall colours by floor, as runs of equal colour: building b owns runs start[b]:start[b+1]; run k starts
    at 0-based floor first_floor[k] and lasts to the next run's first floor (the last one to top_floor[b])."""

    start: I64
    first_floor: I64
    rgb: U8
    top_floor: I64

    @classmethod
    def single(cls, floors: I64, rgb: U8) -> Runs:
        """One run per building, foot to top (a building of one colour)."""
        n = len(floors)
        return cls(np.arange(n + 1, dtype=np.int64), np.zeros(n, np.int64), rgb.reshape(-1, 3), floors)

    @classmethod
    def from_floors(cls, per_floor: Sequence[U8]) -> Runs:
        """Runs from each building's (floors, 3) colours, consecutive equal floors merged."""
        starts, firsts, rgbs, tops = [0], [], [], []
        for colours in per_floor:
            c = np.asarray(colours, dtype=np.uint8).reshape(-1, 3)
            change = (
                np.concatenate([[True], np.any(c[1:] != c[:-1], axis=1)]) if len(c) else np.zeros(0, bool)
            )
            first = np.flatnonzero(change)
            firsts.append(first)
            rgbs.append(c[first])
            starts.append(starts[-1] + len(first))
            tops.append(len(c))
        return cls(
            np.asarray(starts, dtype=np.int64),
            np.concatenate(firsts).astype(np.int64) if firsts else np.zeros(0, np.int64),
            np.concatenate(rgbs).astype(np.uint8) if rgbs else np.zeros((0, 3), np.uint8),
            np.asarray(tops, dtype=np.int64),
        )


def _rgb(rgba: Iterable[style.RGBA]) -> U8:
    return np.asarray([c[:3] for c in rgba], dtype=np.uint8).reshape(-1, 3)


def floor_heights(floors: Sequence[int], height_m: Sequence[float | None]) -> tuple[I64, F64]:
    """Floors (at least 1) and metres per floor: the surveyed height shared out, else 3 m a floor."""
    n = np.maximum(np.asarray(floors, dtype=np.int64), 1)
    h = np.asarray([np.nan if v is None else v for v in height_m], dtype=np.float64).reshape(-1)
    per = np.where(np.isfinite(h) & (h > 0), h / n, DEFAULT_FLOOR_M)
    return n, per


def _rings(shapes: Sequence[BaseGeometry], proj: LocalProjection) -> tuple[F64, I64, I64]:
    """Every ring of every footprint, projected in one call: (xy, ring_start, building_ring_start)."""
    parts, part_of = shapely.get_parts(np.asarray(shapes, dtype=object), return_index=True)
    polys = shapely.get_type_id(parts) == shapely.GeometryType.POLYGON
    parts, part_of = parts[polys], part_of[polys]
    rings, ring_of_part = shapely.get_rings(parts, return_index=True)
    coords, vertex_ring = shapely.get_coordinates(rings, return_index=True)
    counts = np.bincount(vertex_ring, minlength=len(rings)).astype(np.int64)
    closing = np.cumsum(counts) - 1  # drop each ring's repeated first vertex
    keep = np.ones(len(coords), dtype=bool)
    keep[closing[counts > 0]] = False
    ring_building = part_of[ring_of_part].astype(np.int64)
    ok = counts - 1 >= 3
    keep &= np.repeat(ok, counts)
    xy = proj.to_xy(coords[keep, 0], coords[keep, 1]) if keep.any() else np.zeros((0, 2))
    sizes = (counts - 1)[ok]
    ring_start = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    per_building = np.bincount(ring_building[ok], minlength=len(shapes))
    building_ring_start = np.concatenate([[0], np.cumsum(per_building)]).astype(np.int64)
    hole = np.concatenate([[False], ring_of_part[1:] == ring_of_part[:-1]])[ok]
    return _orient(xy, ring_start, hole), ring_start, building_ring_start


def _orient(xy: F64, ring_start: I64, hole: NDArray[np.bool_]) -> F64:
    """Exteriors counter-clockwise, courtyards clockwise: the solid is always on the left of travel, so
    every wall quad faces out of the building (back faces can be culled) and a highlight band is pushed
    away from the solid by the same rule for exteriors, courtyards and every part of a multipolygon."""
    if len(xy) == 0:
        return xy
    n = np.diff(ring_start)
    ring = np.repeat(np.arange(len(n)), n)
    nxt = np.arange(len(xy)) + 1
    nxt[ring_start[1:] - 1] = ring_start[:-1]
    cross = xy[:, 0] * xy[nxt, 1] - xy[nxt, 0] * xy[:, 1]
    ccw = np.bincount(ring, weights=cross, minlength=len(n)) > 0
    flip = np.repeat(ccw == hole, n)
    idx = np.arange(len(xy))
    start = ring_start[ring]
    idx[flip] = (2 * start + n[ring] - 1 - idx)[flip]
    oriented: F64 = xy[idx]
    return oriented


def _triangles(shapes: Sequence[BaseGeometry]) -> tuple[F64, I64]:
    """Roof triangles (t, 3, 2) lon/lat and each one's building, by constrained Delaunay."""
    geoms = np.asarray(shapes, dtype=object)
    try:
        tri = shapely.constrained_delaunay_triangles(geoms)
    except shapely.errors.GEOSException:
        tri = np.asarray([_triangulate_one(g) for g in geoms], dtype=object)
    parts, owner = shapely.get_parts(tri, return_index=True)
    coords = shapely.get_coordinates(parts).reshape(-1, 4, 2)[:, :3, :]
    return coords, owner.astype(np.int64)


def _upward(tri: F64) -> F64:
    """Triangles (t, 3, 2) wound counter-clockwise seen from above, so roofs face the sky."""
    a, b, c = tri[:, 0], tri[:, 1], tri[:, 2]
    cw = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1]) < 0
    out = tri.copy()
    out[cw, 1], out[cw, 2] = tri[cw, 2], tri[cw, 1]
    return out


def _triangulate_one(geom: BaseGeometry) -> BaseGeometry:
    """An invalid footprint (self-crossing) is repaired; one that still fails gets no roof."""
    for candidate in (geom, shapely.make_valid(geom)):
        try:
            return shapely.constrained_delaunay_triangles(candidate)
        except shapely.errors.GEOSException:
            continue
    return shapely.GeometryCollection()


def _walls(ring_xy: F64, ring_start: I64, ring_b: I64, per: F64, runs: Runs) -> tuple[F32, F32, I64, I64]:
    """Wall points, their texture coordinate (height in units of two floors), quads (flattened) and each
    quad's run (index into `runs.rgb`), ordered building → ring → run → edge. Every ring is repeated at each
    run boundary (its foot, each change of colour, its top): a building of one colour has one quad per edge
    over its full height."""
    n_r = np.diff(ring_start)
    levels = np.diff(runs.start) + 1  # per building: one level below each run, one on top
    level_start = runs.start + np.arange(len(runs.start))  # runs.start[b] + b
    level_floor = np.empty(int(levels.sum()), dtype=np.int64)
    level_floor[runs_level_index(runs.start, level_start)] = runs.first_floor
    level_floor[level_start[1:] - 1] = runs.top_floor
    l_r = levels[ring_b]
    pts_r = l_r * n_r
    base_r = np.concatenate([[0], np.cumsum(pts_r)])[:-1].astype(np.int64)
    ring_of_pt = np.repeat(np.arange(len(n_r)), pts_r)
    local = np.arange(int(pts_r.sum())) - base_r[ring_of_pt]
    level, vert = np.divmod(local, n_r[ring_of_pt])
    b_pt = ring_b[ring_of_pt]
    z = level_floor[level_start[b_pt] + level] * per[b_pt]
    points = np.column_stack([ring_xy[ring_start[ring_of_pt] + vert], z]).astype(np.float32)
    tcoord = (z / (2.0 * per[b_pt])).astype(np.float32)
    q_r = (l_r - 1) * n_r
    q_base = np.concatenate([[0], np.cumsum(q_r)])[:-1].astype(np.int64)
    ring_of_q = np.repeat(np.arange(len(n_r)), q_r)
    run, i = np.divmod(np.arange(int(q_r.sum())) - q_base[ring_of_q], n_r[ring_of_q])
    n = n_r[ring_of_q]
    p0 = base_r[ring_of_q] + run * n + i
    p1 = base_r[ring_of_q] + run * n + (i + 1) % n
    quads = np.column_stack([p0, p1, p1 + n, p0 + n]).astype(np.int64)
    return points, tcoord, quads.reshape(-1), (runs.start[ring_b[ring_of_q]] + run).astype(np.int64)


def runs_level_index(run_start: I64, level_start: I64) -> I64:
    """Index in the level array of each run's lower level (runs of building b sit at level_start[b] + k)."""
    b = np.repeat(np.arange(len(run_start) - 1), np.diff(run_start))
    k = np.arange(int(run_start[-1])) - run_start[b]
    out: I64 = level_start[b] + k
    return out


def _anchors(shapes: Sequence[BaseGeometry], proj: LocalProjection) -> F64:
    pts = shapely.point_on_surface(np.asarray(shapes, dtype=object))
    lonlat = shapely.get_coordinates(pts)
    if len(lonlat) != len(shapes):  # empty footprints have no point
        lonlat = np.asarray([shapely.get_coordinates(p)[0] if not p.is_empty else (0, 0) for p in pts])
    return proj.to_xy(lonlat[:, 0], lonlat[:, 1]) if len(lonlat) else np.zeros((0, 2))


def extrude_arrays(
    ids: tuple[str, ...],
    shapes: Sequence[BaseGeometry],
    floors: Sequence[int],
    height_m: Sequence[float | None],
    fill: U8,
    proj: LocalProjection,
    walls: Runs | None = None,
) -> BuildingMesh:
    """`extrude` on plain arrays (footprints in lon/lat, fill RGB per building for roofs, and for walls too
    unless `walls` gives their colours by floor), for benchmarks and tests."""
    n_floors, per = floor_heights(floors, height_m)
    height = n_floors * per
    fill = np.asarray(fill, dtype=np.uint8).reshape(-1, 3)
    runs = walls if walls is not None else Runs.single(n_floors, fill)
    ring_xy, ring_start, b_ring = _rings(shapes, proj)
    ring_b = np.repeat(np.arange(len(ids)), np.diff(b_ring)).astype(np.int64)
    wall_pts, wall_t, wall_conn, wall_run = _walls(ring_xy, ring_start, ring_b, per, runs)
    quads = np.bincount(ring_b, weights=np.diff(ring_start) * np.diff(runs.start)[ring_b], minlength=len(ids))
    edges = quads.astype(np.int64)
    wall_b = np.repeat(np.arange(len(ids)), edges)
    tri_lonlat, tri_b = _triangles(shapes)
    flat = tri_lonlat.reshape(-1, 2)
    tri_xy = proj.to_xy(flat[:, 0], flat[:, 1]) if len(flat) else np.zeros((0, 2))
    tri_xy = _upward(tri_xy.reshape(-1, 3, 2)).reshape(-1, 2)
    roof_pts = np.column_stack([tri_xy, np.repeat(height[tri_b], 3)]).astype(np.float32)
    roof_conn = len(wall_pts) + np.arange(len(roof_pts), dtype=np.int64)

    wall_start = np.concatenate([[0], np.cumsum(edges)]).astype(np.int64)
    roof_count = np.bincount(tri_b, minlength=len(ids)).astype(np.int64)
    roof_start = int(wall_start[-1]) + np.concatenate([[0], np.cumsum(roof_count)]).astype(np.int64)
    n_walls, n_roofs = len(wall_b), len(tri_b)
    offsets = np.concatenate(
        [np.arange(n_walls + 1, dtype=np.int64) * 4, 4 * n_walls + 3 * np.arange(1, n_roofs + 1)]
    ).astype(np.int64)
    return BuildingMesh(
        ids=ids,
        points=np.concatenate([wall_pts, roof_pts]),
        offsets=offsets,
        connectivity=np.concatenate([wall_conn, roof_conn]),
        rgb=np.concatenate([runs.rgb[wall_run].reshape(-1, 3), fill[tri_b]]),
        tcoords=np.concatenate([wall_t, np.full(len(roof_pts), ROOF_TCOORD, np.float32)]),
        cell_building=np.concatenate([wall_b, tri_b]).astype(np.int32),
        wall_start=wall_start,
        roof_start=roof_start,
        floors=n_floors,
        floor_height=per,
        height=height,
        anchor=_anchors(shapes, proj),
        ring_xy=ring_xy,
        ring_start=ring_start,
        building_ring_start=b_ring,
        index={b: i for i, b in enumerate(ids)},
    )


def _outward(ring: F64, pad: float) -> F64:
    """The ring moved `pad` metres away from the building's solid (mitred corners, capped at 3 × pad). Rings
    are oriented with the solid on the left (`_orient`), so away from it is always to the right."""
    nxt, prv = np.roll(ring, -1, axis=0), np.roll(ring, 1, axis=0)

    def right_normal(d: F64) -> F64:
        n: F64 = np.column_stack([d[:, 1], -d[:, 0]])
        out: F64 = n / np.maximum(np.linalg.norm(n, axis=1, keepdims=True), 1e-9)
        return out

    n_out, n_in = right_normal(nxt - ring), right_normal(ring - prv)
    mid = n_out + n_in
    mid /= np.maximum(np.linalg.norm(mid, axis=1, keepdims=True), 1e-9)
    cos = np.maximum(np.sum(mid * n_out, axis=1, keepdims=True), 1.0 / 3.0)
    moved: F64 = ring + pad * mid / cos
    return moved


def floor_band(
    mesh: BuildingMesh, building: int, floor: int | None, rgb: tuple[int, int, int], pad: float = BAND_PAD_M
) -> Patch:
    """The walls of one floor (or the whole building when `floor` is None) pushed `pad` metres outward,
    to be drawn over the building in a highlight colour."""
    if floor is None:
        z0, z1 = 0.0, float(mesh.height[building])
    else:
        f = int(np.clip(floor, 0, mesh.floors[building] - 1))
        z0 = f * float(mesh.floor_height[building])
        z1 = z0 + float(mesh.floor_height[building])
    pts: list[F64] = []
    conn: list[I64] = []
    count = 0
    first = int(mesh.building_ring_start[building])
    for r in range(first, int(mesh.building_ring_start[building + 1])):
        ring = _outward(mesh.ring_xy[mesh.ring_start[r] : mesh.ring_start[r + 1]], pad)
        n = len(ring)
        lo = np.column_stack([ring, np.full(n, z0 - pad)])
        hi = np.column_stack([ring, np.full(n, z1 + pad)])
        i = np.arange(n)
        conn.append(count + np.column_stack([i, (i + 1) % n, n + (i + 1) % n, n + i]).reshape(-1))
        pts += [lo, hi]
        count += 2 * n
    return _patch(pts, conn, rgb)


def _patch(pts: list[F64], conn: list[I64], rgb: tuple[int, int, int]) -> Patch:
    connectivity = np.concatenate(conn).astype(np.int64) if conn else np.zeros(0, dtype=np.int64)
    n = len(connectivity) // 4
    return Patch(
        np.concatenate(pts).astype(np.float32) if pts else np.zeros((0, 3), dtype=np.float32),
        np.arange(n + 1, dtype=np.int64) * 4,
        connectivity,
        np.tile(np.asarray(rgb, dtype=np.uint8), (n, 1)),
    )


def merge_patches(patches: Sequence[Patch]) -> Patch:
    """Many highlight bands as one patch, so all alerted floors are one actor."""
    if not patches:
        return _patch([], [], (0, 0, 0))
    shift = np.concatenate([[0], np.cumsum([len(p.points) for p in patches])])
    cell_shift = np.concatenate([[0], np.cumsum([len(p.connectivity) for p in patches])])
    return Patch(
        np.concatenate([p.points for p in patches]),
        np.concatenate([[0]] + [p.offsets[1:] + s for p, s in zip(patches, cell_shift, strict=False)]),
        np.concatenate([p.connectivity + s for p, s in zip(patches, shift, strict=False)]),
        np.concatenate([p.rgb for p in patches]),
    )


def alert_floor(district: District, alert: Alert) -> tuple[str, int | None] | None:
    """The building an alert lights and its 0-based floor (None: the whole building), or None when the
    alert is not about a building (a gate, a guard, a point device): rooms → their floor; room devices →
    their room's floor; building devices and building alerts → the whole building."""
    kind, subject = alert.subject_type, alert.subject
    room_id = subject if kind == "room" else None
    building_id = subject if kind == "building" else None
    if kind == "device" and subject in district.devices:
        device = district.devices[subject]
        room_id = device.room_id
        building_id = device.building_id
    if room_id is not None and room_id in district.rooms:
        room = district.rooms[room_id]
        if room.building_id in district.buildings:
            return room.building_id, max(room.floor, 1) - 1
    if building_id is not None and building_id in district.buildings:
        return building_id, None
    return None


def alert_bands(district: District, mesh: BuildingMesh, alerts: Sequence[Alert]) -> Patch:
    """Every open alert's floor as one patch, coloured by severity; a floor lit by several alerts is drawn
    once, in its most severe colour."""
    index = mesh.index
    worst: dict[tuple[int, int | None], tuple[int, tuple[int, int, int]]] = {}
    order = list(style.SEVERITY)
    for alert in alerts:
        where = alert_floor(district, alert) if alert.state.is_open else None
        if where is None or where[0] not in index:
            continue
        key = (index[where[0]], where[1])
        rank = order.index(alert.severity)
        rgba = style.SEVERITY[alert.severity].rgba
        if key not in worst or worst[key][0] < rank:
            worst[key] = (rank, (rgba[0], rgba[1], rgba[2]))
    return merge_patches([floor_band(mesh, b, f, rgb) for (b, f), (_, rgb) in worst.items()])


def alert_focus(
    district: District,
    mesh: BuildingMesh,
    proj: LocalProjection,
    alert: Alert,
    guard_positions: Mapping[str, tuple[float, float]] | None = None,
) -> tuple[float, float, float] | None:
    """Where the camera looks for an alert: the lit floor's middle, else the alert's ground position."""
    where = alert_floor(district, alert)
    if where is not None and where[0] in district.buildings:
        b = mesh.index_of(where[0])
        x, y = (float(v) for v in mesh.anchor[b])
        if where[1] is None:
            return x, y, float(mesh.height[b]) / 2.0
        f = int(np.clip(where[1], 0, mesh.floors[b] - 1))
        return x, y, (f + 0.5) * float(mesh.floor_height[b])
    lonlat = incident_location(district, alert, guard_positions)
    if lonlat is None:
        return None
    xy = proj.to_xy([lonlat[0]], [lonlat[1]])[0]
    return float(xy[0]), float(xy[1]), 0.0


def guard_glyphs(
    proj: LocalProjection, ids: Sequence[str], lonlat: F64, roles: Sequence[GuardRole]
) -> Glyphs:
    """Guards at `lonlat` (n, 2) on the ground (the glyph stands on its tip there), coloured by role."""
    lonlat = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
    xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1]) if len(lonlat) else np.zeros((0, 2))
    palette = {role: np.asarray(s.rgba[:3], dtype=np.uint8) for role, s in style.GUARD_ROLE.items()}
    rgb = np.asarray([palette[r] for r in roles], dtype=np.uint8).reshape(-1, 3)
    pts = np.column_stack([xy, np.full(len(xy), GUARD_Z_M)]).astype(np.float32)
    return Glyphs(tuple(ids), pts, rgb)


def device_glyphs(district: District, proj: LocalProjection) -> Glyphs:
    """Devices where the 2D map draws them (`layers.devices.positions`), coloured by kind; ones inside a
    building float above its roof."""
    placed = device_positions(district, proj)
    ids = sorted(placed)
    xy = np.asarray([placed[i] for i in ids], dtype=np.float64).reshape(-1, 2)
    z = np.full(len(ids), DEVICE_Z_M)
    for k, dev_id in enumerate(ids):
        device = district.devices[dev_id]
        building_id = device.building_id
        if device.room_id and device.room_id in district.rooms:
            building_id = district.rooms[device.room_id].building_id
        if device.location is None and building_id in district.buildings:
            building = district.buildings[building_id]
            _, per = floor_heights([building.floors], [building.height_m])
            z[k] = max(building.floors, 1) * float(per[0]) + ROOF_DEVICE_LIFT_M
    rgb = _rgb(style.device_style(district.devices[i].kind).rgba for i in ids)
    return Glyphs(tuple(ids), np.column_stack([xy, z]).astype(np.float32), rgb)
