"""`sandbox-app figures`: the station's figures (治理成效, issue 21) for a period against a baseline.

Population and the rental register, alerts per rule against the baseline (by default the same length just
before), compounds without a case, closure outcomes, response times and pass counts per day, week, month or
year. Aggregates only: no person is named, so the `view` permission suffices. Times out are epoch ms.

`--xlsx FILE` writes the desk's 治理成效 workbook headless instead: the period (by default the month) holding
`--at` (by default now) against the previous one cut at the same point (`analytics.summary`), with the desk's
own sheet writer (`widgets.station_figures.write_summary_xlsx`, Qt translation: imported only when asked for,
as `export --xlsx` does). On a store whose compounds name their street and county (a city store), the
workbook also gets a sheet per level: the same figures rolled up by street and by county.

`--by street|county` prints those roll-ups instead (the period holding `--at`, as `--xlsx`): a row per
street or county, in `--lang` as the workbook's sheet reads, or everything with `--json`
(`analytics.rollup`: each street's figures computed like a station's, a county the sum of its streets).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from sandbox_app.analytics.figures import Period
from sandbox_app.analytics.rollup import LEVELS, FiguresRollup, names_streets, rollup
from sandbox_app.domain.model import District

if TYPE_CHECKING:
    from sandbox_app.analytics.summary import StationSummary
    from sandbox_app.store.base import Store

T = TypeVar("T")


def station_figures(args: argparse.Namespace) -> dict[str, Any]:
    from cli.auth import session
    from cli.common import CliError, existing_store, time_arg

    if args.from_ is None or args.to is None:
        raise CliError("--from and --to are required (or --xlsx FILE for the workbook)")
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
        passes = stored_pass_counts(store, district, start, end, Period(args.period or Period.DAY.value))
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
        "period": args.period or Period.DAY.value,
        "passes": {kind: {str(k): v for k, v in counts.items()} for kind, counts in passes.items()},
    }


def _period_on_store(
    args: argparse.Namespace, read: Callable[[Store, District, int, Period], T]
) -> tuple[District, T]:
    """`read(store, district, at, period)` for the period (default the month) holding `--at` (default now),
    on the store of `--db` after the `view` check; the store is closed again whatever happens."""
    from cli.auth import session
    from cli.common import CliError, existing_store, time_arg
    from sandbox_app.engine.clock import WallClock

    period = Period(args.period or Period.MONTH.value)
    store = existing_store(args.db)
    try:
        session(args, "view", "figures")
        district = store.load_district()
        if district is None:
            raise CliError(f"no district in {args.db} (run `sandbox-app import` first)")
        at = time_arg(args.at, district, "--at") if args.at else WallClock().now_ms()
        return district, read(store, district, at, period)
    finally:
        store.close()


def write_figures_xlsx(args: argparse.Namespace) -> dict[str, Any]:
    """`--xlsx`: the desk's workbook for the period holding `--at` (default now), in `--lang`."""
    from pathlib import Path

    from sandbox_app.analytics.summary import summary

    def read(
        store: Store, district: District, at: int, period: Period
    ) -> tuple[StationSummary, FiguresRollup | None]:
        levels = rollup(store, district, at, period) if names_streets(district) else None
        return summary(store, district, at, period), levels

    district, (s, levels) = _period_on_store(args, read)
    from widgets.case_report import report_language
    from widgets.station_figures import write_summary_xlsx

    with report_language(args.lang):
        sheets = write_summary_xlsx(district, s, Path(args.xlsx), levels)
    out: dict[str, Any] = {"xlsx": args.xlsx, "sheets": sheets, "summary": s.to_json()}
    if levels is not None:
        out["rollup"] = levels.to_json()
    return out


def rolled_up(args: argparse.Namespace) -> tuple[District, FiguresRollup]:
    """`--by`: the roll-up of the period holding `--at` (default now) on the store."""
    return _period_on_store(args, rollup)


def print_rollup(args: argparse.Namespace) -> None:
    """The level's sheet as aligned text, in `--lang` (the workbook's words)."""
    from cli.common import print_json
    from widgets.case_report import report_language
    from widgets.station_figures import rollup_sheets

    _district, levels = rolled_up(args)
    if args.json:
        print_json(levels.to_json([args.by]))
        return
    with report_language(args.lang):
        sheet = next(sh for sh, level in zip(rollup_sheets(levels), LEVELS, strict=True) if level == args.by)
    print(sheet.title)
    table = [list(sheet.header)] + [["—" if v is None else str(v) for v in row] for row in sheet.rows]
    widths = [max(_width(row[i]) for row in table) for i in range(len(sheet.header))]
    for row in table:
        print(
            "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(row, widths, strict=True)).rstrip()
        )


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Chinese characters take two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def cmd_figures(args: argparse.Namespace) -> int:
    from cli.common import EXIT_OK, print_json

    if args.xlsx:
        print_json(write_figures_xlsx(args))
        return EXIT_OK
    if args.by:
        print_rollup(args)
        return EXIT_OK
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
    p.add_argument("--from", dest="from_", help="ISO 8601 or epoch ms (required without --xlsx)")
    p.add_argument("--to", help="ISO 8601 or epoch ms, exclusive (required without --xlsx)")
    p.add_argument("--baseline-from", help="baseline start (default: the same length just before --from)")
    p.add_argument("--baseline-to", help="baseline end (default: --from, or baseline start + the length)")
    p.add_argument(
        "--period",
        choices=[p.value for p in Period],
        help="pass counts per (default day); with --xlsx the period of the workbook (default month)",
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--xlsx", help="write the 治理成效 workbook (as the desk exports it) to this file")
    p.add_argument("--at", help="with --xlsx or --by: the time whose period is reported (default now)")
    p.add_argument(
        "--by",
        choices=LEVELS,
        help="the figures rolled up per street or county of a city store, for the period holding --at",
    )
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="language of the workbook")
    add_user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_figures)
