"""Wall-screen mode: large type, no keyboard, names always masked; new high alerts take the stage.

`WallDirector` decides what the wall looks at. A new high or critical alert takes focus: the 2D map centres
on it, `MainWindow.focus_requested` asks the 3D pane to fly there, a sound plays and, when the alert has a
camera, its tile is shown: live video when the camera device gives a stream (`stream` / `url` in its extra
fields), else its name. After `FOCUS_HOLD_MS` the next waiting alert takes over, or the wall goes back to
a slow tour of the compounds. Everything it remembers is bounded (`sandbox_app.wall.FocusQueue`).
"""

from __future__ import annotations

import logging
import struct
import tempfile
import wave
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import Device
from sandbox_app.wall import FocusQueue, TourStop, linked_camera, tour_stops
from widgets.camera_view import CameraView

if TYPE_CHECKING:
    from widgets.main_window import MainWindow

log = logging.getLogger(__name__)
WALL_FONT_PX = 34
"""Readable from about 5 m on a 1080p wall (cap height ~ 1/200 of the distance)."""
BIG_FONT_PX = 56
FOCUS_HOLD_MS = 30_000
FOCUS_HALF_M = 250.0
"""The focused alert is shown with this much of the district around it (metres, each side)."""
TOUR_STEP_MS = 20_000
WALL_STYLE = f"""
* {{ font-size: {WALL_FONT_PX}px; }}
QTableView {{ font-size: {WALL_FONT_PX}px; }}
QHeaderView::section {{ font-size: {WALL_FONT_PX - 4}px; }}
QLabel#wall_banner {{ font-size: {BIG_FONT_PX}px; font-weight: bold; color: white; background: #b71c1c;
    padding: 12px; }}
QLabel#wall_figures {{ font-size: {WALL_FONT_PX + 6}px; color: #f0f0f0; background: #1e2a38; padding: 10px; }}
QFrame#wall_camera {{ background: #101010; border: 4px solid #b71c1c; }}
QLabel#wall_camera_label {{ color: white; }}
"""


STREAM_FIELDS = ("stream", "url", "stream_url", "rtsp")
"""Extra fields of a camera device that may hold its live-view source (RTSP/HTTP URL or a video file)."""


def camera_stream(device: Device) -> str | None:
    """The camera's live-view source from the package, or None (the demo cameras have none)."""
    for name in STREAM_FIELDS:
        value = device.extra.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


class CameraTile(QFrame):
    """The alert's linked camera: its live video when the device gives a stream, else its name."""

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
        """Pop the tile up; with a stream its frames play (decoded on the source's own thread)."""
        self._stop_video()
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


class WallOverlay(QWidget):
    """The wall's right column: focus banner, key figures in big type, the camera tile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wall_overlay")
        self.banner = QLabel(self)
        self.banner.setObjectName("wall_banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.figures = QLabel(self)
        self.figures.setObjectName("wall_figures")
        self.figures.setWordWrap(True)
        self.camera = CameraTile(self)
        self.tour_label = QLabel(self)
        self.tour_label.setObjectName("wall_tour")
        self.tour_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.figures)
        layout.addWidget(self.camera, 1)
        layout.addWidget(self.tour_label)
        layout.addStretch(1)


class Beeper:
    """A short alarm tone through QSoundEffect when there is an audio device, else the system beep."""

    def __init__(self) -> None:
        self.played = 0
        self._effect: Any = None
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if QMediaDevices.audioOutputs():
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(_tone_file())))
                self._effect = effect
        except (ImportError, OSError):  # no multimedia backend (e.g. no PulseAudio library on a server)
            log.info("no sound device: the wall uses the system beep")

    def play(self) -> None:
        self.played += 1
        if self._effect is not None:
            self._effect.play()
        else:
            QApplication.beep()


def _tone_file() -> Path:
    """Two short beeps at 880 Hz as a WAV in the temp folder (no binary asset to ship)."""
    path = Path(tempfile.gettempdir()) / "digital-sandbox-alarm.wav"
    if not path.exists():
        import math

        rate = 22_050
        samples = [
            int(12_000 * math.sin(2 * math.pi * 880 * i / rate)) if (i // (rate // 5)) % 2 == 0 else 0
            for i in range(rate)
        ]
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path


class WallDirector(QObject):
    """Focus on new high alerts, then a slow tour; owns the wall's timers."""

    def __init__(self, window: MainWindow, overlay: WallOverlay) -> None:
        super().__init__(window)
        self.window = window
        self.overlay = overlay
        self.queue = FocusQueue()
        self.beeper = Beeper()
        self.stops: list[TourStop] = tour_stops(window.scene.district)
        self.stop_index = -1
        self.focused: Alert | None = None
        self.hold = QTimer(self)
        self.hold.setSingleShot(True)
        self.hold.setInterval(FOCUS_HOLD_MS)
        self.hold.timeout.connect(self.next)
        self.tour = QTimer(self)
        self.tour.setInterval(TOUR_STEP_MS)
        self.tour.timeout.connect(self.tour_step)
        self.tour.start()

    def set_district(self) -> None:
        self.stops = tour_stops(self.window.scene.district)
        self.stop_index = -1

    def offer(self, alerts: list[Alert]) -> None:
        """Changed alerts from the live feed; new high ones queue up and the first takes focus at once, and
        a more severe one takes it from whatever is on screen."""
        if not self.queue.offer(alerts):
            return
        if self.focused is None:
            self.next()
        elif self.queue.outranks(self.focused):
            self.queue.put_back(self.focused)
            self.next()

    def next(self) -> None:
        """Focus the next waiting alert, or go back to the tour."""
        alert = self.queue.take()
        while alert is not None and alert.id not in self.window.alerts_panel.alerts:
            alert = self.queue.take()  # handled (or dismissed) while it waited
        if alert is None:
            self.release()
            return
        self.focus(alert)

    def focus(self, alert: Alert) -> None:
        self.focused = alert
        self.tour.stop()
        window = self.window
        window.centre_on_alert(alert.id, FOCUS_HALF_M)
        window.request_fly_to(alert.id)
        panel = window.alerts_panel
        self.overlay.banner.setText(
            f"{panel.severity_text(alert.severity)} · {panel.rule_text(alert.rule)}\n{alert.subject}"
        )
        self.overlay.banner.show()
        camera = linked_camera(window.scene.district, alert, window.scene.guard_positions)
        if camera is not None:
            self.overlay.camera.show_camera(camera.id, camera.name, camera_stream(camera))
        else:
            self.overlay.camera.clear()
        self.beeper.play()
        self.hold.start()

    def release(self) -> None:
        self.focused = None
        self.overlay.banner.hide()
        self.overlay.camera.clear()
        if not self.tour.isActive():
            self.tour.start()
        self.tour_step()

    def tour_step(self) -> None:
        if self.focused is not None or not self.stops:
            return
        self.stop_index = (self.stop_index + 1) % len(self.stops)
        stop = self.stops[self.stop_index]
        self.window.frame_lonlat(stop.bounds)
        self.overlay.tour_label.setText(stop.name)

    def stop(self) -> None:
        self.hold.stop()
        self.tour.stop()
        self.overlay.camera.clear()  # the video's decoder thread ends with the wall
