"""Live video of a camera: the wall's tile for an alarm's linked camera (within 5 s, the local standard) and
the view a click on a camera opens on the desk. The demo cameras have no stream, so one is given the sample
clip from ../shared/data/video (skipped when absent)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.data.resources import demo_package
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from sandbox_app.station.wall import CAMERA_KINDS
from tests.support import committed_demo
from widgets.camera_view import CameraView
from widgets.main_window import MainWindow

pytestmark = pytest.mark.gui
CLIP = Path(__file__).resolve().parents[3] / "shared" / "data" / "video" / "vtest.avi"
POP_UP_MS = 5_000
"""The linked camera of an alarmed zone must be on screen within 5 s."""


@pytest.fixture()
def demo() -> District:
    committed_demo()
    from sandbox_app.data.package import load_package

    return load_package(demo_package())


def _cameras(district: District) -> list[str]:
    return sorted(d.id for d in district.devices.values() if d.kind in CAMERA_KINDS and d.kind == "camera")


def _with_stream(district: District, device_id: str, url: str, field: str = "stream") -> None:
    device = district.devices[device_id]
    district.devices[device_id] = dataclasses.replace(device, extra={**device.extra, field: url})


def _shows_video(view: CameraView) -> bool:
    """Frames painted, and the picture is not a flat fill (the "connecting" card is black with text)."""
    if view.frames_shown == 0:
        return False
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    pixels = arr[:, : image.width() * 3].reshape(image.height(), image.width(), 3)
    h, w = image.height(), image.width()
    middle = pixels[h // 4 : 3 * h // 4, w // 4 : 3 * w // 4]
    return float(middle.std()) > 20.0 and float(middle.mean()) > 30.0


def _window(qtbot: QtBot, district: District, wall: bool) -> MainWindow:
    window = MainWindow(Scene(district), wall=wall)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def _alarm(subject: str, kind: str = "device") -> Alert:
    return Alert("CAM1", "perimeter", subject, kind, Severity.HIGH, AlertState.OPEN, 0, 0)


def test_wall_pops_up_the_linked_cameras_video_within_5_s(qtbot: QtBot, demo: District) -> None:
    if not CLIP.is_file():
        pytest.skip(f"{CLIP} is not present")
    camera = _cameras(demo)[0]
    _with_stream(demo, camera, str(CLIP))
    window = _window(qtbot, demo, wall=True)
    assert window.wall is not None
    tile = window.wall_overlay.camera
    window.update_alerts([_alarm(camera)])
    assert tile.isVisible() and tile.camera_id == camera and tile.video is not None
    video = tile.video
    qtbot.waitUntil(lambda: _shows_video(video), timeout=POP_UP_MS)
    assert not tile.label.isVisible()
    window.wall.release()  # back to the tour: the video (and its decoder thread) goes
    assert tile.video is None and not tile.isVisible()
    qtbot.waitUntil(lambda: video.source._thread is None, timeout=2_000)
    window.close()


def test_wall_without_a_stream_shows_no_tile_but_names_the_camera(qtbot: QtBot, demo: District) -> None:
    camera = _cameras(demo)[0]
    window = _window(qtbot, demo, wall=True)
    tile = window.wall_overlay.camera
    window.update_alerts([_alarm(camera)])
    assert not tile.isVisible() and tile.video is None  # an empty black box would only take room
    card = window.wall_overlay.focus_camera
    assert card.isVisible() and (demo.devices[camera].name or camera) in card.text()
    window.close()


def test_clicking_a_camera_with_a_stream_opens_its_live_view(qtbot: QtBot, demo: District) -> None:
    if not CLIP.is_file():
        pytest.skip(f"{CLIP} is not present")
    with_stream, without = _cameras(demo)[:2]
    _with_stream(demo, with_stream, str(CLIP), field="url")
    window = _window(qtbot, demo, wall=False)
    window.map2d.picked.emit("device", without)
    assert without not in window.camera_views  # no stream: only the detail view
    window.map2d.picked.emit("device", with_stream)
    view = window.camera_views[with_stream]
    assert view.isWindow() and view.isVisible()
    qtbot.waitUntil(lambda: _shows_video(view), timeout=POP_UP_MS)
    view.close()
    QApplication.processEvents()
    assert with_stream not in window.camera_views and view.source._thread is None
    window.close()
