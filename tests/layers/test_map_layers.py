"""The 2D map's layer arrays without Qt: outlines, device health, trails and headings, ETA labels, picking."""

from __future__ import annotations

import numpy as np
import pytest

from layers import alerts, buildings, devices, dispatch, guards, pick, style, trails
from layers.data import Labels
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, GuardRole, PersonTag, Relation, Severity
from sandbox_app.domain.model import District, Person
from tests.layers.sample import GUARD_POSITIONS, at, small_district


@pytest.fixture
def district() -> District:
    d = small_district()
    d.people["P0003"] = Person(
        "P0003", "测试居民0003", "R301", Relation.TENANT, frozenset({PersonTag.KEY_PERSON})
    )
    return d


@pytest.fixture
def proj(district: District) -> LocalProjection:
    return LocalProjection.for_district(district)


def _alert(aid: str, rule: str, subject: str, state: AlertState = AlertState.OPEN) -> Alert:
    return Alert(aid, rule, subject, "device", Severity.MEDIUM, state, 0, 0)


def test_key_person_and_elderly_outlines_are_thick_and_tooltip_fields_align(
    district: District, proj: LocalProjection
) -> None:
    data = buildings.layer(district, proj)
    polys = data.polygons
    assert polys is not None and polys.edge_width is not None and polys.ids == ("B1", "B2", "B3")
    assert [tuple(int(v) for v in e) for e in polys.edge] == [
        style.BUILDING_EDGE,
        style.ELDERLY_HOUSEHOLD,
        style.KEY_PERSON,
    ]
    assert polys.edge_width.tolist() == [style.BUILDING_EDGE_WIDTH] + [style.MARKED_EDGE_WIDTH] * 2
    assert data.extra["usage"] == ("rental", "owner", "group_rental")
    assert data.extra["name"] == ("1幢", "2幢", "3幢")


def test_device_health_from_open_alerts_only() -> None:
    health = devices.health_from_alerts(
        [
            _alert("A1", "device_offline", "D1"),
            _alert("A2", "smoke_alarm", "D4"),
            _alert("A3", "device_offline", "D2", AlertState.CLOSED),
            _alert("A4", "smoke_alarm", "D1"),  # offline wins over flagged
        ]
    )
    assert health == {"D1": "offline", "D4": "flagged"}


def test_devices_keep_kind_symbol_and_take_health_colours(district: District, proj: LocalProjection) -> None:
    data = devices.layer(district, proj, {"D1": "offline", "D4": "flagged"})
    points = data.points
    assert points is not None and points.edge is not None
    idx = {d: i for i, d in enumerate(points.ids)}
    assert tuple(points.rgba[idx["D1"]]) == style.DEVICE_OFFLINE_FILL
    assert tuple(points.edge[idx["D1"]]) == style.DEVICE_HEALTH_EDGE["offline"]
    assert tuple(points.rgba[idx["D4"]]) == style.DEVICE_KINDS_STYLE["camera"].rgba
    assert tuple(points.edge[idx["D4"]]) == style.DEVICE_HEALTH_EDGE["flagged"]
    assert tuple(points.edge[idx["D3"]]) == style.DEVICE_HEALTH_EDGE["online"]
    assert points.symbol[idx["D1"]] == style.DEVICE_KINDS_STYLE["smart_lock"].symbol
    assert data.extra["health"][idx["D1"]] == "offline"
    healthy = devices.layer(district, proj)
    assert healthy.points is not None
    kind_rgba = healthy.extra["kind_rgba"]
    assert isinstance(kind_rgba, np.ndarray)
    again = devices.with_health(healthy.points, {"D1": "offline", "D4": "flagged"}, kind_rgba)
    assert np.array_equal(again.rgba, points.rgba) and again.edge is not None
    assert np.array_equal(again.edge, points.edge)


def test_alerts_layer_carries_device_health_and_severity(district: District, proj: LocalProjection) -> None:
    data = alerts.layer(district, proj, [_alert("A1", "device_offline", "D4")])
    assert data.extra["device_health"] == {"D4": "offline"}
    assert data.extra["severity"] == ("medium",) and data.extra["rule"] == ("device_offline",)


def test_guards_layer_extra_roles_and_fix_times(district: District, proj: LocalProjection) -> None:
    data = guards.layer(district, proj, GUARD_POSITIONS, {"GU1": 5_000})
    assert data.extra["role"] == ("police", "grid")
    fix_ts = data.extra["fix_ts"]
    assert isinstance(fix_ts, np.ndarray) and fix_ts.tolist() == [5_000, -1]
    assert data.points is not None
    assert tuple(data.points.rgba[1]) == style.GUARD_ROLE[GuardRole.GRID].rgba


def _walk(buffer: trails.TrailBuffer, steps: int, start_ms: int = 0) -> None:
    """One guard walking east 10 m a second; another standing still."""
    red = np.asarray([[200, 0, 0, 255], [0, 0, 200, 255]], dtype=np.uint8)
    for k in range(steps):
        xy = np.asarray([[10.0 * k, 0.0], [50.0, 50.0]])
        buffer.push(("G1", "G2"), xy, np.full(2, start_ms + 1000 * k, dtype=np.int64), red)


def test_trail_fades_with_age_and_still_guards_draw_nothing() -> None:
    buffer = trails.TrailBuffer(fixes=5, window_s=120)
    _walk(buffer, 6)
    lines = buffer.layer(now_ms=5_000).lines
    assert lines is not None and len(lines) == 4  # five fixes kept → four segments, all of G1
    seg = lines.xy.reshape(-1, 2, 2)
    assert np.allclose(seg[-1], [[50.0, 0.0], [40.0, 0.0]])  # the newest segment is drawn last
    alpha = lines.rgba[:, 3].tolist()
    assert alpha == sorted(alpha) and alpha[0] < alpha[-1] == style.TRAIL_ALPHA_NEW
    assert {tuple(c[:3]) for c in lines.rgba} == {(200, 0, 0)}
    assert lines.connect.tolist() == [True, False] * 4


def test_trail_segments_past_the_window_disappear() -> None:
    buffer = trails.TrailBuffer(fixes=5, window_s=2.5)
    _walk(buffer, 6)
    lines = buffer.layer(now_ms=5_000).lines
    assert lines is not None and len(lines) == 2  # older ends at 4 s and 3 s are within 2.5 s


def test_heading_is_the_bearing_of_the_last_move() -> None:
    buffer = trails.TrailBuffer()
    _walk(buffer, 3)
    heading = buffer.headings(["G1", "G2", "nobody"])
    assert heading[0] == pytest.approx(90.0)  # east
    assert np.isnan(heading[1]) and np.isnan(heading[2])
    red = np.asarray([[200, 0, 0, 255]], dtype=np.uint8)
    buffer.push(("G1",), np.asarray([[20.0, -10.0]]), np.asarray([3_000]), red)
    assert buffer.headings(["G1"])[0] == pytest.approx(180.0)  # then south


def test_unknown_fix_times_stamp_moves_and_keep_still_guards_old() -> None:
    buffer = trails.TrailBuffer()
    colour = np.zeros((2, 4), dtype=np.uint8)
    unknown = np.full(2, -1, dtype=np.int64)
    buffer.push(("G1", "G2"), np.asarray([[0.0, 0.0], [5.0, 5.0]]), unknown, colour, now_ms=1_000)
    buffer.push(("G1", "G2"), np.asarray([[3.0, 0.0], [5.1, 5.0]]), unknown, colour, now_ms=9_000)
    assert buffer.fix_ts("G1") == 9_000  # moved: a new fix
    assert buffer.fix_ts("G2") == 1_000  # 10 cm of jitter: still the old fix
    assert buffer.fix_ts("nobody") is None


def _dispatch(state: DispatchState, eta_s: float | None) -> Dispatch:
    d = Dispatch("D1", "A1", "GU1", None, "desk:a", 0, *at(80, -80), eta_s=eta_s)
    if state is not DispatchState.ISSUED:
        d.advance(DispatchState.ACCEPTED, "g", 1)
        if state is DispatchState.ON_SCENE:
            d.advance(state, "system", 2)
    return d


def test_dispatch_eta_labels_count_down_at_the_route_middle(proj: LocalProjection) -> None:
    d = _dispatch(DispatchState.ACCEPTED, 185.0)
    path = {"D1": [at(0, 0), at(0, -80), at(80, -80)]}
    data = dispatch.layer(proj, [d], path)
    labels = data.extra["overlay_labels"]
    assert isinstance(labels, Labels) and labels.text == ("GU1 3:05",)
    assert data.lines is not None and np.allclose(labels.xy[0], data.lines.xy[1])
    later = dispatch.layer(proj, [d], path, now_ts=65_000).extra["overlay_labels"]
    assert isinstance(later, Labels) and later.text == ("GU1 2:00",)
    assert dispatch.eta_text(d, now_ts=999_999) == "GU1 0:00"
    assert dispatch.eta_text(_dispatch(DispatchState.ON_SCENE, 185.0), None) == "GU1"
    assert dispatch.eta_text(_dispatch(DispatchState.ISSUED, None), None) == "GU1"


def test_pick_point_within_its_drawn_radius(district: District, proj: LocalProjection) -> None:
    points = guards.layer(district, proj, GUARD_POSITIONS).points
    assert points is not None
    x, y = points.xy[1]
    assert pick.point_at(points, x + 1.0, y, metres_per_px=0.5) == 1  # 2 px away, marker radius 7.5 px
    assert pick.point_at(points, x + 10.0, y, metres_per_px=0.5) is None  # 20 px away
    assert pick.point_at(points, x + 10.0, y, metres_per_px=2.0) == 1  # zoomed out: 5 px


def test_pick_polygon_respects_holes_and_prefers_the_top_one(
    district: District, proj: LocalProjection
) -> None:
    from shapely.geometry import Polygon

    b1 = district.buildings["B1"].footprint
    district.buildings["B1"].footprint = Polygon(b1.exterior.coords, [b1.buffer(-0.00005).exterior.coords])
    polys = buildings.layer(district, proj).polygons
    assert polys is not None
    boxes = pick.polygon_boxes(polys)
    assert boxes.shape == (3, 4) and np.all(boxes[:, 0] < boxes[:, 2])
    inner = proj.to_xy(*at(-50, 50))[0]  # the middle of B1 is its hole
    ring = proj.to_xy(*at(-37, 50))[0]  # between hole and outline
    assert pick.polygon_at(polys, boxes, *ring) == 0
    assert pick.polygon_at(polys, boxes, *inner) is None
    assert pick.polygon_at(polys, boxes, *proj.to_xy(*at(-50, -50))[0]) == 2
    assert pick.polygon_at(polys, boxes, *proj.to_xy(*at(0, 90))[0]) is None
