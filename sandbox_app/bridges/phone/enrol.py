"""Which phone speaks for which guard: one-time enrolment codes and the revocable tokens they become.

An admin issues a code per guard (`sandbox-app phone enrol GUARD`); the guard types it (or opens the link
with it) on the phone, and the station exchanges it once for a long random token bound to that guard. Only
hashes are kept (a copy of the file gives away no code or token), a code expires and works once, a guard
has at most one live token (enrolling again replaces the old phone's), and `revoke` ends it at once: the
server checks the token against this table on every request, so a revoked phone is refused on its next call.

The table lives in the station's local SQLite file (the one holding users and the audit log: `--audit`,
else the `--db` file), because a token is a credential like a password and the city's PostgreSQL store
holds none. Every step goes into the same tamper-evident audit chain as the CLI's (`privacy.audit`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox_app.domain.model import District
from sandbox_app.privacy import db
from sandbox_app.privacy.audit import AuditLog

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""No 0/O, 1/I/L: a code is read off a screen or paper and typed on a phone."""
CODE_LENGTH = 10
"""31^10 ≈ 8e14 codes; with the enrol rate limit a guess is hopeless within a code's lifetime."""
DEFAULT_CODE_TTL_S = 24 * 3600.0
ACTOR_PREFIX = "phone:"
"""Audit actor of the steps a phone takes itself: "phone:<guard>"."""

_SCHEMA = """CREATE TABLE IF NOT EXISTS phone_enrolment (
    guard TEXT PRIMARY KEY,
    code_hash TEXT,
    code_expires_ms INTEGER,
    token_hash TEXT,
    token_issued_ms INTEGER,
    issued_by TEXT NOT NULL,
    revoked_ms INTEGER
)"""


class EnrolError(ValueError):
    """An enrolment step that cannot be done: unknown guard, wrong or expired code, nothing to revoke."""


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalise_code(text: str) -> str:
    """What the guard typed → the code: case, spaces and dashes do not matter."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


@dataclass(frozen=True, slots=True)
class Enrolment:
    guard: str
    issued_by: str
    code_pending: bool
    """A code was issued and not yet used (and may have expired)."""
    token_live: bool
    revoked_ms: int | None


class PhoneBook:
    """Codes and tokens in the station's local file; thread-safe (the phone server's handler threads)."""

    def __init__(self, path: str | Path, now_ms: Callable[[], int], audit: AuditLog | None = None) -> None:
        self._conn: sqlite3.Connection = db.connect(path)
        self._conn.execute(_SCHEMA)
        self._now_ms = now_ms
        # The audit log's own connection: its BEGIN IMMEDIATE … COMMIT must never take in (or roll back)
        # a write of ours made meanwhile from another handler thread on a shared connection.
        self._own_audit = audit is None
        self._audit = audit if audit is not None else AuditLog(db.connect(path), now_ms)
        self._lock = threading.Lock()

    def close(self) -> None:
        self._conn.close()
        if self._own_audit:
            self._audit.close()

    def __enter__(self) -> PhoneBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def audit(self, actor: str, action: str, target: str, detail: dict[str, Any] | None = None) -> None:
        """One entry in the station's audit chain (the CLI's: `sandbox-app audit list/verify`)."""
        self._audit.record(actor, action, target, detail or {})

    # admin ---------------------------------------------------------------------------------------------
    def enrol(self, district: District, guard: str, actor: str, ttl_s: float = DEFAULT_CODE_TTL_S) -> str:
        """A fresh one-time code for `guard` (any earlier code of theirs stops working; a phone already
        enrolled keeps its token until the new code is used or `revoke`)."""
        found = district.guards.get(guard)
        if found is None:
            raise EnrolError(f"no guard {guard!r} in the district")
        if not found.device_id:
            raise EnrolError(f"guard {guard} has no device: positions would have nowhere to go")
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        expires = self._now_ms() + round(ttl_s * 1000)
        with self._lock:
            self._conn.execute(
                """INSERT INTO phone_enrolment (guard, code_hash, code_expires_ms, issued_by)
                   VALUES (?, ?, ?, ?) ON CONFLICT (guard) DO UPDATE SET
                   code_hash = excluded.code_hash, code_expires_ms = excluded.code_expires_ms,
                   issued_by = excluded.issued_by""",
                (guard, _hash(code), expires, actor),
            )
        self.audit(actor, "phone.enrol", guard, {"expires_ms": expires})
        return code

    def revoke(self, guard: str, actor: str) -> None:
        """End the guard's token and any unused code, now."""
        with self._lock:
            row = self._conn.execute(
                "SELECT token_hash, code_hash FROM phone_enrolment WHERE guard = ?", (guard,)
            ).fetchone()
            if row is None or (row[0] is None and row[1] is None):
                raise EnrolError(f"guard {guard} has no phone enrolment to revoke")
            self._conn.execute(
                """UPDATE phone_enrolment SET token_hash = NULL, code_hash = NULL, code_expires_ms = NULL,
                   revoked_ms = ? WHERE guard = ?""",
                (self._now_ms(), guard),
            )
        self.audit(actor, "phone.revoke", guard, {"had_token": row[0] is not None})

    def enrolments(self) -> list[Enrolment]:
        with self._lock:
            rows = self._conn.execute(
                """SELECT guard, issued_by, code_hash, token_hash, revoked_ms
                   FROM phone_enrolment ORDER BY guard"""
            ).fetchall()
        return [Enrolment(r[0], r[1], r[2] is not None, r[3] is not None, r[4]) for r in rows]

    # phone ---------------------------------------------------------------------------------------------
    def redeem(self, code: str, peer: str) -> tuple[str, str]:
        """Code → (guard, token); the code is spent. Raises EnrolError (audited) for a wrong or old code."""
        digest = _hash(normalise_code(code))
        now = self._now_ms()
        token = secrets.token_urlsafe(32)
        with self._lock:
            row = self._conn.execute(
                "SELECT guard, code_expires_ms FROM phone_enrolment WHERE code_hash = ?", (digest,)
            ).fetchone()
            if row is not None and row[1] is not None and row[1] >= now:
                self._conn.execute(
                    """UPDATE phone_enrolment SET code_hash = NULL, code_expires_ms = NULL, token_hash = ?,
                       token_issued_ms = ?, revoked_ms = NULL WHERE guard = ?""",
                    (_hash(token), now, row[0]),
                )
        if row is None or row[1] is None or row[1] < now:
            why = "expired" if row is not None else "unknown"
            self.audit(ACTOR_PREFIX + "?", "phone.enrol_failed", "", {"peer": peer, "code": why})
            raise EnrolError("登记码无效或已过期" if why == "unknown" else "登记码已过期")
        guard = str(row[0])
        self.audit(ACTOR_PREFIX + guard, "phone.enrolled", guard, {"peer": peer})
        return guard, token

    def guard_of(self, token: str) -> str | None:
        """The guard this token speaks for, or None (unknown, replaced or revoked)."""
        if not token:
            return None
        digest = _hash(token)
        with self._lock:
            row = self._conn.execute(
                "SELECT guard, token_hash FROM phone_enrolment WHERE token_hash = ?", (digest,)
            ).fetchone()
        if row is None or not hmac.compare_digest(str(row[1]), digest):
            return None
        return str(row[0])

    def has_phone(self, guard: str) -> bool:
        """Whether `guard` has a live token (their orders go to the phone page)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT 1 FROM phone_enrolment WHERE guard = ? AND token_hash IS NOT NULL", (guard,)
            ).fetchone()
        return row is not None
