"""Roads and paths, coloured and sized by kind."""

from __future__ import annotations

from layers import build, style
from layers.data import LayerData
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "roads"


def layer(district: District, proj: LocalProjection) -> LayerData:
    roads = list(district.roads.values())
    styles = [style.road_style(r.kind) for r in roads]
    lines = build.lines(
        proj,
        [r.id for r in roads],
        [r.line for r in roads],
        [s.rgba for s in styles],
        [s.width for s in styles],
    )
    return LayerData(NAME, z=5, lines=lines)
