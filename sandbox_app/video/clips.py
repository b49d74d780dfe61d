"""Alert-linked recording: a clip from `pre_s` before an alert to `post_s` after it, from one camera.

`ClipBuffer` holds the last `pre_s` seconds of a camera's frames (JPEG-encoded, so ten seconds of 1080p
cost megabytes, not gigabytes) and the alerts waiting for their `post_s`. Frames come with their own
times (the stream's clock as the caller maps it to district time: never the wall clock here), so the same
code records a live RTSP stream and a file in a test. When a pending alert's window is complete the clip
is written as MP4 into the station's evidence folder, hashed (SHA-256), and returned as a `Clip`; the
caller records it in the audit log (`audit_clip`) and in the alert's data (`attach_clip`), from where the
alert card and the case report list it.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from sandbox_app.domain.alerts import Alert

PRE_S = 10.0
POST_S = 30.0
JPEG_QUALITY = 85
CLIP_ACTION = "evidence.clip"
"""The audit action of a recorded clip; its detail holds the file, its SHA-256 and the time range."""
_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")


@dataclass(frozen=True, slots=True)
class Clip:
    alert_id: str
    camera: str
    path: str
    sha256: str
    start_ts: int
    end_ts: int
    frames: int

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class ClipBuffer:
    """One camera's recent frames and the alerts waiting for their clip (see the module docstring)."""

    def __init__(self, camera: str, root: Path, pre_s: float = PRE_S, post_s: float = POST_S) -> None:
        self.camera = camera
        self.root = root
        self.pre_ms = round(pre_s * 1000)
        self.post_ms = round(post_s * 1000)
        self.frames: deque[tuple[int, bytes]] = deque()
        self.pending: dict[str, int] = {}
        """Alert id → alert time, until its clip is written."""

    def trigger(self, alert_id: str, at_ts: int) -> None:
        """Record around `at_ts` for `alert_id` (once per alert: a repeat keeps the first time)."""
        self.pending.setdefault(alert_id, int(at_ts))

    def push(self, ts: int, image: NDArray[np.uint8]) -> list[Clip]:
        """Add a frame taken at `ts`; returns the clips whose window this frame completed."""
        ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
        if ok:
            self.frames.append((int(ts), jpeg.tobytes()))
        done = [a for a, at in self.pending.items() if ts >= at + self.post_ms]
        clips = [c for a in done if (c := self._write(a, self.pending.pop(a))) is not None]
        keep_from = min([ts - self.pre_ms, *(at - self.pre_ms for at in self.pending.values())])
        while self.frames and self.frames[0][0] < keep_from:
            self.frames.popleft()
        return clips

    def flush(self) -> list[Clip]:
        """The stream ended: write what there is for every pending alert."""
        clips = [c for a, at in list(self.pending.items()) if (c := self._write(a, at)) is not None]
        self.pending.clear()
        return clips

    def _write(self, alert_id: str, at: int) -> Clip | None:
        chosen = [(t, j) for t, j in self.frames if at - self.pre_ms <= t <= at + self.post_ms]
        if not chosen:
            return None
        first = _decode(chosen[0][1])
        if first is None:
            return None
        h, w = first.shape[:2]
        span_s = (chosen[-1][0] - chosen[0][0]) / 1000.0
        fps = (len(chosen) - 1) / span_s if len(chosen) > 1 and span_s > 0 else 1.0
        folder = self.root / _UNSAFE.sub("_", self.camera)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{_UNSAFE.sub('_', alert_id).strip('._')}_{chosen[0][0]}.mp4"
        path = folder / name
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"mp4v"), fps, (w, h))
        if not writer.isOpened():
            raise OSError(f"cannot write clip to {path}")
        try:
            for _, jpeg in chosen:
                frame = _decode(jpeg)
                if frame is None:
                    continue
                writer.write(frame if frame.shape[:2] == (h, w) else cv2.resize(frame, (w, h)))
        finally:
            writer.release()
        return Clip(
            alert_id, self.camera, str(path), sha256_of(path), chosen[0][0], chosen[-1][0], len(chosen)
        )


def _decode(jpeg: bytes) -> NDArray[np.uint8] | None:
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    return None if image is None else np.asarray(image, dtype=np.uint8)


AuditFn = Callable[[str, str, str, dict[str, Any]], object]
"""(actor, action, target, detail): `AuditLog.record`, or the session's `privacy.audit.AuditTrail`."""


def audit_clip(record: AuditFn, clip: Clip, actor: str = "system:recorder") -> None:
    """Record the clip in the audit log: file, SHA-256, camera and time range, under the alert."""
    record(actor, CLIP_ACTION, f"alert:{clip.alert_id}", clip.to_json())


def attach_clip(alert: Alert, clip: Clip) -> None:
    """List the clip in the alert's data (`data["clips"]`), where the alert card and case report read it."""
    clips = alert.data.setdefault("clips", [])
    if isinstance(clips, list) and all(c.get("path") != clip.path for c in clips if isinstance(c, dict)):
        clips.append(clip.to_json())
