"""`sandbox-app`: headless commands for setup, batch ingest and scripted checks (no Qt is imported unless a
command renders a PDF or Word report).

Times on the command line are ISO 8601 (with offset, or naive in the district's timezone) or epoch ms;
times in outputs are epoch ms. Exit codes: 0 ok, 2 bad input (arguments, package problems, unreadable files).

Layout: this module only assembles the parser from the command groups below and runs one command; shared
helpers live in `cli.common`, the login in `cli.auth`, and each group in its own module with a
`register(subparsers)` function. A new group is one module and one line in `COMMAND_GROUPS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from cli import (
    alerts,
    data,
    delta,
    dispatch,
    figures,
    incident,
    nearest,
    patrol,
    phone,
    privacy,
    replay,
    search,
    serve,
)
from cli.common import EXIT_INPUT, CliError

COMMAND_GROUPS = (
    data, alerts, incident, patrol, nearest, dispatch, search, figures, delta, privacy, replay, serve, phone,
)  # fmt: skip
"""Each adds its subcommands with `register(subparsers)`, in this order (the order of `--help`)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sandbox-app", description="数字沙盘 Digital Sandbox, headless")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except CliError as exc:
        print(f"sandbox-app {args.command}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    return code


if __name__ == "__main__":
    sys.exit(main())
