"""Issue 16 §6: the window fits the screen and starts sensibly (no display, a new database, no users,
view-only, the district clock, a refit on resize, no clipped buttons at 1280×720)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

import main
from sandbox_app.station.live import LiveOptions, LiveSession
from sandbox_app.station.scene import Scene
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district
from tests.widgets.test_main_window import english, show
from widgets.live_controller import LiveController
from widgets.main_window import MainWindow
from widgets.startup import confirm_new_database, fit_to_screen

pytestmark = pytest.mark.gui
__all__ = ["english"]

SCREENS = [(1280, 720), (1920, 1080)]


def test_no_display_is_said_with_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.display_missing({}, "linux")
    assert not main.display_missing({"DISPLAY": ":0"}, "linux")
    assert not main.display_missing({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not main.display_missing({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not main.display_missing({}, "win32")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main.main(["--no-sim"]) == main.NO_DISPLAY_EXIT == 2
    assert "no display" in capsys.readouterr().err


def test_a_missing_database_is_asked_for_before_it_is_created(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def question(_parent: object, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        return question

    db = tmp_path / "typo.db"
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not confirm_new_database(db, Path("resources/demo"))
    assert asked and str(db) in asked[0] and not db.exists()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert confirm_new_database(db, Path("resources/demo"))
    db.write_bytes(b"")
    asked.clear()
    assert confirm_new_database(db, Path("resources/demo")) and not asked, "an existing file is not asked"


def test_the_window_never_opens_larger_than_the_screen(qtbot: QtBot, english: None) -> None:
    window = MainWindow(Scene(small_district()))
    qtbot.addWidget(window)
    fit_to_screen(window)
    screen = window.screen().availableGeometry()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert window.width() >= min(screen.width(), 1400) and window.height() >= min(screen.height(), 900)
    assert screen.contains(window.geometry()) or window.pos() == screen.topLeft()


def test_the_district_clock_is_always_in_the_status_bar(qtbot: QtBot, english: None) -> None:
    window = show(qtbot, Scene(small_district()))
    district = window.scene.district
    ts = 1_796_000_000_000  # ms, as the engine's clock
    window.set_clock(ts)
    label = window.clock_label
    assert label.isVisible() and label.parent() is window.statusBar()
    expected = datetime.fromtimestamp(ts / 1000, ZoneInfo(district.timezone or "UTC")).strftime("%H:%M:%S")
    assert expected in label.text()


def test_view_only_reads_offline_not_starting(qtbot: QtBot, tmp_path: Path, english: None) -> None:
    window = show(qtbot, Scene(small_district()))
    session = LiveSession(
        window.scene.district, lambda: SqliteStore(tmp_path / "v.db"), LiveOptions(simulate=False)
    )
    controller = LiveController(window, session, "desk:tester")
    try:
        text = window.status_labels["health"].text()
        assert text == "Offline view" and "starting" not in text
    finally:
        controller.stop()


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_nothing_is_clipped_at_common_screen_sizes(
    qtbot: QtBot, english: None, width: int, height: int, tmp_path: Path
) -> None:
    window = show(qtbot, Scene(small_district()))
    window.dispatch_panel.show()
    window.resize(width, height)
    qtbot.wait(50)
    assert window.grab().save(str(tmp_path / f"window_{width}x{height}.png"))
    clipped = [
        f"{b.objectName() or b.text()}: {b.width()} < {b.minimumSizeHint().width()}"
        for b in window.findChildren(QAbstractButton)
        if b.isVisible() and b.text() and b.width() < b.minimumSizeHint().width()
    ]
    assert not clipped, clipped
    assert window.height() <= height, "the docks' minimum height must fit the screen"
    layers = window.layer_list
    assert layers.viewport().width() >= layers.sizeHintForColumn(0), "a layer name is cut"
    for table in (window.alerts_panel.findChild(QTableView),):
        assert table is not None and not table.horizontalScrollBar().isVisible()
    # the status bar shows the clock whole
    clock = window.clock_label
    assert clock.isVisible() and clock.width() >= clock.minimumSizeHint().width()


def test_the_district_refits_when_the_window_grows_until_the_user_pans(qtbot: QtBot, english: None) -> None:
    window = show(qtbot, Scene(small_district()))
    window.resize(1280, 720)
    window.map2d.fit()
    qtbot.wait(50)
    before = window.map2d.getPlotItem().vb.viewPixelSize()[0]
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.map2d.getPlotItem().vb.viewPixelSize()[0] < before * 0.9, timeout=2000)
    window.map2d.centre_on(0.0, 0.0)  # a focus (or the user) moved the view: no more refits
    assert not window.map2d.framed


@pytest.fixture(autouse=True)
def _no_leftover_windows(qapp: QApplication) -> Iterator[None]:
    yield
    QApplication.processEvents()
