"""The manifest's `imagery` key: an offline basemap inside the package, checked at import and kept with an
absolute path in `District.extra` (so a district read back from the database still finds its tiles)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sandbox_app.data import imagery_source
from sandbox_app.data.package import Problem, load_package
from tests.data.test_package import MANIFEST, load_problems, only, write_package


def _mbtiles(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT, tile_data BLOB)")
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize(
    ("value", "scheme"),
    [
        ("tiles/imagery.mbtiles", "wgs84"),
        ({"path": "tiles/imagery.mbtiles", "scheme": "GCJ-02"}, "gcj02"),
        ({"path": "tiles/imagery.mbtiles", "scheme": "CGCS2000"}, "wgs84"),
    ],
)
def test_a_basemap_inside_the_package_is_kept_with_its_tiling(
    tmp_path: Path, value: Any, scheme: str
) -> None:
    root = write_package(tmp_path / "pkg", manifest={**MANIFEST, "imagery": value})
    (root / "tiles").mkdir()
    _mbtiles(root / "tiles" / "imagery.mbtiles")
    district = load_package(root)
    source = imagery_source.from_extra(district.extra)
    assert source == imagery_source.ImagerySource((root / "tiles" / "imagery.mbtiles").resolve(), scheme)
    assert source.kind == "mbtiles"


def test_an_xyz_folder_and_the_packages_crs_as_default_tiling(tmp_path: Path) -> None:
    root = write_package(tmp_path / "pkg", manifest={**MANIFEST, "crs": "gcj02", "imagery": "xyz"})
    (root / "xyz" / "17").mkdir(parents=True)
    source = imagery_source.from_extra(load_package(root).extra)
    assert source is not None and (source.kind, source.scheme) == ("xyz", "gcj02")


@pytest.mark.parametrize(
    ("value", "field", "reason"),
    [
        ("../elsewhere.mbtiles", "imagery.path", "must be a path inside the package folder"),
        ("/etc/passwd", "imagery.path", "must be a path inside the package folder"),
        ("missing.mbtiles", "imagery.path", "'missing.mbtiles': not found"),
        (
            "manifest.json",
            "imagery.path",
            "'manifest.json': unsupported format; use an .mbtiles or .gpkg file or an XYZ tile folder",
        ),
        ("fake.gpkg", "imagery.path", "'fake.gpkg': not an SQLite file, so not .gpkg"),
        (
            {"path": "t.mbtiles", "scheme": "bd09"},
            "imagery.scheme",
            "unknown tiling 'bd09'; use one of wgs84, cgcs2000, epsg:4326, epsg:4490, gcj02",
        ),
        (7, "imagery", 'expected a path or {"path": ..., "scheme": ...}'),
    ],
)
def test_a_bad_basemap_is_reported_by_field(tmp_path: Path, value: Any, field: str, reason: str) -> None:
    root = write_package(tmp_path / "pkg", manifest={**MANIFEST, "imagery": value})
    (root / "fake.gpkg").write_text("not sqlite", encoding="utf-8")
    _mbtiles(root / "t.mbtiles")
    assert only(load_problems(root)) == Problem("manifest.json", None, field, reason)
