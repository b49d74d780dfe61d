"""What a rule is, and the registry that finds rule families by name.

A rule is a small stateful object built from the district and its section of the station's TOML config. The
engine feeds it the events of the kinds it asks for, in time order, and calls `on_time` as the engine clock
moves so "absence" rules (no door activity for 12 h, device silent) can fire without an event. A rule only
returns `Signal`s; the engine's alert book turns them into one alert per (rule, subject) while it is open.
Because rules see only (event, now, district), the same objects run live, in replay and in backtests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District

RuleConfig = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Signal:
    """A rule's finding: raise the alert for (rule, subject), or count a repeat if it is already open."""

    rule: str
    subject: str
    subject_type: str
    severity: Severity
    ts: int
    lon: float | None = None
    lat: float | None = None
    data: dict[str, Any] = field(default_factory=dict)


class Rule(Protocol):
    """A rule family's object. Optional capabilities, declared by the rule (rules/runner.py reads them):
    `Flagger`, `Observer`, `Liveness` below, and a class attribute `sees_flagged = True` for a rule that
    must see flagged events too (a tracker whose fixes are all flagged is not offline)."""

    name: str
    kinds: frozenset[str]
    """Event kinds this rule wants; the engine routes only those to `on_event`."""

    def on_event(self, event: Event) -> Iterable[Signal]: ...

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        """Called whenever the engine clock advances; return signals whose deadline has passed."""
        ...


@runtime_checkable
class Flagger(Protocol):
    """Optional extra a rule may implement: veto an event as implausible before it is stored.

    A flagged event is still stored (the log is complete) with `data["flagged"]` set to the reason, but it
    never becomes current state, e.g. a GPS fix implying 200 km/h is not drawn as the guard's position.
    """

    def flag(self, event: Event) -> str | None: ...


@runtime_checkable
class Observer(Protocol):
    """Optional extra for a rule whose `on_event` never returns signals (it only keeps state for `on_time`):
    the engine hands it each run of evaluated events between two clock ticks in one call, in ts order and of
    every kind (it ignores those it does not want). Equivalent to `on_event` on each, which backtests use."""

    def observe(self, events: Iterable[Event]) -> None: ...


@runtime_checkable
class Liveness(Protocol):
    """Optional extra for a rule that watches bridges as well as devices: the engine calls it whenever a
    bridge is connected or has delivered a batch (and at each minute tick while it stays connected), so a
    bridge that goes silent can be alerted on like a silent device."""

    def bridge_heard(self, name: str, ts: int) -> None: ...


RuleFactory = Callable[[District, RuleConfig], Rule]

RULE_FAMILIES: dict[str, RuleFactory] = {}
"""Every rule family by the `rule` name it reports; filled by `register` as rule modules are imported."""


def register(name: str) -> Callable[[RuleFactory], RuleFactory]:
    """Class or function decorator: make a rule family available to the TOML config under `name`."""

    def wrap(factory: RuleFactory) -> RuleFactory:
        if name in RULE_FAMILIES:
            raise ValueError(f"rule family {name!r} registered twice")
        RULE_FAMILIES[name] = factory
        return factory

    return wrap
