"""Commands that put data in and read it back: `import` (a district package), `ingest` (a JSON Lines
event file through the engine) and `state` (guards and open alerts at a time)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tqdm import tqdm

from cli.auth import session
from cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    CliError,
    add_audit_option,
    add_user_option,
    existing_store,
    print_alert_lines,
    print_json,
    record,
    store_district,
    time_arg,
)
from sandbox_app.bridges.jsonl.reader import read_batches
from sandbox_app.engine.clock import WallClock, format_ms
from sandbox_app.engine.intake import IntakePolicy
from sandbox_app.engine.pipeline import DEFAULT_WARMUP_MS, Engine
from sandbox_app.store import Store, open_store


class Bars:
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

    bars = Bars()
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
    who = session(args, "import", f"package:{Path(args.package).name}")
    store = open_store(args.db)
    try:
        store.replace_district(district)
    finally:
        store.close()
    if who.user is not None:
        record(
            args.db, who.actor, "data.import", f"package:{Path(args.package).name}", {"name": district.name}
        )
    print_json(
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
            "areas": len(district.areas),
        }
    )
    return EXIT_OK


def cmd_ingest(args: argparse.Namespace) -> int:
    from sandbox_app.rules.config import RuleConfigError, load_rules

    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"no such file: {source}")
    who = session(args, "import", f"events:{source.name}")
    store = open_store(args.db)
    try:
        district = store_district(store)
        until = time_arg(args.until, district, "--until") if args.until else None
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
        record(args.db, who.actor, "data.ingest", f"events:{source.name}", {})
    print_json(summary)
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
    district = store_district(store)
    fixes = store.last_fixes(at_ts)
    guards = {}
    for guard in sorted(district.guards.values(), key=lambda g: g.id):
        fix = fixes.get(guard.device_id or "")
        if fix is not None:
            guards[guard.id] = {"lon": fix.lon, "lat": fix.lat, "ts": fix.ts}
    return {"guards": guards, "alerts": [a.to_json() for a in store.alerts_open_at(at_ts)]}


def cmd_state(args: argparse.Namespace) -> int:
    store = existing_store(args.db)
    try:
        masker = session(args, "view").masker
        state = state_at(store, time_arg(args.at, store.load_district(), "--at"))
    finally:
        store.close()
    state["alerts"] = [masker.alert_json(a) for a in state["alerts"]]
    if args.json:
        print_json(state)
    else:
        for gid, pos in state["guards"].items():
            print(f"guard {gid}: {pos['lon']:.6f},{pos['lat']:.6f} @ {pos['ts']}")
        print_alert_lines(state["alerts"])
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="validate a district package and write it to the database")
    p.add_argument("package", help="package folder (manifest.json + layers)")
    p.add_argument("--db", required=True)
    add_user_option(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("ingest", help="ingest a JSON Lines event file through the engine")
    p.add_argument("file")
    p.add_argument("--db", required=True)
    p.add_argument("--until", help="advance the engine clock to TIME after the last event")
    p.add_argument("--rules", help="rules TOML (default: resources/rules.toml)")
    add_user_option(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("state", help="guards' positions and open alerts at a time")
    p.add_argument("--db", required=True)
    p.add_argument("--at", required=True, help="ISO 8601 or epoch ms")
    p.add_argument("--json", action="store_true")
    add_user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_state)
