"""Incident rows (migration v8) for both stores: the same SQL, only the placeholder differs.

An incident is one row; the columns are what a query filters on (state, time, type, where it came from),
the rest is the incident's JSON. `(source, source_ref)` is unique where `source_ref` is given, so a 110
record delivered twice (the sender retried after a lost reply) is stored once and the first copy wins.
"""

from __future__ import annotations

from typing import Any, Protocol

import orjson

from sandbox_app.domain.incidents import Incident, IncidentError

_COLUMNS = "id, type, subtype, state, reported_ts, source, source_ref, data"


class Cursorish(Protocol):
    def execute(self, sql: Any, params: Any = ..., /) -> Any: ...


def _row(i: Incident) -> tuple[Any, ...]:
    return (
        i.id,
        i.type.value,
        i.subtype,
        i.state.value,
        i.reported_ts,
        i.source.value,
        i.source_ref or None,
        orjson.dumps(i.to_json()).decode(),
    )


def insert(conn: Cursorish, i: Incident, mark: str) -> tuple[Incident, bool]:
    """Store `i` unless the same (source, source_ref) or id is already there; (stored incident, created)."""
    existing = _existing(conn, i, mark)
    if existing is not None:
        return existing, False
    marks = ", ".join([mark] * 8)
    conn.execute(f"INSERT INTO incidents ({_COLUMNS}) VALUES ({marks})", _row(i))
    return i, True


def _existing(conn: Cursorish, i: Incident, mark: str) -> Incident | None:
    if i.source_ref:
        found = select(conn, f"source = {mark} AND source_ref = {mark}", (i.source.value, i.source_ref))
        if found:
            return found[0]
    found = select(conn, f"id = {mark}", (i.id,))
    if found and i.source_ref and found[0].source_ref != i.source_ref:
        raise IncidentError(f"incident id {i.id} is taken by another record")
    return found[0] if found else None


def update(conn: Cursorish, i: Incident, mark: str) -> None:
    row = _row(i)
    cur = conn.execute(
        f"UPDATE incidents SET type = {mark}, subtype = {mark}, state = {mark}, data = {mark}"
        f" WHERE id = {mark}",
        (row[1], row[2], row[3], row[7], i.id),
    )
    if getattr(cur, "rowcount", 1) == 0:
        raise IncidentError(f"incident {i.id} is not in the store")


def select(conn: Cursorish, where: str, params: tuple[Any, ...]) -> list[Incident]:
    rows = conn.execute(
        f"SELECT data FROM incidents WHERE {where} ORDER BY reported_ts, id", params
    ).fetchall()
    return [Incident.from_json(orjson.loads(r[0])) for r in rows]
