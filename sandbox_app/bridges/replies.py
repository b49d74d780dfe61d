"""Guards' replies from real phones: `sandbox/<station>/replies/<device_id>` into the dispatch desk.

The phone half of the closed loop (docs/dispatch.md, "Closed loop"). A reply takes the simulator's path:
`take(until_ts, desk)` is a `DeskRule` replies source, so replies reach `DispatchDesk.answer` on the engine
thread, in time order with the fixes, and the dispatch panel redraws as for simulated guards.

Delivery is at-least-once: QoS 1 on a persistent session (fixed client id, clean_start=False), and a reply
is PUBACKed only after the desk applied it (or it was rejected or found to be a repeat). A reply that came
in but was not applied yet when we stop or lose the connection is delivered again by the broker. Applying
is idempotent: a reply whose step the dispatch already has (a redelivery, or on scene already detected from
the fixes) is counted as a duplicate and changes nothing.

A reply is hostile until checked: `decode_reply` validates its shape, the topic's device must carry the
reply's guard, the dispatch must exist, be that guard's, and allow the step. Every refusal is counted with
its reason (health `rejected`/`last_rejection`, `stats`), acknowledged (it would never become valid) and
never stops the subscriber.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

import paho.mqtt.client as mqtt
from paho.mqtt.properties import Properties
from paho.mqtt.reasoncodes import ReasonCode
from paho.mqtt.subscribeoptions import SubscribeOptions

from sandbox_app.bridges.health import HealthReporter, HealthTracker
from sandbox_app.bridges.mqtt.codec import TOPIC_ROOT
from sandbox_app.bridges.orders import Reply, decode_reply
from sandbox_app.bridges.transport import BridgeClock
from sandbox_app.bridges.transport.mqtt_link import MqttSettings, connect_persistent, link_client
from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.domain.dispatch import DispatchError, DispatchState, next_states
from sandbox_app.domain.events import Rejection
from sandbox_app.domain.model import District
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)

KEPT_REASONS = 100
"""Most recent rejection reasons kept in `ReplyStats.reasons` (the counters keep counting)."""


def replies_subscription(station: str) -> str:
    """The filter the subscriber listens on: every device's replies of one station."""
    return f"{TOPIC_ROOT}/{station}/replies/+"


@dataclass(slots=True)
class ReplyStats:
    """What became of the replies so far (also in the health's received/rejected counts)."""

    received: int = 0
    applied: int = 0
    duplicates: int = 0
    """Replies whose step the dispatch already had: redeliveries, or arrival already seen in the fixes."""
    rejected: int = 0
    reasons: deque[str] = field(default_factory=lambda: deque(maxlen=KEPT_REASONS))


class Received(Protocol):
    """A reply as it waits in an inbox (MQTT's or the phone server's)."""

    @property
    def reply(self) -> Reply: ...

    @property
    def received_ms(self) -> int: ...


R = TypeVar("R", bound=Received)


def due(inbox: list[R], until_ts: int) -> tuple[list[R], list[R]]:
    """The replies of `inbox` to apply before `until_ts`, in the order to apply them, and the rest. A reply's
    time is the phone's, kept no later than when it reached us: a phone clock that is ahead cannot hold a
    reply back."""
    ready = [p for p in inbox if min(p.reply.ts, p.received_ms) < until_ts]
    rest = [p for p in inbox if min(p.reply.ts, p.received_ms) >= until_ts]
    ready.sort(key=lambda p: (min(p.reply.ts, p.received_ms), p.received_ms))
    return ready, rest


@dataclass(frozen=True, slots=True)
class _Inbound:
    reply: Reply
    device: str
    mid: int
    qos: int
    generation: int
    """Which connection delivered it; its PUBACK is only valid on that connection."""
    received_ms: int


def vet_reply(r: Reply, received_ms: int, desk: DispatchDesk, source: str) -> Reply | str | None:
    """Every phone path's check before the desk applies a reply (MQTT here, the phone page in
    bridges/phone): the reply to apply, None for a repeat of a step the dispatch already has, or the reason
    it is refused. `source` names where it came from in that reason ("device GPS-00001").

    A reply's time is the phone's, kept within [the dispatch's last step, the time it reached us]: a phone
    clock that is ahead cannot hold a reply back, one that is behind cannot refuse the step.
    """
    try:
        d = desk.get(r.dispatch_id)
    except DispatchError:
        return f"reply {r.state} from {source}: unknown dispatch {r.dispatch_id}"
    if d.guard_id != r.guard:
        return f"reply for dispatch {d.id} from guard {r.guard}: it is {d.guard_id}'s"
    state = DispatchState(r.state)
    if d.step_ts(state) is not None:
        return None
    if state not in next_states(d.state):
        allowed = ", ".join(sorted(next_states(d.state))) or "none"
        return f"reply {state} for dispatch {d.id} no longer applies: it is {d.state} (next: {allowed})"
    return replace(r, ts=max(min(r.ts, received_ms), d.last_ts))


def applied_problem(reply: Reply, desk: DispatchDesk) -> str:
    """After the desk had `reply`: "" when its step is now in the dispatch, else why it is not."""
    try:
        d = desk.get(reply.dispatch_id)
    except DispatchError:
        d = None
    if d is None or d.step_ts(DispatchState(reply.state)) is None:
        return f"reply {reply.state} for dispatch {reply.dispatch_id} was not applied (see log)"
    return ""


class MqttReplySubscriber:
    """`start()`, then give `take` to the desk's rule (`DeskRule(desk, lambda t: sub.take(t, desk))`);
    `stop()` at the end. `health` and `stats` say what arrived and what was refused, and why."""

    def __init__(
        self,
        settings: MqttSettings,
        station: str,
        district: District,
        clock: BridgeClock,
        reporter: HealthReporter | None = None,
    ) -> None:
        """`settings.client_id` must be this subscriber's own (not the order sender's): the broker keeps
        the persistent session under it, and two clients with one id keep throwing each other off."""
        self.settings = settings
        self.station = station
        self.topic = replies_subscription(station)
        self.stats = ReplyStats()
        self._clock = clock
        self._guard_of = {g.device_id: g.id for g in district.guards.values() if g.device_id}
        self._health = HealthTracker(f"replies:{settings.client_id}", clock.now_ms, reporter)
        self._lock = threading.Lock()
        self._ack_lock = threading.Lock()
        """Held while the connection generation changes and while acking, so no PUBACK reaches a newer
        connection (where its message id means another message)."""
        self._inbox: list[_Inbound] = []
        self._generation = 0
        self._subscribed = threading.Event()
        self._client = self._make_client()

    # lifecycle ------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Connect in the background; paho retries with backoff until `stop()`."""
        connect_persistent(self._client, self.settings)
        self._client.loop_start()

    def stop(self) -> None:
        """Disconnect; replies not applied yet stay unacknowledged, so the broker delivers them again."""
        self._client.disconnect()
        self._client.loop_stop()
        self._health.set_connected(False)

    def wait_ready(self, timeout_s: float) -> bool:
        """Block until the first SUBACK: from then on the broker queues replies for us."""
        return self._subscribed.wait(timeout_s)

    @property
    def health(self) -> BridgeHealth:
        return self._health.snapshot()

    @property
    def waiting(self) -> int:
        """Replies received and checked but not yet handed to the desk."""
        with self._lock:
            return len(self._inbox)

    # engine thread -------------------------------------------------------------------------------------
    def take(self, until_ts: int, desk: DispatchDesk) -> Iterator[Reply]:
        """The replies to apply now (a `DeskRule` replies source), oldest first; each is acknowledged once
        the desk is done with it, i.e. when the caller asks for the next one.

        A reply's time is the phone's, kept within [the dispatch's last step, the time it reached us]: a
        phone clock that is ahead cannot hold a reply back, one that is behind cannot refuse the step.
        """
        if not self._inbox:  # the common case on every fix and tick: no lock, no work
            return
        with self._lock:
            ready, self._inbox = due(self._inbox, until_ts)
        done = 0
        try:
            for inbound in ready:
                verdict = self._check(inbound, desk)
                if isinstance(verdict, Reply):
                    yield verdict
                    self._applied(inbound, verdict, desk)
                self._ack(inbound)
                done += 1
        finally:  # the caller stopped early (an unexpected error): keep the rest for the next call
            if done < len(ready):
                with self._lock:
                    self._inbox[:0] = ready[done:]

    def _check(self, inbound: _Inbound, desk: DispatchDesk) -> Reply | None:
        """The reply as the desk should apply it, or None when it was refused or is a repeat."""
        verdict = vet_reply(inbound.reply, inbound.received_ms, desk, f"device {inbound.device}")
        if isinstance(verdict, str):
            self._reject(verdict)
            return None
        if verdict is None:
            self._count(duplicate=True)
        return verdict

    def _applied(self, inbound: _Inbound, reply: Reply, desk: DispatchDesk) -> None:
        problem = applied_problem(reply, desk)
        if problem:
            self._reject(problem)
        else:
            self._count(duplicate=False)

    # paho callbacks (network thread) ----------------------------------------------------------------------
    def _make_client(self) -> mqtt.Client:
        client = link_client(self.settings, manual_ack=True)
        client.on_connect = self._on_connect
        client.on_disconnect = self._on_disconnect
        client.on_connect_fail = lambda *_: self._health.set_connected(False)
        client.on_subscribe = self._on_subscribe
        client.on_message = self._on_message
        return client

    def _on_connect(
        self, client: mqtt.Client, userdata: Any, flags: Any, reason: ReasonCode, props: Properties | None
    ) -> None:
        if reason.is_failure:
            log.warning("MQTT %s refused the reply subscriber: %s", self.settings.host, reason)
            return
        with self._ack_lock:
            self._generation += 1
        client.subscribe([(self.topic, SubscribeOptions(qos=self.settings.qos, retainHandling=1))])
        self._health.set_connected(True)

    def _on_disconnect(
        self, client: mqtt.Client, userdata: Any, flags: Any, reason: ReasonCode, props: Properties | None
    ) -> None:
        with self._ack_lock:
            self._generation += 1
        # Replies waiting in the inbox stay: they are applied as usual but not acked on this dead
        # connection; the broker's redelivery of them then counts as a duplicate and is acked.
        self._health.set_connected(False)

    def _on_subscribe(
        self, client: mqtt.Client, userdata: Any, mid: int, reasons: list[ReasonCode], props: Any
    ) -> None:
        failed = [str(r) for r in reasons if r.is_failure]
        if failed:
            log.error("MQTT broker refused %s: %s", self.topic, failed)
            self._health.reject(f"subscription refused: {', '.join(failed)}")
        else:
            self._subscribed.set()

    def _on_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        self._health.message_arrived()
        with self._ack_lock:
            generation = self._generation
        inbound = self._inbound(message, generation)
        if inbound is None:
            if message.qos > 0:
                client.ack(message.mid, message.qos)
            return
        with self._lock:
            self._inbox.append(inbound)

    def _inbound(self, message: mqtt.MQTTMessage, generation: int) -> _Inbound | None:
        try:
            decoded = decode_reply(message.topic, bytes(message.payload))
        except Exception as exc:  # a decoder bug must not kill paho's network thread
            log.exception("reply decoder failed on %s", message.topic)
            decoded = Rejection(f"decoder failed: {exc!r}", f"topic {message.topic}")
        if isinstance(decoded, Rejection):
            self._reject(f"{message.topic}: {decoded.reason}")
            return None
        device = message.topic.rsplit("/", 1)[-1]
        guard = self._guard_of.get(device)
        if guard is None:
            self._reject(f"{message.topic}: device {device} carries no guard of this district")
            return None
        if guard != decoded.guard:
            self._reject(f"{message.topic}: device {device} is guard {guard}'s, not {decoded.guard}'s")
            return None
        return _Inbound(decoded, device, message.mid, message.qos, generation, self._clock.now_ms())

    # counting and acks ----------------------------------------------------------------------------------
    def _reject(self, reason: str) -> None:
        log.info("reply refused: %s", reason)
        with self._lock:
            self.stats.received += 1
            self.stats.rejected += 1
            self.stats.reasons.append(reason)
        self._health.record_counts(1, [Rejection(reason)])
        self._health.report()

    def _count(self, *, duplicate: bool) -> None:
        with self._lock:
            self.stats.received += 1
            if duplicate:
                self.stats.duplicates += 1
            else:
                self.stats.applied += 1
        self._health.record_counts(1, [])
        self._health.report()

    def _ack(self, inbound: _Inbound) -> None:
        with self._ack_lock:
            if inbound.qos > 0 and inbound.generation == self._generation:
                self._client.ack(inbound.mid, inbound.qos)
