"""A new alert is noticed, noise is not (issue 16, section 2): toast and tone per level (mutable), the
unacknowledged counter, high and critical pinned until acknowledged, ages from the engine clock, new vs
seen, low repeats folded into one row, the "中及以上" filter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.station.scene import Scene
from tests.layers.sample import small_district
from tests.widgets.test_main_window import show
from widgets.i18n import install_translators, remove_translators
from widgets.main_window import MainWindow
from widgets.sound import Beeper
from widgets.texts import severity_text

pytestmark = pytest.mark.gui
T0 = 1_796_000_000_000
MIN = 60_000


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


def _alert(aid: str, severity: Severity, ts: int = T0, rule: str = "gas_alarm", **kw: object) -> Alert:
    return Alert(aid, rule, f"S-{aid}", "device", severity, AlertState.OPEN, ts, ts, **kw)  # type: ignore[arg-type]


def _window(qtbot: QtBot) -> MainWindow:
    window = show(qtbot, Scene(small_district()))
    window.set_clock(T0)
    return window


def _row_texts(window: MainWindow, alert_id: str) -> list[str]:
    table = window.alerts_panel.table
    row = window.alerts_panel.row_of(alert_id)
    assert row is not None, alert_id
    return [table.item(row, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]


def test_a_new_alert_toasts_and_sounds_by_level_and_the_counter_counts(qtbot: QtBot, chinese: None) -> None:
    window = _window(qtbot)
    notifier = window.notifier
    assert notifier is not None and notifier.toolbar.isVisible()
    window.update_alerts([_alert("old", Severity.HIGH)], notify=False)  # open when the session started
    assert not notifier.toast.isVisible() and notifier.sounded == []
    assert notifier.counter.text() == "未签收预警：1（其中高等级 1）"

    window.update_alerts([_alert("noise", Severity.LOW, rule="gps_sanity")])  # noise: no toast, no tone
    assert not notifier.toast.isVisible() and notifier.sounded == []
    window.update_alerts([_alert("h1", Severity.HIGH)])
    assert notifier.toast.isVisible() and notifier.toast.text().startswith("新预警 · ")
    assert "S-h1" in notifier.toast.text() and notifier.sounded == [Severity.HIGH]
    window.update_alerts([_alert("h1", Severity.HIGH, count=2)])  # the same alert again: not new
    assert notifier.sounded == [Severity.HIGH]
    assert notifier.counter.text() == "未签收预警：3（其中高等级 2）"

    notifier.sound_action.trigger()  # the toolbar toggle mutes
    window.update_alerts([_alert("c1", Severity.CRITICAL)])
    assert "S-c1" in notifier.toast.text() and notifier.sounded == [Severity.HIGH]
    notifier.sound_action.trigger()
    window.update_alerts([_alert("m1", Severity.MEDIUM)])
    assert notifier.sounded == [Severity.HIGH, Severity.MEDIUM]

    acked = _alert("h1", Severity.HIGH)
    acked.state = AlertState.ACKNOWLEDGED
    window.update_alerts([acked])
    assert notifier.counter.text() == "未签收预警：4（其中高等级 2）"
    qtbot.mouseClick(notifier.counter, Qt.MouseButton.LeftButton)  # selects the worst waiting
    assert window.alerts_panel.selected_id() == "c1"


def test_pinned_until_acknowledged_age_from_the_engine_clock_and_new_vs_seen(
    qtbot: QtBot, chinese: None
) -> None:
    window = _window(qtbot)
    panel = window.alerts_panel
    critical = _alert("crit", Severity.CRITICAL, T0 + MIN)
    critical.state = AlertState.ACKNOWLEDGED
    window.update_alerts(
        [critical, _alert("high", Severity.HIGH), _alert("med", Severity.MEDIUM, T0 + 2 * MIN)]
    )
    order = [panel.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(panel.table.rowCount())]  # type: ignore[union-attr]
    assert order == ["high", "crit", "med"]  # the unacknowledged high is pinned above the critical
    window.set_clock(T0 + 3 * MIN + 5_000)  # the engine clock, not the wall clock
    assert _row_texts(window, "high")[7] == "3 分钟前"
    assert _row_texts(window, "med")[7] == "1 分钟前"
    new = panel.state_text(AlertState.OPEN)  # 新预警
    assert _row_texts(window, "high")[6] == new and panel.table.item(0, 2).font().bold()  # type: ignore[union-attr]
    panel.select("high")
    assert _row_texts(window, "high")[6] == "已查看"
    assert not panel.table.item(panel.row_of("high") or 0, 2).font().bold()  # type: ignore[union-attr]
    window.update_alerts([_alert("high", Severity.HIGH, count=3)])  # a refresh keeps it seen
    assert _row_texts(window, "high")[6] == "已查看"


def test_low_repeats_fold_into_one_row_and_the_filter_shows_medium_and_above(
    qtbot: QtBot, chinese: None
) -> None:
    window = _window(qtbot)
    panel = window.alerts_panel
    restart = [_alert(f"g{i}", Severity.LOW, T0 + i, rule="gps_sanity") for i in range(35)]
    window.update_alerts([*restart, _alert("gas", Severity.MEDIUM)])
    assert panel.table.rowCount() == 2  # 35 implausible fixes are one row
    row = _row_texts(window, "g34")
    assert row[2] == "35 个对象，最新：S-g34" and row[5] == "35"
    sent: list[tuple[str, str, str]] = []
    panel.transition_requested.connect(lambda *args: sent.append(args))
    panel.ask_note = lambda _title, _prompt: "restart noise"
    panel.select("g34")
    qtbot.mouseClick(panel.buttons[AlertState.DISMISSED], Qt.MouseButton.LeftButton)  # the row: all 35
    assert sorted(a for a, _, _ in sent) == sorted(a.id for a in restart)
    assert {(s, n) for _, s, n in sent} == {("dismissed", "restart noise")}
    medium_up = panel.min_severity.findData(Severity.MEDIUM.value)
    label = panel.min_severity.itemText(medium_up)  # 中及以上 (the level's name as the desk words it)
    assert label == f"{severity_text(Severity.MEDIUM)}及以上"
    panel.min_severity.setCurrentIndex(medium_up)
    assert panel.table.rowCount() == 1 and panel.row_of("gas") is not None


def test_the_tone_never_fails_headless(qapp: QApplication) -> None:
    beeper = Beeper()  # QSoundEffect with an audio device, else the system beep
    beeper.play(3)
    assert beeper.played == 1


def test_the_toast_names_the_place_not_the_device_id(qtbot: QtBot, chinese: None) -> None:
    """The README shot showed "新预警 · 一级 · 烟感报警 · SD-00066": the place in words, as the table."""
    window = _window(qtbot)
    notifier = window.notifier
    assert notifier is not None
    alert = Alert("p1", "smart_lock_alarm", "D1", "device", Severity.HIGH, AlertState.OPEN, T0, T0)
    window.update_alerts([alert])
    text = notifier.toast.text()
    assert "D1" not in text and "测试一区1幢" in text and "101锁" in text, text


def test_an_escalation_names_the_place_and_kind_of_its_alert_not_its_id(qtbot: QtBot, chinese: None) -> None:
    """移交超时 and 超时未到场 are alerts about another alert: the 对象 column showed that alert's id
    ("unregistered_opener:051b…"); it names the first alert's place and kind, also once that one is gone."""
    window = _window(qtbot)
    first = Alert("unregistered_opener:R101:1", "unregistered_opener", "R101", "room", Severity.MEDIUM,
                  AlertState.OPEN, T0, T0)  # fmt: skip
    late = Alert("handoff_overdue:x:2", "handoff_overdue", first.id, "alert", Severity.HIGH, AlertState.OPEN,
                 T0 + MIN, T0 + MIN, data={"alert_rule": first.rule, "compound_id": "C1"})  # fmt: skip
    window.update_alerts([first, late], notify=False)
    subject = _row_texts(window, late.id)[2]
    assert first.id not in subject and "101室" in subject and "未登记" in subject, subject
    window.update_alerts([late], notify=False)  # the first one closed since
    subject = _row_texts(window, late.id)[2]
    assert ":" not in subject and "测试一区" in subject and "未登记" in subject, subject


def test_a_building_named_after_its_compound_is_not_said_twice() -> None:
    from widgets.alert_place import joined

    assert joined(("双泉嘉苑", "双泉嘉苑1号楼", "1单元")) == "双泉嘉苑1号楼1单元"
    assert joined(("测试一区", "1幢", "", "1单元")) == "测试一区1幢1单元"
    assert joined(("", "")) == ""
    assert joined(("双泉嘉苑", "双泉嘉苑1号楼", "unit 1")) == "双泉嘉苑1号楼 unit 1"  # English: not "楼unit"


def test_a_long_toast_wraps_inside_the_map(qtbot: QtBot, chinese: None) -> None:
    window = _window(qtbot)
    notifier = window.notifier
    assert notifier is not None
    notifier.toast.pop("新预警 · 一级 · 烟感报警 · " + "双泉嘉苑1号楼1单元202室烟感" * 6)
    toast, parent = notifier.toast, notifier.toast.parentWidget()
    assert parent is not None and toast.isVisible()
    assert toast.x() >= 0 and toast.x() + toast.width() <= parent.width(), "the toast runs off the map"
    assert toast.height() >= toast.heightForWidth(toast.width()), "its wrapped lines are cut"
    notifier.toast.pop("新预警 · 一级")  # a short one is one line again, not the long one's box
    assert notifier.toast.width() < parent.width() // 2
