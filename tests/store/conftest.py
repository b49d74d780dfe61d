"""Store fixtures over both backends: the embedded SQLite file and a real PostgreSQL/PostGIS server.

`store` is one open store (SQLite in three tunings of its id and keyframe tiers, plus PostgreSQL);
`opener` opens further stores on the same database, for reopen and two-writer tests. Backend-specific
tuning keywords (SQLite's `seal_every`, `keyframe_lag`) are dropped for PostgreSQL, which has no tiers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sandbox_app.store.base import Store
from sandbox_app.store.sqlite import SqliteStore

Opener = Callable[..., Any]

_SQLITE_TUNING = {"sqlite": (200_000, 20_000), "sqlite-seal-fold-each": (2, 1), "sqlite-mixed": (3, 4)}


def _opener(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Opener]:
    opened: list[Store] = []
    if backend == "postgres":
        from sandbox_app.store.postgres import PostgresStore

        url: str = request.getfixturevalue("postgres_store_url")

        def open_pg(**_tuning: int) -> PostgresStore:
            s = PostgresStore(url)
            opened.append(s)
            return s

        yield open_pg
    else:

        def open_sqlite(**tuning: int) -> SqliteStore:
            s = SqliteStore(tmp_path / "s.db", **tuning)
            opened.append(s)
            return s

        yield open_sqlite
    for s in opened:
        with contextlib.suppress(Exception):  # closed by the test already
            s.close()


@pytest.fixture(params=["sqlite", "postgres"])
def opener(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Opener]:
    """Opens stores on one database of the parametrised backend (closed at teardown)."""
    yield from _opener(request.param, tmp_path, request)


@pytest.fixture(params=[*_SQLITE_TUNING, "postgres"])
def store(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    """SQLite with default tuning (all in the memory tier and the log tail), with tiny tiers so ids are
    sealed and fixes folded after every batch, or part folded and part read from the log; and PostgreSQL."""
    backend: str = request.param
    for open_store in _opener("postgres" if backend == "postgres" else "sqlite", tmp_path, request):
        if backend == "postgres":
            yield open_store()
        else:
            seal_every, lag = _SQLITE_TUNING[backend]
            yield open_store(seal_every=seal_every, keyframe_lag=lag)
