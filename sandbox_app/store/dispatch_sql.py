"""Dispatch rows and their steps in SQLite; called by `SqliteStore` inside its transaction and lock.

Two rules live here rather than in the desk, because only the database sees every writer: a guard holds at
most one active dispatch (unique partial index, migration v4, surfaced as `GuardBusy`), and an update is
refused as `StaleDispatch` when another writer has moved the dispatch on since the caller read it.
"""

from __future__ import annotations

import sqlite3
from typing import Any

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


def _insert_steps(conn: sqlite3.Connection, d: Dispatch, start: int) -> None:
    conn.executemany(
        "INSERT INTO dispatch_steps (dispatch_id, idx, state, actor, ts, note) VALUES (?, ?, ?, ?, ?, ?)",
        [(d.id, i, str(s.state), s.actor, s.ts, s.note) for i, s in enumerate(d.history) if i >= start],
    )


def holder(conn: sqlite3.Connection, guard_id: str) -> tuple[str, str] | None:
    """(dispatch id, commander) of the guard's active dispatch, if any."""
    row = conn.execute(
        f"SELECT id, data FROM dispatches d WHERE guard_id = ? AND {ACTIVE_WHERE}", (guard_id,)
    ).fetchone()
    return None if row is None else (row[0], str(orjson.loads(row[1]).get("commander", "")))


def insert(conn: sqlite3.Connection, d: Dispatch) -> None:
    """A new dispatch; `GuardBusy` when its guard is already held (checked, and enforced by the index)."""
    if d.state.holds_guard and (held := holder(conn, d.guard_id)) is not None:
        raise GuardBusy(d.guard_id, *held)
    try:
        conn.execute(f"INSERT INTO dispatches ({_COLUMNS}) VALUES ({', '.join('?' * 10)})", _row(d))
    except sqlite3.IntegrityError as exc:
        if (held := holder(conn, d.guard_id)) is not None:
            raise GuardBusy(d.guard_id, *held) from exc
        raise DispatchError(f"dispatch {d.id} already exists") from exc
    _insert_steps(conn, d, 0)


def update(conn: sqlite3.Connection, d: Dispatch) -> None:
    """Write the new steps and state; the stored history must be a prefix of `d.history`."""
    stored = conn.execute(
        "SELECT idx, state, ts FROM dispatch_steps WHERE dispatch_id = ? ORDER BY idx DESC LIMIT 1", (d.id,)
    ).fetchone()
    if stored is None:
        raise DispatchError(f"dispatch {d.id} is not in the store")
    n = stored[0] + 1
    if len(d.history) < n or (str(d.history[n - 1].state), d.history[n - 1].ts) != (stored[1], stored[2]):
        raise StaleDispatch(f"dispatch {d.id} was changed by someone else (now {stored[1]}); reload it")
    conn.execute(
        """UPDATE dispatches SET state = ?, last_ts = ?, closed_ts = ?, accepted_ts = ?, on_scene_ts = ?,
            data = ? WHERE id = ?""",
        (str(d.state), d.last_ts, d.closed_ts, d.accepted_ts, d.on_scene_ts, _data(d), d.id),
    )
    _insert_steps(conn, d, n)


def steps(conn: sqlite3.Connection, dispatch_id: str) -> list[DispatchStep]:
    rows = conn.execute(
        "SELECT state, actor, ts, note FROM dispatch_steps WHERE dispatch_id = ? ORDER BY idx", (dispatch_id,)
    )
    return [DispatchStep(DispatchState(r[0]), r[1], r[2], r[3]) for r in rows]


def select(conn: sqlite3.Connection, where: str, params: tuple[object, ...]) -> list[Dispatch]:
    """Dispatches matching `where` (on table alias d) in issue order, each with its full history."""
    rows = conn.execute(
        f"""SELECT id, alert_id, guard_id, issued_ts, data FROM dispatches d WHERE {where}
            ORDER BY issued_ts, id""",
        params,
    ).fetchall()
    history: dict[str, list[DispatchStep]] = {r[0]: [] for r in rows}
    step_sql = f"""SELECT s.dispatch_id, s.state, s.actor, s.ts, s.note FROM dispatch_steps s
                   JOIN dispatches d ON d.id = s.dispatch_id WHERE {where} ORDER BY s.dispatch_id, s.idx"""
    for s in conn.execute(step_sql, params):
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
