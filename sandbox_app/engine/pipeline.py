"""The one pipeline: events in → durable log → rules → alert book → store and bus.

Order matters: a batch is made durable (idempotent by event id) before any rule sees it, so a crash never
leaves an alert whose cause is missing from the log, and a transport may ack as soon as `ingest` returns.
Time is the engine clock, driven by event timestamps, so a day of history runs in seconds and replay,
backtests and live operation share this code.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter
from typing import Any, Protocol

from sandbox_app.domain.alerts import Alert, CloseOutcome
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.domain.grids import GridLocator, grids_of
from sandbox_app.domain.handoff import OVERDUE_RULE, Party, hand
from sandbox_app.domain.model import District
from sandbox_app.engine.alert_book import AlertBook
from sandbox_app.engine.bus import Bus
from sandbox_app.engine.clock import MS_PER_MINUTE, EngineClock
from sandbox_app.engine.intake import (
    QUARANTINED,
    IntakeGuard,
    IntakePolicy,
    clamp_to_reference,
    trusted_clock,
)
from sandbox_app.engine.messages import BridgeHealth, HealthChanged, StateDelta
from sandbox_app.rules.base import Rule, Signal
from sandbox_app.rules.runner import RuleRunner
from sandbox_app.store.base import Fix, Store
from sandbox_app.store.dedupe import CONFLICT_OF

_log = logging.getLogger(__name__)
CLOCK_META = "engine.clock_ms"
DEFAULT_BATCH = 5000
DEFAULT_WARMUP_MS = 24 * 3600 * 1000
"""How much stored history is replayed into every rule on start to rebuild its timers and last-seen times.
Rules with a longer memory say so with a `history_ms` attribute and get their own kinds replayed that far."""
CONFLICT_RULE = "conflicting_reports"
"""Alert raised when a device's report shares its identity (device, id) with a different earlier one: a
spoofing sign (a forged report pre-empting a real one), so both are kept and a person looks."""
STORE_HEALTH = "store"
"""Name of the store's entry in `Engine.health`: disconnected while writes fail (e.g. disk full)."""
_by_ts = attrgetter("ts")
AuditFn = Callable[[str, str, str, dict[str, Any]], object]
"""(actor, action, target, detail): e.g. `sandbox_app.privacy.audit.AuditTrail`."""


def warm_up_spans(
    rules: Sequence[Rule], window_ms: int, end: int
) -> list[tuple[int, int, frozenset[str] | None]]:
    """What a warm-up ending at `end` reads, oldest first: (from, to, kinds; None = every kind).

    Every rule gets the last `window_ms`; rules with a `history_ms` longer than that also get their own
    kinds from that far back, so a 30-day routine is relearnt without reading 30 days of GPS fixes. The
    engine's restart and `backtest` read the same spans, so a backtest starts as informed as the engine.
    """
    recent_start = max(0, end - window_ms)
    history = [(int(getattr(r, "history_ms", 0)), r.kinds) for r in rules]
    longest = max([window_ms, *(ms for ms, _ in history)])
    spans: list[tuple[int, int, frozenset[str] | None]] = []
    if longest > window_ms:
        kinds = frozenset(k for ms, ks in history if ms > window_ms for k in ks)
        spans.append((max(0, end - longest), recent_start - 1, kinds))
    spans.append((recent_start, end, None))
    return spans


class HealthReport(Protocol):
    """What the engine needs of a bridge's health report (`sandbox_app.engine.messages.BridgeHealth`):
    `connected` and `received` tell a live bridge from a silent one."""

    @property
    def name(self) -> str: ...

    @property
    def connected(self) -> bool: ...

    @property
    def received(self) -> int: ...


@dataclass(slots=True)
class IngestResult:
    accepted: int = 0
    duplicates: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    """`{"line": n | None, "reason": text}` per rejected message."""
    conflicts: int = 0
    """Reports stored as conflicts: same (device, id) as an earlier one, different content."""

    def add(self, other: IngestResult) -> None:
        self.accepted += other.accepted
        self.duplicates += other.duplicates
        self.conflicts += other.conflicts
        self.rejected.extend(other.rejected)

    def to_json(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
        }


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold the cyclic GC for one batch and let it run between batches.

    Measured: generation-0 scans over a batch's young Event/dict objects cost ~30 % of ingest time. The
    pipeline makes no reference cycles (plain refcounting frees each batch), so nothing piles up meanwhile.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _line_finder(items: Sequence[Event | Rejection]) -> Callable[[Event], int | None] | None:
    """The file line of an event, for a reader's batch that knows them (`jsonl.Batch.lines`); the map is
    built only when the door check refuses something (rare), never per batch."""
    lines: list[int] | None = getattr(items, "lines", None)
    if lines is None:
        return None
    found: dict[int, int] = {}

    def line_of(event: Event) -> int | None:
        if not found:
            found.update((id(item), line) for item, line in zip(items, lines, strict=False))
        return found.get(id(event))

    return line_of


def _chunks(items: Iterable[Event | Rejection], size: int) -> Iterator[Sequence[Event | Rejection]]:
    if isinstance(items, list | tuple) and len(items) <= size:
        yield items
        return
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Engine:
    """Feed it Events (any bridge's output); it stores them, runs the rules and keeps the alert book."""

    def __init__(
        self,
        store: Store,
        district: District,
        rules: Sequence[Rule],
        bus: Bus | None = None,
        *,
        batch_size: int = DEFAULT_BATCH,
        warmup_ms: int = DEFAULT_WARMUP_MS,
        intake: IntakePolicy | None = None,
        audit: AuditFn | None = None,
    ) -> None:
        """`intake`: the door check (unknown devices, clock problems; see intake.py), by default on with the
        warm-up window as the oldest time still evaluated; `audit`: where alert actions are recorded."""
        self.store = store
        self.district = district
        self.rules = list(rules)
        self.bus = bus if bus is not None else Bus()
        self.batch_size = batch_size
        self.health: dict[str, HealthReport] = {}
        self.audit = audit
        self.intake = IntakeGuard(intake or IntakePolicy(past_ms=warmup_ms), district.devices)
        self._store_errors = 0
        self._store_error: str | None = None
        self._conflicts = 0
        self.book = AlertBook()
        self.book.load(a for a in store.alerts() if a.state.is_open)
        for rule in self.rules:  # rules that watch alerts, not events (rules/handoff.py)
            bind = getattr(rule, "bind", None)
            if callable(bind):
                bind(self.book)
        start, repaired = trusted_clock(store.get_meta(CLOCK_META), self.intake.policy)
        if repaired is not None:  # a database poisoned by an outlier before the door check refused it
            _log.warning("%s", repaired)
            store.set_meta(CLOCK_META, str(start))
        self.clock = EngineClock(start)
        self._lock = threading.RLock()
        """One caller at a time: bridges ingest from their own threads, the GUI acts from its worker."""
        self._runner = RuleRunner(
            self.rules,
            self._emit,
            skip_key=QUARANTINED,
            on_flagged=self._on_flagged,
            before_tick=self._hear_connected,
        )
        """Routing, flagging and ticking, shared with backtests (rules/runner.py)."""
        self._held_beats: set[str] = set()
        """Bridges heard while the engine clock was still 0: heard again at the first tick."""
        self._runner.next_tick = self._tick_after(self.clock.now_ms())
        self._live = True
        if self.rules and self.clock.now_ms() > 0:
            self._warm_up(warmup_ms)

    # public ---------------------------------------------------------------------------------------------
    def now_ms(self) -> int:
        return self.clock.now_ms()

    def ingest(self, items: Iterable[Event | Rejection]) -> IngestResult:
        """Store, evaluate and publish; returns only after every batch is durable (a bridge Sink).

        Batches run strictly one after another: overlapping the store write with the rules in a thread was
        measured slower (GIL hand-offs cost more than SQLite's GIL-free part saves).
        """
        return self.ingest_batches(_chunks(items, self.batch_size))

    def ingest_batches(self, batches: Iterable[Sequence[Event | Rejection]]) -> IngestResult:
        """`ingest` for a reader that cuts its own batches (`jsonl.read_batches`): no re-slicing per item.

        Each batch is pulled (and so decoded, when the reader is lazy) with the cyclic GC held, and let go
        before the GC runs again: a batch still referenced then costs a generation-0 scan of its events
        (~1 ms per 5,000, measured)."""
        total = IngestResult()
        it = iter(batches)
        while True:
            with self._lock, _gc_paused():
                batch = next(it, None)
                if batch is None:
                    return total
                for chunk in _chunks(batch, self.batch_size):
                    total.add(self._ingest_batch(chunk))
                batch = chunk = ()

    def advance_to(self, ts: int) -> None:
        """Move the engine clock (no event needed) so absence rules whose deadline passed can fire; with a
        reference clock never beyond it (plus the future tolerance): one bad call must not blind the door."""
        ts = clamp_to_reference(ts, self.intake.policy)
        with self._lock:
            if not self.clock.advance(ts):
                return
            self._runner.tick(ts)
            self._runner.next_tick = self._tick_after(ts)
            self._finish_batch([], {})

    def report_health(self, health: HealthReport) -> None:
        """A bridge's latest health (connected, counts, last rejection), for the device-health panel.

        A bridge that is connected or has just delivered a batch counts as a heartbeat of the pseudo-device
        `bridge:<name>` for the liveness rule, so a bridge that goes silent raises `device_offline` on it.
        A connected bridge is alive until it says otherwise, so it is also heard at every minute tick (see
        `_hear_connected`): engine time runs on event times, and one batch (a fast simulator, a backlog) can
        span more minutes than the liveness limit before the bridge's report after it comes.
        """
        with self._lock:
            previous = self.health.get(health.name)
            self.health[health.name] = health
            delivered = health.received > (previous.received if previous is not None else 0)
            if self._runner.liveness and (delivered or health.connected is True):
                self._bridge_heartbeat(health.name)
        self.bus.publish(HealthChanged(health))

    def _bridge_heartbeat(self, name: str) -> None:
        """Feed the liveness rule a heartbeat at the engine clock; never stored. Before the clock has
        started (a fresh log, no event yet) it is held for the first tick: stamped now it would be at 1970,
        and the first event would find the bridge silent for decades."""
        now = self.clock.now_ms()
        if now <= 0:
            self._held_beats.add(name)
            return
        self._runner.bridge_heard(name, now)
        if self.book.has_dirty():
            self._finish_batch([], {})

    def open_alerts(self) -> list[Alert]:
        return self.book.open_alerts()

    def transition_alert(
        self,
        alert_id: str,
        state: AlertState,
        actor: str,
        note: str = "",
        outcome: CloseOutcome | None = None,
    ) -> Alert:
        """A person moves an open alert along its lifecycle (ack, dispatch, resolve, close with its
        outcome, dismiss)."""
        with self._lock:
            alert = self.book.find(alert_id)
            if alert is None:
                raise KeyError(f"no open alert {alert_id!r}")
            alert.advance(state, actor, self.clock.now_ms(), note, outcome)
            self.book.changed(alert)
            self._finish_batch([], {})
            if self.audit is not None:
                detail = {"note": note, "rule": alert.rule}
                if outcome is not None:
                    detail["outcome"] = str(outcome)
                self.audit(actor, f"alert.{state.value}", alert_id, detail)
            return alert

    def hand_alert(self, alert_id: str, to: str, actor: str, note: str = "") -> Alert:
        """The desk hands an open alert to property staff, a grid worker or 110, or takes it back
        (`domain/handoff.py`); property and grid get the time limit of rules.toml's [handoff_overdue]. A grid
        worker is the one of the grid the alert's place lies in (HandoffError when it lies in none)."""
        party = Party(to)
        watcher = next((r for r in self.rules if r.name == OVERDUE_RULE), None)
        minutes = {
            Party.PROPERTY: float(getattr(watcher, "property_minutes", 10.0)),
            Party.GRID: float(getattr(watcher, "grid_minutes", 30.0)),
        }
        with self._lock:
            alert = self.book.find(alert_id)
            if alert is None:
                raise KeyError(f"no open alert {alert_id!r}")
            within = minutes.get(party)
            grid = (
                GridLocator(grids_of(self.district)).at(alert.lon, alert.lat) if party is Party.GRID else None
            )
            h = hand(
                alert, party, actor, self.clock.now_ms(), within_s=within * 60 if within else None, note=note,
                grid_id=grid.id if grid else "", assignee=grid.worker if grid else "",
            )  # fmt: skip
            self.book.changed(alert)
            self._finish_batch([], {})
            if self.audit is not None:
                detail: dict[str, Any] = {"to": party.value, "due_ts": h.due_ts, "note": note}
                if grid is not None:
                    detail |= {"grid_id": grid.id, "assignee": grid.worker}
                self.audit(actor, "alert.handoff", alert_id, detail)
            return alert

    def stats(self) -> dict[str, Any]:
        """Counters for the status panel and tests: door check refusals and quarantines, drifting device
        clocks (ms off receive time), and whether the store is writable."""
        return {
            **self.intake.stats.to_json(),
            "drifting": self.intake.drifting(),
            "conflicts": self._conflicts,
            "store_paused": self._store_error is not None,
            "store_errors": self._store_errors,
            "last_store_error": self._store_error,
        }

    # pipeline -------------------------------------------------------------------------------------------
    def _ingest_batch(self, items: Sequence[Event | Rejection]) -> IngestResult:
        events, result = self._prepare(items)
        try:
            new = self.store.append_events(events) if events else []
        except Exception as exc:  # disk full, locked, I/O: the caller keeps the batch and retries
            self._store_failed(exc)
            raise
        if events and self._store_error is not None:
            self._store_recovered()
        return self._complete(new, events, result)

    def _store_failed(self, exc: Exception) -> None:
        """Pause: report the store as down (the bridge retries the same batch; nothing was acked)."""
        self._store_errors += 1
        first = self._store_error is None
        self._store_error = f"{type(exc).__name__}: {exc}"
        if first:
            self._report_store()

    def _store_recovered(self) -> None:
        self._store_error = None
        self._report_store()

    def _report_store(self) -> None:
        now = self.clock.now_ms()
        health = BridgeHealth(
            STORE_HEALTH, self._store_error is None, now, 0, self._store_errors, self._store_error
        )
        self.health[STORE_HEALTH] = health
        self.bus.publish(HealthChanged(health))

    def _prepare(self, items: Sequence[Event | Rejection]) -> tuple[list[Event], IngestResult]:
        """Split off rejections, order by time, let flaggers mark implausible events (before storing)."""
        result = IngestResult()
        events = [item for item in items if type(item) is Event]
        if len(events) != len(items):
            for item in items:
                if isinstance(item, Rejection):
                    result.rejected.append({"line": item.line, "reason": item.reason})
                elif type(item) is not Event:
                    result.rejected.append({"line": None, "reason": f"not an event: {type(item).__name__}"})
        events.sort(key=_by_ts)
        events, refused = self.intake.screen(events, self.clock.now_ms(), _line_finder(items))
        for rejection in refused:
            result.rejected.append({"line": rejection.line, "reason": rejection.reason, "id": rejection.raw})
        if self._runner.flaggers:
            events = self._runner.flag_all(events)
        return events, result

    def _complete(self, new: list[Event], events: list[Event], result: IngestResult) -> IngestResult:
        """Once the batch is durable: run the new events through the rules, save alerts, publish."""
        before = self._conflicts
        self._run_rules(new)
        result.conflicts = self._conflicts - before
        result.accepted = len(new) - result.conflicts
        result.duplicates = len(events) - len(new)
        self._finish_batch(new, self._latest_fixes(new) if self._wants_delta() else {})
        return result

    def _run_rules(self, events: Iterable[Event]) -> None:
        """Evaluate (rules/runner.py), then move the clock once per batch to the latest event time."""
        self.clock.advance(self._runner.run(events, self.clock.now_ms()))

    def _on_flagged(self, event: Event) -> None:
        if CONFLICT_OF in event.data:
            self._conflict(event)

    def _conflict(self, event: Event) -> None:
        """A report stored as a conflict (store/dedupe.py): counted, and alerted on its device unless its
        time is impossible anyway (quarantined). Only counted live, not when the warm-up replays it."""
        if not self._live:
            return
        self._conflicts += 1
        if QUARANTINED not in event.data:
            data = {"event_id": event.data[CONFLICT_OF], "kind": event.kind}
            signal = Signal(CONFLICT_RULE, event.device, "device", Severity.HIGH, event.ts, data=data)
            self._emit(signal)

    def _hear_connected(self, now_ts: int) -> None:
        """Before each tick: the bridges still connected (and those heard before the clock started) are
        heard at `now_ts`: a live link is not silence, however far one batch moved the clock."""
        if self._runner.liveness and self._live:
            held, self._held_beats = self._held_beats, set()
            for name, health in self.health.items():
                if name != STORE_HEALTH and (name in held or health.connected is True):
                    self._runner.bridge_heard(name, now_ts)

    def _emit(self, signal: Signal) -> None:
        if self._live:
            self.book.apply(signal)

    @staticmethod
    def _tick_after(ts: int) -> int:
        return ts - ts % MS_PER_MINUTE + MS_PER_MINUTE

    def _finish_batch(self, new: Sequence[Event], fixes: dict[str, Fix]) -> None:
        dirty = self.book.take_dirty()
        now = self.clock.now_ms()
        try:
            if dirty:
                self.store.upsert_alerts(dirty)
            if new or dirty or str(now) != self.store.get_meta(CLOCK_META):
                self.store.set_meta(CLOCK_META, str(now))
        except Exception as exc:  # the events are durable and evaluated: keep the alerts for the next write
            for alert in dirty:
                self.book.changed(alert)
            self._store_failed(exc)
        if self._wants_delta() and (new or dirty):
            self.bus.publish(StateDelta(now, new, fixes, dirty))

    def _wants_delta(self) -> bool:
        return self.bus.has_subscribers(StateDelta)

    @staticmethod
    def _latest_fixes(events: Sequence[Event]) -> dict[str, Fix]:
        fixes: dict[str, Fix] = {}
        for e in events:
            if e.kind == "gps.fix" and e.lon is not None and e.lat is not None and "flagged" not in e.data:
                fixes[e.device] = Fix(e.device, e.ts, e.lon, e.lat)
        return fixes

    # restart --------------------------------------------------------------------------------------------
    def _warm_up(self, window_ms: int) -> None:
        """Rebuild the rules' state (timers, last-seen, routines) by replaying stored history silently.

        Every rule gets the last `window_ms`; rules with a `history_ms` longer than that also get their own
        kinds from that far back, so a 30-day routine is relearnt without reading 30 days of GPS fixes.
        Signals are dropped: whatever they would raise was raised when the events first came and is in the
        store's alert table already (and loaded into the book).
        """
        end = self.clock.now_ms()
        self._live = False
        self.clock = EngineClock(0)
        self._runner.next_tick = 0
        try:
            self._run_rules(self._warm_up_events(window_ms, end))
            self.clock.advance(end)
            self._runner.tick(end)
        finally:
            self._live = True
            self._runner.next_tick = self._tick_after(end)
        self.book.discard_dirty()

    def _warm_up_events(self, window_ms: int, end: int) -> Iterator[Event]:
        for start_ts, end_ts, kinds in warm_up_spans(self.rules, window_ms, end):
            yield from self._flagged_replay(start_ts, end_ts, kinds)

    def _flagged_replay(self, start_ts: int, end_ts: int, kinds: frozenset[str] | None) -> Iterator[Event]:
        """Stored events as they were first seen: flaggers see each one again to rebuild their memory."""
        if end_ts < start_ts:
            return
        remember = self._runner.remember
        for event in self.store.events_between(start_ts, end_ts, kinds):
            if QUARANTINED in event.data:
                continue
            remember(event)
            yield event
