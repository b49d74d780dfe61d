"""The phone page's WebSocket (RFC 6455 on the station's own HTTP server), spoken by a raw socket client:
the handshake (the RFC's sample key), masked client frames, ping/pong and close, an oversize frame
refused, a bad token and another site's page refused before any upgrade, and the same `order`/`revoked`
messages as the event stream (tests/bridges/phone/test_phone.py keeps the event stream: the fallback)."""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import struct
from pathlib import Path
from typing import Any

import orjson
import pytest

from sandbox_app.bridges.phone import websocket as ws
from sandbox_app.domain.model import District
from tests.bridges.phone.phone_station import PhoneStation, write_phone_config
from tests.bridges.phone.test_phone import enrolled

RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ=="
RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="  # RFC 6455 §1.3


class Client:
    """A bare WebSocket client on a socket: what a phone's browser does, byte by byte."""

    def __init__(
        self,
        station: PhoneStation,
        token: str | None,
        origin: str | None = None,
        tls: ssl.SSLContext | None = None,
    ) -> None:
        host, port = station.phone.address
        self.sock = socket.create_connection((host, port), timeout=10)
        if tls is not None:
            self.sock = tls.wrap_socket(self.sock, server_hostname=host)
        self.buffer = b""
        lines = [
            "GET /api/ws HTTP/1.1",
            f"Host: {host}:{port}",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {RFC_KEY}",
            "Sec-WebSocket-Version: 13",
        ]
        if token is not None:
            lines.append(f"Cookie: sandbox_phone={token}")
        if origin is not None:
            lines.append(f"Origin: {origin}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self._recv()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        self.status = int(head.split(b" ")[1])
        self.headers = {
            k.strip().lower(): v.strip()
            for k, v in (line.split(":", 1) for line in head.decode().split("\r\n")[1:])
        }

    def _recv(self) -> bytes:
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError("closed by the station")
        return data

    def send(self, opcode: int, payload: bytes, *, masked: bool = True, size: int | None = None) -> None:
        n = len(payload) if size is None else size
        head = bytes([0x80 | opcode])
        bit = 0x80 if masked else 0
        if n < 126:
            head += bytes([bit | n])
        elif n < 1 << 16:
            head += bytes([bit | 126]) + struct.pack("!H", n)
        else:
            head += bytes([bit | 127]) + struct.pack("!Q", n)
        if masked:
            mask = os.urandom(4)
            head += mask
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(head + payload)

    def frame(self) -> tuple[int, bytes]:
        """The next server frame (opcode, payload); a server frame is never masked."""
        while len(self.buffer) < 2:
            self.buffer += self._recv()
        b0, b1 = self.buffer[0], self.buffer[1]
        assert not b1 & 0x80, "a server frame must not be masked"
        n, at = b1 & 0x7F, 2
        if n == 126:
            while len(self.buffer) < 4:
                self.buffer += self._recv()
            n, at = struct.unpack_from("!H", self.buffer, 2)[0], 4
        elif n == 127:
            while len(self.buffer) < 10:
                self.buffer += self._recv()
            n, at = struct.unpack_from("!Q", self.buffer, 2)[0], 10
        while len(self.buffer) < at + n:
            self.buffer += self._recv()
        payload, self.buffer = self.buffer[at : at + n], self.buffer[at + n :]
        return b0 & 0x0F, payload

    def message(self) -> dict[str, Any]:
        """The next text message (pings in between are answered, as a browser does)."""
        while True:
            opcode, payload = self.frame()
            if opcode == ws.OP_TEXT:
                return dict(orjson.loads(payload))
            if opcode == ws.OP_PING:
                self.send(ws.OP_PONG, payload)
            else:
                raise AssertionError(f"unexpected frame {opcode:#x} {payload!r}")

    def close(self) -> None:
        self.sock.close()


def token_of(station: PhoneStation, guard: str) -> str:
    return str(enrolled(station, guard).cookies["sandbox_phone"])


def test_the_websocket_over_tls_with_the_stations_certificate(tmp_path: Path, demo: District) -> None:
    """wss:// as the phones use it: the frames inside TLS (the server looks at TLS's own buffer before
    waiting on the socket, or a ping that arrived with another record would wait for the next one)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    import requests

    from tests.security.test_tls import make_certs

    make_certs(tmp_path)
    (tmp_path / "server.key").chmod(0o600)
    config = write_phone_config(
        tmp_path / "bridges.toml", 'cert_file = "server.crt"\nkey_file = "server.key"\n'
    )
    station = PhoneStation(tmp_path / "station.db", config, demo)
    try:
        r = requests.post(
            station.url + "api/enrol",
            json={"code": station.enrol("GD001")},
            verify=str(tmp_path / "ca.crt"),
            timeout=5,
        )
        token = r.cookies["sandbox_phone"]
        tls = ssl.create_default_context(cafile=str(tmp_path / "ca.crt"))
        client = Client(station, token, tls=tls)
        try:
            assert client.status == 101 and client.headers["sec-websocket-accept"] == RFC_ACCEPT
            assert client.message()["event"] == "order"
            for i in range(3):
                client.send(ws.OP_PING, f"p{i}".encode())
            assert [client.frame() for _ in range(3)] == [(ws.OP_PONG, f"p{i}".encode()) for i in range(3)]
            d = station.dispatch(station.alert_at(next(iter(station.district.buildings))), "GD001")
            assert client.message()["data"]["order"]["id"] == d.id
        finally:
            client.close()
    finally:
        station.close()


def test_accept_key_is_the_rfcs_sample() -> None:
    assert ws.accept_key(RFC_KEY) == RFC_ACCEPT


def test_orders_arrive_over_the_websocket_as_over_the_event_stream(station: PhoneStation) -> None:
    client = Client(station, token_of(station, "GD001"))
    try:
        assert client.status == 101
        assert client.headers["sec-websocket-accept"] == RFC_ACCEPT
        assert client.headers["upgrade"].lower() == "websocket"
        first = client.message()
        assert first["event"] == "order" and first["data"]["order"] is None
        assert first["data"]["guard"]["id"] == "GD001"
        # Ping → pong with the same payload, even between orders.
        client.send(ws.OP_PING, b"are you there")
        assert client.frame() == (ws.OP_PONG, b"are you there")
        alert = station.alert_at(next(iter(station.district.buildings)))
        d = station.dispatch(alert, "GD001", note="带灭火器")
        order = client.message()
        assert order["event"] == "order"
        assert (order["data"]["order"]["id"], order["data"]["order"]["note"]) == (d.id, "带灭火器")
        # The same snapshot the event stream and /api/order give.
        assert order["data"] == station.phone.order_json("GD001")
        station.revoke("GD001")
        assert client.message() == {"event": "revoked", "data": {}}
        opcode, payload = client.frame()
        assert opcode == ws.OP_CLOSE and struct.unpack("!H", payload[:2])[0] == ws.CLOSE_POLICY
        assert station.phone.stats.websockets == 1
    finally:
        client.close()


def test_a_close_from_the_phone_is_answered(station: PhoneStation) -> None:
    client = Client(station, token_of(station, "GD001"))
    try:
        assert client.message()["event"] == "order"
        client.send(ws.OP_CLOSE, struct.pack("!H", 1000) + b"bye")
        assert client.frame() == (ws.OP_CLOSE, struct.pack("!H", 1000))
        assert client.sock.recv(1) == b""  # and the station hangs up
    finally:
        client.close()


def test_an_oversize_or_unmasked_frame_ends_the_connection(station: PhoneStation) -> None:
    token = token_of(station, "GD001")
    client = Client(station, token)
    try:
        assert client.message()["event"] == "order"
        # Only the header of a 1 MB frame: refused on its announced size, its body is never waited for.
        client.send(ws.OP_BINARY, b"", size=1 << 20)
        opcode, payload = client.frame()
        assert opcode == ws.OP_CLOSE and struct.unpack("!H", payload[:2])[0] == ws.CLOSE_TOO_BIG
        assert client.sock.recv(1) == b""
    finally:
        client.close()
    client = Client(station, token)
    try:
        assert client.message()["event"] == "order"
        client.send(ws.OP_TEXT, b"hello", masked=False)
        opcode, payload = client.frame()
        assert opcode == ws.OP_CLOSE and struct.unpack("!H", payload[:2])[0] == ws.CLOSE_PROTOCOL
    finally:
        client.close()
    assert station.phone.health.rejected >= 2


def test_no_upgrade_without_a_valid_token_or_from_another_site(station: PhoneStation) -> None:
    refused = station.phone.stats.refused
    for token in (None, "not-a-token"):
        client = Client(station, token)
        try:
            assert client.status == 401 and "sec-websocket-accept" not in client.headers
        finally:
            client.close()
    token = token_of(station, "GD002")
    client = Client(station, token, origin="https://evil.example")
    try:
        assert client.status == 403
    finally:
        client.close()
    assert station.phone.stats.refused == refused + 3
    station.revoke("GD002")
    client = Client(station, token)
    try:
        assert client.status == 401
    finally:
        client.close()


def test_parse_keeps_an_incomplete_frame_for_later() -> None:
    mask = b"\x01\x02\x03\x04"
    body = bytes(b ^ mask[i % 4] for i, b in enumerate(b"ping!"))
    whole = bytes([0x89, 0x80 | 5]) + mask + body
    buffer = bytearray(whole[:6])
    assert ws.parse(buffer) is None and len(buffer) == 6
    buffer += whole[6:] + whole[:1]
    assert ws.parse(buffer) == ws.Frame(True, ws.OP_PING, b"ping!")
    assert buffer == bytearray(whole[:1])


def test_a_silent_client_and_a_stalled_frame_are_dropped() -> None:
    """Idle: nothing heard (not even the pong to our pings) for `idle_s`. Stalled: a frame begun and not
    finished within the read deadline (a client trickling bytes must not hold a slot forever)."""
    now = [100.0]
    a, b = socket.socketpair()
    try:
        conn = ws.WsConnection(a, lambda: now[0], frame_deadline_s=5.0, idle_s=60.0)
        conn.poll(0)
        now[0] += 61
        with pytest.raises(ws.WsClosed) as idle:
            conn.poll(0)
        assert idle.value.code == ws.CLOSE_GOING_AWAY
        conn = ws.WsConnection(a, lambda: now[0], frame_deadline_s=5.0, idle_s=60.0)
        b.sendall(bytes([0x89, 0x85]) + b"\x01\x02")  # a ping's header and half its mask
        conn.poll(1.0)
        now[0] += 6
        with pytest.raises(ws.WsClosed) as stalled:
            conn.poll(0)
        assert stalled.value.code == ws.CLOSE_POLICY
    finally:
        a.close()
        b.close()
