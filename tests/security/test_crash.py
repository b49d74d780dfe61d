"""Crash safety: SIGKILL the ingesting process (MQTT bridge + engine + SQLite) in the middle of a stream,
restart it, and every event the broker accepted is stored exactly once, with open alerts and active
dispatches restored. (tests/bridges/test_mqtt.py kills the broker; this kills our side.)"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from sandbox_app.bridges.mqtt.codec import event_topic
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.store.sqlite import SqliteStore
from tests.bridges.test_mqtt import Publisher
from tests.conftest import REPO_ROOT
from tests.security.helpers import T0, district
from tests.servers import Mosquitto, needs_mosquitto, ram_broker
from tests.support import wait_until

pytestmark = needs_mosquitto
N = 2000


@pytest.fixture
def broker() -> Iterator[Mosquitto]:
    with ram_broker() as server:
        yield server


def start_worker(db: Path, port: int, status: Path) -> tuple[subprocess.Popen[bytes], dict[str, object]]:
    status.unlink(missing_ok=True)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.security.crash_worker",
            "--db",
            str(db),
            "--port",
            str(port),
            "--status",
            str(status),
        ],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
    )
    deadline = time.monotonic() + 30
    while not status.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("the worker did not start")
        time.sleep(0.05)
    return proc, orjson.loads(status.read_bytes())


def stored_ids(db: Path) -> list[str]:
    conn = sqlite3.connect(db, timeout=10)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM events")]
    finally:
        conn.close()


def test_sigkill_mid_ingest_loses_nothing_acknowledged_and_restores_state(
    broker: Mosquitto, tmp_path: Path
) -> None:
    db, status = tmp_path / "s.db", tmp_path / "status.json"
    store = SqliteStore(db)
    store.replace_district(district("B1", "B2"))
    held = Dispatch("D-before", "A-before", "G1", None, "cmd1", T0, None, None)
    store.create_dispatch(held)
    store.close()

    worker, first = start_worker(db, broker.port, status)
    assert first["active_dispatches"] == ["D-before"] and first["open_alerts"] == []
    pub = Publisher(broker)

    def publish() -> None:
        for i in range(N):
            device = "B1" if i % 2 else "B2"
            body = {"id": f"E{i:05d}", "ts": T0 + i * 100, "device": device, "kind": "alarm.button"}
            pub.publish(event_topic("st1", "alarm_button", device), orjson.dumps(body), body["id"])
            time.sleep(0.0008)

    sender = threading.Thread(target=publish)
    try:
        sender.start()
        wait_until(lambda: len(stored_ids(db)) >= N // 5, 30, "ingest to get going")
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
        at_kill = SqliteStore(db)
        stored_at_kill = at_kill.event_count()
        open_at_kill = sorted(a.id for a in at_kill.alerts() if a.state.is_open)
        at_kill.close()
        assert stored_at_kill < N, "the kill came after the stream ended"
        assert len(open_at_kill) == 2

        worker, second = start_worker(db, broker.port, status)
        assert second["open_alerts"] == open_at_kill, "open alerts not restored"
        assert second["active_dispatches"] == ["D-before"], "active dispatch not restored"
        sender.join(60)
        # PUBACKs of the last messages in flight, then every acknowledged event stored
        wait_until(lambda: len(pub.acked) >= N, 60, "the broker to accept every message")
        acked = pub.acked
        wait_until(lambda: acked <= set(stored_ids(db)), 60, "every acknowledged event after the restart")
    finally:
        pub.close()
        worker.send_signal(signal.SIGTERM)
        worker.wait(20)
    ids = stored_ids(db)
    assert len(ids) == len(set(ids)) == N, "an event was stored twice or lost"
    store = SqliteStore(db)
    alerts = store.alerts()
    store.close()
    assert sorted(a.id for a in alerts) == open_at_kill, "the restart must count on, not open new alerts"
    assert sum(a.count for a in alerts) <= N
