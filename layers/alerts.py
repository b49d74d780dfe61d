"""Open alerts as rings coloured by severity, at the alert's position or its subject's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from layers import style
from layers.data import LayerData, Points
from layers.devices import anchor_lonlat
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District

NAME = "alerts"


def subject_lonlat(
    district: District, alert: Alert, guard_positions: Mapping[str, tuple[float, float]]
) -> tuple[float, float] | None:
    """The alert's own position, else where its subject (room, building, device, guard, compound) is."""
    if alert.lon is not None and alert.lat is not None:
        return alert.lon, alert.lat
    subject = alert.subject
    if alert.subject_type == "device" and subject in district.devices:
        return anchor_lonlat(district, district.devices[subject])
    if alert.subject_type == "guard":
        return guard_positions.get(subject)
    building_id = subject if alert.subject_type == "building" else None
    if alert.subject_type == "room" and subject in district.rooms:
        building_id = district.rooms[subject].building_id
    if building_id and building_id in district.buildings:
        p = district.buildings[building_id].footprint.representative_point()
        return p.x, p.y
    if alert.subject_type == "compound" and subject in district.compounds:
        p = district.compounds[subject].boundary.representative_point()
        return p.x, p.y
    return None


def layer(
    district: District,
    proj: LocalProjection,
    alerts: Sequence[Alert],
    guard_positions: Mapping[str, tuple[float, float]] | None = None,
) -> LayerData:
    """Only open alerts are drawn; ones whose place is unknown are left to the alert panel."""
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
    return LayerData(NAME, z=50, points=points)
