"""`sandbox-app audit ...` and `sandbox-app user ...`: check the audit chain, manage desk users.

Passwords are read from stdin (one line, for scripts) or asked twice with getpass on a terminal, never taken
from argv, where `ps` and shell history would show them. The CLI acts as the operating-system user running
it (`--by` overrides the name recorded): whoever can run it can already read and write the database file.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

import orjson

from sandbox_app.privacy.audit import AuditLog
from sandbox_app.privacy.users import Role, UserBook, UserError

EXIT_OK = 0
EXIT_BROKEN = 1
EXIT_INPUT = 2


def _actor(args: argparse.Namespace) -> str:
    return str(args.by) if args.by else f"cli:{getpass.getuser()}"


def _read_password(prompt: str = "Password: ") -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Again: ") != first:
        raise UserError("the two passwords differ")
    return first


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
    with AuditLog.open(path) as log:
        broken = log.verify(anchor)
        count = log.head()[0]
    if broken is not None:
        print(f"audit log BROKEN at entry {broken.seq}: {broken.reason}")
        return EXIT_BROKEN
    print(f"audit log intact: {count} entries")
    return EXIT_OK


def cmd_audit_head(args: argparse.Namespace) -> int:
    path = _need_db(args.db)
    if path is None:
        return EXIT_INPUT
    with AuditLog.open(path) as log:
        seq, digest = log.head()
    print(f"{seq}:{digest}")
    return EXIT_OK


def cmd_audit_list(args: argparse.Namespace) -> int:
    path = _need_db(args.db)
    if path is None:
        return EXIT_INPUT
    with AuditLog.open(path) as log:
        entries = [e.to_json() for e in log.entries(args.action)]
    sys.stdout.write(orjson.dumps(entries[-args.last :] if args.last else entries).decode() + "\n")
    return EXIT_OK


def _book(db: str) -> UserBook:
    return UserBook.open(db)


def cmd_user_add(args: argparse.Namespace) -> int:
    book = _book(args.db)
    try:
        secret = book.add(args.name, args.role, _read_password(), by=_actor(args), totp=args.totp)
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
    book = _book(args.db)
    try:
        book.set_password(args.name, _read_password("New password: "), by=_actor(args))
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
    p.set_defaults(func=cmd_audit_verify)
    p = asub.add_parser("head", help="print SEQ:HASH of the last entry, to keep somewhere else")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_audit_head)
    p = asub.add_parser("list", help="entries as JSON")
    p.add_argument("--db", required=True)
    p.add_argument("--action", help="only actions starting with this, e.g. login or alert.")
    p.add_argument("--last", type=int, default=0, help="only the last N")
    p.set_defaults(func=cmd_audit_list)

    user = sub.add_parser("user", help="desk users (password from stdin or prompt, never argv)")
    usub = user.add_subparsers(dest="user_command", required=True)
    p = usub.add_parser("add", help="add a user")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--totp", action="store_true", help="require a TOTP second factor; prints the secret")
    p.add_argument("--db", required=True)
    p.add_argument("--by", help="who is adding (recorded in the audit log)")
    p.set_defaults(func=cmd_user_add)
    p = usub.add_parser("passwd", help="set a new password (also clears a lockout)")
    p.add_argument("name")
    p.add_argument("--db", required=True)
    p.add_argument("--by", help="who is changing it (recorded in the audit log)")
    p.set_defaults(func=cmd_user_passwd)
    p = usub.add_parser("list", help="users, roles and lockouts as JSON")
    p.add_argument("--db", required=True)
    p.set_defaults(func=cmd_user_list)
