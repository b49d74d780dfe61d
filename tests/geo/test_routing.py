"""Compiled routing on hand-built graphs: edge snapping, one-way streets for riders, gates closed by hour.

Coordinates are written in metres east/north of an origin and converted to lon/lat with the same transverse
Mercator the graph uses, so the lengths below are exact to well under a millimetre.
"""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import LineString, Point

from sandbox_app.domain.model import Gate, Road
from sandbox_app.engine.clock import parse_time
from sandbox_app.geo.routing import (
    Mode,
    RoutingGraph,
    is_closed,
    mode_allows,
    parse_closed_hours,
)
from sandbox_app.geo.walkgraph import LocalProjection

ORIGIN = LocalProjection(116.35, 40.0)
TZ = "Asia/Shanghai"
NOON = parse_time("2024-05-01T12:00:00", TZ)
NIGHT = parse_time("2024-05-01T23:30:00", TZ)


def ll(x: float, y: float) -> tuple[float, float]:
    lon, lat = ORIGIN.to_lonlat([x], [y])
    return float(lon[0]), float(lat[0])


def road(rid: str, *pts: tuple[float, float], kind: str = "footway", oneway: bool = False) -> Road:
    return Road(rid, kind, LineString([ll(x, y) for x, y in pts]), oneway)


def square(*, gate_hours: str | None = None, bottom_oneway: bool = False) -> RoutingGraph:
    """A 200 m square P(0,0) Q(200,0) R(200,200) S(0,200); the bottom road is drawn P→Q.

    Optional gate GT1 at (100, 0) on the bottom road; optional one-way bottom road (eastwards only)."""
    roads = [
        road("bottom", (0, 0), (200, 0), kind="service", oneway=bottom_oneway),
        road("right", (200, 0), (200, 200), kind="service"),
        road("top", (200, 200), (0, 200), kind="service"),
        road("left", (0, 200), (0, 0), kind="service"),
    ]
    gates = (
        [] if gate_hours is None else [Gate("GT1", "south gate", Point(ll(100, 0)), closed_hours=gate_hours)]
    )
    return RoutingGraph.from_roads(roads, gates, TZ)


def in_origin_m(graph: RoutingGraph, xy: np.ndarray) -> list[list[float]]:
    """Graph metres (centred on the roads) → metres from ORIGIN, rounded to the centimetre."""
    lon, lat = graph.projection.to_lonlat(xy[:, 0], xy[:, 1])
    x, y = ORIGIN.to_xy(lon, lat)
    out: list[list[float]] = np.column_stack([x, y]).round(2).tolist()
    return out


def metres_to(
    graph: RoutingGraph, mode: Mode, at_ts: int, src: tuple[float, float], dst: tuple[float, float]
) -> float:
    """On-network metres from point src to point dst (both on roads)."""
    incident = graph.snap(mode, [ll(*dst)[0]], [ll(*dst)[1]])
    guard = graph.snap(mode, [ll(*src)[0]], [ll(*src)[1]])
    reach = graph.search(mode, incident, at_ts)
    net, _ = graph.network_m(reach, guard)
    return float(net[0])


def test_closed_hours_parse_and_wrap_midnight() -> None:
    assert parse_closed_hours("") == []
    assert parse_closed_hours("23-6") == [(23 * 60, 6 * 60)]
    assert parse_closed_hours("12-13;22:30-6") == [(720, 780), (22 * 60 + 30, 360)]
    spans = parse_closed_hours("12-13;22-6")
    assert [is_closed(spans, h * 60) for h in (5, 6, 11, 12, 13, 21, 22, 23, 0)] == [
        True, False, False, True, False, False, True, True, True,
    ]  # fmt: skip
    for bad in ("night", "25-3", "7", "6-7:75"):
        with pytest.raises(ValueError, match="closed_hours"):
            parse_closed_hours(bad)


def test_mode_road_kinds() -> None:
    assert mode_allows(Mode.FOOT, "footway") and mode_allows(Mode.FOOT, "steps")
    assert not mode_allows(Mode.FOOT, "motorway")
    assert mode_allows(Mode.EBIKE, "cycleway") and not mode_allows(Mode.EBIKE, "steps")
    assert mode_allows(Mode.CAR, "service") and not mode_allows(Mode.CAR, "footway")


def test_snapping_is_to_the_nearest_point_on_an_edge() -> None:
    graph = square()
    # (60, -15) is 15 m below the bottom road at 60 m from P: fraction 60/200 = 0.3 along P→Q
    snaps = graph.snap(Mode.FOOT, [ll(60, -15)[0]], [ll(60, -15)[1]])
    assert snaps.off_m[0] == pytest.approx(15.0, abs=1e-3)
    assert in_origin_m(graph, snaps.xy) == [[60.0, 0.0]]


def test_gate_closed_at_night_forces_the_detour() -> None:
    graph = square(gate_hours="22-6")
    assert "GT1" in graph.gate_node and len(graph) == 5  # four corners + the gate node
    assert graph.closed_gates(NOON) == frozenset()
    assert graph.closed_gates(NIGHT) == {"GT1"}
    # by day straight through the gate: from (150,0) to (50,0) = 100 m
    assert metres_to(graph, Mode.FOOT, NOON, (150, 0), (50, 0)) == pytest.approx(100.0, abs=1e-3)
    # at night around the square: 150→Q 50 + Q→R 200 + R→S 200 + S→P 200 + P→50 50 = 700 m
    assert metres_to(graph, Mode.FOOT, NIGHT, (150, 0), (50, 0)) == pytest.approx(700.0, abs=1e-3)
    # on the same side of the closed gate nothing changes: (90,0) to (50,0) = 40 m
    assert metres_to(graph, Mode.FOOT, NIGHT, (90, 0), (50, 0)) == pytest.approx(40.0, abs=1e-3)


def test_no_vehicle_gate_is_always_closed_to_cars() -> None:
    gates = [Gate("GT9", "side door", Point(ll(100, 0)), extra={"vehicle": False})]
    roads = [road(r, *pts, kind="service") for r, *pts in (
        ("bottom", (0, 0), (200, 0)), ("right", (200, 0), (200, 200)),
        ("top", (200, 200), (0, 200)), ("left", (0, 200), (0, 0)),
    )]  # fmt: skip
    graph = RoutingGraph.from_roads(roads, gates, TZ)
    assert graph.closed_gates(NOON, Mode.CAR) == {"GT9"}
    assert graph.closed_gates(NOON, Mode.FOOT) == frozenset()
    assert metres_to(graph, Mode.CAR, NOON, (150, 0), (50, 0)) == pytest.approx(700.0, abs=1e-3)
    assert metres_to(graph, Mode.FOOT, NOON, (150, 0), (50, 0)) == pytest.approx(100.0, abs=1e-3)


def test_one_way_binds_riders_but_not_walkers() -> None:
    graph = square(bottom_oneway=True)
    # westwards on the eastbound bottom road: walkers go straight (100 m) ...
    assert metres_to(graph, Mode.FOOT, NOON, (150, 0), (50, 0)) == pytest.approx(100.0, abs=1e-3)
    # ... riders go round: 150→Q 50 (with the flow) + 600 round the square + P→50 50 = 700 m
    assert metres_to(graph, Mode.EBIKE, NOON, (150, 0), (50, 0)) == pytest.approx(700.0, abs=1e-3)
    # with the flow riders go straight: (50,0) → (150,0) = 100 m
    assert metres_to(graph, Mode.EBIKE, NOON, (50, 0), (150, 0)) == pytest.approx(100.0, abs=1e-3)


def test_bounded_search_and_path_through_the_nodes() -> None:
    graph = square()
    incident = graph.snap(Mode.FOOT, [ll(100, 0)[0]], [ll(100, 0)[1]])
    reach = graph.search(Mode.FOOT, incident, NOON, limit_m=150.0)
    # P and Q are 100 m away; R and S (300 m) are beyond the 150 m limit
    assert sorted(np.round(reach.dist[np.isfinite(reach.dist)], 3).tolist()) == [100.0, 100.0]
    far = graph.search(Mode.FOOT, incident, NOON)
    guard = graph.snap(Mode.FOOT, [ll(200, 150)[0]], [ll(200, 150)[1]])
    net, via = graph.network_m(far, guard)
    assert net[0] == pytest.approx(250.0, abs=1e-3)  # 150 down the right road + 100 along the bottom
    path = graph.path(far, guard, 0, int(via[0]))
    assert in_origin_m(graph, path) == [[200.0, 150.0], [200.0, 0.0], [100.0, 0.0]]


def test_matrix_is_the_reversed_graph_of_the_moment() -> None:
    graph = square(gate_hours="22-6", bottom_oneway=True)
    day, night = graph.matrix(Mode.EBIKE, NOON), graph.matrix(Mode.EBIKE, NIGHT)
    assert day.shape == (5, 5)
    # 3 two-way sides (6 entries) + the one-way bottom split by the gate (2 entries)
    assert day.nnz == 8 and night.nnz == 6
    assert graph.matrix(Mode.FOOT, NOON).nnz == 10


def test_no_roads_for_a_mode_is_an_error() -> None:
    graph = RoutingGraph.from_roads([road("f", (0, 0), (100, 0), kind="footway")], timezone=TZ)
    with pytest.raises(ValueError, match="no roads usable"):
        graph.snap(Mode.CAR, [ll(0, 0)[0]], [ll(0, 0)[1]])


def test_two_gates_on_one_road_close_independently() -> None:
    gates = [
        Gate("GA", "a", Point(ll(60, 3)), closed_hours="22-6"),  # 3 m off the road: placed on it at (60,0)
        Gate("GB", "b", Point(ll(140, 0)), closed_hours="12-13"),
        Gate("GX", "far", Point(ll(100, 90))),  # 90 m from every road: left off the graph
    ]
    graph = RoutingGraph.from_roads([road("bottom", (0, 0), (200, 0))], gates, TZ)
    assert set(graph.gate_node) == {"GA", "GB"} and len(graph) == 4
    assert in_origin_m(graph, graph.xy[[graph.gate_node["GA"]]]) == [[60.0, 0.0]]
    # (100,0) sits between the gates: by day GB (12-13) cuts the way east, GA stays open
    assert metres_to(graph, Mode.FOOT, NOON, (10, 0), (100, 0)) == pytest.approx(90.0, abs=1e-3)
    assert metres_to(graph, Mode.FOOT, NOON, (190, 0), (100, 0)) == np.inf
    assert metres_to(graph, Mode.FOOT, NIGHT, (10, 0), (100, 0)) == np.inf
    assert metres_to(graph, Mode.FOOT, NIGHT, (190, 0), (100, 0)) == pytest.approx(90.0, abs=1e-3)


def test_every_minute_of_a_day_shares_one_copy_per_closed_set() -> None:
    """A wall up for days asks for every local minute in turn: the per-minute cache keeps one value per
    distinct set of closed gates (two here: day and night), not a copy per minute (issue 17)."""
    graph = square(gate_hours="22-6")
    values = {id(graph._closed(NOON + minute * 60_000, Mode.FOOT)) for minute in range(24 * 60)}
    assert len(values) == 2
    assert graph.closed_gates(NOON) == frozenset() and graph.closed_gates(NIGHT) == {"GT1"}
