"""Many stations, one picture: PostgreSQL holds the state, an MQTT broker fans out that it changed.

Why both: the database is the truth (what a station reads after any gap), but polling it from N stations
for sub-second updates would cost N queries per interval for nothing most of the time. So every committed
alert or dispatch change is logged by a trigger in the `changes` feed (pg_schema.py, in commit order, with
the writing station), the writer publishes a small nudge on `<prefix>/changes`, and every other station
then reads the feed from its cursor and loads what changed. A lost nudge costs latency, never data: the
feed is also read on every (re)connect to the broker and every `poll_s` as a safety net, so a station that
was offline catches up from the store. Live events (positions, device events) are fanned out separately
on `<prefix>/events/<station>` by `EventFanout`: those are for display at the other stations, which do not
store them again (the writer already did).

Threads: paho's network thread only sets a flag; one worker thread per `StationSync` reads the feed on its
own store connection and hands `RemoteChanges` to the callback, which must hand them on to the thread that
owns the engine (`LiveSession.submit`), or use `EngineMirror`, which takes the engine's and desk's locks.
"""

from __future__ import annotations

import argparse
import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import unquote, urlsplit

import orjson
import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from paho.mqtt.properties import Properties
from paho.mqtt.reasoncodes import ReasonCode

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.events import Event
from sandbox_app.engine.clock import Clock, WallClock
from sandbox_app.engine.messages import RemoteChanges, RemoteEvents, StateDelta

if TYPE_CHECKING:
    from sandbox_app.station.live import LiveSession
    from sandbox_app.store.postgres import PostgresStore

log = logging.getLogger(__name__)
DEFAULT_PREFIX = "sandbox/sync"


@dataclass(frozen=True, slots=True)
class Broker:
    """Where the MQTT broker is: parsed from `--broker mqtt://[user[:password]@]host[:port]`."""

    host: str = "127.0.0.1"
    port: int = 1883
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    tls: bool = False


def parse_broker(url: str) -> Broker:
    """`mqtt://host:1883`, `mqtts://user:pw@host` (TLS, port 8883 by default), or a bare `host[:port]`."""
    parts = urlsplit(url if "://" in url else f"mqtt://{url}")
    if parts.scheme not in ("mqtt", "mqtts", "tcp", "ssl"):
        raise ValueError(f"not an MQTT broker URL: {url!r} (use mqtt://host:port)")
    tls = parts.scheme in ("mqtts", "ssl")
    if not parts.hostname:
        raise ValueError(f"no host in broker URL {url!r}")
    return Broker(
        host=parts.hostname,
        port=parts.port or (8883 if tls else 1883),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        tls=tls,
    )


def _client(broker: Broker, client_id: str) -> mqtt.Client:
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv5)
    if broker.username is not None:
        client.username_pw_set(broker.username, broker.password)
    if broker.tls:
        client.tls_set()
    client.reconnect_delay_set(1, 10)
    return client


def add_city_options(parser: argparse.ArgumentParser) -> None:
    """`--store`, `--broker`, `--station` for an entry point that can join a city deployment."""
    from sandbox_app.store import store_spec

    city = parser.add_argument_group("city deployment (many stations, one database)")
    city.add_argument(
        "--store",
        type=store_spec,
        default=None,
        metavar="URL|PATH",
        help="postgresql://user@host:5432/db for the shared city database, or a SQLite file (default: --db)",
    )
    city.add_argument(
        "--broker",
        type=parse_broker,
        default=None,
        metavar="mqtt://HOST:PORT",
        help="MQTT broker for live fan-out between stations (needs a postgresql:// --store)",
    )
    city.add_argument(
        "--station", default=None, help="this station's name in the change feed (default: host)"
    )


def start_station_sync(
    url: str, broker: Broker, station: str, on_changes: Callable[[RemoteChanges], None], store: Any = None
) -> StationSync:
    """Join the city: a `StationSync` reading the feed on its own connection to `url`, started; pass the
    station's own `PostgresStore` as `store` so its commits nudge the others."""
    from sandbox_app.store.postgres import PostgresStore

    sync = StationSync(lambda: PostgresStore(url, station=station), broker, station, on_changes)
    if store is not None:
        store.add_change_listener(sync.notify)
    sync.start()
    return sync


class ChangeFeed(Protocol):
    """What sync needs of the store (`PostgresStore`)."""

    def changes_since(self, seq: int, limit: int = 10_000) -> list[tuple[int, str, str, str]]: ...

    def last_change_seq(self) -> int: ...

    def get_alerts(self, alert_ids: Sequence[str]) -> list[Alert]: ...

    def get_dispatch(self, dispatch_id: str) -> Dispatch | None: ...

    def close(self) -> None: ...


class StationSync:
    """Keeps one station up to date with the others; `notify` after this station commits a change
    (`PostgresStore.add_change_listener(sync.notify)` does it)."""

    def __init__(
        self,
        open_feed: Callable[[], ChangeFeed],
        broker: Broker,
        station: str,
        on_changes: Callable[[RemoteChanges], None],
        *,
        prefix: str = DEFAULT_PREFIX,
        cursor: int | None = None,
        poll_s: float = 5.0,
        clock: Clock | None = None,
    ) -> None:
        """`open_feed` opens the worker's own store connection; `cursor` None: start from the feed's end
        (the station has just loaded the whole state from the store)."""
        self.station = station
        self.topic = f"{prefix}/changes"
        self.cursor = cursor
        self.poll_s = poll_s
        self._clock = clock or WallClock()
        self._open_feed = open_feed
        self._broker = broker
        self._on_changes = on_changes
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._client: mqtt.Client | None = None
        self.connected = False
        self.caught_up = threading.Event()
        """Set after each successful read of the feed (tests wait on it)."""

    # lifecycle ----------------------------------------------------------------------------------------
    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"sync-{self.station}", daemon=True)
        self._thread.start()
        # A fresh client per start: paho leaks its wake-up socket pair when one is started twice.
        client = self._client = _client(self._broker, f"sandbox-sync-{self.station}-{uuid.uuid4().hex[:8]}")
        client.on_connect = self._on_connect
        client.on_message = self._on_message
        client.on_disconnect = self._on_disconnect
        client.on_subscribe = self._on_subscribe
        client.connect_async(self._broker.host, self._broker.port, keepalive=30)
        client.loop_start()

    def wait_ready(self, timeout_s: float) -> bool:
        """True once subscribed to the broker and the first read of the feed is done."""
        return self._ready.wait(timeout_s) and self.caught_up.wait(timeout_s)

    def stop(self) -> None:
        """Disconnect; `cursor` is kept, so `start` again (a reconnect) catches up from there."""
        self._stop.set()
        self._wake.set()
        if self._client is not None:
            self._client.disconnect()
            self._client.loop_stop()
            self._client = None
        if self._thread is not None:
            self._thread.join(10)
        self._ready.clear()
        self.caught_up.clear()
        self.connected = False

    # publishing ---------------------------------------------------------------------------------------
    def notify(self, kind: str = "") -> None:
        """This station committed a change: nudge the others (QoS 1; a lost nudge only costs latency)."""
        client = self._client
        if client is None:  # offline: the others find the change in the feed when they next read it
            return
        payload = orjson.dumps({"station": self.station, "kind": kind, "sent_ms": self._clock.now_ms()})
        client.publish(self.topic, payload, qos=1)

    # paho callbacks (network thread) ------------------------------------------------------------------
    def _on_connect(
        self, client: mqtt.Client, userdata: Any, flags: Any, reason: ReasonCode, props: Properties | None
    ) -> None:
        if reason.is_failure:
            log.warning("sync: broker refused the connection: %s", reason)
            return
        client.subscribe(self.topic, qos=1)
        self.connected = True
        self._wake.set()  # a (re)connect: whatever we missed meanwhile is in the feed

    def _on_subscribe(
        self,
        client: mqtt.Client,
        userdata: Any,
        mid: int,
        reasons: list[ReasonCode],
        props: Properties | None,
    ) -> None:
        if any(r.is_failure for r in reasons):
            log.error("sync: broker refused the subscription to %s", self.topic)
        else:
            self._ready.set()

    def _on_disconnect(
        self, client: mqtt.Client, userdata: Any, flags: Any, reason: ReasonCode, props: Properties | None
    ) -> None:
        self.connected = False

    def _on_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        try:
            sender = orjson.loads(message.payload).get("station")
        except orjson.JSONDecodeError:
            return
        if sender != self.station:
            self._wake.set()

    # worker -------------------------------------------------------------------------------------------
    def _run(self) -> None:
        feed: ChangeFeed | None = None
        try:
            while not self._stop.is_set():
                try:
                    if feed is None:
                        feed = self._open_feed()
                        if self.cursor is None:
                            self.cursor = feed.last_change_seq()
                    self.catch_up(feed)
                except Exception as exc:  # the database is away: keep the cursor, try again later
                    log.warning("sync %s: reading the change feed failed: %s", self.station, exc)
                    if feed is not None:
                        try:
                            feed.close()
                        except Exception:
                            log.debug("sync: closing a broken feed connection failed", exc_info=True)
                    feed = None
                self._wake.wait(self.poll_s)
                self._wake.clear()
        finally:
            if feed is not None:
                feed.close()

    def catch_up(self, feed: ChangeFeed) -> RemoteChanges | None:
        """Read the feed from the cursor, load what others changed, hand it on; advance the cursor."""
        assert self.cursor is not None
        while True:
            changes = feed.changes_since(self.cursor)
            if not changes:
                self.caught_up.set()
                return None
            last = changes[-1][0]
            theirs = [c for c in changes if c[3] != self.station]
            alert_ids = list(dict.fromkeys(c[2] for c in theirs if c[1] == "alert"))
            dispatch_ids = list(dict.fromkeys(c[2] for c in theirs if c[1] == "dispatch"))
            alerts = feed.get_alerts(alert_ids) if alert_ids else []
            dispatches = [d for d in (feed.get_dispatch(i) for i in dispatch_ids) if d is not None]
            remote = RemoteChanges(tuple(alerts), tuple(dispatches), last)
            if alerts or dispatches:
                self._on_changes(remote)
            self.cursor = last


class EngineMirror:
    """Applies other stations' changes to this station's engine (alert book) and dispatch desk, and tells
    the UI through the engine's bus (`StateDelta` with the alerts, `RemoteChanges` for dispatch panels).

    Uses the engine's and the desk's own locks, so it may run on the sync thread; with a `LiveSession`, run
    it through `session.submit` instead to keep every engine call on the worker thread."""

    def __init__(self, engine: Any, desk: Any | None = None) -> None:
        self.engine = engine
        self.desk = desk

    def __call__(self, changes: RemoteChanges) -> None:
        engine = self.engine
        with engine._lock:  # the engine's own lock: its book is not thread-safe (Engine has no public one)
            for alert in changes.alerts:
                engine.book.adopt_alert(alert)
        if self.desk is not None:
            for d in changes.dispatches:
                self.desk.adopt(d)
        if changes.alerts:
            engine.bus.publish(StateDelta(engine.now_ms(), alerts=changes.alerts))
        engine.bus.publish(changes)


class EventFanout:
    """Live events between stations: `publish` a stored batch (subscribe it to the engine's `StateDelta`),
    receive the others' batches as `RemoteEvents`. QoS 0: a gap is refilled from the store (`last_fixes`,
    `events_between`) after a reconnect, so the broker need not queue positions for absent stations."""

    def __init__(
        self,
        broker: Broker,
        station: str,
        on_events: Callable[[RemoteEvents], None] | None = None,
        *,
        prefix: str = DEFAULT_PREFIX,
        clock: Clock | None = None,
    ) -> None:
        self.station = station
        self.prefix = prefix
        self._clock = clock or WallClock()
        self._on_events = on_events
        self._ready = threading.Event()
        self._client = _client(broker, f"sandbox-fanout-{station}-{uuid.uuid4().hex[:8]}")
        self._client.on_connect = self._on_connect
        self._client.on_message = self._on_message
        self._client.on_subscribe = self._on_subscribe
        self._broker = broker

    def start(self) -> None:
        self._client.connect_async(self._broker.host, self._broker.port, keepalive=30)
        self._client.loop_start()

    def wait_ready(self, timeout_s: float) -> bool:
        return self._ready.wait(timeout_s)

    def stop(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()

    def on_delta(self, delta: StateDelta) -> None:
        """Bus subscriber: publish the batch's new events."""
        if delta.events:
            self.publish(delta.events)

    def publish(self, events: Sequence[Event]) -> None:
        rows = [(e.id, e.ts, e.device, e.kind, e.lon, e.lat, e.data) for e in events]
        payload = orjson.dumps({"station": self.station, "sent_ms": self._clock.now_ms(), "events": rows})
        self._client.publish(f"{self.prefix}/events/{self.station}", payload, qos=0)

    def _on_connect(
        self, client: mqtt.Client, userdata: Any, flags: Any, reason: ReasonCode, props: Properties | None
    ) -> None:
        if reason.is_failure:
            return
        if self._on_events is not None:
            client.subscribe(f"{self.prefix}/events/+", qos=0)
        else:
            self._ready.set()

    def _on_subscribe(
        self,
        client: mqtt.Client,
        userdata: Any,
        mid: int,
        reasons: list[ReasonCode],
        props: Properties | None,
    ) -> None:
        self._ready.set()

    def _on_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        if self._on_events is None:
            return
        try:
            body = orjson.loads(message.payload)
            if body["station"] == self.station:
                return
            events = tuple(Event(*row) for row in body["events"])
        except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
            log.warning("sync: unreadable event batch on %s: %s", message.topic, exc)
            return
        self._on_events(RemoteEvents(str(body["station"]), events, int(body["sent_ms"])))


class CityLink:
    """Joins a `LiveSession` to the city: give the session `link.open_store` as its store opener, then
    `link.attach(session)` before `session.start()`.

    The session's store connection nudges the other stations after each of its commits; the link's sync
    starts once the session has loaded its state (`LiveStarted`) and stops with it; other stations' changes
    are applied on the session's worker thread (`submit`), where the engine lives."""

    def __init__(self, url: str, broker: Broker, station: str, *, poll_s: float = 5.0) -> None:
        self.url = url
        self.station = station
        self.sync = StationSync(lambda: self._feed(), broker, station, self._on_changes, poll_s=poll_s)
        self._session: LiveSession | None = None

    def _feed(self) -> PostgresStore:
        from sandbox_app.store.postgres import PostgresStore

        return PostgresStore(self.url, station=self.station)

    def open_store(self) -> PostgresStore:
        store = self._feed()
        store.add_change_listener(self.sync.notify)
        return store

    def attach(self, session: LiveSession) -> None:
        from sandbox_app.engine.messages import LiveStarted, LiveStopped

        self._session = session
        session.bus.subscribe(LiveStarted, lambda _: self.sync.start())
        session.bus.subscribe(LiveStopped, lambda _: self.sync.stop())

    def _on_changes(self, changes: RemoteChanges) -> None:
        session = self._session
        if session is None:
            return

        def apply(engine: Any) -> None:
            EngineMirror(engine, session.desk)(changes)
            if changes.dispatches:
                session.publish_dispatches(engine.now_ms(), force=True)

        session.submit(apply)
