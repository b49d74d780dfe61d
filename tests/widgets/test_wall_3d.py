"""The wall's 3D sandbox: centre stage, and back to the whole-district overview once a focus ends (it used
to stay on the close-up through the whole tour). Needs a real X display:

    Xvfb :96 -screen 0 1920x1080x24 & DISPLAY=:96 QT_QPA_PLATFORM=xcb \\
        .venv/bin/pytest -m vtk tests/widgets/test_wall_3d.py
"""

from __future__ import annotations

import numpy as np
from pytestqt.qtbot import QtBot

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from tests.widgets.sandbox_support import NEEDS_X
from widgets.main_window import MainWindow

pytestmark = NEEDS_X


def test_wall_3d_is_centre_stage_and_returns_to_the_overview(qtbot: QtBot, demo: District) -> None:
    window = MainWindow(Scene(demo), wall=True)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    view, wall = window.sandbox3d, window.wall
    assert view is not None and wall is not None
    assert not window.search_box.isVisible(), "no search of people on the public wall"
    qtbot.waitUntil(lambda: view.width() > 0.4 * window.width())
    left = view.mapTo(window, view.rect().topLeft()).x()
    assert abs(left + view.width() / 2 - window.width() / 2) < 0.1 * window.width()  # in the middle
    assert view.height() > 0.6 * window.height()
    assert view.width() * view.height() > window.map2d.width() * window.map2d.height()
    overview = np.array(view.camera_focal_point())

    def away() -> float:
        return float(np.linalg.norm(np.array(view.camera_focal_point()) - overview))

    pixels = view.grab_image()
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 20, "the 3D pane looks blank"

    wall.hold.setInterval(1_500)
    room = max(demo.rooms.values(), key=lambda r: (r.floor, r.id))
    alert = Alert("W3D", "smoke_alarm", room.id, "room", Severity.CRITICAL, AlertState.OPEN, 0, 0)
    window.update_alerts([alert])
    assert wall.focused is not None and window.fly_to_alert == alert.id
    qtbot.waitUntil(lambda: away() > 5.0)
    qtbot.waitUntil(lambda: wall.focused is None, timeout=10_000)
    qtbot.waitUntil(lambda: away() < 1.0, timeout=10_000)  # the whole district again
    window.close()
