"""What every command group shares: exit codes, the user-fixable error, JSON output, time and number
arguments, opening an existing store, the audit record (the login itself is `cli.auth`).

Command modules import these by their public names; nothing here imports a command module, so any group
may import this at the top.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from sandbox_app.domain.model import District
from sandbox_app.engine.clock import TimeParseError, parse_time
from sandbox_app.store import Store, is_store_url, local_file, open_store

EXIT_OK = 0
EXIT_BROKEN = 1
"""Something checked and found broken (an audit chain): not the user's input."""
EXIT_INPUT = 2

LATEST_CLI_MS = 253_402_300_799_999
"""9999-12-31T23:59:59.999Z: the calendar's end, far inside the 64-bit integers every store column holds."""


class CliError(Exception):
    """A problem the user can fix (bad time, missing file, no district imported); printed, exit 2."""


def print_json(value: Any) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n")


def finite(lo: float, hi: float) -> Callable[[str], float]:
    """argparse `type` for a number argument: finite and within [lo, hi], else argparse's usage error
    (exit 2), not a traceback or a silent NaN deep inside a command."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text[:40]!r}") from None
        if not lo <= value <= hi:  # also NaN and ±inf
            raise argparse.ArgumentTypeError(f"{text[:40]} is out of range [{lo:g}, {hi:g}]")
        return value

    return parse


def time_arg(text: str, district: District | None, option: str = "") -> int:
    """A time argument, or a clear error: also for epoch ms before 1970 or past the calendar's end, which
    would otherwise overflow a store column or a datetime deep inside a command. `option` names the
    argument in the message."""
    where = f"{option}: " if option else ""
    try:
        ms = parse_time(text, district.timezone if district else "UTC")
    except TimeParseError as exc:
        raise CliError(f"{where}{exc}") from None
    except (OverflowError, ValueError) as exc:  # fromisoformat's calendar, zoneinfo's range
        raise CliError(f"{where}time out of range: {text[:40]!r} ({exc})") from None
    if not 0 <= ms <= LATEST_CLI_MS:
        raise CliError(f"{where}time out of range: {text[:40]!r} (epoch ms from 1970 to the year 9999)")
    return ms


def existing_store(db: str) -> Store:
    """Read commands must not silently create an empty database from a typo'd path; a `postgresql://` URL
    names a server database, which a wrong URL fails to reach rather than creates."""
    if not is_store_url(db) and not Path(db).is_file():
        raise CliError(f"no database at {db} (run `sandbox-app import` first)")
    return open_store(db)


def store_district(store: Store) -> District:
    """The imported district, or an empty one so events can be ingested before a package exists."""
    return store.load_district() or District(name="", timezone="UTC")


def audit_file(args: argparse.Namespace) -> str:
    """Where a person's action is recorded: `--audit`, else the database file. A city store (PostgreSQL)
    keeps no audit trail yet, so there `--audit` (the station's local file) is required, and this is
    checked before anything changes."""
    path = local_file(args.db, getattr(args, "audit", None))
    if path is None:
        raise CliError("--audit FILE is required with a postgresql:// store: the station's local audit log")
    return path


def add_audit_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--audit", help="audit log file (default: the --db file; required when --db is a postgresql:// URL)"
    )


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user", help="log in as NAME when the database has users (password, then TOTP code, on stdin)"
    )


def record(path: str, actor: str, action: str, target: str, detail: dict[str, Any]) -> None:
    """A person's action on the record (docs/security.md): the tamper-evident audit log."""
    from sandbox_app.privacy.audit import AuditLog

    with AuditLog.open(path) as log:
        log.record(actor, action, target, detail)


def print_alert_lines(alerts: list[dict[str, Any]]) -> None:
    """Alerts as one line each (the non-JSON output of `state` and `alerts`)."""
    for a in alerts:
        print(f"{a['id']}  {a['severity']:<8} {a['state']:<12} {a['rule']} {a['subject']} ×{a['count']}")


def open_district(db: str) -> tuple[Store, District]:
    """The store at `db` and its district; CliError when nothing was imported yet (the store is closed)."""
    store = existing_store(db)
    district = store.load_district()
    if district is None:
        store.close()
        raise CliError(f"no district in {db} (run `sandbox-app import` first)")
    return store, district


def time_or_now(text: str | None, district: District | None) -> int:
    """`--at TEXT` in the district's time zone, else the wall clock (a person's step happens now)."""
    from sandbox_app.engine.clock import WallClock

    return time_arg(text, district) if text else WallClock().now_ms()
