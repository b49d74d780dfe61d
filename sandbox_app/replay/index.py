"""Device snapshots every `FRAME_MS` of event time, so a seek reads one frame and at most one bucket of log.

Guards' positions already have minute keyframes in the store (`store/keyframes.py`); what a seek still lacks
is every device's last-heard time (to tell a silent gate from a quiet one), which would otherwise mean reading
up to an hour of log (the longest heartbeat). A frame at `start_ts` holds, for every device, the time and kind
of its last event with ts < start_ts, as two packed arrays (~9 bytes a device), plus how many events fell in
the bucket before it (the timeline's density ticks).

The frames are derived data, rebuilt from the log: `refresh` folds the events appended since the last call
(meta `SEQ_KEY`), starting again from the last frame before the oldest new event, so a late event rewrites
the frames after it. Tables are created on first use (`replay_` prefix); dropping them loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sandbox_app.domain.events import EVENT_KINDS
from sandbox_app.store import queries
from sandbox_app.store.keyframes import folded_seq
from sandbox_app.store.queries import Db

FRAME_MS = 120_000
SEQ_KEY = "replay.frames_seq"
KINDS: tuple[str, ...] = ("", *sorted(EVENT_KINDS))
"""Kind codes: index in this tuple; 0 means no event yet; unknown kinds get `OTHER_KIND`."""
OTHER_KIND = 255
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}
_CHUNK = 50_000
_DDL = (
    "CREATE TABLE IF NOT EXISTS replay_devices (idx INTEGER PRIMARY KEY, device TEXT NOT NULL UNIQUE)",
    """CREATE TABLE IF NOT EXISTS replay_frames (
        start_ts INTEGER PRIMARY KEY, count INTEGER NOT NULL, last_ts BLOB NOT NULL,
        last_kind BLOB NOT NULL)""",
)

I64 = NDArray[np.int64]
U8 = NDArray[np.uint8]


def kind_code(kind: str) -> int:
    return _KIND_CODE.get(kind, OTHER_KIND)


def kind_codes(kinds: list[str]) -> U8:
    get = _KIND_CODE.get
    return np.fromiter((get(k, OTHER_KIND) for k in kinds), dtype=np.uint8, count=len(kinds))


def kind_name(code: int) -> str | None:
    if code == 0:
        return None
    return KINDS[code] if code < len(KINDS) else "other"


@dataclass(slots=True)
class DeviceArrays:
    """Last-heard time (-1: never) and kind code per device index."""

    last_ts: I64
    last_kind: U8

    @classmethod
    def empty(cls, n: int) -> DeviceArrays:
        return cls(np.full(n, -1, dtype=np.int64), np.zeros(n, dtype=np.uint8))

    def grown(self, n: int) -> DeviceArrays:
        """The same state padded to `n` devices (devices first heard after this frame was written)."""
        if len(self.last_ts) >= n:
            return DeviceArrays(self.last_ts.copy(), self.last_kind.copy())
        out = DeviceArrays.empty(n)
        out.last_ts[: len(self.last_ts)] = self.last_ts
        out.last_kind[: len(self.last_kind)] = self.last_kind
        return out

    def apply(self, idx: I64, ts: I64, kind: U8) -> None:
        """Fold events (in time order): each device keeps its last one."""
        if not len(idx):
            return
        rev = idx[::-1]
        devs, first = np.unique(rev, return_index=True)
        last = len(idx) - 1 - first
        newer = ts[last] >= self.last_ts[devs]
        self.last_ts[devs[newer]] = ts[last][newer]
        self.last_kind[devs[newer]] = kind[last][newer]


@dataclass(frozen=True, slots=True)
class Frame:
    start_ts: int
    count: int
    """Events in [start_ts - FRAME_MS, start_ts)."""
    devices: DeviceArrays


class FrameIndex:
    """The frames of one store file, and the device ↔ index table they are packed by.

    Several indexes may read one file (the controller's, `timeline.device_gaps`, the video export): the
    device table in the file is the truth, so an index catches up with devices another one registered
    (`_sync`) before reading a frame packed for more devices, and registers under the write lock after a
    resync, so every index agrees on every device's slot and every array a frame yields has one length.
    """

    def __init__(self, db: Db) -> None:
        self.db = db
        with db.lock:
            for sql in _DDL:
                db.conn.execute(sql)
            rows = db.conn.execute("SELECT idx, device FROM replay_devices ORDER BY idx").fetchall()
        self.devices: list[str] = [r[1] for r in rows]
        self.index: dict[str, int] = {d: i for i, d in enumerate(self.devices)}
        self._hb_key: tuple[int, int] = (0, -1)
        self._hb: I64 = np.zeros(0, dtype=np.int64)
        self._unfolded: tuple[int, int, int | None] | None = None

    # reading ------------------------------------------------------------------------------------------
    def frame_at(self, at_ts: int) -> Frame | None:
        """The latest frame with start_ts <= at_ts (None before the first)."""
        with self.db.lock:
            row = self.db.conn.execute(
                """SELECT start_ts, count, last_ts, last_kind FROM replay_frames WHERE start_ts <= ?
                   ORDER BY start_ts DESC LIMIT 1""",
                (at_ts,),
            ).fetchone()
        return None if row is None else self._frame(row)

    def _frame(self, row: tuple[int, int, bytes, bytes]) -> Frame:
        arrays = DeviceArrays(
            np.frombuffer(row[2], dtype=np.int64).copy(), np.frombuffer(row[3], dtype=np.uint8).copy()
        )
        if len(arrays.last_ts) > len(self.devices):  # another index registered devices since
            with self.db.lock:
                self._sync()
        return Frame(row[0], row[1], arrays.grown(len(self.devices)))

    def _sync(self) -> None:
        """Append the devices other indexes registered in the file since (caller holds the lock)."""
        rows = self.db.conn.execute(
            "SELECT idx, device FROM replay_devices WHERE idx >= ? ORDER BY idx", (len(self.devices),)
        ).fetchall()
        for i, d in rows:
            self.devices.append(d)
            self.index[d] = int(i)

    def counts(self, start_ts: int, end_ts: int) -> list[tuple[int, int]]:
        """(bucket start, events) of the whole buckets in [start_ts, end_ts)."""
        with self.db.lock:
            rows = self.db.conn.execute(
                "SELECT start_ts - ?, count FROM replay_frames WHERE start_ts > ? AND start_ts <= ?",
                (FRAME_MS, start_ts, end_ts + FRAME_MS),
            ).fetchall()
        return [(int(r[0]), int(r[1])) for r in rows]

    def frames_between(self, start_ts: int, end_ts: int) -> list[Frame]:
        with self.db.lock:
            rows = self.db.conn.execute(
                """SELECT start_ts, count, last_ts, last_kind FROM replay_frames
                   WHERE start_ts >= ? AND start_ts <= ? ORDER BY start_ts""",
                (start_ts, end_ts),
            ).fetchall()
        return [self._frame(r) for r in rows]

    def codes(self, devices: list[str]) -> I64:
        """Device indexes, registering devices not seen before (so a tail may hold new ones)."""
        new = [d for d in dict.fromkeys(devices) if d not in self.index]
        if new:
            self._register(new)
        return np.fromiter(map(self.index.__getitem__, devices), dtype=np.int64, count=len(devices))

    def heartbeats(self, district: object, of: Callable[[str], int]) -> I64:
        """Heartbeat (ms) per device index for `district`, cached until devices are added."""
        key = (id(district), len(self.devices))
        if self._hb_key != key:
            self._hb = np.fromiter(map(of, self.devices), dtype=np.int64, count=len(self.devices))
            self._hb_key = key
        return self._hb

    def _register(self, new: list[str]) -> None:
        """Give `new` devices the next free slots; inside the write transaction, after catching up with
        the slots other indexes (or processes) took, so no two devices ever share one."""
        with self.db.lock:
            conn = self.db.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                self._sync()
                start = len(self.devices)
                rows = [(start + i, d) for i, d in enumerate(d for d in new if d not in self.index)]
                conn.executemany("INSERT INTO replay_devices (idx, device) VALUES (?, ?)", rows)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            for i, d in rows:
                self.devices.append(d)
                self.index[d] = i

    def unfolded(self) -> tuple[int, int | None]:
        """(the store's keyframe seq, the earliest ts of the log rows after it): fixes a seek must still
        read from the log because the store folds them into keyframes only every few thousand rows."""
        with self.db.lock:
            folded = folded_seq(self.db.conn)
            top = int(self.db.conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0])
        cached = self._unfolded
        if cached is None or cached[0] != folded or cached[1] > top:
            earliest = queries.seq_span_min_ts(self.db, folded, top)
        else:
            newer = queries.seq_span_min_ts(self.db, cached[1], top)
            known = [t for t in (cached[2], newer) if t is not None]
            earliest = min(known) if known else None
        self._unfolded = (folded, top, earliest)
        return folded, earliest

    # building -----------------------------------------------------------------------------------------
    def stale(self) -> bool:
        done, top = self._seqs()
        return top > done

    def _seqs(self) -> tuple[int, int]:
        with self.db.lock:
            row = self.db.conn.execute("SELECT value FROM meta WHERE key = ?", (SEQ_KEY,)).fetchone()
            top = self.db.conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
        return (int(row[0]) if row else 0), int(top)

    def refresh(self) -> int:
        """Fold the events appended since the last refresh; returns how many frames were (re)written."""
        done, top = self._seqs()
        if top <= done:
            return 0
        with self.db.lock:
            oldest_new = self.db.conn.execute(
                "SELECT min(ts) FROM events WHERE seq > ? AND seq <= ?", (done, top)
            ).fetchone()[0]
        base = self.frame_at(int(oldest_new)) if done else None
        if base is None:
            with self.db.lock:
                first = int(self.db.conn.execute("SELECT min(ts) FROM events").fetchone()[0])
            base = Frame(first // FRAME_MS * FRAME_MS, 0, DeviceArrays.empty(len(self.devices)))
        written = self._rebuild_from(base, top)
        with self.db.lock:
            self.db.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SEQ_KEY, str(top))
            )
        return written

    def _rebuild_from(self, base: Frame, top_seq: int) -> int:
        """Rewrite every frame after `base` from the log (events with seq <= top_seq), in chunks."""
        state = base.devices.grown(len(self.devices))
        boundary = base.start_ts
        count = 0
        pending: list[tuple[int, int, bytes, bytes]] = []
        with self.db.lock:
            self.db.conn.execute("DELETE FROM replay_frames WHERE start_ts >= ?", (base.start_ts,))
        pending.append((boundary, base.count, state.last_ts.tobytes(), state.last_kind.tobytes()))
        written = 0
        cursor = (base.start_ts, -1)
        while True:
            with self.db.lock:
                rows = self.db.conn.execute(
                    f"""SELECT seq, ts, device, kind FROM events WHERE (ts, seq) > (?, ?) AND seq <= ?
                        ORDER BY ts, seq LIMIT {_CHUNK}""",
                    (cursor[0], cursor[1], top_seq),
                ).fetchall()
            if not rows:
                break
            cursor = (rows[-1][1], rows[-1][0])
            ts = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
            idx = self.codes([r[2] for r in rows])
            kinds = kind_codes([r[3] for r in rows])
            if len(self.devices) > len(state.last_ts):
                state = state.grown(len(self.devices))
            pos = 0
            while boundary + FRAME_MS <= int(ts[-1]):
                boundary += FRAME_MS
                cut = int(np.searchsorted(ts, boundary, side="left"))
                state.apply(idx[pos:cut], ts[pos:cut], kinds[pos:cut])
                count += cut - pos
                pending.append((boundary, count, state.last_ts.tobytes(), state.last_kind.tobytes()))
                pos, count = cut, 0
            state.apply(idx[pos:], ts[pos:], kinds[pos:])
            count += len(rows) - pos
            if len(pending) >= 64:
                written += self._write(pending)
                pending = []
        return written + self._write(pending)

    def _write(self, frames: list[tuple[int, int, bytes, bytes]]) -> int:
        if not frames:
            return 0
        with self.db.lock:
            conn = self.db.conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT OR REPLACE INTO replay_frames VALUES (?, ?, ?, ?)", frames)
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return len(frames)
