"""Issue 14, High 1: one outlier event (or one bad argument) must never move the stored engine clock out of
reach of real time, whatever path advances it; a database already poisoned is repaired on open."""

from __future__ import annotations

import logging
from pathlib import Path

import orjson
import pytest

from cli import main
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.intake import QUARANTINED, IntakePolicy
from sandbox_app.engine.pipeline import CLOCK_META, Engine
from sandbox_app.store import open_store
from tests.security.helpers import MIN, T0, Clock, Recorder, district, press

Y2094 = 3_927_763_200_000  # 2094-06-20


def _jsonl(path: Path, *events: dict[str, object]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in events))
    return path


def _event(eid: str, ts: int, device: str = "B1") -> dict[str, object]:
    return {"id": eid, "ts": ts, "device": device, "kind": "alarm.button"}


def _clock(db: Path) -> int:
    store = open_store(db)
    try:
        return int(store.get_meta(CLOCK_META) or 0)
    finally:
        store.close()


def test_ingest_quarantines_a_far_future_event_loudly_and_later_events_still_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    now = WallClock().now_ms()
    assert main(["ingest", str(_jsonl(tmp_path / "a.jsonl", _event("far", Y2094))), "--db", str(db)]) == 0
    out = capsys.readouterr()
    summary = orjson.loads(out.out)
    assert summary["quarantined"] == {"future": 1, "past": 0}
    assert "warning: 1 event(s) quarantined" in out.err
    assert _clock(db) <= WallClock().now_ms() + 5 * MIN
    # A real event afterwards is evaluated, not "older than 24 h".
    assert main(["ingest", str(_jsonl(tmp_path / "b.jsonl", _event("real", now))), "--db", str(db)]) == 0
    summary = orjson.loads(capsys.readouterr().out)
    assert summary["accepted"] == 1 and summary["quarantined"] == {"future": 0, "past": 0}
    store = open_store(db)
    try:
        stored = {e.id: e for e in store.events_between(0, 2**62)}
    finally:
        store.close()
    assert QUARANTINED in stored["far"].data and QUARANTINED not in stored["real"].data


def test_a_reset_device_clock_1970_is_quarantined_even_on_a_fresh_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    path = _jsonl(tmp_path / "a.jsonl", _event("reset", 5_000), _event("ok", T0))
    assert main(["ingest", str(path), "--db", str(db)]) == 0
    summary = orjson.loads(capsys.readouterr().out)
    assert summary["accepted"] == 1 and [r["line"] for r in summary["rejected"]] == [1]  # the file reader
    assert _clock(db) == T0
    # A live bridge's event reaches the door check directly: quarantined there, before any clock started.
    engine = Engine(open_store(":memory:"), district("B1"), [], intake=IntakePolicy(reference=Clock(T0)))
    engine.ingest([press("reset", 5_000), press("ok", T0)])
    assert engine.stats()["quarantined_past"] == 1 and engine.now_ms() == T0


def test_ingest_until_ahead_of_the_wall_clock_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    path = _jsonl(tmp_path / "a.jsonl", _event("ok", T0))
    for until in ("99999999999999999", "2094-01-01T00:00:00Z"):
        capsys.readouterr()
        assert main(["ingest", str(path), "--db", str(db), "--until", until]) == 2
        err = capsys.readouterr().err
        assert "--until" in err and "Traceback" not in err
    assert _clock(db) == 0


@pytest.mark.parametrize("at", ["99999999999999999999", "-99999999999999999999", "+275760-09-13T00:00:00"])
def test_state_at_out_of_range_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    assert main(["state", "--db", str(db), "--at", at]) == 2
    err = capsys.readouterr().err
    assert "out of range" in err or "not ISO 8601" in err


def test_a_poisoned_database_is_repaired_on_open_with_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    store = open_store(":memory:")
    store.set_meta(CLOCK_META, str(Y2094))
    with caplog.at_level(logging.WARNING):
        engine = Engine(store, district("B1"), [Recorder()], intake=IntakePolicy(reference=Clock(T0)))
    assert engine.now_ms() == T0
    assert store.get_meta(CLOCK_META) == str(T0)
    assert any("clamped" in r.getMessage() for r in caplog.records)
    result = engine.ingest([press("real", T0 + 1000)])
    assert result.accepted == 1 and engine.stats()["quarantined_past"] == 0
    assert engine.open_alerts(), "the real press raises its alert"


def test_without_a_reference_a_stored_clock_is_kept_and_a_clock_slightly_ahead_is_not_repaired() -> None:
    store = open_store(":memory:")
    store.set_meta(CLOCK_META, str(Y2094))
    assert Engine(store, district("B1"), []).now_ms() == Y2094  # replay/simulator: no real time to judge by
    store.set_meta(CLOCK_META, str(T0 + 4 * MIN))
    engine = Engine(store, district("B1"), [], intake=IntakePolicy(reference=Clock(T0)))
    assert engine.now_ms() == T0 + 4 * MIN  # within the tolerance: a device slightly ahead, not an outlier
    store.set_meta(CLOCK_META, "garbage")
    assert Engine(store, district("B1"), []).now_ms() == 0


def test_advance_to_never_passes_the_reference(caplog: pytest.LogCaptureFixture) -> None:
    engine = Engine(open_store(":memory:"), district("B1"), [], intake=IntakePolicy(reference=Clock(T0)))
    engine.advance_to(Y2094)
    assert engine.now_ms() == T0 + 5 * MIN
    engine.ingest([press("real", T0 + 1000)])
    assert engine.stats()["quarantined_past"] == 0


def test_quarantine_is_logged_once_a_minute_not_per_event(caplog: pytest.LogCaptureFixture) -> None:
    engine = Engine(open_store(":memory:"), district("B1"), [], intake=IntakePolicy(reference=Clock(T0)))
    with caplog.at_level(logging.WARNING, logger="sandbox_app.engine.intake"):
        for i in range(50):
            engine.ingest([press(f"far{i}", Y2094 + i)])
    lines = [r.getMessage() for r in caplog.records if "quarantined events so far" in r.getMessage()]
    assert len(lines) == 1 and "1 ahead of receive time" in lines[0]
    assert engine.stats()["quarantined_future"] == 50
