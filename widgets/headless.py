"""A Qt GUI application for work done without a window (the CLI writing a report, a PDF or a DOCX map).

QPainter on a PDF and the translators need fonts and an application object; a headless run gets an
offscreen one, kept for the life of the process. One home for this, used by every exporter.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

_app: QGuiApplication | None = None


def ensure_gui_app() -> None:
    """Create the offscreen application when none exists yet (a window's own application is left alone)."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QApplication([])  # a widgets application: a window or test harness may come later in-process
