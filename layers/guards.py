"""Guards at their last known positions, one star per guard coloured by role."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from layers import style
from layers.data import LayerData, Points
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "guards"


def layer(
    district: District, proj: LocalProjection, positions: Mapping[str, tuple[float, float]]
) -> LayerData:
    """`positions`: guard id → (lon, lat). Guards not in the district are skipped (stale store rows)."""
    ids = sorted(g for g in positions if g in district.guards)
    styles = [style.GUARD_ROLE[district.guards[g].role] for g in ids]
    lonlat = np.asarray([positions[g] for g in ids], dtype=np.float64).reshape(-1, 2)
    xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1]) if ids else np.zeros((0, 2))
    points = Points.build(
        ids, xy, [s.rgba for s in styles], [s.size for s in styles], [s.symbol for s in styles]
    )
    return LayerData(NAME, z=40, points=points)
