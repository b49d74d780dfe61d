"""The city-scale store: PostgreSQL + PostGIS behind the same `Store` interface as `SqliteStore`.

Many stations share one database, so the rules that matter across clients live in the server: event
identities (device, id) are unique through `event_ids` (a repeat from another station is claimed by ON
CONFLICT, not by a Python set), one active dispatch per guard is a unique partial index, and every alert
or dispatch change lands in the `changes` feed (pg_schema.py) that `sandbox_app.station.sync` fans out.

Appends are COPY into a per-connection temp table, then one statement moves the new rows into the
month-partitioned log and folds the fixes into `latest_fix` and `fix_keyframes` server-side, so a batch
costs a few round trips whatever its size. Thread rule as in SQLite: one connection per store object,
serialised by a lock; iterators take it per page.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from typing import Any, Literal

import orjson
import psycopg

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchStep
from sandbox_app.domain.events import Event
from sandbox_app.domain.incidents import Incident
from sandbox_app.domain.model import District
from sandbox_app.store import codec, dispatch_sql, incident_sql
from sandbox_app.store.base import Fix, SubjectMatch, subject_rows
from sandbox_app.store.dedupe import EventIds, conflicts, event_key, keys_of
from sandbox_app.store.migrations import KEYFRAME_MS
from sandbox_app.store.pg_dispatch import POSTGRES
from sandbox_app.store.pg_schema import (
    CURRENT_FIX,
    PASS_SUBJECT_SQL,
    Conn,
    ensure_partitions,
    migrate,
    months_of,
)

_log = logging.getLogger(__name__)
_PAGE = 5_000
_EVENT_COLUMNS = "seq, id, ts, device, kind, lon, lat, data::text"
_EVENT_COLUMNS_E = "e.seq, e.id, e.ts, e.device, e.kind, e.lon, e.lat, e.data::text"
_GEOMETRY = {"boundary", "footprint", "location", "line"}
"""Columns the codec hands over as WKB: PostGIS geometry in SRID 4326 on the server."""

_STAGE = """CREATE TEMP TABLE IF NOT EXISTS stage_events (
    ord INTEGER NOT NULL, id TEXT NOT NULL, ts BIGINT NOT NULL, device TEXT NOT NULL, kind TEXT NOT NULL,
    lon DOUBLE PRECISION, lat DOUBLE PRECISION, data JSONB NOT NULL) ON COMMIT DELETE ROWS"""
_COPY = "COPY stage_events (ord, id, ts, device, kind, lon, lat, data) FROM STDIN"
# One statement per batch: claim the ids (ON CONFLICT arbitrates between stations), insert the first copy of
# each claimed id in arrival order, then fold the batch's current fixes into the position tables. Rows are
# upserted in device order so two stations appending at once lock them in the same order (no deadlock).
_MOVE = f"""
WITH fresh AS (
    INSERT INTO event_ids (device, id) SELECT DISTINCT device, id FROM stage_events
    ON CONFLICT DO NOTHING RETURNING device, id),
firsts AS (
    SELECT DISTINCT ON (s.device, s.id) s.* FROM stage_events s JOIN fresh USING (device, id)
    ORDER BY s.device, s.id, s.ord),
ins AS (
    INSERT INTO events (id, ts, device, kind, lon, lat, data)
    SELECT id, ts, device, kind, lon, lat, data FROM firsts ORDER BY ord
    RETURNING seq, id, ts, device, lon, lat, ({CURRENT_FIX}) AS current_fix, {PASS_SUBJECT_SQL} AS subject),
passes AS (
    INSERT INTO subject_passes (subject, ts, seq)
    SELECT subject, ts, seq FROM ins WHERE subject IS NOT NULL ON CONFLICT DO NOTHING),
keyframes AS (
    INSERT INTO fix_keyframes (device, bucket, ts, lon, lat)
    SELECT DISTINCT ON (device, ts / {KEYFRAME_MS}) device, ts / {KEYFRAME_MS}, ts, lon, lat
    FROM ins WHERE current_fix ORDER BY device, ts / {KEYFRAME_MS}, ts DESC, seq DESC
    ON CONFLICT (device, bucket) DO UPDATE SET ts = excluded.ts, lon = excluded.lon, lat = excluded.lat
    WHERE excluded.ts >= fix_keyframes.ts),
latest AS (
    INSERT INTO latest_fix (device, ts, lon, lat)
    SELECT DISTINCT ON (device) device, ts, lon, lat
    FROM ins WHERE current_fix ORDER BY device, ts DESC, seq DESC
    ON CONFLICT (device) DO UPDATE SET ts = excluded.ts, lon = excluded.lon, lat = excluded.lat
    WHERE excluded.ts >= latest_fix.ts)
SELECT id, device FROM ins"""
_KEYFRAMES_BEFORE = """
    SELECT d.device, k.ts, k.lon, k.lat FROM latest_fix d CROSS JOIN LATERAL (
        SELECT ts, lon, lat FROM fix_keyframes
        WHERE device = d.device AND bucket < %s ORDER BY bucket DESC LIMIT 1) k"""
_FIXES_IN_WINDOW = f"""
    SELECT device, ts, lon, lat FROM events WHERE ts >= %s AND ts <= %s AND {CURRENT_FIX} ORDER BY ts, seq"""


def _ewkb_hex(wkb: Any) -> str | None:
    """WKB → hex EWKB in SRID 4326, the text form COPY hands to a `geometry(..., 4326)` column.

    EWKB is WKB with a flag in the type word and the SRID after it; patching the bytes avoids a round trip
    through GEOS per geometry."""
    if wkb is None:
        return None
    raw = bytes(wkb)
    order: Literal["little", "big"] = "little" if raw[0] == 1 else "big"
    kind = int.from_bytes(raw[1:5], order) | 0x20000000
    return (raw[:1] + kind.to_bytes(4, order) + (4326).to_bytes(4, order) + raw[5:]).hex()


class PostgresStore:
    """`Store` on PostgreSQL/PostGIS; `url` is a libpq URL (`postgresql://user@host:port/db?...`)."""

    def __init__(self, url: str, *, station: str = "", connect_timeout_s: int = 10) -> None:
        """`station` names this client in the change feed (the connection's application_name)."""
        self.url = url
        self.station = station
        self._lock = threading.RLock()
        self._conn: Conn = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout_s)
        if station:
            self._conn.execute("SELECT set_config('application_name', %s, false)", (station,))
        try:
            self.schema_version = migrate(self._conn)
            self._conn.execute(_STAGE)
        except BaseException:
            self._conn.close()
            raise
        self._partitions: set[tuple[int, int, str]] = set()
        self._listeners: list[Callable[[str], None]] = []

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _tx(self, snapshot: bool = False) -> Iterator[Conn]:
        """One transaction under the lock; `snapshot`: every statement reads the same snapshot."""
        with self._lock, self._conn.transaction():
            if snapshot:
                self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield self._conn

    # change notification (sync.py) --------------------------------------------------------------------
    def add_change_listener(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Call `listener(kind)` ("alert" or "dispatch") after this client committed such a change."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _changed(self, kind: str) -> None:
        for listener in list(self._listeners):
            try:
                listener(kind)
            except Exception:  # a broken notifier must never fail a committed write
                _log.exception("change listener failed")

    def changes_since(self, seq: int, limit: int = 10_000) -> list[tuple[int, str, str, str]]:
        """(seq, kind, entity id, station) of the alert and dispatch changes after `seq`, in commit order."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT seq, kind, entity_id, station FROM changes WHERE seq > %s ORDER BY seq LIMIT %s",
                (seq, limit),
            ).fetchall()
        return [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]

    def last_change_seq(self) -> int:
        with self._lock:
            row = self._conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
        return int(row[0]) if row else 0

    # district ---------------------------------------------------------------------------------------
    def replace_district(self, district: District) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM district")
            conn.execute(
                "INSERT INTO district (one, name, timezone, extra) VALUES (1, %s, %s, %s)",
                (district.name, district.timezone, codec.dumps(district.extra)),
            )
            for table, columns, rows in codec.district_rows(district):
                conn.execute(f"DELETE FROM {table}")
                geometry = {i for i, c in enumerate(columns) if c in _GEOMETRY}
                with (
                    conn.cursor() as cur,
                    cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
                ):
                    for row in rows:
                        if geometry:
                            row = tuple(_ewkb_hex(v) if i in geometry else v for i, v in enumerate(row))
                        copy.write_row(row)

    def has_district(self) -> bool:
        with self._tx(snapshot=True) as conn:
            return conn.execute("SELECT 1 FROM district").fetchone() is not None

    def load_district(self) -> District | None:
        with self._tx(snapshot=True) as conn:
            head = conn.execute("SELECT name, timezone, extra FROM district").fetchone()
            if head is None:
                return None
            district = District(head[0], head[1], extra=codec.loads(head[2]))
            for table, (_, columns, _enc, _dec) in codec.CODECS.items():
                cols = ", ".join(f"ST_AsBinary({c})" if c in _GEOMETRY else c for c in columns)
                rows = conn.execute(f"SELECT {cols} FROM {table} ORDER BY pos").fetchall()
                setattr(district, table, codec.decode_entities(table, rows))
        return district

    # events -----------------------------------------------------------------------------------------
    def append_events(self, events: Sequence[Event]) -> list[Event]:
        """Store the batch's new events in one transaction; the first copy of a repeated identity (device,
        id) wins, and a repeat with different content is stored as a flagged conflict (dedupe.py)."""
        if not events:
            return []
        with self._lock:
            months = months_of(e.ts for e in events)
            if not months <= self._partitions:
                ensure_partitions(self._conn, months - self._partitions)
                self._partitions |= months
            with self._tx() as conn:
                new = self._move(conn, events)
                if len(new) < len(events):  # repeats: redeliveries, or conflicting reports to keep
                    kept = {id(e) for e in new}
                    times = sorted({e.ts for e in events if id(e) not in kept})
                    rows = conn.execute(
                        f"SELECT {_EVENT_COLUMNS} FROM events WHERE ts = ANY(%s)", (times,)
                    ).fetchall()
                    stored = [Event(r[1], r[2], r[3], r[4], r[5], r[6], orjson.loads(r[7])) for r in rows]
                    extra = conflicts(events, new, stored)
                    if extra:
                        conn.execute("DELETE FROM stage_events")
                        new = sorted([*new, *self._move(conn, extra)], key=attrgetter("ts"))
        return new

    @staticmethod
    def _move(conn: Conn, events: Sequence[Event]) -> list[Event]:
        """COPY into the stage and move the first copy of each unclaimed identity into the log."""
        dumps = orjson.dumps
        with conn.cursor() as cur, cur.copy(_COPY) as copy:
            write = copy.write_row
            for i, e in enumerate(events):
                data = dumps(e.data).decode() if e.data else "{}"
                write((i, e.id, e.ts, e.device, e.kind, e.lon, e.lat, data))
        fresh = {event_key(str(r[0]), str(r[1])) for r in conn.execute(_MOVE).fetchall()}
        return EventIds.first_copies(events, keys_of(events), fresh)

    def events_between(
        self, start_ts: int, end_ts: int, kinds: Iterable[str] | None = None
    ) -> Iterator[Event]:
        cursor = (start_ts, -1)
        only = sorted(set(kinds)) if kinds is not None else None
        if only is not None and not only:
            return
        of_kinds = "" if only is None else " AND kind = ANY(%s)"
        sql = f"""SELECT {_EVENT_COLUMNS} FROM events WHERE ts <= %s AND ts >= %s AND (ts, seq) > (%s, %s)
                  {of_kinds} ORDER BY ts, seq LIMIT {_PAGE}"""
        loads = orjson.loads
        while True:
            params: tuple[Any, ...] = (end_ts, cursor[0], cursor[0], cursor[1])
            with self._lock:
                rows = self._conn.execute(sql, (*params, only) if only is not None else params).fetchall()
            for r in rows:
                yield Event(r[1], r[2], r[3], r[4], r[5], r[6], loads(r[7]))
            if len(rows) < _PAGE:
                return
            cursor = (rows[-1][2], rows[-1][0])

    def subject_events(
        self, start_ts: int, end_ts: int, match: SubjectMatch, devices: Sequence[str], limit: int
    ) -> list[Event]:
        """Passes through the `subject_passes` index, a device's own events (a guard's GPS fixes) through
        the (device, ts, seq) index of every month partition (migration v11)."""
        values = sorted({v for _key, vals in match.values() for v in vals})
        rows: list[tuple[Any, ...]] = []
        with self._lock:
            if values:
                rows += self._conn.execute(
                    f"""SELECT {_EVENT_COLUMNS_E} FROM subject_passes p
                        JOIN events e ON e.ts = p.ts AND e.seq = p.seq
                        WHERE p.subject = ANY(%s) AND p.ts >= %s AND p.ts <= %s""",
                    (values, start_ts, end_ts),
                ).fetchall()
            for device in sorted(set(devices)):  # one range of the (device, ts, seq) index each (v11)
                rows += self._conn.execute(
                    f"""SELECT {_EVENT_COLUMNS} FROM events
                        WHERE device = %s AND ts >= %s AND ts <= %s ORDER BY ts, seq LIMIT %s""",
                    (device, start_ts, end_ts, int(limit)),
                ).fetchall()
        return subject_rows(rows, match, devices, limit, orjson.loads)

    def kind_counts(self, start_ts: int, end_ts: int, kinds: Sequence[str]) -> dict[tuple[str, str], int]:
        if not kinds:
            return {}
        sql = """SELECT kind, device, count(*) FROM events WHERE ts >= %s AND ts < %s AND kind = ANY(%s)
                 GROUP BY kind, device"""
        with self._lock:
            rows = self._conn.execute(sql, (start_ts, end_ts, list(kinds))).fetchall()
        return {(str(r[0]), str(r[1])): int(r[2]) for r in rows}

    def last_fixes(self, at_ts: int) -> dict[str, Fix]:
        """Each device's last current fix at or before at_ts: its keyframe from the last whole minute before
        (one index probe per device), then the log within at_ts's minute."""
        start = at_ts // KEYFRAME_MS * KEYFRAME_MS
        with self._tx(snapshot=True) as conn:
            fixes = {r[0]: Fix(*r) for r in conn.execute(_KEYFRAMES_BEFORE, (start // KEYFRAME_MS,))}
            for r in conn.execute(_FIXES_IN_WINDOW, (start, at_ts)):
                fixes[r[0]] = Fix(*r)
        return fixes

    def event_count(self) -> int:
        with self._lock:
            row = self._conn.execute("SELECT count(*) FROM events").fetchone()
        return int(row[0]) if row else 0

    def last_event_ts(self) -> int | None:
        with self._lock:
            row = self._conn.execute("SELECT max(ts) FROM events").fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def events_in_box(
        self,
        start_ts: int,
        end_ts: int,
        box: tuple[float, float, float, float],
        kinds: Iterable[str] | None = None,
    ) -> list[Event]:
        """Positioned events in `box` (min lon, min lat, max lon, max lat) with start_ts <= ts <= end_ts, in
        time order: month partitions pruned by ts, rows found through the partitions' GiST index."""
        only = sorted(set(kinds)) if kinds is not None else None
        sql = f"""SELECT {_EVENT_COLUMNS} FROM events
                  WHERE ts BETWEEN %s AND %s AND geom IS NOT NULL
                    AND geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)
                    AND lon BETWEEN %s AND %s AND lat BETWEEN %s AND %s
                  {"" if only is None else "AND kind = ANY(%s)"} ORDER BY ts, seq"""
        # `&&` finds candidates by the index's float4 boxes, which may reach just past the box: the plain
        # comparison on lon/lat makes the result exact (edges included, as in SQLite's BETWEEN).
        params: tuple[Any, ...] = (start_ts, end_ts, *box, box[0], box[2], box[1], box[3])
        with self._lock:
            rows = self._conn.execute(sql, (*params, only) if only is not None else params).fetchall()
        return [Event(r[1], r[2], r[3], r[4], r[5], r[6], orjson.loads(r[7])) for r in rows]

    # alerts -----------------------------------------------------------------------------------------
    def upsert_alerts(self, alerts: Iterable[Alert]) -> None:
        batch = list(alerts)
        if not batch:
            return
        cols = codec.ALERT_COLUMNS
        updates = ", ".join(f"{c} = excluded.{c}" for c in cols[1:])
        sql = (
            f"INSERT INTO alerts ({', '.join(cols)}) VALUES ({', '.join(['%s'] * len(cols))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}"
        )
        with self._tx() as conn, conn.cursor() as cur:
            cur.executemany(sql, [codec.alert_row(a) for a in sorted(batch, key=lambda a: a.id)])
            cur.execute("DELETE FROM alert_steps WHERE alert_id = ANY(%s)", ([a.id for a in batch],))
            steps = [row for a in batch for row in codec.step_rows(a)]
            if steps:
                cur.executemany("INSERT INTO alert_steps VALUES (%s, %s, %s, %s, %s, %s)", steps)
        self._changed("alert")

    def alerts(self) -> list[Alert]:
        return self._select_alerts("true", ())

    def alerts_open_at(self, at_ts: int) -> list[Alert]:
        return self._select_alerts("first_ts <= %s AND (closed_ts IS NULL OR closed_ts > %s)", (at_ts, at_ts))

    def get_alert(self, alert_id: str) -> Alert | None:
        found = self._select_alerts("id = %s", (alert_id,))
        return found[0] if found else None

    def get_alerts(self, alert_ids: Sequence[str]) -> list[Alert]:
        return self._select_alerts("id = ANY(%s)", (list(alert_ids),))

    def _select_alerts(self, where: str, params: tuple[object, ...]) -> list[Alert]:
        cols = ", ".join(f"a.{c}" for c in codec.ALERT_COLUMNS)
        with self._tx(snapshot=True) as conn:
            rows = conn.execute(
                f"SELECT {cols} FROM alerts a WHERE {where} ORDER BY first_ts, id", params
            ).fetchall()
            steps: dict[str, list[codec.Row]] = {r[0]: [] for r in rows}
            step_sql = f"""SELECT s.alert_id, s.state, s.actor, s.ts, s.note FROM alert_steps s
                           JOIN alerts a ON a.id = s.alert_id WHERE {where} ORDER BY s.alert_id, s.idx"""
            for s in conn.execute(step_sql, params):
                steps[s[0]].append(s[1:])
        return [codec.alert_from_row(r, steps[r[0]]) for r in rows]

    # dispatches (SQL in dispatch_sql.py, dialect in pg_dispatch.py) ----------------------------------------
    def create_dispatch(self, dispatch: Dispatch) -> None:
        with self._tx() as conn:
            dispatch_sql.insert(conn, dispatch, POSTGRES)
        self._changed("dispatch")

    def update_dispatch(self, dispatch: Dispatch) -> None:
        with self._tx() as conn:
            dispatch_sql.update(conn, dispatch, POSTGRES)
        self._changed("dispatch")

    def dispatches(self, active_only: bool = False, alert_id: str | None = None) -> list[Dispatch]:
        where = [dispatch_sql.ACTIVE_WHERE] if active_only else ["true"]
        if alert_id is not None:
            where.append("d.alert_id = %s")
        with self._lock:
            return dispatch_sql.select(
                self._conn, " AND ".join(where), () if alert_id is None else (alert_id,), POSTGRES
            )

    def get_dispatch(self, dispatch_id: str) -> Dispatch | None:
        with self._lock:
            found = dispatch_sql.select(self._conn, "d.id = %s", (dispatch_id,), POSTGRES)
        return found[0] if found else None

    def dispatch_steps(self, dispatch_id: str) -> list[DispatchStep]:
        with self._lock:
            return dispatch_sql.steps(self._conn, dispatch_id, POSTGRES)

    # incidents (SQL in incident_sql.py) ---------------------------------------------------------------
    def add_incident(self, incident: Incident) -> tuple[Incident, bool]:
        """Store a new incident; a redelivery (same source and source_ref) returns the stored one."""
        with self._tx() as conn:
            conn.execute("LOCK TABLE incidents IN SHARE ROW EXCLUSIVE MODE")  # two stations, one 110 record
            return incident_sql.insert(conn, incident, "%s")

    def update_incident(self, incident: Incident) -> None:
        with self._tx() as conn:
            incident_sql.update(conn, incident, "%s")

    def incidents(self, open_only: bool = False) -> list[Incident]:
        with self._lock:
            return incident_sql.select(self._conn, "state = 'open'" if open_only else "true", ())

    def get_incident(self, incident_id: str) -> Incident | None:
        with self._lock:
            found = incident_sql.select(self._conn, "id = %s", (incident_id,))
        return found[0] if found else None

    # engine bookkeeping -----------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = %s", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._conn.execute(
                """INSERT INTO meta (key, value) VALUES (%s, %s)
                   ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
                (key, value),
            )
