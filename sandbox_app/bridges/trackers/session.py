"""What the framed tracker protocols (GT06, H02, the watch) share around their codecs.

`TrackerServer` is a `TrackerTcpBridge` whose subclass names its protocol and its session class;
`FramedSession` is the per-connection loop they all run: split the bytes into frames, count each one,
decode it (a malformed frame is counted and logged, never closes the connection), hand it to the
protocol's `handle`. It also keeps the "one rejection per unknown id and connection" rule and the
"a reply that cannot be sent closes the connection" rule in one place.
"""

from __future__ import annotations

from typing import ClassVar, Generic, Protocol, TypeVar

from sandbox_app.bridges.health import HealthReporter
from sandbox_app.bridges.trackers.bridge import ListenSettings, RejectionLog, TrackerDirectory
from sandbox_app.bridges.trackers.common import FrameError
from sandbox_app.bridges.trackers.tcp import Connection, Session, TrackerTcpBridge
from sandbox_app.bridges.transport import BridgeClock, Sink

M = TypeVar("M")


class Splitter(Protocol):
    def feed(self, data: bytes) -> list[bytes]: ...


class TrackerServer(TrackerTcpBridge):
    """A tracker TCP bridge with one `new_session(conn)` per connection; subclasses set `protocol`."""

    protocol: ClassVar[str]

    def __init__(
        self,
        settings: ListenSettings,
        directory: TrackerDirectory,
        sink: Sink,
        clock: BridgeClock,
        reporter: HealthReporter | None = None,
    ) -> None:
        super().__init__(self.protocol, settings, directory, sink, clock, reporter, self.new_session)

    def new_session(self, conn: Connection) -> Session:
        raise NotImplementedError


class FramedSession(Generic[M]):
    """One connection of a framed protocol; subclasses bring `label` (for log lines), `decode`, `handle`."""

    label: ClassVar[str]

    def __init__(self, server: TrackerTcpBridge, conn: Connection, splitter: Splitter) -> None:
        self.server = server
        self.conn = conn
        self.splitter = splitter
        self.strangers: set[str] = set()
        self.rejections: RejectionLog | None = conn.rejections
        """Frame errors on this connection are logged in full only for the first few (every protocol:
        30 MB of garbage must not become 15 MB of log)."""

    def decode(self, frame: bytes) -> M:
        raise NotImplementedError

    def handle(self, message: M) -> None:
        raise NotImplementedError

    def data_received(self, data: bytes) -> None:
        delivery = self.server.delivery
        for frame in self.splitter.feed(data):
            delivery.health.message_arrived()
            try:
                message = self.decode(frame)
            except FrameError as exc:
                delivery.frame_error(f"{self.label}: {exc.reason}", frame, self.rejections)
                continue
            self.handle(message)

    def connection_lost(self) -> None:
        self.strangers.clear()

    def known_device(self, external_id: str, raw: str) -> str | None:
        """Our device for a protocol id; an unknown id is rejected once per connection, not per report."""
        device = self.server.directory.lookup(external_id) if external_id else None
        if device is None and external_id not in self.strangers:
            self.strangers.add(external_id)
            self.server.delivery.unknown_device(external_id, raw)
        return device

    def reply(self, data: bytes) -> None:
        """Send a reply; a connection that cannot take it is closed (the tracker will reconnect)."""
        try:
            self.conn.send(data)
        except OSError:
            self.conn.close()
