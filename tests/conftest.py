"""Session-wide fixtures: where the shared third-party test data lives; a real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_local import LocalPostgres, pg_bindir, postgis_available

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data` beside the checkout; tests that need it skip cleanly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def mosquitto_installed() -> str:
    """The mosquitto binary (`tests.servers.needs_mosquitto`): skips locally, fails in CI, when missing."""
    from tests.servers import require_mosquitto

    return require_mosquitto()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[LocalPostgres]:
    """A real PostgreSQL + PostGIS on 127.0.0.1 for the whole session (database `sandbox_test`), stopped at
    the end. Without the server binaries tests skip locally but fail in CI (`CI` set), where they must run."""
    bindir = pg_bindir()
    if bindir is None or not postgis_available(bindir):
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL/PostGIS server binaries are missing in CI (make setup installs them)")
        pytest.skip("PostgreSQL/PostGIS server binaries are not installed (make setup installs them)")
    server = LocalPostgres()
    server.start()
    try:
        server.create_database("sandbox_test")
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: LocalPostgres) -> Iterator[str]:
    """A URL whose connections work in a fresh, empty schema of their own (PostGIS from `public`): for
    tests of the migrations themselves; others take `postgres_store_url`."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = postgres_server.url("sandbox_test")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield postgres_server.url("sandbox_test", options=f"-csearch_path%3D{schema},public")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def postgres_template(postgres_server: LocalPostgres) -> str:
    """Name of a database migrated to the latest schema once per session, to clone for each test."""
    from sandbox_app.store.postgres import PostgresStore

    PostgresStore(postgres_server.create_database("sandbox_template")).close()
    return "sandbox_template"


@pytest.fixture
def postgres_store_url(postgres_server: LocalPostgres, postgres_template: str) -> Iterator[str]:
    """A fresh database already at the latest schema (a clone of the template: cheaper than migrating)."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{postgres_template}"')
    yield postgres_server.url(name)
    with psycopg.connect(postgres_server.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
