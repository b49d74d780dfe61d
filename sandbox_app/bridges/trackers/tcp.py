"""A threaded TCP server for tracker protocols: one thread per connection, a protocol object per connection.

Trackers keep one long-lived connection each and a district has tens to hundreds of them, so a thread per
connection is simple and cheap enough; the protocol object only sees bytes in and writes replies through
its `Connection`. A protocol that raises is logged and the connection closed; the server keeps going.
At most `max_connections` are served at once (one more is closed at once, before a thread starts), and
each connection logs only its first few rejected frames in full (`RejectionLog`).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import socketserver
import threading
from collections.abc import Callable
from typing import Any, Protocol

from sandbox_app.bridges.health import HealthReporter
from sandbox_app.bridges.trackers.bridge import Delivery, ListenSettings, RejectionLog, TrackerDirectory
from sandbox_app.bridges.transport import BridgeClock, Sink
from sandbox_app.bridges.transport.slots import ConnectionSlots
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)
READ_SIZE = 4096


class Connection:
    """One tracker's socket: thread-safe `send`, and `close` from any thread (e.g. an order sender)."""

    def __init__(self, sock: socket.socket, peer: str) -> None:
        self.sock = sock
        self.peer = peer
        self._lock = threading.Lock()
        self.closed = False
        self.rejections = RejectionLog()

    def send(self, data: bytes) -> None:
        with self._lock:
            self.sock.sendall(data)

    def close(self) -> None:
        self.closed = True
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)


class Session(Protocol):
    def data_received(self, data: bytes) -> None: ...

    def connection_lost(self) -> None: ...


SessionFactory = Callable[[Connection], Session]


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        sock: socket.socket = self.request
        sock.settimeout(self.server.settings.idle_timeout_s)
        conn = Connection(sock, f"{self.client_address[0]}:{self.client_address[1]}")
        session = self.server.factory(conn)
        self.server.track(conn, True)
        try:
            while not conn.closed:
                try:
                    data = sock.recv(READ_SIZE)
                except (TimeoutError, OSError):
                    break
                if not data:
                    break
                session.data_received(data)
        except Exception:
            log.exception("tracker session %s failed; connection closed", conn.peer)
        finally:
            self.server.track(conn, False)
            try:
                session.connection_lost()
            finally:
                conn.close()


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, settings: ListenSettings, factory: SessionFactory) -> None:
        self.settings = settings
        self.factory = factory
        self.connections: set[Connection] = set()
        self._lock = threading.Lock()
        self.slots = ConnectionSlots(settings.max_connections)
        super().__init__((settings.host, settings.port), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.take():
            log.warning(
                "%s: %d connections open; one more refused",
                self.server_address,
                self.settings.max_connections,
            )
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.give_back()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.give_back()

    def track(self, conn: Connection, alive: bool) -> None:
        with self._lock:
            if alive:
                self.connections.add(conn)
            else:
                self.connections.discard(conn)


class TcpServer:
    """`start()` binds and serves in a background thread; `stop()` closes the listener and every
    connection. `address` is the bound (host, port), useful with port 0."""

    def __init__(self, settings: ListenSettings, factory: SessionFactory, thread_name: str) -> None:
        self._server = _Server(settings, factory)
        self._thread = threading.Thread(target=self._server.serve_forever, name=thread_name, daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    @property
    def slots(self) -> ConnectionSlots:
        """The connection cap and how many connections are open now."""
        return self._server.slots

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()
        with self._server._lock:
            connections = list(self._server.connections)
        for conn in connections:
            conn.close()
        self._thread.join(5)


class TrackerTcpBridge:
    """What every tracker-protocol TCP bridge shares: the listener, the delivery to the engine with its
    health, and start/stop marking the bridge connected; subclasses bring the per-connection session."""

    def __init__(
        self,
        protocol: str,
        settings: ListenSettings,
        directory: TrackerDirectory,
        sink: Sink,
        clock: BridgeClock,
        reporter: HealthReporter | None,
        session: SessionFactory,
    ) -> None:
        self.directory = directory
        self._tcp = TcpServer(settings, session, f"{protocol}-server")
        name = f"{protocol}:{settings.name or self._tcp.address[1]}"
        self.delivery = Delivery(name, sink, clock, reporter, settings.datum)

    @property
    def address(self) -> tuple[str, int]:
        return self._tcp.address

    @property
    def slots(self) -> ConnectionSlots:
        return self._tcp.slots

    @property
    def health(self) -> BridgeHealth:
        return self.delivery.snapshot()

    def start(self) -> None:
        self._tcp.start()
        self.delivery.health.set_connected(True)

    def stop(self) -> None:
        self._tcp.stop()
        self.delivery.health.set_connected(False)
