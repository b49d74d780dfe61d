"""Active dispatches: each route from the guard's fix at issue to the incident, and the incident itself.

All routes are one `Lines` (one item on the map, coloured by dispatch state) and all incidents one `Points`,
however many dispatches are running.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from layers import style
from layers.data import Labels, LayerData, Lines, Points
from layers.projection import LocalProjection
from sandbox_app.domain.dispatch import Dispatch, DispatchState

NAME = "dispatch"
LonLat = tuple[float, float]


def eta_text(d: Dispatch, now_ts: int | None) -> str:
    """ "GU1 3:05": the guard and the time left on the recommended ETA (counted from issue when `now_ts` is
    given); just the guard once on scene or when no ETA is known. Digits only, so no translation."""
    if d.state is DispatchState.ON_SCENE or d.eta_s is None:
        return d.guard_id
    left = d.eta_s if now_ts is None else d.eta_s - max(0, now_ts - d.issued_ts) / 1000.0
    seconds = max(0, round(left))
    return f"{d.guard_id} {seconds // 60}:{seconds % 60:02d}"


def layer(
    proj: LocalProjection,
    dispatches: Sequence[Dispatch],
    paths: Mapping[str, Sequence[LonLat]],
    now_ts: int | None = None,
) -> LayerData:
    """Dispatches that hold a guard: their route (when known) and incident (when located).

    `extra["overlay_labels"]`: an ETA label at the middle vertex of each route (drawn by the map as an
    overlay of this layer, so the layer's items stay one for routes and one for incidents)."""
    holding = [d for d in dispatches if d.state.holds_guard]
    routed = [d for d in holding if len(paths.get(d.id, ())) >= 2]
    chunks = [np.asarray(paths[d.id], dtype=np.float64) for d in routed]
    lonlat = np.concatenate(chunks) if chunks else np.zeros((0, 2))
    xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1]) if len(lonlat) else np.zeros((0, 2))
    sizes = [len(c) for c in chunks]
    vertex_start = np.zeros(len(sizes) + 1, dtype=np.int64)
    vertex_start[1:] = np.cumsum(sizes, dtype=np.int64)
    connect = np.ones(len(xy), dtype=np.bool_)
    connect[vertex_start[1:] - 1] = False
    styles = [style.DISPATCH_ROUTE[d.state] for d in routed]
    lines = Lines(
        tuple(d.id for d in routed),
        xy,
        connect,
        vertex_start,
        np.asarray([s.rgba for s in styles], dtype=np.uint8).reshape(-1, 4),
        np.asarray([s.width for s in styles], dtype=np.float32),
    )
    sites = {(d.lon, d.lat): d.alert_id for d in holding if d.lon is not None and d.lat is not None}
    where = np.asarray(list(sites), dtype=np.float64).reshape(-1, 2)
    mark = style.INCIDENT
    points = Points.build(
        list(sites.values()),
        proj.to_xy(where[:, 0], where[:, 1]) if len(where) else np.zeros((0, 2)),
        [mark.rgba] * len(sites),
        [mark.size] * len(sites),
        [mark.symbol] * len(sites),
    )
    middle = vertex_start[:-1] + (vertex_start[1:] - vertex_start[:-1]) // 2
    labels = Labels(xy[middle], tuple(eta_text(d, now_ts) for d in routed), style.ETA_LABEL)
    extra: dict[str, object] = {"overlay_labels": labels}
    # above the alert rings: the cross must show
    return LayerData(NAME, z=55, lines=lines, points=points, extra=extra)
