"""People counting at a gate, and tailgating: more people through than the door was opened for.

Foreground from an MOG2 background model (shadows dropped), blobs cleaned by morphology, centroids tracked
frame to frame by nearest neighbour with a constant-velocity guess, and a counting line: a track whose
centroid changes side of the line, within the segment, counts once in that direction. `TailgateMonitor`
compares the crossings with the door openings (from the access-control events) in a sliding window.
Works at reduced resolution (`scale`) because people at a gate are large and CPU is scarce.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import cv2
import numpy as np
from numpy.typing import NDArray

from sandbox_app.domain.events import Event

Image = NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class CountingLine:
    """A segment in full-resolution pixels; "in" is crossing from its left side to its right side
    (walking from (x1, y1) towards (x2, y2), left is the left hand)."""

    x1: float
    y1: float
    x2: float
    y2: float

    def side(self, x: float, y: float) -> float:
        return (self.x2 - self.x1) * (y - self.y1) - (self.y2 - self.y1) * (x - self.x1)

    def crosses(self, a: tuple[float, float], b: tuple[float, float]) -> int:
        """+1 (in), -1 (out) or 0 for the move a → b."""
        sa, sb = self.side(*a), self.side(*b)
        if sa == 0 or sb == 0 or (sa > 0) == (sb > 0):
            return 0
        # the move must cross the segment itself, not the line's extension
        d1 = (b[0] - a[0]) * (self.y1 - a[1]) - (b[1] - a[1]) * (self.x1 - a[0])
        d2 = (b[0] - a[0]) * (self.y2 - a[1]) - (b[1] - a[1]) * (self.x2 - a[0])
        if (d1 > 0) == (d2 > 0) and d1 != 0 and d2 != 0:
            return 0
        return 1 if sa < 0 else -1


@dataclass(frozen=True, slots=True)
class Crossing:
    track: int
    t_s: float
    direction: int
    """+1 in, -1 out."""


@dataclass(slots=True)
class _Track:
    id: int
    xy: tuple[float, float]
    velocity: tuple[float, float] = (0.0, 0.0)
    missing: int = 0
    last_dir: int = 0


@dataclass
class PeopleCounter:
    line: CountingLine
    scale: float = 0.5
    min_area: float = 120.0
    """Blob area in pixels at `scale` (a person far away is still ~10x25 px at half size)."""
    max_match_px: float = 40.0
    max_missing: int = 4
    history: int = 200
    var_threshold: float = 25.0
    close_px: tuple[int, int] = (3, 9)
    """Closing kernel (w, h) at `scale`: joins a person's head, body and legs, not neighbours."""
    warmup_frames: int = 3
    """Frames that only train the background (everything is foreground at first)."""
    tracks: list[_Track] = field(default_factory=list)
    crossings: list[Crossing] = field(default_factory=list)
    frames: int = 0

    def __post_init__(self) -> None:
        self._bg = cv2.createBackgroundSubtractorMOG2(self.history, self.var_threshold, True)
        self._next_id = 0
        self._open = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
        self._close = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, self.close_px)

    @property
    def count_in(self) -> int:
        return sum(1 for c in self.crossings if c.direction > 0)

    @property
    def count_out(self) -> int:
        return sum(1 for c in self.crossings if c.direction < 0)

    def detect(self, frame: Image) -> list[tuple[float, float]]:
        """Centroids (full-resolution pixels) of person-sized foreground blobs."""
        small = cv2.resize(frame, None, fx=self.scale, fy=self.scale, interpolation=cv2.INTER_AREA)
        mask = self._bg.apply(small)
        if self.frames < self.warmup_frames:
            return []
        _, mask = cv2.threshold(mask, 200, 255, cv2.THRESH_BINARY)  # shadows are 127
        mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, self._open)
        mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, self._close)
        n, _, stats, centroids = cv2.connectedComponentsWithStats(mask)
        out = []
        for i in range(1, n):
            w, h, area = stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT], stats[i, cv2.CC_STAT_AREA]
            if area >= self.min_area and h >= 0.8 * w:  # upright-ish: people, not cars or smears
                out.append((float(centroids[i][0]) / self.scale, float(centroids[i][1]) / self.scale))
        return out

    def update(self, frame: Image, t_s: float) -> list[Crossing]:
        """Feed one frame (BGR, full resolution) taken at `t_s` seconds; returns the new crossings."""
        points = self.detect(frame)
        self.frames += 1
        new = self._track(points, t_s)
        self.crossings.extend(new)
        return new

    def _track(self, points: list[tuple[float, float]], t_s: float) -> list[Crossing]:
        limit = self.max_match_px / self.scale
        pairs = sorted(
            (float(np.hypot(p[0] - tr.xy[0] - tr.velocity[0], p[1] - tr.xy[1] - tr.velocity[1])), ti, pi)
            for ti, tr in enumerate(self.tracks)
            for pi, p in enumerate(points)
        )
        used_t: set[int] = set()
        used_p: set[int] = set()
        out: list[Crossing] = []
        for dist, ti, pi in pairs:
            if dist > limit or ti in used_t or pi in used_p:
                continue
            used_t.add(ti)
            used_p.add(pi)
            tr, p = self.tracks[ti], points[pi]
            direction = self.line.crosses(tr.xy, p)
            if direction and direction != tr.last_dir:
                out.append(Crossing(tr.id, t_s, direction))
                tr.last_dir = direction
            tr.velocity = (
                0.5 * tr.velocity[0] + 0.5 * (p[0] - tr.xy[0]),
                0.5 * tr.velocity[1] + 0.5 * (p[1] - tr.xy[1]),
            )
            tr.xy, tr.missing = p, 0
        for ti, tr in enumerate(self.tracks):
            if ti not in used_t:
                tr.missing += 1
                tr.xy = (tr.xy[0] + tr.velocity[0], tr.xy[1] + tr.velocity[1])
        self.tracks = [t for t in self.tracks if t.missing <= self.max_missing]
        for pi, p in enumerate(points):
            if pi not in used_p:
                self.tracks.append(_Track(self._next_id, p))
                self._next_id += 1
        return out


@dataclass
class TailgateMonitor:
    """More "in" crossings than `per_opening` × door openings within `window_s` → one tailgate per excess."""

    window_s: float = 6.0
    per_opening: int = 1
    openings: deque[float] = field(default_factory=deque)
    entries: deque[float] = field(default_factory=deque)
    alarms: list[tuple[float, int, int]] = field(default_factory=list)
    """(t_s, people in window, openings in window) for each alarm raised."""

    def _trim(self, now: float) -> None:
        for q in (self.openings, self.entries):
            while q and q[0] < now - self.window_s:
                q.popleft()

    def door_opened(self, t_s: float) -> None:
        self.openings.append(t_s)
        self._trim(t_s)

    def crossed(self, crossing: Crossing) -> tuple[float, int, int] | None:
        if crossing.direction <= 0:
            return None
        self.entries.append(crossing.t_s)
        self._trim(crossing.t_s)
        people, doors = len(self.entries), len(self.openings)
        if people > doors * self.per_opening:
            alarm = (crossing.t_s, people, doors)
            self.alarms.append(alarm)
            return alarm
        return None


def tailgate_event(device: str, ts_ms: int, people: int, openings: int) -> Event:
    """The `tailgate.detected` event for the pipeline (id stable for one alarm of one device)."""
    return Event(
        f"tailgate:{device}:{ts_ms}",
        ts_ms,
        device,
        "tailgate.detected",
        data={"source": "video", "people": people, "openings": openings},
    )
