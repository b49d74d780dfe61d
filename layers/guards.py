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
_ROLES = list(style.GUARD_ROLE.values())
_ROLE_CODE = {role: i for i, role in enumerate(style.GUARD_ROLE)}
_RGBA = np.asarray([s.rgba for s in _ROLES], dtype=np.uint8).reshape(-1, 4)
_SIZE = np.asarray([s.size for s in _ROLES], dtype=np.float32)
"""Per-role style rows: 5,000 guards are styled by one take from these tables each second."""


def layer(
    district: District,
    proj: LocalProjection,
    positions: Mapping[str, tuple[float, float]],
    fix_ts: Mapping[str, int] | None = None,
) -> LayerData:
    """`positions`: guard id → (lon, lat); `fix_ts`: guard id → epoch ms of that fix, when known. Guards not
    in the district are skipped (stale store rows).

    `extra`: "role" (role value per guard) and "fix_ts" (int64 ms per guard, -1 where unknown)."""
    known = district.guards
    ids = sorted(g for g in positions if g in known)
    roles = [known[g].role for g in ids]
    code = np.fromiter((_ROLE_CODE[r] for r in roles), dtype=np.int64, count=len(ids))
    lonlat = np.asarray([positions[g] for g in ids], dtype=np.float64).reshape(-1, 2)
    xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1]) if ids else np.zeros((0, 2))
    points = Points(tuple(ids), xy, _RGBA[code], _SIZE[code], tuple(_ROLES[c].symbol for c in code.tolist()))
    stamps = fix_ts or {}
    extra: dict[str, object] = {
        "role": tuple(str(r) for r in roles),
        "fix_ts": np.asarray([stamps.get(g, -1) for g in ids], dtype=np.int64),
    }
    return LayerData(NAME, z=40, points=points, extra=extra)
