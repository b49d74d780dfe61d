"""Persistence behind one `Store` interface: SQLite embedded default, PostgreSQL/PostGIS for a city."""

from __future__ import annotations

from pathlib import Path

from sandbox_app.store.base import Fix, Store


def open_store(path: str | Path) -> Store:
    """The store for `path`: a `postgresql://` URL opens the shared city database (PostgresStore), anything
    else the embedded SQLite file (":memory:" for a throwaway one)."""
    if isinstance(path, str) and path.startswith(("postgresql://", "postgres://")):
        from sandbox_app.store.postgres import PostgresStore

        return PostgresStore(path)
    from sandbox_app.store.sqlite import SqliteStore

    return SqliteStore(path)


__all__ = ["Fix", "Store", "open_store"]
