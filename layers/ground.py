"""The 3D sandbox's ground: the district's basemap as one flat, triangulated mesh (a scale model's base).

Roads (ribbons as wide as the road is in metres, coloured as on the 2D map), compound outlines and fills,
water and green areas (the package's `areas`), and the bare ground around them, from the package's own ways:
no tiles, no network.

The pieces are made disjoint before triangulation (each class minus every class above it), so the whole base
lies at z = 0 with no overlapping faces: nothing z-fights however far the camera is, and it draws as one
actor. Classes from top to bottom: roads (wide kinds above narrow ones), compound outlines, water, green,
compounds (tinted by kind), ground.

The same classes are also painted once into a picture (`picture`, OpenCV, bottom class first) for the view
from afar: on Mesa's software renderer the ~19k-triangle mesh cost ~20 ms of a frame at the demo's overview,
one textured quad of the same ground next to nothing (issue 18 §4).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

if TYPE_CHECKING:
    from PIL import Image

from layers import extrude, style
from layers.data import LayerData
from layers.extrude import Patch
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "ground"
RGB = tuple[int, int, int]

GROUND: RGB = (214, 210, 198)
"""Bare ground outside the compounds: a warm light grey, darker than the sky so the base reads as a slab."""
COMPOUND_KIND: dict[str, RGB] = {
    "residential": (226, 230, 214),
    "university": (214, 228, 204),
    "school": (214, 228, 204),
    "commercial": (232, 222, 214),
    "retail": (232, 222, 214),
    "open": (222, 220, 210),
}
COMPOUND_DEFAULT: RGB = (224, 226, 212)
COMPOUND_OUTLINE: RGB = (style.COMPOUND_EDGE[0], style.COMPOUND_EDGE[1], style.COMPOUND_EDGE[2])
COMPOUND_OUTLINE_M = 1.6
"""Width of a compound's outline (its wall or fence) on the ground, in metres."""
AREA_KIND: dict[str, RGB] = {k: (c[0], c[1], c[2]) for k, c in style.AREA_FILL.items()}
"""Water and green areas (the district's `areas`, and those given to `layer`), drawn between the compound
outlines and the compound fills, in the 2D map's colours."""
ROAD_WIDTH_M: dict[str, float] = {
    "motorway": 24.0,
    "motorway_link": 8.0,
    "trunk": 20.0,
    "trunk_link": 8.0,
    "primary": 18.0,
    "primary_link": 7.0,
    "secondary": 14.0,
    "secondary_link": 6.0,
    "tertiary": 10.0,
    "tertiary_link": 6.0,
    "unclassified": 7.0,
    "residential": 7.0,
    "living_street": 6.0,
    "service": 4.5,
    "footway": 2.0,
    "path": 2.0,
    "cycleway": 2.5,
    "steps": 2.0,
}
"""Carriageway widths in metres by OSM kind (typical urban Chinese cross-sections), for the ribbons."""
ROAD_WIDTH_DEFAULT_M = 4.0
MARGIN = 0.12
"""The base reaches this share of the district's extent beyond everything in it (a model's border)."""
QUAD_SEGS = 2
"""Segments per quarter circle in road buffers: round enough at junctions, few triangles."""
PICTURE_PX = 2048
"""The ground picture's longer side in pixels: 0.8 m a texel for the demo's 1.7 km base (12 MB of RGB), finer
than a screen pixel at the overview; the 3D pane draws the exact mesh once a texel would look coarse."""


@dataclass(frozen=True, slots=True)
class GroundClass:
    name: str
    rgb: RGB
    geometry: BaseGeometry
    """In local metres."""


def _local(geoms: Sequence[BaseGeometry], proj: LocalProjection) -> np.ndarray:
    def move(coords: np.ndarray) -> np.ndarray:
        out: np.ndarray = proj.to_xy(coords[:, 0], coords[:, 1]) if len(coords) else coords
        return out

    return np.asarray(shapely.transform(np.asarray(geoms, dtype=object), move), dtype=object)


def road_width_m(kind: str) -> float:
    return ROAD_WIDTH_M.get(kind, ROAD_WIDTH_DEFAULT_M)


def classes(
    district: District, proj: LocalProjection, areas: Sequence[tuple[str, BaseGeometry]] = ()
) -> list[GroundClass]:
    """The ground's classes, top first, each one geometry in local metres (overlapping the ones below).
    `areas` are drawn besides the district's own."""
    out: list[GroundClass] = []
    areas = [*((a.kind, a.boundary) for a in district.areas.values()), *areas]
    roads = sorted(district.roads.values(), key=lambda r: -road_width_m(r.kind))
    if roads:
        lines = _local([r.line for r in roads], proj)
        widths = np.asarray([road_width_m(r.kind) for r in roads])
        ribbons = shapely.buffer(lines, widths / 2.0, quad_segs=QUAD_SEGS)
        kinds = [r.kind for r in roads]
        for kind in dict.fromkeys(kinds):  # widest first: a main road runs over the lanes that join it
            mine = [ribbons[i] for i, k in enumerate(kinds) if k == kind]
            rgb = style.road_style(kind).rgba[:3]
            out.append(GroundClass(f"road:{kind}", (rgb[0], rgb[1], rgb[2]), shapely.union_all(mine)))
    compounds = list(district.compounds.values())
    shapes = _local([c.boundary for c in compounds], proj) if compounds else np.zeros(0, dtype=object)
    if compounds:
        edges = shapely.buffer(shapely.boundary(shapes), COMPOUND_OUTLINE_M / 2.0, quad_segs=1)
        out.append(GroundClass("compound_outline", COMPOUND_OUTLINE, shapely.union_all(edges)))
    for kind in AREA_KIND:
        mine = [g for k, g in areas if k == kind]
        if mine:
            out.append(GroundClass(kind, AREA_KIND[kind], shapely.union_all(_local(mine, proj))))
    by_kind: dict[RGB, list[BaseGeometry]] = {}
    for c, shape in zip(compounds, shapes, strict=True):
        kind = str(c.extra.get("kind", ""))
        by_kind.setdefault(COMPOUND_KIND.get(kind, COMPOUND_DEFAULT), []).append(shape)
    for rgb, mine in by_kind.items():
        out.append(GroundClass("compound", rgb, shapely.union_all(mine)))
    out.append(GroundClass("ground", GROUND, base_rect(district, proj)))
    return out


def extent(district: District, proj: LocalProjection) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 in metres of everything the district holds (compounds, buildings, roads): the base
    without its margin (the 200 m square if empty)."""
    geoms = [c.boundary for c in district.compounds.values()]
    geoms += [b.footprint for b in district.buildings.values()]
    geoms += [r.line for r in district.roads.values()]
    if not geoms:
        return (-100.0, -100.0, 100.0, 100.0)
    x0, y0, x1, y1 = (float(v) for v in shapely.total_bounds(_local(geoms, proj)))
    return (x0, y0, x1, y1)


def base_rect(district: District, proj: LocalProjection) -> BaseGeometry:
    """The slab under the model: the district's extent plus `MARGIN` on every side (200 m square if empty)."""
    if not (district.compounds or district.buildings or district.roads):
        return shapely.box(-100.0, -100.0, 100.0, 100.0)
    x0, y0, x1, y1 = extent(district, proj)
    pad = MARGIN * max(x1 - x0, y1 - y0, 50.0)
    return shapely.box(x0 - pad, y0 - pad, x1 + pad, y1 + pad)


def partition(stack: Sequence[GroundClass]) -> list[GroundClass]:
    """Each class minus all the classes above it, clipped to the base (the last class): disjoint pieces."""
    base = stack[-1].geometry
    covered: BaseGeometry = shapely.GeometryCollection()
    out = []
    for cls in stack:
        piece = shapely.intersection(shapely.difference(cls.geometry, covered), base)
        covered = shapely.union(covered, cls.geometry)
        if not piece.is_empty:
            out.append(GroundClass(cls.name, cls.rgb, piece))
    return out


def triangulate(pieces: Sequence[GroundClass], z: float = 0.0) -> Patch:
    """All pieces as one triangle patch at height `z`, facing up, one RGB per triangle."""
    tris: list[np.ndarray] = []
    rgbs: list[np.ndarray] = []
    for piece in pieces:
        polys = [g for g in shapely.get_parts(piece.geometry) if g.geom_type == "Polygon" and g.area > 1e-6]
        if not polys:
            continue
        parts = shapely.get_parts(shapely.constrained_delaunay_triangles(np.asarray(polys, dtype=object)))
        if not len(parts):
            continue
        t = shapely.get_coordinates(parts).reshape(-1, 4, 2)[:, :3, :]
        tris.append(t)
        rgbs.append(np.tile(np.asarray(piece.rgb, dtype=np.uint8), (len(t), 1)))
    if not tris:
        return extrude.merge_patches([])
    t = np.concatenate(tris)
    a, b, c = t[:, 0], t[:, 1], t[:, 2]
    cw = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1]) < 0
    t[cw, 1], t[cw, 2] = c[cw].copy(), b[cw].copy()
    xy = t.reshape(-1, 2)
    points = np.column_stack([xy, np.full(len(xy), z)]).astype(np.float32)
    n = len(t)
    return Patch(
        points,
        np.arange(n + 1, dtype=np.int64) * 3,
        np.arange(3 * n, dtype=np.int64),
        np.concatenate(rgbs),
    )


def _mask(
    geometry: BaseGeometry, origin: tuple[float, float], per_px: float, size: tuple[int, int]
) -> Image.Image:
    """A 1-bit mask of `size` (w, h) pixels whose top-left corner lies at local `origin`, `per_px` pixels a
    metre: set inside the polygons of `geometry`, clear in their holes."""
    from PIL import Image, ImageDraw

    mask = Image.new("1", size, 0)
    draw = ImageDraw.Draw(mask)
    for poly in (g for g in shapely.get_parts(geometry) if g.geom_type == "Polygon"):
        # the polygons of one class never overlap, so a hole cleared here holds none of its others
        for ring, fill in ((poly.exterior, 1), *((hole, 0) for hole in poly.interiors)):
            xy = shapely.get_coordinates(ring)
            px = np.column_stack([(xy[:, 0] - origin[0]) * per_px, (origin[1] - xy[:, 1]) * per_px])
            draw.polygon(px.ravel().tolist(), fill=fill)
    return mask


def picture(
    stack: Sequence[GroundClass],
    bounds: tuple[float, float, float, float] | None = None,
    max_px: int = PICTURE_PX,
) -> NDArray[np.uint8]:
    """The classes painted into one (h, w, 3) RGB image, top row north, covering `bounds` (x0, y0, x1, y1;
    default the base, the last class) with square texels, `max_px` on the longer side: the bottom class
    first, each one over the ones below it, so the picture shows what `partition` + `triangulate` draw.

    Painted as class numbers (each class only over its own bounding box) and coloured through a palette:
    no antialiasing, which the pane does not need, as it shows the picture only while a texel is at most
    1.5 px on screen and filters it linearly. Pillow, not OpenCV: the 3D pane paints this at start, and
    OpenCV costs the window ~25 MB resident where Pillow costs ~5 (issue 17)."""
    from PIL import Image

    x0, y0, x1, y1 = bounds if bounds is not None else (float(v) for v in stack[-1].geometry.bounds)
    per_m = max_px / max(x1 - x0, y1 - y0, 1e-9)
    w, h = max(1, round((x1 - x0) * per_m)), max(1, round((y1 - y0) * per_m))
    drawn = list(reversed(stack))  # bottom first: number 0 is the base
    numbers = Image.new("P", (w, h), 0)
    for number, cls in enumerate(drawn[1:], start=1):
        if cls.geometry.is_empty:
            continue
        gx0, gy0, gx1, gy1 = cls.geometry.bounds
        c0, c1 = max(0, int((gx0 - x0) * per_m)), min(w, int((gx1 - x0) * per_m) + 2)
        r0, r1 = max(0, int((y1 - gy1) * per_m)), min(h, int((y1 - gy0) * per_m) + 2)
        if c1 > c0 and r1 > r0:
            mask = _mask(cls.geometry, (x0 + c0 / per_m, y1 - r0 / per_m), per_m, (c1 - c0, r1 - r0))
            numbers.paste(number, (c0, r0, c1, r1), mask)
    numbers.putpalette([v for cls in drawn for v in cls.rgb])
    return np.asarray(numbers.convert("RGB"), dtype=np.uint8).copy()


def layer(
    district: District, proj: LocalProjection, areas: Sequence[tuple[str, BaseGeometry]] = ()
) -> LayerData:
    """The ground as `extra["mesh"]` (a `Patch` of triangles at z = 0, the whole base), `extra["bounds"]`
    (x0, y0, x1, y1 of the base in metres), and `extra["picture"]`: the same ground inside
    `extra["picture_bounds"]` (the base less its bare margin) as an (h, w, 3) RGB image, top row north
    (`picture`); the margin around it is plain `GROUND`. The district's water and green areas are drawn;
    `areas` adds (kind, lon/lat polygon) pairs for kinds in `AREA_KIND`."""
    stack = classes(district, proj, areas)
    pieces = partition(stack)
    mesh = triangulate(pieces)
    bounds = tuple(float(v) for v in base_rect(district, proj).bounds)
    # What is drawn reaches past the extent: road ribbons by half their width, areas anywhere on the base.
    drawn = [c.geometry for c in stack[:-1]]
    x0, y0, x1, y1 = extent(district, proj)
    if drawn:
        x0, y0, x1, y1 = (float(v) for v in shapely.total_bounds(np.asarray(drawn, dtype=object)))
    inner = (max(x0, bounds[0]), max(y0, bounds[1]), min(x1, bounds[2]), min(y1, bounds[3]))
    extra: dict[str, object] = {
        "mesh": mesh,
        "picture": picture(stack, inner),
        "picture_bounds": inner,
        "bounds": bounds,
        "classes": tuple(p.name for p in pieces),
    }
    return LayerData(NAME, z=-10, extra=extra)
