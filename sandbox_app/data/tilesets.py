"""The manifest's `tilesets`: real-scene 3D Tiles models (实景三维) that come with a district package.

Checked at import like the rest of the manifest (every problem reported, nothing half-kept): each entry
names a tileset inside the package folder, and says whether it stands in for the extruded buildings and,
for a model in a local frame, where it goes. What is kept in `District.extra["tilesets"]` is the checked
entry with the tileset's absolute path (the database does not keep the package folder) and the origin in
WGS-84. The format is in docs/data-format.md; drawing is `widgets.sandbox3d_tiles`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from sandbox_app.data.problems import Problem, quoted
from sandbox_app.domain.enums import Crs
from sandbox_app.geo.crs import to_wgs84

KEY = "tilesets"
MAX_ENTRIES = 32
MAX_OFFSET_M = 100_000.0
MAX_TILESET_JSON_BYTES = 64 * 1024 * 1024
_KEYS = {"path", "replaces_blocks", "origin", "heading_deg", "offset_m", "ground_height_m"}


@dataclass(frozen=True, slots=True)
class TilesetEntry:
    path: Path
    replaces_blocks: bool = False
    origin: tuple[float, float, float] | None = None
    """WGS-84 lon, lat, height of a local-frame model's (0, 0, 0)."""
    heading_deg: float = 0.0
    offset_m: tuple[float, float, float] = (0.0, 0.0, 0.0)
    ground_height_m: float | None = None


def check(value: Any, root: Path, crs: Crs | None, problems: list[Problem]) -> list[dict[str, Any]]:
    """The checked entries, as kept in `District.extra`; problems appended for every bad one."""
    start = len(problems)

    def bad(reason: str, index: int | None = None) -> None:
        where = KEY if index is None else f"{KEY}[{index}]"
        problems.append(Problem("manifest.json", None, where, reason))

    if not isinstance(value, list):
        bad('must be a list of {"path": …} objects')
        return []
    if len(value) > MAX_ENTRIES:
        bad(f"at most {MAX_ENTRIES} tilesets")
        return []
    out = []
    for i, item in enumerate(value):
        entry = _entry(item, root.resolve(), crs, lambda reason, i=i: bad(reason, i))
        if entry is not None:
            out.append(entry)
    return out if len(problems) == start else []


def _entry(item: Any, root: Path, crs: Crs | None, bad: Any) -> dict[str, Any] | None:
    if not isinstance(item, dict):
        bad('must be an object with a "path"')
        return None
    unknown = sorted(set(item) - _KEYS)
    if unknown:
        bad(f"unknown key '{quoted(unknown[0], 40)}' (known: {', '.join(sorted(_KEYS))})")
    path = _path(item.get("path"), root, bad)
    replaces = item.get("replaces_blocks", False)
    if not isinstance(replaces, bool):
        bad("replaces_blocks must be true or false")
    origin = _numbers(item.get("origin"), (2, 3), "origin", bad)
    if origin is not None:
        lon, lat = origin[0], origin[1]
        if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
            bad("origin must be [longitude, latitude(, height)] in degrees")
            origin = None
        elif crs is not None:
            lon, lat = to_wgs84(lon, lat, crs)
            origin = [lon, lat, *origin[2:]]
    heading = _numbers(item.get("heading_deg"), (1,), "heading_deg", bad, scalar=True)
    offset = _numbers(item.get("offset_m"), (3,), "offset_m", bad)
    if offset is not None and max(abs(v) for v in offset) > MAX_OFFSET_M:
        bad(f"offset_m values must be within ±{MAX_OFFSET_M:,.0f} m")
    ground = _numbers(item.get("ground_height_m"), (1,), "ground_height_m", bad, scalar=True)
    if path is None:
        return None
    return {
        "path": str(path),
        "replaces_blocks": replaces is True,
        "origin": None if origin is None else [*origin, 0.0][:3],
        "heading_deg": heading[0] if heading else 0.0,
        "offset_m": offset or [0.0, 0.0, 0.0],
        "ground_height_m": ground[0] if ground else None,
    }


def _path(value: Any, root: Path, bad: Any) -> Path | None:
    if not isinstance(value, str) or not value.strip():
        bad("path is required: the tileset.json (or its folder) inside the package")
        return None
    text = value.strip()
    if ":" in text or PurePosixPath(text).is_absolute() or PureWindowsPath(text).is_absolute():
        bad(f"path '{quoted(text, 80)}' must be relative to the package folder")
        return None
    path = (root / text).resolve()
    if not path.is_relative_to(root):
        bad(f"path '{quoted(text, 80)}' leads out of the package folder")
        return None
    if path.is_dir():
        path = path / "tileset.json"
    try:
        if path.stat().st_size > MAX_TILESET_JSON_BYTES:
            bad(f"'{quoted(text, 80)}' is larger than {MAX_TILESET_JSON_BYTES // 2**20} MB")
            return None
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        bad(f"'{quoted(text, 80)}' not found (a tileset.json or a folder holding one)")
        return None
    except (OSError, ValueError, RecursionError) as exc:
        bad(f"'{quoted(text, 80)}' cannot be read: {quoted(str(exc), 80)}")
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("root"), dict):
        bad(f"'{quoted(text, 80)}' is not a 3D Tiles tileset (no root tile)")
        return None
    return path


def _numbers(
    value: Any, sizes: tuple[int, ...], name: str, bad: Any, scalar: bool = False
) -> list[float] | None:
    if value is None:
        return None
    items = [value] if scalar else value
    ok = isinstance(items, list) and len(items) in sizes
    ok = ok and all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in items
    )
    if not ok:
        bad(f"{name} must be {'a number' if scalar else f'a list of {sizes[-1]} numbers'}")
        return None
    return [float(v) for v in items]


def entries(extra: dict[str, Any]) -> list[TilesetEntry]:
    """The tilesets kept with a district (`check`'s output); anything malformed is left out."""
    out = []
    for item in extra.get(KEY) or []:
        try:
            origin = item.get("origin")
            ground = item.get("ground_height_m")
            out.append(
                TilesetEntry(
                    Path(str(item["path"])),
                    bool(item.get("replaces_blocks", False)),
                    None if origin is None else (float(origin[0]), float(origin[1]), float(origin[2])),
                    float(item.get("heading_deg", 0.0)),
                    tuple(float(v) for v in item.get("offset_m", (0.0, 0.0, 0.0)))[:3],  # type: ignore[arg-type]
                    None if ground is None else float(ground),
                )
            )
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            continue
    return out
