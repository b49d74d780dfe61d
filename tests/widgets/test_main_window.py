"""The main window on a hand-made district: what the map draws, where, and in which language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from layers import style
from main import parse_gui_args
from sandbox_app.domain.enums import GuardRole, RoomUsage
from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from tests.layers.sample import GUARD_POSITIONS, at, small_district
from widgets.i18n import install_translators, remove_translators
from widgets.main_window import MainWindow

pytestmark = pytest.mark.gui


def show(qtbot: QtBot, scene: Scene, **kwargs: object) -> MainWindow:
    window = MainWindow(scene, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(900, 640)
    window.show()
    qtbot.waitExposed(window)
    window.map2d.fit()
    QApplication.processEvents()
    return window


def grab_map(window: MainWindow, tmp_path: Path) -> QImage:
    image = window.map2d.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    assert image.save(str(tmp_path / "map.png"))
    return image


def pixel_at(window: MainWindow, image: QImage, lon: float, lat: float) -> tuple[int, int, int]:
    """The map pixel drawn at a lon/lat (via the window's own projection and view transform)."""
    x, y = window.projection.to_xy([lon], [lat])[0]
    scene_pt = window.map2d.getPlotItem().vb.mapViewToScene(QPointF(float(x), float(y)))
    view_pt = window.map2d.mapFromScene(scene_pt)
    ratio = image.devicePixelRatio()
    colour = image.pixelColor(int(view_pt.x() * ratio), int(view_pt.y() * ratio))
    return colour.red(), colour.green(), colour.blue()


def close_to(actual: tuple[int, int, int], expected: tuple[int, ...], tol: int = 12) -> bool:
    return all(abs(a - e) <= tol for a, e in zip(actual, expected[:3], strict=True))


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def test_map_draws_rental_building_blue_and_guard_by_role(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    window = show(qtbot, Scene(small_district(), dict(GUARD_POSITIONS)))
    image = grab_map(window, tmp_path)
    assert len(np.unique(_rgb_array(image).reshape(-1, 3), axis=0)) > 10, "map looks blank"
    # A point inside B1 (one of its two rooms rented: tinted half way to rental blue, issue 21) away from
    # the smart-lock marker at its centre.
    owner = style.ROOM_USAGE[RoomUsage.OWNER]
    half = tuple((o + r) // 2 for o, r in zip(owner, style.RENTAL_BLUE, strict=True))
    assert close_to(pixel_at(window, image, *at(-42, 58)), half)
    assert close_to(pixel_at(window, image, *at(-42, -42)), style.GROUP_RENTAL_BLUE)
    assert close_to(pixel_at(window, image, *GUARD_POSITIONS["GU1"]), style.GUARD_ROLE[GuardRole.POLICE].rgba)
    assert close_to(pixel_at(window, image, *GUARD_POSITIONS["GU2"]), style.GUARD_ROLE[GuardRole.GRID].rgba)
    # The map's corner, outside the compound's padding, is bare background.
    corner = image.pixelColor(2, 2)
    assert close_to((corner.red(), corner.green(), corner.blue()), style.BACKGROUND)


def _rgb_array(image: QImage) -> np.ndarray:
    ptr = image.constBits()
    arr = np.frombuffer(ptr, dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return arr[:, : image.width() * 4].reshape(image.height(), image.width(), 4)[..., :3]


def test_hiding_a_layer_removes_it_from_the_map(qtbot: QtBot, tmp_path: Path, english: None) -> None:
    window = show(qtbot, Scene(small_district(), dict(GUARD_POSITIONS)))
    window.layer_list.set_checked("buildings", False)
    QApplication.processEvents()
    image = grab_map(window, tmp_path)
    assert not close_to(pixel_at(window, image, *at(-42, 58)), style.RENTAL_BLUE)
    assert all(not item.isVisible() for item in window.map2d.layer_items("buildings"))


def test_one_item_per_layer_and_primitive(qtbot: QtBot, english: None) -> None:
    district = small_district()
    window = show(qtbot, Scene(district, dict(GUARD_POSITIONS)))
    assert len(window.map2d.layer_items("buildings")) == 2  # polygons + the group-rental markers
    assert len(window.map2d.layer_items("compounds")) == 2  # polygons + labels
    assert len(window.map2d.layer_items("guards")) == 1
    assert "2 of 2 guards" in window.statusBar().currentMessage()


def test_title_is_chinese_by_default_and_english_with_lang_en(qtbot: QtBot, qapp: QApplication) -> None:
    for argv, expected in (([], "数字沙盘"), (["--lang", "en"], "Digital Sandbox")):
        lang = parse_gui_args(argv).lang
        translators = install_translators(qapp, lang)
        try:
            window = show(qtbot, Scene(small_district()))
            assert window.windowTitle() == f"{expected} — 测试小区"
            assert window.import_action.text() == ("导入数据包…" if lang == "zh_CN" else "Import package…")
        finally:
            remove_translators(qapp, translators)


class FakePackageError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("invalid package")
        self.problems = problems


def test_import_runs_in_background_and_switches_the_map(qtbot: QtBot, english: None) -> None:
    seen: list[tuple[str, int, int]] = []

    def job(package: Path, progress: object) -> District:
        for done in range(3):
            progress("buildings", done, 2)  # type: ignore[operator]
            seen.append(("buildings", done, 2))
        district = small_district()
        district.name = package.name
        return district

    window = show(qtbot, Scene(District("empty", "UTC")), import_job=job)
    with qtbot.waitSignal(window.importer.imported, timeout=5000):
        window.import_package(Path("/packages/新区"))
    qtbot.waitUntil(lambda: window.importer.worker is None)
    assert window.windowTitle() == "Digital Sandbox — 新区"
    assert len(window.scene.district.buildings) == 3 and len(seen) == 3


def test_import_failure_shows_every_problem(qtbot: QtBot, english: None) -> None:
    problems = [f"buildings.geojson:{row}: floors: not a number" for row in range(1, 31)]

    def job(package: Path, progress: object) -> District:
        raise FakePackageError(problems)

    window = show(qtbot, Scene(small_district()), import_job=job)
    window.import_package(Path("/packages/bad"))
    qtbot.waitUntil(lambda: window.importer.error_box is not None, timeout=5000)
    box = window.importer.error_box
    assert box is not None
    assert "30 problems" in box.text()
    assert box.detailedText().splitlines() == problems
    assert window.scene.district.name == "测试小区"  # nothing replaced
    box.close()
