"""Nearest guards by travel time: rankings on hand-built districts against ETAs worked out by hand.

Speeds (ROLE_TRAVEL): police ride e-bikes at 4.2 m/s, everyone else walks at 1.3 m/s; the straight legs
between a fix (or the incident) and the road are walked at 1.3 m/s by everyone.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import orjson
import pytest
from shapely.geometry import LineString, Point

from cli.nearest import register
from sandbox_app.data.package import load_package
from sandbox_app.data.resources import demo_package
from sandbox_app.dispatch.nearest import Nearest, nearest_from_store, nearest_guards, prepare_fleet, rank
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District, Gate, Guard, Road
from sandbox_app.engine.clock import parse_time
from sandbox_app.geo.routing import RoutingGraph
from sandbox_app.geo.walkgraph import LocalProjection
from sandbox_app.store import open_store
from sandbox_app.store.base import Fix

ORIGIN = LocalProjection(116.35, 40.0)
TZ = "Asia/Shanghai"
NOON = parse_time("2024-05-01T12:00:00", TZ)
NIGHT = parse_time("2024-05-01T23:30:00", TZ)


def ll(x: float, y: float) -> tuple[float, float]:
    lon, lat = ORIGIN.to_lonlat([x], [y])
    return float(lon[0]), float(lat[0])


def road(rid: str, *pts: tuple[float, float], kind: str = "footway", oneway: bool = False) -> Road:
    return Road(rid, kind, LineString([ll(x, y) for x, y in pts]), oneway)


Spots = Mapping[str, tuple[GuardRole, tuple[float, float]]]


def district(roads: list[Road], guards: Spots, gates: Sequence[Gate] = ()) -> tuple[District, dict[str, Fix]]:
    """A district with one tracker per guard and each guard's fix at NOON−30 s at the given metres."""
    d = District(
        "hand-built",
        TZ,
        guards={gid: Guard(gid, f"测试{gid}", role, f"T-{gid}") for gid, (role, _) in guards.items()},
        roads={r.id: r for r in roads},
        gates={g.id: g for g in gates},
    )
    fixes = {f"T-{gid}": Fix(f"T-{gid}", NOON - 30_000, *ll(*xy)) for gid, (_, xy) in guards.items()}
    return d, fixes


# Street: main road (0,0)–(200,0)–(400,0), a side road north from the junction J(200,0) to (200,300).
# Incident at (100,0), halfway between the west end and J.
STREET = [road("main", (0, 0), (200, 0), (400, 0)), road("north", (200, 0), (200, 300))]
STREET_GUARDS = {
    "GD1": (GuardRole.AUXILIARY, (300, 0)),  # 200 m east along main: 200/1.3 = 153.846 s
    "GD2": (GuardRole.POLICE, (200, 300)),  # 300 down north + 100 west: 400 m / 4.2 = 95.238 s
    "GD3": (GuardRole.SECURITY, (0, 20)),  # 20 m walk to (0,0) + 100 east: 120 / 1.3 = 92.308 s
    "GD4": (GuardRole.VOLUNTEER, (150, 10)),  # 10 m walk to (150,0) + 50 west: 60 / 1.3 = 46.154 s
}
HAND_ETA = {"GD4": 60 / 1.3, "GD3": 120 / 1.3, "GD2": 400 / 4.2, "GD1": 200 / 1.3}
HAND_DIST = {"GD4": 60.0, "GD3": 120.0, "GD2": 400.0, "GD1": 200.0}
INCIDENT = ll(100, 0)


@pytest.fixture
def street() -> tuple[District, dict[str, Fix], RoutingGraph]:
    d, fixes = district(STREET, STREET_GUARDS)
    return d, fixes, RoutingGraph.from_district(d)


def ids(found: Nearest) -> list[str]:
    return [c.guard for c in found.candidates]


def test_ranking_and_etas_match_the_hand_arithmetic(
    street: tuple[District, dict[str, Fix], RoutingGraph],
) -> None:
    d, fixes, router = street
    found = nearest_guards(router, d, fixes, *INCIDENT, NOON, k=5)
    assert ids(found) == ["GD4", "GD3", "GD2", "GD1"]
    for c in found.candidates:
        assert c.eta_s == pytest.approx(HAND_ETA[c.guard], abs=1e-3)
        assert c.distance_m == pytest.approx(HAND_DIST[c.guard], abs=1e-3)
        assert not c.stale and c.role == str(STREET_GUARDS[c.guard][0])
        assert c.path[0] == pytest.approx(ll(*STREET_GUARDS[c.guard][1]))
        assert c.path[-1] == pytest.approx(INCIDENT)
    assert found.stale == []
    # the police rider's path turns at the junction: fix (200,300) → J (200,0) → incident
    rider = np.asarray(found.candidates[2].path)
    assert np.column_stack(ORIGIN.to_xy(rider[:, 0], rider[:, 1])).round(2).tolist() == [
        [200.0, 300.0], [200.0, 0.0], [100.0, 0.0],
    ]  # fmt: skip
    assert ids(nearest_guards(router, d, fixes, *INCIDENT, NOON, k=2)) == ["GD4", "GD3"]


def test_stale_fixes_are_listed_after_and_flagged(
    street: tuple[District, dict[str, Fix], RoutingGraph],
) -> None:
    d, fixes, router = street
    fixes["T-GD3"] = Fix("T-GD3", NOON - 600_000, *ll(0, 20))  # 10 minutes old
    found = nearest_guards(router, d, fixes, *INCIDENT, NOON, k=5, max_fix_age_s=300)
    assert ids(found) == ["GD4", "GD2", "GD1"]
    assert [(c.guard, c.stale) for c in found.stale] == [("GD3", True)]
    assert found.stale[0].eta_s == pytest.approx(120 / 1.3, abs=1e-3)
    assert [c.guard for c in found.ranked()] == ["GD4", "GD2", "GD1", "GD3"]
    # with a generous age limit it ranks normally again
    assert ids(nearest_guards(router, d, fixes, *INCIDENT, NOON, max_fix_age_s=900)) == [
        "GD4",
        "GD3",
        "GD2",
        "GD1",
    ]


def test_role_filter_busy_and_off_duty(street: tuple[District, dict[str, Fix], RoutingGraph]) -> None:
    d, fixes, router = street
    police_aux = nearest_guards(router, d, fixes, *INCIDENT, NOON, roles={"police", "auxiliary"})
    assert ids(police_aux) == ["GD2", "GD1"]
    busy = nearest_guards(router, d, fixes, *INCIDENT, NOON, busy={"GD4"}, on_duty=lambda g: g.id != "GD3")
    assert ids(busy) == ["GD2", "GD1"]
    nobody = nearest_guards(router, d, fixes, *INCIDENT, NOON, roles={"grid"})
    assert nobody.candidates == [] and nobody.stale == []


def test_guards_without_a_fix_or_with_a_future_one_are_left_out(
    street: tuple[District, dict[str, Fix], RoutingGraph],
) -> None:
    d, fixes, router = street
    del fixes["T-GD4"]
    fixes["T-GD3"] = Fix("T-GD3", NOON + 1, *ll(0, 20))
    assert ids(nearest_guards(router, d, fixes, *INCIDENT, NOON)) == ["GD2", "GD1"]


# Square P(0,0) Q(200,0) R(200,200) S(0,200) of service roads; the bottom road is drawn P→Q.
def square(bottom_oneway: bool = False) -> list[Road]:
    return [
        road("bottom", (0, 0), (200, 0), kind="service", oneway=bottom_oneway),
        road("right", (200, 0), (200, 200), kind="service"),
        road("top", (200, 200), (0, 200), kind="service"),
        road("left", (0, 200), (0, 0), kind="service"),
    ]


def test_closed_gate_forces_a_detour_at_night_but_not_by_day() -> None:
    gate = Gate("GT1", "south gate", Point(ll(100, 0)), closed_hours="22-6")
    guards = {
        "A": (GuardRole.AUXILIARY, (150, 0)),  # day: 100 m through the gate = 76.923 s
        # night: 150→Q 50 + Q→R→S→P 600 + P→50 50 = 700 m = 538.462 s
        "B": (GuardRole.GRID, (0, 150)),  # 150 down the left road + 50 east = 200 m = 153.846 s
    }
    d, fixes = district(square(), guards, [gate])
    router = RoutingGraph.from_district(d)
    incident = ll(50, 0)
    day = nearest_guards(router, d, fixes, *incident, NOON)
    assert [(c.guard, round(c.eta_s, 3)) for c in day.candidates] == [("A", 76.923), ("B", 153.846)]
    night_fixes = {k: Fix(f.device, NIGHT - 30_000, f.lon, f.lat) for k, f in fixes.items()}
    night = nearest_guards(router, d, night_fixes, *incident, NIGHT, k=2)
    assert [(c.guard, round(c.eta_s, 3)) for c in night.candidates] == [("B", 153.846), ("A", 538.462)]
    assert night.candidates[1].distance_m == pytest.approx(700.0, abs=1e-3)


def test_one_way_road_binds_the_rider_not_the_walker() -> None:
    guards = {"P": (GuardRole.POLICE, (150, 0)), "X": (GuardRole.AUXILIARY, (150, 0))}
    d, fixes = district(square(bottom_oneway=True), guards)
    router = RoutingGraph.from_district(d)
    # westwards against the flow: walker 100 m / 1.3 = 76.923 s;
    # rider round the square 700 m / 4.2 = 166.667 s
    west = nearest_guards(router, d, fixes, *ll(50, 0), NOON, k=2)  # k=2: the horizon must grow for P
    assert [(c.guard, round(c.eta_s, 3)) for c in west.candidates] == [("X", 76.923), ("P", 166.667)]
    # eastwards with the flow (guards moved to (50,0), incident at (150,0)): rider 100 / 4.2 = 23.810 s first
    d2, fixes2 = district(square(bottom_oneway=True), {g: (r, (50, 0)) for g, (r, _) in guards.items()})
    east = nearest_guards(router, d2, fixes2, *ll(150, 0), NOON)
    assert [(c.guard, round(c.eta_s, 3)) for c in east.candidates] == [("P", 23.810), ("X", 76.923)]


def test_ties_rank_by_guard_id() -> None:
    # both 50 m from the incident at (100,0): 50 / 1.3 = 38.462 s each; GB is listed first in the district
    guards = {"GB": (GuardRole.GRID, (50, 0)), "GA": (GuardRole.GRID, (150, 0))}
    d, fixes = district(square(), guards)
    found = nearest_guards(RoutingGraph.from_district(d), d, fixes, *ll(100, 0), NOON)
    assert [(c.guard, round(c.eta_s, 3)) for c in found.candidates] == [("GA", 38.462), ("GB", 38.462)]


def _store_with_fixes(tmp_path: Path, d: District, fixes: dict[str, Fix]) -> Path:
    db = tmp_path / "s.db"
    store = open_store(db)
    try:
        store.replace_district(d)
        store.append_events(
            [Event(f"e-{f.device}", f.ts, f.device, "gps.fix", f.lon, f.lat) for f in fixes.values()]
        )
    finally:
        store.close()
    return db


def test_store_positions_and_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d, fixes = district(STREET, STREET_GUARDS)
    fixes["T-GD3"] = Fix("T-GD3", NOON - 600_000, *ll(0, 20))
    db = _store_with_fixes(tmp_path, d, fixes)
    store = open_store(db)
    try:
        loaded = store.load_district()
        assert loaded is not None
        found = nearest_from_store(store, loaded, RoutingGraph.from_district(loaded), *INCIDENT, NOON)
    finally:
        store.close()
    assert ids(found) == ["GD4", "GD2", "GD1"] and [c.guard for c in found.stale] == ["GD3"]

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command", required=True))
    argv = ["nearest", "--db", str(db), "--lon", str(INCIDENT[0]), "--lat", str(INCIDENT[1])]
    args = parser.parse_args(
        [*argv, "--at", "2024-05-01T12:00:00", "--k", "2", "--roles", "police,volunteer,security", "--json"]
    )
    assert args.func(args) == 0
    out = orjson.loads(capsys.readouterr().out)
    assert [(o["guard"], o["eta_s"], o["stale"]) for o in out] == [
        ("GD4", 46.2, False),
        ("GD2", 95.2, False),
        ("GD3", 92.3, True),
    ]
    assert out[0]["distance_m"] == 60.0 and out[0]["path"][0] == pytest.approx(list(ll(150, 10)))
    with pytest.raises(SystemExit):
        parser.parse_args([*argv, "--at", "0", "--roles", "polce"])

    store = open_store(db)  # a guard on an active dispatch in the store is left out without --busy
    try:
        store.create_dispatch(Dispatch("DS-1", "AL-1", "GD4", "T-GD4", "cmdr", NOON - 60_000, *INCIDENT))
    finally:
        store.close()
    assert args.func(args) == 0
    out = orjson.loads(capsys.readouterr().out)
    assert [o["guard"] for o in out] == ["GD2", "GD3"]


def test_demo_district_paths_run_from_guard_to_incident() -> None:
    demo = load_package(demo_package())
    router = RoutingGraph.from_district(demo)
    buildings = sorted(demo.buildings.values(), key=lambda b: b.id)
    guards = sorted(demo.guards.values(), key=lambda g: g.id)
    fixes = {}
    for i, guard in enumerate(guards):
        spot = buildings[(i * 5) % len(buildings)].footprint.centroid
        fixes[guard.device_id or ""] = Fix(guard.device_id or "", NOON - 10_000, spot.x, spot.y)
    target = buildings[len(buildings) // 2].footprint.centroid
    for at in (NIGHT, NOON):
        found = nearest_guards(router, demo, fixes, target.x, target.y, at, k=5, max_fix_age_s=60)
        ranked = found.ranked()
        assert len(ranked) == 5 and all(c.stale == (at == NIGHT) for c in ranked)
        assert [c.eta_s for c in ranked] == sorted(c.eta_s for c in ranked)
        for c in ranked:
            start = fixes[demo.guards[c.guard].device_id or ""]
            assert c.path[0] == pytest.approx((start.lon, start.lat))
            assert c.path[-1] == pytest.approx((target.x, target.y))
            xy = np.column_stack(ORIGIN.to_xy(*np.asarray(c.path).T))
            walked = float(np.hypot(*np.diff(xy, axis=0).T).sum())
            assert walked == pytest.approx(c.distance_m, rel=1e-3)  # the path is the route that was timed
            assert walked >= float(np.hypot(*(xy[-1] - xy[0]))) - 1e-6
            assert 0 < c.eta_s < 3600


def test_bounded_growing_search_equals_the_exhaustive_ranking() -> None:
    demo = load_package(demo_package())
    router = RoutingGraph.from_district(demo)
    rng = np.random.default_rng(7)
    lon0, lat0, lon1, lat1 = 116.3445, 39.9980, 116.3595, 40.0085
    guards = sorted(demo.guards.values(), key=lambda g: g.id)
    lonlat = np.column_stack([rng.uniform(lon0, lon1, len(guards)), rng.uniform(lat0, lat1, len(guards))])
    ts = np.full(len(guards), NIGHT - 1_000)
    fleet = prepare_fleet(router, [g.id for g in guards], [str(g.role) for g in guards], lonlat, ts)
    for lon, lat in zip(rng.uniform(lon0, lon1, 15), rng.uniform(lat0, lat1, 15), strict=True):
        everyone = rank(router, fleet, lon, lat, NIGHT, k=len(guards)).candidates
        assert len(everyone) >= len(guards) - 5  # a few stand inside compounds locked at night
        for k in (1, 3):
            top = rank(router, fleet, lon, lat, NIGHT, k=k).candidates
            assert [(c.guard, c.eta_s) for c in top] == [(c.guard, c.eta_s) for c in everyone[:k]]
