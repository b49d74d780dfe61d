"""The start page shown in place of the map while no district is loaded (issue 16 §6): an empty map with
empty tables says nothing; this page says what to do, with the two ways to get a district in.

It only forwards intent: the window imports (the same background import as File → Import).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from sandbox_app.data.resources import demo_package
from sandbox_app.domain.model import District

TEXT_WIDTH_PX = 520


def is_empty(district: District) -> bool:
    """Nothing to draw: no district was imported into the database and no package was read."""
    return not (district.buildings or district.compounds or district.roads or district.devices)


class StartPage(QWidget):
    import_requested = Signal()
    """The user wants to choose a package folder (File → Import…)."""
    demo_requested = Signal(Path)
    """The user wants the bundled demo district (its package folder)."""

    def __init__(self, parent: QWidget | None = None, demo: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        self.demo = demo_package() if demo is None else demo
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(14)
        self.title = QLabel(self.tr("No district loaded yet"), self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(
            self.tr(
                "This station's database holds no district. Import the district package prepared for your "
                "area (buildings, rooms, residents, devices, guards), or open the demo district to look "
                "around."
            ),
            self,
        )
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setFixedWidth(TEXT_WIDTH_PX)  # and as tall as its wrapped lines: never cut (zh wraps more)
        self.text.setMinimumHeight(self.text.heightForWidth(TEXT_WIDTH_PX))
        self.import_button = QPushButton(self.tr("Import a district package…"), self)
        self.import_button.setObjectName("start_import")
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button = QPushButton(self.tr("Open the demo district"), self)
        self.demo_button.setObjectName("start_demo")
        self.demo_button.clicked.connect(lambda: self.demo_requested.emit(self.demo))
        has_demo = (self.demo / "manifest.json").is_file()
        self.demo_button.setEnabled(has_demo)
        if not has_demo:
            self.demo_button.setToolTip(self.tr("No demo package at {0}").format(self.demo))
        for widget in (self.title, self.text, self.import_button, self.demo_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        for button in (self.import_button, self.demo_button):
            button.setMinimumWidth(max(260, button.sizeHint().width()))
            button.setMinimumHeight(36)
