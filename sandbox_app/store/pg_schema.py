"""The PostgreSQL/PostGIS schema as ordered migrations, numbered like SQLite's (`migrations.MIGRATIONS`).

Version n means the same tables on both backends, so a station can tell what a database holds whichever
engine runs it; the dialect differs: PostGIS geometry columns with GiST indexes instead of WKB blobs, a
`schema_version` row instead of `PRAGMA user_version`, and an event log partitioned by month (native range
partitioning on ts, partitions made on demand by `ensure_partitions`) so a year of a county stays fast.
Keys and ids are `COLLATE "C"`: byte order, as SQLite compares text (so both backends sort alike), and
cheaper in a B-tree than a linguistic collation. Event identities (device, id) are unique through
`event_ids` (a partitioned table cannot hold a unique index without its partition key, and a repeated
identity may come with another ts). Openers serialise on an advisory lock, so two stations starting
against a fresh database do not both run a step.

v6 adds, besides the compound hierarchy, the change feed the stations sync from (`changes`, see sync.py):
a trigger logs every insert or update of an alert or a dispatch with the writing station (the connection's
application_name), under a transaction-level advisory lock so that change numbers commit in order and a
reader's cursor never skips a late commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import psycopg
from psycopg.rows import TupleRow

from sandbox_app.domain.passes import subject_sql
from sandbox_app.store.migrations import KEYFRAME_MS, LATEST_VERSION, SchemaError

Conn = psycopg.Connection[TupleRow]

CHANGES_LOCK = 0x5A4E_4348
"""Advisory lock key that orders the change feed (any constant both triggers and readers agree on)."""
_MIGRATE_LOCK = "sandbox.schema"

CURRENT_FIX = "kind = 'gps.fix' AND lon IS NOT NULL AND lat IS NOT NULL AND NOT (data ? 'flagged')"
"""PostgreSQL twin of `migrations.CURRENT_FIX`: fixes that may become a position."""

_POINT = "geometry(Point, 4326)"
_POLYGON = "geometry(Polygon, 4326)"

_V1_CORE = (
    "CREATE EXTENSION IF NOT EXISTS postgis",
    """CREATE TABLE district (
        one INTEGER PRIMARY KEY CHECK (one = 1), name TEXT NOT NULL, timezone TEXT NOT NULL,
        extra TEXT NOT NULL)""",
    # `pos` keeps the insertion order a load returns (SQLite's rowid).
    f"""CREATE TABLE compounds (
        pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL,
        boundary {_POLYGON} NOT NULL, extra TEXT NOT NULL)""",
    "CREATE INDEX compounds_boundary ON compounds USING gist (boundary)",
    f"""CREATE TABLE buildings (
        pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT COLLATE "C" PRIMARY KEY, compound_id TEXT NOT NULL,
        name TEXT NOT NULL, floors INTEGER NOT NULL, footprint {_POLYGON} NOT NULL, height_m DOUBLE PRECISION,
        extra TEXT NOT NULL)""",
    "CREATE INDEX buildings_footprint ON buildings USING gist (footprint)",
    """CREATE TABLE rooms (
        pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT COLLATE "C" PRIMARY KEY, building_id TEXT NOT NULL,
        entrance TEXT NOT NULL, floor INTEGER NOT NULL, number TEXT NOT NULL, usage TEXT NOT NULL,
        extra TEXT NOT NULL)""",
    """CREATE TABLE people (
        pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL,
        room_id TEXT,
        relation TEXT NOT NULL, tags TEXT NOT NULL, credentials TEXT NOT NULL, extra TEXT NOT NULL)""",
    f"""CREATE TABLE devices (
        pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT COLLATE "C" PRIMARY KEY, kind TEXT NOT NULL,
        name TEXT NOT NULL,
        placement TEXT NOT NULL, room_id TEXT, building_id TEXT, gate_id TEXT, location {_POINT},
        extra TEXT NOT NULL)""",
    "CREATE INDEX devices_location ON devices USING gist (location)",
    """CREATE TABLE guards (
        pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL,
        role TEXT NOT NULL,
        device_id TEXT, extra TEXT NOT NULL)""",
    """CREATE TABLE roads (
        pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT COLLATE "C" PRIMARY KEY, kind TEXT NOT NULL,
        line geometry(LineString, 4326) NOT NULL, oneway INTEGER NOT NULL, extra TEXT NOT NULL)""",
    "CREATE INDEX roads_line ON roads USING gist (line)",
    f"""CREATE TABLE gates (
        pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL,
        location {_POINT} NOT NULL, compound_id TEXT, closed_hours TEXT NOT NULL, extra TEXT NOT NULL)""",
    # The log: seq is the arrival order and, with ts, the paging cursor. geom is derived from lon/lat by
    # the server, so a bbox + time query uses the partition's GiST index without the client sending it.
    "CREATE SEQUENCE events_seq AS BIGINT",
    f"""CREATE TABLE events (
        seq BIGINT NOT NULL DEFAULT nextval('events_seq'), id TEXT COLLATE "C" NOT NULL, ts BIGINT NOT NULL,
        device TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, lon DOUBLE PRECISION,
        lat DOUBLE PRECISION,
        data JSONB NOT NULL,
        geom {_POINT} GENERATED ALWAYS AS (
            CASE WHEN lon IS NULL OR lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END
        ) STORED) PARTITION BY RANGE (ts)""",
    "CREATE INDEX events_ts_seq ON events (ts, seq)",
    "CREATE INDEX events_geom ON events USING gist (geom) WHERE geom IS NOT NULL",
    'CREATE TABLE event_ids (id TEXT COLLATE "C" PRIMARY KEY)',
    """CREATE TABLE alerts (
        id TEXT COLLATE "C" PRIMARY KEY, rule TEXT NOT NULL, subject TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        severity TEXT NOT NULL, state TEXT NOT NULL, first_ts BIGINT NOT NULL, last_ts BIGINT NOT NULL,
        count INTEGER NOT NULL, closed_ts BIGINT, lon DOUBLE PRECISION, lat DOUBLE PRECISION,
        data TEXT NOT NULL)""",
    "CREATE INDEX alerts_first_ts ON alerts (first_ts)",
    """CREATE TABLE alert_steps (
        alert_id TEXT COLLATE "C" NOT NULL, idx INTEGER NOT NULL, state TEXT NOT NULL, actor TEXT NOT NULL,
        ts BIGINT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (alert_id, idx))""",
    'CREATE TABLE meta (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL)',
)

_V2_FIX_TABLES = (
    f"""CREATE TABLE latest_fix (
        device TEXT COLLATE "C" PRIMARY KEY, ts BIGINT NOT NULL, lon DOUBLE PRECISION NOT NULL,
        lat DOUBLE PRECISION NOT NULL,
        geom {_POINT} GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED)""",
    "CREATE INDEX latest_fix_geom ON latest_fix USING gist (geom)",
    # Kept current by every append (no lag to fold, unlike SQLite: the server does the grouping).
    """CREATE TABLE fix_keyframes (
        device TEXT COLLATE "C" NOT NULL, bucket BIGINT NOT NULL, ts BIGINT NOT NULL,
        lon DOUBLE PRECISION NOT NULL,
        lat DOUBLE PRECISION NOT NULL, PRIMARY KEY (device, bucket))""",
    f"""INSERT INTO fix_keyframes (device, bucket, ts, lon, lat)
        SELECT DISTINCT ON (device, ts / {KEYFRAME_MS}) device, ts / {KEYFRAME_MS}, ts, lon, lat
        FROM events WHERE {CURRENT_FIX} ORDER BY device, ts / {KEYFRAME_MS}, ts DESC, seq DESC""",
    """INSERT INTO latest_fix (device, ts, lon, lat)
        SELECT DISTINCT ON (device) device, ts, lon, lat FROM fix_keyframes ORDER BY device, bucket DESC""",
)

_V3_DISPATCHES = (
    """CREATE TABLE dispatches (
        id TEXT COLLATE "C" PRIMARY KEY, alert_id TEXT COLLATE "C", guard_id TEXT COLLATE "C",
        state TEXT NOT NULL, issued_ts BIGINT NOT NULL,
        last_ts BIGINT NOT NULL, closed_ts BIGINT, data TEXT NOT NULL)""",
    "CREATE INDEX dispatches_alert ON dispatches (alert_id)",
)

_V4_DISPATCH_LIFECYCLE = (
    "ALTER TABLE dispatches ADD COLUMN accepted_ts BIGINT",
    "ALTER TABLE dispatches ADD COLUMN on_scene_ts BIGINT",
    # One active dispatch per guard across every station on this database: the index decides the race.
    """CREATE UNIQUE INDEX dispatches_guard_holding ON dispatches (guard_id)
        WHERE state IN ('issued', 'escalated', 'accepted', 'on_scene')""",
    """CREATE TABLE dispatch_steps (
        dispatch_id TEXT COLLATE "C" NOT NULL, idx INTEGER NOT NULL, state TEXT NOT NULL, actor TEXT NOT NULL,
        ts BIGINT NOT NULL, note TEXT NOT NULL, PRIMARY KEY (dispatch_id, idx))""",
)

_V5_USERS_AUDIT = (
    """CREATE TABLE users (
        name TEXT PRIMARY KEY, role TEXT NOT NULL, pw_hash TEXT NOT NULL, totp_secret TEXT,
        failures INTEGER NOT NULL DEFAULT 0, locked_until BIGINT NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0, created_ts BIGINT NOT NULL, changed_ts BIGINT NOT NULL)""",
    """CREATE TABLE audit_log (
        seq BIGINT PRIMARY KEY, ts BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        target TEXT NOT NULL, detail TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL)""",
    """CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$""",
    """CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()""",
)

_V6_CITY = (
    *(
        f"ALTER TABLE compounds ADD COLUMN {level} TEXT NOT NULL DEFAULT ''"
        for level in ("community", "street", "county")
    ),
    "CREATE INDEX compounds_community ON compounds (county, street, community)",
    """CREATE TABLE changes (
        seq BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, entity_id TEXT NOT NULL,
        station TEXT NOT NULL DEFAULT coalesce(current_setting('application_name', true), ''),
        at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())""",
    f"""CREATE FUNCTION note_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock({CHANGES_LOCK});
            INSERT INTO changes (kind, entity_id) VALUES (TG_ARGV[0], NEW.id);
            RETURN NULL;
        END $$""",
    """CREATE TRIGGER alerts_changed AFTER INSERT OR UPDATE ON alerts
        FOR EACH ROW EXECUTE FUNCTION note_change('alert')""",
    """CREATE TRIGGER dispatches_changed AFTER INSERT OR UPDATE ON dispatches
        FOR EACH ROW EXECUTE FUNCTION note_change('dispatch')""",
)

_V7_EVENT_IDENTITY = (
    # Event identity is (device, id) (issue 14): vendors number events per device.
    """CREATE TABLE event_keys (
        device TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL, PRIMARY KEY (device, id))""",
    "INSERT INTO event_keys (device, id) SELECT DISTINCT device, id FROM events",
    "DROP TABLE event_ids",
    "ALTER TABLE event_keys RENAME TO event_ids",
)

_V8_INCIDENTS = (
    """CREATE TABLE incidents (
        id TEXT COLLATE "C" PRIMARY KEY, type TEXT NOT NULL, subtype TEXT NOT NULL, state TEXT NOT NULL,
        reported_ts BIGINT NOT NULL, source TEXT NOT NULL, source_ref TEXT COLLATE "C",
        data TEXT NOT NULL)""",
    "CREATE INDEX incidents_reported_ts ON incidents (reported_ts)",
    "CREATE UNIQUE INDEX incidents_source_ref ON incidents (source, source_ref) WHERE source_ref IS NOT NULL",
)

PASS_SUBJECT_SQL = subject_sql("data->>'{0}'")
"""An event row's subject (who a face gate, barrier, e-bike reader or lock names), NULL for other kinds."""

_V9_SUBJECT_PASSES = (
    # A subject's passes without scanning the log (issue 21): filled by the append (postgres._MOVE).
    """CREATE TABLE subject_passes (
        subject TEXT COLLATE "C" NOT NULL, ts BIGINT NOT NULL, seq BIGINT NOT NULL,
        PRIMARY KEY (subject, ts, seq))""",
    f"""INSERT INTO subject_passes (subject, ts, seq)
        SELECT subject, ts, seq FROM (SELECT {PASS_SUBJECT_SQL} AS subject, ts, seq FROM events) p
        WHERE subject IS NOT NULL ON CONFLICT DO NOTHING""",
)

_V10_AREAS = (
    # Water and green areas of the basemap (issue 18).
    f"""CREATE TABLE areas (
        pos BIGINT GENERATED ALWAYS AS IDENTITY, id TEXT COLLATE "C" PRIMARY KEY, kind TEXT NOT NULL,
        name TEXT NOT NULL, boundary {_POLYGON} NOT NULL, extra TEXT NOT NULL)""",
    "CREATE INDEX areas_boundary ON areas USING gist (boundary)",
)

_V11_DEVICE_TRACK = (
    # A device's own events (a guard's GPS track, issue 21) by device then time, on every month partition.
    "CREATE INDEX events_device_ts_seq ON events (device, ts, seq)",
)

PG_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    _V1_CORE,
    _V2_FIX_TABLES,
    _V3_DISPATCHES,
    _V4_DISPATCH_LIFECYCLE,
    _V5_USERS_AUDIT,
    _V6_CITY,
    _V7_EVENT_IDENTITY,
    _V8_INCIDENTS,
    _V9_SUBJECT_PASSES,
    _V10_AREAS,
    _V11_DEVICE_TRACK,
)
"""Index i holds the step from version i to i + 1, the same step as SQLite's MIGRATIONS[i]."""

if len(PG_MIGRATIONS) != LATEST_VERSION:  # pragma: no cover - caught by the test suite on import
    raise SchemaError(
        f"PostgreSQL has {len(PG_MIGRATIONS)} migrations, SQLite {LATEST_VERSION}: add the twin"
    )


def schema_version(conn: Conn) -> int:
    row = conn.execute(
        "SELECT version FROM schema_version WHERE one = 1"
        if _has_version_table(conn)
        else "SELECT 0 WHERE false"
    ).fetchone()
    return int(str(row[0])) if row else 0


def _has_version_table(conn: Conn) -> bool:
    row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    return bool(row and row[0])


def migrate(conn: Conn, target: int = LATEST_VERSION) -> int:
    """Bring the schema up to `target`, one transaction per step; return the version reached.

    The advisory lock is keyed by the schema, so openers of one database wait for each other and then see
    the steps already done; `conn` must be in autocommit mode.
    """
    for _ in range(LATEST_VERSION + 1):
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || %s))", (_MIGRATE_LOCK,))
            conn.execute(
                """CREATE TABLE IF NOT EXISTS schema_version (
                    one INTEGER PRIMARY KEY CHECK (one = 1), version INTEGER NOT NULL)"""
            )
            current = schema_version(conn)
            if current > LATEST_VERSION:
                raise SchemaError(
                    f"database schema v{current} is newer than this release (v{LATEST_VERSION})"
                )
            if current >= target:
                return current
            # One round trip per step (simple query protocol: our own constant DDL, no parameters).
            conn.execute(";\n".join(PG_MIGRATIONS[current]))
            conn.execute(
                """INSERT INTO schema_version (one, version) VALUES (1, %s)
                   ON CONFLICT (one) DO UPDATE SET version = excluded.version""",
                (current + 1,),
            )
    raise SchemaError("migration did not converge")  # pragma: no cover


def month_bounds(ts: int) -> tuple[int, int, str]:
    """(start ms, end ms, partition name) of the UTC month holding epoch-ms `ts`."""
    day = datetime.fromtimestamp(ts / 1000, UTC)
    start = datetime(day.year, day.month, 1, tzinfo=UTC)
    end = datetime(day.year + (day.month == 12), day.month % 12 + 1, 1, tzinfo=UTC)
    return (
        int(start.timestamp() * 1000),
        int(end.timestamp() * 1000),
        f"events_y{day.year:04d}m{day.month:02d}",
    )


def months_of(ts_values: Iterable[int]) -> set[tuple[int, int, str]]:
    """The month partitions a batch needs, from its distinct (month-rounded) times."""
    seen: set[tuple[int, int, str]] = set()
    covered: list[tuple[int, int]] = []
    for ts in sorted(set(ts_values)):
        if covered and covered[-1][0] <= ts < covered[-1][1]:
            continue
        bounds = month_bounds(ts)
        covered.append(bounds[:2])
        seen.add(bounds)
    return seen


def ensure_partitions(conn: Conn, months: Iterable[tuple[int, int, str]]) -> None:
    """Create the missing month partitions in their own committed transaction (DDL takes a strong lock on
    the parent, so it must not sit inside a long append); concurrent creators queue on an advisory lock."""
    wanted = list(months)
    if not wanted:
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || 'sandbox.partitions'))")
        for start, end, name in wanted:
            exists = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (name,)).fetchone()
            if exists and exists[0]:
                continue
            conn.execute(f"CREATE TABLE {name} PARTITION OF events FOR VALUES FROM ({start}) TO ({end})")
