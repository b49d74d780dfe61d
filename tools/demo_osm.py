"""Read a real OpenStreetMap XML extract and derive the demo district's geometry.

Buildings, paths, compounds (小区) and gates come from OSM; compounds are the extract's residential and
institutional areas, and the buildings outside them are grouped into "open" compounds by proximity. All
geometry work happens in a local metric frame so buffers and distances are in metres.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import LinearRing, LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

AREA_TAGS = {
    ("landuse", "residential"),
    ("landuse", "commercial"),
    ("landuse", "retail"),
    ("amenity", "university"),
    ("amenity", "college"),
    ("amenity", "school"),
    ("amenity", "hospital"),
    ("amenity", "kindergarten"),
    ("amenity", "research_institute"),
}
SKIP_HIGHWAYS = {"construction", "proposed", "platform", "elevator", "bus_stop", "raceway"}
FOOT_HIGHWAYS = {"footway", "path", "steps", "cycleway", "pedestrian", "track", "bridleway", "corridor"}
MAJOR_HIGHWAYS = {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link"}
GATE_BARRIERS = {"gate", "lift_gate"}


@dataclass(slots=True)
class Osm:
    """The parts of an OSM file the demo needs; ways are kept in id order for determinism."""

    bounds: tuple[float, float, float, float]
    """minlon, minlat, maxlon, maxlat of the extract's <bounds>."""
    nodes: dict[int, tuple[float, float]]
    node_tags: dict[int, dict[str, str]]
    ways: list[tuple[int, list[int], dict[str, str]]]


def parse_osm(path: Path) -> Osm:
    root = ET.parse(path).getroot()
    b = root.find("bounds")
    if b is None:
        raise ValueError(f"{path}: no <bounds> element")
    lo = (float(b.get("minlon", "")), float(b.get("minlat", "")))
    hi = (float(b.get("maxlon", "")), float(b.get("maxlat", "")))
    nodes: dict[int, tuple[float, float]] = {}
    node_tags: dict[int, dict[str, str]] = {}
    for n in root.iter("node"):
        nid = int(n.get("id", "0"))
        nodes[nid] = (float(n.get("lon", "")), float(n.get("lat", "")))
        tags = {t.get("k", ""): t.get("v", "") for t in n.findall("tag")}
        if tags:
            node_tags[nid] = tags
    ways = []
    for w in root.iter("way"):
        refs = [int(r.get("ref", "0")) for r in w.findall("nd")]
        tags = {t.get("k", ""): t.get("v", "") for t in w.findall("tag")}
        if all(r in nodes for r in refs):
            ways.append((int(w.get("id", "0")), refs, tags))
    ways.sort(key=lambda w: w[0])
    return Osm((*lo, *hi), nodes, node_tags, ways)


class Frame:
    """Equirectangular metres around the extract's centre: accurate to well under 0.1 % over a few km."""

    def __init__(self, bounds: tuple[float, float, float, float]) -> None:
        self.bounds = bounds
        self.lon0 = (bounds[0] + bounds[2]) / 2
        self.lat0 = (bounds[1] + bounds[3]) / 2
        self.kx = 111_320.0 * math.cos(math.radians(self.lat0))
        self.ky = 110_574.0

    def box_m(self) -> Polygon:
        """The extract's bounds in metres."""
        return self.to_m(box(*self.bounds))

    def to_m(self, g: BaseGeometry) -> BaseGeometry:
        return shapely.transform(g, self._fwd)

    def to_deg(self, g: BaseGeometry) -> BaseGeometry:
        """Back to lon/lat, snapped to 7 decimals (≈1 cm) so the written files are stable and small."""
        return shapely.set_precision(shapely.transform(g, self._inv), 1e-7)

    def _fwd(self, c: NDArray[np.float64]) -> NDArray[np.float64]:
        return (c - [self.lon0, self.lat0]) * [self.kx, self.ky]

    def _inv(self, c: NDArray[np.float64]) -> NDArray[np.float64]:
        return c / [self.kx, self.ky] + [self.lon0, self.lat0]


@dataclass(slots=True)
class OsmBuilding:
    osm_id: int
    tags: dict[str, str]
    poly: Polygon
    """Footprint in metres."""


@dataclass(slots=True)
class CompoundGeom:
    name: str
    kind: str
    """residential, university, school, ... or `open` for a proximity group of loose buildings."""
    osm_id: int | None
    boundary: Polygon
    """In metres."""
    buildings: list[OsmBuilding] = field(default_factory=list)


@dataclass(slots=True)
class GateGeom:
    compound: int
    """Index into the compound list."""
    point: Point
    """In metres."""
    vehicle: bool
    osm_id: int | None


@dataclass(slots=True)
class RoadGeom:
    osm_id: int
    part: int
    kind: str
    oneway: bool
    name: str
    line: LineString
    """In metres."""


def _polygon(osm: Osm, refs: list[int]) -> Polygon | None:
    if len(refs) < 4 or refs[0] != refs[-1]:
        return None
    poly = Polygon([osm.nodes[r] for r in refs])
    return poly if poly.is_valid and poly.area > 0 else None


def _largest(g: BaseGeometry) -> Polygon | None:
    polys = [p for p in getattr(g, "geoms", [g]) if isinstance(p, Polygon) and not p.is_empty]
    return max(polys, key=lambda p: p.area) if polys else None


def read_buildings(osm: Osm, frame: Frame) -> list[OsmBuilding]:
    """Building ways that lie wholly inside the extract (ways crossing its edge are only partly surveyed)."""
    bbox = box(*osm.bounds)
    out = []
    for wid, refs, tags in osm.ways:
        if "building" not in tags or (poly := _polygon(osm, refs)) is None or not bbox.contains(poly):
            continue
        out.append(OsmBuilding(wid, tags, frame.to_m(poly)))
    return out


def _area_candidates(osm: Osm, frame: Frame) -> list[CompoundGeom]:
    bbox = box(*osm.bounds)
    out = []
    for wid, refs, tags in osm.ways:
        kind = next((v for k, v in sorted(AREA_TAGS) if tags.get(k) == v and "building" not in tags), None)
        if kind is None or (poly := _polygon(osm, refs)) is None:
            continue
        clipped = _largest(poly.intersection(bbox))
        if clipped is not None:
            out.append(CompoundGeom(tags.get("name", ""), kind, wid, frame.to_m(clipped)))
    return sorted(out, key=lambda c: (c.boundary.area, c.osm_id or 0))


def derive_compounds(osm: Osm, frame: Frame, buildings: list[OsmBuilding]) -> list[CompoundGeom]:
    """Each building joins the smallest OSM area holding it; areas nest, so bigger ones get holes."""
    areas = _area_candidates(osm, frame)
    loose: list[OsmBuilding] = []
    for b in buildings:
        rp = b.poly.representative_point()
        home = next((a for a in areas if a.boundary.contains(rp)), None)
        (home.buildings if home else loose).append(b)
    kept: list[CompoundGeom] = []
    for a in areas:  # smallest first, so every inner compound is final before its container is cut
        if not a.buildings:
            continue
        taken = shapely.union_all([k.boundary for k in kept]) if kept else Polygon()
        part = _largest(a.boundary.difference(taken))
        if part is None:
            loose.extend(a.buildings)
            continue
        a.boundary = part
        inside = [b for b in a.buildings if part.contains(b.poly.representative_point())]
        loose.extend(b for b in a.buildings if b not in inside)
        if inside:
            a.buildings = inside
            kept.append(a)
    kept.extend(_open_compounds(osm, frame, loose, kept))
    kept.sort(key=lambda c: (-round(c.boundary.centroid.y, -1), round(c.boundary.centroid.x, -1)))
    _name_unnamed(kept)
    return kept


def _open_compounds(
    osm: Osm, frame: Frame, loose: list[OsmBuilding], kept: list[CompoundGeom]
) -> list[CompoundGeom]:
    """Loose buildings within ~70 m of each other form an open compound with a 10 m margin around them."""
    if not loose:
        return []
    taken = shapely.union_all([k.boundary for k in kept])
    bbox_m = frame.to_m(box(*osm.bounds))
    blobs = shapely.union_all([b.poly.buffer(35) for b in loose])
    out = []
    for blob in sorted(getattr(blobs, "geoms", [blobs]), key=lambda g: (g.bounds[1], g.bounds[0])):
        region = blob.buffer(-25).difference(taken).intersection(bbox_m)
        for part in getattr(region, "geoms", [region]):
            if not isinstance(part, Polygon) or part.is_empty:
                continue
            members = [b for b in loose if part.contains(b.poly.representative_point())]
            if members:
                out.append(CompoundGeom("", "open", None, part, members))
    return out


OPEN_AREA_NAMES = (
    "东王庄片区", "双清路南片区", "月泉路片区", "学清路西片区", "清华东路北片区", "荷清路片区",
    "林业大学东片区", "石油大院片区", "志新东路片区", "王庄路片区", "成府路北片区", "八家片区",
)  # fmt: skip
"""Names for the buildings outside any mapped area, as a district writes its unwalled 片区: after the road or
the old village they lie along (plausible, fixed; none ends in a digit, so "…片区3号楼" reads apart)."""
COMPOUND_NAMES = (
    "月华家园", "清源小区", "荷清苑", "学知园", "东升嘉园", "双清雅苑", "林苑小区", "石科家园",
)  # fmt: skip
"""Names for mapped residential or commercial areas whose OSM name is missing or not Chinese."""
LATIN = re.compile(r"[A-Za-z]")


def _name_unnamed(compounds: list[CompoundGeom]) -> None:
    """Give every area a Chinese name a station would write: unnamed or Latin-lettered OSM names are
    replaced from the fixed lists above, in the areas' order (deterministic)."""
    used = {c.name for c in compounds if c.name and not LATIN.search(c.name)}
    open_names = iter(n for n in OPEN_AREA_NAMES if n not in used)
    other_names = iter(n for n in COMPOUND_NAMES if n not in used)
    for c in compounds:
        if c.name and not LATIN.search(c.name):
            continue
        c.name = next(open_names) if c.kind == "open" else next(other_names)


def read_roads(osm: Osm, frame: Frame) -> list[RoadGeom]:
    """Highway ways clipped to the extract; a way the edge cuts in pieces keeps one id per piece."""
    bbox = box(*osm.bounds)
    out = []
    for wid, refs, tags in osm.ways:
        kind = tags.get("highway")
        if not kind or kind in SKIP_HIGHWAYS or len(refs) < 2:
            continue
        coords = [osm.nodes[r] for r in refs]
        one = tags.get("oneway", "")
        if one == "-1":
            coords.reverse()
        oneway = one in {"yes", "true", "1", "-1"} or tags.get("junction") == "roundabout"
        oneway = oneway or kind in {"motorway", "motorway_link"}
        clipped = LineString(coords).intersection(bbox)
        parts = [p for p in getattr(clipped, "geoms", [clipped]) if isinstance(p, LineString)]
        for i, p in enumerate(q for q in parts if frame.to_m(q).length >= 1.0):
            out.append(RoadGeom(wid, i, kind, oneway, tags.get("name", ""), frame.to_m(p)))
    return out


def derive_gates(
    osm: Osm, frame: Frame, compounds: list[CompoundGeom], roads: list[RoadGeom]
) -> list[GateGeom]:
    """Gates where paths cross a compound's fence; OSM gate nodes near the fence win over plain crossings."""
    edge = frame.to_m(box(*osm.bounds)).exterior
    gate_nodes = sorted(
        (nid, frame.to_m(Point(osm.nodes[nid])), tags.get("barrier") == "lift_gate")
        for nid, tags in osm.node_tags.items()
        if tags.get("barrier") in GATE_BARRIERS
    )
    out: list[GateGeom] = []
    for ci, c in enumerate(compounds):
        fence = c.boundary.exterior
        cands: list[tuple[int, float, float, GateGeom]] = []
        for nid, pt, lift in gate_nodes:
            if fence.distance(pt) <= 30:
                cands.append((0, pt.x, pt.y, GateGeom(ci, pt, lift or _on_vehicle_road(pt, roads), nid)))
        for r in roads:
            if r.kind in MAJOR_HIGHWAYS or r.kind.startswith("motorway"):
                continue
            hit = r.line.intersection(fence)
            for pt in getattr(hit, "geoms", [hit]):
                if isinstance(pt, Point) and not pt.is_empty and edge.distance(pt) > 5:
                    vehicle = r.kind not in FOOT_HIGHWAYS
                    cands.append((1 if vehicle else 2, pt.x, pt.y, GateGeom(ci, pt, vehicle, None)))
        cands.sort(key=lambda t: (t[0], round(t[1], 2), round(t[2], 2)))
        chosen = _spread([t[3] for t in cands], 4 if c.boundary.area > 100_000 else 3)
        out.extend(chosen or [_fallback_gate(ci, c, roads, edge)])
    return out


def _on_vehicle_road(pt: Point, roads: list[RoadGeom]) -> bool:
    near = [r for r in roads if r.line.distance(pt) < 3]
    return any(r.kind not in FOOT_HIGHWAYS for r in near)


def _spread(cands: list[GateGeom], limit: int) -> list[GateGeom]:
    chosen: list[GateGeom] = []
    for g in cands:
        if len(chosen) < limit and all(g.point.distance(o.point) >= 40 for o in chosen):
            chosen.append(g)
    return chosen


def _fallback_gate(ci: int, c: CompoundGeom, roads: list[RoadGeom], edge: LinearRing) -> GateGeom:
    """No path crosses the fence: the gate goes where the fence (not the extract's cut) is nearest a path."""
    fence = c.boundary.exterior
    inner = fence.difference(edge.buffer(5))
    fence = inner if not inner.is_empty else fence
    usable = [r for r in roads if not r.kind.startswith("motorway")] or roads
    road = min(usable, key=lambda r: (round(r.line.distance(fence), 3), r.osm_id, r.part))
    pt = nearest_points(fence, road.line)[0]
    return GateGeom(ci, pt, road.kind not in FOOT_HIGHWAYS, None)


def gate_direction(compound: Polygon, pt: Point) -> str:
    """北/东/南/西 by the bearing from the compound's centre, as gates are named in Chinese compounds."""
    c = compound.centroid
    ang = math.degrees(math.atan2(pt.y - c.y, pt.x - c.x)) % 360
    return "东北西南"[int(((ang + 45) % 360) // 90)]


WATER_TAGS = {
    ("natural", "water"),
    ("waterway", "riverbank"),
    ("landuse", "reservoir"),
    ("landuse", "basin"),
}
GREEN_TAGS = {
    ("landuse", "grass"),
    ("landuse", "forest"),
    ("landuse", "meadow"),
    ("landuse", "park"),
    ("landuse", "recreation_ground"),
    ("landuse", "village_green"),
    ("leisure", "park"),
    ("leisure", "garden"),
    ("natural", "wood"),
    ("natural", "scrub"),
    ("natural", "grassland"),
}
"""OSM tags of the basemap's 水域 and 绿地 (`areas` layer); `landuse=greenfield` is land to be built on, not
green, and pitches are not parks."""
MIN_AREA_M2 = 20.0
"""Pieces the extract's edge cuts smaller than this are dropped (slivers along the cut)."""


@dataclass(slots=True)
class AreaGeom:
    osm_id: int
    part: int
    kind: str
    """water or green."""
    tag: str
    """The OSM tag it came from, e.g. `leisure=park`."""
    name: str
    poly: Polygon
    """In metres."""


def read_areas(osm: Osm, frame: Frame) -> list[AreaGeom]:
    """Closed water and green ways clipped to the extract, one feature per piece the edge leaves; water first
    when a way carries both kinds of tag. Multipolygon relations are not read (this extract has none)."""
    bbox = box(*osm.bounds)
    out = []
    for wid, refs, tags in osm.ways:
        tag = next((f"{k}={v}" for k, v in sorted(WATER_TAGS) if tags.get(k) == v), None)
        kind = "water"
        if tag is None:
            tag = next((f"{k}={v}" for k, v in sorted(GREEN_TAGS) if tags.get(k) == v), None)
            kind = "green"
        if tag is None or "building" in tags or (poly := _polygon(osm, refs)) is None:
            continue
        clipped = poly.intersection(bbox)
        parts = [p for p in getattr(clipped, "geoms", [clipped]) if isinstance(p, Polygon)]
        metric = [frame.to_m(p) for p in parts]
        for i, p in enumerate(m for m in metric if m.area >= MIN_AREA_M2):
            out.append(AreaGeom(wid, i, kind, tag, tags.get("name", ""), p))
    return out
