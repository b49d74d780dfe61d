"""The one event schema every bridge produces (documented in docs/events.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
        "device.heartbeat",
    }
)


@dataclass(slots=True)
class Event:
    """One device message, validated. Not frozen: a frozen dataclass's `__init__` costs ~1 µs more per
    event at ingest rates (measured), and nothing hashes events; treat them as read-only all the same."""

    id: str
    """Unique; the same id twice is stored once."""
    ts: int
    """Epoch milliseconds, UTC."""
    device: str
    kind: str
    lon: float | None = None
    lat: float | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A message that could not become an Event, and why; counted, never fatal."""

    reason: str
    raw: str = ""
    line: int | None = None
