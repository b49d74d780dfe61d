"""Core bus → Qt: messages published on the engine's worker thread reach the UI thread as ONE coalesced
`LiveUpdate` at most 30 times a second, however many batches the engine ran meanwhile.

The bus callbacks only merge into a pending update under a lock (cheap, on the worker thread); a QTimer on
the UI thread takes it and emits `updated`. Alerts are copied when they are published, because the engine
keeps mutating its own objects (counts, states) after the callback returns.
"""

from __future__ import annotations

import dataclasses
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from sandbox_app.domain.alerts import Alert
from sandbox_app.engine.bus import Bus
from sandbox_app.engine.messages import (
    CoverageUpdate,
    DispatchUpdate,
    HealthChanged,
    LiveStarted,
    LiveStopped,
    RiskUpdate,
    StateDelta,
)
from sandbox_app.store.base import Fix

MAX_REDRAWS_PER_S = 30


@dataclass(slots=True)
class LiveUpdate:
    """Everything that changed since the last update; only the latest value of each thing is kept."""

    now_ts: int | None = None
    events: int = 0
    fixes: dict[str, Fix] = field(default_factory=dict)
    alerts: dict[str, Alert] = field(default_factory=dict)
    health: dict[str, Any] = field(default_factory=dict)
    risk: RiskUpdate | None = None
    dispatch: DispatchUpdate | None = None
    coverage: CoverageUpdate | None = None
    started: LiveStarted | None = None
    stopped: LiveStopped | None = None

    def __bool__(self) -> bool:
        return bool(
            self.now_ts is not None or self.events or self.fixes or self.alerts or self.health or self.risk
        ) or bool(self.dispatch or self.coverage or self.started or self.stopped)


def _copy(alert: Alert) -> Alert:
    return dataclasses.replace(alert, data=dict(alert.data), history=list(alert.history))


class QtBus(QObject):
    updated = Signal(object)
    """A `LiveUpdate`, on the UI thread."""

    def __init__(self, bus: Bus, max_rate_hz: float = MAX_REDRAWS_PER_S, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending = LiveUpdate()
        self._posted: list[Callable[[], None]] = []
        self._unsubscribe: list[Callable[[], None]] = []
        self._listen(bus)
        self.timer = QTimer(self)
        self.timer.setInterval(math.ceil(1000 / max_rate_hz))
        self.timer.timeout.connect(self.flush)
        self.timer.start()

    def _listen(self, bus: Bus) -> None:
        self._unsubscribe = [
            bus.subscribe(StateDelta, self._on_delta),
            bus.subscribe(HealthChanged, self._on_health),
            bus.subscribe(RiskUpdate, self._on_risk),
            bus.subscribe(DispatchUpdate, self._on_dispatch),
            bus.subscribe(CoverageUpdate, self._on_coverage),
            bus.subscribe(LiveStarted, self._on_started),
            bus.subscribe(LiveStopped, self._on_stopped),
        ]

    # worker thread ---------------------------------------------------------------------------------
    def _on_delta(self, delta: StateDelta) -> None:
        alerts = {a.id: _copy(a) for a in delta.alerts}
        with self._lock:
            p = self._pending
            p.now_ts = delta.now_ts if p.now_ts is None else max(p.now_ts, delta.now_ts)
            p.events += len(delta.events)
            p.fixes.update(delta.fixes)
            p.alerts.update(alerts)

    def _on_health(self, message: HealthChanged) -> None:
        with self._lock:
            self._pending.health[message.health.name] = message.health

    def _on_risk(self, message: RiskUpdate) -> None:
        with self._lock:
            self._pending.risk = message

    def _on_dispatch(self, message: DispatchUpdate) -> None:
        """Its dispatches are fresh copies from the store: nothing on the worker touches them again."""
        with self._lock:
            self._pending.dispatch = message

    def _on_coverage(self, message: CoverageUpdate) -> None:
        with self._lock:
            self._pending.coverage = message

    def _on_started(self, message: LiveStarted) -> None:
        started = dataclasses.replace(message, alerts=tuple(_copy(a) for a in message.alerts))
        with self._lock:
            self._pending.started = started

    def _on_stopped(self, message: LiveStopped) -> None:
        with self._lock:
            self._pending.stopped = message

    def post(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the UI thread at the next flush (e.g. a command's result); any thread may call."""
        with self._lock:
            self._posted.append(fn)

    # UI thread -------------------------------------------------------------------------------------
    def flush(self) -> None:
        with self._lock:
            update, self._pending = self._pending, LiveUpdate()
            posted, self._posted = self._posted, []
        if update:
            self.updated.emit(update)
        for fn in posted:
            fn()

    def switch(self, bus: Bus) -> None:
        """Listen to another session's bus (an import renewed the live session); what the old one left
        pending is dropped, since it belongs to the district that was replaced (posted command results
        still run: they end what a button started)."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        with self._lock:
            self._pending = LiveUpdate()
        self._listen(bus)
        if not self.timer.isActive():
            self.timer.start()

    def close(self) -> None:
        """Stop listening; what is still pending is delivered first so the last state is drawn."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
        self.timer.stop()
        self.flush()
