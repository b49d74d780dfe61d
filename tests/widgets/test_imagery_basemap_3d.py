"""The imagery basemap draped on the 3D ground (2D side: test_imagery_basemap.py): the demo's
roads, drawn in GCJ-02-shifted tiles, show on the sandbox's ground where the roads are. Needs X:

    Xvfb :141 -screen 0 1280x800x24 & DISPLAY=:141 QT_QPA_PLATFORM=xcb \
        .venv/bin/pytest -m vtk tests/widgets/test_imagery_basemap_3d.py
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from tests.layers import imagery_tiles as it
from tests.widgets.sandbox_support import NEEDS_X
from tests.widgets.test_imagery_basemap import demo_with_imagery, gcj_tiles  # noqa: F401  # fixtures
from widgets.main_window import MainWindow

pytestmark = NEEDS_X


def test_the_basemap_is_draped_on_the_3d_ground_under_the_roads(
    qtbot: QtBot,
    demo_with_imagery: District,  # noqa: F811
) -> None:
    window = MainWindow(Scene(demo_with_imagery))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    view = window.sandbox3d
    assert view is not None, "a real display must get the VTK pane"
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: window.basemap.draped is not None, timeout=30_000)
    image = view.grab_image()
    ink = it.ink(image)
    assert ink.sum() > 2_000, "the tiles' roads and buildings show on the ground"
    h, w = ink.shape
    near = seen = 0
    for road in demo_with_imagery.roads.values():
        lon, lat = road.line.interpolate(0.5, normalized=True).coords[0]
        x, y = window.projection.to_xy(lon, lat)[0]
        col, row = view.world_to_pixel(float(x), float(y), 0.0)
        if not (4 <= col < w - 4 and 4 <= row < h - 4):
            continue
        seen += 1
        near += bool(ink[row - 4 : row + 5, col - 4 : col + 5].any())
    assert seen > 30, seen
    assert near / seen > 0.6, (near, seen)
    window.basemap.set_scene(demo_with_imagery, window.projection)  # reopens it: gone until it lands again
    assert not it.ink(view.grab_image()).sum() > 200
    qtbot.waitUntil(lambda: window.basemap.draped is not None, timeout=30_000)
