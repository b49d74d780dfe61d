"""Panels on hand-made data: alert filter, dashboard bars from a small store, roster, health, details."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sandbox_app.analytics import stats
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.engine.messages import BridgeHealth
from sandbox_app.privacy.mask import Masker, Viewer
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district
from tests.widgets.test_main_window import english
from widgets.alerts_panel import MAX_ROWS, AlertsPanel
from widgets.dashboard import Dashboard
from widgets.detail import DetailPanel
from widgets.health_panel import HealthPanel
from widgets.roster import RosterPanel

pytestmark = pytest.mark.gui
__all__ = ["english"]
H = stats.MS_PER_HOUR
NOW = 1_714_492_800_000 + 18 * H + 25 * 60_000  # 2024-05-01 18:25 in Shanghai


def _alert(aid: str, rule: str, ts: int, subject: str = "D1", severity: Severity = Severity.HIGH) -> Alert:
    return Alert(aid, rule, subject, "device", severity, AlertState.OPEN, ts, ts)


def _cells(table: object, column: int) -> list[str]:
    from PySide6.QtWidgets import QTableWidget

    assert isinstance(table, QTableWidget)
    return [table.item(r, column).text() for r in range(table.rowCount())]  # type: ignore[union-attr]


def test_alert_filter_by_severity_and_text(qtbot: QtBot, english: None) -> None:
    panel = AlertsPanel("Asia/Shanghai")
    qtbot.addWidget(panel)
    panel.update_alerts(
        [
            _alert("a", "smoke_alarm", NOW, "SM-1", Severity.CRITICAL),
            _alert("b", "tailgating", NOW, "FG-1", Severity.MEDIUM),
            _alert("c", "device_offline", NOW, "SM-2", Severity.LOW),
        ]
    )
    assert panel.table.rowCount() == 3
    panel.min_severity.setCurrentIndex(panel.min_severity.findData(Severity.MEDIUM.value))
    assert _cells(panel.table, 2) == ["SM-1", "FG-1"]
    panel.search.setText("smoke")  # the translated rule name matches
    assert _cells(panel.table, 2) == ["SM-1"]
    panel.min_severity.setCurrentIndex(0)
    panel.search.setText("sm-")
    assert _cells(panel.table, 2) == ["SM-1", "SM-2"]
    assert len(panel.alerts) == 3  # filtered out, still tracked
    panel.search.clear()
    panel.update_alerts(
        _alert(f"off{i}", "device_offline", NOW - i, f"X{i}", Severity.MEDIUM) for i in range(400)
    )
    assert panel.table.rowCount() == MAX_ROWS and _cells(panel.table, 2)[0] == "SM-1"  # worst first, capped


def test_dashboard_bars_hold_the_counts_of_a_small_store(qtbot: QtBot, tmp_path: Path, english: None) -> None:
    district = small_district()
    t = NOW - H
    closed = Dispatch("X1", "A1", "GU1", "T1", "desk", t, None, None)
    for state, dt, note in (
        (DispatchState.ACCEPTED, 60_000, ""),
        (DispatchState.ON_SCENE, 240_000, ""),
        (DispatchState.HANDLED, 300_000, ""),
        (DispatchState.FEEDBACK, 400_000, "ok"),
        (DispatchState.CLOSED, 600_000, ""),
    ):
        closed.advance(state, "x", t + dt, note)
    with SqliteStore(tmp_path / "d.db") as store:
        store.replace_district(district)
        store.append_events(
            [Event(f"p{i}", NOW - i * 60_000, "D3", "plate.read") for i in range(3)]
            + [Event("f1", NOW - 1, "D3", "face.pass")]
        )
        store.upsert_alerts(
            [
                _alert("a1", "smoke_alarm", NOW),
                _alert("a2", "smoke_alarm", NOW - H),
                _alert("a3", "tailgating", NOW - H),
                _alert("o1", "device_offline", NOW, "D4"),
            ]
        )
        store.create_dispatch(closed)
        figures = stats.compute(store, district, NOW)
    board = Dashboard(district.timezone)
    qtbot.addWidget(board)
    board.resize(800, 600)
    board.set_figures(figures)
    heights = board.stacked_heights()
    assert set(heights) == {"smoke_alarm", "tailgating", "device_offline"}
    assert heights["smoke_alarm"][-2:] == [1.0, 1.0] and heights["tailgating"][-2:] == [1.0, 0.0]
    assert sum(map(sum, heights.values())) == 4.0
    # stacked: the second series starts where the first ends
    y0 = [float(v) for v in board.hourly_bars["tailgating"].opts["y0"]]
    assert y0[-2] == 1.0
    assert list(board.response_bars.opts["height"]) == [1.0, 4.0, 10.0]  # minutes: accept, arrive, close
    assert list(board.reads_bars.opts["width"]) == [3.0, 1.0, 0.0]  # bars lie down: the value is the width
    assert board.value_labels == ["3", "1", "0"]
    online = list(board.online_bars.opts["width"])
    assert online[0] == 0.0 and all(v == 100.0 for v in online[1:])  # the silent camera's kind first
    assert "83.3 %" in board.online_plot.titleLabel.text


def test_roster_status_fix_age_battery_and_masked_names(qtbot: QtBot, english: None) -> None:
    district = small_district()
    roster = RosterPanel(district, Masker(Viewer.OFFICER))
    qtbot.addWidget(roster)
    roster.update_fixes({"T1": NOW - 5_000, "MOBILE-CAM-9": NOW})
    assert set(roster.fix_ts) == {"T1"}  # only the guards' trackers are kept
    roster.update_batteries({"T1": 15.0, "D3": 99.0})
    roster.set_now(NOW)
    order = Dispatch("X1", "A1", "GU2", "T2", "desk", NOW - 1, None, None)
    roster.set_dispatches([order])
    roster.refresh()
    assert _cells(roster.table, 0) == ["GU1", "GU2"]
    assert _cells(roster.table, 1) == ["测*****", "测******"]
    assert _cells(roster.table, 3) == ["patrolling", "dispatched"]
    assert _cells(roster.table, 4) == ["5 s", "—"] and _cells(roster.table, 5) == ["15 %", "—"]
    roster.set_now(NOW + 600_000)  # ten minutes without a fix: stale
    roster.refresh()
    assert _cells(roster.table, 4)[0] == "10 min" and _cells(roster.table, 3)[0] == "stale"


def test_health_panel_kinds_offline_list_and_bridges(qtbot: QtBot, english: None) -> None:
    district = small_district()
    panel = HealthPanel(district)
    qtbot.addWidget(panel)
    panel.set_open_alerts(
        [_alert("o1", "device_offline", NOW, "D4"), _alert("o2", "device_offline", NOW, "bridge:mqtt:x")]
    )
    panel.update_last_seen({"D4": NOW - 3 * H})
    panel.set_now(NOW)
    panel.set_bridges(
        {
            "simulator": BridgeHealth("simulator", True, NOW, 120, 2, "bad lon"),
            "mqtt:x": BridgeHealth("mqtt:x", True, None, 0, 0, None),
        }
    )
    panel.refresh()
    assert panel.summary.text().startswith("Devices online: 83.3 % (5 of 6)")
    assert _cells(panel.by_kind, 0)[0] == "camera" and _cells(panel.by_kind, 3)[0] == "0.0 %"
    assert _cells(panel.offline_table, 0) == ["D4"] and _cells(panel.offline_table, 3) == ["3 h ago"]
    assert _cells(panel.bridge_table, 0) == ["mqtt:x", "simulator"]
    assert _cells(panel.bridge_table, 1) == ["silent", "connected"]
    assert _cells(panel.bridge_table, 4) == ["0", "2"] and _cells(panel.bridge_table, 5)[1] == "bad lon"


def test_detail_masks_until_an_allowed_viewer_unmasks(qtbot: QtBot, english: None) -> None:
    district = small_district()
    detail = DetailPanel(district, Viewer.COMMANDER)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.show_item("room", "R101")
    assert "测*******" in " ".join(detail.texts()) and "测试居民0002" not in " ".join(detail.texts())
    assert detail.unmask_button.isVisible() and detail.unmask_button.isEnabled()
    with qtbot.waitSignal(detail.unmask_requested) as signal:
        qtbot.mouseClick(detail.unmask_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["room", "R101"]
    assert "测试居民0002" in " ".join(detail.texts())
    assert detail.show_item("person", "P0002")  # another item: masked again
    assert "测试居民0002" not in " ".join(detail.texts())
    assert detail.show_item("building", "B1") and not detail.unmask_button.isEnabled()  # counts only
    assert not detail.show_item("room", "nope")

    wall = DetailPanel(district, Viewer.WALL)
    qtbot.addWidget(wall)
    wall.show()
    assert wall.show_item("guard", "GU1") and not wall.unmask_button.isVisible()
    with qtbot.assertNotEmitted(wall.unmask_requested):
        wall._toggle_mask()
    assert "测试民警01" not in " ".join(wall.texts()) and "测*****" in " ".join(wall.texts())


def test_map_clicks_open_details_and_select_alerts(qtbot: QtBot, english: None) -> None:
    from sandbox_app.station.scene import Scene
    from tests.widgets.test_main_window import show

    alert = Alert("A1", "smoke_alarm", "R101", "room", Severity.CRITICAL, AlertState.OPEN, NOW, NOW)
    window = show(qtbot, Scene(small_district(), alerts=[alert]))
    window.map2d.picked.emit("building", "B1")
    assert window.detail.title.text() == "Building 1幢" and window.detail.isVisible()
    window.map2d.picked.emit("gate", "G1")
    assert "南门" in window.detail.title.text() and "D3" in _cells(window.detail.table, 0)
    window.map2d.picked.emit("compound", "C1")
    assert _cells(window.detail.table, 1)[1] == "3"  # buildings
    window.map2d.picked.emit("alert", "A1")
    assert window.alerts_panel.selected_id() == "A1"
    assert window.dispatch_panel.alert is not None and window.dispatch_panel.alert.id == "A1"


def test_wall_focus_once_then_back_to_the_tour(qtbot: QtBot, english: None) -> None:
    from sandbox_app.station.scene import Scene
    from tests.widgets.test_main_window import show

    window = show(qtbot, Scene(small_district()), wall=True)
    director = window.wall
    assert director is not None and director.tour.isActive() and not window.alerts_panel.isVisible()
    low = Alert("L1", "tailgating", "D3", "device", Severity.LOW, AlertState.OPEN, NOW, NOW)
    window.update_alerts([low])
    assert director.focused is None and director.beeper.played == 0
    alarm = Alert("A1", "smoke_alarm", "D4", "device", Severity.CRITICAL, AlertState.OPEN, NOW, NOW)
    window.update_alerts([alarm])
    assert director.focused is not None and director.focused.id == "A1" and director.beeper.played == 1
    assert window.fly_to_alert == "A1" and not director.tour.isActive() and director.hold.isActive()
    # D4 has no stream: the card names the camera and no empty tile takes room (test_wall_screen.py)
    assert window.wall_overlay.camera.isHidden()
    alarm.count = 2
    window.update_alerts([alarm])  # a repeat does not take focus again
    assert director.beeper.played == 1
    director.hold.timeout.emit()  # the hold ends: nothing else waits, the tour resumes
    assert director.focused is None and window.wall_overlay.focus_card.isHidden()
    assert director.tour.isActive() and window.wall_overlay.tour_name.text() == "测试一区"
    x0, y0, x1, y1 = small_district().compounds["C1"].boundary.bounds
    cx, cy = window.projection.to_xy([(x0 + x1) / 2], [(y0 + y1) / 2])[0]
    assert np.allclose(window.map2d.view_centre(), (cx, cy), atol=5.0)


def test_wall_flag_is_parsed() -> None:
    from main import parse_gui_args

    assert parse_gui_args(["--wall"]).wall is True and parse_gui_args([]).wall is False


def test_notify_url_is_parsed_as_serve_names_it() -> None:
    from main import parse_gui_args

    url = "http://127.0.0.1:9/notify"
    assert parse_gui_args(["--notify-url", url]).notify_url == url and parse_gui_args([]).notify_url is None
