"""Open alerts as rings coloured by severity, at the alert's position or its subject's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from layers import devices, style
from layers.data import LayerData, Points
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District
from sandbox_app.domain.places import incident_location

NAME = "alerts"


def subject_lonlat(
    district: District, alert: Alert, guard_positions: Mapping[str, tuple[float, float]]
) -> tuple[float, float] | None:
    """The alert's own position, else where its subject (room, building, device, guard, compound) is: the
    same place guards are sent to (`sandbox_app.dispatch.engine_hook.incident_location`)."""
    return incident_location(district, alert, guard_positions)


def layer(
    district: District,
    proj: LocalProjection,
    alerts: Sequence[Alert],
    guard_positions: Mapping[str, tuple[float, float]] | None = None,
) -> LayerData:
    """Only open alerts are drawn; ones whose place is unknown are left to the alert panel.

    `extra`: "severity" and "rule" per drawn alert, and "device_health" (`devices.health_from_alerts` of
    all the alerts given), so the map recolours devices whenever the alerts change."""
    placed = []
    for alert in alerts:
        where = subject_lonlat(district, alert, guard_positions or {})
        if alert.state.is_open and where is not None:
            placed.append((alert, where))
    styles = [style.SEVERITY[a.severity] for a, _ in placed]
    lonlat = np.asarray([w for _, w in placed], dtype=np.float64).reshape(-1, 2)
    xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1]) if placed else np.zeros((0, 2))
    points = Points.build(
        [a.id for a, _ in placed],
        xy,
        [s.rgba for s in styles],
        [s.size for s in styles],
        [s.symbol for s in styles],
    )
    extra: dict[str, object] = {
        "severity": tuple(str(a.severity) for a, _ in placed),
        "rule": tuple(a.rule for a, _ in placed),
        "device_health": devices.health_from_alerts(alerts),
    }
    return LayerData(NAME, z=50, points=points, extra=extra)
