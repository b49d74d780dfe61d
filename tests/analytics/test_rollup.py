"""The station's figures rolled up by street and county on the city store (issue 21 §3): four stations'
districts in one city store (SQLite and PostgreSQL); each street's figures are the sum of its stations' own
figures (each station on its own store), a county the sum of its streets, a street without passes reads
zeros."""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from shapely.affinity import translate
from shapely.geometry import Point

from sandbox_app.analytics.city import UNPLACED
from sandbox_app.analytics.rollup import COUNTY, STREET, combine, rollup
from sandbox_app.analytics.summary import StationSummary, summary
from sandbox_app.domain.alerts import OUTCOME_KEY, Alert
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import Device, District
from sandbox_app.store import open_store
from tests.analytics.test_figures import ms
from tests.layers.sample import DEG_M, at, small_district

NOW = ms("2026-03-10T12:00:00")
STATIONS = {  # prefix → (county, street, metres east of the sample, passes and alerts or none)
    "A": ("城关区", "东街街道", 0, True),
    "B": ("城关区", "东街街道", 400, True),
    "C": ("城关区", "西街街道", 800, True),
    "D": ("新区", "南苑街道", 1200, False),
}


def station_district(prefix: str) -> District:
    """The sample district moved east and renamed, its compound placed in the station's street."""
    county, street, dx, _busy = STATIONS[prefix]
    d = small_district()
    d.devices["V1"] = Device("V1", "visitor_terminal", "访客机", Placement.GATE, gate_id="G1")

    def n(ident: str | None) -> Any:
        return None if ident is None else f"{prefix}-{ident}"

    def move(geom: Any) -> Any:
        return None if geom is None else translate(geom, xoff=dx * DEG_M)

    out = District(f"{prefix}站", d.timezone)
    for c in d.compounds.values():
        out.compounds[n(c.id)] = replace(
            c, id=n(c.id), boundary=move(c.boundary), county=county, street=street, community=f"{prefix}社区"
        )
    for b in d.buildings.values():
        out.buildings[n(b.id)] = replace(
            b, id=n(b.id), compound_id=n(b.compound_id), footprint=move(b.footprint)
        )
    for r in d.rooms.values():
        out.rooms[n(r.id)] = replace(r, id=n(r.id), building_id=n(r.building_id))
    for p in d.people.values():
        out.people[n(p.id)] = replace(p, id=n(p.id), room_id=n(p.room_id))
    for g in d.gates.values():
        out.gates[n(g.id)] = replace(g, id=n(g.id), compound_id=n(g.compound_id), location=move(g.location))
    for v in d.devices.values():
        out.devices[n(v.id)] = replace(
            v, id=n(v.id), room_id=n(v.room_id), building_id=n(v.building_id), gate_id=n(v.gate_id),
            location=move(v.location),
        )  # fmt: skip
    for gu in d.guards.values():
        out.guards[n(gu.id)] = replace(gu, id=n(gu.id), device_id=n(gu.device_id))
    for w in d.roads.values():
        out.roads[n(w.id)] = replace(w, id=n(w.id), line=move(w.line))
    return out


def station_rows(prefix: str, k: int) -> tuple[list[Event], list[Alert], list[Dispatch]]:
    """The station's passes, alerts (one in last month's baseline, one closed with an outcome) and a
    dispatch; `k` makes the stations' numbers differ."""
    if not STATIONS[prefix][3]:
        return [], [], []
    day = ms("2026-03-02T09:00:00")
    events = [
        Event(f"{prefix}f{i}", day + i * 60_000, f"{prefix}-D3", "face.pass", None, None, {})
        for i in range(k)
    ]
    events += [
        Event(f"{prefix}v", day + 3_600_000, f"{prefix}-V1", "face.pass", None, None, {}),
        Event(f"{prefix}r", day + 7_200_000, f"{prefix}-D3", "rfid.read", None, None, {"tag": "T"}),
        *[Event(f"{prefix}t{i}", day + 9_000_000 + i, f"{prefix}-D4", "throw.detected", None, None, {})
          for i in range(k + 1)],
        Event(f"{prefix}old", ms("2026-02-27T10:00:00"), f"{prefix}-D3", "plate.read", None, None, {}),
    ]  # fmt: skip

    def alert(rule: str, device: str, ts: int) -> Alert:
        return Alert(
            f"{prefix}:{rule}:{ts}",
            rule,
            f"{prefix}-{device}",
            "device",
            Severity.LOW,
            AlertState.OPEN,
            ts,
            ts,
        )

    smoke = [alert("smoke_alarm", "D1", ms(f"2026-03-0{3 + i}T08:00:00")) for i in range(k)]
    closed = alert("perimeter_breach", "D4", ms("2026-03-05T20:00:00"))
    closed.state, closed.closed_ts = AlertState.CLOSED, closed.first_ts + 600_000
    closed.data[OUTCOME_KEY] = "false_alarm" if k % 2 else "handled"
    baseline = alert("perimeter_breach", "D4", ms("2026-02-04T08:00:00"))
    dispatch = Dispatch(
        f"{prefix}-X1", smoke[0].id, f"{prefix}-GU1", None, "desk", smoke[0].first_ts, None, None
    )
    dispatch.advance(DispatchState.ACCEPTED, "x", smoke[0].first_ts + 10_000 * k, "")
    dispatch.advance(DispatchState.ON_SCENE, "x", smoke[0].first_ts + 100_000 * k, "")
    occupied = [alert("fire_lane", "D4", ms("2026-03-06T08:00:00"))] if prefix in "AB" else []  # 占道
    return events, [*smoke, closed, baseline, *occupied], [dispatch]


def fill(store: Any, district: District, prefixes: list[str]) -> None:
    store.replace_district(district)
    for prefix in prefixes:
        events, alerts, dispatches = station_rows(prefix, 1 + "ABCD".index(prefix))
        store.append_events(sorted(events, key=lambda e: e.ts))
        store.upsert_alerts(alerts)
        for d in dispatches:
            store.create_dispatch(d)


@pytest.fixture(params=["sqlite", "postgres"])
def city_db(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Where the city store lives: a SQLite file or a fresh PostgreSQL database."""
    if request.param == "postgres":
        yield request.getfixturevalue("postgres_store_url")
    else:
        yield str(tmp_path / "city.db")


def city_district() -> District:
    city = District("城关区联网", "Asia/Shanghai")
    for prefix in STATIONS:
        part = station_district(prefix)
        for name in ("compounds", "buildings", "rooms", "people", "devices", "guards", "roads", "gates"):
            getattr(city, name).update(getattr(part, name))
    return city


def own_figures(tmp_path: Path) -> dict[str, tuple[StationSummary, list[float]]]:
    """Each station's figures on its own store, and its dispatches' accept times."""
    out = {}
    for prefix in STATIONS:
        d = station_district(prefix)
        store = open_store(tmp_path / f"{prefix}.db")
        fill(store, d, [prefix])
        accept = [x.time_to_accept_s for x in store.dispatches() if x.time_to_accept_s is not None]
        out[prefix] = (summary(store, d, NOW), accept)
        store.close()
    return out


def test_each_street_is_the_sum_of_its_stations_and_each_county_of_its_streets(
    tmp_path: Path, city_db: str
) -> None:
    own = own_figures(tmp_path)
    city = city_district()
    store = open_store(city_db)
    try:
        fill(store, city, list(STATIONS))
        r = rollup(store, city, NOW)
    finally:
        store.close()
    streets = {(u.county, u.street): u for u in r.streets}
    assert list(streets) == [("城关区", "东街街道"), ("城关区", "西街街道"), ("新区", "南苑街道")]
    for key, members in {
        ("城关区", "东街街道"): ["A", "B"],
        ("城关区", "西街街道"): ["C"],
        ("新区", "南苑街道"): ["D"],
    }.items():
        got = streets[key].summary
        mine = [own[p][0] for p in members]
        assert got.alerts == sum(s.alerts for s in mine) and got.baseline_alerts == sum(
            s.baseline_alerts for s in mine
        )
        assert got.passes == {k: sum(s.passes[k] for s in mine) for k in mine[0].passes}, key
        assert got.outcomes == {k: sum(s.outcomes[k] for s in mine) for k in mine[0].outcomes}
        assert {(t.rule, t.count, t.baseline) for t in got.trend} == {
            (rule, sum(t.count for s in mine for t in s.trend if t.rule == rule),
             sum(t.baseline for s in mine for t in s.trend if t.rule == rule))
            for rule in {t.rule for s in mine for t in s.trend}
        }  # fmt: skip
        assert got.compounds == sum(s.compounds for s in mine)
        assert sorted(got.quiet) == sorted(c for s in mine for c in s.quiet)
        for field in ("registered", "floating", "elderly_alone", "rental_rooms", "group_rentals"):
            assert getattr(got.population, field) == sum(getattr(s.population, field) for s in mine), field
        accept = [v for p in members for v in own[p][1]]
        assert got.response_median_s["accept"] == (statistics.median(accept) if accept else None)
    east = streets[("城关区", "东街街道")].summary
    assert east.passes["face.pass"] == (1 + 1) + (2 + 1) and east.passes["visitor"] == 2  # A's and B's
    assert east.passes["road_occupation"] == 2
    assert east.response_median_s["accept"] == statistics.median([10.0, 20.0])
    # a street with no passes and no alerts: a row of zeros, not a missing row
    south = streets[("新区", "南苑街道")].summary
    assert south.passes == {
        "plate.read": 0,
        "face.pass": 0,
        "rfid.read": 0,
        "throw.detected": 0,
        "visitor": 0,
        "road_occupation": 0,
    }
    assert south.alerts == 0 and south.quiet == ("D-C1",) and south.population.registered == 2
    assert south.response_median_s == {"accept": None, "arrive": None, "close": None}
    # counties: the sum of their streets
    counties = {u.county: u for u in r.counties}
    assert list(counties) == ["城关区", "新区"]
    old_town = counties["城关区"].summary
    assert old_town.alerts == sum(streets[k].summary.alerts for k in streets if k[0] == "城关区")
    assert (
        old_town.passes
        == combine(COUNTY, "城关区", "", [streets[k] for k in streets if k[0] == "城关区"]).summary.passes
    )
    assert old_town.passes["throw.detected"] == 2 + 3 + 4 and old_town.compounds == 3
    assert old_town.response_median_s["arrive"] == statistics.median([100.0, 200.0, 300.0])
    assert counties["新区"].summary.passes == south.passes
    # nothing unplaced: every counted device is in a compound (the trackers alone make no row)
    assert all(u.street != UNPLACED for u in r.streets)
    js = r.to_json()
    assert [u["street"] for u in js[STREET]] == ["东街街道", "西街街道", "南苑街道"]
    assert js[COUNTY][1]["passes"]["face.pass"] == 0 and "from" in js and "from" not in js[COUNTY][0]


def test_what_no_compound_holds_is_counted_under_its_own_row(tmp_path: Path) -> None:
    """A pass at a camera outside every compound still counts: under 未归属, so the rows add up."""
    city = city_district()
    city.devices["LOOSE"] = Device(
        "LOOSE", "face_gate", "路口人脸", Placement.POINT, location=Point(*at(-5000, 0))
    )
    store = open_store(tmp_path / "city.db")
    fill(store, city, ["A"])
    store.append_events([Event("x", ms("2026-03-03T10:00:00"), "LOOSE", "face.pass", None, None, {})])
    r = rollup(store, city, NOW)
    store.close()
    assert [(u.county, u.street) for u in r.streets][-1] == (UNPLACED, UNPLACED)
    assert r.streets[-1].summary.passes["face.pass"] == 1
    assert sum(u.summary.passes["face.pass"] for u in r.counties) == 1 + 2
