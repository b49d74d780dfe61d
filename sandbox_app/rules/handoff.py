"""`handoff_overdue`: non-police alerts go first to the compound's property staff; unhandled, to the desk.

This family watches alerts rather than events. The engine binds it to its alert book (`bind`); at every
clock tick it (1) gives each newly raised alert of a property rule (a stranger, a tailgater, a fall, a water
leak, a throw, a blocked fire lane, renovation after hours) to its compound's property staff with the time
limit, and (2) takes back every hand-off whose limit passed while the alert was still open or only signed
for, raising this rule's escalation on it for the police desk. Unbound (a backtest) it does nothing.
See `domain/handoff.py` for where the hand-off is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from sandbox_app.domain.enums import GuardRole, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.grids import GridLocator, grids_of
from sandbox_app.domain.handoff import HANDOFF_KEY, OVERDUE_RULE, Party, escalate, hand, overdue
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params
from sandbox_app.rules.base import Signal, register

ENGINE_ACTOR = "engine"
PROPERTY_RULES = (
    "face_stranger",
    "tailgating",
    "fall_detected",
    "water_alarm",
    "throw_detected",
    "fire_lane",
    "renovation_hours",
    "loitering",
)
"""The alerts the property staff take first (the seeds' non-police events)."""
GRID_RULES = ("elderly_routine", "unreported_tenant", "unregistered_opener")
"""The alerts the grid worker takes first: what the grid's own household visits settle."""

_NONE: tuple[Signal, ...] = ()


class AlertsLike(Protocol):
    """What the rule needs of the engine's alert book."""

    def open_alerts(self) -> list[Any]: ...

    def changed(self, alert: Any) -> None: ...


@register(OVERDUE_RULE)
class HandoffOverdue:
    """Route property alerts to property staff, and escalate hand-offs left unhandled past their limit."""

    name = OVERDUE_RULE
    kinds: frozenset[str] = frozenset()

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.property_rules = frozenset(p.strings("property_rules", PROPERTY_RULES))
        self.property_minutes = p.number("property_minutes", 10.0)
        self.grid_rules = frozenset(p.strings("grid_rules", GRID_RULES))
        self.grid_minutes = p.number("grid_minutes", 30.0)
        self.severity = p.severity(Severity.HIGH)
        p.done()
        self._contacts = _property_contacts(district)
        self._grids = GridLocator(grids_of(district))
        self._alerts: AlertsLike | None = None

    def bind(self, alerts: AlertsLike) -> None:
        """Watch this alert book (the engine calls it once with its own)."""
        self._alerts = alerts

    def on_event(self, event: Event) -> Iterable[Signal]:
        return _NONE

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        if self._alerts is None:
            return _NONE
        signals: list[Signal] = []
        for alert in self._alerts.open_alerts():
            if alert.rule == self.name:
                continue
            if HANDOFF_KEY not in alert.data and alert.rule in self.grid_rules:
                grid = self._grids.at(alert.lon, alert.lat)
                if grid is not None:
                    hand(
                        alert, Party.GRID, ENGINE_ACTOR, alert.first_ts, within_s=self.grid_minutes * 60.0,
                        grid_id=grid.id, assignee=grid.worker,
                    )  # fmt: skip
                    self._alerts.changed(alert)
            if HANDOFF_KEY not in alert.data and alert.rule in self.property_rules:
                compound = str(alert.data.get("compound_id") or "")
                if compound:
                    hand(
                        alert, Party.PROPERTY, ENGINE_ACTOR, alert.first_ts,
                        within_s=self.property_minutes * 60.0, compound_id=compound,
                        assignee=self._contacts.get(compound, ""),
                    )  # fmt: skip
                    self._alerts.changed(alert)
            held = overdue(alert, now_ts)
            if held is None:
                continue
            escalate(alert, now_ts, ENGINE_ACTOR)
            self._alerts.changed(alert)
            signals.append(
                Signal(
                    rule=self.name,
                    subject=alert.id,
                    subject_type="alert",
                    severity=self.severity,
                    ts=now_ts,
                    lon=alert.lon,
                    lat=alert.lat,
                    data={
                        "alert_id": alert.id,
                        "alert_rule": alert.rule,
                        "held_by": held.to.value,
                        "since_ts": held.since_ts,
                        "due_ts": held.due_ts,
                        "compound_id": held.compound_id,
                        "grid_id": held.grid_id,
                    },
                )
            )
        return signals


def _property_contacts(district: District) -> dict[str, str]:
    """Compound id → its first property-staff guard (role `property` with `extra.compound_id`)."""
    out: dict[str, str] = {}
    for g in sorted(district.guards.values(), key=lambda g: g.id):
        compound = str(g.extra.get("compound_id") or "")
        if g.role is GuardRole.PROPERTY and compound:
            out.setdefault(compound, g.id)
    return out
