"""Finding a moment on the timeline: a labelled axis at every zoom, wheel zoom and drag pan, "go to", and
previous/next alert naming and selecting the alert it lands on."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.replay.axis import DAY_MS, HOUR_MS, MINUTE_MS, parse_moment, ticks
from widgets.timeline import MIN_SPAN_MS, Timeline

T0 = 1_714_550_400_000  # 2024-05-01 16:00 in Asia/Shanghai
TZ = "Asia/Shanghai"


def _timeline(qtbot: QtBot, span_ms: int = 30 * DAY_MS) -> Timeline:
    tl = Timeline(TZ)
    qtbot.addWidget(tl)
    tl.resize(1000, 110)
    tl.show()
    qtbot.waitExposed(tl)
    tl.set_history(T0, T0 + span_ms)
    return tl


def test_axis_reads_days_then_hours_then_minutes() -> None:
    month = ticks(T0, T0 + 30 * DAY_MS, 1000, TZ)
    assert month and all(t.major and t.label[2] == "-" for t in month)  # "05-02": dates
    assert (month[1].ts - month[0].ts) % DAY_MS == 0
    day = ticks(T0, T0 + DAY_MS, 1000, TZ)
    assert [t.label for t in day[:3]] == ["16:00", "18:00", "20:00"]
    assert ("05-02", True) in [(t.label, t.major) for t in day]  # midnight: the date, drawn taller
    hour = ticks(T0, T0 + HOUR_MS, 1000, TZ)
    assert [t.label for t in hour[:3]] == ["16:00", "16:05", "16:10"]
    assert [t.ts for t in hour[:2]] == [T0, T0 + 5 * MINUTE_MS]  # each label on its own moment
    assert ticks(T0 + 30_000, T0 + 30_000 + 10 * MINUTE_MS, 1000, TZ)[0].ts == T0 + MINUTE_MS


def test_parse_moment() -> None:
    assert parse_moment("2024-05-02 08:30", T0, TZ) == T0 + 16 * HOUR_MS + 30 * MINUTE_MS
    assert parse_moment("2024-05-02 08:30:15", T0, TZ) == T0 + 16 * HOUR_MS + 30 * MINUTE_MS + 15_000
    assert parse_moment("05-02", T0, TZ) == T0 + 8 * HOUR_MS  # midnight
    assert parse_moment("17:05", T0, TZ) == T0 + 65 * MINUTE_MS  # on the day shown
    assert parse_moment("2024年5月1日 16时30分", T0, TZ) == T0 + 30 * MINUTE_MS
    for bad in ("", "soon", "13-40", "25:00", "2024-02-30"):
        assert parse_moment(bad, T0, TZ) is None


def test_axis_widget_labels_sit_over_their_moment(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    tl.set_range(T0, T0 + DAY_MS)
    tl.axis.grab()  # paints it
    shown = tl.axis.shown
    assert shown and shown[0].label == "16:00"
    assert abs(tl.bar.x_of(shown[1].ts) - tl.bar.width() * 2 / 24) < 2  # 18:00 at 2/24 of the width


def test_go_to_lands_on_the_right_frame(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    tl.set_range(T0, T0 + HOUR_MS)  # zoomed in on the first hour
    seen: list[int] = []
    tl.time_changed.connect(seen.append)
    tl.goto.setText("2024-05-10 09:15")
    qtbot.keyClick(tl.goto, Qt.Key.Key_Return)
    target = parse_moment("2024-05-10 09:15", T0, TZ)
    assert target is not None and seen[-1] == tl.at_ts == target
    assert tl.bar.start_ts <= target <= tl.bar.end_ts  # the range followed, keeping its span
    assert tl.bar.end_ts - tl.bar.start_ts == HOUR_MS
    assert not tl.go_to("2023-01-01 00:00")  # before the history: refused, nothing moves
    assert not tl.go_to("nonsense") and tl.at_ts == target


def test_wheel_zooms_around_the_pointer_and_drag_pans(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    bar = tl.bar
    x = bar.width() // 4
    anchor = bar.ts_at(x)
    spans = []
    for _ in range(3):
        event = QWheelEvent(
            QPointF(x, 10), QPointF(bar.mapToGlobal(QPoint(x, 10))), QPoint(), QPoint(0, 120),
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
        QApplication.sendEvent(bar, event)
        spans.append(bar.end_ts - bar.start_ts)
    assert spans[0] < 30 * DAY_MS and spans == sorted(spans, reverse=True)
    assert abs(bar.ts_at(x) - anchor) <= spans[-1] / bar.width() * 2  # the moment stayed under the pointer
    start = bar.start_ts
    tl.seek(bar.end_ts)  # cursor out of the way: a drag pans
    y = bar.height() // 2
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(500, y))
    qtbot.mouseMove(bar, QPoint(400, y))
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(400, y))
    per_px = (bar.end_ts - bar.start_ts) / (bar.width() - 1)
    assert abs(bar.start_ts - (start + 100 * per_px)) <= per_px  # dragged left: later times come in
    for _ in range(60):
        tl.zoom(0.5, tl.at_ts)
    assert bar.end_ts - bar.start_ts == MIN_SPAN_MS  # no closer than a minute
    tl.zoom(1e9, tl.at_ts)
    assert (bar.start_ts, bar.end_ts) == tl.history  # no wider than the history


def test_previous_next_alert_names_and_selects_the_alert(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    tl.set_alerts(
        [(T0 + 20 * MINUTE_MS, "A1", "周界入侵 · 1幢"), (T0 + 70 * MINUTE_MS, "A2", "烟感报警 · 101")]
    )
    tl.seek(T0 + 30 * MINUTE_MS)
    with qtbot.waitSignal(tl.alert_landed) as landed:
        tl.next_button.click()
    assert landed.args == ["A2"] and tl.at_ts == T0 + 70 * MINUTE_MS
    assert "烟感报警 · 101" in tl.landed_label.text() and "05-01 17:10:00" in tl.landed_label.text()
    with qtbot.waitSignal(tl.alert_landed) as landed:
        tl.prev_button.click()
    assert landed.args == ["A1"] and "周界入侵" in tl.landed_label.text()


def test_shortcuts_are_listed_and_work(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    assert "PgUp" in tl.bar.toolTip() and "Ctrl+G" in tl.help_button.toolTip()
    tl.set_alerts([(T0 + 20 * MINUTE_MS, "A1", "x")])
    tl.seek(T0)
    tl.bar.setFocus()
    qtbot.keyClick(tl.bar, Qt.Key.Key_PageDown)
    assert tl.at_ts == T0 + 20 * MINUTE_MS
    qtbot.keyClick(tl.bar, Qt.Key.Key_Plus)
    assert tl.bar.end_ts - tl.bar.start_ts < 30 * DAY_MS
    qtbot.keyClick(tl.bar, Qt.Key.Key_Home)
    assert (tl.bar.start_ts, tl.bar.end_ts) == tl.history


def test_alert_jumps_leave_the_visible_range_when_needed(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    tl.set_alerts([(T0 + 5 * DAY_MS, "A5", "五天后")])
    tl.set_range(T0, T0 + HOUR_MS)
    tl.seek(T0)
    tl.next_button.click()
    assert tl.at_ts == T0 + 5 * DAY_MS and tl.bar.start_ts <= tl.at_ts <= tl.bar.end_ts
    assert tl.bar.end_ts - tl.bar.start_ts == HOUR_MS and "五天后" in tl.landed_label.text()
    tl.seek(tl.at_ts + MINUTE_MS)
    assert tl.landed_label.text() == ""  # moved on: the name no longer applies
