"""Real servers for integration tests, started on 127.0.0.1 inside the test session and stopped after.

No mocks stand in for a broker: tests that talk MQTT talk to a real mosquitto.
"""

from __future__ import annotations

import getpass
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sandbox_app.domain.events import Event, Rejection


def free_port() -> int:
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


def mosquitto_binary() -> str | None:
    return shutil.which("mosquitto") or (
        "/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None
    )


class Mosquitto:
    """A mosquitto broker on loopback with persistence, so a kill and restart keeps queued QoS 1 messages."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        binary = mosquitto_binary()
        if binary is None:
            raise RuntimeError("mosquitto is not installed (make test installs it)")
        self.binary = binary
        self.workdir = workdir
        self.port = port or free_port()
        self.config = workdir / "mosquitto.conf"
        self.log = workdir / "mosquitto.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.config.write_text(
            "\n".join(
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
            ),
            encoding="utf-8",
        )

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "-c", str(self.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

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
