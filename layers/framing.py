"""Camera framing for the 3D sandbox, as plain geometry (no VTK): where to stand to see a building with its
surroundings, and how to keep the eye out of every building.

A fly-to stands back far enough that the target's bounding sphere fills `TARGET_FILL` of the view's height
(so its projected box stays well inside the central part of the pane and the blocks around it show), at
`PITCH_DEG` down, never closer than `MIN_DISTANCE_M`. Whatever moves the camera (fly-to, wheel, orbit), the
eye is lifted over any building whose box it would be inside: the pane never turns one wall colour.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from layers.extrude import BuildingMesh

F64 = NDArray[np.float64]
PITCH_DEG = 45.0
TARGET_FILL = 0.3
MIN_DISTANCE_M = 160.0
"""Even a kiosk is seen from here: some 80 m of its surroundings fill the pane's height."""
CLEARANCE_M = 4.0
"""How far over a roof (and out from its box) the eye must stay."""
MIN_EYE_Z_M = 2.0


def boxes(mesh: BuildingMesh) -> F64:
    """(B, 5) west, south, east, north, height of every building in local metres (NaN without rings)."""
    out = np.full((len(mesh.ids), 5), np.nan)
    out[:, 4] = mesh.height
    if not len(mesh.ring_xy):
        return out
    n_r = np.diff(mesh.ring_start)
    ring_b = np.repeat(np.arange(len(mesh.ids)), np.diff(mesh.building_ring_start))
    vertex_b = np.repeat(ring_b, n_r)
    for col, (axis, fn) in enumerate([(0, np.fmin), (1, np.fmin), (0, np.fmax), (1, np.fmax)]):
        acc = np.full(len(mesh.ids), np.nan)
        fn.at(acc, vertex_b, mesh.ring_xy[:, axis])
        out[:, col] = acc
    return out


def radius(box: F64) -> float:
    """Bounding-sphere radius of one building box (west, south, east, north, height)."""
    w, s, e, n, h = (float(v) for v in box)
    if not all(math.isfinite(v) for v in (w, s, e, n)):
        return h / 2.0
    return 0.5 * math.sqrt((e - w) ** 2 + (n - s) ** 2 + h**2)


def frame_distance(sphere_radius: float, view_angle_deg: float, fill: float = TARGET_FILL) -> float:
    """Distance from which a sphere of `sphere_radius` spans `fill` of a view `view_angle_deg` high."""
    half = math.radians(view_angle_deg) * fill / 2.0
    return max(MIN_DISTANCE_M, sphere_radius / math.sin(half))


def inside(all_boxes: F64, eye: F64, clearance: float = CLEARANCE_M) -> NDArray[np.bool_]:
    """Which building boxes (grown by `clearance`) hold the point `eye`."""
    x, y, z = (float(v) for v in eye)
    b = all_boxes
    with np.errstate(invalid="ignore"):
        hit: NDArray[np.bool_] = (
            (b[:, 0] - clearance <= x)
            & (x <= b[:, 2] + clearance)
            & (b[:, 1] - clearance <= y)
            & (y <= b[:, 3] + clearance)
            & (z <= b[:, 4] + clearance)
        )
    return hit


def keep_outside(all_boxes: F64, eye: F64, clearance: float = CLEARANCE_M) -> F64:
    """`eye` lifted over the roof of any building it would be inside, and never below `MIN_EYE_Z_M`."""
    out = np.asarray(eye, dtype=np.float64).copy()
    hit = inside(all_boxes, out, clearance) if len(all_boxes) else np.zeros(0, bool)
    if hit.any():
        out[2] = float(np.nanmax(all_boxes[hit, 4])) + clearance
    out[2] = max(out[2], MIN_EYE_Z_M)
    return out
