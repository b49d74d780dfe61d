"""Issue 24: a backtest of a simulated demo day counts what the live engine raised that day, per rule, with
the engine's warm-up (stated in the report); and the day has the one silent elderly room docs/simulator.md
promises."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.bridges.simulator.source import Simulator
from sandbox_app.data.package import load_package
from sandbox_app.domain.handoff import OVERDUE_RULE
from sandbox_app.engine.backtest import backtest, format_report
from sandbox_app.engine.pipeline import DEFAULT_WARMUP_MS, Engine
from sandbox_app.rules.config import build_rules, read_rules_file
from sandbox_app.store import open_store
from tests.support import committed_demo

START = 1_794_945_600_000  # 2026-11-18 04:00 Asia/Shanghai
DAY = 24 * 3_600_000


@pytest.mark.slow
def test_backtest_of_the_demo_day_matches_the_live_run(tmp_path: Path) -> None:
    district = load_package(committed_demo())
    config = read_rules_file()
    blacklist = config.setdefault("plate_blacklist", {})
    blacklist["plates"] = sorted({*blacklist.get("plates", []), *SimRates().blacklist})
    sim = Simulator(district, seed=2024, start_ts=START)
    store = open_store(tmp_path / "day.db")
    try:
        engine = Engine(store, district, build_rules(district, config))
        engine.ingest(sim.history(30))
        engine.ingest(sim.events_between(START, START + DAY))
        engine.advance_to(START + DAY)
        live = Counter(a.rule for a in store.alerts() if START <= a.first_ts <= START + DAY)
        report = backtest(store, build_rules(district, config), START, START + DAY)
    finally:
        store.close()
    assert live["elderly_no_activity"] == 1, "one scripted silent room a day (docs/simulator.md)"
    assert live["unreported_tenant"] and live["elderly_routine"], "rules that learn fire on the day"
    counted = Counter({name: t.alerts for name, t in report.rules.items() if t.alerts})
    # Escalations of hand-offs nobody handled follow from what people did (or did not do) at the desk, which
    # the event log does not hold: the backtest judges detections only (rules/handoff.py, unbound there).
    assert live.pop(OVERDUE_RULE, 0) > 0, "property alerts nobody handled escalate in the live run"
    assert counted == live
    assert report.warmup_ms == DEFAULT_WARMUP_MS and report.warmup_from_ts is not None
    assert report.warmup_from_ts < START - DEFAULT_WARMUP_MS  # the learning rules' own history
    text = format_report(report)
    assert text.splitlines()[1].startswith("Warm-up: 24 h before the range for every rule")
