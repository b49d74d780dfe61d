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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from sandbox_app.bridges.config import BridgesConfig, Listen, MqttLink
from sandbox_app.bridges.health import KEEPALIVE_MS, BridgeHealth, HealthReporter, HealthTracker
from sandbox_app.bridges.orders import OrderNotSent
from sandbox_app.bridges.trackers.bridge import ListenSettings
from sandbox_app.bridges.transport import BridgeClock, Sink
from sandbox_app.bridges.transport.http_poller import CursorStore
from sandbox_app.bridges.transport.mqtt_link import MqttSettings
from sandbox_app.domain.dispatch import Order
from sandbox_app.domain.model import District

if TYPE_CHECKING:
    from sandbox_app.bridges.cad110.server import IncidentSink
    from sandbox_app.bridges.orders import Reply
    from sandbox_app.bridges.replies import MqttReplySubscriber
    from sandbox_app.dispatch.lifecycle import DispatchDesk
    from sandbox_app.domain.incidents import Incident

log = logging.getLogger(__name__)
SnapshotSaver = Callable[[str, bytes], str]


class _Running(Protocol):
    def stop(self) -> Any: ...


class BridgeStartError(RuntimeError):
    """A configured bridge could not start (a port in use, an unresolvable host); the others are stopped."""


@dataclass(slots=True)
class _Entry:
    section: str
    obj: _Running
    health: Callable[[], BridgeHealth] | None


def _mqtt_settings(link: MqttLink, topics: tuple[str, ...] | None = None) -> MqttSettings:
    extra: dict[str, Any] = {"topics": topics} if topics else {}
    return MqttSettings(
        host=link.host,
        port=link.port,
        client_id=link.client_id,
        username=link.username,
        password=link.password,
        tls=link.tls,
        ca_certs=link.ca_file,
        certfile=link.client_cert[0] if link.client_cert else None,
        keyfile=link.client_cert[1] if link.client_cert else None,
        **extra,
    )


def _listen(listen: Listen) -> ListenSettings:
    return ListenSettings(
        listen.host, listen.port, "", listen.idle_timeout_s, listen.max_connections, listen.datum
    )


class _UplinkHealth:
    """Health of our registration at a higher GA/T 1400 platform: connected while registered."""

    def __init__(self, client: Any, clock: BridgeClock, reporter: HealthReporter | None) -> None:
        self.client = client
        self.tracker = HealthTracker(f"gat1400-up:{client.device_id}", clock.now_ms, reporter)

    def refresh(self) -> BridgeHealth:
        self.tracker.set_connected(bool(self.client.registered))
        return self.tracker.snapshot()


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
    ) -> None:
        """`cursors` keeps the HTTP pull cursor (the Store); `save_snapshot` stores camera JPEGs;
        `incidents` stores what [cad110] receives (default: the cursor store's `add_incident`)."""
        self.config = config
        self.district = district
        self.sink = sink
        self.clock = clock
        self.reporter = reporter
        self.cursors = cursors
        self.save_snapshot = save_snapshot
        self.incidents = incidents or getattr(cursors, "add_incident", None)
        self.addresses: dict[str, tuple[str, int]] = {}
        """Section → the bound (host, port) of each server bridge (useful with port 0)."""
        self._entries: list[_Entry] = []
        """Every bridge built, for `health()` (a stopped one still shows its final counts)."""
        self._running: list[_Entry] = []
        self._jt808: Any = None
        self._order_sender: Callable[[Order], None] | None = None
        self._replies: MqttReplySubscriber | None = None
        self._uplink: _UplinkHealth | None = None
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
        self._jt808 = None
        self._replies = None
        while self._running:
            entry = self._running.pop()
            try:
                entry.obj.stop()
            except Exception:
                log.exception("bridge [%s] did not stop cleanly", entry.section)

    def _add(
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

    def _cannot_listen(self, section: str, listen: Listen, exc: OSError) -> BridgeStartError:
        where = f"{listen.host}:{listen.port}"
        return BridgeStartError(f"{self.config.path}: [{section}] cannot listen on {where}: {exc}")

    def _server(self, section: str, factory: Callable[..., Any], listen: Listen, directory: Any) -> Any:
        try:
            server = factory(_listen(listen), directory, self.sink, self.clock, self.reporter)
        except OSError as exc:
            where = f"{listen.host}:{listen.port}"
            raise BridgeStartError(
                f"{self.config.path}: [{section}] cannot listen on {where}: {exc}"
            ) from exc
        self._add(section, server)
        self.addresses[section] = server.address
        return server

    def _start_all(self) -> None:
        c = self.config
        if c.osmand or c.jt808 or c.gt06:
            from sandbox_app.bridges.gt06.server import Gt06Server
            from sandbox_app.bridges.jt808.server import Jt808Server
            from sandbox_app.bridges.osmand.server import OsmAndServer
            from sandbox_app.bridges.trackers.bridge import TrackerDirectory

            directory = TrackerDirectory.from_district(self.district)
            if len(directory) == 0:
                log.warning("%s: the district has no gps_tracker devices; every tracker is rejected", c.path)
            if c.osmand:
                self._server("osmand", OsmAndServer, c.osmand, directory)
            if c.jt808:
                self._jt808 = self._server("jt808", Jt808Server, c.jt808, directory)
            if c.gt06:
                self._server("gt06", Gt06Server, c.gt06, directory)
        if c.h02:
            from sandbox_app.bridges.h02.server import H02Server
            from sandbox_app.bridges.trackers.bridge import TrackerDirectory

            self._server("h02", H02Server, c.h02, TrackerDirectory.from_district(self.district))
        if c.watch:
            from sandbox_app.bridges.trackers.bridge import TrackerDirectory
            from sandbox_app.bridges.watch.server import WATCH_KINDS, WatchServer

            watches = TrackerDirectory.from_district(self.district, kinds=WATCH_KINDS)
            if len(watches) == 0:
                log.warning("%s: the district has no smart_watch devices; every watch is rejected", c.path)
            self._server("watch", WatchServer, c.watch, watches)
        if c.mqtt:
            from sandbox_app.bridges.mqtt.codec import mqtt_bridge

            self._add(
                "mqtt",
                mqtt_bridge(_mqtt_settings(c.mqtt.link, c.mqtt.topics), self.sink, self.clock, self.reporter),
            )
        if c.http_pull:
            self._start_http_pull()
        if c.isapi:
            self._start_isapi()
        if c.gat1400:
            self._start_gat1400()
        if c.cad110:
            self._start_cad110()
        if c.orders:
            from sandbox_app.bridges.orders import MqttOrderSender
            from sandbox_app.bridges.replies import MqttReplySubscriber

            sender = MqttOrderSender(_mqtt_settings(c.orders.link), c.orders.station)
            self._add("orders", sender, watched=False)
            self._order_sender = sender
            link = replace(c.orders.link, client_id=f"{c.orders.link.client_id}-replies")
            self._replies = MqttReplySubscriber(
                _mqtt_settings(link), c.orders.station, self.district, self.clock, self.reporter
            )
            self._add("replies", self._replies)
        if self._jt808 is not None:
            from sandbox_app.bridges.jt808.server import Jt808OrderSender

            self._order_sender = Jt808OrderSender(self._jt808, fallback=self._order_sender)

    def _start_http_pull(self) -> None:
        from sandbox_app.bridges.http_pull.codec import http_pull_bridge
        from sandbox_app.bridges.transport.http_poller import HttpPullSettings

        section = self.config.http_pull
        assert section is not None
        if self.cursors is None:
            raise BridgeStartError(f"{self.config.path}: [http_pull] needs a store to keep its cursor")
        settings = HttpPullSettings(
            section.url,
            section.name,
            poll_interval_s=section.interval_s,
            bearer_token=section.token,
            basic_auth=section.basic_auth,
            ca_bundle=section.ca_file,
            client_cert=section.client_cert,
        )
        self._add("http_pull", http_pull_bridge(settings, self.sink, self.cursors, self.clock, self.reporter))

    def _start_cad110(self) -> None:
        from sandbox_app.bridges.cad110.server import Cad110Server, Cad110Settings

        s = self.config.cad110
        assert s is not None
        if self.incidents is None:
            raise BridgeStartError(f"{self.config.path}: [cad110] needs a store to keep the incidents")
        settings = Cad110Settings(
            s.listen.host, s.listen.port, s.token, s.listen.idle_timeout_s, s.listen.max_connections, s.name
        )
        try:
            server = Cad110Server(settings, self._placed(self.incidents), self.clock, self.reporter)
        except OSError as exc:
            raise self._cannot_listen("cad110", s.listen, exc) from exc
        self._add("cad110", server, server.snapshot)
        self.addresses["cad110"] = server.address

    def _placed(self, sink: IncidentSink) -> IncidentSink:
        """A 110 record with an address and no coordinates gets its place's point from the district's
        standard addresses (`geo.locate`), so guards can be routed to it."""
        from dataclasses import replace as with_fields

        from sandbox_app.geo.locate import best_point

        def store(incident: Incident) -> tuple[Incident, bool]:
            if incident.lon is None and incident.place.address:
                point = best_point(self.district, incident.place.address)
                if point is not None:
                    incident.place = with_fields(incident.place, lon=point[0], lat=point[1])
            return sink(incident)

        return store

    def _start_isapi(self) -> None:
        from sandbox_app.bridges.isapi.codec import IsapiConfig
        from sandbox_app.bridges.isapi.stream import AlertStreamClient, AlertStreamSettings

        s = self.config.isapi
        assert s is not None
        settings = AlertStreamSettings(
            s.url, s.user, s.password, s.name, config=IsapiConfig(device_id=s.device_id)
        )
        self._add(
            "isapi", AlertStreamClient(settings, self.sink, self.clock, self.reporter, self.save_snapshot)
        )

    def _start_gat1400(self) -> None:
        from sandbox_app.bridges.gat1400.codec import Gat1400Config

        s = self.config.gat1400
        assert s is not None
        if s.listen is not None:
            from sandbox_app.bridges.gat1400.server import Gat1400Server

            config = Gat1400Config(
                server_id=s.server_id,
                passwords=dict(s.peers),
                keepalive_s=s.keepalive_s,
                require_digest_each_request=s.require_digest_each_request,
                require_session_token=s.require_session_token,
                max_body_bytes=s.max_body_bytes,
                max_connections=s.listen.max_connections,
                idle_timeout_s=s.listen.idle_timeout_s,
            )
            try:
                server = Gat1400Server(
                    config, self.sink, self.clock, s.listen.host, s.listen.port,
                    save_snapshot=self.save_snapshot, reporter=self.reporter,
                )  # fmt: skip
            except OSError as exc:
                where = f"{s.listen.host}:{s.listen.port}"
                raise BridgeStartError(
                    f"{self.config.path}: [gat1400] cannot listen on {where}: {exc}"
                ) from exc
            self._add("gat1400", server)
            host, port = server.url.removeprefix("http://").rsplit(":", 1)
            self.addresses["gat1400"] = (host, int(port))
        if s.platform_url is not None:
            from sandbox_app.bridges.gat1400.client import Gat1400Client

            client = Gat1400Client(s.platform_url, s.device_id, s.password or "", keepalive_s=s.keepalive_s)
            self._uplink = _UplinkHealth(client, self.clock, self.reporter)
            self._add("gat1400_up", client, self._uplink.refresh)

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
        return self.config.jt808 is not None or self.config.orders is not None

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

    def replies(self, until_ts: int, desk: DispatchDesk) -> Iterable[Reply]:
        """The phones' replies to apply now ([orders] subscribes `sandbox/<station>/replies/+`): the desk
        rule's replies source, `DeskRule(desk, lambda t: bridges.replies(t, desk))`; empty without one."""
        subscriber = self._replies
        return subscriber.take(until_ts, desk) if subscriber is not None else ()
