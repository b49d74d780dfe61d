"""The alerts panel: worst and latest first, local times, only the allowed steps, notes asked for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sandbox_app.domain.alerts import Alert, CloseOutcome
from sandbox_app.domain.enums import AlertState, Severity
from tests.widgets.test_filter_panel import chinese
from tests.widgets.test_main_window import english
from widgets.alerts_panel import AlertsPanel

pytestmark = pytest.mark.gui
__all__ = ["chinese", "english"]
T0 = 1_700_000_000_000  # 2023-11-14 22:13:20 UTC = 11-15 06:13 in Asia/Shanghai


def _alert(aid: str, severity: Severity, last_ts: int, state: AlertState = AlertState.OPEN) -> Alert:
    return Alert(aid, "gas_alarm", f"R{aid}", "room", severity, state, T0, last_ts)


@pytest.fixture
def panel(qtbot: QtBot, english: None) -> AlertsPanel:
    widget = AlertsPanel("Asia/Shanghai")
    qtbot.addWidget(widget)
    widget.update_alerts(
        [
            _alert("low", Severity.LOW, T0 + 9),
            _alert("crit-old", Severity.CRITICAL, T0),
            _alert("crit-new", Severity.CRITICAL, T0 + 5, AlertState.RESOLVED),
        ]
    )
    return widget


def _order(panel: AlertsPanel) -> list[str]:
    return [str(panel.table.item(r, 2).text())[1:] for r in range(panel.table.rowCount())]  # type: ignore[union-attr]


def test_rows_sorted_by_severity_then_latest_and_times_are_local(panel: AlertsPanel) -> None:
    assert _order(panel) == ["crit-old", "crit-new", "low"]  # crit-old is not acknowledged: pinned on top
    row = panel.row_of("crit-old")
    assert row is not None
    assert panel.table.item(row, 3).text() == "11-15 06:13"  # type: ignore[union-attr]
    assert panel.table.item(row, 1).text() == "Gas alarm"  # type: ignore[union-attr]
    panel.update_alerts([_alert("low", Severity.LOW, T0, AlertState.DISMISSED)])
    assert _order(panel) == ["crit-old", "crit-new"]
    panel.update_alerts([_alert("crit-old", Severity.CRITICAL, T0, AlertState.ACKNOWLEDGED)])
    assert _order(panel) == ["crit-new", "crit-old"]  # acknowledged: back in severity-then-latest order


def test_buttons_follow_the_lifecycle_and_close_needs_feedback(panel: AlertsPanel, qtbot: QtBot) -> None:
    assert not any(b.isEnabled() for b in panel.buttons.values())  # nothing selected
    panel.select("crit-new")  # resolved: only closing is left
    enabled = {s for s, b in panel.buttons.items() if b.isEnabled()}
    assert enabled == {AlertState.CLOSED}
    sent: list[tuple[str, str, str]] = []
    panel.close_requested.connect(lambda *args: sent.append(args))
    panel.ask_close = lambda title: (CloseOutcome.FALSE_ALARM, "   ")  # blank feedback is no feedback
    qtbot.mouseClick(panel.buttons[AlertState.CLOSED], Qt.MouseButton.LeftButton)
    assert sent == []
    panel.ask_close = lambda title: (CloseOutcome.FALSE_ALARM, "family was cooking\nchecked by phone")
    qtbot.mouseClick(panel.buttons[AlertState.CLOSED], Qt.MouseButton.LeftButton)
    assert sent == [("crit-new", "false_alarm", "family was cooking\nchecked by phone")]
    panel.select("crit-old")
    assert {s for s, b in panel.buttons.items() if b.isEnabled()} == {
        AlertState.ACKNOWLEDGED,
        AlertState.DISMISSED,
    }


def test_hand_on_to_property_and_110_and_the_holder_shows(qtbot: QtBot, english: None) -> None:
    """移交物业 needs a compound; 移交110 asks for the reason; the state column says who holds it."""
    from sandbox_app.domain.handoff import Party, escalate, hand

    panel = AlertsPanel("Asia/Shanghai")
    qtbot.addWidget(panel)
    water = Alert("w", "water_alarm", "WL-1", "device", Severity.MEDIUM, AlertState.OPEN, T0, T0,
                  data={"compound_id": "C1"})  # fmt: skip
    nowhere = Alert("n", "gas_alarm", "GS-1", "device", Severity.HIGH, AlertState.OPEN, T0, T0)
    panel.update_alerts([water, nowhere])
    to_property, to_110 = panel.handoff_buttons[Party.PROPERTY], panel.handoff_buttons[Party.CAD110]
    assert not to_property.isEnabled() and not to_110.isEnabled()  # nothing selected
    panel.select("n")
    assert not to_property.isEnabled() and to_110.isEnabled()  # no compound: no property staff to take it
    sent: list[tuple[str, str, str]] = []
    panel.handoff_requested.connect(lambda *args: sent.append(args))
    panel.ask_note = lambda title, prompt: "  "
    qtbot.mouseClick(to_110, Qt.MouseButton.LeftButton)
    assert sent == []  # no reason, nothing sent
    panel.ask_note = lambda title, prompt: "涉嫌刑事案件"
    qtbot.mouseClick(to_110, Qt.MouseButton.LeftButton)
    assert sent == [("n", "110", "涉嫌刑事案件")]
    panel.select("w")
    assert to_property.isEnabled()
    qtbot.mouseClick(to_property, Qt.MouseButton.LeftButton)
    assert sent[-1] == ("w", "property", "")

    hand(water, Party.PROPERTY, "desk", T0, within_s=600)
    panel.update_alerts([water])
    row = panel.row_of("w")
    assert row is not None and panel.table.item(row, 6).text().endswith("with property")  # type: ignore[union-attr]
    assert not to_property.isEnabled()  # already there
    escalate(water, T0 + 600_000, "engine")
    panel.update_alerts([water])
    row = panel.row_of("w")
    assert panel.table.item(row, 6).text().endswith("property overdue")  # type: ignore[union-attr,arg-type]


def test_hand_on_to_the_grid_worker_only_inside_a_grid(qtbot: QtBot, chinese: None) -> None:
    """移交网格员 is offered for an open alert whose place lies in a grid (the tooltip names the grid) and
    sends a grid hand-off; outside every grid, or already with the grid worker, it is greyed."""
    from shapely.geometry import box

    from sandbox_app.domain.grids import Grid
    from sandbox_app.domain.handoff import Party, hand

    panel = AlertsPanel("Asia/Shanghai")
    qtbot.addWidget(panel)
    inside = Alert("in", "water_alarm", "WL-1", "device", Severity.MEDIUM, AlertState.OPEN, T0, T0,
                   lon=119.3005, lat=26.0805)  # fmt: skip
    outside = Alert("out", "water_alarm", "WL-2", "device", Severity.MEDIUM, AlertState.OPEN, T0, T0,
                    lon=119.31, lat=26.09)  # fmt: skip
    panel.update_alerts([inside, outside])
    to_grid = panel.handoff_buttons[Party.GRID]
    assert to_grid.text() == "移交网格员"
    panel.select("in")
    assert not to_grid.isEnabled()  # no grids known yet
    panel.set_grids({"WG01": Grid("WG01", "第1网格", box(119.30, 26.08, 119.301, 26.081), "GU2")})
    assert to_grid.isEnabled() and "第1网格" in to_grid.toolTip()
    sent: list[tuple[str, str, str]] = []
    panel.handoff_requested.connect(lambda *args: sent.append(args))
    qtbot.mouseClick(to_grid, Qt.MouseButton.LeftButton)
    assert sent == [("in", "grid", "")]
    panel.select("out")
    assert not to_grid.isEnabled()
    hand(inside, Party.GRID, "desk", T0, within_s=1800, grid_id="WG01", assignee="GU2")
    panel.update_alerts([inside])
    panel.select("in")
    assert not to_grid.isEnabled()  # already with the grid worker
    row = panel.row_of("in")
    assert row is not None and panel.table.item(row, 6).text().endswith("网格员处置中")  # type: ignore[union-attr]
