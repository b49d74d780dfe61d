"""The timeline bar standalone (offscreen): density ticks and gap marks on the pixels, seeking, playback,
jumps between alerts and the live badge."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from widgets.timeline import DENSITY, GAP, GAP_STRIP, Timeline

T0 = 1_714_550_400_000  # epoch ms beyond 32 bits: the signals must carry them whole
MIN = 60_000


def _timeline(qtbot: QtBot) -> Timeline:
    tl = Timeline("Asia/Shanghai")
    qtbot.addWidget(tl)
    tl.resize(1000, 90)
    tl.show()
    qtbot.waitExposed(tl)
    tl.set_history(T0, T0 + 100 * MIN)
    return tl


def _grab(tl: Timeline) -> QImage:
    return tl.bar.grab().toImage()


def _same(image: QImage, x: float, y: int, colour: QColor) -> bool:
    c = image.pixelColor(round(x), y)
    return (c.red(), c.green(), c.blue()) == (colour.red(), colour.green(), colour.blue())


def test_density_ticks_and_gap_marks_are_drawn_where_they_belong(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    counts = [0] * 10
    counts[6] = 500  # one busy bin: minutes 60-70
    counts[2] = 50  # a quiet one: a tenth of the height
    tl.set_density(T0, 10 * MIN, counts)
    tl.set_gaps([(T0 + 30 * MIN, T0 + 40 * MIN)])
    tl.seek(T0)  # the cursor out of the way, at the left edge
    image = _grab(tl)
    bar = tl.bar
    h = bar.height()
    busy = bar.x_of(T0 + 65 * MIN)
    quiet = bar.x_of(T0 + 25 * MIN)
    empty = bar.x_of(T0 + 85 * MIN)
    assert _same(image, busy, h - 2, DENSITY) and _same(image, busy, GAP_STRIP + 4, DENSITY)
    assert _same(image, quiet, h - 2, DENSITY) and not _same(image, quiet, h // 2, DENSITY)
    assert not _same(image, empty, h - 2, DENSITY)
    gap = bar.x_of(T0 + 35 * MIN)
    assert _same(image, gap, 2, GAP)
    assert not _same(image, gap, h - 2, GAP)  # marks stay in the top strip
    assert not _same(image, bar.x_of(T0 + 50 * MIN), 2, GAP)


def test_click_seeks_and_emits_64_bit_times(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    bar = tl.bar
    x = round(bar.x_of(T0 + 50 * MIN))
    with qtbot.waitSignal(tl.time_changed) as got:
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, bar.height() // 2))
    assert abs(got.args[0] - (T0 + 50 * MIN)) <= 100 * MIN / bar.width()
    assert tl.time_label.text().startswith("2024-05-01 1")


def test_shift_drag_selects_a_range(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    bar = tl.bar
    y = bar.height() // 2
    with qtbot.waitSignal(tl.range_changed) as got:
        qtbot.mousePress(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(100, y))
        qtbot.mouseMove(bar, QPoint(500, y))
        qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(500, y))
    a, b = got.args
    assert T0 < a < b < T0 + 100 * MIN
    assert (bar.start_ts, bar.end_ts) == (a, b)


def test_alert_jumps_step_and_speed(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    tl.set_alert_times([T0 + 20 * MIN, T0 + 70 * MIN])
    tl.seek(T0 + 30 * MIN)
    tl.next_button.click()
    assert tl.at_ts == T0 + 70 * MIN
    tl.next_button.click()  # none after: stays
    assert tl.at_ts == T0 + 70 * MIN
    tl.prev_button.click()
    tl.prev_button.click()
    assert tl.at_ts == T0 + 20 * MIN
    tl.speed_box.setCurrentIndex(tl.speed_box.findData(300))
    tl.forward_button.click()
    assert tl.at_ts == T0 + 25 * MIN  # one second of playback at 300x


def test_playback_moves_forward_at_speed_and_stops_at_the_end(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    tl.speed_box.setCurrentIndex(tl.speed_box.findData(1000))
    tl.seek(T0 + 99 * MIN)
    seen: list[int] = []
    tl.time_changed.connect(seen.append)
    tl.play_button.click()
    assert tl.playing
    qtbot.waitUntil(lambda: not tl.playing, timeout=5000)
    assert seen == sorted(seen) and len(seen) >= 2
    assert seen[-1] == T0 + 100 * MIN


def test_live_badge_counts_alerts_during_replay(qtbot: QtBot) -> None:
    tl = _timeline(qtbot)
    tl.alert_arrived()
    tl.alert_arrived(2)
    assert "3" in tl.live_button.text()
    with qtbot.waitSignal(tl.live_requested):
        tl.live_button.click()
    assert tl.badge == 0 and "3" not in tl.live_button.text()
