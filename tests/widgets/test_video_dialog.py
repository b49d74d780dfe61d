"""Exports you can trust: the video dialog says start, end, speed, video length and size before anything
is written, and refuses an empty or absurd range; the CLI prints the same plan and a progress line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from cli import main
from sandbox_app.replay.player import VideoPlan, frame_times
from tests.replay import sample
from tests.replay.sample import T0, S
from widgets.video_dialog import VideoDialog, default_window

HOUR = 3_600_000
DAY = 24 * HOUR


def test_plan_counts_the_frames_the_export_writes() -> None:
    plan = VideoPlan(T0, T0 + HOUR, 30.0, 60.0, (1280, 720))
    assert plan.frames == len(frame_times(T0, T0 + HOUR, 30.0, 60.0)) == 1801
    assert plan.duration_s == pytest.approx(60.03, abs=0.01)  # an hour at 60×: a minute of video
    assert 1e6 < plan.estimated_bytes < 2e7
    assert VideoPlan(T0, T0 + 30 * DAY, 30.0, 60.0, (1280, 720)).duration_s > 12 * 3600


def test_default_window_is_never_thirty_days() -> None:
    history = (T0, T0 + 30 * DAY)
    assert default_window(T0, T0 + HOUR, T0, history) == (T0, T0 + HOUR)  # short: as shown
    start, end = default_window(T0, T0 + 30 * DAY, T0 + 10 * DAY, history)
    assert end - start == HOUR // 2 and start <= T0 + 10 * DAY <= end
    assert default_window(T0, T0 + 30 * DAY, T0, history) == (T0, T0 + HOUR // 2)  # kept inside


def test_dialog_shows_length_and_size_and_refuses_bad_ranges(qtbot: QtBot) -> None:
    dialog = VideoDialog("Asia/Shanghai", (T0, T0 + HOUR), 60, (T0, T0 + 30 * DAY))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    text = dialog.summary.text()
    assert "05-01 16:00:00" in text and "05-01 17:00:00" in text and "60×" in text
    assert "1 min 0 s" in text and "1801" in text and "MB" in text and ok.isEnabled()
    dialog.speed_box.setCurrentIndex(dialog.speed_box.findData(600))
    assert "0 min 6 s" in dialog.summary.text()
    assert dialog.plan().speed == 600.0
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime())
    assert not ok.isEnabled() and "after the start" in dialog.summary.text()
    dialog.end_edit.setDateTime(dialog.start_edit.dateTime().addDays(29))
    dialog.speed_box.setCurrentIndex(dialog.speed_box.findData(1))
    assert not ok.isEnabled() and "Too long" in dialog.summary.text()


def test_cli_prints_the_plan_and_progress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = sample.build(tmp_path / "v.db")
    mp4 = tmp_path / "v.mp4"
    argv = ["export", "--db", str(db), "--from", str(T0), "--to", str(T0 + 60 * S), "--mp4", str(mp4)]
    assert main([*argv, "--fps", "5", "--speed", "30", "--size", "160x120"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["frames"] == 11 and out["video_s"] == 2.2
    lines = captured.err.strip().splitlines()
    assert lines[0].startswith("export: 2024-05-01 16:00:00 to 2024-05-01 16:01:00 at 30x: 11 frames, 2.2 s")
    assert lines[-1] == "export: 11/11 frames (100%)"
    assert main([*argv, "--quiet"]) == 0 and capsys.readouterr().err == ""
