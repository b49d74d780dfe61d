"""Closed and dismissed alerts, searchable, each one a click away from its case report.

The alert panel shows open alerts only; an analyst looking for last week's incident opens this from the
panel's "History…" button instead of finding the moment in replay. The list is read from the store for
the chosen period (counted back from the newest logged event, the history's "now"), searched by the words
a person would type: the incident in words, the address, the note, who closed it. Subjects are shown
through the desk's masker, like everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District
from sandbox_app.privacy.mask import Masker
from sandbox_app.replay.report import closing_of, place_of
from sandbox_app.store import queries
from sandbox_app.store.queries import Db
from widgets.texts import alert_state_text, rule_text

DAY_MS = 86_400_000
MAX_ROWS = 2000


def history(db: Db, days: int | None) -> list[Alert]:
    """Alerts no longer open, newest first, raised in the last `days` of the log (None: all of it)."""
    span = queries.log_span(db)
    if span is None:
        return []
    end = span[1]
    start = 0 if days is None else end - days * DAY_MS
    found = [a for a in queries.alerts_overlapping(db, start, end) if not a.state.is_open]
    found.sort(key=lambda a: (-a.first_ts, a.id))
    return found[:MAX_ROWS]


class AlertHistory(QDialog):
    """The history table; `open_requested(alert_id)` asks for the alert's case report."""

    open_requested = Signal(str)

    def __init__(
        self, district: District, db: Callable[[], Db | None], masker: Masker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alert_history")
        self.setWindowTitle(self.tr("Alert history"))
        self.district = district
        self._db = db
        self.masker = masker
        self.zone = ZoneInfo(district.timezone or "UTC")
        self.alerts: list[Alert] = []
        self.period = QComboBox(self)
        self.period.setObjectName("history_period")
        for text, days in (
            (self.tr("Last 7 days"), 7),
            (self.tr("Last 30 days"), 30),
            (self.tr("Last 90 days"), 90),
            (self.tr("All"), None),
        ):
            self.period.addItem(text, days)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(lambda _=0: self.reload())
        self.search = QLineEdit(self)
        self.search.setObjectName("history_search")
        self.search.setPlaceholderText(self.tr("Search incident, address, note or who closed it"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _="": self._refill())
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Raised"), self.tr("Incident"), self.tr("Address"), self.tr("State"), self.tr("Note")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self._open())
        self.open_button = QPushButton(self.tr("Open case report"), self)
        self.open_button.setObjectName("history_open")
        self.open_button.clicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.resize(860, 480)

    def reload(self) -> None:
        db = self._db()
        self.alerts = history(db, self.period.currentData()) if db is not None else []
        self._refill()

    def row_texts(self, a: Alert) -> list[str]:
        place = place_of(
            self.district, a, (a.lon, a.lat) if a.lon is not None and a.lat is not None else None
        )
        where = " ".join(p for p in (place.compound, place.building, place.room, place.device) if p)
        closing = closing_of(a)
        note = closing.note if closing is not None else ""
        if closing is not None and closing.outcome:
            note = f"{closing.outcome}: {note}" if note else closing.outcome
        raised = datetime.fromtimestamp(a.first_ts / 1000, tz=UTC).astimezone(self.zone)
        subject = self.masker.subject(a.subject, a.subject_type)
        return [
            raised.strftime("%Y-%m-%d %H:%M"),
            rule_text(a.rule),
            where or subject,
            alert_state_text(a.state),
            note,
        ]

    def _refill(self) -> None:
        needle = self.search.text().strip().casefold()
        rows = []
        for a in self.alerts:
            texts = self.row_texts(a)
            closing = closing_of(a)
            hay = [*texts, closing.actor if closing is not None else ""]
            if not needle or any(needle in t.casefold() for t in hay):
                rows.append((a.id, texts))
        self.table.setRowCount(len(rows))
        for r, (alert_id, texts) in enumerate(rows):
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, alert_id)
                self.table.setItem(r, c, item)

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _open(self) -> None:
        alert_id = self.selected_id()
        if alert_id is not None:
            self.open_requested.emit(alert_id)
