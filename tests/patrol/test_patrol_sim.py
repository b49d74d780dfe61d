"""Simulator support for patrols: a patrols file fitted to the simulated loops is checked in by the
simulated guards' GPS, and only the decoy checkpoint off the loop is reported missed."""

from __future__ import annotations

from pathlib import Path

from sandbox_app.bridges.simulator.patrol_plan import patrol_config
from sandbox_app.bridges.simulator.source import Simulator
from sandbox_app.patrol.config import build_patrols
from sandbox_app.patrol.watch import PatrolWatch
from sandbox_app.rules.runner import RuleRunner
from tests.bridges.test_simulator import HOUR, START, small_district


def test_simulated_guards_check_in_and_the_decoy_is_missed() -> None:
    district = small_district()
    sim = Simulator(district, seed=7, start_ts=START)
    config = patrol_config(sim.patrols, sim.graph, guards=2)
    book = build_patrols(config, district)
    assert len(book.routes) == 2 and "cp_decoy" in book.checkpoints
    watch = PatrolWatch(book, district)
    signals: list[object] = []
    runner = RuleRunner([watch], signals.append)
    watch.on_time(START)
    runner.run(runner.rejudged(sim.events_between(START, START + 6 * HOUR)), 0)
    runner.tick(START + 6 * HOUR)
    assert watch.rounds_judged and sum(watch.rounds_judged.values()) >= 4
    assert {m.checkpoint for m in watch.missed} == {"cp_decoy"}
    first = sorted(book.routes)[0]
    assert sum(1 for m in watch.missed) == watch.rounds_judged[book.routes[first].id]
    assert len(signals) == len(watch.missed)
    figures = watch.figures()
    walkers = {g for r in book.routes.values() for g in r.guards}
    assert all(figures["guards"][g]["distance_m"] > 0 for g in walkers)
    assert all(figures["guards"][g]["checkins_on_time"] > 0 for g in walkers)
    assert book.on_duty_ids(START) == book.rostered()  # the sim team works both shifts


def test_cli_writes_a_patrols_file_the_station_loads(tmp_path: Path) -> None:
    from cli import main
    from sandbox_app.patrol.config import load_patrols
    from sandbox_app.store.sqlite import SqliteStore

    district = small_district()
    db, out = tmp_path / "sim.db", tmp_path / "patrols.toml"
    with SqliteStore(db) as store:
        store.replace_district(district)
    assert (
        main(["patrol", "simulated", "--db", str(db), "--seed", "7", "--guards", "2", "--out", str(out)]) == 0
    )
    loaded = load_patrols(out, district)
    sim = Simulator(district, seed=7, start_ts=START)
    assert loaded == build_patrols(patrol_config(sim.patrols, sim.graph, guards=2), district)
