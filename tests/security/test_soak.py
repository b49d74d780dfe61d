"""The soak benchmark's short CI form: a few seconds of a steady stream from the demo district's devices
through the engine with the default rules: nothing lost, the queue drained, memory not climbing
(bench/soak.py runs the 10-minute version)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from sandbox_app.data.package import load_package
from sandbox_app.data.resources import demo_package
from sandbox_app.engine.pipeline import Engine
from sandbox_app.rules.config import load_rules
from sandbox_app.store import open_store
from tests.conftest import REPO_ROOT


def bench_soak() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_soak", REPO_ROOT / "bench" / "soak.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_soak"] = module
    spec.loader.exec_module(module)
    return module


def test_short_soak_loses_nothing_and_keeps_up(tmp_path: Path) -> None:
    soak = bench_soak()
    district = load_package(demo_package())
    store = open_store(tmp_path / "soak.db")
    store.replace_district(district)
    engine = Engine(store, district, load_rules(district))
    rate, seconds = 1000, 4.0
    report = soak.soak(engine, soak.synthetic_stream(district), seconds, rate, sample_s=0.5)
    store.close()
    summary = report.to_json()
    assert summary["lost"] == 0 and summary["rejected"] == 0, summary
    assert report.stored == report.accepted == report.produced - report.duplicates
    assert report.produced >= rate * seconds * 0.5, f"the feeder fell far behind its rate: {summary}"
    assert summary["final_queue"] == 0
    assert report.max_queue < rate, f"the engine did not keep up with {rate}/s: {summary}"
    assert report.rss_growth_second_half < 40, f"memory kept climbing: {summary}"
