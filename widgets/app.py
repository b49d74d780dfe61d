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
from sandbox_app.store import is_store_url, local_file
from sandbox_app.store.base import Store
from widgets import startup_trace
from widgets.i18n import install_translators, remove_translators
from widgets.importer import ImportJob, default_job
from widgets.main_window import MainWindow
from widgets.session import DeskSession, log_in
from widgets.startup import confirm_new_database, fit_to_screen

if TYPE_CHECKING:
    from sandbox_app.station.live import LiveOptions
    from sandbox_app.station.sync import Broker
    from widgets.live_controller import LiveController
    from widgets.qt_bus import LiveUpdate


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
    defer_3d: bool = False,
) -> tuple[MainWindow, list[QTranslator]]:
    """Translators first (tr() resolves at construction), then the scene and the window. `db` is the
    SQLite file or the city's `postgresql://` URL: the scene and a package import use either."""
    if translators is None:
        translators = install_translators(application(), lang)
    startup_trace.mark("imported")
    scene = load_scene(db, package)
    startup_trace.mark("scene_loaded")
    if isinstance(db, str):
        job = _url_import_job(db)
        window = MainWindow(scene, import_job=job, wall=wall, viewer=viewer, defer_3d=defer_3d)
    else:
        window = MainWindow(scene, db=db, wall=wall, viewer=viewer, defer_3d=defer_3d)
    fit_to_screen(window)
    startup_trace.mark("window_built")
    return window, translators


def attach_live(
    window: MainWindow, db: Path, options: LiveOptions, actor: str, audit: AuditFn | None = None
) -> LiveController:
    """A live session on the window's district, writing to `db`; its worker owns the store connection."""

    def open_store() -> Store:
        from sandbox_app.store import open_store as open_db
        from sandbox_app.store.private_files import private_dir

        private_dir(db.parent)
        return open_db(db, long_running=True)  # flat memory over weeks (issue 17, the wall soak)

    from widgets.live_controller import LiveController

    if options.snapshots is None:  # alert snapshots beside the database they belong to
        options = replace(options, snapshots=db.parent / "snapshots")
    if options.clips is None:  # and alert-linked clips, the station's evidence folder
        options = replace(options, clips=db.parent / "evidence")
    if options.local_file is None:  # [phone] enrolments in the station's local file, as `serve` keeps them
        found = local_file(db)
        options = replace(options, local_file=Path(found) if found else None)
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
    from widgets.live_controller import LiveController

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
    return LiveController(window, session, actor, renew_on_import=False)  # the link holds this session


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
    db, url = _local_or_city(db, store)
    opened = open_window(db, package, lang, wall, store=url, confirm_new=confirm_new)
    if opened is None:
        return None
    window, desk, translators = opened
    controller = go_live(window, desk, db, live, wall, store=url, broker=broker, station=station)
    return Launched(window, controller, desk, translators)


def _local_or_city(db: Path, store: Path | str | None) -> tuple[Path, str | None]:
    """The local SQLite file and the city's `postgresql://` URL (None: local only); a `store` path
    replaces `db`."""
    if store is None:
        return db, None
    if is_store_url(store):
        return db, str(store)
    return Path(store), None


def open_window(
    db: Path,
    package: Path,
    lang: str,
    wall: bool,
    *,
    store: str | None = None,
    defer_3d: bool = False,
    confirm_new: bool = False,
) -> tuple[MainWindow, DeskSession, list[QTranslator]] | None:
    """Log in and build the window (no live session yet); None when the login was cancelled.
    `confirm_new`: a SQLite file that is not there yet is created only once the user agrees."""
    translators = install_translators(application(), lang)
    if confirm_new and store is None and not confirm_new_database(db, package):
        remove_translators(application(), translators)
        return None
    desk = log_in(db, wall=wall)
    if desk is None:
        remove_translators(application(), translators)
        return None
    window, _translators = build_window(
        db if store is None else store, package, lang, wall, translators, desk.viewer(wall), defer_3d
    )
    desk.attach(window)
    # The district (hundreds of thousands of objects) never dies: out of the cyclic GC's full passes, which
    # otherwise land inside replay seeks (bench/RESULTS.md, replay: p99 110-145 ms with it, 82 ms without).
    gc.freeze()
    startup_trace.mark("window_ready")
    return window, desk, translators


def go_live(
    window: MainWindow,
    desk: DeskSession,
    db: Path,
    live: LiveOptions | None,
    wall: bool,
    *,
    store: str | None = None,
    broker: Broker | None = None,
    station: str | None = None,
) -> LiveController:
    """The window's live session (not started) and, on the desk with a local store, its replay."""
    from sandbox_app.station.live import LiveOptions

    options = live or LiveOptions()
    if store is None:
        controller = attach_live(window, db, options, desk.actor, desk.trail)
    else:
        name = station or socket.gethostname()
        controller = attach_city(window, store, broker, name, options, desk.actor, desk.trail)
    if wall:  # the wall only watches live; replay lives on the desk (owned by the window)
        from widgets.wall_trend import attach_wall_trend

        attach_wall_trend(
            window.wall_overlay,
            lambda: window.scene.district,
            db if store is None else store,
            window.map2d.now_ms,
        )
        return controller
    if store is None:
        from widgets.replay_controller import ReplayController
        from widgets.search_track import attach_track_reader
        from widgets.station_figures import attach_figures_reader

        replay = ReplayController(window, db, window.scene.district, controller, desk)
        attach_track_reader(window.search_box.track_panel, lambda: window.scene.district, db)
        attach_figures_reader(window.station_figures, lambda: window.scene.district, db)
        window.search_box.track_panel.replay_at = replay.jump_to
        window.search_box.track_panel.allowed = replay.allowed
    else:  # the replay controller reads the SQLite file directly
        _replay_unavailable(window)
    return controller


BUILD_3D_AT_LATEST_MS = 6_000
"""The 3D pane is built this long after the window was shown even if no live data came yet."""


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
    A database with users asks for a login first (widgets/session.py); cancelling it quits.

    Order (issue 17, bench/startup.py): the window with the stored district is shown first; the live
    session is built and its worker started while the map paints (the worker's first second is SQLite and
    numpy, not the UI thread's); the 3D pane (the VTK import, the building mesh) only once the first live
    data is on the map, since built beside the starting worker both would wait on the interpreter lock.
    A `--db` that is not there is said and only created once the user agrees."""
    db, url = _local_or_city(db, store)
    opened = open_window(db, package, lang, wall, store=url, defer_3d=True, confirm_new=True)
    if opened is None:
        return 1
    window, desk, _translators = opened
    if wall:  # the screen's size first: a kiosk X session without a window manager ignores full screen
        window.setGeometry(window.screen().geometry())
        window.showFullScreen()
    else:  # the dispatch dock takes its room now (the live controller fills it): the map is framed once
        window.dispatch_panel.show()
        window.fit_docks()
        window.show()
    startup_trace.mark("shown")
    startup_trace.on_first_paint(window.map2d.viewport(), "first_map")
    QTimer.singleShot(0, window.map2d.fit)  # frame the district at the shown size, not the initial one
    controller = go_live(window, desk, db, live, wall, store=url, broker=broker, station=station)
    controller.start()

    def build_3d_after_live(update: LiveUpdate) -> None:
        if update.events and window.sandbox3d is None:
            controller.qt_bus.updated.disconnect(build_3d_after_live)
            startup_trace.after_first_paint(window.map2d.viewport(), window.build_3d)

    controller.qt_bus.updated.connect(build_3d_after_live)
    QTimer.singleShot(BUILD_3D_AT_LATEST_MS, window.build_3d)  # no live data (e.g. no simulator, no device)
    try:
        return application().exec()
    finally:
        controller.stop()
        desk.close()
