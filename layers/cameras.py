"""Camera field-of-view cones: translucent fans on the 2D map and flat triangle fans for the 3D sandbox.

2D: one polygon per camera (apex + far arc) through the shared polygon renderer. 3D: `extra["mesh"]`
holds one merged triangle mesh (vertices (n, 3) metres, faces (m, 3) vertex indices) lifted slightly
above the ground, so the whole layer is one VTK actor.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray
from shapely.geometry import Polygon

from layers import build, style
from layers.data import LayerData, Points
from layers.projection import LocalProjection
from sandbox_app.domain.model import District
from sandbox_app.video.cameras import Camera, cameras, cone

NAME = "cameras"
CAMERA_RGBA = (230, 130, 0, 255)
CONE_FILL_ALPHA = 70
"""Translucent enough that buildings and roads under a cone still read."""
CONE_EDGE_ALPHA = 200
OFFLINE_FILL_ALPHA = 45
GROUND_Z_M = 0.3
"""Just above the ground plane so the fan does not z-fight with it."""
SEGMENTS = 16


def cone_mesh(
    cams: list[Camera], proj: LocalProjection, segments: int = SEGMENTS
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Triangle fans of all cones as one mesh: per camera the apex then `segments + 1` arc vertices."""
    verts: list[NDArray[np.float64]] = []
    faces: list[NDArray[np.int64]] = []
    base = 0
    for cam in cams:
        ring = cone(cam, segments)
        pts = ring[:-1] if cam.fov < 360.0 else [(cam.lon, cam.lat), *ring[:-1]]
        xy = proj.to_xy([p[0] for p in pts], [p[1] for p in pts])
        verts.append(np.column_stack([xy, np.full(len(xy), GROUND_Z_M)]))
        arc = np.arange(1, len(xy) - 1, dtype=np.int64)
        faces.append(np.column_stack([np.zeros_like(arc), arc, arc + 1]) + base)
        base += len(xy)
    if not verts:
        return np.zeros((0, 3), dtype=np.float64), np.zeros((0, 3), dtype=np.int64)
    return np.concatenate(verts), np.concatenate(faces)


def cone_colours(
    district: District, cams: list[Camera], health: Mapping[str, str]
) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int, int]]]:
    """(fill, edge) per cone: the camera kind's colour, translucent; grey when the camera is offline, so a
    dead camera's blind ground shows at a glance."""
    fills: list[tuple[int, int, int, int]] = []
    edges: list[tuple[int, int, int, int]] = []
    for cam in cams:
        if health.get(cam.id) == "offline":
            r, g, b = style.DEVICE_OFFLINE_FILL[:3]
            fills.append((r, g, b, OFFLINE_FILL_ALPHA))
            edges.append((r, g, b, CONE_EDGE_ALPHA))
            continue
        r, g, b = style.device_style(district.devices[cam.id].kind).rgba[:3]
        fills.append((r, g, b, CONE_FILL_ALPHA))
        edges.append((r, g, b, CONE_EDGE_ALPHA))
    return fills, edges


def layer(district: District, proj: LocalProjection, health: Mapping[str, str] | None = None) -> LayerData:
    """Cones (2D polygons and the 3D mesh; `extra["mesh"]["owner"]`: the camera index of each face) of every
    placed camera; `health`: device id → online/offline/
    flagged (`layers.devices.health_from_alerts`), offline cones go grey."""
    cams = cameras(district)
    ids = [c.id for c in cams]
    shapes = [Polygon(cone(c, SEGMENTS)) for c in cams]
    fills, edges = cone_colours(district, cams, health or {})
    polygons = build.polygons(proj, ids, shapes, fills, edges)
    xy = proj.to_xy([c.lon for c in cams], [c.lat for c in cams]) if cams else np.zeros((0, 2))
    points = Points.build(ids, xy, [CAMERA_RGBA] * len(cams), [9.0] * len(cams), ["t"] * len(cams))
    vertices, faces = cone_mesh(cams, proj)
    # Each fan's faces share its apex (the first column), in camera order: the inverse indexes the camera.
    owner = np.unique(faces[:, 0], return_inverse=True)[1].astype(np.int64).reshape(-1)
    mesh = {"vertices": vertices, "faces": faces, "owner": owner}
    return LayerData(NAME, z=25, points=points, polygons=polygons, extra={"mesh": mesh})
