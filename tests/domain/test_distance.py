"""One home for distances: the Earth radius and the lon/lat → metres formula, in domain/distance.py only."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from sandbox_app.domain.distance import EARTH_RADIUS_M, M_PER_DEG, distance_m, offset

ROOT = Path(__file__).resolve().parents[2]


def _haversine(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


@pytest.mark.parametrize("lat", [0.0, 22.5, 30.0, 45.8])
def test_within_a_tenth_of_a_percent_of_a_great_circle_at_district_scale(lat: float) -> None:
    for dlon, dlat in [(0.01, 0.0), (0.0, 0.01), (0.03, -0.02), (0.0004, 0.0003)]:
        assert distance_m(120.0, lat, 120.0 + dlon, lat + dlat) == pytest.approx(
            _haversine(120.0, lat, 120.0 + dlon, lat + dlat), rel=1e-3
        )


def test_offset_is_the_inverse_of_distance() -> None:
    lon, lat = offset(120.0, 30.0, 300.0, -400.0)
    assert distance_m(120.0, 30.0, lon, lat) == pytest.approx(500.0, rel=1e-4)
    assert pytest.approx(111_195.08, abs=0.01) == M_PER_DEG


def test_no_other_module_has_its_own_earth_constant_or_distance_formula() -> None:
    """Two radii (6,371 km and 111,320 m per degree) and four formulas once disagreed by 0.1 %."""
    pattern = re.compile(r"6_?37[18]_?\d{3}|111_?3[12]\d|def (haversine|metres|_metres|distance_m)\b|asin\(")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for folder in ("sandbox_app", "layers", "widgets", "cli")
        if (ROOT / folder).is_dir()
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name not in ("distance.py", "crs.py")  # crs.py: the GCJ-02 ellipsoid, not a distance
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
