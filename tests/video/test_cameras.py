"""Cameras as map objects: defaults, extra fields, the cone geometry and the layer arrays (2D and 3D)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from shapely.geometry import Point, Polygon

from layers import cameras as cam_layer
from layers.projection import LocalProjection
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.model import Device
from sandbox_app.video.cameras import (
    DEFAULT_FOV,
    DEFAULT_RANGE_M,
    camera_of,
    cameras,
    cone,
    offset_lonlat,
    sees,
)
from tests.layers.sample import at, small_district


def _district_with_cameras():  # type: ignore[no-untyped-def]
    d = small_district()
    d.devices["C2"] = Device(
        "C2",
        "throw_camera",
        "高空抛物",
        Placement.POINT,
        location=Point(*at(0, 0)),
        extra={"heading": 90, "fov": 60, "range_m": 40, "stream": "rtsp://10.0.0.9/1"},
    )
    d.devices["C3"] = Device(
        "C3",
        "behavior_camera",
        "楼内",
        Placement.BUILDING,
        building_id="B1",
        extra={"heading": "450", "fov": "bad"},
    )
    return d


def test_defaults_and_extra_fields() -> None:
    d = _district_with_cameras()
    by_id = {c.id: c for c in cameras(d)}
    assert set(by_id) == {"D4", "C2", "C3"}  # the face gate and trackers are not cameras
    assert (
        by_id["D4"].fov == DEFAULT_FOV and by_id["D4"].range_m == DEFAULT_RANGE_M and by_id["D4"].heading == 0
    )
    c2 = by_id["C2"]
    assert (c2.heading, c2.fov, c2.range_m, c2.stream) == (90.0, 60.0, 40.0, "rtsp://10.0.0.9/1")
    c3 = by_id["C3"]
    assert c3.heading == 90.0 and c3.fov == DEFAULT_FOV  # 450° wraps, a bad fov falls back
    centre = d.buildings["B1"].footprint.representative_point()
    assert (c3.lon, c3.lat) == (centre.x, centre.y)
    assert camera_of(d, d.devices["D3"]) is None


def test_cone_points_the_right_way() -> None:
    d = _district_with_cameras()
    c2 = camera_of(d, d.devices["C2"])
    assert c2 is not None
    ring = cone(c2, segments=8)
    assert ring[0] == ring[-1] == (c2.lon, c2.lat)
    poly = Polygon(ring)
    east = Point(*offset_lonlat(c2.lon, c2.lat, 20.0, 0.0))  # heading 90: looks east
    west = Point(*offset_lonlat(c2.lon, c2.lat, -20.0, 0.0))
    assert poly.contains(east) and not poly.contains(west)
    assert sees(c2, east.x, east.y) and not sees(c2, west.x, west.y)
    far = offset_lonlat(c2.lon, c2.lat, 45.0, 0.0)
    assert not sees(c2, *far) and sees(c2, *far, radius_m=50.0)
    edge = offset_lonlat(c2.lon, c2.lat, 20 * math.sin(math.radians(125)), 20 * math.cos(math.radians(125)))
    assert not sees(c2, *edge)  # 35° off the axis of a 60° camera


def test_layer_arrays_for_2d_and_3d() -> None:
    d = _district_with_cameras()
    proj = LocalProjection.for_district(d)
    data = cam_layer.layer(d, proj)
    assert data.polygons is not None and data.points is not None
    assert data.polygons.ids == ("C2", "C3", "D4")
    c2 = data.polygons.rings_of(0)[0]
    apex = proj.to_xy(*at(0, 0))[0]
    np.testing.assert_allclose(c2[0], apex, atol=1e-6)
    far = c2[1:-1]
    np.testing.assert_allclose(np.hypot(*(far - apex).T), 40.0, rtol=0.01)
    assert np.all(far[:, 0] > apex[0] + 30.0)  # the fan lies east of the camera
    mesh = data.extra["mesh"]
    assert isinstance(mesh, dict)
    vertices, faces = mesh["vertices"], mesh["faces"]
    per_cam = cam_layer.SEGMENTS + 2
    assert vertices.shape == (3 * per_cam, 3) and faces.shape == (3 * cam_layer.SEGMENTS, 3)
    assert faces.max() == len(vertices) - 1 and np.all(vertices[:, 2] == pytest.approx(cam_layer.GROUND_Z_M))
    # triangle areas add up to the sector's area (60° of a 40 m circle for C2)
    tri = vertices[faces[: cam_layer.SEGMENTS]]
    area = 0.5 * np.linalg.norm(np.cross(tri[:, 1] - tri[:, 0], tri[:, 2] - tri[:, 0]), axis=1).sum()
    assert area == pytest.approx(math.pi * 40**2 / 6, rel=0.01)


def test_empty_district_gives_empty_arrays() -> None:
    d = small_district()
    d.devices = {}
    data = cam_layer.layer(d, LocalProjection(119.3, 26.08))
    assert data.polygons is not None and len(data.polygons) == 0
    assert data.extra["mesh"]["vertices"].shape == (0, 3)  # type: ignore[index]
