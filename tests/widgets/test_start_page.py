"""Issue 16 §6: on an empty database the window opens on a start page (import a package / open the demo)
instead of an empty map; the demo button imports the demo and the map takes the page's place."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from sandbox_app.data.resources import demo_package
from sandbox_app.station.scene import Scene, load_scene
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district
from tests.support import committed_demo
from tests.widgets.screen_fit import problems
from tests.widgets.test_main_window import english, show
from widgets.main_window import MainWindow
from widgets.start_page import StartPage

pytestmark = pytest.mark.gui
__all__ = ["english"]


def _empty_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """What `main.py --db new.db --package <none>` shows: the store has no district, no package is read."""
    db = tmp_path / "empty.db"
    SqliteStore(db).close()
    scene = load_scene(db, tmp_path / "no-package")
    assert not scene.district.buildings
    window = MainWindow(scene, db=db)
    qtbot.addWidget(window)
    window.resize(1280, 720)  # the size it opens at (fit_to_screen) before it is shown
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.docks_settled, timeout=2000)
    return window


def _ink(image: QImage) -> int:
    """Pixels clearly darker than the page's background: text and button labels."""
    converted = image.convertToFormat(QImage.Format.Format_RGB888)  # kept alive while its bits are read
    rgb = np.frombuffer(converted.constBits(), np.uint8).copy()
    rgb = rgb.reshape(image.height(), -1)[:, : image.width() * 3].reshape(image.height(), image.width(), 3)
    grey = rgb.astype(np.int32).mean(axis=-1)
    return int((grey < np.median(grey) - 80).sum())


def test_an_empty_database_opens_on_a_start_page(qtbot: QtBot, tmp_path: Path, english: None) -> None:
    window = _empty_window(qtbot, tmp_path)
    page = window.start_page
    assert page is not None and page.isVisible() and not window.map2d.isVisible()
    assert page.title.text() == "No district loaded yet"
    assert "Import the district package" in page.text.text()
    buttons = {b.objectName(): b for b in page.findChildren(QPushButton)}
    assert buttons["start_import"].text() == "Import a district package…"
    assert buttons["start_import"].isVisible() and buttons["start_import"].isEnabled()
    assert buttons["start_demo"].text() == "Open the demo district"
    assert buttons["start_demo"].isEnabled() == (demo_package() / "manifest.json").is_file()
    for button in buttons.values():  # whole, not cut, on a 1280×720 window
        assert button.width() >= button.minimumSizeHint().width()
        assert page.rect().contains(button.geometry())
    assert page.text.height() >= page.text.heightForWidth(page.text.width()), "the text's lines are cut"
    qtbot.waitUntil(lambda: not problems(window), timeout=2000)  # nothing cut or overlapped around it
    image = window.grab(QRect(page.mapTo(window, QPoint(0, 0)), page.size())).toImage()  # with its background
    assert image.save(str(tmp_path / "start_page.png"))
    assert _ink(image) > 500, "the page shows its text"


def test_without_a_demo_its_button_is_disabled_and_says_why(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    page = StartPage(demo=tmp_path / "nothing")
    qtbot.addWidget(page)
    assert not page.demo_button.isEnabled()
    assert str(tmp_path / "nothing") in page.demo_button.toolTip()


def test_the_import_button_asks_for_a_package_folder(
    qtbot: QtBot, tmp_path: Path, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _empty_window(qtbot, tmp_path)
    asked: list[str] = []

    def choose(_parent: object, caption: str, *_: object) -> str:
        asked.append(caption)
        return ""  # cancelled: nothing is imported

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    assert window.start_page is not None
    qtbot.mouseClick(window.start_page.import_button, Qt.MouseButton.LeftButton)
    assert asked == ["Choose a district package folder"]
    assert window.importer.worker is None and window.start_page.isVisible()


def test_the_demo_button_opens_the_demo_and_the_map_replaces_the_page(
    qtbot: QtBot, tmp_path: Path, english: None
) -> None:
    committed_demo()
    window = _empty_window(qtbot, tmp_path)
    page = window.start_page
    assert page is not None
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(window.scene.district.buildings), timeout=120_000)
    qtbot.waitUntil(lambda: window.importer.worker is None, timeout=10_000)
    assert not page.isVisible() and window.map2d.isVisible()
    assert window.map2d.layer_items("buildings"), "the demo's buildings are drawn"
    store = SqliteStore(tmp_path / "empty.db")
    try:
        stored = store.load_district()
    finally:
        store.close()
    assert stored is not None and len(stored.buildings) == len(window.scene.district.buildings)


def test_a_loaded_district_shows_the_map_not_the_page(qtbot: QtBot, english: None) -> None:
    window = show(qtbot, Scene(small_district()))
    assert window.start_page is not None and not window.start_page.isVisible()
    assert window.map2d.isVisible()
