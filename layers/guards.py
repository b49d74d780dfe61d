"""Guards at their last known positions, one star per guard coloured by role.

Their heading and fading trail come from `layers.trails.TrailBuffer`, which the map feeds with every update
of this layer, so the live path (positions only) gets them without a second call.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from layers import style
from layers.data import LayerData, Points
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "guards"


def layer(
    district: District,
    proj: LocalProjection,
    positions: Mapping[str, tuple[float, float]],
    fix_ts: Mapping[str, int] | None = None,
) -> LayerData:
    """`positions`: guard id → (lon, lat); `fix_ts`: guard id → epoch ms of that fix, when known. Guards not
    in the district are skipped (stale store rows).

    `extra`: "role" (role value per guard) and "fix_ts" (int64 ms per guard, -1 where unknown)."""
    ids = sorted(g for g in positions if g in district.guards)
    roles = [district.guards[g].role for g in ids]
    styles = [style.GUARD_ROLE[r] for r in roles]
    lonlat = np.asarray([positions[g] for g in ids], dtype=np.float64).reshape(-1, 2)
    xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1]) if ids else np.zeros((0, 2))
    points = Points.build(
        ids, xy, [s.rgba for s in styles], [s.size for s in styles], [s.symbol for s in styles]
    )
    stamps = fix_ts or {}
    extra: dict[str, object] = {
        "role": tuple(str(r) for r in roles),
        "fix_ts": np.asarray([stamps.get(g, -1) for g in ids], dtype=np.int64),
    }
    return LayerData(NAME, z=40, points=points, extra=extra)
