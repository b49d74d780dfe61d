"""What every HTTP server of the bridges shares against hostile or broken clients (OsmAnd, GA/T 1400).

The stdlib `ThreadingHTTPServer` starts a thread per connection with no cap, waits forever for a client
that stops sending, and trusts `Content-Length` (a non-number is a traceback and no reply; a chunked
body is read as the next request). `GuardedHTTPServer` caps concurrent connections (one over the cap gets
503 and is closed, before any thread is started) and gives every socket a read timeout, so idle,
half-sent and stalled-body connections close on time. A read timeout alone lets a client trickle one
byte just inside it forever, so each request also has a deadline: its headers within `idle_timeout_s`,
its body within `idle_timeout_s` plus its size at `MIN_BODY_RATE`; the serve loop closes late ones.
`body_length` turns the framing headers into a length or an `HttpRefusal` carrying the status to answer.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from sandbox_app.bridges.transport.slots import ConnectionSlots

log = logging.getLogger(__name__)

DEFAULT_MAX_CONNECTIONS = 256
"""Concurrent connections (= handler threads) one HTTP bridge serves; more are answered 503 and closed."""
MIN_BODY_RATE = 16 * 1024
"""Bytes per second a body must average (after the `idle_timeout_s` grace) to be waited for."""
_BUSY = b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


class HttpRefusal(ValueError):
    """A request refused before its body is read: `status` to answer; the connection is closed after."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def body_length(headers: Message, limit: int) -> int:
    """The body size the headers announce, checked: chunked or any other transfer coding → 501 (we never
    guess where such a body ends), a missing, repeated or non-numeric Content-Length → 400, one above
    `limit` → 413. A request without a body framing header has an empty body."""
    if headers.get_all("Transfer-Encoding"):
        raise HttpRefusal(501, "Transfer-Encoding is not supported; send Content-Length")
    values = headers.get_all("Content-Length") or []
    if not values:
        return 0
    if len(values) > 1:
        raise HttpRefusal(400, "more than one Content-Length")
    text = str(values[0]).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise HttpRefusal(400, f"Content-Length {text[:20]!r} is not a number")
    size = int(text)
    if size > limit:
        raise HttpRefusal(413, f"body of {size} bytes exceeds {limit}")
    return size


class GuardedHTTPServer(ThreadingHTTPServer):
    """A threaded HTTP server with a connection cap and a per-socket read timeout (`idle_timeout_s`)."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        idle_timeout_s: float,
        max_connections: int = DEFAULT_MAX_CONNECTIONS,
    ) -> None:
        self.idle_timeout_s = idle_timeout_s
        self.slots = ConnectionSlots(max_connections)
        self.closed_late = 0
        self._deadlines: dict[int, tuple[socket.socket, float]] = {}
        self._deadline_lock = threading.Lock()
        super().__init__(address, handler)

    def watch(self, sock: socket.socket, seconds: float | None) -> None:
        """Close `sock` if it is still being read from `seconds` from now (None: stop watching)."""
        with self._deadline_lock:
            if seconds is None:
                self._deadlines.pop(id(sock), None)
            else:
                self._deadlines[id(sock)] = (sock, time.monotonic() + seconds)

    def service_actions(self) -> None:
        """Run by `serve_forever` every poll interval: shut down the sockets past their deadline (the
        handler's blocked read then ends and its thread finishes)."""
        now = time.monotonic()
        with self._deadline_lock:
            late = [key for key, (_, deadline) in self._deadlines.items() if deadline < now]
            socks = [self._deadlines.pop(key)[0] for key in late]
        for sock in socks:
            self.closed_late += 1
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.take():
            log.warning(
                "HTTP %s: %d connections open; %s refused",
                self.server_address,
                self.slots.limit,
                client_address[0],
            )
            with contextlib.suppress(OSError):
                request.settimeout(1.0)
                request.sendall(_BUSY)
            self.shutdown_request(request)
            return
        try:
            request.settimeout(self.idle_timeout_s)
            super().process_request(request, client_address)
        except BaseException:
            self.slots.give_back()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.give_back()


class GuardedHandler(BaseHTTPRequestHandler):
    """Keeps the server's read timeout on the socket (StreamRequestHandler would reset it from the class
    attribute `timeout`), so a client that stops sending is dropped after `idle_timeout_s`."""

    server: GuardedHTTPServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.idle_timeout_s)

    def handle_one_request(self) -> None:
        self.server.watch(self.connection, self.server.idle_timeout_s)  # the request line and headers
        try:
            super().handle_one_request()
        finally:
            self.server.watch(self.connection, None)

    def read_body(self, limit: int) -> bytes:
        """The body announced by the headers (raises HttpRefusal; a short read raises TimeoutError or
        ConnectionError, and the connection is dropped)."""
        size = body_length(self.headers, limit)
        self.server.watch(self.connection, self.server.idle_timeout_s + size / MIN_BODY_RATE)
        try:
            body = self.rfile.read(size) if size else b""
        finally:
            self.server.watch(self.connection, None)  # handling the request is not the client's time
        if len(body) != size:
            raise ConnectionError("client closed before sending the whole body")
        return body

    def refuse(self, exc: HttpRefusal) -> None:
        """Answer a refusal in plain text and close: the unread body must not be taken as a request."""
        self.close_connection = True
        payload = exc.reason.encode()
        self.send_response(exc.status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(payload)


def peer_host(handler: BaseHTTPRequestHandler) -> str:
    """The client's IP address (the part of `client_address` a session can be bound to)."""
    address = handler.client_address
    return str(address[0]) if isinstance(address, tuple) else str(address)
