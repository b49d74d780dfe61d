"""OsmAnd's HTTP server under attack (issue 14), over real sockets on 127.0.0.1: broken framing headers,
chunked smuggling, absurd timestamps, idle / half-sent / stalled connections and too many of them."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator, Sequence

import pytest

from sandbox_app.bridges.osmand.server import OsmAndServer
from sandbox_app.bridges.trackers.bridge import ListenSettings, RejectionLog, TrackerDirectory
from sandbox_app.bridges.transport import Item
from sandbox_app.domain.events import Event
from sandbox_app.engine.clock import WallClock
from tests.support import wait_until

FIX = "/?id=PHONE-1&lat=30.1&lon=120.2&timestamp=1714550400"


class Sink:
    def __init__(self) -> None:
        self.items: list[Item] = []
        self.lock = threading.Lock()

    def __call__(self, items: Sequence[Item]) -> None:
        with self.lock:
            self.items.extend(items)


def _server(sink: Sink, idle_s: float = 5.0, max_connections: int = 64) -> OsmAndServer:
    settings = ListenSettings("127.0.0.1", 0, "t", idle_s, max_connections)
    server = OsmAndServer(settings, TrackerDirectory({"PHONE-1": "GPS-1"}), sink, WallClock())
    server.start()
    return server


@pytest.fixture
def served() -> Iterator[tuple[OsmAndServer, Sink]]:
    sink = Sink()
    server = _server(sink)
    try:
        yield server, sink
    finally:
        server.stop()


def _exchange(address: tuple[str, int], raw: bytes, limit_s: float = 5.0) -> bytes:
    """Send `raw`, then read until the server closes (or `limit_s`): all the server answered."""
    with socket.create_connection(address, timeout=limit_s) as sock:
        sock.sendall(raw)
        return _read_until_closed(sock, limit_s)


def _read_until_closed(sock: socket.socket, limit_s: float) -> bytes:
    sock.settimeout(limit_s)
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_non_numeric_and_repeated_content_length_are_400_and_closed(
    served: tuple[OsmAndServer, Sink],
) -> None:
    server, sink = served
    for head in (
        b"Content-Length: abc\r\n",
        b"Content-Length: 5\r\nContent-Length: 7\r\n",
        b"Content-Length: -1\r\n",
    ):
        reply = _exchange(server.address, b"POST / HTTP/1.1\r\nHost: x\r\n" + head + b"\r\nid=PHONE-1")
        assert reply.startswith(b"HTTP/1.1 400"), reply[:80]
        assert reply.count(b"HTTP/1.1") == 1  # one answer, then closed
    assert sink.items == []


def test_chunked_body_is_refused_not_read_as_the_next_request(served: tuple[OsmAndServer, Sink]) -> None:
    server, sink = served
    smuggled = f"GET {FIX} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    chunked = f"{len(smuggled):x}\r\n".encode() + smuggled + b"\r\n0\r\n\r\n"
    raw = b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked
    reply = _exchange(server.address, raw)
    assert reply.startswith(b"HTTP/1.1 501") and reply.count(b"HTTP/1.1") == 1
    assert sink.items == []  # the fix inside the chunk was never taken as a request


def test_timestamp_outside_2000_2100_is_rejected_with_a_reason(served: tuple[OsmAndServer, Sink]) -> None:
    server, sink = served
    for stamp in ("99999999999999999999", "9999999999999", "1", "2150-01-01T00:00:00Z"):
        target = f"/?id=PHONE-1&lat=30.1&lon=120.2&timestamp={stamp}"
        raw = f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        reply = _exchange(server.address, raw.encode())
        assert reply.startswith(b"HTTP/1.1 400") and b"outside 2000..2100" in reply, (stamp, reply[-80:])
    assert not [i for i in sink.items if isinstance(i, Event)]
    reply = _exchange(server.address, f"GET {FIX} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    assert reply.startswith(b"HTTP/1.1 200") and len(sink.items) == 1


def test_idle_half_sent_and_stalled_connections_close_on_time() -> None:
    sink = Sink()
    server = _server(sink, idle_s=0.3)
    openings = (
        b"",  # idle: connected, says nothing
        b"GET /?id=PHONE-1 HTTP/1.1\r\nHost: x\r\n",  # headers never finished
        b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nid=PHONE",  # body stalls
    )
    socks = [socket.create_connection(server.address, timeout=5) for _ in openings]
    try:
        for sock, opening in zip(socks, openings, strict=True):
            sock.sendall(opening)
        started = time.monotonic()
        for sock in socks:
            _read_until_closed(sock, 3.0)  # returns when the server closed it
        assert time.monotonic() - started < 2.0
    finally:
        for sock in socks:
            sock.close()
        server.stop()
    assert sink.items == []


def test_connections_are_capped_and_freed() -> None:
    sink = Sink()
    server = _server(sink, idle_s=0.5, max_connections=3)
    held = [socket.create_connection(server.address, timeout=5) for _ in range(3)]
    try:
        wait_until(lambda: server.slots.open == 3, 10, "the three held connections in service")
        over = _exchange(server.address, f"GET {FIX} HTTP/1.1\r\nHost: x\r\n\r\n".encode(), 2.0)
        assert over.startswith(b"HTTP/1.1 503")
        for sock in held:
            _read_until_closed(sock, 3.0)  # the idle ones time out and free their slots
        wait_until(lambda: server.slots.open == 0, 10, "the timed-out connections' slots freed")
        reply = _exchange(
            server.address, f"GET {FIX} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
        )
        assert reply.startswith(b"HTTP/1.1 200") and len(sink.items) == 1
        assert threading.active_count() < 50
    finally:
        for sock in held:
            sock.close()
        server.stop()


def test_a_trickled_request_is_closed_at_its_deadline() -> None:
    """One byte every 0.1 s never trips the 0.4 s read timeout, but the request must be whole in time."""
    sink = Sink()
    server = _server(sink, idle_s=0.4)
    request = f"GET {FIX} HTTP/1.1\r\nHost: x\r\nX-Pad: {'a' * 200}\r\n\r\n".encode()
    closed_after = None
    try:
        with socket.create_connection(server.address, timeout=5) as sock:
            started = time.monotonic()
            for i in range(len(request)):
                try:
                    sock.sendall(request[i : i + 1])
                except OSError:
                    closed_after = time.monotonic() - started
                    break
                sock.settimeout(0.1)
                try:
                    if sock.recv(1024) == b"":
                        closed_after = time.monotonic() - started
                        break
                except TimeoutError:
                    pass
    finally:
        server.stop()
    assert closed_after is not None and closed_after < 3.0
    assert sink.items == []


def test_bad_requests_on_one_connection_are_logged_a_bounded_number_of_times(
    served: tuple[OsmAndServer, Sink], caplog: pytest.LogCaptureFixture
) -> None:
    server, _ = served
    bad = b"GET /?id=PHONE-1&lat=abc&lon=1 HTTP/1.1\r\nHost: x\r\n\r\n"
    with caplog.at_level(logging.WARNING, logger="sandbox_app.bridges.trackers.bridge"):
        reply = _exchange(server.address, bad * 60 + b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
    assert reply.count(b"HTTP/1.1 400") == 61
    assert server.delivery.frame_errors == 61
    assert len([r for r in caplog.records if "rejected frame" in r.getMessage()]) == RejectionLog.FULL
