"""Build the demo district package (`resources/demo/`) from the real OSM extract in `../shared/data/osm/`.

Run `python -m tools.build_demo [--osm FILE] [--out DIR]`. Buildings, paths and compound outlines are
OpenStreetMap data (© OpenStreetMap contributors, ODbL 1.0); everything about people and devices is
synthetic. The output is byte-for-byte reproducible: a fixed seed, fixed orders, 7-decimal coordinates.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from shapely import unary_union
from shapely.geometry import LineString, Point, Polygon, box, mapping
from shapely.geometry.base import BaseGeometry

from tools.demo_devices import make_devices
from tools.demo_osm import (
    LATIN,
    AreaGeom,
    CompoundGeom,
    Frame,
    GateGeom,
    Osm,
    RoadGeom,
    derive_compounds,
    derive_gates,
    gate_direction,
    parse_osm,
    read_areas,
    read_buildings,
    read_roads,
)
from tools.demo_reals import add_room_columns, building_columns, compound_addresses
from tools.demo_synth import (
    LonLat,
    Row,
    SiteBuilding,
    SiteCompound,
    SiteGate,
    make_guards,
    make_people,
    make_rooms,
)

SEED = 20261123
OSM_FILE = "beijing_haidian_qinghua-east-rd.osm"
REPO = Path(__file__).resolve().parent.parent
DEFAULT_OSM = REPO.parent / "shared" / "data" / "osm" / OSM_FILE
DEFAULT_OUT = REPO / "resources" / "demo"
MAX_ROOMS = 6000
GENERATED = (
    "manifest.json",
    "compounds.geojson",
    "buildings.geojson",
    "roads.geojson",
    "gates.geojson",
    "rooms.csv",
    "people.csv",
    "devices.csv",
    "guards.csv",
    "grids.geojson",
    "areas.geojson",
)
GRIDS = 3
"""The demo's grid areas (网格): the compounds west to east in this many groups, one grid worker each."""
HOUSE = {"house", "detached", "villa", "semidetached_house", "bungalow"}
RESIDENTIAL = {"residential", "apartments", "dormitory"}
COMMERCIAL = {"commercial", "retail", "office", "supermarket", "hotel"}


def build(osm_path: Path = DEFAULT_OSM, out: Path = DEFAULT_OUT, seed: int = SEED) -> dict[str, int]:
    """Write the package's generated files into `out`; returns row counts per file stem."""
    osm = parse_osm(osm_path)
    frame = Frame(osm.bounds)
    geoms = derive_compounds(osm, frame, read_buildings(osm, frame))
    roads = read_roads(osm, frame)
    gates = derive_gates(osm, frame, geoms, roads)
    rng = random.Random(seed)
    compounds, buildings = _sites(geoms, frame)
    site_gates = _gates(gates, geoms, compounds, frame)
    rooms = make_rooms(buildings, rng)
    if len(rooms) > MAX_ROOMS:
        raise ValueError(f"{len(rooms)} rooms exceed the demo's cap of {MAX_ROOMS}")
    pop = make_people(rooms, rng)
    guards = make_guards(compounds)
    devices = make_devices(site_gates, compounds, buildings, pop, guards, rng)
    addresses = compound_addresses(geoms, compounds, roads)
    by_id = {c.id: c for c in compounds}
    reals = {b.id: building_columns(b, addresses, by_id) for b in buildings}
    add_room_columns(rooms, reals)  # after every draw from rng: people and devices do not change
    out.mkdir(parents=True, exist_ok=True)
    _write_manifest(out, osm, osm_path)
    _write_geojson(out / "compounds.geojson", _compound_features(geoms, compounds, frame))
    _write_geojson(out / "buildings.geojson", _building_features(geoms, buildings, frame, reals))
    _write_geojson(out / "roads.geojson", _road_features(roads, frame))
    gate_features = [(_gate_props(g, sg), Point(sg.at)) for g, sg in zip(gates, site_gates, strict=True)]
    _write_geojson(out / "gates.geojson", gate_features)
    for stem, rows in (("rooms", rooms), ("people", pop.people), ("devices", devices), ("guards", guards)):
        _write_csv(out / f"{stem}.csv", rows)
    _write_geojson(out / "grids.geojson", _grid_features(geoms, compounds, guards, frame))
    areas = read_areas(osm, frame)
    _write_geojson(out / "areas.geojson", _area_features(areas, frame))
    return {
        "compounds": len(compounds),
        "buildings": len(buildings),
        "roads": len(roads),
        "gates": len(gates),
        "rooms": len(rooms),
        "people": len(pop.people),
        "devices": len(devices),
        "guards": len(guards),
        "areas": len(areas),
    }


def _category(tag: str, compound_kind: str) -> str:
    if tag in HOUSE:
        return "house"
    if tag in RESIDENTIAL:
        return "residential"
    if tag in COMMERCIAL or (tag == "yes" and compound_kind in {"commercial", "retail"}):
        return "commercial"
    return "residential" if tag == "yes" and compound_kind in {"residential", "open"} else "public"


def _number(text: str | None) -> float | None:
    try:
        value = float((text or "").replace("m", "").strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and value > 0 else None


def _long_side(poly: Polygon) -> tuple[Point, Point]:
    """The southern of the footprint's two long sides: entrances and balconies face south in Beijing."""
    ring = list(poly.minimum_rotated_rectangle.exterior.coords)[:4]
    sides = [(Point(ring[i]), Point(ring[(i + 1) % 4])) for i in range(4)]
    sides.sort(key=lambda s: (-round(s[0].distance(s[1]), 3), round(s[0].y + s[1].y, 3)))
    return sides[0] if sides[0][0].y + sides[0][1].y <= sides[1][0].y + sides[1][1].y else sides[1]


def _site_building(bid: str, name: str, cid: str, c: CompoundGeom, k: int, frame: Frame) -> SiteBuilding:
    b = c.buildings[k]
    category = _category(b.tags.get("building", "yes"), c.kind)
    area = b.poly.area
    levels = _number(b.tags.get("building:levels"))
    small = area < 60
    floors = int(levels) if levels else (1 if small else 3 if category == "house" else 6)
    a, z = _long_side(b.poly)
    length = a.distance(z)
    if category == "house":
        entrances, per_floor = 1, 1
    elif category == "residential":
        entrances = max(1, min(3, round(length / 30)))
        per_floor = max(2, min(4, round(area / entrances / 130)))
    else:
        entrances, per_floor = (1 if length < 60 else 2), max(1, min(3, round(area / 800)))
    doors = [
        _lonlat(LineString([a, z]).interpolate((e + 0.5) / entrances, normalized=True), frame)
        for e in range(entrances)
    ]
    mid = LineString([a, z]).interpolate(0.5, normalized=True)
    out_x, out_y = mid.x - b.poly.centroid.x, mid.y - b.poly.centroid.y
    norm = math.hypot(out_x, out_y) or 1.0
    facade = Point(mid.x + 12 * out_x / norm, mid.y + 12 * out_y / norm)
    facade = facade if frame.box_m().covers(facade) else mid  # never outside the surveyed area
    return SiteBuilding(
        bid,
        name,
        cid,
        category,
        floors,
        entrances,
        0 if small else per_floor,
        c.kind == "open",
        _lonlat(b.poly.centroid, frame),
        doors,
        _lonlat(facade, frame),
    )


def _building_name(osm_name: str, compound: str, number: int) -> str:
    """The OSM name when it is Chinese, else "<compound><n>号楼" ("Building 41" would read "Building 412单元"
    on its entrance devices); a compound name ending in a digit gets a "·" so the numbers stay apart."""
    if osm_name and not LATIN.search(osm_name):
        return osm_name
    joint = "·" if compound[-1:].isdigit() else ""
    return f"{compound}{joint}{number}号楼"


def _lonlat(pt: Point, frame: Frame) -> LonLat:
    g = frame.to_deg(pt)
    return (round(g.x, 7), round(g.y, 7))


def _sites(geoms: list[CompoundGeom], frame: Frame) -> tuple[list[SiteCompound], list[SiteBuilding]]:
    """Ids follow the compounds' north-to-south order and, inside one, the buildings' order."""
    compounds: list[SiteCompound] = []
    buildings: list[SiteBuilding] = []
    edge = frame.box_m().exterior
    for ci, c in enumerate(geoms, start=1):
        cid = f"C{ci:02d}"
        c.buildings.sort(
            key=lambda b: (-round(b.poly.centroid.y, -1), round(b.poly.centroid.x, -1), b.osm_id)
        )
        for k in range(len(c.buildings)):
            name = _building_name(c.buildings[k].tags.get("name", ""), c.name, k + 1)
            buildings.append(_site_building(f"B{len(buildings) + 1:04d}", name, cid, c, k, frame))
        fence = c.boundary.exterior
        n = max(1, min(12, round(fence.length / 80)))
        along = [fence.interpolate(i / n, normalized=True) for i in range(n)]
        points = [_lonlat(p, frame) for p in along if edge.distance(p) > 5]  # not on the extract's cut
        compounds.append(
            SiteCompound(cid, c.name, c.kind, points, _lonlat(c.boundary.representative_point(), frame))
        )
    return compounds, buildings


def _gates(
    gates: list[GateGeom], geoms: list[CompoundGeom], compounds: list[SiteCompound], frame: Frame
) -> list[SiteGate]:
    """The first vehicle gate of a compound is its main gate (always open); side gates close at night."""
    out: list[SiteGate] = []
    seen: dict[str, int] = {}
    for g in gates:
        c, geom = compounds[g.compound], geoms[g.compound]
        side = gate_direction(geom.boundary, g.point)
        seen[c.id + side] = seen.get(c.id + side, 0) + 1
        nth = "" if seen[c.id + side] == 1 else "二三四五"[seen[c.id + side] - 2]
        mine = [x for x in gates if x.compound == g.compound]
        main = g is next((x for x in mine if x.vehicle), mine[0])
        out.append(
            SiteGate(
                f"GT{len(out) + 1:03d}",
                f"{c.name}{side}{nth}门",
                c.id,
                _lonlat(g.point, frame),
                g.vehicle,
                main,
            )
        )
    return out


def _gate_props(g: GateGeom, sg: SiteGate) -> Row:
    hours = "" if sg.main else ("22-6" if sg.vehicle else "23-6")
    return {
        "id": sg.id,
        "name": sg.name,
        "compound_id": sg.compound_id,
        "closed_hours": hours,
        "main": sg.main,
        "vehicle": sg.vehicle,
        "osm_id": g.osm_id,
    }


def _compound_features(
    geoms: list[CompoundGeom], sites: list[SiteCompound], frame: Frame
) -> list[tuple[Row, BaseGeometry]]:
    return [
        ({"id": s.id, "name": s.name, "kind": s.kind, "osm_id": g.osm_id}, frame.to_deg(g.boundary))
        for g, s in zip(geoms, sites, strict=True)
    ]


def _grid_features(
    geoms: list[CompoundGeom], sites: list[SiteCompound], guards: list[Row], frame: Frame
) -> list[tuple[Row, BaseGeometry]]:
    """网格: the compounds sorted west to east in `GRIDS` groups; the grids are strips of the whole area
    cut halfway between neighbouring groups (grids do not overlap), each with the next grid worker."""
    shapes = sorted(
        ((frame.to_deg(g.boundary), s) for g, s in zip(geoms, sites, strict=True)),
        key=lambda pair: (pair[0].centroid.x, pair[1].id),
    )
    if not shapes:
        return []
    workers = [str(g["id"]) for g in guards if g["role"] == "grid"]
    west, south, east, north = unary_union([shape for shape, _ in shapes]).bounds
    size = -(-len(shapes) // GRIDS)
    groups = [shapes[n : n + size] for n in range(0, len(shapes), size)]
    cuts = [west - 0.0005]
    for a, b in pairwise(groups):
        cuts.append(round((a[-1][0].centroid.x + b[0][0].centroid.x) / 2, 7))
    cuts.append(east + 0.0005)
    features: list[tuple[Row, BaseGeometry]] = []
    for k in range(len(groups)):
        worker = workers[k % len(workers)] if workers else ""
        props: Row = {"id": f"WG{k + 1:02d}", "name": f"第{k + 1}网格", "worker": worker}
        features.append((props, box(cuts[k], south - 0.0005, cuts[k + 1], north + 0.0005)))
    return features


def _building_features(
    geoms: list[CompoundGeom], sites: list[SiteBuilding], frame: Frame, reals: dict[str, Row]
) -> list[tuple[Row, BaseGeometry]]:
    osm_buildings = [b for c in geoms for b in c.buildings]
    out: list[tuple[Row, BaseGeometry]] = []
    for ob, s in zip(osm_buildings, sites, strict=True):
        props: Row = {
            "id": s.id,
            "compound_id": s.compound_id,
            "name": s.name,
            "floors": s.floors,
            "height_m": _number(ob.tags.get("height")),
            "category": s.category,
            "entrances": s.entrances,
            "osm_id": ob.osm_id,
            "osm_building": ob.tags.get("building"),
            **reals[s.id],
        }
        out.append((props, frame.to_deg(ob.poly)))
    return out


def _road_features(roads: list[RoadGeom], frame: Frame) -> list[tuple[Row, BaseGeometry]]:
    out: list[tuple[Row, BaseGeometry]] = []
    for r in roads:
        rid = f"W{r.osm_id}" + (f"-{r.part}" if r.part else "")
        props: Row = {"id": rid, "kind": r.kind, "oneway": r.oneway, "name": r.name, "osm_id": r.osm_id}
        out.append((props, frame.to_deg(r.line)))
    return out


def _area_features(areas: list[AreaGeom], frame: Frame) -> list[tuple[Row, BaseGeometry]]:
    out: list[tuple[Row, BaseGeometry]] = []
    for a in areas:
        aid = f"A{a.osm_id}" + (f"-{a.part}" if a.part else "")
        props: Row = {"id": aid, "kind": a.kind, "name": a.name, "osm_id": a.osm_id, "osm_tag": a.tag}
        out.append((props, frame.to_deg(a.poly)))
    return out


def _round(coords: object) -> object:
    if isinstance(coords, float):
        return round(coords, 7)
    if isinstance(coords, (list, tuple)):
        return [_round(c) for c in coords]
    return coords


def _write_geojson(path: Path, features: list[tuple[Row, BaseGeometry]]) -> None:
    """One feature a line, so a rebuild's diff shows which features changed."""
    lines = []
    for props, geom in features:
        g = mapping(geom)
        feature = {
            "type": "Feature",
            "properties": props,
            "geometry": {"type": g["type"], "coordinates": _round(g["coordinates"])},
        }
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")


def _write_csv(path: Path, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def _write_manifest(out: Path, osm: Osm, osm_path: Path) -> None:
    manifest = {
        "name": "清华东路演示辖区",
        "crs": "wgs84",
        "timezone": "Asia/Shanghai",
        "bounds": list(osm.bounds),
        "source": f"OpenStreetMap extract {osm_path.name}",
        "attribution": "© OpenStreetMap contributors, ODbL 1.0; people and devices are synthetic",
        "generator": "python -m tools.build_demo",
        "seed": SEED,
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (out / "manifest.json").write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--osm", type=Path, default=DEFAULT_OSM, help="OSM XML extract")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="package folder to write")
    args = parser.parse_args(argv)
    counts = build(args.osm, args.out)
    print(json.dumps(counts, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
