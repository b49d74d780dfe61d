"""What the layer checks share: the problem list, the package CRS and the ids each layer defined."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray

from sandbox_app.data.checks import Texts
from sandbox_app.data.problems import Problem
from sandbox_app.domain.enums import Crs
from sandbox_app.geo.crs import geometries_to_wgs84

Builder = Callable[[], dict[str, Any]]
"""Makes a layer's domain objects from its checked columns; run only when the whole package is clean."""


def nothing() -> dict[str, Any]:
    return {}


@dataclass(slots=True)
class Context:
    crs: Crs | None
    problems: list[Problem] = field(default_factory=list)
    ids: dict[str, pd.Index[str] | None] = field(default_factory=dict)
    """Layer → the ids it defines; empty when the optional file is absent, None when it could not be read
    (references into it are then not checked, so one broken file does not bury the report in echoes)."""
    lookups: dict[str, pd.Series[Any]] = field(default_factory=dict)
    """Per-id attributes later layers check against: building floors, room's building, device kind."""

    def define(self, layer: str, ids: Texts | None) -> None:
        self.ids[layer] = None if ids is None else pd.Index(ids, dtype=object)

    def remember(self, name: str, ids: Texts, values: NDArray[Any]) -> None:
        """A lookup id → value; for a duplicated id (already reported) the first row wins."""
        series = pd.Series(values, index=pd.Index(ids, dtype=object))
        self.lookups[name] = series[~series.index.duplicated(keep="first")]

    def lookup(self, name: str, ids: Texts) -> NDArray[Any]:
        """Values for `ids` (NaN where unknown or the lookup was never made)."""
        series = self.lookups.get(name)
        if series is None:
            return np.full(len(ids), np.nan, dtype=object)
        return np.asarray(pd.Series(ids, dtype=object).map(series).to_numpy(dtype=object))

    def wgs84(self, geoms: NDArray[np.object_]) -> NDArray[np.object_]:
        """Convert checked geometries from the package CRS; left as they are when the CRS is unknown
        (the import fails on that anyway, and the remaining checks still run)."""
        if self.crs is None:
            return np.asarray(shapely.force_2d(geoms), dtype=object)
        return geometries_to_wgs84(geoms, self.crs)
