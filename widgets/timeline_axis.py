"""The labelled time axis drawn above the timeline bar, and the timeline's help text.

The axis shares the bar's mapping (`TimelineBar.x_of`), so a label sits exactly over the moment it names;
which ticks to draw at a zoom comes from `sandbox_app.replay.axis.ticks` (days → hours → minutes).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from sandbox_app.replay.axis import Tick, ticks


class TimeScale(Protocol):
    """What the axis reads of the bar it labels: the shown range and where a time falls in pixels."""

    start_ts: int
    end_ts: int

    def width(self) -> int: ...

    def x_of(self, ts: int) -> float: ...


AXIS_HEIGHT = 18
LABEL = QColor(60, 60, 60)
MAJOR = QColor(40, 40, 40)
MINOR = QColor(150, 150, 150)


def shortcuts_text() -> str:
    """Mouse and keys of the timeline, for its tooltip and help button."""
    lines = [
        QCoreApplication.translate("Timeline", "Click: go to that moment; drag the cursor: scrub"),
        QCoreApplication.translate("Timeline", "Drag elsewhere: pan; mouse wheel: zoom around the pointer"),
        QCoreApplication.translate("Timeline", "Shift+drag: zoom to a range; double click: whole history"),
        QCoreApplication.translate(
            "Timeline", "Space: play/pause; ←/→: step; PgUp/PgDn: previous/next alert"
        ),
        QCoreApplication.translate(
            "Timeline", "+/−: zoom in/out; Home: whole history; Ctrl+G: go to date/time"
        ),
    ]
    return "\n".join(lines)


class TimeAxis(QWidget):
    """Tick marks and labels for the bar's visible range, in the district's local time."""

    def __init__(self, bar: TimeScale, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_axis")
        self.bar = bar
        self.timezone = timezone
        self.setFixedHeight(AXIS_HEIGHT)
        self.shown: list[Tick] = []
        """The ticks drawn last (tests read them)."""

    def current_ticks(self) -> list[Tick]:
        start, end = self.bar.start_ts, self.bar.end_ts
        return ticks(start, end, max(1, self.bar.width()), self.timezone)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            h = self.height()
            self.shown = self.current_ticks()
            metrics = p.fontMetrics()
            right_of_last = -1e9
            for tick in self.shown:
                x = self.bar.x_of(tick.ts)
                p.setPen(QPen(MAJOR if tick.major else MINOR, 2 if tick.major else 1))
                p.drawLine(QPointF(x, h - (8 if tick.major else 5)), QPointF(x, h))
                w = metrics.horizontalAdvance(tick.label)
                left = min(max(0.0, x - w / 2), self.width() - w)
                if left > right_of_last + 4:  # never print a label over the previous one
                    p.setPen(LABEL)
                    p.drawText(QRectF(left, 0, w + 2, h - 4), int(Qt.AlignmentFlag.AlignLeft), tick.label)
                    right_of_last = left + w
        finally:
            p.end()
