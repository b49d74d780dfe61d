"""PostgresStore internals: month partitions on demand, PostGIS columns and GiST indexes, the bbox + time
query, migrations under concurrent openers, a failed append, and the change feed the stations sync from."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import psycopg
import pytest
from shapely.geometry import Polygon

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.store import migrations, open_store
from sandbox_app.store.pg_schema import PG_MIGRATIONS, month_bounds, months_of
from sandbox_app.store.postgres import PostgresStore
from tests.store.test_store import _district, _fix


def _ms(year: int, month: int, day: int = 1, hour: int = 0) -> int:
    return int(datetime(year, month, day, hour, tzinfo=UTC).timestamp() * 1000)


def _partitions(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            """SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
               WHERE i.inhparent = 'events'::regclass ORDER BY c.relname"""
        ).fetchall()
    return [r[0] for r in rows]


def test_every_sqlite_migration_has_its_postgres_twin() -> None:
    assert len(PG_MIGRATIONS) == migrations.LATEST_VERSION


def test_month_bounds_and_months_of_a_batch() -> None:
    start, end, name = month_bounds(_ms(2026, 12, 31, 23))
    assert (start, end, name) == (_ms(2026, 12), _ms(2027, 1), "events_y2026m12")
    assert {m[2] for m in months_of([_ms(2026, 1, 5), _ms(2026, 1, 9), _ms(2026, 3, 1), 0])} == {
        "events_y1970m01",
        "events_y2026m01",
        "events_y2026m03",
    }


def test_open_store_takes_a_postgres_url(postgres_url: str) -> None:
    store = open_store(postgres_url)
    assert isinstance(store, PostgresStore)
    assert store.schema_version == migrations.LATEST_VERSION
    store.close()


def test_partitions_are_made_on_demand_and_rows_land_in_their_month(postgres_url: str) -> None:
    with PostgresStore(postgres_url) as store:
        assert _partitions(postgres_url) == []
        jan, mar = _ms(2026, 1, 31, 23), _ms(2026, 3, 1)
        store.append_events([Event("a", mar, "D", "door.open"), Event("b", jan, "D", "door.open")])
        store.append_events([Event("c", jan + 1, "D", "door.open")])
        assert _partitions(postgres_url) == ["events_y2026m01", "events_y2026m03"]
        assert [e.id for e in store.events_between(0, 2**62)] == ["b", "c", "a"]
        with psycopg.connect(postgres_url) as conn:
            assert conn.execute("SELECT count(*) FROM events_y2026m01").fetchone() == (2,)
        # a second client knows nothing of the partitions yet: creating them again must be harmless
        with PostgresStore(postgres_url) as other:
            assert other.append_events([Event("d", mar + 5, "D", "door.open")]) != []
        assert store.event_count() == 4


def test_geometry_is_postgis_with_gist_indexes(postgres_store_url: str) -> None:
    with PostgresStore(postgres_store_url) as store:
        store.replace_district(_district())
        with psycopg.connect(postgres_store_url) as conn:
            srid, kind = conn.execute(
                "SELECT ST_SRID(footprint), GeometryType(footprint) FROM buildings"
            ).fetchone()  # type: ignore[misc]
            assert (srid, kind) == (4326, "POLYGON")
            gist = {
                r[0]
                for r in conn.execute(
                    """SELECT tablename FROM pg_indexes
                       WHERE schemaname = current_schema() AND indexdef LIKE '%gist%'"""
                )
            }
            assert {"buildings", "compounds", "latest_fix", "events"} <= gist
            inside = conn.execute(
                """SELECT id FROM buildings
                   WHERE ST_Contains(footprint, ST_SetSRID(ST_MakePoint(116.0005, 39.0005), 4326))"""
            ).fetchall()
            assert sorted(r[0] for r in inside) == ["B1", "B2"]
            with pytest.raises(psycopg.errors.InvalidParameterValue):  # a polygon where a point belongs
                conn.execute("UPDATE gates SET location = (SELECT boundary FROM compounds LIMIT 1)")


def test_bbox_and_time_query(postgres_store_url: str) -> None:
    box = Polygon([(116.0, 39.0), (116.01, 39.0), (116.01, 39.01), (116.0, 39.01)])
    minx, miny, maxx, maxy = box.bounds
    t = _ms(2026, 5, 1)
    with PostgresStore(postgres_store_url) as store:
        store.append_events(
            [
                _fix("in1", "G1", t + 1000, 116.005, 39.005),
                _fix("in2", "G2", t + 2000, 116.001, 39.009),
                _fix("late", "G1", t + 90_000, 116.005, 39.005),
                _fix("out", "G3", t + 1500, 116.02, 39.005),
                _fix("edge", "G4", t + 1600, 116.01, 39.0),  # on the box's edge: in, like SQLite's BETWEEN
                _fix("hair", "G4", t + 1700, 116.01 + 1e-9, 39.005),  # inside the index's float4 box only
                Event("door", t + 1200, "D1", "door.open", 116.004, 39.004),
                Event("nowhere", t + 1300, "D2", "device.heartbeat"),
                _fix("prev", "G1", _ms(2026, 4, 30, 23), 116.005, 39.005),
            ]
        )
        got = store.events_in_box(t, t + 60_000, (minx, miny, maxx, maxy))
        assert [e.id for e in got] == ["in1", "door", "edge", "in2"]
        fixes = store.events_in_box(t, t + 60_000, box.bounds, kinds=["gps.fix"])
        assert [e.id for e in fixes] == ["in1", "edge", "in2"]


def test_failed_append_stores_nothing_and_the_next_one_works(
    postgres_store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with PostgresStore(postgres_store_url) as store:
        store.append_events([_fix("a", "X", 5_000, 1.0, 1.0)])
        monkeypatch.setattr("sandbox_app.store.postgres._MOVE", "SELECT no_such_column FROM stage_events")
        with pytest.raises(psycopg.errors.UndefinedColumn):
            store.append_events([_fix("b", "X", 6_000, 2.0, 2.0)])
        monkeypatch.undo()
        assert store.event_count() == 1
        assert store.append_events([_fix("b", "X", 6_000, 2.0, 2.0)]) == [_fix("b", "X", 6_000, 2.0, 2.0)]
        assert store.last_fixes(60_000)["X"].ts == 6_000


def test_newer_schema_is_refused(postgres_url: str) -> None:
    PostgresStore(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("UPDATE schema_version SET version = version + 1")
    with pytest.raises(migrations.SchemaError):
        PostgresStore(postgres_url)


def test_stations_opening_a_fresh_database_together_migrate_once(postgres_url: str) -> None:
    errors: list[BaseException] = []
    stores: list[PostgresStore] = []

    def station() -> None:
        try:
            stores.append(PostgresStore(postgres_url))
        except BaseException as exc:  # recorded for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=station) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert [s.schema_version for s in stores] == [migrations.LATEST_VERSION] * 3
    for s in stores:
        s.close()


def test_change_feed_lists_alert_and_dispatch_changes_in_commit_order(postgres_store_url: str) -> None:
    with (
        PostgresStore(postgres_store_url, station="st-1") as one,
        PostgresStore(postgres_store_url, station="st-2") as two,
    ):
        heard: list[str] = []
        one.add_change_listener(heard.append)
        start = two.last_change_seq()
        alert = Alert("A1", "smoke_alarm", "R1", "room", Severity.HIGH, AlertState.OPEN, 1000, 1000)
        one.upsert_alerts([alert])
        d = Dispatch("D1", "A1", "G1", "GPS-1", "cmdr", 2000, 116.0, 39.0)
        two.create_dispatch(d)
        alert.advance(AlertState.ACKNOWLEDGED, "cmdr", 3000)
        one.upsert_alerts([alert])
        d.advance(DispatchState.ACCEPTED, "G1", 4000)
        one.update_dispatch(d)
        changes = two.changes_since(start)
        assert [c[1:] for c in changes] == [
            ("alert", "A1", "st-1"),
            ("dispatch", "D1", "st-2"),
            ("alert", "A1", "st-1"),
            ("dispatch", "D1", "st-1"),
        ]
        seqs = [c[0] for c in changes]
        assert seqs == sorted(seqs) and two.changes_since(seqs[-1]) == []
        assert heard == ["alert", "alert", "dispatch"]  # only what this client committed
