"""A search hit's track (issue 21): the subject's passes in time order as one line, a marker per pass
shaped by its kind, and a star where the subject was last seen. Built from `search/passes.Track`."""

from __future__ import annotations

import numpy as np
from shapely.geometry import LineString

from layers import build, style
from layers.data import LayerData, Points
from layers.projection import LocalProjection
from sandbox_app.search.passes import Track

NAME = "track"
Z = 45
"""Above buildings, roads and devices, below guards and alerts."""


def layer(t: Track | None, proj: LocalProjection) -> LayerData:
    """`extra["ts"]`: each marker's time (the last-seen star's too), aligned with the points."""
    placed = t.placed() if t is not None else []
    if not placed:
        return LayerData(NAME, Z)
    lon = np.asarray([p.lon for p in placed], dtype=np.float64)
    lat = np.asarray([p.lat for p in placed], dtype=np.float64)
    xy = proj.to_xy(lon, lat)
    symbols = [style.TRACK_PASS.get(p.kind, style.TRACK_OTHER) for p in placed]
    last = style.TRACK_LAST_SEEN
    points = Points.build(
        [f"{p.ts}:{i}" for i, p in enumerate(placed)] + ["last_seen"],
        np.vstack([xy, xy[-1:]]),
        [s.rgba for s in symbols] + [last.rgba],
        [s.size for s in symbols] + [last.size],
        [s.symbol for s in symbols] + [last.symbol],
        [s.rgba for s in symbols] + [style.TRACK_LINE.rgba],
    )
    lines = None
    if len(placed) >= 2:
        line = LineString(list(zip(lon.tolist(), lat.tolist(), strict=True)))
        lines = build.lines(proj, ["track"], [line], [style.TRACK_LINE.rgba], [style.TRACK_LINE.width])
    extra: dict[str, object] = {"ts": (*(p.ts for p in placed), placed[-1].ts)}
    return LayerData(NAME, Z, points=points, lines=lines, extra=extra)
