"""What the timeline bar draws: event density per bin, silence gaps, and the alerts to jump between.

Density over a long range comes from the device frames' per-bucket counts (one small read however long the
history); a range shorter than a few buckets is counted from the log directly. Gaps come from the guards'
minute keyframes and the device frames, so they too cost a few small reads rather than a scan of the log.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sandbox_app.domain.model import District
from sandbox_app.replay.index import FRAME_MS, FrameIndex
from sandbox_app.replay.state import TRACKER_HEARTBEAT_S, heartbeat_ms
from sandbox_app.store import queries
from sandbox_app.store.keyframes import folded_seq
from sandbox_app.store.migrations import CURRENT_FIX, KEYFRAME_MS
from sandbox_app.store.queries import Db


@dataclass(frozen=True, slots=True)
class Density:
    start_ts: int
    bin_ms: int
    counts: NDArray[np.int64]

    @property
    def edges(self) -> NDArray[np.int64]:
        return self.start_ts + self.bin_ms * np.arange(len(self.counts) + 1, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Gap:
    """`subject` (a guard id or a device id) was silent from `start_ts` (its last event) to `end_ts`."""

    subject: str
    kind: str
    """"guard" or "device"."""
    start_ts: int
    end_ts: int


def density(db: Db, start_ts: int, end_ts: int, bins: int, frames: FrameIndex | None = None) -> Density:
    """Events per bin over [start_ts, end_ts); `bins` equal bins (the last may stick out past the end)."""
    bins = max(1, bins)
    width = max(1, -(-(end_ts - start_ts) // bins))
    counts = np.zeros(bins, dtype=np.int64)
    if width >= FRAME_MS:
        index = frames if frames is not None else FrameIndex(db)
        if index.stale():
            index.refresh()
        for bucket, n in index.counts(start_ts, end_ts):
            b = (bucket - start_ts) // width
            if 0 <= b < bins:
                counts[b] += n
        last = index.frame_at(2**62)  # events after the newest frame (under one bucket) are only in the log
        from_log = max(start_ts, last.start_ts) if last is not None else start_ts
    else:
        from_log = start_ts
    offset = from_log - start_ts
    for b, n in queries.count_by_bin(db, from_log, start_ts + bins * width, width, offset):
        if 0 <= b < bins:
            counts[int(b)] += int(n)
    return Density(start_ts, width, counts)


def guard_gaps(db: Db, district: District, start_ts: int, end_ts: int) -> list[Gap]:
    """Silences longer than the tracker's heartbeat, from the minute keyframes plus the fixes not yet
    folded into them (fewer than the store's keyframe lag). A gap ends at the first fixed minute after it."""
    by_device = {g.device_id: g.id for g in district.guards.values() if g.device_id}
    if not by_device:
        return []
    marks = ", ".join("?" * len(by_device))
    lo, hi = start_ts - 3_600_000, end_ts + 3_600_000
    with db.lock:
        rows = db.conn.execute(
            f"""SELECT device, ts FROM fix_keyframes
                WHERE device IN ({marks}) AND bucket >= ? AND bucket <= ?""",
            (*by_device, lo // KEYFRAME_MS, hi // KEYFRAME_MS),
        ).fetchall()
        rows += db.conn.execute(
            f"""SELECT device, ts FROM events WHERE seq > ? AND +ts >= ? AND +ts <= ? AND device IN ({marks})
                AND {CURRENT_FIX}""",
            (folded_seq(db.conn), lo, hi, *by_device),
        ).fetchall()
    rows.sort()
    out = []
    for (dev, prev), (dev2, ts) in itertools.pairwise(rows):
        hb = heartbeat_ms(district, dev, TRACKER_HEARTBEAT_S)
        resumed = ts // KEYFRAME_MS * KEYFRAME_MS
        if dev == dev2 and resumed - prev > hb and prev < end_ts and resumed > start_ts:
            out.append(Gap(by_device[dev], "guard", int(prev), int(resumed)))
    return sorted(out, key=lambda g: (g.start_ts, g.subject))


def device_gaps(db: Db, district: District, start_ts: int, end_ts: int) -> list[Gap]:
    """Devices heard once and then silent past their kind's heartbeat, to the frame (5 minutes).

    Trackers are left to `guard_gaps`. A gap still open at the range's end ends there.
    """
    index = FrameIndex(db)
    if index.stale():
        index.refresh()
    frames = index.frames_between(start_ts - FRAME_MS, end_ts + FRAME_MS)
    if not frames:
        return []
    n = len(index.devices)
    ids = index.devices
    hb = np.asarray([heartbeat_ms(district, d) for d in ids], dtype=np.int64)
    trackers = {g.device_id for g in district.guards.values()}
    last = np.stack([f.devices.grown(n).last_ts for f in frames])
    starts = np.asarray([f.start_ts for f in frames], dtype=np.int64)
    silent = (last >= 0) & (starts[:, None] - last > hb[None, :])
    out = []
    for j in np.flatnonzero(silent.any(axis=0)):
        if ids[j] in trackers:
            continue
        col = silent[:, j]
        runs = np.flatnonzero(np.diff(np.concatenate([[0], col.astype(np.int8), [0]])))
        for a, b in zip(runs[::2], runs[1::2], strict=True):
            begin = int(last[a, j])
            end = int(starts[b]) if b < len(starts) else end_ts
            if end > start_ts and begin < end_ts:
                out.append(Gap(ids[j], "device", begin, min(end, end_ts)))
    return sorted(out, key=lambda g: (g.start_ts, g.subject))


def neighbour_alerts(db: Db, at_ts: int) -> tuple[int | None, int | None]:
    """(previous, next) alert start time around at_ts, for the jump buttons."""
    return queries.alert_first_ts_around(db, at_ts)


def missing_data(d: Density, history: tuple[int, int], min_ms: int = 10 * 60_000) -> list[tuple[int, int]]:
    """Where the log itself holds nothing: runs of empty density bins inside the stored history, at least
    `min_ms` long. One silent guard or device is not missing data (the map shows those); a station that
    was offline, or an import with a hole, is."""
    lo, hi = history
    edges = d.edges
    empty = np.concatenate([[0], (d.counts == 0).astype(np.int8), [0]])
    runs = np.flatnonzero(np.diff(empty))
    out = []
    for a, b in zip(runs[::2], runs[1::2], strict=True):
        start, end = max(int(edges[a]), lo), min(int(edges[b]), hi)
        if end - start >= min_ms:
            out.append((start, end))
    return out
