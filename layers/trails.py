"""Guards' recent fixes, for the fading trail behind each marker and the heading of its last move.

A `TrailBuffer` keeps the last `style.TRAIL_FIXES` positions of every guard in one (n, k, 2) array, so a
push of 5,000 guards is a handful of numpy operations. `layer()` turns it into ONE `Lines`: each segment
between two consecutive fixes, coloured by role with an alpha that falls with age (quantised to a few
steps so the renderer draws a few dozen paths, whatever the number of guards).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from layers import style
from layers.data import FloatArray, IntArray, LayerData, Lines

NAME = "trails"
ALPHA_STEPS = 6
MIN_MOVE_M = 0.5
"""A fix closer than this to the previous one is jitter: it refreshes the time but adds no segment."""


class TrailBuffer:
    def __init__(self, fixes: int = style.TRAIL_FIXES, window_s: float = style.TRAIL_WINDOW_S) -> None:
        self.fixes = fixes
        self.window_ms = int(window_s * 1000)
        self.clear()

    def clear(self) -> None:
        """Forget every guard (a new district)."""
        self.index: dict[str, int] = {}
        self.rgba = np.zeros((0, 4), dtype=np.uint8)
        self.xy = np.full((0, self.fixes, 2), np.nan)
        """(n, k, 2): slot 0 is the newest fix of each guard; NaN where there is none."""
        self.ts = np.full((0, self.fixes), -1, dtype=np.int64)

    def __len__(self) -> int:
        return len(self.index)

    def _rows(self, ids: Sequence[str], rgba: NDArray[np.uint8]) -> IntArray:
        new = [g for g in dict.fromkeys(ids) if g not in self.index]
        if new:
            start = len(self.index)
            self.index.update({g: start + i for i, g in enumerate(new)})
            self.xy = np.concatenate([self.xy, np.full((len(new), self.fixes, 2), np.nan)])
            self.ts = np.concatenate([self.ts, np.full((len(new), self.fixes), -1, dtype=np.int64)])
            self.rgba = np.concatenate([self.rgba, np.zeros((len(new), 4), dtype=np.uint8)])
        rows = np.fromiter((self.index[g] for g in ids), dtype=np.int64, count=len(ids))
        self.rgba[rows] = rgba
        return rows

    def push(
        self,
        ids: Sequence[str],
        xy: FloatArray,
        ts: NDArray[np.int64],
        rgba: NDArray[np.uint8],
        now_ms: int = -1,
    ) -> None:
        """Record one fix per id taken at `ts` (ms). A guard that moved less than `MIN_MOVE_M` adds no
        segment. Where `ts` is unknown (< 0) a moved guard's fix is stamped `now_ms` and a still one keeps
        its last stamp: callers that only pass positions still get honest fix ages."""
        if not len(ids):
            return
        rows = self._rows(ids, rgba)
        xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        ts = np.broadcast_to(np.asarray(ts, dtype=np.int64), (len(ids),))
        last = self.xy[rows, 0]
        moved = ~(np.hypot(*(xy - last).T) < MIN_MOVE_M)  # NaN (first fix) counts as moved
        known = ts >= 0
        stamp = np.where(known, ts, np.where(moved, now_ms, self.ts[rows, 0]))
        shift = rows[moved]
        self.xy[shift, 1:] = self.xy[shift, :-1]
        self.ts[shift, 1:] = self.ts[shift, :-1]
        self.xy[rows, 0] = xy
        self.ts[rows, 0] = stamp

    def fix_ts(self, guard_id: str) -> int | None:
        """When the guard's newest fix was taken (ms), if known."""
        row = self.index.get(guard_id)
        stamp = -1 if row is None else int(self.ts[row, 0])
        return stamp if stamp >= 0 else None

    def headings(self, ids: Sequence[str]) -> FloatArray:
        """Compass bearing in degrees (0 north, 90 east) of each guard's last move; NaN before it moved."""
        out = np.full(len(ids), np.nan)
        known = [i for i, g in enumerate(ids) if g in self.index]
        if not known:
            return out
        rows = np.asarray([self.index[ids[i]] for i in known], dtype=np.int64)
        d = self.xy[rows, 0] - self.xy[rows, 1]
        out[known] = np.degrees(np.arctan2(d[:, 0], d[:, 1])) % 360.0
        return out

    def layer(self, now_ms: int) -> LayerData:
        """Segments between consecutive fixes whose older end is younger than the window.

        Alpha falls with the segment's slot (newest fix first), scaled down further near the window's end,
        in `ALPHA_STEPS` steps. Segments come oldest slot first and role by role within a slot, so the
        newest draw on top and the renderer finds a few dozen runs of one style without sorting."""
        n, k = len(self.index), self.fixes - 1
        if not n or k < 1:
            return LayerData(NAME, z=38, lines=_segments(np.zeros((0, 2, 2)), np.zeros((0, 4), np.uint8)))
        a, b = self.xy[:, :-1], self.xy[:, 1:]
        age = now_ms - self.ts[:, 1:]
        ok = (self.ts[:, 1:] >= 0) & (age < self.window_ms)
        ok &= np.isfinite(a).all(axis=2) & np.isfinite(b).all(axis=2)
        by_colour = np.argsort(self.rgba.view(np.uint32).reshape(-1), kind="stable")
        guard = np.tile(by_colour, k)
        slot = np.repeat(np.arange(k)[::-1], n)
        keep = ok[guard, slot]
        guard, slot = guard[keep], slot[keep]
        by_slot = 1.0 - slot / k
        by_time = 1.0 - np.clip(age[guard, slot] / self.window_ms, 0.0, 1.0)
        step = np.ceil(np.minimum(by_slot, by_time) * ALPHA_STEPS) / ALPHA_STEPS
        rgba = self.rgba[guard].copy()
        rgba[:, 3] = np.round(step * style.TRAIL_ALPHA_NEW).astype(np.uint8)
        segments = np.stack([a[guard, slot], b[guard, slot]], axis=1)
        return LayerData(NAME, z=38, lines=_segments(segments, rgba))


_IDS: list[str] = []


def _ids(k: int) -> tuple[str, ...]:
    """ "0", "1", ... as segment ids, kept between frames (50,000 str() calls a frame add up)."""
    if len(_IDS) < k:
        _IDS.extend(str(i) for i in range(len(_IDS), k))
    return tuple(_IDS[:k])


def _segments(segments: FloatArray, rgba: NDArray[np.uint8]) -> Lines:
    k = len(segments)
    return Lines(
        _ids(k),
        segments.reshape(-1, 2),
        np.tile(np.asarray([True, False]), k),
        np.arange(0, 2 * k + 1, 2, dtype=np.int64),
        rgba.reshape(-1, 4),
        np.full(k, style.TRAIL_WIDTH, dtype=np.float32),
    )
