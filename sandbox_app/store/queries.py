"""Read-only queries for replay and case files, on a `SqliteStore`'s connection (or one of its own).

Kept apart from `sqlite.py` so the hot append path stays small. Every query here is bounded by the `events_ts`
index (a time window) or by small tables (alerts, dispatches): none scans the whole log. Callers hold
whatever lock guards the connection.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.events import Event
from sandbox_app.store import codec, dispatch_sql
from sandbox_app.store.migrations import CURRENT_FIX, KEYFRAME_MS
from sandbox_app.store.private_files import prepare_sqlite

TailRow = tuple[int, str, str, float | None, float | None, int]
"""(ts, device, kind, lon, lat, is_current_fix) of one logged event."""


@dataclass(frozen=True, slots=True)
class Db:
    """A connection and the lock that serialises it (the store's own, or a fresh one for a private link)."""

    conn: sqlite3.Connection
    lock: AbstractContextManager[Any]

    @classmethod
    def of_store(cls, store: object) -> Db:
        """Share a `SqliteStore`'s connection and lock (`SharedDb`): reads then interleave safely with its
        writer."""
        if not isinstance(store, SharedDb):
            raise TypeError(f"{type(store).__name__} is not a SQLite store")
        return store.shared_db()

    @classmethod
    def open(cls, path: str) -> Db:
        """A private connection to a store file: long reads then never hold the live store's lock."""
        prepare_sqlite(path)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA cache_size = -65536")
        return cls(conn, threading.RLock())

    def shrink_memory(self) -> None:
        """Free the connection's page cache (up to 64 MiB each): a replay that read the whole history
        otherwise keeps it for the life of the window."""
        with self.lock:
            self.conn.execute("PRAGMA shrink_memory")

    @classmethod
    def unlocked(cls, conn: sqlite3.Connection) -> Db:
        return cls(conn, nullcontext())


@runtime_checkable
class SharedDb(Protocol):
    """A store that lends its SQLite connection and lock to these read-only queries (`SqliteStore`)."""

    def shared_db(self) -> Db: ...


_TAIL = f"""SELECT ts, device, kind, lon, lat, CASE WHEN kind = 'gps.fix' THEN ({CURRENT_FIX}) ELSE 0 END
            FROM events WHERE ts >= ? AND ts <= ? ORDER BY ts, seq"""
_FIXES = f"""SELECT ts, device, kind, lon, lat, 1 FROM events
             WHERE ts > ? AND ts <= ? AND {CURRENT_FIX} ORDER BY ts, seq"""


def tail(db: Db, start_ts: int, end_ts: int) -> list[TailRow]:
    """Every event in [start_ts, end_ts] in log order, without its data (a seek's bounded tail)."""
    with db.lock:
        return db.conn.execute(_TAIL, (start_ts, end_ts)).fetchall()


def fixes_after(db: Db, after_ts: int, end_ts: int) -> list[TailRow]:
    """Current (unflagged) fixes with after_ts < ts <= end_ts: the look-ahead for interpolation."""
    with db.lock:
        return db.conn.execute(_FIXES, (after_ts, end_ts)).fetchall()


def events_in(
    db: Db,
    start_ts: int,
    end_ts: int,
    *,
    bbox: tuple[float, float, float, float] | None = None,
    devices: Sequence[str] = (),
    page: int = 5_000,
) -> Iterator[Event]:
    """Events in [start_ts, end_ts] in time order; with `bbox` (west, south, east, north) only those whose
    own position lies in it or whose device is in `devices` (placed devices near the place)."""
    where = "ts <= ? AND (ts, seq) > (?, ?)"
    params: list[Any] = []
    if bbox is not None:
        west, south, east, north = bbox
        marks = ", ".join("?" * len(devices)) or "NULL"
        where += f" AND ((lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?) OR device IN ({marks}))"
        params = [west, east, south, north, *devices]
    cursor = (start_ts, -1)
    while True:
        with db.lock:
            rows = db.conn.execute(
                f"""SELECT seq, id, ts, device, kind, lon, lat, data FROM events WHERE {where}
                    ORDER BY ts, seq LIMIT {page}""",
                (end_ts, cursor[0], cursor[1], *params),
            ).fetchall()
        for r in rows:
            yield Event(r[1], r[2], r[3], r[4], r[5], r[6], codec.loads(r[7]))
        if len(rows) < page:
            return
        cursor = (rows[-1][2], rows[-1][0])


def count_by_bin(
    db: Db, start_ts: int, end_ts: int, width_ms: int, offset_ms: int = 0
) -> list[tuple[int, int]]:
    """(bin index, events) in [start_ts, end_ts) for bins of `width_ms` starting `offset_ms` before
    start_ts; for short ranges (reads each event's ts from the index)."""
    with db.lock:
        return db.conn.execute(
            "SELECT (ts - ?) / ?, count(*) FROM events WHERE ts >= ? AND ts < ? GROUP BY 1",
            (start_ts - offset_ms, width_ms, start_ts, end_ts),
        ).fetchall()


def log_span(db: Db) -> tuple[int, int] | None:
    """(first ts, last ts) of the log, from the two ends of the ts index."""
    with db.lock:
        lo = db.conn.execute("SELECT min(ts) FROM events").fetchone()[0]
        hi = db.conn.execute("SELECT max(ts) FROM events").fetchone()[0]
    return None if lo is None else (int(lo), int(hi))


def alerts_overlapping(db: Db, start_ts: int, end_ts: int) -> list[Alert]:
    """Alerts raised by end_ts and not closed before start_ts, each with its full history."""
    return _alerts(db, "a.first_ts <= ? AND (a.closed_ts IS NULL OR a.closed_ts >= ?)", (end_ts, start_ts))


def alert(db: Db, alert_id: str) -> Alert | None:
    found = _alerts(db, "a.id = ?", (alert_id,))
    return found[0] if found else None


def _alerts(db: Db, where: str, params: tuple[object, ...]) -> list[Alert]:
    """Matching alerts, then the steps of just those (by primary key), so closed history is never joined."""
    cols = ", ".join(f"a.{c}" for c in codec.ALERT_COLUMNS)
    with db.lock:
        rows = db.conn.execute(
            f"SELECT {cols} FROM alerts a WHERE {where} ORDER BY first_ts, id", params
        ).fetchall()
        steps: dict[str, list[codec.Row]] = {r[0]: [] for r in rows}
        ids = list(steps)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for s in db.conn.execute(
                f"""SELECT alert_id, state, actor, ts, note FROM alert_steps
                    WHERE alert_id IN ({", ".join("?" * len(chunk))}) ORDER BY alert_id, idx""",
                chunk,
            ):
                steps[s[0]].append(s[1:])
    return [codec.alert_from_row(r, steps[r[0]]) for r in rows]


def alert_first_ts_around(db: Db, at_ts: int) -> tuple[int | None, int | None]:
    """The latest alert start strictly before at_ts and the earliest strictly after (index probes)."""
    with db.lock:
        before = db.conn.execute("SELECT max(first_ts) FROM alerts WHERE first_ts < ?", (at_ts,)).fetchone()
        after = db.conn.execute("SELECT min(first_ts) FROM alerts WHERE first_ts > ?", (at_ts,)).fetchone()
    return before[0], after[0]


def dispatches_overlapping(db: Db, start_ts: int, end_ts: int) -> list[Dispatch]:
    """Dispatches issued by end_ts and not ended before start_ts, with their full histories (the ids
    first, so the steps of long-closed dispatches are never joined)."""
    with db.lock:
        ids = [
            r[0]
            for r in db.conn.execute(
                "SELECT id FROM dispatches WHERE issued_ts <= ? AND (closed_ts IS NULL OR closed_ts >= ?)",
                (end_ts, start_ts),
            )
        ]
        out: list[Dispatch] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            out += dispatch_sql.select(db.conn, f"d.id IN ({', '.join('?' * len(chunk))})", tuple(chunk))
    return sorted(out, key=lambda d: (d.issued_ts, d.id))


def dispatches_for(db: Db, alert_id: str) -> list[Dispatch]:
    with db.lock:
        return dispatch_sql.select(db.conn, "d.alert_id = ?", (alert_id,))


Fix3 = tuple[int, float, float]
"""(ts, lon, lat) of one fix."""


def keyframes_before(db: Db, devices: Sequence[str], bucket: int) -> dict[str, Fix3]:
    """Each device's keyframe from the last minute bucket before `bucket` (one index probe per device)."""
    out: dict[str, Fix3] = {}
    with db.lock:
        for device in devices:
            row = db.conn.execute(
                """SELECT ts, lon, lat FROM fix_keyframes WHERE device = ? AND bucket < ?
                   ORDER BY bucket DESC LIMIT 1""",
                (device, bucket),
            ).fetchone()
            if row is not None:
                out[device] = (int(row[0]), float(row[1]), float(row[2]))
    return out


def keyframes_between(
    db: Db, devices: Sequence[str], first_bucket: int, end_bucket: int
) -> list[tuple[str, Fix3]]:
    """(device, fix) of the keyframes in minute buckets [first_bucket, end_bucket), by device and time."""
    if end_bucket <= first_bucket or not devices:
        return []
    marks = ", ".join("?" * len(devices))
    with db.lock:
        rows = db.conn.execute(
            f"""SELECT device, ts, lon, lat FROM fix_keyframes
                WHERE device IN ({marks}) AND bucket >= ? AND bucket < ? ORDER BY device, bucket""",
            (*devices, first_bucket, end_bucket),
        ).fetchall()
    return [(r[0], (int(r[1]), float(r[2]), float(r[3]))) for r in rows]


def keyframe_after(db: Db, device: str, after_ts: int) -> tuple[int, int] | None:
    """(bucket, ts) of the first minute bucket holding a fix of `device` later than after_ts."""
    with db.lock:
        row = db.conn.execute(
            """SELECT bucket, ts FROM fix_keyframes WHERE device = ? AND bucket >= ? AND ts > ?
               ORDER BY bucket LIMIT 1""",
            (device, after_ts // KEYFRAME_MS, after_ts),
        ).fetchone()
    return None if row is None else (int(row[0]), int(row[1]))


def unfolded_fixes(db: Db, folded: int, before_ts: int) -> list[TailRow]:
    """Current fixes not yet folded into keyframes (seq > folded) with ts < before_ts, in log order."""
    with db.lock:
        return db.conn.execute(
            f"""SELECT ts, device, kind, lon, lat, 1 FROM events
                WHERE seq > ? AND +ts < ? AND {CURRENT_FIX} ORDER BY seq""",
            (folded, before_ts),
        ).fetchall()


def seq_span_min_ts(db: Db, after_seq: int, through_seq: int) -> int | None:
    """The earliest event time among seq in (after_seq, through_seq] (a rowid range read)."""
    with db.lock:
        row = db.conn.execute(
            "SELECT min(ts) FROM events WHERE seq > ? AND seq <= ?", (after_seq, through_seq)
        ).fetchone()
    return None if row[0] is None else int(row[0])
