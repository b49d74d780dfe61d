"""`sandbox-app case` (an alert's case file as PDF/CSV/GeoJSON) and `sandbox-app export` (a time window's
events as CSV/GeoJSON, or its replay as MP4).

Renderers live in `widgets/` and are imported only when a PDF or MP4 is asked for, so the core never loads Qt
otherwise. Personal data is masked unless `--unmasked` is given (role checks and an audit entry for that are
the security module's to add).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from sandbox_app.privacy.mask import Masker, Viewer
from sandbox_app.replay.casefile import DEFAULT_RADIUS_M, CaseError

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")
_UNITS = {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}


def duration_ms(text: str) -> int:
    """ "30m", "1h30m", "90s", "500ms" (or bare digits: milliseconds) → milliseconds."""
    s = text.strip().lower()
    if s.isdigit():
        return int(s)
    parts = _DURATION.findall(s)
    if not parts or "".join(n + u for n, u in parts) != s:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (e.g. 30m, 1h30m, 90s)")
    return round(sum(float(n) * _UNITS[u] for n, u in parts))


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)x(\d+)", text.strip())
    if not m or int(m[1]) < 16 or int(m[2]) < 16:
        raise argparse.ArgumentTypeError(f"not a frame size: {text!r} (e.g. 1280x720)")
    return int(m[1]) // 2 * 2, int(m[2]) // 2 * 2


def _masker(args: argparse.Namespace) -> Masker:
    return Masker(Viewer.ANALYST, unmasked=True) if args.unmasked else Masker(Viewer.OFFICER)


def cmd_case(args: argparse.Namespace) -> int:
    from sandbox_app.cli import EXIT_OK, CliError, _existing_store, _print_json
    from sandbox_app.replay.casefile import build_case
    from sandbox_app.replay.export import write_csv, write_geojson
    from sandbox_app.store.queries import Db

    if not (args.pdf or args.csv or args.geojson or args.json):
        raise CliError("say where the case file goes: --pdf, --csv, --geojson and/or --json")
    store = _existing_store(args.db)
    try:
        district = store.load_district()
    finally:
        store.close()
    if district is None:
        raise CliError(f"no district in {args.db} (run `sandbox-app import` first)")
    db = Db.open(args.db)
    try:
        router = None
        if args.routing and district.roads:
            from sandbox_app.geo.routing import RoutingGraph

            try:
                router = RoutingGraph.from_district(district)
            except ValueError:
                router = None
        try:
            case = build_case(
                db, district, args.alert, radius_m=args.radius_m, before_ms=args.before,
                after_ms=args.after, masker=_masker(args), router=router,
            )  # fmt: skip
        except CaseError as exc:
            raise CliError(str(exc)) from None
        out: dict[str, Any] = {"alert": case.alert.id, "entries": len(case.entries), "kinds": case.kinds()}
        if args.csv:
            write_csv(case.entries, Path(args.csv), district.timezone)
            out["csv"] = args.csv
        if args.geojson:
            write_geojson(case.entries, Path(args.geojson), district.timezone)
            out["geojson"] = args.geojson
        if args.pdf:
            from widgets.export_pdf import write_case_pdf

            out["pdf_pages"] = write_case_pdf(db, district, case, Path(args.pdf))
            out["pdf"] = args.pdf
    finally:
        db.conn.close()
    out["response"] = case.response.to_json() if case.response else None
    if args.json:
        out["items"] = [e.to_json() for e in case.entries]
    _print_json(out)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from sandbox_app.cli import EXIT_OK, CliError, _existing_store, _print_json, _time
    from sandbox_app.replay.export import window_entries, write_csv, write_geojson
    from sandbox_app.store.queries import Db

    store = _existing_store(args.db)
    try:
        district = store.load_district()
    finally:
        store.close()
    if district is None:
        raise CliError(f"no district in {args.db} (run `sandbox-app import` first)")
    start, end = _time(args.from_, district), _time(args.to, district)
    if end < start:
        raise CliError(f"--from {args.from_} is after --to {args.to}")
    if args.fps <= 0 or args.speed <= 0:
        raise CliError("--fps and --speed must be positive")
    db = Db.open(args.db)
    try:
        out: dict[str, Any] = {"from": start, "to": end}
        entries = window_entries(db, district, start, end, _masker(args))
        if args.csv:
            out["csv"], out["rows"] = args.csv, write_csv(entries, Path(args.csv), district.timezone)
        elif args.geojson:
            out["geojson"] = args.geojson
            out["features"] = write_geojson(entries, Path(args.geojson), district.timezone)
        else:
            from widgets.export_video import export_mp4

            try:
                out["frames"] = export_mp4(
                    db, district, start, end, Path(args.mp4), fps=args.fps, speed=args.speed, size=args.size
                )
            except OSError as exc:
                raise CliError(str(exc)) from None
            out["mp4"] = args.mp4
    finally:
        db.conn.close()
    _print_json(out)
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `case` and `export` to sandbox-app's parser."""
    p = subparsers.add_parser("case", help="an alert's case file: everything nearby before and after it")
    p.add_argument("--db", required=True)
    p.add_argument("--alert", required=True, help="alert id")
    p.add_argument("--radius-m", type=float, default=DEFAULT_RADIUS_M)
    p.add_argument("--before", type=duration_ms, default=duration_ms("30m"), help="window before (e.g. 30m)")
    p.add_argument("--after", type=duration_ms, default=duration_ms("60m"), help="window after (e.g. 1h)")
    p.add_argument("--pdf", help="write the case file as PDF here")
    p.add_argument("--csv", help="write the entries as CSV here")
    p.add_argument("--geojson", help="write the entries as GeoJSON here")
    p.add_argument("--json", action="store_true", help="print the entries too")
    p.add_argument("--no-routing", dest="routing", action="store_false", help="skip the nearest-guard ETA")
    p.add_argument("--unmasked", action="store_true", help="show personal data in full")
    p.set_defaults(func=cmd_case)

    p = subparsers.add_parser("export", help="a time window's events (CSV, GeoJSON) or replay (MP4)")
    p.add_argument("--db", required=True)
    p.add_argument("--from", dest="from_", required=True, help="ISO 8601 (naive = district time) or epoch ms")
    p.add_argument("--to", required=True)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--csv", metavar="OUT")
    what.add_argument("--geojson", metavar="OUT")
    what.add_argument("--mp4", metavar="OUT")
    p.add_argument("--fps", type=float, default=30.0)
    p.add_argument("--speed", type=float, default=60.0, help="district seconds per video second")
    p.add_argument("--size", type=_size, default=(1280, 720), help="video frame size, e.g. 1280x720")
    p.add_argument("--unmasked", action="store_true", help="show personal data in full")
    p.set_defaults(func=cmd_export)
