"""The desk's mode, live or replay (issue 16): one object every panel observes, and the replay's look.

While replaying, the window shows the past, but the live session keeps running behind it: a button that
still worked would send a real order to a guard for a scene that is not the present. So replay is a mode,
not a view: `DeskMode` says which one the desk is in, panels ask it (`allow`) before enabling a live action
and redraw their buttons when it changes, and the live controller refuses every command while it says
replay (`LiveController._refused`), so even a button a panel forgot cannot reach the engine.

`ReplayFrame` is the unmistakable look: a coloured frame around the map and a banner
"回放 · 2026-12-08 02:52:59" that follows the replay time (district time zone).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

REPLAY_COLOUR = QColor(230, 120, 0)
"""Amber: the replay's frame, banner and timeline (red and blue are taken by alerts and rentals)."""
FRAME_PX = 6


class DeskMode(QObject):
    """Live or replay, and the replay's time. Panels observe `changed`; the live controller checks
    `replaying` before sending anything to the engine."""

    changed = Signal(bool)
    """True on entering replay, False on going back to live."""
    time_changed = Signal(object)
    """The replay time (epoch ms) being shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.replaying = False
        self.at_ts: int | None = None

    def enter_replay(self) -> None:
        if not self.replaying:
            self.replaying = True
            self.changed.emit(True)

    def leave_replay(self) -> None:
        if self.replaying:
            self.replaying = False
            self.at_ts = None
            self.changed.emit(False)

    def set_time(self, ts: int) -> None:
        self.at_ts = ts
        self.time_changed.emit(ts)

    def refusal(self) -> str:
        """Why a live action is unavailable (a disabled button's tooltip, the status bar's refusal)."""
        return self.tr("Replay shows the past: live actions are off until you go back to live.")

    def allow(self, control: QAbstractButton | QAction, enabled: bool, tooltip: str = "") -> None:
        """Enable a live-action control when its panel would and the desk is live; in replay it is
        disabled and its tooltip says why (Qt shows tooltips on disabled buttons)."""
        control.setEnabled(enabled and not self.replaying)
        control.setToolTip(self.refusal() if self.replaying else tooltip)


class ReplayFrame(QWidget):
    """Drawn over the map while replaying: an amber frame and a banner with the replay time. It lets
    every mouse event through to the map."""

    def __init__(self, mode: DeskMode, timezone: str, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("replay_frame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.mode = mode
        self.set_timezone(timezone)
        self.banner = QLabel(self)
        self.banner.setObjectName("replay_banner")
        self.banner.setStyleSheet(
            f"background: {REPLAY_COLOUR.name()}; color: white; font-weight: bold; padding: 4px 12px;"
        )
        target.installEventFilter(self)
        mode.changed.connect(self._mode_changed)
        mode.time_changed.connect(lambda _ts: self._show_time())
        self.setVisible(mode.replaying)
        self._place()

    def set_timezone(self, timezone: str) -> None:
        try:
            self.zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = ZoneInfo("UTC")

    def text(self) -> str:
        ts = self.mode.at_ts
        if ts is None:
            return self.tr("Replay")
        when = datetime.fromtimestamp(ts / 1000, tz=self.zone).strftime("%Y-%m-%d %H:%M:%S")
        return self.tr("Replay · {0}").format(when)

    def _mode_changed(self, replaying: bool) -> None:
        self._show_time()
        self.setVisible(replaying)
        if replaying:
            self.raise_()

    def _show_time(self) -> None:
        self.banner.setText(self.text())
        self._place()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setGeometry(parent.rect())
        self.banner.adjustSize()
        self.banner.move(max(0, (self.width() - self.banner.width()) // 2), FRAME_PX)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(REPLAY_COLOUR)
        pen.setWidth(FRAME_PX)
        painter.setPen(pen)
        half = FRAME_PX // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
        painter.end()
