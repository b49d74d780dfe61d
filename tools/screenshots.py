"""Screenshots for the README: the main window, the dashboard, the wall screen and the 3D sandbox, in one
interface language per run (`--lang`; docs/screenshots/zh, the README's, and docs/screenshots/en).

Run `make screenshots` (both languages; it starts Xvfb when there is no display) or
`python -m tools.screenshots --lang en`. The demo
district runs with the simulator at high speed on a throw-away database for a while (so the dashboard has
some hours of figures), then a smoke alarm is injected and the nearest guard is sent to it. The 3D view is
only shot when `widgets/sandbox3d.py` exists and a real X display is there (VTK draws black offscreen).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.live import LiveOptions, LiveSession
from sandbox_app.station.scene import Scene
from sandbox_app.store.sqlite import SqliteStore
from widgets.dashboard import Dashboard
from widgets.live_controller import LiveController
from widgets.main_window import MainWindow

if TYPE_CHECKING:
    from widgets.sandbox3d import Sandbox3D

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"


def wait_until(app: QApplication, done: Callable[[], bool], timeout_s: float, what: str) -> None:
    clock = WallClock()
    end = clock.monotonic_s() + timeout_s
    while not done():
        if clock.monotonic_s() > end:
            raise TimeoutError(f"screenshots: gave up waiting for {what}")
        app.processEvents()
        threading.Event().wait(0.02)


def settle(app: QApplication, seconds: float) -> None:
    clock = WallClock()
    end = clock.monotonic_s() + seconds
    while clock.monotonic_s() < end:
        app.processEvents()
        threading.Event().wait(0.02)


MAX_WIDTH_PX = 1600
"""Shots wider than this are scaled down: the README shows them at most this wide, and the PNGs stay small."""
LANG_FOLDERS = {"zh_CN": "zh", "en": "en"}
"""One set per interface language: docs/screenshots/zh (the README's) and docs/screenshots/en."""


def write_png(image: QImage, path: Path) -> None:
    """At most MAX_WIDTH_PX wide (smoothly scaled), at the strongest PNG compression."""
    if image.width() > MAX_WIDTH_PX:
        image = image.scaledToWidth(MAX_WIDTH_PX, Qt.TransformationMode.SmoothTransformation)
    if not image.save(str(path), quality=0):  # quality 0: the smallest file (lossless either way)
        raise OSError(f"could not write {path}")
    report(path, image.width(), image.height())


def save(widget: QWidget, path: Path) -> None:
    write_png(widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888), path)


def report(path: Path, width: int, height: int) -> None:
    shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    print(f"wrote {shown} ({width}×{height})")


def smoke_device(district: District, skip: int = 0) -> str:
    """A smoke detector in a room whose building has a camera (so the wall pops up a camera tile)."""
    with_camera = {d.building_id for d in district.devices.values() if d.kind == "camera" and d.building_id}
    rooms = district.rooms
    found = sorted(
        d.id
        for d in district.devices.values()
        if d.kind == "smoke_detector" and d.room_id in rooms and rooms[d.room_id].building_id in with_camera
    )
    return found[skip % len(found)]


class Shooter:
    def __init__(self, app: QApplication, district: District, folder: Path, options: LiveOptions) -> None:
        self.app = app
        self.district = district
        self.folder = folder
        self.options = options
        self.alarms = 0

    def start(self, wall: bool) -> tuple[MainWindow, LiveController]:
        """A window with its own fresh database (a second session on one log would resume its clock)."""
        window = MainWindow(Scene(self.district), wall=wall)
        db = self.folder / ("wall.db" if wall else "main.db")
        session = LiveSession(self.district, lambda: SqliteStore(db), self.options)
        controller = LiveController(window, session, "desk:screenshots")
        # 1920×1080 as on a wall screen (showFullScreen needs a window manager to take the screen's size)
        window.resize(1920, 1080) if wall else window.resize(1600, 1000)
        window.show()
        settle(self.app, 0.3)
        window.map2d.fit()
        controller.start()
        wait_until(
            self.app,
            lambda: len(window.scene.guard_positions) >= 0.8 * len(self.district.guards),
            180,
            "guards on the map",
        )
        return window, controller

    def alarm(self, controller: LiveController) -> str:
        device = smoke_device(self.district, self.alarms)
        self.alarms += 1
        event_id = f"screenshot-smoke-{self.alarms}"

        def ingest(engine: Engine) -> object:
            return engine.ingest([Event(event_id, engine.now_ms(), device, "smoke.alarm")])

        controller.session.submit(ingest).result(30)
        return device

    def main_window(self, out: Path, warm_up_s: float) -> None:
        window, controller = self.start(wall=False)
        settle(self.app, warm_up_s)  # some hours of simulated life for the dashboard
        device = self.alarm(controller)
        panel = window.alerts_panel
        wait_until(self.app, lambda: any(a.subject == device for a in panel.alerts.values()), 30, "the alarm")
        alert = next(a for a in panel.alerts.values() if a.subject == device)
        panel.select(alert.id)
        candidates = controller.request_recommendation(alert.id).result(30)
        if candidates:
            controller.request_dispatch(alert.id, [candidates[0].guard]).result(30)
            wait_until(self.app, lambda: bool(window.dispatch.dispatches), 30, "the dispatch on the map")
            arrived = lambda: any(d.on_scene_ts is not None for d in window.dispatch.dispatches)  # noqa: E731
            wait_until(self.app, arrived, 60, "the guard on scene")
        settle(self.app, 1.0)
        controller.panels.request_figures()
        wait_until(self.app, lambda: window.dashboard.figures is not None, 60, "dashboard figures")
        window.map2d.fit()
        panel.select(alert.id)
        settle(self.app, 0.5)
        save(window, out / "main.png")
        board = Dashboard(self.district.timezone, panel.rule_text, window.health_panel.kind_text)
        board.resize(1600, 420)  # the shape it has as the dock below the map: wide and short (issue 24)
        assert window.dashboard.figures is not None
        board.set_figures(window.dashboard.figures)
        board.show()
        settle(self.app, 0.5)
        save(board, out / "dashboard.png")
        board.close()
        controller.stop()
        window.close()

    def wall(self, out: Path) -> tuple[MainWindow, LiveController]:
        window, controller = self.start(wall=True)
        self.alarm(controller)
        wait_until(self.app, lambda: window.wall is not None and window.wall.focused is not None, 30, "focus")
        controller.panels.request_figures()
        wait_until(self.app, lambda: window.dashboard.figures is not None, 60, "wall figures")
        window.refresh_panels()
        settle(self.app, 1.0)
        save(window, out / "wall.png")
        return window, controller

    def sandbox3d(self, window: MainWindow, out: Path) -> None:
        if importlib.util.find_spec("widgets.sandbox3d") is None:
            print("skipped sandbox3d.png: widgets/sandbox3d.py does not exist yet")
            return
        if QApplication.platformName() == "offscreen":
            print("skipped sandbox3d.png: VTK needs an X display (run `make screenshots`, which starts Xvfb)")
            return
        from widgets.sandbox3d import Sandbox3D

        view = Sandbox3D()
        view.resize(1600, 1000)
        view.show()
        view.set_scene(self.district, window.projection)
        guards = window.scene.guard_positions
        ids = sorted(guards)
        view.set_guards(
            ids,
            np.asarray([guards[g] for g in ids], dtype=np.float64).reshape(-1, 2),
            [self.district.guards[g].role for g in ids],
        )
        view.set_alerts(list(window.alerts_panel.alerts.values()))
        settle(self.app, 1.0)
        self._grab_3d(view, out / "sandbox3d-overview.png")  # the whole district: ground, labels, beacons
        focused = window.wall.focused if window.wall is not None else None
        if focused is not None:
            view.select_alert(focused.id)
        settle(self.app, 2.5)  # the fly-to animates for about a second
        self._grab_3d(view, out / "sandbox3d.png")
        view.close()

    @staticmethod
    def _grab_3d(view: Sandbox3D, path: Path) -> None:
        pixels = np.ascontiguousarray(view.grab_image())
        h, w = pixels.shape[:2]
        write_png(QImage(pixels.data, w, h, pixels.strides[0], QImage.Format.Format_RGB888).copy(), path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__)
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="PNG folder (default: docs/screenshots/zh or /en)",
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--speed", type=float, default=300.0, help="simulated seconds per real second")
    parser.add_argument("--warm-up", type=float, default=45.0, help="seconds of live feed before the shots")
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = OUT / LANG_FOLDERS[args.lang]
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from sandbox_app.data.package import load_package
    from sandbox_app.data.resources import demo_package
    from widgets.app import application
    from widgets.i18n import install_translators

    app = application()
    translators = install_translators(app, args.lang)
    args.out.mkdir(parents=True, exist_ok=True)
    district = load_package(demo_package())
    options = LiveOptions(
        speed=args.speed,
        seed=7,
        history_days=0,
        tick_s=0.05,
        risk_every_s=0.5,
        rates=SimRates(order_no_answer=0.0),  # the shot shows an order answered and the guard there
    )
    with tempfile.TemporaryDirectory() as tmp:
        shooter = Shooter(app, district, Path(tmp), options)
        shooter.main_window(args.out, args.warm_up)
        window, controller = shooter.wall(args.out)
        try:
            shooter.sandbox3d(window, args.out)
        finally:
            controller.stop()
            window.close()
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
