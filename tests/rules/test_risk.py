"""Risk index: severity weights, decay, attribution to building and compound, and what does not count."""

from __future__ import annotations

import math

import pytest

from sandbox_app.analytics.risk import RiskIndex, RiskParams, risk_index
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from tests.rules.helpers import HOUR, t

NOW = t("2024-05-10 12:00")
_n = 0


def alert(
    severity: Severity, subject: str, subject_type: str, age_h: float = 0.0, count: int = 1, **data: object
) -> Alert:
    global _n
    _n += 1
    ts = NOW - int(age_h * HOUR)
    return Alert(
        f"A{_n}", "x", subject, subject_type, severity, AlertState.OPEN, ts, ts, count, data=dict(data)
    )


def test_one_fresh_critical_alert_in_a_room(dist: District) -> None:
    index = risk_index([alert(Severity.CRITICAL, "R-RENT", "room")], dist, NOW)
    expected = round(100 * (1 - math.exp(-8 / 10)), 2)
    assert index["B2"] == expected and index["C1"] == expected and index["B1"] == 0.0


def test_decay_weights_and_counts(dist: District) -> None:
    ri = RiskIndex(dist)
    fresh = ri.contribution(alert(Severity.HIGH, "R-ELD", "room"), NOW)
    old = ri.contribution(alert(Severity.HIGH, "R-ELD", "room", age_h=72), NOW)
    repeated = ri.contribution(alert(Severity.HIGH, "R-ELD", "room", count=3), NOW)
    notice = ri.contribution(alert(Severity.NOTICE, "R-ELD", "room"), NOW)
    assert fresh == 4.0 and old == pytest.approx(2.0) and notice == 0.5
    assert repeated == pytest.approx(4.0 * (1 + math.log(3)))


def test_compound_sums_its_buildings_and_loose_points(dist: District) -> None:
    alerts = [
        alert(Severity.LOW, "DM-ELD", "device"),  # device in a room of B1
        alert(Severity.LOW, "P-TEN", "person"),  # lives in B2
        alert(Severity.LOW, "GD-GRID", "guard"),  # no ids: placed by its point
        alert(Severity.LOW, "x", "plate", building_id="B1", compound_id="C1"),
    ]
    alerts[2].lon, alerts[2].lat = 120.0055, 30.0055  # inside B2
    scores = RiskIndex(dist).scores(alerts, NOW)
    assert scores.buildings == {"B1": 2.0, "B2": 2.0}
    assert scores.compounds == {"C1": 4.0}


def test_what_does_not_count(dist: District) -> None:
    dismissed = alert(Severity.CRITICAL, "R-RENT", "room")
    dismissed.state = AlertState.DISMISSED
    alerts = [
        dismissed,
        alert(Severity.CRITICAL, "R-RENT", "room", age_h=-1),  # raised after `now` (replay)
        alert(Severity.CRITICAL, "R-RENT", "room", age_h=31 * 24),  # beyond the horizon
        alert(Severity.CRITICAL, "nowhere", "plate"),  # cannot be placed
    ]
    assert set(risk_index(alerts, dist, NOW).values()) == {0.0}


def test_params_are_honoured(dist: District) -> None:
    params = RiskParams(half_life_h=24, horizon_days=1)
    ri = RiskIndex(dist, params)
    assert ri.contribution(alert(Severity.HIGH, "R-ELD", "room", age_h=24), NOW) == pytest.approx(2.0)
    assert ri.contribution(alert(Severity.HIGH, "R-ELD", "room", age_h=25), NOW) == 0.0
