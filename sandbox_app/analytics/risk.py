"""Risk index per compound and building, from recent alerts weighted by severity with time decay.

The point is to move policing "before it happens": a compound whose alerts pile up this week glows on the heat
layer before anything serious occurs. The formula (docs/rules.md, "Risk index") is deliberately simple so an
officer can explain a number:

    contribution(a) = weight(severity) × (1 + ln(count)) × 0.5 ** (age / half_life)
    score(area)     = Σ contributions of alerts in the area        (a compound includes its buildings)
    index(area)     = 100 × (1 − exp(−score / scale))              (0 = quiet, → 100 = saturated)

age = now − min(last_ts, now); alerts not yet raised at `now`, older than `horizon_days`, or dismissed
(judged false) do not count.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from sandbox_app.rules._where import Locator, Where

DEFAULT_WEIGHTS: Mapping[Severity, float] = {
    Severity.NOTICE: 0.5,
    Severity.LOW: 1.0,
    Severity.MEDIUM: 2.0,
    Severity.HIGH: 4.0,
    Severity.CRITICAL: 8.0,
}


@dataclass(frozen=True, slots=True)
class RiskParams:
    half_life_h: float = 72.0
    """An alert counts half after three days, a quarter after six."""
    horizon_days: float = 30.0
    scale: float = 10.0
    """Score at which the index reaches 63; one critical alert today scores 8 (index ≈ 55)."""
    weights: Mapping[Severity, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))


@dataclass(slots=True)
class RiskScores:
    compounds: dict[str, float]
    buildings: dict[str, float]


class RiskIndex:
    """Keeps the district's location lookups between calls, so the heat layer can recompute cheaply."""

    def __init__(self, district: District, params: RiskParams | None = None) -> None:
        self.district = district
        self.params = params or RiskParams()
        self._where = Locator(district)

    def contribution(self, alert: Alert, now_ts: int) -> float:
        p = self.params
        if alert.first_ts > now_ts or alert.state == AlertState.DISMISSED:
            return 0.0
        age_h = (now_ts - min(alert.last_ts, now_ts)) / 3_600_000
        if age_h > p.horizon_days * 24:
            return 0.0
        weight = p.weights.get(Severity(alert.severity), 0.0)
        decay: float = 0.5 ** (age_h / p.half_life_h)
        return weight * (1 + math.log(max(alert.count, 1))) * decay

    def place(self, alert: Alert) -> tuple[str | None, str | None]:
        """(building, compound) of an alert: ids the rule recorded, else from its subject, else its point."""
        building = alert.data.get("building_id")
        compound = alert.data.get("compound_id")
        if isinstance(building, str) and building in self.district.buildings:
            return building, compound if isinstance(compound, str) else None
        if isinstance(compound, str):
            return None, compound
        where = self._locate(alert)
        return where.building_id, where.compound_id

    def _locate(self, alert: Alert) -> Where:
        kind, subject = alert.subject_type, alert.subject
        if kind == "room":
            where = self._where.room(subject)
        elif kind == "device":
            where = self._where.device(subject)
        elif kind == "person":
            where = self._where.person(subject)
        elif kind == "building":
            where = self._where.building(subject)
        elif kind == "compound":
            return Where(compound_id=subject if subject in self.district.compounds else None)
        else:
            where = Where()
        unplaced = where.building_id is None and where.compound_id is None
        if unplaced and alert.lon is not None and alert.lat is not None:
            where = self._where.point(alert.lon, alert.lat)
        return where

    def scores(self, alerts: Iterable[Alert], now_ts: int) -> RiskScores:
        """Raw scores for every compound and building of the district (0.0 where nothing happened)."""
        compounds = dict.fromkeys(self.district.compounds, 0.0)
        buildings = dict.fromkeys(self.district.buildings, 0.0)
        for alert in alerts:
            value = self.contribution(alert, now_ts)
            if value <= 0.0:
                continue
            building, compound = self.place(alert)
            if building is not None:
                buildings[building] = buildings.get(building, 0.0) + value
                compound = compound or self.district.buildings[building].compound_id
            if compound is not None and compound in compounds:
                compounds[compound] += value
        return RiskScores(compounds, buildings)

    def index(self, alerts: Iterable[Alert], now_ts: int) -> RiskScores:
        raw = self.scores(alerts, now_ts)
        scale = self.params.scale
        return RiskScores(
            {k: _squash(v, scale) for k, v in raw.compounds.items()},
            {k: _squash(v, scale) for k, v in raw.buildings.items()},
        )


def _squash(score: float, scale: float) -> float:
    return round(100.0 * (1.0 - math.exp(-score / scale)), 2)


def risk_index(
    alerts: Iterable[Alert], district: District, now_ts: int, params: RiskParams | None = None
) -> dict[str, float]:
    """Index 0–100 by compound id and by building id in one mapping (package ids are unique across both).

    For repeated live updates keep a `RiskIndex` instead: it caches the location lookups.
    """
    result = RiskIndex(district, params).index(alerts, now_ts)
    return {**result.buildings, **result.compounds}
