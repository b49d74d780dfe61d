"""SqliteStore internals: page size, the two-tier id set, keyframe folding, failure handling.

The behaviour every backend shares is tested in test_store.py, over SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox_app.store import Fix, open_store
from sandbox_app.store.sqlite import LONG_RUNNING_CACHE_KIB, LONG_RUNNING_SEAL_EVERY, PAGE_SIZE, SqliteStore
from tests.store.test_store import MIN, SQUARE, _beats, _district, _fix


@pytest.fixture(params=[(200_000, 20_000), (2, 1), (3, 4)], ids=["default", "seal-fold-each", "mixed"])
def store(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[SqliteStore]:
    seal_every, lag = request.param
    s = SqliteStore(tmp_path / "s.db", seal_every=seal_every, keyframe_lag=lag)
    yield s
    s.close()


# district ------------------------------------------------------------------------------------------------
def test_new_file_gets_large_pages_and_an_existing_one_keeps_its_own(tmp_path: Path) -> None:
    SqliteStore(tmp_path / "new.db").close()
    old = sqlite3.connect(tmp_path / "old.db")
    old.execute("CREATE TABLE t (x)")  # created with SQLite's default 4 KiB pages
    old.close()
    SqliteStore(tmp_path / "old.db").close()
    for name, size in (("new.db", PAGE_SIZE), ("old.db", 4096)):
        conn = sqlite3.connect(tmp_path / name)
        assert conn.execute("PRAGMA page_size").fetchone()[0] == size, name
        conn.close()


def test_geometry_of_the_wrong_type_is_refused(store: SqliteStore) -> None:
    store.replace_district(_district())
    store._conn.execute("UPDATE gates SET location = ?", (SQUARE.wkb,))
    with pytest.raises(ValueError, match="expected Point"):
        store.load_district()


# events --------------------------------------------------------------------------------------------------
def test_duplicates_found_in_sealed_tier_and_after_reopen(tmp_path: Path) -> None:
    path = tmp_path / "seal.db"
    store = SqliteStore(path, seal_every=4)
    assert len(store.append_events(_beats("a", 5))) == 5  # seals a0..a4
    assert len(store.append_events(_beats("b", 2))) == 2  # b0, b1 stay in memory
    assert store.append_events(_beats("a", 5) + _beats("b", 2)) == []
    store.close()
    reopened = SqliteStore(path, seal_every=4)
    assert reopened.append_events(_beats("a", 6) + _beats("b", 3)) == [_beats("a", 6)[5], _beats("b", 3)[2]]
    assert reopened.event_count() == 9
    reopened.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM event_ids").fetchone()[0] in (5, 9)
    conn.close()


# fixes at T ----------------------------------------------------------------------------------------------
def test_failed_append_stores_nothing_and_the_next_one_works(
    store: SqliteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.append_events([_fix("a", "X", 5_000, 1.0, 1.0)])

    def boom(*_: object) -> None:
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr("sandbox_app.store.keyframes.Keyframes._fold", boom)
    monkeypatch.setattr("sandbox_app.store.keyframes.Keyframes.stage", boom)
    with pytest.raises(sqlite3.OperationalError):
        store.append_events([_fix("b", "X", 6_000, 2.0, 2.0)])
    monkeypatch.undo()
    assert store.event_count() == 1
    assert store.append_events([_fix("b", "X", 6_000, 2.0, 2.0), _fix("c", "X", MIN + 1, 3.0, 3.0)])
    assert store.last_fixes(MIN) == {"X": Fix("X", 6_000, 2.0, 2.0)}
    assert store.event_count() == 3


def test_failed_seal_does_not_fail_the_durable_append(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    with SqliteStore(tmp_path / "seal.db", seal_every=2) as store:
        monkeypatch.setattr("sandbox_app.store.dedupe.EventIds.seal", boom)
        assert len(store.append_events(_beats("a", 3))) == 3
        monkeypatch.undo()
        assert store.append_events(_beats("a", 4)) == [_beats("a", 4)[3]]  # sealed now, dups still found
        assert store.append_events(_beats("a", 4)) == []
        assert store.event_count() == 4


# alerts --------------------------------------------------------------------------------------------------
# meta and threads ----------------------------------------------------------------------------------------


def test_a_long_running_window_keeps_a_small_cache_and_id_tier(tmp_path: Path) -> None:
    """The window's store (issue 17, the wall soak): a small page cache and ids sealed every
    `LONG_RUNNING_SEAL_EVERY`, so a feed running for weeks does not grow the process; duplicates are still
    found once sealed. The bulk ingest keeps the large defaults."""
    bulk = SqliteStore(tmp_path / "bulk.db")
    assert bulk._conn.execute("PRAGMA cache_size").fetchone()[0] == -65536
    bulk.close()
    store = open_store(tmp_path / "live.db", long_running=True)
    assert isinstance(store, SqliteStore)
    assert store._conn.execute("PRAGMA cache_size").fetchone()[0] == -LONG_RUNNING_CACHE_KIB
    total = LONG_RUNNING_SEAL_EVERY + LONG_RUNNING_SEAL_EVERY // 2
    for start in range(0, total, 5_000):
        store.append_events(_beats("e", start + 5_000)[start:])
    assert len(store._ids._recent) < LONG_RUNNING_SEAL_EVERY
    assert store.append_events(_beats("e", 10)) == []  # sealed ids are still known
    assert store.event_count() == total
    store.close()
