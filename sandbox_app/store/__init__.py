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


def open_store(path: str | Path, *, long_running: bool = False) -> Store:
    """The store for `path`: a `postgresql://` URL opens the shared city database (PostgresStore), anything
    else the embedded SQLite file (":memory:" for a throwaway one). `long_running`: a window's live session,
    up for weeks: a SQLite file then keeps a small page cache and seals its event ids often, so the
    process's memory stays flat (the bulk ingest keeps the large ones, for append speed)."""
    if is_store_url(path):
        from sandbox_app.store.postgres import PostgresStore

        return PostgresStore(str(path))
    from sandbox_app.store.sqlite import SqliteStore

    if long_running:
        from sandbox_app.store.sqlite import LONG_RUNNING_CACHE_KIB, LONG_RUNNING_SEAL_EVERY

        return SqliteStore(path, seal_every=LONG_RUNNING_SEAL_EVERY, cache_kib=LONG_RUNNING_CACHE_KIB)
    return SqliteStore(path)


__all__ = ["Fix", "Store", "is_store_url", "open_store", "store_spec"]
