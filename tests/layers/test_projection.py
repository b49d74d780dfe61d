from __future__ import annotations

import numpy as np

from layers.projection import LocalProjection
from sandbox_app.domain.model import District
from tests.layers.sample import LAT0, LON0, small_district


def test_centre_is_origin_and_distances_are_metres() -> None:
    proj = LocalProjection(LON0, LAT0)
    xy = proj.to_xy([LON0, LON0 + 0.01, LON0], [LAT0, LAT0, LAT0 + 0.01])
    assert np.allclose(xy[0], [0.0, 0.0], atol=1e-6)
    # 0.01° of longitude at 26.08°N is ~1000 m; 0.01° of latitude ~1107 m (WGS-84 ellipsoid).
    assert 995 < xy[1, 0] < 1005 and abs(xy[1, 1]) < 1.0
    assert 1100 < xy[2, 1] < 1112 and abs(xy[2, 0]) < 1e-6


def test_round_trip() -> None:
    proj = LocalProjection(LON0, LAT0)
    lonlat = np.array([[LON0 + 0.003, LAT0 - 0.002], [LON0 - 0.01, LAT0 + 0.004]])
    back = proj.to_lonlat(*proj.to_xy(lonlat[:, 0], lonlat[:, 1]).T)
    assert np.allclose(back, lonlat, atol=1e-9)


def test_for_district_centres_on_its_extent() -> None:
    proj = LocalProjection.for_district(small_district())
    assert abs(proj.lon0 - LON0) < 1e-9 and abs(proj.lat0 - LAT0) < 1e-9
    empty = LocalProjection.for_district(District("empty", "UTC"))
    assert (empty.lon0, empty.lat0) == (0.0, 0.0)
