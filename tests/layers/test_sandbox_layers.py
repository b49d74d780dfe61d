"""The 3D sandbox's layers as plain arrays (no VTK): ground, labels, beacons, elderly ribbons, framing."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from layers import beacons, floors, framing, ground, labels3d, style
from layers.extrude import BuildingMesh, Patch
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import Compound, District
from tests.layers.sample import GUARD_POSITIONS, at, box, small_district


@pytest.fixture()
def district() -> District:
    return small_district()


@pytest.fixture()
def proj(district: District) -> LocalProjection:
    return LocalProjection.for_district(district)


@pytest.fixture()
def mesh(district: District, proj: LocalProjection) -> BuildingMesh:
    return floors.district_mesh(district, proj)


def _tuple(value: object) -> tuple[Any, ...]:
    assert isinstance(value, tuple)
    return value


def _tri_area(patch: Patch) -> np.ndarray:
    t = patch.points[patch.connectivity].reshape(-1, 3, 3).astype(np.float64)
    a, b, c = t[:, 0], t[:, 1], t[:, 2]
    return 0.5 * ((b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1]))


def _colour_at(patch: Patch, x: float, y: float) -> tuple[int, ...]:
    """The colour of the ground triangle holding (x, y)."""
    t = patch.points[patch.connectivity].reshape(-1, 3, 3)[:, :, :2].astype(np.float64)
    hit = [i for i in range(len(t)) if shapely.Polygon(t[i]).buffer(1e-6).contains(shapely.Point(x, y))]
    assert hit, (x, y)
    return tuple(int(v) for v in patch.rgb[hit[0]])


def test_ground_is_one_flat_disjoint_mesh_covering_the_base(
    district: District, proj: LocalProjection
) -> None:
    data = ground.layer(district, proj)
    patch = data.extra["mesh"]
    assert isinstance(patch, Patch)
    assert (patch.points[:, 2] == 0.0).all()
    area = _tri_area(patch)
    assert (area > 0).all(), "every triangle faces up"
    x0, y0, x1, y1 = _tuple(data.extra["bounds"])
    # Disjoint pieces: the triangles add up to the base exactly (overlaps would add more, gaps less).
    assert area.sum() == pytest.approx((x1 - x0) * (y1 - y0), rel=1e-3)
    classes = set(_tuple(data.extra["classes"]))
    assert {"road:residential", "road:footway", "compound_outline", "compound", "ground"} <= classes


def test_ground_colours_roads_compounds_and_bare_ground_where_they_are(
    district: District, proj: LocalProjection
) -> None:
    patch = ground.layer(district, proj).extra["mesh"]
    assert isinstance(patch, Patch)
    road = proj.to_xy(*at(-60, 0))[0]  # on W1 (residential), away from the footway crossing it
    assert _colour_at(patch, *road) == style.road_style("residential").rgba[:3]
    inside = proj.to_xy(*at(-50, -85))[0]  # inside C1, off roads and buildings
    assert _colour_at(patch, *inside) == ground.COMPOUND_DEFAULT
    edge = proj.to_xy(*at(100, 60))[0]  # on C1's east boundary
    assert _colour_at(patch, *edge) == ground.COMPOUND_OUTLINE
    outside = proj.to_xy(*at(0, 118))[0]  # north of C1, on the base's margin
    assert _colour_at(patch, *outside) == ground.GROUND


def test_the_ground_picture_shows_what_the_mesh_draws(district: District, proj: LocalProjection) -> None:
    """The picture drawn from afar (one textured quad) has the mesh's colour at the middle of every sizeable
    triangle inside it, and covers the base less a bare margin (which the 3D pane draws plain)."""
    areas = [("water", box(60, -60, 15)), ("green", box(-60, -60, 12))]
    data = ground.layer(district, proj, areas)
    patch, image = data.extra["mesh"], data.extra["picture"]
    assert isinstance(patch, Patch) and isinstance(image, np.ndarray)
    bx0, by0, bx1, by1 = _tuple(data.extra["bounds"])
    x0, y0, x1, y1 = _tuple(data.extra["picture_bounds"])
    assert bx0 < x0 < x1 < bx1 and by0 < y0 < y1 < by1
    h, w, _ = image.shape
    assert max(h, w) == ground.PICTURE_PX
    assert (x1 - x0) / w == pytest.approx((y1 - y0) / h, rel=0.01), "square texels"
    t = patch.points[patch.connectivity].reshape(-1, 3, 3)[:, :, :2].astype(np.float64)
    middle = t.mean(axis=1)
    texel = (x1 - x0) / w
    # the middle of a triangle whose inscribed circle is a few texels wide lies well inside its colour
    edges = np.linalg.norm(t - np.roll(t, 1, axis=1), axis=2).sum(axis=1)
    inradius = 2.0 * np.abs(_tri_area(patch)) / edges
    inside = (middle[:, 0] > x0) & (middle[:, 0] < x1) & (middle[:, 1] > y0) & (middle[:, 1] < y1)
    sure = np.flatnonzero(inside & (inradius > 3 * texel))
    assert len(sure) > 20
    col = ((middle[sure, 0] - x0) / texel).astype(int)
    row = ((y1 - middle[sure, 1]) / texel).astype(int)
    assert (image[row, col] == patch.rgb[sure]).all(axis=1).mean() > 0.98
    kinds = {tuple(int(v) for v in c) for c in image.reshape(-1, 3)[::97]}
    assert ground.AREA_KIND["water"] in kinds and ground.COMPOUND_OUTLINE in kinds


def test_water_and_green_areas_are_drawn_in_their_colours(district: District, proj: LocalProjection) -> None:
    areas = [("water", box(60, -60, 15)), ("green", box(-60, -60, 12))]
    patch = ground.layer(district, proj, areas).extra["mesh"]
    assert isinstance(patch, Patch)
    assert _colour_at(patch, *proj.to_xy(*at(60, -60))[0]) == ground.AREA_KIND["water"]
    assert _colour_at(patch, *proj.to_xy(*at(-60, -60))[0]) == ground.AREA_KIND["green"]


def test_an_empty_district_has_a_plain_base() -> None:
    empty = District(name="空", timezone="UTC")
    data = ground.layer(empty, LocalProjection(0.0, 0.0))
    patch = data.extra["mesh"]
    assert isinstance(patch, Patch) and patch.n_cells == 2
    assert data.extra["classes"] == ("ground",)


@pytest.mark.parametrize(
    ("name", "compound", "label"),
    [
        ("中建壹品·学府公馆4号楼", "中建壹品·学府公馆", "4号楼"),
        ("无名小区0114号楼", "无名小区01", "14号楼"),
        ("1幢", "测试一区", "1幢"),
        ("3栋", "", "3栋"),
        ("女生宿舍楼", "中国农业大学东校区", "女生宿舍楼"),
        ("中国农业大学东校区国际交流中心综合楼", "", ""),
    ],
)
def test_building_label_is_the_number_as_officers_say_it(name: str, compound: str, label: str) -> None:
    assert labels3d.building_label(name, compound) == label


def test_labels_compound_names_first_then_building_numbers_on_their_roofs(
    district: District, proj: LocalProjection, mesh: BuildingMesh
) -> None:
    data = labels3d.layer(district, proj, mesh).extra
    text, kind = data["text"], data["kind"]
    xyz, priority = np.asarray(data["xyz"]), np.asarray(data["priority"])
    assert _tuple(text) == ("测试一区", "1幢", "2幢", "3幢")
    assert _tuple(kind) == ("compound", "building", "building", "building")
    assert priority[0] > priority[1:].max()
    assert xyz[1:, 2] == pytest.approx(mesh.height + labels3d.ROOF_LIFT_M)


def _alert(subject: str, kind: str, severity: Severity, aid: str) -> Alert:
    return Alert(aid, "test", subject, kind, severity, AlertState.OPEN, 0, 0)


def test_one_beacon_per_alerted_building_in_its_worst_severity_above_the_roof(
    district: District, proj: LocalProjection, mesh: BuildingMesh
) -> None:
    closed = _alert("B3", "building", Severity.CRITICAL, "A4")
    closed.state = AlertState.DISMISSED
    alerts = [
        _alert("R101", "room", Severity.LOW, "A1"),
        _alert("B1", "building", Severity.CRITICAL, "A2"),
        _alert("GU1", "guard", Severity.HIGH, "A3"),  # not about a building: on the ground, at the guard
        closed,
    ]
    data = beacons.layer(district, proj, mesh, alerts, GUARD_POSITIONS).extra
    assert data["alert"] == ("A2", "A3")
    assert data["building"] == ("B1", "")
    xyz = np.asarray(data["xyz"])
    b1 = mesh.index_of("B1")
    assert xyz[0] == pytest.approx([*mesh.anchor[b1], mesh.height[b1] + beacons.ROOF_GAP_M])
    assert xyz[1] == pytest.approx([*proj.to_xy(*GUARD_POSITIONS["GU1"])[0], 0.0])
    rgb = np.asarray(data["rgb"])
    assert tuple(rgb[0]) == style.SEVERITY[Severity.CRITICAL].rgba[:3]


def test_beacons_pulse_faster_and_wider_the_higher_the_level() -> None:
    levels = list(beacons.PULSE)
    period = np.array([beacons.PULSE[s][0] for s in levels])
    amplitude = np.array([beacons.PULSE[s][1] for s in levels])
    assert period[0] == 0 and amplitude[0] == 0, "a notice stands still"
    assert (np.diff(period[1:]) < 0).all() and (np.diff(amplitude) > 0).all()
    t = np.linspace(0.0, 3.0, 301)
    scale = np.array([beacons.pulse_scale(period, amplitude, float(ti)) for ti in t])
    assert (scale[:, 0] == 1.0).all()
    sizes = [beacons.SIZE[s] for s in levels]
    assert sizes == sorted(sizes), "the higher the level, the bigger the beacon"
    assert scale.max(axis=0)[1:] == pytest.approx(1.0 + amplitude[1:], abs=0.01)
    assert scale.min(axis=0) == pytest.approx(1.0, abs=0.01)


def test_elderly_alone_floors_get_an_orange_ribbon_at_window_height(
    district: District, mesh: BuildingMesh
) -> None:
    assert floors.elderly_floors(district) == [("B2", 0)]
    marks = floors.elderly_marks(district, mesh)
    assert marks.n_cells == 4
    assert (marks.rgb == np.array(style.ELDERLY_HOUSEHOLD[:3])).all()
    b = mesh.index_of("B2")
    mid = 0.5 * float(mesh.floor_height[b])
    z = marks.points[:, 2]
    assert z.min() == pytest.approx(mid - floors.ELDERLY_STRIPE_M / 2, abs=1e-4)
    assert z.max() == pytest.approx(mid + floors.ELDERLY_STRIPE_M / 2, abs=1e-4)


def test_framing_stands_back_by_size_and_keeps_the_eye_out_of_buildings(mesh: BuildingMesh) -> None:
    boxes = framing.boxes(mesh)
    b = mesh.index_of("B1")
    x0, y0, x1, y1, h = boxes[b]
    ring = mesh.ring_xy[mesh.ring_start[b] : mesh.ring_start[b + 1]]
    assert (x0, y0, x1, y1) == pytest.approx((*ring.min(axis=0), *ring.max(axis=0)))
    assert (y1 - y0, h) == pytest.approx((30.0, 18.0), abs=0.5)
    small, big = framing.frame_distance(5.0, 30.0), framing.frame_distance(200.0, 30.0)
    assert small == framing.MIN_DISTANCE_M and big > 10 * 200.0
    inside = np.array([(x0 + x1) / 2, (y0 + y1) / 2, h / 2])
    lifted = framing.keep_outside(boxes, inside)
    assert lifted[:2] == pytest.approx(inside[:2]) and lifted[2] == pytest.approx(h + framing.CLEARANCE_M)
    assert not framing.inside(boxes, lifted, 0.0).any()
    free = np.array([500.0, 500.0, 40.0])
    assert framing.keep_outside(boxes, free) == pytest.approx(free)
    assert framing.keep_outside(boxes, np.array([500.0, 500.0, -5.0]))[2] == framing.MIN_EYE_Z_M


def test_a_compound_with_a_hole_leaves_bare_ground_in_it() -> None:
    d = District(name="测试", timezone="UTC")
    outer = box(0, 0, 100)
    hole = box(0, 0, 40)
    d.compounds["C"] = Compound("C", "环形", Polygon(outer.exterior.coords, [hole.exterior.coords]))
    proj = LocalProjection.for_district(d)
    patch = ground.layer(d, proj).extra["mesh"]
    assert isinstance(patch, Patch)
    assert _colour_at(patch, *proj.to_xy(*at(0, 0))[0]) == ground.GROUND
    assert _colour_at(patch, *proj.to_xy(*at(70, 0))[0]) == ground.COMPOUND_DEFAULT
