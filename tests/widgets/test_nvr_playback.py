"""Issue 19 §4: recorded video on the camera's NVR, in the window. Opening a case file searches the NVR of
each camera covering the incident (ISAPI ContentMgmt/search, against the responder of tests/video/test_nvr)
for the case window; the case dialog lists the recordings, "Play recording" opens a viewer on the RTSP
playback address with the time range (here routed to vtest.avi, as a station might route RTSP through its
proxy), and the case report links the address."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.replay import sample
from tests.video.test_nvr import nvr  # noqa: F401  (the ISAPI responder fixture)
from tests.widgets.test_replay_controller import _open, db, english  # noqa: F401  (fixtures)
from widgets.case_report import case_report

pytestmark = pytest.mark.gui


def test_case_recordings_listed_played_and_linked(
    qtbot: QtBot,
    db: Path,  # noqa: F811
    nvr: str,  # noqa: F811
    shared_data: Path,
    english: None,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    video = shared_data / "video" / "vtest.avi"
    if not video.is_file():
        pytest.skip("vtest.avi is not in ../shared/data/video")
    monkeypatch.setenv("SANDBOX_NVR_USER", "admin")
    monkeypatch.setenv("SANDBOX_NVR_PASSWORD", "secret")
    window, replay, _ = _open(qtbot, db)
    camera = window.scene.district.devices["D4"]
    camera.extra.update({"fov": 360, "range_m": 300, "nvr": nvr, "nvr_channel": 1})
    played: list[str] = []

    def to_file(url: str) -> str:
        played.append(url)
        return str(video)

    replay.playback_source = to_file
    case = replay.open_case(sample.ALERT_ID)
    assert case is not None and replay.case_dialog is not None
    dialog = replay.case_dialog
    qtbot.waitUntil(lambda: dialog.recordings.count() == 2, timeout=15_000)
    assert dialog.recordings_label.isVisible() and dialog.play_button.isEnabled()
    assert dialog.recordings_label.text() == "Recorded video on the NVRs: 2"
    assert dialog.recordings.item(0).text().startswith(f"{camera.name}: 2024-05-01 ")
    assert [r.camera for r in case.recordings] == ["D4", "D4"]

    dialog.play_button.click()
    assert played and played[0].startswith("rtsp://127.0.0.1:554/Streaming/tracks/101?starttime=")
    assert "&endtime=" in played[0]
    view = replay.playback_views[0]
    assert view.windowTitle().startswith(f"{camera.name} · recording 2024-05-01 ")
    qtbot.waitUntil(lambda: view.frames_shown > 0, timeout=15_000)
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    pixels = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    assert pixels.std() > 10, "a picture, not the black 'connecting' screen"
    view.close()
    qtbot.waitUntil(lambda: not replay.playback_views)

    linked = [v for k, v in case_report(window.scene.district, case).facts if k == "Recorded on the NVR"]
    assert len(linked) == 2 and linked[0].endswith(case.recordings[0].playback)
    replay.stop()
