"""Engine: durable-first dedupe, ts-ordered rule routing, minute ticks, alert book, flaggers, restart."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.domain.model import District
from sandbox_app.engine.bus import Bus
from sandbox_app.engine.messages import HealthChanged, StateDelta
from sandbox_app.engine.pipeline import Engine
from sandbox_app.rules.base import Signal
from sandbox_app.store import open_store
from sandbox_app.store.base import Store

T0 = 1_714_550_400_000  # 2024-05-01T08:00:00Z, a whole minute
MIN = 60_000
HOUR = 60 * MIN


class ButtonRule:
    """Every alarm.button press signals its device."""

    name = "alarm_button"
    kinds = frozenset({"alarm.button"})

    def __init__(self) -> None:
        self.seen: list[str] = []

    def on_event(self, event: Event) -> Iterable[Signal]:
        self.seen.append(event.id)
        return [
            Signal(self.name, event.device, "device", Severity.HIGH, event.ts, data={"n": len(self.seen)})
        ]

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return ()


class SilenceRule:
    """No door.open from a device for an hour → one signal per silence; counts on_time calls."""

    name = "door_silence"
    kinds = frozenset({"door.open"})

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.ticks: list[int] = []

    def on_event(self, event: Event) -> Iterable[Signal]:
        self.last[event.device] = event.ts
        return ()

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        self.ticks.append(now_ts)
        due = [d for d, ts in self.last.items() if now_ts - ts >= HOUR]
        for device in due:
            del self.last[device]
        return [Signal(self.name, d, "device", Severity.MEDIUM, now_ts) for d in due]


class SpeedFlagger:
    """Flags fixes east of 170°E as implausible, and signals only on what it flagged."""

    name = "gps_sanity"
    kinds = frozenset({"gps.fix"})

    def __init__(self) -> None:
        self.events: list[str] = []

    def flag(self, event: Event) -> str | None:
        return "teleport" if (event.lon or 0) > 170 else None

    def on_event(self, event: Event) -> Iterable[Signal]:
        self.events.append(event.id)
        if "flagged" in event.data:
            return [Signal(self.name, event.device, "device", Severity.LOW, event.ts)]
        return ()

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return ()


class FixWatcher:
    """A plain rule on gps.fix: must never see flagged fixes."""

    name = "fix_watch"
    kinds = frozenset({"gps.fix"})

    def __init__(self) -> None:
        self.events: list[str] = []

    def on_event(self, event: Event) -> Iterable[Signal]:
        self.events.append(event.id)
        return ()

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return ()


def ev(eid: str, ts: int, kind: str = "alarm.button", device: str = "B1", **kw: object) -> Event:
    return Event(eid, ts, device, kind, **kw)  # type: ignore[arg-type]


@pytest.fixture
def store() -> Store:
    return open_store(":memory:")


DISTRICT = District("test", "Asia/Shanghai")


def test_duplicates_and_rejections_counted_good_events_kept(store: Store) -> None:
    rule = ButtonRule()
    engine = Engine(store, DISTRICT, [rule])
    items: list[Event | Rejection] = [
        ev("a", T0 + 2000),
        Rejection("unknown kind 'x'", "{}", 2),
        ev("b", T0 + 1000),
        ev("a", T0 + 2000),
    ]
    result = engine.ingest(items)
    assert result.to_json() == {
        "accepted": 2,
        "duplicates": 1,
        "conflicts": 0,
        "rejected": [{"line": 2, "reason": "unknown kind 'x'"}],
    }
    assert rule.seen == ["b", "a"]  # time order, not arrival order
    again = engine.ingest([ev("a", T0 + 2000), ev("c", T0 + 3000)])
    assert (again.accepted, again.duplicates) == (1, 1)
    assert rule.seen == ["b", "a", "c"]
    assert store.event_count() == 3


def test_alert_book_one_alert_per_rule_and_subject(store: Store) -> None:
    engine = Engine(store, DISTRICT, [ButtonRule()], batch_size=2)
    engine.ingest([ev("1", T0), ev("2", T0 + 5000), ev("3", T0 + 9000), ev("4", T0 + 7000, device="B2")])
    stored = {a.subject: a for a in store.alerts()}
    assert set(stored) == {"B1", "B2"}
    b1 = stored["B1"]
    assert (b1.count, b1.first_ts, b1.last_ts, b1.state) == (3, T0, T0 + 9000, AlertState.OPEN)
    assert b1.rule == "alarm_button" and b1.severity == Severity.HIGH
    assert stored["B2"].count == 1
    # Once the duty desk closes it, the next press is a new alert.
    engine.transition_alert(b1.id, AlertState.DISMISSED, "officer1", "test press")
    engine.ingest([ev("5", T0 + HOUR)])
    b1_alerts = sorted((a for a in store.alerts() if a.subject == "B1"), key=lambda a: a.first_ts)
    assert [(a.state, a.count) for a in b1_alerts] == [(AlertState.DISMISSED, 3), (AlertState.OPEN, 1)]
    assert b1_alerts[0].history[-1].actor == "officer1"


def test_on_time_called_per_minute_not_per_event(store: Store) -> None:
    rule = SilenceRule()
    engine = Engine(store, DISTRICT, [rule])
    events = [ev(f"d{i}", T0 + i * 1000, "door.open", "M1") for i in range(120)]  # two minutes, 120 events
    engine.ingest(events)
    assert rule.ticks == [T0, T0 + MIN]
    assert store.alerts() == []
    engine.advance_to(T0 + 119_000 + HOUR - 1)
    assert store.alerts() == []
    engine.advance_to(T0 + 119_000 + HOUR)
    [alert] = store.alerts()
    assert (alert.rule, alert.subject, alert.first_ts) == ("door_silence", "M1", T0 + 119_000 + HOUR)
    assert engine.now_ms() == T0 + 119_000 + HOUR


def test_clock_tick_fires_before_the_event_that_crosses_it(store: Store) -> None:
    rule = SilenceRule()
    engine = Engine(store, DISTRICT, [rule])
    engine.ingest([ev("d1", T0, "door.open", "M1")])
    # Two hours later the door opens again: the silence between must still be reported.
    engine.ingest([ev("d2", T0 + 2 * HOUR + 5, "door.open", "M1")])
    [alert] = store.alerts()
    assert alert.first_ts == T0 + 2 * HOUR


def test_flagged_events_stored_with_reason_and_hidden_from_other_rules(store: Store) -> None:
    flagger, watcher = SpeedFlagger(), FixWatcher()
    engine = Engine(store, DISTRICT, [flagger, watcher])
    engine.ingest(
        [
            ev("f1", T0, "gps.fix", "G1", lon=116.0, lat=39.0),
            ev("f2", T0 + 1000, "gps.fix", "G1", lon=179.0, lat=39.0),
        ]
    )
    stored = {e.id: e for e in store.events_between(T0, T0 + 1000)}
    assert stored["f2"].data == {"flagged": "teleport"}
    assert stored["f1"].data == {}
    assert watcher.events == ["f1"]
    assert flagger.events == ["f1", "f2"]
    assert [a.rule for a in store.alerts()] == ["gps_sanity"]
    assert store.last_fixes(T0 + 1000)["G1"].lon == 116.0


def test_restart_rebuilds_rule_timers_without_repeating_alerts(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    first = open_store(db)
    engine = Engine(first, DISTRICT, [SilenceRule(), ButtonRule()])
    engine.ingest([ev("d1", T0, "door.open", "M1"), ev("b1", T0 + 1000)])
    first.close()

    second = open_store(db)
    engine = Engine(second, DISTRICT, [SilenceRule(), ButtonRule()])
    assert engine.now_ms() == T0 + 1000
    assert [a.count for a in second.alerts()] == [1]  # warm-up replay did not count the press again
    engine.advance_to(T0 + HOUR)
    assert sorted(a.rule for a in second.alerts()) == ["alarm_button", "door_silence"]
    engine.ingest([ev("b2", T0 + HOUR + 1)])
    button = next(a for a in second.alerts() if a.rule == "alarm_button")
    assert button.count == 2  # the open alert from the first run collects the repeat
    second.close()


def test_bus_gets_one_delta_per_batch_and_health(store: Store) -> None:
    bus = Bus()
    deltas: list[StateDelta] = []
    health: list[HealthChanged] = []
    bus.subscribe(StateDelta, deltas.append)
    bus.subscribe(HealthChanged, health.append)
    engine = Engine(store, DISTRICT, [ButtonRule()], bus)
    engine.ingest(
        [
            ev("g1", T0, "gps.fix", "G1", lon=116.0, lat=39.0),
            ev("g2", T0 + 10, "gps.fix", "G1", lon=116.5, lat=39.5),
            ev("p1", T0 + 20),
        ]
    )
    [delta] = deltas
    assert delta.now_ts == T0 + 20
    assert [e.id for e in delta.events] == ["g1", "g2", "p1"]
    assert (delta.fixes["G1"].lon, delta.fixes["G1"].ts) == (116.5, T0 + 10)
    assert [a.subject for a in delta.alerts] == ["B1"]
    engine.ingest([ev("g1", T0, "gps.fix", "G1", lon=116.0, lat=39.0)])  # duplicate only: nothing new
    assert len(deltas) == 1

    class Health:  # any object with the declared HealthReport fields
        name, connected, received = "mqtt:test", False, 0

    report = Health()
    engine.report_health(report)
    assert engine.health == {"mqtt:test": report}
    assert health[0].health is report


def test_failing_subscriber_does_not_stop_the_pipeline(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    bus = Bus()

    def broken(delta: StateDelta) -> None:
        raise RuntimeError("panel bug")

    bus.subscribe(StateDelta, broken)
    engine = Engine(store, DISTRICT, [ButtonRule()], bus)
    assert engine.ingest([ev("p1", T0)]).accepted == 1
    assert "panel bug" in caplog.text
    assert len(store.alerts()) == 1


def test_small_batches_match_one_batch(tmp_path: Path) -> None:
    """Batch boundaries (ticks, dedupe, alert repeats across batches) do not change the outcome."""
    events: list[Event | Rejection] = []
    for i in range(200):
        kind = "door.open" if i % 3 else "alarm.button"
        events.append(ev(f"e{i}", T0 + i * 40_000, kind, f"X{i % 4}"))
        if i % 17 == 0:
            events.append(ev(f"e{i}", T0 + i * 40_000, kind, f"X{i % 4}"))  # redelivered
            events.append(Rejection("bad", "", i))
    outcomes = []
    for batch_size in (7, 10_000):
        store = open_store(tmp_path / f"b{batch_size}.db")
        silence = SilenceRule()
        engine = Engine(store, DISTRICT, [ButtonRule(), silence], batch_size=batch_size)
        result = engine.ingest(iter(events))
        alerts = sorted((a.id, a.count, a.last_ts) for a in store.alerts())
        outcomes.append((result.to_json(), alerts, silence.ticks, store.event_count()))
        store.close()
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0]["accepted"] == 200 and outcomes[0][0]["duplicates"] == 12


def test_unsubscribe_and_foreign_items(store: Store) -> None:
    bus = Bus()
    deltas: list[StateDelta] = []
    unsubscribe = bus.subscribe(StateDelta, deltas.append)
    engine = Engine(store, DISTRICT, [ButtonRule()], bus)
    engine.ingest([ev("p1", T0)])
    unsubscribe()
    result = engine.ingest([ev("p2", T0 + 1), "not an event"])  # type: ignore[list-item]
    assert len(deltas) == 1
    assert result.accepted == 1
    assert result.rejected == [{"line": None, "reason": "not an event: str"}]


class Recorder:
    """A stand-in for a rule by name: records what the engine routes to it."""

    def __init__(self, name: str, kinds: frozenset[str], history_ms: int | None = None) -> None:
        self.name, self.kinds, self.seen = name, kinds, []  # type: ignore[var-annotated]
        if history_ms is not None:
            self.history_ms = history_ms

    def on_event(self, event: Event) -> Iterable[Signal]:
        self.seen.append(event.id)
        return ()

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return ()


def test_silent_bridge_raises_device_offline_on_its_pseudo_device(store: Store) -> None:
    from sandbox_app.engine.messages import BridgeHealth
    from sandbox_app.rules.device_offline import DeviceOffline

    engine = Engine(store, DISTRICT, [DeviceOffline(DISTRICT, {"bridge_heartbeat_s": 60, "factor": 2})])
    engine.advance_to(T0)
    engine.report_health(BridgeHealth("mqtt:a", True, None, 0, 0, None))  # connected: a heartbeat
    engine.report_health(BridgeHealth("http:b", False, None, 0, 0, None))  # never up: not watched
    engine.advance_to(T0 + 60_000)
    engine.report_health(BridgeHealth("mqtt:a", False, T0, 10, 0, None))  # delivered a batch: a heartbeat
    engine.advance_to(T0 + 60_000 + 120_000)  # exactly at the deadline: not yet
    assert store.alerts() == []
    engine.advance_to(T0 + 60_000 + 120_001)
    [alert] = store.alerts()
    assert (alert.rule, alert.subject, alert.data["bridge"]) == ("device_offline", "bridge:mqtt:a", "mqtt:a")
    assert store.event_count() == 0  # heartbeats are never stored


def test_flagged_fixes_reach_the_liveness_rule_too(store: Store) -> None:
    liveness = Recorder("any_name", frozenset({"gps.fix", "alarm.button"}))
    liveness.sees_flagged = True  # type: ignore[attr-defined]  # the declared capability, not the name
    flagger, watcher = SpeedFlagger(), FixWatcher()
    engine = Engine(store, DISTRICT, [flagger, watcher, liveness])
    engine.ingest([ev("f1", T0, "gps.fix", "G1", lon=179.0, lat=39.0), ev("f2", T0 + 1, "gps.fix", "G1")])
    assert liveness.seen == ["f1", "f2"] and flagger.events == ["f1", "f2"]
    assert watcher.events == ["f2"]


def test_a_rule_is_not_special_by_its_name(store: Store) -> None:
    """Seeing flagged events and hearing bridges are capabilities a rule declares; a rule that merely
    calls itself "device_offline" gets neither."""
    from sandbox_app.bridges.health import BridgeHealth

    namesake = Recorder("device_offline", frozenset({"gps.fix"}))
    engine = Engine(store, DISTRICT, [SpeedFlagger(), namesake])
    engine.ingest([ev("f1", T0, "gps.fix", "G1", lon=179.0, lat=39.0), ev("f2", T0 + 1, "gps.fix", "G1")])
    engine.report_health(BridgeHealth("mqtt:a", True, None, 0, 0, None))
    engine.advance_to(T0 + 10 * MIN)
    assert namesake.seen == ["f2"]


def test_a_declared_liveness_rule_hears_bridges(store: Store) -> None:
    from sandbox_app.bridges.health import BridgeHealth

    class BridgeWatch(Recorder):
        def __init__(self) -> None:
            super().__init__("bridge_watch", frozenset())
            self.heard: list[tuple[str, int]] = []

        def bridge_heard(self, name: str, ts: int) -> None:
            self.heard.append((name, ts))

    rule = BridgeWatch()
    engine = Engine(store, DISTRICT, [rule])
    engine.advance_to(T0)
    engine.report_health(BridgeHealth("mqtt:a", True, None, 0, 0, None))
    engine.advance_to(T0 + MIN)
    assert rule.heard == [("mqtt:a", T0), ("mqtt:a", T0 + MIN)]


def test_warm_up_replays_long_memory_kinds_further_back(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    first = open_store(db)
    day = 24 * HOUR
    Engine(first, DISTRICT, []).ingest(
        [
            ev("old-lock", T0 - 5 * day, "lock.open", "L1", data={"credential": "C"}),
            ev("old-door", T0 - 5 * day + 1, "door.open", "M1"),
            ev("too-old", T0 - 11 * day, "lock.open", "L1", data={"credential": "C"}),
            ev("new-lock", T0 - HOUR, "lock.open", "L1", data={"credential": "C"}),
            ev("new-door", T0, "door.open", "M1"),
        ]
    )
    first.close()
    second = open_store(db)
    long = Recorder("rental", frozenset({"lock.open"}), history_ms=10 * day)
    short = Recorder("door", frozenset({"door.open"}))
    Engine(second, DISTRICT, [long, short])
    assert long.seen == ["old-lock", "new-lock"]
    assert short.seen == ["new-door"]
    second.close()


def test_callers_on_many_threads_are_serialised(tmp_path: Path) -> None:
    import threading

    store = open_store(tmp_path / "t.db")
    rule = ButtonRule()
    engine = Engine(store, DISTRICT, [rule, SilenceRule()])
    errors: list[BaseException] = []

    def feed(worker: int) -> None:
        try:
            for i in range(20):
                engine.ingest(
                    [ev(f"w{worker}-{i}-{j}", T0 + i * 1000 + j, device=f"B{worker}") for j in range(25)]
                )
                engine.advance_to(T0 + i * 1000)

                class Health:
                    name, connected, received = f"bridge{worker}", True, i

                engine.report_health(Health())
        except BaseException as exc:  # any failure in a thread fails the test
            errors.append(exc)

    threads = [threading.Thread(target=feed, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.event_count() == 4 * 20 * 25
    assert len(rule.seen) == 2000
    assert sorted(a.count for a in store.alerts() if a.rule == "alarm_button") == [500] * 4
    store.close()


def test_each_batch_is_let_go_before_the_gc_runs_again(store: Store) -> None:
    """A batch still referenced between batches would cost a generation-0 GC scan of all its events."""
    engine = Engine(store, DISTRICT, [ButtonRule()])
    seen: list[tuple[bool, int]] = []

    def batches() -> Iterable[list[Event | Rejection]]:
        for k in range(3):
            batch: list[Event | Rejection] = [ev(f"b{k}-{i}", T0 + k * MIN + i) for i in range(3)]
            yield batch
            seen.append((gc.isenabled(), sys.getrefcount(batch)))  # resumed: the engine pulls the next

    result = engine.ingest_batches(batches())
    assert result.accepted == 9
    assert seen == [(False, 2)] * 3  # pulled with the GC held; only this frame and getrefcount hold it


def test_a_connected_bridge_is_alive_through_a_long_batch_and_from_before_the_first_event(
    store: Store,
) -> None:
    """A bridge that connects while the clock is still at 0 is heard from the first event's minute on
    (not from 1970), and one batch spanning many minutes (a fast simulator, a backlog) does not make it
    look silent before its health report after the batch."""
    from sandbox_app.engine.messages import BridgeHealth
    from sandbox_app.rules.device_offline import DeviceOffline

    engine = Engine(store, DISTRICT, [DeviceOffline(DISTRICT, {"bridge_heartbeat_s": 60, "factor": 2})])
    engine.report_health(BridgeHealth("sim", True, None, 0, 0, None))  # engine clock still 0
    engine.ingest([ev(f"e{i}", T0 + i * MIN + 5, "door.open", "D1") for i in range(30)])
    assert [a.subject for a in engine.open_alerts() if a.subject.startswith("bridge:")] == []
    engine.report_health(BridgeHealth("sim", True, T0, 30, 0, None))
    engine.ingest([ev(f"f{i}", T0 + (30 + i) * MIN + 5, "door.open", "D1") for i in range(30)])
    assert [a.subject for a in engine.open_alerts() if a.subject.startswith("bridge:")] == []
    engine.report_health(BridgeHealth("sim", False, T0, 60, 0, None))  # gone: silent from now on
    last = T0 + 59 * MIN + 5
    engine.advance_to(last + 120_000)
    assert [a.subject for a in engine.open_alerts() if a.subject.startswith("bridge:")] == []
    engine.advance_to(last + 121_000)
    [alert] = [a for a in engine.open_alerts() if a.subject == "bridge:sim"]
    assert alert.data["silent_since_ts"] >= T0 + 59 * MIN  # heard up to its disconnection, never 1970
