"""Playback: the states at evenly spaced times of a range, loaded one chunk of history at a time.

At `speed`× and `fps` frames a second, frame i shows T = start + i × speed × 1000 / fps ms. Each chunk is one
`Window` (one read of the log), so frames cost no database round trip and memory stays bounded however long
the range is.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from sandbox_app.domain.model import District
from sandbox_app.replay.index import FrameIndex
from sandbox_app.replay.state import DEFAULT_TRAIL_MS, ReplayState, Window
from sandbox_app.store.queries import Db

DEFAULT_CHUNK_MS = 30 * 60_000


def step_ms(fps: float, speed: float) -> float:
    """District milliseconds between two frames."""
    if fps <= 0 or speed <= 0:
        raise ValueError("fps and speed must be positive")
    return speed * 1000.0 / fps


def frame_times(start_ts: int, end_ts: int, fps: float, speed: float) -> list[int]:
    """Frame times from start_ts up to and including end_ts (one frame when the range is empty)."""
    step = step_ms(fps, speed)
    n = max(0, math.floor((end_ts - start_ts) / step + 1e-9)) + 1
    return [start_ts + round(i * step) for i in range(n)]


def play(
    db: Db,
    district: District,
    times: list[int],
    *,
    trail_ms: int = DEFAULT_TRAIL_MS,
    chunk_ms: int = DEFAULT_CHUNK_MS,
) -> Iterator[ReplayState]:
    """The state at each of `times` (ascending), one `Window` per chunk of `chunk_ms`."""
    frames = FrameIndex(db)
    i = 0
    while i < len(times):
        start = times[i]
        j = i
        while j + 1 < len(times) and times[j + 1] < start + chunk_ms:
            j += 1
        window = Window(db, district, start, times[j], trail_ms=trail_ms, frames=frames)
        for t in times[i : j + 1]:
            yield window.state(t)
        i = j + 1


BYTES_PER_PIXEL_FRAME = 0.006
"""What an mp4v replay frame costs on disk, per pixel: measured on map replays (mostly still background,
moving markers) at 0.003-0.005, rounded up so the estimate errs on the large side."""


@dataclass(frozen=True, slots=True)
class VideoPlan:
    """What a video export will make, shown before it starts (dialog, CLI): its frames, its length as a
    video and an estimate of its size."""

    start_ts: int
    end_ts: int
    fps: float
    speed: float
    size: tuple[int, int]

    @property
    def frames(self) -> int:
        step = step_ms(self.fps, self.speed)
        return max(0, math.floor((self.end_ts - self.start_ts) / step + 1e-9)) + 1

    @property
    def duration_s(self) -> float:
        """The video's own length: district time divided by the speed."""
        return self.frames / self.fps

    @property
    def estimated_bytes(self) -> int:
        return round(self.frames * self.size[0] * self.size[1] * BYTES_PER_PIXEL_FRAME)

    def to_json(self) -> dict[str, float | int]:
        return {
            "from": self.start_ts,
            "to": self.end_ts,
            "speed": self.speed,
            "fps": self.fps,
            "frames": self.frames,
            "video_s": round(self.duration_s, 1),
            "estimated_mb": round(self.estimated_bytes / 1e6, 1),
        }
