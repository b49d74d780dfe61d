"""A points layer whose markers only change colour (devices going offline as a replay moves) is re-styled in
place, row by row (issue 24: a full re-set of 4,000 devices cost a seek ~10 ms), and looks exactly as the
same layer drawn afresh."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from layers.data import LayerData, Points
from widgets.map2d import Map2D
from widgets.render2d import PointsItem

pytestmark = pytest.mark.gui
N = 400


def _points(offline: set[int]) -> Points:
    xy = np.asarray([(i % 20 * 10.0, i // 20 * 10.0) for i in range(N)])
    rgba = np.tile(np.asarray((30, 120, 220, 255), np.uint8), (N, 1))
    edge = np.tile(np.asarray((255, 255, 255, 230), np.uint8), (N, 1))
    for i in offline:
        rgba[i] = (120, 120, 120, 255)
        edge[i] = (200, 30, 30, 255)
    ids = tuple(f"D{i:03d}" for i in range(N))
    return Points(ids, xy, rgba, np.full(N, 9.0, np.float32), ("o",) * N, edge)


def _map(qtbot: QtBot, points: Points) -> Map2D:
    view = Map2D()
    qtbot.addWidget(view)
    view.resize(500, 500)
    view.set_layer(LayerData("markers", 30, points=points))
    view.show()
    qtbot.waitExposed(view)
    view.fit()
    QApplication.processEvents()
    return view


def _count_full_sets(item: PointsItem) -> list[int]:
    """A list that grows by one on each full `setData` of the item."""
    calls: list[int] = []
    full = item.setData

    def counted(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        full(*args, **kwargs)

    item.setData = counted
    return calls


def _image(view: Map2D) -> QImage:
    QApplication.processEvents()
    image: QImage = view.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    return image


def test_a_few_recoloured_markers_are_restyled_in_place_and_drawn_as_afresh(qtbot: QtBot) -> None:
    moving = _map(qtbot, _points({3, 50}))
    item = moving.layer_items("markers")[0]
    assert isinstance(item, PointsItem)
    calls = _count_full_sets(item)
    after = _points({50, 51, 399})
    moving.set_layer(LayerData("markers", 30, points=after))
    assert moving.layer_items("markers") == [item] and calls == []  # no full re-set
    fresh = _map(qtbot, after)
    got, want = _image(moving), _image(fresh)
    assert got.size() == want.size()
    assert got == want
    before = _image(_map(qtbot, _points({3, 50})))
    assert got != before  # the restyle did change what is drawn


def test_many_changes_or_moved_markers_take_the_full_path(qtbot: QtBot) -> None:
    view = _map(qtbot, _points(set()))
    item = view.layer_items("markers")[0]
    assert isinstance(item, PointsItem)
    calls = _count_full_sets(item)
    view.set_layer(LayerData("markers", 30, points=_points(set(range(0, N, 2)))))
    assert calls == [1]
