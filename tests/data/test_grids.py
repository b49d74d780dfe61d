"""Grid areas (网格) in a package: read, validated against the guards, kept through the store, and an
alert of a grid worker's rule goes to the grid's worker first."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd

from sandbox_app.data.package import load_package
from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.grids import GridLocator, grids_of
from sandbox_app.domain.handoff import Party, current
from sandbox_app.engine.pipeline import Engine
from sandbox_app.rules.base import Signal
from sandbox_app.store.sqlite import SqliteStore
from tests.data.test_package import LAT, LON, _box, base_layers, edited, only, write_package
from tests.rules.helpers import MIN, make_rule, t


def _grids(worker: str = "G01") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"id": ["WG01", "WG02"], "name": ["第1网格", "第2网格"], "worker": [worker, ""]},
        geometry=[_box(0, 0, 0.0045), _box(0.0045, 0, 0.005)],
        crs="EPSG:4326",
    )


def test_grids_load_locate_and_survive_the_store(tmp_path: Path) -> None:
    layers = base_layers()
    layers["grids"] = _grids()
    district = load_package(write_package(tmp_path / "pkg", layers))
    grids = grids_of(district)
    assert {g.id: (g.name, g.worker) for g in grids.values()} == {
        "WG01": ("第1网格", "G01"),
        "WG02": ("第2网格", ""),
    }
    where = GridLocator(grids)
    assert where.at(LON + 0.001, LAT + 0.001).id == "WG01"  # type: ignore[union-attr]
    assert where.at(LON + 0.007, LAT + 0.001).id == "WG02"  # type: ignore[union-attr]
    assert where.at(LON + 0.5, LAT) is None
    with SqliteStore(tmp_path / "d.db") as store:
        store.replace_district(district)
        loaded = store.load_district()
    assert loaded is not None and grids_of(loaded) == grids


def test_a_package_without_grids_has_none(tmp_path: Path) -> None:
    assert grids_of(load_package(write_package(tmp_path / "pkg"))) == {}


def test_unknown_worker_is_reported(tmp_path: Path) -> None:
    problems = edited(tmp_path, lambda layers: layers.__setitem__("grids", _grids("G99")))
    problem = only(problems)
    assert (
        problem.file == "grids.geojson"
        and problem.field == "worker"
        and "unknown guard 'G99'" in problem.reason
    )


def test_a_grid_workers_alert_goes_to_the_grids_worker_first(tmp_path: Path) -> None:
    layers = base_layers()
    layers["grids"] = _grids()
    district = load_package(write_package(tmp_path / "pkg", layers))
    t0 = t("2024-05-06 20:00")

    class Routine:  # stands in for elderly_routine: one signal at a point of grid WG01
        name = "elderly_routine"
        kinds = frozenset({"device.heartbeat"})

        def on_event(self, event: Event) -> Iterable[Signal]:
            return [Signal(self.name, "P1", "person", Severity.NOTICE, event.ts, LON + 0.001, LAT + 0.001)]

        def on_time(self, now_ts: int) -> Iterable[Signal]:
            return ()

    with SqliteStore(tmp_path / "e.db") as store:
        engine = Engine(store, district, [Routine(), make_rule("handoff_overdue", district)])
        engine.ingest([Event("e1", t0, "D1", "device.heartbeat", None, None, {})])
        engine.advance_to(t0 + MIN)
        (alert,) = [a for a in store.alerts() if a.rule == "elderly_routine"]
        held = current(alert.data)
        assert held is not None and held.to is Party.GRID
        assert (held.grid_id, held.assignee, held.due_ts) == ("WG01", "G01", t0 + 30 * MIN)
        engine.advance_to(t0 + 31 * MIN)
        (esc,) = [a for a in store.alerts() if a.rule == "handoff_overdue"]
        assert esc.data["held_by"] == "grid" and esc.data["grid_id"] == "WG01"
