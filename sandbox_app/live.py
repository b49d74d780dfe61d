"""A live session: store + rules + engine + simulator, all driven from ONE worker thread.

The engine is not thread-safe, so nothing outside the worker ever calls it: the GUI (or a test) hands it
work through `submit`, a command queue the worker drains between simulator ticks, and watches it through
the bus, whose messages are published on the worker thread. The session is Qt-free so it can be tested and
reused headless; `widgets/qt_bus.py` re-posts its messages onto the UI thread.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TypeVar

from sandbox_app.bus import Bus, StateDelta
from sandbox_app.clock import WallClock
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine import Engine
from sandbox_app.risk import RiskIndex
from sandbox_app.store.base import Store

log = logging.getLogger(__name__)
T = TypeVar("T")
Command = Callable[[], None]
HISTORY_BATCH = 2_000
MS_PER_DAY = 86_400_000


@dataclass(frozen=True, slots=True)
class LiveOptions:
    simulate: bool = True
    """False: only watch the store (commands still work: a duty officer can still handle alerts)."""
    speed: float = 10.0
    """Simulated seconds per real second."""
    seed: int | None = None
    """None: derived from the start time, so a second run on the same database gets fresh event ids."""
    history_days: int = 30
    """Days of simulated past fed before the live stream, only when the event log is still empty."""
    tick_s: float = 0.2
    risk_every_s: float = 2.0
    rules_path: Path | None = None


@dataclass(frozen=True, slots=True)
class LiveStarted:
    """The engine is built: its clock and the open alerts it adopted from the store."""

    now_ts: int
    alerts: tuple[Alert, ...]
    seed: int | None


@dataclass(frozen=True, slots=True)
class RiskUpdate:
    """Risk index 0–100 per building and compound (sandbox_app.risk) at the engine's `now_ts`."""

    now_ts: int
    buildings: Mapping[str, float]
    compounds: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class LiveStopped:
    error: str | None = None


class _Pump(threading.Event):
    """The simulator driver's stop event, doubling as the worker's command loop.

    `Simulator.run` sleeps with `stop.wait(tick_s)` between ticks; here that wait runs queued commands as
    they arrive (on the worker thread, between engine batches), then the idle hook once per tick.
    """

    def __init__(self, clock: WallClock, idle: Command) -> None:
        super().__init__()
        self._clock = clock
        self._idle = idle
        self.commands: queue.SimpleQueue[Command | None] = queue.SimpleQueue()

    def set(self) -> None:
        super().set()
        self.commands.put(None)  # wakes a wait that is blocked on the queue

    def wait(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else self._clock.monotonic_s() + timeout
        while not self.is_set():
            left = None if deadline is None else deadline - self._clock.monotonic_s()
            if left is not None and left <= 0:
                break
            try:
                command = self.commands.get(timeout=left)
            except queue.Empty:
                break
            if command is not None:
                command()
        if not self.is_set():
            self._idle()
        return self.is_set()


class LiveSession:
    """Owns the worker thread. `start`, `submit`, `stop` are safe from any thread; subscribe to `bus`
    before `start` to see everything (LiveStarted, StateDelta, HealthChanged, RiskUpdate, LiveStopped)."""

    def __init__(
        self,
        district: District,
        open_store: Callable[[], Store],
        options: LiveOptions | None = None,
        clock: WallClock | None = None,
    ) -> None:
        """`open_store` runs on the worker thread (the store connection belongs to it)."""
        self.district = district
        self.options = options or LiveOptions()
        self.clock = clock or WallClock()
        self.bus = Bus()
        self.error: str | None = None
        self._open_store = open_store
        self._pump = _Pump(self.clock, self._idle)
        self._thread = threading.Thread(target=self._run, name="live-session", daemon=True)
        self._engine: Engine | None = None
        self._risk = RiskIndex(district)
        self._alerts: dict[str, Alert] = {}
        self._risk_due = 0.0
        self._risk_dirty = True
        self._closing = threading.RLock()
        self._closed = False

    # any thread ------------------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def submit(self, fn: Callable[[Engine], T]) -> Future[T]:
        """Run `fn(engine)` on the worker thread; the future carries its result or exception."""
        future: Future[T] = Future()

        def command() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                assert self._engine is not None
                future.set_result(fn(self._engine))
            except BaseException as exc:  # the caller decides; the worker keeps going
                future.set_exception(exc)

        with self._closing:
            if self._closed:
                future.cancel()
            else:
                self._pump.commands.put(command)
        return future

    def transition(self, alert_id: str, state: AlertState, actor: str, note: str = "") -> Future[Alert]:
        """A person's decision on an alert, forwarded to `Engine.transition_alert` on the worker."""
        return self.submit(lambda engine: engine.transition_alert(alert_id, state, actor, note))

    def stop(self, timeout: float = 30.0) -> None:
        """Ask the worker to finish its current batch, then join it. Idempotent."""
        self._pump.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise TimeoutError("live session worker did not stop")

    # worker thread ---------------------------------------------------------------------------------
    def _run(self) -> None:
        store: Store | None = None
        try:
            store = self._open_store()
            engine = self._build(store)
            self._feed(engine, store)
        except Exception as exc:  # shown to the user in the status bar; the window stays usable
            log.exception("live session failed")
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self._pump.set()
            self._drain()
            self.bus.publish(LiveStopped(self.error))
            self._engine = None
            if store is not None:
                store.close()

    def _build(self, store: Store) -> Engine:
        from sandbox_app.rules.config import load_rules

        if store.load_district() is None:
            store.replace_district(self.district)
        engine = Engine(store, self.district, load_rules(self.district, self.options.rules_path), self.bus)
        self._engine = engine
        horizon = engine.now_ms() - int(self._risk.params.horizon_days * MS_PER_DAY)
        self._alerts = {a.id: a for a in store.alerts() if a.last_ts >= horizon}
        self.bus.subscribe(StateDelta, self._on_delta)
        self.bus.publish(LiveStarted(engine.now_ms(), tuple(engine.open_alerts()), self._seed(engine)))
        return engine

    def _seed(self, engine: Engine) -> int | None:
        if not self.options.simulate:
            return None
        if self.options.seed is not None:
            return self.options.seed
        return int(self._start_ts(engine) // 1000 % 1_000_000_007)

    def _start_ts(self, engine: Engine) -> int:
        """Now, or just after the stored clock when an earlier fast run got ahead of the wall clock."""
        return max(self.clock.now_ms(), engine.now_ms() + 1)

    def _feed(self, engine: Engine, store: Store) -> None:
        if not self.options.simulate:
            while not self._pump.is_set():
                self._pump.wait(self.options.tick_s)
            return
        from sandbox_app.bridges.simulator import Simulator

        seed = self._seed(engine)
        assert seed is not None
        sim = Simulator(self.district, seed, self._start_ts(engine), speed=self.options.speed)
        if self.options.history_days > 0 and store.last_event_ts() is None:
            for batch in _batches(sim.history(self.options.history_days), HISTORY_BATCH):
                if self._pump.wait(0):
                    return
                engine.ingest(batch)
        sim.run(
            engine.ingest, self.clock, self._pump, tick_s=self.options.tick_s, reporter=engine.report_health
        )

    def _on_delta(self, delta: StateDelta) -> None:
        for alert in delta.alerts:
            self._alerts[alert.id] = alert
        if delta.alerts:
            self._risk_dirty = True

    def _idle(self) -> None:
        """Once per tick: recompute the risk index when alerts changed (or its decay moved) lately."""
        engine = self._engine
        if engine is None or self.clock.monotonic_s() < self._risk_due:
            return
        self._risk_due = self.clock.monotonic_s() + self.options.risk_every_s
        if not self._risk_dirty and not self.options.simulate:
            return
        self._risk_dirty = False
        index = self._risk.index(self._alerts.values(), engine.now_ms())
        self.bus.publish(RiskUpdate(engine.now_ms(), index.buildings, index.compounds))

    def _drain(self) -> None:
        """Run what was asked before the stop (an acknowledgement clicked just before closing is kept);
        later `submit`s are cancelled, so no future waits forever."""
        with self._closing:
            self._closed = True
            while True:
                try:
                    command = self._pump.commands.get_nowait()
                except queue.Empty:
                    return
                if command is not None:
                    command()


def _batches(events: Iterable[Event], size: int) -> Iterator[list[Event]]:
    it = iter(events)
    while batch := list(islice(it, size)):
        yield batch
