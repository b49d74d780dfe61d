"""The frame source on the real pedestrian video, its drop-don't-lag behaviour, the camera view widget's
pixels, and alert snapshots."""

from __future__ import annotations

import os
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.video.cameras import Camera, offset_lonlat
from sandbox_app.video.snapshots import SnapshotStore, attach_snapshot, cameras_covering
from sandbox_app.video.source import FrameSource
from tests.support import wait_until

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="module")
def vtest(shared_data: Path) -> str:
    path = shared_data / "video" / "vtest.avi"
    if not cv2.VideoCapture(str(path)).isOpened():
        pytest.skip("this OpenCV build cannot decode vtest.avi")
    return str(path)


def test_frames_arrive_in_order(vtest: str) -> None:
    with FrameSource(vtest, realtime=False) as src:
        seen = []
        while len(seen) < 20:
            frame = src.wait(5.0)
            assert frame is not None
            seen.append(frame.index)
            assert frame.image.shape == (576, 768, 3) and frame.image.dtype == np.uint8
    assert seen == sorted(seen) and len(set(seen)) == 20
    assert src.delivered == 20 and src.decoded >= 20


def test_slow_consumer_gets_latest_and_frames_are_dropped(vtest: str) -> None:
    with FrameSource(vtest, realtime=False) as src:
        indices = []
        for _ in range(5):
            time.sleep(0.05)  # a consumer far slower than the decoder
            frame = src.wait(5.0)
            assert frame is not None
            indices.append(frame.index)
        assert src.dropped > 0
        assert max(np.diff(indices)) > 1  # it skipped ahead instead of queueing
    # every decoded frame was either handed out or dropped (the last one may still be waiting)
    assert src.decoded - src.dropped - src.delivered in (0, 1)


def test_file_end_and_realtime_pacing(vtest: str) -> None:
    start = time.monotonic()
    with FrameSource(vtest, realtime=True) as src:
        wait_until(lambda: src.decoded >= 4, 10, "four decoded frames")
        took = time.monotonic() - start
    # 10 fps file, paced: four frames take at least 0.3 s (unpaced they take milliseconds); a loaded
    # machine only makes this longer, so the bound cannot flake
    assert took >= 0.25
    assert 5.0 < src.fps < 20.0


def test_unopenable_stream_reports_error() -> None:
    with FrameSource("rtsp://127.0.0.1:9/none", reopen_s=0.05) as src:
        wait_until(lambda: src.error, 10, "the open error")
        assert src.error.startswith("cannot open")
        assert src.latest() is None


@pytest.mark.gui
def test_camera_view_shows_changing_frames(vtest: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    from widgets.camera_view import CameraView

    with FrameSource(vtest, realtime=False) as src:
        view = CameraView(src, "vtest")
        qtbot.addWidget(view)
        view.resize(384, 288)
        view.show()
        grabs = []
        for _ in range(2):
            qtbot.waitUntil(view.poll, timeout=5000)
            before = src.decoded  # then let the decoder move on by a few frames
            qtbot.waitUntil(lambda n=before: src.decoded >= n + 3, timeout=5000)
            grabs.append(view.grab().toImage())
        arrays = []
        for img in grabs:
            img = img.convertToFormat(img.Format.Format_RGB888)
            ptr = img.constBits()
            arr = np.frombuffer(ptr, np.uint8, img.sizeInBytes()).reshape(img.height(), img.bytesPerLine())
            arrays.append(arr[:, : img.width() * 3].reshape(img.height(), img.width(), 3).astype(int))
        first, second = arrays
        assert first.std() > 20  # a real picture, not a blank or a single colour
        assert first[first.shape[0] // 2].mean() > 30  # the middle row is lit (video, not the black border)
        assert np.abs(first - second).mean() > 0.5  # the people moved between the two frames
        assert view.frames_shown >= 2
        view.close()


def _alert(lon: float | None, lat: float | None, subject: str = "Z1", subject_type: str = "zone") -> Alert:
    return Alert(
        "A-1", "perimeter", subject, subject_type, Severity.HIGH, AlertState.OPEN, 0, 0, lon=lon, lat=lat
    )


def test_alert_snapshot_from_the_camera_facing_it(tmp_path: Path) -> None:
    east = Camera("CAM-E", 119.3, 26.08, 90.0, 60.0, 40.0, 4.0, None)  # looks east
    west = Camera("CAM-W", 119.3, 26.08, 270.0, 60.0, 40.0, 4.0, None)
    far = Camera("CAM-F", *offset_lonlat(119.3, 26.08, 500.0, 0.0), 270.0, 60.0, 400.0, 4.0, None)
    spot = offset_lonlat(119.3, 26.08, 20.0, 1.0)
    assert [c.id for c in cameras_covering(*spot, [west, far, east], radius_m=50.0)] == ["CAM-E"]
    frames = {"CAM-E": np.full((48, 64, 3), (0, 0, 255), np.uint8), "CAM-W": np.zeros((48, 64, 3), np.uint8)}
    store = SnapshotStore(tmp_path / "snaps")
    alert = _alert(*spot)
    path = attach_snapshot(alert, store, [west, far, east], frames.get)
    assert path == str(tmp_path / "snaps" / "A-1.jpg") and alert.data["snapshot"] == path
    assert alert.data["snapshot_camera"] == "CAM-E"
    saved = cv2.imread(path)
    assert saved is not None and saved.shape == (48, 64, 3) and saved[..., 2].mean() > 200  # the red frame

    nowhere = _alert(*offset_lonlat(119.3, 26.08, 0.0, -300.0))
    assert (
        attach_snapshot(nowhere, store, [west, east], frames.get) is None and "snapshot" not in nowhere.data
    )

    own = _alert(None, None, subject="CAM-W", subject_type="device")  # the camera's own alarm, no position
    attach_snapshot(own, store, [west, east], frames.get)
    assert own.data["snapshot_camera"] == "CAM-W"

    isapi = Alert("x/../../etc", "perimeter", "CAM-E", "device", Severity.HIGH, AlertState.OPEN, 0, 0)
    path = attach_snapshot(isapi, store, [east], frames.get, attached_jpeg=b"\xff\xd8jpeg\xff\xd9")
    assert (
        Path(path or "").parent == tmp_path / "snaps"
        and Path(path or "").read_bytes() == b"\xff\xd8jpeg\xff\xd9"
    )


def test_alert_snapshot_from_a_live_source(vtest: str, tmp_path: Path) -> None:
    cam = Camera("CAM-V", 119.3, 26.08, 0.0, 90.0, 30.0, 4.0, vtest)
    with FrameSource(vtest, realtime=False) as src:
        assert src.wait(5.0) is not None

        def latest(cam_id: str) -> np.ndarray | None:
            frame = src.latest() if cam_id == "CAM-V" else None
            return None if frame is None else frame.image

        alert = _alert(*offset_lonlat(119.3, 26.08, 2.0, 10.0))
        path = attach_snapshot(alert, SnapshotStore(tmp_path), [cam], latest)
    assert path is not None
    image = cv2.imread(path)
    assert image.shape == (576, 768, 3) and image.std() > 20
