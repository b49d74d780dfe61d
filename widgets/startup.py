"""How the desk starts on a given screen and database: a new database is asked for, the window fits the
screen it opens on, the district clock is always in view, and "no users yet" is a discreet indicator
rather than a developer hint.

Kept apart from `widgets/app.py` (which wires the session) so each piece is testable on its own.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QMessageBox, QScrollArea, QWidget

PREFERRED_SIZE = QSize(1400, 900)
"""The window's least size where the screen has room; smaller screens get their available area."""
SCREEN_SHARE = 0.9
"""On a big screen (1920×1080, 4K) the window takes this share of it, centred: the district gets the room."""


def confirm_new_database(db: Path, package: Path, parent: QWidget | None = None) -> bool:
    """A `--db` that is not there is said, and only created once the user agrees (a typo in the path
    must not silently start a second, empty station database)."""
    if db.exists():
        return True
    title = QCoreApplication.translate("Startup", "New database")
    text = QCoreApplication.translate(
        "Startup", "The database {0} does not exist.\nCreate it and load the district from {1}?"
    ).format(db, package)
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def fit_to_screen(window: QMainWindow) -> None:
    """At least the preferred size or 90 % of the screen, never larger than its available area (so at
    1280×720 no part of the window, its status bar with the clock included, lies off screen)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    size = QSize(PREFERRED_SIZE)
    if screen is not None:
        available = screen.availableGeometry()
        roomy = available.size() * SCREEN_SHARE
        size = size.expandedTo(roomy).boundedTo(available.size())
        window.move(available.topLeft() + QPoint(*(((available.size() - size) / 2).toTuple())))
    window.resize(size)


class DistrictClock(QLabel):
    """The engine's time in the district's time zone (simulated or live): the permanent left-most status
    item, so the commander always knows which moment the map shows."""

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_clock")
        self.zone = ZoneInfo(timezone or "UTC")
        self.setText(QCoreApplication.translate("Startup", "District time: —"))

    def set_ts(self, ts_ms: int) -> None:
        """`ts_ms`: the engine clock, milliseconds since the epoch (as every event ts)."""
        when = datetime.fromtimestamp(ts_ms / 1000, self.zone).strftime("%Y-%m-%d %H:%M:%S")
        self.setText(QCoreApplication.translate("Startup", "District time: {0}").format(when))


def no_users_indicator(parent: QWidget) -> QLabel:
    """Nobody had to log in: a quiet grey note; how to require a login is in its tooltip, not in red."""
    label = QLabel(QCoreApplication.translate("Startup", "No login"), parent)
    label.setObjectName("status_no_users")
    label.setStyleSheet("color: palette(mid);")
    label.setToolTip(
        QCoreApplication.translate(
            "Startup",
            "This station has no users yet, so nobody logs in and personal data stays masked. "
            "An administrator adds users with: sandbox-app user add",
        )
    )
    return label


def scrolling(body: QWidget, parent: QWidget) -> QScrollArea:
    """`body` in a frameless vertical scroll area: a tall dock (the dispatch panel) then no longer sets
    the window's minimum height above a 720-pixel screen; it scrolls there instead."""
    area = QScrollArea(parent)
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(body.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
    return area
