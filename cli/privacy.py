"""`sandbox-app audit ...` and `sandbox-app user ...`: check the audit chain, manage desk users.

Passwords are read from stdin (one line, for scripts) or asked twice with getpass on a terminal, never taken
from argv, where `ps` and shell history would show them. The first user may be added without a login (the
database has no users yet, the actor is `--by` or `cli:<os user>`); once users exist, `user add`, `user
passwd`, `user list` and `audit list` need an administrator's login (`--user NAME`, password first on stdin,
then the new password) and record that administrator (`cli.auth`). `audit verify` and `audit head`
need no login: anyone holding the file may check it, and they print no personal data.
"""

from __future__ import annotations

import argparse
import getpass
import sqlite3
import sys
from pathlib import Path
from typing import Any

import orjson

from cli.auth import session
from cli.common import EXIT_BROKEN, EXIT_INPUT, EXIT_OK, add_user_option
from sandbox_app.privacy.audit import KEY_ENV, AuditKey, AuditKeyError, AuditLog, key_from_env, load_key
from sandbox_app.privacy.mask import mask_alert_id
from sandbox_app.privacy.users import Permission, Role, UserBook, UserError


def _admin(args: argparse.Namespace, target: str = "") -> str:
    """The actor of a user-administration step: an admin's login once users exist (CliError if refused)."""
    return session(args, Permission.EDIT_USERS, target).actor


def _key(args: argparse.Namespace) -> AuditKey | None:
    """`--audit-key FILE`, else $SANDBOX_AUDIT_KEY, else None."""
    return load_key(args.audit_key) if getattr(args, "audit_key", None) else key_from_env()


def _read_password(prompt: str = "Password: ") -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise UserError("the two passwords differ")
    return first


def _unreadable(exc: sqlite3.Error) -> int:
    """A database that is not an audit log at all (damaged, or not ours) is a broken log, not a crash."""
    print(f"audit log BROKEN: the database cannot be read as an audit log ({exc})")
    return EXIT_BROKEN


def _need_db(db: str) -> Path | None:
    path = Path(db)
    if not path.is_file():
        print(f"no database at {db}", file=sys.stderr)
        return None
    return path


def cmd_audit_verify(args: argparse.Namespace) -> int:
    path = _need_db(args.db)
    if path is None:
        return EXIT_INPUT
    anchor = None
    if args.anchor:
        seq, _, digest = args.anchor.partition(":")
        if not seq.isdigit() or len(digest) != 64:
            print("--anchor must be SEQ:HASH as printed by `audit head`", file=sys.stderr)
            return EXIT_INPUT
        anchor = (int(seq), digest)
    try:
        with AuditLog.open(path, key=_key(args)) as log:
            restored = log.triggers_dropped()
            broken = log.verify(anchor)
            count = 0 if broken is not None else log.head()[0]
            keyed = log.key is not None
    except AuditKeyError as exc:
        print(f"audit verify: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except sqlite3.Error as exc:
        return _unreadable(exc)
    if restored:
        when, _, names = restored.partition(":")
        print(f"audit log TAMPERED: append-only trigger(s) {names} were dropped (found at {when}; recreated)")
    if broken is not None:
        print(f"audit log BROKEN at entry {broken.seq}: {broken.reason}")
        return EXIT_BROKEN
    if restored:
        return EXIT_BROKEN
    print(f"audit log intact: {count} entries{' (keyed)' if keyed else ''}")
    return EXIT_OK


def cmd_audit_keygen(args: argparse.Namespace) -> int:
    path = _need_db(args.db)
    if path is None:
        return EXIT_INPUT
    key_path = Path(args.key).resolve()
    if key_path.parent == path.resolve().parent:
        print(
            "audit keygen: keep the key outside the database's folder (a copy would take both)",
            file=sys.stderr,
        )
        return EXIT_INPUT
    try:
        with AuditLog.open(path, key=None) as log:
            _admin(args, "audit.key")
            key = log.start_key(key_path)
    except (AuditKeyError, FileExistsError) as exc:
        print(f"audit keygen: {exc}", file=sys.stderr)
        return EXIT_INPUT
    print(f"audit key written to {key_path} (0600); entries from {key.from_seq} on are keyed.")
    print(f"Set {KEY_ENV}={key_path} for every process that writes this database (GUI, serve, CLI).")
    return EXIT_OK


def cmd_audit_head(args: argparse.Namespace) -> int:
    path = _need_db(args.db)
    if path is None:
        return EXIT_INPUT
    try:
        with AuditLog.open(path) as log:
            seq, digest = log.head()
    except sqlite3.Error as exc:
        return _unreadable(exc)
    print(f"{seq}:{digest}")
    return EXIT_OK


def cmd_audit_list(args: argparse.Namespace) -> int:
    path = _need_db(args.db)
    if path is None:
        return EXIT_INPUT
    _admin(args, "audit")
    try:
        with AuditLog.open(path) as log:
            entries = [e.to_json() for e in log.entries(args.action)]
    except sqlite3.Error as exc:
        return _unreadable(exc)
    for e in entries:  # targets may be old-style alert ids with a subject inside
        e["target"] = mask_alert_id(e["target"])
    sys.stdout.write(orjson.dumps(entries[-args.last :] if args.last else entries).decode() + "\n")
    return EXIT_OK


def _book(db: str) -> UserBook:
    return UserBook.open(db)


def _has_users(path: Path) -> bool:
    book = _book(str(path))
    try:
        return bool(book.users())
    finally:
        book.close()


def cmd_user_add(args: argparse.Namespace) -> int:
    actor = _admin(args, f"user:{args.name}")
    book = _book(args.db)
    try:
        secret = book.add(args.name, args.role, _read_password(), by=actor, totp=args.totp)
    except UserError as exc:
        print(f"user add: {exc}", file=sys.stderr)
        return EXIT_INPUT
    finally:
        book.close()
    print(f"added {args.name} ({args.role})")
    if secret is not None:
        print(f"TOTP secret (enter it in an authenticator app, then discard): {secret}")
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    path = _need_db(args.db)
    if path is None:
        return EXIT_INPUT
    if not _has_users(path):
        print(f"user passwd: no user {args.name!r}", file=sys.stderr)
        return EXIT_INPUT
    actor = _admin(args, f"user:{args.name}")
    book = _book(args.db)
    try:
        book.set_password(args.name, _read_password("New password: "), by=actor)
    except UserError as exc:
        print(f"user passwd: {exc}", file=sys.stderr)
        return EXIT_INPUT
    finally:
        book.close()
    print(f"password of {args.name} changed")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    path = _need_db(args.db)
    if path is None:
        return EXIT_INPUT
    _admin(args, "users")
    book = _book(args.db)
    try:
        users: list[dict[str, Any]] = [
            {
                "name": u.name,
                "role": u.role.value,
                "totp": u.has_totp,
                "disabled": u.disabled,
                "locked_until": u.locked_until or None,
            }
            for u in book.users()
        ]
    finally:
        book.close()
    sys.stdout.write(orjson.dumps(users, option=orjson.OPT_INDENT_2).decode() + "\n")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="check or read the tamper-evident audit log")
    asub = audit.add_subparsers(dest="audit_command", required=True)
    p = asub.add_parser("verify", help="exit 1 and name the first broken entry if the log was tampered with")
    p.add_argument("--db", required=True)
    p.add_argument("--anchor", help="SEQ:HASH noted earlier from `audit head` (catches a rewritten log)")
    p.add_argument("--audit-key", help=f"the log's key file (default: ${KEY_ENV}); catches forged entries")
    p.set_defaults(func=cmd_audit_verify)
    p = asub.add_parser("keygen", help="chain new entries with a secret key kept outside the database")
    p.add_argument("--db", required=True)
    p.add_argument("--key", required=True, help="where to write the key (0600; not beside the database)")
    p.add_argument("--by", help="who starts the key (no users yet)")
    add_user_option(p)
    p.set_defaults(func=cmd_audit_keygen)
    p = asub.add_parser("head", help="print SEQ:HASH of the last entry, to keep somewhere else")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_audit_head)
    p = asub.add_parser("list", help="entries as JSON")
    p.add_argument("--db", required=True)
    p.add_argument("--action", help="only actions starting with this, e.g. login or alert.")
    p.add_argument("--last", type=int, default=0, help="only the last N")
    add_user_option(p)
    p.set_defaults(func=cmd_audit_list)

    user = sub.add_parser("user", help="desk users (password from stdin or prompt, never argv)")
    usub = user.add_subparsers(dest="user_command", required=True)
    p = usub.add_parser("add", help="add a user")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--totp", action="store_true", help="require a TOTP second factor; prints the secret")
    p.add_argument("--db", required=True)
    p.add_argument("--by", help="who is adding: the first user's creator; later the logged-in admin")
    add_user_option(p)
    p.set_defaults(func=cmd_user_add)
    p = usub.add_parser("passwd", help="set a new password (also clears a lockout)")
    p.add_argument("name")
    p.add_argument("--db", required=True)
    p.add_argument("--by", help="the logged-in admin (same as --user)")
    add_user_option(p)
    p.set_defaults(func=cmd_user_passwd)
    p = usub.add_parser("list", help="users, roles and lockouts as JSON")
    p.add_argument("--db", required=True)
    add_user_option(p)
    p.set_defaults(func=cmd_user_list)
