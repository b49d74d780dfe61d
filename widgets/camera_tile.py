"""The wall's (and the desk's) camera tile: a linked camera's live video, shown only while it has a stream."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from widgets.camera_view import CameraView


class CameraTile(QFrame):
    """The alert's linked camera's live video; shown only while there is a stream to play."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wall_camera")
        self.label = QLabel(self)
        self.label.setObjectName("wall_camera_label")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.caption = QLabel(self)
        self.caption.setObjectName("wall_camera_label")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.label)
        self.layout_.addWidget(self.caption)
        self.camera_id: str | None = None
        self.video: CameraView | None = None
        self.setMinimumHeight(240)
        self.hide()

    def show_camera(self, camera_id: str, name: str, stream: str | None = None) -> None:
        """Pop the tile up and play the stream (decoded on the source's own thread); without a stream the
        tile stays hidden: an empty black box would only take room from the map."""
        self._stop_video()
        if not stream:
            self.clear()
            return
        self.camera_id = camera_id
        if stream:
            from sandbox_app.video.source import FrameSource, is_file  # OpenCV with the first stream only

            source = FrameSource(stream, loop=is_file(stream)).start()
            self.video = CameraView(source, name, self)
            self.layout_.insertWidget(0, self.video, 1)
            self.label.hide()
            self.caption.setText(self.tr("Camera {0} · {1}").format(camera_id, name))
            self.caption.show()
        else:
            self.label.setText(self.tr("Camera {0}\n{1}\n(no video stream)").format(camera_id, name))
            self.label.show()
            self.caption.hide()
        self.show()

    def _stop_video(self) -> None:
        if self.video is not None:
            video, self.video = self.video, None
            video.close()  # stops its poll timer
            video.source.stop()
            self.layout_.removeWidget(video)
            video.deleteLater()

    def clear(self) -> None:
        self._stop_video()
        self.camera_id = None
        self.hide()
