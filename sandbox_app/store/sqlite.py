"""The embedded store: one SQLite file in WAL mode for one office.

Thread rule: one connection per `SqliteStore`, shared by every thread that holds the object and serialised by
a lock, because the engine writes off the UI thread while panels read. Iterators (`events_between`) take the
lock per page, never across a `yield`, so a slow consumer cannot stall the writer.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import orjson

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchStep
from sandbox_app.domain.events import Event
from sandbox_app.domain.incidents import Incident
from sandbox_app.domain.model import District
from sandbox_app.domain.passes import PASS_FIELDS
from sandbox_app.store import codec, dispatch_sql, incident_sql
from sandbox_app.store.base import Fix, SubjectMatch, subject_rows
from sandbox_app.store.dedupe import EventIds, conflicts, keys_of
from sandbox_app.store.keyframes import Keyframes, last_fixes
from sandbox_app.store.migrations import (
    DEVICE_TRACK_SEQ_KEY,
    FOLD_DEVICE_TRACK,
    INDEX_PASSES,
    SET_DEVICE_TRACK_SEQ,
    migrate,
)
from sandbox_app.store.private_files import prepare_sqlite
from sandbox_app.store.queries import Db

_log = logging.getLogger(__name__)
_PAGE = 5_000
PAGE_SIZE = 8192
WAL_CHECKPOINT_PAGES = 8192
CACHE_KIB = 65_536
"""The page cache of a connection that ingests or reads history in bulk (SQLite's default is 2 MiB)."""
LONG_RUNNING_CACHE_KIB = 8_192
LONG_RUNNING_SEAL_EVERY = 20_000
"""A window that stays up for weeks (issue 17, the wall soak): its writer's page cache keeps every page it
writes until the cache is full, so 64 MiB grew the process ~4 MB a minute for a quarter of an hour at the
simulator's 10x; and every id since the last seal sits in memory (the demo's 30-day history alone left
133 k, ~15 MB, loaded at each start). A live feed's appends need neither: its batches are small."""
_INSERT_EVENT = "INSERT INTO events (id, ts, device, kind, lon, lat, data) VALUES (?, ?, ?, ?, ?, ?, ?)"
_ROWS_PER_INSERT = 1000
_INSERT_EVENTS = _INSERT_EVENT + ", (?, ?, ?, ?, ?, ?, ?)" * (_ROWS_PER_INSERT - 1)
"""One statement per 1,000 rows (7,000 parameters, under SQLite's 32,766): ~25 % cheaper per row than
`executemany` of the one-row statement, which steps the VM once per row (measured, 300 k events)."""
_EVENT_COLUMNS = "seq, id, ts, device, kind, lon, lat, data"
_CHUNK_TS = 30_000
_EVENT_COLUMNS_E = "e.seq, e.id, e.ts, e.device, e.kind, e.lon, e.lat, e.data"


def _chunks(values: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


"""Times per IN (...) lookup of repeats (SQLite allows 32,766 host parameters)."""
_by_ts = attrgetter("ts")


def _rows(events: Sequence[Event]) -> list[tuple[str, int, str, str, float | None, float | None, str]]:
    """Insert parameters, built in one comprehension: this loop runs once per stored event."""
    dumps = orjson.dumps
    return [
        (e.id, e.ts, e.device, e.kind, e.lon, e.lat, dumps(e.data).decode() if e.data else "{}")
        for e in events
    ]


def _insert_events(conn: sqlite3.Connection, rows: Sequence[tuple[object, ...]]) -> None:
    """Insert rows in log order: full blocks by the many-row statement, the rest one row at a time."""
    whole = len(rows) - len(rows) % _ROWS_PER_INSERT
    for start in range(0, whole, _ROWS_PER_INSERT):
        conn.execute(_INSERT_EVENTS, list(chain.from_iterable(rows[start : start + _ROWS_PER_INSERT])))
    if whole < len(rows):
        conn.executemany(_INSERT_EVENT, rows[whole:])


DEVICE_TRACK_SQL = f"""
    SELECT {_EVENT_COLUMNS_E} FROM device_track t JOIN events e ON e.seq = t.seq
    WHERE t.device = ? AND t.ts >= ? AND t.ts <= ? ORDER BY t.ts, t.seq LIMIT ?"""
"""A device's folded events in (ts, seq) order: one range of `device_track`'s key, each log row by seq."""
DEVICE_TAIL_SQL = f"""
    SELECT {_EVENT_COLUMNS} FROM events WHERE seq > ? AND +device = ? AND +ts >= ? AND +ts <= ?"""
"""A device's events after the last fold: the rowid range only (`+` keeps the planner off the time index)."""


def _device_track_seq(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (DEVICE_TRACK_SEQ_KEY,)).fetchone()
    return int(row[0]) if row else 0


class SqliteStore:
    """`Store` on SQLite: append-only event log, latest-fix and keyframe tables, alerts, meta."""

    def __init__(
        self,
        path: str | Path,
        *,
        seal_every: int = 200_000,
        keyframe_lag: int = 20_000,
        cache_kib: int = CACHE_KIB,
    ) -> None:
        """`seal_every`, `keyframe_lag` and `cache_kib` trade memory and seek time for append speed (tests
        shrink them; a long-running window takes `LONG_RUNNING_*`)."""
        self._lock = threading.RLock()
        self._keyframes = Keyframes(keyframe_lag)
        self._track_lag = keyframe_lag
        """Rows the log may run ahead of `device_track` before a fold (the same cadence as the keyframes)."""
        self._ids = EventIds(seal_every)
        prepare_sqlite(path)  # 0600 when new (WAL/SHM follow), a warning when an existing one is looser
        self._conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        # Takes effect only when the file is created (a no-op on an existing WAL database): 8 KiB pages cut
        # the append's B-tree work by ~25 % against the default 4 KiB (measured, 200 k events).
        self._conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        # A checkpoint (WAL copied into the file, then fsync) every 64 MiB of WAL rather than SQLite's 8 MiB
        # default: checkpoints were ~40 % of append time at ingest rates (measured, 300 k events: 6.4 → 3.9
        # µs per event). Readers are not slowed (the WAL index is a hash); the WAL file stays ≤ ~64 MiB.
        self._conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        self._conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
        self._conn.execute("PRAGMA temp_store = MEMORY")
        self.schema_version = migrate(self._conn)

    def shared_db(self) -> Db:
        """This store's connection and the lock that serialises it, for the read-only queries of
        store/queries.py (replay, case files): they then interleave safely with the writer."""
        return Db(self._conn, self._lock)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction under the lock: everything inside lands, or nothing does."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    # district ---------------------------------------------------------------------------------------
    def replace_district(self, district: District) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM district")
            conn.execute(
                "INSERT INTO district (one, name, timezone, extra) VALUES (1, ?, ?, ?)",
                (district.name, district.timezone, codec.dumps(district.extra)),
            )
            for table, columns, rows in codec.district_rows(district):
                conn.execute(f"DELETE FROM {table}")
                marks = ", ".join("?" * len(columns))
                conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def has_district(self) -> bool:
        with self._lock:
            return self._conn.execute("SELECT 1 FROM district").fetchone() is not None

    def load_district(self) -> District | None:
        with self._lock:
            head = self._conn.execute("SELECT name, timezone, extra FROM district").fetchone()
            if head is None:
                return None
            district = District(head[0], head[1], extra=codec.loads(head[2]))
            for table, (_, columns, _enc, _dec) in codec.CODECS.items():
                rows = self._conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid")
                setattr(district, table, codec.decode_entities(table, rows))
        return district

    # events -----------------------------------------------------------------------------------------
    def append_events(self, events: Sequence[Event]) -> list[Event]:
        """Store the batch's new events in one transaction; the first copy of a repeated identity (device,
        id) wins, and a repeat with different content is stored as a flagged conflict (dedupe.py)."""
        if not events:
            return []
        with self._lock:
            with self._tx() as conn:
                seq_before = self._ids.sync(conn)
                keys = keys_of(events)
                fresh = self._ids.unseen(conn, set(keys))
                new = self._ids.first_copies(events, keys, fresh)
                _insert_events(conn, _rows(new))
                if len(new) < len(events):  # repeats: redeliveries, or conflicting reports to keep
                    new, fresh = self._add_conflicts(conn, events, new, fresh)
                if any(e.kind in PASS_FIELDS for e in new):
                    conn.execute(INDEX_PASSES, (seq_before,))
                max_seq: int = conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
                self._keyframes.stage(conn, new, seq_before, max_seq)
                track_seq = _device_track_seq(conn)
                if max_seq - track_seq >= self._track_lag:
                    conn.execute(FOLD_DEVICE_TRACK, (track_seq,))
                    conn.execute(SET_DEVICE_TRACK_SEQ)
            self._keyframes.committed(max_seq)
            self._ids.added(fresh, max_seq)
            if self._ids.wants_seal:
                self._seal_ids()
        return new

    def _add_conflicts(
        self, conn: sqlite3.Connection, events: Sequence[Event], new: list[Event], fresh: set[str]
    ) -> tuple[list[Event], set[str]]:
        """Compare each repeat with the stored copies of its identity (looked up by time, the log's one
        index: a true redelivery has the same time) and insert the conflicting ones."""
        kept = {id(e) for e in new}
        times = sorted({e.ts for e in events if id(e) not in kept})
        stored: list[Event] = []
        for start in range(0, len(times), _CHUNK_TS):
            chunk = times[start : start + _CHUNK_TS]
            rows = conn.execute(
                f"SELECT {_EVENT_COLUMNS} FROM events WHERE ts IN ({','.join('?' * len(chunk))})", chunk
            )
            stored.extend(Event(r[1], r[2], r[3], r[4], r[5], r[6], codec.loads(r[7])) for r in rows)
        extra = conflicts(events, new, stored)
        if not extra:
            return new, fresh
        extra_keys = keys_of(extra)
        extra_fresh = self._ids.unseen(conn, set(extra_keys))
        extra = self._ids.first_copies(extra, extra_keys, extra_fresh)
        _insert_events(conn, _rows(extra))
        self._ids.unordered()
        return sorted([*new, *extra], key=_by_ts), fresh | extra_fresh

    def _seal_ids(self) -> None:
        """Housekeeping after a durable append: a failure here must not read as a failed append."""
        try:
            with self._tx() as conn:
                self._ids.seal(conn)
            self._ids.sealed(self._conn)
        except sqlite3.Error as exc:  # retried after the next append; the ids stay in memory meanwhile
            _log.warning("sealing event ids failed, will retry: %s", exc)

    def events_between(
        self, start_ts: int, end_ts: int, kinds: Iterable[str] | None = None
    ) -> Iterator[Event]:
        cursor = (start_ts, -1)
        only = sorted(set(kinds)) if kinds is not None else None
        if only is not None and not only:
            return
        of_kinds = "" if only is None else f" AND kind IN ({', '.join('?' * len(only))})"
        while True:
            with self._lock:
                rows = self._conn.execute(
                    f"""SELECT {_EVENT_COLUMNS} FROM events
                        WHERE ts <= ? AND (ts, seq) > (?, ?){of_kinds} ORDER BY ts, seq LIMIT {_PAGE}""",
                    (end_ts, cursor[0], cursor[1], *(only or ())),
                ).fetchall()
            for r in rows:
                yield Event(r[1], r[2], r[3], r[4], r[5], r[6], codec.loads(r[7]))
            if len(rows) < _PAGE:
                return
            cursor = (rows[-1][2], rows[-1][0])

    def subject_events(
        self, start_ts: int, end_ts: int, match: SubjectMatch, devices: Sequence[str], limit: int
    ) -> list[Event]:
        """Passes through the `subject_passes` index (a probe per subject, however long the log), a
        device's own events (a guard's GPS fixes) through `device_track` and the log's unfolded tail; merged
        in log order."""
        values = sorted({v for _key, vals in match.values() for v in vals})
        rows: list[tuple[Any, ...]] = []
        with self._lock:
            for chunk in _chunks(values, _CHUNK_TS):
                rows += self._conn.execute(
                    f"""SELECT {_EVENT_COLUMNS_E} FROM subject_passes p JOIN events e ON e.seq = p.seq
                        WHERE p.subject IN ({", ".join("?" * len(chunk))}) AND p.ts >= ? AND p.ts <= ?""",
                    (*chunk, start_ts, end_ts),
                ).fetchall()
            folded = _device_track_seq(self._conn) if devices else 0
            for device in sorted(set(devices)):
                # what `device_track` holds (migration v11): one range of its key per device ...
                rows += self._conn.execute(
                    DEVICE_TRACK_SQL, (device, start_ts, end_ts, int(limit))
                ).fetchall()
                # ... and the log's tail after the last fold, by rowid (a fold's worth of rows at most; no
                # ORDER BY, which would walk the whole time index; `subject_rows` sorts and cuts). A fold
                # by another writer in between only repeats rows, which `subject_rows` reads once.
                rows += self._conn.execute(DEVICE_TAIL_SQL, (folded, device, start_ts, end_ts)).fetchall()
        return subject_rows(rows, match, devices, limit, codec.loads)

    def kind_counts(self, start_ts: int, end_ts: int, kinds: Sequence[str]) -> dict[tuple[str, str], int]:
        if not kinds:
            return {}
        sql = f"""SELECT kind, device, count(*) FROM events WHERE ts >= ? AND ts < ?
                  AND kind IN ({", ".join("?" * len(kinds))}) GROUP BY kind, device"""
        with self._lock:
            rows = self._conn.execute(sql, (start_ts, end_ts, *kinds)).fetchall()
        return {(str(r[0]), str(r[1])): int(r[2]) for r in rows}

    def last_fixes(self, at_ts: int) -> dict[str, Fix]:
        """Each device's last unflagged fix at or before at_ts; cost independent of history length."""
        with self._lock:
            return last_fixes(self._conn, at_ts)

    def event_count(self) -> int:
        with self._lock:
            count: int = self._conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return count

    def last_event_ts(self) -> int | None:
        """The latest event time in the log, e.g. to resume the engine clock after a restart."""
        with self._lock:
            ts: int | None = self._conn.execute("SELECT max(ts) FROM events").fetchone()[0]
        return ts

    # alerts -----------------------------------------------------------------------------------------
    def upsert_alerts(self, alerts: Iterable[Alert]) -> None:
        batch = list(alerts)
        if not batch:
            return
        cols = codec.ALERT_COLUMNS
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
        sql = (
            f"INSERT INTO alerts ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}"
        )
        with self._tx() as conn:
            conn.executemany(sql, [codec.alert_row(a) for a in batch])
            conn.executemany("DELETE FROM alert_steps WHERE alert_id = ?", [(a.id,) for a in batch])
            steps = [row for a in batch for row in codec.step_rows(a)]
            conn.executemany("INSERT INTO alert_steps VALUES (?, ?, ?, ?, ?, ?)", steps)

    def alerts(self) -> list[Alert]:
        return self._select_alerts("1", ())

    def alerts_open_at(self, at_ts: int) -> list[Alert]:
        return self._select_alerts("first_ts <= ? AND (closed_ts IS NULL OR closed_ts > ?)", (at_ts, at_ts))

    def get_alert(self, alert_id: str) -> Alert | None:
        found = self._select_alerts("id = ?", (alert_id,))
        return found[0] if found else None

    def _select_alerts(self, where: str, params: tuple[object, ...]) -> list[Alert]:
        cols = ", ".join(f"a.{c}" for c in codec.ALERT_COLUMNS)
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {cols} FROM alerts a WHERE {where} ORDER BY first_ts, id", params
            ).fetchall()
            steps: dict[str, list[codec.Row]] = {r[0]: [] for r in rows}
            step_sql = f"""SELECT s.alert_id, s.state, s.actor, s.ts, s.note FROM alert_steps s
                           JOIN alerts a ON a.id = s.alert_id WHERE {where} ORDER BY s.alert_id, s.idx"""
            for s in self._conn.execute(step_sql, params):
                steps[s[0]].append(s[1:])
        return [codec.alert_from_row(r, steps[r[0]]) for r in rows]

    # dispatches (SQL in dispatch_sql.py) ---------------------------------------------------------------
    def create_dispatch(self, dispatch: Dispatch) -> None:
        with self._tx() as conn:
            dispatch_sql.insert(conn, dispatch)

    def update_dispatch(self, dispatch: Dispatch) -> None:
        with self._tx() as conn:
            dispatch_sql.update(conn, dispatch)

    def dispatches(self, active_only: bool = False, alert_id: str | None = None) -> list[Dispatch]:
        where = [dispatch_sql.ACTIVE_WHERE] if active_only else ["1"]
        if alert_id is not None:
            where.append("d.alert_id = ?")
        with self._lock:
            return dispatch_sql.select(
                self._conn, " AND ".join(where), () if alert_id is None else (alert_id,)
            )

    def get_dispatch(self, dispatch_id: str) -> Dispatch | None:
        with self._lock:
            found = dispatch_sql.select(self._conn, "d.id = ?", (dispatch_id,))
        return found[0] if found else None

    def dispatch_steps(self, dispatch_id: str) -> list[DispatchStep]:
        with self._lock:
            return dispatch_sql.steps(self._conn, dispatch_id)

    # incidents (SQL in incident_sql.py) ---------------------------------------------------------------
    def add_incident(self, incident: Incident) -> tuple[Incident, bool]:
        """Store a new incident; a redelivery (same source and source_ref) returns the stored one."""
        with self._tx() as conn:
            return incident_sql.insert(conn, incident, "?")

    def update_incident(self, incident: Incident) -> None:
        with self._tx() as conn:
            incident_sql.update(conn, incident, "?")

    def incidents(self, open_only: bool = False) -> list[Incident]:
        with self._lock:
            return incident_sql.select(self._conn, "state = 'open'" if open_only else "1", ())

    def get_incident(self, incident_id: str) -> Incident | None:
        with self._lock:
            found = incident_sql.select(self._conn, "id = ?", (incident_id,))
        return found[0] if found else None

    # engine bookkeeping -----------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                (key, value, value),
            )
