"""The package's `areas` layer (issue 18): water and green polygons import with their kind and name; a bad
kind or a bad outline fails the whole import with a problem naming the feature, like every other layer."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from sandbox_app.data.package import load_package
from tests.data.test_package import LAT, LON, Layers, _box, base_layers, load_problems, write_package


def _areas(kinds: list[str], geoms: list[shapely.Geometry] | None = None) -> gpd.GeoDataFrame:
    n = len(kinds)
    return gpd.GeoDataFrame(
        {
            "id": [f"A{i + 1}" for i in range(n)],
            "kind": kinds,
            "name": ["小月河", None, "畅乐园"][:n],
            "osm_id": [929726058, 609207824, 595098643][:n],
        },
        geometry=geoms or [_box(-0.003, 0.0, 0.002 + 0.0005 * i) for i in range(n)],
        crs="EPSG:4326",
    )


def _with(areas: gpd.GeoDataFrame) -> Layers:
    layers = base_layers()
    layers["areas"] = areas
    return layers


@pytest.mark.parametrize("geo", [".geojson", ".gpkg"])
def test_areas_import_with_kind_name_and_extras(tmp_path: Path, geo: str) -> None:
    d = load_package(write_package(tmp_path / "pkg", _with(_areas(["water", "Green", "green"])), geo=geo))
    assert list(d.areas) == ["A1", "A2", "A3"]
    river, lawn, park = d.areas.values()
    assert (river.kind, river.name, river.extra) == ("water", "小月河", {"osm_id": 929726058})
    assert (lawn.kind, lawn.name) == ("green", "")  # any case; no name is no name
    assert park.name == "畅乐园"
    assert river.boundary.equals_exact(_box(-0.003, 0.0, 0.002), 1e-9)
    assert len(d.compounds) == 2  # the rest of the package is as without areas


def test_a_package_without_areas_has_none(tmp_path: Path) -> None:
    assert load_package(write_package(tmp_path / "pkg")).areas == {}


def test_unknown_kind_names_the_feature_and_nothing_is_imported(tmp_path: Path) -> None:
    problems = load_problems(write_package(tmp_path / "pkg", _with(_areas(["water", "lake", "green"]))))
    assert [str(p) for p in problems] == [
        "areas.geojson:2: kind: unknown kind 'lake'; expected one of: green, water"
    ]


def test_bad_outlines_name_their_features(tmp_path: Path) -> None:
    bowtie = shapely.Polygon([(LON, LAT), (LON + 0.001, LAT + 0.001), (LON + 0.001, LAT), (LON, LAT + 0.001)])
    two_parts = shapely.MultiPolygon([_box(-0.003, 0, 0.001), _box(-0.006, 0, 0.001)])
    line = shapely.LineString([(LON, LAT), (LON + 0.001, LAT)])
    problems = load_problems(
        write_package(tmp_path / "pkg", _with(_areas(["water", "green", "green"], [bowtie, two_parts, line])))
    )
    where = [(p.file, p.row, p.field) for p in problems]
    assert where == [("areas.geojson", r, "geometry") for r in (1, 2, 3)]
    assert problems[0].reason.startswith("invalid geometry: Self-intersection")
    assert problems[1].reason == "geometry is MultiPolygon, expected Polygon"
    assert problems[2].reason == "geometry is LineString, expected Polygon"


def test_missing_kind_column_and_repeated_id(tmp_path: Path) -> None:
    areas = _areas(["water", "green"])
    areas["id"] = ["A1", "A1"]
    problems = load_problems(write_package(tmp_path / "pkg", _with(areas.drop(columns=["kind"]))))
    assert sorted(str(p) for p in problems) == [
        "areas.geojson: kind: required column is missing",
        "areas.geojson:2: id: duplicate id 'A1' (first at row 1)",
    ]
