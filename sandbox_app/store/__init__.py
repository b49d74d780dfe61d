"""Persistence behind one `Store` interface: SQLite embedded default, PostgreSQL/PostGIS for a city."""

from __future__ import annotations

from pathlib import Path

from sandbox_app.store.base import Fix, Store


def is_store_url(spec: str | Path) -> bool:
    """A shared-database URL (PostgreSQL) rather than an embedded file path."""
    return isinstance(spec, str) and spec.startswith(("postgresql://", "postgres://"))


def local_file(db: str | Path | None, audit: str | Path | None = None) -> str | None:
    """The station's local SQLite file (users, audit log, [phone] enrolments): `audit` when given, else the
    store itself when it is a file; None on a PostgreSQL store without one (the CLI's `--audit`/`--db` rule,
    shared by `sandbox-app serve`, `sandbox-app phone` and the GUI's live session)."""
    if audit:
        return str(audit)
    if db is None or is_store_url(db):
        return None
    return str(db)


def store_spec(value: str) -> str | Path:
    """argparse `type=` for `--store` / `--db`: a `postgresql://` URL stays text, anything else is a path."""
    return value if is_store_url(value) else Path(value)


def open_store(path: str | Path) -> Store:
    """The store for `path`: a `postgresql://` URL opens the shared city database (PostgresStore), anything
    else the embedded SQLite file (":memory:" for a throwaway one)."""
    if is_store_url(path):
        from sandbox_app.store.postgres import PostgresStore

        return PostgresStore(str(path))
    from sandbox_app.store.sqlite import SqliteStore

    return SqliteStore(path)


__all__ = ["Fix", "Store", "is_store_url", "open_store", "store_spec"]
