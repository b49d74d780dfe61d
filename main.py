"""Entry point: `python main.py COMMAND ...` runs the headless CLI; otherwise the GUI opens.

Parse arguments, build the window, run. Nothing else belongs here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    from sandbox_app.resources import demo_package

    parser = argparse.ArgumentParser(prog="main.py", description="数字沙盘 Digital Sandbox")
    parser.add_argument("--db", type=Path, default=Path("out/demo.db"), help="SQLite database to open")
    parser.add_argument(
        "--package", type=Path, default=demo_package(), help="package used when the db is empty"
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="interface language")
    return parser.parse_args(list(argv))


def main(argv: Sequence[str]) -> int:
    if argv and not argv[0].startswith("-"):
        from sandbox_app.cli import main as cli_main

        return int(cli_main(list(argv)) or 0)
    args = parse_gui_args(argv)
    from widgets.app import run

    return run(args.db, args.package, args.lang)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
