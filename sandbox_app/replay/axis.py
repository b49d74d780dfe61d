"""The timeline's time axis and its "go to" field, without Qt: which ticks to label at a zoom, and what
moment a typed date/time means.

Ticks are on whole local units (midnight, the hour, five minutes...) in the district's timezone, the step
the smallest of `STEPS` that keeps labels `min_px` apart, so 30 days read by days, a day by hours and an
hour by minutes. A tick on a new day is labelled with the date, the others with the time only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

MINUTE_MS = 60_000
HOUR_MS = 3_600_000
DAY_MS = 86_400_000
STEPS = (
    MINUTE_MS,
    2 * MINUTE_MS,
    5 * MINUTE_MS,
    10 * MINUTE_MS,
    15 * MINUTE_MS,
    30 * MINUTE_MS,
    HOUR_MS,
    2 * HOUR_MS,
    3 * HOUR_MS,
    6 * HOUR_MS,
    12 * HOUR_MS,
    DAY_MS,
    2 * DAY_MS,
    7 * DAY_MS,
)
"""Tick steps from fine to coarse; below a minute a range is read from the time label instead."""


@dataclass(frozen=True, slots=True)
class Tick:
    ts: int
    label: str
    major: bool
    """On a local midnight: drawn taller, labelled with the date."""


def step_for(span_ms: int, width_px: float, min_px: float = 70.0) -> int:
    """The finest step whose ticks stay `min_px` apart over `width_px` for a range of `span_ms`."""
    per_px = max(1, span_ms) / max(1.0, width_px)
    for step in STEPS:
        if step / per_px >= min_px:
            return step
    return STEPS[-1]


def _local(ts: int, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(ts / 1000, tz=UTC).astimezone(zone)


def _ms(dt: datetime) -> int:
    return round(dt.timestamp() * 1000)


def ticks(start_ts: int, end_ts: int, width_px: float, timezone: str, min_px: float = 70.0) -> list[Tick]:
    """Labelled ticks inside [start_ts, end_ts] for a bar `width_px` wide (see the module docstring)."""
    zone = ZoneInfo(timezone or "UTC")
    step = step_for(end_ts - start_ts, width_px, min_px)
    out: list[Tick] = []
    if step >= DAY_MS:
        days = step // DAY_MS
        first = _local(start_ts, zone).replace(hour=0, minute=0, second=0, microsecond=0)
        day = first
        while _ms(day) <= end_ts:
            ts = _ms(day)
            ordinal = day.toordinal()
            if ts >= start_ts and ordinal % days == 0:
                out.append(Tick(ts, day.strftime("%m-%d"), True))
            day = (day + timedelta(days=1, hours=3)).replace(hour=0)  # whole local days across DST changes
        return out
    minutes = step // MINUTE_MS
    local = _local(start_ts, zone).replace(second=0, microsecond=0)
    # walk whole local minutes aligned to the step within each local day
    t = local.replace(minute=local.minute // minutes * minutes if minutes < 60 else 0)
    if minutes >= 60:
        hours = minutes // 60
        t = t.replace(hour=t.hour // hours * hours)
    while True:
        ts = _ms(t)
        if ts > end_ts:
            break
        if ts >= start_ts:
            midnight = t.hour == 0 and t.minute == 0
            out.append(Tick(ts, t.strftime("%m-%d") if midnight else t.strftime("%H:%M"), midnight))
        t = (t + timedelta(minutes=minutes)).astimezone(zone)
    return out


_FULL = re.compile(
    r"^(?:(?P<y>\d{4})[-/.年])?(?:(?P<mo>\d{1,2})[-/.月](?P<d>\d{1,2})日?)?\s*[T ]?\s*"
    r"(?:(?P<h>\d{1,2})[:：时点](?P<mi>\d{1,2})?分?(?:[:：](?P<s>\d{1,2})秒?)?)?$"
)


def parse_moment(text: str, at_ts: int, timezone: str) -> int | None:
    """What "go to" means by `text`, in local time: "2024-05-01 14:30[:15]", "05-01 14:30", "05-01" (that
    day's midnight) or "14:30" (that time on the day shown at `at_ts`). None when it is not a moment."""
    s = text.strip()
    if not s:
        return None
    m = _FULL.match(s)
    if m is None or not any(m.group(k) for k in ("y", "mo", "h")):
        return None
    zone = ZoneInfo(timezone or "UTC")
    base = _local(at_ts, zone)
    try:
        year = int(m.group("y")) if m.group("y") else base.year
        month = int(m.group("mo")) if m.group("mo") else base.month
        day = int(m.group("d")) if m.group("d") else base.day
        hour = int(m.group("h")) if m.group("h") else 0
        minute = int(m.group("mi")) if m.group("mi") else 0
        second = int(m.group("s")) if m.group("s") else 0
        when = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
    return _ms(when)
