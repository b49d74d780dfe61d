"""The SQLite schema as an ordered list of migrations; `PRAGMA user_version` says how many have run.

A station's database outlives many releases, so the schema is never edited in place: a change is a new
migration appended to `MIGRATIONS`, applied once, in order, each in its own transaction. The event log keeps
one index (ts, for time windows) because every extra index multiplies the cost of the hot append path; ids
are kept unique through `dedupe.EventIds`, and seeks use the small `latest_fix` and `fix_keyframes` tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from sandbox_app.domain.passes import PASS_FIELDS, subject_sql

KEYFRAME_MS = 60_000
"""Keyframe bucket width: a seek reads one keyframe per device plus at most this much of the log."""

Migration = Sequence[str] | Callable[[sqlite3.Connection], None]


class SchemaError(RuntimeError):
    """The database was written by a newer release, or a migration failed."""


_V1_CORE = (
    """CREATE TABLE district (
        one INTEGER PRIMARY KEY CHECK (one = 1), name TEXT NOT NULL, timezone TEXT NOT NULL,
        extra TEXT NOT NULL)""",
    """CREATE TABLE compounds (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, boundary BLOB NOT NULL, extra TEXT NOT NULL)""",
    """CREATE TABLE buildings (
        id TEXT PRIMARY KEY, compound_id TEXT NOT NULL, name TEXT NOT NULL, floors INTEGER NOT NULL,
        footprint BLOB NOT NULL, height_m REAL, extra TEXT NOT NULL)""",
    """CREATE TABLE rooms (
        id TEXT PRIMARY KEY, building_id TEXT NOT NULL, entrance TEXT NOT NULL, floor INTEGER NOT NULL,
        number TEXT NOT NULL, usage TEXT NOT NULL, extra TEXT NOT NULL)""",
    """CREATE TABLE people (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, room_id TEXT, relation TEXT NOT NULL, tags TEXT NOT NULL,
        credentials TEXT NOT NULL, extra TEXT NOT NULL)""",
    """CREATE TABLE devices (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, placement TEXT NOT NULL, room_id TEXT,
        building_id TEXT, gate_id TEXT, location BLOB, extra TEXT NOT NULL)""",
    """CREATE TABLE guards (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, device_id TEXT, extra TEXT NOT NULL)""",
    """CREATE TABLE roads (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, line BLOB NOT NULL, oneway INTEGER NOT NULL,
        extra TEXT NOT NULL)""",
    """CREATE TABLE gates (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, location BLOB NOT NULL, compound_id TEXT,
        closed_hours TEXT NOT NULL, extra TEXT NOT NULL)""",
    # seq is the arrival order (rowid) and a stable cursor. Ids are kept unique by `dedupe.EventIds` with
    # the `event_ids` table, not by an index here: see dedupe.py for the measured reason.
    """CREATE TABLE events (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL, ts INTEGER NOT NULL, device TEXT NOT NULL,
        kind TEXT NOT NULL, lon REAL, lat REAL, data TEXT NOT NULL)""",
    "CREATE INDEX events_ts ON events (ts)",
    "CREATE TABLE event_ids (id TEXT PRIMARY KEY) WITHOUT ROWID",
    """CREATE TABLE alerts (
        id TEXT PRIMARY KEY, rule TEXT NOT NULL, subject TEXT NOT NULL, subject_type TEXT NOT NULL,
        severity TEXT NOT NULL, state TEXT NOT NULL, first_ts INTEGER NOT NULL, last_ts INTEGER NOT NULL,
        count INTEGER NOT NULL, closed_ts INTEGER, lon REAL, lat REAL, data TEXT NOT NULL)""",
    "CREATE INDEX alerts_first_ts ON alerts (first_ts)",
    """CREATE TABLE alert_steps (
        alert_id TEXT NOT NULL, idx INTEGER NOT NULL, state TEXT NOT NULL, actor TEXT NOT NULL,
        ts INTEGER NOT NULL, note TEXT NOT NULL, PRIMARY KEY (alert_id, idx)) WITHOUT ROWID""",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
)

_V2_FIX_TABLES = (
    """CREATE TABLE latest_fix (
        device TEXT PRIMARY KEY, ts INTEGER NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL)
        WITHOUT ROWID""",
    # One row per (device, minute bucket): the device's last fix in that minute. Derived from the log and
    # folded in bulk every few thousand events (see sqlite.py), because one upsert per device per batch
    # dirties a page per device at every commit.
    """CREATE TABLE fix_keyframes (
        device TEXT NOT NULL, bucket INTEGER NOT NULL, ts INTEGER NOT NULL, lon REAL NOT NULL,
        lat REAL NOT NULL, PRIMARY KEY (device, bucket)) WITHOUT ROWID""",
)

KEYFRAMES_SEQ_KEY = "_store.keyframes_seq"
"""meta key: fix_keyframes hold every fix of the log up to this seq; later fixes are read from the log."""

CURRENT_FIX = (
    "kind = 'gps.fix' AND lon IS NOT NULL AND lat IS NOT NULL"
    " AND (instr(data, '\"flagged\"') = 0 OR json_type(data, '$.flagged') IS NULL)"
)
"""SQL filter for fixes that may become a position: flagged ones stay in the log only (instr skips the
JSON parse for the common unflagged row)."""

# The last current fix per (device, minute) among events after a seq, latest arrival winning a ts tie,
# folded into the keyframes: used by the live store in bulk and by the v2 backfill.
FLUSH_KEYFRAMES = f"""
    INSERT INTO fix_keyframes (device, bucket, ts, lon, lat)
    SELECT device, bucket, ts, lon, lat FROM (
        SELECT device, ts / {KEYFRAME_MS} AS bucket, ts, lon, lat, ROW_NUMBER() OVER (
            PARTITION BY device, ts / {KEYFRAME_MS} ORDER BY ts DESC, seq DESC) AS rn
        FROM events WHERE seq > ? AND {CURRENT_FIX})
    WHERE rn = 1
    ON CONFLICT (device, bucket) DO UPDATE SET ts = excluded.ts, lon = excluded.lon, lat = excluded.lat
    WHERE excluded.ts >= fix_keyframes.ts"""


def _v2_fix_tables(conn: sqlite3.Connection) -> None:
    for sql in _V2_FIX_TABLES:
        conn.execute(sql)
    conn.execute(FLUSH_KEYFRAMES, (0,))
    conn.execute(
        """INSERT INTO latest_fix (device, ts, lon, lat)
           SELECT device, ts, lon, lat FROM fix_keyframes k
           WHERE bucket = (SELECT max(bucket) FROM fix_keyframes WHERE device = k.device)"""
    )
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) SELECT ?, coalesce(max(seq), 0) FROM events",
        (KEYFRAMES_SEQ_KEY,),
    )


_V3_DISPATCHES = (
    # Placeholder for the dispatch lifecycle (a later issue); created now so that issue adds no table.
    """CREATE TABLE dispatches (
        id TEXT PRIMARY KEY, alert_id TEXT, guard_id TEXT, state TEXT NOT NULL, issued_ts INTEGER NOT NULL,
        last_ts INTEGER NOT NULL, closed_ts INTEGER, data TEXT NOT NULL)""",
    "CREATE INDEX dispatches_alert ON dispatches (alert_id)",
)

_V4_DISPATCH_LIFECYCLE = (
    "ALTER TABLE dispatches ADD COLUMN accepted_ts INTEGER",
    "ALTER TABLE dispatches ADD COLUMN on_scene_ts INTEGER",
    # At most one dispatch holding a guard: the database, not a check-then-insert in Python, decides which
    # of two commanders racing for one guard wins. The list mirrors domain.dispatch.HOLDING_STATES.
    """CREATE UNIQUE INDEX dispatches_guard_holding ON dispatches (guard_id)
        WHERE state IN ('issued', 'escalated', 'accepted', 'on_scene')""",
    """CREATE TABLE dispatch_steps (
        dispatch_id TEXT NOT NULL, idx INTEGER NOT NULL, state TEXT NOT NULL, actor TEXT NOT NULL,
        ts INTEGER NOT NULL, note TEXT NOT NULL, PRIMARY KEY (dispatch_id, idx)) WITHOUT ROWID""",
)

_V5_USERS_AUDIT = (
    # Users of the desk (sandbox_app/privacy/users.py): argon2 hashes only, never a password; the lockout
    # state lives here so it survives a restart of the application.
    """CREATE TABLE users (
        name TEXT PRIMARY KEY, role TEXT NOT NULL, pw_hash TEXT NOT NULL, totp_secret TEXT,
        failures INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0, created_ts INTEGER NOT NULL, changed_ts INTEGER NOT NULL)
        WITHOUT ROWID""",
    # The tamper-evident audit log (sandbox_app/privacy/audit.py): each row's hash covers the previous
    # row's hash, so an edit, deletion or reordering breaks the chain from that row on.
    """CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        target TEXT NOT NULL, detail TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL)""",
    # Append-only for ordinary SQL: a tamperer must drop these first, and `audit verify` still catches it.
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
)

_V6_CITY_HIERARCHY = tuple(
    # County → street → community → compound (issue 8): the upper levels as plain columns of the compound.
    f"ALTER TABLE compounds ADD COLUMN {level} TEXT NOT NULL DEFAULT ''"
    for level in ("community", "street", "county")
)


def _v7_event_identity(conn: sqlite3.Connection) -> None:
    """Event identity becomes (device, id) (issue 14): the sealed id tier is rebuilt with `dedupe.KEY_SQL`
    keys from the log rows it covered; the memory tier is rebuilt from the log's tail on open anyway."""
    from sandbox_app.store.dedupe import KEY_SQL, SEALED_KEY

    conn.execute("DELETE FROM event_ids")
    conn.execute(
        f"""INSERT OR IGNORE INTO event_ids (id) SELECT {KEY_SQL} FROM events
            WHERE seq <= coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0) ORDER BY 1""",
        (SEALED_KEY,),
    )


_V8_INCIDENTS = (
    # Incidents entered by people (issue 20): 110 hand-offs, walk-ins, promoted alerts.
    """CREATE TABLE incidents (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, subtype TEXT NOT NULL, state TEXT NOT NULL,
        reported_ts INTEGER NOT NULL, source TEXT NOT NULL, source_ref TEXT, data TEXT NOT NULL)""",
    "CREATE INDEX incidents_reported_ts ON incidents (reported_ts)",
    # A 110 record redelivered is stored once.
    "CREATE UNIQUE INDEX incidents_source_ref ON incidents (source, source_ref) WHERE source_ref IS NOT NULL",
)

PASS_SUBJECT_SQL = subject_sql("json_extract(data, '$.{0}')")
"""An event row's subject (who a face gate, barrier, e-bike reader or lock names), NULL for other kinds."""
INDEX_PASSES = f"""
    INSERT OR IGNORE INTO subject_passes (subject, ts, seq)
    SELECT subject, ts, seq FROM (
        SELECT {PASS_SUBJECT_SQL} AS subject, ts, seq FROM events
        WHERE seq > ? AND kind IN ({", ".join(f"'{k}'" for k in PASS_FIELDS)}))
    WHERE subject IS NOT NULL"""
"""Index the passes among the log rows after a seq (the append's own rows; 0 for a backfill)."""


def _v9_subject_passes(conn: sqlite3.Connection) -> None:
    """A subject's passes without scanning the log (issue 21: a 30-day track on a county's year): one
    small row per pass, keyed by who passed, filled as events are appended and here from the log so far."""
    conn.execute(
        """CREATE TABLE subject_passes (
            subject TEXT NOT NULL, ts INTEGER NOT NULL, seq INTEGER NOT NULL,
            PRIMARY KEY (subject, ts, seq)) WITHOUT ROWID"""
    )
    # In key order: a station's whole log is indexed once, and sorted rows fill the B-tree page by page
    # (unsorted, 14 M passes took over 8 minutes without finishing on the county bench).
    conn.execute(INDEX_PASSES + " ORDER BY 1, 2, 3", (0,))


_V10_AREAS = (
    # Water and green areas of the basemap (issue 18): a district imported before has none until re-imported.
    """CREATE TABLE areas (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, boundary BLOB NOT NULL,
        extra TEXT NOT NULL)""",
)

DEVICE_TRACK_SEQ_KEY = "_store.device_track_seq"
"""meta key: `device_track` holds every event of the log up to this seq; later ones are read from the log's
tail (at most a fold's worth of rows, by rowid)."""
FOLD_DEVICE_TRACK = """
    INSERT OR IGNORE INTO device_track (device, ts, seq)
    SELECT device, ts, seq FROM events WHERE seq > ? ORDER BY 1, 2, 3"""
"""Index the log rows after a seq by device and time, in key order (the append's fold; 0 for a backfill)."""
SET_DEVICE_TRACK_SEQ = f"""
    INSERT OR REPLACE INTO meta (key, value)
    SELECT '{DEVICE_TRACK_SEQ_KEY}', CAST(coalesce(max(seq), 0) AS TEXT) FROM events"""


def _v11_device_track(conn: sqlite3.Connection) -> None:
    """A device's own events without scanning the log's time range (issue 21: a guard's or a tracker's
    30-day GPS track on a county's year read 1.15 M rows of everyone's events to keep one device's ~8 k).

    A table keyed (device, ts, seq), not an index on `events`: a plain index takes a B-tree page per device
    of every batch, which halved the append on 2,000 trackers (bench/append_index.py); this one is filled
    from the log in sorted bulk every `keyframe_lag` rows, touching each page once, like the keyframes."""
    conn.execute(
        """CREATE TABLE device_track (
            device TEXT NOT NULL, ts INTEGER NOT NULL, seq INTEGER NOT NULL,
            PRIMARY KEY (device, ts, seq)) WITHOUT ROWID"""
    )
    conn.execute(FOLD_DEVICE_TRACK, (0,))
    conn.execute(SET_DEVICE_TRACK_SEQ)


MIGRATIONS: tuple[Migration, ...] = (
    _V1_CORE,
    _v2_fix_tables,
    _V3_DISPATCHES,
    _V4_DISPATCH_LIFECYCLE,
    _V5_USERS_AUDIT,
    _V6_CITY_HIERARCHY,
    _v7_event_identity,
    _V8_INCIDENTS,
    _v9_subject_passes,
    _V10_AREAS,
    _v11_device_track,
)
"""Index i holds the step from schema version i to i + 1. Append only; never edit a released step."""

LATEST_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return version


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> int:
    """Bring the schema up to `target`, one transaction per step; return the version reached.

    `conn` must be in autocommit mode (isolation_level=None) so the explicit BEGIN/COMMIT here rule.
    """
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise SchemaError(f"database schema v{current} is newer than this release (v{LATEST_VERSION})")
    for version in range(current, target):
        step = MIGRATIONS[version]
        conn.execute("BEGIN IMMEDIATE")
        if schema_version(conn) > version:  # another process opening the same file got there first
            conn.execute("COMMIT")
            continue
        try:
            if callable(step):
                step(conn)
            else:
                for sql in step:
                    conn.execute(sql)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return max(current, target)
