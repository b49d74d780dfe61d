"""Offline imagery (实景底图) draped on the sandbox: XYZ tile folders, MBTiles or GeoPackage tiles, WGS-84
or GCJ-02 tiling.

Tiles are the usual 256-px Web-Mercator pyramid. Amap-style sources are tiled over GCJ-02 coordinates, so
their pictures sit some hundreds of metres off the district's WGS-84 geometry; `drape` corrects that by
asking, for every output pixel, where its true (WGS-84) position lies in the source's coordinates
(`sandbox_app.geo.crs`) before it samples the tile. The result is one image on the district's local metric
grid (`LocalProjection`), north up, ready to texture the 3D ground (and to lie under the 2D map).

Supported: `scheme` "wgs84" (Web-Mercator tiles of WGS-84 / CGCS2000 imagery, e.g. 天地图 `img_w`) and
"gcj02" (Amap-style). GeoPackage tiles must use an EPSG:3857 tile matrix set aligned with the XYZ grid
(what GDAL and QGIS write for Web-Mercator tiles). Not supported: 天地图's lon/lat (`img_c`) tiling.
Where the tiles are and how they are tiled: `sandbox_app.data.imagery_source` (the manifest's `imagery`).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from layers.projection import LocalProjection
from sandbox_app.data.imagery_source import SCHEMES, ImagerySource
from sandbox_app.geo.crs import wgs84_to_gcj02

__all__ = ["SCHEMES", "ImagerySource"]
TILE_PX = 256
WORLD_M = 20037508.342789244
"""Half the Web-Mercator world's width in EPSG:3857 metres."""
EARTH_M_PER_PX_Z0 = 2 * WORLD_M / TILE_PX
"""Metres per pixel at the equator at zoom 0 (156,543 m)."""
MAX_SIDE_PX = 2048
"""The draped image is at most this many pixels a side: one texture (llvmpipe takes 8192, memory less)."""
NODE_PX = 16
"""The exact transform runs every this many output pixels; bilinear in between (`_grid_pixels`)."""
MAX_TILES = 1024
"""At most this many tiles (64 MB decoded) are read for one drape."""

TileGetter = Callable[[int, int, int], bytes | None]
"""(z, x, y) in the XYZ convention (y = 0 at the north) → the encoded tile (PNG/JPEG), None when absent."""


def xyz_folder(root: Path) -> TileGetter:
    """Tiles at root/z/x/y.png (or .jpg, .jpeg, .webp)."""

    def get(z: int, x: int, y: int) -> bytes | None:
        for ext in ("png", "jpg", "jpeg", "webp"):
            path = root / str(z) / str(x) / f"{y}.{ext}"
            if path.is_file():
                return path.read_bytes()
        return None

    return get


def _read_only(path: Path) -> sqlite3.Connection:
    """Open an SQLite file read-only (the URI form quotes any '?' or '#' in the path)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def mbtiles(path: Path) -> TileGetter:
    """Tiles of an MBTiles file (SQLite; rows counted from the south, as the MBTiles spec says)."""
    db = _read_only(path)

    def get(z: int, x: int, y: int) -> bytes | None:
        row = db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (z, x, (1 << z) - 1 - y),
        ).fetchone()
        return bytes(row[0]) if row else None

    return get


@dataclass(frozen=True, slots=True)
class _GpkgLevel:
    level: int
    col0: int
    row0: int
    """The XYZ tile (x, y) of the matrix's tile (0, 0) at this level's Web-Mercator zoom."""


def _gpkg_levels(db: sqlite3.Connection) -> tuple[str, dict[int, _GpkgLevel]]:
    """The tiles table and, by Web-Mercator zoom, where each of its levels sits in the XYZ grid."""
    row = db.execute(
        "SELECT c.table_name, s.min_x, s.max_y, r.organization, r.organization_coordsys_id"
        " FROM gpkg_contents c JOIN gpkg_tile_matrix_set s ON s.table_name = c.table_name"
        " JOIN gpkg_spatial_ref_sys r ON r.srs_id = s.srs_id WHERE c.data_type = 'tiles' LIMIT 1"
    ).fetchone()
    if row is None:
        raise ValueError("GeoPackage has no tiles table")
    table, min_x, max_y, org, code = row
    if str(org).upper() != "EPSG" or int(code) != 3857:
        raise ValueError(f"GeoPackage tiles are in {org}:{code}; only EPSG:3857 (Web Mercator) is read")
    levels: dict[int, _GpkgLevel] = {}
    for level, tw, th, px, py in db.execute(
        "SELECT zoom_level, tile_width, tile_height, pixel_x_size, pixel_y_size FROM gpkg_tile_matrix"
        " WHERE table_name = ?",
        (table,),
    ):
        zoom = round(math.log2(EARTH_M_PER_PX_Z0 / float(px)))
        span_x, span_y = float(tw) * float(px), float(th) * float(py)
        col0, row0 = (float(min_x) + WORLD_M) / span_x, (WORLD_M - float(max_y)) / span_y
        aligned = int(tw) == TILE_PX and abs(col0 - round(col0)) < 1e-3 and abs(row0 - round(row0)) < 1e-3
        if aligned and abs(EARTH_M_PER_PX_Z0 / 2**zoom - float(px)) < 1e-6 * float(px):
            levels[zoom] = _GpkgLevel(int(level), round(col0), round(row0))
    if not levels:
        raise ValueError("GeoPackage tile levels are not on the Web-Mercator XYZ grid")
    return str(table), levels


def geopackage(path: Path) -> TileGetter:
    """Tiles of a GeoPackage's tiles table (rows counted from the north, as the GeoPackage spec says)."""
    db = _read_only(path)
    table, levels = _gpkg_levels(db)
    query = f'SELECT tile_data FROM "{table.replace(chr(34), chr(34) * 2)}"'  # a quoted name
    query += " WHERE zoom_level=? AND tile_column=? AND tile_row=?"

    def get(z: int, x: int, y: int) -> bytes | None:
        level = levels.get(z)
        if level is None:
            return None
        row = db.execute(query, (level.level, x - level.col0, y - level.row0)).fetchone()
        return bytes(row[0]) if row else None

    return get


def zooms(path: Path) -> list[int]:
    """The zoom levels a store holds, ascending."""
    if path.is_dir():
        return sorted(int(p.name) for p in path.iterdir() if p.is_dir() and p.name.isdigit())
    db = _read_only(path)
    try:
        if path.suffix.lower() == ".gpkg":
            return sorted(_gpkg_levels(db)[1])
        return [int(z) for (z,) in db.execute("SELECT DISTINCT zoom_level FROM tiles ORDER BY zoom_level")]
    finally:
        db.close()


def open_source(path: Path) -> TileGetter:
    suffix = path.suffix.lower()
    if suffix == ".mbtiles":
        return mbtiles(path)
    if suffix == ".gpkg":
        return geopackage(path)
    return xyz_folder(path)


def choose_zoom(available: list[int], lat: float, metres_per_px: float) -> int:
    """The coarsest zoom at least as sharp as `metres_per_px` at latitude `lat`, else the sharpest held."""
    if not available:
        raise ValueError("the tile store holds no tiles")
    ground = EARTH_M_PER_PX_Z0 * math.cos(math.radians(lat))
    for z in sorted(available):
        if ground / 2**z <= metres_per_px:
            return z
    return max(available)


def lonlat_to_pixel(lon: NDArray[np.float64], lat: NDArray[np.float64], zoom: int) -> NDArray[np.float64]:
    """Global Web-Mercator pixel coordinates (n, 2) at `zoom`: x east from 180° W, y south from the top."""
    scale = TILE_PX * float(1 << zoom)
    x = (lon + 180.0) / 360.0 * scale
    phi = np.radians(np.clip(lat, -85.05112878, 85.05112878))
    y = (1.0 - np.log(np.tan(phi) + 1.0 / np.cos(phi)) / math.pi) / 2.0 * scale
    out: NDArray[np.float64] = np.column_stack([x, y])
    return out


@dataclass(frozen=True, slots=True)
class Draped:
    """An image (h, w, 3) RGB, top row north, covering `bounds` (x0, y0, x1, y1 in local metres); `mask`
    (h, w) is True where a tile was found."""

    rgb: NDArray[np.uint8]
    mask: NDArray[np.bool_]
    bounds: tuple[float, float, float, float]

    @property
    def metres_per_px(self) -> float:
        return float((self.bounds[2] - self.bounds[0]) / self.rgb.shape[1])


def drape_source(
    source: ImagerySource, proj: LocalProjection, bounds: tuple[float, float, float, float]
) -> Draped:
    """The basemap over `bounds` at the finest resolution one texture allows (`MAX_SIDE_PX`), from the zoom
    level that matches it. Raises OSError/ValueError/sqlite3.Error for a store that cannot be read."""
    x0, y0, x1, y1 = bounds
    step = max((x1 - x0) / MAX_SIDE_PX, (y1 - y0) / MAX_SIDE_PX)
    zoom = choose_zoom(zooms(source.path), proj.lat0, step)
    return drape(open_source(source.path), source.scheme, zoom, proj, bounds, step)


def _decode(data: bytes) -> NDArray[np.uint8] | None:
    import cv2  # only where there is imagery to decode: OpenCV is ~25 MB resident (issue 17)

    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None or image.shape[:2] != (TILE_PX, TILE_PX):
        return None
    return np.ascontiguousarray(image[:, :, ::-1], dtype=np.uint8)


def _grid_pixels(
    proj: LocalProjection, scheme: str, zoom: int, xs: NDArray[np.float64], ys: NDArray[np.float64]
) -> NDArray[np.float64]:
    """Global Web-Mercator pixel coordinates (h, w, 2) of the output pixels' centres `xs` × `ys` (local
    metres). The exact transform (local → WGS-84 → GCJ-02 where the source is tiled so → Mercator) runs
    on every `NODE_PX`-th pixel only; between nodes it is interpolated bilinearly, which is exact to a few
    millimetres because the transform bends over kilometres, not metres (4 M pixels: ~0.3 s, not ~10 s)."""
    h, w = len(ys), len(xs)
    ri = np.unique(np.append(np.arange(0, h, NODE_PX), h - 1))
    ci = np.unique(np.append(np.arange(0, w, NODE_PX), w - 1))
    gx, gy = np.meshgrid(xs[ci], ys[ri])
    lonlat = proj.to_lonlat(gx.ravel(), gy.ravel())
    lon, lat = lonlat[:, 0], lonlat[:, 1]
    if scheme == "gcj02":
        lon, lat = wgs84_to_gcj02(lon, lat)
    nodes = lonlat_to_pixel(np.asarray(lon), np.asarray(lat), zoom).reshape(len(ri), len(ci), 2)
    base = nodes.reshape(-1, 2).min(axis=0)
    nodes = (nodes - base).astype(np.float32)  # offsets of < 1e5 px: float32 keeps 1/100 px
    r, c = np.arange(h), np.arange(w)
    r0 = np.clip(np.searchsorted(ri, r, side="right") - 1, 0, max(len(ri) - 2, 0))
    c0 = np.clip(np.searchsorted(ci, c, side="right") - 1, 0, max(len(ci) - 2, 0))
    r1, c1 = np.minimum(r0 + 1, len(ri) - 1), np.minimum(c0 + 1, len(ci) - 1)
    wr = np.where(r1 > r0, (r - ri[r0]) / np.maximum(ri[r1] - ri[r0], 1), 0.0).astype(np.float32)
    wc = np.where(c1 > c0, (c - ci[c0]) / np.maximum(ci[c1] - ci[c0], 1), 0.0).astype(np.float32)
    rows = nodes[:, c0] * (1 - wc)[None, :, None] + nodes[:, c1] * wc[None, :, None]  # (node rows, w, 2)
    out: NDArray[np.float64] = rows[r0] * (1 - wr)[:, None, None] + rows[r1] * wr[:, None, None] + base
    return out


def drape(
    source: TileGetter,
    scheme: str,
    zoom: int,
    proj: LocalProjection,
    bounds: tuple[float, float, float, float],
    metres_per_px: float,
) -> Draped:
    """Resample the tiles onto the local grid over `bounds` at `metres_per_px` (coarsened to stay within
    `MAX_SIDE_PX`), correcting a GCJ-02 source's offset; nearest-neighbour sampling. The tiles needed are
    decoded once into one mosaic, then every output pixel is one lookup in it."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tile scheme {scheme!r}; expected one of {SCHEMES}")
    x0, y0, x1, y1 = bounds
    step = max(metres_per_px, (x1 - x0) / MAX_SIDE_PX, (y1 - y0) / MAX_SIDE_PX)
    w, h = max(1, round((x1 - x0) / step)), max(1, round((y1 - y0) / step))
    xs = x0 + (np.arange(w) + 0.5) * (x1 - x0) / w
    ys = y1 - (np.arange(h) + 0.5) * (y1 - y0) / h  # top row north
    px = np.floor(_grid_pixels(proj, scheme, zoom, xs, ys)).astype(np.int64)
    t0 = px.reshape(-1, 2).min(axis=0) // TILE_PX
    t1 = px.reshape(-1, 2).max(axis=0) // TILE_PX
    nx, ny = (int(v) for v in t1 - t0 + 1)
    if nx * ny > MAX_TILES:
        raise ValueError(f"{nx * ny} tiles at zoom {zoom} for one drape; use a coarser zoom")
    mosaic = np.zeros((ny * TILE_PX, nx * TILE_PX, 3), dtype=np.uint8)
    found = np.zeros((ny, nx), dtype=bool)
    for j in range(ny):
        for i in range(nx):
            data = source(zoom, int(t0[0]) + i, int(t0[1]) + j)
            image = _decode(data) if data else None
            if image is not None:
                mosaic[j * TILE_PX : (j + 1) * TILE_PX, i * TILE_PX : (i + 1) * TILE_PX] = image
                found[j, i] = True
    local = px - t0 * TILE_PX
    flat = local[:, :, 1] * (nx * TILE_PX) + local[:, :, 0]
    rgb = mosaic.reshape(-1, 3)[flat]
    mask = found.reshape(-1)[(local[:, :, 1] // TILE_PX) * nx + local[:, :, 0] // TILE_PX]
    rgb[~mask] = 0
    return Draped(np.ascontiguousarray(rgb), mask, (float(x0), float(y0), float(x1), float(y1)))
