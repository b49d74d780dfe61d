"""Simulated guards answering dispatch orders: the delay, the walk along the paths within the recommended
ETA, the stay, the way back to the patrol, stand-downs, determinism, and a real DispatchDesk on a real
SqliteStore driven only by the simulator's replies and fixes (the issue's "guards accepting orders and
walking to the incident")."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import msgspec
import numpy as np
import pytest
from shapely.geometry import LineString

from sandbox_app.bridges.orders import Reply
from sandbox_app.bridges.simulator.config import ROLE_SPEED_MPS, SimRates
from sandbox_app.bridges.simulator.source import Simulator, interleave
from sandbox_app.dispatch.lifecycle import DeskSettings, DispatchDesk, nearest_recommender
from sandbox_app.dispatch.nearest import nearest_guards
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState, Order
from sandbox_app.domain.distance import distance_m
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.domain.model import District, Road
from sandbox_app.engine.pipeline import Engine
from sandbox_app.geo.routing import RoutingGraph
from sandbox_app.rules.base import Signal
from sandbox_app.store.base import Fix
from sandbox_app.store.sqlite import SqliteStore
from tests.bridges.test_simulator import HOUR, START, _p, small_district

S = DispatchState
T = START + 4 * HOUR  # 08:00 local: the north gate (closed 23-6) is open, so routing and the walk agree
TARGET = _p(6.5, 6.3)
"""An incident off the paths, ~35 m from the nearest road, far across the grid from the guards' loops."""
RADIUS_M = 30.0
EASY = SimRates(order_no_answer=0.0)


def grid_district(n: int = 8) -> District:
    """The simulator tests' district on an n x n street grid (~85 x 111 m blocks): routes of up to 1.5 km."""
    d = small_district()
    d.roads.clear()
    for k in range(n):
        d.roads[f"h{k}"] = Road(f"h{k}", "footway", LineString([_p(i, k) for i in range(n)]))
        d.roads[f"v{k}"] = Road(f"v{k}", "service", LineString([_p(k, i) for i in range(n)]))
    return d


@pytest.fixture(scope="module")
def district() -> District:
    return grid_district()


@pytest.fixture(scope="module")
def router(district: District) -> RoutingGraph:
    return RoutingGraph.from_district(district)


def order(
    guard: str = "GD2",
    device: str | None = "GPS2",
    ts: int = T,
    action: str = "dispatch",
    of: int | None = None,
) -> Order:
    """An order to go to TARGET (or, with action="cancel", to stand down from the order given at `of`)."""
    return Order(f"D{of or ts}-{guard}", guard, device, "A1", TARGET[0], TARGET[1], ts, action, "test")


def fixes(events: Sequence[Event], device: str, t0: int = 0, t1: int = 2**62) -> list[Event]:
    return [e for e in events if e.kind == "gps.fix" and e.device == device and t0 <= e.ts < t1]


def gap_m(e: Event) -> float:
    assert e.lon is not None and e.lat is not None
    return distance_m(TARGET[0], TARGET[1], e.lon, e.lat)


def window(sim: Simulator, hours: float = 2.0) -> list[Event]:
    return list(sim.events_between(START, T + int(hours * HOUR)))


@pytest.mark.parametrize(("guard", "device"), [("GD1", "GPS1"), ("GD2", "GPS2")])
def test_the_guard_walks_the_paths_to_the_incident_within_the_recommended_eta(
    district: District, router: RoutingGraph, guard: str, device: str
) -> None:
    quiet = window(Simulator(district, 11, START, rates=EASY))
    sim = Simulator(district, 11, START, rates=EASY)
    sim.receive_order(order(guard, device))
    (accepted,) = sim.drain_replies(T + 60_000)
    events = window(sim)
    assert accepted.state == "accepted" and accepted.guard == guard
    assert [e.id for e in events] == [e.id for e in quiet], "an order changes positions, never ids"
    moved = {e.id for e, q in zip(events, quiet, strict=True) if e != q}
    assert moved and all(e.device == device and e.ts >= accepted.ts for e in events if e.id in moved)
    before = fixes(events, device, t1=accepted.ts)
    last = before[-1]
    assert last.lon is not None and last.lat is not None
    fix = {device: Fix(device, last.ts, last.lon, last.lat)}
    (best,) = nearest_guards(router, district, fix, *TARGET, accepted.ts, k=1).candidates
    eta = best.eta_s
    assert best.distance_m > 500, "a real trip, not next door"
    way = fixes(events, device, accepted.ts)
    arrival = next(e for e in way if gap_m(e) <= RADIUS_M)
    took_s = (arrival.ts - accepted.ts) / 1000
    assert 0.7 * eta < took_s < 1.25 * eta + 10, (took_s, eta)
    going = [e for e in way if e.ts < arrival.ts]
    lon, lat = np.array([e.lon for e in going]), np.array([e.lat for e in going])
    off = sim.graph.distance_to_edges_m(lon, lat)
    leg_m = float(sim.graph.distance_to_edges_m(*TARGET)[0])
    assert all(o < 15 or gap_m(e) < leg_m + 60 for o, e in zip(off, going, strict=True)), "on the paths"
    goal = sim.graph.nearest_node(*TARGET)
    left = sim.graph.distances_from(goal)
    remaining = [left[int(n)] for n in sim.graph.nearest_nodes(lon, lat)]
    assert remaining[0] > 300 and all(b <= a + 120 for a, b in pairwise(remaining)), "closing in"
    top = ROLE_SPEED_MPS[district.guards[guard].role][1]
    assert max(e.data["speed"] for e in way) < top * 1.3


def test_replies_come_after_a_human_delay_then_handled_and_feedback_after_the_stay(
    district: District,
) -> None:
    sim = Simulator(district, 11, START, rates=EASY)
    sim.receive_order(order())
    assert sim.drain_replies(T + 10_000) == [], "nobody answers within 10 s"
    (accepted,) = sim.drain_replies(T + 40_001)
    assert T + 10_000 <= accepted.ts <= T + 40_000
    assert sim.drain_replies(T + 40_001) == [], "each reply is handed out once"
    events = window(sim)
    handled, feedback = sim.drain_replies(T + 2 * HOUR)
    on_scene = [e for e in fixes(events, "GPS2", accepted.ts, handled.ts + 1) if gap_m(e) <= RADIUS_M]
    stay_s = (handled.ts - on_scene[0].ts) / 1000
    assert 180 <= stay_s <= 600 + 30 and len(on_scene) >= 180 / 10, "minutes on scene, fixes all along"
    assert handled.state == "handled" and feedback.state == "feedback" and feedback.note == EASY.feedback_note
    assert 30_000 <= feedback.ts - handled.ts <= 120_000
    assert all(gap_m(e) > RADIUS_M for e in fixes(events, "GPS2", handled.ts + 60_000)), "gone back"


def test_the_guard_returns_to_its_patrol_timetable(district: District) -> None:
    quiet = window(Simulator(district, 11, START), 3)
    sim = Simulator(district, 11, START, rates=EASY)
    sim.receive_order(order())
    events = window(sim, 3)
    track = sim.responder.moves[1].tracks[-1]
    assert track.end < T + 2 * HOUR
    assert fixes(events, "GPS2", track.end) == fixes(quiet, "GPS2", track.end), "back on the loop"
    assert fixes(events, "GPS2", t1=track.t0) == fixes(quiet, "GPS2", t1=track.t0)
    lon, lat = np.array([[e.lon, e.lat] for e in fixes(events, "GPS2", track.t0, track.end)]).T
    assert np.percentile(sim.graph.distance_to_edges_m(lon, lat), 50) < 10


def test_some_orders_are_never_answered_and_others_declined(district: District) -> None:
    silent = Simulator(district, 11, START, rates=SimRates(order_no_answer=1.0))
    silent.receive_order(order())
    assert silent.drain_replies(T + 2 * HOUR) == []
    assert window(silent) == window(Simulator(district, 11, START)), "an unanswered order moves nobody"
    no = SimRates(order_no_answer=0.0, order_decline=1.0)
    declining = Simulator(district, 11, START, rates=no)
    declining.receive_order(order())
    (reply,) = declining.drain_replies(T + 2 * HOUR)
    assert reply.state == "declined" and reply.note == no.decline_note
    default = Simulator(district, 11, START)
    for minute in range(200):
        default.receive_order(order(ts=T + minute * 60_000))
    answered = {r.dispatch_id for r in default.drain_replies(T + 5 * HOUR) if r.state == "accepted"}
    assert 0.8 * 200 < len(answered) < 0.97 * 200, "about one order in ten is never answered"


def test_the_stream_is_a_function_of_seed_and_orders(district: District) -> None:
    def run(ts: int, ask_first: bool) -> tuple[list[Event], list[Reply]]:
        sim = Simulator(district, 11, START, rates=EASY)
        if ask_first:  # hours generated (and cached) before the order must be regenerated after it
            window(sim)
        sim.receive_order(order(ts=ts))
        sim.receive_order(order(ts=ts))  # a redelivered order changes nothing
        return window(sim), sim.drain_replies(T + 2 * HOUR)

    first = run(T, False)
    assert first == run(T, True)
    assert len(first[1]) == 3
    other = run(T + 60_000, False)
    assert other[0] != first[0] and other[1] != first[1]


def test_a_stand_down_on_the_way_sends_the_guard_back_without_reports(district: District) -> None:
    quiet = window(Simulator(district, 11, START), 3)
    sim = Simulator(district, 11, START, rates=EASY)
    sim.receive_order(order())
    (accepted,) = sim.drain_replies(T + 60_000)
    cut = accepted.ts + 120_000
    sim.receive_order(order(ts=cut, action="cancel", of=T))
    events = window(sim, 3)
    assert sim.drain_replies(T + 3 * HOUR) == []
    assert min(gap_m(e) for e in fixes(events, "GPS2")) > 100, "turned back before getting there"
    end = sim.responder.moves[1].tracks[-1].end
    assert fixes(events, "GPS2", end) == fixes(quiet, "GPS2", end)
    early = Simulator(district, 11, START, rates=EASY)
    early.receive_order(order())
    early.receive_order(order(ts=T + 5_000, action="cancel", of=T))
    assert early.drain_replies(T + 3 * HOUR) == [] and window(early, 3) == quiet, "never set off"


def test_orders_for_other_devices_are_not_the_simulators(district: District) -> None:
    sim = Simulator(district, 11, START)
    assert sim.carries("GPS2") and not sim.carries("GPS-NOPE") and not sim.carries(None)
    sim.receive_order(order("GD9", "GPS-NOPE"))
    sim.receive_order(order(device=None))
    assert sim.drain_replies(T + HOUR) == [] and not sim.responder.moves


class _StepClock:
    def __init__(self) -> None:
        self.now = 0

    def now_ms(self) -> int:
        self.now += 1000
        return self.now


def test_the_driver_never_rewrites_what_it_sent(district: District) -> None:
    """An order given for a moment the driver already passed takes effect at the driver's clock."""
    sim = Simulator(district, 11, T, speed=60.0, rates=EASY)
    stop = threading.Event()
    sent: list[Event | Rejection] = []
    ticks: list[int] = []

    def on_tick(now: int) -> None:
        ticks.append(now)
        if len(ticks) == 3:
            sim.receive_order(order(ts=T))
        if len(ticks) == 6:
            stop.set()

    sim.run(sent.extend, _StepClock(), stop, tick_s=0.0, on_tick=on_tick)
    accepted = sim.drain_replies(T + HOUR)[0]
    assert accepted.state == "accepted" and ticks[2] > T + 60_000 and sim.clock_ts == ticks[-1]
    assert accepted.ts >= ticks[2] + 10_000, "acknowledged after the driver's clock, not the order's"
    # The live run marks each tracker's first fix `power_on` (gps_sanity's restart); the rest is the stream.
    went_out = [
        msgspec.structs.replace(e, data={k: v for k, v in e.data.items() if k != "power_on"})
        if isinstance(e, Event)
        else e
        for e in sent
    ]
    assert went_out == list(sim.events_between(T, ticks[-1])), "what went out is what the stream now says"


def _alert(ts: int) -> Alert:
    return Alert(f"smoke_alarm:B1:{ts}", "smoke_alarm", "B1", "building", Severity.HIGH, AlertState.OPEN,
                 ts, ts, lon=TARGET[0], lat=TARGET[1])  # fmt: skip


def _answer(desk: DispatchDesk) -> Callable[[Reply], None]:
    def answer(r: Reply) -> None:
        desk.answer(r.dispatch_id, r.guard, DispatchState(r.state), r.ts, r.note, r.photo)

    return answer


def _loop(
    sim: Simulator, engine: Engine, desk: DispatchDesk, t0: int, t1: int, step_ms: int = 5_000
) -> list[Signal]:
    """The live session's loop, tick by tick: events into the engine, then fixes and replies in time order
    to the desk, then the desk's clock. Returns the escalation signals."""
    signals: list[Signal] = []
    answer = _answer(desk)
    for now in range(t0 + step_ms, t1 + 1, step_ms):
        events = list(sim.events_between(now - step_ms, now))
        engine.ingest(events)
        for item in interleave(events, sim.drain_replies(now)):
            answer(item) if isinstance(item, Reply) else desk.on_event(item)
        signals += desk.on_time(now)
    return signals


def test_one_alert_issued_accepted_on_scene_by_the_simulator_alone(district: District, router: RoutingGraph,
                                                                   tmp_path: Path) -> None:  # fmt: skip
    store = SqliteStore(tmp_path / "sim.db")
    try:
        sim = Simulator(district, 11, START, rates=EASY)
        engine = Engine(store, district, [])
        recommend = nearest_recommender(store, district, router, k=3)
        desk = DispatchDesk(store, district, send_order=sim.receive_order, recommend=recommend)
        _loop(sim, engine, desk, T - 600_000, T)
        ranked = recommend(*TARGET, T, frozenset())
        (d,) = desk.dispatch(_alert(T), [ranked[0].guard], "cmdr", T, candidates=ranked).created
        assert _loop(sim, engine, desk, T, T + HOUR) == []
        d = desk.get(d.id)
        states = [s.state for s in d.history]
        assert states == [S.ISSUED, S.ACCEPTED, S.ON_SCENE, S.HANDLED, S.FEEDBACK]
        assert [s.actor for s in d.history[1:]] == [d.guard_id, "system", d.guard_id, d.guard_id]
        assert d.time_to_accept_s is not None and 10 <= d.time_to_accept_s <= 40
        assert d.eta_s is not None and d.time_to_arrive_s is not None
        assert d.time_to_arrive_s < d.time_to_accept_s + 1.25 * d.eta_s + 10
        desk.report(d.id, S.CLOSED, "cmdr", T + HOUR)
        stored = store.get_dispatch(d.id)
        assert stored is not None and stored.state is S.CLOSED and stored.on_scene_ts == d.on_scene_ts
    finally:
        store.close()


def test_an_unanswered_order_escalates_and_the_proposed_guard_goes(
    district: District, router: RoutingGraph, tmp_path: Path
) -> None:
    store = SqliteStore(tmp_path / "esc.db")
    try:
        sim = Simulator(district, 11, START, rates=SimRates(order_no_answer=1.0))
        engine = Engine(store, district, [])
        settings = DeskSettings(accept_timeout_s=60)
        recommend = nearest_recommender(store, district, router, k=3)
        desk = DispatchDesk(
            store, district, send_order=sim.receive_order, recommend=recommend, settings=settings
        )
        _loop(sim, engine, desk, T - 600_000, T)
        (first,) = desk.dispatch(_alert(T), ["GD2"], "cmdr", T).created
        (signal,) = _loop(sim, engine, desk, T, T + 120_000)
        assert desk.get(first.id).state is S.ESCALATED and signal.data["why"] == "no_answer"
        (proposed,) = signal.data["proposed"]
        sim.responder.rates = replace(sim.rates, order_no_answer=0.0)  # the next guard has the phone in hand
        (second,) = desk.dispatch(_alert(T), [proposed["guard"]], "cmdr", T + 120_000).created
        _loop(sim, engine, desk, T + 120_000, T + HOUR)
        assert desk.get(second.id).on_scene_ts is not None and desk.get(first.id).state is S.ESCALATED
    finally:
        store.close()


def test_the_live_loop_of_the_docs_through_the_real_time_driver(
    district: District, router: RoutingGraph, tmp_path: Path
) -> None:
    """docs/simulator.md's wiring, verbatim in spirit: `run`'s sink feeds the engine then the desk, its
    `on_tick` hands the remaining replies over and ticks the desk; the commander dispatches from a tick."""
    store = SqliteStore(tmp_path / "live.db")
    try:
        sim = Simulator(district, 11, T - 600_000, speed=10.0, rates=EASY)
        engine = Engine(store, district, [])
        recommend = nearest_recommender(store, district, router, k=3)
        desk = DispatchDesk(store, district, send_order=sim.receive_order, recommend=recommend)
        answer, stop = _answer(desk), threading.Event()
        made: list[Dispatch] = []

        def sink(batch: Sequence[Event | Rejection]) -> None:
            engine.ingest(batch)
            events = [e for e in batch if isinstance(e, Event)]
            for item in interleave(events, sim.drain_replies(events[-1].ts + 1 if events else 0)):
                answer(item) if isinstance(item, Reply) else desk.on_event(item)

        def on_tick(now: int) -> None:
            for r in sim.drain_replies(now):
                answer(r)
            assert desk.on_time(now) == []
            if now >= T and not made:
                ranked = recommend(*TARGET, now, desk.busy_guards())
                made.extend(
                    desk.dispatch(_alert(now), [ranked[0].guard], "cmdr", now, candidates=ranked).created
                )
            if (made and desk.get(made[0].id).state is S.FEEDBACK) or now > T + HOUR:
                stop.set()

        sim.run(sink, _StepClock(), stop, tick_s=0.0, on_tick=on_tick)
        (d,) = (desk.get(x.id) for x in made)
        assert [s.state for s in d.history] == [S.ISSUED, S.ACCEPTED, S.ON_SCENE, S.HANDLED, S.FEEDBACK]
        on_scene = d.history[2]
        assert on_scene.actor == "system" and "m from the incident" in on_scene.note
    finally:
        store.close()
