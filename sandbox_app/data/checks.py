"""Vectorised column checks over one layer file.

Each check looks at a whole column at once (pandas/numpy/shapely), appends a `Problem` per bad row and
returns clean values for building the domain objects. Per-row Python runs only over the rows that are
wrong, so a valid 50,000-building package validates in well under a second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Sequence
from typing import Any

import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray

from sandbox_app.data.files import Source
from sandbox_app.data.problems import Problem, quoted, room_left

Texts = NDArray[np.object_]
"""An object array of `str`; "" where the cell is blank."""
Floats = NDArray[np.float64]
Bools = NDArray[np.bool_]

_SPLIT = re.compile(r"[;；]")
_TRUE = frozenset({"true", "yes", "y", "t", "1"})
_FALSE = frozenset({"false", "no", "n", "f", "0", ""})
_TYPE_ID = {"Point": 0, "LineString": 1, "Polygon": 3}
"""shapely.GeometryType values; a single-part Multi* (as GeoPackage exports often write) is unwrapped."""
_MULTI_ID = {"Point": 4, "LineString": 5, "Polygon": 6}
INTEGER_LIMIT = 1_000_000
"""Largest magnitude of a whole-number column (floors, room floor)."""


def _cell_text(value: Any) -> str:
    """A number read from GeoJSON/GPKG as text the way a person wrote it: 12.0 → "12", NaN → ""."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def as_text(column: pd.Series[Any]) -> Texts:
    if pd.api.types.is_string_dtype(column.dtype):
        # A list comprehension is several times faster than pandas' .str.strip on Python-backed strings.
        return np.asarray([str(v).strip() for v in column.fillna("").to_numpy(dtype=object)], dtype=object)
    return np.asarray([_cell_text(v) for v in column.to_numpy(dtype=object)], dtype=object)


def _lower(values: Texts) -> Texts:
    return np.asarray([v.lower() for v in values.tolist()], dtype=object)


class Checker:
    """Checks for one `Source`; problems go to the shared list so the loader can report them all at once."""

    def __init__(self, src: Source, problems: list[Problem]) -> None:
        self.src = src
        self.problems = problems
        self.n = len(src)

    def report(self, mask: Bools, field: str | None, reason: str | Callable[[int], str]) -> None:
        """One problem per True in `mask`; a callable reason gets the row's index to name the bad value."""
        rows = np.flatnonzero(mask)
        for i in rows[: room_left(self.problems, len(rows))].tolist():
            why = reason if isinstance(reason, str) else reason(i)
            self.problems.append(Problem(self.src.file, i + self.src.first_row, field, why))

    def has_columns(self, required: Sequence[str]) -> bool:
        missing = [c for c in required if c not in self.src.frame.columns]
        for col in missing:
            self.problems.append(Problem(self.src.file, None, col, "required column is missing"))
        return not missing

    def text(self, col: str, *, required: bool = False, default: str | Texts = "") -> Texts:
        """Stripped text; blanks are reported when `required`, else filled from `default`."""
        if col not in self.src.frame.columns:
            return np.asarray(np.broadcast_to(np.asarray(default, dtype=object), (self.n,)).copy())
        values = as_text(self.src.frame[col])
        blank = values == ""
        if required:
            self.report(blank, col, "required value is empty")
        elif np.any(blank):
            values = np.where(blank, default, values)
        return values

    def ids(self, col: str = "id") -> Texts:
        """Required, unique text ids; a repeat names the row of the first one."""
        values = self.text(col, required=True)
        series = pd.Series(values)
        later = series.duplicated(keep="first").to_numpy() & (values != "")
        if np.any(later):
            first = series.groupby(series, sort=False).transform(lambda s: s.index[0]).to_numpy()
            base = self.src.first_row
            self.report(
                later, col, lambda i: f"duplicate id '{quoted(values[i])}' (first at row {first[i] + base})"
            )
        return values

    def enum(self, col: str, allowed: Collection[str], *, required: bool = True, default: str = "") -> Texts:
        """A value from a closed vocabulary, case-insensitive."""
        values = _lower(self.text(col, required=required, default=default))
        bad = (values != "") & ~pd.Series(values).isin(list(allowed)).to_numpy()
        choices = ", ".join(sorted(allowed))
        self.report(bad, col, lambda i: f"unknown {col} '{quoted(values[i])}'; expected one of: {choices}")
        return values

    def multi(self, col: str, allowed: Collection[str] | None = None) -> list[frozenset[str]]:
        """A `;`-separated set (full-width `；` too, as typed with a Chinese input method). Each distinct
        cell is parsed once: tag columns repeat a handful of values over 100,000s of people."""
        values = self.text(col)
        parsed: dict[str, frozenset[str]] = {}
        bad: dict[str, list[str]] = {}
        for cell in set(values.tolist()):
            if ";" in cell or "；" in cell:
                items = frozenset(x.strip() for x in _SPLIT.split(cell) if x.strip())
            else:
                items = frozenset((cell,)) if cell else frozenset()
            if allowed is not None:
                items = frozenset(x.lower() for x in items)
                bad[cell] = sorted(items - set(allowed))
            parsed[cell] = items
        if any(bad.values()):
            choices = ", ".join(sorted(allowed or ()))
            for i in np.flatnonzero([bool(bad[v]) for v in values.tolist()]).tolist():
                wrong = bad[values[i]]
                for item in wrong[: room_left(self.problems, len(wrong))]:
                    why = f"unknown {col} value '{quoted(item)}'; expected some of: {choices}"
                    self.problems.append(Problem(self.src.file, i + self.src.first_row, col, why))
        return [parsed[v] for v in values.tolist()]

    def number(
        self, col: str, *, required: bool = False, integer: bool = False, minimum: float | None = None
    ) -> Floats:
        """Numbers with NaN where blank or bad; reports text, non-finite, fractional and too-small values."""
        if col not in self.src.frame.columns:
            return np.full(self.n, np.nan)
        raw = self.src.frame[col]
        text = as_text(raw)
        blank = text == ""
        values = np.asarray(pd.to_numeric(pd.Series(text), errors="coerce").to_numpy(dtype=float), np.float64)
        if required:
            self.report(blank, col, "required value is empty")
        bad = ~blank & ~np.isfinite(values)
        self.report(bad, col, lambda i: f"not a number: '{quoted(text[i])}'")
        ok = ~blank & ~bad
        if integer:
            # Whole numbers become int64 when built: anything near its range (1e300, -1e20, 30 digits)
            # would wrap to INT64_MIN silently, and no count or floor in a district comes near the bound.
            huge = ok & (np.abs(np.where(ok, values, 0.0)) > INTEGER_LIMIT)
            self.report(huge, col, lambda i: f"out of range: '{quoted(text[i])}' (at most {INTEGER_LIMIT:,})")
            ok &= ~huge
            frac = ok & (values != np.floor(np.where(ok, values, 0.0)))
            self.report(frac, col, lambda i: f"not a whole number: '{quoted(text[i])}'")
            ok &= ~frac
        if minimum is not None:
            low = ok & (values < minimum)
            self.report(low, col, lambda i: f"must be at least {minimum:g}, got '{quoted(text[i])}'")
            ok &= ~low
        return np.where(ok, values, np.nan)

    def boolean(self, col: str) -> Bools:
        """yes/no, true/false, 1/0 (any case); blank is no."""
        values = _lower(self.text(col))
        truth = pd.Series(values).isin(list(_TRUE)).to_numpy()
        bad = ~truth & ~pd.Series(values).isin(list(_FALSE)).to_numpy()
        self.report(bad, col, lambda i: f"not a yes/no value: '{quoted(values[i])}'")
        return np.asarray(truth, dtype=np.bool_)

    def refs(self, col: str, values: Texts, known: pd.Index[str] | None, what: str) -> Bools:
        """Report non-blank values not among `known` ids (None: that layer is unreadable, so skip).
        Returns which rows point at a known id."""
        if known is None:
            return np.asarray(values != "", dtype=np.bool_)
        hit = pd.Series(values).isin(known).to_numpy()
        self.report((values != "") & ~hit, col, lambda i: f"unknown {what} '{quoted(values[i])}'")
        return np.asarray(hit, dtype=np.bool_)

    def geometry(self, kind: str, *, nullable: bool = False) -> NDArray[np.object_]:
        """Geometries of one `kind` (single-part multis unwrapped), in lon/lat range and valid."""
        assert self.src.geometry is not None
        geoms = self.src.geometry.copy()
        missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        if not nullable:
            self.report(missing, "geometry", "missing geometry")
        multi = (shapely.get_type_id(geoms) == _MULTI_ID[kind]) & (shapely.get_num_geometries(geoms) == 1)
        geoms[multi] = shapely.get_geometry(geoms[multi], 0)
        wrong = ~missing & (shapely.get_type_id(geoms) != _TYPE_ID[kind])
        self.report(wrong, "geometry", lambda i: f"geometry is {geoms[i].geom_type}, expected {kind}")
        ok = ~missing & ~wrong
        bounds = shapely.bounds(geoms)
        in_range = (
            (bounds[:, 0] >= -180) & (bounds[:, 2] <= 180) & (bounds[:, 1] >= -90) & (bounds[:, 3] <= 90)
        )
        self.report(ok & ~in_range, "geometry", lambda i: _range_reason(bounds[i]))
        ok &= in_range
        invalid = ok & ~shapely.is_valid(geoms)
        self.report(invalid, "geometry", lambda i: f"invalid geometry: {shapely.is_valid_reason(geoms[i])}")
        return geoms


def _range_reason(bounds: Floats) -> str:
    return (
        "coordinates outside lon -180..180 / lat -90..90 "
        f"(lon {bounds[0]:g}..{bounds[2]:g}, lat {bounds[1]:g}..{bounds[3]:g}); lon/lat swapped or projected?"
    )


def extras(src: Source, known: Collection[str]) -> list[dict[str, Any]]:
    """Per row, the columns the model has no field for, as JSON-safe values: blank/NaN → None, dates → ISO
    text; table cells stay the text that was written."""
    cols = [c for c in src.frame.columns if c not in known]
    if not cols:
        return [{} for _ in range(len(src))]
    sub = src.frame[cols].copy()
    for col in cols:
        if pd.api.types.is_datetime64_any_dtype(sub[col].dtype):
            sub[col] = [None if pd.isna(v) else v.isoformat() for v in sub[col]]
    sub = sub.astype(object)
    sub = sub.where(sub.notna() & (sub != ""), None)
    names = [str(c) for c in cols]
    columns = [sub[c].tolist() for c in cols]
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]
