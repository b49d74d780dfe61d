"""Users, roles and permissions: who may log in, and what each role may do.

Roles are `mask.Viewer` (wall, officer, commander, analyst, admin), so the role that decides permissions is
the same one that decides masking. Passwords are stored only as argon2id hashes; repeated failures lock the
account for a while (time from an injected clock, so tests and the lockout agree); a TOTP second factor is
optional per user. Every login outcome and every refusal is written to the audit log.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from sandbox_app.engine.clock import WallClock
from sandbox_app.privacy import audit as au
from sandbox_app.privacy import db
from sandbox_app.privacy.mask import Masker, Viewer

Role = Viewer
MIN_PASSWORD = 10
_NAME = re.compile(r"^[\w.@-]{1,64}$")
_MS_PER_MINUTE = 60_000


class Permission(StrEnum):
    VIEW = "view"
    ALERT = "alert"
    """Acknowledge, resolve, close or dismiss an alert."""
    DISPATCH = "dispatch"
    REPLAY = "replay"
    EXPORT = "export"
    UNMASK = "unmask"
    EDIT_USERS = "edit_users"
    EDIT_RULES = "edit_rules"
    EDIT_BRIDGES = "edit_bridges"
    IMPORT = "import"
    """Write a district package or a batch of events into the database (`import`, `ingest`)."""


P = Permission
PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.WALL: frozenset({P.VIEW}),
    Role.OFFICER: frozenset({P.VIEW, P.ALERT, P.UNMASK}),
    Role.COMMANDER: frozenset({P.VIEW, P.ALERT, P.DISPATCH, P.UNMASK}),
    Role.ANALYST: frozenset({P.VIEW, P.REPLAY, P.EXPORT, P.UNMASK}),
    Role.ADMIN: frozenset({P.VIEW, P.REPLAY, P.UNMASK, P.EDIT_USERS, P.EDIT_RULES, P.EDIT_BRIDGES, P.IMPORT}),
    Role.PROPERTY: frozenset({P.VIEW, P.ALERT}),
}
"""Least privilege: the wall only looks; only commanders dispatch; only analysts export (issue 9)."""


class AuthError(Exception):
    """A refused login or action; `str()` is safe to show the user (it never says which part was wrong)."""


class LoginFailed(AuthError):
    pass


class AccountLocked(AuthError):
    def __init__(self, name: str, until_ms: int) -> None:
        super().__init__(f"account {name!r} is locked after repeated failures; try again later")
        self.until_ms = until_ms


class PermissionDenied(AuthError):
    def __init__(self, user: str, role: Role, permission: Permission) -> None:
        super().__init__(f"{user} ({role}) may not {permission}")
        self.permission = permission


class UserError(ValueError):
    """A bad name, role or password when adding or changing a user."""


@dataclass(frozen=True, slots=True)
class User:
    name: str
    role: Role
    has_totp: bool = False
    disabled: bool = False
    locked_until: int = 0

    def can(self, permission: Permission) -> bool:
        return not self.disabled and permission in PERMISSIONS[self.role]


@dataclass(frozen=True, slots=True)
class LoginPolicy:
    max_failures: int = 5
    """Consecutive failed logins that lock the account."""
    lockout_minutes: float = 15.0


def fast_hasher() -> PasswordHasher:
    """Cheap argon2 parameters for tests only: the defaults take ~50 ms and 64 MiB per hash on purpose."""
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password must have at least {MIN_PASSWORD} characters")
    if password.strip() != password or "\n" in password:
        raise UserError("password must not start or end with spaces or contain line breaks")


def _check_name(name: str) -> None:
    if not _NAME.match(name):
        raise UserError("user name: 1-64 letters, digits, '.', '_', '@' or '-'")


ANONYMOUS = "login:anonymous"
"""The actor of a refused login: nobody is authenticated yet, and the typed name may be a password."""
_UNKNOWN_META = "login.unknown."


def _name_digest(name: str) -> str:
    """12 hex digits of the typed name: enough to see repeated tries at one name, too short to keep it."""
    return hashlib.sha256(f"sandbox-login\0{name}".encode()).hexdigest()[:12]


_SELECT = "SELECT name, role, pw_hash, totp_secret, failures, locked_until, disabled FROM users"
_Row = tuple[str, str, str, str | None, int, int, int]


class UserBook:
    """The users table plus the login procedure. Thread-safe."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        *,
        now_ms: Callable[[], int] | None = None,
        audit: au.AuditLog | None = None,
        hasher: PasswordHasher | None = None,
        policy: LoginPolicy | None = None,
    ) -> None:
        self._conn = conn
        self._now_ms = now_ms or WallClock().now_ms
        self.audit = audit if audit is not None else au.AuditLog(conn, self._now_ms)
        self._hasher = hasher or PasswordHasher()
        self.policy = policy or LoginPolicy()
        self._lock = threading.Lock()
        self._dummy_hash: str | None = None

    @classmethod
    def open(cls, path: str | Path, **kwargs: Any) -> UserBook:
        return cls(db.connect(path), **kwargs)

    def close(self) -> None:
        self._conn.close()

    # reading ----------------------------------------------------------------------------------------
    def _row(self, name: str) -> _Row | None:
        with self._lock:
            row: _Row | None = self._conn.execute(f"{_SELECT} WHERE name = ?", (name,)).fetchone()
        return row

    @staticmethod
    def _user(row: _Row) -> User:
        return User(row[0], Role(row[1]), row[3] is not None, bool(row[6]), int(row[5]))

    def get(self, name: str) -> User | None:
        row = self._row(name)
        return None if row is None else self._user(row)

    def users(self) -> list[User]:
        with self._lock:
            rows: list[_Row] = self._conn.execute(f"{_SELECT} ORDER BY name").fetchall()
        return [self._user(r) for r in rows]

    # administration ---------------------------------------------------------------------------------
    def add(self, name: str, role: Role | str, password: str, *, by: str, totp: bool = False) -> str | None:
        """Create a user; returns the TOTP secret to enrol in an authenticator app when `totp`."""
        _check_name(name)
        try:
            role = Role(role)
        except ValueError:
            raise UserError(f"unknown role {role!r}; one of {', '.join(r.value for r in Role)}") from None
        check_password(password)
        secret = pyotp.random_base32() if totp else None
        now = self._now_ms()
        try:
            with self._lock:
                self._conn.execute(
                    "INSERT INTO users (name, role, pw_hash, totp_secret, created_ts, changed_ts)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (name, role.value, self._hasher.hash(password), secret, now, now),
                )
        except sqlite3.IntegrityError:
            raise UserError(f"user {name!r} exists") from None
        self.audit.record(by, au.USER_ADDED, name, {"role": role.value, "totp": totp})
        return secret

    def _change(self, name: str, by: str, what: str, sql: str, params: tuple[object, ...]) -> None:
        with self._lock:
            changed = self._conn.execute(sql, (*params, self._now_ms(), name)).rowcount
        if not changed:
            raise UserError(f"no user {name!r}")
        self.audit.record(by, au.USER_CHANGED, name, {"change": what})

    def set_password(self, name: str, password: str, *, by: str) -> None:
        """New password; also clears a lockout (an administrator vouched for the user)."""
        check_password(password)
        sql = "UPDATE users SET pw_hash = ?, failures = 0, locked_until = 0, changed_ts = ? WHERE name = ?"
        self._change(name, by, "password", sql, (self._hasher.hash(password),))

    def set_role(self, name: str, role: Role, *, by: str) -> None:
        role = Role(role)
        sql = "UPDATE users SET role = ?, changed_ts = ? WHERE name = ?"
        self._change(name, by, f"role={role.value}", sql, (role.value,))

    def set_disabled(self, name: str, disabled: bool, *, by: str) -> None:
        sql = "UPDATE users SET disabled = ?, changed_ts = ? WHERE name = ?"
        self._change(name, by, f"disabled={disabled}", sql, (int(disabled),))

    def set_totp(self, name: str, enabled: bool, *, by: str) -> str | None:
        secret = pyotp.random_base32() if enabled else None
        sql = "UPDATE users SET totp_secret = ?, changed_ts = ? WHERE name = ?"
        self._change(name, by, f"totp={enabled}", sql, (secret,))
        return secret

    # login ------------------------------------------------------------------------------------------
    def login(self, name: str, password: str, totp_code: str | None = None) -> User:
        """The user, or LoginFailed / AccountLocked; every outcome is audited.

        A wrong password and a wrong or missing code count alike, and the message never says which was
        wrong or whether the user exists: an unknown (or disabled) name spends the same hashing work, counts
        its failures and locks after as many as a real account (`_unknown_failed`), so "locked" does not
        reveal a name either. A refused attempt is recorded under `ANONYMOUS`, never under the typed name
        (people type their password into the name field), and an unknown name only as a short digest."""
        now = self._now_ms()
        row = self._row(name)
        if row is None or row[6]:
            self._verify_dummy(password)
            self._unknown_failed(name, now, "unknown user" if row is None else "disabled")
        ok = self._verify(row, password) and self._totp_ok(row[3], totp_code, now)  # hashed even if locked
        if row[5] > now:
            self.audit.record(ANONYMOUS, au.LOGIN_LOCKED, name, {"until": row[5]})
            raise AccountLocked(name, row[5])
        if not ok:
            self._failed(name, now)
        with self._lock:
            self._conn.execute("UPDATE users SET failures = 0, locked_until = 0 WHERE name = ?", (name,))
        self.audit.record(name, au.LOGIN_OK, name, {"totp": row[3] is not None})
        return User(row[0], Role(row[1]), row[3] is not None, False, 0)

    def _verify(self, row: _Row, password: str) -> bool:
        try:
            self._hasher.verify(row[2], password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        if self._hasher.check_needs_rehash(row[2]):  # parameters were raised since it was hashed
            with self._lock:
                self._conn.execute(
                    "UPDATE users SET pw_hash = ? WHERE name = ?", (self._hasher.hash(password), row[0])
                )
        return True

    def _verify_dummy(self, password: str) -> None:
        """Spend the same time as a real check, so response time does not tell which names exist."""
        if self._dummy_hash is None:
            self._dummy_hash = self._hasher.hash("not a real password")
        with contextlib.suppress(VerificationError):
            self._hasher.verify(self._dummy_hash, password)

    @staticmethod
    def _totp_ok(secret: str | None, code: str | None, now_ms: int) -> bool:
        if secret is None:
            return True
        if not code or not code.strip().isdigit():
            return False
        return bool(pyotp.TOTP(secret).verify(code.strip(), for_time=now_ms // 1000, valid_window=1))

    def _failed(self, name: str, now: int) -> NoReturn:
        """Count a failure (locking at the limit) in one statement, audit it, and raise."""
        limit = self.policy.max_failures
        until = now + round(self.policy.lockout_minutes * _MS_PER_MINUTE)
        with self._lock:
            failures, locked = self._conn.execute(
                """UPDATE users SET failures = CASE WHEN failures + 1 >= ? THEN 0 ELSE failures + 1 END,
                       locked_until = CASE WHEN failures + 1 >= ? THEN ? ELSE locked_until END
                   WHERE name = ? RETURNING failures, locked_until""",
                (limit, limit, until, name),
            ).fetchone()
        if locked > now:
            self.audit.record(ANONYMOUS, au.LOGIN_LOCKED, name, {"until": locked, "after_failures": limit})
            raise AccountLocked(name, locked)
        self.audit.record(ANONYMOUS, au.LOGIN_FAILED, name, {"failures": failures})
        raise LoginFailed("wrong user name, password or code")

    def _unknown_failed(self, name: str, now: int, why: str) -> NoReturn:
        """A failure for a name with no usable account, counted and locked exactly like a real one.

        The count lives in `meta` under a digest of the name (no schema change, no name stored), so the
        lockout holds across processes (the CLI) as it does for real accounts."""
        digest = _name_digest(name)
        key = f"{_UNKNOWN_META}{digest}"
        limit = self.policy.max_failures
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                found = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
                failures, _, until_text = (str(found[0]) if found else "0:0").partition(":")
                failures_n, until = int(failures or 0), int(until_text or 0)
                if until <= now:
                    failures_n += 1
                    if failures_n >= limit:
                        failures_n, until = 0, now + round(self.policy.lockout_minutes * _MS_PER_MINUTE)
                    self._conn.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                        (key, f"{failures_n}:{until}"),
                    )
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
        target = name if why == "disabled" else f"name:{digest}"
        if until > now:
            self.audit.record(ANONYMOUS, au.LOGIN_LOCKED, target, {"until": until, "reason": why})
            raise AccountLocked(name, until)
        self.audit.record(ANONYMOUS, au.LOGIN_FAILED, target, {"reason": why, "failures": failures_n})
        raise LoginFailed("wrong user name, password or code")

    def totp_now(self, name: str) -> str:
        """The current code of a user's second factor (tests and enrolment checks)."""
        row = self._row(name)
        if row is None or row[3] is None:
            raise UserError(f"{name!r} has no second factor")
        return pyotp.TOTP(row[3]).at(self._now_ms() // 1000)


def authorize(
    user: User,
    permission: Permission,
    audit: au.AuditLog | None = None,
    target: str = "",
) -> None:
    """Raise PermissionDenied unless the user's role has the permission; refusals are audited."""
    if user.can(permission):
        return
    if audit is not None:
        audit.record(user.name, au.DENIED, target, {"permission": permission.value, "role": user.role.value})
    raise PermissionDenied(user.name, user.role, permission)


def unmask(user: User, target: str, audit: au.AuditLog, reason: str = "") -> Masker:
    """The explicit, audited action that shows one record's personal data whole (issue 9)."""
    authorize(user, Permission.UNMASK, audit, target)
    audit.record(user.name, au.UNMASK, target, {"reason": reason})
    return Masker(user.role, unmasked=True)


def masker(user: User) -> Masker:
    """The default, masked view for this user's role."""
    return Masker(user.role)


def export(user: User, target: str, audit: au.AuditLog, detail: Mapping[str, Any] | None = None) -> None:
    """Gate and record an export (case file, CSV, PDF): analysts only, always in the audit log."""
    authorize(user, Permission.EXPORT, audit, target)
    audit.record(user.name, au.EXPORT, target, detail)
