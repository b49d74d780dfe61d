"""Compound boundaries, lightly filled, with their names as labels."""

from __future__ import annotations

import numpy as np

from layers import build, style
from layers.data import Labels, LayerData
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "compounds"


def layer(district: District, proj: LocalProjection) -> LayerData:
    compounds = list(district.compounds.values())
    polys = build.polygons(
        proj,
        [c.id for c in compounds],
        [c.boundary for c in compounds],
        [style.COMPOUND_FILL] * len(compounds),
        [style.COMPOUND_EDGE] * len(compounds),
    )
    centres = [c.boundary.representative_point() for c in compounds]
    xy = proj.to_xy([p.x for p in centres], [p.y for p in centres]) if centres else np.zeros((0, 2))
    labels = Labels(xy, tuple(c.name for c in compounds), style.COMPOUND_EDGE)
    return LayerData(NAME, z=0, polygons=polys, labels=labels)
