"""Markers sharing a cell fold into one, in the worst member's style, with a count; alone they stay."""

from __future__ import annotations

import numpy as np

from layers.clusters import GROW_PX, cluster
from layers.data import Points


def _points(xy: list[tuple[float, float]], sizes: list[float]) -> Points:
    rgba = [(i, 0, 0, 255) for i in range(len(xy))]
    return Points.build([f"A{i}" for i in range(len(xy))], np.asarray(xy), rgba, sizes, ["o"] * len(xy))


def test_markers_in_one_cell_become_the_worst_one_at_their_centroid_with_a_count() -> None:
    pts = _points([(1, 1), (3, 3), (9, 1), (25, 25)], [16, 22, 18, 16])
    out, labels = cluster(pts, [1, 3, 2, 1], cell_m=10.0)
    assert labels is not None
    assert out.ids == ("A1", "A3")  # the cell (0, 0) shows its worst (rank 3); A3 is alone
    assert np.allclose(out.xy, np.array([[13 / 3, 5 / 3], [25.0, 25.0]]))
    assert out.size.tolist() == [22 + GROW_PX, 16]
    assert out.rgba[0].tolist() == [1, 0, 0, 255]
    assert labels.text == ("3",) and np.allclose(labels.xy, np.array([[13 / 3, 5 / 3]]))


def test_nothing_shared_or_no_zoom_leaves_the_markers_as_given() -> None:
    pts = _points([(1, 1), (30, 30)], [16, 16])
    assert cluster(pts, [0, 0], cell_m=10.0) == (pts, None)
    assert cluster(pts, [0, 0], cell_m=0.0) == (pts, None)
