"""Time in one place: parsing user-given times, the wall clock, and the engine clock driven by events.

This is the ONLY module in the core allowed to read the wall clock (tests/test_architecture.py enforces it).
Everything else takes "now" from an explicit clock, so replay, tests and backtests run faster than real time.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MS_PER_MINUTE = 60_000


class TimeParseError(ValueError):
    """A time string that is neither ISO 8601 nor epoch milliseconds."""


def parse_time(text: str, tz: str = "UTC") -> int:
    """Epoch ms from ISO 8601 (with offset, or naive in `tz`) or a string of epoch-ms digits.

    Naive ISO times are read in the district's timezone because a duty officer types local time.
    """
    s = text.strip()
    if not s:
        raise TimeParseError("empty time")
    if s.isdigit() or (s[0] == "-" and s[1:].isdigit()):
        return int(s)
    try:
        dt = datetime.fromisoformat(s)
    except ValueError as exc:
        raise TimeParseError(f"not ISO 8601 or epoch ms: {text!r}") from exc
    if dt.tzinfo is None:
        try:
            dt = dt.replace(tzinfo=ZoneInfo(tz))
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise TimeParseError(f"unknown timezone {tz!r}") from exc
    return to_ms(dt)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MS = timedelta(milliseconds=1)


def to_ms(dt: datetime) -> int:
    """Epoch ms of an aware datetime, floored and exact (timedelta floor division, no float rounding)."""
    return (dt - _EPOCH) // _ONE_MS


def format_ms(ts: int) -> str:
    """ISO 8601 UTC text for an epoch-ms value, for logs and messages (raw ms when beyond the calendar:
    a hostile timestamp must not turn a log line into a traceback)."""
    try:
        return (_EPOCH + ts * _ONE_MS).isoformat(timespec="milliseconds")
    except OverflowError:
        return f"{ts} ms"


class Clock(Protocol):
    def now_ms(self) -> int: ...


class WallClock:
    """Real time, for live bridges stamping receipt times and for the GUI's idle ticks."""

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000

    def monotonic_s(self) -> float:
        """For measuring durations (benchmarks, rate limits), never for event time."""
        return time.perf_counter()


class EngineClock:
    """Time as the events tell it: never goes backwards, moves only when told.

    A late event (older than the clock) does not rewind it, so timers that already fired stay fired.
    """

    def __init__(self, start_ms: int = 0) -> None:
        self._now = start_ms

    def now_ms(self) -> int:
        return self._now

    def advance(self, ts: int) -> bool:
        """Move to ts if it is later; return whether the clock moved."""
        if ts > self._now:
            self._now = ts
            return True
        return False
