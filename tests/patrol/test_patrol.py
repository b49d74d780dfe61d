"""Electronic patrol and duty roster: the patrols file, check-ins by GPS and tag, a missed checkpoint's
alert through the engine, per-guard figures, and off-duty guards left out of recommendations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import LineString, Point

from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.distance import offset
from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.model import Device, District, Guard, Road
from sandbox_app.engine.pipeline import Engine
from sandbox_app.patrol.config import PatrolError, build_patrols
from sandbox_app.patrol.watch import PatrolWatch
from sandbox_app.store import open_store
from sandbox_app.store.base import Store
from tests.rules.helpers import MIN, district, ev, t

T9 = t("2024-05-06 09:00")
CP1 = (120.001, 30.000)
CP2 = (120.003, 30.000)


def patrol_district() -> District:
    d = district(
        {"RD-1": Device("RD-1", "rfid_reader", "RD-1", Placement.POINT, location=Point(120.005, 30.0))}
    )
    d.guards["GD-SEC"] = Guard("GD-SEC", "测试保安01", GuardRole.SECURITY, "GPS-X", {"card": "CARD-SEC"})
    return d


def config(**route: Any) -> dict[str, Any]:
    return {
        "teams": {"sec": {"name": "保安一队", "guards": ["GD-SEC"]}},
        "shifts": {"day": {"name": "白班", "start": "08:00", "end": "20:00", "teams": ["sec"]}},
        "checkpoints": {
            "cp1": {"name": "南门岗亭", "lon": CP1[0], "lat": CP1[1], "radius_m": 30},
            "cp2": {"name": "1幢东侧", "lon": CP2[0], "lat": CP2[1]},
            "cp3": {"name": "东门读卡器", "reader": "RD-1", "tag": "NFC-3"},
        },
        "routes": {
            "day_a": {
                "name": "白班巡逻A线", "team": "sec", "checkpoints": ["cp1", "cp2", "cp3"],
                "start": ["09:00", "13:00"], "window_minutes": 60, **route,
            }
        },
    }  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "patrol.db")
    yield s
    s.close()


def _run(store: Store, events: list[Any], until: int) -> tuple[PatrolWatch, list[Any]]:
    d = patrol_district()
    watch = PatrolWatch(build_patrols(config(), d), d)
    engine = Engine(store, d, [watch])
    engine.advance_to(T9 - 5 * MIN)  # the watch starts before the round
    engine.ingest(events)
    engine.advance_to(until)
    return watch, [a for a in store.alerts() if a.rule == "patrol_missed"]


def test_a_round_with_one_missed_checkpoint_raises_its_alert(store: Store) -> None:
    near = offset(*CP2, 40.0, 0.0)  # near miss: 40 m from a 30 m checkpoint
    events = [
        ev("gps.fix", "GPS-X", T9 + 5 * MIN, *offset(*CP1, 10.0, 0.0)),
        ev("gps.fix", "GPS-X", T9 + 8 * MIN, *near),
        ev("rfid.read", "RD-1", T9 + 12 * MIN, tag="CARD-SEC", direction="in"),  # the guard's card
        ev("gps.fix", "GPS-X", T9 + 70 * MIN, *CP2),  # after the window: too late for this round
    ]
    watch, missed = _run(store, events, T9 + 61 * MIN)
    assert [(c.checkpoint, c.method) for c in watch.checkins] == [("cp1", "gps"), ("cp3", "tag")]
    (alert,) = missed
    assert alert.subject == "day_a/cp2" and alert.data["checkpoint_name"] == "1幢东侧"
    assert alert.data["round_ts"] == T9 and alert.data["guards"] == ["GD-SEC"]
    figures = watch.figures()
    assert figures["routes"]["day_a"] == {"rounds": 1, "due": 3, "checked": 2, "missed": 1}
    guard = figures["guards"]["GD-SEC"]
    assert guard["checkins_on_time"] == 2 and 200 < guard["distance_m"] < 260 and guard["hours"] == 0.05


def test_every_checkpoint_in_time_raises_nothing(store: Store) -> None:
    events = [
        ev("gps.fix", "GPS-X", T9 + 5 * MIN, *CP1),
        ev("gps.fix", "GPS-X", T9 + 9 * MIN, *CP2),
        ev("rfid.read", "GPS-X", T9 + 20 * MIN, tag="NFC-3", direction="in"),  # the terminal reads the tag
    ]
    watch, missed = _run(store, events, T9 + 3 * 60 * MIN)
    assert missed == [] and len(watch.checkins) == 3


def test_a_round_started_before_the_watch_is_not_judged(store: Store) -> None:
    d = patrol_district()
    watch = PatrolWatch(build_patrols(config(), d), d)
    engine = Engine(store, d, [watch])
    engine.advance_to(T9 + 30 * MIN)
    engine.advance_to(T9 + 2 * 60 * MIN)
    assert [a for a in store.alerts() if a.rule == "patrol_missed"] == []


def test_roster_off_duty_guards_are_never_recommended() -> None:
    from sandbox_app.dispatch.nearest import nearest_guards
    from sandbox_app.geo.routing import RoutingGraph
    from sandbox_app.store.base import Fix

    d = patrol_district()
    book = build_patrols(config(), d)
    night = t("2024-05-06 22:00")
    assert book.on_duty_ids(T9) == {"GD-SEC"} and book.on_duty_ids(night) == frozenset()
    on = book.on_duty(night)
    assert not on(d.guards["GD-SEC"]) and on(d.guards["GD-POL"])  # not on the roster: always on duty
    d.roads["W1"] = Road("W1", "footway", LineString([(120.0, 30.001), (120.01, 30.001)]))
    fixes = {dev: Fix(dev, night - 1000, 120.002, 30.001) for dev in ("GPS-X", "GPS-P", "GPS-G")}
    router = RoutingGraph.from_district(d)
    at_night = nearest_guards(router, d, fixes, 120.003, 30.001, night, k=5, on_duty=on)
    assert sorted(c.guard for c in at_night.ranked()) == ["GD-GRID", "GD-POL"]
    by_day = nearest_guards(router, d, fixes, 120.003, 30.001, night, k=5, on_duty=book.on_duty(T9))
    assert "GD-SEC" in [c.guard for c in by_day.ranked()]  # the same guard, on shift


def test_night_shift_runs_past_midnight() -> None:
    cfg = config()
    cfg["shifts"]["night"] = {"start": "20:00", "end": "08:00", "teams": ["sec"]}
    del cfg["shifts"]["day"]
    book = build_patrols(cfg, patrol_district())
    assert book.on_duty_ids(t("2024-05-06 23:30")) == {"GD-SEC"}
    assert book.on_duty_ids(t("2024-05-07 07:59")) == {"GD-SEC"}
    assert book.on_duty_ids(t("2024-05-07 08:00")) == frozenset()


@pytest.mark.parametrize(
    "change, key",
    [
        (lambda c: c["routes"]["day_a"].update(checkpoints=["cp9"]), "routes.day_a.checkpoints"),
        (lambda c: c["teams"]["sec"].update(guards=["GD-NOBODY"]), "teams.sec.guards"),
        (lambda c: c["routes"]["day_a"].update(start=["9 o'clock"]), "routes.day_a.start"),
        (lambda c: c["checkpoints"]["cp1"].update(radius=5), "checkpoints.cp1.radius"),
        (lambda c: c["shifts"]["day"].update(teams=["nobody"]), "shifts.day.teams"),
        (lambda c: c.update(rounds={}), "rounds"),
        (lambda c: c["checkpoints"].update(cp4={"name": "x"}), "checkpoints.cp4"),
    ],
)
def test_mistakes_name_their_key(change: Any, key: str) -> None:
    cfg = config()
    change(cfg)
    with pytest.raises(PatrolError) as err:
        build_patrols(cfg, patrol_district())
    assert err.value.key == key


def test_shipped_file_loads_empty() -> None:
    from sandbox_app.patrol.config import load_patrols

    book = load_patrols(district=patrol_district())
    assert not book.routes and book.on_duty(T9)(patrol_district().guards["GD-SEC"])
