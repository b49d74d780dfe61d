"""`sandbox-app figures`: the station's figures (治理成效, issue 21) for a period against a baseline.

Population and the rental register, alerts per rule against the baseline (by default the same length just
before), compounds without a case, closure outcomes, response times and pass counts per day, week, month or
year. Aggregates only: no person is named, so the `view` permission suffices. Times out are epoch ms.
"""

from __future__ import annotations

import argparse
from typing import Any

from sandbox_app.analytics.figures import Period


def station_figures(args: argparse.Namespace) -> dict[str, Any]:
    from cli.auth import session
    from cli.common import CliError, existing_store, time_arg
    from sandbox_app.analytics.figures import incident_trend, population_figures, quiet_compounds
    from sandbox_app.analytics.stats import Phase, outcome_counts, response_times
    from sandbox_app.analytics.summary import stored_pass_counts

    store = existing_store(args.db)
    try:
        session(args, "view", "figures")
        district = store.load_district()
        if district is None:
            raise CliError(f"no district in {args.db} (run `sandbox-app import` first)")
        start, end = time_arg(args.from_, district, "--from"), time_arg(args.to, district, "--to")
        if end <= start:
            raise CliError(f"--from {args.from_} is not before --to {args.to}")
        b_start = time_arg(args.baseline_from, district, "--baseline-from") if args.baseline_from else None
        b_end = time_arg(args.baseline_to, district, "--baseline-to") if args.baseline_to else None
        b_end = b_end if b_end is not None else (start if b_start is None else b_start + (end - start))
        b_start = b_start if b_start is not None else b_end - (end - start)
        alerts = store.alerts()
        dispatches = [d for d in store.dispatches() if start <= d.issued_ts < end]
        passes = stored_pass_counts(store, district, start, end, Period(args.period))
    finally:
        store.close()
    times = response_times(dispatches)
    return {
        "from": start,
        "to": end,
        "baseline": {"from": b_start, "to": b_end},
        "population": population_figures(district).to_json(),
        "alerts": [r.to_json() for r in incident_trend(alerts, (start, end), (b_start, b_end))],
        "quiet_compounds": quiet_compounds(district, alerts, (start, end)),
        "outcomes": {
            k.value: v for k, v in outcome_counts(a for a in alerts if start <= a.first_ts < end).items()
        },
        "response_s": {p.value: {"median": times.median(p), "count": times.count(p)} for p in Phase},
        "period": args.period,
        "passes": {kind: {str(k): v for k, v in counts.items()} for kind, counts in passes.items()},
    }


def cmd_figures(args: argparse.Namespace) -> int:
    from cli.common import EXIT_OK, print_json

    figures = station_figures(args)
    if args.json:
        print_json(figures)
        return EXIT_OK
    pop = figures["population"]
    print(
        f"people {pop['registered']}  floating {pop['floating']}  elderly alone {pop['elderly_alone']}  "
        f"rentals {pop['rental_rooms']} (group {pop['group_rentals']})  "
        f"organisations {sum(pop['organisations'].values())}"
    )
    for row in figures["alerts"]:
        change = "-" if row["change"] is None else f"{row['change']:+.0%}"
        print(f"{row['rule']:<24} {row['count']:>6}  baseline {row['baseline']:>6}  {change}")
    print(f"compounds without a case: {len(figures['quiet_compounds'])}")
    for kind, counts in figures["passes"].items():
        print(f"{kind:<16} {sum(counts.values())}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from cli.common import add_audit_option, add_user_option

    p = sub.add_parser("figures", help="治理成效: population, alerts against a baseline, passes per period")
    p.add_argument("--db", required=True)
    p.add_argument("--from", dest="from_", required=True, help="ISO 8601 or epoch ms")
    p.add_argument("--to", required=True, help="ISO 8601 or epoch ms (exclusive)")
    p.add_argument("--baseline-from", help="baseline start (default: the same length just before --from)")
    p.add_argument("--baseline-to", help="baseline end (default: --from, or baseline start + the length)")
    p.add_argument("--period", choices=[p.value for p in Period], default=Period.DAY.value)
    p.add_argument("--json", action="store_true")
    add_user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_figures)
