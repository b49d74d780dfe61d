"""High-altitude throwing (高空抛物) on a facade view: a small object falling on a near-vertical,
accelerating path.

Moving pixels come from differencing against a running background, with the frame's global brightness
change removed first (lighting flicker, clouds); frames where most of the picture changes are skipped.
Small blobs are tracked by nearest neighbour; a track is a throw when, over at least `min_points`
positions, y(t) fits y0 + v0·t + ½·a·t² with a clearly positive acceleration, the path is near vertical
(horizontal travel small against the drop), and the drop is long enough. Birds (horizontal), walkers
(horizontal, large) and things sinking at constant speed (no acceleration) fail one of these tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
from numpy.typing import NDArray

from sandbox_app.domain.events import Event

Image = NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class Throw:
    t_s: float
    """When the track was confirmed."""
    x: float
    y_start: float
    y_end: float
    accel_px_s2: float


@dataclass(slots=True)
class _Track:
    id: int
    points: list[tuple[float, float, float]] = field(default_factory=list)
    """(t, x, y)."""
    missing: int = 0
    reported: bool = False


@dataclass
class ThrowDetector:
    diff_threshold: int = 25
    min_area: int = 4
    max_area: int = 400
    max_match_px: float = 60.0
    max_missing: int = 2
    min_points: int = 8
    min_accel_px_s2: float = 100.0
    """About a quarter of g on a facade drawn at ~25 px/m; walkers and birds show none at all."""
    min_drop_px: float = 60.0
    max_slope: float = 0.35
    """Horizontal travel / vertical drop."""
    max_changed: float = 0.25
    """Skip a frame where more than this fraction of pixels changed (a camera jolt or light switch)."""
    learn_rate: float = 0.05
    max_residual_ratio: float = 0.5
    dedupe_s: float = 1.5
    dedupe_px: float = 60.0
    """A second track on an object already reported (re-acquired after a miss) is not a second throw."""
    max_blobs: int = 40
    tracks: list[_Track] = field(default_factory=list)
    throws: list[Throw] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._bg: NDArray[np.float32] | None = None
        self._next_id = 0
        self._kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))

    def blobs(self, frame: Image) -> list[tuple[float, float]]:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY).astype(np.float32)
        if self._bg is None:
            self._bg = gray
            return []
        # a global brightness change (flicker, clouds) is not motion: compare at the same overall gain
        ref = self._bg * (float(np.median(gray[::4, ::4])) / max(1.0, float(np.median(self._bg[::4, ::4]))))
        diff = gray - ref
        mask = (np.abs(diff) > self.diff_threshold).astype(np.uint8)
        cv2.accumulateWeighted(gray, self._bg, self.learn_rate)
        if mask.mean() > self.max_changed:
            return []
        opened = cv2.morphologyEx(mask, cv2.MORPH_OPEN, self._kernel)
        n, _, stats, centroids = cv2.connectedComponentsWithStats(opened)
        if n - 1 > self.max_blobs:
            return []  # the whole picture is stirring (rain, a jolt): nothing trackable this frame
        return [
            (float(centroids[i][0]), float(centroids[i][1]))
            for i in range(1, n)
            if self.min_area <= stats[i, cv2.CC_STAT_AREA] <= self.max_area
        ]

    def update(self, frame: Image, t_s: float) -> list[Throw]:
        points = self.blobs(frame)
        pairs = sorted(
            (float(np.hypot(*_predict_gap(tr, p, t_s))), ti, pi)
            for ti, tr in enumerate(self.tracks)
            for pi, p in enumerate(points)
        )
        used_t: set[int] = set()
        used_p: set[int] = set()
        for dist, ti, pi in pairs:
            if dist <= self.max_match_px and ti not in used_t and pi not in used_p:
                used_t.add(ti)
                used_p.add(pi)
                self.tracks[ti].points.append((t_s, *points[pi]))
                self.tracks[ti].missing = 0
        for ti, tr in enumerate(self.tracks):
            if ti not in used_t:
                tr.missing += 1
        self.tracks = [t for t in self.tracks if t.missing <= self.max_missing]
        for pi, p in enumerate(points):
            if pi not in used_p:
                self.tracks.append(_Track(self._next_id, [(t_s, *p)]))
                self._next_id += 1
        found = []
        for tr in self.tracks:
            if not tr.reported and len(tr.points) >= self.min_points:
                throw = self.judge(tr.points)
                if throw is not None:
                    tr.reported = True
                    if not self._repeat(throw):
                        found.append(throw)
        self.throws.extend(found)
        return found

    def _repeat(self, throw: Throw) -> bool:
        return any(
            throw.t_s - old.t_s <= self.dedupe_s and abs(throw.x - old.x) <= self.dedupe_px
            for old in self.throws
        )

    def judge(self, points: list[tuple[float, float, float]]) -> Throw | None:
        """The falling test on one track's (t, x, y) positions."""
        arr = np.asarray(points[-12:], dtype=np.float64)
        t, x, y = arr[:, 0] - arr[0, 0], arr[:, 1], arr[:, 2]
        drop = y[-1] - y[0]
        if drop < self.min_drop_px or np.ptp(t) <= 0:
            return None
        if abs(x[-1] - x[0]) > self.max_slope * drop or np.any(np.diff(y) < -2.0):
            return None
        coef = np.polyfit(t, y, 2)
        accel = 2.0 * coef[0]
        if accel < self.min_accel_px_s2:
            return None
        res_quad = float(np.sum((y - np.polyval(coef, t)) ** 2))
        res_lin = float(np.sum((y - np.polyval(np.polyfit(t, y, 1), t)) ** 2))
        if res_quad > self.max_residual_ratio * res_lin:
            return (
                None  # the curve does not explain the path better than constant speed: no real acceleration
            )
        return Throw(float(arr[-1, 0]), float(x.mean()), float(y[0]), float(y[-1]), float(accel))


def _predict_gap(tr: _Track, p: tuple[float, float], t_s: float) -> tuple[float, float]:
    """Distance from where the track should be now (constant velocity from its last two points)."""
    t1, x1, y1 = tr.points[-1]
    if len(tr.points) >= 2:
        t0, x0, y0 = tr.points[-2]
        dt = t1 - t0
        if dt > 0:
            k = (t_s - t1) / dt
            return p[0] - (x1 + k * (x1 - x0)), p[1] - (y1 + k * (y1 - y0))
    return p[0] - x1, p[1] - y1


def throw_event(device: str, ts_ms: int, throw: Throw) -> Event:
    return Event(
        f"throw:{device}:{ts_ms}",
        ts_ms,
        device,
        "throw.detected",
        data={"source": "video", "x": round(throw.x, 1), "drop_px": round(throw.y_end - throw.y_start, 1)},
    )
