"""The 3D sandbox on the demo district, judged from pixels of the VTK pane (vtkWindowToImageFilter).

Needs a real X display (the VTK pane draws black on Qt's offscreen platform):

    Xvfb :131 -screen 0 1280x800x24 & DISPLAY=:131 QT_QPA_PLATFORM=xcb .venv/bin/pytest -m vtk tests/widgets
"""

from __future__ import annotations

import itertools
import math
import time
from collections import Counter, defaultdict

import numpy as np
import pytest
import shapely
from pytestqt.qtbot import QtBot

from layers import extrude, floors, ground, style
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, GuardRole, RoomUsage, Severity
from sandbox_app.domain.model import District
from tests.widgets.sandbox_support import NEEDS_X, near, shown_view
from widgets.sandbox3d import FLY_MS, Sandbox3D

pytestmark = NEEDS_X

W, H = 480, 360
HIGH = np.array(style.SEVERITY[Severity.HIGH].rgba[:3])


@pytest.fixture()
def view(qtbot: QtBot, demo: District) -> Sandbox3D:
    return shown_view(qtbot, demo, W, H)


def _look_down(view: Sandbox3D, x: float, y: float, height: float = 250.0) -> None:
    view._place_camera(np.array([x, y, 0.0]), np.array([x, y - 0.01, height]))


def _buildings_filled(demo: District, rgba: style.RGBA) -> list[str]:
    """Buildings whose roof shows `rgba` in 3D (their main usage, `layers.floors`), largest first."""
    usages: dict[str, Counter[RoomUsage]] = defaultdict(Counter)
    for room in demo.rooms.values():
        usages[room.building_id][room.usage] += 1
    found = [b.id for b in demo.buildings.values() if floors.roof_rgba(usages[b.id]) == rgba]
    return sorted(found, key=lambda b: -demo.buildings[b].footprint.area)


def _pane_height(view: Sandbox3D) -> int:
    """The VTK pane's height (the widget's less the 全景 bar above it)."""
    return int(view.render_window.GetSize()[1])


def _alert(subject: str, aid: str = "A1", severity: Severity = Severity.HIGH) -> Alert:
    return Alert(aid, "rental", subject, "room", severity, AlertState.OPEN, 0, 0)


def test_screenshot_shows_rental_blue_on_a_rental_building_only(view: Sandbox3D, demo: District) -> None:
    overview = view.grab_image()
    assert overview.shape == (_pane_height(view), W, 3)
    assert len(np.unique(overview.reshape(-1, 3), axis=0)) > 50

    mesh = view.mesh
    view.labels.actor.SetVisibility(False)  # seen from straight above, a building's number covers its roof
    blue = np.array(style.RENTAL_BLUE[:3])
    for building_id, expect_blue in [
        (_buildings_filled(demo, style.RENTAL_BLUE)[0], True),
        (_buildings_filled(demo, style.ROOM_USAGE[RoomUsage.OWNER])[0], False),
    ]:
        b = mesh.index_of(building_id)
        x, y = mesh.anchor[b]
        _look_down(view, x, y)
        image = view.grab_image()
        col, row = view.world_to_pixel(x, y, mesh.height[b])
        assert (col, row) == pytest.approx((W // 2, _pane_height(view) // 2), abs=3)
        patch = image[row - 2 : row + 3, col - 2 : col + 3]
        assert near(patch, blue, 30).all() == expect_blue, (building_id, patch[2, 2])
    # Far from every building, on the base beyond the compounds: the bare ground colour.
    x0, y0, _, _ = view.ground_bounds
    _look_down(view, x0 + 30.0, y0 + 30.0, height=40.0)
    assert near(view.grab_image(), np.array(ground.GROUND), 3).mean() > 0.9


def test_an_alert_on_a_room_lights_that_floor(view: Sandbox3D, demo: District) -> None:
    view.set_devices_visible(False)  # red devices would muddy the count
    mesh = view.mesh
    # The southernmost six-floor building with walls of one colour (no rental floors to tell apart from
    # slab lines): nothing stands between it and a camera in the south.
    sides = np.bincount(
        np.repeat(np.arange(len(mesh.ids)), np.diff(mesh.building_ring_start)),
        weights=np.diff(mesh.ring_start),
        minlength=len(mesh.ids),
    )
    floors_with = {(r.building_id, r.floor) for r in demo.rooms.values()}
    # Elderly-alone floors carry an orange ribbon, the colour of a 二级 (high) alert: pick a building without.
    from layers.buildings import elderly_buildings

    elderly = elderly_buildings(demo)
    tall = [
        b
        for b in range(len(mesh.ids))
        if mesh.floors[b] >= 6
        and mesh.ids[b] not in elderly
        and mesh.edges[b] == sides[b]
        and {2, 5} <= {f for i, f in floors_with if i == mesh.ids[b]}
    ]
    b = min(tall, key=lambda i: mesh.anchor[i, 1])
    rooms = {r.floor: r.id for r in demo.rooms.values() if r.building_id == mesh.ids[b]}
    x, y = mesh.anchor[b]
    z = mesh.height[b] / 2.0
    ring = mesh.ring_xy[
        mesh.ring_start[mesh.building_ring_start[b]] : mesh.ring_start[mesh.building_ring_start[b] + 1]
    ]
    south = shapely.LineString([(x, y), (x, y - 500.0)]).intersection(shapely.Polygon(ring).exterior)
    front_y = float(shapely.get_coordinates(south)[:, 1].max())  # the wall facing the camera
    el, dist = math.radians(15.0), 90.0
    view._place_camera(np.array([x, y, z]), np.array([x, y - dist * math.cos(el), z + dist * math.sin(el)]))
    before = view.grab_image()
    already = near(before, HIGH, 8)  # elderly-alone ribbons and orange device glyphs nearby share the hue
    # Floors are visible: up the wall facing the camera, one dark slab line at the foot of every floor.
    foot = view.world_to_pixel(x, front_y, 0.0)
    head = view.world_to_pixel(x, front_y, mesh.height[b])
    column = before[head[1] + 2 : foot[1] + 1, foot[0]].astype(float).sum(axis=1)
    dark = column < 0.8 * np.median(column)
    slab_lines = int(dark[0]) + int(np.count_nonzero(dark[1:] & ~dark[:-1]))
    assert slab_lines == mesh.floors[b], (slab_lines, column.round())

    rows = {}
    for floor in (2, 5):
        view.set_alerts([_alert(rooms[floor])])
        lit = near(view.grab_image(), HIGH, 8) & ~already
        assert lit.sum() > 100, f"floor {floor}: no highlight on screen"
        r, c = np.nonzero(lit)
        rows[floor] = float(np.median(r))
        # The band is centred on that floor (0-based index floor - 1) of the wall facing the camera: within
        # half a floor's height on screen, so the floor above or below would fail.
        h = mesh.floor_height[b]
        top = view.world_to_pixel(x, front_y, floor * h)[1]
        bottom = view.world_to_pixel(x, front_y, (floor - 1) * h)[1]
        assert abs(rows[floor] - (top + bottom) / 2) < (bottom - top) / 2, (rows[floor], top, bottom)
        assert abs(float(np.median(c)) - W / 2) < W / 4
    assert rows[5] < rows[2] - 20  # a higher floor lights higher up the screen

    closed = _alert(rooms[5])
    closed.state = AlertState.DISMISSED
    view.set_alerts([closed])
    assert not (near(view.grab_image(), HIGH, 8) & ~already).any()


def test_select_alert_flies_the_camera_to_the_alert(view: Sandbox3D, demo: District, qtbot: QtBot) -> None:
    mesh = view.mesh
    far = int(np.argmax(np.hypot(mesh.anchor[:, 0], mesh.anchor[:, 1])))
    room = next(r for r in demo.rooms.values() if r.building_id == mesh.ids[far] and r.floor == 3)
    alert = _alert(room.id)
    target = np.array(extrude.alert_focus(demo, mesh, view.proj, alert))
    start = np.array(view.camera_focal_point())
    assert np.linalg.norm(target - start) > 50.0

    view.set_alerts([alert])
    assert not view.select_alert("no-such-alert")
    assert view.select_alert(alert.id)
    assert view.flying  # animated, not a jump
    seen: list[float] = []

    def arrived() -> bool:
        seen.append(float(np.linalg.norm(target - np.array(view.camera_focal_point()))))
        return not view.flying

    began = time.monotonic()
    qtbot.waitUntil(arrived, timeout=5000)
    assert time.monotonic() - began >= 0.9 * FLY_MS / 1000.0  # paced by real time, however slow the frames
    assert seen[-1] < 0.5
    between = [d for d in seen if 1.0 < d < np.linalg.norm(target - start) - 1.0]
    assert between, f"the camera jumped instead of flying: {seen}"
    assert all(a >= b - 1e-6 for a, b in itertools.pairwise(seen))  # always closer
    # The alert's floor is now in view.
    assert near(view.grab_image(), HIGH, 8).sum() > 50


def test_clicking_a_building_emits_its_id_and_dragging_does_not(view: Sandbox3D, qtbot: QtBot) -> None:
    mesh = view.mesh
    b = int(np.argmax(mesh.height))
    x, y = mesh.anchor[b]
    _look_down(view, x, y)
    view.grab_image()
    col, row = view.world_to_pixel(x, y, mesh.height[b])
    iren = view.interactor

    def click(x0: int, y0: int, x1: int, y1: int) -> None:
        iren.SetEventInformation(x0, y0, 0, 0)
        iren.LeftButtonPressEvent()
        iren.SetEventInformation(x1, y1, 0, 0)
        iren.MouseMoveEvent()
        iren.LeftButtonReleaseEvent()

    with qtbot.waitSignal(view.picked, timeout=2000) as blocker:
        click(col, _pane_height(view) - 1 - row, col, _pane_height(view) - 1 - row)
    assert blocker.args == [mesh.ids[b]]
    with qtbot.assertNotEmitted(view.picked, wait=100):
        click(col, _pane_height(view) - 1 - row, col + 40, _pane_height(view) - 1 - row)
    # A building chosen on the 2D map: the camera flies to it.
    other = mesh.ids[int(np.argmin(mesh.height))]
    assert not view.select_building("no-such-building")
    assert view.select_building(other)
    qtbot.waitUntil(lambda: not view.flying, timeout=5000)
    ox, oy = mesh.anchor[mesh.index_of(other)]
    assert view.camera_focal_point()[:2] == pytest.approx((ox, oy), abs=0.01)


def test_guards_are_drawn_in_role_colour_and_move(view: Sandbox3D, qtbot: QtBot) -> None:
    view.set_devices_visible(False)
    view.labels.actor.SetVisibility(False)  # seen from straight above, a guard's id covers its pin
    proj = view.proj
    spot = np.array([[4000.0, 4000.0], [4100.0, 4000.0]])  # open ground east of the district
    lonlat = proj.to_lonlat(spot[:, 0], spot[:, 1])
    police = np.array(style.GUARD_ROLE[GuardRole.POLICE].rgba[:3])

    def colour_at(px: float, py: float) -> np.ndarray:
        image = view.grab_image()
        col, row = view.world_to_pixel(px, py, extrude.GUARD_Z_M + 3.0)
        return image[row, col]

    _look_down(view, 4050.0, 4000.0, height=400.0)
    view.set_guards(["GU1"], lonlat[:1], [GuardRole.POLICE])
    qtbot.wait(10)
    assert near(colour_at(*spot[0]), police, 30)
    assert not near(colour_at(*spot[1]), police, 30)
    view.set_guards(["GU1"], lonlat[1:], [GuardRole.POLICE])
    assert near(colour_at(*spot[1]), police, 30)
    assert not near(colour_at(*spot[0]), police, 30)
