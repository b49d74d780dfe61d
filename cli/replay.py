"""`sandbox-app case` (an alert's case report as PDF/Word, its entries as CSV/GeoJSON), `sandbox-app
responses` (response figures, XLSX) and `sandbox-app export` (a time window's events as CSV/GeoJSON, or its
replay as MP4).

Renderers live in `widgets/` and are imported only when a PDF or MP4 is asked for, so the core never loads Qt
otherwise. Who may export is checked before anything is read (`authorise`, docs/security.md "Exports"): a
database with users asks for `--user NAME` and its password (stdin or prompt, never argv), lets only a role
with the export permission (analysts) through, and records every export (and every refusal) in the audit log;
personal data stays masked unless `--unmasked` is given, itself an audited unmask. A database without users
(the demo) exports as before, masked unless `--unmasked`, and is still audited under the operating-system
user's name.
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.common import EXIT_OK, CliError, existing_store, finite, print_json, time_arg
from sandbox_app.domain.enums import DATUMS
from sandbox_app.privacy import audit as au
from sandbox_app.privacy.mask import Masker, Viewer
from sandbox_app.privacy.users import AuthError, PermissionDenied, UserBook, export, unmask
from sandbox_app.replay.entries import DEFAULT_RADIUS_M

if TYPE_CHECKING:
    from sandbox_app.replay.player import VideoPlan

_DURATION = re.compile(r"(\d+(?:\.\d+)?)(ms|h|m|s)")
_UNITS = {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}


def duration_ms(text: str) -> int:
    """ "30m", "1h30m", "90s", "500ms" (or bare digits: milliseconds) → milliseconds."""
    s = text.strip().lower()
    if s.isdigit() and len(s) <= 18:
        ms = int(s)
    else:
        parts = _DURATION.findall(s)
        if not parts or "".join(n + u for n, u in parts) != s:
            raise argparse.ArgumentTypeError(f"not a duration: {text[:40]!r} (e.g. 30m, 1h30m, 90s)")
        total = sum(float(n) * _UNITS[u] for n, u in parts)
        ms = round(total) if total <= _LONGEST_MS else _LONGEST_MS + 1  # 1e400h is inf: no round()
    if ms > _LONGEST_MS:
        raise argparse.ArgumentTypeError(f"duration {text[:40]!r} is longer than 10 years")
    return ms


_LONGEST_MS = 10 * 366 * 86_400_000
"""A case window or step beyond ten years is a typo, and would overflow time arithmetic downstream."""


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d+)x(\d+)", text.strip())
    if not m or not (16 <= int(m[1]) <= 7680 and 16 <= int(m[2]) <= 4320):
        raise argparse.ArgumentTypeError(
            f"not a frame size: {text[:40]!r} (16x16 to 7680x4320, e.g. 1280x720)"
        )
    return int(m[1]) // 2 * 2, int(m[2]) // 2 * 2


def _secret(prompt: str) -> str:
    """One line from stdin when it is not a terminal (scripts), else a getpass prompt: never from argv."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def authorise(args: argparse.Namespace, target: str, detail: dict[str, Any]) -> Masker:
    """Check who exports `target` and record it; the masker the export is written with.

    With users in the database: `--user` logs in (password, and the TOTP code when the user has one, from
    stdin or a prompt), `privacy.users.export` requires the export permission and audits the export, and
    `--unmasked` is a further audited `privacy.users.unmask`. Without users: masked unless `--unmasked`,
    audited as `cli:<os user>`. Raises `CliError` (exit 2) on any refusal; refusals are audited too.
    """

    book = UserBook.open(args.db)
    try:
        detail = {**detail, "unmasked": bool(args.unmasked)}
        if not book.users():
            if args.user:
                raise CliError("--user given, but this database has no users (`sandbox-app user add`)")
            book.audit.record(f"cli:{getpass.getuser()}", au.EXPORT, target, detail)
            return Masker(Viewer.ANALYST, unmasked=True) if args.unmasked else Masker(Viewer.OFFICER)
        if not args.user:
            raise CliError("this database has users: say who exports with --user NAME (password on stdin)")
        found = book.get(args.user)
        password = _secret("Password: ")
        code = _secret("TOTP code: ") if found is not None and found.has_totp else None
        try:
            user = book.login(args.user, password, code)
            export(user, target, book.audit, detail)
            if args.unmasked:
                return unmask(user, target, book.audit, reason="export")
        except (AuthError, PermissionDenied) as exc:
            raise CliError(f"export refused: {exc}") from None
        return Masker(user.role)
    finally:
        book.close()


def _stored_district(db: str) -> Any:
    """The district stored in `db`; a database with none is an error that says what to run."""
    store = existing_store(db)
    try:
        district = store.load_district()
    finally:
        store.close()
    if district is None:
        raise CliError(f"no district in {db} (run `sandbox-app import` first)")
    return district


def _window(args: argparse.Namespace, district: Any) -> tuple[int, int]:
    """`--from`/`--to` as (start, end) epoch ms (see `time_arg`); a reversed window is an error."""
    start, end = time_arg(args.from_, district), time_arg(args.to, district)
    if end < start:
        raise CliError(f"--from {args.from_} is after --to {args.to}")
    return start, end


def cmd_case(args: argparse.Namespace) -> int:
    from sandbox_app.replay.casefile import CaseError, build_case
    from sandbox_app.replay.export import entries_in_datum, write_csv, write_geojson
    from sandbox_app.store.queries import Db

    if not (args.pdf or args.docx or args.csv or args.geojson or args.json):
        raise CliError("say where the case file goes: --pdf, --docx, --csv, --geojson and/or --json")
    district = _stored_district(args.db)
    formats = [f for f in ("pdf", "docx", "csv", "geojson", "json") if getattr(args, f)]
    masker = authorise(args, f"alert:{args.alert}", {"what": "case", "formats": formats})
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
                after_ms=args.after, masker=masker, router=router,
            )  # fmt: skip
        except CaseError as exc:
            raise CliError(str(exc)) from None
        if args.nvr:
            _add_recordings(district, case)
        out: dict[str, Any] = {
            "alert": masker.alert_id(case.alert.id, case.alert.subject_type),
            "entries": len(case.entries),
            "kinds": case.kinds(),
        }
        shown = list(entries_in_datum(case.entries, args.datum))  # the PDF's map draws WGS-84
        if args.datum != "wgs84":
            out["datum"] = args.datum
        if args.csv:
            write_csv(shown, Path(args.csv), district.timezone)
            out["csv"] = args.csv
        if args.geojson:
            write_geojson(shown, Path(args.geojson), district.timezone)
            out["geojson"] = args.geojson
        if args.pdf or args.docx:
            out.update(_write_reports(args, db, district, case))
    finally:
        db.conn.close()
    out["response"] = None
    if case.response is not None:
        out["response"] = case.response.to_json()
        out["response"]["alert_id"] = masker.alert_id(case.response.alert_id, case.alert.subject_type)
    if args.nvr:
        out["recordings"] = [r.to_json() for r in case.recordings]
    if args.json:
        out["items"] = [e.to_json() for e in case.entries]
    print_json(out)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from sandbox_app.replay.export import entries_in_datum, window_entries, write_csv, write_geojson
    from sandbox_app.store.queries import Db

    district = _stored_district(args.db)
    start, end = _window(args, district)
    if args.fps <= 0 or args.speed <= 0:
        raise CliError("--fps and --speed must be positive")
    fmt = "csv" if args.csv else "geojson" if args.geojson else "mp4"
    masker = authorise(args, f"window:{start}-{end}", {"what": "export", "format": fmt})
    db = Db.open(args.db)
    try:
        out: dict[str, Any] = {"from": start, "to": end}
        entries = entries_in_datum(window_entries(db, district, start, end, masker), args.datum)
        if args.datum != "wgs84":
            out["datum"] = args.datum
        if args.csv:
            out["csv"], out["rows"] = args.csv, write_csv(entries, Path(args.csv), district.timezone)
        elif args.geojson:
            out["geojson"] = args.geojson
            out["features"] = write_geojson(entries, Path(args.geojson), district.timezone)
        else:
            from layers.render.video import export_mp4
            from sandbox_app.replay.player import VideoPlan

            plan = VideoPlan(start, end, args.fps, args.speed, args.size)
            line = ProgressLine(plan, quiet=args.quiet)
            line.announce(district.timezone)
            try:
                out["frames"] = export_mp4(
                    db, district, start, end, Path(args.mp4), fps=args.fps, speed=args.speed, size=args.size,
                    progress=line,
                )  # fmt: skip
            except OSError as exc:
                raise CliError(str(exc)) from None
            finally:
                line.close()
            out["mp4"] = args.mp4
            out["video_s"] = round(plan.duration_s, 1)
    finally:
        db.conn.close()
    print_json(out)
    return EXIT_OK


def _write_reports(args: argparse.Namespace, db: Any, district: Any, case: Any) -> dict[str, Any]:
    """The PDF and/or Word report in `--lang` (the renderers are Qt: imported only when asked for)."""
    from widgets.case_report import report_language

    out: dict[str, Any] = {}
    with report_language(args.lang):
        if args.pdf:
            from widgets.export_pdf import write_case_pdf

            out["pdf_pages"] = write_case_pdf(db, district, case, Path(args.pdf), include_all=args.all)
            out["pdf"] = args.pdf
        if args.docx:
            try:
                from widgets.export_docx import write_case_docx
            except ImportError:
                raise CliError("--docx needs python-docx (pip install python-docx)") from None
            write_case_docx(db, district, case, Path(args.docx), include_all=args.all)
            out["docx"] = args.docx
    return out


def _add_recordings(district: Any, case: Any) -> None:
    """`case --nvr`: the recordings of the cameras covering the incident, from their NVRs (digest auth from
    $SANDBOX_NVR_USER / $SANDBOX_NVR_PASSWORD); an unreachable NVR is reported on stderr, not fatal."""
    from sandbox_app.video.nvr import case_recordings, env_auth

    found, problems = case_recordings(
        district, case.lon, case.lat, case.start_ts, case.end_ts, auth=env_auth()
    )
    case.recordings = found
    for line in problems:
        print(f"case: NVR search failed for {line}", file=sys.stderr)


def cmd_responses(args: argparse.Namespace) -> int:
    """Response figures of the alerts raised in a window: per incident and per day/compound/role, as JSON
    and/or an XLSX workbook with one sheet per view (the monthly report)."""
    from sandbox_app.replay.analytics import GROUPS, aggregate, responses
    from sandbox_app.store.queries import Db

    district = _stored_district(args.db)
    start, end = _window(args, district)
    authorise(args, f"window:{start}-{end}", {"what": "responses", "format": "xlsx" if args.xlsx else "json"})
    router = None
    if args.routing and district.roads:
        from sandbox_app.geo.routing import RoutingGraph

        try:
            router = RoutingGraph.from_district(district)
        except ValueError:
            router = None
    db = Db.open(args.db)
    try:
        rows = responses(db, district, start, end, router=router)
    finally:
        db.conn.close()
    out: dict[str, Any] = {"from": start, "to": end, "alerts": len(rows)}
    out.update({f"by_{by}": aggregate(rows, by) for by in GROUPS})
    if args.xlsx:
        from widgets.case_report import report_language
        from widgets.export_xlsx import write_responses_xlsx

        with report_language(args.lang):
            out["sheets"] = write_responses_xlsx(district, rows, Path(args.xlsx))
        out["xlsx"] = args.xlsx
    print_json(out)
    return EXIT_OK


class ProgressLine:
    """`export --mp4` on stderr: the plan first (start, end, speed, video length, size estimate), then one
    progress line, rewritten in place on a terminal and printed every 10 % otherwise (logs, CI)."""

    def __init__(self, plan: VideoPlan, *, quiet: bool = False) -> None:
        self.plan = plan
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self._shown = -1

    def announce(self, timezone: str) -> None:
        if self.quiet:
            return
        from sandbox_app.replay.export import local_iso

        p = self.plan
        print(
            f"export: {local_iso(p.start_ts, timezone)[:19].replace('T', ' ')} to "
            f"{local_iso(p.end_ts, timezone)[:19].replace('T', ' ')} "
            f"at {p.speed:g}x: {p.frames} frames, {p.duration_s:.1f} s of video, "
            f"about {p.estimated_bytes / 1e6:.0f} MB",
            file=sys.stderr,
            flush=True,
        )

    def __call__(self, done: int, total: int) -> None:
        if self.quiet:
            return
        percent = 100 * done // max(1, total)
        if self.tty:
            if percent != self._shown or done == total:
                print(f"\rexport: {done}/{total} frames ({percent}%)", end="", file=sys.stderr, flush=True)
        elif percent // 10 != self._shown // 10 or done == total:
            print(f"export: {done}/{total} frames ({percent}%)", file=sys.stderr, flush=True)
        self._shown = percent

    def close(self) -> None:
        if self.tty and not self.quiet and self._shown >= 0:
            print(file=sys.stderr, flush=True)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `case` and `export` to sandbox-app's parser."""

    p = subparsers.add_parser("case", help="an alert's case file: everything nearby before and after it")
    p.add_argument("--db", required=True)
    p.add_argument("--alert", required=True, help="alert id")
    p.add_argument("--radius-m", type=finite(0.0, 1e7), default=DEFAULT_RADIUS_M)
    p.add_argument("--before", type=duration_ms, default=duration_ms("30m"), help="window before (e.g. 30m)")
    p.add_argument("--after", type=duration_ms, default=duration_ms("60m"), help="window after (e.g. 1h)")
    p.add_argument("--pdf", help="write the case report as PDF here")
    p.add_argument("--docx", help="write the case report as a Word file here")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="language of the PDF/Word report")
    p.add_argument(
        "--all", action="store_true", help="list heartbeats and routine fixes in the report's appendix too"
    )
    p.add_argument("--csv", help="write the entries as CSV here")
    p.add_argument("--geojson", help="write the entries as GeoJSON here")
    p.add_argument("--json", action="store_true", help="print the entries too")
    _datum(p)
    p.add_argument("--no-routing", dest="routing", action="store_false", help="skip the nearest-guard ETA")
    p.add_argument(
        "--nvr", action="store_true", help="search the covering cameras' NVRs for recordings of the window"
    )
    _who(p)
    p.set_defaults(func=cmd_case)

    p = subparsers.add_parser(
        "responses", help="response figures of a window (JSON, XLSX for the monthly report)"
    )
    p.add_argument("--db", required=True)
    p.add_argument("--from", dest="from_", required=True, help="ISO 8601 (naive = district time) or epoch ms")
    p.add_argument("--to", required=True)
    p.add_argument("--xlsx", metavar="OUT", help="write a workbook: incidents, by day, by compound, by role")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="language of the workbook")
    p.add_argument("--no-routing", dest="routing", action="store_false", help="skip the nearest-guard ETA")
    _who(p)
    p.set_defaults(func=cmd_responses)

    p = subparsers.add_parser("export", help="a time window's events (CSV, GeoJSON) or replay (MP4)")
    p.add_argument("--db", required=True)
    p.add_argument("--from", dest="from_", required=True, help="ISO 8601 (naive = district time) or epoch ms")
    p.add_argument("--to", required=True)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--csv", metavar="OUT")
    what.add_argument("--geojson", metavar="OUT")
    what.add_argument("--mp4", metavar="OUT")
    _datum(p)
    p.add_argument("--fps", type=finite(0.001, 240.0), default=30.0)
    p.add_argument("--speed", type=finite(0.001, 1e7), default=60.0, help="district seconds per video second")
    p.add_argument("--size", type=_size, default=(1280, 720), help="video frame size, e.g. 1280x720")
    p.add_argument("--quiet", action="store_true", help="no plan and progress lines on stderr")
    _who(p)
    p.set_defaults(func=cmd_export)


def _datum(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--datum",
        choices=DATUMS,
        default="wgs84",
        help="coordinates of the CSV/GeoJSON (gcj02 for Amap/Tencent web maps, bd09 for Baidu)",
    )


def _who(p: argparse.ArgumentParser) -> None:
    p.add_argument("--unmasked", action="store_true", help="show personal data in full (audited)")
    p.add_argument(
        "--user", help="who exports, when the database has users (password from stdin or a prompt)"
    )
