"""The station's figures for one period at a glance (治理成效, issue 21): what the desk's figures tab and
the monthly workbook show, computed once here.

The period runs from the local start of the day, week, month or year holding `now_ts` up to `now_ts`; the
baseline is the previous period of the same kind cut at the same point (this month's first 7 days against
last month's first 7 days), so a trend early in a month is not a fall by construction. Pass counts are
counted in the database (`Store.kind_counts`), never decoded row by row. Aggregates only: no person named.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox_app.analytics.figures import (
    COUNTED_KINDS,
    OCCUPATION_RULES,
    ROAD_OCCUPATION,
    VISITOR_KIND,
    Period,
    PopulationFigures,
    TrendRow,
    incident_trend,
    occupation_counts,
    period_start,
    population_figures,
    quiet_compounds,
)
from sandbox_app.analytics.stats import Phase, outcome_counts, response_times
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.model import District
from sandbox_app.store.base import Store

VISITOR = "visitor"
"""The pass count of face passes at visitor terminals (访客)."""


@dataclass(frozen=True, slots=True)
class StationSummary:
    period: Period
    start_ts: int
    end_ts: int
    baseline: tuple[int, int]
    population: PopulationFigures
    trend: tuple[TrendRow, ...]
    alerts: int
    baseline_alerts: int
    quiet: tuple[str, ...]
    """Compounds without an alert in the period (零发案小区)."""
    compounds: int
    outcomes: dict[str, int]
    response_median_s: dict[str, float | None]
    passes: dict[str, int]
    """plate.read, face.pass, rfid.read, throw.detected, `visitor` and `road_occupation` in the period."""

    @property
    def change(self) -> float | None:
        """All alerts against the baseline, None when the baseline had none."""
        if not self.baseline_alerts:
            return None
        return (self.alerts - self.baseline_alerts) / self.baseline_alerts

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period.value,
            "from": self.start_ts,
            "to": self.end_ts,
            "baseline": {"from": self.baseline[0], "to": self.baseline[1]},
            "population": self.population.to_json(),
            "alerts": self.alerts,
            "baseline_alerts": self.baseline_alerts,
            "trend": [r.to_json() for r in self.trend],
            "quiet_compounds": list(self.quiet),
            "compounds": self.compounds,
            "outcomes": self.outcomes,
            "response_median_s": self.response_median_s,
            "passes": self.passes,
        }


def stored_pass_counts(
    store: Store, district: District, start_ts: int, end_ts: int, period: Period
) -> dict[str, dict[int, int]]:
    """`figures.pass_counts` counted by the database: per counted kind and `visitor`, local period start →
    count, one grouped count per period (a month of a county's passes is never decoded row by row)."""
    visitors = {d.id for d in district.devices.values() if d.kind == VISITOR_KIND}
    out: dict[str, dict[int, int]] = {k: {} for k in (*COUNTED_KINDS, VISITOR)}
    out[ROAD_OCCUPATION] = occupation_counts(district, store.alerts(), period, start_ts, end_ts)
    slot = period_start(start_ts, period, district.timezone)
    while slot < end_ts:
        following = _next_start(slot, period, district.timezone)
        counts = store.kind_counts(max(slot, start_ts), min(following, end_ts), COUNTED_KINDS)
        for (kind, device), n in counts.items():
            out[kind][slot] = out[kind].get(slot, 0) + n
            if kind == "face.pass" and device in visitors:
                out[VISITOR][slot] = out[VISITOR].get(slot, 0) + n
        slot = following
    return out


def _next_start(slot: int, period: Period, timezone: str) -> int:
    """The start of the period after the one starting at `slot` (local calendar, DST-safe)."""
    step = {Period.DAY: 1, Period.WEEK: 7, Period.MONTH: 32, Period.YEAR: 366}[period]
    return period_start(slot + step * 86_400_000 + 2 * 3_600_000, period, timezone)


def baseline_of(start_ts: int, end_ts: int, period: Period, timezone: str) -> tuple[int, int]:
    """The previous period of the same kind, cut as far into it as `end_ts` is into this one."""
    prev_start = period_start(start_ts - 1, period, timezone)
    return prev_start, min(start_ts, prev_start + (end_ts - start_ts))


def summary(store: Store, district: District, now_ts: int, period: Period = Period.MONTH) -> StationSummary:
    """The period holding `now_ts` against its baseline (run where the store connection lives)."""
    start = period_start(now_ts, period, district.timezone)
    counts = store.kind_counts(start, now_ts + 1, COUNTED_KINDS)
    return summary_of(district, store.alerts(), store.dispatches(), counts, now_ts, period)


def summary_in(
    db: Path | str, district: District, now_ts: int, period: Period = Period.MONTH
) -> StationSummary:
    """`summary` on a connection of its own to the store at `db` (a SQLite file or a city's URL), closed
    again: what a reader off the UI thread needs (the desk's figures tab, the wall's trend)."""
    from sandbox_app.store import open_store

    store = open_store(db)
    try:
        return summary(store, district, now_ts, period)
    finally:
        store.close()


def summary_of(
    district: District,
    alerts: Sequence[Alert],
    dispatches: Iterable[Dispatch],
    counts: Mapping[tuple[str, str], int],
    now_ts: int,
    period: Period = Period.MONTH,
) -> StationSummary:
    """`summary` from what the store gave: its alerts and dispatches (any time; the period's are picked
    here) and `kind_counts` of the period. One computation for a station and for each street of a city
    store (`analytics.rollup`), which hands every street its own share of the rows."""
    start = period_start(now_ts, period, district.timezone)
    end = now_ts + 1
    base = baseline_of(start, end, period, district.timezone)
    in_period = [a for a in alerts if start <= a.first_ts < end]
    times = response_times(d for d in dispatches if start <= d.issued_ts < end)
    visitors = {d.id for d in district.devices.values() if d.kind == VISITOR_KIND}
    passes: Counter[str] = Counter()
    for (kind, device), n in counts.items():
        passes[kind] += n
        if kind == "face.pass" and device in visitors:
            passes[VISITOR] += n
    return StationSummary(
        period,
        start,
        end,
        base,
        population_figures(district),
        tuple(incident_trend(alerts, (start, end), base)),
        len(in_period),
        sum(1 for a in alerts if base[0] <= a.first_ts < base[1]),
        tuple(quiet_compounds(district, alerts, (start, end))),
        len(district.compounds),
        {k.value: v for k, v in outcome_counts(in_period).items()},
        {p.value: times.median(p) for p in Phase},
        {k: passes[k] for k in (*COUNTED_KINDS, VISITOR)}
        | {ROAD_OCCUPATION: sum(a.rule in OCCUPATION_RULES for a in in_period)},
    )
