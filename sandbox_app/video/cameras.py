"""Cameras as map objects: where each one stands, where it looks, and the ground it sees (its FOV cone).

A camera is any device of a fixed camera kind (domain/device_kinds.py). Heading, field of view and range
come from the device's extra fields in the district package (`heading` degrees clockwise from north, `fov`
degrees, `range_m`; the live view from `device_kinds.STREAM_FIELDS`); missing values fall back to defaults
so a camera is always drawable. The cone is computed in a local tangent plane (metres) and returned in
lon/lat: over a camera's tens of metres the flat-earth error is far below a metre.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sandbox_app.domain.device_kinds import FIXED_CAMERA_KINDS, camera_stream
from sandbox_app.domain.distance import M_PER_DEG, offset
from sandbox_app.domain.model import Device, District

DEFAULT_HEADING = 0.0
DEFAULT_FOV = 90.0
DEFAULT_RANGE_M = 30.0
DEFAULT_HEIGHT_M = 4.0


@dataclass(frozen=True, slots=True)
class Camera:
    id: str
    lon: float
    lat: float
    heading: float
    """Degrees clockwise from north."""
    fov: float
    """Horizontal field of view, degrees (0 < fov ≤ 360)."""
    range_m: float
    height_m: float
    stream: str | None
    """The live-view source (RTSP/HTTP URL or file), if the package gives one."""


def _num(extra: dict[str, Any], names: tuple[str, ...], default: float, lo: float, hi: float) -> float:
    for name in names:
        value = extra.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            return min(max(float(value), lo), hi)
        if isinstance(value, str):
            try:
                return min(max(float(value), lo), hi)
            except ValueError:
                continue
    return default


def camera_of(district: District, device: Device) -> Camera | None:
    """The device as a camera, or None if it is not a camera kind or has no place on the map."""
    if device.kind not in FIXED_CAMERA_KINDS:
        return None
    anchor = district.device_anchor(device)
    if anchor is None:
        return None
    extra = device.extra
    heading = _num(extra, ("heading", "heading_deg", "azimuth"), DEFAULT_HEADING, -3600.0, 3600.0) % 360.0
    fov = _num(extra, ("fov", "fov_deg"), DEFAULT_FOV, 1.0, 360.0)
    range_m = _num(extra, ("range_m", "range"), DEFAULT_RANGE_M, 1.0, 500.0)
    height = _num(extra, ("height_m", "mount_height_m"), DEFAULT_HEIGHT_M, 0.0, 300.0)
    return Camera(device.id, anchor[0], anchor[1], heading, fov, range_m, height, camera_stream(extra))


def cameras(district: District) -> list[Camera]:
    """Every drawable camera of the district, by id."""
    out = [camera_of(district, d) for d in sorted(district.devices.values(), key=lambda d: d.id)]
    return [c for c in out if c is not None]


def offset_lonlat(lon: float, lat: float, east_m: float, north_m: float) -> tuple[float, float]:
    return offset(lon, lat, east_m, north_m)


def local_m(camera: Camera, lon: float, lat: float) -> tuple[float, float]:
    """(east, north) metres of a point from the camera."""
    east = (lon - camera.lon) * M_PER_DEG * math.cos(math.radians(camera.lat))
    return east, (lat - camera.lat) * M_PER_DEG


def cone(camera: Camera, segments: int = 16) -> list[tuple[float, float]]:
    """The FOV cone as a closed lon/lat ring: the camera, then the far arc left to right, then the camera."""
    half = camera.fov / 2.0
    ring = [] if camera.fov >= 360.0 else [(camera.lon, camera.lat)]
    for i in range(segments + 1):
        bearing = math.radians(camera.heading - half + camera.fov * i / segments)
        ring.append(
            offset_lonlat(
                camera.lon, camera.lat, camera.range_m * math.sin(bearing), camera.range_m * math.cos(bearing)
            )
        )
    ring.append(ring[0])
    return ring


def sees(camera: Camera, lon: float, lat: float, radius_m: float | None = None) -> bool:
    """True if the point is inside the camera's cone (within `radius_m` instead of its range if given)."""
    east, north = local_m(camera, lon, lat)
    dist = math.hypot(east, north)
    if dist > (camera.range_m if radius_m is None else radius_m):
        return False
    if dist < 0.5 or camera.fov >= 360.0:
        return True
    bearing = math.degrees(math.atan2(east, north)) % 360.0
    off = (bearing - camera.heading + 180.0) % 360.0 - 180.0
    return abs(off) <= camera.fov / 2.0
