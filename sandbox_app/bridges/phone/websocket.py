"""RFC 6455 WebSocket on the phone page's own stdlib HTTP server: the live orders' first transport.

Only what the page needs, implemented here rather than pulled in as a dependency: the opening handshake
(`Sec-WebSocket-Accept`), unmasked server→client text frames, and reading the client's masked frames, of
which only the control frames mean anything (ping → pong, close → close, pong → alive). Everything a
hostile client could use against the station is bounded: a frame above `MAX_FRAME` is refused (close
1009) before its payload is read, an unmasked or malformed frame ends the connection (close 1002), a
frame begun but not finished within the read deadline, and a client silent for `IDLE_S` (it answers
our pings automatically when alive), are dropped. The connection cap is the HTTP server's (a WebSocket
holds one of its connection slots).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import select
import socket
import struct
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_FRAME = 4096
"""A client frame's largest payload: the page sends nothing but control frames (≤ 125 bytes)."""
IDLE_S = 60.0
"""A client that sent nothing (not even the pong to our 15 s pings) for this long is gone."""

OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA
CLOSE_NORMAL, CLOSE_GOING_AWAY, CLOSE_PROTOCOL, CLOSE_POLICY, CLOSE_TOO_BIG = 1000, 1001, 1002, 1008, 1009


class WsClosed(Exception):
    """The connection is over: `code` (sent to the client unless it is None) and why."""

    def __init__(self, code: int | None, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def accept_key(key: str) -> str:
    """`Sec-WebSocket-Accept` for the client's `Sec-WebSocket-Key` (RFC 6455 §4.2.2)."""
    return base64.b64encode(hashlib.sha1(key.encode("ascii") + GUID).digest()).decode("ascii")


def handshake_problem(headers: Message) -> str | None:
    """Why these request headers are no WebSocket opening handshake we accept (None: they are)."""
    if "websocket" not in str(headers.get("Upgrade", "")).lower():
        return "Upgrade: websocket is missing"
    if "upgrade" not in [t.strip().lower() for t in str(headers.get("Connection", "")).split(",")]:
        return "Connection: Upgrade is missing"
    if str(headers.get("Sec-WebSocket-Version", "")).strip() != "13":
        return "Sec-WebSocket-Version must be 13"
    key = str(headers.get("Sec-WebSocket-Key", "")).strip()
    try:
        if len(base64.b64decode(key, validate=True)) != 16:
            return "Sec-WebSocket-Key is not 16 bytes in base64"
    except ValueError:
        return "Sec-WebSocket-Key is not base64"
    return None


def frame(opcode: int, payload: bytes = b"") -> bytes:
    """One unfragmented, unmasked frame (what a server sends)."""
    size = len(payload)
    head = bytes([0x80 | opcode])
    if size < 126:
        head += bytes([size])
    elif size < 1 << 16:
        head += bytes([126]) + struct.pack("!H", size)
    else:
        head += bytes([127]) + struct.pack("!Q", size)
    return head + payload


def close_frame(code: int, reason: str = "") -> bytes:
    return frame(OP_CLOSE, struct.pack("!H", code) + reason.encode()[:120])


@dataclass(frozen=True, slots=True)
class Frame:
    fin: bool
    opcode: int
    payload: bytes


def parse(buffer: bytearray, limit: int = MAX_FRAME) -> Frame | None:
    """The first complete client frame in `buffer` (removed from it); None while it is incomplete.
    Raises WsClosed for an unmasked, oversize, reserved-bit or malformed control frame."""
    if len(buffer) < 2:
        return None
    b0, b1 = buffer[0], buffer[1]
    if b0 & 0x70:
        raise WsClosed(CLOSE_PROTOCOL, "reserved bits set (no extension was agreed)")
    fin, opcode = bool(b0 & 0x80), b0 & 0x0F
    if not b1 & 0x80:
        raise WsClosed(CLOSE_PROTOCOL, "a client frame must be masked")
    size, at = b1 & 0x7F, 2
    if size == 126:
        if len(buffer) < 4:
            return None
        size, at = struct.unpack_from("!H", buffer, 2)[0], 4
    elif size == 127:
        if len(buffer) < 10:
            return None
        size, at = struct.unpack_from("!Q", buffer, 2)[0], 10
    if opcode >= 0x8 and (size > 125 or not fin):
        raise WsClosed(CLOSE_PROTOCOL, "a control frame is at most 125 bytes and never fragmented")
    if opcode not in (OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG):
        raise WsClosed(CLOSE_PROTOCOL, f"unknown opcode {opcode:#x}")
    if size > limit:
        raise WsClosed(CLOSE_TOO_BIG, f"frame of {size} bytes exceeds {limit}")
    end = at + 4 + size
    if len(buffer) < end:
        return None
    mask = bytes(buffer[at : at + 4])
    data = bytes(buffer[at + 4 : end])
    del buffer[:end]
    if data:
        repeated = (mask * (size // 4 + 1))[:size]
        data = (int.from_bytes(data, "big") ^ int.from_bytes(repeated, "big")).to_bytes(size, "big")
    return Frame(fin, opcode, data)


class WsConnection:
    """The server side of one upgraded connection: `send_text`, `ping`, and `poll(timeout)` that reads
    and answers whatever control frames the client sent within `timeout` seconds."""

    def __init__(
        self,
        sock: socket.socket,
        monotonic: Callable[[], float],
        frame_deadline_s: float,
        idle_s: float = IDLE_S,
    ) -> None:
        self.sock = sock
        self._now = monotonic
        self._buffer = bytearray()
        self._frame_deadline_s = frame_deadline_s
        self._idle_s = idle_s
        self._heard = monotonic()
        self._partial_since: float | None = None

    def send_text(self, payload: bytes) -> None:
        self.sock.sendall(frame(OP_TEXT, payload))

    def ping(self) -> None:
        self.sock.sendall(frame(OP_PING, b"sandbox"))

    def close(self, code: int, reason: str = "") -> None:
        """Send the close frame (best effort: the client may be gone already)."""
        with contextlib.suppress(OSError):
            self.sock.sendall(close_frame(code, reason))

    def _readable(self, timeout: float) -> bool:
        pending = getattr(self.sock, "pending", None)  # TLS: decrypted bytes select cannot see
        if pending is not None and pending():
            return True
        ready, _, _ = select.select([self.sock], [], [], timeout)
        return bool(ready)

    def poll(self, timeout: float) -> None:
        """Wait up to `timeout` for the client; answer its pings, raise WsClosed when it closes, breaks
        the protocol, sends too much, stalls inside a frame or stays silent for the idle time."""
        now = self._now()
        if self._readable(timeout):
            data = self.sock.recv(65536)
            if not data:
                raise WsClosed(None, "the client closed the connection")
            self._buffer += data
            self._heard = now = self._now()
        while (f := parse(self._buffer)) is not None:
            self._handle(f)
        if self._buffer:
            self._partial_since = self._partial_since if self._partial_since is not None else now
            if now - self._partial_since > self._frame_deadline_s:
                raise WsClosed(CLOSE_POLICY, "a frame was not finished in time")
        else:
            self._partial_since = None
        if now - self._heard > self._idle_s:
            raise WsClosed(CLOSE_GOING_AWAY, "idle")

    def _handle(self, f: Frame) -> None:
        if f.opcode == OP_PING:
            self.sock.sendall(frame(OP_PONG, f.payload))
        elif f.opcode == OP_CLOSE:
            code = struct.unpack("!H", f.payload[:2])[0] if len(f.payload) >= 2 else CLOSE_NORMAL
            self.close(code if 1000 <= code < 5000 and code not in (1005, 1006, 1015) else CLOSE_PROTOCOL)
            raise WsClosed(None, f"the client closed ({code})")
        # pong: the client is alive (counted by `_heard`); text, binary, continuation: the page has
        # nothing to tell the station this way (replies go to /api/reply, idempotent), so they are dropped.
