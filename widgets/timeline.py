"""The timeline bar under the maps: where in history the replay is, and the controls to move through it.

`TimelineBar` draws event density ticks, gap marks (where the log itself holds nothing), alert marks and
the cursor, under a labelled axis (`widgets.timeline_axis`, days → hours → minutes); a click seeks,
dragging the cursor scrubs, dragging elsewhere pans, the wheel zooms around the pointer, shift+drag zooms
to a range and a double click goes back to the whole history. `Timeline` adds play/pause, speed
(1×–1000×), step, previous/next alert (naming the alert it lands on), a "go to" field, keyboard shortcuts
(listed in the tooltip and the "?" button) and the live button with a badge counting alerts that arrived
while replaying. It only draws and emits: the host computes density
and gaps (`sandbox_app.replay.timeline`) and turns `time_changed` into a seek (`sandbox_app.replay.state`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from sandbox_app.replay.axis import parse_moment
from widgets.timeline_axis import TimeAxis, shortcuts_text

MS: Any = "qint64"
"""Signal argument type for epoch milliseconds: a Python `int` signal would be cut to 32 bits."""
SPEEDS = (1, 2, 5, 10, 30, 60, 120, 300, 600, 1000)
FRAME_MS = 33
"""Playback redraws at most ~30 times a second, like the live map."""
BACKGROUND = QColor(255, 236, 205)
"""Light amber: the timeline only shows in replay, and takes the replay's colour (widgets.mode)."""
DENSITY = QColor(60, 110, 200)
GAP = QColor(220, 40, 40)
ALERT = QColor(150, 0, 60)
CURSOR = QColor(0, 0, 0)
SELECTION = QColor(255, 200, 0, 90)
GAP_STRIP = 6
"""Height in pixels of the gap strip along the top of the bar."""
MIN_SPAN_MS = 60_000
"""The closest zoom: a minute across the bar."""
ZOOM_STEP = 0.8
"""Span factor per wheel notch (or "+" key) when zooming in."""
DRAG_PX = 4
"""A press that moves less than this is a click (seek), more is a drag (pan or scrub)."""


class TimelineBar(QWidget):
    seek_requested = Signal(MS)
    range_selected = Signal(MS, MS)
    reset_requested = Signal()
    zoom_requested = Signal(float, MS)
    """Span factor (< 1 zooms in) and the moment that stays under the pointer."""
    pan_requested = Signal(MS)
    """Move the visible range by this many milliseconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_bar")
        self.setMinimumHeight(40)
        self.start_ts, self.end_ts = 0, 1
        self.at_ts = 0
        self.density_start, self.density_bin = 0, 1
        self.counts: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self.gaps: list[tuple[int, int]] = []
        self.alerts: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self._backdrop: tuple[tuple[object, ...], QPixmap] | None = None
        """(what it was drawn for, the pixmap): density, gaps and alert marks; a seek does not change them."""
        self._drag_from: int | None = None
        self._drag_to: int | None = None
        self._press: tuple[float, int, bool] | None = None
        """(x, range start, on the cursor) of a plain press, until it turns out a click or a drag."""
        self._panned = False

    # mapping --------------------------------------------------------------------------------------------
    def x_of(self, ts: int) -> float:
        span = max(1, self.end_ts - self.start_ts)
        return (ts - self.start_ts) / span * max(1, self.width() - 1)

    def ts_at(self, x: float) -> int:
        span = self.end_ts - self.start_ts
        frac = min(max(x / max(1, self.width() - 1), 0.0), 1.0)
        return self.start_ts + round(frac * span)

    # drawing --------------------------------------------------------------------------------------------
    def _backdrop_key(self) -> tuple[object, ...]:
        """What the backdrop depends on. The host replaces (never mutates) counts, gaps and alerts, so
        holding the objects themselves in the key is enough to notice new ones."""
        return (self.width(), self.height(), self.devicePixelRatioF(), self.start_ts, self.end_ts,
                self.density_start, self.density_bin, self.counts, self.gaps, self.alerts)  # fmt: skip

    def paintEvent(self, event: QPaintEvent) -> None:
        """The backdrop from its cache, then the selection and the cursor: a seek (every step of a drag)
        repaints a pixmap and a line, not thousands of alert marks (issue 24: 140 ms a paint with an alert
        every 2 minutes of 79 h, which held up the map's redraw of the moment dragged to)."""
        key = self._backdrop_key()
        cached = self._backdrop
        if cached is None or not all(
            a is b or (type(a) in (int, float) and a == b) for a, b in zip(cached[0], key, strict=True)
        ):
            cached = self._backdrop = (key, self._paint_backdrop())
        p = QPainter(self)
        try:
            h = self.height()
            p.drawPixmap(0, 0, cached[1])
            if self._drag_from is not None and self._drag_to is not None:
                a, b = sorted((self._drag_from, self._drag_to))
                p.fillRect(QRectF(self.x_of(a), 0, self.x_of(b) - self.x_of(a), h), SELECTION)
            p.setPen(QPen(CURSOR, 2))
            x = self.x_of(self.at_ts)
            p.drawLine(QPointF(x, 0), QPointF(x, h))
        finally:
            p.end()

    def _paint_backdrop(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(BACKGROUND)
        p = QPainter(pixmap)
        try:
            h = self.height()
            self._paint_density(p, h)
            for a, b in self.gaps:
                x0, x1 = self.x_of(max(a, self.start_ts)), self.x_of(min(b, self.end_ts))
                if x1 >= 0 and x0 <= self.width():
                    p.fillRect(QRectF(x0, 0, max(2.0, x1 - x0), GAP_STRIP), GAP)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ALERT)
            for x in self._alert_columns().tolist():
                p.drawPolygon(QPolygonF([QPointF(x - 4, h), QPointF(x + 4, h), QPointF(x, h - 7)]))
        finally:
            p.end()
        return pixmap

    def _alert_columns(self) -> NDArray[np.float64]:
        """The x of the alert marks in the visible range, one per pixel column (marks in one column would
        be drawn over each other anyway)."""
        ts = self.alerts
        if not len(ts):
            return np.zeros(0)
        ts = ts[(ts >= self.start_ts) & (ts <= self.end_ts)]
        span = max(1, self.end_ts - self.start_ts)
        xs = (ts - self.start_ts).astype(np.float64) / span * max(1, self.width() - 1)
        return np.unique(np.round(xs))

    def _paint_density(self, p: QPainter, h: int) -> None:
        """One tick per bin, height by its share of the busiest bin; the gap strip stays clear."""
        if not len(self.counts) or int(self.counts.max()) <= 0:
            return
        top = max(self.counts.max(), 1)
        usable = h - GAP_STRIP - 2
        width = max(1.0, self.x_of(self.density_start + self.density_bin) - self.x_of(self.density_start))
        for i in np.flatnonzero(self.counts).tolist():
            x0 = self.x_of(self.density_start + i * self.density_bin)
            tall = max(2.0, usable * float(self.counts[i]) / float(top))
            p.fillRect(QRectF(x0, h - tall, width, tall), DENSITY)

    # mouse ----------------------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        ts = self.ts_at(x)
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._drag_from = self._drag_to = ts
        else:
            on_cursor = abs(x - self.x_of(self.at_ts)) <= DRAG_PX + 1
            self._press, self._panned = (x, self.start_ts, on_cursor), False
            if on_cursor:
                self.seek_requested.emit(ts)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        ts = self.ts_at(x)
        if self._drag_from is not None:
            self._drag_to = ts
            self.update()
        elif self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            x0, start0, on_cursor = self._press
            if on_cursor:
                self.seek_requested.emit(ts)
            elif self._panned or abs(x - x0) > DRAG_PX:
                self._panned = True
                per_px = (self.end_ts - self.start_ts) / max(1, self.width() - 1)
                target = start0 - round((x - x0) * per_px)
                self.pan_requested.emit(target - self.start_ts)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if press is not None and not press[2] and not self._panned:
            self.seek_requested.emit(self.ts_at(event.position().x()))
        if self._drag_from is not None and self._drag_to is not None:
            a, b = sorted((self._drag_from, self._drag_to))
            self._drag_from = self._drag_to = None
            self.update()
            if b > a:
                self.range_selected.emit(a, b)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.reset_requested.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120.0
        if notches:
            self.zoom_requested.emit(ZOOM_STEP**notches, self.ts_at(event.position().x()))
        event.accept()


class Timeline(QWidget):
    """The bar and its controls. Connect `time_changed` to the replay seek; see the module docstring."""

    time_changed = Signal(MS)
    """The replay time moved (seek, playback, step, jump): show the state at this time."""
    range_changed = Signal(MS, MS)
    """The visible range changed: recompute density and gaps for it (`set_density`, `set_gaps`)."""
    live_requested = Signal()
    """Back to live: stop replaying (the badge is cleared)."""
    playing_changed = Signal(bool)
    alert_landed = Signal(str)
    """Previous/next alert landed on this alert id: select it (the label names it already)."""

    def __init__(self, timezone: str = "UTC", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.timezone = timezone
        self.history = (0, 1)
        self.badge = 0
        self.bar = TimelineBar(self)
        self.play_button = self._button("play", self.tr("Play"), self.toggle_play)
        self.play_button.setCheckable(True)
        self.back_button = self._button("step_back", self.tr("◀ Step"), lambda: self.step(-1))
        self.forward_button = self._button("step_forward", self.tr("Step ▶"), lambda: self.step(1))
        self.prev_button = self._button("prev_alert", self.tr("◀ Alert"), self.previous_alert)
        self.next_button = self._button("next_alert", self.tr("Alert ▶"), self.next_alert)
        self.speed_box = QComboBox(self)
        self.speed_box.setObjectName("speed")
        for s in SPEEDS:
            self.speed_box.addItem(self.tr("{0}×").format(s), s)
        self.speed_box.setCurrentIndex(SPEEDS.index(60))
        self.time_label = QLabel(self)
        self.time_label.setObjectName("time_label")
        self.landed_label = QLabel(self)
        self.landed_label.setObjectName("landed_alert")
        self.goto = QLineEdit(self)
        self.goto.setObjectName("goto")
        self.goto.setPlaceholderText(self.tr("Go to: 2024-05-01 14:30"))
        self.goto.setToolTip(self.tr("Date and time, or a time on the day shown; Enter jumps there"))
        self.goto.setMinimumWidth(150)
        self.goto.setMaximumWidth(190)
        self.goto.returnPressed.connect(lambda: self.go_to(self.goto.text()))
        self.help_button = QToolButton(self)
        self.help_button.setObjectName("timeline_help")
        self.help_button.setText("?")
        self.help_button.setToolTip(shortcuts_text())
        self.help_button.clicked.connect(
            lambda: QToolTip.showText(self.help_button.mapToGlobal(self.help_button.rect().bottomLeft()),
                                      shortcuts_text(), self.help_button)
        )  # fmt: skip
        self.live_button = self._button("live_badge", self.tr("Live"), self.go_live)
        controls = QHBoxLayout()
        for w in (self.play_button, self.back_button, self.forward_button, self.speed_box, self.prev_button,
                  self.next_button, self.time_label, self.goto):  # fmt: skip
            controls.addWidget(w)
        controls.addWidget(self.landed_label, 1)
        controls.addWidget(self.help_button)
        controls.addWidget(self.live_button)
        self.axis = TimeAxis(self.bar, timezone, self)
        self.bar.setToolTip(shortcuts_text())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(0)
        layout.addLayout(controls)
        layout.addWidget(self.axis)
        layout.addWidget(self.bar)
        self.bar.seek_requested.connect(self.seek)
        self.bar.range_selected.connect(self.set_range)
        self.bar.reset_requested.connect(lambda: self.set_range(*self.history))
        self.bar.zoom_requested.connect(self.zoom)
        self.bar.pan_requested.connect(self.pan)
        self.alert_ids: dict[int, tuple[str, str]] = {}
        """Alert start time → (id, name in words), for naming the alert a jump lands on."""
        self._landed_ts: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.bar.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self._show_time()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The timeline's keys (listed in `shortcuts_text`), while it or its bar has focus; the go-to field
        and the buttons keep the keys they use themselves."""
        key, mods = event.key(), event.modifiers()
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Space: lambda: self.pause() if self.playing else self.play(),
            Qt.Key.Key_Left: lambda: self.step(-1),
            Qt.Key.Key_Right: lambda: self.step(1),
            Qt.Key.Key_PageUp: self.previous_alert,
            Qt.Key.Key_PageDown: self.next_alert,
            Qt.Key.Key_Plus: lambda: self.zoom(ZOOM_STEP, self.at_ts),
            Qt.Key.Key_Equal: lambda: self.zoom(ZOOM_STEP, self.at_ts),
            Qt.Key.Key_Minus: lambda: self.zoom(1 / ZOOM_STEP, self.at_ts),
            Qt.Key.Key_Home: lambda: self.set_range(*self.history),
        }
        if key == Qt.Key.Key_G and mods & Qt.KeyboardModifier.ControlModifier:
            self._focus_goto()
        elif key in actions:
            actions[key]()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _focus_goto(self) -> None:
        self.goto.setFocus()
        self.goto.selectAll()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    # data from the host ---------------------------------------------------------------------------------
    def set_history(self, start_ts: int, end_ts: int) -> None:
        """The stored history's span; the visible range becomes all of it."""
        self.history = (start_ts, max(end_ts, start_ts + 1))
        self.set_range(*self.history)

    def set_range(self, start_ts: int, end_ts: int) -> None:
        self.bar.start_ts, self.bar.end_ts = int(start_ts), max(int(end_ts), int(start_ts) + 1)
        self.bar.update()
        self.axis.update()
        self.range_changed.emit(self.bar.start_ts, self.bar.end_ts)

    def _clamped(self, start: int, span: int) -> tuple[int, int]:
        """A range of `span` starting near `start`, kept inside the history (and no wider than it)."""
        lo, hi = self.history
        span = min(max(span, MIN_SPAN_MS), hi - lo)
        start = min(max(start, lo), hi - span)
        return start, start + span

    def zoom(self, factor: float, anchor_ts: int) -> None:
        """Scale the visible span by `factor` (< 1 zooms in), keeping `anchor_ts` where it is on the bar."""
        start, end = self.bar.start_ts, self.bar.end_ts
        span = max(1, end - start)
        new_span = round(span * factor)
        frac = (anchor_ts - start) / span
        new = self._clamped(round(anchor_ts - frac * min(max(new_span, MIN_SPAN_MS), span * 100)), new_span)
        if new != (start, end):
            self.set_range(*new)

    def pan(self, delta_ms: int) -> None:
        start, end = self.bar.start_ts, self.bar.end_ts
        new = self._clamped(start + int(delta_ms), end - start)
        if new != (start, end):
            self.set_range(*new)

    def go_to(self, text: str) -> bool:
        """Jump to the moment typed ("2024-05-01 14:30", "05-01", "14:30"); the range follows when the
        moment is outside it. False (and the field marked) when the text is no moment in the history."""
        ts = parse_moment(text, self.at_ts, self.timezone)
        lo, hi = self.history
        if ts is None or not lo <= ts <= hi:
            self.goto.setStyleSheet("QLineEdit { background: #fdd; }")
            self.goto.setToolTip(self.tr("Not a moment in the stored history: {0}").format(text))
            return False
        self.goto.setStyleSheet("")
        self._reveal(ts)
        self.seek(ts)
        return True

    def _reveal(self, ts: int) -> None:
        """Move the visible range (same span) to centre on `ts` when it is outside."""
        start, end = self.bar.start_ts, self.bar.end_ts
        if not start <= ts <= end:
            span = end - start
            self.set_range(*self._clamped(ts - span // 2, span))

    def set_density(self, start_ts: int, bin_ms: int, counts: Sequence[int] | NDArray[np.int64]) -> None:
        self.bar.density_start, self.bar.density_bin = start_ts, max(1, bin_ms)
        self.bar.counts = np.asarray(counts, dtype=np.int64)
        self.bar.update()

    def set_gaps(self, gaps: Sequence[tuple[int, int]]) -> None:
        self.bar.gaps = [(int(a), int(b)) for a, b in gaps]
        self.bar.update()

    def set_alert_times(self, times: Sequence[int]) -> None:
        self.bar.alerts = np.unique(np.asarray(times, dtype=np.int64))
        self.bar.update()

    def set_alerts(self, alerts: Sequence[tuple[int, str, str]]) -> None:
        """(start time, id, name in words) of the alerts in the history: marks, jumps (which move the
        range when the alert is outside it) and their names."""
        self.alert_ids = {int(ts): (alert_id, name) for ts, alert_id, name in sorted(alerts, reverse=True)}
        self.set_alert_times([ts for ts, _, _ in alerts])

    def _landed(self, ts: int) -> None:
        found = self.alert_ids.get(ts)
        local = datetime.fromtimestamp(ts / 1000, tz=UTC).astimezone(ZoneInfo(self.timezone))
        name = found[1] if found is not None else self.tr("alert")
        self.landed_label.setText(
            self.tr("At alert: {0}, {1}").format(name, local.strftime("%m-%d %H:%M:%S"))
        )
        self._landed_ts = ts
        if found is not None:
            self.alert_landed.emit(found[0])

    def alert_arrived(self, count: int = 1) -> None:
        """A live alert came in while replaying: count it on the live button."""
        self.badge += count
        self.live_button.setText(self.tr("Live ({0})").format(self.badge))

    # moving ---------------------------------------------------------------------------------------------
    @property
    def at_ts(self) -> int:
        return self.bar.at_ts

    @property
    def speed(self) -> int:
        return int(self.speed_box.currentData())

    def seek(self, ts: int) -> None:
        ts = min(max(int(ts), self.bar.start_ts), self.bar.end_ts)
        if self._landed_ts is not None and ts != self._landed_ts:
            self._landed_ts = None
            self.landed_label.clear()  # moved away from the alert it named
        self.bar.at_ts = ts
        self.bar.update()
        self._show_time()
        self.time_changed.emit(ts)

    def step(self, direction: int) -> None:
        """One second of playback at the current speed, back or forward."""
        self.seek(self.at_ts + direction * self.speed * 1000)

    def previous_alert(self) -> None:
        i = int(np.searchsorted(self.bar.alerts, self.at_ts, side="left")) - 1
        if i >= 0:
            self._reveal(int(self.bar.alerts[i]))
            self.seek(int(self.bar.alerts[i]))
            self._landed(int(self.bar.alerts[i]))

    def next_alert(self) -> None:
        i = int(np.searchsorted(self.bar.alerts, self.at_ts, side="right"))
        if i < len(self.bar.alerts):
            self._reveal(int(self.bar.alerts[i]))
            self.seek(int(self.bar.alerts[i]))
            self._landed(int(self.bar.alerts[i]))

    def toggle_play(self) -> None:
        self.play() if self.play_button.isChecked() else self.pause()

    def play(self) -> None:
        self.play_button.setChecked(True)
        self.play_button.setText(self.tr("Pause"))
        self._clock.start()
        self._timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        self.play_button.setChecked(False)
        self.play_button.setText(self.tr("Play"))
        self._timer.stop()
        self.playing_changed.emit(False)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def _tick(self) -> None:
        elapsed = self._clock.restart()
        target = self.at_ts + elapsed * self.speed
        if target >= self.bar.end_ts:
            self.seek(self.bar.end_ts)
            self.pause()
        else:
            self.seek(target)

    def go_live(self) -> None:
        self.pause()
        self.badge = 0
        self.live_button.setText(self.tr("Live"))
        self.live_requested.emit()

    def _show_time(self) -> None:
        local = datetime.fromtimestamp(self.at_ts / 1000, tz=UTC).astimezone(ZoneInfo(self.timezone))
        self.time_label.setText(local.strftime("%Y-%m-%d %H:%M:%S"))
