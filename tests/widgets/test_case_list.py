"""The case file list: entries shown in order, a click asks the replay to jump to that entry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sandbox_app.replay.entries import Entry
from widgets.case_list import CaseList

T0 = 1_714_550_400_000


def test_click_an_entry_to_jump_there(qtbot: QtBot) -> None:
    view = CaseList("Asia/Shanghai")
    qtbot.addWidget(view)
    entries = [
        Entry(T0, "guard.fix", "GU1", 119.3, 26.08, "GU1 (police)"),
        Entry(T0 + 5000, "alert.open", "A1", None, None, "rental R101 → open by engine"),
    ]
    view.set_entries(entries)
    assert view.rowCount() == 2
    assert view.item(0, 0).text() == "2024-05-01 16:00:00"
    assert view.item(1, 1).text() == "alert.open"
    view.show()
    qtbot.waitExposed(view)
    with qtbot.waitSignal(view.jump_requested) as got:
        where = view.visualItemRect(view.item(0, 2)).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert got.args == [T0, (119.3, 26.08)]
    with qtbot.waitSignal(view.jump_requested) as got:
        view.cellActivated.emit(1, 0)
    assert got.args == [T0 + 5000, None]
