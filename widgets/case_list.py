"""A case file's entries as one table; choosing an entry asks the replay to jump to its time and place.

The entries come masked from `sandbox_app.replay.casefile.build_case`; this widget only shows them and
forwards the choice (`jump_requested`): the host seeks the timeline (`Timeline.seek`) and centres the map.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from sandbox_app.replay.entries import Entry

MS: Any = "qint64"


class CaseList(QTableWidget):
    jump_requested = Signal(MS, object)
    """(ts, (lon, lat) or None): show the replay at this entry."""

    def __init__(self, timezone: str = "UTC", parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("case_list")
        self.timezone = timezone
        self.entries: list[Entry] = []
        self.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Kind"), self.tr("Source"), self.tr("What")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.cellClicked.connect(self._chosen)
        self.cellActivated.connect(self._chosen)

    def set_entries(self, entries: Sequence[Entry], timezone: str | None = None) -> None:
        if timezone is not None:
            self.timezone = timezone
        self.entries = list(entries)
        self.setRowCount(len(self.entries))
        tz = ZoneInfo(self.timezone)
        for row, e in enumerate(self.entries):
            when = datetime.fromtimestamp(e.ts / 1000, tz=UTC).astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")
            for col, text in enumerate((when, e.kind, e.source, e.text)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.setItem(row, col, item)
        self.resizeColumnsToContents()

    def _chosen(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.entries):
            e = self.entries[row]
            where = (e.lon, e.lat) if e.lon is not None and e.lat is not None else None
            self.jump_requested.emit(e.ts, where)
