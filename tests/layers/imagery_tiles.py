"""Imagery tiles made for tests from the OpenStreetMap buildings of the committed demo package: white
ground, buildings filled dark, in the XYZ/Web-Mercator pyramid, either at their true (WGS-84) place or
where an Amap-style (GCJ-02) source would draw them. Written as an XYZ folder, MBTiles or GeoPackage."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import shape

from layers import imagery
from sandbox_app.geo.crs import wgs84_to_gcj02
from tests.support import committed_demo

ZOOM = 18
INK = (40, 40, 160)
"""The buildings' colour in the tiles (RGB): dark blue, unlike anything on the map or the ground."""
ROAD_PX = 8
"""Roads' width in the tiles (~4 m at zoom 18): unlike footprints, the 3D buildings never hide them all."""
SUBPIXEL = 4
"""cv2.fillPoly's fractional bits: vertices placed to 1/16 px."""


def demo_footprints() -> list[shapely.Polygon]:
    """The demo package's building footprints (lon/lat, WGS-84: its manifest says so)."""
    data = json.loads((committed_demo() / "buildings.geojson").read_text(encoding="utf-8"))
    return [shape(f["geometry"]) for f in data["features"]]


def demo_roads() -> list[shapely.LineString]:
    """The demo package's roads (lon/lat, WGS-84)."""
    data = json.loads((committed_demo() / "roads.geojson").read_text(encoding="utf-8"))
    return [shape(f["geometry"]) for f in data["features"]]


def _pixels(lonlat: NDArray[np.float64], scheme: str) -> NDArray[np.float64]:
    lon, lat = lonlat[:, 0], lonlat[:, 1]
    if scheme == "gcj02":
        lon, lat = wgs84_to_gcj02(lon, lat)
    return imagery.lonlat_to_pixel(np.asarray(lon), np.asarray(lat), ZOOM)


def render_tiles(
    footprints: list[shapely.Polygon],
    scheme: str,
    lonlat_box: tuple[float, float, float, float],
    roads: Sequence[shapely.LineString] = (),
) -> dict[tuple[int, int], bytes]:
    """PNG tiles (x, y) covering `lonlat_box` (WGS-84) with the footprints (and roads, `ROAD_PX` wide)
    drawn in INK in `scheme`'s frame."""
    corners = np.array([[lonlat_box[0], lonlat_box[1]], [lonlat_box[2], lonlat_box[3]]])
    px = _pixels(corners, scheme)
    tx0, ty0 = (np.floor(px.min(axis=0) / imagery.TILE_PX) - 1).astype(int)
    tx1, ty1 = (np.floor(px.max(axis=0) / imagery.TILE_PX) + 1).astype(int)
    rings = [_pixels(np.asarray(p.exterior.coords), scheme) for p in footprints]
    lines = [_pixels(np.asarray(r.coords), scheme) for r in roads]
    out: dict[tuple[int, int], bytes] = {}
    for x in range(tx0, tx1 + 1):
        for y in range(ty0, ty1 + 1):
            tile = np.full((imagery.TILE_PX, imagery.TILE_PX, 3), 255, dtype=np.uint8)
            origin = np.array([x, y]) * imagery.TILE_PX
            # A pixel's centre is at +0.5: its polygon coordinates shift by half a pixel into the raster's.
            polys = [np.round((r - origin - 0.5) * (1 << SUBPIXEL)).astype(np.int32) for r in rings]
            cv2.fillPoly(tile, polys, INK[::-1], lineType=cv2.LINE_8, shift=SUBPIXEL)
            paths = [np.round((r - origin - 0.5) * (1 << SUBPIXEL)).astype(np.int32) for r in lines]
            if paths:
                cv2.polylines(tile, paths, False, INK[::-1], ROAD_PX, lineType=cv2.LINE_8, shift=SUBPIXEL)
            ok, png = cv2.imencode(".png", tile)
            assert ok
            out[(x, y)] = png.tobytes()
    return out


def write_xyz(root: Path, tiles: dict[tuple[int, int], bytes]) -> Path:
    for (x, y), png in tiles.items():
        (root / str(ZOOM) / str(x)).mkdir(parents=True, exist_ok=True)
        (root / str(ZOOM) / str(x) / f"{y}.png").write_bytes(png)
    return root


def write_mbtiles(path: Path, tiles: dict[tuple[int, int], bytes]) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT, tile_data BLOB)")
    for (x, y), png in tiles.items():
        db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (ZOOM, x, (1 << ZOOM) - 1 - y, png))
    db.commit()
    db.close()
    return path


def write_gpkg(path: Path, tiles: dict[tuple[int, int], bytes], zoom: int = ZOOM) -> Path:
    """A minimal GeoPackage with one EPSG:3857 tiles table whose matrix starts at the first tile held (as
    GDAL writes a clipped extent), so the reader must place it in the XYZ grid."""
    xs = [x for x, _ in tiles]
    ys = [y for _, y in tiles]
    span = 2 * imagery.WORLD_M / (1 << zoom)
    min_x, max_y = -imagery.WORLD_M + min(xs) * span, imagery.WORLD_M - min(ys) * span
    max_x, min_y = -imagery.WORLD_M + (max(xs) + 1) * span, imagery.WORLD_M - (max(ys) + 1) * span
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1196444487")
    db.executescript(
        """
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
            organization_coordsys_id INTEGER, definition TEXT, description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT,
            description TEXT, last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INT);
        CREATE TABLE gpkg_tile_matrix_set (table_name TEXT PRIMARY KEY, srs_id INT, min_x REAL,
            min_y REAL, max_x REAL, max_y REAL);
        CREATE TABLE gpkg_tile_matrix (table_name TEXT, zoom_level INT, matrix_width INT,
            matrix_height INT, tile_width INT, tile_height INT, pixel_x_size REAL, pixel_y_size REAL);
        CREATE TABLE imagery (id INTEGER PRIMARY KEY, zoom_level INT, tile_column INT, tile_row INT,
            tile_data BLOB);
        """
    )
    db.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 / Pseudo-Mercator', 3857, 'EPSG', 3857, '', '')"
    )
    db.execute(
        "INSERT INTO gpkg_contents VALUES ('imagery', 'tiles', 'imagery', '', '', ?, ?, ?, ?, 3857)",
        (min_x, min_y, max_x, max_y),
    )
    db.execute(
        "INSERT INTO gpkg_tile_matrix_set VALUES ('imagery', 3857, ?, ?, ?, ?)", (min_x, min_y, max_x, max_y)
    )
    w, h = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    px = span / imagery.TILE_PX
    db.execute("INSERT INTO gpkg_tile_matrix VALUES ('imagery', 0, ?, ?, 256, 256, ?, ?)", (w, h, px, px))
    for (x, y), png in tiles.items():
        db.execute(
            "INSERT INTO imagery (zoom_level, tile_column, tile_row, tile_data) VALUES (0, ?, ?, ?)",
            (x - min(xs), y - min(ys), png),
        )
    db.commit()
    db.close()
    return path


def ink(rgb: NDArray[np.uint8]) -> NDArray[np.bool_]:
    """Where an image shows the tiles' building colour (within a little for scaling and blending)."""
    d = np.abs(rgb.astype(np.int16) - np.asarray(INK, dtype=np.int16)).max(axis=-1)
    out: NDArray[np.bool_] = d < 30
    return out
