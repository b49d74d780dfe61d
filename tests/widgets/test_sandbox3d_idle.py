"""The 3D pane at rest (issue 17): live updates redraw it at most every `LIVE_FRAME_MS`, however many come.

Needs a real X display (Xvfb): DISPLAY=:93 QT_QPA_PLATFORM=xcb .venv/bin/pytest -m vtk <this file>
"""

from __future__ import annotations

import numpy as np
from pytestqt.qtbot import QtBot

from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.model import District
from tests.widgets.sandbox_support import NEEDS_X
from widgets.sandbox3d import LIVE_FRAME_MS, Sandbox3D

pytestmark = NEEDS_X


def test_a_stream_of_live_updates_draws_a_few_frames_not_one_each(qtbot: QtBot) -> None:
    view = Sandbox3D()
    qtbot.addWidget(view)
    view.resize(320, 240)
    view.show()
    qtbot.waitExposed(view)
    view.set_scene(District(name="", timezone="UTC"))
    qtbot.wait(LIVE_FRAME_MS + 100)  # the scene's own frame is out of the way
    frames: list[int] = []
    view.render_window.AddObserver("EndEvent", lambda *_: frames.append(1))
    for step in range(20):  # 20 guard updates at 20 Hz: one second of a busy feed
        lonlat = np.array([[0.001 * step, 0.0]])
        view.set_guards(["G1"], lonlat, [GuardRole.SECURITY])
        qtbot.wait(50)
    qtbot.wait(LIVE_FRAME_MS + 100)
    assert 1 <= len(frames) <= 1000 // LIVE_FRAME_MS + 2, len(frames)


def test_a_user_toggle_draws_at_once_even_right_after_a_live_frame(qtbot: QtBot) -> None:
    view = Sandbox3D()
    qtbot.addWidget(view)
    view.resize(320, 240)
    view.show()
    qtbot.waitExposed(view)
    view.set_scene(District(name="", timezone="UTC"))
    view.set_guards(["G1"], np.array([[0.0, 0.0]]), [GuardRole.SECURITY])
    view.render_now()  # a live frame just drew: the next live one waits LIVE_FRAME_MS
    frames: list[int] = []
    view.render_window.AddObserver("EndEvent", lambda *_: frames.append(1))
    view.set_guards(["G1"], np.array([[0.001, 0.0]]), [GuardRole.SECURITY])
    view.set_devices_visible(False)  # the user's toggle: drawn in this event-loop turn, guards with it
    qtbot.waitUntil(lambda: len(frames) >= 1, timeout=LIVE_FRAME_MS // 2)


def test_the_wall_pace_draws_fewer_frames_for_the_same_things(qtbot: QtBot) -> None:
    from widgets.sandbox3d import WALL_FLY_STEP_MS, WALL_LIVE_FRAME_MS, WALL_PULSE_MS

    view = Sandbox3D()
    qtbot.addWidget(view)
    view.resize(320, 240)
    view.show()
    qtbot.waitExposed(view)
    view.set_scene(District(name="", timezone="UTC"))
    desk = (view._pulse_timer.interval(), view._fly_timer.interval())
    view.set_wall_pace()
    assert (view._pulse_timer.interval(), view._fly_timer.interval()) == (WALL_PULSE_MS, WALL_FLY_STEP_MS)
    assert view._pulse_timer.interval() > desk[0] and view._fly_timer.interval() > desk[1]
    qtbot.wait(WALL_LIVE_FRAME_MS + 100)
    frames: list[int] = []
    view.render_window.AddObserver("EndEvent", lambda *_: frames.append(1))
    for step in range(20):  # one second of a busy feed: at most one live frame in two seconds
        view.set_guards(["G1"], np.array([[0.001 * step, 0.0]]), [GuardRole.SECURITY])
        qtbot.wait(50)
    assert len(frames) <= 1, len(frames)
    view.set_devices_visible(False)  # a user's change still draws at once
    qtbot.waitUntil(lambda: len(frames) >= 1, timeout=500)
