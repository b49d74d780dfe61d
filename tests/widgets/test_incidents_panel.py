"""The incidents panel on a live desk: a reported fight listed with its plan, the plan's roles proposed,
a guard dispatched to it from the dispatch panel, then closed (办结) with its outcome."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sandbox_app.domain.incidents import Incident, IncidentSource, IncidentType, Place
from sandbox_app.domain.model import District
from sandbox_app.engine.pipeline import Engine
from tests.widgets.test_dispatch import ANSWERING
from tests.widgets.test_live import LiveFactory, live_factory
from tests.widgets.test_main_window import english

pytestmark = pytest.mark.gui
__all__ = ["english", "live_factory"]


def test_a_reported_fight_is_listed_with_its_plan_dispatched_and_closed(
    live_factory: LiveFactory, qtbot: QtBot, demo: District
) -> None:
    live = live_factory(ANSWERING)
    window = live.window
    panel, desk = window.incidents_panel, window.dispatch_panel
    qtbot.waitUntil(lambda: len(window.scene.guard_positions) >= 35, timeout=20_000)
    lon, lat = next(iter(window.scene.guard_positions.values()))

    def report(engine: Engine) -> object:
        fight = Incident(
            "INC-walk_in-T1", IncidentType.PUBLIC_ORDER, "fight", Place("测试小区东门", lon, lat),
            engine.now_ms(), "两人在门口打架", IncidentSource.WALK_IN, "T1", created_by="desk",
        )  # fmt: skip
        return engine.store.add_incident(fight)

    live.session.submit(report).result(10)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    assert panel.table.item(0, 0).text() == "public order/fight"  # type: ignore[union-attr]
    assert panel.table.item(0, 1).text() == "测试小区东门"  # type: ignore[union-attr]
    panel.select("INC-walk_in-T1")
    assert "隔离双方，制止事态扩大" in panel.plan_label.text() and "120" in panel.plan_label.text()
    assert desk.alert_label.text().startswith("Incident: public order/fight")
    qtbot.waitUntil(lambda: len(desk.candidates) >= 3, timeout=10_000)
    assert {c.role for c in desk.candidates} <= {"police", "auxiliary", "security"}  # the plan's roles only
    guard = desk.candidates[0].guard
    desk.guards.selectRow(0)
    qtbot.mouseClick(desk.dispatch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(d.guard_id == guard and d.alert_id == "INC-walk_in-T1" for d in desk.dispatches),
        timeout=10_000,
    )
    panel.ask_note = lambda title, prompt: "已调解,双方和解"
    assert panel.close_button.isEnabled()
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=10_000)
    closed = live.session.submit(lambda e: e.store.get_incident("INC-walk_in-T1")).result(10)
    assert closed.state == "closed" and closed.outcome == "已调解,双方和解"
