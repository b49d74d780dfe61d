"""Camera field-of-view cones: translucent fans on the 2D map and flat triangle fans for the 3D sandbox.

2D: one polygon per camera (apex + far arc) through the shared polygon renderer. 3D: `extra["mesh"]`
holds one merged triangle mesh (vertices (n, 3) metres, faces (m, 3) vertex indices) lifted slightly
above the ground, so the whole layer is one VTK actor.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from shapely.geometry import Polygon

from layers import build
from layers.data import LayerData, Points
from layers.projection import LocalProjection
from sandbox_app.domain.model import District
from sandbox_app.video.cameras import Camera, cameras, cone

NAME = "cameras"
CONE_FILL = (255, 170, 0, 60)
CONE_EDGE = (230, 130, 0, 200)
CAMERA_RGBA = (230, 130, 0, 255)
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


def layer(district: District, proj: LocalProjection) -> LayerData:
    cams = cameras(district)
    ids = [c.id for c in cams]
    shapes = [Polygon(cone(c, SEGMENTS)) for c in cams]
    polygons = build.polygons(proj, ids, shapes, [CONE_FILL] * len(cams), [CONE_EDGE] * len(cams))
    xy = proj.to_xy([c.lon for c in cams], [c.lat for c in cams]) if cams else np.zeros((0, 2))
    points = Points.build(ids, xy, [CAMERA_RGBA] * len(cams), [9.0] * len(cams), ["t"] * len(cams))
    vertices, faces = cone_mesh(cams, proj)
    return LayerData(
        NAME, z=25, points=points, polygons=polygons, extra={"mesh": {"vertices": vertices, "faces": faces}}
    )
