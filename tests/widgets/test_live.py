"""The window with a live session on the demo district: guards move, alerts come and go, intent goes back.

The simulator runs at 600× for about two seconds of wall time; every engine call happens on the session's
worker thread, and each test checks that the thread is joined and no thread outlives it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from layers import style
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.live import LiveOptions, LiveSession
from sandbox_app.station.scene import Scene
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district
from tests.widgets.test_main_window import close_to, english, grab_map, pixel_at, show
from widgets.live_controller import LiveController
from widgets.main_window import MainWindow
from widgets.qt_bus import MAX_REDRAWS_PER_S

pytestmark = pytest.mark.gui
__all__ = ["english"]
ACTOR = "desk:tester"
SIM = LiveOptions(speed=600.0, history_days=0, tick_s=0.05, risk_every_s=0.2)
VIEW_ONLY = LiveOptions(simulate=False, tick_s=0.05, risk_every_s=0.1)


class Live:
    def __init__(self, qtbot: QtBot, district: District, db: Path, options: LiveOptions) -> None:
        self.window: MainWindow = show(qtbot, Scene(district))
        self.session = LiveSession(district, lambda: SqliteStore(db), options)
        self.controller = LiveController(self.window, self.session, ACTOR)
        self.updates = 0
        self.controller.qt_bus.updated.connect(self._count)
        self.counting = True
        self.clock = WallClock()
        self.started_s = self.clock.monotonic_s()
        self.controller.start()

    def _count(self, _: object) -> None:
        self.updates += 1

    def stop(self) -> float:
        """Stop (join) the worker, deliver its last messages; returns the seconds it ran."""
        self.controller.stop()
        QApplication.processEvents()
        if self.counting:  # a connection to a plain object's method would keep this (and the window) alive
            self.controller.qt_bus.updated.disconnect(self._count)
            self.counting = False
        return self.clock.monotonic_s() - self.started_s


LiveFactory = Callable[[LiveOptions], Live]


@pytest.fixture
def live_factory(qtbot: QtBot, tmp_path: Path, demo: District, english: None) -> Iterator[LiveFactory]:
    before = set(threading.enumerate())
    made: list[Live] = []

    def make(options: LiveOptions) -> Live:
        made.append(Live(qtbot, demo, tmp_path / "live.db", options))
        return made[-1]

    yield make
    for live in made:
        live.stop()
        assert not live.session.running
    made.clear()  # the windows (and pyqtgraph's parentless menus) must be collectable for the leak check
    assert set(threading.enumerate()) <= before, "a thread outlived the live session"


def test_guards_move_on_the_map_and_the_status_bar_counts(live_factory: LiveFactory, tmp_path: Path) -> None:
    live = live_factory(SIM)
    window, controller = live.window, live.controller
    wait = WallClock()
    end = wait.monotonic_s() + 30
    while wait.monotonic_s() < end and not (
        controller.events_total > 2000 and len(window.scene.guard_positions) >= 35
    ):
        QApplication.processEvents()
        threading.Event().wait(0.02)
    first_item = window.map2d.layer_items("guards")
    ran_s = live.stop()
    assert controller.events_total > 2000 and len(window.scene.guard_positions) >= 35
    assert window.map2d.layer_items("guards") == first_item and len(first_item) == 1  # updated in place
    assert live.updates <= MAX_REDRAWS_PER_S * ran_s + 2
    image = grab_map(window, tmp_path)
    district = window.scene.district
    hits = [
        close_to(pixel_at(window, image, lon, lat), style.GUARD_ROLE[district.guards[g].role].rgba, tol=16)
        for g, (lon, lat) in window.scene.guard_positions.items()
    ]
    assert sum(hits) >= 0.6 * len(hits), f"{sum(hits)} of {len(hits)} guards drawn at their last fix"
    labels = window.status_labels
    assert f"Events: {controller.events_total} (" in labels["rate"].text()
    assert labels["alerts"].text() == f"Open alerts: {len(window.alerts_panel.alerts)}"
    assert labels["health"].text().startswith("Simulator: disconnected,")  # reported as it stopped
    assert int(labels["health"].text().split(", ")[1].split()[0]) == controller.events_total


def _smoke(device: str, ts: int) -> Event:
    return Event(f"test-smoke-{device}", ts, device, "smoke.alarm", None, None, {})


def room_smoke_detector(district: District) -> str:
    """The first smoke detector in a room: its alarm is a critical alert placed down to the room."""
    return min(d.id for d in district.devices.values() if d.kind == "smoke_detector" and d.room_id)


def select_new_smoke_alert(live: Live, district: District, qtbot: QtBot) -> str:
    """Raise a room's smoke alarm in the live window, wait for it as the only alert and select its row."""
    panel = live.window.alerts_panel
    device = room_smoke_detector(district)
    live.session.submit(lambda e: e.ingest([_smoke(device, WallClock().now_ms())])).result(10)
    qtbot.waitUntil(lambda: len(panel.alerts) == 1, timeout=10_000)
    alert_id = next(iter(panel.alerts))
    panel.select(alert_id)
    return alert_id


def test_injected_alert_shows_centres_and_is_acknowledged_in_the_store(
    live_factory: LiveFactory, qtbot: QtBot, tmp_path: Path, demo: District
) -> None:
    live = live_factory(VIEW_ONLY)
    window, panel = live.window, live.window.alerts_panel
    device = room_smoke_detector(demo)
    ts = WallClock().now_ms()
    assert live.session.submit(lambda e: e.ingest([_smoke(device, ts)])).result(10).accepted == 1
    qtbot.waitUntil(lambda: any(a.subject == device for a in panel.alerts.values()), timeout=10_000)
    alert = next(a for a in panel.alerts.values() if a.subject == device)
    assert alert.severity == Severity.CRITICAL and panel.row_of(alert.id) is not None
    row = panel.row_of(alert.id)
    rule_cell = panel.table.item(row, 1) if row is not None else None
    assert rule_cell is not None and rule_cell.text() == "Smoke alarm"
    assert window.status_labels["alerts"].text() == "Open alerts: 1"

    panel.select(alert.id)  # clicking the row centres the map on the alert
    building = demo.buildings[demo.rooms[demo.devices[device].room_id or ""].building_id]
    spot = building.footprint.representative_point()
    x, y = window.projection.to_xy([spot.x], [spot.y])[0]
    assert np.allclose(window.map2d.view_centre(), (x, y), atol=3.0)  # aspect lock rounds it
    QApplication.processEvents()
    image = grab_map(window, tmp_path)
    assert close_to(pixel_at(window, image, spot.x, spot.y), style.SEVERITY[Severity.CRITICAL].rgba)

    ack = panel.buttons[AlertState.ACKNOWLEDGED]
    assert ack.isEnabled() and not panel.buttons[AlertState.RESOLVED].isEnabled()
    qtbot.mouseClick(ack, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.alerts[alert.id].state == AlertState.ACKNOWLEDGED, timeout=10_000)
    assert not ack.isEnabled() and panel.buttons[AlertState.DISPATCHED].isEnabled()
    live.stop()
    with SqliteStore(tmp_path / "live.db") as store:
        stored = store.get_alert(alert.id)
    assert stored is not None and stored.state == AlertState.ACKNOWLEDGED
    assert (stored.history[-1].actor, stored.history[-1].ts) == (ACTOR, ts)


def test_dismiss_asks_a_reason_and_the_alert_leaves_panel_and_map(
    live_factory: LiveFactory, qtbot: QtBot, tmp_path: Path, demo: District
) -> None:
    live = live_factory(VIEW_ONLY)
    panel = live.window.alerts_panel
    alert_id = select_new_smoke_alert(live, demo, qtbot)
    asked: list[str] = []

    def cancel(title: str, prompt: str) -> str | None:
        asked.append(prompt)
        return None  # the officer cancelled: nothing is sent

    panel.ask_note = cancel
    panel.request(AlertState.DISMISSED)
    panel.ask_note = lambda title, prompt: "cooking smoke, checked by phone"
    qtbot.mouseClick(panel.buttons[AlertState.DISMISSED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.alerts, timeout=10_000)
    assert asked == ["Reason:"]
    points = live.window.map2d.layer_items("alerts")
    assert not points or all(len(item.data) == 0 for item in points)
    live.stop()
    with SqliteStore(tmp_path / "live.db") as store:
        stored = store.get_alert(alert_id)
    assert stored is not None and stored.state == AlertState.DISMISSED
    assert stored.history[-1].note == "cooking smoke, checked by phone"


def test_heat_layer_tints_the_building_of_a_risky_alert(
    live_factory: LiveFactory, qtbot: QtBot, tmp_path: Path, demo: District
) -> None:
    live = live_factory(VIEW_ONLY)
    window = live.window
    device = room_smoke_detector(demo)
    building_id = demo.rooms[demo.devices[device].room_id or ""].building_id

    def inject(engine: Engine) -> object:
        return engine.ingest([_smoke(device, WallClock().now_ms())])

    live.session.submit(inject).result(10)
    qtbot.waitUntil(lambda: window.risk.get(building_id, 0.0) > 30, timeout=10_000)
    assert not window.layer_list.is_checked("heat")  # off by default
    heat_items = window.map2d.layer_items("heat")
    assert len(heat_items) == 1 and not heat_items[0].isVisible()
    for covering in ("alerts", "devices", "guards"):  # markers at the building's centre would hide the fill
        window.layer_list.set_checked(covering, False)
    corner = demo.buildings[building_id].footprint.buffer(-2e-5).exterior.coords[0]
    before = pixel_at(window, grab_map(window, tmp_path), *corner)
    window.layer_list.set_checked("heat", True)
    QApplication.processEvents()
    after = pixel_at(window, grab_map(window, tmp_path), *corner)
    assert heat_items[0].isVisible() and after != before
    assert after[0] >= before[0] - 10 and after[2] < before[2]  # tinted towards red/yellow


def test_after_an_import_live_data_resumes_on_the_new_district(
    live_factory: LiveFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 16 §6: File → Import stops the session on the old district and starts one on the new, without
    a restart: the simulated guards of the imported district move on the map, the status says so."""
    live = live_factory(SIM)
    window, controller = live.window, live.controller
    first = controller.session
    qtbot.waitUntil(lambda: controller.events_total > 0, timeout=30_000)
    small = small_district()
    store = SqliteStore(tmp_path / "live.db")  # what the import job does before `imported` is emitted
    try:
        store.replace_district(small)
    finally:
        store.close()
    window.importer.imported.emit(small)
    assert not first.running and controller.session is not first
    assert controller.session.district is small and window.scene.district is small
    assert window.status_labels["health"].text() == "Live feed: starting…"
    counted = controller.events_total
    qtbot.waitUntil(
        lambda: controller.events_total > counted and set(window.scene.guard_positions) == {"GU1", "GU2"},
        timeout=30_000,
    )
    assert window.scene.district.name == "测试小区"
    assert "new district was imported" not in window.status_labels["health"].text()
    guards_layer = window.map2d.layer_items("guards")
    assert guards_layer and len(window.scene.guard_positions) == 2


def test_a_city_station_stops_its_feed_on_an_import(qtbot: QtBot, tmp_path: Path, english: None) -> None:
    """Without `renew_on_import` (a city station's link holds its first session) the feed only stops."""
    window = show(qtbot, Scene(small_district()))
    session = LiveSession(window.scene.district, lambda: SqliteStore(tmp_path / "c.db"), VIEW_ONLY)
    controller = LiveController(window, session, ACTOR, renew_on_import=False)
    controller.start()
    try:
        window.importer.imported.emit(small_district())
        assert not session.running and controller.session is session
        assert "new district was imported" in window.status_labels["health"].text()
    finally:
        controller.stop()
