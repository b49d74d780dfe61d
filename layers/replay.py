"""A `ReplayState` as map layers: the live builders for devices (health), guards, alerts and dispatches,
plus the trail pieces and the guards in a gap. No Qt: the map, the video and the PDF all take these.

The live map grows its trails from successive positions (`layers.trails.TrailBuffer`); a seek has no such
succession, so `trails_layer` draws the state's own trail pieces under the same layer name. The grey of a
guard in a gap is defined here until `layers/style.py` gets an entry for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from layers import alerts, areas, buildings, compounds, devices, dispatch, gates, guards, roads, style
from layers.data import FloatArray, LayerData, Lines, Points
from layers.projection import LocalProjection
from sandbox_app.domain.model import District
from sandbox_app.replay.state import ReplayState

TRAILS = "trails"
SILENT = "replay_silent"
TRAIL_ALPHA = 150
TRAIL_WIDTH = 2.0
SILENT_GUARD = style.Symbol((150, 150, 150, 200), "star", 12)


def trails_layer(
    district: District, proj: LocalProjection, trails: Mapping[str, Sequence[FloatArray]]
) -> LayerData:
    """One polyline per trail piece, in the guard's role colour, half see-through."""
    ids, chunks, rgba = [], [], []
    for gid in sorted(trails):
        guard = district.guards.get(gid)
        colour = style.GUARD_ROLE[guard.role].rgba if guard is not None else (0, 0, 0, 255)
        for k, piece in enumerate(trails[gid]):
            ids.append(f"{gid}#{k}")
            chunks.append(np.asarray(piece, dtype=np.float64).reshape(-1, 2))
            rgba.append((*colour[:3], TRAIL_ALPHA))
    lonlat = np.concatenate(chunks) if chunks else np.zeros((0, 2))
    xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1]) if len(lonlat) else np.zeros((0, 2))
    vertex_start = np.zeros(len(chunks) + 1, dtype=np.int64)
    vertex_start[1:] = np.cumsum([len(c) for c in chunks])
    connect = np.ones(len(xy), dtype=np.bool_)
    connect[vertex_start[1:] - 1] = False
    lines = Lines(
        tuple(ids),
        xy,
        connect,
        vertex_start,
        np.asarray(rgba, dtype=np.uint8).reshape(-1, 4),
        np.full(len(ids), TRAIL_WIDTH, dtype=np.float32),
    )
    return LayerData(TRAILS, z=38, lines=lines)


def headings(
    ids: Sequence[str], proj: LocalProjection, trails: Mapping[str, Sequence[FloatArray]]
) -> FloatArray:
    """Compass bearing (degrees, 0 north) of each guard's last trail step; NaN without one. The map's
    heading ticks, which in replay come from here instead of the map's own trail buffer."""
    out = np.full(len(ids), np.nan)
    rows, ends = [], []
    for i, gid in enumerate(ids):
        pieces = trails.get(gid)
        if pieces and len(pieces[-1]) >= 2:
            rows.append(i)
            ends.append(np.asarray(pieces[-1][-2:], dtype=np.float64))
    if not rows:
        return out
    lonlat = np.concatenate(ends)
    xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1]).reshape(-1, 2, 2)
    d = xy[:, 1] - xy[:, 0]
    moved = np.hypot(d[:, 0], d[:, 1]) > 0
    out[np.asarray(rows)[moved]] = np.degrees(np.arctan2(d[moved, 0], d[moved, 1])) % 360.0
    return out


def silent_layer(proj: LocalProjection, gaps: Mapping[str, tuple[float, float]]) -> LayerData:
    """Guards in a gap: a grey star at the last known place, never their live colour."""
    gids = sorted(gaps)
    lonlat = np.asarray([gaps[g] for g in gids], dtype=np.float64).reshape(-1, 2)
    xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1]) if gids else np.zeros((0, 2))
    n = len(gids)
    points = Points.build(
        gids, xy, [SILENT_GUARD.rgba] * n, [SILENT_GUARD.size] * n, [SILENT_GUARD.symbol] * n
    )
    return LayerData(SILENT, z=39, points=points)


def device_health(state: ReplayState) -> dict[str, str]:
    """Device id → "offline" for the devices silent past their heartbeat at T (the rest read as online)."""
    return dict.fromkeys(state.devices.offline(), "offline")


class ReplayLayers:
    """The static layers once, and the layers that change with T per state, as the live map builds them.

    Devices are placed once and only recoloured per state (`layers.devices.with_health`), so a frame costs
    the moving layers only.
    """

    def __init__(self, district: District, proj: LocalProjection, health_every_ms: int = 15_000) -> None:
        self.district = district
        self.proj = proj
        self.health_every_ms = health_every_ms
        self._health_ts = 0
        self._devices = devices.layer(district, proj)
        self._health: frozenset[str] | None = None
        self._devices_now = self._devices

    def static(self) -> list[LayerData]:
        d, p = self.district, self.proj
        return [
            compounds.layer(d, p),
            areas.layer(d, p),
            roads.layer(d, p),
            buildings.layer(d, p),
            gates.layer(d, p),
        ]

    def devices(self, state: ReplayState) -> LayerData:
        """Recoloured when the offline set changed, at most every `health_every_ms` of district time while
        playing forward (thousands of markers; a device greys a few seconds late at most)."""
        since = state.at_ts - self._health_ts
        if self._health is not None and 0 <= since < self.health_every_ms:
            return self._devices_now
        self._health_ts = state.at_ts
        offline = frozenset(state.devices.offline())
        if offline != self._health:
            base = self._devices
            kind_rgba = base.extra["kind_rgba"]
            assert base.points is not None and isinstance(kind_rgba, np.ndarray)
            health = dict.fromkeys(offline, "offline")
            points = devices.with_health(base.points, health, kind_rgba)
            self._devices_now = LayerData(base.name, base.z, points=points, extra=base.extra)
            self._health = offline
        return self._devices_now

    def dynamic(self, state: ReplayState) -> list[LayerData]:
        d, p = self.district, self.proj
        positions = state.guard_positions
        fix_ts = {g: s.fix_ts for g, s in state.guards.items()}
        update = state.dispatch_update()
        guard_layer = guards.layer(d, p, positions, fix_ts)
        if guard_layer.points is not None:
            guard_layer.extra["heading_deg"] = headings(guard_layer.points.ids, p, state.trails)
        return [
            self.devices(state),
            trails_layer(d, p, state.trails),
            silent_layer(p, state.gaps),
            guard_layer,
            alerts.layer(d, p, state.alerts, positions),
            dispatch.layer(p, update.dispatches, update.paths),
        ]
