"""`sandbox-app`: headless commands for setup, batch ingest and scripted checks (no Qt is imported).

Times on the command line are ISO 8601 (with offset, or naive in the district's timezone) or epoch ms;
times in outputs are epoch ms. Exit codes: 0 ok, 2 bad input (arguments, package problems, unreadable files).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from tqdm import tqdm

from sandbox_app.bridges.jsonl.reader import read_batches
from sandbox_app.domain.alerts import CloseOutcome, TransitionError
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import TimeParseError, WallClock, format_ms, parse_time
from sandbox_app.engine.intake import IntakePolicy
from sandbox_app.engine.pipeline import DEFAULT_WARMUP_MS, Engine
from sandbox_app.store import Store, is_store_url, open_store

if TYPE_CHECKING:
    from sandbox_app.privacy.cli_auth import CliSession

EXIT_OK = 0
EXIT_INPUT = 2


class CliError(Exception):
    """A problem the user can fix (bad time, missing file, no district imported); printed, exit 2."""


def _print_json(value: Any) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n")


LATEST_CLI_MS = 253_402_300_799_999
"""9999-12-31T23:59:59.999Z: the calendar's end, far inside the 64-bit integers every store column holds."""


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


def _time(text: str, district: District | None, option: str = "") -> int:
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


class _Bars:
    """A tqdm progress line per loader stage, on stderr (stdout stays clean for scripts)."""

    def __init__(self) -> None:
        self._bar: tqdm[Any] | None = None
        self._stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self._stage or self._bar is None:
            self.close()
            self._stage = stage
            self._bar = tqdm(total=total, desc=stage, unit="row", file=sys.stderr, leave=True)
        self._bar.total = total
        self._bar.update(done - self._bar.n)  # update() throttles redraws; setting .n would not

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def cmd_import(args: argparse.Namespace) -> int:
    from sandbox_app.data.package import PackageError, load_package

    bars = _Bars()
    try:
        district = load_package(Path(args.package), progress=bars)
    except PackageError as exc:
        bars.close()
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        unlisted = exc.total - len(exc.problems)
        if unlisted > 0:
            print(f"... and {unlisted} more problem(s) not listed", file=sys.stderr)
        print(f"import failed: {exc.total} problem(s); {args.db} was not changed", file=sys.stderr)
        return EXIT_INPUT
    bars.close()
    who = _session(args, "import", f"package:{Path(args.package).name}")
    store = open_store(args.db)
    try:
        store.replace_district(district)
    finally:
        store.close()
    if who.user is not None:
        _audit(
            args.db, who.actor, "data.import", f"package:{Path(args.package).name}", {"name": district.name}
        )
    _print_json(
        {
            "district": district.name,
            "compounds": len(district.compounds),
            "buildings": len(district.buildings),
            "rooms": len(district.rooms),
            "people": len(district.people),
            "devices": len(district.devices),
            "guards": len(district.guards),
            "roads": len(district.roads),
            "gates": len(district.gates),
        }
    )
    return EXIT_OK


def _existing_store(db: str) -> Store:
    """Read commands must not silently create an empty database from a typo'd path; a `postgresql://` URL
    names a server database, which a wrong URL fails to reach rather than creates."""
    if not is_store_url(db) and not Path(db).is_file():
        raise CliError(f"no database at {db} (run `sandbox-app import` first)")
    return open_store(db)


def _district(store: Store) -> District:
    """The imported district, or an empty one so events can be ingested before a package exists."""
    return store.load_district() or District(name="", timezone="UTC")


def cmd_ingest(args: argparse.Namespace) -> int:
    from sandbox_app.rules.config import RuleConfigError, load_rules

    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"no such file: {source}")
    who = _session(args, "import", f"events:{source.name}")
    store = open_store(args.db)
    try:
        district = _district(store)
        until = _time(args.until, district, "--until") if args.until else None
        try:
            rules = load_rules(district, Path(args.rules) if args.rules else None)
        except RuleConfigError as exc:
            raise CliError(f"rules: {exc}") from None
        # The wall clock is the reference, as on the live path: an event dated far ahead is quarantined
        # (stored, counted, never evaluated) instead of moving the stored engine clock out of reach.
        wall = WallClock()
        intake = IntakePolicy(past_ms=DEFAULT_WARMUP_MS, reference=wall)
        if until is not None and until > (ahead := wall.now_ms() + intake.future_ms):
            raise CliError(f"--until {args.until} is ahead of the wall clock (latest {format_ms(ahead)})")
        engine = Engine(store, district, rules, intake=intake)
        result = engine.ingest_batches(read_batches(source, engine.batch_size))
        if until is not None:
            engine.advance_to(until)
        door = engine.intake.stats
    finally:
        store.close()
    summary = result.to_json()
    summary["quarantined"] = {"future": door.quarantined_future, "past": door.quarantined_past}
    if who.user is not None:
        _audit(args.db, who.actor, "data.ingest", f"events:{source.name}", {})
    _print_json(summary)
    if door.quarantined_future or door.quarantined_past:
        print(
            f"sandbox-app ingest: warning: {door.quarantined_future + door.quarantined_past} event(s) "
            f"quarantined ({door.quarantined_future} ahead of the wall clock, {door.quarantined_past} older "
            "than the engine's history window): stored, flagged, never evaluated",
            file=sys.stderr,
        )
    return EXIT_OK


def state_at(store: Store, at_ts: int) -> dict[str, Any]:
    """Guards' last positions (via their tracker) and the alerts open at `at_ts`, as plain JSON."""
    district = _district(store)
    fixes = store.last_fixes(at_ts)
    guards = {}
    for guard in sorted(district.guards.values(), key=lambda g: g.id):
        fix = fixes.get(guard.device_id or "")
        if fix is not None:
            guards[guard.id] = {"lon": fix.lon, "lat": fix.lat, "ts": fix.ts}
    return {"guards": guards, "alerts": [a.to_json() for a in store.alerts_open_at(at_ts)]}


def cmd_state(args: argparse.Namespace) -> int:
    store = _existing_store(args.db)
    try:
        masker = _session(args, "view").masker
        state = state_at(store, _time(args.at, store.load_district(), "--at"))
    finally:
        store.close()
    state["alerts"] = [masker.alert_json(a) for a in state["alerts"]]
    if args.json:
        _print_json(state)
    else:
        for gid, pos in state["guards"].items():
            print(f"guard {gid}: {pos['lon']:.6f},{pos['lat']:.6f} @ {pos['ts']}")
        _print_alert_lines(state["alerts"])
    return EXIT_OK


def _print_alert_lines(alerts: list[dict[str, Any]]) -> None:
    for a in alerts:
        print(f"{a['id']}  {a['severity']:<8} {a['state']:<12} {a['rule']} {a['subject']} ×{a['count']}")


def cmd_alerts(args: argparse.Namespace) -> int:
    store = _existing_store(args.db)
    try:
        masker = _session(args, "view").masker
        alerts = [masker.alert_json(a.to_json()) for a in store.alerts()]
    finally:
        store.close()
    if args.json:
        _print_json(alerts)
    else:
        _print_alert_lines(alerts)
    return EXIT_OK


def cmd_backtest(args: argparse.Namespace) -> int:
    from sandbox_app.engine.backtest import backtest, format_report
    from sandbox_app.rules.config import RuleConfigError, load_rules

    store = _existing_store(args.db)
    try:
        district = _district(store)
        start, end = _time(args.from_, district, "--from"), _time(args.to, district, "--to")
        if end < start:
            raise CliError(f"--from {args.from_} is after --to {args.to}")
        try:
            rules = load_rules(district, Path(args.rules))
        except RuleConfigError as exc:
            raise CliError(f"rules: {exc}") from None
        report = backtest(store, rules, start, end, timezone=district.timezone)
    finally:
        store.close()
    if args.json:
        _print_json(report.to_json())
    else:
        print(format_report(report))
    return EXIT_OK


ALERT_STEPS = {
    "ack": AlertState.ACKNOWLEDGED,
    "dispatch": AlertState.DISPATCHED,
    "resolve": AlertState.RESOLVED,
    "close": AlertState.CLOSED,
    "dismiss": AlertState.DISMISSED,
}


def cmd_alert(args: argparse.Namespace) -> int:
    """One lifecycle step by a named person; the time is now unless `--at` says when it happened."""
    audit = audit_file(args)
    store = _existing_store(args.db)
    try:
        who = _session(args, "alert", args.id)
        alert = store.get_alert(args.id)
        if alert is None:
            raise CliError(f"no alert {args.id!r}")
        at = _time(args.at, store.load_district(), "--at") if args.at else WallClock().now_ms()
        try:
            outcome = CloseOutcome(args.outcome) if args.outcome else None
            alert.advance(ALERT_STEPS[args.step], who.actor, at, args.note, outcome)
        except TransitionError as exc:
            raise CliError(str(exc)) from None
        store.upsert_alerts([alert])
    finally:
        store.close()
    detail: dict[str, Any] = {"note": args.note, "at": at}
    if args.outcome:
        detail["outcome"] = args.outcome
    _audit(audit, who.actor, f"alert.{ALERT_STEPS[args.step].value}", args.id, detail)
    _print_json(who.masker.alert_json(alert.to_json()))
    return EXIT_OK


def audit_file(args: argparse.Namespace) -> str:
    """Where a person's action is recorded: `--audit`, else the database file. A city store (PostgreSQL)
    keeps no audit trail yet, so there `--audit` (the station's local file) is required, and this is
    checked before anything changes."""
    path: str | None = getattr(args, "audit", None) or args.db
    if path is None or is_store_url(path):
        raise CliError("--audit FILE is required with a postgresql:// store: the station's local audit log")
    return path


def add_audit_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--audit", help="audit log file (default: the --db file; required when --db is a postgresql:// URL)"
    )


def _session(args: argparse.Namespace, permission: str, target: str = "") -> CliSession:
    """Who runs this command (`privacy.cli_auth.session`): a login once the database has users."""
    from sandbox_app.privacy.cli_auth import session
    from sandbox_app.privacy.users import Permission

    return session(args, Permission(permission), target)


def _audit(path: str, actor: str, action: str, target: str, detail: dict[str, Any]) -> None:
    """A person's action on the record (docs/security.md): the tamper-evident audit log."""
    from sandbox_app.privacy.audit import AuditLog

    with AuditLog.open(path) as log:
        log.record(actor, action, target, detail)


# Modules that add their own subcommands: each has `register(subparsers)`. One line here per feature.
SUBCOMMAND_MODULES = (
    "cli.nearest",
    "cli.dispatch",
    "cli.privacy",
    "cli.replay",
    "cli.serve",
    "cli.search",
    "cli.figures",
    "cli.delta",
)


def _user_option(p: argparse.ArgumentParser) -> None:
    from sandbox_app.privacy.cli_auth import add_user_option

    add_user_option(p)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sandbox-app", description="数字沙盘 Digital Sandbox, headless")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="validate a district package and write it to the database")
    p.add_argument("package", help="package folder (manifest.json + layers)")
    p.add_argument("--db", required=True)
    _user_option(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("ingest", help="ingest a JSON Lines event file through the engine")
    p.add_argument("file")
    p.add_argument("--db", required=True)
    p.add_argument("--until", help="advance the engine clock to TIME after the last event")
    p.add_argument("--rules", help="rules TOML (default: resources/rules.toml)")
    _user_option(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("state", help="guards' positions and open alerts at a time")
    p.add_argument("--db", required=True)
    p.add_argument("--at", required=True, help="ISO 8601 or epoch ms")
    p.add_argument("--json", action="store_true")
    _user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_state)

    p = sub.add_parser("alerts", help="every alert in the database")
    p.add_argument("--db", required=True)
    p.add_argument("--json", action="store_true")
    _user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_alerts)

    p = sub.add_parser("backtest", help="alerts these rules would have raised on stored history")
    p.add_argument("rules", help="rules TOML to try")
    p.add_argument("--db", required=True)
    p.add_argument("--from", dest="from_", required=True, help="ISO 8601 or epoch ms")
    p.add_argument("--to", required=True, help="ISO 8601 or epoch ms")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backtest)

    p = sub.add_parser("alert", help="move an alert along its lifecycle")
    p.add_argument("id")
    p.add_argument("step", choices=sorted(ALERT_STEPS))
    p.add_argument("--by", help="who takes the step (with users: the logged-in --user, password on stdin)")
    _user_option(p)
    p.add_argument("--note", default="", help="feedback (close) or reason (dismiss)")
    p.add_argument(
        "--outcome", choices=[o.value for o in CloseOutcome], help="how a closed alert ended (close only)"
    )
    p.add_argument("--db", required=True)
    p.add_argument("--at", help="when it happened (default: now)")
    add_audit_option(p)
    p.set_defaults(func=cmd_alert)

    for module in SUBCOMMAND_MODULES:
        importlib.import_module(module).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except CliError as exc:
        print(f"sandbox-app {args.command}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    return code


if __name__ == "__main__":
    sys.exit(main())
