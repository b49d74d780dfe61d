"""The live session: one worker thread owns the engine, shared by commands and the simulator; stops clean."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.data.resources import demo_package
from sandbox_app.dispatch.lifecycle import ESCALATION_RULE, DeskSettings
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.messages import (
    BridgeHealth,
    CoverageUpdate,
    DispatchUpdate,
    HealthChanged,
    LiveStarted,
    LiveStopped,
    RiskUpdate,
    StateDelta,
)
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.live import LiveOptions, LiveSession, _Pump
from sandbox_app.store.base import Store
from sandbox_app.store.sqlite import SqliteStore
from tests.support import committed_demo, wait_until

ACTOR = "desk:tester"
FAST = LiveOptions(speed=3600.0, history_days=0, tick_s=0.05, risk_every_s=0.1)


@pytest.fixture(scope="module")
def district() -> District:
    """The demo district: the simulator needs real paths to walk (guards' patrol loops)."""
    committed_demo()
    from sandbox_app.data.package import load_package

    return load_package(demo_package())


def alarm_button(district: District) -> str:
    return min(d.id for d in district.devices.values() if d.kind == "alarm_button")


def opener(db: Path) -> Callable[[], Store]:
    return lambda: SqliteStore(db)


@pytest.fixture
def session(district: District, tmp_path: Path) -> Iterator[LiveSession]:
    live = LiveSession(district, opener(tmp_path / "live.db"), FAST)
    yield live
    live.stop()
    assert not live.running


def record(live: LiveSession) -> list[Any]:
    seen: list[Any] = []
    for kind in (LiveStarted, StateDelta, HealthChanged, RiskUpdate, LiveStopped):
        live.bus.subscribe(kind, seen.append)
    return seen


def alarm(device: str) -> Callable[[Engine], Any]:
    def command(engine: Engine) -> Any:
        return engine.ingest(
            [Event(f"test-alarm-{device}", engine.now_ms(), device, "alarm.button", None, None, {})]
        )

    return command


def test_simulator_feeds_the_engine_on_one_thread_and_stops_clean(
    session: LiveSession, tmp_path: Path
) -> None:
    seen = record(session)
    session.start()
    assert session.submit(lambda e: threading.current_thread().name).result(10) == "live-session"
    threads = {session.submit(lambda e: threading.get_ident()).result(10) for _ in range(3)}
    assert len(threads) == 1
    wait_until(lambda: events_in(seen) > 100)
    session.stop()
    assert not session.running and session.error is None
    assert isinstance(seen[0], LiveStarted) and isinstance(seen[-1], LiveStopped)
    healths = [m.health for m in seen if isinstance(m, HealthChanged)]
    assert isinstance(healths[0], BridgeHealth) and healths[0].connected and not healths[-1].connected
    assert any(isinstance(m, RiskUpdate) for m in seen)
    fixes = {d for m in seen if isinstance(m, StateDelta) for d in m.fixes}
    trackers = {g.device_id for g in session.district.guards.values() if g.device_id}
    assert fixes and fixes <= trackers
    with SqliteStore(tmp_path / "live.db") as store:
        assert store.event_count() > 100 and store.load_district() is not None
    with pytest.raises(CancelledError):
        session.submit(lambda e: 1).result(1)


def test_transition_through_the_worker_is_stored_with_actor_and_time(
    session: LiveSession, tmp_path: Path
) -> None:
    session.start()
    assert session.submit(alarm(alarm_button(session.district))).result(10).accepted == 1
    alert = next(a for a in session.submit(lambda e: e.open_alerts()).result(10) if a.rule == "alarm_button")
    now = session.submit(lambda e: e.now_ms()).result(10)
    done = session.transition(alert.id, AlertState.ACKNOWLEDGED, "desk:tester").result(10)
    assert done.state == AlertState.ACKNOWLEDGED
    with pytest.raises(ValueError, match="needs a reason"):
        session.transition(alert.id, AlertState.DISMISSED, "desk:tester").result(10)
    session.stop()
    with SqliteStore(tmp_path / "live.db") as store:
        stored = store.get_alert(alert.id)
    assert stored is not None and stored.state == AlertState.ACKNOWLEDGED
    step = stored.history[-1]
    assert step.actor == "desk:tester" and step.ts >= now


def test_no_sim_only_serves_commands(district: District, tmp_path: Path) -> None:
    live = LiveSession(district, opener(tmp_path / "view.db"), LiveOptions(simulate=False, tick_s=0.05))
    seen = record(live)
    live.start()
    try:
        assert live.submit(alarm(alarm_button(district))).result(10).accepted == 1
    finally:
        live.stop()
    assert not any(isinstance(m, HealthChanged) for m in seen)
    assert isinstance(seen[0], LiveStarted) and seen[0].seed is None


def test_a_failing_store_is_reported_not_raised(district: District) -> None:
    def broken() -> Store:
        raise OSError("disk on fire")

    live = LiveSession(district, broken, FAST)
    seen = record(live)
    live.start()
    future = live.submit(lambda e: e.now_ms())
    live.stop()
    assert live.error == "OSError: disk on fire"
    assert seen == [LiveStopped("OSError: disk on fire")]
    assert future.done()
    with pytest.raises((AssertionError, CancelledError)):
        future.result(1)


def events_in(seen: list[Any]) -> int:
    return sum(len(m.events) for m in seen if isinstance(m, StateDelta))


def test_a_second_run_on_the_same_db_gets_fresh_events(district: District, tmp_path: Path) -> None:
    """The default seed comes from the start time, and the start never falls behind the stored clock."""
    db = tmp_path / "again.db"
    seeds, counts = [], []
    for _ in range(2):
        live = LiveSession(district, opener(db), FAST)
        seen = record(live)
        live.start()
        wait_until(lambda: events_in(seen) > 20)  # noqa: B023 (called before the loop moves on)
        live.stop()
        seeds.append(seen[0].seed)
        counts.append(events_in(seen))
    assert seeds[0] != seeds[1] and all(n > 20 for n in counts)


def test_pump_runs_commands_while_waiting_and_wakes_on_set() -> None:
    ticks: list[int] = []
    pump = _Pump(WallClock(), lambda: ticks.append(1))
    ran: list[str] = []
    pump.commands.put(lambda: ran.append("a"))
    assert pump.wait(0.05) is False and ran == ["a"] and ticks == [1]
    threading.Timer(0.05, pump.set).start()
    assert pump.wait(None) is True and ticks == [1]


DISPATCH = LiveOptions(
    speed=600.0,
    history_days=0,
    tick_s=0.05,
    risk_every_s=0.1,
    rates=SimRates(order_no_answer=0.0),
    coverage_every_s=0.2,
)


def test_dispatch_from_recommendation_to_guard_on_scene(district: District, tmp_path: Path) -> None:
    # the guard stays on scene for a simulated day, so it is still held when the second desk asks,
    # however slowly a loaded CI machine runs the 600x clock
    lingering = replace(DISPATCH, rates=replace(DISPATCH.rates, on_scene_s=(86_400.0, 86_400.0)))
    live = LiveSession(district, opener(tmp_path / "dispatch.db"), lingering)
    updates: list[DispatchUpdate] = []
    coverage: list[CoverageUpdate] = []
    live.bus.subscribe(DispatchUpdate, updates.append)
    live.bus.subscribe(CoverageUpdate, coverage.append)
    live.start()
    try:
        wait_until(lambda: located(live) >= 35)
        assert live.submit(alarm(alarm_button(district))).result(10).accepted == 1
        alert = next(a for a in live.submit(lambda e: e.open_alerts()).result(10) if a.rule == "alarm_button")
        ranked = live.recommend(alert.id).result(10)
        fresh = [c for c in ranked if not c.stale]
        assert len(fresh) == 5 and [c.eta_s for c in fresh] == sorted(c.eta_s for c in fresh)
        outcome = live.dispatch(alert.id, [fresh[0].guard], ACTOR).result(10)
        (made,) = outcome.created
        assert (
            made.state is DispatchState.ISSUED and made.eta_s is not None
        )  # re-ranked at issue: guards move
        moved = next(a for a in live.submit(lambda e: e.open_alerts()).result(10) if a.id == alert.id)
        assert [s.state for s in moved.history[-2:]] == [AlertState.ACKNOWLEDGED, AlertState.DISPATCHED]
        assert moved.history[-1].actor == ACTOR
        again = live.dispatch(alert.id, [fresh[0].guard], "desk:other").result(10)
        assert not again.created and again.busy[0].holder == made.id  # the guard is taken

        def on_scene() -> bool:
            return any(d.id == made.id and d.on_scene_ts is not None for u in updates for d in u.dispatches)

        wait_until(on_scene, timeout_s=30)
        assert updates[-1].paths.get(made.id) or any(made.id in u.paths for u in updates)
        wait_until(lambda: bool(coverage) and coverage[-1].guards > 30)
    finally:
        live.stop()
    with SqliteStore(tmp_path / "dispatch.db") as store:
        stored = store.get_dispatch(made.id)
    assert stored is not None and stored.accepted_ts is not None and stored.on_scene_ts is not None
    assert stored.issued_ts < stored.accepted_ts <= stored.on_scene_ts
    assert coverage[-1].segments.shape[1:] == (2, 2) and coverage[-1].limit_s == 180.0


def test_unanswered_order_escalates_into_an_alert_and_one_call_summons_the_near(
    district: District, tmp_path: Path
) -> None:
    silent = replace(DISPATCH, rates=SimRates(order_no_answer=1.0), desk=DeskSettings(accept_timeout_s=30))
    live = LiveSession(district, opener(tmp_path / "silent.db"), silent)
    live.start()
    try:
        wait_until(lambda: located(live) >= 35)
        live.submit(alarm(alarm_button(district))).result(10)
        alert = next(a for a in live.submit(lambda e: e.open_alerts()).result(10) if a.rule == "alarm_button")
        first = live.recommend(alert.id).result(10)[0].guard
        (made,) = live.dispatch(alert.id, [first], ACTOR).result(10).created

        def escalations() -> list[Alert]:
            return [a for a in live.submit(lambda e: e.open_alerts()).result(10) if a.rule == ESCALATION_RULE]

        wait_until(lambda: bool(escalations()))
        (raised,) = escalations()
        assert raised.subject == alert.id and raised.data["dispatch"] == made.id
        assert raised.data["proposed"] and raised.data["proposed"][0]["guard"] != first
        summoned = live.one_call(alert.id, 600.0, ACTOR).result(10)
        etas = {c.guard: c.eta_s for c in live.recommend(alert.id, k=len(district.guards)).result(10)}
        assert summoned.created and all(d.mode == "one_call" for d in summoned.created)
        assert all(d.eta_s is not None and d.eta_s <= 600.0 for d in summoned.created)
        assert first not in {d.guard_id for d in summoned.created}  # still held by the first order
        assert set(etas).isdisjoint(d.guard_id for d in summoned.created)  # busy now: not recommended
        cancelled = live.cancel(made.id, ACTOR, "sent someone else").result(10)
        assert cancelled.state is DispatchState.CANCELLED
    finally:
        live.stop()


def located(live: LiveSession) -> int:
    """Trackers with a stored fix: the nearest-guard search has someone to rank."""
    return len(live.submit(lambda e: e.store.last_fixes(e.now_ms())).result(10))


def test_no_bridge_is_taken_for_offline_while_the_simulator_runs(session: LiveSession) -> None:
    """At 3,600x each of the worker's batches spans minutes of simulated time, longer than a bridge's
    liveness limit (2 min): the simulator, connected and delivering, must never be reported offline."""
    start = WallClock().now_ms()  # the simulator starts at the wall clock on a fresh log
    session.start()
    wait_until(lambda: session.submit(lambda e: e.now_ms()).result(10) > start + 3_600_000)
    alerts = session.submit(lambda e: e.open_alerts()).result(10)
    assert [a.subject for a in alerts if a.subject.startswith("bridge:")] == []


def test_the_live_session_builds_the_notice_outbox_when_configured(tmp_path: Path) -> None:
    """`main.py --notify-url` (as `serve --notify-url`): the GUI's live session runs the notification outbox,
    so a smoke alarm in a room with an owner reaches the gateway with the token; without the option, none."""
    from tests.notify.test_outbox import TOKEN, Receiver, _district
    from tests.rules.helpers import district as rules_district

    receiver = Receiver()
    audited: list[str] = []
    options = LiveOptions(simulate=False, tick_s=0.05, notify_url=receiver.url, notify_token=TOKEN)
    dist = _district(rules_district())
    live = LiveSession(dist, opener(tmp_path / "notify.db"), options, audit=lambda *a: audited.append(a[1]))
    live.start()
    try:
        assert live.submit(lambda e: live.outbox is not None and live.outbox in e.rules).result(10)

        def smoke(engine: Engine) -> Any:
            return engine.ingest(
                [Event("test-smoke", engine.now_ms(), "SM-1", "smoke.alarm", None, None, {})]
            )

        assert live.submit(smoke).result(10).accepted == 1
        wait_until(lambda: len(receiver.posts) == 1)
        headers, body = receiver.posts[0]
        assert headers["Authorization"] == f"Bearer {TOKEN}" and body["kind"] == "smoke_alarm"
        wait_until(lambda: "notice.sent" in audited)
    finally:
        live.stop()
        receiver.close()
    plain = LiveSession(dist, opener(tmp_path / "plain.db"), LiveOptions(simulate=False, tick_s=0.05))
    plain.start()
    try:
        assert plain.submit(lambda e: not any(r.name == "notify_outbox" for r in e.rules)).result(10)
        assert plain.outbox is None
    finally:
        plain.stop()
