"""Start the GUI: application, language, scene, window, and the live session (simulator by default).

`main.py` calls `run` with parsed arguments.
"""

from __future__ import annotations

import gc
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from sandbox_app.domain.model import District
from sandbox_app.engine.pipeline import AuditFn
from sandbox_app.privacy.mask import Viewer
from sandbox_app.station.live import LiveOptions, LiveSession
from sandbox_app.station.scene import load_scene
from sandbox_app.store import is_store_url
from sandbox_app.store.base import Store
from widgets.i18n import install_translators
from widgets.importer import ImportJob, default_job
from widgets.live_controller import LiveController
from widgets.main_window import MainWindow
from widgets.replay_controller import ReplayController
from widgets.session import DeskSession, log_in
from widgets.startup import confirm_new_database, fit_to_screen

if TYPE_CHECKING:
    from sandbox_app.station.sync import Broker


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("digital-sandbox")
    return app


def build_window(
    db: Path | str,
    package: Path,
    lang: str,
    wall: bool = False,
    translators: list[QTranslator] | None = None,
    viewer: Viewer = Viewer.OFFICER,
) -> tuple[MainWindow, list[QTranslator]]:
    """Translators first (tr() resolves at construction), then the scene and the window. `db` is the
    SQLite file or the city's `postgresql://` URL: the scene and a package import use either."""
    if translators is None:
        translators = install_translators(application(), lang)
    scene = load_scene(db, package)
    if isinstance(db, str):
        window = MainWindow(scene, import_job=_url_import_job(db), wall=wall, viewer=viewer)
    else:
        window = MainWindow(scene, db=db, wall=wall, viewer=viewer)
    fit_to_screen(window)
    return window, translators


def attach_live(
    window: MainWindow, db: Path, options: LiveOptions, actor: str, audit: AuditFn | None = None
) -> LiveController:
    """A live session on the window's district, writing to `db`; its worker owns the store connection."""

    def open_store() -> Store:
        from sandbox_app.privacy.private_files import private_dir
        from sandbox_app.store import open_store as open_db

        private_dir(db.parent)
        return open_db(db)

    if options.snapshots is None:  # alert snapshots beside the database they belong to
        options = replace(options, snapshots=db.parent / "snapshots")
    if options.clips is None:  # and alert-linked clips, the station's evidence folder
        options = replace(options, clips=db.parent / "evidence")
    session = LiveSession(window.scene.district, open_store, options, audit=audit)
    return LiveController(window, session, actor)


def _url_import_job(url: str) -> ImportJob:
    """A package import from the menu writes the district into the city database."""
    load = default_job(None)

    def job(package: Path, progress: Callable[[str, int, int], None]) -> District:
        from sandbox_app.store import open_store

        district = load(package, progress)
        progress("store", 0, 1)
        store = open_store(url)
        try:
            store.replace_district(district)
        finally:
            store.close()
        return district

    return job


def attach_city(
    window: MainWindow,
    url: str,
    broker: Broker | None,
    station: str,
    options: LiveOptions,
    actor: str,
    audit: AuditFn | None = None,
) -> LiveController:
    """A live session on the city database: with a broker, joined to the other stations (`CityLink`: their
    alert and dispatch changes arrive within a second); without one, this station alone on the server."""
    if broker is None:

        def open_store() -> Store:
            from sandbox_app.store.postgres import PostgresStore

            return PostgresStore(url, station=station)

        alone = LiveSession(window.scene.district, open_store, options, audit=audit)
        return LiveController(window, alone, actor)
    from sandbox_app.station.sync import CityLink

    link = CityLink(url, broker, station)
    session = LiveSession(window.scene.district, link.open_store, options, audit=audit)
    link.attach(session)
    return LiveController(window, session, actor)


def _replay_unavailable(window: MainWindow) -> None:
    """Replay reads the local SQLite store directly: on the city database its menu stays, disabled, and
    says why."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("CityMode", "&Replay"))
    menu.setObjectName("replay_menu_disabled")
    why = QCoreApplication.translate(
        "CityMode", "Replay needs the local store (--db); it is not available on a city database"
    )
    menu.menuAction().setToolTip(why)
    menu.menuAction().setStatusTip(why)
    menu.setToolTipsVisible(True)
    menu.setEnabled(False)


@dataclass(slots=True)
class Launched:
    """What `launch` built, for `run` (and tests) to drive and close."""

    window: MainWindow
    controller: LiveController
    desk: DeskSession
    translators: list[QTranslator]


def launch(
    db: Path,
    package: Path,
    lang: str,
    live: LiveOptions | None = None,
    wall: bool = False,
    *,
    store: Path | str | None = None,
    broker: Broker | None = None,
    station: str | None = None,
    confirm_new: bool = False,
) -> Launched | None:
    """Log in, build the window and its live session (not started); None when the login was cancelled.
    `store`: a `postgresql://` URL joins the city (users and the audit trail stay in the local `db`), a
    path replaces `db`. `confirm_new`: a SQLite file that is not there yet is created only once the user
    agrees (None otherwise)."""
    if store is not None and not is_store_url(store):
        db, store = Path(store), None
    translators = install_translators(application(), lang)
    if confirm_new and store is None and not confirm_new_database(db, package):
        return None
    desk = log_in(db, wall=wall)
    if desk is None:
        return None
    window, _translators = build_window(
        db if store is None else str(store), package, lang, wall, translators, desk.viewer(wall)
    )
    desk.attach(window)
    # The district (hundreds of thousands of objects) never dies: out of the cyclic GC's full passes, which
    # otherwise land inside replay seeks (bench/RESULTS.md, replay: p99 110-145 ms with it, 82 ms without).
    gc.freeze()
    options = live or LiveOptions()
    if store is None:
        controller = attach_live(window, db, options, desk.actor, desk.trail)
    else:
        name = station or socket.gethostname()
        controller = attach_city(window, str(store), broker, name, options, desk.actor, desk.trail)
    if wall:  # the wall only watches live; replay lives on the desk (owned by the window)
        return Launched(window, controller, desk, translators)
    if store is None:
        ReplayController(window, db, window.scene.district, controller, desk)
    else:  # the replay controller reads the SQLite file directly
        _replay_unavailable(window)
    return Launched(window, controller, desk, translators)


def run(
    db: Path,
    package: Path,
    lang: str,
    live: LiveOptions | None = None,
    wall: bool = False,
    *,
    store: Path | str | None = None,
    broker: Broker | None = None,
    station: str | None = None,
) -> int:
    """`wall`: the wall screen, full screen and display-only (its actor never acts: it has no buttons).
    A database with users asks for a login first (widgets/session.py); cancelling it quits. A `--db` that
    is not there is said and only created once the user agrees."""
    launched = launch(
        db, package, lang, live, wall, store=store, broker=broker, station=station, confirm_new=True
    )
    if launched is None:
        return 1
    window, controller, desk = launched.window, launched.controller, launched.desk
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
