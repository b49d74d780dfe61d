"""Devices of every kind, drawn at their point, or spread in a small ring around their building or gate.

Room and building devices have no surveyed position; many share one building, so they are fanned out
around its centre (deterministically, by id) rather than stacked into one unreadable marker.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from layers import style
from layers.data import LayerData, Points
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import Device, District

NAME = "devices"
OFFLINE_RULE = "device_offline"
SPREAD_M = 3.0
"""Ring radius for devices sharing one anchor, grown with the count so markers do not overlap."""


def anchor_lonlat(district: District, device: Device) -> tuple[float, float] | None:
    """Where a device is drawn before spreading: its point, else its gate, building or room's building."""
    return district.device_anchor(device)


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


def health_from_alerts(alerts: Iterable[Alert]) -> dict[str, str]:
    """Device id → "offline" (an open `device_offline` alert on it) or "flagged" (any other open alert on
    it: a fire alarm, a tamper, an implausible fix); devices not named are online."""
    health: dict[str, str] = {}
    for alert in alerts:
        if alert.subject_type != "device" or not alert.state.is_open:
            continue
        if alert.rule == OFFLINE_RULE:
            health[alert.subject] = "offline"
        else:
            health.setdefault(alert.subject, "flagged")
    return health


def health_colours(
    ids: Iterable[str], kind_rgba: np.ndarray, health: Mapping[str, str]
) -> tuple[np.ndarray, np.ndarray]:
    """(fill, outline) RGBA per device: the kind's colour, greyed when offline; outline by health.

    Every device starts online and only the few `health` names are looked up, so recolouring thousands of
    markers for a replay seek costs the changed ones, not a Python pass over all of them."""
    ids = ids if isinstance(ids, Sequence) else tuple(ids)
    fill = np.asarray(kind_rgba, dtype=np.uint8).reshape(-1, 4).copy()
    edge = np.tile(np.asarray(style.DEVICE_HEALTH_EDGE["online"], dtype=np.uint8), (len(ids), 1))
    named = [(h, d) for d, h in health.items() if h != "online"]
    if named:
        index = {d: k for k, d in enumerate(ids)}
        for state, device in named:
            k = index.get(device)
            if k is None:
                continue
            edge[k] = style.DEVICE_HEALTH_EDGE[state]
            if state == "offline":
                fill[k] = style.DEVICE_OFFLINE_FILL
    return fill, edge


def with_health(points: Points, health: Mapping[str, str], kind_rgba: np.ndarray) -> Points:
    """The same markers recoloured for `health` (cheap: no placement is recomputed)."""
    fill, edge = health_colours(points.ids, kind_rgba, health)
    return Points(points.ids, points.xy, fill, points.size, points.symbol, edge)


def layer(district: District, proj: LocalProjection, health: Mapping[str, str] | None = None) -> LayerData:
    """Markers by kind (symbol) and health (colour); `health`: device id → online/offline/flagged.

    `extra`: "kind" and "health" per device, and "kind_rgba" (the health-free fills, for `with_health`)."""
    placed = positions(district, proj)
    ids = sorted(placed)
    styles = [style.device_style(district.devices[i].kind) for i in ids]
    xy = np.asarray([placed[i] for i in ids], dtype=np.float64).reshape(-1, 2)
    kind_rgba = np.asarray([s.rgba for s in styles], dtype=np.uint8).reshape(-1, 4)
    fill, edge = health_colours(ids, kind_rgba, health or {})
    points = Points(
        tuple(ids),
        xy,
        fill,
        np.asarray([s.size for s in styles], dtype=np.float32),
        tuple(s.symbol for s in styles),
        edge,
    )
    extra: dict[str, object] = {
        "kind": tuple(district.devices[i].kind for i in ids),
        "health": tuple((health or {}).get(i, "online") for i in ids),
        "kind_rgba": kind_rgba,
    }
    return LayerData(NAME, z=30, points=points, extra=extra)
