"""The desk inside a real engine: fixes and replies in time order, escalation as an alert in the store."""

from __future__ import annotations

from pathlib import Path

from sandbox_app.bridges.orders import Reply
from sandbox_app.dispatch.engine_hook import DeskRule
from sandbox_app.dispatch.lifecycle import ESCALATION_RULE, DispatchDesk
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.places import incident_location
from sandbox_app.engine.pipeline import Engine
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import at, small_district

T0 = 1_700_000_040_000  # on a minute boundary: the engine ticks the desk at T0 + 60 s
INCIDENT = at(80, -80)


def _alert() -> Alert:
    lon, lat = INCIDENT
    return Alert(
        "A1", "alarm_button", "D4", "device", Severity.HIGH, AlertState.OPEN, T0, T0, lon=lon, lat=lat
    )


def _fix(n: int, ts: int, where: tuple[float, float]) -> Event:
    return Event(f"fix-{n}", ts, "T1", "gps.fix", where[0], where[1], {})


class Replies:
    """A phone bridge stand-in: replies handed out once, those before `until_ts` only."""

    def __init__(self, replies: list[Reply]) -> None:
        self.waiting = replies
        self.asked: list[int] = []

    def __call__(self, until_ts: int) -> list[Reply]:
        self.asked.append(until_ts)
        due = [r for r in self.waiting if r.ts < until_ts]
        self.waiting = [r for r in self.waiting if r.ts >= until_ts]
        return due


def test_escalation_becomes_an_alert_and_arrival_counts_only_after_the_acceptance(tmp_path: Path) -> None:
    district = small_district()
    store = SqliteStore(tmp_path / "hook.db")
    store.replace_district(district)
    desk = DispatchDesk(store, district)
    (d,) = desk.dispatch(_alert(), ["GU1"], "desk:tester", T0).created
    rule = DeskRule(desk, Replies([Reply(d.id, "GU1", "accepted", T0 + 100_000)]))
    engine = Engine(store, district, [rule])

    far = at(-60, 0)
    engine.ingest([_fix(1, T0 + 50_000, far), _fix(2, T0 + 85_000, far)])  # crosses the T0 + 60 s tick
    assert desk.get(d.id).state is DispatchState.ESCALATED
    (escalation,) = [a for a in engine.open_alerts() if a.rule == ESCALATION_RULE]
    assert escalation.subject == "A1" and escalation.data["why"] == "no_answer"
    assert escalation.lon == INCIDENT[0]
    stored = {a.id: a for a in store.alerts()}
    assert escalation.id in stored and stored[escalation.id].severity is Severity.HIGH

    # On the spot before accepting (95 s) does not count; the reply at 100 s is answered before the 105 s fix.
    engine.ingest([_fix(3, T0 + 95_000, INCIDENT), _fix(4, T0 + 105_000, INCIDENT)])
    done = desk.get(d.id)
    assert [s.state for s in done.history] == [
        DispatchState.ISSUED,
        DispatchState.ESCALATED,
        DispatchState.ACCEPTED,
        DispatchState.ON_SCENE,
    ]
    assert (done.accepted_ts, done.on_scene_ts) == (T0 + 100_000, T0 + 105_000)
    kept = store.get_dispatch(d.id)
    assert kept is not None and kept.state is DispatchState.ON_SCENE
    assert rule.changes >= 3
    store.close()


def test_a_rule_not_yet_live_ignores_the_warm_up_replay(tmp_path: Path) -> None:
    district = small_district()
    store = SqliteStore(tmp_path / "idle.db")
    desk = DispatchDesk(store, district)
    rule = DeskRule(desk, live=False)
    (d,) = desk.dispatch(_alert(), ["GU1"], "desk:tester", T0).created
    assert list(rule.on_time(T0 + 3_600_000)) == [] and list(rule.on_event(_fix(1, T0 + 1, INCIDENT))) == []
    assert desk.get(d.id).state is DispatchState.ISSUED
    rule.live = True
    assert [s.rule for s in rule.on_time(T0 + 3_600_000)] == [ESCALATION_RULE]
    store.close()


def test_a_late_reply_for_a_cancelled_dispatch_is_dropped_not_raised(tmp_path: Path) -> None:
    district = small_district()
    store = SqliteStore(tmp_path / "late.db")
    desk = DispatchDesk(store, district)
    (d,) = desk.dispatch(_alert(), ["GU1"], "desk:tester", T0).created
    desk.report(d.id, DispatchState.CANCELLED, "desk:tester", T0 + 1_000, "false alarm")
    rule = DeskRule(desk, Replies([Reply(d.id, "GU1", "accepted", T0 + 2_000)]))
    assert rule.answer_until(T0 + 10_000) == 1
    assert desk.get(d.id).state is DispatchState.CANCELLED
    store.close()


def test_incident_location_falls_back_to_the_subject() -> None:
    district = small_district()
    alert = _alert()
    assert incident_location(district, alert) == INCIDENT
    room = Alert("A2", "smoke_alarm", "D1", "device", Severity.CRITICAL, AlertState.OPEN, T0, T0)
    spot = district.buildings["B1"].footprint.representative_point()
    assert incident_location(district, room) == (spot.x, spot.y)
    guard = Alert("A3", "gps_sanity", "GU2", "guard", Severity.LOW, AlertState.OPEN, T0, T0)
    assert incident_location(district, guard, {"GU2": at(1, 2)}) == at(1, 2)
    assert incident_location(district, guard) is None
