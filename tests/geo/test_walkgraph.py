"""The walk graph: metric lengths, junction merging, snapping, shortest paths and travel times."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from pyproj import Geod
from shapely.geometry import LineString, Point, box

from sandbox_app.domain.model import District, Road
from sandbox_app.geo.walkgraph import WalkGraph

GEOD = Geod(ellps="WGS84")
LON0, LAT0 = 116.35, 40.0
D = 0.001  # degrees: ~85 m east-west, ~111 m north-south at 40°N


def _road(rid: str, *coords: tuple[float, float], kind: str = "footway") -> Road:
    return Road(rid, kind, LineString([(LON0 + x * D, LAT0 + y * D) for x, y in coords]))


def _geodesic(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(GEOD.inv(LON0 + a[0] * D, LAT0 + a[1] * D, LON0 + b[0] * D, LAT0 + b[1] * D)[2])


@pytest.fixture
def square() -> WalkGraph:
    """A unit square of four roads plus a diagonal shortcut, meeting at shared corners."""
    return WalkGraph.from_roads(
        [
            _road("s", (0, 0), (1, 0)),
            _road("e", (1, 0), (1, 1)),
            _road("n", (1, 1), (0, 1)),
            _road("w", (0, 1), (0, 0)),
            _road("d", (0, 0), (0.5, 0.5), (1, 1), kind="path"),
        ]
    )


def test_corners_are_shared_and_lengths_are_geodesic(square: WalkGraph) -> None:
    assert len(square) == 5
    assert square.graph.number_of_edges() == 6
    a, b = square.nearest_node(LON0, LAT0), square.nearest_node(LON0 + D, LAT0)
    assert square.graph[a][b]["length"] == pytest.approx(_geodesic((0, 0), (1, 0)), rel=1e-4)
    assert square.graph[a][b]["road"] == "s"


def test_shortest_path_takes_the_diagonal(square: WalkGraph) -> None:
    a, c = square.nearest_node(LON0, LAT0), square.nearest_node(LON0 + D, LAT0 + D)
    path = square.shortest_path(a, c)
    assert len(path) == 3
    assert square.path_length_m(a, c) == pytest.approx(_geodesic((0, 0), (1, 1)), rel=1e-3)
    assert square.path_xy(path).shape == (3, 2)


def test_travel_times_scale_with_speed_and_respect_cutoff(square: WalkGraph) -> None:
    a = square.nearest_node(LON0, LAT0)
    east = square.nearest_node(LON0 + D, LAT0)
    slow = square.travel_times_from(a, 1.0)
    fast = square.travel_times_from(a, 4.0)
    assert slow[a] == 0.0
    assert fast[east] == pytest.approx(slow[east] / 4.0)
    near = square.travel_times_from(a, 1.0, cutoff_s=90.0)
    assert east in near and len(near) < len(slow)
    with pytest.raises(ValueError):
        square.travel_times_from(a, 0.0)


def test_near_coincident_vertices_merge_but_distant_ones_do_not() -> None:
    tiny = 0.2 / 85_000 / D  # 0.2 m east in units of D
    graph = WalkGraph.from_roads([_road("a", (0, 0), (1, 0)), _road("b", (1 + tiny, 0), (1, 1))])
    assert len(graph) == 3 and nx.is_connected(graph.graph)
    apart = WalkGraph.from_roads([_road("a", (0, 0), (1, 0)), _road("b", (1.1, 0), (1, 1))])
    assert len(apart) == 4 and not nx.is_connected(apart.graph)


def test_motorways_are_left_out_and_largest_component_kept() -> None:
    roads = [
        _road("main", (0, 0), (1, 0), (2, 0)),
        _road("island", (5, 5), (6, 5)),
        _road("hwy", (2, 0), (5, 5), kind="motorway"),
    ]
    graph = WalkGraph.from_roads(roads)
    assert len(graph) == 5 and not nx.is_connected(graph.graph)
    big = graph.largest_component()
    assert len(big) == 3 and nx.is_connected(big.graph)
    assert sorted(big.graph.nodes) == [0, 1, 2]
    district = District("t", "Asia/Shanghai", roads={r.id: r for r in roads})
    assert len(WalkGraph.from_district(district)) == 3


def test_snapping_and_distance_to_edges(square: WalkGraph) -> None:
    nodes = square.nearest_nodes([LON0 + 0.9 * D, LON0 + 0.1 * D], [LAT0 + 0.05 * D, LAT0 + 0.95 * D])
    assert [tuple(square.lonlat[n].round(6)) for n in nodes] == [
        (round(LON0 + D, 6), LAT0),
        (LON0, round(LAT0 + D, 6)),
    ]
    off = square.distance_to_edges_m([LON0 + 0.5 * D, LON0 + 0.5 * D], [LAT0, LAT0 - 0.1 * D])
    assert off[0] == pytest.approx(0.0, abs=0.01)
    assert off[1] == pytest.approx(_geodesic((0.5, 0), (0.5, -0.1)), rel=1e-3)


def test_snap_places_by_name(square: WalkGraph) -> None:
    gate = Point(LON0 + 1.05 * D, LAT0 - 0.02 * D)
    building = box(LON0 + 0.1 * D, LAT0 + 0.8 * D, LON0 + 0.3 * D, LAT0 + 0.95 * D)
    snapped = square.snap({"G1": gate, "B1": building})
    assert snapped == {
        "G1": square.nearest_node(LON0 + D, LAT0),
        "B1": square.nearest_node(LON0, LAT0 + D),
    }
    assert snapped["G1"] != snapped["B1"]
    assert square.snap({}) == {}


def test_projection_round_trips(square: WalkGraph) -> None:
    x, y = square.projection.to_xy([LON0 + 0.3 * D], [LAT0 - 0.7 * D])
    lon, lat = square.projection.to_lonlat(x, y)
    assert lon[0] == pytest.approx(LON0 + 0.3 * D, abs=1e-9)
    assert lat[0] == pytest.approx(LAT0 - 0.7 * D, abs=1e-9)


def test_empty_graph_refuses_queries() -> None:
    graph = WalkGraph.from_roads([])
    assert len(graph) == 0
    assert len(graph.largest_component()) == 0
    with pytest.raises(ValueError):
        graph.nearest_node(LON0, LAT0)


def test_real_osm_paths_form_a_routable_network(shared_data: Path) -> None:
    pyogrio = pytest.importorskip("pyogrio")
    lines = pyogrio.read_dataframe(shared_data / "osm" / "beijing_haidian_qinghua-east-rd.osm", layer="lines")
    lines = lines[lines["highway"].notna()]
    roads = [Road(str(r.osm_id), str(r.highway), r.geometry) for r in lines.itertuples()]
    graph = WalkGraph.from_roads(roads).largest_component()
    assert len(graph) > 500
    far = graph.distances_from(0)
    assert len(far) == len(graph)
    assert 1_000 < max(far.values()) < 10_000
    # every node snaps to itself and lies on an edge
    assert (graph.nearest_nodes(graph.lonlat[:50, 0], graph.lonlat[:50, 1]) == range(50)).all()
    assert graph.distance_to_edges_m(graph.lonlat[:50, 0], graph.lonlat[:50, 1]).max() < 0.01
