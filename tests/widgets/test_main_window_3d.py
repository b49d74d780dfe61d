"""The main window's 3D sandbox on the demo district: an alert selected in the queue lights its floor and
flies the 3D camera there; a building picked in 3D opens in the detail view. Judged from the VTK pane's
pixels (Sandbox3D.grab_image). Needs a real X display:

    Xvfb :141 -screen 0 1280x800x24 & DISPLAY=:141 QT_QPA_PLATFORM=xcb \
        .venv/bin/pytest -m vtk tests/widgets/test_main_window_3d.py
"""

from __future__ import annotations

import numpy as np
from pytestqt.qtbot import QtBot

from layers import extrude, style
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from tests.widgets.sandbox_support import NEEDS_X
from widgets.main_window import MainWindow

pytestmark = NEEDS_X
CRITICAL = np.array(style.SEVERITY[Severity.CRITICAL].rgba[:3])


def _window(qtbot: QtBot, demo: District) -> MainWindow:
    window = MainWindow(Scene(demo))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    assert window.sandbox3d is not None, "a real display must get the VTK pane"
    qtbot.waitExposed(window.sandbox3d)
    return window


def _near(image: np.ndarray, rgb: np.ndarray, tol: int = 12) -> int:
    return int((np.abs(image.astype(np.int32) - rgb.astype(np.int32)).max(axis=-1) <= tol).sum())


def _upper_floor_room(demo: District) -> str:
    """A room on an upper floor of a tall building, so its lit band is clear of the ground."""
    rooms = [r for r in demo.rooms.values() if (r.floor or 0) >= 2 and r.building_id in demo.buildings]
    return max(rooms, key=lambda r: (demo.buildings[r.building_id].floors or 0, r.id)).id


def test_alert_selected_in_queue_lights_its_floor_and_flies_the_3d_camera(
    qtbot: QtBot, demo: District
) -> None:
    window = _window(qtbot, demo)
    view = window.sandbox3d
    assert view is not None
    before = view.grab_image()
    assert _near(before, CRITICAL) == 0, "nothing is alerted yet"
    start = np.array(view.camera_focal_point())

    room = _upper_floor_room(demo)
    alert = Alert("A3D", "smoke", room, "room", Severity.CRITICAL, AlertState.OPEN, 0, 0)
    window.update_alerts([alert])  # the live controller's path
    assert "A3D" in view.alerts
    window.alerts_panel.select("A3D")  # the shared selection: the queue drives the 3D camera
    qtbot.waitUntil(lambda: view.flying, timeout=2_000)
    qtbot.waitUntil(lambda: not view.flying, timeout=5_000)

    assert view.mesh is not None
    focus = extrude.alert_focus(demo, view.mesh, view.proj, alert, {})
    assert focus is not None
    end = np.array(view.camera_focal_point())
    assert np.linalg.norm(end - start) > 20.0, "the camera moved"
    assert np.linalg.norm(end - np.array(focus)) < 1.0, "it looks at the alerted floor"
    after = view.grab_image()
    lit = _near(after, CRITICAL)
    assert lit > 200, f"the alerted floor shows in the critical colour ({lit} px)"
    h, w = after.shape[:2]
    cx, cy = view.world_to_pixel(*focus)
    assert abs(cx - w / 2) < w / 8 and abs(cy - h / 2) < h / 8, "the floor is in the middle of the pane"
    window.close()


def test_wall_focus_and_3d_pick_share_the_selection(qtbot: QtBot, demo: District) -> None:
    window = _window(qtbot, demo)
    view = window.sandbox3d
    assert view is not None
    room = _upper_floor_room(demo)
    alert = Alert("A3W", "smoke", room, "room", Severity.HIGH, AlertState.OPEN, 0, 0)
    window.update_alerts([alert])
    start = np.array(view.camera_focal_point())
    window.request_fly_to("A3W")  # what the wall does when an alert takes focus

    def moved() -> bool:
        return not view.flying and float(np.linalg.norm(np.array(view.camera_focal_point()) - start)) > 20.0

    qtbot.waitUntil(moved)

    building = demo.rooms[room].building_id
    assert view.mesh is not None
    b = view.mesh.index_of(building)
    x, y = (float(v) for v in view.mesh.anchor[b])
    top = float(view.mesh.height[b])
    col, row = view.world_to_pixel(x, y, top)
    height = view.render_window.GetSize()[1]
    with qtbot.waitSignal(view.picked, timeout=2_000) as picked:
        view.pick_display(col, height - 1 - row)
    assert picked.args == [building]
    assert window.detail.isVisible() and window.detail.current == ("building", building)
    window.close()


def test_the_wall_flies_the_3d_back_to_the_overview_when_focus_ends(qtbot: QtBot, demo: District) -> None:
    window = MainWindow(Scene(demo), wall=True)
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    view = window.sandbox3d
    assert view is not None and window.wall is not None
    qtbot.waitExposed(view)
    view.grab_image()
    camera = view.renderer.GetActiveCamera()
    home = np.array(camera.GetPosition())
    room = _upper_floor_room(demo)
    alert = Alert("A3O", "smoke", room, "room", Severity.CRITICAL, AlertState.OPEN, 0, 0)
    window.update_alerts([alert])
    window.wall.focus(alert)  # what the wall does with a new critical alert: the 3D flies there
    qtbot.waitUntil(lambda: not view.flying and np.linalg.norm(np.array(camera.GetPosition()) - home) > 50)
    window.wall.release()  # the focus ends (held long enough, or dismissed): back to the tour

    def home_again() -> bool:
        overview = view._overview_pose()[1]  # the pane's shape may have changed since
        return not view.flying and float(np.linalg.norm(np.array(camera.GetPosition()) - overview)) < 1.0

    qtbot.waitUntil(home_again)
    window.close()


def test_an_import_refits_the_3d_view_on_the_new_district(qtbot: QtBot, demo: District) -> None:
    """Issue 16 §6: after File → Import the 3D camera frames the imported district (its overview), not the
    spot the old one was looked at from."""
    from tests.layers.sample import small_district

    window = _window(qtbot, demo)
    view = window.sandbox3d
    assert view is not None
    view.grab_image()
    building = max(demo.buildings.values(), key=lambda b: (b.floors or 0, b.id)).id
    assert view.select_building(building)
    qtbot.waitUntil(lambda: not view.flying, timeout=5_000)
    small = small_district()
    window.importer.imported.emit(small)  # what a finished import does (the live controller restarts too)
    assert view.district is small
    camera = view.renderer.GetActiveCamera()
    focal, eye = view._overview_pose()
    assert np.linalg.norm(np.array(camera.GetFocalPoint()) - focal) < 1.0
    assert np.linalg.norm(np.array(camera.GetPosition()) - eye) < 1.0
    x0, y0, x1, y1 = view.ground_bounds
    fx, fy, _ = view.camera_focal_point()
    assert x0 <= fx <= x1 and y0 <= fy <= y1, "the camera looks at the new district"
    image = view.grab_image()
    background = image[2, 2].astype(np.int32)
    h, w = image.shape[:2]
    centre = image[h // 3 : 2 * h // 3, w // 3 : 2 * w // 3]
    drawn = (np.abs(centre.astype(np.int32) - background).max(axis=-1) > 24).mean()
    assert drawn > 0.05, f"the new district fills the middle of the pane ({drawn:.0%} drawn)"
    window.close()
