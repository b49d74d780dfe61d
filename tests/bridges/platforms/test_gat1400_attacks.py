"""GA/T 1400 under attack (issue 14), over real sockets on 127.0.0.1: forged senders, replayed digests,
stolen session cookies, oversized and stalled bodies, too many connections."""

from __future__ import annotations

import hashlib
import http.client
import json
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest

from sandbox_app.bridges.gat1400 import codec as g
from sandbox_app.bridges.gat1400.client import Gat1400Client
from sandbox_app.bridges.gat1400.server import Gat1400Server
from tests.bridges.platforms.test_gat1400 import DEVICE, PASSWORD, Collector, FakeClock
from tests.support import wait_until

FORGED_FACE = {
    "FaceListObject": {
        "FaceObject": [
            {"FaceID": "forged-1", "FaceAppearTime": "20240501080000", "IsSuspectedTerrorist": "1"}
        ]
    }
}


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _post(
    url: str,
    path: str,
    obj: Any,
    headers: dict[str, str] | None = None,
    source: str | None = None,
) -> tuple[int, Any, http.client.HTTPResponse]:
    host, port = url.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(
        host, int(port), timeout=5.0, source_address=(source, 0) if source else None
    )
    try:
        conn.request("POST", path, json.dumps(obj).encode(), {"User-Identify": DEVICE, **(headers or {})})
        response = conn.getresponse()
        body = response.read()
        return response.status, json.loads(body) if body else None, response
    finally:
        conn.close()


def _code(reply: Any) -> int:
    if "ResponseStatusObject" in reply:
        return int(reply["ResponseStatusObject"]["StatusCode"])
    return int(reply["ResponseStatusListObject"]["ResponseStatusObject"][0]["StatusCode"])


def _digest(challenge: str, path: str, password: str = PASSWORD) -> str:
    nonce = challenge.split('nonce="', 1)[1].split('"', 1)[0]
    ha1, ha2 = _md5(f"{DEVICE}:VIID:{password}"), _md5(f"POST:{path}")
    response = _md5(f"{ha1}:{nonce}:00000001:abcdef:auth:{ha2}")
    return (
        f'Digest username="{DEVICE}", realm="VIID", nonce="{nonce}", uri="{path}", qop=auth, '
        f'nc=00000001, cnonce="abcdef", response="{response}", algorithm=MD5'
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _server(clock: FakeClock, **options: Any) -> tuple[Gat1400Server, Collector]:
    sink = Collector()
    config = g.Gat1400Config(passwords={DEVICE: PASSWORD}, **options)
    server = Gat1400Server(config, sink, clock)
    server.start()
    return server, sink


@pytest.fixture
def served(clock: FakeClock) -> Iterator[tuple[Gat1400Server, Collector, Gat1400Client]]:
    server, sink = _server(clock)
    client = Gat1400Client(server.url, DEVICE, PASSWORD)
    try:
        assert client.register()
        yield server, sink, client
    finally:
        client.stop(unregister=False)
        server.stop()


def test_user_identify_alone_cannot_upload_or_keep_alive(served: Any) -> None:
    server, sink, client = served
    _s, reply, _ = _post(server.url, g.FACES, FORGED_FACE)
    assert _code(reply) == g.STATUS_INVALID_OPERATION
    body = {"KeepaliveObject": {"DeviceID": DEVICE}}
    _status, reply, _ = _post(server.url, g.KEEPALIVE, body)
    assert _code(reply) == g.STATUS_INVALID_OPERATION
    assert sink.items == []  # the forged watch-list face never reached the engine
    # the real peer, with its session, still uploads and keeps alive
    assert client.keepalive()
    code, reply = client.upload(g.FACES, FORGED_FACE)
    assert code == 200 and _code(reply) == g.STATUS_OK and len(sink.items) == 1


def test_stolen_cookie_from_another_address_or_wrong_cookie_is_refused(served: Any) -> None:
    server, sink, client = served
    token = client._session.cookies.get("VIIDSession")
    assert token
    stolen = {"Cookie": f"VIIDSession={token}"}
    _s, reply, _ = _post(server.url, g.FACES, FORGED_FACE, stolen, source="127.0.0.2")
    assert _code(reply) == g.STATUS_INVALID_OPERATION
    _s, reply, _ = _post(server.url, g.FACES, FORGED_FACE, {"Cookie": "VIIDSession=guess"})
    assert _code(reply) == g.STATUS_INVALID_OPERATION
    assert sink.items == []
    _status, reply, _ = _post(server.url, g.FACES, FORGED_FACE, stolen)  # same address: the peer itself
    assert _code(reply) == g.STATUS_OK


def test_captured_register_digest_cannot_be_replayed(clock: FakeClock) -> None:
    server, _ = _server(clock)
    try:
        body = {"RegisterObject": {"DeviceID": DEVICE}}
        status, _, response = _post(server.url, g.REGISTER, body)
        assert status == 401
        header = _digest(response.headers["WWW-Authenticate"], g.REGISTER)
        status, reply, _ = _post(server.url, g.REGISTER, body, {"Authorization": header})
        assert status == 200 and _code(reply) == g.STATUS_OK
        server.forget(DEVICE)
        status, reply, _ = _post(server.url, g.REGISTER, body, {"Authorization": header})  # replayed
        assert status == 401 and not server.online(DEVICE)
        # a nonce answered after it expired is refused too
        status, _, response = _post(server.url, g.REGISTER, body)
        clock.now += 61_000
        late = _digest(response.headers["WWW-Authenticate"], g.REGISTER)
        status, reply, _ = _post(server.url, g.REGISTER, body, {"Authorization": late})
        assert status == 401 and not server.online(DEVICE)
    finally:
        server.stop()


def test_unregister_needs_the_session_as_well_as_a_digest(served: Any) -> None:
    server, _, client = served
    body = {"UnRegisterObject": {"DeviceID": DEVICE}}
    _s, _, response = _post(server.url, g.UNREGISTER, body)
    header = _digest(response.headers["WWW-Authenticate"], g.UNREGISTER)
    _status, reply, _ = _post(server.url, g.UNREGISTER, body, {"Authorization": header})
    assert _code(reply) == g.STATUS_INVALID_OPERATION and server.online(DEVICE)
    assert client.unregister() and not server.online(DEVICE)


def test_require_digest_each_request(clock: FakeClock) -> None:
    server, sink = _server(clock, require_digest_each_request=True)
    plain = Gat1400Client(server.url, DEVICE, PASSWORD)
    strict = Gat1400Client(server.url, DEVICE, PASSWORD, digest_each_request=True)
    try:
        assert plain.register()
        assert not plain.keepalive()  # the session cookie alone is not enough
        assert plain.upload(g.FACES, FORGED_FACE)[1] is not None and sink.items == []
        assert strict.register() and strict.keepalive() and strict.keepalive()
        code, reply = strict.upload(g.FACES, FORGED_FACE)
        assert code == 200 and _code(reply) == g.STATUS_OK and len(sink.items) == 1
        assert strict.unregister() and not server.online(DEVICE)
    finally:
        plain.stop(unregister=False)
        strict.stop(unregister=False)
        server.stop()


def _raw(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=5.0)


def _read_all(sock: socket.socket, limit_s: float = 5.0) -> bytes:
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


def test_stranger_is_refused_before_the_body_is_read(served: Any) -> None:
    server, sink, _ = served
    sock = _raw(server.url)
    try:
        head = (
            f"POST {g.FACES} HTTP/1.1\r\nHost: x\r\nUser-Identify: {DEVICE}\r\n"
            f"Content-Length: {33 * 1024 * 1024}\r\n\r\n"
        )
        sock.sendall(head.encode() + b"{" * 1000)  # 33 MB announced, 1 kB sent: the answer comes anyway
        reply = _read_all(sock)
    finally:
        sock.close()
    assert reply.startswith((b"HTTP/1.1 200", b"HTTP/1.1 401")) and b'"StatusCode":4' in reply
    assert sink.items == []


def test_registered_peer_body_over_the_cap_is_413_unread(clock: FakeClock) -> None:
    server, sink = _server(clock, max_body_bytes=64 * 1024)
    client = Gat1400Client(server.url, DEVICE, PASSWORD)
    try:
        assert client.register()
        token = client._session.cookies.get("VIIDSession")
        sock = _raw(server.url)
        head = (
            f"POST {g.FACES} HTTP/1.1\r\nHost: x\r\nUser-Identify: {DEVICE}\r\n"
            f"Cookie: VIIDSession={token}\r\nContent-Length: {65 * 1024}\r\n\r\n"
        )
        sock.sendall(head.encode())
        reply = _read_all(sock)
        sock.close()
        assert reply.startswith(b"HTTP/1.1 413")
        code, _ = client.upload(g.FACES, FORGED_FACE)
        assert code == 200 and len(sink.items) == 1
    finally:
        client.stop(unregister=False)
        server.stop()


def test_idle_and_stalled_connections_close_and_connections_are_capped(clock: FakeClock) -> None:
    server, _ = _server(clock, idle_timeout_s=0.3, max_connections=2)
    socks = [_raw(server.url), _raw(server.url)]
    try:
        socks[0].sendall(b"POST /VIID/System/Register HTTP/1.1\r\nHost: x\r\n")  # half-sent headers
        socks[1].sendall(b"POST /VIID/System/Register HTTP/1.1\r\nContent-Length: 100\r\n\r\n{")  # stalled
        wait_until(lambda: server.slots.open == 2, 10, "both connections in service")
        third = _raw(server.url)  # over the cap: 503 at once, no thread
        assert _read_all(third, 2.0).startswith(b"HTTP/1.1 503")
        third.close()
        started = time.monotonic()
        for sock in socks:
            _read_all(sock, 3.0)  # the server closes both after its idle timeout
        assert time.monotonic() - started < 2.5
        wait_until(lambda: server.slots.open == 0, 10, "the closed connections' slots freed")
        client = Gat1400Client(server.url, DEVICE, PASSWORD)
        assert client.register()  # the slots are free again
        client.stop(unregister=False)
    finally:
        for sock in socks:
            sock.close()
        server.stop()


@pytest.mark.parametrize(
    ("framing", "status"),
    [
        (b"Content-Length: abc\r\n", b"400"),
        (b"Content-Length: 5\r\nContent-Length: 9\r\n", b"400"),
        (b"Transfer-Encoding: chunked\r\n", b"501"),
    ],
)
def test_broken_framing_from_a_registered_peer_is_refused_and_closed(
    served: Any, framing: bytes, status: bytes
) -> None:
    server, sink, client = served
    token = client._session.cookies.get("VIIDSession")
    sock = _raw(server.url)
    head = f"POST {g.FACES} HTTP/1.1\r\nHost: x\r\nUser-Identify: {DEVICE}\r\nCookie: VIIDSession={token}\r\n"
    sock.sendall(head.encode() + framing + b"\r\n" + json.dumps(FORGED_FACE).encode())
    reply = _read_all(sock)
    sock.close()
    assert reply.startswith(b"HTTP/1.1 " + status) and reply.count(b"HTTP/1.1") == 1
    assert sink.items == []
