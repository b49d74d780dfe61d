"""Live view of one camera: shows the newest frame of a `FrameSource`, never queues old ones.

Decoding runs on the source's thread; this widget only polls for the latest frame on a timer (at most 30
times a second, the house limit) and paints it scaled to fit. The main window opens one on a camera click.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # OpenCV loads with the first stream opened, not with the window
    from sandbox_app.video.source import Frame, FrameSource

POLL_MS = 33


def to_qimage(image: np.ndarray) -> QImage:
    """A BGR uint8 (h, w, 3) array as a QImage that owns a copy (the array may be reused)."""
    h, w = image.shape[:2]
    data = np.ascontiguousarray(image)
    return QImage(data.data, w, h, data.strides[0], QImage.Format.Format_BGR888).copy()


class CameraView(QWidget):
    frame_shown = Signal(int)
    """The index of each frame painted (gaps mean frames were dropped to keep up)."""
    closed = Signal(str)
    """The source URL, when the view is closed (the owner may stop the source)."""

    def __init__(self, source: FrameSource, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._image: QImage | None = None
        self.frames_shown = 0
        self.setWindowTitle(title or self.tr("Camera"))
        self.setMinimumSize(320, 240)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def poll(self) -> bool:
        """Show the newest frame if there is one; True if something new was shown."""
        frame: Frame | None = self.source.take()
        if frame is None:
            return False
        self._image = to_qimage(frame.image)
        self.frames_shown += 1
        self.update()
        self.frame_shown.emit(frame.index)
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0))
        if self._image is None:
            painter.setPen(QColor(200, 200, 200))
            text = self.tr("No signal") if self.source.error else self.tr("Connecting…")
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
        else:
            size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(self.rect().center())
            painter.drawImage(target, self._image)
        painter.end()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self.closed.emit(self.source.url)
        super().closeEvent(event)
