"""The privacy tables' own connection to the store's SQLite file.

Users and the audit log live in the same database as the events (migration v5), but they are written rarely
and from wherever a person acts (GUI, CLI), so they get their own short-lived connection instead of
borrowing the store's: the engine's hot append path stays untouched, and WAL lets both write the one file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sandbox_app.store.migrations import migrate
from sandbox_app.store.private_files import prepare_sqlite

BUSY_TIMEOUT_MS = 10_000
"""How long a write waits for the engine's append transaction to finish before giving up."""


def connect(path: str | Path) -> sqlite3.Connection:
    """An autocommit connection with the schema brought up to date (creating the file if needed)."""
    prepare_sqlite(path)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn)
    return conn
