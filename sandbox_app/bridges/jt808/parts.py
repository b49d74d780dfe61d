"""JT/T 808 subpackaged messages: a body over 1,023 bytes (a long 0x0704 batch, multimedia) is sent as
numbered parts, each a whole frame with the part count and index in its header; put back together here,
per connection, before the body is decoded (`jt808.decode_body`).
"""

from __future__ import annotations

from sandbox_app.bridges.jt808.codec import Header
from sandbox_app.bridges.trackers.common import FrameError

MAX_PARTS = 256
"""Parts of one subpackaged message we wait for (256 x 1,023 bytes: a photo or a long batch)."""
MAX_PENDING = 4
"""Subpackaged messages one connection may have half-sent at once; the oldest beyond that is dropped."""


class Reassembler:
    """Puts subpackaged messages back together, per connection. The parts of one message share its id,
    phone and part count and carry consecutive serials, so (id, phone, total, serial of part 1) names
    it; a message whose parts stop coming is dropped when newer ones push it out (`dropped` counts)."""

    def __init__(self) -> None:
        self._pending: dict[tuple[int, str, int, int], dict[int, bytes]] = {}
        self.dropped = 0

    def add(self, header: Header, body: bytes) -> tuple[Header, bytes] | None:
        """A part → the whole message (bodies in order; the header without part fields, carrying the serial
        of the part that completed it, which is the one the platform's response must echo) once every part
        arrived, else None. An unsplit message passes straight through."""
        if header.packet is None or header.packet == (1, 1):
            return header, body
        total, index = header.packet
        if total > MAX_PARTS:
            raise FrameError(f"subpackaged message of {total} parts (at most {MAX_PARTS})")
        first = (header.serial - index + 1) & 0xFFFF
        key = (header.msg_id, header.phone, total, first)
        parts = self._pending.pop(key, {})
        parts[index] = body
        if len(parts) < total:
            self._pending[key] = parts  # re-inserted: the most recently active message is kept longest
            while len(self._pending) > MAX_PENDING:
                del self._pending[next(iter(self._pending))]
                self.dropped += 1
            return None
        whole = b"".join(parts[i] for i in range(1, total + 1))
        return Header(
            header.msg_id, header.phone, header.serial, header.version, header.encrypted, None
        ), whole
