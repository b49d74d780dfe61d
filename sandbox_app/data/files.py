"""Finding and reading a package's files: the manifest, geometry layers and tables.

Reading never raises for bad input: an unreadable file becomes a `Problem` and a `None`, so the loader can
go on and report what is wrong with the other files too.
"""

from __future__ import annotations

import json
import logging
import warnings
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from sandbox_app.data import gdal_guard
from sandbox_app.data.problems import Problem, quoted
from sandbox_app.domain.enums import Crs

_log = logging.getLogger(__name__)
MANIFEST = "manifest.json"
GEO_EXTS = (".geojson", ".gpkg")
TABLE_EXTS = (".csv", ".xlsx")
LAYER_EXTS: dict[str, tuple[str, ...]] = {
    "compounds": GEO_EXTS,
    "buildings": GEO_EXTS,
    "roads": GEO_EXTS,
    "gates": GEO_EXTS,
    "rooms": TABLE_EXTS,
    "people": TABLE_EXTS,
    "guards": TABLE_EXTS,
    "devices": GEO_EXTS + TABLE_EXTS,
    "grids": GEO_EXTS,
    "areas": GEO_EXTS,
}
REQUIRED_LAYERS = ("compounds", "buildings")
_CRS_ALIASES = {"epsg:4326": Crs.WGS84, "epsg:4490": Crs.CGCS2000}
_ZIP_MAGIC = b"PK\x03\x04"
MAX_NESTING = 32
"""Deepest nesting of lists/objects kept from the manifest (600 or 100,000 levels used to crash)."""

gdal_guard.disable_gdal_network()


class Refused(Exception):
    """A layer file that is not read: content not what its extension names, or a repeated column."""

    def __init__(self, reason: str, field: str | None = None) -> None:
        super().__init__(reason)
        self.field = field


@dataclass(slots=True)
class Manifest:
    name: str
    crs: Crs | None
    """None when missing or unknown: geometry is then checked but not converted."""
    timezone: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Source:
    """One layer file as read: attribute columns, raw geometry (geometry layers only), row numbering."""

    file: str
    frame: pd.DataFrame
    first_row: int
    """Row number of the first record: 2 for tables (the header is row 1), 1 for features."""
    geometry: NDArray[np.object_] | None = None

    def __len__(self) -> int:
        return len(self.frame)


def find_layers(root: Path, problems: list[Problem]) -> dict[str, Path]:
    """Map layer name → file; reports missing required layers, two files for one layer and wrong formats."""
    found: dict[str, Path] = {}
    for path in sorted(p for p in root.iterdir() if p.is_file()):
        layer, ext = path.stem.lower(), path.suffix.lower()
        if layer not in LAYER_EXTS:
            continue
        if ext not in LAYER_EXTS[layer]:
            allowed = ", ".join(LAYER_EXTS[layer])
            problems.append(Problem(path.name, None, None, f"unsupported format; use one of {allowed}"))
        elif layer in found:
            problems.append(
                Problem(path.name, None, None, f"second file for {layer} (also {found[layer].name})")
            )
        else:
            found[layer] = path
    for layer in REQUIRED_LAYERS:
        if layer not in found:
            exts = " or ".join(layer + e for e in LAYER_EXTS[layer])
            problems.append(Problem(exts, None, None, "required layer is missing"))
    return found


def read_manifest(root: Path, problems: list[Problem]) -> Manifest:
    """The manifest's values; missing or bad ones are reported and left empty/None."""
    path = root / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        problems.append(Problem(MANIFEST, None, None, "required file is missing"))
        return Manifest("", None, "")
    except (OSError, ValueError) as exc:  # bad bytes, bad JSON, a number past Python's digit limit
        problems.append(Problem(MANIFEST, None, None, f"cannot read: {quoted(str(exc))}"))
        return Manifest("", None, "")
    except RecursionError:
        problems.append(
            Problem(MANIFEST, None, None, f"cannot read: nested deeper than {MAX_NESTING} levels")
        )
        return Manifest("", None, "")
    if not isinstance(data, dict):
        problems.append(Problem(MANIFEST, None, None, "must be a JSON object"))
        return Manifest("", None, "")
    extra = {k: v for k, v in data.items() if k not in ("name", "crs", "timezone")}
    for key, value in list(extra.items()):
        reason = _json_value_problem(value)
        if reason is not None:
            problems.append(Problem(MANIFEST, None, key, reason))
            del extra[key]
    return Manifest(_name(data, problems), _crs(data, problems), _timezone(data, problems), extra)


def _json_value_problem(value: Any) -> str | None:
    """Why a manifest value cannot be kept (too deep, an integer past 64 bits), or None. Iterative, so
    the check itself cannot hit Python's recursion limit."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_NESTING:
                return f"nested deeper than {MAX_NESTING} levels"
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
        elif isinstance(item, int) and not isinstance(item, bool) and not -(2**63) <= item < 2**63:
            return f"integer {quoted(item, 40)} does not fit in 64 bits"
    return None


def _required_text(data: dict[str, Any], key: str, problems: list[Problem]) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(MANIFEST, None, key, "required text value is missing"))
        return ""
    return value.strip()


def _name(data: dict[str, Any], problems: list[Problem]) -> str:
    return _required_text(data, "name", problems)


def _crs(data: dict[str, Any], problems: list[Problem]) -> Crs | None:
    text = _required_text(data, "crs", problems)
    if not text:
        return None
    key = text.lower().replace("-", "").replace("_", "").replace(" ", "")
    if key in _CRS_ALIASES:
        return _CRS_ALIASES[key]
    try:
        return Crs(key)
    except ValueError:
        allowed = ", ".join(c.value for c in Crs)
        problems.append(Problem(MANIFEST, None, "crs", f"unknown crs '{text}'; expected one of {allowed}"))
        return None


def _timezone(data: dict[str, Any], problems: list[Problem]) -> str:
    text = _required_text(data, "timezone", problems)
    if not text:
        return ""
    try:
        zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a path
        problems.append(
            Problem(MANIFEST, None, "timezone", f"unknown time zone '{text[:80]}' (e.g. Asia/Shanghai)")
        )
        return ""
    return text


def read_source(path: Path, problems: list[Problem]) -> Source | None:
    """Read one layer file; None (with a problem) when it cannot be read at all."""
    try:
        # GDAL and pandas warn about what they could not make sense of (e.g. "Unsupported geometry type
        # ... NULL geometry assigned") from inside C callbacks, where a warning turned into an error cannot
        # be caught: record them instead. What they describe is then reported by the checks (null geometry).
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if path.suffix.lower() in TABLE_EXTS:
                return Source(path.name, _read_table(path), first_row=2)
            return _read_geo(path, problems)
    except Refused as exc:
        problems.append(Problem(path.name, None, exc.field, str(exc)))
        return None
    except Exception as exc:  # hostile input: any reader failure is a problem, never a crash
        problems.append(Problem(path.name, None, None, f"cannot read: {quoted(str(exc))}"))
        return None
    finally:
        for warning in caught:
            _log.info("%s: reader warning: %s", path.name, warning.message)


def _read_table(path: Path) -> pd.DataFrame:
    """Every cell as text so ids keep their leading zeros; CSV from Chinese Excel may be GBK, not UTF-8."""
    if path.suffix.lower() == ".xlsx":
        with path.open("rb") as f:
            if f.read(4) != _ZIP_MAGIC:
                raise Refused("not an XLSX workbook: the content is not a ZIP archive")
        frame = pd.read_excel(path, sheet_name=0, dtype=str, keep_default_na=False)
    else:
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except UnicodeDecodeError:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="gb18030")
    frame.columns = _trimmed_columns(frame.columns)
    return frame


def _trimmed_columns(columns: pd.Index[Any]) -> list[str]:
    """Column names without surrounding blanks; two that become the same name (`id, id`) are refused,
    since which one a check would read is arbitrary."""
    names = [str(c).strip() for c in columns]
    seen: dict[str, int] = {}
    for number, name in enumerate(names, start=1):
        if name in seen:
            raise Refused(f"column appears twice (columns {seen[name]} and {number})", field=name)
        seen[name] = number
    return names


def _read_geo(path: Path, problems: list[Problem]) -> Source | None:
    """GDAL reads only bytes checked to be what the extension names (see gdal_guard)."""
    data = path.read_bytes()
    layer: str | int = 0
    if path.suffix.lower() == ".gpkg":
        data = gdal_guard.without_wal(data)
        reason = gdal_guard.gpkg_problem(data)
        if reason is not None:
            raise Refused(reason)
        names = gdal_guard.list_layer_names(data)
        layer = path.stem if path.stem in names else 0
    else:
        reason = gdal_guard.geojson_problem(data)
        if reason is not None:
            raise Refused(reason)
    gdf = gdal_guard.read_geo_bytes(data, layer)
    if gdf.crs is not None and not gdf.crs.is_geographic:
        reason = f"projected CRS {gdf.crs.to_string()}; export lon/lat in the manifest's crs instead"
        problems.append(Problem(path.name, None, None, reason))
        return None
    geometry = np.asarray(gdf.geometry.array, dtype=object)
    frame = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    frame.columns = _trimmed_columns(frame.columns)
    return Source(path.name, frame, first_row=1, geometry=geometry)
