"""`sandbox-app nearest`: the k guards with the shortest travel time to a point at a moment.

Kept out of cli.py so dispatch owns its command; cli.py calls `register(subparsers)`. The cli helpers are
imported inside the command, so cli.py may import this module at any point without an import cycle.
"""

from __future__ import annotations

import argparse

from cli.common import EXIT_OK, CliError, existing_store, finite, print_json, time_arg
from sandbox_app.domain.enums import DATUMS, GuardRole


def _roles(text: str) -> frozenset[str]:
    """Comma-separated guard roles, each checked, so a typo is an error and not an empty answer."""
    roles = frozenset(r.strip() for r in text.split(",") if r.strip())
    unknown = sorted(roles - {r.value for r in GuardRole})
    if unknown or not roles:
        known = ", ".join(r.value for r in GuardRole)
        raise argparse.ArgumentTypeError(f"unknown role(s) {', '.join(unknown) or '(none)'}; known: {known}")
    return roles


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError("must be from 1 to 10000")
    return value


def cmd_nearest(args: argparse.Namespace) -> int:
    from sandbox_app.dispatch.nearest import nearest_from_store
    from sandbox_app.geo.routing import RoutingGraph
    from sandbox_app.patrol.config import load_patrols

    store = existing_store(args.db)
    try:
        district = store.load_district()
        if district is None:
            raise CliError(f"no district in {args.db} (run `sandbox-app import` first)")
        at_ts = time_arg(args.at, district)
        given = {b.strip() for b in args.busy.split(",") if b.strip()} if args.busy else set()
        busy = frozenset(given | {d.guard_id for d in store.dispatches(active_only=True)})
        lon, lat = args.lon, args.lat
        if args.datum != "wgs84":  # a point read off an Amap or Baidu map: the district is WGS-84
            from sandbox_app.domain.enums import Crs
            from sandbox_app.geo.crs import to_wgs84

            lon, lat = to_wgs84(lon, lat, Crs(args.datum))
        try:
            on_duty = load_patrols(args.patrols, district).on_duty(at_ts)  # the duty roster (排班)
            router = RoutingGraph.from_district(district)
            found = nearest_from_store(
                store, district, router, lon, lat, at_ts,
                k=args.k, roles=args.roles, max_fix_age_s=args.max_fix_age_s, busy=busy, on_duty=on_duty,
            )  # fmt: skip
        except ValueError as exc:  # no usable roads, malformed closed_hours in the stored district
            raise CliError(str(exc)) from None
    finally:
        store.close()
    ranked = found.ranked()
    if args.json:
        print_json([c.to_json() for c in ranked])
    else:
        for c in ranked:
            flag = "  STALE" if c.stale else ""
            print(f"{c.guard}  {c.role:<10} {c.eta_s:7.1f} s  {c.distance_m:8.1f} m{flag}")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `nearest` subcommand to sandbox-app's parser."""

    p = subparsers.add_parser("nearest", help="the k guards with the shortest travel time to a point")
    p.add_argument("--db", required=True)
    p.add_argument("--lon", type=finite(-180.0, 180.0), required=True)
    p.add_argument("--lat", type=finite(-90.0, 90.0), required=True)
    p.add_argument(
        "--datum", choices=DATUMS, default="wgs84", help="the datum of --lon/--lat (gcj02: Amap, bd09: Baidu)"
    )
    p.add_argument("--at", required=True, help="ISO 8601 (naive = district time) or epoch ms")
    p.add_argument("--k", type=_positive_int, default=5)
    p.add_argument("--roles", type=_roles, help="comma-separated roles to consider, e.g. police,auxiliary")
    p.add_argument(
        "--max-fix-age-s", type=finite(0.0, 1e9), default=300.0, help="older fixes are listed as stale"
    )
    p.add_argument("--busy", help="more guard ids to leave out (active dispatches in the store always are)")
    p.add_argument(
        "--patrols", help="duty roster TOML (default: resources/patrols.toml); off duty = left out"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_nearest)
