"""Snapshots in the live session: a breach on a streaming camera gets that camera's picture, on disk and
in the alert's data (taken off the engine thread, merged back on it)."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest

from sandbox_app.data.resources import demo_package
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.engine.messages import StateDelta
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.live import LiveOptions, LiveSession
from sandbox_app.store.sqlite import SqliteStore
from sandbox_app.video.cameras import cameras
from sandbox_app.video.snapshot_taker import SnapshotTaker
from sandbox_app.video.snapshots import SnapshotStore
from tests.support import committed_demo

VIDEO = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "video" / "vtest.avi"
FAST = LiveOptions(speed=3600.0, history_days=0, tick_s=0.05, risk_every_s=0.1)


def _demo_with_stream(url: str) -> tuple[object, str]:
    committed_demo()
    from sandbox_app.data.package import load_package

    district = load_package(demo_package())
    cam = cameras(district)[0].id
    district.devices[cam].extra["stream"] = url
    return district, cam


@pytest.mark.skipif(not VIDEO.is_file(), reason="shared data (vtest.avi) is not present")
def test_breach_on_a_streaming_camera_gets_a_snapshot_file_and_path(tmp_path: Path) -> None:
    district, cam = _demo_with_stream(str(VIDEO))
    options = replace(FAST, snapshots=tmp_path / "snapshots")
    live = LiveSession(district, lambda: SqliteStore(tmp_path / "live.db"), options)  # type: ignore[arg-type]
    got: list[Alert] = []
    done = threading.Event()

    def watch(delta: StateDelta) -> None:
        for alert in delta.alerts:
            # the breach's alert: at 3,600x the camera's own device_offline alert may come first
            if alert.subject == cam and alert.rule == "perimeter_breach" and "snapshot" in alert.data:
                got.append(alert)
                done.set()

    live.bus.subscribe(StateDelta, watch)
    live.start()
    try:

        def breach(engine: Engine) -> object:
            event = Event(
                "test-breach-cam", engine.now_ms(), cam, "perimeter.breach", None, None, {"armed": True}
            )
            return engine.ingest([event])

        live.submit(breach).result(timeout=30)
        assert done.wait(30), "no snapshot reached the alert"
    finally:
        live.stop()
    alert = got[-1]
    assert alert.rule == "perimeter_breach" and alert.data["snapshot_camera"] == cam
    path = Path(alert.data["snapshot"])
    assert path == SnapshotStore(tmp_path / "snapshots").path_for(alert.id)
    image = cv2.imread(str(path))
    assert image is not None and image.ndim == 3 and image.shape[0] > 100
    assert float(image.std()) > 10.0, "the snapshot is blank"
    # persisted: the store has the path too
    store = SqliteStore(tmp_path / "live.db")
    stored = {a.id: a for a in store.alerts()}
    store.close()
    assert stored[alert.id].data.get("snapshot") == str(path)


def test_only_new_alerts_on_or_in_view_of_a_streaming_camera_are_taken(tmp_path: Path) -> None:
    district, cam = _demo_with_stream("file:///nonexistent.avi")
    frame = np.full((48, 64, 3), 200, np.uint8)
    grabbed: list[str] = []
    results: list[tuple[str, dict[str, str]]] = []

    def grab(url: str) -> np.ndarray:
        grabbed.append(url)
        return frame

    taker = SnapshotTaker(district, tmp_path, lambda a, d: results.append((a, d)), grab=grab)  # type: ignore[arg-type]
    c = next(x for x in taker.cams if x.id == cam)
    other = Alert(
        "A-far", "fire", "B-x", "building", Severity.HIGH, AlertState.OPEN, 0, 0, lon=c.lon + 1.0, lat=c.lat
    )
    on_cam = Alert("A-cam", "perimeter_breach", cam, "device", Severity.HIGH, AlertState.OPEN, 0, 0)
    old = replace(on_cam, id="A-old")
    closed = replace(on_cam, id="A-closed", state=AlertState.CLOSED)
    taker.ignore(["A-old"])
    taker.offer([other, on_cam, old, closed, on_cam])
    for future in list(taker.pending):
        future.result(timeout=10)
    taker.close()
    assert [a for a, _ in results] == ["A-cam"] and grabbed == ["file:///nonexistent.avi"]
    assert cv2.imread(results[0][1]["snapshot"]) is not None
