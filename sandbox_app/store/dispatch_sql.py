"""Dispatch rows and their steps, for SQLite and PostgreSQL alike; called by a store inside its transaction
and lock, with its `Dialect`.

Two rules live here rather than in the desk, because only the database sees every writer: a guard holds at
most one active dispatch (a unique partial index, surfaced as `GuardBusy` naming the holder), and an update
is refused as `StaleDispatch` when another writer has moved the dispatch on since the caller read it. The
dialects differ only in their parameter mark, their unique-violation error, how a failed statement is kept
from aborting the caller's transaction (a savepoint in PostgreSQL), the row lock that serialises two
stations stepping one dispatch, and the snapshot the two reads of `select` share.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, Protocol

import orjson

from sandbox_app.domain.dispatch import (
    HOLDING_STATES,
    Dispatch,
    DispatchError,
    DispatchState,
    DispatchStep,
    GuardBusy,
    StaleDispatch,
)

_COLUMNS = "id, alert_id, guard_id, state, issued_ts, last_ts, closed_ts, accepted_ts, on_scene_ts, data"
ACTIVE_WHERE = "d.state IN ({})".format(", ".join(f"'{s}'" for s in sorted(HOLDING_STATES)))
"""SQL filter (table alias d) for dispatches that hold their guard."""


class Cursor(Protocol):
    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def executemany(self, sql: Any, rows: Any, /) -> Any: ...

    def close(self) -> None: ...


class Conn(Protocol):
    """What this module needs of a connection: `sqlite3.Connection` and `psycopg.Connection` both fit."""

    def execute(self, sql: Any, params: Any = ..., /) -> Any: ...

    def cursor(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Dialect:
    mark: str
    """Parameter placeholder: "?" (SQLite) or "%s" (psycopg)."""
    unique_violation: type[Exception]
    guard_conflict: Callable[[Exception], bool]
    """Whether a unique violation was the one-active-dispatch-per-guard index (not a duplicate id)."""
    savepoint: Callable[[Any], AbstractContextManager[Any]]
    """Around a statement that may fail, so the caller's transaction survives it."""
    snapshot: Callable[[Any], AbstractContextManager[Any]]
    """Around the two reads of `select`, so a step committed in between cannot join an older row."""
    lock_row: str
    """Suffix of the SELECT that locks a dispatch row before it is updated."""

    def sql(self, text: str) -> str:
        return text if self.mark == "?" else text.replace("?", self.mark)


def _none(_conn: Any) -> AbstractContextManager[Any]:
    return nullcontext()


SQLITE = Dialect("?", sqlite3.IntegrityError, lambda _exc: True, _none, _none, "")
"""SQLite: one writer under the store's lock and BEGIN IMMEDIATE, so no row lock or snapshot is needed; a
failed statement rolls back alone. Its integrity error does not name the index, so the holder is looked up."""


def _data(d: Dispatch) -> str:
    return orjson.dumps(
        {
            "device_id": d.device_id,
            "commander": d.commander,
            "lon": d.lon,
            "lat": d.lat,
            "radius_m": d.radius_m,
            "mode": d.mode,
            "eta_s": d.eta_s,
            "feedback": d.feedback,
            "photo": d.photo,
            "order_sent_ts": d.order_sent_ts,
            "order_error": d.order_error,
        }
    ).decode()


def _row(d: Dispatch) -> tuple[Any, ...]:
    return (
        d.id,
        d.alert_id,
        d.guard_id,
        str(d.state),
        d.issued_ts,
        d.last_ts,
        d.closed_ts,
        d.accepted_ts,
        d.on_scene_ts,
        _data(d),
    )


def _insert_steps(conn: Conn, d: Dispatch, start: int, dialect: Dialect) -> None:
    rows = [(d.id, i, str(s.state), s.actor, s.ts, s.note) for i, s in enumerate(d.history) if i >= start]
    if rows:
        cur = conn.cursor()
        try:
            cur.executemany(
                dialect.sql(
                    "INSERT INTO dispatch_steps (dispatch_id, idx, state, actor, ts, note) "
                    "VALUES (?, ?, ?, ?, ?, ?)"
                ),
                rows,
            )
        finally:
            cur.close()


def holder(conn: Conn, guard_id: str, dialect: Dialect = SQLITE) -> tuple[str, str] | None:
    """(dispatch id, commander) of the guard's active dispatch, if any."""
    row = conn.execute(
        dialect.sql(f"SELECT id, data FROM dispatches d WHERE guard_id = ? AND {ACTIVE_WHERE}"), (guard_id,)
    ).fetchone()
    return None if row is None else (str(row[0]), str(orjson.loads(row[1]).get("commander") or ""))


def insert(conn: Conn, d: Dispatch, dialect: Dialect = SQLITE) -> None:
    """A new dispatch; `GuardBusy` when its guard is already held (enforced by the index)."""
    try:
        with dialect.savepoint(conn):  # a failed insert must not abort the caller's transaction
            conn.execute(
                dialect.sql(f"INSERT INTO dispatches ({_COLUMNS}) VALUES ({', '.join('?' * 10)})"), _row(d)
            )
    except dialect.unique_violation as exc:
        if dialect.guard_conflict(exc) and (held := holder(conn, d.guard_id, dialect)) is not None:
            raise GuardBusy(d.guard_id, *held) from exc
        raise DispatchError(f"dispatch {d.id} already exists") from exc
    _insert_steps(conn, d, 0, dialect)


def update(conn: Conn, d: Dispatch, dialect: Dialect = SQLITE) -> None:
    """Write the new steps and state; the stored history must be a prefix of `d.history`.

    The dispatch row is locked first (PostgreSQL: FOR UPDATE), so of two stations stepping one dispatch at
    once the second reads the first's committed steps and is refused as stale, never interleaved."""
    locked = conn.execute(dialect.sql(f"SELECT 1 FROM dispatches WHERE id = ?{dialect.lock_row}"), (d.id,))
    if locked.fetchone() is None:
        raise DispatchError(f"dispatch {d.id} is not in the store")
    stored = conn.execute(
        dialect.sql(
            "SELECT idx, state, ts FROM dispatch_steps WHERE dispatch_id = ? ORDER BY idx DESC LIMIT 1"
        ),
        (d.id,),
    ).fetchone()
    if stored is None:
        raise DispatchError(f"dispatch {d.id} has no steps")
    n = int(stored[0]) + 1
    if len(d.history) < n or (str(d.history[n - 1].state), d.history[n - 1].ts) != (stored[1], stored[2]):
        raise StaleDispatch(f"dispatch {d.id} was changed by someone else (now {stored[1]}); reload it")
    try:
        with dialect.savepoint(conn):
            conn.execute(
                dialect.sql(
                    """UPDATE dispatches SET state = ?, last_ts = ?, closed_ts = ?, accepted_ts = ?,
                    on_scene_ts = ?, data = ? WHERE id = ?"""
                ),
                (str(d.state), d.last_ts, d.closed_ts, d.accepted_ts, d.on_scene_ts, _data(d), d.id),
            )
    except dialect.unique_violation as exc:  # back to a holding state while another dispatch holds the guard
        held = holder(conn, d.guard_id, dialect)
        raise GuardBusy(d.guard_id, *(held or ("?", ""))) from exc
    _insert_steps(conn, d, n, dialect)


def steps(conn: Conn, dispatch_id: str, dialect: Dialect = SQLITE) -> list[DispatchStep]:
    rows = conn.execute(
        dialect.sql("SELECT state, actor, ts, note FROM dispatch_steps WHERE dispatch_id = ? ORDER BY idx"),
        (dispatch_id,),
    ).fetchall()
    return [DispatchStep(DispatchState(r[0]), r[1], r[2], r[3]) for r in rows]


def select(conn: Conn, where: str, params: tuple[object, ...], dialect: Dialect = SQLITE) -> list[Dispatch]:
    """Dispatches matching `where` (on table alias d, in the dialect's marks) in issue order, each with its
    full history; both reads see one snapshot."""
    with dialect.snapshot(conn):
        rows = conn.execute(
            f"""SELECT id, alert_id, guard_id, issued_ts, data FROM dispatches d WHERE {where}
                ORDER BY issued_ts, id""",
            params,
        ).fetchall()
        history: dict[str, list[DispatchStep]] = {r[0]: [] for r in rows}
        step_sql = f"""SELECT s.dispatch_id, s.state, s.actor, s.ts, s.note FROM dispatch_steps s
                       JOIN dispatches d ON d.id = s.dispatch_id WHERE {where}
                       ORDER BY s.dispatch_id, s.idx"""
        for s in conn.execute(step_sql, params).fetchall():
            if s[0] in history:
                history[s[0]].append(DispatchStep(DispatchState(s[1]), s[2], s[3], s[4]))
    return [_from_row(r, history[r[0]]) for r in rows]


def _from_row(r: tuple[Any, ...], history: list[DispatchStep]) -> Dispatch:
    data = orjson.loads(r[4])
    return Dispatch(
        id=r[0],
        alert_id=r[1],
        guard_id=r[2],
        device_id=data["device_id"],
        commander=data["commander"],
        issued_ts=r[3],
        lon=data["lon"],
        lat=data["lat"],
        radius_m=data["radius_m"],
        mode=data["mode"],
        eta_s=data["eta_s"],
        feedback=data["feedback"],
        photo=data["photo"],
        order_sent_ts=data["order_sent_ts"],
        order_error=data["order_error"],
        history=history,
    )
