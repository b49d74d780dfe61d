"""Camera FOV cones on the 2D map, offscreen: the fill lies in front of the camera, along its heading."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from layers import buildings, cameras, compounds, roads, style
from layers.projection import LocalProjection
from tests.layers.sample import at, small_district
from widgets.map2d import Map2D

pytestmark = pytest.mark.gui
RGB = tuple[int, int, int]


def _blend(rgba: tuple[int, int, int, int], under: tuple[int, ...]) -> RGB:
    a = rgba[3] / 255.0
    r, g, b = (round(c * a + u * (1.0 - a)) for c, u in zip(rgba[:3], under[:3], strict=True))
    return r, g, b


def _close(actual: RGB, expected: RGB, tol: int = 12) -> bool:
    return all(abs(a - e) <= tol for a, e in zip(actual, expected, strict=True))


@pytest.mark.parametrize(("health", "fill"), [({}, "kind"), ({"D4": "offline"}, "grey")])
def test_cone_fill_lies_ahead_of_the_camera_not_behind(
    qtbot: QtBot, health: dict[str, str], fill: str
) -> None:
    d = small_district()
    d.devices["D4"].extra.update({"heading": 270, "fov": 60, "range_m": 40})  # D4 at (80, -80) looks west
    proj = LocalProjection.for_district(d)
    view = Map2D()
    qtbot.addWidget(view)
    view.resize(600, 600)
    for base in (compounds.layer(d, proj), roads.layer(d, proj), buildings.layer(d, proj)):
        view.set_layer(base)
    view.show()
    qtbot.waitExposed(view)
    view.fit()
    QApplication.processEvents()

    def grab() -> QImage:
        QApplication.processEvents()
        return view.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)

    before = grab()
    data = cameras.layer(d, proj, health)
    view.set_layer(data)
    image = grab()

    def pixel(x_m: float, y_m: float, of: QImage | None = None) -> RGB:
        img = image if of is None else of
        x, y = proj.to_xy(*at(x_m, y_m))[0]
        pt = view.map_to_widget(float(x), float(y))
        ratio = img.devicePixelRatio()
        assert img.rect().contains(int(pt.x() * ratio), int(pt.y() * ratio))
        c = img.pixelColor(int(pt.x() * ratio), int(pt.y() * ratio))
        return c.red(), c.green(), c.blue()

    assert data.polygons is not None
    rgba = tuple(int(v) for v in data.polygons.fill[data.polygons.ids.index("D4")])
    kind = style.device_style("camera").rgba
    expected_rgb = kind[:3] if fill == "kind" else style.DEVICE_OFFLINE_FILL[:3]
    assert rgba[:3] == expected_rgb and 0 < rgba[3] < 255
    fill_rgba = (rgba[0], rgba[1], rgba[2], rgba[3])
    for ahead in ((55, -80), (65, -76), (50, -84)):  # west of the camera, inside the 60° fan
        under = pixel(*ahead, of=before)
        cone_rgb = _blend(fill_rgba, under)
        assert not _close(cone_rgb, under, tol=10), "the fill would not show"
        assert _close(pixel(*ahead), cone_rgb), (ahead, pixel(*ahead), cone_rgb)
    for off in ((100, -80), (80, -60), (80, -100), (55, -100)):  # behind, beside, outside the fan
        assert _close(pixel(*off), pixel(*off, of=before), tol=3), off


def test_main_window_lists_the_cones_off_at_start_and_greys_an_offline_camera(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from sandbox_app.domain.alerts import Alert
    from sandbox_app.domain.enums import AlertState, Severity
    from sandbox_app.station.scene import Scene
    from tests.layers.sample import GUARD_POSITIONS
    from tests.widgets.test_main_window import grab_map, pixel_at, show

    window = show(qtbot, Scene(small_district(), dict(GUARD_POSITIONS)))
    items = window.map2d.layer_items("cameras")
    assert items and not window.layer_list.is_checked("cameras") and not any(i.isVisible() for i in items)
    ahead = at(80, -62)  # D4 at (80, -80) looks north (the default heading), 30 m
    hidden = pixel_at(window, grab_map(window, tmp_path), *ahead)
    window.layer_list.set_checked("cameras", True)
    QApplication.processEvents()
    online = pixel_at(window, grab_map(window, tmp_path), *ahead)
    assert online[1] - online[0] > 12 and online != hidden  # the camera kind's green over the ground
    offline = Alert("A-off", "device_offline", "D4", "device", Severity.MEDIUM, AlertState.OPEN, 0, 0)
    window.update_alerts([offline])
    QApplication.processEvents()
    grey = pixel_at(window, grab_map(window, tmp_path), *ahead)
    assert abs(grey[1] - grey[0]) <= 6 and grey != hidden  # grey cone: the camera is down
