"""A new alert is noticed, noise is not (issue 16): toast, sound per level, the unacknowledged counter.

A new live alert of medium severity or worse pops a toast over the map and plays the alarm tone (twice for
high, three times for critical); low and notice alerts stay quiet in the queue. The sound can be muted
from the toolbar, where a counter shows how many alerts nobody has acknowledged (签收) yet; clicking it
selects the worst of them. Ages ("3 分钟前") count from the engine clock, never the wall clock, so a
simulated or replayed district reads right.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton, QWidget

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from widgets.alerts_panel import PINNED
from widgets.sound import Beeper
from widgets.texts import severity_text

if TYPE_CHECKING:
    from widgets.desk import Desk

LOOPS = {Severity.CRITICAL: 3, Severity.HIGH: 2, Severity.MEDIUM: 1}
"""Times the tone plays per level; a level not listed (low, notice) is silent and pops no toast."""
TOAST_MS = 8_000


TOAST_MARGIN_PX = 16
"""The toast keeps this far from the map's sides."""


class Toast(QLabel):
    """A banner over the map's bottom edge that hides itself after `TOAST_MS`; mouse events pass."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("alert_toast")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "background: rgba(30, 30, 30, 220); color: white; font-size: 15px; padding: 8px 14px;"
            "border-radius: 4px;"
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TOAST_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def pop(self, text: str) -> None:
        self.setText(text)
        parent = self.parentWidget()
        room = parent.width() - 2 * TOAST_MARGIN_PX if parent is not None else 0
        # one line where it fits, else wrapped to the map's width (a long place ran off the map's edge)
        self.setMinimumSize(0, 0)
        self.setMaximumSize(16_777_215, 16_777_215)
        self.setWordWrap(False)
        self.resize(self.sizeHint())
        if parent is not None and self.width() > room > 0:
            self.setWordWrap(True)
            self.setFixedWidth(room)
            self.setFixedHeight(self.heightForWidth(room))
        if parent is not None:
            self.move(
                max(0, (parent.width() - self.width()) // 2), max(0, parent.height() - self.height() - 24)
            )
        self.show()
        self.raise_()
        self._timer.start()


class AlertNotifier:
    """Owned by the desk's window (not the wall, which has its own focus and tone): toast, sound and
    the toolbar's counter and mute toggle."""

    def __init__(self, window: Desk) -> None:
        self.window = window
        self.known: set[str] = set()
        self.muted = False
        self.sounded: list[Severity] = []
        """The levels a tone was played for (tests read it; the tone itself may be a system beep)."""
        self._beeper: Beeper | None = None
        self.toast = Toast(window.map2d)
        self.toolbar = QToolBar(QCoreApplication.translate("AlertNotice", "Alerts"))  # the window adopts it
        self.toolbar.setObjectName("alert_toolbar")
        self.counter = QToolButton(self.toolbar)
        self.counter.setObjectName("unacknowledged_counter")
        self.counter.setToolTip(
            QCoreApplication.translate(
                "AlertNotice", "Alerts nobody has acknowledged yet; click to select the worst"
            )
        )
        self.counter.clicked.connect(self.select_worst)
        self.toolbar.addWidget(self.counter)
        self.sound_action = QAction(QCoreApplication.translate("AlertNotice", "Sound"), self.toolbar)
        self.sound_action.setObjectName("alert_sound")
        self.sound_action.setCheckable(True)
        self.sound_action.setChecked(True)
        self.sound_action.setToolTip(
            QCoreApplication.translate("AlertNotice", "Play a tone for new medium, high and critical alerts")
        )
        self.sound_action.toggled.connect(self.set_sound)
        self.toolbar.addAction(self.sound_action)
        window.addToolBar(self.toolbar)
        self.count()

    def set_sound(self, on: bool) -> None:
        self.muted = not on

    def know(self, alerts: Iterable[Alert]) -> None:
        """Alerts already there (the scene's, the session's at start): not new, no toast."""
        self.known.update(a.id for a in alerts)
        self.count()

    def offer(self, changed: Iterable[Alert]) -> list[Alert]:
        """Changed alerts from the live feed: the new open ones of a noticed level pop a toast and sound.
        Returns the alerts noticed."""
        fresh = [a for a in changed if a.id not in self.known and a.state.is_open]
        self.known.update(a.id for a in fresh)
        noticed = sorted(
            (a for a in fresh if a.severity in LOOPS), key=lambda a: (-LOOPS[a.severity], -a.first_ts)
        )
        if noticed:
            worst = noticed[0]
            text = QCoreApplication.translate("AlertNotice", "New alert · {0} · {1} · {2}").format(
                severity_text(worst.severity),
                self.window.alerts_panel.rule_text(worst.rule),
                self.window.alerts_panel.subject_name(worst),  # the place in words, as in the table
            )
            if len(noticed) > 1:
                text += QCoreApplication.translate("AlertNotice", " (+{0} more)").format(len(noticed) - 1)
            self.toast.pop(text)
            self.sound(worst.severity)
        self.count()
        return noticed

    def sound(self, severity: Severity) -> None:
        if self.muted or severity not in LOOPS:
            return
        if self._beeper is None:
            self._beeper = Beeper()  # built on first use: no audio device is opened for a quiet desk
        self.sounded.append(severity)
        self._beeper.play(LOOPS[severity])

    def unacknowledged(self) -> list[Alert]:
        return [a for a in self.window.alerts_panel.alerts.values() if a.state is AlertState.OPEN]

    def count(self) -> None:
        waiting = self.unacknowledged()
        urgent = sum(a.severity in PINNED for a in waiting)
        self.counter.setText(
            QCoreApplication.translate("AlertNotice", "Not acknowledged: {0} ({1} high or critical)").format(
                len(waiting), urgent
            )
        )
        self.counter.setStyleSheet("color: rgb(200, 0, 0); font-weight: bold;" if urgent else "")

    def select_worst(self) -> None:
        order = list(Severity)
        waiting = sorted(self.unacknowledged(), key=lambda a: (-order.index(a.severity), a.first_ts))
        if waiting:
            self.window.alerts_panel.select(waiting[0].id)
