"""The grids layer (网格): off at start, toggled from the layer list, drawn as purple outlines."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from layers import style
from sandbox_app.domain.grids import GRIDS_KEY, Grid
from sandbox_app.station.scene import Scene
from tests.layers.sample import at, box, small_district
from tests.widgets.test_main_window import close_to, english, grab_map, pixel_at, show

pytestmark = pytest.mark.gui
__all__ = ["english"]


def test_grid_outline_shows_when_the_layer_is_on(qtbot: QtBot, tmp_path: Path, english: None) -> None:
    district = small_district()
    district.extra[GRIDS_KEY] = [Grid("WG01", "第1网格", box(0, 0, 80), "").to_json()]
    window = show(qtbot, Scene(district, {}))
    edge = at(-80, 20)  # on the grid's west edge, inside the compound, away from buildings
    assert not window.layer_list.is_checked("grids")
    before = pixel_at(window, grab_map(window, tmp_path), *edge)
    assert not close_to(before, style.GRID_EDGE, tol=40)
    window.layer_list.set_checked("grids", True)
    qtbot.waitUntil(
        lambda: close_to(pixel_at(window, grab_map(window, tmp_path), *edge), style.GRID_EDGE, tol=40)
    )
    assert window._layer_title("grids") == "Grids"
