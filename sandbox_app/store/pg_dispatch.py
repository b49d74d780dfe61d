"""The PostgreSQL dialect of `dispatch_sql` (one implementation for both stores).

Exactly one active dispatch per guard across every station is the unique partial index
`dispatches_guard_holding`: of two transactions inserting for one guard, the second waits on the index
entry until the first commits, then fails with a unique violation, which becomes `GuardBusy` naming the
winner. Statements that may fail run inside a savepoint so the holder can still be read in the same
transaction; `select` reads one repeatable-read snapshot.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from psycopg import errors

from sandbox_app.store.dispatch_sql import ACTIVE_WHERE, Dialect

__all__ = ["ACTIVE_WHERE", "GUARD_INDEX", "POSTGRES"]

GUARD_INDEX = "dispatches_guard_holding"


def _guard_conflict(exc: Exception) -> bool:
    return isinstance(exc, errors.UniqueViolation) and exc.diag.constraint_name == GUARD_INDEX


def _savepoint(conn: Any) -> Any:
    return conn.transaction()


@contextmanager
def _snapshot(conn: Any) -> Iterator[None]:
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


POSTGRES = Dialect("%s", errors.UniqueViolation, _guard_conflict, _savepoint, _snapshot, " FOR UPDATE")
