"""Devices of every kind, drawn at their point, or spread in a small ring around their building or gate.

Room and building devices have no surveyed position; many share one building, so they are fanned out
around its centre (deterministically, by id) rather than stacked into one unreadable marker.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from layers import style
from layers.data import LayerData, Points
from layers.projection import LocalProjection
from sandbox_app.domain.model import Device, District

NAME = "devices"
SPREAD_M = 3.0
"""Ring radius for devices sharing one anchor, grown with the count so markers do not overlap."""


def anchor_lonlat(district: District, device: Device) -> tuple[float, float] | None:
    """Where a device is drawn before spreading: its point, else its gate, building or room's building."""
    if device.location is not None:
        return device.location.x, device.location.y
    if device.gate_id and device.gate_id in district.gates:
        loc = district.gates[device.gate_id].location
        return loc.x, loc.y
    building_id = device.building_id
    if device.room_id and device.room_id in district.rooms:
        building_id = district.rooms[device.room_id].building_id
    if building_id and building_id in district.buildings:
        centre = district.buildings[building_id].footprint.representative_point()
        return centre.x, centre.y
    return None


def _spread(anchor_xy: np.ndarray, count: int) -> np.ndarray:
    if count == 1:
        return anchor_xy.reshape(1, 2)
    radius = SPREAD_M * max(1.0, math.sqrt(count / 6.0))
    angles = np.linspace(0.0, 2.0 * math.pi, count, endpoint=False)
    return anchor_xy.reshape(1, 2) + radius * np.column_stack([np.cos(angles), np.sin(angles)])


def positions(district: District, proj: LocalProjection) -> dict[str, tuple[float, float]]:
    """Device id → drawn (x, y) in metres; devices with nowhere to be drawn are left out."""
    groups: dict[tuple[float, float], list[str]] = defaultdict(list)
    for device in sorted(district.devices.values(), key=lambda d: d.id):
        anchor = anchor_lonlat(district, device)
        if anchor is not None:
            groups[anchor].append(device.id)
    out: dict[str, tuple[float, float]] = {}
    for (lon, lat), ids in groups.items():
        xy = _spread(proj.to_xy([lon], [lat])[0], len(ids))
        out.update({dev_id: (float(x), float(y)) for dev_id, (x, y) in zip(ids, xy, strict=True)})
    return out


def layer(district: District, proj: LocalProjection) -> LayerData:
    placed = positions(district, proj)
    ids = sorted(placed)
    styles = [style.device_style(district.devices[i].kind) for i in ids]
    xy = np.asarray([placed[i] for i in ids], dtype=np.float64).reshape(-1, 2)
    points = Points.build(
        ids, xy, [s.rgba for s in styles], [s.size for s in styles], [s.symbol for s in styles]
    )
    return LayerData(NAME, z=30, points=points)
