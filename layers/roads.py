"""The offline basemap's roads: drawn from the package's OSM ways, coloured and sized by kind, no tiles.

Wide roads get a darker casing first, so the map reads like a paper map (and like the web maps officers
know) without any network: all casings come before all fills in one `Lines`, one item on the map.
"""

from __future__ import annotations

from layers import build, style
from layers.data import LayerData
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "roads"


def layer(district: District, proj: LocalProjection) -> LayerData:
    roads = sorted(district.roads.values(), key=lambda r: (style.road_style(r.kind).width, r.id))
    styles = [style.road_style(r.kind) for r in roads]
    cased = [(r, s) for r, s in zip(roads, styles, strict=True) if s.width >= style.CASED_MIN_WIDTH]
    lines = build.lines(
        proj,
        [r.id for r, _ in cased] + [r.id for r in roads],
        [r.line for r, _ in cased] + [r.line for r in roads],
        [style.ROAD_CASING] * len(cased) + [s.rgba for s in styles],
        [s.width + style.ROAD_CASING_EXTRA for _, s in cased] + [s.width for s in styles],
    )
    return LayerData(NAME, z=5, lines=lines, extra={"cased": len(cased)})
