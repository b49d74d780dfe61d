"""Issue 16 §3–5 as a commander meets it: an alert is a place (names, card, ring, zoom), dispatch without
surprises (selection kept by guard, second order asked, travel mode, closed orders leave), closing with a
处置结果, and the Chinese wording and colour convention."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from layers import style
from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.domain.alerts import Alert, CloseOutcome
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock
from sandbox_app.station.scene import Scene
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district
from tests.widgets.test_live import VIEW_ONLY, LiveFactory, live_factory, select_new_smoke_alert
from tests.widgets.test_main_window import close_to, english, grab_map, pixel_at, show
from widgets.close_dialog import CloseDialog
from widgets.dispatch_panel import DispatchPanel
from widgets.i18n import install_translators, remove_translators
from widgets.main_window import MainWindow

pytestmark = pytest.mark.gui
__all__ = ["english", "live_factory"]


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


def _alert(aid: str = "A1", subject: str = "D1", severity: Severity = Severity.HIGH) -> Alert:
    now = WallClock().now_ms()
    return Alert(aid, "unregistered_opener", subject, "device", severity, AlertState.OPEN, now, now)


def _candidate(guard: str, eta: float, mode: str = "foot", role: str = "grid") -> Candidate:
    return Candidate(guard, eta, eta * 1.3, [], False, role, mode)


def _window(qtbot: QtBot) -> MainWindow:
    window = show(qtbot, Scene(small_district()))
    window.resize(1400, 900)
    window.dispatch_panel.show()
    return window


def _click_row(qtbot: QtBot, table: object, row: int) -> None:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(table, QTableWidget)
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# §3 an alert is a place ------------------------------------------------------------------------------
def test_alert_row_names_the_place_and_device_with_the_id_in_the_tooltip(qtbot: QtBot, chinese: None) -> None:
    window = _window(qtbot)
    window.update_alerts([_alert()])
    table = window.alerts_panel.table
    cell = table.item(0, 2)
    assert cell is not None
    assert cell.text() == "测试一区1幢1单元 101锁"
    assert cell.toolTip() == "D1"
    assert table.item(0, 0).text() == "二级"  # type: ignore[union-attr]
    assert table.item(0, 1).text() == "出租屋未登记人员开门"  # type: ignore[union-attr]
    room = _alert("A2", "R201", Severity.CRITICAL)
    room.subject_type = "room"
    window.update_alerts([room])
    assert table.item(0, 2).text() == "测试一区2幢1单元1层201室"  # type: ignore[union-attr]
    window.alerts_panel.select("A2")
    assert window.dispatch_panel.alert_label.text() == "预警：测试一区2幢1单元1层201室"


def test_selecting_an_alert_zooms_rings_it_and_shows_its_card(qtbot: QtBot, chinese: None) -> None:
    window = _window(qtbot)
    view = window.map2d.getPlotItem().vb
    view.setRange(xRange=(-5000, 5000), yRange=(-5000, 5000), padding=0)  # the whole city
    window.update_alerts([_alert()])
    _click_row(qtbot, window.alerts_panel.table, 0)
    (x0, x1), _ = view.viewRange()
    assert x1 - x0 < 1000, "selecting an alert zooms in to street level"
    focus = window.alert_focus
    assert focus.ring.isVisible() and focus.callout.isVisible()
    assert "测试一区1幢1单元 101锁" in focus.callout.textItem.toPlainText()
    detail = window.detail
    assert detail.isVisible() and detail.current == ("alert", "A1")
    texts = detail.texts()
    assert "测试一区" in texts and "1幢" in texts and "101锁" in texts
    assert "1单元 1层 101室" in texts
    assert detail.dispatch_button.isVisible()
    window.dispatch_panel.show_candidates("A1", [_candidate("GU2", 185.0, "ebike")])
    assert any("GU2" in t and "骑行" in t and "3:05" in t for t in detail.texts()), detail.texts()
    sent: list[tuple[str, list[str]]] = []
    window.dispatch_panel.dispatch_requested.connect(lambda a, g: sent.append((a, g)))
    qtbot.mouseClick(detail.dispatch_button, Qt.MouseButton.LeftButton)
    assert sent == [("A1", ["GU2"])]


def test_selected_alert_is_a_ring_not_a_fill(qtbot: QtBot, tmp_path: Path, english: None) -> None:
    """四级 blue must not read as a rental-blue building: the mark is an unfilled dark ring around a disc."""
    window = _window(qtbot)
    for name in ("buildings", "devices", "guards", "compounds", "roads"):
        window.layer_list.set_checked(name, False)
    window.update_alerts([_alert(severity=Severity.LOW, subject="D4")])
    window.alerts_panel.select("A1")
    QApplication.processEvents()
    image = grab_map(window, tmp_path)
    device = window.scene.district.devices["D4"]
    assert device.location is not None
    lon, lat = device.location.x, device.location.y
    assert close_to(pixel_at(window, image, lon, lat), style.SEVERITY[Severity.LOW].rgba, tol=40)
    ring = style.ALERT_SELECTED.rgba
    x, y = window.projection.to_xy([lon], [lat])[0]
    scale = window.map2d.getPlotItem().vb.viewPixelSize()[0]
    radius_m = style.SEVERITY[Severity.LOW].size * style.ALERT_SELECTED_GROWTH / 2 * scale
    elon, elat = (float(v) for v in window.projection.to_lonlat([x + radius_m], [y])[0])
    assert close_to(pixel_at(window, image, elon, elat), ring, tol=60)
    assert not close_to(pixel_at(window, image, lon, lat), style.RENTAL_BLUE, tol=20)


# §4 dispatch without surprises -----------------------------------------------------------------------
def test_selection_stays_on_the_chosen_guard_after_the_list_resorts(qtbot: QtBot, english: None) -> None:
    window = _window(qtbot)
    panel: DispatchPanel = window.dispatch_panel
    window.update_alerts([_alert()])
    window.alerts_panel.select("A1")
    panel.show_candidates("A1", [_candidate("GU1", 100.0), _candidate("GU2", 200.0, "ebike")])
    assert panel.guards.item(1, 4).text() == "e-bike"  # type: ignore[union-attr]
    _click_row(qtbot, panel.guards, 1)
    assert panel.selected_guards() == ["GU2"]
    panel.show_candidates("A1", [_candidate("GU2", 50.0, "ebike"), _candidate("GU1", 100.0)])  # re-sorted
    assert panel.selected_guards() == ["GU2"]
    panel.show_candidates("A1", [_candidate("GU1", 100.0)])  # the chosen guard is busy now
    assert panel.selected_guards() == []
    assert not panel.dispatch_button.isEnabled()


def test_a_second_order_for_the_same_alert_is_confirmed(qtbot: QtBot, english: None) -> None:
    window = _window(qtbot)
    panel = window.dispatch_panel
    window.update_alerts([_alert()])
    window.alerts_panel.select("A1")
    panel.show_candidates("A1", [_candidate("GU1", 100.0), _candidate("GU2", 200.0)])
    sent: list[list[str]] = []
    panel.dispatch_requested.connect(lambda _a, guards: sent.append(guards))
    asked: list[str] = []
    panel.confirm = lambda title, text: asked.append(text) is not None  # always "no"
    _click_row(qtbot, panel.guards, 0)
    qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    assert sent == [["GU1"]] and asked == []
    now = WallClock().now_ms()
    panel.update_dispatches([Dispatch("D1", "A1", "GU1", "T1", "desk:a", now, None, None)])
    panel.guards.clearSelection()
    _click_row(qtbot, panel.guards, 1)
    qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "GU1" in asked[0] and "GU2" in asked[0]
    assert sent == [["GU1"]]  # declined: nothing sent
    panel.confirm = lambda title, text: True
    qtbot.mouseClick(panel.dispatch_button, Qt.MouseButton.LeftButton)
    assert sent == [["GU1"], ["GU2"]]


def test_orders_of_closed_alerts_leave_the_list(qtbot: QtBot, english: None) -> None:
    window = _window(qtbot)
    panel = window.dispatch_panel
    window.update_alerts([_alert()])
    now = WallClock().now_ms()
    done = Dispatch("D1", "A1", "GU1", "T1", "desk:a", now, None, None)
    done.advance(DispatchState.CANCELLED, "desk:a", now + 1000, "wrong guard")
    panel.update_dispatches([done])
    assert panel.active.rowCount() == 1  # the alert is still open
    closed = _alert()
    closed.state = AlertState.CLOSED
    window.update_alerts([closed])
    panel.update_dispatches([done])
    assert panel.active.rowCount() == 0


def test_closing_asks_for_an_outcome_and_a_multi_line_note(qtbot: QtBot, chinese: None) -> None:
    dialog = CloseDialog("办结")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no note yet
    texts = [dialog.outcome.itemText(i) for i in range(dialog.outcome.count())]
    assert texts == ["已处置", "误报", "重复", "移交物业", "移交110", "现场抓获", "其他"]
    dialog.outcome.setCurrentIndex(texts.index("移交物业"))
    qtbot.keyClicks(dialog.note, "pipe leak")  # typed as a user would (QTest cannot type CJK keys)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.note, "fixed by property")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == CloseDialog.DialogCode.Accepted
    assert dialog.answer() == (CloseOutcome.TO_PROPERTY, "pipe leak\nfixed by property")


# §5 wording and colours ------------------------------------------------------------------------------
def test_severity_levels_and_colours_follow_the_police_convention(chinese: None) -> None:
    from widgets.texts import severity_text

    assert [severity_text(s) for s in (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)] == [
        "一级",
        "二级",
        "三级",
        "四级",
    ]
    assert severity_text(Severity.NOTICE) == "提示"

    def hue(severity: Severity) -> str:
        r, g, b, _ = style.SEVERITY[severity].rgba
        if b > max(r, g):
            return "blue"
        if r > 200 and g < 60:
            return "red"
        if r > 200 and g < 170:
            return "orange"
        if r > 200 and g >= 170:
            return "yellow"
        return "grey"

    assert [hue(s) for s in (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)] == [
        "red",
        "orange",
        "yellow",
        "blue",
    ]
    assert style.SEVERITY[Severity.LOW].rgba != style.RENTAL_BLUE


def test_the_orders_list_shows_the_recorded_eta_the_case_file_reports(qtbot: QtBot, english: None) -> None:
    """One ETA truth: the figure stored on the order at issue is the one listed (and drawn on the route,
    and written in the case file as "recorded ETA"), not a later recomputation."""
    from layers.dispatch import eta_text

    window = _window(qtbot)
    panel = window.dispatch_panel
    window.update_alerts([_alert()])
    now = WallClock().now_ms()
    order = Dispatch("D1", "A1", "GU1", "T1", "desk:a", now, None, None, eta_s=183.0)
    panel.update_dispatches([order])
    headers = [panel.active.horizontalHeaderItem(c).text() for c in range(panel.active.columnCount())]  # type: ignore[union-attr]
    cell = panel.active.item(0, headers.index("Recorded ETA"))
    assert cell is not None and cell.text() == "3:03"
    assert eta_text(order, None).endswith("3:03")


def test_choosing_a_candidate_rings_it_and_previews_its_route(qtbot: QtBot, english: None) -> None:
    window = _window(qtbot)
    panel = window.dispatch_panel
    district = window.scene.district
    start = district.devices["D4"].location
    assert start is not None
    window.set_guard_positions({"GU2": (start.x, start.y)})
    window.update_alerts([_alert()])
    window.alerts_panel.select("A1")
    path = [(start.x, start.y), (start.x + 0.0005, start.y), (start.x + 0.0005, start.y + 0.0005)]
    panel.show_candidates("A1", [Candidate("GU2", 120.0, 150.0, path, False, "grid", "ebike")])
    focus = window.alert_focus
    assert not focus.route.isVisible() and not focus.guard_ring.isVisible()
    _click_row(qtbot, panel.guards, 0)
    assert focus.route.isVisible() and focus.guard_ring.isVisible()
    xs, _ys = focus.route.getData()
    assert xs is not None and len(xs) == 3
    panel.guards.clearSelection()
    assert not focus.route.isVisible() and not focus.guard_ring.isVisible()


def test_closing_in_the_live_window_stores_the_outcome(
    live_factory: LiveFactory, qtbot: QtBot, tmp_path: Path, demo: District
) -> None:
    live = live_factory(VIEW_ONLY)
    panel = live.window.alerts_panel
    alert_id = select_new_smoke_alert(live, demo, qtbot)
    for state in (AlertState.ACKNOWLEDGED, AlertState.RESOLVED):
        qtbot.mouseClick(panel.buttons[state], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda s=state: panel.alerts[alert_id].state == s, timeout=10_000)
    assert panel.buttons[AlertState.CLOSED].isEnabled()
    panel.ask_close = lambda title: (CloseOutcome.FALSE_ALARM, "cooking smoke\nchecked on site")
    qtbot.mouseClick(panel.buttons[AlertState.CLOSED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: alert_id not in panel.alerts, timeout=10_000)
    live.stop()
    with SqliteStore(tmp_path / "live.db") as store:
        stored = store.get_alert(alert_id)
    assert stored is not None and stored.state == AlertState.CLOSED
    assert stored.data["outcome"] == "false_alarm"
    assert stored.history[-1].note == "cooking smoke\nchecked on site"


def test_after_closing_the_dispatch_panel_and_card_let_go_of_the_alert(qtbot: QtBot, english: None) -> None:
    window = _window(qtbot)
    window.update_alerts([_alert()])
    _click_row(qtbot, window.alerts_panel.table, 0)
    assert window.dispatch_panel.alert is not None and window.detail.current == ("alert", "A1")
    closed = _alert()
    closed.state = AlertState.CLOSED
    window.update_alerts([closed])
    assert window.dispatch_panel.alert is None
    assert not window.dispatch_panel.dispatch_button.isEnabled()
    assert window.detail.current is None and not window.alert_focus.ring.isVisible()


def test_follow_this_guard_keeps_the_map_on_the_ordered_guard(qtbot: QtBot, english: None) -> None:
    window = _window(qtbot)
    panel = window.dispatch_panel
    district = window.scene.district
    here = district.devices["D4"].location
    assert here is not None
    there = type(here)(here.x + 0.001, here.y + 0.0005)
    window.set_guard_positions({"GU1": (here.x, here.y)})
    window.update_alerts([_alert()])
    now = WallClock().now_ms()
    panel.update_dispatches([Dispatch("D1", "A1", "GU1", "T1", "desk:a", now, None, None)])
    assert not panel.follow.isEnabled()  # no order selected
    _click_row(qtbot, panel.active, 0)
    assert panel.follow.isEnabled()
    qtbot.mouseClick(panel.follow, Qt.MouseButton.LeftButton)
    assert panel.follow.isChecked()
    x, y = window.projection.to_xy([here.x], [here.y])[0]
    cx, cy = window.map2d.view_centre()
    assert abs(cx - x) < 1 and abs(cy - y) < 1
    window.set_guard_positions({"GU1": (there.x, there.y)})
    window.alert_focus.follow()  # what the timer does each second
    x, y = window.projection.to_xy([there.x], [there.y])[0]
    cx, cy = window.map2d.view_centre()
    assert abs(cx - x) < 1 and abs(cy - y) < 1
    qtbot.mouseClick(panel.follow, Qt.MouseButton.LeftButton)
    assert not window.alert_focus.follow_timer.isActive()
