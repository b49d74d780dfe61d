"""MQTT bridge: our JSON events on `sandbox/<station>/events/<device_kind>/<device_id>` (docs/bridges.md).

This module only decodes; the connection, session, batching and acks live in `transport/mqtt.py`. The
topic carries the device kind and id so a broker ACL can give each device write access to its own topic
only; the decoder therefore rejects a payload whose `device` differs from the topic's device id, which
would otherwise let one device speak for another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import orjson

from sandbox_app.bridges.health import HealthReporter, HealthTracker
from sandbox_app.bridges.schema import decode_event, encode_event
from sandbox_app.bridges.transport import BridgeClock, Item, Sink
from sandbox_app.bridges.transport.mqtt_link import MqttSettings, MqttTransport
from sandbox_app.domain.device_kinds import DEVICE_KINDS
from sandbox_app.domain.events import Event, Rejection

TOPIC_ROOT = "sandbox"
MAX_BATCH = 1000
"""Events in one array payload; a larger array is rejected whole rather than swamping a batch."""
MAX_PAYLOAD = 4 * 1024 * 1024
"""Bytes; set the broker's `message_size_limit` to match so oversized messages never reach us."""


def event_topic(station: str, device_kind: str, device_id: str) -> str:
    """Where a device publishes its events (used by simulators, tests and device gateways)."""
    return f"{TOPIC_ROOT}/{station}/events/{device_kind}/{device_id}"


def subscription(station: str = "+") -> str:
    """The filter a bridge subscribes to: one station, or "+" for every station on a shared broker."""
    return f"{TOPIC_ROOT}/{station}/events/#"


def _topic_device(topic: str) -> str | Rejection:
    parts = topic.split("/")
    if len(parts) != 5 or parts[0] != TOPIC_ROOT or parts[2] != "events":
        return Rejection(f"topic {topic!r} is not {TOPIC_ROOT}/<station>/events/<device_kind>/<device_id>")
    if parts[3] not in DEVICE_KINDS:
        return Rejection(f"unknown device kind {parts[3]!r} in topic {topic!r}")
    if not parts[4]:
        return Rejection(f"empty device id in topic {topic!r}")
    return parts[4]


def _check_device(item: Item, device: str) -> Item:
    if isinstance(item, Event) and item.device != device:
        reason = f"event device {item.device!r} does not match topic device {device!r}"
        return Rejection(reason, encode_event(item).decode())
    return item


def decode_message(topic: str, payload: bytes) -> list[Item]:
    """One MQTT message → its events (an object, or an array of objects) and rejections; never raises."""
    if len(payload) > MAX_PAYLOAD:
        return [Rejection(f"payload of {len(payload)} bytes exceeds {MAX_PAYLOAD}", f"topic {topic}")]
    device = _topic_device(topic)
    if isinstance(device, Rejection):
        return [Rejection(device.reason, payload[:500].decode("utf-8", "replace"))]
    try:
        obj = orjson.loads(payload)
    except orjson.JSONDecodeError as exc:
        return [Rejection(f"invalid JSON: {exc}", payload[:500].decode("utf-8", "replace"))]
    if isinstance(obj, list):
        if len(obj) > MAX_BATCH:
            return [Rejection(f"array of {len(obj)} events exceeds {MAX_BATCH}", f"topic {topic}")]
        return [_check_device(_decode_one(element), device) for element in obj]
    return [_check_device(_decode_one(obj), device)]


def _decode_one(obj: object) -> Item:
    if not isinstance(obj, dict):
        return Rejection("event must be a JSON object", orjson.dumps(obj).decode()[:500])
    return decode_event(obj)


def mqtt_bridge(
    settings: MqttSettings,
    sink: Sink,
    clock: BridgeClock,
    reporter: HealthReporter | None = None,
    decode: Callable[[str, bytes], Sequence[Item]] = decode_message,
) -> MqttTransport:
    """A ready-to-start MQTT bridge; its health is named "mqtt:<client_id>"."""
    health = HealthTracker(f"mqtt:{settings.client_id}", clock.now_ms, reporter)
    return MqttTransport(settings, decode, sink, health, clock)
