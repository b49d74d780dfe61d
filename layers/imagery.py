"""Offline imagery (实景底图) draped on the sandbox: XYZ tile folders or MBTiles, WGS-84 or GCJ-02 tiling.

Tiles are the usual 256-px Web-Mercator pyramid. Amap-style sources are tiled over GCJ-02 coordinates, so
their pictures sit some hundreds of metres off the district's WGS-84 geometry; `drape` corrects that by
asking, for every output pixel, where its true (WGS-84) position lies in the source's coordinates
(`sandbox_app.geo.crs`) before it samples the tile. The result is one image on the district's local metric
grid (`LocalProjection`), north up, ready to texture the 3D ground (and to lie under the 2D map).

Supported: `scheme` "wgs84" (Web-Mercator tiles of WGS-84 / CGCS2000 imagery, e.g. 天地图 `img_w`) and
"gcj02" (Amap-style). Not supported: 天地图's lon/lat (`img_c`) tiling, GeoPackage tiles.
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
from sandbox_app.geo.crs import wgs84_to_gcj02

TILE_PX = 256
SCHEMES = ("wgs84", "gcj02")
MAX_SIDE_PX = 2048
"""The draped image is at most this many pixels a side: one texture (llvmpipe takes 8192, memory less)."""

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


def mbtiles(path: Path) -> TileGetter:
    """Tiles of an MBTiles file (SQLite; rows counted from the south, as the MBTiles spec says)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def get(z: int, x: int, y: int) -> bytes | None:
        row = db.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (z, x, (1 << z) - 1 - y),
        ).fetchone()
        return bytes(row[0]) if row else None

    return get


def open_source(path: Path) -> TileGetter:
    return mbtiles(path) if path.suffix.lower() == ".mbtiles" else xyz_folder(path)


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


def _decode(data: bytes) -> NDArray[np.uint8] | None:
    import cv2  # only where there is imagery to decode: OpenCV is ~25 MB resident (issue 17)

    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None or image.shape[:2] != (TILE_PX, TILE_PX):
        return None
    return np.ascontiguousarray(image[:, :, ::-1], dtype=np.uint8)


def drape(
    source: TileGetter,
    scheme: str,
    zoom: int,
    proj: LocalProjection,
    bounds: tuple[float, float, float, float],
    metres_per_px: float,
) -> Draped:
    """Resample the tiles onto the local grid over `bounds` at `metres_per_px` (coarsened to stay within
    `MAX_SIDE_PX`), correcting a GCJ-02 source's offset; nearest-neighbour sampling."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tile scheme {scheme!r}; expected one of {SCHEMES}")
    x0, y0, x1, y1 = bounds
    step = max(metres_per_px, (x1 - x0) / MAX_SIDE_PX, (y1 - y0) / MAX_SIDE_PX)
    w, h = max(1, round((x1 - x0) / step)), max(1, round((y1 - y0) / step))
    xs = x0 + (np.arange(w) + 0.5) * (x1 - x0) / w
    ys = y1 - (np.arange(h) + 0.5) * (y1 - y0) / h  # top row north
    gx, gy = np.meshgrid(xs, ys)
    lonlat = proj.to_lonlat(gx.ravel(), gy.ravel())
    lon, lat = lonlat[:, 0], lonlat[:, 1]
    if scheme == "gcj02":
        lon, lat = wgs84_to_gcj02(lon, lat)
    px = lonlat_to_pixel(np.asarray(lon), np.asarray(lat), zoom)
    tile = np.floor(px / TILE_PX).astype(np.int64)
    inner = np.clip(np.floor(px - tile * TILE_PX).astype(np.int64), 0, TILE_PX - 1)
    rgb = np.zeros((h * w, 3), dtype=np.uint8)
    mask = np.zeros(h * w, dtype=bool)
    keys, inverse = np.unique(tile, axis=0, return_inverse=True)
    for k, (tx, ty) in enumerate(keys.tolist()):
        data = source(zoom, int(tx), int(ty))
        image = _decode(data) if data else None
        if image is None:
            continue
        mine = np.flatnonzero(inverse.ravel() == k)
        rgb[mine] = image[inner[mine, 1], inner[mine, 0]]
        mask[mine] = True
    return Draped(rgb.reshape(h, w, 3), mask.reshape(h, w), (float(x0), float(y0), float(x1), float(y1)))
