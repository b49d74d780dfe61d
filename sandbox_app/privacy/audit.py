"""Append-only, tamper-evident audit log: who did what, to what, when.

Each entry's hash is sha256(previous hash + canonical entry), so editing, deleting or reordering any entry
breaks the chain from there on and `verify()` names the first broken one. The store's triggers refuse
UPDATE and DELETE on the table; the chain is what catches someone who drops the triggers or edits the file.
Opening the log recreates dropped triggers and notes it in `meta` (`verify` reports it as tampering).
The head (last seq and hash) is also kept in `meta`, so a cut-off tail is caught as well. Someone who can
rewrite the whole file can rebuild a consistent chain: keep `sandbox-app audit head` output somewhere else
(docs/security.md) and pass it to `verify` as an anchor.

Keyed chain (issue 14): with an audit key (`sandbox-app audit keygen`, a 0600 file outside the database,
named by $SANDBOX_AUDIT_KEY or `--audit-key`), entries from the key's first sequence number on are chained
with HMAC-SHA256 instead of SHA-256, so a copy of the database alone cannot append or rewrite entries that
pass `verify` with the key.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from sandbox_app.engine.clock import WallClock
from sandbox_app.privacy import db
from sandbox_app.store.migrations import _V5_USERS_AUDIT

_log = logging.getLogger(__name__)
GENESIS = "0" * 64
"""The `prev` of the first entry."""
HEAD_KEY = "audit.head"
"""meta key: "<seq>:<hash>" of the last entry, written in the same transaction as the entry."""
KEYED_KEY = "audit.keyed_from"
"""meta key: the first seq chained with the audit key (a hint for `verify`; the key file is the authority)."""
KEY_ENV = "SANDBOX_AUDIT_KEY"
"""Environment variable naming the audit key file, for every process that appends (GUI, serve, CLI)."""
_KEY_MAGIC = "sandbox-audit-key-v1"
_PAGE = 5_000
TRIGGERS: dict[str, str] = {
    sql.split()[2]: sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1)
    for sql in _V5_USERS_AUDIT
    if isinstance(sql, str) and "CREATE TRIGGER" in sql
}
"""The append-only triggers of migration v5, by name: recreated on open when someone dropped them."""
DROPPED_KEY = "audit.triggers_dropped"
"""meta key: "<ts>:<trigger names>" the first time an open found append-only triggers dropped."""

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
SEARCH = "search"
"""A person searched (综合查询): who searched for what, since a query is often a name or an ID number."""
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


class AuditKeyError(Exception):
    """The audit key is missing, unreadable, too open, or the log needs one that was not given."""


@dataclass(frozen=True, slots=True, repr=False)
class AuditKey:
    """An HMAC key for the chain, and the first seq it covers (entries before it stay plain SHA-256)."""

    secret: bytes
    from_seq: int


def write_key(path: str | Path, from_seq: int) -> AuditKey:
    """Create a new key file, 0600 whatever the umask; refuses to overwrite one."""
    key = AuditKey(secrets.token_bytes(32), from_seq)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        os.fchmod(f.fileno(), 0o600)
        f.write(f"{_KEY_MAGIC} {key.secret.hex()} {from_seq}\n")
    return key


def load_key(path: str | Path) -> AuditKey:
    """Read a key file; refused when group or others may read it (a copied key forges entries)."""
    try:
        mode = os.stat(path).st_mode
        text = Path(path).read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditKeyError(f"cannot read the audit key {path}: {exc}") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise AuditKeyError(f"the audit key {path} may be read by others: chmod 600 it")
    if len(text) != 3 or text[0] != _KEY_MAGIC or not text[2].isdigit():
        raise AuditKeyError(f"{path} is not an audit key (made by `sandbox-app audit keygen`)")
    try:
        return AuditKey(bytes.fromhex(text[1]), int(text[2]))
    except ValueError:
        raise AuditKeyError(f"{path} is not an audit key (made by `sandbox-app audit keygen`)") from None


def key_from_env() -> AuditKey | None:
    """The key named by $SANDBOX_AUDIT_KEY, or None when it is not set."""
    path = os.environ.get(KEY_ENV)
    return load_key(path) if path else None


def entry_hash(
    prev: str,
    seq: int,
    ts: int,
    actor: str,
    action: str,
    target: str,
    detail: str,
    key: AuditKey | None = None,
) -> str:
    """SHA-256 of (previous hash + canonical entry), or HMAC-SHA256 with the key for entries it covers."""
    canonical = orjson.dumps([seq, ts, actor, action, target, detail])
    data = prev.encode("ascii", "replace") + canonical
    if key is not None and seq >= key.from_seq:
        return hmac.new(key.secret, data, hashlib.sha256).hexdigest()
    return hashlib.sha256(data).hexdigest()


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

    def __init__(
        self,
        conn: sqlite3.Connection,
        now_ms: Callable[[], int] | None = None,
        key: AuditKey | None = None,
    ) -> None:
        """`conn` from `privacy.db.connect` (autocommit, migrated); `now_ms` stamps entries (wall time);
        `key` chains new entries with HMAC (default: the key named by $SANDBOX_AUDIT_KEY, if any)."""
        self._conn = conn
        self._now_ms = now_ms or WallClock().now_ms
        self._lock = threading.Lock()
        self.key = key if key is not None else key_from_env()
        self.table_missing = False
        self.triggers_restored: list[str] = []
        """Append-only triggers found dropped (and recreated) when this log was opened."""
        self._check_schema()

    @classmethod
    def open(
        cls, path: str | Path, now_ms: Callable[[], int] | None = None, key: AuditKey | None = None
    ) -> AuditLog:
        return cls(db.connect(path), now_ms, key)

    def _check_schema(self) -> None:
        """Note a dropped table (never recreated: that would hide it) and recreate dropped triggers, on the
        record: a warning, and an entry `audit.triggers_restored` that `verify` and `list` show later."""
        with self._lock:
            names = {
                str(r[0]): str(r[1])
                for r in self._conn.execute(
                    "SELECT name, type FROM sqlite_master WHERE tbl_name = 'audit_log'"
                )
            }
            if names.get("audit_log") != "table":
                self.table_missing = True
                _log.error("the audit_log table is missing (dropped?)")
                return
            missing = [name for name in TRIGGERS if names.get(name) != "trigger"]
            for name in missing:
                self._conn.execute(TRIGGERS[name])
        if missing:
            self.triggers_restored = missing
            _log.warning("audit log: append-only trigger(s) %s were dropped; recreated", ", ".join(missing))
            note = f"{self._now_ms()}:{','.join(missing)}"
            with self._lock:
                self._conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (DROPPED_KEY, note)
                )

    def triggers_dropped(self) -> str | None:
        """ "<ts>:<names>" when an open found the append-only triggers dropped (now or before), else None.

        Kept in `meta`, not as an entry: an entry appended after a deleted tail would hide the cut."""
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (DROPPED_KEY,)).fetchone()
        return None if row is None else str(row[0])

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
        processes appending at once still form one chain. An empty actor is refused (it records no one);
        so is appending without the key to a log that was keyed."""
        if not actor.strip():
            raise ValueError("audit entry without an actor")
        text = canonical_detail(detail)
        ts = self._now_ms()
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                last = self._conn.execute(
                    "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
                ).fetchone()
                seq, prev = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
                if self.key is None and self._keyed_from() is not None:
                    raise AuditKeyError(f"this audit log is keyed: set ${KEY_ENV} to its key file")
                digest = entry_hash(prev, seq, ts, actor, action, target, text, self.key)
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

    def _keyed_from(self) -> int | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (KEYED_KEY,)).fetchone()
        return int(row[0]) if row is not None and str(row[0]).isdigit() else None

    def keyed_from(self) -> int | None:
        """The first seq the log says is keyed (None: not keyed); `verify` trusts the key file, not this."""
        with self._lock:
            return self._keyed_from()

    def start_key(self, path: str | Path) -> AuditKey:
        """Create a key file covering every entry after the current head, and use it from now on."""
        if self.keyed_from() is not None:
            raise AuditKeyError("this audit log already has a key")
        key = write_key(path, self.head()[0] + 1)
        with self._lock:
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                (KEYED_KEY, str(key.from_seq), str(key.from_seq)),
            )
        self.key = key
        return key

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

        `anchor` is a (seq, hash) noted down earlier: the log must still hold exactly that entry. With a key
        (given, or from $SANDBOX_AUDIT_KEY) every entry from the key's first seq on must carry its HMAC, so
        entries appended or rewritten with a copy of the database alone are found. A log that says it is
        keyed cannot be verified without the key (AuditKeyError)."""
        if self.table_missing:
            return AuditBreak(1, "the audit_log table is missing (dropped)")
        key = self.key
        if key is None and self.keyed_from() is not None:
            raise AuditKeyError(
                f"this audit log is keyed: verify it with its key (--audit-key or ${KEY_ENV})"
            )
        expected_seq, prev = 1, GENESIS
        for seq, ts, actor, action, target, detail, stored_prev, digest in self._rows():
            if seq != expected_seq:
                return AuditBreak(expected_seq, f"entry {expected_seq} is missing (deleted)")
            if stored_prev != prev:
                return AuditBreak(seq, "does not follow the previous entry (deleted or reordered before it)")
            if entry_hash(prev, seq, ts, actor, action, target, detail, key) != digest:
                if key is not None and seq >= key.from_seq:
                    return AuditBreak(
                        seq, "does not carry the audit key's HMAC (forged without the key, or edited)"
                    )
                return AuditBreak(seq, "content does not match its hash (edited)")
            if anchor is not None and seq == anchor[0] and digest != anchor[1]:
                return AuditBreak(seq, "differs from the anchor (the log was rewritten)")
            prev, expected_seq = digest, seq + 1
        last = expected_seq - 1
        if key is not None and key.from_seq > last + 1:
            return AuditBreak(
                last + 1, f"log ends at {last} but the key started after entry {key.from_seq - 1} (cut)"
            )
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
        except (sqlite3.Error, AuditKeyError, ValueError):
            _log.exception("audit write failed: %s %s %s", actor, action, target)
            self.failures += 1
