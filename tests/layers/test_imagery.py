"""Offline imagery draped on the local grid: XYZ folders and MBTiles, and the GCJ-02 offset corrected to
within a metre. The tiles are made here: white, with a red mark drawn where a known WGS-84 point falls in the
source's own coordinates (its GCJ-02 position for an Amap-style copy)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import cv2
import numpy as np
import pytest
import shapely

from layers import imagery
from layers.projection import LocalProjection
from sandbox_app.geo.crs import wgs84_to_gcj02
from tests.layers.sample import at, small_district

ZOOM = 19
MARK = at(30.0, -20.0)
"""The true (WGS-84) position of the mark: in the sample district near Fuzhou, where GCJ-02 is ~500 m off."""


def _tiles(scheme: str) -> dict[tuple[int, int], bytes]:
    """PNG tiles around the mark at ZOOM: white, a red 5×5 px mark at its position in the scheme's frame."""
    lon, lat = MARK if scheme == "wgs84" else wgs84_to_gcj02(*MARK)
    px, py = imagery.lonlat_to_pixel(np.array([lon]), np.array([lat]), ZOOM)[0]
    tx, ty = int(px // imagery.TILE_PX), int(py // imagery.TILE_PX)
    out = {}
    for x in range(tx - 2, tx + 3):
        for y in range(ty - 2, ty + 3):
            tile = np.full((imagery.TILE_PX, imagery.TILE_PX, 3), 255, dtype=np.uint8)
            cx, cy = int(px - x * imagery.TILE_PX), int(py - y * imagery.TILE_PX)
            tile[max(cy - 2, 0) : max(cy + 3, 0), max(cx - 2, 0) : max(cx + 3, 0)] = (0, 0, 255)  # BGR red
            ok, png = cv2.imencode(".png", tile)
            assert ok
            out[(x, y)] = png.tobytes()
    return out


def _folder(root: Path, scheme: str) -> Path:
    for (x, y), png in _tiles(scheme).items():
        (root / str(ZOOM) / str(x)).mkdir(parents=True, exist_ok=True)
        (root / str(ZOOM) / str(x) / f"{y}.png").write_bytes(png)
    return root


def _mbtiles(path: Path, scheme: str) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE tiles (zoom_level INT, tile_column INT, tile_row INT, tile_data BLOB)")
    for (x, y), png in _tiles(scheme).items():
        db.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (ZOOM, x, (1 << ZOOM) - 1 - y, png))
    db.commit()
    db.close()
    return path


def _mark_in(draped: imagery.Draped) -> np.ndarray | None:
    """Local metres of the red mark's centre in the draped image, None when it is not there."""
    red = (draped.rgb[:, :, 0] > 200) & (draped.rgb[:, :, 1] < 60) & (draped.rgb[:, :, 2] < 60)
    if not red.any():
        return None
    rows, cols = np.nonzero(red)
    x0, y0, x1, y1 = draped.bounds
    h, w = red.shape
    return np.array([x0 + (cols.mean() + 0.5) * (x1 - x0) / w, y1 - (rows.mean() + 0.5) * (y1 - y0) / h])


@pytest.fixture()
def proj() -> LocalProjection:
    return LocalProjection.for_district(small_district())


@pytest.mark.parametrize("scheme", ["wgs84", "gcj02"])
@pytest.mark.parametrize("store", ["xyz", "mbtiles"])
def test_the_mark_lands_within_a_metre_of_its_true_place(
    tmp_path: Path, proj: LocalProjection, scheme: str, store: str
) -> None:
    path = _folder(tmp_path / "tiles", scheme) if store == "xyz" else _mbtiles(tmp_path / "t.mbtiles", scheme)
    truth = proj.to_xy(*MARK)[0]
    bounds = (truth[0] - 60.0, truth[1] - 60.0, truth[0] + 60.0, truth[1] + 60.0)
    draped = imagery.drape(imagery.open_source(path), scheme, ZOOM, proj, bounds, metres_per_px=0.25)
    assert draped.mask.all(), "every pixel found its tile"
    found = _mark_in(draped)
    assert found is not None
    assert np.hypot(*(found - truth)) < 1.0, (found, truth)


def test_gcj02_tiles_read_as_wgs84_miss_by_hundreds_of_metres(tmp_path: Path, proj: LocalProjection) -> None:
    """Why the scheme matters: Amap-style tiles taken as WGS-84 put the district somewhere else."""
    dlon, dlat = np.subtract(wgs84_to_gcj02(*MARK), MARK)
    shift = np.hypot(dlon * 111_000 * np.cos(np.radians(MARK[1])), dlat * 111_000)
    assert shift > 100.0
    truth = proj.to_xy(*MARK)[0]
    bounds = (truth[0] - 60.0, truth[1] - 60.0, truth[0] + 60.0, truth[1] + 60.0)
    draped = imagery.drape(imagery.xyz_folder(_folder(tmp_path, "gcj02")), "wgs84", ZOOM, proj, bounds, 0.25)
    assert _mark_in(draped) is None


def test_missing_tiles_are_masked_and_the_size_is_capped(proj: LocalProjection, tmp_path: Path) -> None:
    draped = imagery.drape(imagery.xyz_folder(tmp_path), "wgs84", 15, proj, (-5000, -5000, 5000, 5000), 0.5)
    assert max(draped.rgb.shape[:2]) <= imagery.MAX_SIDE_PX
    assert not draped.mask.any()
    with pytest.raises(ValueError, match="scheme"):
        imagery.drape(imagery.xyz_folder(tmp_path), "bd09", 15, proj, (0, 0, 10, 10), 1.0)


# --- tiles rendered from the demo's OpenStreetMap buildings -----------------------------------------------


def _osm_case(tmp_path: Path, scheme: str, store: str) -> tuple[imagery.Draped, np.ndarray]:
    """The demo's buildings drawn as tiles in `scheme`'s frame, kept in `store`, draped at 0.5 m/px over a
    400 m square; and the true footprints rasterised on the same grid."""
    from tests.layers import imagery_tiles as it

    footprints = it.demo_footprints()
    centre = shapely.centroid(shapely.MultiPolygon(footprints))
    proj = LocalProjection(centre.x, centre.y)
    bounds = (-200.0, -200.0, 200.0, 200.0)
    corners = proj.to_lonlat(np.array([-260.0, 260.0]), np.array([-260.0, 260.0]))
    box = (corners[0, 0], corners[0, 1], corners[1, 0], corners[1, 1])
    tiles = it.render_tiles(footprints, scheme, box)
    path = {
        "xyz": lambda: it.write_xyz(tmp_path / "tiles", tiles),
        "mbtiles": lambda: it.write_mbtiles(tmp_path / "t.mbtiles", tiles),
        "gpkg": lambda: it.write_gpkg(tmp_path / "t.gpkg", tiles),
    }[store]()
    assert imagery.zooms(path) == [it.ZOOM]
    draped = imagery.drape(imagery.open_source(path), scheme, it.ZOOM, proj, bounds, metres_per_px=0.5)
    h, w = draped.rgb.shape[:2]
    truth = np.zeros((h, w), dtype=np.uint8)
    for p in footprints:
        xy = proj.to_xy(*np.asarray(p.exterior.coords).T)
        cols, rows = (xy[:, 0] - bounds[0]) / 0.5 - 0.5, (bounds[3] - xy[:, 1]) / 0.5 - 0.5
        cv2.fillPoly(truth, [np.round(np.column_stack([cols, rows]) * 16).astype(np.int32)], 1, shift=4)
    return draped, truth.astype(bool)


@pytest.mark.parametrize("scheme", ["wgs84", "gcj02"])
@pytest.mark.parametrize("store", ["xyz", "mbtiles", "gpkg"])
def test_osm_buildings_drawn_in_tiles_land_within_a_metre(tmp_path: Path, scheme: str, store: str) -> None:
    """An Amap-style copy, shifted by the GCJ-02 offset (~300 m in Beijing), drapes onto the same place as
    the WGS-84 tiles: the buildings' pixels centre within 1 m of the true footprints' and overlap them."""
    from tests.layers.imagery_tiles import ink

    draped, truth = _osm_case(tmp_path, scheme, store)
    assert draped.mask.all()
    found = ink(draped.rgb)
    assert truth.sum() > 20_000, "the square holds many buildings"
    shift_px = np.subtract(np.argwhere(found).mean(axis=0), np.argwhere(truth).mean(axis=0))
    assert np.hypot(*shift_px) * draped.metres_per_px < 1.0, shift_px
    overlap = (found & truth).sum() / (found | truth).sum()
    assert overlap > 0.85, overlap


def test_osm_gcj02_tiles_taken_as_wgs84_miss_the_buildings(tmp_path: Path) -> None:
    """The control: the same shifted copy without the correction overlaps the footprints barely at all."""
    from tests.layers import imagery_tiles as it

    draped, truth = _osm_case(tmp_path, "gcj02", "xyz")
    footprints = it.demo_footprints()
    centre = shapely.centroid(shapely.MultiPolygon(footprints))
    proj = LocalProjection(centre.x, centre.y)
    wrong = imagery.drape(imagery.xyz_folder(tmp_path / "tiles"), "wgs84", it.ZOOM, proj, draped.bounds, 0.5)
    found = it.ink(wrong.rgb)
    assert (found & truth).sum() / max((found | truth).sum(), 1) < 0.3


def test_a_store_picks_the_zoom_that_matches_the_drape() -> None:
    assert imagery.choose_zoom([15, 16, 17, 18, 19], 40.0, 0.5) == 18  # 0.46 m/px at 40° N
    assert imagery.choose_zoom([15, 16], 40.0, 0.5) == 16  # the sharpest held
    with pytest.raises(ValueError, match="no tiles"):
        imagery.choose_zoom([], 40.0, 0.5)
