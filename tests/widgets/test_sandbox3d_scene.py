"""The 3D sandbox as a scale model, judged from pixels of the VTK pane: ground and beacons at the overview,
labels, north arrow and scale bar, a framed fly-to, picking and wheel zoom that never enter a building, the
全景 button, beacons pulsing without new geometry, dispatch routes on the ground.

    Xvfb :94 -screen 0 1920x1080x24 & DISPLAY=:94 QT_QPA_PLATFORM=xcb \
        .venv/bin/pytest -q -m vtk tests/widgets/test_sandbox3d_scene.py
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from layers import dispatch, framing, ground, imagery, style
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from tests.widgets.sandbox_support import NEEDS_X, near, shown_view
from widgets.sandbox3d import BEACON_M, Sandbox3D

pytestmark = NEEDS_X

W, H = 640, 440
CRITICAL = np.array(style.SEVERITY[Severity.CRITICAL].rgba[:3])


@pytest.fixture()
def view(qtbot: QtBot, demo: District) -> Sandbox3D:
    return shown_view(qtbot, demo, W, H)


def _wait_flight(view: Sandbox3D, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not view.flying, timeout=5000)


def _projected_box(view: Sandbox3D, b: int) -> tuple[float, float, float, float]:
    """Columns and rows (min, max) of the 8 corners of building b's box on the pane."""
    x0, y0, x1, y1, h = view.boxes[b]
    pts = [view.world_to_pixel(x, y, z) for x in (x0, x1) for y in (y0, y1) for z in (0.0, h)]
    cols, rows = [p[0] for p in pts], [p[1] for p in pts]
    return min(cols), max(cols), min(rows), max(rows)


def _in_view(view: Sandbox3D, b: int) -> bool:
    w, h = view.render_window.GetSize()
    assert view.mesh is not None
    col, row = view.world_to_pixel(*view.mesh.anchor[b], 0.0)
    return 0 <= col < w and 0 <= row < h


def _eye_inside_a_building(view: Sandbox3D) -> bool:
    eye = np.array(view.renderer.GetActiveCamera().GetPosition())
    return bool(framing.inside(view.boxes, eye, clearance=0.0).any())


def test_overview_shows_the_ground_roads_and_a_beacon_over_the_alerted_building(
    view: Sandbox3D, demo: District
) -> None:
    image = view.grab_image()
    assert near(image, ground.GROUND, 4).mean() > 0.01, "the bare ground around the compounds"
    assert near(image, ground.COMPOUND_OUTLINE, 6).sum() > 200, "compound outlines"
    primary = style.road_style("primary").rgba[:3]
    assert near(image, primary, 6).sum() > 500, "main roads as ribbons"
    assert not near(image, CRITICAL, 10).any()

    assert view.mesh is not None
    b = int(np.argmin(view.mesh.height))  # a low building: only the beacon can make it seen
    room = next((r for r in demo.rooms.values() if r.building_id == view.mesh.ids[b]), None)
    subject, kind = (room.id, "room") if room else (view.mesh.ids[b], "building")
    view.set_alerts([Alert("A1", "smoke", subject, kind, Severity.CRITICAL, AlertState.OPEN, 0, 0)])
    lit = near(view.grab_image(), CRITICAL, 10)
    assert lit.sum() > 40, "the beacon is visible from the overview"
    rows, cols = np.nonzero(lit)
    x, y = view.mesh.anchor[b]
    roof = float(view.mesh.height[b])
    col, roof_row = view.world_to_pixel(x, y, roof)
    top_col, _ = view.world_to_pixel(x, y, roof + 1.5 * BEACON_M[0] * view.beacons_mapper.GetScaleFactor())
    assert min(col, top_col) - 8 <= float(np.median(cols)) <= max(col, top_col) + 8, "over its building"
    assert rows.min() < roof_row - 20, "it stands above the roof"


def test_labels_north_arrow_and_scale_bar(view: Sandbox3D, demo: District) -> None:
    view.grab_image()
    assert view.labels.count >= len([c for c in demo.compounds.values() if c.name])
    placed, rects = view.labels.placed, view.labels.rects
    names = {c.name for c in demo.compounds.values()}
    shown = [view._static_labels[1][i] for i in placed if i < len(view._static_labels[1])]
    assert len([t for t in shown if t in names]) >= 10, "compound names readable at the overview"
    assert len([t for t in shown if t.endswith("号楼")]) >= 8, ("and building numbers", shown)
    w, h = view.render_window.GetSize()
    x0, y0, x1, y1 = rects[:, 0], rects[:, 1], rects[:, 0] + rects[:, 2], rects[:, 1] + rects[:, 3]
    apart = (x1[:, None] <= x0[None, :]) | (x1[None, :] <= x0[:, None])
    apart |= (y1[:, None] <= y0[None, :]) | (y1[None, :] <= y0[:, None])
    np.fill_diagonal(apart, True)
    assert apart.all(), "no two labels overlap"
    assert (rects[:, 2] * rects[:, 3]).sum() <= 0.25 * w * h
    assert abs(view.compass.north_deg) < 1.0, "the overview looks north"
    assert view.compass.bar_m in (100.0, 200.0, 500.0)
    camera = view.renderer.GetActiveCamera()
    focal, eye = np.array(camera.GetFocalPoint()), np.array(camera.GetPosition())
    east = np.array([eye[0] - focal[0], eye[1] - focal[1]])
    east = np.array([-east[1], east[0]])  # the eye a quarter turn round: from the east, looking west
    view._place_camera(focal, np.array([focal[0] + east[0], focal[1] + east[1], eye[2]]))
    view.grab_image()
    assert abs(abs(view.compass.north_deg) - 90.0) < 5.0
    # Labels and the compass draw ink on the pane: dark text pixels over the scene.
    image = view.grab_image()
    assert (image.max(axis=-1) < 60).sum() > 200


@pytest.mark.parametrize("pick", ["largest", "tallest", "smallest"])
def test_fly_to_frames_the_building_with_its_surroundings_at_45_degrees(
    view: Sandbox3D, qtbot: QtBot, pick: str
) -> None:
    mesh = view.mesh
    assert mesh is not None
    area = (view.boxes[:, 2] - view.boxes[:, 0]) * (view.boxes[:, 3] - view.boxes[:, 1])
    b = {"largest": np.nanargmax(area), "tallest": np.argmax(mesh.height), "smallest": np.nanargmin(area)}[
        pick
    ]
    assert view.select_building(mesh.ids[int(b)])
    _wait_flight(view, qtbot)
    image = view.grab_image()
    h, w = image.shape[:2]
    c0, c1, r0, r1 = _projected_box(view, int(b))
    assert 0.2 * w <= c0 and c1 <= 0.8 * w and 0.2 * h <= r0 and r1 <= 0.8 * h, (c0, c1, r0, r1, w, h)
    others = sum(_in_view(view, i) for i in range(len(mesh.ids)) if i != b)
    assert others >= 3, "the buildings around it are in view"
    camera = view.renderer.GetActiveCamera()
    d = np.array(camera.GetPosition()) - np.array(camera.GetFocalPoint())
    pitch = math.degrees(math.atan2(d[2], math.hypot(d[0], d[1])))
    assert 40.0 <= pitch <= 60.0
    assert not _eye_inside_a_building(view)


def test_picking_the_biggest_building_never_puts_the_camera_inside(view: Sandbox3D, qtbot: QtBot) -> None:
    mesh = view.mesh
    assert mesh is not None
    area = (view.boxes[:, 2] - view.boxes[:, 0]) * (view.boxes[:, 3] - view.boxes[:, 1])
    b = int(np.nanargmax(area))
    view.grab_image()
    col, row = view.world_to_pixel(*mesh.anchor[b], float(mesh.height[b]))
    height = view.render_window.GetSize()[1]
    with qtbot.waitSignal(view.picked, timeout=2000):
        view.pick_display(col, height - 1 - row)
    view.select_building(mesh.ids[b])  # what the main window does with the pick
    _wait_flight(view, qtbot)
    assert not _eye_inside_a_building(view)
    image = view.grab_image()
    _, counts = np.unique(image.reshape(-1, 3) // 8, axis=0, return_counts=True)
    assert counts.max() < 0.6 * image.shape[0] * image.shape[1], "the pane is not one wall colour"


def test_wheel_zooms_toward_the_cursor_and_stops_outside_buildings(view: Sandbox3D) -> None:
    view.grab_image()
    camera = view.renderer.GetActiveCamera()
    w, h = view.render_window.GetSize()
    start = camera.GetDistance()
    view.interactor.SetEventInformation(w // 2, h // 2, 0, 0)
    view.wheel(1)
    assert camera.GetDistance() < 0.9 * start
    view.wheel(-1)
    assert camera.GetDistance() == pytest.approx(start, rel=0.02)
    assert view.mesh is not None
    b = int(np.argmax(view.mesh.height))
    col, row = view.world_to_pixel(*view.mesh.anchor[b], 0.0)
    for _ in range(60):  # wheel hard toward the tallest building's foot
        view.interactor.SetEventInformation(col, h - 1 - row, 0, 0)
        view.wheel(1)
        assert not _eye_inside_a_building(view)
        col, row = view.world_to_pixel(*view.mesh.anchor[b], 0.0)
    assert camera.GetPosition()[2] >= framing.MIN_EYE_Z_M


def test_overview_button_flies_back_to_the_whole_district(view: Sandbox3D, qtbot: QtBot) -> None:
    view.grab_image()
    camera = view.renderer.GetActiveCamera()
    home = np.array(camera.GetPosition())
    assert view.mesh is not None
    view.select_building(view.mesh.ids[0])
    _wait_flight(view, qtbot)
    assert np.linalg.norm(np.array(camera.GetPosition()) - home) > 50.0
    view.overview_button.click()
    assert view.flying
    _wait_flight(view, qtbot)
    assert np.array(camera.GetPosition()) == pytest.approx(home, abs=0.5)
    assert view.overview_button.text()


def test_beacons_pulse_by_rescaling_without_new_geometry(
    view: Sandbox3D, demo: District, qtbot: QtBot
) -> None:
    assert view.mesh is not None
    alerts = [
        Alert("A1", "smoke", view.mesh.ids[0], "building", Severity.CRITICAL, AlertState.OPEN, 0, 0),
        Alert("A2", "note", view.mesh.ids[1], "building", Severity.NOTICE, AlertState.OPEN, 0, 0),
    ]
    view.set_alerts(alerts)
    polydata = view.beacons_mapper.GetInput()
    points = polydata.GetPoints()
    seen = set()
    for _ in range(12):
        qtbot.wait(60)
        seen.add(round(float(view._beacon_scale[0, 0]), 3))
        assert view._beacon_scale[1, 0] == view._beacon_size[1], "a notice stands still"
    assert len(seen) >= 3, f"the critical beacon pulses: {seen}"
    assert view.beacons_mapper.GetInput() is polydata and polydata.GetPoints() is points
    view.set_alerts([])
    assert not view._pulse_timer.isActive()


def test_dispatch_routes_are_draped_on_the_ground(view: Sandbox3D) -> None:
    x0, y0, _, _ = view.ground_bounds
    start, end = (x0 + 20.0, y0 + 40.0), (x0 + 120.0, y0 + 40.0)
    lonlat = view.proj.to_lonlat(np.array([start[0], end[0]]), np.array([start[1], end[1]]))
    d = Dispatch("D1", "A1", "GU1", None, "desk:a", 0, float(lonlat[1, 0]), float(lonlat[1, 1]))
    data = dispatch.layer(view.proj, [d], {"D1": [tuple(p) for p in lonlat]})
    view.set_dispatch(data)
    mid = ((start[0] + end[0]) / 2, start[1])
    view._place_camera(np.array([*mid, 0.0]), np.array([mid[0], mid[1] - 0.01, 150.0]))
    image = view.grab_image()
    colour = data.lines.rgba[0, :3] if data.lines is not None else np.zeros(3)
    on = near(image, colour, 12)
    assert on.sum() > 100
    col, row = view.world_to_pixel(*mid, 0.0)
    assert on[row - 4 : row + 5, col - 4 : col + 5].any()


def test_imagery_replaces_the_drawn_basemap_on_the_ground(view: Sandbox3D) -> None:
    x0, y0, x1, y1 = view.ground_bounds
    rgb = np.zeros((64, 64, 3), dtype=np.uint8)
    rgb[:, :] = (40, 120, 60)  # a green "photo"
    mask = np.ones((64, 64), dtype=bool)
    mask[:, :8] = False  # a strip without tiles: bare ground there
    view.set_imagery(imagery.Draped(rgb, mask, (x0, y0, x1, y1)))
    image = view.grab_image()
    assert near(image, (40, 120, 60), 6).mean() > 0.2
    assert not view.ground.GetVisibility()
    view.set_imagery(None)
    image = view.grab_image()
    assert near(image, (40, 120, 60), 6).mean() < 0.01
    assert view.ground.GetVisibility()
