"""The dispatch desk: from an alert and the commander's choice of guards to orders, arrival and closure.

The desk holds the dispatches that still hold a guard, turns commander and guard actions into lifecycle
steps, watches the guards' fixes for arrival and the engine clock for orders nobody accepted. The store is
the arbiter between desks (two stations, two processes): a guard can be held by one active dispatch only,
enforced by a unique index, so of two commanders racing for one guard exactly one wins and the other gets
`GuardBusy` back. Time always comes in as an argument (engine clock), so replay and tests run the same code.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sandbox_app.dispatch.nearest import Candidate, nearest_from_store
from sandbox_app.domain.dispatch import (
    Dispatch,
    DispatchError,
    DispatchState,
    DispatchStep,
    GuardBusy,
    Order,
    StaleDispatch,
)
from sandbox_app.domain.distance import distance_m
from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.incidents import INCIDENT_ID_PREFIX
from sandbox_app.domain.model import District, Guard
from sandbox_app.geo.routing import RoutingGraph
from sandbox_app.rules.base import Signal
from sandbox_app.store.base import DispatchStore, Store

log = logging.getLogger(__name__)

SYSTEM_ACTOR = "system"
"""Actor of the steps the desk takes by itself: escalation and arrival detected from fixes."""
ESCALATION_RULE = "dispatch_escalation"
"""`rule` of the signals that tell the commander an order went unanswered (or was declined)."""


class CandidateLike(Protocol):
    """A recommended guard (`dispatch.nearest.Candidate` fits): id, travel time, whether its fix is old."""

    @property
    def guard(self) -> str: ...

    @property
    def eta_s(self) -> float: ...

    @property
    def stale(self) -> bool: ...


class DispatchTarget(Protocol):
    """What guards are sent to: a device alert (`domain.alerts.Alert`) or an incident entered by people
    (`domain.incidents.Incident`). The desk reads only these; a dispatch's `alert_id` holds the target's id
    (incident ids start with `INC-`), so both share one lifecycle, one store table and one guard lock."""

    @property
    def id(self) -> str: ...

    @property
    def rule(self) -> str: ...

    @property
    def subject(self) -> str: ...

    @property
    def lon(self) -> float | None: ...

    @property
    def lat(self) -> float | None: ...


Recommender = Callable[[float, float, int, frozenset[str]], Sequence[CandidateLike]]
"""(lon, lat, now_ts, guards to leave out) → guards ordered by travel time, e.g. `nearest_recommender`."""
Duty = Callable[[int], Callable[[Guard], bool]]
"""now_ts → whether a guard is on duty then (the duty roster, `patrol.config.PatrolBook.on_duty`)."""
SendOrder = Callable[[Order], None]
"""Hands an order to the guard's bridge; raises when it could not (the desk records it and retries)."""


@dataclass(frozen=True, slots=True)
class DeskSettings:
    accept_timeout_s: float = 60.0
    """N: an order not accepted this long after issue escalates to the commander."""
    arrival_radius_m: float = 30.0
    """A fix of the guard within this distance of the incident counts as on scene."""
    one_call_minutes: float = 5.0
    """M: "one call" summons every guard within this travel time."""
    order_retry_s: float = 15.0
    """How often an order that failed to send is tried again."""
    propose: int = 1
    """How many next-nearest guards an escalation proposes."""
    on_scene_timeout_s: float | None = None
    """A guard not on scene this long after issue escalates ("not_on_scene"); None: only an incident's
    response plan sets such a limit."""


@dataclass(slots=True)
class Outcome:
    """What a dispatch command did: the dispatches made, and the guards another order already holds."""

    created: list[Dispatch] = field(default_factory=list)
    busy: list[GuardBusy] = field(default_factory=list)


class DispatchDesk:
    """Dispatch commands, guard acknowledgements, arrival from fixes and escalation on the engine clock.

    Thread-safe: the engine thread feeds events and ticks while commanders act from the UI thread.
    """

    def __init__(
        self,
        store: DispatchStore,
        district: District,
        *,
        send_order: SendOrder | None = None,
        recommend: Recommender | None = None,
        settings: DeskSettings | None = None,
        accept_limit: Callable[[Dispatch], float | None] | None = None,
        on_scene_limit: Callable[[Dispatch], float | None] | None = None,
    ) -> None:
        """`accept_limit(dispatch)`: that dispatch's own accept timeout in seconds, e.g. its incident's
        response plan (`plans.plan_accept_limit`); None falls back to `settings.accept_timeout_s`.
        `on_scene_limit(dispatch)`: seconds from issue by which the guard must be on scene (the plan's
        `on_scene_within_s`); None falls back to `settings.on_scene_timeout_s` (None: not watched)."""
        self._store = store
        self._accept_limit = accept_limit
        self._on_scene_limit = on_scene_limit
        self._late: set[str] = set()
        """Dispatches already escalated for missing their on-scene limit (once each)."""
        self._district = district
        self._send_order = send_order
        self._recommend = recommend
        self.settings = settings or DeskSettings()
        self._lock = threading.RLock()
        self._by_guard: dict[str, Dispatch] = {}
        self._arriving: dict[str, Dispatch] = {}
        self._pending: dict[str, Order] = {}
        self._last_try: dict[str, int] = {}
        self._declined: list[Dispatch] = []
        for d in store.dispatches(active_only=True):
            self._remember(d)
            if d.order_sent_ts is None and send_order is not None:
                self._pending[d.id] = self._order(d, "dispatch", d.history[0].note)

    def adopt(self, dispatch: Dispatch) -> None:
        """Another station's change to a dispatch (already stored): hold its guard while it is active,
        free the guard once it ended."""
        with self._lock:
            self._remember(dispatch)

    # reading -------------------------------------------------------------------------------------------
    def active(self) -> list[Dispatch]:
        """Dispatches that hold a guard, in issue order."""
        with self._lock:
            return sorted(self._by_guard.values(), key=lambda d: (d.issued_ts, d.id))

    def busy_guards(self) -> frozenset[str]:
        """Guards on a dispatch: what the nearest-guard search must leave out."""
        with self._lock:
            return frozenset(self._by_guard)

    def get(self, dispatch_id: str) -> Dispatch:
        with self._lock:
            found = next((d for d in self._by_guard.values() if d.id == dispatch_id), None)
            found = found or self._store.get_dispatch(dispatch_id)
            if found is None:
                raise DispatchError(f"no dispatch {dispatch_id}")
            return found

    # commander -----------------------------------------------------------------------------------------
    def dispatch(
        self,
        alert: DispatchTarget,
        guards: Iterable[str],
        commander: str,
        now_ts: int,
        *,
        candidates: Sequence[CandidateLike] = (),
        mode: str = "order",
        note: str = "",
    ) -> Outcome:
        """Send the confirmed guards to the alert; a guard already held elsewhere lands in `busy`."""
        etas = {c.guard: c.eta_s for c in candidates}
        outcome = Outcome()
        with self._lock:
            for guard_id in dict.fromkeys(guards):
                try:
                    d = self._issue(alert, guard_id, commander, now_ts, etas.get(guard_id), mode, note)
                except GuardBusy as busy:
                    outcome.busy.append(busy)
                else:
                    outcome.created.append(d)
        return outcome

    def one_call(
        self,
        alert: DispatchTarget,
        candidates: Sequence[CandidateLike],
        commander: str,
        now_ts: int,
        *,
        within_s: float | None = None,
    ) -> Outcome:
        """Summon every guard whose fresh position is within M minutes' travel (stale ones are not sent)."""
        limit = self.settings.one_call_minutes * 60.0 if within_s is None else within_s
        chosen = [c.guard for c in candidates if not c.stale and c.eta_s <= limit]
        return self.dispatch(alert, chosen, commander, now_ts, candidates=candidates, mode="one_call")

    def report(
        self,
        dispatch_id: str,
        state: DispatchState,
        actor: str,
        ts: int,
        note: str = "",
        *,
        photo: str | None = None,
    ) -> Dispatch:
        """A reported step: on scene, handled, feedback (note = text, optional photo path), closed,
        declined or cancelled. Cancelling tells the guard to stand down."""
        with self._lock:
            d = self.get(dispatch_id)
            self._step(d, state, actor, ts, note, photo)
            if state is DispatchState.CANCELLED:
                self._send(d, self._order(d, "cancel", note), ts)
            if state is DispatchState.DECLINED:
                self._declined.append(d)
            return d

    # guard ---------------------------------------------------------------------------------------------
    def accept(self, dispatch_id: str, guard: str, ts: int) -> Dispatch:
        """The guard's acknowledgement; a repeated one (redelivered message) changes nothing."""
        with self._lock:
            d = self.get(dispatch_id)
            if d.guard_id != guard:
                raise DispatchError(f"dispatch {dispatch_id} is for guard {d.guard_id}, not {guard}")
            if d.accepted_ts is None:
                self._step(d, DispatchState.ACCEPTED, guard, ts, "", None)
            return d

    def answer(
        self,
        dispatch_id: str,
        guard: str,
        state: DispatchState,
        ts: int,
        note: str = "",
        photo: str | None = None,
    ) -> Dispatch:
        """A reply from the guard's phone (`bridges.orders.Reply`): only the dispatched guard may answer."""
        if state is DispatchState.ACCEPTED:
            return self.accept(dispatch_id, guard, ts)
        if state in (DispatchState.CLOSED, DispatchState.CANCELLED, DispatchState.ESCALATED):
            raise DispatchError(f"a guard cannot report {state}")
        with self._lock:
            if self.get(dispatch_id).guard_id != guard:
                raise DispatchError(f"dispatch {dispatch_id} is not guard {guard}'s")
            return self.report(dispatch_id, state, guard, ts, note, photo=photo)

    # engine feeds --------------------------------------------------------------------------------------
    def on_event(self, event: Event) -> list[Dispatch]:
        """A fix inside the incident radius puts an accepted dispatch on scene; returns what changed."""
        if event.kind != "gps.fix" or event.lon is None or event.lat is None or event.data.get("flagged"):
            return []
        with self._lock:
            d = self._arriving.get(event.device)
            if d is None or d.lon is None or d.lat is None or event.ts < d.last_ts:
                return []
            gap = distance_m(d.lon, d.lat, event.lon, event.lat)
            if gap > d.radius_m:
                return []
            note = f"fix {event.id} {gap:.0f} m from the incident"
            try:
                self._step(d, DispatchState.ON_SCENE, SYSTEM_ACTOR, event.ts, note, None)
            except StaleDispatch:  # another desk moved it on; memory now holds the stored state
                return []
            return [d]

    def on_time(self, now_ts: int) -> list[Signal]:
        """Escalate orders not accepted in time, propose the next nearest, retry unsent orders."""
        signals: list[Signal] = []
        with self._lock:
            for d in self.active():
                if d.state is not DispatchState.ISSUED:
                    continue
                own = self._accept_limit(d) if self._accept_limit is not None else None
                limit_s = self.settings.accept_timeout_s if own is None else own
                if now_ts - d.issued_ts >= round(limit_s * 1000):
                    note = f"not accepted within {limit_s:g} s"
                    try:
                        self._step(d, DispatchState.ESCALATED, SYSTEM_ACTOR, now_ts, note, None)
                    except StaleDispatch:  # accepted or cancelled at another desk meanwhile
                        continue
                    signals.append(self._escalation(d, now_ts, "no_answer"))
            signals.extend(self._late_on_scene(now_ts))
            signals.extend(self._escalation(d, now_ts, "declined") for d in self._declined)
            self._declined.clear()
            self._retry(now_ts)
        return signals

    def late_on_scene(self) -> frozenset[str]:
        """Dispatches past their on-scene limit and not yet on scene: what the panel marks red."""
        with self._lock:
            return frozenset(d for d in self._late if d in {x.id for x in self._by_guard.values()})

    # internals -----------------------------------------------------------------------------------------
    def _late_on_scene(self, now_ts: int) -> list[Signal]:
        """Escalate, once each, the dispatches whose guard is not on scene by the on-scene limit."""
        out: list[Signal] = []
        for d in self.active():
            if d.id in self._late or d.state not in (DispatchState.ISSUED, DispatchState.ESCALATED,
                                                     DispatchState.ACCEPTED):  # fmt: skip
                continue
            own = self._on_scene_limit(d) if self._on_scene_limit is not None else None
            limit_s = self.settings.on_scene_timeout_s if own is None else own
            if limit_s is not None and now_ts - d.issued_ts >= round(limit_s * 1000):
                self._late.add(d.id)
                out.append(self._escalation(d, now_ts, "not_on_scene"))
        return out

    def _issue(
        self,
        alert: DispatchTarget,
        guard_id: str,
        commander: str,
        now_ts: int,
        eta_s: float | None,
        mode: str,
        note: str,
    ) -> Dispatch:
        guard = self._district.guards.get(guard_id)
        if guard is None:
            raise DispatchError(f"no guard {guard_id} in the district")
        held = self._by_guard.get(guard_id)
        if held is not None:
            raise GuardBusy(guard_id, held.id, held.commander)
        note = note or f"{alert.rule} {alert.subject}"
        d = Dispatch(
            id=self._new_id(guard_id, now_ts),
            alert_id=alert.id,
            guard_id=guard_id,
            device_id=guard.device_id,
            commander=commander,
            issued_ts=now_ts,
            lon=alert.lon,
            lat=alert.lat,
            radius_m=self.settings.arrival_radius_m,
            mode=mode,
            eta_s=eta_s,
            history=[DispatchStep(DispatchState.ISSUED, commander, now_ts, note)],
        )
        try:
            self._store.create_dispatch(d)
        except GuardBusy as busy:  # another desk on the same store got there first: adopt its dispatch
            winner = self._store.get_dispatch(busy.holder)
            if winner is not None:
                self._remember(winner)
            raise
        self._remember(d)
        self._send(d, self._order(d, "dispatch", note), now_ts)
        return d

    def _new_id(self, guard_id: str, ts: int) -> str:
        """Readable and deterministic, so a replay of the same commands yields the same ids."""
        base = candidate = f"D{ts}-{guard_id}"
        n = 1
        while self._store.get_dispatch(candidate) is not None:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _step(
        self, d: Dispatch, state: DispatchState, actor: str, ts: int, note: str, photo: str | None
    ) -> None:
        """Advance and persist; if the store refuses, memory goes back to what the store holds."""
        d.advance(state, actor, ts, note)
        if photo is not None:
            d.photo = photo
        self._save(d)

    def _save(self, d: Dispatch) -> None:
        try:
            self._store.update_dispatch(d)
        except (StaleDispatch, DispatchError):
            fresh = self._store.get_dispatch(d.id)
            self._forget(d)
            if fresh is not None:
                self._remember(fresh)
            raise
        self._remember(d)

    def _remember(self, d: Dispatch) -> None:
        self._forget(d)
        if d.state.holds_guard:
            self._by_guard[d.guard_id] = d
        if d.state is DispatchState.ACCEPTED and d.device_id:
            self._arriving[d.device_id] = d

    def _forget(self, d: Dispatch) -> None:
        if (held := self._by_guard.get(d.guard_id)) is not None and held.id == d.id:
            del self._by_guard[d.guard_id]
        if d.device_id and (arriving := self._arriving.get(d.device_id)) is not None and arriving.id == d.id:
            del self._arriving[d.device_id]

    def _order(self, d: Dispatch, action: str, note: str) -> Order:
        return Order(d.id, d.guard_id, d.device_id, d.alert_id, d.lon, d.lat, d.last_ts, action, note)

    def _send(self, d: Dispatch, order: Order, now_ts: int) -> None:
        """Hand the order to the bridge; a failure is recorded on the dispatch and retried from on_time."""
        if self._send_order is None:
            return
        self._last_try[d.id] = now_ts
        try:
            self._send_order(order)
        except Exception as exc:  # any bridge failure: the order stays pending, the desk goes on
            log.warning("order for dispatch %s not sent: %s", d.id, exc)
            self._pending[d.id] = order
            d.order_error = str(exc) or type(exc).__name__
        else:
            self._pending.pop(d.id, None)
            if order.action == "dispatch":
                d.order_sent_ts, d.order_error = now_ts, ""
        self._save(d)

    def _retry(self, now_ts: int) -> None:
        retry_ms = round(self.settings.order_retry_s * 1000)
        for dispatch_id, order in list(self._pending.items()):
            if now_ts - self._last_try.get(dispatch_id, order.ts) >= retry_ms:
                d = self.get(dispatch_id)
                if order.action == "dispatch" and not d.state.holds_guard:
                    self._pending.pop(dispatch_id)  # cancelled meanwhile: its stand-down order covers it
                    continue
                self._send(d, order, now_ts)

    def _escalation(self, d: Dispatch, now_ts: int, why: str) -> Signal:
        proposed = self._propose(d, now_ts)
        return Signal(
            rule=ESCALATION_RULE,
            subject=d.alert_id,
            subject_type="incident" if d.alert_id.startswith(INCIDENT_ID_PREFIX) else "alert",
            severity=Severity.HIGH,
            ts=now_ts,
            lon=d.lon,
            lat=d.lat,
            data={
                "dispatch": d.id,
                "guard": d.guard_id,
                "why": why,
                "proposed": [{"guard": c.guard, "eta_s": c.eta_s} for c in proposed],
            },
        )

    def _propose(self, d: Dispatch, now_ts: int) -> list[CandidateLike]:
        """The next nearest fresh guards not busy and not already asked for this alert."""
        if self._recommend is None or d.lon is None or d.lat is None:
            return []
        asked = frozenset(
            {x.guard_id for x in self._store.dispatches(alert_id=d.alert_id)} | set(self._by_guard)
        )
        ranked = self._recommend(d.lon, d.lat, now_ts, asked)
        fresh = (c for c in ranked if not c.stale and c.guard not in asked)
        return [c for _, c in zip(range(self.settings.propose), fresh, strict=False)]


def nearest_recommender(
    store: Store,
    district: District,
    router: RoutingGraph,
    *,
    k: int = 5,
    duty: Duty | None = None,
    **options: Any,
) -> Recommender:
    """The desk's recommender on `dispatch.nearest`: positions from the store's last fixes at that moment.

    `duty(now_ts)` is the duty roster's on-duty test at that moment (`PatrolBook.on_duty`): an off-duty
    guard is never recommended. `options` go to `nearest_guards` (roles, max_fix_age_s, travel); `busy`
    comes from the desk.
    """

    def recommend(lon: float, lat: float, now_ts: int, leave_out: frozenset[str]) -> list[Candidate]:
        on_duty = duty(now_ts) if duty is not None else None
        return nearest_from_store(
            store, district, router, lon, lat, now_ts, k=k, busy=leave_out, on_duty=on_duty, **options
        ).ranked()

    return recommend
