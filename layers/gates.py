"""Compound gates as markers."""

from __future__ import annotations

import numpy as np

from layers import style
from layers.data import LayerData, Points
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "gates"


def layer(district: District, proj: LocalProjection) -> LayerData:
    gates = list(district.gates.values())
    xy = (
        proj.to_xy([g.location.x for g in gates], [g.location.y for g in gates])
        if gates
        else np.zeros((0, 2))
    )
    n = len(gates)
    points = Points.build(
        [g.id for g in gates], xy, [style.GATE.rgba] * n, [style.GATE.size] * n, [style.GATE.symbol] * n
    )
    return LayerData(NAME, z=20, points=points)
