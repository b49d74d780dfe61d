"""A search hit's passes (issue 21): picked in the search box, the person's track is drawn on the 2D map,
their passes listed in time order, last seen with the cameras around it, one click replays there, and the
track exports without the person's name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from layers import style
from sandbox_app.domain.events import Event
from sandbox_app.engine.clock import WallClock
from sandbox_app.privacy.mask import Viewer
from sandbox_app.station.scene import Scene
from sandbox_app.store import open_store
from tests.layers.sample import at, small_district
from widgets.main_window import MainWindow
from widgets.search_box import HIT_ROLE
from widgets.search_track import attach_track_reader

pytestmark = pytest.mark.gui
HOUR = 3_600_000
MAGENTA = style.TRACK_LINE.rgba


def show(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    district = small_district()
    db = tmp_path / "s.db"
    store = open_store(db)
    store.replace_district(district)
    now = WallClock().now_ms()
    store.append_events(
        [
            Event(
                "p1", now - 5 * HOUR, "D1", "face.pass", None, None, {"person_id": "P0002"}
            ),  # someone else
            Event("p2", now - 4 * HOUR, "D1", "face.pass", None, None, {"person_id": "P0001"}),  # at B1
            Event("p3", now - 2 * HOUR, "D3", "face.pass", None, None, {"person_id": "P0001"}),  # south gate
            Event(
                "p4", now - 40 * 24 * HOUR, "D3", "face.pass", None, None, {"person_id": "P0001"}
            ),  # too old
        ]
    )
    store.close()
    w = MainWindow(Scene(district), viewer=Viewer.OFFICER)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    attach_track_reader(w.search_box.track_panel, lambda: w.scene.district, db)
    w.search_box.show()
    w.search_box.raise_()
    w.map2d.fit()
    QApplication.processEvents()
    return w


def _magenta_near(w: MainWindow, lonlat: tuple[float, float], reach: int = 4) -> bool:
    QApplication.processEvents()
    image = w.map2d.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    x, y = w.projection.to_xy([lonlat[0]], [lonlat[1]])[0]
    pt = w.map2d.map_to_widget(float(x), float(y))
    ratio = image.devicePixelRatio()
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            c = image.pixelColor(int((pt.x() + dx) * ratio), int((pt.y() + dy) * ratio))
            if abs(c.red() - MAGENTA[0]) < 40 and c.green() < 80 and abs(c.blue() - MAGENTA[2]) < 50:
                return True
    return False


def test_a_picked_person_shows_track_timeline_and_last_seen(qtbot: QtBot, tmp_path: Path) -> None:
    window = show(qtbot, tmp_path)
    box, panel = window.search_box, window.search_box.track_panel
    replayed: list[tuple[int, Any]] = []
    panel.replay_at = lambda ts, where: replayed.append((ts, where))
    box.line.setText("测试居民0001")
    hits = box.run()
    assert [h.kind for h in hits] == ["person"]
    first = box.results.item(0)
    assert first.data(HIT_ROLE).id == "P0001"
    qtbot.mouseClick(
        box.results.viewport(), Qt.MouseButton.LeftButton, pos=box.results.visualItemRect(first).center()
    )
    qtbot.waitUntil(lambda: panel.track is not None, timeout=10_000)
    assert panel.isVisible()
    # the timeline: the two passes of the last 30 days, oldest first, by kind and device
    rows = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(rows) == 2 and rows[0].endswith("D1") and rows[1].endswith("D3")
    # last seen at the south gate; the crossroads camera D4 (~82 m away) is listed with it
    summary = panel.summary.text()
    assert "D3" in summary and "D4" in summary and "2 " in summary
    assert "测试居民0001" not in summary
    # on the map: the magenta track between the first pass (building B1) and the gate, and at the gate
    gate = window.scene.district.gates["G1"].location
    b1 = window.scene.district.buildings["B1"].footprint.representative_point()
    mid = ((gate.x + b1.x) / 2, (gate.y + b1.y) / 2)
    qtbot.waitUntil(lambda: _magenta_near(window, mid), timeout=3000)
    assert not _magenta_near(window, at(80, 60))  # nowhere near the path
    # one click replays at the last-seen moment and place
    assert panel.replay_button.isEnabled()
    qtbot.mouseClick(panel.replay_button, Qt.MouseButton.LeftButton)
    track = panel.track
    assert track is not None and replayed == [(track.passes[-1].ts, (gate.x, gate.y))]


def test_the_track_exports_without_names_and_clears_for_a_place(qtbot: QtBot, tmp_path: Path) -> None:
    window = show(qtbot, tmp_path)
    box, panel = window.search_box, window.search_box.track_panel
    box.line.setText("测试居民0001")
    box.run()
    box.picked.emit(box.results.item(0).data(HIT_ROLE))
    qtbot.waitUntil(lambda: panel.track is not None, timeout=10_000)
    checks: list[str] = []

    def allowed(target: str, _detail: dict[str, Any]) -> bool:
        checks.append(target)
        return True

    panel.allowed = allowed
    panel.save_path_hook = lambda: str(tmp_path / "t.csv")
    out = panel.export()
    assert out is not None and checks == ["track:person:P0001"]
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "ts,kind,device,lon,lat" and len(text.splitlines()) == 3
    assert "测试居民" not in text
    # a place has no passes: the track goes from the map and the panel hides
    gate = window.scene.district.gates["G1"].location
    box.line.setText("B3")
    box.run()
    box.picked.emit(box.results.item(0).data(HIT_ROLE))
    assert panel.track is None and not panel.isVisible()
    assert not _magenta_near(window, (gate.x, gate.y))
