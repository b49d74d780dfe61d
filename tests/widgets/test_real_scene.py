"""The main window's real-scene model (issue 18 §2): a package that declares a tileset shows it in the 3D
pane with the blocks hidden when it replaces them; File ▸ Open real-scene 3D model… adds one for the session
and flies to it; the View menu toggles model and blocks. Needs a real X display:

    Xvfb :141 -screen 0 1280x800x24 & DISPLAY=:141 QT_QPA_PLATFORM=xcb \
        .venv/bin/pytest -m vtk tests/widgets/test_real_scene.py
"""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
from pytestqt.qtbot import QtBot

from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from tests.layers import tiles3d_sample
from tests.widgets.sandbox_support import NEEDS_X
from widgets.main_window import MainWindow

pytestmark = NEEDS_X


def _window(qtbot: QtBot, district: District) -> MainWindow:
    window = MainWindow(Scene(district))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    assert window.sandbox3d is not None, "a real display must get the VTK pane"
    return window


def test_declared_tileset_replaces_the_blocks(qtbot: QtBot, demo: District, tmp_path: Path) -> None:
    district = copy.copy(demo)
    path = tiles3d_sample.quadtree(tmp_path / "model")
    district.extra = {**demo.extra, "tilesets": [{"path": str(path), "replaces_blocks": True}]}
    window = _window(qtbot, district)
    view = window.sandbox3d
    assert view is not None
    assert [t.path for t in view.tiles.tilesets] == [path]
    actions = window.real_scene
    assert actions.model_action.isEnabled() and actions.model_action.isChecked()
    assert not actions.blocks_action.isChecked() and not view.buildings.GetVisibility()
    # the quadtree is a local-frame model: placed at the district's centre, and the status bar says so
    assert "centre" in window.statusBar().currentMessage()
    actions.blocks_action.trigger()
    assert view.buildings.GetVisibility()
    actions.model_action.trigger()
    assert not any(a.GetVisibility() for actors in view.tiles.actors.values() for a in actors)


def test_file_menu_opens_a_model_and_flies_to_it(qtbot: QtBot, demo: District, tmp_path: Path) -> None:
    window = _window(qtbot, demo)
    view = window.sandbox3d
    assert view is not None
    assert window.real_scene.open_action.isEnabled() and not window.real_scene.model_action.isEnabled()
    path = tiles3d_sample.quadtree(tmp_path / "model")
    assert window.real_scene.open(path)
    assert window.real_scene.model_action.isEnabled()
    qtbot.waitUntil(lambda: not view.flying, timeout=5_000)
    qtbot.waitUntil(lambda: len(view.tiles.shown) >= 1, timeout=10_000)
    # framed: the model's middle is near the middle of the pane, and its red/blue squares are drawn
    col, row = view.world_to_pixel(0.0, 0.0, 0.0)
    h, w = view.grab_image().shape[:2]
    assert abs(col - w / 2) < w * 0.1 and abs(row - h / 2) < h * 0.2
    image = view.grab_image().astype(np.int32)
    coloured = ((image[..., 0] > 150) & (image[..., 1] < 80)) | ((image[..., 2] > 150) & (image[..., 0] < 80))
    assert coloured.sum() > 500, coloured.sum()
    assert not window.real_scene.open(tmp_path / "missing" / "tileset.json")
    assert window.statusBar().currentMessage() == "Cannot open the real-scene model tileset.json"
