"""Issue 14, High 4: event identity is (device, id) on every backend. Vendors number events per device, so
the same id from two devices is two events; a true redelivery (same device, id and content) is a duplicate;
a repeat with different content is a conflict: stored (flagged), never silently dropped."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg

from sandbox_app.domain.events import Event
from sandbox_app.store import migrations
from sandbox_app.store.dedupe import CONFLICT_OF, event_key
from sandbox_app.store.migrations import LATEST_VERSION, migrate
from sandbox_app.store.sqlite import SqliteStore
from tests.store.conftest import Opener

T0 = 1_714_550_400_000


def _ev(eid: str, device: str, kind: str = "door.open", ts: int = T0, **data: Any) -> Event:
    return Event(eid, ts, device, kind, None, None, dict(data))


def _all(store: Any) -> list[Event]:
    return list(store.events_between(0, 2**62))


def test_same_id_from_two_devices_is_kept(store: Any) -> None:
    magnet, lock = _ev("1", "DM-1", "door.open"), _ev("1", "LK-1", "lock.open")
    assert store.append_events([magnet, lock]) == [magnet, lock]
    late = _ev("1", "LK-2", "lock.open", T0 + 1)
    assert store.append_events([late]) == [late]
    assert sorted(e.device for e in _all(store)) == ["DM-1", "LK-1", "LK-2"]


def test_true_redelivery_is_still_a_duplicate(store: Any) -> None:
    first = [_ev("1", "DM-1", n=1), _ev("2", "DM-1", ts=T0 + 5, n=2)]
    assert store.append_events(first) == first
    assert store.append_events([_ev("1", "DM-1", n=1), _ev("2", "DM-1", ts=T0 + 5, n=2)]) == []
    assert store.append_events([_ev("2", "DM-1", ts=T0 + 5, n=2), _ev("2", "DM-1", ts=T0 + 5, n=2)]) == []
    assert store.event_count() == 2


def test_same_identity_different_content_is_kept_as_a_conflict(store: Any) -> None:
    real = Event("p1", T0, "PHONE-1", "gps.fix", 116.30, 40.00)
    forged = Event("p1", T0, "PHONE-1", "gps.fix", 116.99, 40.50)
    assert store.append_events([real]) == [real]
    [copy] = store.append_events([forged])
    assert copy.device == "PHONE-1" and copy.id != "p1" and copy.data[CONFLICT_OF] == "p1"
    assert "flagged" in copy.data and (copy.lon, copy.lat) == (116.99, 40.50)
    # The forged report redelivered: a duplicate of its stored copy, not one more conflict.
    assert store.append_events([forged]) == []
    # A third version, and a conflict within one batch, are each kept.
    third = Event("p1", T0 + 1000, "PHONE-1", "gps.fix", 116.5, 40.2)
    a, b = _ev("x", "DM-1", n=1), _ev("x", "DM-1", n=2)
    out = store.append_events([third, a, b])
    assert [e.id for e in out if CONFLICT_OF not in e.data] == ["x"]
    assert sorted(e.data[CONFLICT_OF] for e in out if CONFLICT_OF in e.data) == ["p1", "x"]
    assert store.event_count() == 5
    # The real fix stays the position: a conflicting report is never one.
    assert store.last_fixes(T0 + 5000)["PHONE-1"].lon == 116.30


def test_identity_survives_reopen_and_the_sealed_tier(opener: Opener) -> None:
    store = opener(seal_every=2, keyframe_lag=1)
    store.append_events([_ev("1", "A"), _ev("2", "A", ts=T0 + 1), _ev("3", "A", ts=T0 + 2)])
    store.close()
    again = opener(seal_every=2, keyframe_lag=1)
    assert again.append_events([_ev("1", "A"), _ev("2", "A", ts=T0 + 1)]) == []
    assert again.append_events([_ev("1", "B")]) == [_ev("1", "B")]
    [conflict] = again.append_events([_ev("3", "A", ts=T0 + 2, changed=True)])
    assert conflict.data[CONFLICT_OF] == "3"


def test_keys_are_injective_whatever_separators_an_id_holds() -> None:
    assert event_key("a\x1fb", "c") != event_key("a", "b\x1fc")
    assert event_key("a", "b\x1f1") != event_key("a\x1fb\x1f1", "")


def test_a_v6_sqlite_database_migrates_to_device_scoped_identity(tmp_path: Path) -> None:
    path = tmp_path / "v6.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=6)
    conn.executemany(
        "INSERT INTO events (id, ts, device, kind, data) VALUES (?, ?, ?, 'door.open', '{}')",
        [("1", T0, "DM-1"), ("2", T0 + 1, "DM-1")],
    )
    conn.execute("INSERT INTO event_ids (id) VALUES ('1'), ('2')")  # the old tier: bare ids, all sealed
    conn.execute("INSERT INTO meta (key, value) VALUES ('_store.ids_sealed_seq', '2')")
    conn.close()
    store = SqliteStore(path)
    assert store.schema_version == LATEST_VERSION
    assert store.append_events([_ev("1", "DM-1"), _ev("2", "DM-1", ts=T0 + 1)]) == []
    assert store.append_events([_ev("1", "LK-1")]) == [_ev("1", "LK-1")]
    store.close()


def test_a_v6_postgres_database_migrates_to_device_scoped_identity(postgres_url: str) -> None:
    from sandbox_app.store.pg_schema import ensure_partitions, months_of
    from sandbox_app.store.pg_schema import migrate as pg_migrate
    from sandbox_app.store.postgres import PostgresStore

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        pg_migrate(conn, target=6)
        ensure_partitions(conn, months_of([T0]))
        conn.execute(
            "INSERT INTO events (id, ts, device, kind, data) VALUES ('1', %s, 'DM-1', 'door.open', '{}')",
            (T0,),
        )
        conn.execute("INSERT INTO event_ids (id) VALUES ('1')")
    with PostgresStore(postgres_url) as store:
        assert store.schema_version == migrations.LATEST_VERSION
        assert store.append_events([_ev("1", "DM-1")]) == []
        assert store.append_events([_ev("1", "LK-1")]) == [_ev("1", "LK-1")]
