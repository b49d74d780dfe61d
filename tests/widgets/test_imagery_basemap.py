"""The offline imagery basemap in the main window: declared in the package manifest or opened from the File
menu, it lies under the 2D map (and on the 3D ground: tests/widgets/test_imagery_basemap_3d.py). The tiles are
drawn here from the demo's own OpenStreetMap buildings, as an Amap-style (GCJ-02-shifted) copy: on the map
the imagery's buildings must fall on the buildings' true places."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import shapely
from pytestqt.qtbot import QtBot

from sandbox_app.data.imagery_source import ImagerySource
from sandbox_app.data.package import load_package
from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from tests.layers import imagery_tiles as it
from tests.support import committed_demo
from widgets.main_window import MainWindow


@pytest.fixture(scope="module")
def gcj_tiles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An XYZ folder of the demo's buildings and roads, drawn where a GCJ-02 source puts them."""
    bounds = json.loads((committed_demo() / "manifest.json").read_text(encoding="utf-8"))["bounds"]
    pad = 0.004
    box = (bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad)
    tiles = it.render_tiles(it.demo_footprints(), "gcj02", box, it.demo_roads())
    return it.write_xyz(tmp_path_factory.mktemp("gcj") / "xyz", tiles)


@pytest.fixture(scope="module")
def demo_with_imagery(tmp_path_factory: pytest.TempPathFactory, gcj_tiles: Path) -> District:
    """The demo package copied with the tiles inside it and declared in its manifest."""
    root = tmp_path_factory.mktemp("pkg") / "demo"
    shutil.copytree(committed_demo(), root)
    shutil.copytree(gcj_tiles, root / "imagery")
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    manifest["imagery"] = {"path": "imagery", "scheme": "gcj02"}
    (root / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return load_package(root)


def _window(qtbot: QtBot, district: District) -> MainWindow:
    window = MainWindow(Scene(district))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    for name in ("buildings", "compounds", "devices", "gates"):  # drawn over the imagery's buildings
        window.map2d.set_layer_visible(name, False)
    return window


def _ink_on_buildings(window: MainWindow, district: District) -> float:
    """The share of buildings (large enough to hit) whose centre shows the imagery's building colour."""
    image = window.map2d.grab().toImage()
    ratio = image.devicePixelRatio()
    shown = hit = 0
    for b in district.buildings.values():
        if b.footprint.area < 2e-8:  # ~ 200 m²
            continue
        inner = shapely.maximum_inscribed_circle(b.footprint).centroid
        x, y = window.projection.to_xy(inner.x, inner.y)[0]
        p = window.map2d.map_to_widget(float(x), float(y))
        px, py = round(p.x() * ratio), round(p.y() * ratio)
        if not (0 <= px < image.width() and 0 <= py < image.height()):
            continue
        c = image.pixelColor(px, py)
        shown += 1
        hit += bool(it.ink(np.array([[c.red(), c.green(), c.blue()]], dtype=np.uint8))[0])
    assert shown > 100, shown
    return hit / shown


def test_the_manifests_gcj02_basemap_lies_under_the_buildings(
    qtbot: QtBot, demo_with_imagery: District
) -> None:
    window = _window(qtbot, demo_with_imagery)
    qtbot.waitUntil(lambda: window.basemap.draped is not None, timeout=30_000)
    assert window.map2d.imagery is not None
    qtbot.waitUntil(lambda: _ink_on_buildings(window, demo_with_imagery) > 0.9, timeout=5_000)


def test_a_basemap_opened_from_the_file_menu(
    qtbot: QtBot, demo_with_imagery: District, gcj_tiles: Path
) -> None:
    plain = District(demo_with_imagery.name, demo_with_imagery.timezone)
    for layer in ("compounds", "buildings", "roads"):
        setattr(plain, layer, getattr(demo_with_imagery, layer))
    window = _window(qtbot, plain)
    assert window.basemap.draped is None and window.map2d.imagery is None
    assert _ink_on_buildings(window, plain) < 0.05, "no imagery: no building colour from tiles"
    failures: list[str] = []
    window.basemap.failed.connect(failures.append)
    window.basemap.ask = lambda: ImagerySource(gcj_tiles, "gcj02")
    window.imagery_action.trigger()
    qtbot.waitUntil(lambda: window.basemap.draped is not None, timeout=30_000)
    qtbot.waitUntil(lambda: _ink_on_buildings(window, plain) > 0.9, timeout=5_000)
    assert not failures


def test_an_unreadable_basemap_says_why_in_the_status_bar(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.layers.sample import small_district

    window = _window(qtbot, small_district())
    (tmp_path / "bad.mbtiles").write_bytes(b"SQLite format 3\x00" + bytes(200))
    window.basemap.ask = lambda: ImagerySource(tmp_path / "bad.mbtiles", "wgs84")
    window.imagery_action.trigger()
    qtbot.waitUntil(lambda: "bad.mbtiles" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.basemap.draped is None
