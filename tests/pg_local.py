"""A throwaway PostgreSQL cluster on loopback (initdb + postgres from the Debian packages).

Tests and `bench/city.py` start their own server here (a test harness, not shipped in the app) instead of
needing a system service: a cluster in a temp directory on a free port, its socket in that directory,
stopped and deleted at the end. PostgreSQL refuses to run as root, so as root the binaries run as the
`postgres` OS user, which then owns the directory.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_VERSIONS = ("17", "16", "15")
SUPERUSER = "postgres"


def pg_bindir() -> Path | None:
    """The server binaries (initdb, postgres) of the newest installed Debian PostgreSQL, if any."""
    for version in PG_VERSIONS:
        bindir = Path(f"/usr/lib/postgresql/{version}/bin")
        if (bindir / "initdb").is_file() and (bindir / "postgres").is_file():
            return bindir
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def postgis_available(bindir: Path) -> bool:
    version = bindir.parent.name
    return any(Path(f"/usr/share/postgresql/{version}/extension").glob("postgis.control"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LocalPostgres:
    """One cluster; `url(db)` is what `open_store` takes. `durable=False` (tests) turns fsync off."""

    def __init__(
        self, workdir: Path | None = None, *, port: int | None = None, durable: bool = False
    ) -> None:
        """`workdir` None: a fresh directory under the system temp dir, removed by `stop` (as root, the
        postgres user must be able to reach the directory, which pytest's private tmp dirs do not allow)."""
        bindir = pg_bindir()
        if bindir is None:
            raise RuntimeError("PostgreSQL server binaries are not installed (make test installs them)")
        self.bindir = bindir
        self._own_dir = workdir is None
        self.workdir = Path(tempfile.mkdtemp(prefix="sandbox-pg-")) if workdir is None else workdir
        self.datadir = self.workdir / "pgdata"
        self.port = port or free_port()
        self.durable = durable
        self.process: subprocess.Popen[bytes] | None = None
        self.log = self.workdir / "postgres.log"
        self._as_root = os.geteuid() == 0

    @property
    def _user(self) -> str | None:
        """The OS user the binaries run as: postgres when we are root, else ourselves."""
        return SUPERUSER if self._as_root else None

    def url(self, dbname: str = "postgres", **options: str) -> str:
        query = "&".join(f"{k}={v}" for k, v in options.items())
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}" + (f"?{query}" if query else "")

    def start(self, timeout_s: float = 30.0) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        if self._as_root:
            shutil.chown(self.workdir, SUPERUSER, SUPERUSER)
        done = subprocess.run(
            [
                str(self.bindir / "initdb"),
                "-D",
                str(self.datadir),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=self.workdir,
            check=False,
            user=self._user,
            group=self._user,
        )
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr.decode(errors='replace')[-2000:]}")
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.workdir}'",
            "max_connections": "200",
            "shared_buffers": "256MB",
            "max_wal_size": "4GB",
            "logging_collector": "off",
        }
        if not self.durable:  # throwaway data: skip what only protects against a power cut
            settings |= {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
        with (self.datadir / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.writelines(f"{k} = {v}\n" for k, v in settings.items())
        log = self.log.open("ab")
        self.process = subprocess.Popen(
            [str(self.bindir / "postgres"), "-D", str(self.datadir)],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=self.workdir,
            user=self._user,
            group=self._user,
        )
        log.close()
        self._wait_ready(timeout_s)

    def _wait_ready(self, timeout_s: float) -> None:
        import psycopg

        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with psycopg.connect(self.url(), connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if self.process is not None and self.process.poll() is not None:
                    tail = self.log.read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"postgres exited: {tail}") from None
                if time.monotonic() > deadline:
                    raise TimeoutError(f"postgres not ready on 127.0.0.1:{self.port}") from None
                time.sleep(0.1)

    def create_database(self, name: str, *, postgis: bool = True) -> str:
        """A new database (with PostGIS when asked); returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        if postgis:
            with psycopg.connect(self.url(name), autocommit=True) as conn:
                conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        return self.url(name)

    def stop(self) -> None:
        """Fast shutdown (SIGINT: roll back open sessions, then exit cleanly); drop our own directory."""
        if self.process is not None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.process = None
        if self._own_dir:
            shutil.rmtree(self.workdir, ignore_errors=True)
