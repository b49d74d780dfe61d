"""Alert-linked recording on vtest.avi: ten seconds before the alert to thirty after, written once the
window is complete, hashed, audited and listed in the alert's data."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import cv2
import numpy as np
import pytest

from sandbox_app.domain.model import District
from sandbox_app.privacy.audit import AuditLog
from sandbox_app.video.clips import CLIP_ACTION, Clip, ClipBuffer, attach_clip, audit_clip, sha256_of
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
        clips += buffer.push(ts, np.asarray(image, dtype=np.uint8))
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
        audit_clip(log.record, clip)
        (entry,) = log.entries(CLIP_ACTION)
        assert entry.target == f"alert:{clip.alert_id}" and clip.sha256 in str(entry.detail)
        assert log.verify() is None
    alert = sample.alert()
    attach_clip(alert, clip)
    attach_clip(alert, clip)  # once
    assert alert.data["clips"] == [clip.to_json()]


def test_recorder_records_new_alerts_on_or_in_view_of_a_streaming_camera(
    shared_data: Path, tmp_path: Path
) -> None:
    from dataclasses import replace

    from sandbox_app.domain.enums import AlertState
    from sandbox_app.video.recorder import ClipRecorder, merge_clip
    from tests.video.test_snapshot_taker import _demo_with_stream

    video = shared_data / "video" / "vtest.avi"
    district, cam = _demo_with_stream(str(video))
    done: list[tuple[str, Clip]] = []
    db = sample.build(tmp_path / "a.db")
    with AuditLog.open(db) as log:
        rec = ClipRecorder(
            cast(District, district), tmp_path / "ev", lambda: 0, lambda a, c: done.append((a, c)),
            audit=log.record, pre_s=2, post_s=3,
        )  # fmt: skip
        assert [c.id for c in rec.cams] == [cam]
        on_cam = replace(sample.alert(), id="A-cam", subject=cam, subject_type="device",
                         state=AlertState.OPEN, first_ts=T0 + 5_000, lon=None, lat=None)  # fmt: skip
        closed = replace(on_cam, id="A-closed", state=AlertState.CLOSED)
        elsewhere = replace(on_cam, id="A-far", subject="nowhere")
        rec.offer([on_cam, closed, elsewhere])
        rec.offer([on_cam])  # once
        cap = cv2.VideoCapture(str(video))
        for i in range(120):
            ok, image = cap.read()
            assert ok
            rec.push(cam, T0 + i * 100, image)
        cap.release()
        rec.close()
        ((alert_id, clip),) = done
        assert (alert_id, clip.start_ts, clip.end_ts) == ("A-cam", T0 + 3_000, T0 + 8_000)
        (entry,) = log.entries(CLIP_ACTION)
        assert clip.sha256 in str(entry.detail)
    merged = merge_clip({"A-cam": on_cam}.get, "A-cam", clip)
    assert merged is on_cam and on_cam.data["clips"][0]["sha256"] == clip.sha256
    assert merge_clip(lambda a: None, "A-cam", clip) is None


def test_live_session_records_a_clip_for_a_breach_on_a_streaming_camera(
    shared_data: Path, tmp_path: Path
) -> None:
    import threading
    from dataclasses import replace

    from sandbox_app.domain.alerts import Alert
    from sandbox_app.domain.events import Event
    from sandbox_app.engine.messages import StateDelta
    from sandbox_app.engine.pipeline import Engine
    from sandbox_app.station.live import LiveSession
    from sandbox_app.store.sqlite import SqliteStore
    from tests.video.test_snapshot_taker import FAST, _demo_with_stream

    district, cam = _demo_with_stream(str(shared_data / "video" / "vtest.avi"))
    audited: list[tuple[str, str, str, dict[str, object]]] = []
    options = replace(FAST, clips=tmp_path / "evidence")
    live = LiveSession(
        cast(District, district), lambda: SqliteStore(tmp_path / "live.db"), options,
        audit=lambda *a: audited.append(a),
    )  # fmt: skip
    got: list[Alert] = []
    done = threading.Event()

    def watch(delta: StateDelta) -> None:
        for alert in delta.alerts:
            if alert.subject == cam and alert.data.get("clips"):
                got.append(alert)
                done.set()

    live.bus.subscribe(StateDelta, watch)
    live.start()
    try:

        def breach(engine: Engine) -> object:
            event = Event(
                "clip-breach", engine.now_ms(), cam, "perimeter.breach", None, None, {"armed": True}
            )
            return engine.ingest([event])

        live.submit(breach).result(timeout=30)
        assert done.wait(60), "no clip reached the alert"
    finally:
        live.stop()
    (clip,) = got[-1].data["clips"]
    path = Path(clip["path"])
    assert (
        path.is_file() and path.parent.parent == tmp_path / "evidence" and clip["sha256"] == sha256_of(path)
    )
    assert [a for a in audited if a[1] == CLIP_ACTION and a[3]["sha256"] == clip["sha256"]]
