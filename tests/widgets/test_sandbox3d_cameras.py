"""Camera FOV cones in the 3D sandbox: one translucent actor, drawn ahead of the camera, toggled off.

Needs a real X display, like tests/widgets/test_sandbox3d.py:

    Xvfb :161 -screen 0 1280x800x24 & DISPLAY=:161 QT_QPA_PLATFORM=xcb .venv/bin/pytest -m vtk tests/widgets
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shapely.geometry import Point

from layers import cameras, style
from sandbox_app.data.package import load_package
from sandbox_app.data.resources import resource_path
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.model import Device
from tests.widgets.sandbox_support import NEEDS_X
from widgets.sandbox3d import Sandbox3D

pytestmark = NEEDS_X


def test_cones_are_one_actor_ahead_of_the_camera_and_follow_the_toggle(qtbot: QtBot) -> None:
    demo = load_package(resource_path("demo"))
    view = Sandbox3D()
    qtbot.addWidget(view)
    view.resize(480, 360)
    view.show()
    qtbot.waitExposed(view)
    view.set_scene(demo)
    view.set_devices_visible(False)
    lon, lat = view.proj.to_lonlat(np.array([4000.0]), np.array([4000.0]))[0]  # open ground east of it all
    extra = {"heading": 90, "fov": 60, "range_m": 60}
    demo.devices["CAM-T"] = Device("CAM-T", "camera", "测试相机", Placement.POINT, location=Point(lon, lat))
    demo.devices["CAM-T"].extra.update(extra)
    data = cameras.layer(demo, view.proj)
    view.set_cameras(data)
    actors = view.renderer.GetActors()
    assert view.cones_mapper.GetInput().GetNumberOfCells() == len(data.extra["mesh"]["faces"])  # type: ignore[index]
    view._place_camera(np.array([4000.0, 4000.0, 0.0]), np.array([4000.0, 3999.99, 250.0]))
    QApplication.processEvents()
    background = np.array(style.BACKGROUND[:3], dtype=np.int32)
    kind = np.array(style.device_style("camera").rgba[:3], dtype=np.int32)

    def colour_at(x: float, y: float) -> np.ndarray:
        image = view.grab_image()
        col, row = view.world_to_pixel(x, y, cameras.GROUND_Z_M)
        return image[row, col].astype(np.int32)

    ahead, behind = colour_at(4035.0, 4000.0), colour_at(3965.0, 4000.0)
    # Ahead (east): pulled from the ground colour towards the camera kind's colour; behind: bare ground.
    assert np.abs(ahead - background).sum() > 40
    assert np.abs(ahead - kind).sum() < np.abs(background - kind).sum()
    assert np.abs(behind - ahead).sum() > 40
    view.set_cameras_visible(False)
    assert np.abs(colour_at(4035.0, 4000.0) - behind).sum() <= 6
    assert actors.GetNumberOfItems() == view.renderer.GetActors().GetNumberOfItems()
