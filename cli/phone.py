"""`sandbox-app phone enrol|revoke|list`: which guard's phone may use the station's phone page.

An admin (once the station has users: a logged-in user with the edit-users permission, like `user add`)
issues a one-time code per guard; the guard enters it on the page (or opens the printed link), and the
station binds that phone to the guard with a revocable token (docs/dispatch.md, "The guard's phone").
Codes and tokens are kept as hashes in the station's local file (`--audit`, else the `--db` file), and
every step is on the audit chain (`sandbox-app audit list`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.auth import session
from cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    CliError,
    add_audit_option,
    add_user_option,
    audit_file,
    open_district,
)
from sandbox_app.engine.clock import WallClock
from sandbox_app.privacy.users import Permission

if TYPE_CHECKING:
    from sandbox_app.bridges.phone.enrol import PhoneBook


def _book(args: argparse.Namespace) -> PhoneBook:
    from sandbox_app.bridges.phone.enrol import PhoneBook

    return PhoneBook(audit_file(args), WallClock().now_ms)


def cmd_phone_enrol(args: argparse.Namespace) -> int:
    from sandbox_app.bridges.phone.enrol import EnrolError

    if not 0 < args.ttl_hours <= 24 * 30:
        raise CliError("--ttl-hours must be between 0 and 720")
    store, district = open_district(args.db)
    store.close()
    actor = session(args, Permission.EDIT_USERS, f"phone:{args.guard}").actor
    with _book(args) as book:
        try:
            code = book.enrol(district, args.guard, actor, args.ttl_hours * 3600.0)
        except EnrolError as exc:
            print(f"phone enrol: {exc}", file=sys.stderr)
            return EXIT_INPUT
    guard = district.guards[args.guard]
    print(f"登记码 (enrolment code) for {guard.id} {guard.name}: {code[:5]}-{code[5:]}")
    print(
        f"valid for {args.ttl_hours:g} h, once; a phone enrolled before keeps working until this code is used"
    )
    link = f"{args.url.rstrip('/')}/#code={code}" if args.url else ""
    if link:
        print(f"link: {link}")
    if args.qr is not None:
        _write_qr(args.qr, link or code)
        print(f"QR code ({'link' if link else 'code'}): {args.qr}")
    return EXIT_OK


def _write_qr(path: Path, text: str) -> None:
    """The link (or the bare code) as a QR image, SVG or PNG by the file's suffix; 0600 like any secret
    file: whoever scans it first enrols as the guard."""
    import segno

    if path.suffix.lower() not in (".svg", ".png"):
        raise CliError(f"--qr {path}: give a .svg or .png file")
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    segno.make(text, error="m").save(str(path), scale=8, border=4)


def cmd_phone_revoke(args: argparse.Namespace) -> int:
    from sandbox_app.bridges.phone.enrol import EnrolError

    actor = session(args, Permission.EDIT_USERS, f"phone:{args.guard}").actor
    with _book(args) as book:
        try:
            book.revoke(args.guard, actor)
        except EnrolError as exc:
            print(f"phone revoke: {exc}", file=sys.stderr)
            return EXIT_INPUT
    print(f"phone of {args.guard} revoked: its next request is refused")
    return EXIT_OK


def cmd_phone_list(args: argparse.Namespace) -> int:
    session(args, Permission.EDIT_USERS, "phones")
    with _book(args) as book:
        for e in book.enrolments():
            state = "enrolled" if e.token_live else ("revoked" if e.revoked_ms else "not enrolled")
            pending = ", code pending" if e.code_pending else ""
            print(f"{e.guard}  {state}{pending}  (issued by {e.issued_by})")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    phone = sub.add_parser("phone", help="guards' phones on the station's phone page: enrol, revoke, list")
    psub = phone.add_subparsers(dest="phone_command", required=True)
    p = psub.add_parser("enrol", help="a one-time enrolment code for a guard's phone")
    p.add_argument("guard", help="guard id (e.g. GD001)")
    p.add_argument("--db", required=True, help="the station's database (the district and, by default, users)")
    p.add_argument("--url", default="", help="the page's address, to print a link carrying the code")
    p.add_argument("--ttl-hours", type=float, default=24.0, help="how long the code stays valid (24 h)")
    p.add_argument(
        "--qr", type=Path, default=None, help="also write the link (or code) as a QR image (.svg/.png)"
    )
    p.add_argument("--by", help="who issues it (with users: the logged-in --user)")
    add_user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_phone_enrol)
    p = psub.add_parser("revoke", help="end a guard's phone token (and any unused code) now")
    p.add_argument("guard")
    p.add_argument("--db", required=True)
    p.add_argument("--by", help="who revokes it (with users: the logged-in --user)")
    add_user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_phone_revoke)
    p = psub.add_parser("list", help="every guard with a phone enrolment")
    p.add_argument("--db", required=True)
    add_user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_phone_list)
