"""Append-only, tamper-evident audit log: who did what, to what, when.

Each entry's hash is sha256(previous hash + canonical entry), so editing, deleting or reordering any entry
breaks the chain from there on and `verify()` names the first broken one. The store's triggers refuse
UPDATE and DELETE on the table; the chain is what catches someone who drops the triggers or edits the file.
The head (last seq and hash) is also kept in `meta`, so a cut-off tail is caught as well. Someone who can
rewrite the whole file can rebuild a consistent chain: keep `sandbox-app audit head` output somewhere else
(docs/security.md) and pass it to `verify` as an anchor.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from sandbox_app.clock import WallClock
from sandbox_app.privacy import db

_log = logging.getLogger(__name__)
GENESIS = "0" * 64
"""The `prev` of the first entry."""
HEAD_KEY = "audit.head"
"""meta key: "<seq>:<hash>" of the last entry, written in the same transaction as the entry."""
_PAGE = 5_000

# Actions (the `action` column). Alert and dispatch steps use "alert.<state>" / "dispatch.<state>".
LOGIN_OK = "login.ok"
LOGIN_FAILED = "login.failed"
LOGIN_LOCKED = "login.locked"
UNMASK = "unmask"
EXPORT = "export"
RULES_CHANGED = "rules.change"
BRIDGES_CHANGED = "bridges.change"
USER_ADDED = "user.add"
USER_CHANGED = "user.change"
DENIED = "denied"
ALERT_PREFIX = "alert."
DISPATCH_PREFIX = "dispatch."


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    ts: int
    actor: str
    action: str
    target: str
    detail: dict[str, Any]
    prev: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "ts": self.ts,
            "actor": self.actor,
            "action": self.action,
            "target": self.target,
            "detail": self.detail,
            "hash": self.hash,
        }


@dataclass(frozen=True, slots=True)
class AuditBreak:
    """The first entry where the chain does not hold, and why."""

    seq: int
    reason: str


def canonical_detail(detail: Mapping[str, Any] | None) -> str:
    """Sorted-key JSON: the same detail always hashes the same."""
    return orjson.dumps(dict(detail or {}), option=orjson.OPT_SORT_KEYS, default=str).decode()


def entry_hash(prev: str, seq: int, ts: int, actor: str, action: str, target: str, detail: str) -> str:
    canonical = orjson.dumps([seq, ts, actor, action, target, detail])
    return hashlib.sha256(prev.encode("ascii", "replace") + canonical).hexdigest()


_Row = tuple[int, int, str, str, str, str, str, str]
_COLUMNS = "seq, ts, actor, action, target, detail, prev, hash"


def _entry(row: _Row) -> AuditEntry:
    try:
        detail = orjson.loads(row[5])
    except orjson.JSONDecodeError:
        detail = {"unreadable": row[5]}
    return AuditEntry(row[0], row[1], row[2], row[3], row[4], detail, row[6], row[7])


class AuditLog:
    """Records entries and checks the chain. Thread-safe; one transaction per entry."""

    def __init__(self, conn: sqlite3.Connection, now_ms: Callable[[], int] | None = None) -> None:
        """`conn` from `privacy.db.connect` (autocommit, migrated); `now_ms` stamps entries (wall time)."""
        self._conn = conn
        self._now_ms = now_ms or WallClock().now_ms
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: str | Path, now_ms: Callable[[], int] | None = None) -> AuditLog:
        return cls(db.connect(path), now_ms)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def record(
        self, actor: str, action: str, target: str = "", detail: Mapping[str, Any] | None = None
    ) -> AuditEntry:
        """Append one entry; the previous hash is read inside the same write transaction, so two
        processes appending at once still form one chain."""
        text = canonical_detail(detail)
        ts = self._now_ms()
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                last = self._conn.execute(
                    "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
                ).fetchone()
                seq, prev = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
                digest = entry_hash(prev, seq, ts, actor, action, target, text)
                self._conn.execute(
                    f"INSERT INTO audit_log ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (seq, ts, actor, action, target, text, prev, digest),
                )
                self._conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                    (HEAD_KEY, f"{seq}:{digest}", f"{seq}:{digest}"),
                )
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
        return AuditEntry(seq, ts, actor, action, target, orjson.loads(text), prev, digest)

    def _rows(self) -> Iterator[_Row]:
        after = -(2**62)
        while True:
            with self._lock:
                rows: list[_Row] = self._conn.execute(
                    f"SELECT {_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT {_PAGE}", (after,)
                ).fetchall()
            yield from rows
            if len(rows) < _PAGE:
                return
            after = rows[-1][0]

    def entries(self, action: str | None = None) -> list[AuditEntry]:
        """Every entry in order (or those whose action starts with `action`)."""
        return [_entry(r) for r in self._rows() if action is None or r[3].startswith(action)]

    def head(self) -> tuple[int, str]:
        """(seq, hash) of the last entry; (0, GENESIS) for an empty log. Keep it elsewhere as an anchor."""
        with self._lock:
            last = self._conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return (0, GENESIS) if last is None else (int(last[0]), str(last[1]))

    def verify(self, anchor: tuple[int, str] | None = None) -> AuditBreak | None:
        """The first broken entry (edited, deleted, reordered, or a cut-off tail), or None if whole.

        `anchor` is a (seq, hash) noted down earlier: the log must still hold exactly that entry."""
        expected_seq, prev = 1, GENESIS
        for seq, ts, actor, action, target, detail, stored_prev, digest in self._rows():
            if seq != expected_seq:
                return AuditBreak(expected_seq, f"entry {expected_seq} is missing (deleted)")
            if stored_prev != prev:
                return AuditBreak(seq, "does not follow the previous entry (deleted or reordered before it)")
            if entry_hash(prev, seq, ts, actor, action, target, detail) != digest:
                return AuditBreak(seq, "content does not match its hash (edited)")
            if anchor is not None and seq == anchor[0] and digest != anchor[1]:
                return AuditBreak(seq, "differs from the anchor (the log was rewritten)")
            prev, expected_seq = digest, seq + 1
        last = expected_seq - 1
        if anchor is not None and anchor[0] > last:
            return AuditBreak(last + 1, f"log ends at {last} but the anchor names entry {anchor[0]} (cut)")
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_KEY,)).fetchone()
        if row is not None:
            head_seq, _, head_hash = str(row[0]).partition(":")
            if not head_seq.isdigit() or int(head_seq) > last:
                return AuditBreak(last + 1, f"log ends at {last} but its head says {head_seq} (cut)")
            if int(head_seq) == last and head_hash != prev:
                return AuditBreak(last, "last entry differs from the recorded head (rewritten)")
        elif last > 0:
            return AuditBreak(last, "the recorded head is missing")
        return None


class AuditTrail:
    """A callable adapter for the engine and the desk: `trail(actor, action, target, detail)`.

    Audit is a safety record, not part of the pipeline: a failing write is logged and counted (`failures`)
    rather than raised into the engine thread, so a locked database never stops alerts."""

    def __init__(self, log: AuditLog) -> None:
        self.log = log
        self.failures = 0

    def __call__(self, actor: str, action: str, target: str, detail: Mapping[str, Any]) -> None:
        try:
            self.log.record(actor, action, target, detail)
        except sqlite3.Error:
            _log.exception("audit write failed: %s %s %s", actor, action, target)
            self.failures += 1
