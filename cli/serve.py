"""`sandbox-app serve`: a headless station; the engine, the dispatch desk and the configured real bridges.

Runs until SIGINT or SIGTERM, then stops every bridge (so trackers see their sockets close, not hang),
closes the store and exits 0. A status line goes to stdout every `--status-every` seconds: events in,
rejected, and each bridge's health, which is what an operator tailing a service log needs to see that the
trackers are really talking. The engine clock follows the wall clock between events, so absence rules
(device offline, dispatch escalation) fire even when nothing arrives.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from cli.common import EXIT_OK, CliError, finite
from sandbox_app.engine.messages import BridgeHealth

NOTIFY_TOKEN_ENV = "SANDBOX_NOTIFY_TOKEN"
"""The gateway's bearer token comes from the environment, never from the command line (ps shows argv)."""


def _audit_to(db: str) -> Any:
    """Notices audited into the database file's audit log (a PostgreSQL store keeps none: not audited)."""
    from cli.common import record
    from sandbox_app.store import is_store_url

    if is_store_url(db):
        return None
    return lambda actor, action, target, detail: record(db, actor, action, target, detail)


def _health_text(h: BridgeHealth) -> str:
    state = "up" if h.connected else "down"
    text = f"{h.name} {state} in={h.received} rej={h.rejected}"
    if h.last_rejection:
        text += f" last_rej={h.last_rejection[:60]!r}"
    return text


def status_line(healths: list[BridgeHealth]) -> str:
    received = sum(h.received for h in healths)
    rejected = sum(h.rejected for h in healths)
    bridges = "; ".join(_health_text(h) for h in healths)
    return f"serve: events in {received}, rejected {rejected} | {bridges}"


def cmd_serve(args: argparse.Namespace) -> int:
    from sandbox_app.bridges.config import BridgeConfigError, load_bridges
    from sandbox_app.bridges.runner import Bridges, BridgeStartError
    from sandbox_app.dispatch.engine_hook import DeskRule
    from sandbox_app.dispatch.lifecycle import DispatchDesk, nearest_recommender
    from sandbox_app.dispatch.plans import PlanError, load_plans, plan_accept_limit, plan_on_scene_limit
    from sandbox_app.engine.clock import WallClock
    from sandbox_app.engine.intake import IntakePolicy
    from sandbox_app.engine.pipeline import DEFAULT_WARMUP_MS, Engine
    from sandbox_app.geo.routing import RoutingGraph
    from sandbox_app.patrol.config import PatrolError, load_patrols
    from sandbox_app.patrol.watch import PatrolWatch
    from sandbox_app.privacy.audit import AuditLog, AuditTrail
    from sandbox_app.rules.config import RuleConfigError, load_rules
    from sandbox_app.station.people_updates import PeopleUpdates
    from sandbox_app.store import is_store_url, local_file, open_store

    if args.status_every <= 0:
        raise CliError("--status-every must be positive")
    try:
        config = load_bridges(args.bridges)
    except BridgeConfigError as exc:
        raise CliError(str(exc)) from None
    if not config.enabled:
        raise CliError(f"{args.bridges}: no bridge is configured (see resources/bridges.example.toml)")
    if not is_store_url(args.db) and not Path(args.db).is_file() and args.package is None:
        raise CliError(f"no database at {args.db} (give --package to create it, or run `sandbox-app import`)")
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    store = open_store(args.db)
    bridges: Bridges | None = None
    try:
        district = store.load_district()
        if district is None:
            if args.package is None:
                raise CliError(f"no district in {args.db} (give --package or run `sandbox-app import`)")
            from sandbox_app.data.package import PackageError, load_package

            try:
                district = load_package(Path(args.package))
            except PackageError as exc:
                raise CliError(
                    f"package {args.package}: " + "; ".join(str(p) for p in exc.problems[:5])
                ) from None
            store.replace_district(district)
        try:
            rules = load_rules(district, Path(args.rules) if args.rules else None)
        except RuleConfigError as exc:
            raise CliError(f"rules: {exc}") from None
        try:
            plans = load_plans()
            patrols = load_patrols(district=district)
        except (PlanError, PatrolError) as exc:
            raise CliError(str(exc)) from None
        clock = WallClock()
        router = RoutingGraph.from_district(district)
        holder: list[Bridges] = []
        desk = DispatchDesk(
            store,
            district,
            send_order=(lambda order: holder[0].send_order(order))
            if config.jt808 or config.orders or config.phone
            else None,
            recommend=nearest_recommender(store, district, router, duty=patrols.on_duty),
            accept_limit=plan_accept_limit(plans, store),  # an incident's response plan (issue 20)
            on_scene_limit=plan_on_scene_limit(plans, store),
        )
        rule = DeskRule(desk, lambda until: holder[0].replies(until, desk) if holder else (), live=False)
        # Real devices only: event times are checked against the wall clock (far-future events quarantined,
        # drifting device clocks reported; sandbox_app/engine/intake.py).
        intake = IntakePolicy(past_ms=DEFAULT_WARMUP_MS, reference=clock)
        extra_rules: list[Any] = [PatrolWatch(patrols, district)]  # missed patrol checkpoints
        if args.notify_url:  # owners and family told of smoke, gas, elderly alarms (docs/notify.md)
            from sandbox_app.notify.outbox import Outbox, WebhookSender

            token = os.environ.get(NOTIFY_TOKEN_ENV, "")
            outbox = Outbox(district, WebhookSender(args.notify_url, token), audit=_audit_to(args.db))
            extra_rules.append(outbox)
        engine = Engine(store, district, [*rules, *extra_rules, rule], intake=intake)
        rule.live = True  # after the warm-up replay, as in the live session
        local = local_file(args.db, args.audit)
        # Residents' registrations over [gat1400] (issue 21): applied like a delta file, audited locally.
        audit = None if local is None else AuditTrail(AuditLog.open(local))
        people = PeopleUpdates(district, store.replace_district, audit)
        bridges = Bridges(
            config,
            district,
            engine.ingest,
            clock,
            engine.report_health,
            cursors=store,
            local_file=local,
            records=people,
        )
        holder.append(bridges)
        try:
            bridges.start()
        except BridgeStartError as exc:
            raise CliError(str(exc)) from None
        listening = ", ".join(f"{name} on {host}:{port}" for name, (host, port) in bridges.addresses.items())
        print(f"serve: running {', '.join(config.enabled)}; {listening or 'no listeners'}", flush=True)
        due = clock.monotonic_s() + args.status_every
        while not stop.wait(min(1.0, args.status_every)):
            engine.advance_to(clock.now_ms())
            bridges.keepalive()
            if clock.monotonic_s() >= due:
                due = clock.monotonic_s() + args.status_every
                print(status_line(bridges.health()), flush=True)
        bridges.stop()
        print(status_line(bridges.health()) + " (stopped)", flush=True)
        return EXIT_OK
    finally:
        if bridges is not None:
            bridges.stop()
        store.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:

    p = subparsers.add_parser(
        "serve", help="headless station: engine + configured real bridges until stopped"
    )
    p.add_argument("--db", required=True, help="SQLite database (or postgresql:// URL)")
    p.add_argument(
        "--bridges", required=True, type=Path, help="bridges TOML (resources/bridges.example.toml)"
    )
    p.add_argument(
        "--package", type=Path, default=None, help="district package imported when the db is empty"
    )
    p.add_argument("--rules", default=None, help="rules TOML (default: resources/rules.toml)")
    p.add_argument(
        "--audit",
        default=None,
        help="the station's local file (users, audit log, [phone] enrolments); default: the --db file",
    )
    p.add_argument(
        "--notify-url",
        help=f"webhook of the SMS/app gateway for notices to owners and family (token: ${NOTIFY_TOKEN_ENV})",
    )
    p.add_argument(
        "--status-every", type=finite(0.001, 86_400.0), default=10.0, help="seconds between status lines"
    )
    p.set_defaults(func=cmd_serve)
