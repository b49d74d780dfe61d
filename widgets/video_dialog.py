"""The video export dialog: what will be exported, said before it starts.

Start and end (district time), speed and frame size are editable; below them the resulting video length,
frame count and an estimate of the file size update as they change (`VideoPlan`), so nobody exports thirty
days at 60× by accident. The default is the visible range when it is short, else the half hour around the
cursor. Progress and cancel are the controller's progress dialog.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from sandbox_app.replay.player import VideoPlan
from widgets.timeline import SPEEDS

SIZES = ((1280, 720), (1920, 1080), (854, 480))
DEFAULT_MAX_MS = 2 * 3_600_000
"""A visible range longer than this is not the default: the half hour around the cursor is."""
MAX_VIDEO_S = 3 * 3600
"""Longer videos are refused: a slip of speed or range, not evidence anyone will watch."""


def default_window(start: int, end: int, at: int, history: tuple[int, int]) -> tuple[int, int]:
    """The visible range when it is short, else 30 minutes around `at` kept inside the history."""
    if end - start <= DEFAULT_MAX_MS:
        return start, end
    half = 15 * 60_000
    lo, hi = history
    a = max(lo, at - half)
    b = min(hi, a + 2 * half)
    return max(lo, b - 2 * half), b


class VideoDialog(QDialog):
    def __init__(
        self,
        timezone: str,
        window: tuple[int, int],
        speed: float,
        history: tuple[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("video_dialog")
        self.setWindowTitle(self.tr("Export video"))
        self.zone = QTimeZone(timezone.encode())
        self.tz = ZoneInfo(timezone or "UTC")
        self.history = history
        self.start_edit = self._edit("video_start", window[0])
        self.end_edit = self._edit("video_end", window[1])
        self.speed_box = QComboBox(self)
        self.speed_box.setObjectName("video_speed")
        for s in SPEEDS:
            self.speed_box.addItem(self.tr("{0}×").format(s), s)
        index = self.speed_box.findData(int(speed))
        self.speed_box.setCurrentIndex(index if index >= 0 else SPEEDS.index(60))
        self.size_box = QComboBox(self)
        self.size_box.setObjectName("video_size")
        for w, h in SIZES:
            self.size_box.addItem(f"{w}×{h}", (w, h))
        self.summary = QLabel(self)
        self.summary.setObjectName("video_summary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Start"), self.start_edit)
        form.addRow(self.tr("End"), self.end_edit)
        form.addRow(self.tr("Speed"), self.speed_box)
        form.addRow(self.tr("Frame size"), self.size_box)
        form.addRow(self.summary)
        form.addRow(self.buttons)
        for signal in (
            self.start_edit.dateTimeChanged,
            self.end_edit.dateTimeChanged,
            self.speed_box.currentIndexChanged,
            self.size_box.currentIndexChanged,
        ):
            signal.connect(lambda *_: self._update())
        self.setMinimumWidth(440)
        self._update()

    def _edit(self, name: str, ts: int) -> QDateTimeEdit:
        edit = QDateTimeEdit(self)
        edit.setObjectName(name)
        edit.setTimeZone(self.zone)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        edit.setDateTimeRange(
            QDateTime.fromMSecsSinceEpoch(self.history[0], self.zone),
            QDateTime.fromMSecsSinceEpoch(self.history[1], self.zone),
        )
        edit.setDateTime(QDateTime.fromMSecsSinceEpoch(ts, self.zone))
        return edit

    def plan(self) -> VideoPlan:
        start = self.start_edit.dateTime().toMSecsSinceEpoch()
        end = self.end_edit.dateTime().toMSecsSinceEpoch()
        size = self.size_box.currentData()
        return VideoPlan(start, end, 30.0, float(self.speed_box.currentData()), (int(size[0]), int(size[1])))

    def _local(self, ts: int) -> str:
        return datetime.fromtimestamp(ts / 1000, tz=UTC).astimezone(self.tz).strftime("%m-%d %H:%M:%S")

    def _update(self) -> None:
        p = self.plan()
        ok = p.end_ts > p.start_ts and p.duration_s <= MAX_VIDEO_S
        minutes, seconds = divmod(round(p.duration_s), 60)
        text = self.tr("{0} to {1} at {2:g}×: a video of {3} min {4} s ({5} frames), about {6} MB").format(
            self._local(p.start_ts),
            self._local(p.end_ts),
            p.speed,
            minutes,
            seconds,
            p.frames,
            max(1, round(p.estimated_bytes / 1e6)),
        )
        if p.end_ts <= p.start_ts:
            text = self.tr("The end must be after the start.")
        elif not ok:
            text += "\n" + self.tr("Too long for one video: raise the speed or shorten the range.")
        self.summary.setText(text)
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        button.setEnabled(ok)
