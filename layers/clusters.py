"""Markers that would sit on top of each other at the current zoom fold into one (issue 16).

At district zoom, fixed-size alert discs (14-26 px) covered whole blocks and hid the guards and route labels
under them. `cluster` buckets markers into square cells of `cell_m` metres (the map picks the cell from its
zoom: about one marker's width on screen); a cell holding several becomes one marker at their centroid, in
the style of its worst member (whose id it carries, so a click selects that alert), a little larger, with
the count as a label. Zooming in makes the cells smaller until every marker stands alone again.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from layers.data import Labels, Points

GROW_PX = 6.0
"""A cluster's marker is this much larger than its worst member's."""


def cluster(points: Points, rank: Sequence[int], cell_m: float) -> tuple[Points, Labels | None]:
    """(markers, count labels): `points` unchanged and no labels when nothing shares a cell. `rank` orders
    members (higher: worse; the worst one gives the cluster its look and id)."""
    n = len(points)
    if n < 2 or not np.isfinite(cell_m) or cell_m <= 0:
        return points, None
    keys = np.floor(points.xy / cell_m).astype(np.int64)
    _, inverse, counts = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    if len(counts) == n:
        return points, None
    worst_first = np.lexsort((np.arange(n), -np.asarray(rank, dtype=np.int64), inverse))
    grouped = inverse[worst_first]
    heads = worst_first[np.r_[True, grouped[1:] != grouped[:-1]]]  # per cell, in cell order: its worst
    xy = np.column_stack(
        [np.bincount(inverse, weights=points.xy[:, i], minlength=len(counts)) / counts for i in (0, 1)]
    )
    many = counts > 1
    size = points.size[heads] + np.where(many, GROW_PX, 0.0).astype(np.float32)
    out = Points(
        tuple(points.ids[i] for i in heads),
        np.where(many[:, None], xy, points.xy[heads]),
        points.rgba[heads],
        size.astype(np.float32),
        tuple(points.symbol[i] for i in heads),
        None if points.edge is None else points.edge[heads],
    )
    labels = Labels(xy[many], tuple(str(int(c)) for c in counts[many]))
    return out, labels
