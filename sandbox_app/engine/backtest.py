"""Backtest: how many alerts would these rules have raised on stored history, per rule and per local day?

A station changes a threshold in `rules.toml` and wants to know, before going live, whether it buries the duty
desk. Stored events are fed in time order through *fresh* rule objects by the engine's own loop
(rules/runner.py: flags judged afresh, ticks at each minute boundary of event time, quarantined events
skipped) and the signals go into a private alert book with the live dedupe:
one alert per (rule, subject) while it is open. Nobody acknowledges or closes anything in a backtest, so an
alert stays open to the end of the range unless `close_after_ms` says how long the desk usually takes to close
one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sandbox_app.domain.events import Event
from sandbox_app.engine.intake import QUARANTINED
from sandbox_app.rules._where import LocalDays
from sandbox_app.rules.base import Rule, Signal
from sandbox_app.rules.runner import FLAGGED, RuleRunner
from sandbox_app.store.base import Store


@dataclass(slots=True)
class Tally:
    alerts: int = 0
    """New alerts (a signal for a (rule, subject) with no open alert)."""
    signals: int = 0
    """Every finding, repeats included."""

    def to_json(self) -> dict[str, int]:
        return {"alerts": self.alerts, "signals": self.signals}


@dataclass(slots=True)
class BacktestReport:
    from_ts: int
    to_ts: int
    timezone: str
    events: int = 0
    flagged: int = 0
    rules: dict[str, Tally] = field(default_factory=dict)
    """Every rule of the run, even those that stayed quiet."""
    days: dict[str, dict[str, Tally]] = field(default_factory=dict)
    """Local day (YYYY-MM-DD) → rule → tally; only days and rules with findings."""

    def add(self, signal: Signal, day: str, new: bool) -> None:
        per_day = self.days.setdefault(day, {})
        for tally in (self.rules.setdefault(signal.rule, Tally()), per_day.setdefault(signal.rule, Tally())):
            tally.signals += 1
            tally.alerts += int(new)

    def to_json(self) -> dict[str, Any]:
        return {
            "from_ts": self.from_ts,
            "to_ts": self.to_ts,
            "timezone": self.timezone,
            "events": self.events,
            "flagged": self.flagged,
            "rules": {name: t.to_json() for name, t in sorted(self.rules.items())},
            "days": {
                day: {name: t.to_json() for name, t in sorted(rules.items())}
                for day, rules in sorted(self.days.items())
            },
        }


class _Book:
    """The live dedupe, minus people: (rule, subject) → last signal ts of its open alert."""

    def __init__(self, close_after_ms: int | None) -> None:
        self.close_after_ms = close_after_ms
        self._open: dict[tuple[str, str], int] = {}

    def apply(self, signal: Signal) -> bool:
        """True when this signal raises a new alert."""
        key = (signal.rule, signal.subject)
        last = self._open.get(key)
        self._open[key] = signal.ts if last is None else max(last, signal.ts)
        if last is None:
            return True
        if self.close_after_ms is not None and signal.ts - last > self.close_after_ms:
            self._open[key] = signal.ts
            return True
        return False


def backtest(
    store: Store,
    rules: Sequence[Rule],
    from_ts: int,
    to_ts: int,
    *,
    timezone: str | None = None,
    warmup_ms: int = 0,
    close_after_ms: int | None = None,
) -> BacktestReport:
    """Replay stored events in [from_ts, to_ts] through `rules` (fresh objects from `load_rules`).

    `warmup_ms` of earlier history is fed first with its findings dropped, so rules that learn (routines,
    multi-day tenants, stays) start informed, like the engine's warm-up after a restart. Days are local to
    `timezone`, by default the stored district's.
    """
    if to_ts < from_ts:
        raise ValueError(f"backtest range is empty: from {from_ts} is after to {to_ts}")
    if timezone is None:
        district = store.load_district()
        timezone = district.timezone if district is not None else "UTC"
    report = BacktestReport(from_ts, to_ts, timezone, rules={r.name: Tally() for r in rules})
    days = LocalDays(timezone)
    book = _Book(close_after_ms)
    live = False

    def emit(signal: Signal) -> None:
        if live:
            report.add(signal, LocalDays.iso(days.day(signal.ts)), book.apply(signal))

    def counted(events: Iterator[Event]) -> Iterator[Event]:
        for event in events:
            report.events += 1
            report.flagged += FLAGGED in event.data
            yield event

    runner = RuleRunner(rules, emit, skip_key=QUARANTINED)
    if warmup_ms > 0:
        runner.run(runner.rejudged(store.events_between(max(0, from_ts - warmup_ms), from_ts - 1)), 0)
    live = True
    runner.run(counted(runner.rejudged(store.events_between(from_ts, to_ts))), 0)
    runner.tick(to_ts)
    return report


def _local(ts: int, tz: str) -> str:
    return datetime.fromtimestamp(ts / 1000, ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def format_report(report: BacktestReport) -> str:
    """Plain-text tables: totals per rule, then each local day's findings (quiet days left out)."""
    width = max([len("total"), *map(len, report.rules)])
    lines = [
        f"Backtest {_local(report.from_ts, report.timezone)} → {_local(report.to_ts, report.timezone)} "
        f"({report.timezone}): {report.events:,} events, {report.flagged:,} flagged",
        "",
        f"{'rule':<{width}}  {'alerts':>7}  {'signals':>8}",
    ]
    for name, t in sorted(report.rules.items()):
        lines.append(f"{name:<{width}}  {t.alerts:>7,}  {t.signals:>8,}")
    total_alerts = sum(t.alerts for t in report.rules.values())
    total_signals = sum(t.signals for t in report.rules.values())
    lines.append(f"{'total':<{width}}  {total_alerts:>7,}  {total_signals:>8,}")
    lines += ["", f"{'day':<10}  {'rule':<{width}}  {'alerts':>7}  {'signals':>8}"]
    for day, rules in sorted(report.days.items()):
        for name, t in sorted(rules.items()):
            lines.append(f"{day:<10}  {name:<{width}}  {t.alerts:>7,}  {t.signals:>8,}")
    if not report.days:
        lines.append("(no findings)")
    return "\n".join(lines)
