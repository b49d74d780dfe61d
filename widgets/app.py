"""Start the GUI: application, language, scene, window, and the live session (simulator by default).

`main.py` calls `run` with parsed arguments.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from sandbox_app.engine import AuditFn
from sandbox_app.live import LiveOptions, LiveSession
from sandbox_app.privacy.mask import Viewer
from sandbox_app.store.base import Store
from widgets.i18n import install_translators
from widgets.live_controller import LiveController
from widgets.main_window import MainWindow
from widgets.replay_controller import ReplayController
from widgets.scene import load_scene
from widgets.session import log_in


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("digital-sandbox")
    return app


def build_window(
    db: Path,
    package: Path,
    lang: str,
    wall: bool = False,
    translators: list[QTranslator] | None = None,
    viewer: Viewer = Viewer.OFFICER,
) -> tuple[MainWindow, list[QTranslator]]:
    """Translators first (tr() resolves at construction), then the scene and the window."""
    if translators is None:
        translators = install_translators(application(), lang)
    window = MainWindow(load_scene(db, package), db=db, wall=wall, viewer=viewer)
    window.resize(1400, 900)
    return window, translators


def attach_live(
    window: MainWindow, db: Path, options: LiveOptions, actor: str, audit: AuditFn | None = None
) -> LiveController:
    """A live session on the window's district, writing to `db`; its worker owns the store connection."""

    def open_store() -> Store:
        from sandbox_app.store import open_store as open_db

        db.parent.mkdir(parents=True, exist_ok=True)
        return open_db(db)

    session = LiveSession(window.scene.district, open_store, options, audit=audit)
    return LiveController(window, session, actor)


def run(db: Path, package: Path, lang: str, live: LiveOptions | None = None, wall: bool = False) -> int:
    """`wall`: the wall screen, full screen and display-only (its actor never acts: it has no buttons).
    A database with users asks for a login first (widgets/session.py); cancelling it quits."""
    translators = install_translators(application(), lang)
    desk = log_in(db, wall=wall)
    if desk is None:
        return 1
    window, _translators = build_window(db, package, lang, wall, translators, desk.viewer(wall))
    desk.attach(window)
    # The district (hundreds of thousands of objects) never dies: out of the cyclic GC's full passes, which
    # otherwise land inside replay seeks (bench/RESULTS.md, replay: p99 110-145 ms with it, 82 ms without).
    gc.freeze()
    controller = attach_live(window, db, live or LiveOptions(), desk.actor, desk.trail)
    if not wall:  # the wall only watches live; replay lives on the desk (owned by the window)
        ReplayController(window, db, window.scene.district, controller, desk)
    if wall:  # the screen's size first: a kiosk X session without a window manager ignores full screen
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()
    else:
        window.show()
    QTimer.singleShot(0, window.map2d.fit)  # frame the district at the shown size, not the initial one
    controller.start()
    try:
        return application().exec()
    finally:
        controller.stop()
        desk.close()
