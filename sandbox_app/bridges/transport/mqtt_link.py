"""MQTT subscriber transport (paho-mqtt 2.x, MQTT v5): QoS 1, persistent session, ack after durable.

Delivery guarantee: a message is PUBACKed only after the sink has made it durable. Until then the broker
keeps it in our persistent session (fixed client id, clean_start=False, session expiry) and redelivers it
after any reconnect or restart, ours or the broker's. Redelivery can repeat an event, which the store
absorbs by event id; it can never lose one the broker had accepted.

Threads: paho's network thread decodes and queues messages; one worker thread batches them (up to
`batch_max` items or `batch_ms`), calls the sink once per batch, then acks the whole batch. Acks from a
connection that has since dropped are not sent: the broker redelivers those messages on the new one.
"""

from __future__ import annotations

import logging
import queue
import ssl
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties
from paho.mqtt.reasoncodes import ReasonCode
from paho.mqtt.subscribeoptions import SubscribeOptions

from sandbox_app.bridges.health import HealthTracker
from sandbox_app.bridges.transport import BridgeClock, Item, Sink
from sandbox_app.domain.events import Rejection
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)

MqttDecoder = Callable[[str, bytes], Sequence[Item]]
"""(topic, payload) → the events and rejections in that message; must not raise."""


@dataclass(frozen=True, slots=True)
class MqttSettings:
    host: str = "127.0.0.1"
    port: int = 1883
    client_id: str = "sandbox-bridge"
    """Must be fixed per bridge: the broker keeps the persistent session under this id."""
    topics: tuple[str, ...] = ("sandbox/+/events/#",)
    qos: int = 1
    session_expiry_s: int = 7 * 24 * 3600
    """How long the broker keeps our session (and queues for us) while we are away."""
    receive_maximum: int = 2000
    """Unacked messages the broker may have in flight to us; must exceed `batch_max` for batching."""
    batch_max: int = 500
    batch_ms: int = 20
    """20 ms keeps arrival→alert p99 under 50 ms at 1,000 events/s (bench/pipeline.py)."""
    keepalive_s: int = 30
    reconnect_min_s: int = 1
    reconnect_max_s: int = 30
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    """In memory only: the bridges file names it by `password_env` / `password_file` (config.py)."""
    tls: bool = False
    """Encrypt the link (brokers usually listen on 8883); the broker's certificate is always verified."""
    ca_certs: str | None = None
    """CA file that signed the broker's certificate; None uses the system's trust store."""
    certfile: str | None = None
    keyfile: str | None = None
    """Client certificate and key, for brokers that authenticate bridges by certificate."""


def link_client(s: MqttSettings, *, manual_ack: bool = False) -> mqtt.Client:
    """An MQTT v5 client set up as the link says: TLS (the broker's certificate always verified), login
    and reconnect backoff. Every client of a link (events, orders, replies) is made here, so none of them
    can forget one of the link's security settings. Callbacks are the caller's."""
    client = mqtt.Client(
        CallbackAPIVersion.VERSION2, client_id=s.client_id, protocol=mqtt.MQTTv5, manual_ack=manual_ack
    )
    if s.tls:
        client.tls_set(
            ca_certs=s.ca_certs, certfile=s.certfile, keyfile=s.keyfile, cert_reqs=ssl.CERT_REQUIRED
        )
    if s.username is not None:
        client.username_pw_set(s.username, s.password)
    client.reconnect_delay_set(s.reconnect_min_s, s.reconnect_max_s)
    return client


def connect_persistent(client: mqtt.Client, s: MqttSettings) -> None:
    """Connect in the background to the session the broker keeps for `s.client_id` (no clean start), so
    messages queued while we were away are delivered; paho retries with backoff until disconnected."""
    props = Properties(PacketTypes.CONNECT)  # type: ignore[no-untyped-call]
    props.SessionExpiryInterval = s.session_expiry_s
    props.ReceiveMaximum = s.receive_maximum
    client.connect_async(s.host, s.port, keepalive=s.keepalive_s, clean_start=False, properties=props)


@dataclass(frozen=True, slots=True)
class _Pending:
    items: Sequence[Item]
    mid: int
    qos: int
    generation: int
    """Which connection delivered it; an ack is only valid on that connection."""


class MqttTransport:
    """Subscribe, decode, batch into the sink, then ack. `start()` returns at once; `stop()` joins."""

    def __init__(
        self,
        settings: MqttSettings,
        decode: MqttDecoder,
        sink: Sink,
        health: HealthTracker,
        clock: BridgeClock,
    ) -> None:
        self.settings = settings
        self._decode = decode
        self._sink = sink
        self._health = health
        self._clock = clock
        self._queue: queue.Queue[_Pending] = queue.Queue()
        self._stop = threading.Event()
        self._ack_lock = threading.Lock()
        self._generation = 0
        self._connected = False
        self._subscribed = threading.Event()
        self._worker: threading.Thread | None = None
        self._client = self._make_client()

    # lifecycle ------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Connect in the background; paho retries with exponential backoff until `stop()`."""
        connect_persistent(self._client, self.settings)
        self._worker = threading.Thread(
            target=self._work, name=f"mqtt-bridge-{self.settings.client_id}", daemon=True
        )
        self._worker.start()
        self._client.loop_start()

    def stop(self, timeout_s: float = 10.0) -> None:
        """Finish the batch in hand (sink + ack), then disconnect; queued but unsunk messages stay
        unacked, so the broker delivers them again next time."""
        self._stop.set()
        if self._worker is not None:
            self._worker.join(timeout_s)
        self._client.disconnect()
        self._client.loop_stop()
        self._health.set_connected(False)

    def wait_ready(self, timeout_s: float) -> bool:
        """Block until the first SUBACK: from then on the broker queues matching messages for us."""
        return self._subscribed.wait(timeout_s)

    @property
    def connected(self) -> bool:
        return self._connected

    @property
    def health(self) -> BridgeHealth:
        return self._health.snapshot()

    # paho callbacks (network thread) ----------------------------------------------------------------------
    def _make_client(self) -> mqtt.Client:
        client = link_client(self.settings, manual_ack=True)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_connect_fail = self._on_connect_fail
        client.on_message = self._on_message
        client.on_subscribe = self._on_subscribe
        return client

    def _on_connect(
        self,
        client: mqtt.Client,
        userdata: Any,
        flags: mqtt.ConnectFlags,
        reason: ReasonCode,
        properties: Properties | None,
    ) -> None:
        if reason.is_failure:
            log.warning("MQTT %s refused the connection: %s", self.settings.host, reason)
            return
        with self._ack_lock:
            self._generation += 1
            self._connected = True
        # Subscribing again is harmless with a kept session and needed when the topic list changed;
        # retain handling 1 avoids a replay of retained messages on every reconnect.
        options = SubscribeOptions(qos=self.settings.qos, retainHandling=1)
        client.subscribe([(topic, options) for topic in self.settings.topics])
        self._health.set_connected(True)

    def _on_disconnect(
        self,
        client: mqtt.Client,
        userdata: Any,
        flags: mqtt.DisconnectFlags,
        reason: ReasonCode,
        properties: Properties | None,
    ) -> None:
        with self._ack_lock:
            self._generation += 1
            self._connected = False
        self._health.set_connected(False)

    def _on_subscribe(
        self,
        client: mqtt.Client,
        userdata: Any,
        mid: int,
        reasons: list[ReasonCode],
        properties: Properties | None,
    ) -> None:
        failed = [str(r) for r in reasons if r.is_failure]
        if failed:
            log.error("MQTT broker refused subscriptions %s: %s", self.settings.topics, failed)
            self._health.reject(f"subscription refused: {', '.join(failed)}")
        else:
            self._subscribed.set()

    def _on_connect_fail(self, client: mqtt.Client, userdata: Any) -> None:
        self._health.set_connected(False)

    def _on_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        self._health.message_arrived()
        try:
            items = self._decode(message.topic, bytes(message.payload))
        except Exception as exc:  # a decoder bug must not kill paho's network thread
            log.exception("MQTT decoder failed on %s", message.topic)
            items = [Rejection(f"decoder failed: {exc!r}", f"topic {message.topic}")]
        self._queue.put(_Pending(items, message.mid, message.qos, self._generation))

    # worker thread ----------------------------------------------------------------------------------------
    def _work(self) -> None:
        while not self._stop.is_set():
            batch = self._collect()
            self._health.keepalive()
            if batch and self._deliver([item for p in batch for item in p.items]):
                self._ack(batch)

    def _collect(self) -> list[_Pending]:
        """Up to `batch_max` items, waiting at most `batch_ms` after the first one arrived."""
        try:
            first = self._queue.get(timeout=0.1)
        except queue.Empty:
            return []
        batch, count = [first], len(first.items)
        deadline = self._clock.monotonic_s() + self.settings.batch_ms / 1000
        while count < self.settings.batch_max:
            remaining = deadline - self._clock.monotonic_s()
            if remaining <= 0:
                break
            try:
                pending = self._queue.get(timeout=remaining)
            except queue.Empty:
                break
            batch.append(pending)
            count += len(pending.items)
        return batch

    def _deliver(self, items: list[Item]) -> bool:
        """Hand a batch to the sink, retrying with backoff while it fails (e.g. disk full); the batch
        is the same each time and the store dedupes, so a retry is safe. False when stopped first."""
        delay = 0.5
        while True:
            try:
                self._sink(items)
            except Exception:
                log.exception("sink failed; retrying the batch in %.1f s", delay)
                if self._stop.wait(delay):
                    return False
                delay = min(delay * 2, float(self.settings.reconnect_max_s))
                continue
            self._health.record_batch(items)
            return True

    def _ack(self, batch: list[_Pending]) -> None:
        with self._ack_lock:
            for pending in batch:
                if pending.qos > 0 and pending.generation == self._generation:
                    self._client.ack(pending.mid, pending.qos)
