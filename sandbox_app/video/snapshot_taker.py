"""Snapshots in the live session: a new alert on (or in view of) a camera gets that camera's picture.

The engine thread only notices new alerts (`offer`, a `StateDelta` subscriber: cheap, no I/O). Opening a
stream and waiting for a frame can take seconds, so it runs on the taker's own thread; the stored path is
then handed back to the engine thread (`apply`, through `LiveSession.submit`), which writes it into the
open alert's data so the next batch persists it and publishes the alert as changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.model import District
from sandbox_app.video.cameras import Camera, cameras
from sandbox_app.video.snapshots import DEFAULT_RADIUS_M, SnapshotStore, attach_snapshot, cameras_covering

log = logging.getLogger(__name__)

FRAME_WAIT_S = 5.0
"""How long a stream may take to give its first frame before the alert goes without a snapshot."""
Grab = Callable[[str], NDArray[np.uint8] | None]
"""Stream URL → one current frame (BGR) or None."""


def grab_frame(url: str, wait_s: float = FRAME_WAIT_S) -> NDArray[np.uint8] | None:
    """Open the stream, take its first decoded frame, close it (snapshots are rare: no stream stays open)."""
    from sandbox_app.video.source import FrameSource  # OpenCV with the first snapshot, not at start

    with FrameSource(url, realtime=False) as source:
        frame = source.wait(wait_s)
    return None if frame is None else frame.image


class SnapshotTaker:
    """Takes one snapshot per new alert whose subject is a camera with a stream, or which lies within
    `radius_m` of a streaming camera facing it; `done(alert_id, data)` gets the alert data to merge."""

    def __init__(
        self,
        district: District,
        root: Path,
        done: Callable[[str, dict[str, str]], object],
        radius_m: float = DEFAULT_RADIUS_M,
        grab: Grab = grab_frame,
    ) -> None:
        self.store = SnapshotStore(root)
        self.cams = [c for c in cameras(district) if c.stream]
        self._by_id = {c.id: c for c in self.cams}
        self.radius_m = radius_m
        self._done = done
        self._grab = grab
        self._seen: set[str] = set()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="snapshots")
        self.pending: list[Future[str | None]] = []

    def ignore(self, alert_ids: Iterable[str]) -> None:
        """Alerts already open when the session starts: not new, no snapshot for them."""
        self._seen.update(alert_ids)

    def wants(self, alert: Alert) -> bool:
        """A new, open alert with no picture yet, on or in view of a streaming camera (asked once per alert:
        its place does not change)."""
        if alert.state is not AlertState.OPEN or alert.id in self._seen or "snapshot" in alert.data:
            return False
        self._seen.add(alert.id)
        return bool(self._candidates(alert))

    def _candidates(self, alert: Alert) -> list[Camera]:
        found: list[Camera] = []
        if alert.subject_type == "device" and alert.subject in self._by_id:
            found.append(self._by_id[alert.subject])
        if alert.lon is not None and alert.lat is not None:
            found += cameras_covering(alert.lon, alert.lat, self.cams, self.radius_m)
        return found

    def offer(self, alerts: Iterable[Alert]) -> None:
        """Called on the engine thread with changed alerts: queue the new ones that want a picture."""
        if not self.cams:
            return
        for alert in alerts:
            if self.wants(alert):
                # A copy: the engine's alert is only ever touched on its own thread.
                copy = replace(alert, data=dict(alert.data), history=list(alert.history))
                self.pending.append(self._pool.submit(self._take, copy))
        self.pending = [f for f in self.pending if not f.done()]

    def _take(self, alert: Alert) -> str | None:
        try:
            urls = {c.id: c.stream for c in self._candidates(alert) if c.stream}

            def latest(cam_id: str) -> NDArray[np.uint8] | None:
                url = urls.get(cam_id)
                return None if url is None else self._grab(url)

            path = attach_snapshot(alert, self.store, self.cams, latest, radius_m=self.radius_m)
        except Exception:  # a broken stream must not take the session down; the alert just has no picture
            log.exception("snapshot for alert %s failed", alert.id)
            return None
        if path is not None:
            self._done(alert.id, {"snapshot": path, "snapshot_camera": str(alert.data["snapshot_camera"])})
        return path

    def close(self, wait: bool = True) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=True)


def apply_snapshot(
    open_alerts: Callable[[str], Alert | None], alert_id: str, data: dict[str, str]
) -> Alert | None:
    """On the engine thread: merge the snapshot into the open alert (a new dict, never mutated in place, so
    a store write serialising the old one is not disturbed); None when the alert is closed by now."""
    alert = open_alerts(alert_id)
    if alert is None:
        return None
    alert.data = {**alert.data, **data}
    return alert
