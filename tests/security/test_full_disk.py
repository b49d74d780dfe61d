"""A full disk (an injected 'database or disk is full'): the pipeline pauses, says so, and resumes without
losing or repeating an event once space is back, through the engine alone and behind a real MQTT bridge."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
import pytest

from sandbox_app.bridges.mqtt.codec import event_topic, mqtt_bridge
from sandbox_app.bridges.transport.mqtt_link import MqttSettings
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.events import Event
from sandbox_app.engine.bus import Bus
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.messages import BridgeHealth, HealthChanged
from sandbox_app.engine.pipeline import STORE_HEALTH, Engine
from sandbox_app.store.sqlite import SqliteStore
from tests.security.helpers import T0, Recorder, district, press
from tests.servers import Mosquitto, ram_broker, require_mosquitto
from tests.support import wait_until

FULL = "database or disk is full"


class FullDisk:
    """A real SqliteStore whose writes fail while `full` is set, as SQLite reports SQLITE_FULL."""

    def __init__(self, path: Path) -> None:
        self.inner = SqliteStore(path)
        self.full = False
        self.refused = 0

    def _check(self) -> None:
        if self.full:
            self.refused += 1
            raise sqlite3.OperationalError(FULL)

    def append_events(self, events: Sequence[Event]) -> list[Event]:
        self._check()
        return self.inner.append_events(events)

    def upsert_alerts(self, alerts: Iterable[Alert]) -> None:
        self._check()
        self.inner.upsert_alerts(alerts)

    def set_meta(self, key: str, value: str) -> None:
        self._check()
        self.inner.set_meta(key, value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_engine_pauses_reports_and_resumes(tmp_path: Path) -> None:
    disk = FullDisk(tmp_path / "s.db")
    bus = Bus()
    reports: list[BridgeHealth] = []
    bus.subscribe(HealthChanged, lambda m: reports.append(m.health))
    rule = Recorder()
    engine = Engine(disk, district("B1"), [rule], bus)  # type: ignore[arg-type]
    engine.ingest([press("a", T0)])
    disk.full = True
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        engine.ingest([press("b", T0 + 1000)])
    assert rule.seen == ["a"], "nothing is evaluated before it is durable"
    stats = engine.stats()
    assert stats["store_paused"] and FULL in stats["last_store_error"]
    assert not engine.health[STORE_HEALTH].connected
    disk.full = False
    result = engine.ingest([press("b", T0 + 1000), press("c", T0 + 2000)])  # the bridge's retry
    assert (result.accepted, result.duplicates) == (2, 0)
    assert rule.seen == ["a", "b", "c"]
    assert [(r.connected, r.last_rejection is None) for r in reports] == [(False, False), (True, True)]
    assert not engine.stats()["store_paused"] and engine.stats()["store_errors"] == 1


def test_alerts_that_could_not_be_written_are_written_later(tmp_path: Path) -> None:
    disk = FullDisk(tmp_path / "s.db")
    engine = Engine(disk, district("B1"), [Recorder()])  # type: ignore[arg-type]
    engine.ingest([press("a", T0)])
    (alert,) = engine.open_alerts()
    disk.full = True
    engine.transition_alert(alert.id, AlertState.ACKNOWLEDGED, "cmd1")  # does not raise into the desk
    assert engine.stats()["store_paused"]
    disk.full = False
    engine.ingest([press("b", T0 + 1000)])
    stored = disk.inner.get_alert(alert.id)
    assert stored is not None and stored.state is AlertState.ACKNOWLEDGED and stored.count == 2


@pytest.fixture
def broker() -> Iterator[Mosquitto]:
    require_mosquitto()
    with ram_broker() as server:
        yield server


def test_mqtt_bridge_holds_messages_while_the_disk_is_full(broker: Mosquitto, tmp_path: Path) -> None:
    import paho.mqtt.client as mqtt
    from paho.mqtt.enums import CallbackAPIVersion

    disk = FullDisk(tmp_path / "s.db")
    engine = Engine(disk, district("B1"), [Recorder()])  # type: ignore[arg-type]
    settings = MqttSettings(port=broker.port, client_id="full-disk", reconnect_max_s=1, batch_ms=10)
    bridge = mqtt_bridge(settings, engine.ingest, WallClock(), engine.report_health)
    bridge.start()
    assert bridge.wait_ready(10)
    pub = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="full-disk-pub", protocol=mqtt.MQTTv5)
    pub.connect("127.0.0.1", broker.port)
    pub.loop_start()
    topic = event_topic("st1", "alarm_button", "B1")

    def send(lo: int, hi: int) -> None:
        for i in range(lo, hi):
            body = {"id": f"E{i:04d}", "ts": T0 + i, "device": "B1", "kind": "alarm.button"}
            pub.publish(topic, orjson.dumps(body), qos=1).wait_for_publish(5)

    try:
        send(0, 50)
        wait_until(lambda: disk.inner.event_count() == 50, 10, "the first 50 events")
        disk.full = True
        send(50, 120)
        wait_until(lambda: disk.refused >= 2, 10, "the store to refuse a retried batch")
        assert engine.stats()["store_paused"] and not engine.health[STORE_HEALTH].connected
        assert disk.inner.event_count() == 50
        disk.full = False
        wait_until(lambda: disk.inner.event_count() == 120, 20, "the held events after space came back")
        assert not engine.stats()["store_paused"]
    finally:
        pub.disconnect()
        pub.loop_stop()
        bridge.stop()
    ids = [e.id for e in disk.inner.events_between(0, 2**62)]
    assert ids == [f"E{i:04d}" for i in range(120)]
    disk.inner.close()
