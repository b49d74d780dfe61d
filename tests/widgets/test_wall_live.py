"""The window and the wall screen on the demo district with the simulator at high speed.

Main window: an injected alarm reaches the queue, Acknowledge and Mark dispatched change it in the store,
the roster lists every guard and fix ages move on, the dashboard gets figures from the worker.
Wall: the alarm takes focus (map centred, 3D fly-to asked, sound, focus card), no real name is shown
anywhere, and its text is large on screen.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from sandbox_app.analytics.stats import GuardState
from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.live import LiveOptions, LiveSession
from sandbox_app.station.scene import Scene
from sandbox_app.station.wall import linked_camera
from sandbox_app.store.sqlite import SqliteStore
from tests.widgets.test_main_window import english, show
from widgets.live_controller import LiveController
from widgets.main_window import MainWindow
from widgets.wall_parts import FitLabel

pytestmark = pytest.mark.gui
__all__ = ["english"]
# no simulated incidents (alarm buttons, fires): the alarm the tests inject must be the only critical one
FAST = LiveOptions(
    speed=600.0,
    history_days=0,
    tick_s=0.05,
    risk_every_s=0.5,
    coverage_minutes=0,
    rates=SimRates(incidents={}),
)
ACTOR = "desk:tester"
FAKE_NAME = re.compile(r"测试[^\s*（(]*")


class Running:
    def __init__(self, qtbot: QtBot, district: District, db: Path, wall: bool) -> None:
        self.window: MainWindow = show(qtbot, Scene(district), wall=wall)
        if wall:
            self.window.resize(1600, 900)
        self.session = LiveSession(district, lambda: SqliteStore(db), FAST)
        self.controller = LiveController(self.window, self.session, ACTOR)
        self.controller.start()

    def inject_smoke(self, district: District) -> str:
        """A smoke alarm (critical) on a room whose building has a camera, so the wall pops one up."""
        device = min(
            d.id
            for d in district.devices.values()
            if d.kind == "smoke_detector"
            and d.room_id
            and any(
                c.kind == "camera" and c.building_id == district.rooms[d.room_id].building_id
                for c in district.devices.values()
            )
        )

        def ingest(engine: Engine) -> object:
            return engine.ingest([Event("test-wall-smoke", engine.now_ms(), device, "smoke.alarm")])

        self.session.submit(ingest).result(10)
        return device


@pytest.fixture
def running(qtbot: QtBot, tmp_path: Path, demo: District, english: None) -> Iterator[list[Running]]:
    before = set(threading.enumerate())
    made: list[Running] = []
    yield made
    for run in made:
        run.controller.stop()
        QApplication.processEvents()
        assert not run.session.running
    made.clear()
    assert set(threading.enumerate()) <= before


def _wait_guards(qtbot: QtBot, window: MainWindow, n: int = 30) -> None:
    qtbot.waitUntil(
        lambda: sum(1 for r in window.roster.rows if r.fix_age_s is not None) >= n, timeout=30_000
    )


def test_main_window_queue_buttons_roster_and_dashboard(
    running: list[Running], qtbot: QtBot, tmp_path: Path, demo: District
) -> None:
    run = Running(qtbot, demo, tmp_path / "main.db", wall=False)
    running.append(run)
    window, panel, roster = run.window, run.window.alerts_panel, run.window.roster
    _wait_guards(qtbot, window)
    assert roster.table.rowCount() == len(demo.guards) == 44
    guard = next(r for r in roster.rows if r.fix_age_s is not None)
    first_fix = roster.fix_ts[demo.guards[guard.id].device_id or ""]
    qtbot.waitUntil(lambda: roster.fix_ts[demo.guards[guard.id].device_id or ""] > first_fix, timeout=10_000)
    assert any(r.battery is not None for r in roster.rows)  # the simulator's fixes carry a battery level
    # at 600× a fix is stale after 0.5 s of wall time: on a loaded CI machine the roster may need a refresh
    qtbot.waitUntil(lambda: roster.counts()[GuardState.PATROLLING] >= 30, timeout=10_000)

    device = run.inject_smoke(demo)
    qtbot.waitUntil(lambda: any(a.subject == device for a in panel.alerts.values()), timeout=10_000)
    alert = next(a for a in panel.alerts.values() if a.subject == device)
    assert panel.row_of(alert.id) is not None
    panel.select(alert.id)
    for state in (AlertState.ACKNOWLEDGED, AlertState.DISPATCHED):
        button = panel.buttons[state]
        assert button.isEnabled()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=state: panel.alerts[alert.id].state == s, timeout=10_000)
    assert run.controller.panels.request_figures() is not None or window.dashboard.figures is not None
    qtbot.waitUntil(lambda: window.dashboard.figures is not None, timeout=10_000)
    run.controller.stop()
    with SqliteStore(tmp_path / "main.db") as store:
        stored = store.get_alert(alert.id)
    assert stored is not None and stored.state == AlertState.DISPATCHED
    assert [s.state for s in stored.history[-2:]] == [AlertState.ACKNOWLEDGED, AlertState.DISPATCHED]
    assert all(s.actor == ACTOR for s in stored.history[-2:])


def _shown_texts(window: QWidget) -> list[str]:
    texts = [window.windowTitle()]
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window):
            texts.append(label.text())
    for fit in window.findChildren(FitLabel):
        if fit.isVisibleTo(window):
            texts.append(fit.text())
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window):
            texts.append(button.text())
    for table in window.findChildren(QTableWidget):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                item = table.item(r, c)
                if item is not None:
                    texts.append(item.text())
    return texts


def _text_rows(image: QImage, x0: int, y0: int, w: int, h: int) -> int:
    """Height in pixels of the white text drawn in a box of the image (rows holding near-white pixels)."""
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    box = pixels[y0 : y0 + h, x0 * 4 : (x0 + w) * 4].reshape(h, w, 4)[..., :3]
    white_rows = np.flatnonzero((box.min(axis=2) > 200).sum(axis=1) > 0)
    return int(white_rows.max() - white_rows.min() + 1) if len(white_rows) else 0


def test_wall_focuses_the_alarm_masks_every_name_and_writes_large(
    running: list[Running], qtbot: QtBot, tmp_path: Path, demo: District
) -> None:
    run = Running(qtbot, demo, tmp_path / "wall.db", wall=True)
    running.append(run)
    window = run.window
    assert window.wall is not None and window.viewer.value == "wall"
    assert not window.dispatch_panel.isVisible() and not window.menuBar().isVisible()
    _wait_guards(qtbot, window)
    device = run.inject_smoke(demo)
    # a high alert the simulator raised may hold the focus first: the critical one must take it over
    qtbot.waitUntil(
        lambda: (
            window.wall is not None
            and window.wall.focused is not None
            and window.wall.focused.subject == device
        ),
        timeout=10_000,
    )
    focused = window.wall.focused
    assert focused is not None and focused.subject == device and focused.severity == Severity.CRITICAL
    assert window.fly_to_alert == focused.id and window.wall.beeper.played >= 1
    camera = linked_camera(demo, focused)
    assert camera is not None and camera.name in window.wall_overlay.focus_camera.text()
    assert window.wall_overlay.focus_card.isVisible()
    assert window.wall_overlay.camera.isVisible() == (window.wall_overlay.camera.video is not None)
    building = demo.buildings[demo.rooms[demo.devices[device].room_id or ""].building_id]
    spot = building.footprint.representative_point()
    x, y = window.projection.to_xy([spot.x], [spot.y])[0]
    assert np.allclose(window.map2d.view_centre(), (x, y), atol=5.0)
    window.refresh_panels()

    names = {p.name for p in demo.people.values()} | {g.name for g in demo.guards.values()}
    texts = _shown_texts(window)
    roster_names = [window.roster.table.item(r, 1).text() for r in range(window.roster.table.rowCount())]  # type: ignore[union-attr]
    assert len(roster_names) == 44 and all(n.startswith("测*") for n in roster_names)
    leaked = {m for text in texts for m in FAKE_NAME.findall(text) if m in names}
    assert not leaked, f"unmasked names on the wall: {sorted(leaked)[:5]}"

    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    assert image.save(str(tmp_path / "wall.png"))
    banner = window.wall_overlay.focus_rule
    top_left = banner.mapTo(window, banner.rect().topLeft())
    ratio = image.devicePixelRatio()
    glyphs = _text_rows(
        image,
        int(top_left.x() * ratio),
        int(top_left.y() * ratio),
        int(banner.width() * ratio),
        int(banner.height() * ratio),
    )
    assert glyphs >= 28, f"focus card text is {glyphs} px tall"
