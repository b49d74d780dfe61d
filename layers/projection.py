"""A local metric plane for one district: metres east/north of its centre.

An azimuthal equidistant projection centred on the district keeps distances and shapes true to well under
a metre across a few kilometres, which is what the map, 3D extrusion and distance checks need.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from pyproj import Transformer

from sandbox_app.domain.model import District


class LocalProjection:
    def __init__(self, lon0: float, lat0: float) -> None:
        self.lon0 = lon0
        self.lat0 = lat0
        crs = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs"
        self._forward = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
        self._inverse = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)

    @classmethod
    def for_district(cls, district: District) -> LocalProjection:
        """Centred on the middle of everything the district has; (0, 0) when it is empty."""
        bounds = _bounds(district)
        if bounds is None:
            return cls(0.0, 0.0)
        west, south, east, north = bounds
        return cls((west + east) / 2.0, (south + north) / 2.0)

    def to_xy(self, lon: ArrayLike, lat: ArrayLike) -> NDArray[np.float64]:
        """(n, 2) metres for n lon/lat pairs."""
        x, y = self._forward.transform(np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64))
        return np.column_stack([np.atleast_1d(x), np.atleast_1d(y)]).astype(np.float64)

    def to_lonlat(self, x: ArrayLike, y: ArrayLike) -> NDArray[np.float64]:
        lon, lat = self._inverse.transform(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
        return np.column_stack([np.atleast_1d(lon), np.atleast_1d(lat)]).astype(np.float64)

    def coords_to_xy(self, coords: ArrayLike) -> NDArray[np.float64]:
        """Project a shapely coordinate sequence (2D or 3D; z is dropped)."""
        arr = np.asarray(coords, dtype=np.float64)
        if arr.size == 0:
            return np.zeros((0, 2), dtype=np.float64)
        return self.to_xy(arr[:, 0], arr[:, 1])


def _bounds(district: District) -> tuple[float, float, float, float] | None:
    boxes = [c.boundary.bounds for c in district.compounds.values()]
    boxes += [b.footprint.bounds for b in district.buildings.values()]
    boxes += [r.line.bounds for r in district.roads.values()]
    boxes += [g.location.bounds for g in district.gates.values()]
    boxes += [d.location.bounds for d in district.devices.values() if d.location is not None]
    boxes = [b for b in boxes if len(b) == 4 and np.all(np.isfinite(b))]
    if not boxes:
        return None
    arr = np.asarray(boxes, dtype=np.float64)
    return float(arr[:, 0].min()), float(arr[:, 1].min()), float(arr[:, 2].max()), float(arr[:, 3].max())
