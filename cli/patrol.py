"""`sandbox-app patrol report|roster`: electronic patrol (电子巡更) and the duty roster (排班).

`report` replays the stored fixes and tag reads of a period through the same `PatrolWatch` the live engine
runs, so its check-ins, missed checkpoints and per-guard figures (distance, hours, checkpoints on time) are
what the desk would have seen. `roster` says which shifts run at a moment and who is on or off duty; an
off-duty guard is never recommended for a dispatch.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo


def _book(args: argparse.Namespace, district: Any) -> Any:
    from cli.common import CliError
    from sandbox_app.patrol.config import PatrolError, load_patrols

    try:
        return load_patrols(args.patrols, district)
    except PatrolError as exc:
        raise CliError(str(exc)) from None


def cmd_report(args: argparse.Namespace) -> int:
    from cli.auth import session
    from cli.common import EXIT_OK, CliError, existing_store, print_json, store_district, time_arg
    from sandbox_app.patrol.watch import PatrolWatch
    from sandbox_app.rules.runner import RuleRunner

    store = existing_store(args.db)
    try:
        session(args, "view")
        district = store_district(store)
        start, end = time_arg(args.from_, district, "--from"), time_arg(args.to, district, "--to")
        if end < start:
            raise CliError(f"--from {args.from_} is after --to {args.to}")
        book = _book(args, district)
        watch = PatrolWatch(book, district)
        runner = RuleRunner([watch], lambda signal: None)
        watch.on_time(start)  # rounds from --from on are judged
        runner.run(runner.rejudged(store.events_between(start, end, watch.kinds)), 0)
        runner.tick(end)
    finally:
        store.close()
    report = {
        "from": start,
        "to": end,
        **watch.figures(),
        "checkins": [c.to_json() for c in watch.checkins],
        "missed": [m.to_json() for m in watch.missed],
    }
    if args.json:
        print_json(report)
        return EXIT_OK
    zone = ZoneInfo(district.timezone)

    def hm(ts: int) -> str:
        return datetime.fromtimestamp(ts / 1000, zone).strftime("%m-%d %H:%M")

    for rid, r in report["routes"].items():
        name = book.routes[rid].name
        done = f"应到 {r['due']} 点, 已到 {r['checked']}, 漏巡 {r['missed']}"
        print(f"路线 {rid} {name}: 巡逻 {r['rounds']} 轮, {done}")
    for gid, g in report["guards"].items():
        km = g["distance_m"] / 1000
        print(f"{gid}: 里程 {km:.2f} km, 时长 {g['hours']:.2f} h, 按时签到 {g['checkins_on_time']}")
    for m in watch.missed:
        cp = book.checkpoints[m.checkpoint]
        print(f"漏巡: {m.route} {cp.name} ({m.checkpoint}) 本轮 {hm(m.round_ts)}")
    return EXIT_OK


def cmd_roster(args: argparse.Namespace) -> int:
    from cli.auth import session
    from cli.common import EXIT_OK, existing_store, print_json, store_district, time_or_now

    store = existing_store(args.db)
    try:
        session(args, "view")
        district = store_district(store)
        at = time_or_now(args.at, district)
    finally:
        store.close()
    book = _book(args, district)
    shifts = book.shifts_at(at)
    on, rostered = book.on_duty_ids(at), book.rostered()
    out = {
        "at": at,
        "shifts": [{"id": s.id, "name": s.name, "teams": list(s.teams)} for s in shifts],
        "on_duty": sorted(on),
        "off_duty": sorted(rostered - on),
        "not_rostered": sorted(set(district.guards) - rostered),
    }
    if args.json:
        print_json(out)
        return EXIT_OK
    print("当班: " + ("、".join(s.name for s in shifts) or "无"))
    for gid in sorted(rostered):
        g = district.guards.get(gid)
        print(f"{gid} {g.name if g else ''}  {'在岗' if gid in on else '休班'}")
    return EXIT_OK


def cmd_simulated(args: argparse.Namespace) -> int:
    """A patrols file fitted to the simulator's guard loops for `--seed` (run the live desk with the same
    `--seed`): every round is checked in by GPS, and one decoy checkpoint is always missed."""
    from cli.common import EXIT_OK, CliError, existing_store
    from sandbox_app.bridges.simulator.patrol_plan import patrol_config
    from sandbox_app.bridges.simulator.source import Simulator
    from sandbox_app.patrol.config import PatrolError, build_patrols

    store = existing_store(args.db)
    try:
        district = store.load_district()
    finally:
        store.close()
    if district is None:
        raise CliError(f"no district in {args.db} (run `sandbox-app import` first)")
    sim = Simulator(district, seed=args.seed, start_ts=0)
    config = patrol_config(sim.patrols, sim.graph, guards=args.guards, every_hours=args.every_hours)
    try:
        build_patrols(config, district)  # what the station will load must load
    except PatrolError as exc:
        raise CliError(str(exc)) from None
    text = toml_text(config)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        print(text, end="")
    return EXIT_OK


def toml_text(config: dict[str, Any]) -> str:
    """The patrols dict as TOML: two levels of tables, values text, numbers or lists of texts."""

    def value(v: Any) -> str:
        if isinstance(v, str):
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return repr(v)

    lines = ["# Generated by `sandbox-app patrol simulated` for the simulator's guard loops.", ""]
    for section, tables in config.items():
        for key, table in tables.items():
            lines.append(f"[{section}.{key}]")
            lines += [f"{k} = {value(v)}" for k, v in table.items()]
            lines.append("")
    return "\n".join(lines)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `patrol report|roster` to sandbox-app's parser."""
    from cli.common import add_user_option

    p = subparsers.add_parser("patrol", help="electronic patrol (电子巡更) and duty roster (排班)")
    sub = p.add_subparsers(dest="patrol_command", required=True)

    q = sub.add_parser("report", help="check-ins, missed checkpoints, per-guard patrol figures of a period")
    q.add_argument("--db", required=True)
    q.add_argument("--from", dest="from_", required=True, help="ISO 8601 or epoch ms")
    q.add_argument("--to", required=True, help="ISO 8601 or epoch ms")
    q.add_argument("--patrols", help="patrols TOML (default: resources/patrols.toml)")
    q.add_argument("--json", action="store_true")
    add_user_option(q)
    q.set_defaults(func=cmd_report)

    q = sub.add_parser("simulated", help="a patrols file fitted to the simulator's guards (demo, tests)")
    q.add_argument("--db", required=True)
    q.add_argument("--seed", type=int, required=True, help="the simulator seed the live desk runs with")
    q.add_argument("--guards", type=int, default=3, help="how many guards get a route (default 3)")
    q.add_argument("--every-hours", type=int, default=2, help="a round every N hours (default 2)")
    q.add_argument("--out", help="write here (default: stdout)")
    q.set_defaults(func=cmd_simulated)

    q = sub.add_parser("roster", help="the shifts running at a moment and who is on or off duty")
    q.add_argument("--db", required=True)
    q.add_argument("--at", help="when (default: now)")
    q.add_argument("--patrols", help="patrols TOML (default: resources/patrols.toml)")
    q.add_argument("--json", action="store_true")
    add_user_option(q)
    q.set_defaults(func=cmd_roster)
