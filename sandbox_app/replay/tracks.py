"""Guards' fixes around a window without scanning the log: the fix before it, and the first fix after it.

Before: each tracker's keyframe from the last whole minute (the store's `fix_keyframes`), the log rows the
store has not folded into keyframes yet (only when they reach back that far), and the part-minute before
the window from the seek's own tail. After: a short look-ahead read, then, for a tracker still unpaired
whose silence could end within its heartbeat, the first keyframe minute with a later fix and the exact
fix read from that minute alone. A silence past the heartbeat needs no exact time: it is a gap.
"""

from __future__ import annotations

from collections.abc import Mapping

from sandbox_app.replay.index import FrameIndex
from sandbox_app.store import queries
from sandbox_app.store.migrations import KEYFRAME_MS
from sandbox_app.store.queries import Db, Fix3, TailRow

FIRST_LOOKAHEAD_MS = 20_000
"""Most guards fix every few seconds: look this far past the window first, further only for the rest."""


def minute_floor(ts: int) -> int:
    return ts // KEYFRAME_MS * KEYFRAME_MS


def fixes_before(
    db: Db, frames: FrameIndex, devices: list[str], before_ts: int, tail: list[TailRow]
) -> dict[str, Fix3]:
    """Each device's last current fix with ts < before_ts; `tail` must cover [minute_floor(before_ts),
    before_ts) of the log (the seek reads that anyway)."""
    out = queries.keyframes_before(db, devices, before_ts // KEYFRAME_MS)
    wanted = set(devices)
    folded, earliest = frames.unfolded()
    if earliest is not None and earliest < before_ts:
        for ts, dev, _k, lon, lat, _ in queries.unfolded_fixes(db, folded, minute_floor(before_ts)):
            if (
                dev in wanted
                and lon is not None
                and lat is not None
                and (dev not in out or ts >= out[dev][0])
            ):
                out[dev] = (ts, lon, lat)
    start = minute_floor(before_ts)
    for ts, dev, _k, lon, lat, current in tail:
        if current and start <= ts < before_ts and dev in wanted and lon is not None and lat is not None:
            out[dev] = (ts, lon, lat)  # tail is in log order: a later arrival wins a ts tie
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
