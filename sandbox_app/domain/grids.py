"""Grid areas (网格): the polygons a community is divided into, each with its grid worker (网格员).

Grids come from the package's optional `grids` layer (docs/data-format.md). They are kept in the
district's `extra["grids"]` as plain JSON (id, name, worker, the outer ring in lon/lat), so every store
keeps them with the district without a table of its own; `grids_of` turns them back into polygons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from shapely import STRtree
from shapely.geometry import Point, Polygon

GRIDS_KEY = "grids"


@dataclass(frozen=True, slots=True)
class Grid:
    id: str
    name: str
    boundary: Polygon
    worker: str = ""
    """The grid worker's guard id (网格员), or empty when none is named."""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        ring = [[round(x, 7), round(y, 7)] for x, y in self.boundary.exterior.coords]
        return {"id": self.id, "name": self.name, "worker": self.worker, "ring": ring, "extra": self.extra}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Grid:
        ring = [(float(x), float(y)) for x, y in raw["ring"]]
        name, worker = str(raw.get("name") or raw["id"]), str(raw.get("worker") or "")
        return cls(str(raw["id"]), name, Polygon(ring), worker, dict(raw.get("extra") or {}))


def grids_of(district: Any) -> dict[str, Grid]:
    """The district's grids by id (none when its package had no grids layer)."""
    raw = district.extra.get(GRIDS_KEY)
    if not isinstance(raw, list):
        return {}
    return {g.id: g for g in (Grid.from_json(r) for r in raw if isinstance(r, dict))}


class GridLocator:
    """Which grid a point lies in, for a district's grids (built once, cheap per point)."""

    def __init__(self, grids: dict[str, Grid]) -> None:
        self._grids = list(grids.values())
        self._tree = STRtree([g.boundary for g in self._grids]) if self._grids else None

    def at(self, lon: float | None, lat: float | None) -> Grid | None:
        if self._tree is None or lon is None or lat is None:
            return None
        point = Point(lon, lat)
        for i in self._tree.query(point):
            grid = self._grids[int(i)]
            if grid.boundary.covers(point):
                return grid
        return None
