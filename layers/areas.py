"""Water and green areas (水域 / 绿地) of the basemap: light fills under the roads, coloured by kind."""

from __future__ import annotations

from layers import build, style
from layers.data import LayerData
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "areas"


def layer(district: District, proj: LocalProjection) -> LayerData:
    """One polygon per area; above the compounds' fill (a park inside a compound shows) and under roads."""
    areas = [a for a in district.areas.values() if a.kind in style.AREA_FILL]
    polys = build.polygons(
        proj,
        [a.id for a in areas],
        [a.boundary for a in areas],
        [style.AREA_FILL[a.kind] for a in areas],
        [style.AREA_EDGE] * len(areas),
    )
    return LayerData(NAME, z=1, polygons=polys)
