"""Live tables refresh in place (issue 17): a refresh keeps the cells' items and touches only what changed.

The old refill replaced every item under a header sizing columns to their contents: ~0.5 s of the UI
thread per refresh of the demo's 40 guards, once a second (bench/idle.py measures the window's CPU).
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget
from pytestqt.qtbot import QtBot

from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.model import District, Guard
from widgets import tables
from widgets.health_panel import HealthPanel
from widgets.roster import RosterPanel


def test_fill_keeps_items_and_reports_only_real_changes(qtbot: QtBot) -> None:
    table = QTableWidget(0, 2)
    qtbot.addWidget(table)
    assert tables.fill(table, [("a", "1"), ("b", "2")])
    first = table.item(1, 1)
    assert not tables.fill(table, [("a", "1"), ("b", "2")])
    assert tables.fill(table, [("a", "1"), ("b", "3")], colours=[(None, None), (None, QColor(200, 0, 0))])
    assert table.item(1, 1) is first
    assert first is not None and first.text() == "3" and first.foreground().color() == QColor(200, 0, 0)
    assert first.data(0x0100) == "b"  # Qt.UserRole: the row's key column
    assert tables.fill(table, [("a", "1")])
    assert table.rowCount() == 1


def _district() -> District:
    district = District(name="t", timezone="UTC")
    for i in range(5):
        gid = f"G{i}"
        district.guards[gid] = Guard(gid, f"测试{i}", GuardRole.SECURITY, device_id=f"T{i}")
    return district


def test_roster_refresh_updates_cells_in_place(qtbot: QtBot) -> None:
    roster = RosterPanel(_district())
    qtbot.addWidget(roster)
    roster.update_fixes({f"T{i}": 1_000 for i in range(5)})
    roster.set_now(5_000)
    roster.refresh()
    items = [roster.table.item(r, c) for r in range(5) for c in range(6)]
    roster.set_now(9_000)  # every fix age changes, nothing else
    roster.refresh()
    assert [roster.table.item(r, c) for r in range(5) for c in range(6)] == items
    ages = {roster.table.item(r, 4).text() for r in range(5)}  # type: ignore[union-attr]
    assert ages == {"8 s"}


def test_live_tables_do_not_size_columns_on_every_cell(qtbot: QtBot) -> None:
    roster = RosterPanel(_district())
    health = HealthPanel(_district())
    qtbot.addWidget(roster)
    qtbot.addWidget(health)
    for table in (roster.table, health.by_kind, health.offline_table, health.bridge_table):
        header = table.horizontalHeader()
        modes = {header.sectionResizeMode(c) for c in range(table.columnCount())}
        assert QHeaderView.ResizeMode.ResizeToContents not in modes, table.objectName()


def test_roster_shows_each_guards_shift_or_off_duty(qtbot: QtBot) -> None:
    """The duty roster's last column: the running shift's name, 休班 when off, blank when not rostered."""
    from sandbox_app.patrol.config import build_patrols

    district = _district()
    duty = build_patrols(
        {
            "teams": {"a": {"guards": ["G0", "G1"]}, "b": {"guards": ["G2"]}},
            "shifts": {
                "day": {"name": "白班", "start": "08:00", "end": "20:00", "teams": ["a"]},
                "night": {"name": "夜班", "start": "20:00", "end": "08:00", "teams": ["b"]},
            },
        },
        district,
    )
    roster = RosterPanel(district)
    qtbot.addWidget(roster)
    roster.set_now(10 * 3_600_000)  # 10:00 UTC, the district's zone
    roster.set_duty(duty)
    shifts = {roster.table.item(r, 0).text(): roster.table.item(r, 6).text() for r in range(5)}  # type: ignore[union-attr]
    assert shifts == {"G0": "白班", "G1": "白班", "G2": "off duty", "G3": "", "G4": ""}
