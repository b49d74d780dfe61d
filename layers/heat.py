"""Risk heat: buildings tinted by their risk index (sandbox_app.analytics.risk), quiet ones left out.

Only buildings with an index at or above `MIN_INDEX` are drawn, so the layer is a handful of polygons over
the ordinary building fills and an officer sees at a glance where this week's trouble piles up.
"""

from __future__ import annotations

from collections.abc import Mapping

from layers import build, style
from layers.data import LayerData
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "heat"
MIN_INDEX = 1.0


def layer(district: District, proj: LocalProjection, index: Mapping[str, float]) -> LayerData:
    """`index`: building id → risk index 0–100 (ids that are not buildings of the district are ignored)."""
    hot = sorted(
        (b for b, value in index.items() if value >= MIN_INDEX and b in district.buildings),
        key=lambda b: (index[b], b),
    )
    polys = build.polygons(
        proj,
        hot,
        [district.buildings[b].footprint for b in hot],
        [style.heat_colour(index[b]) for b in hot],
        [style.HEAT_EDGE] * len(hot),
    )
    return LayerData(NAME, z=15, polygons=polys, extra={"index": {b: index[b] for b in hot}})
