"""The county view: alerts, response times and risk rolled up county → street → community → compound.

A city command centre looks at hundreds of compounds at once; what it needs is which community is busy,
how fast the guards there answer, and where risk builds up, and then to drill into that community's
compounds. This module only aggregates (Qt-free, no I/O): feed it the alerts and dispatches of a window
(from the store) and it returns a tree of `UnitStats`, the numbers of each unit covering everything below it.

Each alert is placed in a compound the way the risk index places it (`RiskIndex.place`: the ids a rule
recorded, else its subject, else its point); a dispatch counts where its alert is. A unit's risk is the
risk formula applied to the summed scores of its alerts (so a community's risk reads like a compound's),
and `max_compound_risk` says whether one compound alone makes it hot.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sandbox_app.analytics.risk import RiskIndex, RiskParams
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.model import Compound, District

LEVELS = ("city", "county", "street", "community", "compound")
"""Depth 0..4 of the tree; `UnitStats.path` has one key per level below the city."""
UNPLACED = "?"
"""Key of the pseudo-unit for alerts that no compound of the district contains."""


def hierarchy_of(compound: Compound) -> tuple[str, str, str]:
    """(county, street, community) of a compound: its own fields, else the package's extra columns of the
    same names (packages imported before the fields existed), else "" (not assigned)."""

    def level(name: str, own: str) -> str:
        if own:
            return own
        value = compound.extra.get(name)
        return str(value) if value not in (None, "") else ""

    return (
        level("county", compound.county),
        level("street", compound.street),
        level("community", compound.community),
    )


@dataclass(slots=True)
class UnitStats:
    """One unit of the hierarchy and everything below it."""

    level: str
    path: tuple[str, ...]
    """Keys from the county down to this unit; () is the whole city."""
    name: str
    compounds: int = 0
    alerts: int = 0
    open_alerts: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_rule: dict[str, int] = field(default_factory=dict)
    dispatches: int = 0
    accept_s: list[float] = field(default_factory=list, repr=False)
    arrive_s: list[float] = field(default_factory=list, repr=False)
    risk_score: float = 0.0
    risk: float = 0.0
    max_compound_risk: float = 0.0
    children: dict[str, UnitStats] = field(default_factory=dict, repr=False)

    @property
    def median_accept_s(self) -> float | None:
        return statistics.median(self.accept_s) if self.accept_s else None

    @property
    def median_arrive_s(self) -> float | None:
        return statistics.median(self.arrive_s) if self.arrive_s else None

    @property
    def p90_arrive_s(self) -> float | None:
        """90th percentile of dispatch → on scene (nearest rank): the slow tail a commander asks about."""
        if not self.arrive_s:
            return None
        ordered = sorted(self.arrive_s)
        return ordered[max(0, -(-9 * len(ordered) // 10) - 1)]

    def rows(self) -> list[UnitStats]:
        """The units one level down, riskiest first (ties: more alerts first, then by key)."""
        return sorted(self.children.values(), key=lambda u: (-u.risk, -u.alerts, u.path))

    def find(self, path: Sequence[str]) -> UnitStats:
        """Drill down: the unit at `path` below this one (KeyError when there is none)."""
        unit = self
        for key in path:
            unit = unit.children[key]
        return unit

    def walk(self) -> Iterator[UnitStats]:
        yield self
        for child in self.children.values():
            yield from child.walk()


class CityView:
    """Holds the district's hierarchy and location lookups between refreshes."""

    def __init__(self, district: District, params: RiskParams | None = None) -> None:
        self.district = district
        self.risk = RiskIndex(district, params)
        self.paths: dict[str, tuple[str, str, str, str]] = {}
        """compound id → (county, street, community, compound id)."""
        for cid, compound in district.compounds.items():
            self.paths[cid] = (*hierarchy_of(compound), cid)

    def compound_of(self, alert: Alert) -> str | None:
        building, compound = self.risk.place(alert)
        if compound is None and building is not None:
            compound = self.district.buildings[building].compound_id
        return compound if compound in self.paths else None

    def tree(self, alerts: Iterable[Alert], dispatches: Iterable[Dispatch], now_ts: int) -> UnitStats:
        """The whole city at `now_ts`: counts of the given alerts, response times of the given dispatches,
        risk as of `now_ts` (alerts raised later or dismissed add no risk)."""
        root = UnitStats("city", (), self.district.name)
        for cid, compound_path in self.paths.items():
            for unit in self._chain(root, compound_path):
                unit.compounds += 1
            self._chain(root, compound_path)[-1].name = self.district.compounds[cid].name
        placed: dict[str, tuple[str, ...]] = {}
        for alert in alerts:
            where = self.compound_of(alert)
            path: tuple[str, ...] = self.paths[where] if where is not None else (UNPLACED,)
            placed[alert.id] = path
            score = self.risk.contribution(alert, now_ts)
            for unit in self._chain(root, path):
                unit.alerts += 1
                unit.open_alerts += alert.state.is_open
                severity = str(alert.severity)
                unit.by_severity[severity] = unit.by_severity.get(severity, 0) + 1
                unit.by_rule[alert.rule] = unit.by_rule.get(alert.rule, 0) + 1
                unit.risk_score += score
        for d in dispatches:
            alert_path = placed.get(d.alert_id or "")
            if alert_path is None:
                continue
            for unit in self._chain(root, alert_path):
                unit.dispatches += 1
                if d.time_to_accept_s is not None:
                    unit.accept_s.append(d.time_to_accept_s)
                if d.time_to_arrive_s is not None:
                    unit.arrive_s.append(d.time_to_arrive_s)
        scale = self.risk.params.scale
        for unit in root.walk():
            unit.risk = round(100.0 * (1.0 - math.exp(-unit.risk_score / scale)), 2)  # risk.py's index
        for unit in _post_order(root):
            if unit.level == "compound":
                unit.max_compound_risk = unit.risk
            elif unit.children:
                unit.max_compound_risk = max(c.max_compound_risk for c in unit.children.values())
        return root

    @staticmethod
    def _chain(root: UnitStats, path: Sequence[str]) -> list[UnitStats]:
        """The units from the city down to `path`, created on first use."""
        chain = [root]
        unit = root
        for depth, key in enumerate(path, start=1):
            child = unit.children.get(key)
            if child is None:
                level = LEVELS[depth] if path[0] != UNPLACED else "unplaced"
                child = unit.children[key] = UnitStats(level, (*unit.path, key), key)
            chain.append(child)
            unit = child
        return chain


def _post_order(unit: UnitStats) -> Iterator[UnitStats]:
    for child in unit.children.values():
        yield from _post_order(child)
    yield unit
