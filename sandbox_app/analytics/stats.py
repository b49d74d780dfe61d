"""The figures the panels and the dashboard show, computed without Qt so they are tested in plain pytest.

Three kinds of input: the store (alerts, dispatch records, today's reads) read on the engine's worker thread
by `compute`; the live event stream, summarised by `LiveTally` (last seen and battery per device) as the
engine publishes it; and the district. Widgets only draw what these functions return.
"""

from __future__ import annotations

import statistics
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sandbox_app.dispatch.nearest import DEFAULT_MAX_FIX_AGE_S
from sandbox_app.domain.alerts import OUTCOME_KEY, Alert, CloseOutcome
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.messages import StateDelta
from sandbox_app.store.base import Store

READ_KINDS = ("plate.read", "face.pass", "rfid.read")
"""The pass records a station shows its visitors: plates, faces, e-bike RFID tags."""
OFFLINE_RULE = "device_offline"
BRIDGE_PREFIX = "bridge:"
MS_PER_HOUR = 3_600_000
DEFAULT_HOURS = 24


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def day_start_ms(now_ts: int, timezone: str) -> int:
    """Local midnight (the district's time zone) of the day holding `now_ts`, as epoch ms."""
    local = datetime.fromtimestamp(now_ts / 1000, tz=zone(timezone))
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return int(midnight.timestamp() * 1000)


# alerts per hour ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class HourlyAlerts:
    """Alerts raised per hour and rule over the last `len(starts)` hours, oldest first."""

    starts: tuple[int, ...]
    """Start of each hour bucket, epoch ms (whole hours)."""
    counts: Mapping[str, tuple[int, ...]]
    """Rule → count per bucket; only rules with at least one alert, ordered by total (most first)."""

    def totals(self) -> tuple[int, ...]:
        return tuple(sum(c[i] for c in self.counts.values()) for i in range(len(self.starts)))


def alerts_per_hour(alerts: Iterable[Alert], now_ts: int, hours: int = DEFAULT_HOURS) -> HourlyAlerts:
    """Bucket alerts by the hour they were first raised; the last bucket is the hour holding `now_ts`."""
    last = now_ts - now_ts % MS_PER_HOUR
    first = last - (hours - 1) * MS_PER_HOUR
    starts = tuple(first + i * MS_PER_HOUR for i in range(hours))
    counts: dict[str, list[int]] = {}
    for alert in alerts:
        if first <= alert.first_ts < last + MS_PER_HOUR:
            row = counts.setdefault(alert.rule, [0] * hours)
            row[(alert.first_ts - first) // MS_PER_HOUR] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    return HourlyAlerts(starts, {rule: tuple(row) for rule, row in ordered})


# response times ----------------------------------------------------------------------------------------
class Phase(StrEnum):
    """The three clocks of a dispatch, all measured from the order going out."""

    ACCEPT = "accept"
    ARRIVE = "arrive"
    CLOSE = "close"


@dataclass(frozen=True, slots=True)
class ResponseTimes:
    seconds: Mapping[Phase, tuple[float, ...]]
    """Every measured duration per phase, in seconds."""

    def median(self, phase: Phase) -> float | None:
        values = self.seconds.get(phase, ())
        return statistics.median(values) if values else None

    def count(self, phase: Phase) -> int:
        return len(self.seconds.get(phase, ()))


def response_times(dispatches: Iterable[Dispatch], since_ts: int | None = None) -> ResponseTimes:
    """Issue→accepted, issue→on scene and issue→closed of each dispatch issued since `since_ts`."""
    out: dict[Phase, list[float]] = {p: [] for p in Phase}
    for d in dispatches:
        if since_ts is not None and d.issued_ts < since_ts:
            continue
        for phase, value in (
            (Phase.ACCEPT, d.time_to_accept_s),
            (Phase.ARRIVE, d.time_to_arrive_s),
            (Phase.CLOSE, d.time_to_close_s),
        ):
            if value is not None:
                out[phase].append(value)
    return ResponseTimes({p: tuple(v) for p, v in out.items()})


# close outcomes ----------------------------------------------------------------------------------------
def outcome_counts(alerts: Iterable[Alert]) -> dict[CloseOutcome, int]:
    """Closed alerts per 处置结果 (every outcome listed, zero included), so a station can report how many
    alerts were false alarms, handed to property management or 110, or ended in an arrest."""
    counts = dict.fromkeys(CloseOutcome, 0)
    for alert in alerts:
        value = str(alert.data.get(OUTCOME_KEY, ""))
        if alert.state is AlertState.CLOSED and value in CloseOutcome._value2member_map_:
            counts[CloseOutcome(value)] += 1
    return counts


# devices and bridges -----------------------------------------------------------------------------------
def offline_subjects(open_alerts: Iterable[Alert]) -> set[str]:
    """Devices (and `bridge:<name>` pseudo-devices) with an open `device_offline` alert."""
    return {a.subject for a in open_alerts if a.rule == OFFLINE_RULE and a.state.is_open}


@dataclass(frozen=True, slots=True)
class KindHealth:
    kind: str
    online: int
    total: int

    @property
    def rate(self) -> float:
        return self.online / self.total if self.total else 1.0


def online_by_kind(district: District, offline: Iterable[str]) -> list[KindHealth]:
    """Online share per device kind, worst first: a device is online unless its offline alert is open."""
    down = set(offline)
    totals: dict[str, list[int]] = {}
    for device in district.devices.values():
        row = totals.setdefault(device.kind, [0, 0])
        row[1] += 1
        if device.id not in down:
            row[0] += 1
    rows = [KindHealth(kind, online, total) for kind, (online, total) in totals.items()]
    return sorted(rows, key=lambda r: (r.rate, r.kind))


def online_rate(rows: Sequence[KindHealth]) -> float:
    total = sum(r.total for r in rows)
    return sum(r.online for r in rows) / total if total else 1.0


# today's reads -----------------------------------------------------------------------------------------
def count_reads(events: Iterable[Event]) -> dict[str, int]:
    counts = dict.fromkeys(READ_KINDS, 0)
    for event in events:
        if event.kind in counts:
            counts[event.kind] += 1
    return counts


# everything the dashboard shows ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Figures:
    now_ts: int
    hourly: HourlyAlerts
    response: ResponseTimes
    devices: tuple[KindHealth, ...]
    reads_today: Mapping[str, int]


def compute(store: Store, district: District, now_ts: int, hours: int = DEFAULT_HOURS) -> Figures:
    """All dashboard figures from the store at `now_ts` (run it where the store connection lives).

    Response times cover the dispatches issued in the same window as the hourly chart; reads count since
    local midnight.
    """
    window_start = now_ts - now_ts % MS_PER_HOUR - (hours - 1) * MS_PER_HOUR
    alerts, dispatches = _window_records(store, window_start, now_ts)
    open_now = [a for a in alerts if a.state.is_open]
    reads = count_reads(store.events_between(day_start_ms(now_ts, district.timezone), now_ts, READ_KINDS))
    return Figures(
        now_ts,
        alerts_per_hour(alerts, now_ts, hours),
        response_times(dispatches, since_ts=window_start),
        tuple(online_by_kind(district, offline_subjects(open_now))),
        reads,
    )


def _window_records(store: Store, start_ts: int, end_ts: int) -> tuple[list[Alert], list[Dispatch]]:
    """Alerts and dispatches alive in the window (every open alert among them). On SQLite, through the
    bounded replay queries (a year of closed alerts is never read); other stores return everything."""
    from sandbox_app.store import queries

    try:
        db = queries.Db.of_store(store)
    except TypeError:
        return store.alerts(), store.dispatches()
    return queries.alerts_overlapping(db, start_ts, end_ts), queries.dispatches_overlapping(
        db, start_ts, end_ts
    )


# live tally (worker thread → UI) -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TallySnapshot:
    now_ts: int
    last_seen: Mapping[str, int]
    """Device id → ts of its last event."""
    battery: Mapping[str, float]
    """Device id → battery % from its last event that carried one."""


class LiveTally:
    """Last-seen time and battery per device, from the engine's StateDelta messages.

    `on_delta` runs on the engine's worker thread (a bus subscriber); `snapshot` on any thread. Memory is
    bounded by the district's devices plus `max_unknown` ids the package does not list.
    """

    def __init__(self, district: District, max_unknown: int = 1_000) -> None:
        self._known = frozenset(district.devices)
        self._max_unknown = max_unknown
        self._unknown = 0
        self._lock = threading.Lock()
        self._now = 0
        self._seen: dict[str, int] = {}
        self._battery: dict[str, float] = {}

    def on_delta(self, delta: StateDelta) -> None:
        with self._lock:
            self._now = max(self._now, delta.now_ts)
            seen, battery = self._seen, self._battery
            for event in delta.events:
                self._see(event, seen, battery)

    def _see(self, event: Event, seen: dict[str, int], battery: dict[str, float]) -> None:
        dev = event.device
        if dev not in seen:
            if dev not in self._known:
                if self._unknown >= self._max_unknown:
                    return
                self._unknown += 1
        elif seen[dev] > event.ts:
            return
        seen[dev] = event.ts
        level = event.data.get("battery") if event.data else None
        if isinstance(level, int | float) and not isinstance(level, bool):
            battery[dev] = float(level)

    def snapshot(self) -> TallySnapshot:
        with self._lock:
            return TallySnapshot(self._now, dict(self._seen), dict(self._battery))


# guard roster ------------------------------------------------------------------------------------------
class GuardState(StrEnum):
    PATROLLING = "patrolling"
    DISPATCHED = "dispatched"
    ON_SCENE = "on_scene"
    STALE = "stale"


@dataclass(frozen=True, slots=True)
class GuardRow:
    id: str
    name: str
    role: str
    state: GuardState
    fix_age_s: float | None
    """Seconds since the tracker's last fix (engine time); None when it never sent one."""
    battery: float | None
    dispatch_id: str | None = None


def guard_rows(
    district: District,
    fix_ts: Mapping[str, int],
    battery: Mapping[str, float],
    dispatches: Iterable[Dispatch],
    now_ts: int,
    stale_after_s: float = DEFAULT_MAX_FIX_AGE_S,
) -> list[GuardRow]:
    """One row per guard. `fix_ts` and `battery` are keyed by tracker device id.

    On scene and dispatched (an order that holds the guard) come first; otherwise a guard whose last fix is
    older than `stale_after_s` (or missing) is stale, else patrolling.
    """
    holding: dict[str, Dispatch] = {}
    for d in dispatches:
        if d.state.holds_guard:
            holding[d.guard_id] = d
    rows = []
    for guard in sorted(district.guards.values(), key=lambda g: g.id):
        dev = guard.device_id or ""
        ts = fix_ts.get(dev)
        age = max(0.0, (now_ts - ts) / 1000.0) if ts is not None else None
        order = holding.get(guard.id)
        if order is not None:
            state = GuardState.ON_SCENE if order.state is DispatchState.ON_SCENE else GuardState.DISPATCHED
        elif age is None or age > stale_after_s:
            state = GuardState.STALE
        else:
            state = GuardState.PATROLLING
        rows.append(
            GuardRow(
                guard.id,
                guard.name,
                str(guard.role),
                state,
                age,
                battery.get(dev),
                order.id if order is not None else None,
            )
        )
    return rows


def hour_labels(starts: Sequence[int], timezone: str) -> list[str]:
    """ "08", "09", … local hour of each bucket, for the chart's axis."""
    tz = zone(timezone)
    return [f"{datetime.fromtimestamp(s / 1000, tz=tz).hour:02d}" for s in starts]
