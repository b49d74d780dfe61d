"""`sandbox-app people-delta FILE --db DB`: residents' registrations, changes and move-outs applied to the
stored district without re-importing it (issue 21, `sandbox_app.data.delta`); checked like a package, all or
nothing, and audited when the database has users."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def cmd_people_delta(args: argparse.Namespace) -> int:
    from cli.auth import session
    from cli.common import EXIT_INPUT, EXIT_OK, CliError, existing_store, print_json, record
    from sandbox_app.data.delta import apply_people_delta
    from sandbox_app.data.problems import PackageError

    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"no such file: {source}")
    store = existing_store(args.db)
    try:
        who = session(args, "import", f"delta:{source.name}")
        district = store.load_district()
        if district is None:
            raise CliError(f"no district in {args.db} (run `sandbox-app import` first)")
        try:
            result = apply_people_delta(district, source)
        except PackageError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"delta refused: {exc.total} problem(s); {args.db} was not changed", file=sys.stderr)
            return EXIT_INPUT
        store.replace_district(district)
    finally:
        store.close()
    summary = result.to_json()
    if who.user is not None:
        counts = {k: len(v) for k, v in summary.items()}
        record(args.db, who.actor, "data.delta", f"delta:{source.name}", counts)
    print_json(summary)
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from cli.common import add_user_option

    p = sub.add_parser("people-delta", help="apply a people delta file (op: add, change, move_out)")
    p.add_argument("file", help="CSV or XLSX: the people columns plus `op`")
    p.add_argument("--db", required=True)
    add_user_option(p)
    p.set_defaults(func=cmd_people_delta)
