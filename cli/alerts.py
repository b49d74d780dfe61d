"""Commands on alerts: `alerts` (every alert), `alert` (one lifecycle step by a named person) and
`backtest` (what a rules file would have raised on stored history)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.auth import session
from cli.common import (
    EXIT_OK,
    CliError,
    add_audit_option,
    add_user_option,
    audit_file,
    existing_store,
    print_alert_lines,
    print_json,
    record,
    store_district,
    time_arg,
)
from sandbox_app.domain.alerts import CloseOutcome, TransitionError
from sandbox_app.domain.enums import AlertState
from sandbox_app.engine.clock import WallClock


def cmd_alerts(args: argparse.Namespace) -> int:
    store = existing_store(args.db)
    try:
        masker = session(args, "view").masker
        alerts = [masker.alert_json(a.to_json()) for a in store.alerts()]
    finally:
        store.close()
    if args.json:
        print_json(alerts)
    else:
        print_alert_lines(alerts)
    return EXIT_OK


def cmd_backtest(args: argparse.Namespace) -> int:
    from sandbox_app.engine.backtest import backtest, format_report
    from sandbox_app.engine.pipeline import DEFAULT_WARMUP_MS
    from sandbox_app.rules.config import RuleConfigError, load_rules

    store = existing_store(args.db)
    try:
        district = store_district(store)
        start, end = time_arg(args.from_, district, "--from"), time_arg(args.to, district, "--to")
        if end < start:
            raise CliError(f"--from {args.from_} is after --to {args.to}")
        try:
            rules = load_rules(district, Path(args.rules))
        except RuleConfigError as exc:
            raise CliError(f"rules: {exc}") from None
        warmup = DEFAULT_WARMUP_MS if args.warmup_hours is None else round(args.warmup_hours * 3_600_000)
        report = backtest(store, rules, start, end, timezone=district.timezone, warmup_ms=warmup)
    finally:
        store.close()
    if args.json:
        print_json(report.to_json())
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
    store = existing_store(args.db)
    try:
        who = session(args, "alert", args.id)
        alert = store.get_alert(args.id)
        if alert is None:
            raise CliError(f"no alert {args.id!r}")
        at = time_arg(args.at, store.load_district(), "--at") if args.at else WallClock().now_ms()
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
    record(audit, who.actor, f"alert.{ALERT_STEPS[args.step].value}", args.id, detail)
    print_json(who.masker.alert_json(alert.to_json()))
    return EXIT_OK


def cmd_handoff(args: argparse.Namespace) -> int:
    """Hand an open alert to the compound's property staff, a grid worker, 110, or back to the desk."""
    from sandbox_app.domain.grids import GridLocator, grids_of
    from sandbox_app.domain.handoff import HandoffError, Party, hand, parse_party

    audit = audit_file(args)
    store = existing_store(args.db)
    try:
        who = session(args, "alert", args.id)
        alert = store.get_alert(args.id)
        if alert is None:
            raise CliError(f"no alert {args.id!r}")
        district = store.load_district()
        at = time_arg(args.at, district, "--at") if args.at else WallClock().now_ms()
        try:
            to = parse_party(args.to)
            minutes = args.minutes if args.minutes is not None else (30.0 if to is Party.GRID else 10.0)
            grid_id, assignee = args.grid or "", args.assignee or ""
            if to is Party.GRID and not grid_id:  # the grid the alert's place lies in, as the desk finds it
                grid = GridLocator(grids_of(district)).at(alert.lon, alert.lat)
                grid_id, assignee = (grid.id, assignee or grid.worker) if grid is not None else ("", assignee)
            h = hand(
                alert, to, who.actor, at, within_s=minutes * 60.0, compound_id=args.compound or "",
                grid_id=grid_id, assignee=assignee, note=args.note,
            )  # fmt: skip
        except HandoffError as exc:
            raise CliError(str(exc)) from None
        store.upsert_alerts([alert])
    finally:
        store.close()
    record(audit, who.actor, "alert.handoff", args.id, {"to": h.to.value, "due_ts": h.due_ts, "at": at})
    print_json(who.masker.alert_json(alert.to_json()))
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("alerts", help="every alert in the database")
    p.add_argument("--db", required=True)
    p.add_argument("--json", action="store_true")
    add_user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_alerts)

    p = sub.add_parser("backtest", help="alerts these rules would have raised on stored history")
    p.add_argument("rules", help="rules TOML to try")
    p.add_argument("--db", required=True)
    p.add_argument("--from", dest="from_", required=True, help="ISO 8601 or epoch ms")
    p.add_argument("--to", required=True, help="ISO 8601 or epoch ms")
    p.add_argument(
        "--warmup-hours",
        type=float,
        help="history before --from replayed first, findings not counted (default: the engine's warm-up, 24; "
        "rules that learn also get their own events as far back as they remember; 0: none)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backtest)

    p = sub.add_parser("alert", help="move an alert along its lifecycle")
    p.add_argument("id")
    p.add_argument("step", choices=sorted(ALERT_STEPS))
    p.add_argument("--by", help="who takes the step (with users: the logged-in --user, password on stdin)")
    add_user_option(p)
    p.add_argument("--note", default="", help="feedback (close) or reason (dismiss)")
    p.add_argument(
        "--outcome", choices=[o.value for o in CloseOutcome], help="how a closed alert ended (close only)"
    )
    p.add_argument("--db", required=True)
    p.add_argument("--at", help="when it happened (default: now)")
    add_audit_option(p)
    p.set_defaults(func=cmd_alert)

    p = sub.add_parser(
        "handoff",
        help="hand an alert to property (物业), a grid worker (网格员), 110, or back to the desk",
    )
    p.add_argument("id", help="alert id")
    p.add_argument("--to", required=True, help="property (物业), grid (网格员), 110, or police (警务室)")
    p.add_argument("--minutes", type=float, help="time limit for property (default 10) or grid (default 30)")
    p.add_argument("--compound", help="compound whose property staff take it (default: the alert's)")
    p.add_argument("--grid", help="grid id (for --to grid; default: the grid the alert lies in)")
    p.add_argument("--assignee", help="the worker in charge, when known")
    p.add_argument("--note", default="")
    p.add_argument("--by", help="who hands it on (with users: the logged-in --user, password on stdin)")
    add_user_option(p)
    p.add_argument("--db", required=True)
    p.add_argument("--at", help="when (default: now)")
    add_audit_option(p)
    p.set_defaults(func=cmd_handoff)
