"""Alert-linked recording on vtest.avi: ten seconds before the alert to thirty after, written once the
window is complete, hashed, audited and listed in the alert's data."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from sandbox_app.privacy.audit import AuditLog
from sandbox_app.video.clips import CLIP_ACTION, ClipBuffer, attach_clip, audit_clip, sha256_of
from tests.replay import sample

T0 = 1_714_550_400_000


def test_clip_around_an_alert_on_vtest(shared_data: Path, tmp_path: Path) -> None:
    video = shared_data / "video" / "vtest.avi"
    if not video.is_file():
        pytest.skip("vtest.avi is not in ../shared/data/video")
    cap = cv2.VideoCapture(str(video))
    fps = cap.get(cv2.CAP_PROP_FPS) or 10.0
    buffer = ClipBuffer("CAM-1", tmp_path / "evidence", pre_s=10, post_s=30)
    at = T0 + 20_000  # the alert, 20 s into the video
    clips = []
    i = 0
    while True:
        ok, image = cap.read()
        if not ok:
            break
        ts = T0 + round(i * 1000 / fps)
        if ts == T0 + 15_000:
            buffer.trigger(
                "perimeter_breach:ab12:1714550420000", at
            )  # raised a little late: still 10 s before
        clips += buffer.push(ts, image)
        assert not buffer.frames or buffer.frames[0][0] >= min(ts, at) - 10_000 - 1000 / fps  # bounded
        i += 1
    cap.release()
    clips += buffer.flush()
    (clip,) = clips
    assert (clip.start_ts, clip.end_ts) == (at - 10_000, at + 30_000)
    assert clip.frames == round(40 * fps) + 1
    path = Path(clip.path)
    assert path.parent == tmp_path / "evidence" / "CAM-1" and ":" not in path.name
    check = cv2.VideoCapture(str(path))
    assert int(check.get(cv2.CAP_PROP_FRAME_COUNT)) == clip.frames
    check.release()
    assert clip.sha256 == sha256_of(path)

    db = sample.build(tmp_path / "a.db")
    with AuditLog.open(db) as log:
        audit_clip(log, clip)
        (entry,) = log.entries(CLIP_ACTION)
        assert entry.target == f"alert:{clip.alert_id}" and clip.sha256 in str(entry.detail)
        assert log.verify() is None
    alert = sample.alert()
    attach_clip(alert, clip)
    attach_clip(alert, clip)  # once
    assert alert.data["clips"] == [clip.to_json()]
