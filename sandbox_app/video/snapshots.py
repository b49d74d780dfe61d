"""Alert snapshots: the picture of the moment, stored beside the alert.

An alert raised by a camera (or near one that faces the spot) should show what the camera saw. The best
picture is the one the device attached to its own alarm (ISAPI sends JPEGs with the alert); next, the
latest frame of the alert's own camera; next, the latest frame of the nearest camera within `radius_m`
whose cone covers the alert's position. The file goes under the snapshots directory keyed by alert id,
and its path is written into `alert.data["snapshot"]` (with the camera in `alert.data["snapshot_camera"]`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from sandbox_app.domain.alerts import Alert
from sandbox_app.store.private_files import private_dir, write_private_bytes
from sandbox_app.video.cameras import Camera, local_m, sees

DEFAULT_RADIUS_M = 50.0
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class SnapshotStore:
    """Files `<root>/<key>.jpg`; keys are sanitised so an id can never escape the directory."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def path_for(self, key: str) -> Path:
        safe = _UNSAFE.sub("_", key).strip("._") or "snapshot"
        return self.root / f"{safe[:150]}.jpg"

    def save_jpeg(self, key: str, jpeg: bytes) -> str:
        path = self.path_for(key)
        private_dir(path.parent)
        tmp = path.with_suffix(".part")
        write_private_bytes(tmp, jpeg)
        tmp.replace(path)
        return str(path)

    def save_frame(self, key: str, image: NDArray[np.uint8], quality: int = 85) -> str:
        import cv2  # OpenCV (~20 MB resident) loads with the first snapshot, not with the live session

        ok, buf = cv2.imencode(".jpg", image, [int(cv2.IMWRITE_JPEG_QUALITY), quality])
        if not ok:
            raise OSError("JPEG encoding failed")
        return self.save_jpeg(key, buf.tobytes())


def cameras_covering(
    lon: float, lat: float, cams: Iterable[Camera], radius_m: float = DEFAULT_RADIUS_M
) -> list[Camera]:
    """Cameras within `radius_m` (and their own range) whose cone contains the point, nearest first."""
    hits = [c for c in cams if sees(c, lon, lat, min(radius_m, c.range_m))]
    return sorted(hits, key=lambda c: math.hypot(*local_m(c, lon, lat)))


def attach_snapshot(
    alert: Alert,
    store: SnapshotStore,
    cams: Iterable[Camera],
    latest_frame: Callable[[str], NDArray[np.uint8] | None],
    attached_jpeg: bytes | None = None,
    radius_m: float = DEFAULT_RADIUS_M,
) -> str | None:
    """Store the best picture for the alert and note it in `alert.data`; None when there is none.

    `latest_frame(camera_id)` gives the newest frame of that camera's live source (None if not open).
    """
    cams = list(cams)
    if attached_jpeg:
        path = store.save_jpeg(alert.id, attached_jpeg)
        alert.data["snapshot"], alert.data["snapshot_camera"] = path, alert.subject
        return path
    candidates: list[str] = []
    if alert.subject_type == "device" and any(c.id == alert.subject for c in cams):
        candidates.append(alert.subject)
    if alert.lon is not None and alert.lat is not None:
        candidates += [c.id for c in cameras_covering(alert.lon, alert.lat, cams, radius_m)]
    for cam_id in dict.fromkeys(candidates):
        image = latest_frame(cam_id)
        if image is not None:
            path = store.save_frame(alert.id, image)
            alert.data["snapshot"], alert.data["snapshot_camera"] = path, cam_id
            return path
    return None
