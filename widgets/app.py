"""Start the GUI: application, language, scene, window. `main.py` calls `run` with parsed arguments."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from widgets.i18n import install_translators
from widgets.main_window import MainWindow
from widgets.scene import load_scene


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("digital-sandbox")
    return app


def build_window(db: Path, package: Path, lang: str) -> tuple[MainWindow, list[QTranslator]]:
    """Translators first (tr() resolves at construction), then the scene and the window."""
    translators = install_translators(application(), lang)
    window = MainWindow(load_scene(db, package), db=db)
    window.resize(1400, 900)
    return window, translators


def run(db: Path, package: Path, lang: str) -> int:
    window, _translators = build_window(db, package, lang)
    window.show()
    return application().exec()
