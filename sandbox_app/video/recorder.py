"""Alert-linked recording in the live session: every streaming camera keeps its last `pre_s` seconds, and
a new alert on or in view of one records a clip from `pre_s` before to `post_s` after it.

One thread per streaming camera reads its `FrameSource` (a file plays at its own rate, looping) and pushes
frames into a `ClipBuffer`, timed by the engine's clock (`now_ms`). The engine thread only calls `offer`
(cheap: it picks cameras and marks buffers). A finished clip is audited (`evidence.clip`, with its
SHA-256) and handed to `done(alert id, clip)`, which the session merges into the open alert's data
(`merge_clip`) so the alert card and the case report list it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.model import District
from sandbox_app.video.cameras import Camera, cameras
from sandbox_app.video.clips import POST_S, PRE_S, AuditFn, Clip, ClipBuffer, audit_clip
from sandbox_app.video.snapshots import DEFAULT_RADIUS_M, cameras_covering
from sandbox_app.video.source import Frame, FrameSource, is_file

log = logging.getLogger(__name__)


class Source(Protocol):
    def start(self) -> Any: ...

    def stop(self, timeout_s: float = 3.0) -> None: ...

    def wait(self, timeout_s: float) -> Frame | None: ...


def open_source(url: str) -> Source:
    return FrameSource(url, realtime=True if is_file(url) else None, loop=is_file(url))


class ClipRecorder:
    def __init__(
        self,
        district: District,
        root: Path,
        now_ms: Callable[[], int],
        done: Callable[[str, Clip], object],
        *,
        audit: AuditFn | None = None,
        pre_s: float = PRE_S,
        post_s: float = POST_S,
        radius_m: float = DEFAULT_RADIUS_M,
        source: Callable[[str], Source] = open_source,
    ) -> None:
        self.cams = [c for c in cameras(district) if c.stream]
        self.root = root
        self.now_ms = now_ms
        self.done = done
        self.audit = audit
        self.radius_m = radius_m
        self.buffers = {c.id: ClipBuffer(c.id, root, pre_s, post_s) for c in self.cams}
        self._by_id = {c.id: c for c in self.cams}
        self._source = source
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._seen: set[str] = set()

    def start(self) -> ClipRecorder:
        for cam in self.cams:
            t = threading.Thread(target=self._run, args=(cam,), name=f"clips-{cam.id}", daemon=True)
            t.start()
            self._threads.append(t)
        return self

    def ignore(self, alert_ids: Iterable[str]) -> None:
        """Alerts already open when the session starts: nothing to record for them."""
        self._seen.update(alert_ids)

    def candidates(self, alert: Alert) -> list[Camera]:
        found: list[Camera] = []
        if alert.subject_type == "device" and alert.subject in self._by_id:
            found.append(self._by_id[alert.subject])
        if alert.lon is not None and alert.lat is not None:
            found += [
                c for c in cameras_covering(alert.lon, alert.lat, self.cams, self.radius_m) if c not in found
            ]
        return found

    def offer(self, alerts: Iterable[Alert]) -> None:
        """On the engine thread, with changed alerts: a new open alert starts its clips (once)."""
        for alert in alerts:
            if alert.state is not AlertState.OPEN or alert.id in self._seen:
                continue
            self._seen.add(alert.id)
            with self._lock:
                for cam in self.candidates(alert):
                    self.buffers[cam.id].trigger(alert.id, alert.first_ts)

    def push(self, camera_id: str, ts: int, image: Any) -> None:
        """One frame of a camera (the reading threads call this; tests may too)."""
        with self._lock:
            clips = self.buffers[camera_id].push(ts, image)
        for clip in clips:
            self._finished(clip)

    def _finished(self, clip: Clip) -> None:
        try:
            if self.audit is not None:
                audit_clip(self.audit, clip)
            self.done(clip.alert_id, clip)
        except Exception:  # a failing sink must not stop the recording of other alerts
            log.exception("clip %s of alert %s not recorded", clip.path, clip.alert_id)

    def _run(self, cam: Camera) -> None:
        assert cam.stream is not None
        source = self._source(cam.stream)
        source.start()
        try:
            while not self._stop.is_set():
                frame = source.wait(1.0)
                if frame is None:
                    continue
                self.push(cam.id, self.now_ms(), frame.image)
        except Exception:
            log.exception("recording of camera %s stopped", cam.id)
        finally:
            source.stop()

    def close(self) -> None:
        """Stop reading and write what there is for alerts still waiting for their post-buffer."""
        self._stop.set()
        for t in self._threads:
            t.join(timeout=5.0)
        with self._lock:
            clips = [c for b in self.buffers.values() for c in b.flush()]
        for clip in clips:
            self._finished(clip)


def merge_clip(open_alerts: Callable[[str], Alert | None], alert_id: str, clip: Clip) -> Alert | None:
    """On the engine thread: the clip joins the alert's `data["clips"]` (a new dict and list, never mutated
    in place); None when the alert is no longer open (the audit log still holds the clip)."""
    alert = open_alerts(alert_id)
    if alert is None:
        return None
    old = alert.data.get("clips")
    clips = [c for c in old if isinstance(c, dict)] if isinstance(old, list) else []
    if all(c.get("path") != clip.path for c in clips):
        clips.append(clip.to_json())
    alert.data = {**alert.data, "clips": clips}
    return alert
