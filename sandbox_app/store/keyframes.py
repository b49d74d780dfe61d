"""Current positions for the SQLite store: `latest_fix` per batch, `fix_keyframes` folded in bulk.

Why in bulk: `fix_keyframes` is keyed (device, minute) so a seek is one index probe per device, but then every
batch touches one page per moving device; upserting it per batch cost about half of the append time. The
keyframes are derived from the log, so they may lag it: meta `KEYFRAMES_SEQ_KEY` says up to which seq they are
complete, and a seek reads the few log rows after that. The appending process folds from an in-memory buffer
of the rows it wrote itself; when another process wrote in between, it folds from the log with SQL instead.
Event times are epoch ms >= 0 (SQL integer division and Python's // agree there).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from operator import attrgetter

from sandbox_app.domain.events import Event
from sandbox_app.store.base import Fix
from sandbox_app.store.migrations import CURRENT_FIX, FLUSH_KEYFRAMES, KEYFRAME_MS, KEYFRAMES_SEQ_KEY

Frame = tuple[int, float, float]
"""(ts, lon, lat) of a device's last fix in one minute."""
_by_ts = attrgetter("ts")

# Latest arrival wins a ts tie everywhere (>=), so a seek agrees with the live state.
_UPSERT_LATEST = """
    INSERT INTO latest_fix (device, ts, lon, lat) VALUES (?, ?, ?, ?)
    ON CONFLICT (device) DO UPDATE SET ts = excluded.ts, lon = excluded.lon, lat = excluded.lat
    WHERE excluded.ts >= latest_fix.ts"""
_UPSERT_KEYFRAME = """
    INSERT INTO fix_keyframes (device, bucket, ts, lon, lat) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (device, bucket) DO UPDATE SET ts = excluded.ts, lon = excluded.lon, lat = excluded.lat
    WHERE excluded.ts >= fix_keyframes.ts"""
_KEYFRAMES_BEFORE = """
    SELECT k.device, k.ts, k.lon, k.lat FROM latest_fix d CROSS JOIN fix_keyframes k
      ON k.device = d.device
     AND k.bucket = (SELECT max(bucket) FROM fix_keyframes WHERE device = d.device AND bucket < ?)"""
# `+ts` keeps the planner on the seq range; arrival order lets `>=` break ts ties toward later rows.
_FIXES_AFTER_SEQ = f"""
    SELECT device, ts, lon, lat FROM events WHERE seq > ? AND +ts < ? AND {CURRENT_FIX} ORDER BY seq"""
_FIXES_IN_WINDOW = f"""
    SELECT device, ts, lon, lat FROM events WHERE ts >= ? AND ts <= ? AND {CURRENT_FIX} ORDER BY ts, seq"""


def folded_seq(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEYFRAMES_SEQ_KEY,)).fetchone()
    return int(row[0]) if row else 0


class Keyframes:
    """Keeps latest_fix and fix_keyframes in step with the appends; call `stage` inside the write."""

    def __init__(self, lag: int) -> None:
        self.lag = lag
        self._frames: dict[tuple[str, int], Frame] = {}
        self._base = -1
        """The folded seq the buffer starts after."""
        self._through = -1
        """The last seq the buffer covers; -1 while a write is uncommitted or after a failed one."""
        self._complete = False

    def stage(self, conn: sqlite3.Connection, new: Sequence[Event], seq_before: int, max_seq: int) -> None:
        """Upsert latest_fix for this batch, buffer its keyframes, and fold when `lag` rows are due."""
        frames = self._frames
        folded = folded_seq(conn)
        if self._through != seq_before or self._base != folded:
            frames = self._frames = {}  # another writer (or a failed write) came between: start over
            self._base, self._complete = folded, folded == seq_before
        self._through = -1
        fixes = [  # flagged fixes stay in the log only, never a position
            e
            for e in new
            if e.kind == "gps.fix" and e.lon is not None and e.lat is not None and "flagged" not in e.data
        ]
        # In ts order (stable, so a tie keeps arrival order), the last fix of a key in a comprehension is the
        # one `>=` would keep: only the few (device, minute) keys of the batch need comparing with the buffer.
        fixes.sort(key=_by_ts)
        for key, fix in {(e.device, e.ts // KEYFRAME_MS): e for e in fixes}.items():
            kept = frames.get(key)
            if kept is None or fix.ts >= kept[0]:
                frames[key] = (fix.ts, fix.lon, fix.lat)  # type: ignore[assignment]  # both tested above
        latest = {e.device: e for e in fixes}
        if latest:
            conn.executemany(_UPSERT_LATEST, [(d, e.ts, e.lon, e.lat) for d, e in latest.items()])
        if max_seq - folded >= self.lag:
            self._fold(conn, folded, max_seq)

    def _fold(self, conn: sqlite3.Connection, folded: int, max_seq: int) -> None:
        if self._complete:
            rows = [(d, b, *f) for (d, b), f in self._frames.items()]
            conn.executemany(_UPSERT_KEYFRAME, rows)
        else:
            conn.execute(FLUSH_KEYFRAMES, (folded,))
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (KEYFRAMES_SEQ_KEY, str(max_seq))
        )
        self._frames = {}
        self._base, self._complete = max_seq, True

    def committed(self, max_seq: int) -> None:
        """The write that `stage` joined is durable: the buffer now covers the log up to max_seq."""
        self._through = max_seq


def last_fixes(conn: sqlite3.Connection, at_ts: int) -> dict[str, Fix]:
    """Each device's last current fix at or before at_ts, without scanning history.

    Each device's keyframe from the last whole minute before at_ts (one index probe per device), then the
    log rows not yet folded into keyframes (fewer than the lag), then the log within at_ts's minute.
    """
    start = at_ts // KEYFRAME_MS * KEYFRAME_MS
    fixes = {r[0]: Fix(*r) for r in conn.execute(_KEYFRAMES_BEFORE, (start // KEYFRAME_MS,))}
    for r in conn.execute(_FIXES_AFTER_SEQ, (folded_seq(conn), start)):
        prev = fixes.get(r[0])
        if prev is None or r[1] >= prev.ts:
            fixes[r[0]] = Fix(*r)
    for r in conn.execute(_FIXES_IN_WINDOW, (start, at_ts)):
        fixes[r[0]] = Fix(*r)
    return fixes
