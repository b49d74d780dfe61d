"""Alerts raised by rules and their lifecycle.

new (open) → acknowledged → dispatched → resolved → closed with feedback; any open state → dismissed with a
reason. Every step records who did it and when, because a case file must show the whole chain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sandbox_app.domain.enums import AlertState, Severity

_NEXT: dict[AlertState, frozenset[AlertState]] = {
    AlertState.OPEN: frozenset({AlertState.ACKNOWLEDGED, AlertState.DISMISSED}),
    AlertState.ACKNOWLEDGED: frozenset({AlertState.DISPATCHED, AlertState.RESOLVED, AlertState.DISMISSED}),
    AlertState.DISPATCHED: frozenset({AlertState.RESOLVED, AlertState.DISMISSED}),
    AlertState.RESOLVED: frozenset({AlertState.CLOSED}),
    AlertState.CLOSED: frozenset(),
    AlertState.DISMISSED: frozenset(),
}
_NEEDS_NOTE = {AlertState.CLOSED: "feedback", AlertState.DISMISSED: "reason"}


def next_states(state: AlertState) -> frozenset[AlertState]:
    """Where a person may move an alert from `state` (the alert panel enables its buttons from this)."""
    return _NEXT[state]


def needs_note(state: AlertState) -> bool:
    """Closing needs feedback and dismissing a reason: the panel asks for the text first."""
    return state in _NEEDS_NOTE


class CloseOutcome(StrEnum):
    """处置结果: how a closed alert ended, chosen from a fixed list so outcomes can be counted (the note
    beside it stays free text). Stored in the alert's `data["outcome"]`."""

    HANDLED = "handled"  # 已处置
    FALSE_ALARM = "false_alarm"  # 误报
    DUPLICATE = "duplicate"  # 重复
    TO_PROPERTY = "to_property"  # 移交物业
    TO_110 = "to_110"  # 移交110
    CAUGHT = "caught"  # 现场抓获
    OTHER = "other"  # 其他


OUTCOME_KEY = "outcome"


class TransitionError(ValueError):
    """A lifecycle step that is not allowed from the alert's current state, or lacks its note."""


@dataclass(frozen=True, slots=True)
class Step:
    """One lifecycle step: who moved the alert to which state, when, and with what note."""

    state: AlertState
    actor: str
    ts: int
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"state": str(self.state), "actor": self.actor, "ts": self.ts, "note": self.note}


@dataclass(slots=True)
class Alert:
    id: str
    rule: str
    subject: str
    """Id of the room, device, person, guard, building or plate the alert is about."""
    subject_type: str
    """"room", "device", "person", "guard", "building", "compound" or "plate"."""
    severity: Severity
    state: AlertState
    first_ts: int
    last_ts: int
    count: int = 1
    closed_ts: int | None = None
    lon: float | None = None
    lat: float | None = None
    data: dict[str, Any] = field(default_factory=dict)
    history: list[Step] = field(default_factory=list)

    def advance(
        self, state: AlertState, actor: str, ts: int, note: str = "", outcome: CloseOutcome | None = None
    ) -> None:
        """Move along the lifecycle; closing needs feedback and dismissing a reason. `outcome` (closing
        only) is recorded in `data["outcome"]` for the outcome counts."""
        if outcome is not None and state is not AlertState.CLOSED:
            raise TransitionError(f"alert {self.id}: an outcome is given only when closing")
        if state not in _NEXT[self.state]:
            raise TransitionError(f"alert {self.id}: cannot go from {self.state} to {state}")
        needed = _NEEDS_NOTE.get(state)
        if needed and not note.strip():
            raise TransitionError(f"alert {self.id}: {state} needs a {needed}")
        self.state = state
        self.history.append(Step(state, actor, ts, note))
        if outcome is not None:
            self.data[OUTCOME_KEY] = CloseOutcome(outcome).value
        if not state.is_open:
            self.closed_ts = ts

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "subject": self.subject,
            "subject_type": self.subject_type,
            "severity": str(self.severity),
            "state": str(self.state),
            "first_ts": self.first_ts,
            "last_ts": self.last_ts,
            "count": self.count,
            "closed_ts": self.closed_ts,
            "lon": self.lon,
            "lat": self.lat,
            "data": self.data,
            "history": [step.to_json() for step in self.history],
        }
