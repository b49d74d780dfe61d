"""The timeline bar under the maps: where in history the replay is, and the controls to move through it.

`TimelineBar` draws event density ticks, gap marks (a guard or device that went silent), alert marks and
the cursor; a click or drag seeks, shift+drag selects a range, a double click goes back to the whole
history. `Timeline` adds play/pause, speed (1×–1000×), step, previous/next alert and the live button with
a badge counting alerts that arrived while replaying. It only draws and emits: the host computes density
and gaps (`sandbox_app.replay.timeline`) and turns `time_changed` into a seek (`sandbox_app.replay.state`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

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


class TimelineBar(QWidget):
    seek_requested = Signal(MS)
    range_selected = Signal(MS, MS)
    reset_requested = Signal()

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
        self._drag_from: int | None = None
        self._drag_to: int | None = None

    # mapping --------------------------------------------------------------------------------------------
    def x_of(self, ts: int) -> float:
        span = max(1, self.end_ts - self.start_ts)
        return (ts - self.start_ts) / span * max(1, self.width() - 1)

    def ts_at(self, x: float) -> int:
        span = self.end_ts - self.start_ts
        frac = min(max(x / max(1, self.width() - 1), 0.0), 1.0)
        return self.start_ts + round(frac * span)

    # drawing --------------------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            h = self.height()
            p.fillRect(self.rect(), BACKGROUND)
            self._paint_density(p, h)
            for a, b in self.gaps:
                x0, x1 = self.x_of(max(a, self.start_ts)), self.x_of(min(b, self.end_ts))
                if x1 >= 0 and x0 <= self.width():
                    p.fillRect(QRectF(x0, 0, max(2.0, x1 - x0), GAP_STRIP), GAP)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ALERT)
            for ts in self.alerts.tolist():
                x = self.x_of(ts)
                p.drawPolygon(QPolygonF([QPointF(x - 4, h), QPointF(x + 4, h), QPointF(x, h - 7)]))
            if self._drag_from is not None and self._drag_to is not None:
                a, b = sorted((self._drag_from, self._drag_to))
                p.fillRect(QRectF(self.x_of(a), 0, self.x_of(b) - self.x_of(a), h), SELECTION)
            p.setPen(QPen(CURSOR, 2))
            x = self.x_of(self.at_ts)
            p.drawLine(QPointF(x, 0), QPointF(x, h))
        finally:
            p.end()

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
        ts = self.ts_at(event.position().x())
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._drag_from = self._drag_to = ts
        else:
            self.seek_requested.emit(ts)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        ts = self.ts_at(event.position().x())
        if self._drag_from is not None:
            self._drag_to = ts
            self.update()
        elif event.buttons() & Qt.MouseButton.LeftButton:
            self.seek_requested.emit(ts)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and self._drag_to is not None:
            a, b = sorted((self._drag_from, self._drag_to))
            self._drag_from = self._drag_to = None
            self.update()
            if b > a:
                self.range_selected.emit(a, b)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.reset_requested.emit()


class Timeline(QWidget):
    """The bar and its controls. Connect `time_changed` to the replay seek; see the module docstring."""

    time_changed = Signal(MS)
    """The replay time moved (seek, playback, step, jump): show the state at this time."""
    range_changed = Signal(MS, MS)
    """The visible range changed: recompute density and gaps for it (`set_density`, `set_gaps`)."""
    live_requested = Signal()
    """Back to live: stop replaying (the badge is cleared)."""
    playing_changed = Signal(bool)

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
        self.live_button = self._button("live_badge", self.tr("Live"), self.go_live)
        controls = QHBoxLayout()
        for w in (self.play_button, self.back_button, self.forward_button, self.speed_box, self.prev_button,
                  self.next_button, self.time_label):  # fmt: skip
            controls.addWidget(w)
        controls.addStretch(1)
        controls.addWidget(self.live_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(controls)
        layout.addWidget(self.bar)
        self.bar.seek_requested.connect(self.seek)
        self.bar.range_selected.connect(self.set_range)
        self.bar.reset_requested.connect(lambda: self.set_range(*self.history))
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self._show_time()

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
        self.bar.start_ts, self.bar.end_ts = start_ts, max(end_ts, start_ts + 1)
        self.bar.update()
        self.range_changed.emit(self.bar.start_ts, self.bar.end_ts)

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
            self.seek(int(self.bar.alerts[i]))

    def next_alert(self) -> None:
        i = int(np.searchsorted(self.bar.alerts, self.at_ts, side="right"))
        if i < len(self.bar.alerts):
            self.seek(int(self.bar.alerts[i]))

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
