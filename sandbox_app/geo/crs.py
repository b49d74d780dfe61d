"""Chinese map coordinate systems: WGS-84 ⇄ GCJ-02 ⇄ BD-09, in lon/lat order everywhere.

GPS and CGCS2000 give WGS-84 (the two differ by well under a metre); Amap and Tencent use GCJ-02, Baidu
BD-09. The app stores and computes in WGS-84 and converts only at import and display. The forward formulas
are the published reference ones (eviltransform, gcoord), including their rule that GCJ-02 is the identity
outside China's bounding box. The inverses are solved by fixed-point iteration, not the usual one-step
approximation, so a round trip is exact to ~1e-9 degrees instead of a few metres.

Every conversion takes either two floats or two numpy arrays (vectorised) and answers in kind.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, overload

import numpy as np
import shapely
from numpy.typing import NDArray

from sandbox_app.domain.enums import Crs

if TYPE_CHECKING:  # geopandas (and pandas under it) costs ~60 MB and seconds to import: only for the type
    import geopandas as gpd

Array = NDArray[np.float64]
_Pair = tuple[Array, Array]
_Fn = Callable[[Array, Array], _Pair]

_A = 6378245.0
"""Semi-major axis of Krasovsky 1940, which GCJ-02's obfuscation uses."""
_EE = 0.00669342162296594323
_BD_FACTOR = math.pi * 3000.0 / 180.0
_BD_DLON = 0.0065
_BD_DLAT = 0.006
_INVERSE_TOL = 1e-10
_INVERSE_MAX_ITER = 30


def out_of_china(lon: Array, lat: Array) -> NDArray[np.bool_]:
    """The references' rectangle outside which GCJ-02 equals WGS-84."""
    inside = (lon >= 72.004) & (lon <= 137.8347) & (lat >= 0.8293) & (lat <= 55.8271)
    return np.asarray(~inside)


def _gcj_offset(lon: Array, lat: Array) -> _Pair:
    """GCJ-02 minus WGS-84 at a WGS-84 point, in degrees; zero outside China."""
    x = lon - 105.0
    y = lat - 35.0
    xpi = x * math.pi
    ypi = y * math.pi
    common = 20.0 * np.sin(6.0 * xpi) + 20.0 * np.sin(2.0 * xpi)
    dlat = common + 20.0 * np.sin(ypi) + 40.0 * np.sin(ypi / 3.0)
    dlon = common + 20.0 * np.sin(xpi) + 40.0 * np.sin(xpi / 3.0)
    dlat += 160.0 * np.sin(ypi / 12.0) + 320.0 * np.sin(ypi / 30.0)
    dlon += 150.0 * np.sin(xpi / 12.0) + 300.0 * np.sin(xpi / 30.0)
    dlat *= 2.0 / 3.0
    dlon *= 2.0 / 3.0
    sqrt_abs_x = np.sqrt(np.abs(x))
    dlat += -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt_abs_x
    dlon += 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt_abs_x
    rad_lat = lat / 180.0 * math.pi
    magic = 1.0 - _EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * np.cos(rad_lat) * math.pi)
    outside = out_of_china(lon, lat)
    return np.where(outside, 0.0, dlon), np.where(outside, 0.0, dlat)


def _wgs_to_gcj(lon: Array, lat: Array) -> _Pair:
    dlon, dlat = _gcj_offset(lon, lat)
    return lon + dlon, lat + dlat


def _gcj_to_bd(lon: Array, lat: Array) -> _Pair:
    z = np.hypot(lon, lat) + 0.00002 * np.sin(lat * _BD_FACTOR)
    theta = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * _BD_FACTOR)
    return z * np.cos(theta) + _BD_DLON, z * np.sin(theta) + _BD_DLAT


def _bd_to_gcj_approx(lon: Array, lat: Array) -> _Pair:
    """The published closed-form inverse (error ~1e-7 degrees); the first guess of the exact one."""
    x = lon - _BD_DLON
    y = lat - _BD_DLAT
    z = np.hypot(x, y) - 0.00002 * np.sin(y * _BD_FACTOR)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * _BD_FACTOR)
    return z * np.cos(theta), z * np.sin(theta)


def _invert(forward: _Fn, lon: Array, lat: Array, guess: _Pair) -> _Pair:
    """Solve forward(p) = (lon, lat) by fixed-point iteration; forward is a near-translation, so this
    converges in a handful of steps."""
    glon, glat = guess
    for _ in range(_INVERSE_MAX_ITER):
        flon, flat = forward(glon, glat)
        elon = flon - lon
        elat = flat - lat
        glon = glon - elon
        glat = glat - elat
        if not (np.any(np.abs(elon) > _INVERSE_TOL) or np.any(np.abs(elat) > _INVERSE_TOL)):
            break
    return glon, glat


def _gcj_to_wgs(lon: Array, lat: Array) -> _Pair:
    dlon, dlat = _gcj_offset(lon, lat)
    wlon, wlat = _invert(_wgs_to_gcj, lon, lat, (lon - dlon, lat - dlat))
    outside = out_of_china(lon, lat)
    return np.where(outside, lon, wlon), np.where(outside, lat, wlat)


def _bd_to_gcj(lon: Array, lat: Array) -> _Pair:
    return _invert(_gcj_to_bd, lon, lat, _bd_to_gcj_approx(lon, lat))


def _wgs_to_bd(lon: Array, lat: Array) -> _Pair:
    return _gcj_to_bd(*_wgs_to_gcj(lon, lat))


def _bd_to_wgs(lon: Array, lat: Array) -> _Pair:
    return _gcj_to_wgs(*_bd_to_gcj(lon, lat))


def _identity(lon: Array, lat: Array) -> _Pair:
    return lon, lat


_TO_WGS: dict[Crs, _Fn] = {
    Crs.WGS84: _identity,
    Crs.CGCS2000: _identity,
    Crs.GCJ02: _gcj_to_wgs,
    Crs.BD09: _bd_to_wgs,
}
_FROM_WGS: dict[Crs, _Fn] = {
    Crs.WGS84: _identity,
    Crs.CGCS2000: _identity,
    Crs.GCJ02: _wgs_to_gcj,
    Crs.BD09: _wgs_to_bd,
}


def _run(fn: _Fn, lon: float | Array, lat: float | Array) -> tuple[float, float] | _Pair:
    x = np.asarray(lon, dtype=np.float64)
    y = np.asarray(lat, dtype=np.float64)
    rx, ry = fn(x, y)
    if x.ndim == 0 and y.ndim == 0:
        return float(rx), float(ry)
    return np.asarray(rx, dtype=np.float64), np.asarray(ry, dtype=np.float64)


@overload
def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]: ...
@overload
def wgs84_to_gcj02(lon: Array, lat: Array) -> _Pair: ...
def wgs84_to_gcj02(lon: float | Array, lat: float | Array) -> tuple[float, float] | _Pair:
    return _run(_wgs_to_gcj, lon, lat)


@overload
def gcj02_to_wgs84(lon: float, lat: float) -> tuple[float, float]: ...
@overload
def gcj02_to_wgs84(lon: Array, lat: Array) -> _Pair: ...
def gcj02_to_wgs84(lon: float | Array, lat: float | Array) -> tuple[float, float] | _Pair:
    """Exact inverse of `wgs84_to_gcj02` (iterative); identity outside China."""
    return _run(_gcj_to_wgs, lon, lat)


@overload
def gcj02_to_bd09(lon: float, lat: float) -> tuple[float, float]: ...
@overload
def gcj02_to_bd09(lon: Array, lat: Array) -> _Pair: ...
def gcj02_to_bd09(lon: float | Array, lat: float | Array) -> tuple[float, float] | _Pair:
    return _run(_gcj_to_bd, lon, lat)


@overload
def bd09_to_gcj02(lon: float, lat: float) -> tuple[float, float]: ...
@overload
def bd09_to_gcj02(lon: Array, lat: Array) -> _Pair: ...
def bd09_to_gcj02(lon: float | Array, lat: float | Array) -> tuple[float, float] | _Pair:
    """Exact inverse of `gcj02_to_bd09` (iterative)."""
    return _run(_bd_to_gcj, lon, lat)


@overload
def wgs84_to_bd09(lon: float, lat: float) -> tuple[float, float]: ...
@overload
def wgs84_to_bd09(lon: Array, lat: Array) -> _Pair: ...
def wgs84_to_bd09(lon: float | Array, lat: float | Array) -> tuple[float, float] | _Pair:
    return _run(_wgs_to_bd, lon, lat)


@overload
def bd09_to_wgs84(lon: float, lat: float) -> tuple[float, float]: ...
@overload
def bd09_to_wgs84(lon: Array, lat: Array) -> _Pair: ...
def bd09_to_wgs84(lon: float | Array, lat: float | Array) -> tuple[float, float] | _Pair:
    """BD-09 → GCJ-02 → WGS-84, both steps exact inverses."""
    return _run(_bd_to_wgs, lon, lat)


@overload
def to_wgs84(lon: float, lat: float, crs: Crs) -> tuple[float, float]: ...
@overload
def to_wgs84(lon: Array, lat: Array, crs: Crs) -> _Pair: ...
def to_wgs84(lon: float | Array, lat: float | Array, crs: Crs) -> tuple[float, float] | _Pair:
    """Convert from a package's declared `crs` to WGS-84 (CGCS2000 is taken as WGS-84)."""
    return _run(_TO_WGS[Crs(crs)], lon, lat)


@overload
def from_wgs84(lon: float, lat: float, crs: Crs) -> tuple[float, float]: ...
@overload
def from_wgs84(lon: Array, lat: Array, crs: Crs) -> _Pair: ...
def from_wgs84(lon: float | Array, lat: float | Array, crs: Crs) -> tuple[float, float] | _Pair:
    """Convert WGS-84 to `crs`, e.g. to show a position on a GCJ-02 web map."""
    return _run(_FROM_WGS[Crs(crs)], lon, lat)


def geometries_to_wgs84(geoms: NDArray[np.object_], crs: Crs) -> NDArray[np.object_]:
    """Convert an array of shapely geometries (None allowed) to 2-D WGS-84 in one vectorised pass."""
    fn = _TO_WGS[Crs(crs)]
    if fn is _identity:
        return np.asarray(shapely.force_2d(geoms), dtype=object)

    def convert(xy: Array) -> Array:
        lon, lat = fn(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat])

    return np.asarray(shapely.transform(geoms, convert, include_z=False), dtype=object)


def frame_to_wgs84(frame: gpd.GeoDataFrame, crs: Crs) -> gpd.GeoDataFrame:
    """A copy of `frame` with its active geometry in 2-D WGS-84, tagged EPSG:4326.

    The package's `crs` is what counts: GeoJSON files always claim EPSG:4326 even when a station exported
    GCJ-02 coordinates from Amap, so the file's own CRS tag is not trusted here."""
    out = frame.copy()
    name = frame.geometry.name
    out[name] = geometries_to_wgs84(np.asarray(frame.geometry.array, dtype=object), crs)
    return out.set_geometry(name, crs="EPSG:4326")
