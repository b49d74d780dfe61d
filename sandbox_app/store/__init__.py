"""Persistence behind one `Store` interface: SQLite embedded default, PostgreSQL later."""

from __future__ import annotations

from pathlib import Path

from sandbox_app.store.base import Fix, Store


def open_store(path: str | Path) -> Store:
    """The store for `path`: today always the embedded SQLite file (":memory:" for a throwaway one)."""
    from sandbox_app.store.sqlite import SqliteStore

    return SqliteStore(path)


__all__ = ["Fix", "Store", "open_store"]
