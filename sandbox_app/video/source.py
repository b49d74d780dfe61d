"""A live frame source over OpenCV's VideoCapture (RTSP, HTTP, files), decoded on its own thread.

Only the latest frame is kept: a slow consumer (the UI at 30 Hz, a detector) gets the newest picture and
the frames it could not take are counted as dropped, so a view never lags behind the camera. A stream
that fails is reopened after `reopen_s`; a file ends (or loops with `loop=True`). Files play at their own
frame rate when `realtime` is set, otherwise as fast as they decode (tests, batch detectors).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import cv2
import numpy as np
from numpy.typing import NDArray

log = logging.getLogger(__name__)

Image = NDArray[np.uint8]
FPS_WINDOW = 30
"""Frames over which the decode rate is measured."""


class Capture(Protocol):
    def isOpened(self) -> bool: ...

    def read(self) -> tuple[bool, Any]: ...

    def get(self, prop: int) -> float: ...

    def release(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Frame:
    image: Image
    """BGR, (h, w, 3), uint8."""
    index: int
    """Decoded frames before this one since the source started (gaps = dropped frames)."""
    pos_ms: float
    """Position in the stream (files) as OpenCV reports it; 0 for live streams that do not say."""


def is_file(url: str) -> bool:
    return "://" not in url or url.startswith("file://")


class FrameSource:
    def __init__(
        self,
        url: str,
        realtime: bool | None = None,
        loop: bool = False,
        reopen_s: float = 2.0,
        open_capture: Callable[[str], Capture] = cv2.VideoCapture,
    ) -> None:
        self.url = url
        self.realtime = is_file(url) if realtime is None else realtime
        self.loop = loop
        self.reopen_s = reopen_s
        self._open = open_capture
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._taken_index = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.decoded = 0
        self.delivered = 0
        self.dropped = 0
        """Frames decoded but replaced by a newer one before anybody took them."""
        self.fps = 0.0
        """Decoded frames per second, smoothed."""
        self.finished = False
        """A file reached its end (and does not loop)."""
        self.error = ""

    def start(self) -> FrameSource:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name=f"frames:{self.url[-40:]}", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout_s: float = 3.0) -> None:
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def __enter__(self) -> FrameSource:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def latest(self) -> Frame | None:
        """The newest frame, taken or not (snapshots read this)."""
        with self._cond:
            return self._latest

    def take(self) -> Frame | None:
        """The newest frame if it is newer than the last one taken, else None."""
        with self._cond:
            return self._take_locked()

    def wait(self, timeout_s: float) -> Frame | None:
        """Block until a frame newer than the last one taken arrives (or the source ends / times out)."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while True:
                frame = self._take_locked()
                if frame is not None or self.finished or self._stop.is_set():
                    return frame
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)

    def _take_locked(self) -> Frame | None:
        frame = self._latest
        if frame is None or frame.index <= self._taken_index:
            return None
        self._taken_index = frame.index
        self.delivered += 1
        return frame

    def _publish(self, image: Image, pos_ms: float) -> None:
        with self._cond:
            if self._latest is not None and self._latest.index > self._taken_index:
                self.dropped += 1
            self._latest = Frame(image, self.decoded, pos_ms)
            self.decoded += 1
            self._cond.notify_all()

    def _run(self) -> None:
        while not self._stop.is_set():
            cap = self._open(self.url)
            if not cap.isOpened():
                self.error = f"cannot open {self.url}"
                cap.release()
                if self._stop.wait(self.reopen_s):
                    return
                continue
            self.error = ""
            try:
                ended = self._decode(cap)
            finally:
                cap.release()
            if ended and is_file(self.url) and not self.loop:
                with self._cond:
                    self.finished = True
                    self._cond.notify_all()
                return
            if not is_file(self.url) and self._stop.wait(self.reopen_s):
                return

    def _decode(self, cap: Capture) -> bool:
        """Read until stop (False) or the end / a failure of the stream (True)."""
        native = cap.get(cv2.CAP_PROP_FPS)
        period = 1.0 / native if self.realtime and 0 < native < 240 else 0.0
        next_due = time.monotonic()
        stamps: deque[float] = deque(maxlen=FPS_WINDOW)
        while not self._stop.is_set():
            ok, image = cap.read()
            if not ok or image is None:
                return True
            stamps.append(time.monotonic())
            if len(stamps) > 1 and stamps[-1] > stamps[0]:
                self.fps = (len(stamps) - 1) / (stamps[-1] - stamps[0])
            self._publish(np.ascontiguousarray(image, dtype=np.uint8), float(cap.get(cv2.CAP_PROP_POS_MSEC)))
            if period:
                next_due += period
                if self._stop.wait(max(0.0, next_due - time.monotonic())):
                    return False
        return False
