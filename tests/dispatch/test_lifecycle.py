"""The dispatch desk against a real SqliteStore: one alert through every state (escalation included) with
hand-computed times, arrival from fixes at the radius, racing commanders, one call, decline, failed orders."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import LineString

from sandbox_app.dispatch.lifecycle import (
    ESCALATION_RULE,
    DeskSettings,
    DispatchDesk,
    Outcome,
    nearest_recommender,
)
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import DispatchError, DispatchState, GuardBusy, Order
from sandbox_app.domain.distance import M_PER_DEG, distance_m
from sandbox_app.domain.enums import AlertState, GuardRole, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District, Guard, Road
from sandbox_app.geo.routing import WALK_MPS, RoutingGraph
from sandbox_app.store.sqlite import SqliteStore

S = DispatchState
T0 = 1_700_000_000_000
LON, LAT = 121.4, 31.2


@dataclass(frozen=True)
class Cand:
    guard: str
    eta_s: float
    stale: bool = False


RANKED = [Cand("GD004", 30.0, stale=True), Cand("GD001", 60.0), Cand("GD002", 120.0), Cand("GD003", 200.0)]


def district() -> District:
    d = District("test", "Asia/Shanghai")
    for i in range(1, 6):
        gid = f"GD{i:03d}"
        d.guards[gid] = Guard(gid, f"测试保安{i:02d}", GuardRole.SECURITY, f"GPS-{i:05d}")
    return d


def alert(rule: str = "smoke_alarm") -> Alert:
    return Alert(
        f"{rule}:B1:{T0}", rule, "B1", "building", Severity.HIGH, AlertState.OPEN, T0, T0, lon=LON, lat=LAT
    )


def fix(device: str, ts: int, north_m: float, **data: object) -> Event:
    """A fix `north_m` metres due north of the incident."""
    return Event(f"{device}-{ts}", ts, device, "gps.fix", LON, LAT + north_m / M_PER_DEG, dict(data))


class Recorder:
    """The desk's send_order: records orders; fails while `down` is set, like a bridge with no broker."""

    def __init__(self) -> None:
        self.orders: list[Order] = []
        self.down = False

    def __call__(self, order: Order) -> None:
        if self.down:
            raise ConnectionError("broker unreachable")
        self.orders.append(order)


def recommend(lon: float, lat: float, now_ts: int, leave_out: frozenset[str]) -> list[Cand]:
    return [c for c in RANKED if c.guard not in leave_out]


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    with SqliteStore(tmp_path / "desk.db") as opened:
        yield opened


def make_desk(store: SqliteStore, sent: Recorder | None = None, **settings: Any) -> DispatchDesk:
    return DispatchDesk(
        store, district(), send_order=sent, recommend=recommend, settings=DeskSettings(**settings)
    )


def test_one_alert_through_every_state_with_escalation(store: SqliteStore) -> None:
    sent = Recorder()
    desk = make_desk(store, sent, accept_timeout_s=60, arrival_radius_m=30)
    (d,) = desk.dispatch(alert(), ["GD001"], "cmdr-a", T0, candidates=RANKED).created
    assert (d.id, d.state, d.eta_s, d.device_id) == (f"D{T0}-GD001", S.ISSUED, 60.0, "GPS-00001")
    assert sent.orders == [
        Order(d.id, "GD001", "GPS-00001", alert().id, LON, LAT, T0, "dispatch", "smoke_alarm B1")
    ]
    assert d.order_sent_ts == T0

    assert desk.on_time(T0 + 59_999) == []  # one ms before the deadline
    (signal,) = desk.on_time(T0 + 60_000)
    assert (signal.rule, signal.subject, signal.severity, signal.ts) == (
        ESCALATION_RULE,
        alert().id,
        Severity.HIGH,
        T0 + 60_000,
    )
    # GD004 is nearer but stale, GD001 is the one who did not answer: GD002 is proposed.
    assert signal.data == {
        "dispatch": d.id,
        "guard": "GD001",
        "why": "no_answer",
        "proposed": [{"guard": "GD002", "eta_s": 120.0}],
    }
    assert d.state is S.ESCALATED and desk.on_time(T0 + 90_000) == []  # escalates once

    desk.accept(d.id, "GD001", T0 + 75_000)  # late, but accepted
    assert desk.on_event(fix("GPS-00001", T0 + 100_000, 40.0)) == []
    assert desk.on_event(fix("GPS-00001", T0 + 130_000, 20.0)) == [d]
    desk.report(d.id, S.HANDLED, "GD001", T0 + 400_000, "kitchen smoke, pan removed")
    desk.report(d.id, S.FEEDBACK, "GD001", T0 + 460_000, "no fire, resident advised", photo="photos/d1.jpg")
    desk.report(d.id, S.CLOSED, "cmdr-a", T0 + 600_000)

    back = store.get_dispatch(d.id)
    assert back is not None
    assert [(s.state, s.actor, s.ts - T0) for s in back.history] == [
        (S.ISSUED, "cmdr-a", 0),
        (S.ESCALATED, "system", 60_000),
        (S.ACCEPTED, "GD001", 75_000),
        (S.ON_SCENE, "system", 130_000),
        (S.HANDLED, "GD001", 400_000),
        (S.FEEDBACK, "GD001", 460_000),
        (S.CLOSED, "cmdr-a", 600_000),
    ]
    assert (back.time_to_accept_s, back.time_to_arrive_s, back.time_to_close_s) == (75.0, 130.0, 600.0)
    assert (back.feedback, back.photo) == ("no fire, resident advised", "photos/d1.jpg")
    assert desk.busy_guards() == frozenset() and store.dispatches(active_only=True) == []


@pytest.mark.parametrize(
    ("north_m", "arrives"), [(28.9, True), (30.0 - 0.01, True), (30.01, False), (31.1, False)]
)
def test_on_scene_exactly_at_the_radius(store: SqliteStore, north_m: float, arrives: bool) -> None:
    assert distance_m(LON, LAT, LON, LAT + north_m / M_PER_DEG) == pytest.approx(north_m, abs=0.01)
    desk = make_desk(store, arrival_radius_m=30)
    (d,) = desk.dispatch(alert(), ["GD001"], "cmdr-a", T0).created
    desk.accept(d.id, "GD001", T0 + 1_000)
    changed = desk.on_event(fix("GPS-00001", T0 + 2_000, north_m))
    assert (changed == [d]) is arrives
    assert d.state is (S.ON_SCENE if arrives else S.ACCEPTED)


def test_arrival_needs_an_accepted_order_the_guards_own_fresh_unflagged_fix(store: SqliteStore) -> None:
    desk = make_desk(store)
    (d,) = desk.dispatch(alert(), ["GD001"], "cmdr-a", T0).created
    assert (
        desk.on_event(fix("GPS-00001", T0 + 1_000, 0.0)) == []
    )  # not accepted yet: passing by is not arriving
    desk.accept(d.id, "GD001", T0 + 5_000)
    assert desk.on_event(fix("GPS-00002", T0 + 6_000, 0.0)) == []  # another guard's tracker
    assert desk.on_event(fix("GPS-00001", T0 + 4_000, 0.0)) == []  # older than the acceptance
    assert desk.on_event(fix("GPS-00001", T0 + 7_000, 0.0, flagged="speed")) == []  # implausible fix
    door = Event("x", T0 + 8_000, "GPS-00001", "door.open", LON, LAT)
    assert desk.on_event(door) == []
    assert d.state is S.ACCEPTED
    assert desk.on_event(fix("GPS-00001", T0 + 9_000, 0.0)) == [d]
    assert desk.on_event(fix("GPS-00001", T0 + 10_000, 0.0)) == []  # once on scene, fixes change nothing


def test_guard_answers(store: SqliteStore) -> None:
    desk = make_desk(store)
    (d,) = desk.dispatch(alert(), ["GD001"], "cmdr-a", T0).created
    with pytest.raises(DispatchError):
        desk.accept(d.id, "GD002", T0 + 1_000)
    with pytest.raises(DispatchError):
        desk.answer(d.id, "GD002", S.DECLINED, T0 + 1_000, "not mine")
    with pytest.raises(DispatchError):
        desk.answer(d.id, "GD001", S.CLOSED, T0 + 1_000)
    desk.answer(d.id, "GD001", S.ACCEPTED, T0 + 2_000)
    desk.answer(d.id, "GD001", S.ACCEPTED, T0 + 3_000)  # a redelivered acknowledgement is harmless
    assert d.accepted_ts == T0 + 2_000 and len(d.history) == 2
    with pytest.raises(DispatchError):
        desk.report(d.id, S.HANDLED, "GD001", T0 + 4_000)  # not on scene yet
    with pytest.raises(DispatchError):
        desk.accept("nope", "GD001", T0)
    with pytest.raises(DispatchError):
        desk.dispatch(alert(), ["GD999"], "cmdr-a", T0)


def test_two_commanders_two_desks_one_file_exactly_one_wins(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    SqliteStore(path).close()
    desks = [make_desk(SqliteStore(path)), make_desk(SqliteStore(path))]
    barrier = threading.Barrier(2)
    outcomes: list[Outcome] = [Outcome(), Outcome()]

    def command(i: int) -> None:
        barrier.wait(timeout=30)
        outcomes[i] = desks[i].dispatch(alert(), ["GD001"], f"cmdr-{i}", T0 + i)

    threads = [threading.Thread(target=command, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    won = [o for o in outcomes if o.created]
    lost = [o for o in outcomes if o.busy]
    assert len(won) == 1 and len(lost) == 1
    (winner,) = won[0].created
    (busy,) = lost[0].busy
    assert (busy.guard_id, busy.holder, busy.holder_commander) == ("GD001", winner.id, winner.commander)
    assert all(desk.busy_guards() == {"GD001"} for desk in desks)  # the loser adopted the winner's dispatch
    with SqliteStore(path) as third:
        assert len(third.dispatches()) == 1


def test_two_threads_one_desk_exactly_one_wins(store: SqliteStore) -> None:
    desk = make_desk(store)
    barrier = threading.Barrier(8)
    outcomes: list[Outcome] = []

    def command(i: int) -> None:
        barrier.wait(timeout=30)
        outcomes.append(desk.dispatch(alert(), ["GD003"], f"cmdr-{i}", T0))

    threads = [threading.Thread(target=command, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(len(o.created) for o in outcomes) == [0] * 7 + [1]
    assert sum(len(o.busy) for o in outcomes) == 7


def test_one_call_summons_fresh_guards_within_m_minutes(store: SqliteStore) -> None:
    sent = Recorder()
    desk = make_desk(store, sent, one_call_minutes=5)
    desk.dispatch(alert("gas_alarm"), ["GD003"], "cmdr-a", T0 - 1_000)  # GD003 is already busy elsewhere
    candidates = [
        Cand("GD001", 60.0),
        Cand("GD002", 300.0),  # exactly 5 minutes: in
        Cand("GD003", 120.0),  # busy
        Cand("GD004", 30.0, stale=True),  # position unknown lately: not summoned blindly
        Cand("GD005", 300.1),  # out
    ]
    out = desk.one_call(alert(), candidates, "cmdr-a", T0)
    assert [(d.guard_id, d.mode, d.eta_s) for d in out.created] == [
        ("GD001", "one_call", 60.0),
        ("GD002", "one_call", 300.0),
    ]
    assert [b.guard_id for b in out.busy] == ["GD003"]
    assert [o.guard for o in sent.orders] == ["GD003", "GD001", "GD002"]
    assert [d.guard_id for d in desk.one_call(alert(), candidates, "cmdr-b", T0, within_s=30).created] == []


def test_decline_proposes_the_next_nearest_not_yet_asked(store: SqliteStore) -> None:
    desk = make_desk(store)
    (d1,) = desk.dispatch(alert(), ["GD001"], "cmdr-a", T0).created
    with pytest.raises(DispatchError):
        desk.answer(d1.id, "GD001", S.DECLINED, T0 + 5_000)  # a reason is required
    desk.answer(d1.id, "GD001", S.DECLINED, T0 + 5_000, "treating an injured resident")
    assert desk.busy_guards() == frozenset()
    (signal,) = desk.on_time(T0 + 6_000)
    assert signal.data["why"] == "declined" and signal.data["proposed"] == [
        {"guard": "GD002", "eta_s": 120.0}
    ]
    (d2,) = desk.dispatch(alert(), ["GD002"], "cmdr-a", T0 + 7_000).created
    desk.report(d2.id, S.CANCELLED, "cmdr-a", T0 + 8_000, "false alarm confirmed by phone")
    assert desk.on_time(T0 + 200_000) == []  # a cancelled order never escalates
    desk.dispatch(alert(), ["GD003"], "cmdr-a", T0 + 9_000)
    (late,) = desk.on_time(T0 + 69_000)
    assert late.data["proposed"] == []  # GD001 declined, GD002 was cancelled, GD003 asked, GD004 stale


def test_failed_order_is_recorded_and_retried_cancel_sends_stand_down(store: SqliteStore) -> None:
    sent = Recorder()
    sent.down = True
    desk = make_desk(store, sent, order_retry_s=15, accept_timeout_s=600)
    (d,) = desk.dispatch(alert(), ["GD001"], "cmdr-a", T0).created
    assert (d.order_sent_ts, d.order_error) == (None, "broker unreachable")
    sent.down = False
    desk.on_time(T0 + 14_999)
    assert sent.orders == []
    desk.on_time(T0 + 15_000)
    assert [o.action for o in sent.orders] == ["dispatch"]
    stored = store.get_dispatch(d.id)
    assert stored is not None and (stored.order_sent_ts, stored.order_error) == (T0 + 15_000, "")
    desk.report(d.id, S.CANCELLED, "cmdr-a", T0 + 20_000, "resolved by phone")
    assert sent.orders[-1] == Order(
        d.id, "GD001", "GPS-00001", alert().id, LON, LAT, T0 + 20_000, "cancel", "resolved by phone"
    )


def test_a_restarted_desk_resumes_and_still_escalates(tmp_path: Path) -> None:
    path = tmp_path / "restart.db"
    first = make_desk(SqliteStore(path), accept_timeout_s=60)
    (d,) = first.dispatch(alert(), ["GD001"], "cmdr-a", T0).created
    second = make_desk(SqliteStore(path), accept_timeout_s=60)
    assert second.busy_guards() == {"GD001"}
    with SqliteStore(path) as third, pytest.raises(GuardBusy):
        third.create_dispatch(second.get(d.id))
    (signal,) = second.on_time(T0 + 60_000)
    assert signal.data["dispatch"] == d.id


def test_escalation_proposes_by_walking_time_through_nearest_guards(store: SqliteStore) -> None:
    """The real recommender: one 760 m east-west footway; security guards walk 1.3 m/s."""
    lon_per_m = 1 / (M_PER_DEG * math.cos(math.radians(LAT)))
    town = district()
    town.roads["R1"] = Road(
        "R1", "footway", LineString([(LON - 380 * lon_per_m, LAT), (LON + 380 * lon_per_m, LAT)])
    )
    offsets = {
        "GPS-00001": -100.0,
        "GPS-00002": 250.0,
        "GPS-00003": 50.0,
        "GPS-00004": 20.0,
        "GPS-00005": 330.0,
    }
    store.append_events(
        [
            Event(
                f"f{dev}",
                T0 - (3_600_000 if dev == "GPS-00004" else 10_000),
                dev,
                "gps.fix",
                LON + m * lon_per_m,
                LAT,
            )
            for dev, m in offsets.items()
        ]
    )
    recommend = nearest_recommender(store, town, RoutingGraph.from_district(town), k=2)
    desk = DispatchDesk(store, town, recommend=recommend, settings=DeskSettings(accept_timeout_s=60))
    (busy,) = desk.dispatch(alert("gas_alarm"), ["GD003"], "cmdr-a", T0 - 5_000).created
    desk.accept(busy.id, "GD003", T0 - 4_000)  # the nearest is busy elsewhere
    desk.dispatch(alert(), ["GD001"], "cmdr-a", T0)
    (signal,) = desk.on_time(T0 + 60_000)
    # GD004 is 20 m away but its fix is an hour old; GD003 is busy; GD001 was asked: GD002 at 250 m is next.
    (proposed,) = signal.data["proposed"]
    assert proposed["guard"] == "GD002"
    assert proposed["eta_s"] == pytest.approx(250 / WALK_MPS, rel=0.01)


def test_a_tick_racing_another_desk_skips_the_dispatch_it_moved(tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    mine, theirs = make_desk(SqliteStore(path), accept_timeout_s=60), make_desk(SqliteStore(path))
    (d,) = mine.dispatch(alert(), ["GD001"], "cmdr-a", T0).created
    theirs.accept(d.id, "GD001", T0 + 50_000)  # acknowledged through the other station's desk
    assert mine.on_time(T0 + 60_000) == []  # no false escalation, no crash in the engine's tick
    assert mine.get(d.id).state is S.ACCEPTED
    assert mine.on_event(fix("GPS-00001", T0 + 70_000, 0.0)) == [mine.get(d.id)]
