"""`sandbox-app incident add|list|from-alert|send|propose|close`: incidents entered by people (警情).

An incident is what a person reports (a walk-in, a phone call, 110's hand-off arrives by the [cad110]
bridge instead); `from-alert` turns a device alert into one. `send` goes through the same `DispatchDesk`
as `dispatch send`, so a guard held elsewhere is refused and the dispatch lifecycle (`dispatch step`) is
the alert's. Each change is audited; the caller's phone is stored masked.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sandbox_app.domain.incidents import SUBTYPES, TYPE_LABELS


def _open(db: str) -> tuple[Any, Any]:
    from cli.common import open_district

    return open_district(db)


def _incident(store: Any, incident_id: str) -> Any:
    from cli.common import CliError

    found = store.get_incident(incident_id)
    if found is None:
        raise CliError(f"no incident {incident_id!r}")
    return found


@contextmanager
def _on_incident(args: argparse.Namespace, right: str) -> Iterator[tuple[Any, Any, Any, Any]]:
    """(store, district, who, incident) for a command on incident `args.id`: the caller's session checked
    for `right` before the incident is read, and the store closed however the block ends."""
    from cli.auth import session

    store, district = _open(args.db)
    try:
        who = session(args, right, args.id)
        yield store, district, who, _incident(store, args.id)
    finally:
        store.close()


def _add_act_options(q: argparse.ArgumentParser, by_help: str) -> None:
    """--at, --by, --user and --audit: who acts and when, for the commands that change something."""
    from cli.common import add_audit_option, add_user_option

    q.add_argument("--at", help="when (default: now)")
    q.add_argument("--by", help=by_help)
    add_user_option(q)
    add_audit_option(q)


def cmd_add(args: argparse.Namespace) -> int:
    from cli.auth import session
    from cli.common import EXIT_OK, CliError, audit_file, print_json, record, time_or_now
    from sandbox_app.domain.incidents import (
        Incident,
        IncidentError,
        IncidentSource,
        Place,
        new_incident_id,
        parse_subtype,
        parse_type,
    )

    audit = audit_file(args)
    store, district = _open(args.db)
    try:
        who = session(args, "alert")
        at = time_or_now(args.at, district)
        lon, lat = args.lon, args.lat
        if lon is None and lat is None and args.address:
            lon, lat = _locate(district, args.address)
        try:
            kind = parse_type(args.type)
            incident = Incident(
                id=new_incident_id(IncidentSource.WALK_IN, at, args.ref or ""),
                type=kind,
                subtype=parse_subtype(kind, args.subtype or ""),
                place=Place(args.address or "", lon, lat),
                reported_ts=at,
                summary=args.summary,
                source=IncidentSource.WALK_IN,
                source_ref=args.ref or "",
                caller=args.caller or "",
                created_by=who.actor,
            )
        except IncidentError as exc:
            raise CliError(str(exc)) from None
        stored, created = store.add_incident(incident)
    finally:
        store.close()
    if created:
        record(audit, who.actor, "incident.created", stored.id, {"type": stored.rule, "at": at})
    else:
        print(f"sandbox-app incident add: {stored.id} was already recorded", file=sys.stderr)
    print_json(stored.to_json())
    return EXIT_OK


def _locate(district: Any, address: str) -> tuple[float | None, float | None]:
    """Coordinates of a standard address of the district when it names one place; else none, with the
    candidates on stderr so the person can repeat with a fuller address or --lon/--lat."""
    from sandbox_app.geo.locate import best_point, locate

    point = best_point(district, address)
    if point is not None:
        return point
    for place in locate(district, address, limit=5):
        print(
            f"sandbox-app incident add: did you mean {place.address} ({place.kind} {place.id})?",
            file=sys.stderr,
        )
    return None, None


def cmd_list(args: argparse.Namespace) -> int:
    from cli.auth import session
    from cli.common import EXIT_OK, existing_store, print_json

    store = existing_store(args.db)
    try:
        session(args, "view")
        found = store.incidents(open_only=args.open)
    finally:
        store.close()
    if args.json:
        print_json([i.to_json() for i in found])
        return EXIT_OK
    for i in found:
        where = i.place.address or f"{i.lon:.6f},{i.lat:.6f}"
        print(f"{i.id}  {i.state:<6} {i.label}  {where}  {i.source}  reported {i.reported_ts}")
    return EXIT_OK


def cmd_from_alert(args: argparse.Namespace) -> int:
    from cli.auth import session
    from cli.common import EXIT_OK, CliError, audit_file, print_json, record, time_or_now
    from sandbox_app.domain.incidents import IncidentError, incident_from_alert, parse_subtype, parse_type

    audit = audit_file(args)
    store, district = _open(args.db)
    try:
        who = session(args, "alert", args.alert)
        alert = store.get_alert(args.alert)
        if alert is None:
            raise CliError(f"no alert {args.alert!r}")
        try:
            kind = parse_type(args.type) if args.type else None
            sub = parse_subtype(kind, args.subtype or "") if kind is not None else None
            incident = incident_from_alert(
                alert, who.actor, time_or_now(args.at, district), type=kind, subtype=sub, summary=args.summary
            )
        except IncidentError as exc:
            raise CliError(str(exc)) from None
        stored, created = store.add_incident(incident)
    finally:
        store.close()
    if created:
        record(audit, who.actor, "incident.from_alert", stored.id, {"alert": args.alert})
    print_json(stored.to_json())
    return EXIT_OK


def cmd_send(args: argparse.Namespace) -> int:
    """Dispatch guards to an incident through the desk (the dispatch lifecycle is the alert's)."""
    from cli.common import EXIT_INPUT, EXIT_OK, CliError, audit_file, print_json, record, time_or_now
    from sandbox_app.dispatch.lifecycle import DispatchDesk
    from sandbox_app.domain.dispatch import DispatchError

    audit = audit_file(args)
    with _on_incident(args, "dispatch") as (store, district, who, incident):
        if incident.lon is None:
            raise CliError(f"incident {incident.id} has no coordinates: locate its address first")
        at = time_or_now(args.at, district)
        try:
            outcome = DispatchDesk(store, district).dispatch(
                incident, args.guard, who.actor, at, note=args.note
            )
        except DispatchError as exc:
            raise CliError(str(exc)) from None
    for busy in outcome.busy:
        print(f"sandbox-app incident send: {busy} (holder {busy.holder})", file=sys.stderr)
    for d in outcome.created:
        record(audit, who.actor, "dispatch.issued", d.id, {"incident": incident.id, "guard": d.guard_id})
    print_json([d.to_json() for d in outcome.created])
    return EXIT_OK if outcome.created or not outcome.busy else EXIT_INPUT


def cmd_propose(args: argparse.Namespace) -> int:
    """The incident's response plan and the guards it asks for (nearest fresh, free, per role); with
    `--send`, dispatch them."""
    from cli.common import EXIT_OK, CliError, audit_file, print_json, record, time_or_now
    from sandbox_app.dispatch.lifecycle import DispatchDesk
    from sandbox_app.dispatch.nearest import nearest_from_store
    from sandbox_app.dispatch.plans import PlanError, load_plans, propose
    from sandbox_app.geo.routing import RoutingGraph
    from sandbox_app.patrol.config import PatrolError, load_patrols

    audit = audit_file(args) if args.send else ""
    try:
        plan_book = load_plans(args.plans)
    except PlanError as exc:
        raise CliError(str(exc)) from None
    with _on_incident(args, "dispatch" if args.send else "view") as (store, district, who, incident):
        if incident.lon is None or incident.lat is None:
            raise CliError(f"incident {incident.id} has no coordinates: locate its address first")
        plan = plan_book.plan_for(incident.type, incident.subtype)
        at = time_or_now(args.at, district)
        desk = DispatchDesk(store, district)
        try:
            on_duty = load_patrols(args.patrols, district).on_duty(at)  # off-duty guards are never proposed
            router = RoutingGraph.from_district(district)
            ranked = nearest_from_store(
                store, district, router, incident.lon, incident.lat, at,
                k=max(1, len(district.guards)), roles=plan.one_call_roles, busy=desk.busy_guards(),
                on_duty=on_duty,
            ).ranked()  # fmt: skip
        except (ValueError, PatrolError) as exc:  # no usable roads, a bad patrols file
            raise CliError(str(exc)) from None
        proposal = propose(plan, ranked, desk.busy_guards())
        created = []
        if args.send and proposal.guards:
            outcome = desk.dispatch(incident, proposal.guards, who.actor, at, candidates=proposal.chosen)
            created = outcome.created
    for d in created:
        record(audit, who.actor, "dispatch.issued", d.id, {"incident": incident.id, "plan": plan.key})
    print_json(
        {
            "incident": incident.id,
            "plan": plan.to_json(),
            "proposed": [c.to_json() for c in proposal.chosen],
            "missing": proposal.missing,
            "dispatched": [d.id for d in created],
        }
    )
    return EXIT_OK


def cmd_close(args: argparse.Namespace) -> int:
    from cli.common import EXIT_OK, CliError, audit_file, print_json, record, time_or_now
    from sandbox_app.domain.incidents import IncidentError

    audit = audit_file(args)
    with _on_incident(args, "alert") as (store, district, who, incident):
        at = time_or_now(args.at, district)
        try:
            incident.close(who.actor, at, args.outcome, args.note)
        except IncidentError as exc:
            raise CliError(str(exc)) from None
        store.update_incident(incident)
    record(audit, who.actor, "incident.closed", incident.id, {"outcome": args.outcome, "at": at})
    print_json(incident.to_json())
    return EXIT_OK


def _types_help() -> str:
    return "; ".join(
        f"{kind.value} ({label}): " + ", ".join(f"{c} ({v})" for c, v in SUBTYPES[kind].items())
        for kind, label in TYPE_LABELS.items()
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `incident add|list|from-alert|send|propose|close` to sandbox-app's parser."""
    from cli.common import add_audit_option, add_user_option, finite

    p = subparsers.add_parser("incident", help="incidents entered by people (警情): add, list, send guards")
    sub = p.add_subparsers(dest="incident_command", required=True)

    q = sub.add_parser("add", help="record a reported incident", epilog=f"types: {_types_help()}")
    q.add_argument("--db", required=True)
    q.add_argument("--type", required=True, help="type code or label, e.g. dispute or 纠纷")
    q.add_argument("--subtype", help="subtype code or label, e.g. neighbour or 邻里纠纷 (default: other)")
    q.add_argument("--address", help="standard address (标准地址)")
    q.add_argument("--lon", type=finite(-180, 180))
    q.add_argument("--lat", type=finite(-90, 90))
    q.add_argument("--caller", help="caller's phone (stored masked)")
    q.add_argument("--summary", default="", help="what was reported")
    q.add_argument("--ref", help="the report's own number, so entering it twice records it once")
    q.add_argument("--at", help="when it was reported (default: now)")
    q.add_argument("--by", help="who entered it (with users: the logged-in --user)")
    add_user_option(q)
    add_audit_option(q)
    q.set_defaults(func=cmd_add)

    q = sub.add_parser("list", help="stored incidents in report order")
    q.add_argument("--db", required=True)
    q.add_argument("--open", action="store_true", help="only open ones")
    q.add_argument("--json", action="store_true")
    add_user_option(q)
    q.set_defaults(func=cmd_list)

    q = sub.add_parser("from-alert", help="turn a device alert into an incident")
    q.add_argument("alert", help="alert id")
    q.add_argument("--db", required=True)
    q.add_argument("--type", help="type (default: the usual one for the alert's rule)")
    q.add_argument("--subtype")
    q.add_argument("--summary", default="")
    _add_act_options(q, "who (with users: the logged-in --user)")
    q.set_defaults(func=cmd_from_alert)

    q = sub.add_parser("send", help="dispatch guards to an incident")
    q.add_argument("id", help="incident id")
    q.add_argument("--db", required=True)
    q.add_argument("--guard", action="append", required=True, help="guard id (repeat for several)")
    q.add_argument("--note", default="", help="what the guards are told (default: type and address)")
    _add_act_options(q, "the commander (with users: the logged-in --user)")
    q.set_defaults(func=cmd_send)

    q = sub.add_parser("propose", help="the incident's response plan and the guards it asks for")
    q.add_argument("id", help="incident id")
    q.add_argument("--db", required=True)
    q.add_argument("--plans", help="response plans TOML (default: resources/plans.toml)")
    q.add_argument("--send", action="store_true", help="dispatch the proposed guards")
    q.add_argument("--patrols", help="duty roster TOML (default: resources/patrols.toml)")
    _add_act_options(q, "the commander (with users: the logged-in --user)")
    q.set_defaults(func=cmd_propose)

    q = sub.add_parser("close", help="close an incident with its outcome")
    q.add_argument("id", help="incident id")
    q.add_argument("--db", required=True)
    q.add_argument("--outcome", required=True, help="e.g. handled, mediated, to_110, false_alarm")
    q.add_argument("--note", default="")
    _add_act_options(q, "who closes it (with users: the logged-in --user)")
    q.set_defaults(func=cmd_close)
