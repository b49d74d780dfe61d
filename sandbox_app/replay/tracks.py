"""Guards' fixes around a window without scanning the log: the fix before it, and the first fix after it.

Before: each tracker's keyframe from the last minute before the trail and one per minute of the trail up to
where the seek's own read of the log starts (the store's `fix_keyframes`), plus the log rows the store has
not folded into keyframes yet (only when they reach back that far). After: a short look-ahead read, then,
for a tracker still unpaired whose silence could end within its heartbeat, the first keyframe minute with a
later fix and the exact fix read from that minute alone. A silence past the heartbeat needs no exact time:
it is a gap.
"""

from __future__ import annotations

from collections.abc import Mapping

from sandbox_app.replay.index import FrameIndex
from sandbox_app.store import queries
from sandbox_app.store.migrations import KEYFRAME_MS
from sandbox_app.store.queries import Db, Fix3

FIRST_LOOKAHEAD_MS = 20_000
"""Most guards fix every few seconds: look this far past the window first, further only for the rest."""


def minute_floor(ts: int) -> int:
    return ts // KEYFRAME_MS * KEYFRAME_MS


def fixes_before(
    db: Db, frames: FrameIndex, devices: list[str], since_ts: int, before_ts: int
) -> dict[str, list[Fix3]]:
    """Per device, in time order: its last fix before since_ts, then one fix per minute (the minute's
    last) in [since_ts, before_ts). `before_ts` must be on a minute: the log from there on is the caller's.

    Positions stay exact (a minute's keyframe is its last fix); only trail vertices older than `before_ts`
    are a minute apart. Fixes the store has not folded into keyframes yet are read from the log instead.
    """
    since_bucket, before_bucket = since_ts // KEYFRAME_MS, before_ts // KEYFRAME_MS
    last = queries.keyframes_before(db, devices, since_bucket)
    trail: dict[str, list[Fix3]] = {d: [] for d in devices}
    for dev, fix in queries.keyframes_between(db, devices, since_bucket, before_bucket):
        if fix[0] >= since_ts:
            trail[dev].append(fix)
        elif dev not in last or fix[0] >= last[dev][0]:
            last[dev] = fix
    folded, earliest = frames.unfolded()
    if earliest is not None and earliest < before_ts:
        wanted = set(devices)
        for ts, dev, _k, lon, lat, _ in queries.unfolded_fixes(db, folded, before_ts):
            if dev not in wanted or lon is None or lat is None:
                continue
            if ts >= since_ts:
                trail[dev].append((ts, lon, lat))
            elif dev not in last or ts >= last[dev][0]:
                last[dev] = (ts, lon, lat)
    out = {}
    for dev in devices:
        points = sorted(trail[dev], key=lambda f: f[0])
        out[dev] = [last[dev], *points] if dev in last else points
    return out


def first_fixes_after(
    db: Db, frames: FrameIndex, last: Mapping[str, int], heartbeat: Mapping[str, int], end_ts: int
) -> dict[str, Fix3]:
    """The first current fix after end_ts of each device in `last` (device → its last fix ts at or
    before end_ts), when it comes within the device's heartbeat of that last fix."""
    out: dict[str, Fix3] = {}
    for ts, dev, _k, lon, lat, _ in queries.fixes_after(db, end_ts, end_ts + FIRST_LOOKAHEAD_MS):
        if dev in last and dev not in out and lon is not None and lat is not None:
            out[dev] = (ts, lon, lat)
    horizon = end_ts + FIRST_LOOKAHEAD_MS
    wanted = {d: t + heartbeat[d] for d, t in last.items() if d not in out and t + heartbeat[d] > horizon}
    if not wanted:
        return out
    _, earliest = frames.unfolded()
    for dev, limit in sorted(wanted.items()):
        if earliest is not None and earliest <= limit:  # the keyframes may not hold it yet: read the log
            lo, hi = horizon, limit
        else:
            found = queries.keyframe_after(db, dev, horizon)
            if found is None or found[0] * KEYFRAME_MS > limit:
                continue  # silent past its heartbeat: a gap, whenever it speaks again
            lo, hi = max(horizon, found[0] * KEYFRAME_MS - 1), found[1]
        for ts, d, _k, lon, lat, _ in queries.fixes_after(db, lo, hi):
            if d == dev and lon is not None and lat is not None:
                out[dev] = (ts, lon, lat)
                break
    return out
