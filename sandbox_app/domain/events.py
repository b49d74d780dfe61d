"""The one event schema every bridge produces (documented in docs/events.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from msgspec import Meta, Struct

EVENT_KINDS: frozenset[str] = frozenset(
    {
        "gps.fix",
        "door.open",
        "door.close",
        "lock.open",
        "face.pass",
        "plate.read",
        "rfid.read",
        "alarm.button",
        "smoke.alarm",
        "gas.alarm",
        "water.alarm",
        "perimeter.breach",
        "throw.detected",
        "fall.detected",
        "tailgate.detected",
        "vehicle.parked",
        "renovation.activity",
        "ebike.detected",
        "device.heartbeat",
    }
)


MAX_ID_LEN = 200
MIN_TS = 946_684_800_000
"""2000-01-01T00:00Z: anything earlier is almost surely epoch seconds sent as milliseconds."""
MAX_TS = 4_102_444_800_000
"""2100-01-01T00:00Z."""

if TYPE_CHECKING:
    _Id: TypeAlias = str
    _Kind: TypeAlias = str
    _Ts: TypeAlias = int
    _Lon: TypeAlias = float
    _Lat: TypeAlias = float
    _Data: TypeAlias = dict[str, Any]
else:  # what msgspec checks while decoding JSON straight into an Event (bridges.schema): the wire may
    # carry ts as ISO text, which decoding turns into epoch ms before the event leaves it. Data is flat,
    # with 64-bit integers (what orjson writes back); anything else is decoded the slow way, as before.
    _Id = Annotated[str, Meta(min_length=1, max_length=MAX_ID_LEN)]
    _Ts = Annotated[int, Meta(ge=MIN_TS, lt=MAX_TS)] | str
    _Kind = Literal[tuple(sorted(EVENT_KINDS))]
    _Lon = Annotated[float, Meta(ge=-180.0, le=180.0)]
    _Lat = Annotated[float, Meta(ge=-90.0, le=90.0)]
    _Data = dict[str, str | Annotated[int, Meta(ge=-(2**63), le=2**63 - 1)] | float | bool | None]


class Event(Struct, gc=False):
    """One device message, validated.

    A msgspec Struct rather than a dataclass because JSON decodes straight into it in C (~2 µs per event
    cheaper at ingest rates, measured). `gc=False`: events never take part in reference cycles, so the
    cyclic GC need not track millions of them. Mutable only for decoding; treat events as read-only.
    """

    id: _Id
    """Unique per device: the identity is (device, id); a redelivery is stored once (store/dedupe.py)."""
    ts: _Ts
    """Epoch milliseconds, UTC."""
    device: _Id
    kind: _Kind
    lon: _Lon | None = None
    lat: _Lat | None = None
    data: _Data = {}


@dataclass(frozen=True, slots=True)
class Rejection:
    """A message that could not become an Event, and why; counted, never fatal."""

    reason: str
    raw: str = ""
    line: int | None = None
