"""The station's figures (治理成效, issue 21): population, incidents against a baseline period, compounds
without a case, and pass counts by day, week, month or year.

Qt-free and store-agnostic: the inputs are the district, alerts and events, so the CLI, the dashboard and a
monthly report compute alike. Periods are local calendar periods in the district's time zone (a week starts on
Monday, as Chinese reports count).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sandbox_app.analytics.city import CityView
from sandbox_app.analytics.stats import zone
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import PersonTag, Relation
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.domain.reals import organisations, rental_register

COUNTED_KINDS = ("plate.read", "face.pass", "rfid.read", "throw.detected")
"""Plates, faces, e-bike tags and throwing events; visitors are the face passes at visitor terminals."""
VISITOR_KIND = "visitor_terminal"
ROAD_OCCUPATION = "road_occupation"
"""Road and fire-lane occupations (占道) counted with the passes: the alerts of `OCCUPATION_RULES`, a vehicle
left standing where none may stand as the rule judged it, not every parked car the cameras saw."""
OCCUPATION_RULES = frozenset({"fire_lane"})
QUARTER_HOUR_MS = 900_000
"""Every zone offset is a whole number of quarter hours, so a quarter hour never straddles local midnight."""


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


def period_start(ts: int, period: Period, timezone: str) -> int:
    """Epoch ms of the local start of the day, week (Monday), month or year holding `ts`."""
    local = datetime.fromtimestamp(ts / 1000, zone(timezone))
    day = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if period is Period.WEEK:
        day = day - timedelta(days=day.weekday())  # zoneinfo: the offset follows the new wall time
    elif period is Period.MONTH:
        day = day.replace(day=1)
    elif period is Period.YEAR:
        day = day.replace(month=1, day=1)
    return int(day.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class PopulationFigures:
    registered: int
    floating: int
    """Tagged floating, or registered as tenants (流动人口)."""
    elderly_alone: int
    minors: int
    key_persons: int
    rental_rooms: int
    group_rentals: int
    organisations: dict[str, int]
    """实有单位 by type."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def population_figures(district: District) -> PopulationFigures:
    people = list(district.people.values())
    rentals = rental_register(district)
    return PopulationFigures(
        registered=len(people),
        floating=sum(PersonTag.FLOATING in p.tags or p.relation is Relation.TENANT for p in people),
        elderly_alone=sum(PersonTag.ELDERLY_ALONE in p.tags for p in people),
        minors=sum(PersonTag.MINOR in p.tags for p in people),
        key_persons=sum(PersonTag.KEY_PERSON in p.tags for p in people),
        rental_rooms=len(rentals),
        group_rentals=sum(r.group_rental for r in rentals),
        organisations=dict(sorted(Counter(o.type.value for o in organisations(district).values()).items())),
    )


@dataclass(frozen=True, slots=True)
class TrendRow:
    rule: str
    count: int
    baseline: int
    change: float | None
    """(count − baseline) / baseline; None when the baseline had none."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _in(alert: Alert, start: int, end: int) -> bool:
    return start <= alert.first_ts < end


def incident_trend(
    alerts: Iterable[Alert], period: tuple[int, int], baseline: tuple[int, int]
) -> list[TrendRow]:
    """Alerts raised per rule in [start, end) against the baseline period, most first."""
    now: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for a in alerts:
        if _in(a, *period):
            now[a.rule] += 1
        if _in(a, *baseline):
            before[a.rule] += 1
    rows = [
        TrendRow(
            rule, now[rule], before[rule], (now[rule] - before[rule]) / before[rule] if before[rule] else None
        )
        for rule in set(now) | set(before)
    ]
    return sorted(rows, key=lambda r: (-r.count, -r.baseline, r.rule))


def quiet_compounds(district: District, alerts: Iterable[Alert], period: tuple[int, int]) -> list[str]:
    """Compound ids with no alert raised in the period (零发案小区)."""
    view = CityView(district)
    hit = {view.compound_of(a) for a in alerts if _in(a, *period)}
    return sorted(cid for cid in district.compounds if cid not in hit)


def pass_counts(
    district: District, events: Iterable[Event], period: Period, alerts: Iterable[Alert] = ()
) -> dict[str, dict[int, int]]:
    """Per counted kind (and `visitor` for visitor-terminal face passes, `road_occupation` for the
    occupation alerts among `alerts`): local period start → count."""
    visitors = {d.id for d in district.devices.values() if d.kind == VISITOR_KIND}
    out: dict[str, Counter[int]] = {k: Counter() for k in (*COUNTED_KINDS, "visitor")}
    out[ROAD_OCCUPATION] = Counter(occupation_counts(district, alerts, period))
    starts: dict[int, int] = {}
    for e in events:
        if e.kind not in out:
            continue
        slot = e.ts - e.ts % QUARTER_HOUR_MS  # one conversion per quarter hour seen, not per event
        start = starts.get(slot)
        if start is None:
            start = starts[slot] = period_start(slot, period, district.timezone)
        out[e.kind][start] += 1
        if e.kind == "face.pass" and e.device in visitors:
            out["visitor"][start] += 1
    return {k: dict(sorted(v.items())) for k, v in out.items()}


def occupation_counts(
    district: District, alerts: Iterable[Alert], period: Period, start_ts: int = 0, end_ts: int | None = None
) -> dict[int, int]:
    """Road occupations (`ROAD_OCCUPATION`) raised in [start_ts, end_ts): local period start → count."""
    out: Counter[int] = Counter()
    for a in alerts:
        if a.rule in OCCUPATION_RULES and start_ts <= a.first_ts and (end_ts is None or a.first_ts < end_ts):
            out[period_start(a.first_ts, period, district.timezone)] += 1
    return dict(sorted(out.items()))
