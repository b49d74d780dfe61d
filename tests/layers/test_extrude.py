"""The merged building mesh: counts, heights, floor ranges, colours, highlight bands and glyph positions."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import Point, Polygon

from layers import extrude, floors, style
from layers.extrude import BuildingMesh
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import AlertState, GuardRole, RoomUsage, Severity
from sandbox_app.domain.model import Device, District, Room
from tests.layers.sample import DEG_M, GUARD_POSITIONS, LAT0, LON0, box, small_district


@pytest.fixture()
def district() -> District:
    return small_district()


@pytest.fixture()
def proj(district: District) -> LocalProjection:
    return LocalProjection.for_district(district)


@pytest.fixture()
def mesh(district: District, proj: LocalProjection) -> BuildingMesh:
    return floors.district_mesh(district, proj)


def _cell_points(mesh: BuildingMesh, start: int, stop: int) -> np.ndarray:
    return mesh.points[mesh.connectivity[mesh.offsets[start] : mesh.offsets[stop]]]


def _alert(subject: str, kind: str, severity: Severity = Severity.HIGH, aid: str = "A1") -> Alert:
    return Alert(aid, "test", subject, kind, severity, AlertState.OPEN, 0, 0)


def test_cell_counts_one_wall_per_edge_and_run_and_two_roof_triangles(mesh: BuildingMesh) -> None:
    # Every footprint is a square: 4 wall quads per run of wall colour and 2 roof triangles, whatever the
    # floors. B1 and B3 have rentals on the first floor only (two runs: that floor, the rest); B2 has none.
    assert mesh.ids == ("B1", "B2", "B3")
    assert list(mesh.edges) == [8, 4, 8]
    assert list(np.diff(mesh.wall_start)) == [8, 4, 8]
    assert list(np.diff(mesh.roof_start)) == [2, 2, 2]
    assert mesh.n_cells == 20 + 6
    sizes = np.diff(mesh.offsets)
    assert (sizes[:20] == 4).all() and (sizes[20:] == 3).all()
    assert mesh.connectivity.max() < len(mesh.points)
    assert list(mesh.cell_building) == [0] * 8 + [1] * 4 + [2] * 8 + [0, 0, 1, 1, 2, 2]


def test_heights_are_floors_times_floor_height(mesh: BuildingMesh) -> None:
    # B1 has no surveyed height: 3 m a floor; B2 is surveyed at 10 m over 3 floors.
    assert mesh.floor_height == pytest.approx([3.0, 10.0 / 3.0, 3.0])
    assert mesh.height == pytest.approx(mesh.floors * mesh.floor_height)
    assert mesh.height == pytest.approx([18.0, 10.0, 18.0])
    for b in range(3):
        roof = _cell_points(mesh, int(mesh.roof_start[b]), int(mesh.roof_start[b + 1]))
        walls = _cell_points(mesh, int(mesh.wall_start[b]), int(mesh.wall_start[b + 1]))
        assert roof[:, 2] == pytest.approx(mesh.height[b])
        assert walls[:, 2].min() == 0.0
        assert walls[:, 2].max() == pytest.approx(mesh.height[b])


def test_floors_show_through_the_texture_coordinates(mesh: BuildingMesh) -> None:
    """Up each wall the texture coordinate counts floors in pairs, so each floor's foot (a slab line in
    `FLOOR_TEXTURE`) lands at a multiple of the building's floor height."""
    for b in range(3):
        start, stop = int(mesh.wall_start[b]), int(mesh.wall_start[b + 1])
        idx = mesh.connectivity[mesh.offsets[start] : mesh.offsets[stop]]
        z, s = mesh.points[idx, 2], mesh.tcoords[idx]
        assert s == pytest.approx(z / (2 * mesh.floor_height[b]), rel=1e-6)
        assert s.max() == pytest.approx(mesh.floors[b] / 2)
    roofs = mesh.connectivity[mesh.offsets[mesh.roof_start[0]] :]
    assert (mesh.tcoords[roofs] == extrude.ROOF_TCOORD).all()
    texture = extrude.FLOOR_TEXTURE
    per_floor = len(texture) // 2
    texel = int(extrude.ROOF_TCOORD * len(texture))
    assert texture[texel] == 255  # roofs show the usage colour itself
    for floor_start in (0, per_floor):  # each floor starts with a darker slab line
        assert texture[floor_start] < texture[floor_start + per_floor // 2] - 50
    assert texture[per_floor + 4] < texture[4]  # every other floor a little darker


def _wall_colour_at(mesh: BuildingMesh, b: int, z: float) -> set[tuple[int, ...]]:
    """Colours of building b's wall quads spanning height z."""
    found = set()
    for cell in range(int(mesh.wall_start[b]), int(mesh.wall_start[b + 1])):
        zs = _cell_points(mesh, cell, cell + 1)[:, 2]
        if zs.min() <= z <= zs.max():
            found.add(tuple(int(v) for v in mesh.rgb[cell]))
    return found


def test_colours_by_usage_roofs_by_main_usage_walls_by_floor(mesh: BuildingMesh) -> None:
    blue, group = np.array(style.RENTAL_BLUE[:3]), np.array(style.GROUP_RENTAL_BLUE[:3])
    owner = np.array(style.ROOM_USAGE[RoomUsage.OWNER][:3])
    roofs = np.arange(mesh.n_cells) >= mesh.roof_start[0]
    assert (mesh.rgb[roofs & (mesh.cell_building == 0)] == blue).all()  # one rental, one owner: a tie
    assert (mesh.rgb[roofs & (mesh.cell_building == 2)] == group).all()
    assert (mesh.rgb[mesh.cell_building == 1] == owner).all()
    half = tuple(int(v) for v in np.round(owner + (blue - owner) * 0.5))
    assert _wall_colour_at(mesh, 0, 1.5) == {half}, "B1's first floor: one room of two rented"
    assert _wall_colour_at(mesh, 0, 10.0) == {tuple(owner)}, "its upper floors have no rentals"
    assert _wall_colour_at(mesh, 2, 1.5) == {tuple(group)}


def test_one_rented_room_does_not_turn_a_building_blue() -> None:
    """40 rooms on 10 floors, one rented on floor 2 and a floor (7) of rentals: the roof keeps the owner
    colour, floor 2 is a quarter blue, floor 7 fully blue, every other floor the owner colour."""
    district = District(name="测试", timezone="Asia/Shanghai")
    district.buildings["B"] = small_district().buildings["B1"]
    district.buildings["B"].floors = 10
    for f in range(1, 11):
        for k in range(4):
            usage = RoomUsage.RENTAL if f == 7 or (f == 2 and k == 0) else RoomUsage.OWNER
            rid = f"R{f}{k}"
            district.rooms[rid] = Room(rid, "B1", "1", f, f"{f}0{k}", usage)
    mesh = floors.district_mesh(district, LocalProjection.for_district(district))
    blue, owner = np.array(style.RENTAL_BLUE[:3]), np.array(style.ROOM_USAGE[RoomUsage.OWNER][:3])
    roofs = np.arange(mesh.n_cells) >= mesh.roof_start[0]
    assert (mesh.rgb[roofs] == owner).all()
    quarter = tuple(int(v) for v in np.round(owner + (blue - owner) * 0.25))
    per = float(mesh.floor_height[0])
    for f in range(10):
        expected = {quarter} if f == 1 else {tuple(blue)} if f == 6 else {tuple(owner)}
        assert _wall_colour_at(mesh, 0, (f + 0.5) * per) == expected, f"floor {f + 1}"


def test_concave_footprint_with_a_courtyard() -> None:
    """An L-shaped block with a hole: the roof covers exactly the footprint, walls include the courtyard."""
    d = 10 * DEG_M
    outer = [(0, 0), (4 * d, 0), (4 * d, 2 * d), (2 * d, 2 * d), (2 * d, 4 * d), (0, 4 * d)]
    hole = [(0.5 * d, 0.5 * d), (1.5 * d, 0.5 * d), (1.5 * d, 1.5 * d), (0.5 * d, 1.5 * d)]
    shape = shapely.affinity.translate(Polygon(outer, [hole]), LON0, LAT0)
    proj = LocalProjection(LON0, LAT0)
    mesh = extrude.extrude_arrays(("L",), [shape], [2], [None], np.array([[1, 2, 3]], np.uint8), proj)
    assert mesh.edges[0] == 6 + 4
    tri = _cell_points(mesh, int(mesh.roof_start[0]), int(mesh.roof_start[1]))[:, :2].reshape(-1, 3, 2)
    a, b, c = tri[:, 0], tri[:, 1], tri[:, 2]
    area = 0.5 * np.abs((b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1]))
    local = shapely.transform(shape, lambda xy: proj.to_xy(xy[:, 0], xy[:, 1]))
    assert area.sum() == pytest.approx(local.area, rel=1e-4)
    # No roof triangle covers the courtyard.
    centres = shapely.points(tri.mean(axis=1))
    assert not shapely.contains(shapely.Polygon(local.interiors[0]), centres).any()
    _assert_faces_point_out(mesh, local)


def _assert_faces_point_out(mesh: BuildingMesh, footprint: shapely.Polygon) -> None:
    """Every wall's normal leaves the solid (into the street or the courtyard) and every roof faces up:
    the renderer culls back faces, so a wrongly wound face would vanish."""
    quads = _cell_points(mesh, 0, int(mesh.wall_start[-1])).reshape(-1, 4, 3).astype(np.float64)
    normal = np.cross(quads[:, 1] - quads[:, 0], quads[:, 3] - quads[:, 0])
    assert (np.abs(normal[:, 2]) < 1e-6 * np.abs(normal).max()).all()
    mid = quads[:, :2, :2].mean(axis=1)
    step = normal[:, :2] / np.linalg.norm(normal[:, :2], axis=1, keepdims=True) * 0.5
    assert not shapely.contains(footprint, shapely.points(mid + step)).any()
    assert shapely.contains(footprint, shapely.points(mid - step)).all()
    roofs = _cell_points(mesh, int(mesh.roof_start[0]), int(mesh.roof_start[-1])).reshape(-1, 3, 3)
    up = np.cross(roofs[:, 1] - roofs[:, 0], roofs[:, 2] - roofs[:, 0])[:, 2]
    assert (up > 0).all()


@pytest.mark.parametrize("clockwise", [False, True])
def test_faces_point_out_whatever_the_source_winding(clockwise: bool) -> None:
    d = 10 * DEG_M
    outer = [(0, 0), (3 * d, 0), (3 * d, 3 * d), (0, 3 * d)]
    hole = [(d, d), (2 * d, d), (2 * d, 2 * d), (d, 2 * d)]
    if clockwise:  # exterior clockwise, courtyard counter-clockwise: the opposite of the usual
        outer, hole = outer[::-1], hole[::-1]
    shape = shapely.affinity.translate(Polygon(outer, [hole]), LON0, LAT0)
    proj = LocalProjection(LON0, LAT0)
    mesh = extrude.extrude_arrays(("Q",), [shape], [3], [None], np.array([[1, 2, 3]], np.uint8), proj)
    local = shapely.transform(shape, lambda xy: proj.to_xy(xy[:, 0], xy[:, 1]))
    _assert_faces_point_out(mesh, local)
    band = extrude.floor_band(mesh, 0, 1, (255, 0, 0))
    distances = shapely.distance(local, shapely.points(band.points[:, :2].astype(np.float64)))
    assert distances.min() >= extrude.BAND_PAD_M - 1e-3  # the courtyard band stands off the wall too


def test_invalid_and_empty_footprints_do_not_break_the_mesh() -> None:
    bow = Polygon([(LON0, LAT0), (LON0 + DEG_M, LAT0 + DEG_M), (LON0 + DEG_M, LAT0), (LON0, LAT0 + DEG_M)])
    shapes = [bow, Polygon(), box(0, 0, 5)]
    mesh = extrude.extrude_arrays(
        ("bow", "empty", "ok"), shapes, [1, 3, 2], [None, None, None], np.zeros((3, 3), np.uint8),
        LocalProjection(LON0, LAT0),
    )  # fmt: skip
    assert list(np.diff(mesh.wall_start))[1:] == [0, 4]
    assert np.diff(mesh.roof_start)[2] == 2
    assert mesh.connectivity.max() < len(mesh.points)


def test_floor_band_wraps_the_floor_from_outside(mesh: BuildingMesh) -> None:
    band = extrude.floor_band(mesh, 0, 2, (255, 0, 0))
    assert band.n_cells == 4  # one quad per footprint edge
    pad = extrude.BAND_PAD_M
    assert band.points[:, 2].min() == pytest.approx(6.0 - pad)
    assert band.points[:, 2].max() == pytest.approx(9.0 + pad)
    ring = mesh.ring_xy[mesh.ring_start[0] : mesh.ring_start[1]]
    footprint = shapely.Polygon(ring)
    distances = shapely.distance(footprint, shapely.points(band.points[:, :2].astype(np.float64)))
    assert distances.min() >= pad - 1e-3  # outside the walls: never z-fights with them
    assert (band.rgb == [255, 0, 0]).all()
    whole = extrude.floor_band(mesh, 1, None, (0, 0, 255))
    assert whole.points[:, 2].max() == pytest.approx(10.0 + pad)


def test_alert_floor_from_room_device_and_building(district: District) -> None:
    district.rooms["R105"] = Room("R105", "B1", "1", 5, "501", RoomUsage.RENTAL)
    district.devices["D9"] = Device("D9", "smoke_detector", "烟感", Placement.ROOM, room_id="R105")
    district.devices["D8"] = Device("D8", "camera", "楼顶", Placement.BUILDING, building_id="B3")
    assert extrude.alert_floor(district, _alert("R105", "room")) == ("B1", 4)
    assert extrude.alert_floor(district, _alert("D9", "device")) == ("B1", 4)
    assert extrude.alert_floor(district, _alert("D8", "device")) == ("B3", None)
    assert extrude.alert_floor(district, _alert("B2", "building")) == ("B2", None)
    assert extrude.alert_floor(district, _alert("G1", "gate")) is None
    assert extrude.alert_floor(district, _alert("D4", "device")) is None  # a point camera


def test_alert_bands_one_per_floor_in_the_worst_severity(district: District, mesh: BuildingMesh) -> None:
    alerts = [
        _alert("R101", "room", Severity.LOW, "A1"),
        _alert("R102", "room", Severity.CRITICAL, "A2"),  # same floor of B1
        _alert("B2", "building", Severity.MEDIUM, "A3"),
        _alert("G1", "gate", Severity.HIGH, "A4"),
    ]
    closed = _alert("R301", "room", Severity.HIGH, "A5")
    closed.state = AlertState.DISMISSED
    patch = extrude.alert_bands(district, mesh, [*alerts, closed])
    assert patch.n_cells == 4 + 4
    colours = {tuple(c) for c in patch.rgb}
    assert colours == {style.SEVERITY[Severity.CRITICAL].rgba[:3], style.SEVERITY[Severity.MEDIUM].rgba[:3]}
    assert patch.connectivity.max() < len(patch.points)
    assert extrude.alert_bands(district, mesh, []).n_cells == 0


def test_alert_focus_is_the_floor_middle(
    district: District, mesh: BuildingMesh, proj: LocalProjection
) -> None:
    x, y, z = extrude.alert_focus(district, mesh, proj, _alert("R101", "room")) or (0, 0, 0)
    assert z == pytest.approx(1.5)
    assert shapely.Polygon(mesh.ring_xy[0:4]).contains(Point(x, y))
    gx, gy, gz = extrude.alert_focus(district, mesh, proj, _alert("GU1", "guard"), GUARD_POSITIONS) or (
        0,
        0,
        1,
    )
    assert (gx, gy) == pytest.approx(tuple(proj.to_xy(*zip(GUARD_POSITIONS["GU1"], strict=True))[0]))
    assert gz == 0.0
    assert extrude.alert_focus(district, mesh, proj, _alert("nowhere", "plate")) is None


def test_guard_and_device_glyphs(district: District, proj: LocalProjection) -> None:
    ids = ["GU1", "GU2"]
    lonlat = np.array([GUARD_POSITIONS[g] for g in ids])
    guards = extrude.guard_glyphs(proj, ids, lonlat, [GuardRole.POLICE, GuardRole.GRID])
    assert guards.points.shape == (2, 3) and guards.points.dtype == np.float32
    assert [tuple(c) for c in guards.rgb] == [
        style.GUARD_ROLE[GuardRole.POLICE].rgba[:3],
        style.GUARD_ROLE[GuardRole.GRID].rgba[:3],
    ]
    devices = extrude.device_glyphs(district, proj)
    z = dict(zip(devices.ids, devices.points[:, 2], strict=True))
    assert z["D1"] > 18.0  # a lock in a room of B1 floats above B1's roof
    assert z["D2"] > 10.0
    assert z["D4"] == pytest.approx(extrude.DEVICE_Z_M)  # a street camera stands on the ground
    colours = dict(zip(devices.ids, map(tuple, devices.rgb), strict=True))
    assert colours["D4"] == style.DEVICE_KINDS_STYLE["camera"].rgba[:3]


def test_many_buildings_vectorised_counts_match_a_per_building_sum() -> None:
    rng = np.random.default_rng(5)
    n = 400
    centres = rng.uniform(-2000, 2000, (n, 2))
    points = shapely.points(LON0 + centres[:, 0] * DEG_M, LAT0 + centres[:, 1] * DEG_M)
    segs = rng.integers(1, 4, n)  # squares, octagons and 12-gons
    shapes = np.concatenate([shapely.buffer(points[segs == k], 10 * DEG_M, quad_segs=k) for k in (1, 2, 3)])
    floors = rng.integers(1, 33, n)
    heights: list[float | None] = [None if k % 3 else float(f) * 2.9 for k, f in enumerate(floors)]
    mesh = extrude.extrude_arrays(
        tuple(str(i) for i in range(n)), list(shapes), list(floors), heights, np.zeros((n, 3), np.uint8),
        LocalProjection(LON0, LAT0),
    )  # fmt: skip
    vertices = shapely.get_num_coordinates(shapes) - 1
    assert (mesh.edges == vertices).all()
    assert mesh.height == pytest.approx(np.where(np.arange(n) % 3, 3.0 * floors, 2.9 * floors))
    assert mesh.n_cells == int(mesh.roof_start[-1])
    for b in rng.choice(n, 10, replace=False):
        walls = _cell_points(mesh, int(mesh.wall_start[b]), int(mesh.wall_start[b + 1]))
        assert np.unique(walls[:, 2]) == pytest.approx([0.0, mesh.height[b]], rel=1e-5)
        assert (mesh.cell_building[mesh.wall_start[b] : mesh.wall_start[b + 1]] == b).all()
        roof = _cell_points(mesh, int(mesh.roof_start[b]), int(mesh.roof_start[b + 1]))
        assert roof[:, 2] == pytest.approx(mesh.height[b], rel=1e-5)


def test_an_empty_district_gives_an_empty_mesh() -> None:
    empty = District(name="", timezone="UTC")
    proj = LocalProjection.for_district(empty)
    mesh = floors.district_mesh(empty, proj)
    assert mesh.n_cells == 0 and mesh.points.shape == (0, 3) and list(mesh.offsets) == [0]
    assert len(extrude.device_glyphs(empty, proj)) == 0
    assert extrude.alert_bands(empty, mesh, [_alert("R1", "room")]).n_cells == 0
