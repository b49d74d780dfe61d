"""Schema versions: a v1 file migrates (fixes backfilled), a newer one is refused, a fresh one is WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sandbox_app.domain.events import Event
from sandbox_app.store import Fix, migrations, open_store
from sandbox_app.store.migrations import LATEST_VERSION, SchemaError, migrate, schema_version
from sandbox_app.store.sqlite import SqliteStore


def _fix(eid: str, device: str, ts: int, lon: float, lat: float) -> Event:
    return Event(eid, ts, device, "gps.fix", lon, lat)


def test_v1_database_migrates_and_backfills_fixes(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=1) == 1
    conn.executemany(
        "INSERT INTO events (id, ts, device, kind, lon, lat, data) VALUES (?, ?, ?, 'gps.fix', ?, ?, ?)",
        [
            ("a", 70_000, "X", 1.0, 1.0, "{}"),
            ("b", 65_000, "X", 2.0, 2.0, "{}"),
            ("c", 80_000, "X", 9.0, 9.0, '{"flagged": "jump"}'),
            ("d", 130_000, "X", 3.0, 3.0, "{}"),
        ],
    )
    conn.close()
    store = SqliteStore(path)
    assert store.schema_version == LATEST_VERSION
    assert store.last_fixes(125_000) == {"X": Fix("X", 70_000, 1.0, 1.0)}
    assert store.last_fixes(200_000) == {"X": Fix("X", 130_000, 3.0, 3.0)}
    assert store.event_count() == 4
    assert store.append_events([_fix("a", "X", 70_000, 1.0, 1.0), _fix("e", "X", 140_000, 4.0, 4.0)]) == [
        _fix("e", "X", 140_000, 4.0, 4.0)
    ]
    store.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaError):
        SqliteStore(path)


def test_fresh_store_is_wal_and_latest_schema(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "w.db") as store:
        assert store.schema_version == LATEST_VERSION
    conn = sqlite3.connect(tmp_path / "w.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema_version(conn) == LATEST_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"events", "latest_fix", "fix_keyframes", "alerts", "alert_steps", "dispatches", "meta"} <= tables


def test_event_log_keeps_only_its_ts_index(tmp_path: Path) -> None:
    open_store(tmp_path / "i.db").close()
    conn = sqlite3.connect(tmp_path / "i.db")
    indexes = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'")
    assert [r[0] for r in indexes] == ["events_ts"]
    conn.close()


def test_migrate_skips_steps_another_opener_already_ran(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes open a fresh file together: the slower one read v0 before the faster one migrated."""
    path = tmp_path / "race.db"
    early = sqlite3.connect(path, isolation_level=None)
    late = sqlite3.connect(path, isolation_level=None)
    migrate(early)
    real = migrations.schema_version
    stale = [0]

    def first_read_stale(conn: sqlite3.Connection) -> int:
        return stale.pop() if stale else real(conn)

    monkeypatch.setattr(migrations, "schema_version", first_read_stale)
    assert migrate(late) == LATEST_VERSION  # no "table already exists"
    early.close()
    late.close()


def test_v8_database_gets_its_passes_indexed(tmp_path: Path) -> None:
    """Issue 21: the subject index is filled from the log a station already has, then by each append."""
    path = tmp_path / "v8.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=8) == 8
    conn.executemany(
        "INSERT INTO events (id, ts, device, kind, lon, lat, data) VALUES (?, ?, 'G1', ?, NULL, NULL, ?)",
        [
            ("a", 1_000, "face.pass", '{"person_id": "P1"}'),
            ("b", 2_000, "plate.read", '{"plate": "京A1"}'),
            ("c", 3_000, "door.open", '{"person_id": "P1"}'),  # not a pass kind
            ("d", 4_000, "face.pass", "{}"),  # a stranger: nobody named
        ],
    )
    conn.close()
    store = SqliteStore(path)
    assert store.schema_version == LATEST_VERSION
    store.append_events([Event("e", 5_000, "G1", "face.pass", None, None, {"person_id": "P1"})])
    rows = store._conn.execute("SELECT subject, ts FROM subject_passes ORDER BY ts").fetchall()
    assert rows == [("P1", 1_000), ("京A1", 2_000), ("P1", 5_000)]
    match = {"face.pass": ("person_id", ["P1"]), "plate.read": ("plate", ["京A1"])}
    assert [e.id for e in store.subject_events(0, 10_000, match, [], 10)] == ["a", "b", "e"]
    store.close()


def test_v9_database_gains_the_device_track(tmp_path: Path) -> None:
    """Migration v11 indexes an existing log by device and time (`device_track`, a guard's GPS track, issue
    21) and says how far; later appends fold into it every `keyframe_lag` rows, the tail read from the log."""
    path = tmp_path / "v9.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=9) == 9
    conn.executemany(
        "INSERT INTO events (id, ts, device, kind, lon, lat, data) VALUES (?, ?, ?, 'gps.fix', 1, 2, '{}')",
        [("a", 1_000, "T1"), ("b", 2_000, "T2"), ("c", 3_000, "T1")],
    )
    conn.close()
    store = SqliteStore(path, keyframe_lag=3)
    assert store.schema_version == LATEST_VERSION
    track = "SELECT device, ts FROM device_track ORDER BY device, ts"
    assert store._conn.execute(track).fetchall() == [("T1", 1_000), ("T1", 3_000), ("T2", 2_000)]
    seq_key = "SELECT value FROM meta WHERE key = '_store.device_track_seq'"
    assert store._conn.execute(seq_key).fetchone() == ("3",)
    fix = Event("d", 4_000, "T1", "gps.fix", 1.0, 2.0, {})
    store.append_events([fix])  # 1 row past the fold: read from the log's tail
    assert store._conn.execute(seq_key).fetchone() == ("3",)
    assert [e.id for e in store.subject_events(0, 10_000, {}, ["T1"], 10)] == ["a", "c", "d"]
    more = [Event(f"e{i}", 5_000 + i, "T1", "gps.fix", 1.0, 2.0, {}) for i in range(2)]
    store.append_events(more)  # 3 rows past the fold: folded
    assert store._conn.execute(seq_key).fetchone() == ("6",)
    assert [e.id for e in store.subject_events(0, 10_000, {}, ["T1"], 10)] == ["a", "c", "d", "e0", "e1"]
    assert [e.id for e in store.subject_events(0, 10_000, {}, ["T1"], 2)] == ["a", "c"]
    store.close()
