"""Alert beacons of the 3D sandbox: one per alerted place, standing above its building, pulsing by level.

A lit floor is a few pixels at the overview; a beacon (a beam up from the roof, a marker on top) is seen
from anywhere over the district. Several open alerts on one building make one beacon in the worst severity.
Alerts that are not about a building stand on the ground where the 2D map draws them.

The pulse is a per-beacon scale the renderer recomputes from these periods and amplitudes (no new geometry
per pulse): critical fastest and widest, a notice steady.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from layers import style
from layers.data import LayerData
from layers.extrude import BuildingMesh, alert_floor
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import Severity
from sandbox_app.domain.model import District
from sandbox_app.domain.places import incident_location

NAME = "beacons"
ROOF_GAP_M = 1.0
PULSE: dict[Severity, tuple[float, float]] = {
    Severity.NOTICE: (0.0, 0.0),
    Severity.LOW: (2.0, 0.15),
    Severity.MEDIUM: (1.5, 0.25),
    Severity.HIGH: (1.0, 0.4),
    Severity.CRITICAL: (0.6, 0.55),
}
"""Severity → (period in seconds, amplitude as a share of the marker's width); period 0 is steady."""
SIZE: dict[Severity, float] = {
    Severity.NOTICE: 0.55,
    Severity.LOW: 0.65,
    Severity.MEDIUM: 0.8,
    Severity.HIGH: 1.0,
    Severity.CRITICAL: 1.2,
}
"""Severity → beacon size (height and width): seventy low alerts must not hide the one high."""


def pulse_scale(period_s: np.ndarray, amplitude: np.ndarray, t_s: float) -> np.ndarray:
    """Width factor of each beacon at time `t_s`: 1 + amplitude × a smooth 0..1..0 wave per period."""
    safe = np.where(period_s > 0, period_s, 1.0)
    wave = 0.5 - 0.5 * np.cos(2.0 * np.pi * (t_s / safe))
    out: np.ndarray = 1.0 + np.where(period_s > 0, amplitude * wave, 0.0)
    return out


def layer(
    district: District,
    proj: LocalProjection,
    mesh: BuildingMesh | None,
    alerts: Sequence[Alert],
    guard_positions: Mapping[str, tuple[float, float]] | None = None,
) -> LayerData:
    """`extra`: "xyz" (n, 3) foot of each beacon (roof top or ground), "rgb" (n, 3), "period" and
    "amplitude" (n,) from `PULSE`, "size" (n,) from `SIZE`, "alert" (n,) the worst alert's id, "building"
    (n,) its building's id or ""."""
    order = list(style.SEVERITY)
    worst: dict[tuple[str, float, float], tuple[int, Alert, float]] = {}
    for alert in alerts:
        if not alert.state.is_open:
            continue
        where = alert_floor(district, alert)
        if mesh is not None and where is not None and where[0] in mesh.index:
            b = mesh.index[where[0]]
            key = (where[0], float(mesh.anchor[b][0]), float(mesh.anchor[b][1]))
            z = float(mesh.height[b]) + ROOF_GAP_M
        else:
            lonlat = incident_location(district, alert, guard_positions or {})
            if lonlat is None:
                continue
            x, y = proj.to_xy([lonlat[0]], [lonlat[1]])[0]
            key, z = ("", float(x), float(y)), 0.0
        rank = order.index(alert.severity)
        if key not in worst or worst[key][0] < rank:
            worst[key] = (rank, alert, z)
    keys = list(worst)
    severities = [worst[k][1].severity for k in keys]
    extra: dict[str, object] = {
        "xyz": np.asarray([(k[1], k[2], worst[k][2]) for k in keys], dtype=np.float64).reshape(-1, 3),
        "rgb": np.asarray([style.SEVERITY[s].rgba[:3] for s in severities], dtype=np.uint8).reshape(-1, 3),
        "period": np.asarray([PULSE[s][0] for s in severities], dtype=np.float64),
        "amplitude": np.asarray([PULSE[s][1] for s in severities], dtype=np.float64),
        "size": np.asarray([SIZE[s] for s in severities], dtype=np.float64),
        "alert": tuple(worst[k][1].id for k in keys),
        "building": tuple(k[0] for k in keys),
    }
    return LayerData(NAME, z=70, extra=extra)
