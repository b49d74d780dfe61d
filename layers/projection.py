"""A local metric plane for one district: metres east/north of its centre.

An azimuthal equidistant projection centred on the district keeps distances and shapes true to well under
a metre across a few kilometres, which is what the map, 3D extrusion and distance checks need.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from pyproj import Transformer

from sandbox_app.domain.distance import WGS84_A, WGS84_E2
from sandbox_app.domain.model import District


class LocalProjection:
    def __init__(self, lon0: float, lat0: float) -> None:
        self.lon0 = lon0
        self.lat0 = lat0
        crs = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs"
        self._forward = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        self._inverse = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        self._from_ecef = Transformer.from_crs("EPSG:4978", crs, always_xy=True)

    @classmethod
    def for_district(cls, district: District) -> LocalProjection:
        """Centred on the middle of everything the district has; (0, 0) when it is empty."""
        bounds = _bounds(district)
        if bounds is None:
            return cls(0.0, 0.0)
        west, south, east, north = bounds
        return cls((west + east) / 2.0, (south + north) / 2.0)

    def to_xy(self, lon: ArrayLike, lat: ArrayLike) -> NDArray[np.float64]:
        """(n, 2) metres for n lon/lat pairs."""
        x, y = self._forward.transform(np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64))
        return np.column_stack([np.atleast_1d(x), np.atleast_1d(y)]).astype(np.float64)

    def to_lonlat(self, x: ArrayLike, y: ArrayLike) -> NDArray[np.float64]:
        lon, lat = self._inverse.transform(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
        return np.column_stack([np.atleast_1d(lon), np.atleast_1d(lat)]).astype(np.float64)

    def ecef_to_local(self, xyz: ArrayLike) -> NDArray[np.float64]:
        """(n, 3) Earth-centred, Earth-fixed WGS-84 metres (EPSG:4978, what 3D Tiles use) → (n, 3) local
        metres: x, y as `to_xy`, z the height above the ellipsoid. Exact, ~4 µs a point: for meshes, use
        `ecef_affine` per tile instead."""
        arr = np.asarray(xyz, dtype=np.float64).reshape(-1, 3)
        x, y, z = self._from_ecef.transform(arr[:, 0], arr[:, 1], arr[:, 2])
        return np.column_stack([np.atleast_1d(x), np.atleast_1d(y), np.atleast_1d(z)]).astype(np.float64)

    def ecef_affine(self, corners: ArrayLike) -> tuple[NDArray[np.float64], float]:
        """A 4x4 affine map ECEF → local fitted (least squares) on `corners` (≥ 4 ECEF points spanning the
        region it will be used on), and its largest error there in metres. Over one tile (≤ ~1 km) the
        projection is linear to millimetres, so a whole mesh moves with one matrix product."""
        src = np.asarray(corners, dtype=np.float64).reshape(-1, 3)
        dst = self.ecef_to_local(src)
        centre = src.mean(axis=0)
        a = np.column_stack([src - centre, np.ones(len(src))])
        sol, *_ = np.linalg.lstsq(a, dst, rcond=None)
        m = np.eye(4)
        m[:3, :3] = sol[:3].T
        m[:3, 3] = sol[3] - sol[:3].T @ centre
        error = float(np.abs(a @ sol - dst).max()) if len(src) else 0.0
        return m, error

    def coords_to_xy(self, coords: ArrayLike) -> NDArray[np.float64]:
        """Project a shapely coordinate sequence (2D or 3D; z is dropped)."""
        arr = np.asarray(coords, dtype=np.float64)
        if arr.size == 0:
            return np.zeros((0, 2), dtype=np.float64)
        return self.to_xy(arr[:, 0], arr[:, 1])


def _bounds(district: District) -> tuple[float, float, float, float] | None:
    boxes = [c.boundary.bounds for c in district.compounds.values()]
    boxes += [b.footprint.bounds for b in district.buildings.values()]
    boxes += [r.line.bounds for r in district.roads.values()]
    boxes += [g.location.bounds for g in district.gates.values()]
    boxes += [d.location.bounds for d in district.devices.values() if d.location is not None]
    boxes = [b for b in boxes if len(b) == 4 and np.all(np.isfinite(b))]
    if not boxes:
        return None
    arr = np.asarray(boxes, dtype=np.float64)
    return float(arr[:, 0].min()), float(arr[:, 1].min()), float(arr[:, 2].max()), float(arr[:, 3].max())


def geodetic_to_ecef(lon_deg: ArrayLike, lat_deg: ArrayLike, h: ArrayLike) -> NDArray[np.float64]:
    """WGS-84 longitude, latitude (degrees), ellipsoidal height (m) → (n, 3) ECEF metres."""
    lon, lat = np.radians(np.atleast_1d(lon_deg)), np.radians(np.atleast_1d(lat_deg))
    hh = np.atleast_1d(np.asarray(h, dtype=np.float64))
    n = WGS84_A / np.sqrt(1.0 - WGS84_E2 * np.sin(lat) ** 2)
    return np.column_stack(
        [
            (n + hh) * np.cos(lat) * np.cos(lon),
            (n + hh) * np.cos(lat) * np.sin(lon),
            (n * (1.0 - WGS84_E2) + hh) * np.sin(lat),
        ]
    ).astype(np.float64)


def enu_to_ecef(lon_deg: float, lat_deg: float, h: float = 0.0) -> NDArray[np.float64]:
    """4x4 matrix from a local east-north-up frame at (lon, lat, h) to ECEF (Cesium's
    `eastNorthUpToFixedFrame`): how a model in local metres is placed on the globe."""
    lon, lat = np.radians(lon_deg), np.radians(lat_deg)
    east = np.array([-np.sin(lon), np.cos(lon), 0.0])
    up = np.array([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    north = np.cross(up, east)
    m = np.eye(4)
    m[:3, 0], m[:3, 1], m[:3, 2] = east, north, up
    m[:3, 3] = geodetic_to_ecef(lon_deg, lat_deg, h)[0]
    return m
