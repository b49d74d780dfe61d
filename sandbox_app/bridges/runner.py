"""`Bridges`: start what a bridges file configures, feed one sink, show their health, stop them all.

Every bridge gets the same `sink` (e.g. `Engine.ingest`, or a LiveSession's hand-over to its worker) and
the same health `reporter` (e.g. `Engine.report_health`), exactly as each bridge's own tests wire them, so
the device-health panel and the liveness rule's `bridge:<name>` heartbeats see real bridges like the
simulator's. Orders: a JT/T 808 terminal that is connected gets the 0x8300 text, every other guard's device
its MQTT order topic (`[orders]`), which is the only downlink OsmAnd phones and GT06 units have. `[orders]`
also subscribes the guards' replies (`bridges/replies.py`), which `replies` hands to the desk's rule.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from sandbox_app.bridges.config import BridgesConfig, Listen
from sandbox_app.bridges.health import KEEPALIVE_MS, HealthReporter
from sandbox_app.bridges.orders import OrderNotSent
from sandbox_app.bridges.registry import STARTERS, SnapshotSaver
from sandbox_app.bridges.trackers.bridge import ListenSettings
from sandbox_app.bridges.transport import BridgeClock, Sink
from sandbox_app.bridges.transport.http_poller import CursorStore
from sandbox_app.domain.dispatch import Order
from sandbox_app.domain.model import District
from sandbox_app.engine.messages import BridgeHealth

if TYPE_CHECKING:
    from sandbox_app.bridges.cad110.server import IncidentSink
    from sandbox_app.bridges.gat1400.server import RecordSink
    from sandbox_app.bridges.orders import Reply
    from sandbox_app.bridges.phone.server import PhoneServer
    from sandbox_app.bridges.replies import MqttReplySubscriber
    from sandbox_app.bridges.trackers.bridge import TrackerDirectory
    from sandbox_app.dispatch.lifecycle import DispatchDesk

log = logging.getLogger(__name__)


class _Running(Protocol):
    def stop(self) -> Any: ...


class BridgeStartError(RuntimeError):
    """A configured bridge could not start (a port in use, an unresolvable host); the others are stopped."""


@dataclass(slots=True)
class _Entry:
    section: str
    obj: _Running
    health: Callable[[], BridgeHealth] | None


class Bridges:
    """`start()` builds and starts every configured bridge (all or none), `stop()` stops them (idempotent),
    `health()` lists their current health, `send_order` is the dispatch desk's order path."""

    def __init__(
        self,
        config: BridgesConfig,
        district: District,
        sink: Sink,
        clock: BridgeClock,
        reporter: HealthReporter | None = None,
        cursors: CursorStore | None = None,
        save_snapshot: SnapshotSaver | None = None,
        incidents: IncidentSink | None = None,
        local_file: str | None = None,
        records: RecordSink | None = None,
    ) -> None:
        """`cursors` keeps the HTTP pull cursor (the Store); `save_snapshot` stores camera JPEGs;
        `incidents` stores what [cad110] receives (default: the cursor store's `add_incident`);
        `local_file` is the station's users/audit SQLite file ([phone] keeps its enrolments there)."""
        self.config = config
        self.district = district
        self.sink = sink
        self.clock = clock
        self.reporter = reporter
        self.cursors = cursors
        self.save_snapshot = save_snapshot
        self.incidents = incidents or getattr(cursors, "add_incident", None)
        self.local_file = local_file
        self.records = records
        """[gat1400]'s community records (residents' registrations, `station/people_updates.py`)."""
        self.addresses: dict[str, tuple[str, int]] = {}
        """Section → the bound (host, port) of each server bridge (useful with port 0)."""
        self._entries: list[_Entry] = []
        """Every bridge built, for `health()` (a stopped one still shows its final counts)."""
        self._running: list[_Entry] = []
        self._jt808: Any = None
        self._order_sender: Callable[[Order], None] | None = None
        self._mqtt_sender: Callable[[Order], None] | None = None
        self._replies: MqttReplySubscriber | None = None
        self._phone: PhoneServer | None = None
        self._trackers: dict[frozenset[str] | None, TrackerDirectory] = {}
        self._keepalive_due = 0.0

    # lifecycle -------------------------------------------------------------------------------------------
    def start(self) -> None:
        try:
            self._start_all()
        except Exception as exc:
            self.stop()
            if isinstance(exc, BridgeStartError):
                raise
            raise BridgeStartError(f"{self.config.path}: a bridge failed to start: {exc}") from exc

    def stop(self) -> None:
        """Stop in reverse order; one bridge failing to stop does not keep the others running."""
        self._order_sender = None
        self._mqtt_sender = None
        self._jt808 = None
        self._replies = None
        self._phone = None
        while self._running:
            entry = self._running.pop()
            try:
                entry.obj.stop()
            except Exception:
                log.exception("bridge [%s] did not stop cleanly", entry.section)

    def add(
        self, section: str, obj: Any, health: Callable[[], BridgeHealth] | None = None, watched: bool = True
    ) -> None:
        """Start `obj` and keep it for `stop`; its health is `health()` or its `.health` (if `watched`)."""
        if watched and health is None:
            health = lambda: obj.health  # noqa: E731
        entry = _Entry(section, obj, health)
        self._entries.append(entry)
        self._running.append(entry)
        try:
            obj.start()
        except OSError as exc:
            raise BridgeStartError(f"{self.config.path}: [{section}] could not start: {exc}") from exc

    def start_error(self, section: str, problem: str) -> BridgeStartError:
        return BridgeStartError(f"{self.config.path}: [{section}] {problem}")

    def serve(self, section: str, factory: Callable[..., Any], listen: Listen, directory: Any) -> Any:
        """Build and start a listening server bridge; its bound address goes into `addresses`."""
        settings = ListenSettings(
            listen.host, listen.port, "", listen.idle_timeout_s, listen.max_connections, listen.datum
        )
        try:
            server = factory(settings, directory, self.sink, self.clock, self.reporter)
        except OSError as exc:
            raise self.start_error(section, f"cannot listen on {listen.host}:{listen.port}: {exc}") from exc
        self.add(section, server)
        self.addresses[section] = server.address
        return server

    def _start_all(self) -> None:
        """Every configured section's starter (`registry.STARTERS`), in the table's order."""
        for section, starter in STARTERS.items():
            settings = getattr(self.config, section)
            if settings is not None:
                starter(self, settings)

    def trackers(self, kinds: frozenset[str] | None = None) -> TrackerDirectory:
        """The district's trackers of `kinds` (default: GPS trackers), built once and shared."""
        from sandbox_app.bridges.trackers.bridge import TrackerDirectory

        if kinds not in self._trackers:
            if kinds is None:
                directory = TrackerDirectory.from_district(self.district)
            else:
                directory = TrackerDirectory.from_district(self.district, kinds=kinds)
            if len(directory) == 0:
                what = "gps_tracker" if kinds is None else "/".join(sorted(kinds))
                log.warning(
                    "%s: the district has no %s devices; every one is rejected", self.config.path, what
                )
            self._trackers[kinds] = directory
        return self._trackers[kinds]

    def route_orders(
        self,
        sender: Callable[[Order], None] | None = None,
        replies: MqttReplySubscriber | None = None,
        terminals: Any = None,
        phone: PhoneServer | None = None,
    ) -> None:
        """Where the desk's orders go: a connected JT/T 808 terminal first (`terminals`, the server), then
        the phone page for a guard enrolled there (`phone`), else the MQTT order topic (`sender`,
        [orders]); `replies` is the phones' reply subscriber."""
        from sandbox_app.bridges.jt808.server import Jt808OrderSender

        if terminals is not None:
            self._jt808 = terminals
        if sender is not None:
            self._mqtt_sender = sender
        if replies is not None:
            self._replies = replies
        if phone is not None:
            self._phone = phone
        fallback = self._mqtt_sender
        if self._phone is not None:
            fallback = _PhoneOrderSender(self._phone, fallback)
        if self._jt808 is not None:
            self._order_sender = Jt808OrderSender(self._jt808, fallback=fallback)
        else:
            self._order_sender = fallback

    # watching ------------------------------------------------------------------------------------------
    def health(self) -> list[BridgeHealth]:
        found: list[BridgeHealth] = []
        for entry in self._entries:
            if entry.health is None:
                continue
            found.append(entry.health())
        return found

    def keepalive(self) -> None:
        """Call often (e.g. once a second): every `KEEPALIVE_MS` each connected bridge reports its health
        again, so a server that is up but quiet (no tracker sent anything) is not taken for a dead one."""
        now = self.clock.monotonic_s()
        if now < self._keepalive_due or self.reporter is None:
            return
        self._keepalive_due = now + KEEPALIVE_MS / 1000.0
        for snapshot in self.health():
            if snapshot.connected:
                try:
                    self.reporter(snapshot)
                except Exception:
                    log.exception("health reporter failed for bridge %s", snapshot.name)

    # orders --------------------------------------------------------------------------------------------
    @property
    def sends_orders(self) -> bool:
        """Whether an order path is configured ([jt808] and/or [orders])."""
        return any(x is not None for x in (self.config.jt808, self.config.orders, self.config.phone))

    def reaches(self, device: str | None) -> bool:
        """Whether `device` is a JT/T 808 terminal connected right now (its order goes there first)."""
        server = self._jt808
        return bool(device) and server is not None and device in server.connected_devices()

    def send_order(self, order: Order) -> None:
        """The desk's `send_order`; raises `OrderNotSent` (the desk retries) when there is no path yet."""
        sender = self._order_sender
        if sender is None:
            raise OrderNotSent(f"no order path for dispatch {order.dispatch_id}: bridges not running")
        sender(order)

    @property
    def reply_subscriber(self) -> MqttReplySubscriber | None:
        """The phones' reply subscriber while running with [orders] (its `stats`, `wait_ready`)."""
        return self._replies

    @property
    def phone(self) -> PhoneServer | None:
        """The phone page's server while running with [phone] (its `stats`, `url`)."""
        return self._phone

    def replies(self, until_ts: int, desk: DispatchDesk) -> Iterable[Reply]:
        """The phones' replies to apply now ([orders] subscribes `sandbox/<station>/replies/+`, [phone]
        takes them from the page): the desk rule's replies source,
        `DeskRule(desk, lambda t: bridges.replies(t, desk))`; empty without either."""
        subscriber, phone = self._replies, self._phone
        if subscriber is not None:
            yield from subscriber.take(until_ts, desk)
        if phone is not None:
            yield from phone.take(until_ts, desk)


class _PhoneOrderSender:
    """A guard enrolled on the phone page gets the order there; anyone else through `fallback` (MQTT)."""

    def __init__(self, phone: PhoneServer, fallback: Callable[[Order], None] | None) -> None:
        self.phone = phone
        self.fallback = fallback

    def __call__(self, order: Order) -> None:
        if self.phone.reaches(order.guard):
            self.phone.deliver(order)
        elif self.fallback is not None:
            self.fallback(order)
        else:
            raise OrderNotSent(f"guard {order.guard} has no enrolled phone for dispatch {order.dispatch_id}")
