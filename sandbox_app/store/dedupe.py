"""Which event identities the log already holds, without a unique index on the log.

An event's identity is (device, id), not the id alone: vendors number events per device, so id "1" from a
door magnet and id "1" from a smart lock are two events. In memory and in `event_ids` the pair is one text
key (`event_key`), id first so that sequential ids still give keys in ascending order (the fence below).
A repeated identity is a duplicate only when its content matches a stored copy (true redelivery); with
different content it is a conflict (`conflict_copy`): kept, flagged and alerted on, never dropped.

Why not `UNIQUE(id)` on `events`: ids are often random (UUIDs from devices and platforms), and a random-key
index dirties about one page per new event at every commit. Measured on this machine kind with 1 M events in
batches of 1,000: 14–16 k rows/s with the index versus ~185 k rows/s with only the time index.

So ids live in two tiers. Ids of events up to `sealed_seq` are in the `event_ids` table (a sorted set,
WITHOUT ROWID); ids of the newer events are in memory here, rebuilt from the log's tail on open. When the
memory tier grows past `seal_every` ids, they are merged into `event_ids` in one sorted bulk insert, which
writes each touched page once instead of once per batch. All of this runs inside the caller's write
transaction, so another process writing the same file is noticed (the log's max seq moved) and caught up.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import orjson

from sandbox_app.domain.events import Event

SEALED_KEY = "_store.ids_sealed_seq"
KEY_SQL = "id || char(31) || device || char(31) || length(CAST(device AS BLOB))"
"""`event_key` in SQLite's SQL (for the seal and the migration): the same text for the same pair."""
CONFLICT_OF = "conflict_of"
"""data key of a conflicting report's stored copy: the id it shares with an earlier, different report."""
_ENGINE_KEYS = frozenset({"flagged", "quarantined", CONFLICT_OF})
"""data keys the engine adds before storing: not part of what the device reported."""


def event_key(event_id: str, device: str) -> str:
    """One text per (device, id), injective: the device's UTF-8 length at the end says where it starts,
    so no choice of separators inside an id or a device id makes two pairs share a key."""
    return f"{event_id}\x1f{device}\x1f{len(device.encode())}"


class _Tails(dict[str, str]):
    """device → the part of its keys after the id, made once per device: `keys_of` then costs one lookup
    and one concatenation per event (half of formatting each key whole, measured). Bounded: hostile
    device ids may come by the million."""

    def __missing__(self, device: str) -> str:
        if len(self) >= 100_000:
            self.clear()
        tail = self[device] = f"\x1f{device}\x1f{len(device.encode())}"
        return tail


_TAILS = _Tails()


def keys_of(events: Sequence[Event]) -> list[str]:
    """`event_key` of each event, in one comprehension (this runs once per appended event)."""
    tails = _TAILS
    return [e.id + tails[e.device] for e in events]


def content(event: Event) -> tuple[Any, ...]:
    """What a device reported, for telling a redelivery from a conflicting report."""
    data = {k: v for k, v in event.data.items() if k not in _ENGINE_KEYS}
    return (event.ts, event.kind, event.lon, event.lat, orjson.dumps(data, option=orjson.OPT_SORT_KEYS))


def conflict_copy(event: Event) -> Event:
    """The stored form of a report whose identity is taken by a different one: its own id (the original
    id plus a digest of its content, so a redelivery of the same conflicting report is a duplicate of it),
    flagged (kept out of positions and rules: which of the two is genuine is for a person to judge)."""
    digest = hashlib.blake2b(repr(content(event)).encode(), digest_size=6).hexdigest()
    data = {
        **event.data,
        "flagged": "conflicting report: same device and id as an earlier, different report",
        CONFLICT_OF: event.id,
    }
    return Event(f"{event.id}~{digest}", event.ts, event.device, event.kind, event.lon, event.lat, data)


def conflicts(events: Sequence[Event], new: Sequence[Event], stored: Iterable[Event]) -> list[Event]:
    """`conflict_copy` of each repeat in `events` (not among `new`) whose content matches no stored copy
    of its identity (`stored`: the log's events at the repeats' times, `new` already in it). Each distinct
    conflicting report once."""
    kept = {id(e) for e in new}
    repeats = [e for e in events if id(e) not in kept]
    known: dict[str, set[tuple[Any, ...]]] = {}
    for e in stored:
        known.setdefault(event_key(e.id, e.device), set()).add(content(e))
    out: dict[str, Event] = {}
    for e in repeats:
        if content(e) not in known.get(event_key(e.id, e.device), ()):
            copy = conflict_copy(e)
            out.setdefault(copy.id, copy)
    return list(out.values())


_CHUNK = 30_000
"""Ids per IN (...) lookup; SQLite allows 32,766 host parameters."""


class EventIds:
    """The set of stored event ids; call its methods only inside a write transaction."""

    def __init__(self, seal_every: int = 250_000) -> None:
        self.seal_every = seal_every
        self._recent: set[str] = set()
        self._sealed_seq = -1
        self._known_seq = -1
        self._fence: tuple[str, str] | None = None
        """(min, max) id of the sealed tier: an id outside needs no lookup (sequential ids never do)."""
        self._top: str | None = None
        """The largest id recorded so far."""
        self._span = ("", "")
        """(min, max) of the ids `unseen` last passed on, for `added`."""
        self._ascending = True
        """Every batch since the last seal held only ids above all earlier ones (sequential ids): the seal
        can skip sorting, as inserting them in log order already touches each page once."""

    def sync(self, conn: sqlite3.Connection) -> int:
        """Catch up with rows written since we last looked (by another process); return the max seq."""
        max_seq: int = conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
        if max_seq == self._known_seq:
            return max_seq
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (SEALED_KEY,)).fetchone()
        sealed = int(row[0]) if row else 0
        if sealed != self._sealed_seq:
            self._recent = set()
            self._sealed_seq = self._known_seq = sealed
            self._load_fence(conn)
        tail = [r[0] for r in conn.execute(f"SELECT {KEY_SQL} FROM events WHERE seq > ?", (self._known_seq,))]
        self._recent.update(tail)
        self._ascending = self._ascending and not tail  # another writer's ids: order unknown
        self._known_seq = max_seq
        return max_seq

    def unseen(self, conn: sqlite3.Connection, ids: set[str]) -> set[str]:
        """Those of the keys `ids` (`event_key`) not stored yet (a duplicate-free candidate set)."""
        fresh = ids - self._recent
        if not fresh:
            return fresh
        self._span = first, last = min(fresh), max(fresh)
        if self._fence is not None:
            low, high = self._fence
            if first > high or last < low:  # ids that keep growing (the usual case): no lookup
                return fresh
            pending = [i for i in fresh if low <= i <= high]
            for start in range(0, len(pending), _CHUNK):
                chunk = pending[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                found = conn.execute(f"SELECT id FROM event_ids WHERE id IN ({marks})", chunk)
                fresh.difference_update(r[0] for r in found)
        return fresh

    @staticmethod
    def first_copies(events: Sequence[Event], keys: Sequence[str], fresh: set[str]) -> list[Event]:
        """Events whose key (`keys`, one per event) is in `fresh`, each key once: the first copy wins."""
        if len(fresh) == len(events):
            return list(events)  # `fresh` came from these events' keys: all of them, once each
        seen: set[str] = set()
        add = seen.add
        return [e for e, k in zip(events, keys, strict=True) if k in fresh and not (k in seen or add(k))]

    def unordered(self) -> None:
        """Keys were recorded out of order (conflict copies): the next seal sorts."""
        self._ascending = False

    def added(self, ids: set[str], max_seq: int) -> None:
        """Record ids just committed; call only after COMMIT so a rollback leaves this set true."""
        self._recent |= ids
        self._known_seq = max_seq
        if ids:
            low, high = self._span  # of a superset of `ids`: good enough for a hint
            if self._top is not None and low <= self._top:
                self._ascending = False
            if self._top is None or high > self._top:
                self._top = high

    @property
    def wants_seal(self) -> bool:
        return len(self._recent) >= self.seal_every

    def seal(self, conn: sqlite3.Connection) -> None:
        """Move the memory tier into `event_ids` (inside the caller's transaction; `sealed` after COMMIT)."""
        order = "" if self._ascending else " ORDER BY 1"  # sorting costs ~0.4 µs per id (measured)
        conn.execute(
            f"INSERT OR IGNORE INTO event_ids (id) SELECT {KEY_SQL} FROM events WHERE seq > ?{order}",
            (self._sealed_seq,),
        )
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            (SEALED_KEY, str(self._known_seq)),
        )

    def sealed(self, conn: sqlite3.Connection) -> None:
        self._recent = set()
        self._sealed_seq = self._known_seq
        self._ascending = True
        self._load_fence(conn)

    def _load_fence(self, conn: sqlite3.Connection) -> None:
        # Two queries: SQLite answers a lone min() or max() from the index end, but both in one SELECT scan
        # the whole table (measured: 36 ms per 200 k sealed ids, growing with the log).
        low = conn.execute("SELECT min(id) FROM event_ids").fetchone()[0]
        high = conn.execute("SELECT max(id) FROM event_ids").fetchone()[0]
        self._fence = None if low is None else (low, high)
        if high is not None and (self._top is None or high > self._top):
            self._top = high
