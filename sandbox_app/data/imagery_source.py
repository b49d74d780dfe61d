"""Where a district's offline imagery basemap (实景影像底图) lives and how it is tiled: the manifest's
`imagery` key, checked at import, and the same description for a basemap opened from the File menu.

Three stores of 256-px Web-Mercator tiles are read (by `layers.imagery`): an MBTiles file, a GeoPackage
with a tiles table (EPSG:3857 tile matrix set), or an XYZ folder (`z/x/y.png`). Two tilings: `wgs84`
(WGS-84 or CGCS2000 imagery, e.g. 天地图 `img_w`; the two datums are within a metre) and `gcj02`
(Amap/Tencent-style, whose pictures are shifted by the GCJ-02 offset; corrected when draped).

The path is resolved at import to an absolute one inside the package folder and kept in
`District.extra["imagery"]`, so a district loaded later from the database finds its tiles where the package
was imported from. Only what is checked here is ever opened: a regular file with the SQLite header, or a
folder holding numbered zoom folders.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox_app.data.problems import Problem, quoted

KEY = "imagery"
"""The manifest key (and `District.extra` key)."""
SCHEMES = ("wgs84", "gcj02")
SCHEME_ALIASES = {
    "wgs84": "wgs84",
    "cgcs2000": "wgs84",
    "epsg:4326": "wgs84",
    "epsg:4490": "wgs84",
    "gcj02": "gcj02",
}
"""What a manifest may write for each tiling (case, '-' and '_' ignored)."""
KINDS = ("mbtiles", "gpkg", "xyz")
_SQLITE_MAGIC = b"SQLite format 3\x00"
_MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class ImagerySource:
    path: Path
    scheme: str
    """'wgs84' or 'gcj02'."""

    @property
    def kind(self) -> str:
        """'mbtiles', 'gpkg' or 'xyz' (by the path: a folder is an XYZ tree)."""
        suffix = self.path.suffix.lower()
        if suffix == ".mbtiles":
            return "mbtiles"
        if suffix == ".gpkg":
            return "gpkg"
        return "xyz"

    def as_extra(self) -> dict[str, str]:
        return {"path": str(self.path), "scheme": self.scheme}


def scheme_of(text: str) -> str | None:
    """The tiling a manifest value names, or None when it is not one this app reads."""
    return SCHEME_ALIASES.get(text.strip().lower().replace("-", "").replace("_", "").replace(" ", ""))


def store_problem(path: Path) -> str | None:
    """Why `path` is not a tile store this app opens, or None."""
    if path.is_dir():
        if any(p.is_dir() and p.name.isdigit() for p in path.iterdir()):
            return None
        return "folder has no zoom-level folders (z/x/y.png)"
    if not path.is_file():
        return "not found"
    if path.suffix.lower() not in (".mbtiles", ".gpkg"):
        return "unsupported format; use an .mbtiles or .gpkg file or an XYZ tile folder"
    with path.open("rb") as f:
        if f.read(len(_SQLITE_MAGIC)) != _SQLITE_MAGIC:
            return f"not an SQLite file, so not {path.suffix.lower()}"
    return None


def check_manifest(root: Path, extra: dict[str, Any], crs: str | None, problems: list[Problem]) -> None:
    """Validate `extra["imagery"]` in place: on success it becomes {"path": absolute, "scheme": ...}; on a
    problem it is reported and dropped. Accepts a path text or {"path": ..., "scheme": ...}; the scheme
    defaults to the package's own crs when that is a tiling read here."""
    if KEY not in extra:
        return
    value = extra.pop(KEY)
    spec = {"path": value} if isinstance(value, str) else value
    if not isinstance(spec, dict) or not isinstance(spec.get("path"), str) or not spec["path"].strip():
        problems.append(Problem(_MANIFEST, None, KEY, 'expected a path or {"path": ..., "scheme": ...}'))
        return
    text = spec["path"].strip()
    scheme_text = spec.get("scheme", crs or "")
    scheme = scheme_of(scheme_text) if isinstance(scheme_text, str) else None
    if scheme is None:
        allowed = ", ".join(SCHEME_ALIASES)
        shown = "'" + quoted(str(scheme_text), 40) + "'"
        problems.append(
            Problem(_MANIFEST, None, f"{KEY}.scheme", f"unknown tiling {shown}; use one of {allowed}")
        )
        return
    base = root.resolve()
    path = (base / text).resolve()
    if Path(text).is_absolute() or not path.is_relative_to(base):
        problems.append(Problem(_MANIFEST, None, f"{KEY}.path", "must be a path inside the package folder"))
        return
    reason = store_problem(path)
    if reason is not None:
        problems.append(Problem(_MANIFEST, None, f"{KEY}.path", f"'{quoted(text, 80)}': {reason}"))
        return
    extra[KEY] = ImagerySource(path, scheme).as_extra()


def from_extra(extra: dict[str, Any]) -> ImagerySource | None:
    """The district's basemap as `check_manifest` left it, None when there is none (or it is malformed)."""
    spec = extra.get(KEY)
    if not isinstance(spec, dict):
        return None
    path, scheme = spec.get("path"), spec.get("scheme")
    if not isinstance(path, str) or scheme not in SCHEMES:
        return None
    return ImagerySource(Path(path), str(scheme))
