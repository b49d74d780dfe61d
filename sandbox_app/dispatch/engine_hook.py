"""The dispatch desk as one of the engine's rules, so the engine needs no dispatch code of its own.

The engine already routes events by kind in time order and ticks its rules as its clock moves; a desk needs
exactly that (fixes for arrival, ticks for escalation), and its escalation signals must become alerts like
any rule's. `DeskRule` adapts the desk to the `Rule` protocol. Guards' replies (from the simulator or a
phone bridge) can be pulled in just before each fix, so an acknowledgement counts before the fixes after it.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

import numpy as np

from sandbox_app.dispatch.coverage import Coverage, coverage
from sandbox_app.dispatch.lifecycle import ESCALATION_RULE, DispatchDesk, Duty, Outcome
from sandbox_app.dispatch.nearest import DEFAULT_MAX_FIX_AGE_S, Candidate, nearest_from_store
from sandbox_app.dispatch.plans import PlanBook, ResponsePlan, one_call_candidates, propose
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchError, DispatchState
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.events import Event
from sandbox_app.domain.incidents import INCIDENT_ID_PREFIX, Incident, IncidentState
from sandbox_app.domain.model import District
from sandbox_app.domain.places import incident_location
from sandbox_app.engine.messages import CoverageUpdate, DispatchUpdate
from sandbox_app.geo.routing import RoutingGraph
from sandbox_app.geo.walkgraph import FloatArray
from sandbox_app.rules.base import Signal
from sandbox_app.store.base import Store

log = logging.getLogger(__name__)


class ReplyLike(Protocol):
    """A guard's answer (`bridges.orders.Reply` fits)."""

    @property
    def dispatch_id(self) -> str: ...
    @property
    def guard(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def ts(self) -> int: ...
    @property
    def note(self) -> str: ...
    @property
    def photo(self) -> str | None: ...


Replies = Callable[[int], Iterable[ReplyLike]]
"""until_ts → replies with ts < until_ts not handed out before, in time order (`Simulator.drain_replies`)."""


class DeskRule:
    """Feeds `gps.fix` events and engine ticks to a `DispatchDesk`; returns its escalation signals.

    `live=False` makes it ignore everything until set to True: the engine replays stored history into its
    rules on start, and the desk must not escalate or detect arrivals from that replay.
    """

    name = ESCALATION_RULE
    kinds = frozenset({"gps.fix"})

    def __init__(self, desk: DispatchDesk, replies: Replies | None = None, *, live: bool = True) -> None:
        self.desk = desk
        self.replies = replies
        self.live = live
        self.changes = 0
        """Bumped whenever the desk's dispatches changed through this rule (a cheap "redraw" signal)."""
        self._lock = threading.Lock()

    def on_event(self, event: Event) -> Iterable[Signal]:
        if not self.live:
            return ()
        self.answer_until(event.ts)
        if self.desk.on_event(event):
            self._changed()
        return ()

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        if not self.live:
            return ()
        self.answer_until(now_ts)
        signals = self.desk.on_time(now_ts)
        if signals:
            self._changed()
        return signals

    def answer_until(self, until_ts: int) -> int:
        """Hand the replies with ts < until_ts to the desk; a reply that no longer applies is logged."""
        if self.replies is None:
            return 0
        done = 0
        for r in self.replies(until_ts):
            try:
                self.desk.answer(r.dispatch_id, r.guard, DispatchState(r.state), r.ts, r.note, r.photo)
            except (DispatchError, ValueError) as exc:  # e.g. cancelled or closed by the commander meanwhile
                log.info("reply %s for %s no longer applies: %s", r.state, r.dispatch_id, exc)
            done += 1
        if done:
            self._changed()
        return done

    def _changed(self) -> None:
        with self._lock:
            self.changes += 1


RECENT_MS = 30 * 60_000
"""Ended dispatches stay in `DispatchUpdate` this long after their last step, so the panel shows the end."""
LonLat = tuple[float, float]


class DispatchService:
    """The desk, its routing graph and the commander's commands, for ONE thread (the engine's worker).

    Every command takes the engine (what `LiveSession.submit` hands over), so alerts are found in and moved
    through the engine's alert book. Dispatching an alert that is still open acknowledges it first, as the
    commander: the alert lifecycle only allows open → acknowledged → dispatched.
    """

    def __init__(
        self,
        store: Store,
        district: District,
        desk: DispatchDesk,
        router: RoutingGraph,
        duty: Duty | None = None,
        plans: PlanBook | None = None,
    ) -> None:
        """`duty`: the duty roster (`PatrolBook.on_duty`); off-duty guards are never recommended.
        `plans`: the response plans (预案): for an incident (an `INC-` id from the store) the candidates are
        the plan's roles, the plan's proposal first, and "one call" summons only those roles."""
        self.duty = duty
        self.plans = plans
        self.store = store
        self.district = district
        self.desk = desk
        self.router = router
        self.paths: dict[str, tuple[LonLat, ...]] = {}
        self.changes = 0
        self.max_fix_age_s = DEFAULT_MAX_FIX_AGE_S

    # commands ----------------------------------------------------------------------------------------
    def recommend(self, engine: EngineLike, alert_id: str, k: int = 5) -> list[Candidate]:
        """Guards by travel time to the alert: fresh ones fastest first, then stale ones (flagged). For an
        incident under a plan: the guards the plan proposes first, then the rest of the plan's roles."""
        alert = self._placed(engine, alert_id)
        plan = self.plan_of(alert)
        if plan is None:
            return self._rank(alert, engine.now_ms(), k)
        ranked = one_call_candidates(plan, self._rank(alert, engine.now_ms(), len(self.district.guards)))
        chosen = propose(plan, ranked, self.desk.busy_guards()).chosen
        picked = {c.guard for c in chosen}
        return [*chosen, *(c for c in ranked if c.guard not in picked)][: max(k, len(chosen))]

    def plan_of(self, target: Alert | Incident) -> ResponsePlan | None:
        """The response plan of an incident target (None for an alert, or without plans)."""
        if self.plans is None or not isinstance(target, Incident):
            return None
        return self.plans.plan_for(target.type, target.subtype)

    def dispatch(self, engine: EngineLike, alert_id: str, guards: Sequence[str], commander: str) -> Outcome:
        alert = self._placed(engine, alert_id)
        now = engine.now_ms()
        ranked = self._rank(alert, now, len(self.district.guards))
        outcome = self.desk.dispatch(alert, guards, commander, now, candidates=ranked)
        return self._issued(engine, alert, outcome, ranked, commander)

    def one_call(self, engine: EngineLike, alert_id: str, within_s: float, commander: str) -> Outcome:
        """Everyone with a fresh fix within `within_s` of travel; busy guards come back in `busy`."""
        alert = self._placed(engine, alert_id)
        now = engine.now_ms()
        ranked = self._rank(alert, now, len(self.district.guards))
        plan = self.plan_of(alert)
        if plan is not None:  # "one call" follows the plan's roles
            ranked = one_call_candidates(plan, ranked)
        outcome = self.desk.one_call(alert, ranked, commander, now, within_s=within_s)
        return self._issued(engine, alert, outcome, ranked, commander)

    def report(
        self,
        engine: EngineLike,
        dispatch_id: str,
        state: DispatchState,
        actor: str,
        note: str = "",
        photo: str | None = None,
    ) -> Dispatch:
        """A commander's step on a dispatch (cancel with a reason, on scene, handled, feedback with an
        optional photo path, closed)."""
        current = self.desk.get(dispatch_id)
        ts = max(engine.now_ms(), current.last_ts)
        done = self.desk.report(dispatch_id, state, actor, ts, note, photo=photo)
        self.changes += 1
        _audit(engine, actor, f"dispatch.{state.value}", dispatch_id, {"note": note, "photo": photo})
        return done

    # updates -----------------------------------------------------------------------------------------
    def update(self, now_ts: int) -> DispatchUpdate:
        since = now_ts - RECENT_MS
        shown = [d for d in self.store.dispatches() if not d.state.is_final or d.last_ts >= since]
        paths = {d.id: self.paths[d.id] for d in shown if d.state.holds_guard and d.id in self.paths}
        return DispatchUpdate(now_ts, tuple(shown), paths)

    def coverage_update(self, now_ts: int, limit_s: float) -> CoverageUpdate:
        """Coverage from the guards with a fresh fix that no dispatch holds (those are not on patrol)."""
        fixes = self.store.last_fixes(now_ts)
        busy = self.desk.busy_guards()
        max_age = self.max_fix_age_s * 1000
        located = [
            (str(g.role), (f.lon, f.lat))
            for device, g in sorted(self.district.guard_by_device().items())
            if (f := fixes.get(device)) is not None and g.id not in busy and now_ts - f.ts <= max_age
        ]
        if not located or not len(self.router):
            return CoverageUpdate(now_ts, limit_s, self._all_segments(), len(located))
        lonlat = np.asarray([p for _, p in located], dtype=float)
        found = coverage(self.router, [r for r, _ in located], lonlat, now_ts, limit_s)
        return CoverageUpdate(now_ts, limit_s, found.uncovered_segments(self.router), len(located))

    # internals ---------------------------------------------------------------------------------------
    def _all_segments(self) -> FloatArray:
        r = self.router
        return coverage_nothing(len(r)).uncovered_segments(r)

    def _placed(self, engine: EngineLike, alert_id: str) -> Any:
        """The open alert, as a copy carrying the incident's position (guards are sent there); or the
        open incident (警情) of an `INC-` id, from the store."""
        if alert_id.startswith(INCIDENT_ID_PREFIX):
            incident = self.store.get_incident(alert_id)
            if incident is None or incident.state is not IncidentState.OPEN:
                raise DispatchError(f"no open incident {alert_id}")
            return incident
        alert = next((a for a in engine.open_alerts() if a.id == alert_id), None)
        if alert is None:
            raise DispatchError(f"no open alert {alert_id}")
        positions: dict[str, LonLat] = {}
        if alert.subject_type == "guard":
            by_device = self.district.guard_by_device()
            fixes = self.store.last_fixes(engine.now_ms())
            positions = {by_device[d].id: (f.lon, f.lat) for d, f in fixes.items() if d in by_device}
        where = incident_location(self.district, alert, positions)
        lon, lat = where if where is not None else (None, None)
        history = list(alert.history)
        return dataclasses.replace(alert, lon=lon, lat=lat, data=dict(alert.data), history=history)

    def _rank(self, alert: Alert | Incident, now_ts: int, k: int) -> list[Candidate]:
        if alert.lon is None or alert.lat is None or not len(self.router):
            return []
        found = nearest_from_store(
            self.store, self.district, self.router, alert.lon, alert.lat, now_ts,
            k=max(k, 1), busy=self.desk.busy_guards(), max_fix_age_s=self.max_fix_age_s,
            on_duty=self.duty(now_ts) if self.duty is not None else None,
        )  # fmt: skip
        return found.ranked()

    def _issued(
        self,
        engine: EngineLike,
        alert: Alert | Incident,
        outcome: Outcome,
        ranked: Sequence[Candidate],
        who: str,
    ) -> Outcome:
        """Remember the routes; move the alert to dispatched (acknowledging it first if still open)."""
        if not outcome.created:
            return outcome
        self.changes += 1
        route = {c.guard: tuple(c.path) for c in ranked}
        for d in outcome.created:
            if d.guard_id in route:
                self.paths[d.id] = route[d.guard_id]
            _audit(
                engine, who, "dispatch.issued", d.id, {"alert": alert.id, "guard": d.guard_id, "mode": d.mode}
            )
        if isinstance(alert, Incident):  # an incident has no alert lifecycle: its dispatches are its record
            return outcome
        if alert.state is AlertState.OPEN:
            engine.transition_alert(alert.id, AlertState.ACKNOWLEDGED, who, "acknowledged by dispatching")
            alert.state = AlertState.ACKNOWLEDGED
        if alert.state is AlertState.ACKNOWLEDGED:
            guards = ", ".join(d.guard_id for d in outcome.created)
            engine.transition_alert(alert.id, AlertState.DISPATCHED, who, guards)
        return outcome


def _audit(engine: EngineLike, actor: str, action: str, target: str, detail: dict[str, Any]) -> None:
    """A commander's dispatch step, into the engine's audit trail when it keeps one (docs/security.md)."""
    audit = getattr(engine, "audit", None)
    if audit is not None:
        audit(actor, action, target, detail)


class EngineLike(Protocol):
    """What the service needs of `sandbox_app.engine.pipeline.Engine` (a protocol: no import cycle, easy
    fakes)."""

    def now_ms(self) -> int: ...
    def open_alerts(self) -> list[Alert]: ...
    def transition_alert(self, alert_id: str, state: AlertState, actor: str, note: str = "") -> Alert: ...


def coverage_nothing(nodes: int) -> Coverage:
    """No guard located: every node is out of reach."""
    return Coverage(np.full(nodes, np.inf), 0.0)
