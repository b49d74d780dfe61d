"""MQTT bridge against a real mosquitto on 127.0.0.1: decoding, persistent session, ack-after-durable, and
a broker SIGKILL mid-stream that must lose no acknowledged event and store none twice."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import orjson
import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.reasoncodes import ReasonCode

from sandbox_app.bridges.mqtt.codec import MAX_PAYLOAD, decode_message, event_topic, mqtt_bridge, subscription
from sandbox_app.bridges.transport import Item
from sandbox_app.bridges.transport.mqtt_link import MqttSettings, MqttTransport
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.messages import BridgeHealth
from tests.servers import Mosquitto, StoreSink, needs_mosquitto, ram_broker
from tests.support import wait_until

pytestmark = needs_mosquitto

TS0 = 1_700_000_000_000
TOPIC = event_topic("st1", "gps_tracker", "T1")


def event_json(i: int, device: str = "T1") -> dict[str, object]:
    return {"id": f"E{i:06d}", "ts": TS0 + i, "device": device, "kind": "gps.fix", "lon": 121.4, "lat": 31.2}


# decoding (no broker) ---------------------------------------------------------------------------------------


def test_decode_one_event_and_an_array() -> None:
    one = decode_message(TOPIC, orjson.dumps(event_json(1)))
    assert one == [Event("E000001", TS0 + 1, "T1", "gps.fix", 121.4, 31.2, {})]
    many = decode_message(TOPIC, orjson.dumps([event_json(2), event_json(3), 7]))
    assert [type(x) for x in many] == [Event, Event, Rejection]
    assert isinstance(many[2], Rejection) and "JSON object" in many[2].reason


@pytest.mark.parametrize(
    "topic, payload, reason",
    [
        ("sandbox/st1/events/gps_tracker", orjson.dumps(event_json(1)), "is not sandbox/"),
        ("other/st1/events/gps_tracker/T1", orjson.dumps(event_json(1)), "is not sandbox/"),
        ("sandbox/st1/events/toaster/T1", orjson.dumps(event_json(1)), "unknown device kind 'toaster'"),
        ("sandbox/st1/events/gps_tracker/", orjson.dumps(event_json(1)), "empty device id"),
        (TOPIC, b"{not json", "invalid JSON"),
        (TOPIC, orjson.dumps(event_json(1, device="T2")), "does not match topic device 'T1'"),
        (TOPIC, orjson.dumps({"id": "x", "kind": "gps.fix"}), "device must be"),
    ],
)
def test_decode_rejects_with_reason(topic: str, payload: bytes, reason: str) -> None:
    (item,) = decode_message(topic, payload)
    assert isinstance(item, Rejection)
    assert reason in item.reason


def test_oversized_payload_is_rejected_unread() -> None:
    (item,) = decode_message(TOPIC, b" " * (MAX_PAYLOAD + 1))
    assert isinstance(item, Rejection) and "exceeds" in item.reason


def test_subscription_filter_matches_event_topics() -> None:
    assert mqtt.topic_matches_sub(subscription(), TOPIC)
    assert mqtt.topic_matches_sub(subscription("st1"), TOPIC)
    assert not mqtt.topic_matches_sub(subscription("st2"), TOPIC)


# real broker ------------------------------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StoreSink]:
    sink = StoreSink(tmp_path / "events.db")
    try:
        yield sink
    finally:
        sink.close()


@pytest.fixture
def broker() -> Iterator[Mosquitto]:
    with ram_broker() as server:
        yield server


def start_bridge(
    broker: Mosquitto,
    sink: Callable[[Sequence[Item]], object],
    reports: list[BridgeHealth] | None = None,
    client_id: str = "bridge-test",
    batch_max: int = 200,
) -> MqttTransport:
    config = MqttSettings(
        port=broker.port,
        client_id=client_id,
        reconnect_min_s=1,
        reconnect_max_s=2,
        batch_max=batch_max,
        batch_ms=20,
    )
    reporter = reports.append if reports is not None else None
    bridge = mqtt_bridge(config, sink, WallClock(), reporter)
    bridge.start()
    assert bridge.wait_ready(10), "bridge never subscribed"
    return bridge


class Publisher:
    """A device gateway publishing at QoS 1; an event counts as acknowledged once its PUBACK arrived.

    paho calls on_publish while holding its own locks, so no lock of ours is held around publish():
    PUBACKed mids and the mid → id map are kept apart and joined when asked (mids stay unique below 65,535
    messages).
    """

    def __init__(self, broker: Mosquitto) -> None:
        self.published: set[str] = set()
        self._ids: dict[int, str] = {}
        self._acked_mids: set[int] = set()
        self._lock = threading.Lock()
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="pub-test", protocol=mqtt.MQTTv5)
        self.client.max_queued_messages_set(0)
        self.client.max_inflight_messages_set(100)
        self.client.reconnect_delay_set(1, 1)
        self.client.on_publish = self._on_publish
        self.client.connect("127.0.0.1", broker.port)
        self.client.loop_start()

    def _on_publish(
        self, client: mqtt.Client, userdata: object, mid: int, reason: ReasonCode, props: object
    ) -> None:
        if not reason.is_failure:
            with self._lock:
                self._acked_mids.add(mid)

    @property
    def acked(self) -> set[str]:
        with self._lock:
            return {self._ids[mid] for mid in self._acked_mids if mid in self._ids}

    def publish(self, topic: str, payload: bytes, event_id: str | None = None) -> None:
        info = self.client.publish(topic, payload, qos=1)
        if event_id is not None:
            with self._lock:
                self.published.add(event_id)
                self._ids[info.mid] = event_id

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def test_events_arrive_and_rejections_are_counted_with_reason(broker: Mosquitto, store: StoreSink) -> None:
    reports: list[BridgeHealth] = []
    bridge = start_bridge(broker, store, reports)
    pub = Publisher(broker)
    try:
        pub.publish(TOPIC, orjson.dumps(event_json(1)), "E000001")
        pub.publish(TOPIC, b"garbage")
        pub.publish(TOPIC, orjson.dumps([event_json(2), event_json(3)]))
        pub.publish(event_topic("st1", "gps_tracker", "T9"), orjson.dumps(event_json(4)))
        wait_until(lambda: bridge.health.received == 5, 10, "5 items")
    finally:
        pub.close()
        bridge.stop()
    assert store.ids() == {"E000001", "E000002", "E000003"}
    health = bridge.health
    assert (health.name, health.received, health.rejected) == ("mqtt:bridge-test", 5, 2)
    assert health.last_rejection is not None and "does not match topic device" in health.last_rejection
    assert health.last_message_ts is not None and not health.connected
    assert reports[0].connected and reports[-1] == health


def test_unacked_messages_are_redelivered_to_the_next_bridge(broker: Mosquitto, store: StoreSink) -> None:
    """A sink that never succeeds means no PUBACK: the persistent session hands everything to the next
    bridge with the same client id, including what was published while no bridge ran."""
    calls: list[int] = []

    def broken_sink(items: Sequence[Item]) -> None:
        calls.append(len(items))
        raise OSError("disk full")

    first = start_bridge(broker, broken_sink)
    pub = Publisher(broker)
    try:
        for i in range(5):
            pub.publish(TOPIC, orjson.dumps(event_json(i)), f"E{i:06d}")
        wait_until(lambda: sum(calls) >= 5, 10, "the broken sink to see the events")
        first.stop()
        for i in range(5, 8):
            pub.publish(TOPIC, orjson.dumps(event_json(i)), f"E{i:06d}")
        wait_until(lambda: len(pub.acked) == 8, 10, "PUBACKs")
        second = start_bridge(broker, store)
        wait_until(lambda: len(store.ids()) == 8, 10, "redelivery")
        second.stop()
    finally:
        pub.close()
    assert store.ids() == pub.acked
    assert store.stored_once()
    assert first.health.received == 0


def test_broker_killed_mid_stream_loses_no_acknowledged_event(broker: Mosquitto, store: StoreSink) -> None:
    """SIGKILL the broker while the bridge has a backlog queued in its session, a batch in flight and
    unacked, and the publisher keeps publishing into the outage; after the restart every event whose
    PUBACK reached the publisher is stored, and stored once.

    mosquitto sends a PUBACK before it saves, so the publisher pauses for a moment before the kill: a
    kill inside that window loses what the broker had only just acknowledged (docs/bridges.md), which no
    subscriber can help. Everything on the bridge's side of the broker is mid-stream.
    """
    n, first_part, held_after = 1000, 400, 150
    gate = threading.Event()

    def gated_sink(items: Sequence[Item]) -> None:
        if len(store.ids()) >= held_after:
            gate.wait(30)  # the kill comes while this batch is in the sink, neither durable nor acked
        store(items)

    paused, resume = threading.Event(), threading.Event()
    bridge = start_bridge(broker, gated_sink, batch_max=50)
    pub = Publisher(broker)

    def produce() -> None:
        for i in range(n):  # as fast as paho takes them
            if i == first_part:
                paused.set()
                resume.wait(30)
            pub.publish(TOPIC, orjson.dumps(event_json(i)), f"E{i:06d}")

    producer = threading.Thread(target=produce)
    producer.start()
    try:
        assert paused.wait(30)
        wait_until(lambda: len(pub.acked) == first_part, 20, "the first part's PUBACKs")
        time.sleep(0.1)  # let mosquitto save what it acknowledged
        stored_at_kill = len(store.ids())
        broker.kill()
        resume.set()
        wait_until(lambda: not bridge.connected, 10, "the bridge to notice")
        gate.set()  # now the batch becomes durable, but its acks belong to a dead connection
        time.sleep(0.2)
        broker.start()
        producer.join(30)
        wait_until(lambda: len(pub.acked) == n, 30, "every PUBACK after the restart")
        wait_until(lambda: pub.acked <= store.ids(), 30, "every acknowledged event in the store")
    finally:
        resume.set()
        gate.set()
        producer.join(30)
        pub.close()
        bridge.stop()
    assert held_after <= stored_at_kill < first_part, "the kill did not hit the bridge mid-stream"
    assert store.ids() == pub.acked == pub.published
    assert store.stored_once()
    assert bridge.health.received >= n
    assert store.appended > n, "the batch in the sink at the kill should have come again"


def test_a_failing_decoder_or_reporter_does_not_stop_the_bridge(broker: Mosquitto, store: StoreSink) -> None:
    def picky_decoder(topic: str, payload: bytes) -> list[Item]:
        if payload == b"boom":
            raise RuntimeError("decoder bug")
        return decode_message(topic, payload)

    def broken_reporter(health: BridgeHealth) -> None:
        raise RuntimeError("reporter bug")

    config = MqttSettings(port=broker.port, client_id="bridge-picky", batch_ms=10)
    bridge = mqtt_bridge(config, store, WallClock(), broken_reporter, picky_decoder)
    bridge.start()
    pub = Publisher(broker)
    try:
        assert bridge.wait_ready(10)
        pub.publish(TOPIC, b"boom")
        pub.publish(TOPIC, orjson.dumps(event_json(1)), "E000001")
        wait_until(lambda: store.ids() == {"E000001"}, 10, "the event after the decoder failure")
    finally:
        pub.close()
        bridge.stop()
    assert bridge.health.rejected == 1
    assert bridge.health.last_rejection is not None and "decoder bug" in bridge.health.last_rejection
