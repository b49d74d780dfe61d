"""The district map for the phone page: the package's roads, buildings and compounds as one small GeoJSON.

The page draws it on a canvas itself (no map tiles: the station's network may not reach the internet), so
what goes out is only what a guard finds the way with: road lines by kind, building and compound outlines
with their names. Coordinates are WGS-84 rounded to 6 decimals (≈ 0.1 m) and outlines are simplified to
half a metre, which keeps the demo district to a few hundred kilobytes for a phone on a weak signal.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry import LineString, Polygon, mapping
from shapely.geometry.base import BaseGeometry

from sandbox_app.domain.model import District

SIMPLIFY_DEG = 0.000005
"""≈ 0.5 m: invisible at a phone's zoom, halves the vertices of traced outlines."""


def _rounded(geometry: BaseGeometry) -> Any:
    def walk(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(float(v), 6) for v in value[:2]]
            return [walk(v) for v in value]
        return value

    shape = mapping(geometry)
    return {"type": shape["type"], "coordinates": walk(shape["coordinates"])}


def district_geojson(district: District) -> dict[str, Any]:
    """FeatureCollection: `layer` is road / building / compound; roads carry `kind`, outlines `name`;
    `bbox` is the district's extent, so the page can frame it before drawing."""
    features: list[dict[str, Any]] = []
    xs: list[float] = []
    ys: list[float] = []

    def add(layer: str, geometry: BaseGeometry, **props: Any) -> None:
        if geometry.is_empty:
            return
        simple = geometry.simplify(SIMPLIFY_DEG, preserve_topology=True)
        if isinstance(simple, Polygon):
            simple = Polygon(simple.exterior)  # courtyards' holes only cost bytes at this scale
        minx, miny, maxx, maxy = simple.bounds
        xs.extend((minx, maxx))
        ys.extend((miny, maxy))
        features.append(
            {"type": "Feature", "geometry": _rounded(simple), "properties": {"layer": layer, **props}}
        )

    for compound in district.compounds.values():
        add("compound", compound.boundary, name=compound.name)
    for building in district.buildings.values():
        add("building", building.footprint, name=building.name)
    for road in district.roads.values():
        if isinstance(road.line, LineString):
            add("road", road.line, kind=road.kind)
    bbox = [min(xs), min(ys), max(xs), max(ys)] if xs else None
    return {"type": "FeatureCollection", "bbox": bbox, "features": features}
