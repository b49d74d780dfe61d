"""Grid areas (网格): outlines only (no fill, so compounds and buildings stay readable), named with their
grid worker."""

from __future__ import annotations

import numpy as np

from layers import build, style
from layers.data import Labels, LayerData
from layers.projection import LocalProjection
from sandbox_app.domain.grids import grids_of
from sandbox_app.domain.model import District

NAME = "grids"


def layer(district: District, proj: LocalProjection) -> LayerData:
    grids = sorted(grids_of(district).values(), key=lambda g: g.id)
    polys = build.polygons(
        proj,
        [g.id for g in grids],
        [g.boundary for g in grids],
        [style.GRID_FILL] * len(grids),
        [style.GRID_EDGE] * len(grids),
    )
    centres = [g.boundary.representative_point() for g in grids]
    xy = proj.to_xy([p.x for p in centres], [p.y for p in centres]) if centres else np.zeros((0, 2))
    names = []
    for g in grids:
        worker = district.guards.get(g.worker)
        names.append(f"{g.name} {worker.name}" if worker is not None else g.name)
    return LayerData(NAME, z=0, polygons=polys, labels=Labels(xy, tuple(names), style.GRID_EDGE))
