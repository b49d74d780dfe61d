"""The one evaluation loop: flag, tick at minute boundaries of event time, route by kind.

The live engine (engine/pipeline.py), the backtest (engine/backtest.py) and the rule tests all drive rules
through this class, so a rule behaves the same live, in a backtest and under test. What a rule can do besides
`on_event`/`on_time` it declares itself (rules/base.py), never by its name:

- `Flagger` (`flag`): vetoes implausible events; a flagged event reaches only the flaggers of its kind and
  the rules that declare `sees_flagged = True`;
- `Observer` (`observe`): takes each run of events between two ticks in one call instead of `on_event`;
- `Liveness` (`bridge_heard`): watches bridges as well as devices; the engine tells it when one is heard.

`run` is the engine's per-event hot loop: locals only, one dict lookup per event, hooks called only for
flagged events (rare).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sandbox_app.domain.events import Event
from sandbox_app.rules.base import Flagger, Liveness, Observer, Rule, Signal

MS_PER_MINUTE = 60_000
FLAGGED = "flagged"
"""Key of `Event.data` holding the reason a flagger vetoed the event."""
FlagFn = Callable[[Event], "str | None"]
ObserveFn = Callable[[list[Event]], None]
EmitFn = Callable[[Signal], None]
_NOTHING: tuple[Rule, ...] = ()


def sees_flagged(rule: object) -> bool:
    """Whether a rule declared it must see flagged events too (see `rules.base.Rule.sees_flagged`)."""
    return getattr(rule, "sees_flagged", False) is True


class RuleRunner:
    """Routes events (in ts order) to their rules and the clock's minute ticks to every rule.

    `emit` receives every signal. Hooks for the engine: `skip_key` names an `Event.data` key (the intake's
    quarantine) whose events are neither flagged nor evaluated and never move the clock; `on_flagged` is
    called with each flagged event before it is evaluated (the engine counts conflicts there); `before_tick`
    runs at each tick before the rules' `on_time` (the engine hears its connected bridges there).
    """

    def __init__(
        self,
        rules: Iterable[Rule],
        emit: EmitFn,
        *,
        skip_key: str | None = None,
        on_flagged: Callable[[Event], None] | None = None,
        before_tick: Callable[[int], None] | None = None,
    ) -> None:
        self.rules = list(rules)
        self.emit = emit
        self.skip_key = skip_key
        self.on_flagged = on_flagged
        self.before_tick = before_tick
        self.routes: dict[str, list[Rule]] = {}
        self.flag_routes: dict[str, list[Rule]] = {}
        """Kinds that can be flagged → the rules that see a flagged event of that kind."""
        self.flaggers: dict[str, list[FlagFn]] = {}
        self.observers: list[ObserveFn] = []
        self.liveness: list[Liveness] = [r for r in self.rules if isinstance(r, Liveness)]
        for rule in self.rules:
            if isinstance(rule, Observer):
                self.observers.append(rule.observe)  # observers see every run, flagged events included
                continue
            flag = rule.flag if isinstance(rule, Flagger) else None
            for kind in rule.kinds:
                self.routes.setdefault(kind, []).append(rule)
                if flag is not None:
                    self.flaggers.setdefault(kind, []).append(flag)
        for kind in self.flaggers:
            routed = self.routes[kind]
            self.flag_routes[kind] = [r for r in routed if isinstance(r, Flagger) or sees_flagged(r)]
        self.next_tick = 0
        """Event time of the next minute tick."""

    # flagging -------------------------------------------------------------------------------------------
    def judge(self, event: Event) -> str | None:
        """The first flagger's reason to veto `event`, or None (later flaggers are not asked)."""
        for flag in self.flaggers.get(event.kind, ()):
            reason = flag(event)
            if reason:
                return reason
        return None

    def flag_all(self, events: list[Event]) -> list[Event]:
        """A batch with each implausible event replaced by a copy carrying `data["flagged"]` (the list is
        copied only when something is flagged); events carrying `skip_key` are left alone."""
        flaggers_of, skip = self.flaggers.get, self.skip_key
        out = events
        for i, event in enumerate(events):
            flaggers = flaggers_of(event.kind)
            if flaggers is None or (skip is not None and skip in event.data):
                continue
            for flag in flaggers:
                reason = flag(event)
                if reason:
                    if out is events:
                        out = list(events)
                    out[i] = _with_data(event, {**event.data, FLAGGED: reason})
                    break
        return out

    def remember(self, event: Event) -> None:
        """Show a stored event to its flaggers again, verdict ignored: rebuilds their memory (warm-up)."""
        for flag in self.flaggers.get(event.kind, ()):
            flag(event)

    def rejudged(self, events: Iterable[Event]) -> Iterator[Event]:
        """Stored events with their stored flag dropped and judged afresh, lazily, so each is flagged just
        before it is evaluated (a backtest's thresholds are not the ones that flagged it then)."""
        skip = self.skip_key
        for event in events:
            data = event.data
            if skip is not None and skip in data:
                yield event
                continue
            if FLAGGED in data:
                data = {k: v for k, v in data.items() if k != FLAGGED}
                event = _with_data(event, data)
            reason = self.judge(event)
            yield event if reason is None else _with_data(event, {**data, FLAGGED: reason})

    # evaluation -----------------------------------------------------------------------------------------
    def run(self, events: Iterable[Event], latest: int) -> int:
        """Evaluate `events` (ts order): `tick` first whenever event time crosses `next_tick`, observers
        take each run of events between ticks in one call. Returns the latest event time seen (at least
        `latest`), for the caller's clock: nothing in the loop reads a clock."""
        routes, flag_routes, emit = self.routes, self.flag_routes, self.emit
        skip, on_flagged = self.skip_key, self.on_flagged
        next_tick, nothing, flagged_key = self.next_tick, _NOTHING, FLAGGED
        run: list[Event] = []
        for event in events:
            flagged = flagged_key in event.data
            if flagged:
                if on_flagged is not None:
                    on_flagged(event)
                if skip is not None and skip in event.data:
                    continue
            ts = event.ts
            if ts >= next_tick:
                self._observe(run)
                run.clear()
                boundary = ts - ts % MS_PER_MINUTE
                self.tick(boundary)
                next_tick = self.next_tick = boundary + MS_PER_MINUTE
            if ts > latest:
                latest = ts
            run.append(event)
            for rule in (flag_routes if flagged else routes).get(event.kind, nothing):
                for signal in rule.on_event(event):
                    emit(signal)
        self._observe(run)
        return latest

    def tick(self, now_ts: int) -> None:
        """The clock reached `now_ts`: `before_tick`, then every rule's `on_time`."""
        if self.before_tick is not None:
            self.before_tick(now_ts)
        emit = self.emit
        for rule in self.rules:
            for signal in rule.on_time(now_ts):
                emit(signal)

    def bridge_heard(self, name: str, ts: int) -> None:
        """Tell the liveness rules that bridge `name` was heard at `ts` (never stored, never signals)."""
        for rule in self.liveness:
            rule.bridge_heard(name, ts)

    def _observe(self, run: list[Event]) -> None:
        if run:
            for observe in self.observers:
                observe(run)


def _with_data(event: Event, data: dict[str, Any]) -> Event:
    return Event(event.id, event.ts, event.device, event.kind, event.lon, event.lat, data)
