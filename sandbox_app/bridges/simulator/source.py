"""The embedded simulator: a seeded, reproducible live feed of a whole district (the default for `make run`).

Guards patrol the walk graph with noisy GPS, residents pass the face gates, cars the barriers, old people's
doors open and close on daily rhythms, and every rule family is triggered now and then (docs/simulator.md).

Time is cut into hours counted from `start_ts`. An hour's events are a pure function of (district, seed,
hour), so `events_between` is deterministic for any window, in any order, and event ids
(`sim-<seed>-<hour>-<n>`) are the same every run. The real-time driver `run` only decides how far the
simulated clock has got, from a clock it is given, and hands the new events to a sink.

Dispatch orders (`receive_order`) are the one input: the ordered guard acknowledges after a human delay,
walks to the incident, stays, reports and goes back to patrol (`sim/response.py`). An order changes that
guard's fixes from its acknowledgement on and nothing else, so the stream is a pure function of (district,
seed, orders and the simulated times they arrived); replies come out of `drain_replies`.
"""

from __future__ import annotations

import gc
import heapq
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from operator import attrgetter, itemgetter

import msgspec

from sandbox_app.bridges.health import HealthReporter, HealthTracker
from sandbox_app.bridges.orders import Reply
from sandbox_app.bridges.simulator import incidents, life, nuisances
from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.bridges.simulator.incidents import Incidents
from sandbox_app.bridges.simulator.patrol import Detour, build_patrols, fixes
from sandbox_app.bridges.simulator.response import Responder
from sandbox_app.bridges.simulator.world import DAY_MS, HOUR_MS, Raw, World
from sandbox_app.bridges.transport import Sink
from sandbox_app.domain.device_kinds import DEVICE_KINDS
from sandbox_app.domain.dispatch import Order
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import Clock
from sandbox_app.geo.walkgraph import WalkGraph

_CACHE = 3
HISTORY_HEARTBEAT_S = 6 * 3600
HISTORY_PATROL_DAYS = 2
"""The last days of the history also carry the guards' patrols, so replaying yesterday shows them."""
HISTORY_FIX_S = 60
"""Patrol fixes in the history are thinned to one a minute per guard (under the trackers' heartbeat)."""


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while an hour is built.

    An hour is ~30,000 fresh acyclic objects (events and their data dicts); every few hundred allocations
    trigger a collection that walks them all again, which doubled the build time. Nothing here makes
    cycles, so nothing is leaked; reference counting frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


FIRST_TICK_S = 0.05
"""How soon `run` looks again for its first batch (later ones: every `tick_s`)."""


class Simulator:
    """Events of a simulated district from `start_ts` on; `speed` is simulated seconds per real second."""

    name = "simulator"

    def __init__(
        self,
        district: District,
        seed: int,
        start_ts: int,
        speed: float = 1.0,
        rates: SimRates | None = None,
        graph: WalkGraph | None = None,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.district = district
        self.seed = seed
        self.start_ts = start_ts
        self.speed = speed
        self.rates = rates or SimRates()
        self.graph = graph if graph is not None else WalkGraph.from_district(district)
        self.world = World.build(district)
        self.patrols = build_patrols(district, self.graph, self.world.trackers, seed, self.rates)
        if not self.patrols:  # no paths to walk: the trackers only say they are alive
            kinds = {d.id: d.kind for d in district.devices.values()}
            extra = [
                (dev, DEVICE_KINDS[kinds[dev]].heartbeat_s) for _, dev in self.world.trackers if dev in kinds
            ]
            self.world.heartbeats = sorted(self.world.heartbeats + extra)
        self._hours: OrderedDict[int, list[Event]] = OrderedDict()
        self._days: OrderedDict[int, tuple[list[Raw], Incidents]] = OrderedDict()
        self.responder = Responder(self.graph, self.patrols, seed, self.rates)
        self._lock = threading.RLock()
        """Orders may come from another thread than the one generating hours (a commander's click)."""
        self._version = 0
        """Bumped by every order that moves a guard: an hour built against older orders is not cached."""
        self._horizon = start_ts

    # dispatch orders --------------------------------------------------------------------------------
    @property
    def clock_ts(self) -> int:
        """Simulated time up to which `run` has handed out (or is handing out) the stream."""
        with self._lock:
            return self._horizon

    def carries(self, device: str | None) -> bool:
        """Whether a simulated guard carries this tracker (so `receive_order` is its bridge)."""
        return self.responder.knows(device)

    def receive_order(self, order: Order, now_ts: int | None = None) -> None:
        """An order (or a stand-down, `action="cancel"`) reaches the guard carrying `order.device`; the
        desk's `send_order` can be this method. Orders for devices no simulated guard carries are ignored
        (see `carries`), and so is a repeated order (same dispatch id).

        It takes effect at `now_ts` (None: the order's own `ts`, when the desk gave it), but never before
        `clock_ts`: what `run` has already sent cannot change.
        """
        with self._lock:
            ts = max(order.ts if now_ts is None else now_ts, self._horizon)
            changed = self.responder.take(order, ts)
            if changed is not None:
                self._version += 1
                first = (changed - self.start_ts) // HOUR_MS
                for hour in [h for h in self._hours if h >= first]:
                    del self._hours[hour]

    def drain_replies(self, until_ts: int) -> list[Reply]:
        """The guards' replies (accepted, declined, handled, feedback) with ts < until_ts, in time order,
        each returned once: hand them to `DispatchDesk.answer`."""
        with self._lock:
            return self.responder.drain(until_ts)

    # the event stream -------------------------------------------------------------------------------
    def events_between(self, t0: int, t1: int) -> Iterator[Event]:
        """Events with t0 <= ts < t1 in time order (nothing before `start_ts`)."""
        t0 = max(t0, self.start_ts)
        if t1 <= t0:
            return
        for hour in range((t0 - self.start_ts) // HOUR_MS, (t1 - 1 - self.start_ts) // HOUR_MS + 1):
            for event in self._hour(hour):
                if t0 <= event.ts < t1:
                    yield event

    def history(self, days: int = 30) -> Iterator[Event]:
        """The slow stories of the `days` before `start_ts`, in time order: elderly people's daily outings,
        the unknown card's first visits, cars that came in and stayed, commuters' e-bikes.

        Rules that judge against a habit or count days (elderly_routine, unreported_tenant, vehicle_overstay)
        need this past to fire within the first simulated day. Ids are `sim-<seed>-h<days before>-<n>`.

        The history is thinned, so every device it uses also sends a heartbeat declaring a
        HISTORY_HEARTBEAT_S interval: device_offline must not take the thinning for dead devices.
        """
        stories: list[list[Raw]] = []
        for day in range(-days, 0):
            t0 = self.start_ts + day * DAY_MS
            raws = life.elderly_outings(self.world, self.seed, self.start_ts, t0, t0 + DAY_MS)
            raws += life.tenant_story(self.world, self.seed, day, t0)
            raws += life.overstay_car(self.world, self.seed, day, t0)
            raws += nuisances.ebike_habits(self.world, self.seed, self.start_ts, t0, t0 + DAY_MS)
            stories.append(raws)
        used = sorted({(r.device, HISTORY_HEARTBEAT_S) for raws in stories for r in raws})
        for day, raws in zip(range(-days, 0), stories, strict=True):
            t0 = self.start_ts + day * DAY_MS
            origin = self.start_ts - days * DAY_MS
            raws += incidents.heartbeats(used, self.seed, self.rates, t0, t0 + DAY_MS, origin)
            if day >= -HISTORY_PATROL_DAYS:
                raws += self._history_patrols(day, t0)
            yield from self._finish(raws, f"h{-day}")

    def _history_patrols(self, day: int, t0: int) -> list[Raw]:
        """The guards' loops over one history day, one fix a minute per guard (`HISTORY_FIX_S`): the same
        positions the live stream would have given at those times."""
        out: list[Raw] = []
        seen: set[tuple[str, int]] = set()
        for h in range(24):
            start = t0 + h * HOUR_MS
            for r in fixes(
                self.patrols, self.graph, start, start + HOUR_MS, day * 24 + h, self.seed, self.rates
            ):
                slot = (r.device, r.ts // (HISTORY_FIX_S * 1000))
                if slot not in seen:
                    seen.add(slot)
                    out.append(r)
        return out

    def _hour(self, hour: int) -> list[Event]:
        with self._lock:
            cached = self._hours.get(hour)
            version, detours = self._version, dict(self.responder.moves)
        if cached is None:
            with _no_cycle_collection():
                cached = self._make_hour(hour, detours)
            with self._lock:
                if version == self._version:
                    self._hours[hour] = cached
                    if len(self._hours) > _CACHE:
                        self._hours.popitem(last=False)
        return cached

    def _make_hour(self, hour: int, detours: Mapping[int, Detour]) -> list[Event]:
        t0 = self.start_ts + hour * HOUR_MS
        t1 = t0 + HOUR_MS
        planned, trouble = self._day(hour // 24)
        raws = [r for r in planned if t0 <= r.ts < t1]
        raws += fixes(self.patrols, self.graph, t0, t1, hour, self.seed, self.rates, detours)
        raws += incidents.heartbeats(self.world.heartbeats, self.seed, self.rates, t0, t1)
        silent = trouble.silenced()
        if silent:
            raws = [
                r for r in raws if r.device not in silent or not any(s.hides(r) for s in silent[r.device])
            ]
        return list(self._finish(raws, str(hour)))

    def _day(self, day: int) -> tuple[list[Raw], Incidents]:
        """The day's low-rate streams, generated once per day (they are cheap next to the GPS fixes)."""
        cached = self._days.get(day)
        if cached is None:
            w, seed, rates = self.world, self.seed, self.rates
            t0 = self.start_ts + day * DAY_MS
            trouble = incidents.plan(w, self.patrols, self.graph, seed, rates, day, t0)
            raws = trouble.events
            raws += life.resident_faces(w, seed, rates, day, t0) + life.unknown_faces(w, seed, rates, day, t0)
            raws += life.loiterers(w, seed, rates, day, t0)
            raws += life.elderly_outings(w, seed, self.start_ts, t0, t0 + DAY_MS)
            raws += life.cars(w, seed, rates, day, t0) + life.ebikes(w, seed, rates, day, t0)
            raws += life.locks(w, seed, rates, day, t0) + life.doors(w, seed, rates, t0, t0 + DAY_MS)
            raws += incidents.perimeter(w, seed, rates, t0, t0 + DAY_MS)
            raws += nuisances.fire_lane(w, seed, rates, day, t0)
            raws += nuisances.renovation(w, seed, rates, day, t0)
            raws += nuisances.ebike_in_lift(w, seed, rates, day, t0)
            raws += nuisances.rooftop_doors(w, seed, rates, day, t0)
            raws += nuisances.ebike_habits(w, seed, self.start_ts, t0, t0 + DAY_MS)
            cached = (raws, trouble)
            self._days[day] = cached
            if len(self._days) > _CACHE:
                self._days.popitem(last=False)
        return cached

    def _finish(self, raws: list[Raw], chunk: str) -> Iterator[Event]:
        """Sort (stably, so generation order breaks ties) and give the deterministic ids."""
        raws.sort(key=itemgetter(0))
        prefix = f"sim-{self.seed}-{chunk}-"
        for n, r in enumerate(raws):
            yield Event(f"{prefix}{n}", r.ts, r.device, r.kind, r.lon, r.lat, r.data)

    # the real-time driver ---------------------------------------------------------------------------
    def run(
        self,
        sink: Sink,
        clock: Clock,
        stop: threading.Event,
        *,
        tick_s: float = 1.0,
        history_days: int = 0,
        max_batch: int = 5_000,
        reporter: HealthReporter | None = None,
        on_tick: Callable[[int], object] | None = None,
    ) -> None:
        """Feed `sink` until `stop` is set, `speed` simulated seconds per second of `clock`.

        The simulated time is start_ts + (clock now - clock at start) * speed, so a slow sink makes the
        next batch bigger instead of letting the simulation drift behind the clock. Health goes to
        `reporter` (e.g. `Engine.report_health`) like any bridge's: connected while running, per batch.
        `on_tick(now)` runs after each tick's events went out, e.g. to hand the guards' replies up to `now`
        to the dispatch desk and tick its clock.
        """
        health = HealthTracker(self.name, clock.now_ms, reporter)
        health.set_connected(True)
        try:
            if history_days:
                self._emit(sink, self.history(history_days), max_batch, health)
            wall0 = clock.now_ms()
            done = self.start_ts
            started: set[str] = set()
            while not stop.is_set():
                now = self.start_ts + int((clock.now_ms() - wall0) * self.speed)
                if now > done:
                    with self._lock:
                        self._horizon = now  # claimed first: an order arriving meanwhile acts after it
                    self._emit(sink, power_on(self.events_between(done, now), started), max_batch, health)
                    done = now
                    if on_tick is not None:
                        on_tick(now)
                # The first batch goes out after FIRST_TICK_S, not a whole tick: a window shows live data
                # that much sooner after its start (issue 17); then one batch per `tick_s`.
                stop.wait(tick_s if done > self.start_ts else min(tick_s, FIRST_TICK_S))
        finally:
            health.set_connected(False)

    @staticmethod
    def _emit(sink: Sink, events: Iterator[Event], max_batch: int, health: HealthTracker) -> None:
        batch: list[Event | Rejection] = []
        for event in events:
            batch.append(event)
            if len(batch) >= max_batch:
                Simulator._deliver(sink, batch, health)
                batch = []
        if batch:
            Simulator._deliver(sink, batch, health)

    @staticmethod
    def _deliver(sink: Sink, batch: list[Event | Rejection], health: HealthTracker) -> None:
        health.message_arrived()
        sink(batch)
        health.record_batch(batch)


def power_on(events: Iterable[Event], started: set[str]) -> Iterator[Event]:
    """Each tracker's first fix of a run says `power_on`: the guards begin their rounds anew at a restart,
    somewhere else than where the last run left them, and gps_sanity must not judge that jump by speed.
    `started` collects the trackers seen (the cached hours are not changed: the flag is on a copy)."""
    for event in events:
        if event.kind == "gps.fix" and event.device not in started:
            started.add(event.device)
            event = msgspec.structs.replace(event, data={**event.data, "power_on": True})
        yield event


def interleave(events: Iterable[Event], replies: Iterable[Reply]) -> Iterator[Event | Reply]:
    """Events and replies (each already in time order) merged into one, an event first on a tie: the order
    in which the desk must see them, so an acknowledgement counts before the fixes that follow it."""
    merged: Iterator[Event | Reply] = heapq.merge(events, replies, key=attrgetter("ts"))
    return merged
