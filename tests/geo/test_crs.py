"""Coordinate conversions against the published vectors in ../shared/data/coord_transform."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pytest
import shapely

from sandbox_app.domain.enums import Crs
from sandbox_app.geo import crs

# gcoord's Jest `toBeCloseTo(x, 4)`: |diff| < 0.5e-4 (SOURCES.md).
GCOORD_TOL = 0.5e-4


def _cities(shared_data: Path) -> list[dict[str, Any]]:
    path = shared_data / "coord_transform" / "gcoord_china-cities.json"
    cities: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return cities


def _columns(cities: list[dict[str, Any]], key: str) -> tuple[np.ndarray, np.ndarray]:
    pts = np.array([c["coords"][key] for c in cities], dtype=np.float64)
    return pts[:, 0], pts[:, 1]


def _evil_rows(shared_data: Path) -> list[dict[str, str]]:
    with (shared_data / "coord_transform" / "eviltransform_vectors.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_gcoord_has_all_664_cities(shared_data: Path) -> None:
    assert len(_cities(shared_data)) == 664


@pytest.mark.parametrize(
    ("src", "dst", "fn"),
    [
        ("WGS84", "GCJ02", crs.wgs84_to_gcj02),
        ("GCJ02", "WGS84", crs.gcj02_to_wgs84),
        ("WGS84", "BD09", crs.wgs84_to_bd09),
        ("BD09", "WGS84", crs.bd09_to_wgs84),
    ],
)
def test_gcoord_cities_vectorised(shared_data: Path, src: str, dst: str, fn: Any) -> None:
    cities = _cities(shared_data)
    lon, lat = _columns(cities, src)
    want_lon, want_lat = _columns(cities, dst)
    got_lon, got_lat = fn(lon, lat)
    assert got_lon.shape == (664,)
    err = np.maximum(np.abs(got_lon - want_lon), np.abs(got_lat - want_lat))
    worst = int(np.argmax(err))
    assert err[worst] < GCOORD_TOL, cities[worst]["attrs"]


def test_gcoord_gcj02_bd09_at_five_places(shared_data: Path) -> None:
    cities = _cities(shared_data)
    lon, lat = _columns(cities, "GCJ02")
    blon, blat = _columns(cities, "BD09")
    got = crs.gcj02_to_bd09(lon, lat)
    assert np.max(np.abs(got[0] - blon)) < 0.5e-5
    assert np.max(np.abs(got[1] - blat)) < 0.5e-5
    back = crs.bd09_to_gcj02(blon, blat)
    assert np.max(np.abs(back[0] - lon)) < 0.5e-5
    assert np.max(np.abs(back[1] - lat)) < 0.5e-5


def test_scalar_matches_vector(shared_data: Path) -> None:
    city = _cities(shared_data)[0]["coords"]
    lon, lat = crs.wgs84_to_gcj02(*city["WGS84"])
    assert isinstance(lon, float)
    assert isinstance(lat, float)
    vlon, vlat = crs.wgs84_to_gcj02(np.array([city["WGS84"][0]]), np.array([city["WGS84"][1]]))
    assert lon == vlon[0]
    assert lat == vlat[0]


def test_eviltransform_wgs_to_gcj(shared_data: Path) -> None:
    rows = [r for r in _evil_rows(shared_data) if r["kind"] == "wgs84_gcj02"]
    assert len(rows) == 6
    for r in rows:
        lon, lat = crs.wgs84_to_gcj02(float(r["src_lng"]), float(r["src_lat"]))
        # go: equal at 5 dp; python: 6 dp; matlab: 1e-6 abs. The strictest is 1e-6.
        assert lon == pytest.approx(float(r["dst_lng"]), abs=1e-6), r["note"]
        assert lat == pytest.approx(float(r["dst_lat"]), abs=1e-6), r["note"]


def _metres(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    dy = (lat2 - lat1) * 111_320.0
    dx = (lon2 - lon1) * 111_320.0 * math.cos(math.radians(lat1))
    return math.hypot(dx, dy)


def test_eviltransform_gcj_to_wgs_exact(shared_data: Path) -> None:
    for r in _evil_rows(shared_data):
        if r["kind"] != "wgs84_gcj02":
            continue
        lon, lat = crs.gcj02_to_wgs84(float(r["dst_lng"]), float(r["dst_lat"]))
        # eviltransform's gcj2wgs_exact must be within 0.5 m; ours is iterative, so demand far better.
        assert _metres(lon, lat, float(r["src_lng"]), float(r["src_lat"])) < 0.01, r["note"]


def test_outside_china_is_identity(shared_data: Path) -> None:
    rows = [r for r in _evil_rows(shared_data) if "outside China" in r["note"]]
    assert len(rows) == 3
    for r in rows:
        lon, lat = float(r["src_lng"]), float(r["src_lat"])
        for fn in (crs.wgs84_to_gcj02, crs.gcj02_to_wgs84):
            got = fn(lon, lat)
            assert got[0] == pytest.approx(float(r["dst_lng"]), abs=1e-6)
            assert got[1] == pytest.approx(float(r["dst_lat"]), abs=1e-6)


def test_eviltransform_bd_vectors_are_its_pi_variant(shared_data: Path) -> None:
    """eviltransform's two BD-09 vectors were made by its old `bd2gcj`, which used `sin(y·π)` where Baidu
    (and gcoord's 664 cities above) use `sin(y·π·3000/180)`, then its one-step approximate gcj2wgs. They
    are therefore not BD-09 references to ~1e-6; we check our Baidu-exact answer lands in the same street
    (< 50 m) and that the discrepancy is the π variant's, not ours: swapping in `π` reproduces them."""
    rows = [r for r in _evil_rows(shared_data) if r["kind"] == "bd09_wgs84"]
    assert len(rows) == 2
    for r in rows:
        blon, blat = float(r["src_lng"]), float(r["src_lat"])
        want_lon, want_lat = float(r["dst_lng"]), float(r["dst_lat"])
        lon, lat = crs.bd09_to_wgs84(blon, blat)
        assert 1.0 < _metres(lon, lat, want_lon, want_lat) < 50.0
        x, y = blon - 0.0065, blat - 0.006
        z = math.hypot(x, y) - 0.00002 * math.sin(y * math.pi)
        theta = math.atan2(y, x) - 0.000003 * math.cos(x * math.pi)
        plon, plat = crs.gcj02_to_wgs84(z * math.cos(theta), z * math.sin(theta))
        # Left over: eviltransform's approximate gcj2wgs (python asserts only < 5 m for it).
        assert _metres(plon, plat, want_lon, want_lat) < 5.0


def test_round_trips_are_exact() -> None:
    rng = np.random.default_rng(7)
    lon = rng.uniform(73.0, 135.0, 2000)
    lat = rng.uniform(18.0, 53.0, 2000)
    for c in (Crs.GCJ02, Crs.BD09):
        back = crs.to_wgs84(*crs.from_wgs84(lon, lat, c), c)
        assert np.max(np.abs(back[0] - lon)) < 1e-8
        assert np.max(np.abs(back[1] - lat)) < 1e-8


@pytest.mark.parametrize("c", [Crs.WGS84, Crs.CGCS2000])
def test_wgs84_and_cgcs2000_are_identity(c: Crs) -> None:
    assert crs.to_wgs84(121.5, 31.2, c) == (121.5, 31.2)


def test_to_wgs84_dispatches(shared_data: Path) -> None:
    city = _cities(shared_data)[5]["coords"]
    for key, c in (("GCJ02", Crs.GCJ02), ("BD09", Crs.BD09)):
        src_lon, src_lat = city[key]
        lon, lat = crs.to_wgs84(float(src_lon), float(src_lat), c)
        assert lon == pytest.approx(city["WGS84"][0], abs=GCOORD_TOL)
        assert lat == pytest.approx(city["WGS84"][1], abs=GCOORD_TOL)


def test_geometries_to_wgs84(shared_data: Path) -> None:
    city = _cities(shared_data)[3]["coords"]
    glon, glat = city["GCJ02"]
    square = shapely.box(glon, glat, glon + 0.001, glat + 0.001)
    point3d = shapely.Point(glon, glat, 12.0)
    geoms = np.array([square, None, point3d], dtype=object)
    out = crs.geometries_to_wgs84(geoms, Crs.GCJ02)
    assert out[1] is None
    assert not shapely.has_z(out[2])
    assert out[2].x == pytest.approx(city["WGS84"][0], abs=GCOORD_TOL)
    assert out[2].y == pytest.approx(city["WGS84"][1], abs=GCOORD_TOL)
    assert out[0].geom_type == "Polygon"
    # The box's lower-left corner was the city's GCJ-02 point.
    assert out[0].bounds[0] == pytest.approx(city["WGS84"][0], abs=GCOORD_TOL)
    assert out[0].bounds[1] == pytest.approx(city["WGS84"][1], abs=GCOORD_TOL)
    same = crs.geometries_to_wgs84(geoms, Crs.WGS84)
    assert same[0].equals(square)


def test_frame_to_wgs84_converts_active_geometry(shared_data: Path) -> None:
    city = _cities(shared_data)[9]["coords"]
    frame = gpd.GeoDataFrame(
        {"id": ["A"], "shape": [shapely.Point(*city["BD09"])]}, geometry="shape", crs="EPSG:4326"
    )
    out = crs.frame_to_wgs84(frame, Crs.BD09)
    assert out.geometry.name == "shape"
    assert list(out["id"]) == ["A"]
    assert out.crs.to_epsg() == 4326
    assert out.geometry.iloc[0].x == pytest.approx(city["WGS84"][0], abs=GCOORD_TOL)
    assert out.geometry.iloc[0].y == pytest.approx(city["WGS84"][1], abs=GCOORD_TOL)
    assert frame.geometry.iloc[0].x == city["BD09"][0]
