"""Orders to guards over MQTT: `sandbox/<station>/orders/<device_id>`, and their replies on
`sandbox/<station>/replies/<device_id>` (docs/dispatch.md, "Closed loop").

An order is published QoS 1 and retained, so a guard's phone that was offline or restarted gets its
current order the moment it subscribes; a later order (or a stand-down) to the same device replaces it.
While the broker is unreachable paho keeps QoS 1 messages in memory and sends them on reconnect, so
`MqttOrderSender` only raises when an order cannot even be queued. A guard app handles orders idempotently
by `dispatch_id` (a retried order may arrive twice).
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any

import orjson
import paho.mqtt.client as mqtt
from paho.mqtt.enums import MQTTErrorCode
from paho.mqtt.properties import Properties
from paho.mqtt.reasoncodes import ReasonCode

from sandbox_app.bridges.mqtt.codec import TOPIC_ROOT
from sandbox_app.bridges.transport.mqtt_link import MqttSettings, link_client
from sandbox_app.domain.dispatch import Order
from sandbox_app.domain.events import Rejection

REPLY_STATES = frozenset({"accepted", "declined", "on_scene", "handled", "feedback"})
"""What a guard may report from the phone; closing and cancelling stay with the commander."""
MAX_REPLY = 64 * 1024


class OrderNotSent(RuntimeError):
    """The order could not be handed to the broker connection (no device, or the client queue is full)."""


def order_topic(station: str, device_id: str) -> str:
    return f"{TOPIC_ROOT}/{station}/orders/{device_id}"


def reply_topic(station: str, device_id: str) -> str:
    return f"{TOPIC_ROOT}/{station}/replies/{device_id}"


def encode_order(order: Order) -> bytes:
    return orjson.dumps(asdict(order))


def decode_order(payload: bytes | bytearray | str) -> Order:
    """For guard apps, simulators and tests; trusts the payload (it comes from our own desk)."""
    return Order(**orjson.loads(payload))


@dataclass(frozen=True, slots=True)
class Reply:
    """A guard's answer to an order: accept, decline (with a reason), or report progress."""

    dispatch_id: str
    guard: str
    state: str
    ts: int
    note: str = ""
    photo: str | None = None


def encode_reply(reply: Reply) -> bytes:
    return orjson.dumps(asdict(reply))


def decode_reply(topic: str, payload: bytes) -> Reply | Rejection:
    """Validate a guard's reply: it comes from a phone, so it is hostile until checked."""
    raw = payload[:500].decode("utf-8", "replace")
    parts = topic.split("/")
    if len(parts) != 4 or parts[0] != TOPIC_ROOT or parts[2] != "replies" or not parts[3]:
        return Rejection(f"topic {topic!r} is not {TOPIC_ROOT}/<station>/replies/<device_id>", raw)
    if len(payload) > MAX_REPLY:
        return Rejection(f"reply of {len(payload)} bytes exceeds {MAX_REPLY}", f"topic {topic}")
    try:
        obj: Any = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        return Rejection(f"invalid JSON: {exc}", raw)
    if not isinstance(obj, dict):
        return Rejection("reply must be a JSON object", raw)
    problem = _reply_problem(obj)
    if problem:
        return Rejection(problem, raw)
    return Reply(
        obj["dispatch_id"], obj["guard"], obj["state"], obj["ts"], obj.get("note", ""), obj.get("photo")
    )


def _reply_problem(obj: dict[str, Any]) -> str:
    for key in ("dispatch_id", "guard", "state"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            return f"{key} must be a non-empty string"
    if obj["state"] not in REPLY_STATES:
        return f"state {obj['state']!r} is not one of {sorted(REPLY_STATES)}"
    if not isinstance(obj.get("ts"), int) or isinstance(obj["ts"], bool) or obj["ts"] < 0:
        return "ts must be epoch milliseconds"
    if not isinstance(obj.get("note", ""), str) or not isinstance(obj.get("photo") or "", str):
        return "note and photo must be strings"
    return ""


class MqttOrderSender:
    """The desk's `send_order` over MQTT: `start()`, then call it with each `Order`; `stop()` at the end."""

    def __init__(self, settings: MqttSettings, station: str) -> None:
        self.settings = settings
        self.station = station
        self._connected = threading.Event()
        self._client = link_client(settings)
        self._client.on_connect = self._on_connect
        self._client.on_disconnect = self._on_disconnect

    def start(self) -> None:
        """Connect in the background; orders sent before the connection is up are queued by paho."""
        s = self.settings
        self._client.connect_async(s.host, s.port, keepalive=s.keepalive_s)
        self._client.loop_start()

    def wait_connected(self, timeout_s: float) -> bool:
        return self._connected.wait(timeout_s)

    def stop(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()

    def __call__(self, order: Order) -> None:
        if not order.device:
            raise OrderNotSent(f"guard {order.guard} has no device to receive dispatch {order.dispatch_id}")
        topic = order_topic(self.station, order.device)
        info = self._client.publish(topic, encode_order(order), qos=self.settings.qos, retain=True)
        if info.rc not in (MQTTErrorCode.MQTT_ERR_SUCCESS, MQTTErrorCode.MQTT_ERR_NO_CONN):
            raise OrderNotSent(
                f"order for dispatch {order.dispatch_id} not queued: {mqtt.error_string(info.rc)}"
            )

    def _on_connect(
        self, client: mqtt.Client, userdata: Any, flags: Any, reason: ReasonCode, props: Properties | None
    ) -> None:
        if not reason.is_failure:
            self._connected.set()

    def _on_disconnect(
        self, client: mqtt.Client, userdata: Any, flags: Any, reason: ReasonCode, props: Properties | None
    ) -> None:
        self._connected.clear()
