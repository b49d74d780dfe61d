"""Bridge health: what the engine and the device-health panel need to know about each input.

A transport owns one `HealthTracker`, updates it from its own threads, and pushes a frozen `BridgeHealth`
snapshot to a reporter (e.g. `Engine.report_health`) whenever something a watcher cares about changed:
connection state, or a batch that has just been made durable. Reporting per batch, not per message, keeps
the hot path cheap.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)

HealthReporter = Callable[[BridgeHealth], object]

KEEPALIVE_MS = 30_000
"""A connected but idle bridge still reports this often, so the engine does not take quiet for silence."""


class HealthTracker:
    """Thread-safe counters behind one bridge's `BridgeHealth`.

    `now_ms` is the bridge's clock (epoch ms); it is injected so tests and replays stay deterministic.
    """

    def __init__(self, name: str, now_ms: Callable[[], int], reporter: HealthReporter | None = None) -> None:
        self._name = name
        self._now_ms = now_ms
        self._reporter = reporter
        self._lock = threading.Lock()
        self._connected = False
        self._last_message_ts: int | None = None
        self._received = 0
        self._rejected = 0
        self._last_rejection: str | None = None
        self._last_report_ms: int | None = None

    @property
    def name(self) -> str:
        return self._name

    def snapshot(self) -> BridgeHealth:
        with self._lock:
            return BridgeHealth(
                self._name,
                self._connected,
                self._last_message_ts,
                self._received,
                self._rejected,
                self._last_rejection,
            )

    def keepalive(self) -> None:
        """Report again if connected and nothing was reported for `KEEPALIVE_MS` (cheap to call often)."""
        now = self._now_ms()
        with self._lock:
            due = self._connected and (
                self._last_report_ms is None or now - self._last_report_ms >= KEEPALIVE_MS
            )
        if due:
            self.report()

    def set_connected(self, connected: bool) -> None:
        """Record a link change; reports only real changes so a flapping poll loop does not spam."""
        with self._lock:
            changed = self._connected != connected
            self._connected = connected
        if changed:
            self.report()

    def message_arrived(self) -> None:
        """Stamp the arrival time; called as messages come in, before they are batched."""
        now = self._now_ms()
        with self._lock:
            self._last_message_ts = now

    def record_batch(self, items: Sequence[Event | Rejection]) -> None:
        """Count a batch the sink has made durable, then report once for the whole batch."""
        rejections = [item for item in items if isinstance(item, Rejection)]
        self.record_counts(len(items), rejections)
        self.report()

    def record_counts(self, received: int, rejections: Sequence[Rejection]) -> None:
        with self._lock:
            self._received += received
            self._rejected += len(rejections)
            if rejections:
                self._last_rejection = rejections[-1].reason

    def reject(self, reason: str) -> None:
        """Count a failure that never became a sink item (e.g. an HTTP page that was not JSON)."""
        with self._lock:
            self._rejected += 1
            self._last_rejection = reason
        self.report()

    def report(self) -> None:
        """Push a snapshot; a failing reporter is logged, never raised into the transport's thread."""
        if self._reporter is None:
            return
        with self._lock:
            self._last_report_ms = self._now_ms()
        try:
            self._reporter(self.snapshot())
        except Exception:
            log.exception("health reporter failed for bridge %s", self._name)
