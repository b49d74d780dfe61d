"""Real servers for integration tests, started on 127.0.0.1 inside the test session and stopped after.

No mocks stand in for a broker: tests that talk MQTT talk to a real mosquitto.
"""

from __future__ import annotations

import getpass
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

from sandbox_app.domain.events import Event, Rejection


def free_port() -> int:
    """A loopback port that was free a moment ago. Another process may take it before the caller binds
    it, so a server started on it must retry on a new one when it cannot bind (see `Mosquitto.start`);
    an in-process server binds port 0 itself and reports the port instead."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_port(port: int, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout_s} s")


def require_mosquitto() -> str:
    """The broker binary; without it a test skips locally but fails in CI (`CI` set), like PostgreSQL."""
    binary = mosquitto_binary()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("mosquitto is missing in CI (make setup installs it)")
        pytest.skip("mosquitto is not installed (make setup installs it)")
    return binary


needs_mosquitto = pytest.mark.usefixtures("mosquitto_installed")
"""Mark for tests that start a broker: skipped without mosquitto locally, failed in CI."""


def mosquitto_binary() -> str | None:
    return shutil.which("mosquitto") or (
        "/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None
    )


def chromium_binaries() -> tuple[str, str] | None:
    """(chromium, chromedriver) from Debian's `chromium` and `chromium-driver`, or None."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def require_chromium() -> tuple[str, str]:
    """Chromium and its driver for the phone page's browser tests: skipped locally without them, failed
    in CI (`CI` set), like mosquitto; `make setup` installs both."""
    found = chromium_binaries()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium / chromium-driver are missing in CI (make setup installs them)")
        pytest.skip("chromium and chromium-driver are not installed (make setup installs them)")
    try:
        import selenium  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("selenium is missing in CI (pip install -e .[dev] installs it)")
        pytest.skip("selenium is not installed (pip install -e .[dev])")
    return found


class Mosquitto:
    """A mosquitto broker on loopback with persistence, so a kill and restart keeps queued QoS 1 messages."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        binary = mosquitto_binary()
        if binary is None:
            raise RuntimeError("mosquitto is not installed (make test installs it)")
        self.binary = binary
        self.workdir = workdir
        self._fixed_port = port is not None
        self.port = port or free_port()
        self.config = workdir / "mosquitto.conf"
        self.log = workdir / "mosquitto.log"
        self.process: subprocess.Popen[bytes] | None = None
        self._write_config()

    def _write_config(self) -> None:
        workdir = self.workdir
        self._written = "\n".join(
            [
                f"listener {self.port} 127.0.0.1",
                "allow_anonymous true",
                # Run as ourselves: started as root, mosquitto would switch to its own user, which
                # cannot write the persistence file in our private tmp dir (and so loses everything).
                f"user {getpass.getuser()}",
                "persistence true",
                f"persistence_location {workdir}/",
                # Save after every change so even a SIGKILL loses nothing the broker acknowledged.
                "autosave_on_changes true",
                "autosave_interval 1",
                # The default per-client queue of 1,000 drops QoS 1 messages of a slow subscriber.
                "max_queued_messages 1000000",
                f"log_dest file {self.log}",
                "",
            ]
        )
        self.config.write_text(self._written, encoding="utf-8")

    def start(self, attempts: int = 5) -> None:
        """Start the broker; when its port was taken meanwhile (`free_port` races), on a fresh port, unless
        the port was fixed (a restart must come back where the clients reconnect)."""
        for _ in range(attempts):
            self.process = subprocess.Popen(
                [self.binary, "-c", str(self.config)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            if self._listening():
                self._fixed_port = True  # a restart comes back on this port, where clients reconnect
                return
            self.stop()
            if self._fixed_port or self.config.read_text(encoding="utf-8") != self._written:
                break  # a fixed port, or a config of the caller's own (TLS) that names the port
            self.port = free_port()
            self._write_config()
        raise RuntimeError(f"mosquitto did not start on 127.0.0.1:{self.port} (see {self.log})")

    def _listening(self, timeout_s: float = 10.0) -> bool:
        """True once our broker listens; False as soon as it exited (it could not bind the port)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self.process.poll() is None
            except OSError:
                time.sleep(0.05)
        return False

    def kill(self) -> None:
        """Crash the broker (SIGKILL): no chance to save anything more."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.process = None


@contextmanager
def ram_broker() -> Iterator[Mosquitto]:
    """A fresh broker whose persistence file lives in RAM where there is a tmpfs: a SIGKILL still leaves
    it behind (crash tests), and mosquitto rewrites it after every change, several times faster there."""
    ram = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=ram if ram.is_dir() else None) as workdir:
        server = Mosquitto(Path(workdir))
        server.start()
        try:
            yield server
        finally:
            server.stop()


class StoreSink:
    """The durable sink bridge tests feed: a real `SqliteStore`, plus a tally of what the bridge handed it.

    `appended` counts every event the sink was given (repeats included), so a test can tell redelivery
    happened; `ids()` reads back from the store, so "stored once" is checked on disk, not in a dict.
    """

    def __init__(self, path: Path) -> None:
        from sandbox_app.store.sqlite import SqliteStore

        self.store = SqliteStore(path)
        self.appended = 0
        self.rejections: list[Rejection] = []

    def __call__(self, items: Sequence[Event | Rejection]) -> None:
        events = [item for item in items if isinstance(item, Event)]
        self.store.append_events(events)
        self.appended += len(events)
        self.rejections.extend(item for item in items if isinstance(item, Rejection))

    def stored_ids(self) -> list[str]:
        return [event.id for event in self.store.events_between(0, 2**62)]

    def ids(self) -> set[str]:
        return set(self.stored_ids())

    def stored_once(self) -> bool:
        """Every stored id is there once (rows == distinct ids); call it when no bridge is writing."""
        stored = self.stored_ids()
        return len(stored) == len(set(stored)) == self.store.event_count()

    def close(self) -> None:
        self.store.close()
