"""Dispatch rows in PostgreSQL: the rules of `dispatch_sql` (its row encoding is shared) in this dialect.

Exactly one active dispatch per guard across every station is the unique partial index
`dispatches_guard_holding`: of two transactions inserting for one guard, the second waits on the index
entry until the first commits, then fails with a unique violation, which becomes `GuardBusy` naming the
winner. The insert runs inside a savepoint so the holder can still be read in the same transaction.
"""

from __future__ import annotations

from psycopg import errors

from sandbox_app.domain.dispatch import (
    Dispatch,
    DispatchError,
    DispatchState,
    DispatchStep,
    GuardBusy,
    StaleDispatch,
)
from sandbox_app.store import dispatch_sql
from sandbox_app.store.pg_schema import Conn

ACTIVE_WHERE = dispatch_sql.ACTIVE_WHERE
GUARD_INDEX = "dispatches_guard_holding"
_COLUMNS = "id, alert_id, guard_id, state, issued_ts, last_ts, closed_ts, accepted_ts, on_scene_ts, data"


def _insert_steps(conn: Conn, d: Dispatch, start: int) -> None:
    rows = [(d.id, i, str(s.state), s.actor, s.ts, s.note) for i, s in enumerate(d.history) if i >= start]
    if rows:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO dispatch_steps (dispatch_id, idx, state, actor, ts, note) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                rows,
            )


def holder(conn: Conn, guard_id: str) -> tuple[str, str] | None:
    """(dispatch id, commander) of the guard's active dispatch, if any."""
    row = conn.execute(
        f"SELECT id, data::json ->> 'commander' FROM dispatches d WHERE guard_id = %s AND {ACTIVE_WHERE}",
        (guard_id,),
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1] or ""))


def insert(conn: Conn, d: Dispatch) -> None:
    """A new dispatch (inside the caller's transaction); `GuardBusy` when another one holds its guard."""
    try:
        with conn.transaction():  # a savepoint: the failed insert must not abort the caller's transaction
            conn.execute(
                f"INSERT INTO dispatches ({_COLUMNS}) VALUES ({', '.join(['%s'] * 10)})",
                dispatch_sql._row(d),
            )
    except errors.UniqueViolation as exc:
        if exc.diag.constraint_name == GUARD_INDEX and (held := holder(conn, d.guard_id)) is not None:
            raise GuardBusy(d.guard_id, *held) from exc
        raise DispatchError(f"dispatch {d.id} already exists") from exc
    _insert_steps(conn, d, 0)


def update(conn: Conn, d: Dispatch) -> None:
    """Write the new steps and state; the stored history must be a prefix of `d.history`.

    The dispatch row is locked first (FOR UPDATE), so of two stations stepping one dispatch at once the
    second reads the first's committed steps and is refused as stale, never interleaved."""
    locked = conn.execute("SELECT 1 FROM dispatches WHERE id = %s FOR UPDATE", (d.id,)).fetchone()
    if locked is None:
        raise DispatchError(f"dispatch {d.id} is not in the store")
    stored = conn.execute(
        "SELECT idx, state, ts FROM dispatch_steps WHERE dispatch_id = %s ORDER BY idx DESC LIMIT 1", (d.id,)
    ).fetchone()
    if stored is None:
        raise DispatchError(f"dispatch {d.id} has no steps")
    n = int(stored[0]) + 1
    if len(d.history) < n or (str(d.history[n - 1].state), d.history[n - 1].ts) != (stored[1], stored[2]):
        raise StaleDispatch(f"dispatch {d.id} was changed by someone else (now {stored[1]}); reload it")
    try:
        with conn.transaction():
            conn.execute(
                """UPDATE dispatches SET state = %s, last_ts = %s, closed_ts = %s, accepted_ts = %s,
                    on_scene_ts = %s, data = %s WHERE id = %s""",
                (
                    str(d.state),
                    d.last_ts,
                    d.closed_ts,
                    d.accepted_ts,
                    d.on_scene_ts,
                    dispatch_sql._data(d),
                    d.id,
                ),
            )
    except errors.UniqueViolation as exc:  # back to a holding state while another dispatch holds the guard
        held = holder(conn, d.guard_id)
        raise GuardBusy(d.guard_id, *(held or ("?", ""))) from exc
    _insert_steps(conn, d, n)


def steps(conn: Conn, dispatch_id: str) -> list[DispatchStep]:
    rows = conn.execute(
        "SELECT state, actor, ts, note FROM dispatch_steps WHERE dispatch_id = %s ORDER BY idx",
        (dispatch_id,),
    ).fetchall()
    return [DispatchStep(DispatchState(r[0]), r[1], r[2], r[3]) for r in rows]


def select(conn: Conn, where: str, params: tuple[object, ...]) -> list[Dispatch]:
    """Dispatches matching `where` (on table alias d) in issue order, each with its full history.

    Both queries read one snapshot (repeatable read), so a step committed in between cannot show up in
    the history of a dispatch whose row predates it."""
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        rows = conn.execute(
            f"""SELECT id, alert_id, guard_id, issued_ts, data FROM dispatches d WHERE {where}
                ORDER BY issued_ts, id""",
            params,
        ).fetchall()
        history: dict[str, list[DispatchStep]] = {r[0]: [] for r in rows}
        step_sql = f"""SELECT s.dispatch_id, s.state, s.actor, s.ts, s.note FROM dispatch_steps s
                       JOIN dispatches d ON d.id = s.dispatch_id WHERE {where}
                       ORDER BY s.dispatch_id, s.idx"""
        for s in conn.execute(step_sql, params):
            if s[0] in history:
                history[s[0]].append(DispatchStep(DispatchState(s[1]), s[2], s[3], s[4]))
    return [dispatch_sql._from_row(r, history[r[0]]) for r in rows]
