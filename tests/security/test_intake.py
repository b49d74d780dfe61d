"""The engine's door check: unknown devices refused and counted; impossible times quarantined (stored,
never evaluated, never moving the clock); drifting device clocks reported; alert actions audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox_app.domain.enums import AlertState
from sandbox_app.engine.intake import MAX_UNKNOWN_TRACKED, QUARANTINED, IntakePolicy
from sandbox_app.engine.pipeline import Engine
from sandbox_app.privacy.audit import AuditLog, AuditTrail
from sandbox_app.store import open_store
from sandbox_app.store.base import Store
from tests.security.helpers import MIN, T0, Clock, Recorder, district, press


@pytest.fixture
def store() -> Store:
    return open_store(":memory:")


def test_unknown_device_is_rejected_counted_and_not_created(store: Store) -> None:
    rule = Recorder()
    engine = Engine(store, district("B1", "B2"), [rule])
    result = engine.ingest([press("a", T0), press("x", T0 + 1, "GHOST"), press("b", T0 + 2, "B2")])
    assert (result.accepted, len(result.rejected)) == (2, 1)
    assert "unknown device 'GHOST'" in result.rejected[0]["reason"]
    assert result.rejected[0]["id"] == "x"
    assert rule.seen == ["a", "b"]
    assert [e.id for e in store.events_between(0, 2**62)] == ["a", "b"]
    engine.ingest([press(f"g{i}", T0 + 10 + i, "GHOST") for i in range(3)])
    stats = engine.stats()
    assert stats["unknown_device"] == 4 and stats["unknown_devices"] == {"GHOST": 4}
    assert "GHOST" not in engine.district.devices


def test_unknown_ids_beyond_the_cap_are_only_counted(store: Store) -> None:
    engine = Engine(store, district("B1"), [])
    engine.ingest([press(f"g{i}", T0 + i, f"D{i}") for i in range(MAX_UNKNOWN_TRACKED + 50)])
    stats = engine.stats()
    assert stats["unknown_device"] == MAX_UNKNOWN_TRACKED + 50
    assert len(stats["unknown_devices"]) == MAX_UNKNOWN_TRACKED


def test_a_district_without_devices_or_the_check_off_accepts_any(store: Store) -> None:
    assert Engine(store, district(), []).ingest([press("a", T0, "ANY")]).accepted == 1
    engine = Engine(store, district("B1"), [], intake=IntakePolicy(reject_unknown_devices=False))
    assert engine.ingest([press("b", T0, "ANY")]).accepted == 1


def test_future_events_are_quarantined_against_receive_time(store: Store) -> None:
    wall = Clock(T0)
    rule = Recorder()
    engine = Engine(store, district("B1"), [rule], intake=IntakePolicy(reference=wall, future_ms=5 * MIN))
    engine.ingest([press("ok", T0 - 1000), press("soon", T0 + 4 * MIN), press("far", T0 + 6 * MIN)])
    engine.ingest([press("2099", 4_070_908_800_000)])
    assert rule.seen == ["ok", "soon"]
    assert engine.now_ms() == T0 + 4 * MIN, "a quarantined event must not move the engine clock"
    stored = {e.id: e for e in store.events_between(0, 2**62)}
    assert set(stored) == {"ok", "soon", "far", "2099"}, "quarantined events are kept, not lost"
    assert stored["far"].data[QUARANTINED] == "future" and "360 s ahead" in stored["far"].data["flagged"]
    assert [a.subject for a in store.alerts()] == ["B1"] and store.alerts()[0].count == 2
    assert engine.stats()["quarantined_future"] == 2


def test_events_older_than_the_history_window_are_quarantined(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    rule = Recorder()
    engine = Engine(store, district("B1"), [rule], intake=IntakePolicy(past_ms=60 * MIN))
    engine.ingest([press("now", T0 + 2 * 60 * MIN)])
    engine.ingest([press("late", T0 + 61 * MIN), press("stale", T0)])
    assert rule.seen == ["now", "late"]
    assert engine.stats()["quarantined_past"] == 1
    store.close()
    # restart: the warm-up replay skips the quarantined event as well
    store = open_store(tmp_path / "s.db")
    again = Recorder()
    Engine(store, district("B1"), [again], warmup_ms=10 * 60 * MIN)
    assert again.seen == ["late", "now"]
    store.close()


def test_drifting_device_clocks_are_reported(store: Store) -> None:
    wall = Clock(T0)
    engine = Engine(
        store,
        district("B1", "B2"),
        [],
        intake=IntakePolicy(reference=wall, drift_ms=30_000, drift_samples=10),
    )
    for i in range(10):
        wall.now = T0 + i * 1000
        # B1 runs 2 minutes slow; B2 is on time give or take network delay
        engine.ingest([press(f"s{i}", wall.now - 2 * MIN), press(f"t{i}", wall.now - 50 * (i % 3), "B2")])
    assert engine.stats()["drifting"] == {"B1": 2 * MIN}


def test_alert_actions_are_audited_by_the_engine(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.db")
    log = AuditLog.open(tmp_path / "s.db")
    engine = Engine(store, district("B1"), [Recorder()], audit=AuditTrail(log))
    engine.ingest([press("a", T0)])
    (alert,) = engine.open_alerts()
    engine.transition_alert(alert.id, AlertState.ACKNOWLEDGED, "cmd1", "on it")
    entries = log.entries("alert.")
    assert [(e.actor, e.action, e.target, e.detail["note"]) for e in entries] == [
        ("cmd1", "alert.acknowledged", alert.id, "on it")
    ]
    assert log.verify() is None
    store.close()
