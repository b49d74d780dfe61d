"""`sandbox-app dispatch list|send|step`: the dispatch lifecycle for headless desks and scripted checks.

Every command goes through `DispatchDesk` on the database, so the same rules hold as at the station's
desk: a guard held by another dispatch is refused (the store's unique index decides between processes),
a step must be allowed from the dispatch's state, come no earlier than the last one, and carry the note it
needs. Each send and step is a person's action on the record, so it is audited like `sandbox-app alert`.
The CLI has no bridges: a dispatch it creates has no order sent yet (`order_sent_ts` empty); a station
desk (`sandbox-app serve`, the GUI) sends it when it starts and loads the active dispatches.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cli.auth import session
from cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    CliError,
    add_audit_option,
    add_user_option,
    audit_file,
    existing_store,
    open_district,
    print_json,
    record,
    time_or_now,
)
from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.privacy.mask import Masker

STEPS = tuple(s.value for s in DispatchState if s not in (DispatchState.ISSUED, DispatchState.ESCALATED))
"""What a person may record: issuing is `send`, escalation is the desk's own (on the engine clock)."""


def cmd_list(args: argparse.Namespace) -> int:

    store = existing_store(args.db)
    try:
        masker = session(args, "view").masker
        found = store.dispatches(active_only=args.active)
    finally:
        store.close()
    if args.json:
        print_json([_masked(d.to_json(), masker) for d in found])
        return EXIT_OK
    for d in found:
        sent = "" if d.order_sent_ts is not None else "  (order not sent)"
        who = f"guard {d.guard_id}  alert {masker.alert_id(d.alert_id)}  by {d.commander}"
        print(f"{d.id}  {d.state:<9} {who}  last step {d.last_ts}{sent}")
    return EXIT_OK


def _masked(d: dict[str, Any], masker: Masker) -> dict[str, Any]:
    """A dispatch as JSON with its alert id masked for the viewer (old-style ids hold the subject)."""
    return {**d, "alert_id": masker.alert_id(str(d.get("alert_id", "")))}


def cmd_send(args: argparse.Namespace) -> int:
    """Dispatch one guard to a stored alert; the alert moves to dispatched (acknowledged first if open)."""
    from sandbox_app.dispatch.lifecycle import DispatchDesk
    from sandbox_app.domain.alerts import TransitionError
    from sandbox_app.domain.dispatch import DispatchError
    from sandbox_app.domain.enums import AlertState

    audit = audit_file(args)
    store, district = open_district(args.db)
    try:
        who = session(args, "dispatch", args.alert)
        alert = store.get_alert(args.alert)
        if alert is None:
            raise CliError(f"no alert {args.alert!r}")
        at = time_or_now(args.at, district)
        desk = DispatchDesk(store, district)
        try:
            outcome = desk.dispatch(alert, [args.guard], who.actor, at, note=args.note)
        except DispatchError as exc:  # no such guard
            raise CliError(str(exc)) from None
        if outcome.busy:
            busy = outcome.busy[0]
            print(f"sandbox-app dispatch send: {busy} (holder {busy.holder})", file=sys.stderr)
            return EXIT_INPUT
        (d,) = outcome.created
        try:
            if alert.state is AlertState.OPEN:
                alert.advance(AlertState.ACKNOWLEDGED, who.actor, at, "acknowledged by dispatching")
            if alert.state is AlertState.ACKNOWLEDGED:
                alert.advance(AlertState.DISPATCHED, who.actor, at, args.guard)
            store.upsert_alerts([alert])
        except TransitionError as exc:  # the dispatch stands; the alert's own history refused the step
            print(f"sandbox-app dispatch send: alert {alert.id} not moved: {exc}", file=sys.stderr)
    finally:
        store.close()
    record(audit, who.actor, "dispatch.issued", d.id, {"alert": args.alert, "guard": args.guard, "at": at})
    print_json(_masked(d.to_json(), who.masker))
    return EXIT_OK


def cmd_step(args: argparse.Namespace) -> int:
    """One lifecycle step by a named person (a guard's answer taken by radio, or the commander's)."""
    from sandbox_app.dispatch.lifecycle import DispatchDesk
    from sandbox_app.domain.dispatch import DispatchError, StaleDispatch, next_states

    audit = audit_file(args)
    state = DispatchState(args.state)
    store, district = open_district(args.db)
    try:
        who = session(args, "dispatch", args.id)
        d = store.get_dispatch(args.id)
        if d is None:
            raise CliError(f"no dispatch {args.id!r}")
        allowed = next_states(d.state)
        if state not in allowed:
            names = ", ".join(sorted(allowed)) or "none (it has ended)"
            print(
                f"sandbox-app dispatch step: dispatch {d.id} is {d.state}; cannot go to {state}; "
                f"allowed next: {names}",
                file=sys.stderr,
            )
            return EXIT_INPUT
        at = time_or_now(args.at, district)
        try:
            d = DispatchDesk(store, district).report(d.id, state, who.actor, at, args.note, photo=args.photo)
        except (DispatchError, StaleDispatch) as exc:  # a missing note, a time before the last step
            raise CliError(str(exc)) from None
    finally:
        store.close()
    detail: dict[str, Any] = {"note": args.note, "at": at}
    if args.photo is not None:
        detail["photo"] = args.photo
    record(audit, who.actor, f"dispatch.{state.value}", d.id, detail)
    print_json(_masked(d.to_json(), who.masker))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `dispatch list|send|step` to sandbox-app's parser."""

    p = subparsers.add_parser("dispatch", help="dispatches: list, send a guard, record a lifecycle step")
    sub = p.add_subparsers(dest="dispatch_command", required=True)

    q = sub.add_parser("list", help="stored dispatches in issue order")
    q.add_argument("--db", required=True)
    q.add_argument("--active", action="store_true", help="only those still holding a guard")
    q.add_argument("--json", action="store_true")
    add_user_option(q)
    q.set_defaults(func=cmd_list)

    q = sub.add_parser("send", help="dispatch a guard to an alert (refused while another dispatch holds it)")
    q.add_argument("--db", required=True)
    q.add_argument("--alert", required=True, help="alert id")
    q.add_argument("--guard", required=True, help="guard id")
    q.add_argument("--by", help="the commander (with users: the logged-in --user, password on stdin)")
    add_user_option(q)
    q.add_argument(
        "--note", default="", help="what the guard is told (default: the alert's rule and subject)"
    )
    q.add_argument("--at", help="when (ISO 8601, naive = district time, or epoch ms; default: now)")
    add_audit_option(q)
    q.set_defaults(func=cmd_send)

    q = sub.add_parser("step", help="move a dispatch along its lifecycle")
    q.add_argument("id", help="dispatch id")
    q.add_argument("state", choices=STEPS)
    q.add_argument("--db", required=True)
    q.add_argument("--by", help="who takes the step (with users: the logged-in --user)")
    add_user_option(q)
    q.add_argument("--note", default="", help="feedback text (feedback), reason (declined, cancelled)")
    q.add_argument("--photo", help="feedback photo path")
    q.add_argument("--at", help="when it happened (default: now)")
    add_audit_option(q)
    q.set_defaults(func=cmd_step)
