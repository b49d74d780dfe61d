"""Each layer turns the hand-made district into the arrays a renderer needs."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from layers import alerts, buildings, compounds, devices, gates, guards, roads, style
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, GuardRole, RoomUsage, Severity
from sandbox_app.domain.model import District
from tests.layers.sample import GUARD_POSITIONS, at, small_district


@pytest.fixture
def district() -> District:
    return small_district()


@pytest.fixture
def proj(district: District) -> LocalProjection:
    return LocalProjection.for_district(district)


def _colour(data: np.ndarray, index: int) -> tuple[int, ...]:
    return tuple(int(v) for v in data[index])


def test_buildings_fill_by_notable_usage_and_mark_elderly(district: District, proj: LocalProjection) -> None:
    polys = buildings.layer(district, proj).polygons
    assert polys is not None and polys.ids == ("B1", "B2", "B3")
    owner = style.ROOM_USAGE[RoomUsage.OWNER]
    half = tuple((o + r) // 2 for o, r in zip(owner, style.RENTAL_BLUE, strict=True))
    # B1: one of its two rooms rented, half way from its own colour to rental blue
    assert all(abs(a - b) <= 1 for a, b in zip(_colour(polys.fill, 0), half, strict=True))
    assert _colour(polys.fill, 1) == style.ROOM_USAGE[RoomUsage.OWNER]
    assert _colour(polys.fill, 2) == style.GROUP_RENTAL_BLUE
    assert _colour(polys.edge, 1) == style.ELDERLY_HOUSEHOLD
    assert _colour(polys.edge, 0) == style.BUILDING_EDGE
    assert polys.height.tolist() == [18.0, 10.0, 18.0]


def test_building_rings_are_in_metres_where_they_were_drawn(
    district: District, proj: LocalProjection
) -> None:
    polys = buildings.layer(district, proj).polygons
    assert polys is not None
    assert polys.ring_start.tolist() == [0, 1, 2, 3]
    assert polys.vertex_start.tolist() == [0, 5, 10, 15]  # closed squares: 5 vertices each
    ring = polys.rings_of(0)[0]
    centre = ring[:-1].mean(axis=0)
    # B1 is drawn 50 "sample metres" west and north; sample metres of longitude shrink by cos(26.08°).
    assert np.allclose(centre, [-50 * 0.898, 50.0], atol=0.5)
    assert 26.0 < np.ptp(ring[:, 0]) < 28.0 and 29.5 < np.ptp(ring[:, 1]) < 30.5


def test_multipolygon_holes_become_extra_rings(district: District, proj: LocalProjection) -> None:
    from shapely.geometry import MultiPolygon, Polygon

    outer = district.buildings["B1"].footprint
    holed = Polygon(
        outer.exterior.coords, [district.buildings["B1"].footprint.buffer(-0.00005).exterior.coords]
    )
    district.buildings["B1"].footprint = MultiPolygon([holed, district.buildings["B2"].footprint])  # type: ignore[assignment]
    polys = buildings.layer(district, proj).polygons
    assert polys is not None
    assert polys.ring_start.tolist() == [0, 3, 4, 5]
    assert len(polys.rings_of(0)) == 3


def test_roads_connect_within_a_line_but_not_across(district: District, proj: LocalProjection) -> None:
    lines = roads.layer(district, proj).lines
    assert lines is not None
    # The residential W1 is wide enough for a casing: casings first, then fills narrow to wide.
    assert lines.ids == ("W1", "W2", "W1")
    assert lines.connect.tolist() == [True, False, True, False, True, False]
    assert lines.vertex_start.tolist() == [0, 2, 4, 6]
    casing, footway, residential = lines.width.tolist()
    assert casing == residential + style.ROAD_CASING_EXTRA and residential > footway
    assert tuple(lines.rgba[0]) == style.ROAD_CASING
    assert tuple(lines.rgba[2]) == style.road_style("residential").rgba


def test_compounds_have_labels(district: District, proj: LocalProjection) -> None:
    data = compounds.layer(district, proj)
    assert data.labels is not None and data.labels.text == ("测试一区",)
    assert data.polygons is not None and len(data.polygons) == 1


def test_devices_are_placed_at_point_gate_or_building(district: District, proj: LocalProjection) -> None:
    data = devices.layer(district, proj)
    points = data.points
    assert points is not None
    # T1/T2 are trackers with no position: not drawn as devices (guards layer draws their carriers).
    assert points.ids == ("D1", "D2", "D3", "D4")
    idx = {d: i for i, d in enumerate(points.ids)}
    gate_xy = gates.layer(district, proj).points
    assert gate_xy is not None
    assert np.allclose(points.xy[idx["D3"]], gate_xy.xy[0])
    assert np.allclose(points.xy[idx["D4"]], proj.to_xy(*at(80, -80))[0])
    assert _colour(points.rgba, idx["D1"]) == style.DEVICE_KINDS_STYLE["smart_lock"].rgba
    assert points.symbol[idx["D3"]] == style.DEVICE_KINDS_STYLE["face_gate"].symbol


def test_devices_sharing_a_building_are_spread(district: District, proj: LocalProjection) -> None:
    from sandbox_app.domain.device_kinds import Placement
    from sandbox_app.domain.model import Device

    district.devices["D5"] = Device("D5", "smoke_detector", "烟感", Placement.BUILDING, building_id="B1")
    pos = devices.positions(district, proj)
    assert np.hypot(pos["D1"][0] - pos["D5"][0], pos["D1"][1] - pos["D5"][1]) > 2.0


def test_guards_coloured_by_role_and_unknown_guards_skipped(
    district: District, proj: LocalProjection
) -> None:
    positions = {**GUARD_POSITIONS, "GONE": (0.0, 0.0)}
    points = guards.layer(district, proj, positions).points
    assert points is not None and points.ids == ("GU1", "GU2")
    assert _colour(points.rgba, 0) == style.GUARD_ROLE[GuardRole.POLICE].rgba
    assert _colour(points.rgba, 1) == style.GUARD_ROLE[GuardRole.GRID].rgba
    assert np.allclose(points.xy[0], proj.to_xy(*GUARD_POSITIONS["GU1"])[0])
    assert len(guards.layer(district, proj, {}).points or []) == 0


def _alert(aid: str, subject: str, subject_type: str, severity: Severity, state: AlertState) -> Alert:
    return Alert(aid, "test_rule", subject, subject_type, severity, state, 0, 0)


def test_alerts_open_only_placed_by_subject(district: District, proj: LocalProjection) -> None:
    items = [
        _alert("A1", "R101", "room", Severity.HIGH, AlertState.OPEN),
        _alert("A2", "D4", "device", Severity.NOTICE, AlertState.ACKNOWLEDGED),
        _alert("A3", "R101", "room", Severity.LOW, AlertState.CLOSED),
        _alert("A4", "nowhere", "plate", Severity.LOW, AlertState.OPEN),
        _alert("A5", "GU1", "guard", Severity.CRITICAL, AlertState.OPEN),
    ]
    points = alerts.layer(district, proj, items, GUARD_POSITIONS).points
    assert points is not None and points.ids == ("A1", "A2", "A5")
    assert _colour(points.rgba, 1) == style.SEVERITY[Severity.NOTICE].rgba
    b1 = buildings.layer(district, proj).polygons
    assert b1 is not None
    assert np.allclose(points.xy[0], b1.rings_of(0)[0][:-1].mean(axis=0), atol=0.5)
    assert np.allclose(points.xy[2], proj.to_xy(*GUARD_POSITIONS["GU1"])[0])


def test_empty_district_gives_empty_arrays(proj: LocalProjection) -> None:
    empty = District("empty", "UTC")
    for data in (
        buildings.layer(empty, proj),
        roads.layer(empty, proj),
        compounds.layer(empty, proj),
        gates.layer(empty, proj),
        devices.layer(empty, proj),
        guards.layer(empty, proj, {}),
        alerts.layer(empty, proj, []),
    ):
        for prim in (data.points, data.lines, data.polygons):
            assert prim is None or len(prim) == 0


def test_rentals_tint_by_share_and_group_rentals_are_marked(
    district: District, proj: LocalProjection
) -> None:
    data = buildings.layer(district, proj)
    assert data.extra["rented"] == (1, 0, 1) and data.extra["rooms"] == (2, 1, 1)
    assert data.points is not None and data.points.ids == ("B3",)
    assert data.points.symbol == (style.GROUP_RENTAL_MARK.symbol,)
    for rooms in range(1, 9):  # one rented room among `rooms`: tinted in quarters, rounded up
        counts = Counter({RoomUsage.RENTAL: 1, RoomUsage.OWNER: rooms - 1})
        fill = buildings.fill_for(counts)
        assert fill != style.ROOM_USAGE[RoomUsage.OWNER]
        assert (fill == style.RENTAL_BLUE) == (rooms == 1)


def test_demo_rentals_are_not_whole_blue_buildings() -> None:
    """Issue 21: in the demo 142 of the buildings with rooms used to turn rental blue; now only a building
    whose rooms are (nearly) all rented is blue, the rest are tinted by their share."""
    from pathlib import Path

    from sandbox_app.data.package import load_package

    demo = load_package(Path(__file__).resolve().parents[2] / "resources" / "demo")
    data = buildings.layer(demo, LocalProjection.for_district(demo))
    assert data.polygons is not None
    fills = [tuple(int(v) for v in f) for f in data.polygons.fill]
    rented = data.extra["rented"]
    assert isinstance(rented, tuple) and sum(1 for r in rented if r) > 100
    blue = sum(1 for f in fills if f in (style.RENTAL_BLUE, style.GROUP_RENTAL_BLUE))
    assert blue < 10, blue
