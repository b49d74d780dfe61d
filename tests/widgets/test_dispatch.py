"""Dispatch from the window: recommended guards, an order out, the simulated guard there, the route drawn."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from layers import style
from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.live import LiveOptions
from sandbox_app.station.scene import Scene
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district
from tests.widgets.test_filter_panel import chinese
from tests.widgets.test_live import Live, LiveFactory, live_factory
from tests.widgets.test_main_window import close_to, english, grab_map, pixel_at, show
from widgets.dispatch_panel import DispatchPanel, minutes_seconds

pytestmark = pytest.mark.gui
__all__ = ["chinese", "english", "live_factory"]
ANSWERING = LiveOptions(
    speed=120.0, history_days=0, tick_s=0.05, risk_every_s=0.5, rates=SimRates(order_no_answer=0.0)
)
MMSS = re.compile(r"^\d+:\d\d$")
CLOCK = re.compile(r"^\d\d:\d\d:\d\d$")


def _alarm(live: Live, district: District) -> str:
    device = min(d.id for d in district.devices.values() if d.kind == "alarm_button")

    def press(engine: Engine) -> object:
        return engine.ingest([Event("test-alarm", engine.now_ms(), device, "alarm.button", None, None, {})])

    live.session.submit(press).result(10)
    return device


def _route_pixels(live: Live, tmp_path: Path, path: list[tuple[float, float]]) -> int:
    """How many points along the route show a route colour (any state: it may move on meanwhile)."""
    window = live.window
    for covering in ("alerts", "guards", "devices"):
        window.layer_list.set_checked(covering, False)
    # Selecting the alert zoomed the map to the alert (its card): frame the whole route to look at it.
    xy = np.asarray(window.projection.to_xy([p[0] for p in path], [p[1] for p in path]))
    window.map2d.getPlotItem().vb.setRange(
        xRange=(xy[:, 0].min(), xy[:, 0].max()), yRange=(xy[:, 1].min(), xy[:, 1].max()), padding=0.2
    )
    QApplication.processEvents()
    image = grab_map(window, tmp_path)
    pts = np.asarray(path)
    hits = 0
    for a, b in pairwise(pts):
        for t in (0.25, 0.5, 0.75):
            lon, lat = a + (b - a) * t
            colour = pixel_at(window, image, float(lon), float(lat))
            hits += any(close_to(colour, s.rgba, tol=40) for s in style.DISPATCH_ROUTE.values())
    return hits


def test_dispatch_from_the_panel_reaches_the_scene_and_draws_the_route(
    live_factory: LiveFactory, qtbot: QtBot, tmp_path: Path, demo: District
) -> None:
    # the guard stays on scene for a simulated day: at 120x a default stay (3-10 min) is over in seconds,
    # and a loaded machine could see the dispatch handled and its route gone before the map is grabbed
    live = live_factory(replace(ANSWERING, rates=replace(ANSWERING.rates, on_scene_s=(86_400.0, 86_400.0))))
    window, panel = live.window, live.window.dispatch_panel
    assert panel.isVisible()
    qtbot.waitUntil(lambda: len(window.scene.guard_positions) >= 35, timeout=20_000)
    device = _alarm(live, demo)
    qtbot.waitUntil(
        lambda: any(a.subject == device for a in window.alerts_panel.alerts.values()), timeout=10_000
    )
    alert = next(a for a in window.alerts_panel.alerts.values() if a.subject == device)
    window.alerts_panel.select(alert.id)  # selecting the alert asks for the nearest guards
    qtbot.waitUntil(lambda: len(panel.candidates) >= 5, timeout=10_000)
    fresh = [c.eta_s for c in panel.candidates if not c.stale]
    assert fresh == sorted(fresh)
    eta_cell = panel.guards.item(0, 2)
    assert eta_cell is not None and MMSS.match(eta_cell.text())
    guard = panel.candidates[0].guard

    panel.guards.selectRow(0)
    assert panel.dispatch_button.isEnabled()
    qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.guard_id == guard for d in panel.dispatches), timeout=10_000)
    made = next(d for d in panel.dispatches if d.guard_id == guard)
    path = list(window.dispatch.paths.get(made.id, ()))
    assert len(path) >= 2
    # the map redraws its cached layers after the reframe: wait for the route to show, do not grab once
    qtbot.waitUntil(lambda: _route_pixels(live, tmp_path, path) >= 2, timeout=10_000)  # the route is drawn
    assert len(window.map2d.layer_items("dispatch")) == 2  # all routes one item, all incidents another

    def arrived() -> bool:
        return any(d.id == made.id and d.on_scene_ts is not None for d in panel.dispatches)

    qtbot.waitUntil(arrived, timeout=30_000)
    row = next(r for r, d in enumerate(panel.dispatches) if d.id == made.id)
    times = [panel.active.item(row, c) for c in (3, 4, 5)]
    assert all(t is not None and CLOCK.match(t.text()) for t in times)
    rule_cell = panel.active.item(row, 1)  # the alert in words, never its rule code (smoke_alarm)
    assert (
        rule_cell is not None and rule_cell.text() == window.alerts_panel.rule_text(alert.rule) != alert.rule
    )
    assert window.alerts_panel.alerts[alert.id].state == AlertState.DISPATCHED
    live.stop()
    with SqliteStore(tmp_path / "live.db") as store:
        stored = store.get_dispatch(made.id)
    assert stored is not None and stored.accepted_ts is not None and stored.on_scene_ts is not None


def _candidate(guard: str, eta: float, stale: bool) -> Candidate:
    return Candidate(guard, eta, eta * 1.3, [], stale, "grid")


def test_panel_greys_stale_guards_and_shows_escalations(qtbot: QtBot, english: None) -> None:
    window = show(qtbot, Scene(small_district()))
    panel: DispatchPanel = window.dispatch_panel
    assert not panel.isVisible()  # no live session: nothing to dispatch with
    panel.show()
    now = WallClock().now_ms()
    alert = Alert("A1", "alarm_button", "D4", "device", Severity.HIGH, AlertState.OPEN, now, now)
    asked: list[str] = []
    panel.recommend_requested.connect(asked.append)
    panel.set_alert(alert)
    assert asked == ["A1"]
    panel.show_candidates("other", [_candidate("GU9", 1.0, False)])  # a late answer for another alert
    assert panel.candidates == []
    panel.show_candidates("A1", [_candidate("GU2", 185.0, False), _candidate("GU1", 400.0, True)])
    assert [panel.guards.item(r, 2).text() for r in range(2)] == ["3:05", "6:40"]  # type: ignore[union-attr]
    stale = panel.guards.item(1, 0)
    assert stale is not None and stale.foreground().color().getRgb()[:3] == (150, 150, 150)
    d = Dispatch("D1", "A1", "GU2", "T2", "desk:a", now, None, None)
    d.advance(DispatchState.ESCALATED, "system", now + 60_000, "not accepted within 60 s")
    panel.update_dispatches([d])
    assert panel.state_of("D1") == "escalated: no answer"
    assert panel.escalations.text() == "No answer from: GU2"
    sent: list[tuple[str, str]] = []
    panel.cancel_requested.connect(lambda i, why: sent.append((i, why)))
    panel.active.selectRow(0)
    assert panel.cancel_button.isEnabled()
    panel.ask_note = lambda title, prompt: "wrong guard"
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert sent == [("D1", "wrong guard")]
    assert minutes_seconds(59.6) == "1:00"


def test_an_order_past_its_on_scene_limit_is_marked_red(qtbot: QtBot, chinese: None) -> None:
    """超时未到场: the escalation alert the lifecycle raises marks its order's row red with a tooltip until
    the guard is on scene; other orders keep their plain row."""
    window = show(qtbot, Scene(small_district()))
    panel: DispatchPanel = window.dispatch_panel
    panel.show()
    now = WallClock().now_ms()
    late = Dispatch("D1", "A1", "GU2", "T2", "desk:a", now, None, None)
    late.advance(DispatchState.ACCEPTED, "GU2", now + 30_000)
    fine = Dispatch("D2", "A1", "GU1", "T1", "desk:a", now, None, None)
    panel.update_dispatches([late, fine])
    QApplication.processEvents()

    def row_colour(dispatch_id: str) -> tuple[int, int, int]:
        """The background at the right end of the order's guard cell (the guard id is short)."""
        table = panel.active
        ids = [table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(table.rowCount())]  # type: ignore[union-attr]
        rect = table.visualItemRect(table.item(ids.index(dispatch_id), 0))  # type: ignore[arg-type]
        image = table.viewport().grab().toImage()
        ratio = image.devicePixelRatio()
        c = image.pixelColor(round((rect.right() - 3) * ratio), round(rect.center().y() * ratio))
        return c.red(), c.green(), c.blue()

    plain = row_colour("D1")
    assert not close_to(plain, style.DISPATCH_LATE_ROW, tol=10)
    escalation = Alert("E1", "dispatch_escalation", "A1", "alert", Severity.HIGH, AlertState.OPEN, now, now,
                       data={"dispatch": "D1", "guard": "GU2", "why": "not_on_scene"})  # fmt: skip
    window.update_alerts([escalation], notify=False)
    qtbot.waitUntil(lambda: close_to(row_colour("D1"), style.DISPATCH_LATE_ROW, tol=10))
    assert row_colour("D2") == plain
    item = panel.active.item(0, 0)
    assert item is not None and item.toolTip() == "超时未到场"
    assert item.foreground().color().getRgb() == style.DISPATCH_LATE_TEXT
    state = panel.active.item(0, 2)
    assert state is not None and state.text().endswith("· 超时未到场")
    late.advance(DispatchState.ON_SCENE, "GU2", now + 120_000)
    panel.update_dispatches([late, fine])
    qtbot.waitUntil(lambda: row_colour("D1") == plain)
    state = panel.active.item(0, 2)
    assert state is not None and "超时未到场" not in state.text()
