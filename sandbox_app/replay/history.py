"""Alerts and dispatches as they stood at a past time: their step histories cut at T.

The store keeps each one's whole chain of steps (who, when), so the lifecycle state at T is the state of the
last step at or before T; nothing else has to be snapshotted.
"""

from __future__ import annotations

import dataclasses

from sandbox_app.domain.alerts import Alert, Step
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState


def alert_at(alert: Alert, at_ts: int) -> Alert | None:
    """A copy of `alert` as it was at `at_ts` (None before it was raised).

    `count` stays the final count: repeats are not logged one by one, so the count at T is not known.
    """
    if alert.first_ts > at_ts:
        return None
    steps = [s for s in alert.history if s.ts <= at_ts] or [Step(AlertState.OPEN, "", alert.first_ts)]
    state = steps[-1].state
    return dataclasses.replace(
        alert,
        state=state,
        last_ts=max(alert.first_ts, min(alert.last_ts, at_ts)),
        closed_ts=None if state.is_open else steps[-1].ts,
        data=dict(alert.data),
        history=steps,
    )


def dispatch_at(dispatch: Dispatch, at_ts: int) -> Dispatch | None:
    """A copy of `dispatch` as it was at `at_ts` (None before it was issued)."""
    if dispatch.issued_ts > at_ts:
        return None
    steps = [s for s in dispatch.history if s.ts <= at_ts]
    fed = any(s.state is DispatchState.FEEDBACK for s in steps)
    return dataclasses.replace(
        dispatch,
        history=steps,
        feedback=dispatch.feedback if fed else "",
        photo=dispatch.photo if fed else None,
    )
