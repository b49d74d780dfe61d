"""Which bridge each section of a bridges file starts: one table, one starter per protocol folder.

`Bridges.start` walks `STARTERS` in order (the order bridges start, and stop in reverse) and calls the
starter of every section the file configures. A starter imports its own folder (`bridges/gt06/`, ...) only
when its section is configured, builds the bridge from the section's settings and hands it to the host
(`add`, or `serve` for a listening server). A new protocol is one folder, one config section and one line
here; `tests/bridges/test_registry.py` checks that every config section has a starter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from sandbox_app.bridges.config import (
    BridgesConfig,
    Cad110Section,
    Gat1400Section,
    HttpPullSection,
    IsapiSection,
    Listen,
    MqttLink,
    MqttSection,
    OrdersSection,
    PhoneSection,
)
from sandbox_app.bridges.health import HealthReporter
from sandbox_app.bridges.transport import BridgeClock, Sink
from sandbox_app.bridges.transport.http_poller import CursorStore
from sandbox_app.bridges.transport.mqtt_link import MqttSettings
from sandbox_app.domain.dispatch import Order
from sandbox_app.domain.model import District
from sandbox_app.engine.messages import BridgeHealth

if TYPE_CHECKING:
    from sandbox_app.bridges.cad110.server import IncidentSink
    from sandbox_app.bridges.gat1400.server import RecordSink
    from sandbox_app.bridges.replies import MqttReplySubscriber
    from sandbox_app.bridges.trackers.bridge import TrackerDirectory

SnapshotSaver = Callable[[str, bytes], str]


class BridgeHost(Protocol):
    """What a starter may use of the running `Bridges`: the shared wiring and the ways to add a bridge."""

    config: BridgesConfig
    district: District
    addresses: dict[str, tuple[str, int]]
    """Section → the bound (host, port) of each server bridge."""
    sink: Sink
    clock: BridgeClock
    reporter: HealthReporter | None
    cursors: CursorStore | None
    save_snapshot: SnapshotSaver | None
    incidents: IncidentSink | None
    """Where [cad110]'s incidents are stored (the store's `add_incident`)."""
    local_file: str | None
    """The station's local SQLite file (users, audit log): where [phone] keeps its enrolments."""
    records: RecordSink | None
    """Where [gat1400]'s community records go (residents' registrations: `station/people_updates.py`)."""

    def add(
        self, section: str, obj: Any, health: Callable[[], BridgeHealth] | None = None, watched: bool = True
    ) -> None: ...

    def serve(self, section: str, factory: Callable[..., Any], listen: Listen, directory: Any) -> Any: ...

    def start_error(self, section: str, problem: str) -> Exception:
        """The error to raise when `section`'s bridge cannot start (names the file and section)."""
        ...

    def trackers(self, kinds: frozenset[str] | None = None) -> TrackerDirectory:
        """The district's trackers of `kinds` (default: GPS trackers), built once and shared."""
        ...

    def route_orders(
        self,
        sender: Callable[[Order], None] | None = None,
        replies: MqttReplySubscriber | None = None,
        terminals: Any = None,
        phone: Any = None,
    ) -> None:
        """Where the desk's orders go: `terminals` (the JT/T 808 server) first, then `phone` (the phone
        page, for guards enrolled there), else `sender` ([orders] MQTT); `replies` is the phones' reply
        subscriber."""
        ...


def mqtt_settings(link: MqttLink, topics: tuple[str, ...] | None = None) -> MqttSettings:
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


# --- one starter per section ----------------------------------------------------------------------------


def start_osmand(host: BridgeHost, listen: Listen) -> None:
    from sandbox_app.bridges.osmand.server import OsmAndServer

    host.serve("osmand", OsmAndServer, listen, host.trackers())


def start_jt808(host: BridgeHost, listen: Listen) -> None:
    from sandbox_app.bridges.jt808.server import Jt808Server

    host.route_orders(terminals=host.serve("jt808", Jt808Server, listen, host.trackers()))


def start_gt06(host: BridgeHost, listen: Listen) -> None:
    from sandbox_app.bridges.gt06.server import Gt06Server

    host.serve("gt06", Gt06Server, listen, host.trackers())


def start_h02(host: BridgeHost, listen: Listen) -> None:
    from sandbox_app.bridges.h02.server import H02Server

    host.serve("h02", H02Server, listen, host.trackers())


def start_watch(host: BridgeHost, listen: Listen) -> None:
    from sandbox_app.bridges.watch.server import WATCH_KINDS, WatchServer

    host.serve("watch", WatchServer, listen, host.trackers(frozenset(WATCH_KINDS)))


def start_mqtt(host: BridgeHost, section: MqttSection) -> None:
    from sandbox_app.bridges.mqtt.codec import mqtt_bridge

    settings = mqtt_settings(section.link, section.topics)
    host.add("mqtt", mqtt_bridge(settings, host.sink, host.clock, host.reporter))


def start_http_pull(host: BridgeHost, section: HttpPullSection) -> None:
    from sandbox_app.bridges.http_pull.codec import http_pull_bridge
    from sandbox_app.bridges.transport.http_poller import HttpPullSettings

    if host.cursors is None:
        raise host.start_error("http_pull", "needs a store to keep its cursor")
    settings = HttpPullSettings(
        section.url,
        section.name,
        poll_interval_s=section.interval_s,
        bearer_token=section.token,
        basic_auth=section.basic_auth,
        ca_bundle=section.ca_file,
        client_cert=section.client_cert,
    )
    host.add("http_pull", http_pull_bridge(settings, host.sink, host.cursors, host.clock, host.reporter))


def start_isapi(host: BridgeHost, s: IsapiSection) -> None:
    from sandbox_app.bridges.isapi.codec import IsapiConfig
    from sandbox_app.bridges.isapi.stream import AlertStreamClient, AlertStreamSettings

    settings = AlertStreamSettings(
        s.url, s.user, s.password, s.name, config=IsapiConfig(device_id=s.device_id)
    )
    host.add("isapi", AlertStreamClient(settings, host.sink, host.clock, host.reporter, host.save_snapshot))


def start_gat1400(host: BridgeHost, s: Gat1400Section) -> None:
    from sandbox_app.bridges.gat1400.codec import Gat1400Config

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
                config, host.sink, host.clock, s.listen.host, s.listen.port,
                records=host.records, save_snapshot=host.save_snapshot, reporter=host.reporter,
            )  # fmt: skip
        except OSError as exc:
            where = f"{s.listen.host}:{s.listen.port}"
            raise host.start_error("gat1400", f"cannot listen on {where}: {exc}") from exc
        host.add("gat1400", server)
        address, port = server.url.removeprefix("http://").rsplit(":", 1)
        host.addresses["gat1400"] = (address, int(port))
    if s.platform_url is not None:
        from sandbox_app.bridges.gat1400.client import Gat1400Client, UplinkHealth

        client = Gat1400Client(s.platform_url, s.device_id, s.password or "", keepalive_s=s.keepalive_s)
        host.add("gat1400_up", client, UplinkHealth(client, host.clock, host.reporter).refresh)


def start_cad110(host: BridgeHost, s: Cad110Section) -> None:
    from sandbox_app.bridges.cad110.server import Cad110Server, Cad110Settings, placed

    if host.incidents is None:
        raise host.start_error("cad110", "needs a store to keep the incidents")
    settings = Cad110Settings(
        s.listen.host, s.listen.port, s.token, s.listen.idle_timeout_s, s.listen.max_connections, s.name
    )
    try:
        server = Cad110Server(settings, placed(host.district, host.incidents), host.clock, host.reporter)
    except OSError as exc:
        where = f"{s.listen.host}:{s.listen.port}"
        raise host.start_error("cad110", f"cannot listen on {where}: {exc}") from exc
    host.add("cad110", server, server.snapshot)
    host.addresses["cad110"] = server.address


def start_orders(host: BridgeHost, s: OrdersSection) -> None:
    from sandbox_app.bridges.orders import MqttOrderSender
    from sandbox_app.bridges.replies import MqttReplySubscriber

    sender = MqttOrderSender(mqtt_settings(s.link), s.station)
    host.add("orders", sender, watched=False)
    link = replace(s.link, client_id=f"{s.link.client_id}-replies")
    replies = MqttReplySubscriber(mqtt_settings(link), s.station, host.district, host.clock, host.reporter)
    host.add("replies", replies)
    host.route_orders(sender=sender, replies=replies)


def start_phone(host: BridgeHost, s: PhoneSection) -> None:
    from sandbox_app.bridges.phone.enrol import PhoneBook
    from sandbox_app.bridges.phone.server import PhoneServer

    file = s.enrolment_file or host.local_file
    if file is None or host.cursors is None:
        raise host.start_error("phone", "needs the station's store and its local file (enrolment_file)")
    book = PhoneBook(file, host.clock.now_ms)
    try:
        server = PhoneServer(s, host.district, host.cursors, book, host.sink, host.clock, host.reporter)  # type: ignore[arg-type]
    except OSError as exc:
        book.close()
        where = f"{s.listen.host}:{s.listen.port}"
        raise host.start_error("phone", f"cannot listen on {where}: {exc}") from exc
    host.add("phone", server)
    host.addresses["phone"] = server.address
    host.route_orders(phone=server)


STARTERS: dict[str, Callable[[BridgeHost, Any], None]] = {
    "osmand": start_osmand,
    "jt808": start_jt808,
    "gt06": start_gt06,
    "h02": start_h02,
    "watch": start_watch,
    "mqtt": start_mqtt,
    "http_pull": start_http_pull,
    "isapi": start_isapi,
    "gat1400": start_gat1400,
    "cad110": start_cad110,
    "orders": start_orders,
    "phone": start_phone,
}
"""Config section → its starter, in start order (the servers first, [orders] last)."""
