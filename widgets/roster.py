"""The guard roster: who is on patrol, sent, on scene or silent, how old each fix is, battery left.

Rows come from `sandbox_app.analytics.stats.guard_rows`; names go through the viewer's `Masker`. The live
controller feeds fix times, batteries, dispatches and the engine clock; the table is refilled at most once a
second.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QTableWidget,
    QWidget,
)

from sandbox_app.analytics.stats import GuardRow, GuardState, guard_rows
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.model import District
from sandbox_app.patrol.config import PatrolBook
from sandbox_app.privacy.mask import Masker, Viewer
from widgets import tables
from widgets.texts import elapsed_text, guard_role_text

STATE_COLOURS = {
    GuardState.PATROLLING: QColor(46, 160, 67),
    GuardState.DISPATCHED: QColor(230, 140, 20),
    GuardState.ON_SCENE: QColor(200, 40, 40),
    GuardState.STALE: QColor(150, 150, 150),
}
LOW_BATTERY = 20.0


class RosterPanel(QDockWidget):
    guard_selected = Signal(str)

    def __init__(self, district: District, masker: Masker | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roster_panel")
        self.setWindowTitle(self.tr("Guards"))
        self.masker = masker or Masker(Viewer.OFFICER)
        self.district = district
        self.fix_ts: dict[str, int] = {}
        self.battery: dict[str, float] = {}
        self.dispatches: tuple[Dispatch, ...] = ()
        self.now_ts = 0
        self.rows: list[GuardRow] = []
        self.duty: PatrolBook | None = None
        """The duty roster (排班, resources/patrols.toml): the last column shows each guard's shift."""
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("roster_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Guard"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Status"),
                self.tr("Fix age"),
                self.tr("Battery"),
                self.tr("Shift"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(tables.FITTED)
        self.table.itemSelectionChanged.connect(self._selected)
        self.setWidget(self.table)
        self.refresh()

    def set_district(self, district: District) -> None:
        self.district = district
        self.fix_ts.clear()
        self.battery.clear()
        self.dispatches = ()
        self.refresh()

    # inputs ------------------------------------------------------------------------------------------------
    @property
    def trackers(self) -> set[str]:
        return {g.device_id for g in self.district.guards.values() if g.device_id}

    def update_fixes(self, fix_ts: Mapping[str, int]) -> None:
        """Tracker device id → ts of its last fix (only newer ones replace what is known). Only the
        guards' trackers are kept: a 4G camera moving around is not a guard, and memory stays bounded."""
        trackers = self.trackers
        for dev, ts in fix_ts.items():
            if dev in trackers and ts > self.fix_ts.get(dev, -1):
                self.fix_ts[dev] = ts

    def update_batteries(self, battery: Mapping[str, float]) -> None:
        trackers = self.trackers
        self.battery.update({d: b for d, b in battery.items() if d in trackers})

    def set_dispatches(self, dispatches: Iterable[Dispatch]) -> None:
        self.dispatches = tuple(dispatches)

    def set_now(self, now_ts: int) -> None:
        self.now_ts = max(self.now_ts, now_ts)

    # texts -------------------------------------------------------------------------------------------------
    def role_text(self, role: str) -> str:
        return guard_role_text(role)

    def state_text(self, state: GuardState) -> str:
        texts = {
            GuardState.PATROLLING: self.tr("patrolling"),
            GuardState.DISPATCHED: self.tr("dispatched"),
            GuardState.ON_SCENE: self.tr("on scene"),
            GuardState.STALE: self.tr("stale"),
        }
        return texts[state]

    # drawing -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the current inputs; only the cells that changed are touched (`widgets.tables.fill`)."""
        selected = self.selected_id()
        self.rows = guard_rows(self.district, self.fix_ts, self.battery, self.dispatches, self.now_ts)
        self.table.blockSignals(True)
        cells = [self._cells(row) for row in self.rows]
        tables.fill(self.table, [[t for t, _ in c] for c in cells], 0, [[k for _, k in c] for c in cells])
        for r, row in enumerate(self.rows):
            if row.id == selected:
                self.table.selectRow(r)
        self.table.blockSignals(False)

    def _cells(self, row: GuardRow) -> list[tuple[str, QColor | None]]:
        battery = "—" if row.battery is None else f"{row.battery:.0f} %"
        low = row.battery is not None and row.battery < LOW_BATTERY
        return [
            (row.id, None),
            (self.masker.name(row.name), None),
            (self.role_text(row.role), None),
            (self.state_text(row.state), STATE_COLOURS[row.state]),
            (elapsed_text(row.fix_age_s), None),
            (battery, STATE_COLOURS[GuardState.ON_SCENE] if low else None),
            (self.shift_text(row.id), None),
        ]

    def set_duty(self, duty: PatrolBook | None) -> None:
        self.duty = duty
        self.refresh()

    def shift_text(self, guard_id: str) -> str:
        """The guard's running shift (白班), off duty (休班), or nothing for a guard not on the roster."""
        if self.duty is None or guard_id not in self.duty.rostered() or not self.now_ts:
            return ""
        running = [
            s.name for s in self.duty.shifts_at(self.now_ts) if _in_shift(self.duty, s.teams, guard_id)
        ]
        return "、".join(running) if running else self.tr("off duty")

    def counts(self) -> dict[GuardState, int]:
        out = dict.fromkeys(GuardState, 0)
        for row in self.rows:
            out[row.state] += 1
        return out

    def row_of(self, guard_id: str) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == guard_id), None)

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _selected(self) -> None:
        guard_id = self.selected_id()
        if guard_id is not None:
            self.guard_selected.emit(guard_id)


def _in_shift(duty: PatrolBook, teams: Iterable[str], guard_id: str) -> bool:
    return any(guard_id in duty.teams[t].guards for t in teams)
