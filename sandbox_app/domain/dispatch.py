"""A dispatch: one guard sent to one alert, and the proof of what happened after.

issued → accepted → on_scene → handled → feedback → closed. Side exits: an issued order nobody accepts in
time becomes `escalated` (the commander is told; the guard may still accept late), the guard may `decline`,
the commander may `cancel` while the guard is on the way. Every step keeps who, when and a note, because
the case file and the response-time analytics both read this chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DispatchState(StrEnum):
    ISSUED = "issued"
    ESCALATED = "escalated"
    ACCEPTED = "accepted"
    ON_SCENE = "on_scene"
    HANDLED = "handled"
    FEEDBACK = "feedback"
    CLOSED = "closed"
    DECLINED = "declined"
    CANCELLED = "cancelled"

    @property
    def holds_guard(self) -> bool:
        """The guard is committed to this dispatch and may not be sent elsewhere (one per guard)."""
        return self in HOLDING_STATES

    @property
    def is_final(self) -> bool:
        return self in (DispatchState.CLOSED, DispatchState.DECLINED, DispatchState.CANCELLED)


HOLDING_STATES = frozenset(
    {DispatchState.ISSUED, DispatchState.ESCALATED, DispatchState.ACCEPTED, DispatchState.ON_SCENE}
)
"""Kept in step with the store's unique partial index (migration v4): at most one such dispatch a guard."""

_S = DispatchState
_NEXT: dict[DispatchState, frozenset[DispatchState]] = {
    _S.ISSUED: frozenset({_S.ACCEPTED, _S.ESCALATED, _S.DECLINED, _S.CANCELLED}),
    _S.ESCALATED: frozenset({_S.ACCEPTED, _S.DECLINED, _S.CANCELLED}),
    _S.ACCEPTED: frozenset({_S.ON_SCENE, _S.CANCELLED}),
    _S.ON_SCENE: frozenset({_S.HANDLED, _S.CANCELLED}),
    _S.HANDLED: frozenset({_S.FEEDBACK}),
    _S.FEEDBACK: frozenset({_S.CLOSED}),
    _S.CLOSED: frozenset(),
    _S.DECLINED: frozenset(),
    _S.CANCELLED: frozenset(),
}
_NEEDS_NOTE = {_S.FEEDBACK: "feedback text", _S.DECLINED: "reason", _S.CANCELLED: "reason"}


def next_states(state: DispatchState) -> frozenset[DispatchState]:
    """The steps allowed from `state`: the table `Dispatch.advance` enforces, so a UI offers only those."""
    return _NEXT[state]


class DispatchError(ValueError):
    """A step not allowed from the dispatch's state, out of time order, by the wrong guard, or without
    the note it needs."""


@dataclass(frozen=True, slots=True)
class DispatchStep:
    state: DispatchState
    actor: str
    ts: int
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"state": str(self.state), "actor": self.actor, "ts": self.ts, "note": self.note}


def _seconds(start: int | None, end: int | None) -> float | None:
    return None if start is None or end is None else (end - start) / 1000.0


@dataclass(slots=True)
class Dispatch:
    id: str
    alert_id: str
    guard_id: str
    device_id: str | None
    """The guard's tracker: its fixes detect arrival, and its orders topic carries the order."""
    commander: str
    issued_ts: int
    lon: float | None
    lat: float | None
    """Where the guard is sent (the alert's location); None means arrival can only be reported."""
    radius_m: float = 30.0
    """A fix this close to (lon, lat) counts as on scene."""
    mode: str = "order"
    """"order" (commander picked this guard) or "one_call" (everyone within M minutes)."""
    eta_s: float | None = None
    """The travel time recommended when issued, to compare with the real one."""
    feedback: str = ""
    photo: str | None = None
    order_sent_ts: int | None = None
    order_error: str = ""
    history: list[DispatchStep] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.history:
            self.history.append(DispatchStep(DispatchState.ISSUED, self.commander, self.issued_ts))

    @property
    def state(self) -> DispatchState:
        return self.history[-1].state

    @property
    def last_ts(self) -> int:
        return self.history[-1].ts

    def advance(self, state: DispatchState, actor: str, ts: int, note: str = "") -> None:
        """Take one lifecycle step; feedback needs its text, declining and cancelling a reason."""
        if state not in _NEXT[self.state]:
            raise DispatchError(f"dispatch {self.id}: cannot go from {self.state} to {state}")
        if ts < self.last_ts:
            raise DispatchError(f"dispatch {self.id}: step at {ts} is before the last one at {self.last_ts}")
        needed = _NEEDS_NOTE.get(state)
        if needed and not note.strip():
            raise DispatchError(f"dispatch {self.id}: {state} needs a {needed}")
        if state is DispatchState.FEEDBACK:
            self.feedback = note
        self.history.append(DispatchStep(state, actor, ts, note))

    def step_ts(self, state: DispatchState) -> int | None:
        """When the dispatch first reached `state` (None if it never did)."""
        return next((s.ts for s in self.history if s.state is state), None)

    @property
    def accepted_ts(self) -> int | None:
        return self.step_ts(DispatchState.ACCEPTED)

    @property
    def on_scene_ts(self) -> int | None:
        return self.step_ts(DispatchState.ON_SCENE)

    @property
    def closed_ts(self) -> int | None:
        """When it ended: closed, declined or cancelled."""
        return self.last_ts if self.state.is_final else None

    @property
    def time_to_accept_s(self) -> float | None:
        return _seconds(self.issued_ts, self.accepted_ts)

    @property
    def time_to_arrive_s(self) -> float | None:
        """Issue to on scene: what the resident waited for."""
        return _seconds(self.issued_ts, self.on_scene_ts)

    @property
    def time_to_close_s(self) -> float | None:
        return _seconds(self.issued_ts, self.closed_ts if self.state is DispatchState.CLOSED else None)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "alert_id": self.alert_id,
            "guard_id": self.guard_id,
            "device_id": self.device_id,
            "commander": self.commander,
            "state": str(self.state),
            "issued_ts": self.issued_ts,
            "lon": self.lon,
            "lat": self.lat,
            "radius_m": self.radius_m,
            "mode": self.mode,
            "eta_s": self.eta_s,
            "feedback": self.feedback,
            "photo": self.photo,
            "order_sent_ts": self.order_sent_ts,
            "order_error": self.order_error,
            "time_to_accept_s": self.time_to_accept_s,
            "time_to_arrive_s": self.time_to_arrive_s,
            "time_to_close_s": self.time_to_close_s,
            "history": [step.to_json() for step in self.history],
        }


class GuardBusy(RuntimeError):
    """The guard already holds an active dispatch: a second commander's order for them lost the race."""

    def __init__(self, guard_id: str, holder: str, holder_commander: str = "") -> None:
        by = f" by {holder_commander}" if holder_commander else ""
        super().__init__(f"guard {guard_id} is already on dispatch {holder}{by}")
        self.guard_id = guard_id
        self.holder = holder
        """Id of the dispatch that holds the guard."""
        self.holder_commander = holder_commander


class StaleDispatch(RuntimeError):
    """Someone else moved this dispatch on since it was read; reload it and decide again."""


@dataclass(frozen=True, slots=True)
class Order:
    """What goes out to a guard's device: go to (lon, lat) for this alert, or stand down.

    Built from the dispatch alone, so an order that failed to send can be rebuilt and retried after a
    restart. Bridges encode it (MQTT: `bridges/orders.py`); the desk never knows the transport.
    """

    dispatch_id: str
    guard: str
    device: str | None
    alert: str
    lon: float | None
    lat: float | None
    ts: int
    action: str = "dispatch"
    """"dispatch" (go there) or "cancel" (stand down)."""
    note: str = ""
    """What the commander wrote when issuing, or why it was cancelled."""
