"""The manifest's `tilesets` (issue 18 §2): real-scene 3D Tiles models declared with a package, checked at
import like the rest of the manifest, kept with absolute paths and a WGS-84 origin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sandbox_app.data import tilesets
from sandbox_app.data.package import load_package
from sandbox_app.geo.crs import gcj02_to_wgs84
from tests.data.test_package import MANIFEST, load_problems, write_package
from tests.layers import tiles3d_sample


def _package(tmp_path: Path, entries: Any, crs: str = "wgs84") -> Path:
    root = write_package(tmp_path / "pkg", manifest={**MANIFEST, "crs": crs, "tilesets": entries})
    tiles3d_sample.quadtree(root / "model")
    return root


def test_declared_tileset_is_kept_with_its_absolute_path(tmp_path: Path) -> None:
    entry = {"path": "model", "replaces_blocks": True, "origin": [116.351, 40.001], "heading_deg": 30}
    root = _package(tmp_path, [entry], crs="gcj02")
    district = load_package(root)
    (kept,) = tilesets.entries(district.extra)
    assert kept.path == (root / "model" / "tileset.json").resolve() and kept.replaces_blocks
    lon, lat = gcj02_to_wgs84(116.351, 40.001)  # the origin is in the manifest's crs, kept in WGS-84
    assert kept.origin is not None and kept.origin == pytest.approx((lon, lat, 0.0), abs=1e-9)
    assert kept.heading_deg == 30.0 and kept.offset_m == (0.0, 0.0, 0.0) and kept.ground_height_m is None


@pytest.mark.parametrize(
    ("entries", "reason"),
    [
        ({"path": "model"}, "must be a list"),
        (["model"], "must be an object"),
        ([{"path": "../elsewhere"}], "out of the package folder"),
        ([{"path": "/etc/tileset.json"}], "relative to the package folder"),
        ([{"path": "missing"}], "not found"),
        ([{"path": "manifest.json"}], "not a 3D Tiles tileset"),
        ([{"path": "model", "replaces_blocks": "yes"}], "true or false"),
        ([{"path": "model", "origin": [500, 40]}], "origin must be"),
        ([{"path": "model", "offset_m": [1, 2]}], "offset_m must be a list of 3 numbers"),
        ([{"path": "model", "heading_deg": "north"}], "heading_deg must be a number"),
        ([{"path": "model", "replace_blocks": True}], "unknown key 'replace_blocks'"),
    ],
)
def test_bad_entries_are_reported(tmp_path: Path, entries: Any, reason: str) -> None:
    problems = [p for p in load_problems(_package(tmp_path, entries)) if p.file == "manifest.json"]
    assert len(problems) == 1 and reason in problems[0].reason, [str(p) for p in problems]
    assert problems[0].field is not None and problems[0].field.startswith("tilesets")
