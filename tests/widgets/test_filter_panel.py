"""The element filter panel (issue 24): ticking a filter changes the counts summary, what the 2D map draws
(pixels and layer data) and the district the 3D sandbox is given; each user's ticks are remembered."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from tests.layers.sample import GUARD_POSITIONS, at, small_district
from tests.layers.test_filters import _with_grid_polygons
from tests.widgets.test_main_window import close_to, grab_map, pixel_at, show
from widgets.filter_panel import FilterPanel
from widgets.i18n import install_translators, remove_translators
from widgets.main_window import MainWindow
from widgets.map2d import Map2D

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


def tick(panel: FilterPanel, facet: str, value: str, on: bool = True) -> None:
    item = panel.item_for(facet, value)
    assert item is not None, (facet, value)
    item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    QApplication.processEvents()


def test_ticking_rentals_fades_other_buildings(qtbot: QtBot, tmp_path: Path, chinese: None) -> None:
    window = show(qtbot, Scene(small_district(), dict(GUARD_POSITIONS)))
    panel = window.filter_panel
    panel.set_user("test-rentals")
    panel.clear()
    rental = panel.item_for("usage", "rental")
    assert rental is not None and rental.text(0) == "出租 (1)"
    assert panel.summary.text() == "显示楼栋 3/3，设备 6/6"
    before = grab_map(window, tmp_path)
    owner_pixel = pixel_at(window, before, *at(58, 58))  # B2: owner-occupied, elderly alone
    rental_pixel = pixel_at(window, before, *at(-42, 58))  # B1: tinted by its share of rented rooms
    tick(panel, "usage", "rental")
    after = grab_map(window, tmp_path)
    assert close_to(pixel_at(window, after, *at(-42, 58)), rental_pixel)  # B1 kept as it was
    assert not close_to(pixel_at(window, after, *at(58, 58)), owner_pixel, tol=20)  # B2 faded
    assert panel.summary.text() == "显示楼栋 1/3，设备 6/6"
    tick(panel, "circle", "outer")
    devices = window.map2d.layer_data("devices")
    assert devices is not None and devices.points is not None and devices.points.ids == ("D3",)
    assert panel.summary.text() == "显示楼栋 1/3，设备 1/6"
    panel.clear()
    devices = window.map2d.layer_data("devices")
    assert devices is not None and devices.points is not None and len(devices.points) == 4  # all placed ones
    assert close_to(pixel_at(window, grab_map(window, tmp_path), *at(58, 58)), owner_pixel)


def test_ticking_a_grid_fades_what_lies_outside_it(qtbot: QtBot, tmp_path: Path, chinese: None) -> None:
    """Grids come from the package's polygons (网格): ticking 东网格 keeps the building and devices inside
    it on the 2D map and fades the rest; the grid is listed by name with its building count."""
    window = show(qtbot, Scene(_with_grid_polygons(), dict(GUARD_POSITIONS)))
    panel = window.filter_panel
    panel.set_user("test-grids")
    panel.clear()
    east = panel.item_for("grid", "WG02")
    assert east is not None and east.text(0) == "东网格 (1)"
    facet = east.parent()
    assert facet is not None and facet.text(0) == "网格"
    before = grab_map(window, tmp_path)
    west_pixel = pixel_at(window, before, *at(-42, 58))  # B1, in 西网格
    east_pixel = pixel_at(window, before, *at(58, 58))  # B2, in 东网格
    tick(panel, "grid", "WG02")
    after = grab_map(window, tmp_path)
    assert close_to(pixel_at(window, after, *at(58, 58)), east_pixel)
    assert not close_to(pixel_at(window, after, *at(-42, 58)), west_pixel, tol=20)
    devices = window.map2d.layer_data("devices")
    assert devices is not None and devices.points is not None and set(devices.points.ids) == {"D2", "D4"}
    assert panel.summary.text() == "显示楼栋 1/3，设备 2/6"
    panel.clear()
    assert close_to(pixel_at(window, grab_map(window, tmp_path), *at(-42, 58)), west_pixel)


def test_later_updates_stay_filtered(qtbot: QtBot, chinese: None) -> None:
    window = show(qtbot, Scene(small_district(), dict(GUARD_POSITIONS)))
    window.filter_panel.set_user("test-updates")
    window.filter_panel.clear()
    tick(window.filter_panel, "kind", "smart_lock")
    window.map2d.set_device_health({"D3": "offline"})  # a live health change redraws the devices layer
    devices = window.map2d.layer_data("devices")
    assert devices is not None and devices.points is not None and devices.points.ids == ("D1",)
    window.filter_panel.clear()


def test_3d_gets_the_filtered_district_and_ticks_are_per_user(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)
    shown: list[District] = []
    map2d = Map2D()
    qtbot.addWidget(map2d)
    panel = FilterPanel(map2d, shown.append, settings=settings)
    qtbot.addWidget(panel)
    panel.set_user("officer-a")
    panel.set_district(small_district())
    assert shown == []  # nothing filtered: the 3D pane keeps the district it was given
    tick(panel, "tag", "elderly_alone")
    assert set(shown[-1].buildings) == {"B2"} and len(shown[-1].devices) == 6
    panel.set_user("officer-b")
    assert not panel.element_filter.active and set(shown[-1].buildings) == {"B1", "B2", "B3"}
    other = FilterPanel(Map2D(), shown.append, settings=settings)
    qtbot.addWidget(other)
    qtbot.addWidget(other.map2d)
    other.set_user("officer-a")
    other.set_district(small_district())
    item = other.item_for("tag", "elderly_alone")
    assert item is not None and item.checkState(0) == Qt.CheckState.Checked
    assert set(shown[-1].buildings) == {"B2"}


@pytest.mark.vtk
@pytest.mark.skipif(
    not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") == "offscreen",
    reason="the VTK pane needs an X display (run under Xvfb with QT_QPA_PLATFORM=xcb)",
)
def test_the_3d_sandbox_draws_only_what_the_filter_keeps(qtbot: QtBot) -> None:
    window = MainWindow(Scene(small_district(), dict(GUARD_POSITIONS)))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    sandbox = window.sandbox3d
    assert sandbox is not None and sandbox.mesh is not None
    # the docks take their widths once shown (MainWindow.fit_docks): grab at the final size
    qtbot.waitUntil(lambda: window.docks_settled, timeout=2000)
    QApplication.processEvents()
    window.filter_panel.set_user("test-3d")
    window.filter_panel.clear()
    sandbox.render_now()
    everything = sandbox.grab_image().copy()
    assert set(sandbox.mesh.ids) == {"B1", "B2", "B3"}
    tick(window.filter_panel, "usage", "rental")
    sandbox.render_now()
    assert sandbox.mesh is not None and sandbox.mesh.ids == ("B1",)
    assert (np.abs(sandbox.grab_image().astype(np.int32) - everything).max(axis=-1) > 30).sum() > 500
    window.filter_panel.clear()
    assert sandbox.mesh is not None and set(sandbox.mesh.ids) == {"B1", "B2", "B3"}


@pytest.mark.vtk
@pytest.mark.skipif(
    not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") == "offscreen",
    reason="the VTK pane needs an X display (run under Xvfb with QT_QPA_PLATFORM=xcb)",
)
def test_the_3d_sandbox_follows_the_grid_filter(qtbot: QtBot) -> None:
    window = MainWindow(Scene(_with_grid_polygons(), dict(GUARD_POSITIONS)))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.docks_settled, timeout=2000)  # the docks' refit resizes the 3D pane
    sandbox = window.sandbox3d
    assert sandbox is not None
    window.filter_panel.set_user("test-3d-grid")
    window.filter_panel.clear()
    sandbox.render_now()
    everything = sandbox.grab_image().copy()
    tick(window.filter_panel, "grid", "WG01")
    sandbox.render_now()
    assert sandbox.mesh is not None and set(sandbox.mesh.ids) == {"B1", "B3"}
    assert (np.abs(sandbox.grab_image().astype(np.int32) - everything).max(axis=-1) > 30).sum() > 200
    window.filter_panel.clear()
    assert sandbox.mesh is not None and set(sandbox.mesh.ids) == {"B1", "B2", "B3"}
