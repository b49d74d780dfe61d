"""The alerts panel shows the selected alert's camera snapshot as a thumbnail (and nothing without one)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from widgets.alerts_panel import SNAPSHOT_PX, AlertsPanel

pytestmark = pytest.mark.gui
T0 = 1_700_000_000_000


def test_selected_alert_with_a_snapshot_shows_its_thumbnail(qtbot: QtBot, tmp_path: Path) -> None:
    picture = np.zeros((360, 640, 3), np.uint8)
    picture[:, :] = (0, 0, 220)  # BGR: red
    path = tmp_path / "A1.jpg"
    assert cv2.imwrite(str(path), picture)
    with_shot = Alert("A1", "perimeter_breach", "CAM1", "device", Severity.HIGH, AlertState.OPEN, T0, T0 + 2)
    with_shot.data.update({"snapshot": str(path), "snapshot_camera": "CAM1"})
    without = Alert("A2", "gas_alarm", "R1", "room", Severity.HIGH, AlertState.OPEN, T0, T0 + 1)
    panel = AlertsPanel("Asia/Shanghai")
    qtbot.addWidget(panel)
    panel.update_alerts([with_shot, without])
    panel.show()
    panel.select("A1")
    pixmap = panel.snapshot.pixmap()
    assert not panel.snapshot.isHidden() and not pixmap.isNull()
    assert pixmap.width() <= SNAPSHOT_PX[0] and pixmap.height() <= SNAPSHOT_PX[1]
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB888)
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.red() > 180 and centre.green() < 60 and centre.blue() < 60
    panel.select("A2")
    assert panel.snapshot.isHidden()


def test_selected_alert_lists_its_recorded_clips(qtbot: QtBot) -> None:
    clip = {"camera": "CAM1", "path": "/ev/CAM1/A1_1700000000000.mp4", "sha256": "ab" * 32}
    recorded = Alert("A1", "perimeter_breach", "CAM1", "device", Severity.HIGH, AlertState.OPEN, T0, T0 + 2)
    recorded.data["clips"] = [clip]
    other = Alert("A2", "gas_alarm", "R1", "room", Severity.HIGH, AlertState.OPEN, T0, T0 + 1)
    panel = AlertsPanel("Asia/Shanghai")
    qtbot.addWidget(panel)
    panel.update_alerts([recorded, other])
    panel.show()
    panel.select("A1")
    assert not panel.clips.isHidden() and "CAM1 · A1_1700000000000.mp4" in panel.clips.text()
    assert "ab" * 32 in panel.clips.toolTip()
    panel.select("A2")
    assert panel.clips.isHidden()
