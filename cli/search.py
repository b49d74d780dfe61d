"""`sandbox-app search QUERY`: 综合查询 across people, places, devices, guards and alerts (issue 21).

The ranking and masking are `sandbox_app.search.index`'s, the same the window's search box uses. With users
in the database, a search needs a login; each search by a person is audited (who searched for what), since a
query is often a person's name or ID number.
"""

from __future__ import annotations

import argparse

from sandbox_app.search.index import DEFAULT_LIMIT, KIND_ORDER


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError("must be from 1 to 10000")
    return value


def cmd_search(args: argparse.Namespace) -> int:
    from cli.auth import session
    from cli.common import EXIT_OK, CliError, audit_file, existing_store, print_json, record
    from sandbox_app.privacy.audit import SEARCH, AuditKeyError
    from sandbox_app.search.index import search

    if not args.query.strip():
        raise CliError("the query is empty")
    store = existing_store(args.db)
    try:
        who = session(args, "view", "search")
        district = store.load_district()
        if district is None:
            raise CliError(f"no district in {args.db} (run `sandbox-app import` first)")
        alerts = store.alerts()
    finally:
        store.close()
    kinds = args.kind or None
    hits = search(district, args.query, who.masker, alerts, kinds=kinds, limit=args.limit)
    if who.user is not None:  # recorded before anything is shown: no unaudited search by a person
        try:
            record(audit_file(args), who.actor, SEARCH, args.query[:200], {"hits": [h.id for h in hits[:20]]})
        except AuditKeyError as exc:
            raise CliError(str(exc)) from None
    if args.json:
        print_json([h.to_json() for h in hits])
    else:
        for h in hits:
            where = f"{h.lon:.6f},{h.lat:.6f}" if h.lon is not None and h.lat is not None else "-"
            print(f"{h.kind:<12} {h.id:<16} {h.label}  [{h.detail}]  {where}")
        if not hits:
            print("no match")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from cli.common import add_audit_option, add_user_option

    p = sub.add_parser(
        "search", help="综合查询: people, addresses, devices, guards and alerts (masked by role)"
    )
    p.add_argument("query", help="name, ID number, phone, address, device or alert (whole values for people)")
    p.add_argument("--db", required=True)
    p.add_argument("--kind", action="append", choices=KIND_ORDER, help="only this kind (repeatable)")
    p.add_argument(
        "--limit", type=_limit, default=DEFAULT_LIMIT, help=f"at most N hits (default {DEFAULT_LIMIT})"
    )
    p.add_argument("--json", action="store_true")
    add_user_option(p)
    add_audit_option(p)
    p.set_defaults(func=cmd_search)
