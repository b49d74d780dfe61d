"""What the GPS protocol decoders share: the one error they raise, a bounds-checked reader, and `Position`.

Every decoder turns hostile bytes into typed dataclasses or raises `FrameError(reason)`; nothing else may
escape (the fuzz tests hold them to it). Reading through `Reader` makes "truncated" one check in one
place instead of an IndexError waiting in every slice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

KNOT_MPS = 1852.0 / 3600.0
"""One knot in metres per second (Traccar's speed unit is knots; our events carry m/s)."""
KMH_PER_KNOT = 1.852


class FrameError(ValueError):
    """A frame or message that cannot be decoded; `reason` says why (shown to the operator, counted)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Reader:
    """Big-endian reads over one message body; reading past the end raises FrameError("truncated ...")."""

    __slots__ = ("data", "pos", "what")

    def __init__(self, data: bytes, what: str = "message") -> None:
        self.data = data
        self.pos = 0
        self.what = what

    def remaining(self) -> int:
        return len(self.data) - self.pos

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise FrameError(f"truncated {self.what}: needs {n} more bytes at offset {self.pos}")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def u8(self) -> int:
        return self.take(1)[0]

    def u16(self) -> int:
        return int.from_bytes(self.take(2), "big")

    def i16(self) -> int:
        return int.from_bytes(self.take(2), "big", signed=True)

    def u24(self) -> int:
        return int.from_bytes(self.take(3), "big")

    def u32(self) -> int:
        return int.from_bytes(self.take(4), "big")

    def rest(self) -> bytes:
        return self.take(self.remaining())


def bcd(data: bytes) -> str:
    """Packed BCD → digits; a nibble above 9 is a corrupt field, not a number."""
    text = data.hex()
    if not text.isdigit():
        raise FrameError(f"bad BCD {text}")
    return text


def make_ts(
    year: int, month: int, day: int, hour: int, minute: int, second: int, offset_h: float = 0.0
) -> int:
    """Epoch ms of a device's broken-down time in a fixed UTC offset; an impossible date is a FrameError."""
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError as exc:
        raise FrameError(
            f"bad date {year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}"
        ) from exc
    return int((local - timedelta(hours=offset_h)).timestamp() * 1000)


@dataclass(slots=True)
class Position:
    """One fix as a tracker reported it, before it becomes our `gps.fix` event.

    Units follow Traccar (speed in knots) so the decoders can be checked against its test vectors;
    the bridge converts to our schema (m/s).
    """

    ts: int
    """Epoch ms, UTC (the device's fix time)."""
    lat: float
    lon: float
    valid: bool = True
    speed_kn: float = 0.0
    course: float = 0.0
    altitude: float | None = None
    accuracy: float | None = None
    satellites: int | None = None
    battery_level: float | None = None
    """Percent 0..100."""
    alarms: tuple[str, ...] = ()
    """Our alarm names (e.g. "sos", "low_battery"), in the protocol's bit/code order."""
    attributes: dict[str, Any] = field(default_factory=dict)
    """Everything else the message said (odometer, power, status bits...), by a stable key."""
