"""Water and green areas (issue 18) in both stores: the round trip, replace_district carrying them, and a
database made before the `areas` table (v9) migrating to one that holds them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
from shapely.geometry import Polygon

from sandbox_app.domain.model import Area, Compound, District
from sandbox_app.store import migrations, pg_schema
from sandbox_app.store.postgres import PostgresStore
from sandbox_app.store.sqlite import SqliteStore
from tests.store.conftest import Opener
from tests.store.test_store import SQUARE, _district

LAKE = Polygon(
    [(116.002, 39.0), (116.004, 39.0), (116.004, 39.002), (116.002, 39.002)],
    [[(116.0028, 39.0008), (116.0032, 39.0008), (116.0032, 39.0012), (116.0028, 39.0012)]],
)
"""A pond with an island: the hole must survive both stores."""
PARK = Polygon([(116.0, 39.002), (116.001, 39.002), (116.001, 39.003)])


def _with_areas(name: str = "测试社区") -> District:
    d = _district(name)
    d.areas["A1"] = Area("A1", "water", LAKE, "小月河", {"osm_id": 929726058})
    d.areas["A2"] = Area("A2", "green", PARK)
    return d


def test_areas_round_trip_and_are_replaced_with_the_district(opener: Opener) -> None:
    district = _with_areas()
    with opener() as store:
        store.replace_district(district)
    with opener() as store:
        loaded = store.load_district()
        assert loaded == district
        assert loaded is not None
        assert list(loaded.areas) == ["A1", "A2"]  # in the package's order
        lake = loaded.areas["A1"]
        assert (lake.kind, lake.name, lake.extra) == ("water", "小月河", {"osm_id": 929726058})
        assert len(lake.boundary.interiors) == 1 and lake.boundary.equals(LAKE)
        assert loaded.areas["A2"].name == ""
        smaller = District("另一个社区", "Asia/Shanghai")
        smaller.compounds["C9"] = Compound("C9", "九号小区", SQUARE)
        smaller.areas["A9"] = Area("A9", "green", SQUARE)
        store.replace_district(smaller)
        assert store.load_district() == smaller
        store.replace_district(_district())
        reloaded = store.load_district()
        assert reloaded is not None and reloaded.areas == {}


def test_sqlite_v9_database_gains_an_empty_areas_table(tmp_path: Path) -> None:
    path = tmp_path / "v9.db"
    with SqliteStore(path) as store:
        store.replace_district(_district())
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE areas")
    conn.execute("DROP TABLE device_track")  # v11's, after the areas
    conn.execute("PRAGMA user_version = 9")
    conn.close()
    with SqliteStore(path) as store:
        assert store.schema_version == migrations.LATEST_VERSION
        loaded = store.load_district()
        assert loaded == _district() and loaded is not None and loaded.areas == {}
        store.replace_district(_with_areas())
        assert store.load_district() == _with_areas()


def test_postgres_v9_database_gains_an_empty_areas_table(postgres_url: str) -> None:
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        assert pg_schema.migrate(conn, target=9) == 9
        conn.execute(
            "INSERT INTO district (one, name, timezone, extra) VALUES (1, '旧社区', 'Asia/Shanghai', '{}')"
        )
    with PostgresStore(postgres_url) as store:
        assert store.schema_version == migrations.LATEST_VERSION
        loaded = store.load_district()
        assert loaded is not None and loaded.name == "旧社区" and loaded.areas == {}
        store.replace_district(_with_areas())
        assert store.load_district() == _with_areas()
    with psycopg.connect(postgres_url) as conn:
        row = conn.execute(
            "SELECT GeometryType(boundary), ST_NumInteriorRings(boundary) FROM areas WHERE id = 'A1'"
        ).fetchone()
        assert row == ("POLYGON", 1)
