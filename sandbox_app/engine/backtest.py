"""Backtest: how many alerts would these rules have raised on stored history, per rule and per local day?

A station changes a threshold in `rules.toml` and wants to know, before going live, whether it buries the duty
desk. Stored events are fed in time order through *fresh* rule objects by the engine's own loop
(rules/runner.py: flags judged afresh, ticks at each minute boundary of event time, quarantined events
skipped) and the signals go into a private alert book with the live dedupe:
one alert per (rule, subject) while it is open. Nobody acknowledges or closes anything in a backtest, so an
alert stays open to the end of the range unless `close_after_ms` says how long the desk usually takes to close
one.

Before the range, the engine's own warm-up is replayed (`pipeline.warm_up_spans`: the last 24 h for every
rule, and for rules that learn, their own kinds as far back as they remember), findings not counted but kept
in the book as the live desk would have them open; so a one-day backtest of a day the engine ran live counts
what the engine raised that day (issue 24), and the report says what it read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sandbox_app.domain.events import Event
from sandbox_app.engine.intake import QUARANTINED
from sandbox_app.engine.pipeline import DEFAULT_WARMUP_MS, warm_up_spans
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
    warmup_ms: int = 0
    """The warm-up window every rule was given before `from_ts` (0: none)."""
    warmup_from_ts: int | None = None
    """The earliest time the warm-up read (earlier than `from_ts - warmup_ms` for rules that learn)."""
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
            "warmup_ms": self.warmup_ms,
            "warmup_from_ts": self.warmup_from_ts,
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
    warmup_ms: int = DEFAULT_WARMUP_MS,
    close_after_ms: int | None = None,
) -> BacktestReport:
    """Replay stored events in [from_ts, to_ts] through `rules` (fresh objects from `load_rules`).

    The engine's warm-up before `from_ts` is fed first (`warmup_ms` for every rule, the engine's 24 h by
    default, plus each learning rule's own kinds over its `history_ms`; 0 for none), its findings not
    counted but held open in the book, so rules that learn (routines, multi-day tenants, stays) start
    informed and an alert already open is not counted again. Days are local to `timezone`, by default the
    stored district's.
    """
    if to_ts < from_ts:
        raise ValueError(f"backtest range is empty: from {from_ts} is after to {to_ts}")
    if timezone is None:
        district = store.load_district()
        timezone = district.timezone if district is not None else "UTC"
    report = BacktestReport(from_ts, to_ts, timezone, warmup_ms=max(0, warmup_ms),
                            rules={r.name: Tally() for r in rules})  # fmt: skip
    days = LocalDays(timezone)
    book = _Book(close_after_ms)
    live = False

    def emit(signal: Signal) -> None:
        new = book.apply(signal)
        if live:
            report.add(signal, LocalDays.iso(days.day(signal.ts)), new)

    def counted(events: Iterator[Event]) -> Iterator[Event]:
        for event in events:
            report.events += 1
            report.flagged += FLAGGED in event.data
            yield event

    runner = RuleRunner(rules, emit, skip_key=QUARANTINED)
    if warmup_ms > 0:
        spans = warm_up_spans(rules, warmup_ms, from_ts - 1)
        report.warmup_from_ts = spans[0][0]
        for start, end, kinds in spans:
            runner.run(runner.rejudged(store.events_between(start, end, kinds)), 0)
    live = True
    runner.run(counted(runner.rejudged(store.events_between(from_ts, to_ts))), 0)
    runner.tick(to_ts)
    return report


def _local(ts: int, tz: str) -> str:
    return datetime.fromtimestamp(ts / 1000, ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def _warmup_line(report: BacktestReport) -> str:
    if report.warmup_ms <= 0 or report.warmup_from_ts is None:
        return "Warm-up: none (rules start with no memory of earlier events)"
    hours = report.warmup_ms / 3_600_000
    line = f"Warm-up: {hours:g} h before the range for every rule, as the engine's"
    if report.warmup_from_ts < report.from_ts - report.warmup_ms:
        line += f"; learning rules' own events from {_local(report.warmup_from_ts, report.timezone)}"
    return line + " (findings not counted)"


def format_report(report: BacktestReport) -> str:
    """Plain-text tables: totals per rule, then each local day's findings (quiet days left out)."""
    width = max([len("total"), *map(len, report.rules)])
    lines = [
        f"Backtest {_local(report.from_ts, report.timezone)} → {_local(report.to_ts, report.timezone)} "
        f"({report.timezone}): {report.events:,} events, {report.flagged:,} flagged",
        _warmup_line(report),
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
