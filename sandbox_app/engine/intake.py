"""The engine's door check: events from unknown devices are refused, so are events of a kind the device's
kind never sends (a door magnet reporting smoke: `DeviceKind.emits`), events with impossible times are
quarantined, and device clocks that drift are noticed.

Runs on every batch before anything is stored, so it is written for the hot path: one set difference for
the device check and one min/max comparison for the clock check; per-event work only when something is off
(or when drift tracking is on). Quarantined events are still stored (nothing a device sent is lost) but
carry `data["flagged"]` and `data["quarantined"]`, which keep them out of every rule, position and replay.
"""

from __future__ import annotations

import logging
import math
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sandbox_app.domain.device_kinds import may_send
from sandbox_app.domain.events import EVENT_KINDS, Event, Rejection
from sandbox_app.engine.clock import Clock, WallClock, format_ms

_log = logging.getLogger(__name__)
MS_PER_MINUTE = 60_000
WARN_EVERY_S = 60.0
"""Quarantine log lines at most this often (monotonic seconds)."""
QUARANTINED = "quarantined"
"""data key of a quarantined event: "future" or "past"."""
EARLIEST_MS = 946_684_800_000
"""2000-01-01T00:00:00Z: with a reference clock, anything older is a reset device clock (1970 after a flat
battery), never a real report, even before the engine clock has started."""
MAX_UNKNOWN_TRACKED = 1000
"""Distinct unknown device ids counted one by one; beyond that only the total grows (hostile input must not
grow memory without bound)."""


@dataclass(frozen=True, slots=True)
class IntakePolicy:
    reject_unknown_devices: bool = True
    """Applies only when the district lists devices: before a package is imported, any device is taken."""
    reject_wrong_kinds: bool = True
    """Refuse an event whose kind its device's kind does not send (docs/events.md, "Who sends what"): a
    misconfigured bridge or a forged message must not raise, say, a fire alert from a door magnet."""
    future_ms: int = 5 * MS_PER_MINUTE
    """An event this far ahead of the reference time is quarantined (device clock wrong, or forged)."""
    past_ms: int | None = 24 * 3600 * 1000
    """An event this far behind the engine clock is quarantined: older than the rules' warm-up window, it
    could only fire rules on a past they have already moved beyond. None turns the check off."""
    reference: Clock | None = None
    """Receive time: a live deployment passes `WallClock()`, which turns on the future check and drift
    tracking. None (files, replays, a simulator running faster than real time) has no receive time to
    compare with: the event times are the only timeline, and a gap in them is not an error."""
    track_drift: bool = True
    """Keep per-device offsets from the reference (off when the reference is simulated time)."""
    drift_ms: int = 30_000
    """A device whose recent events are all at least this far from receive time is reported as drifting."""
    drift_samples: int = 20


@dataclass(slots=True)
class IntakeStats:
    unknown_device: int = 0
    quarantined_future: int = 0
    quarantined_past: int = 0
    unknown_devices: dict[str, int] = field(default_factory=dict)
    """Refusals per unknown device id (the first `MAX_UNKNOWN_TRACKED` ids)."""
    wrong_kind: int = 0
    wrong_kinds: dict[str, int] = field(default_factory=dict)
    """Refusals per (known) device id of an event kind its device kind does not send."""

    def to_json(self) -> dict[str, Any]:
        return {
            "unknown_device": self.unknown_device,
            "wrong_kind": self.wrong_kind,
            "wrong_kinds": dict(self.wrong_kinds),
            "quarantined_future": self.quarantined_future,
            "quarantined_past": self.quarantined_past,
            "unknown_devices": dict(self.unknown_devices),
        }


def trusted_clock(stored: str | None, policy: IntakePolicy) -> tuple[int, str | None]:
    """The engine clock to resume from a stored value, and a warning when it had to be repaired.

    A clock stored before outliers were quarantined may sit far ahead of real time (one event dated 2094
    moved it there), and then every real event would look "older than the history window" forever. With
    a reference clock, a stored clock beyond the future tolerance is clamped back to the reference time;
    a value that is not an integer (a damaged meta row) restarts the clock at 0 (the first event sets it).
    """
    stored = stored or "0"
    try:
        ms = int(stored)
    except ValueError:
        return 0, f"engine clock {stored[:40]!r} in the database is not a time; restarting it"
    reference = policy.reference
    if reference is None:
        return ms, None
    ref = reference.now_ms()
    if ms > ref + policy.future_ms:
        return ref, (
            f"engine clock {format_ms(ms)} in the database is {(ms - ref) // 1000} s ahead of the wall clock "
            f"(an outlier event moved it there); clamped to {format_ms(ref)}"
        )
    return ms, None


def clamp_to_reference(ts: int, policy: IntakePolicy) -> int:
    """`ts`, but never beyond the reference time plus the future tolerance (clock moves without events)."""
    reference = policy.reference
    if reference is None:
        return ts
    return min(ts, reference.now_ms() + policy.future_ms)


class IntakeGuard:
    """`screen(events, now)` → (events to store, rejections); keeps counters and per-device clock offsets."""

    def __init__(self, policy: IntakePolicy, devices: Iterable[str] | Mapping[str, Any]) -> None:
        self.policy = policy
        self.stats = IntakeStats()
        self._offsets: dict[str, deque[int]] = {}
        self._warned_at = -math.inf
        self.set_devices(devices)

    def set_devices(self, devices: Iterable[str] | Mapping[str, Any]) -> None:
        """A new district was imported: its devices are the known ones from now on. Given the district's
        devices (id → device with a `kind`), each may send only what its kind sends."""
        known = frozenset(devices)
        self._known = known if self.policy.reject_unknown_devices and known else None
        self._kind_of: dict[str, str] = {}
        self._may_send: dict[str, frozenset[str]] = {}
        """Device id → the event kinds it may send; a device not here is not restricted."""
        if not (self.policy.reject_wrong_kinds and isinstance(devices, Mapping)):
            return
        for device_id, device in devices.items():
            kind = getattr(device, "kind", None)
            allowed = may_send(kind) if isinstance(kind, str) else None
            if allowed is not None:
                self._kind_of[device_id] = str(kind)
                self._may_send[device_id] = allowed

    def screen(
        self, events: list[Event], now_ms: int, line_of: Callable[[Event], int | None] | None = None
    ) -> tuple[list[Event], list[Rejection]]:
        """`events` sorted by ts; `now_ms` is the engine clock (0 before the first event ever); `line_of`
        gives a refused event's line in its file, when it came from one."""
        refused: list[Rejection] = []
        if not events:
            return events, refused
        if self._known is not None and not {e.device for e in events} <= self._known:
            events, refused = self._refuse_unknown(events, line_of)
            if not events:
                return events, refused
        if self._may_send:  # one dict lookup and one set test per event (~0.15 µs; a list beats a genexpr)
            get, anything = self._may_send.get, EVENT_KINDS
            if any([e.kind not in get(e.device, anything) for e in events]):
                events, wrong = self._refuse_wrong_kind(events, line_of)
                refused += wrong
                if not events:
                    return events, refused
        reference = self.policy.reference
        ref = reference.now_ms() if reference is not None else None
        past = self.policy.past_ms
        oldest = now_ms - past if past is not None and now_ms > 0 else None
        if ref is not None and (oldest is None or oldest < EARLIEST_MS):
            oldest = EARLIEST_MS
        if (ref is not None and events[-1].ts > ref + self.policy.future_ms) or (
            oldest is not None and events[0].ts < oldest
        ):
            events = self._quarantine(events, ref, oldest)
        if ref is not None and self.policy.track_drift:
            self._track(events, ref)
        return events, refused

    def _refuse_unknown(
        self, events: list[Event], line_of: Callable[[Event], int | None] | None
    ) -> tuple[list[Event], list[Rejection]]:
        known, stats = self._known, self.stats
        assert known is not None
        kept: list[Event] = []
        refused: list[Rejection] = []
        for e in events:
            if e.device in known:
                kept.append(e)
                continue
            stats.unknown_device += 1
            per = stats.unknown_devices
            if e.device in per or len(per) < MAX_UNKNOWN_TRACKED:
                per[e.device] = per.get(e.device, 0) + 1
            line = line_of(e) if line_of is not None else None
            refused.append(Rejection(f"unknown device {e.device[:80]!r} (not in the district)", e.id, line))
        return kept, refused

    def _refuse_wrong_kind(
        self, events: list[Event], line_of: Callable[[Event], int | None] | None
    ) -> tuple[list[Event], list[Rejection]]:
        allowed, kind_of, stats = self._may_send, self._kind_of, self.stats
        kept: list[Event] = []
        refused: list[Rejection] = []
        for e in events:
            device_kind = kind_of.get(e.device)
            if device_kind is None or e.kind in allowed[e.device]:
                kept.append(e)
                continue
            stats.wrong_kind += 1
            stats.wrong_kinds[e.device] = stats.wrong_kinds.get(e.device, 0) + 1
            sends = ", ".join(sorted(allowed[e.device]))
            reason = f"device {e.device[:80]!r} is a {device_kind}: it does not send {e.kind} (only {sends})"
            refused.append(Rejection(reason, e.id, line_of(e) if line_of is not None else None))
        return kept, refused

    def _quarantine(self, events: list[Event], ref: int | None, oldest: int | None) -> list[Event]:
        newest = None if ref is None else ref + self.policy.future_ms
        out: list[Event] = []
        last = events[0]  # the batch holds at least one event out of bounds: the caller checked
        for e in events:
            if newest is not None and ref is not None and e.ts > newest:
                why, reason = "future", f"quarantined: {(e.ts - ref) // 1000} s ahead of receive time"
                self.stats.quarantined_future += 1
            elif oldest is not None and e.ts < oldest:
                why, reason = (
                    "past",
                    (
                        "quarantined: older than the engine's history window"
                        if e.ts >= EARLIEST_MS
                        else "quarantined: dated before 2000 (device clock reset)"
                    ),
                )
                self.stats.quarantined_past += 1
            else:
                out.append(e)
                continue
            data = {**e.data, "flagged": reason, QUARANTINED: why}
            out.append(Event(e.id, e.ts, e.device, e.kind, e.lon, e.lat, data))
            last = e
        self._warn(last.device, last.data.get("flagged", ""))
        return out

    def _warn(self, device: str, reason: str) -> None:
        """A log line when events are quarantined (a station must notice, not only count), at most one a
        minute whatever a flood of bad times does; the counters in `stats` keep the full count."""
        now = WallClock().monotonic_s()
        if now - self._warned_at < WARN_EVERY_S:
            return
        self._warned_at = now
        stats = self.stats
        _log.warning(
            "quarantined events so far: %d ahead of receive time, %d too old; latest from device %r: %s",
            stats.quarantined_future,
            stats.quarantined_past,
            device[:80],
            reason,
        )

    def _track(self, events: list[Event], ref: int) -> None:
        offsets, size = self._offsets, self.policy.drift_samples
        for e in events:
            window = offsets.get(e.device)
            if window is None:
                if self._known is None and len(offsets) >= 100_000:
                    continue
                window = offsets[e.device] = deque(maxlen=size)
            window.append(ref - e.ts)

    def drifting(self) -> dict[str, int]:
        """Devices whose every recent event was off by more than `drift_ms`: the smallest offset (ms,
        positive = the device is behind receive time), which discounts network and queueing delay."""
        limit, need = self.policy.drift_ms, self.policy.drift_samples // 2
        out: dict[str, int] = {}
        for device, window in self._offsets.items():
            if len(window) < max(need, 1):
                continue
            lo, hi = min(window), max(window)
            if lo > limit:
                out[device] = lo
            elif hi < -limit:
                out[device] = hi
        return out
