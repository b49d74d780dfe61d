"""Who runs a `sandbox-app` command: one login for every command that changes data, exports or prints
personal data (issue 14).

A database without users (the demo, a fresh install) keeps working as before: the actor is `--user`/`--by`
when given (never empty) or `cli:<os user>`, and reads are unmasked. Once users exist, such a command needs
`--user NAME` (or `--by NAME`, the older spelling) and that user's password (and TOTP code) from stdin or a
prompt, never from argv; the role must hold the command's permission, every refusal is audited, the actor
recorded is the logged-in user (a different `--by` is refused), and what is printed is masked for the role.
Users live in the station's local file: `--audit` when given (a postgresql:// store), else `--db`.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from dataclasses import dataclass
from pathlib import Path

from cli.common import CliError
from sandbox_app.privacy.audit import KEY_ENV, AuditKeyError
from sandbox_app.privacy.mask import Masker, Viewer
from sandbox_app.privacy.users import AuthError, Permission, User, UserBook, authorize

OPEN_MASKER = Masker(Viewer.ADMIN, unmasked=True)
"""What a database without users shows: everything, as before users existed."""
CITY_MASKER = Masker(Viewer.OFFICER)
"""What a postgresql:// store read without a local users file shows: masked (the city holds no users)."""


def _is_url(db: object) -> bool:
    from sandbox_app.store import is_store_url

    return isinstance(db, str) and is_store_url(db)


@dataclass(frozen=True, slots=True)
class CliSession:
    actor: str
    """The name recorded in the audit log and in lifecycle steps: the logged-in user when there are users."""
    user: User | None
    masker: Masker


def users_file(args: argparse.Namespace) -> Path | None:
    """The local SQLite file holding users and the audit log, or None when there is none (yet)."""
    from sandbox_app.store import is_store_url

    path = getattr(args, "audit", None) or getattr(args, "db", None)
    if not path or is_store_url(str(path)) or not Path(path).is_file():
        return None
    return Path(path)


def secret(prompt: str) -> str:
    """One line from stdin when it is not a terminal (scripts), else a getpass prompt: never from argv."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def named(args: argparse.Namespace) -> str | None:
    """`--user`, else `--by`; an empty or blank name is refused (it would record no one)."""
    for option in ("user", "by"):
        value = getattr(args, option, None)
        if value is not None:
            if not str(value).strip():
                raise CliError(f"--{option} must name someone (an empty actor is refused)")
            by = getattr(args, "by", None)
            if option == "user" and by is not None and str(by).strip() != str(value).strip():
                raise CliError("--by must be the logged-in --user (the log records who logged in)")
            return str(value).strip()
    return None


def login(book: UserBook, name: str, permission: Permission, target: str = "") -> User:
    """Log `name` in (password and code from stdin/prompt) and require `permission`; refusals audited."""
    found = book.get(name)
    password = secret("Password: ")
    code = secret("TOTP code: ") if found is not None and found.has_totp else None
    try:
        user = book.login(name, password, code)
        authorize(user, permission, book.audit, target)
    except AuthError as exc:
        raise CliError(f"refused: {exc}") from None
    return user


def session(args: argparse.Namespace, permission: Permission | str, target: str = "") -> CliSession:
    """Who runs this command; raises CliError (exit 2) when a login is needed and fails or is refused.
    `permission` is a `Permission` or its value ("view", "alert", ...)."""
    permission = Permission(permission)
    name = named(args)
    path = users_file(args)
    try:
        book = UserBook.open(path) if path else None
    except AuditKeyError as exc:
        raise CliError(str(exc)) from None
    try:
        writes = book is not None and permission is not Permission.VIEW
        if writes and book is not None and book.audit.key is None and book.audit.keyed_from() is not None:
            raise CliError(f"this audit log is keyed: set ${KEY_ENV} to its key file")  # before any change
        if book is None and _is_url(getattr(args, "db", None)):
            # a city store read without the station's file (`--audit`): nobody known, so masked
            return CliSession(name or f"cli:{getpass.getuser()}", None, CITY_MASKER)
        if book is None or not book.users():
            return CliSession(name or f"cli:{getpass.getuser()}", None, OPEN_MASKER)
        if name is None:
            raise CliError("this database has users: log in with --user NAME (password on stdin)")
        user = login(book, name, permission, target)
        return CliSession(user.name, user, Masker(user.role))
    finally:
        if book is not None:
            book.close()
