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
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sandbox_app.analytics.risk import RiskIndex
from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.dispatch.engine_hook import DeskRule, DispatchService
from sandbox_app.dispatch.lifecycle import DeskSettings, DispatchDesk, Outcome, nearest_recommender
from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.domain.alerts import Alert, CloseOutcome
from sandbox_app.domain.dispatch import Dispatch, DispatchState, Order
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.events import MAX_TS, Event
from sandbox_app.domain.model import District
from sandbox_app.engine.bus import Bus
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.intake import IntakePolicy
from sandbox_app.engine.messages import LiveStarted, LiveStopped, PeopleChanged, RiskUpdate, StateDelta
from sandbox_app.engine.pipeline import DEFAULT_WARMUP_MS, AuditFn, Engine
from sandbox_app.geo.routing import RoutingGraph
from sandbox_app.station.people_updates import PeopleUpdates
from sandbox_app.store.base import Store

if TYPE_CHECKING:
    from sandbox_app.bridges.runner import Bridges
    from sandbox_app.bridges.simulator.source import Simulator
    from sandbox_app.notify.outbox import Outbox
    from sandbox_app.video.clips import Clip
    from sandbox_app.video.recorder import ClipRecorder
    from sandbox_app.video.snapshot_taker import SnapshotTaker

log = logging.getLogger(__name__)
T = TypeVar("T")
Command = Callable[[], None]
HISTORY_BATCH = 2_000
BRIDGE_SINK_TIMEOUT_S = 30.0
"""A real bridge waits this long for the worker to store its batch; after that the device is not acked."""
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
    rates: SimRates | None = None
    """The simulator's rates (None: its defaults), e.g. guards that always answer orders in a test."""
    desk: DeskSettings | None = None
    coverage_minutes: float = 3.0
    """Coverage layer: road farther than this from every free guard is uncovered; 0 turns it off."""
    coverage_every_s: float = 5.0
    bridges: Path | None = None
    """A bridges file (sandbox_app/bridges/config.py): real trackers, cameras and order outputs, run
    alongside the simulator or, with `simulate=False`, instead of it."""
    local_file: Path | None = None
    """The station's local SQLite file (users, audit log): where [phone] keeps its enrolments unless the
    bridges file names an `enrolment_file` (the GUI sets it to its local database, as `serve` does)."""
    snapshots: Path | None = None
    """Where new alerts on or in view of a streaming camera get their snapshot (`<alert id>.jpg`; the GUI
    puts it next to the database); None: no snapshots."""
    clips: Path | None = None
    """The evidence folder: new alerts on or in view of a streaming camera get a clip from 10 s before to
    30 s after (`video/recorder.py`), hashed into the audit log; None: no recording."""
    notify_url: str | None = None
    """The SMS/app gateway's webhook: owners and family are told of smoke, gas and an elderly person's
    alarms through the notification outbox (sandbox_app/notify/outbox.py, as `serve --notify-url`)."""
    notify_token: str = ""
    """The gateway's bearer token (the GUI reads it from the environment, as `serve` does)."""


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


class _SimulatedNow:
    """The simulator's horizon as the reference time (`IntakePolicy.reference`): no simulated event is
    ever beyond it. Before the simulator runs (engine start, history), the end of the valid range: a
    stored clock that an earlier fast run moved ahead of the wall clock is the simulator's to resume."""

    def __init__(self, session: LiveSession) -> None:
        self._session = session

    def now_ms(self) -> int:
        sim = self._session._sim
        return sim.clock_ts if sim is not None else MAX_TS


class LiveSession:
    """Owns the worker thread. `start`, `submit`, `stop` and the dispatch commands are safe from any thread;
    subscribe to `bus` before `start` to see everything (LiveStarted, StateDelta, HealthChanged, RiskUpdate,
    DispatchUpdate, CoverageUpdate, LiveStopped).

    Dispatch: a `DispatchDesk` runs inside the engine as a rule (`DeskRule`: fixes detect arrival, ticks
    escalate into alerts); its orders go to the simulator's guards and their replies come back through the
    same rule, in time order with the fixes.
    """

    def __init__(
        self,
        district: District,
        open_store: Callable[[], Store],
        options: LiveOptions | None = None,
        clock: WallClock | None = None,
        *,
        audit: AuditFn | None = None,
    ) -> None:
        """`open_store` runs on the worker thread (the store connection belongs to it); `audit` records the
        alert and dispatch steps people take (e.g. `privacy.audit.AuditTrail`; docs/security.md)."""
        self.district = district
        self.audit = audit
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
        self._sim: Simulator | None = None
        self._service: DispatchService | None = None
        self._desk_rule: DeskRule | None = None
        self._dispatch_seen = -1
        self._coverage_due = 0.0
        self._bridges: Bridges | None = None
        self._snapshots: SnapshotTaker | None = None
        self._clips: ClipRecorder | None = None
        self._people_updates: PeopleUpdates | None = None
        self.outbox: Outbox | None = None
        """The notification outbox when `options.notify_url` is set (built with the engine)."""

    # any thread ------------------------------------------------------------------------------------
    def start(self) -> None:
        self._thread.start()

    def renewed(self, district: District) -> LiveSession:
        """A fresh, unstarted session on `district` with this one's store, options, clock and audit trail:
        after a package import the desk goes live on the new district without a restart."""
        return LiveSession(district, self._open_store, self.options, self.clock, audit=self.audit)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    @property
    def bridge_addresses(self) -> dict[str, tuple[str, int]]:
        """Section → bound (host, port) of the real server bridges (set once LiveStarted is published)."""
        bridges = self._bridges
        return dict(bridges.addresses) if bridges is not None else {}

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

    def transition(
        self,
        alert_id: str,
        state: AlertState,
        actor: str,
        note: str = "",
        outcome: CloseOutcome | None = None,
    ) -> Future[Alert]:
        """A person's decision on an alert, forwarded to `Engine.transition_alert` on the worker."""
        return self.submit(lambda engine: engine.transition_alert(alert_id, state, actor, note, outcome))

    # dispatch commands (any thread) ------------------------------------------------------------------
    def recommend(self, alert_id: str, k: int = 5) -> Future[list[Candidate]]:
        """Guards for the alert by travel time (fresh first, stale ones flagged after them)."""
        return self._dispatching(lambda s, e: s.recommend(e, alert_id, k))

    def dispatch(self, alert_id: str, guard_ids: Sequence[str], commander: str) -> Future[Outcome]:
        """Order these guards to the alert; the alert moves to dispatched (acknowledged first if new)."""
        return self._dispatching(lambda s, e: s.dispatch(e, alert_id, list(guard_ids), commander))

    def one_call(self, alert_id: str, within_s: float, commander: str) -> Future[Outcome]:
        """Summon every free guard with a fresh fix within `within_s` of travel."""
        return self._dispatching(lambda s, e: s.one_call(e, alert_id, within_s, commander))

    def cancel(self, dispatch_id: str, commander: str, reason: str) -> Future[Dispatch]:
        """Stand the guard down (the order is withdrawn); a reason is required."""
        return self.report(dispatch_id, DispatchState.CANCELLED, commander, reason)

    def report(
        self, dispatch_id: str, state: DispatchState, actor: str, note: str = "", photo: str | None = None
    ) -> Future[Dispatch]:
        """A commander's step (on scene, handled, feedback with an optional photo path, closed, cancelled)."""
        return self._dispatching(lambda s, e: s.report(e, dispatch_id, state, actor, note, photo))

    @property
    def desk(self) -> DispatchDesk | None:
        """The dispatch desk, once the worker has built it (None before `LiveStarted`)."""
        service = self._service
        return service.desk if service is not None else None

    def publish_dispatches(self, now_ts: int, force: bool = False) -> None:
        """Publish a `DispatchUpdate` if the dispatches changed (always with `force`, e.g. after another
        station's changes were adopted). Worker thread only (inside `submit`)."""
        self._publish_dispatches(now_ts, force)

    def _dispatching(self, fn: Callable[[DispatchService, Engine], T]) -> Future[T]:
        def command(engine: Engine) -> T:
            assert self._service is not None
            try:
                return fn(self._service, engine)
            finally:
                self._publish_dispatches(engine.now_ms())

        return self.submit(command)

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
            if self._bridges is not None:
                self._bridges.stop()  # after the drain: a batch a bridge handed over is stored first
            if self._snapshots is not None:
                self._snapshots.close()
            if self._clips is not None:
                self._clips.close()
            if self.outbox is not None:
                self.outbox.close()
            self.bus.publish(LiveStopped(self.error))
            self._engine = None
            if store is not None:
                store.close()

    def _notify_outbox(self) -> list[Any]:
        """The notification outbox as an engine rule, when a gateway is configured (else none)."""
        if not self.options.notify_url:
            return []
        from sandbox_app.notify.outbox import Outbox, WebhookSender

        audit = self.audit

        def audited(actor: str, action: str, target: str, detail: dict[str, Any]) -> None:
            if audit is not None:
                audit(actor, action, target, detail)

        sender = WebhookSender(self.options.notify_url, self.options.notify_token)
        self.outbox = Outbox(self.district, sender, audit=audited)
        return [self.outbox]

    def _build(self, store: Store) -> Engine:
        from sandbox_app.dispatch.plans import load_plans, plan_accept_limit, plan_on_scene_limit
        from sandbox_app.patrol.config import load_patrols
        from sandbox_app.patrol.watch import PatrolWatch
        from sandbox_app.rules.config import load_rules

        if not store.has_district():  # one row read: decoding the stored district took ~0.4 s of the start
            store.replace_district(self.district)
        router = RoutingGraph.from_district(self.district)
        bridges = self._load_bridges(store)
        has_orders = self.options.simulate or (bridges is not None and bridges.sends_orders)
        patrols = load_patrols(district=self.district)  # routes and duty roster (issue 20)
        desk = DispatchDesk(
            store,
            self.district,
            send_order=self._send_order if has_orders else None,
            recommend=nearest_recommender(store, self.district, router, duty=patrols.on_duty),
            settings=self.options.desk,
            accept_limit=plan_accept_limit(plans := load_plans(), store),  # an incident's plan (issue 20)
            on_scene_limit=plan_on_scene_limit(plans, store),
        )
        self._desk_rule = rule = DeskRule(desk, self._replies, live=False)
        rules = [
            *load_rules(self.district, self.options.rules_path),
            PatrolWatch(patrols, self.district),
            *self._notify_outbox(),
            rule,
        ]
        engine = Engine(
            store, self.district, rules, self.bus, intake=self.intake_policy(bridges), audit=self.audit
        )
        rule.live = True  # after the engine's warm-up replay: old fixes and ticks must not move dispatches
        self._service = DispatchService(store, self.district, desk, router, patrols.on_duty, plans)
        self._engine = engine
        horizon = engine.now_ms() - int(self._risk.params.horizon_days * MS_PER_DAY)
        self._alerts = {a.id: a for a in store.alerts() if a.last_ts >= horizon}
        self.bus.subscribe(StateDelta, self._on_delta)
        if self.options.snapshots is not None:
            from sandbox_app.video.snapshot_taker import SnapshotTaker  # OpenCV only when asked for

            taker = SnapshotTaker(self.district, self.options.snapshots, self._snapshot_taken)
            taker.ignore(a.id for a in engine.open_alerts())
            if taker.cams:
                self._snapshots = taker
                self.bus.subscribe(StateDelta, lambda delta: taker.offer(delta.alerts))
        if self.options.clips is not None:
            self._start_clips(engine)
        if bridges is not None:
            bridges.start()
            self._bridges = bridges
        self.bus.publish(LiveStarted(engine.now_ms(), tuple(engine.open_alerts()), self._seed(engine)))
        self._publish_dispatches(engine.now_ms())
        return engine

    def intake_policy(self, bridges: Bridges | None) -> IntakePolicy:
        """Real devices without the simulator: event times are compared with the wall clock, so far-future
        events are quarantined and drifting device clocks reported. The simulator runs faster than real
        time (its events are "in the future" by design): real devices beside it are compared with the
        simulated time instead (`_SimulatedNow`), so one of them dated 2094 cannot move the engine clock
        there either; drift is not tracked then (the simulated time is no receive time)."""
        if bridges is None:
            return IntakePolicy(past_ms=DEFAULT_WARMUP_MS)
        if self.options.simulate:
            return IntakePolicy(past_ms=DEFAULT_WARMUP_MS, reference=_SimulatedNow(self), track_drift=False)
        return IntakePolicy(past_ms=DEFAULT_WARMUP_MS, reference=self.clock)

    def _load_bridges(self, store: Store) -> Bridges | None:
        if self.options.bridges is None:
            return None
        from sandbox_app.bridges.config import load_bridges
        from sandbox_app.bridges.runner import Bridges

        config = load_bridges(self.options.bridges)
        local = str(self.options.local_file) if self.options.local_file is not None else None
        return Bridges(
            config, self.district, self._bridge_sink, self.clock, self._bridge_health, store,
            local_file=local, records=self._bridge_records,
        )  # fmt: skip

    def _bridge_records(self, path: str, records: Sequence[Any], sender: str) -> object:
        """[gat1400]'s community records: residents' registrations are applied to the district on the
        worker (the engine's rules read it there), persisted, audited, and announced (`PeopleChanged`)."""
        return self.submit(lambda engine: self._people(engine)(path, records, sender)).result(
            BRIDGE_SINK_TIMEOUT_S
        )

    def _people(self, engine: Engine) -> PeopleUpdates:
        if self._people_updates is None:
            self._people_updates = PeopleUpdates(
                self.district,
                engine.store.replace_district,
                self.audit,
                lambda r: self.bus.publish(PeopleChanged(engine.now_ms(), r.added, r.changed, r.moved_out)),
            )
        return self._people_updates

    def _bridge_sink(self, items: Sequence[Any]) -> object:
        """Real bridges call this from their own threads; the batch is ingested on the worker, like every
        engine call, and the bridge acknowledges only once it returned (durable)."""
        batch = list(items)
        return self.submit(lambda engine: engine.ingest(batch)).result(BRIDGE_SINK_TIMEOUT_S)

    def _bridge_health(self, health: Any) -> None:
        self.submit(lambda engine: engine.report_health(health))

    def _send_order(self, order: Order) -> None:
        """The desk's `send_order`: a connected JT/T 808 terminal first; then, with the simulator, the
        simulated guards are the phones (raises until the simulator runs, and the desk retries); without
        it the configured order bridges (MQTT)."""
        bridges = self._bridges
        if bridges is not None and (bridges.reaches(order.device) or not self.options.simulate):
            bridges.send_order(order)
            return
        if self._sim is None:
            raise RuntimeError("the simulator is not running yet")
        self._sim.receive_order(order)

    def _replies(self, until_ts: int) -> Iterable[Any]:
        """The simulated guards' replies, then the real phones' ([orders] in the bridges file)."""
        simulated = self._sim.drain_replies(until_ts) if self._sim is not None else []
        bridges, rule = self._bridges, self._desk_rule
        if bridges is None or rule is None:
            return simulated
        return chain(simulated, bridges.replies(until_ts, rule.desk))

    def _publish_dispatches(self, now_ts: int, force: bool = False) -> None:
        service, rule = self._service, self._desk_rule
        if service is None or rule is None:
            return
        version = service.changes + rule.changes
        if force or version != self._dispatch_seen:
            self._dispatch_seen = version
            self.bus.publish(service.update(now_ts))

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
                if self._bridges is not None or self.outbox is not None:
                    # live devices (or notices to send): the clock follows the wall, so timers fire
                    engine.advance_to(self.clock.now_ms())
            return
        from sandbox_app.bridges.simulator.source import Simulator

        seed = self._seed(engine)
        assert seed is not None
        sim = Simulator(
            self.district, seed, self._start_ts(engine), speed=self.options.speed, rates=self.options.rates
        )
        if self.options.history_days > 0 and store.last_event_ts() is None:
            for batch in _batches(sim.history(self.options.history_days), HISTORY_BATCH):
                if self._pump.wait(0):
                    return
                engine.ingest(batch)
        self._sim = sim
        assert self._service is not None
        for d in self._service.desk.active():  # a restart: the guards get their current orders again
            sim.receive_order(Order(d.id, d.guard_id, d.device_id, d.alert_id, d.lon, d.lat, engine.now_ms()))
        sim.run(
            engine.ingest, self.clock, self._pump, tick_s=self.options.tick_s, reporter=engine.report_health
        )

    def _start_clips(self, engine: Engine) -> None:
        from sandbox_app.video.cameras import cameras

        if not any(c.stream for c in cameras(self.district)):
            return  # no stream to record from: OpenCV (~20 MB resident) stays out (issue 17)
        from sandbox_app.video.recorder import ClipRecorder  # OpenCV only when asked for

        assert self.options.clips is not None
        recorder = ClipRecorder(
            self.district, self.options.clips, engine.now_ms, self._clip_recorded, audit=self.audit
        )
        recorder.ignore(a.id for a in engine.open_alerts())
        if recorder.cams:
            self._clips = recorder.start()
            self.bus.subscribe(StateDelta, lambda delta: recorder.offer(delta.alerts))

    def _clip_recorded(self, alert_id: str, clip: Clip) -> None:
        """From a recording thread: the clip joins the open alert on the worker, like a snapshot."""
        from sandbox_app.video.recorder import merge_clip

        def command(engine: Engine) -> None:
            alert = merge_clip(engine.book.find, alert_id, clip)
            if alert is not None:
                engine.book.changed(alert)

        self.submit(command)

    def _snapshot_taken(self, alert_id: str, data: dict[str, str]) -> None:
        """From the snapshot thread: the path goes into the open alert on the worker; the engine's next
        batch stores it and publishes the alert as changed."""

        from sandbox_app.video.snapshot_taker import apply_snapshot

        def command(engine: Engine) -> None:
            alert = apply_snapshot(engine.book.find, alert_id, data)
            if alert is not None:
                engine.book.changed(alert)

        self.submit(command)

    def _on_delta(self, delta: StateDelta) -> None:
        for alert in delta.alerts:
            self._alerts[alert.id] = alert
        if delta.alerts:
            self._risk_dirty = True

    def _idle(self) -> None:
        """Once per tick: dispatch changes out, coverage every few seconds, the risk index when alerts
        changed (or its decay moved) lately."""
        engine = self._engine
        if engine is None:
            return
        if self._bridges is not None:
            self._bridges.keepalive()
        self._publish_dispatches(engine.now_ms())
        self._coverage(engine.now_ms())
        if self.clock.monotonic_s() < self._risk_due:
            return
        self._risk_due = self.clock.monotonic_s() + self.options.risk_every_s
        if not self._risk_dirty and not self.options.simulate:
            return
        self._risk_dirty = False
        index = self._risk.index(self._alerts.values(), engine.now_ms())
        self.bus.publish(RiskUpdate(engine.now_ms(), index.buildings, index.compounds))

    def _coverage(self, now_ts: int) -> None:
        minutes = self.options.coverage_minutes
        if (
            minutes <= 0
            or now_ts <= 0
            or self._service is None
            or self.clock.monotonic_s() < self._coverage_due
        ):
            return
        self._coverage_due = self.clock.monotonic_s() + self.options.coverage_every_s
        self.bus.publish(self._service.coverage_update(now_ts, minutes * 60.0))

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
