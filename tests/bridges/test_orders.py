"""Orders to guards over a real mosquitto: the desk's orders arrive on `sandbox/<station>/orders/<device>`,
stay retained for a phone that connects later, survive a broker that is down when the order is given, and
guard replies are validated before they reach the desk."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from sandbox_app.bridges.orders import (
    MqttOrderSender,
    OrderNotSent,
    Reply,
    decode_order,
    decode_reply,
    encode_order,
    encode_reply,
    order_topic,
    reply_topic,
)
from sandbox_app.bridges.transport.mqtt_link import MqttSettings
from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import DispatchState, Order
from sandbox_app.domain.enums import AlertState, GuardRole, Severity
from sandbox_app.domain.events import Rejection
from sandbox_app.domain.model import District, Guard
from sandbox_app.store.sqlite import SqliteStore
from tests.servers import Mosquitto, free_port, needs_mosquitto
from tests.support import wait_until

T0 = 1_700_000_000_000
ORDER = Order(
    "D1-GD001", "GD001", "GPS-00001", "smoke_alarm:B1:1", 121.4, 31.2, T0, "dispatch", "smoke_alarm B1"
)
ALERT = Alert(
    "smoke_alarm:B1:1",
    "smoke_alarm",
    "B1",
    "building",
    Severity.HIGH,
    AlertState.OPEN,
    T0,
    T0,
    lon=121.4,
    lat=31.2,
)
needs_broker = needs_mosquitto


# encoding (no broker) -----------------------------------------------------------------------------------


def test_topics_and_order_round_trip() -> None:
    assert order_topic("st1", "GPS-00001") == "sandbox/st1/orders/GPS-00001"
    assert reply_topic("st1", "GPS-00001") == "sandbox/st1/replies/GPS-00001"
    assert decode_order(encode_order(ORDER)) == ORDER
    assert orjson.loads(encode_order(ORDER))["action"] == "dispatch"


def test_a_valid_reply_decodes() -> None:
    reply = Reply("D1", "GD001", "feedback", T0, "all clear", "photos/1.jpg")
    assert decode_reply(reply_topic("st1", "GPS-00001"), encode_reply(reply)) == reply


@pytest.mark.parametrize(
    ("topic", "payload", "reason"),
    [
        ("sandbox/st1/orders/GPS-00001", {"dispatch_id": "D1"}, "is not sandbox/"),
        ("sandbox/st1/replies/", {"dispatch_id": "D1"}, "is not sandbox/"),
        ("sandbox/st1/replies/G", b"{nope", "invalid JSON"),
        ("sandbox/st1/replies/G", [1], "JSON object"),
        ("sandbox/st1/replies/G", {"guard": "GD001", "state": "accepted", "ts": 1}, "dispatch_id"),
        (
            "sandbox/st1/replies/G",
            {"dispatch_id": "D1", "guard": "GD001", "state": "closed", "ts": 1},
            "state",
        ),
        (
            "sandbox/st1/replies/G",
            {"dispatch_id": "D1", "guard": "GD001", "state": "accepted", "ts": "1"},
            "ts",
        ),
        (
            "sandbox/st1/replies/G",
            {"dispatch_id": "D1", "guard": "GD001", "state": "accepted", "ts": True},
            "ts",
        ),
        (
            "sandbox/st1/replies/G",
            {"dispatch_id": "D1", "guard": "G", "state": "declined", "ts": 1, "note": 5},
            "note",
        ),
        ("sandbox/st1/replies/G", b" " * 70_000, "exceeds"),
    ],
)
def test_bad_replies_are_rejected_with_a_reason(topic: str, payload: Any, reason: str) -> None:
    raw = payload if isinstance(payload, bytes) else orjson.dumps(payload)
    result = decode_reply(topic, raw)
    assert isinstance(result, Rejection) and reason in result.reason


# real broker ----------------------------------------------------------------------------------------------


class Phone:
    """A guard's phone: subscribes to orders and keeps (topic, order, retained) as they arrive."""

    def __init__(self, port: int, topic: str, client_id: str) -> None:
        self.got: list[tuple[str, Order, bool]] = []
        self._subscribed = threading.Event()
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv5)
        self.client.on_connect = lambda c, *_: c.subscribe(topic, qos=1)
        self.client.on_subscribe = lambda *_: self._subscribed.set()
        self.client.on_message = self._on_message
        self.client.connect("127.0.0.1", port)
        self.client.loop_start()
        assert self._subscribed.wait(10), "phone never subscribed"

    def _on_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        self.got.append((message.topic, decode_order(message.payload), bool(message.retain)))

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def workdir() -> Iterator[Path]:
    ram = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=ram if ram.is_dir() else None) as path:
        yield Path(path)


def sender_for(port: int) -> MqttOrderSender:
    sender = MqttOrderSender(
        MqttSettings(port=port, client_id="orders-test", reconnect_min_s=1, reconnect_max_s=1), "st1"
    )
    sender.start()
    return sender


def make_desk(tmp_path: Path, sender: MqttOrderSender) -> DispatchDesk:
    district = District("test", "Asia/Shanghai")
    district.guards["GD001"] = Guard("GD001", "测试保安01", GuardRole.SECURITY, "GPS-00001")
    district.guards["GD002"] = Guard("GD002", "测试保安02", GuardRole.SECURITY, "GPS-00002")
    district.guards["GD009"] = Guard("GD009", "测试保安09", GuardRole.VOLUNTEER, None)
    return DispatchDesk(SqliteStore(tmp_path / "orders.db"), district, send_order=sender)


@needs_broker
def test_desk_orders_reach_each_guards_topic_and_stay_retained(tmp_path: Path, workdir: Path) -> None:
    broker = Mosquitto(workdir)
    broker.start()
    sender = sender_for(broker.port)
    phones: list[Phone] = []
    try:
        assert sender.wait_connected(10)
        phones.append(Phone(broker.port, "sandbox/st1/orders/+", "watch-all"))
        desk = make_desk(tmp_path, sender)
        out = desk.dispatch(ALERT, ["GD001", "GD002", "GD009"], "cmdr-a", T0)
        wait_until(lambda: len(phones[0].got) == 2, 10, "two orders")
        by_topic = {topic: order for topic, order, _ in phones[0].got}
        d1, d2, d9 = out.created
        assert by_topic == {
            "sandbox/st1/orders/GPS-00001": Order(
                d1.id, "GD001", "GPS-00001", ALERT.id, 121.4, 31.2, T0, "dispatch", "smoke_alarm B1"
            ),
            "sandbox/st1/orders/GPS-00002": Order(
                d2.id, "GD002", "GPS-00002", ALERT.id, 121.4, 31.2, T0, "dispatch", "smoke_alarm B1"
            ),
        }
        assert d9.order_sent_ts is None and "no device" in d9.order_error  # told, not silently dropped

        desk.report(d2.id, DispatchState.CANCELLED, "cmdr-a", T0 + 5_000, "enough guards on scene")
        wait_until(lambda: len(phones[0].got) == 3, 10, "the stand-down order")
        late = Phone(broker.port, "sandbox/st1/orders/GPS-00002", "phone-2")  # GD002's phone starts later
        phones.append(late)
        wait_until(lambda: len(late.got) == 1, 10, "the retained order")
        topic, order, retained = late.got[0]
        assert (topic, order.action, order.dispatch_id, order.note, retained) == (
            "sandbox/st1/orders/GPS-00002", "cancel", d2.id, "enough guards on scene", True
        )  # fmt: skip
    finally:
        for phone in phones:
            phone.close()
        sender.stop()
        broker.stop()


@needs_broker
def test_an_order_given_while_the_broker_is_down_arrives_when_it_is_back(
    tmp_path: Path, workdir: Path
) -> None:
    port = free_port()
    sender = sender_for(port)
    broker = Mosquitto(workdir, port)
    phone: Phone | None = None
    try:
        desk = make_desk(tmp_path, sender)
        (d,) = desk.dispatch(ALERT, ["GD001"], "cmdr-a", T0).created  # nothing listens on the port yet
        assert d.order_sent_ts == T0 and d.order_error == ""  # queued by the client, not refused
        broker.start()
        assert sender.wait_connected(15)
        phone = Phone(port, "sandbox/st1/orders/GPS-00001", "phone-1")
        wait_until(lambda: phone is not None and len(phone.got) == 1, 15, "the queued order")
        assert phone.got[0][1].dispatch_id == d.id
    finally:
        if phone is not None:
            phone.close()
        sender.stop()
        broker.stop()


def test_an_order_without_a_device_is_refused() -> None:
    sender = MqttOrderSender(MqttSettings(port=free_port(), client_id="never-started"), "st1")
    with pytest.raises(OrderNotSent):
        sender(Order("D1", "GD009", None, "a", 121.4, 31.2, T0))
