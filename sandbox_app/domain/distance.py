"""Distances on the ground: the one Earth radius and the one formula for lon/lat in metres.

Everything the app measures is district-sized (a guard's walk, a camera's range, a fix's jump, a case file's
radius), so one cheap equirectangular formula serves all of them: well under 0.1 % off a great circle at
that scale, and a few multiplications per call on the hot paths (GPS sanity checks every fix).
"""

from __future__ import annotations

import math

EARTH_RADIUS_M = 6_371_008.8
"""Mean Earth radius (IUGG), metres."""
M_PER_DEG = EARTH_RADIUS_M * math.pi / 180
"""Metres per degree of latitude (and of longitude at the equator): about 111,195."""
WGS84_A = 6_378_137.0
"""The WGS-84 ellipsoid's semi-major axis, metres: Earth-centred coordinates (3D Tiles) need the ellipsoid,
not the mean sphere."""
WGS84_E2 = 6.694_379_990_141_316_5e-3
"""The WGS-84 ellipsoid's first eccentricity squared."""


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Metres between two lon/lat points (equirectangular at their mean latitude)."""
    k = math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot((lon2 - lon1) * k, lat2 - lat1) * M_PER_DEG


def offset(lon: float, lat: float, east_m: float, north_m: float) -> tuple[float, float]:
    """The point `east_m`, `north_m` metres from (lon, lat)."""
    return lon + east_m / (M_PER_DEG * math.cos(math.radians(lat))), lat + north_m / M_PER_DEG
