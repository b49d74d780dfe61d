"""Entry point: `python main.py COMMAND ...` runs the headless CLI; otherwise the GUI opens.

Parse arguments, build the window, run. Nothing else belongs here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

WINDOW_TICK_S = 0.5
"""The window's simulator hands over a batch twice a second, not five times (LiveOptions' 0.2 s): each batch
is one store transaction on the worker and one redraw of guards, trails and panels on the UI thread, so the
idle window costs less than half as much (issue 17, bench/idle.py); a guard on the map moves every 0.5 s."""


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    from sandbox_app.data.resources import demo_package

    parser = argparse.ArgumentParser(prog="main.py", description="数字沙盘 Digital Sandbox")
    parser.add_argument("--db", type=Path, default=Path("out/demo.db"), help="SQLite database to open")
    parser.add_argument(
        "--package", type=Path, default=demo_package(), help="package used when the db is empty"
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="interface language")
    parser.add_argument(
        "--wall", action="store_true", help="wall-screen mode: full screen, large type, names always masked"
    )
    live = parser.add_argument_group("live feed (the embedded simulator unless --no-sim)")
    live.add_argument("--no-sim", action="store_true", help="only view the database, no simulated feed")
    live.add_argument("--sim-speed", type=float, default=10.0, help="simulated seconds per real second")
    live.add_argument("--seed", type=int, default=None, help="simulator seed (default: from the start time)")
    live.add_argument(
        "--history-days", type=int, default=30, help="simulated past fed first, only into an empty event log"
    )
    live.add_argument(
        "--coverage-minutes",
        type=float,
        default=3.0,
        help="coverage layer: road farther than this from every free guard is a gap (0: off)",
    )
    live.add_argument(
        "--bridges",
        type=Path,
        default=None,
        help="bridges TOML: real trackers/cameras/orders, with the simulator or instead of it (--no-sim)",
    )
    from cli.serve import NOTIFY_TOKEN_ENV

    live.add_argument(
        "--notify-url",
        help=f"webhook of the SMS/app gateway for notices to owners and family (token: ${NOTIFY_TOKEN_ENV})",
    )
    from sandbox_app.station.sync import add_city_options
    from sandbox_app.store import is_store_url

    add_city_options(parser)
    args = parser.parse_args(list(argv))
    if args.broker is not None and not (args.store is not None and is_store_url(args.store)):
        parser.error("--broker needs a postgresql:// --store (the stations share that database)")
    if args.sim_speed <= 0:
        parser.error("--sim-speed must be positive")
    if args.coverage_minutes < 0:
        parser.error("--coverage-minutes must not be negative")
    return args


NO_DISPLAY_EXIT = 2
"""Exit status when the window has nowhere to open (a usage problem, as argparse's errors are)."""


def display_missing(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt would find no screen: on Linux without $DISPLAY, $WAYLAND_DISPLAY or an explicit
    QT_QPA_PLATFORM. Checked before any QApplication exists, since Qt then aborts (status 134) with a
    misleading hint about xcb-cursor0."""
    if not platform.startswith("linux"):
        return False
    return not any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main(argv: Sequence[str]) -> int:
    if argv and not argv[0].startswith("-"):
        from cli import main as cli_main

        return int(cli_main(list(argv)) or 0)
    args = parse_gui_args(argv)
    if display_missing(os.environ):
        print(
            "main.py: no display to open the window on ($DISPLAY and $WAYLAND_DISPLAY are not set).\n"
            "Run it in a desktop session, under Xvfb (xvfb-run), or use the command line: main.py --help",
            file=sys.stderr,
        )
        return NO_DISPLAY_EXIT
    from widgets.memory import forget_import_sources

    forget_import_sources()  # before the window's imports: ~40 MB less resident (issue 17)
    from cli.serve import NOTIFY_TOKEN_ENV
    from sandbox_app.station.live import LiveOptions
    from widgets.app import run

    options = LiveOptions(
        tick_s=WINDOW_TICK_S,
        simulate=not args.no_sim,
        speed=args.sim_speed,
        seed=args.seed,
        history_days=args.history_days,
        coverage_minutes=args.coverage_minutes,
        bridges=args.bridges,
        notify_url=args.notify_url,
        notify_token=os.environ.get(NOTIFY_TOKEN_ENV, ""),
    )
    return run(
        args.db,
        args.package,
        args.lang,
        options,
        wall=args.wall,
        store=args.store,
        broker=args.broker,
        station=args.station,
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
