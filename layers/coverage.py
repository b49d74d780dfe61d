"""Coverage gaps: road stretches no free guard reaches within the limit, as one wide translucent line set.

Computed in the core (`sandbox_app.dispatch.coverage`); this only projects the (k, 2, 2) lon/lat segments.
"""

from __future__ import annotations

import numpy as np

from layers import style
from layers.data import FloatArray, LayerData, Lines
from layers.projection import LocalProjection

NAME = "coverage"


def layer(proj: LocalProjection, segments: FloatArray) -> LayerData:
    """`segments`: (k, 2, 2) lon/lat end points of the uncovered edges."""
    seg = np.asarray(segments, dtype=np.float64).reshape(-1, 2, 2)
    flat = seg.reshape(-1, 2)
    xy = proj.to_xy(flat[:, 0], flat[:, 1]) if len(flat) else np.zeros((0, 2))
    k = len(seg)
    connect = np.tile(np.asarray([True, False]), k)
    gap = style.COVERAGE_GAP
    lines = Lines(
        tuple(str(i) for i in range(k)),
        xy,
        connect,
        np.arange(0, 2 * k + 1, 2, dtype=np.int64),
        np.tile(np.asarray(gap.rgba, dtype=np.uint8), (k, 1)).reshape(-1, 4),
        np.full(k, gap.width, dtype=np.float32),
    )
    return LayerData(NAME, z=12, lines=lines)
