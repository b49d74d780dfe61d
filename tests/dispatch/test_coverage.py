"""Coverage on a hand-built street: times worked out from the edge lengths, a closed gate cuts it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from shapely.geometry import LineString, Point

from sandbox_app.dispatch.coverage import coverage
from sandbox_app.domain.model import Gate, Road
from sandbox_app.geo.routing import RoutingGraph
from tests.layers.sample import at

ZONE = "Asia/Shanghai"
NOON = int(datetime(2026, 5, 1, 12, 0, tzinfo=ZoneInfo(ZONE)).timestamp() * 1000)
NIGHT = int(datetime(2026, 5, 1, 23, 0, tzinfo=ZoneInfo(ZONE)).timestamp() * 1000)


@pytest.fixture(scope="module")
def street() -> RoutingGraph:
    """South (0) — middle (300 m) — north (600 m), with a night gate at 450 m on the northern half."""
    roads = [
        Road("R1", "footway", LineString([at(0, 0), at(0, 300)])),
        Road("R2", "footway", LineString([at(0, 300), at(0, 600)])),
    ]
    return RoutingGraph.from_roads(roads, [Gate("G", "北门", Point(*at(0, 450)), "C1", "22-6")], ZONE)


def node(router: RoutingGraph, y_m: float) -> int:
    return int(np.argmin(np.hypot(*(router.lonlat - np.asarray(at(0, y_m))).T)))


def test_each_junction_gets_the_fastest_guards_time(street: RoutingGraph) -> None:
    south, middle, gate, north = (node(street, y) for y in (0, 300, 450, 600))

    def metres(a: int, b: int) -> float:
        return float(
            street.length[((street.u == a) & (street.v == b)) | ((street.u == b) & (street.v == a))][0]
        )

    guards = np.asarray([at(0, 0), at(0, 600)])
    found = coverage(street, ["grid", "police"], guards, NOON, limit_s=120.0)
    # Walker at the south end (1.3 m/s), police e-bike at the north end (4.2 m/s), gate open at noon.
    assert found.seconds[south] == pytest.approx(0.0, abs=1e-3)
    assert found.seconds[north] == pytest.approx(0.0, abs=1e-3)
    to_gate = metres(gate, north) / 4.2
    assert found.seconds[gate] == pytest.approx(to_gate, rel=1e-6)
    walker, police = metres(south, middle) / 1.3, to_gate + metres(middle, gate) / 4.2
    assert police < walker and found.seconds[middle] == pytest.approx(police, rel=1e-6)
    assert 68 < police < 75  # about 300 m at 4.2 m/s
    assert len(found.uncovered_edges(street)) == 0


def test_a_closed_gate_leaves_the_stretch_behind_it_uncovered(street: RoutingGraph) -> None:
    middle, gate = node(street, 300), node(street, 450)
    guards = np.asarray([at(0, 0), at(0, 600)])
    found = coverage(street, ["grid", "police"], guards, NIGHT, limit_s=120.0)
    assert np.isinf(found.seconds[gate])  # no passage through a closed gate, for anyone
    assert found.seconds[middle] > 120.0  # the walker needs ~230 s, the police cannot come round
    (edge,) = found.uncovered_edges(street)
    assert {int(street.u[edge]), int(street.v[edge])} == {middle, gate}
    segment = found.uncovered_segments(street)
    assert segment.shape == (1, 2, 2)
    assert sorted(segment[0, :, 1]) == pytest.approx(sorted([at(0, 300)[1], at(0, 450)[1]]), abs=1e-6)


def test_no_guard_means_nothing_is_covered(street: RoutingGraph) -> None:
    found = coverage(street, [], np.zeros((0, 2)), NOON, limit_s=300.0)
    assert np.isinf(found.seconds).all()
    assert len(found.uncovered_edges(street)) == len(street.u)
