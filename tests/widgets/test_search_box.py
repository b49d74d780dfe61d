"""The window's search box (issue 21): type, pick a hit, and the map centres on it; masked by role."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.privacy.mask import Viewer
from sandbox_app.station.scene import Scene
from tests.layers.sample import at, small_district
from widgets.main_window import MainWindow
from widgets.search_box import HIT_ROLE

pytestmark = pytest.mark.gui


def show(qtbot: QtBot, **kwargs: object) -> MainWindow:
    window = MainWindow(Scene(small_district()), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(900, 640)
    window.show()
    qtbot.waitExposed(window)
    window.map2d.fit()
    QApplication.processEvents()
    return window


def test_type_pick_and_the_map_centres_on_the_building(qtbot: QtBot) -> None:
    window = show(qtbot)
    box = window.search_box
    box.focus()
    qtbot.keyClicks(box.line, "b3")  # ASCII: QTest types only ASCII keys
    qtbot.waitUntil(lambda: box.results.count() > 0, timeout=2000)
    first = box.results.item(0)
    assert first.data(HIT_ROLE).id == "B3"
    rect = box.results.visualItemRect(first)
    qtbot.mouseClick(box.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    x, y = window.projection.to_xy(*zip(at(-50, -50), strict=True))[0]
    cx, cy = window.map2d.view_centre()
    assert abs(cx - x) < 20 and abs(cy - y) < 20  # the building's representative point, within its footprint
    assert window.detail.current == ("building", "B3")


def test_enter_picks_the_first_hit_a_device(qtbot: QtBot) -> None:
    window = show(qtbot)
    box = window.search_box
    box.line.setText("D4")
    qtbot.keyClick(box.line, Qt.Key.Key_Return)
    assert box.results.item(0).data(HIT_ROLE).id == "D4"
    qtbot.keyClick(box.line, Qt.Key.Key_Return)
    x, y = window.projection.to_xy(*zip(at(80, -80), strict=True))[0]
    cx, cy = window.map2d.view_centre()
    assert abs(cx - x) < 1 and abs(cy - y) < 1


def test_people_masked_for_an_officer_and_absent_on_the_wall(qtbot: QtBot) -> None:
    window = show(qtbot, viewer=Viewer.OFFICER)
    window.search_box.line.setText("测试居民0001")
    hits = window.search_box.run()
    assert [(h.kind, h.label) for h in hits] == [("person", "测*******")]
    assert "测试居民0001" not in window.search_box.results.item(0).text()
    window.search_box.line.setText("测试居民")  # a partial name would unmask it character by character
    assert window.search_box.run() == []
    assert window.search_box.results.item(0).data(HIT_ROLE) is None  # "no match"


def test_the_wall_finds_no_people(qtbot: QtBot) -> None:
    window = show(qtbot, wall=True)
    window.search_box.line.setText("测试居民0001")
    assert window.search_box.run() == []


def test_a_logged_in_search_is_audited_before_hits_show(qtbot: QtBot, tmp_path: Path) -> None:
    from sandbox_app.privacy import audit as au
    from sandbox_app.privacy import db as privacy_db
    from sandbox_app.privacy.users import Role, UserBook, fast_hasher
    from widgets.session import DeskSession

    book = UserBook(privacy_db.connect(tmp_path / "desk.db"), hasher=fast_hasher())
    try:
        book.add("officer.1", Role.OFFICER, "correct horse battery", by="admin")
        desk = DeskSession(book.login("officer.1", "correct horse battery"), book.audit)
        window = show(qtbot, viewer=desk.viewer(False))
        desk.attach(window)
        window.search_box.line.setText("测试居民0001")
        assert [h.id for h in window.search_box.run()] == ["P0001"]
        [entry] = book.audit.entries(au.SEARCH)
        assert (entry.actor, entry.target, entry.detail["hits"]) == ("officer.1", "测试居民0001", ["P0001"])
        desk.record_search = lambda query, hits: False  # type: ignore[method-assign]
        window.search_box.audit_hook = desk.record_search
        assert window.search_box.run() == []  # not recorded: nothing shown
        assert window.search_box.results.count() == 1
    finally:
        book.close()


def test_a_new_scene_is_searched_not_the_old_one(qtbot: QtBot) -> None:
    window = show(qtbot)
    window.search_box.line.setText("3幢")
    assert window.search_box.run()[0].id == "B3"
    district = small_district()
    district.buildings["B3"].name = "9幢"
    window.set_scene(Scene(district))
    assert window.search_box.run() == []
    window.search_box.line.setText("9幢")
    assert window.search_box.run()[0].id == "B3"


def test_detail_shows_the_standard_address_organisation_and_rental_register(qtbot: QtBot) -> None:
    from sandbox_app.privacy.mask import Viewer as V
    from widgets.detail import DetailPanel

    district = small_district()
    district.buildings["B1"].extra.update(road="清华东路", door_number="15号")
    district.rooms["R101"].extra.update(landlord="测试房东甲", agreement_date="2025-03-01")
    district.rooms["R102"].extra.update(org_id="O1", org_name="测试便利店", org_type="shop")
    detail = DetailPanel(district, V.OFFICER)
    qtbot.addWidget(detail)
    assert detail.show_item("room", "R101")
    text = " ".join(detail.texts())
    assert "清华东路15号 1幢 1单元 101室" in text and "2025-03-01" in text
    assert "测试房东甲" not in text and "测****" in text  # the landlord is a person: masked
    assert detail.show_item("room", "R102")
    assert "测试便利店 (shop)" in " ".join(detail.texts())
    assert detail.show_item("building", "B1") and "清华东路15号 1幢" in " ".join(detail.texts())
