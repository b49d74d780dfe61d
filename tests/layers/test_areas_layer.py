"""Water and green areas (issue 18) as render-ready arrays: the 2D map's fills and the 3D ground's classes,
both read from the district's `areas`."""

from __future__ import annotations

import numpy as np

from layers import areas, ground, style
from layers.extrude import Patch
from layers.projection import LocalProjection
from sandbox_app.domain.model import Area, District
from tests.layers.sample import at, box, small_district
from tests.layers.test_sandbox_layers import _colour_at


def with_areas() -> District:
    """The sample district with a pond and a lawn inside C1, clear of its buildings and roads."""
    d = small_district()
    d.areas["A1"] = Area("A1", "water", box(60, -60, 20), "小池塘")
    d.areas["A2"] = Area("A2", "green", box(-40, -82, 12))
    return d


def test_areas_layer_fills_each_area_in_its_kinds_colour_under_the_roads() -> None:
    d = with_areas()
    d.areas["A3"] = Area("A3", "marsh", box(0, 0, 5))  # a kind no view knows is left out, not guessed
    proj = LocalProjection.for_district(d)
    data = areas.layer(d, proj)
    assert data.polygons is not None
    assert data.polygons.ids == ("A1", "A2")
    fills = [tuple(int(v) for v in row) for row in data.polygons.fill]
    assert fills == [style.AREA_FILL["water"], style.AREA_FILL["green"]]
    assert (data.polygons.edge[:, 3] == 0).all(), "no outline: a light fill, like a paper map"
    assert data.z < 5, "under the roads (z 5)"
    ring = data.polygons.xy[data.polygons.vertex_start[0] : data.polygons.vertex_start[1]]
    centre = ring[:-1].mean(axis=0)
    np.testing.assert_allclose(centre, proj.to_xy(*at(60, -60))[0], atol=0.5)


def test_the_3d_ground_draws_the_districts_own_areas() -> None:
    d = with_areas()
    proj = LocalProjection.for_district(d)
    data = ground.layer(d, proj)
    patch = data.extra["mesh"]
    assert isinstance(patch, Patch)
    assert {"water", "green"} <= set(data.extra["classes"])  # type: ignore[call-overload]
    assert _colour_at(patch, *proj.to_xy(*at(60, -60))[0]) == ground.AREA_KIND["water"]
    assert _colour_at(patch, *proj.to_xy(*at(-40, -82))[0]) == ground.AREA_KIND["green"]
    assert ground.AREA_KIND["water"] == style.AREA_FILL["water"][:3], "one colour on both maps"


def test_an_empty_areas_layer() -> None:
    d = District("空", "UTC")
    data = areas.layer(d, LocalProjection(0.0, 0.0))
    assert data.polygons is not None and len(data.polygons) == 0
