"""Who works an alert first: the compound's property staff (物业), a grid worker (网格员), the desk, or 110.

Most of what the sensors see in a compound is not police work: a stranger at the gate, a door held open for
a tailgater, a water leak, a fall. Those go first to the compound's property staff with a time limit; if the
alert is still unhandled when it runs out, it comes back to the police desk as an escalation (the rule
`handoff_overdue` raises it). The desk may also hand any alert on by hand: to property, to a grid worker,
or to 110 when it is beyond the office (移交110).

The hand-off lives in the alert's `data["handoff"]` (so it is stored, replayed and masked with the alert and
needs no table of its own) and every move is appended to `data["handoff_log"]` for the case file.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

HANDOFF_KEY = "handoff"
HANDOFF_LOG_KEY = "handoff_log"
OVERDUE_RULE = "handoff_overdue"
"""The rule name of the escalation raised when property (or a grid worker) let the time limit pass."""


class Party(StrEnum):
    """Who holds an alert."""

    PROPERTY = "property"  # 物业
    GRID = "grid"  # 网格员
    POLICE = "police"  # 派出所 / 警务室 desk
    CAD110 = "110"  # 移交110


PARTY_LABELS: dict[Party, str] = {
    Party.PROPERTY: "物业",
    Party.GRID: "网格员",
    Party.POLICE: "警务室",
    Party.CAD110: "110",
}

TIMED = frozenset({Party.PROPERTY, Party.GRID})
"""Parties whose hold runs against a time limit and escalates to the desk."""


class HandoffError(ValueError):
    """A hand-off that cannot be: unknown party, no compound for property, no time limit, a closed alert."""


@dataclass(frozen=True, slots=True)
class Handoff:
    """The current holder of an alert: who, since when, until when (timed parties), and to whom inside."""

    to: Party
    since_ts: int
    by: str
    due_ts: int | None = None
    compound_id: str = ""
    grid_id: str = ""
    assignee: str = ""
    """The worker in charge (a grid's worker, the compound's property contact), when known."""
    escalated_ts: int | None = None
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "to": self.to.value,
            "since_ts": self.since_ts,
            "by": self.by,
            "due_ts": self.due_ts,
            "compound_id": self.compound_id,
            "grid_id": self.grid_id,
            "assignee": self.assignee,
            "escalated_ts": self.escalated_ts,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Handoff:
        return cls(
            to=Party(raw["to"]),
            since_ts=int(raw["since_ts"]),
            by=str(raw.get("by", "")),
            due_ts=None if raw.get("due_ts") is None else int(raw["due_ts"]),
            compound_id=str(raw.get("compound_id") or ""),
            grid_id=str(raw.get("grid_id") or ""),
            assignee=str(raw.get("assignee") or ""),
            escalated_ts=None if raw.get("escalated_ts") is None else int(raw["escalated_ts"]),
            note=str(raw.get("note", "")),
        )


def parse_party(text: str) -> Party:
    """A party by code (`property`, `110`) or label (`物业`)."""
    value = text.strip()
    for party, label in PARTY_LABELS.items():
        if value in (party.value, label):
            return party
    known = ", ".join(f"{p.value} ({label})" for p, label in PARTY_LABELS.items())
    raise HandoffError(f"unknown party {value!r}; one of {known}")


def current(data: dict[str, Any]) -> Handoff | None:
    """The alert's current hand-off (from its `data`), or None when the desk has it as raised."""
    raw = data.get(HANDOFF_KEY)
    return Handoff.from_json(raw) if isinstance(raw, dict) else None


def hand(
    alert: Any,
    to: Party,
    actor: str,
    ts: int,
    *,
    within_s: float | None = None,
    compound_id: str = "",
    grid_id: str = "",
    assignee: str = "",
    note: str = "",
) -> Handoff:
    """Give `alert` (a `domain.alerts.Alert`, typed loosely to keep this a leaf) to `to` from `ts` on.

    Property and grid hold against `within_s` (required for them); the compound is the alert's own unless
    given. The move is logged in `data["handoff_log"]`; the alert's lifecycle state is not touched."""
    if not alert.state.is_open:
        raise HandoffError(f"alert {alert.id} is {alert.state}: only an open alert can be handed on")
    data: dict[str, Any] = alert.data
    compound = compound_id or str(data.get("compound_id") or "")
    due: int | None = None
    if to in TIMED:
        if within_s is None or within_s <= 0:
            raise HandoffError(f"a hand-off to {to.value} needs a time limit")
        if to is Party.PROPERTY and not compound:
            raise HandoffError(f"alert {alert.id} is in no compound: whose property staff should take it?")
        if to is Party.GRID and not grid_id:
            raise HandoffError(f"alert {alert.id} is in no grid: whose grid worker should take it?")
        due = ts + round(within_s * 1000)
    h = Handoff(to, ts, actor, due, compound, grid_id, assignee, None, note)
    data[HANDOFF_KEY] = h.to_json()
    data.setdefault(HANDOFF_LOG_KEY, []).append({"to": to.value, "ts": ts, "by": actor, "note": note})
    return h


def overdue(alert: Any, now_ts: int) -> Handoff | None:
    """The hand-off when its time limit has passed with the alert still unhandled (open or only signed
    for) and not yet escalated; else None. Resolved, closed or dismissed counts as handled."""
    h = current(alert.data)
    if h is None or h.to not in TIMED or h.due_ts is None or h.escalated_ts is not None:
        return None
    if alert.state.value not in ("open", "acknowledged"):
        return None
    return h if now_ts >= h.due_ts else None


def escalate(alert: Any, now_ts: int, actor: str) -> Handoff:
    """Take an overdue hand-off back to the police desk; the old holder stays in the log."""
    before = current(alert.data)
    if before is None:
        raise HandoffError(f"alert {alert.id} was not handed on")
    h = Handoff(
        Party.POLICE, now_ts, actor, None, before.compound_id, before.grid_id, "", now_ts,
        f"{PARTY_LABELS[before.to]}超时未处置",
    )  # fmt: skip
    alert.data[HANDOFF_KEY] = h.to_json()
    alert.data.setdefault(HANDOFF_LOG_KEY, []).append(
        {
            "to": Party.POLICE.value,
            "ts": now_ts,
            "by": actor,
            "note": h.note,
            "from": before.to.value,
        }
    )
    return h
