"""The station's figures (治理成效) rolled up by street (街道) and county (区县) on the city store (issue 21).

A city store holds one district whose compounds name their county, street and community (`city.hierarchy_of`).
The figures of a street are the station's figures (`summary.summary_of`, the one computation the desk, the
wall and the monthly workbook use) of that street's part of the district, fed with that part's share of the
store's rows: the alerts placed in its compounds (as the county view places them, `CityView.compound_of`),
the dispatches of those alerts, the pass counts of its devices. A county is the sum of its streets: every
count is added, compounds without a case are gathered, and response-time medians are taken over all of the
county's dispatches (a median of medians would mean nothing). The store is read once for the whole city.

Every street of the district gets a row, passes or not (zeros, never a missing row). What no compound holds
(people without a room, trackers that move, alerts placed nowhere) is counted under `UNPLACED`, so the rows
add up to the whole store; an organisation spread over two streets counts once in each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sandbox_app.analytics.city import UNPLACED, CityView, hierarchy_of
from sandbox_app.analytics.figures import COUNTED_KINDS, Period, PopulationFigures, TrendRow, period_start
from sandbox_app.analytics.stats import Phase, ResponseTimes, response_times
from sandbox_app.analytics.summary import StationSummary, baseline_of, summary_of
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.model import District
from sandbox_app.rules._where import Locator
from sandbox_app.store.base import Store

STREET = "street"
COUNTY = "county"
LEVELS = (STREET, COUNTY)
"""The levels a roll-up reports, finest first (the workbook's sheets, `sandbox-app figures --by`)."""

Key = tuple[str, str]
"""(county, street) of a street; "" where the package does not say, `UNPLACED` for what no compound holds."""


@dataclass(frozen=True, slots=True)
class UnitFigures:
    """One street or county: the station's figures of everything in it."""

    level: str
    county: str
    street: str
    """"" on a county's row."""
    summary: StationSummary
    response_s: ResponseTimes
    """Every measured duration of the unit's dispatches in the period, so a county's medians are its own."""

    def to_json(self) -> dict[str, Any]:
        out = self.summary.to_json()
        for key in ("period", "from", "to", "baseline"):  # the roll-up's, the same for every unit
            out.pop(key)
        return {"level": self.level, "county": self.county, "street": self.street, **out}


@dataclass(frozen=True, slots=True)
class FiguresRollup:
    period: Period
    start_ts: int
    end_ts: int
    baseline: tuple[int, int]
    streets: tuple[UnitFigures, ...]
    """By county then street, `UNPLACED` last."""
    counties: tuple[UnitFigures, ...]

    def rows(self, level: str) -> tuple[UnitFigures, ...]:
        return self.streets if level == STREET else self.counties

    def to_json(self, levels: Sequence[str] = LEVELS) -> dict[str, Any]:
        out: dict[str, Any] = {
            "period": self.period.value,
            "from": self.start_ts,
            "to": self.end_ts,
            "baseline": {"from": self.baseline[0], "to": self.baseline[1]},
        }
        for level in levels:
            out[level] = [u.to_json() for u in self.rows(level)]
        return out


def names_streets(district: District) -> bool:
    """Whether any compound names its street or county (a city store): then the figures roll up by them."""
    return any(hierarchy_of(c)[:2] != ("", "") for c in district.compounds.values())


def rollup(store: Store, district: District, now_ts: int, period: Period = Period.MONTH) -> FiguresRollup:
    """The figures of the period holding `now_ts` per street and county (run where the store lives)."""
    start = period_start(now_ts, period, district.timezone)
    counts = store.kind_counts(start, now_ts + 1, COUNTED_KINDS)
    return rollup_of(district, store.alerts(), store.dispatches(), counts, now_ts, period)


def rollup_of(
    district: District,
    alerts: Sequence[Alert],
    dispatches: Iterable[Dispatch],
    counts: Mapping[tuple[str, str], int],
    now_ts: int,
    period: Period = Period.MONTH,
) -> FiguresRollup:
    """`rollup` from what the store gave (as `summary_of`): each street's share to `summary_of`."""
    parts, device_key = street_parts(district)
    view = CityView(district)
    start = period_start(now_ts, period, district.timezone)
    since = min(start, baseline_of(start, now_ts + 1, period, district.timezone)[0])
    alerts = [a for a in alerts if since <= a.first_ts <= now_ts]  # no other alert counts anywhere
    street_of = {cid: (path[0], path[1]) for cid, path in view.paths.items()}
    unplaced: Key = (UNPLACED, UNPLACED)
    alerts_of: dict[Key, list[Alert]] = {}
    placed: dict[str, Key] = {}
    for a in alerts:
        where = view.compound_of(a)
        key = street_of[where] if where is not None else unplaced
        placed[a.id] = key
        alerts_of.setdefault(key, []).append(a)
    dispatches_of: dict[Key, list[Dispatch]] = {}
    for d in dispatches:
        dispatches_of.setdefault(placed.get(d.alert_id or "", unplaced), []).append(d)
    counts_of: dict[Key, dict[tuple[str, str], int]] = {}
    for (kind, device), n in counts.items():
        counts_of.setdefault(device_key.get(device, unplaced), {})[(kind, device)] = n
    keys = {k for k in parts if k != unplaced}
    rest = parts.get(unplaced)
    if (rest is not None and (rest.people or rest.rooms or rest.buildings)) or any(
        unplaced in rows for rows in (alerts_of, dispatches_of, counts_of)
    ):
        keys.add(unplaced)  # shown only when something is counted there (trackers alone are not)
    streets = []
    for key in sorted(keys, key=_order):
        part = parts.get(key) or District(district.name, district.timezone)
        mine = dispatches_of.get(key, [])
        s = summary_of(part, alerts_of.get(key, []), mine, counts_of.get(key, {}), now_ts, period)
        times = response_times(d for d in mine if start <= d.issued_ts < s.end_ts)
        streets.append(UnitFigures(STREET, key[0], key[1], s, times))
    by_county: dict[str, list[UnitFigures]] = {}
    for unit in streets:
        by_county.setdefault(unit.county, []).append(unit)
    counties = tuple(combine(COUNTY, county, "", units) for county, units in by_county.items())
    first = streets[0].summary if streets else summary_of(district, [], [], {}, now_ts, period)
    return FiguresRollup(period, first.start_ts, first.end_ts, first.baseline, tuple(streets), counties)


def street_parts(district: District) -> tuple[dict[Key, District], dict[str, Key]]:
    """Each street's part of the district (its compounds, their buildings, rooms, residents, gates and the
    devices placed in them) and each device's street. People without a room and devices placed in no
    compound form the `UNPLACED` part (present only when there are some)."""
    where = Locator(district)
    street_of: dict[str, Key] = {}
    parts: dict[Key, District] = {}
    for cid, compound in district.compounds.items():
        county, street, _community = hierarchy_of(compound)
        key = (county, street)
        street_of[cid] = key
        parts.setdefault(key, District(district.name, district.timezone)).compounds[cid] = compound
    unplaced: Key = (UNPLACED, UNPLACED)

    def part(key: Key) -> District:
        return parts.setdefault(key, District(district.name, district.timezone))

    building_key: dict[str, Key] = {}
    for bid, b in district.buildings.items():
        building_key[bid] = street_of.get(b.compound_id, unplaced)
        part(building_key[bid]).buildings[bid] = b
    room_key: dict[str, Key] = {}
    for rid, room in district.rooms.items():
        room_key[rid] = building_key.get(room.building_id, unplaced)
        part(room_key[rid]).rooms[rid] = room
    for pid, person in district.people.items():
        part(room_key.get(person.room_id or "", unplaced)).people[pid] = person
    for gid, gate in district.gates.items():
        part(street_of.get(gate.compound_id or "", unplaced)).gates[gid] = gate
    device_key: dict[str, Key] = {}
    for did, device in district.devices.items():
        device_key[did] = street_of.get(where.device(did).compound_id or "", unplaced)
        part(device_key[did]).devices[did] = device
    return parts, device_key


def combine(level: str, county: str, street: str, units: Sequence[UnitFigures]) -> UnitFigures:
    """The sum of some units' figures (a county from its streets): counts added, quiet compounds gathered,
    response medians over every duration of them all. The units must share one period."""
    if not units:
        raise ValueError("nothing to combine")
    s0 = units[0].summary
    seconds = {p: tuple(v for u in units for v in u.response_s.seconds.get(p, ())) for p in Phase}
    times = ResponseTimes(seconds)
    trend_now: Counter[str] = Counter()
    trend_before: Counter[str] = Counter()
    for u in units:
        for r in u.summary.trend:
            trend_now[r.rule] += r.count
            trend_before[r.rule] += r.baseline
    trend = sorted(
        (
            TrendRow(rule, trend_now[rule], trend_before[rule], _change(trend_now[rule], trend_before[rule]))
            for rule in set(trend_now) | set(trend_before)
        ),
        key=lambda r: (-r.count, -r.baseline, r.rule),
    )
    summary = StationSummary(
        s0.period,
        s0.start_ts,
        s0.end_ts,
        s0.baseline,
        add_population([u.summary.population for u in units]),
        tuple(trend),
        sum(u.summary.alerts for u in units),
        sum(u.summary.baseline_alerts for u in units),
        tuple(sorted(c for u in units for c in u.summary.quiet)),
        sum(u.summary.compounds for u in units),
        _add_counts(u.summary.outcomes for u in units),
        {p.value: times.median(p) for p in Phase},
        _add_counts(u.summary.passes for u in units),
    )
    return UnitFigures(level, county, street, summary, times)


def add_population(figures: Sequence[PopulationFigures]) -> PopulationFigures:
    """Field by field; organisations by type."""
    values: dict[str, Any] = {}
    for f in fields(PopulationFigures):
        if f.name == "organisations":
            values[f.name] = dict(sorted(_add_counts(p.organisations for p in figures).items()))
        else:
            values[f.name] = sum(getattr(p, f.name) for p in figures)
    return PopulationFigures(**values)


def _add_counts(parts: Iterable[Mapping[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for counts in parts:
        for key, n in counts.items():
            out[key] = out.get(key, 0) + n
    return out


def _change(count: int, baseline: int) -> float | None:
    return (count - baseline) / baseline if baseline else None


def _order(key: Key) -> tuple[bool, str, bool, str]:
    """Counties and streets by name, the unplaced last."""
    return (key[0] == UNPLACED, key[0], key[1] == UNPLACED, key[1])
