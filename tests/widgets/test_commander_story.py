"""Issue 16 "Done when": the commander's job end to end in the real window with a live simulated district.

A new alert arrives → a toast pops and the counter counts → the commander clicks its row → the map zooms
to it, rings it and the card names the place → the nearest guards are listed → choosing one previews the
route → 派遣 sends the order → "follow this guard" keeps the map on the guard → the simulated guard
accepts and arrives (on scene, from its fixes) → the order is marked handled → the alert is resolved
and closed with an outcome and a note typed into the close dialog → the store holds the outcome, the
dispatch's times and the note.
Every step is a click or keystroke on the widget a user would use; only the alarm itself is injected.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableWidget
from pytestqt.qtbot import QtBot

from sandbox_app.dispatch.engine_hook import DispatchUpdate
from sandbox_app.domain.alerts import CloseOutcome
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district
from tests.widgets.test_alert_desk import _alert
from tests.widgets.test_dispatch import ANSWERING, _alarm
from tests.widgets.test_live import LiveFactory, live_factory
from tests.widgets.test_main_window import english, show
from widgets.alert_focus import ZOOM_IN_ABOVE_M
from widgets.close_dialog import CloseDialog, outcome_text

pytestmark = pytest.mark.gui
__all__ = ["english", "live_factory"]
STAYS = replace(ANSWERING, rates=replace(ANSWERING.rates, on_scene_s=(86_400.0, 86_400.0)))
"""The guard stays on scene for a simulated day, so a loaded machine still sees it there."""


def _click_row(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    table.scrollToItem(table.item(row, 0))
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _fill_close_dialog(qtbot: QtBot, outcome: str, lines: list[str]) -> None:
    """What the commander does in the close dialog once it is up: pick the outcome, type the note, OK."""
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CloseDialog) and w.isVisible())
    index = dialog.outcome.findText(outcome)
    assert index >= 0, outcome
    dialog.outcome.setCurrentIndex(index)
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.note, line)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_commanders_job_from_new_alert_to_closed_with_an_outcome(
    live_factory: LiveFactory, qtbot: QtBot, tmp_path: Path, demo: District
) -> None:
    live = live_factory(STAYS)
    window = live.window
    alerts, panel, notifier = window.alerts_panel, window.dispatch_panel, window.notifier
    assert notifier is not None
    qtbot.waitUntil(lambda: len(window.scene.guard_positions) >= 35, timeout=20_000)
    assert "District time: " in window.clock_label.text() and "—" not in window.clock_label.text()

    # a new alert: noticed (the simulated district raises its own alerts meanwhile: every toast is kept)
    toasts: list[str] = []
    pop = notifier.toast.pop
    notifier.toast.pop = lambda text: (toasts.append(text), pop(text))  # type: ignore[method-assign]
    device = _alarm(live, demo)
    qtbot.waitUntil(lambda: any(a.subject == device for a in alerts.alerts.values()), timeout=20_000)
    alert = next(a for a in alerts.alerts.values() if a.subject == device)
    place = alerts.subject_name(alert)  # the place in words, the device id only in tooltips
    assert notifier.toast.isVisible() and any("critical" in t and place in t for t in toasts), toasts
    assert place != device and not any(device in t for t in toasts), toasts
    assert alert.id in {a.id for a in notifier.unacknowledged()}

    # selected: the map zooms to it, rings it, the card names the place
    row = alerts.row_of(alert.id)
    assert row is not None
    _click_row(qtbot, alerts.table, row)
    assert alerts.selected_id() == alert.id
    focus = window.alert_focus
    assert focus.ring.isVisible() and focus.callout.isVisible()
    assert window.detail.current == ("alert", alert.id)
    (x0, x1), _ = window.map2d.getPlotItem().vb.viewRange()
    assert x1 - x0 <= 2 * ZOOM_IN_ABOVE_M, "zoomed to street level"

    # candidates, one chosen: its route previewed
    qtbot.waitUntil(lambda: len(panel.candidates) >= 5, timeout=20_000)
    _click_row(qtbot, panel.guards, 0)
    guard = panel.candidates[0].guard
    assert focus.route.isVisible() and focus.guard_ring.isVisible()

    # dispatched: the order is listed, the alert is dispatched, the selection stayed on the guard
    assert panel.dispatch_button.isEnabled()
    qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.guard_id == guard for d in panel.dispatches), timeout=20_000)
    order = next(d for d in panel.dispatches if d.guard_id == guard)
    qtbot.waitUntil(lambda: alerts.alerts[alert.id].state == AlertState.DISPATCHED, timeout=20_000)

    # followed: the map keeps the guard in the middle
    order_row = next(r for r, d in enumerate(panel.dispatches) if d.id == order.id)
    _click_row(qtbot, panel.active, order_row)
    assert panel.follow.isEnabled()
    qtbot.mouseClick(panel.follow, Qt.MouseButton.LeftButton)
    assert panel.follow.isChecked() and window.alert_focus.follow_timer.isActive()

    # on scene, from the guard's own fixes
    def arrived() -> bool:
        return any(d.id == order.id and d.on_scene_ts is not None for d in panel.dispatches)

    qtbot.waitUntil(arrived, timeout=30_000)
    qtbot.mouseClick(panel.follow, Qt.MouseButton.LeftButton)  # stop following

    # the guard reports it handled: the order releases the guard
    _click_row(qtbot, panel.active, next(r for r, d in enumerate(panel.dispatches) if d.id == order.id))
    handled = panel.step_buttons[DispatchState.HANDLED]
    assert handled.isEnabled()
    qtbot.mouseClick(handled, Qt.MouseButton.LeftButton)

    def is_handled() -> bool:
        return any(d.id == order.id and d.state == DispatchState.HANDLED for d in panel.dispatches)

    qtbot.waitUntil(is_handled, timeout=20_000)

    # resolved, then closed with an outcome and a two-line note typed into the dialog
    _click_row(qtbot, alerts.table, alerts.row_of(alert.id) or 0)
    qtbot.mouseClick(alerts.buttons[AlertState.RESOLVED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: alerts.alerts[alert.id].state == AlertState.RESOLVED, timeout=20_000)
    assert alerts.buttons[AlertState.CLOSED].isEnabled()
    QTimer.singleShot(
        0,
        lambda: _fill_close_dialog(
            qtbot, outcome_text(CloseOutcome.HANDLED), ["guard on scene", "alarm reset"]
        ),
    )
    qtbot.mouseClick(alerts.buttons[AlertState.CLOSED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: alert.id not in alerts.alerts, timeout=20_000)
    # the card and ring let go of the closed alert (they follow the table's selection, if any)
    assert window.detail.current != ("alert", alert.id) and focus.alert_id != alert.id
    assert window.detail.current in (None, ("alert", alerts.selected_id()))
    qtbot.waitUntil(lambda: all(d.alert_id != alert.id for d in panel.dispatches), timeout=20_000)

    live.stop()
    with SqliteStore(tmp_path / "live.db") as store:
        stored = store.get_alert(alert.id)
        made = store.get_dispatch(order.id)
    assert stored is not None and stored.state == AlertState.CLOSED
    assert stored.data["outcome"] == CloseOutcome.HANDLED.value
    assert stored.history[-1].note == "guard on scene\nalarm reset"
    assert made is not None and made.accepted_ts is not None and made.on_scene_ts is not None


def test_a_handled_order_leaves_the_list_when_its_alert_closes(qtbot: QtBot, english: None) -> None:
    """The alert closes after its order was handled: no dispatch change follows, yet the order leaves the
    active list at once (before: it stayed until some other order changed)."""
    window = show(qtbot, Scene(small_district()))
    window.dispatch_panel.show()
    alert = _alert("A1", "D1")
    window.update_alerts([alert])
    order = Dispatch("O1", "A1", "GU1", "T1", "desk:a", alert.first_ts, None, None)
    for step in (DispatchState.ACCEPTED, DispatchState.ON_SCENE, DispatchState.HANDLED):
        order.advance(step, "GU1", alert.first_ts)
    window.set_dispatches(DispatchUpdate(alert.first_ts, (order,), {}))
    assert [d.id for d in window.dispatch_panel.dispatches] == ["O1"]
    alert.state = AlertState.CLOSED
    window.update_alerts([alert])
    assert window.dispatch_panel.dispatches == []


def test_the_card_lets_go_of_a_closed_alert_the_dispatch_panel_no_longer_shows(
    qtbot: QtBot, english: None
) -> None:
    """The card and ring follow the alert they show, not only the dispatch panel's: with the panel on no
    alert, closing the carded alert still clears the card (before: it stayed on the closed alert)."""
    window = show(qtbot, Scene(small_district()))
    window.dispatch_panel.show()
    alert = _alert("A1", "D1")
    window.update_alerts([alert])
    window.alerts_panel.select("A1")
    assert window.detail.current == ("alert", "A1")
    window.dispatch_panel.set_alert(None)
    alert.state = AlertState.CLOSED
    window.update_alerts([alert])
    assert window.detail.current is None and window.alert_focus.alert_id == ""
    assert not window.alert_focus.ring.isVisible()
