"""The heat layer tints buildings by the risk index, and only the ones with some risk."""

from __future__ import annotations

import numpy as np
import pytest

from layers import heat, style
from layers.projection import LocalProjection
from sandbox_app.analytics.risk import risk_index
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from tests.layers.sample import small_district

NOW = 1_700_000_000_000


@pytest.fixture
def district() -> District:
    return small_district()


def test_only_risky_buildings_are_drawn_hotter_redder(district: District) -> None:
    proj = LocalProjection.for_district(district)
    data = heat.layer(district, proj, {"B1": 80.0, "B2": 0.0, "B3": 10.0, "C1": 90.0, "nope": 50.0})
    polys = data.polygons
    assert polys is not None and polys.ids == ("B3", "B1")  # coolest first, so the hottest draws on top
    assert data.z > 10  # above the building fills
    hot, cool = polys.fill[1].astype(int), polys.fill[0].astype(int)
    assert hot[3] > cool[3] and hot[1] < cool[1]  # more opaque, less yellow
    assert data.extra["index"] == {"B3": 10.0, "B1": 80.0}


def test_ramp_ends_and_clamps() -> None:
    assert style.heat_colour(0.0) == style.HEAT_LOW
    assert style.heat_colour(100.0) == style.HEAT_HIGH
    assert style.heat_colour(250.0) == style.HEAT_HIGH and style.heat_colour(-5.0) == style.HEAT_LOW


def test_heat_from_the_risk_index_of_a_real_alert(district: District) -> None:
    alert = Alert("a1", "smoke_alarm", "R101", "room", Severity.CRITICAL, AlertState.OPEN, NOW, NOW)
    index = risk_index([alert], district, NOW)
    assert index["B1"] > 0 and index["B2"] == 0
    polys = heat.layer(district, LocalProjection.for_district(district), index).polygons
    assert polys is not None and polys.ids == ("B1",)
    assert np.allclose(polys.rings_of(0)[0][:-1].mean(axis=0), [-50 * 0.898, 50.0], atol=0.5)


def test_empty_index_draws_nothing(district: District) -> None:
    data = heat.layer(district, LocalProjection.for_district(district), {})
    assert data.polygons is not None and len(data.polygons) == 0
