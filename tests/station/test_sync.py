"""Two stations on one PostgreSQL and one mosquitto: each sees the other's alert acknowledgements, dispatches
and feedback within a second; the same guard cannot be dispatched twice; a station that was offline (its
sync stopped, or the broker down) catches up from the store when it is back."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.engine.bus import Bus
from sandbox_app.engine.messages import RemoteChanges, RemoteEvents, StateDelta
from sandbox_app.engine.pipeline import CLOCK_META, Engine
from sandbox_app.station.sync import Broker, EngineMirror, EventFanout, StationSync, parse_broker
from sandbox_app.store.postgres import PostgresStore
from tests.servers import Mosquitto, ram_broker, require_mosquitto
from tests.store.test_store import _district
from tests.support import wait_until

T0 = 1_767_225_600_000  # 2026-01-01
LATENCY_S = 1.0


@pytest.fixture
def broker() -> Iterator[Mosquitto]:
    require_mosquitto()
    with ram_broker() as server:
        yield server


class Station:
    """What a desktop client holds: its store connection, engine, dispatch desk and sync."""

    def __init__(self, name: str, url: str, broker: Mosquitto) -> None:
        self.name = name
        self.store = PostgresStore(url, station=name)
        self.bus = Bus()
        self.engine = Engine(self.store, _district(), [], self.bus)
        self.desk = DispatchDesk(self.store, _district())
        self.lock = threading.Condition()
        self.alert_states: dict[str, AlertState] = {}
        self.dispatches: dict[str, tuple[DispatchState, str | None]] = {}
        self.bus.subscribe(StateDelta, self._on_delta)
        self.bus.subscribe(RemoteChanges, self._on_remote)
        self.sync = StationSync(
            lambda: PostgresStore(url, station=name),
            Broker(port=broker.port),
            name,
            EngineMirror(self.engine, self.desk),
            poll_s=60,  # long: the tests must pass on the MQTT nudge and the reconnect, not on polling
        )
        self.store.add_change_listener(self.sync.notify)

    def _on_delta(self, delta: StateDelta) -> None:
        with self.lock:
            self.alert_states.update((a.id, a.state) for a in delta.alerts)
            self.lock.notify_all()

    def _on_remote(self, changes: RemoteChanges) -> None:
        with self.lock:
            self.dispatches.update((d.id, (d.state, d.feedback)) for d in changes.dispatches)
            self.lock.notify_all()

    def wait_for(self, check: Callable[[], bool], timeout_s: float = LATENCY_S) -> float:
        """Seconds until `check` held (under the lock); fails the test after `timeout_s`."""
        start = time.monotonic()
        with self.lock:
            assert self.lock.wait_for(check, timeout_s), f"{self.name} did not see it in {timeout_s} s"
        return time.monotonic() - start

    def start(self) -> None:
        self.sync.start()
        assert self.sync.wait_ready(10), f"{self.name}: sync never connected"

    def close(self) -> None:
        self.sync.stop()
        self.store.close()


@pytest.fixture
def stations(postgres_store_url: str, broker: Mosquitto) -> Iterator[tuple[Station, Station]]:
    seed = PostgresStore(postgres_store_url)
    seed.replace_district(_district())
    seed.set_meta(CLOCK_META, str(T0))
    seed.upsert_alerts([_alert("A1", T0 - 60_000), _alert("A2", T0 - 30_000)])
    seed.close()
    a, b = Station("st-a", postgres_store_url, broker), Station("st-b", postgres_store_url, broker)
    a.start()
    b.start()
    yield a, b
    a.close()
    b.close()


def _alert(aid: str, ts: int) -> Alert:
    return Alert(
        aid, "smoke_alarm", f"R-{aid}", "room", Severity.HIGH, AlertState.OPEN, ts, ts, lon=116.0, lat=39.0
    )


def test_parse_broker() -> None:
    assert parse_broker("mqtt://10.0.0.5:1884") == Broker("10.0.0.5", 1884)
    assert parse_broker("mqtts://op%40st:pw@mq.example") == Broker("mq.example", 8883, "op@st", "pw", True)
    assert parse_broker("localhost") == Broker("localhost", 1883)
    with pytest.raises(ValueError):
        parse_broker("http://x")


def test_acknowledgement_dispatch_and_feedback_reach_the_other_station_within_a_second(
    stations: tuple[Station, Station],
) -> None:
    a, b = stations
    a.engine.transition_alert("A1", AlertState.ACKNOWLEDGED, "测试甲")
    b.wait_for(lambda: b.alert_states.get("A1") is AlertState.ACKNOWLEDGED)
    found = b.engine.book.find("A1")
    assert found is not None and found.history[-1].actor == "测试甲"

    alert = a.engine.book.find("A1")
    assert alert is not None
    outcome = a.desk.dispatch(alert, ["G1"], "cmdr-a", T0 + 1000)
    (d,) = outcome.created
    b.wait_for(lambda: d.id in b.dispatches)
    assert b.desk.busy_guards() == {"G1"}
    refused = b.desk.dispatch(alert, ["G1"], "cmdr-b", T0 + 2000)  # b's desk knows: G1 is taken
    assert refused.created == [] and refused.busy[0].holder == d.id

    for state, ts, note in [
        (DispatchState.ACCEPTED, 3000, ""),
        (DispatchState.ON_SCENE, 4000, ""),
        (DispatchState.HANDLED, 5000, ""),
        (DispatchState.FEEDBACK, 6000, "误报：烤面包"),
    ]:
        a.desk.report(d.id, state, "G1", T0 + ts, note)
    b.wait_for(lambda: b.dispatches.get(d.id) == (DispatchState.FEEDBACK, "误报：烤面包"))
    assert b.desk.busy_guards() == frozenset()  # handled: the guard is free again everywhere

    b.engine.transition_alert("A2", AlertState.DISMISSED, "测试乙", "duplicate")  # and the other way round
    a.wait_for(lambda: a.alert_states.get("A2") is AlertState.DISMISSED)
    assert [x.id for x in a.engine.open_alerts()] == ["A1"]


def _watch(broker: Mosquitto, topic: str) -> tuple[threading.Event, Callable[[], None]]:
    """Set once a message on `topic` reached an online subscriber: the moment an offline station would
    have had it too (a condition instead of a guessed sleep before asserting it did not)."""
    import paho.mqtt.client as mqtt
    from paho.mqtt.enums import CallbackAPIVersion

    got, subscribed = threading.Event(), threading.Event()
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="test-watcher")
    client.on_subscribe = lambda *_: subscribed.set()
    client.on_message = lambda *_: got.set()
    client.connect("127.0.0.1", broker.port)
    client.subscribe(topic, qos=1)
    client.loop_start()
    assert subscribed.wait(LATENCY_S), "the watcher could not subscribe"

    def close() -> None:
        client.disconnect()
        client.loop_stop()

    return got, close


def test_a_station_that_was_offline_catches_up_on_reconnect(
    stations: tuple[Station, Station], broker: Mosquitto
) -> None:
    a, b = stations
    b.sync.stop()  # b goes offline
    nudged, close_watcher = _watch(broker, a.sync.topic)
    a.engine.transition_alert("A1", AlertState.ACKNOWLEDGED, "测试甲")
    alert = a.engine.book.find("A1")
    assert alert is not None
    (d,) = a.desk.dispatch(alert, ["G1"], "cmdr-a", T0 + 1000).created
    assert nudged.wait(LATENCY_S), "a's nudges reached the broker's online subscribers"
    close_watcher()
    with b.lock:
        assert "A1" not in b.alert_states and d.id not in b.dispatches  # really offline
    b.start()  # back: reads the feed from where it left off
    b.wait_for(lambda: b.alert_states.get("A1") is AlertState.ACKNOWLEDGED and d.id in b.dispatches)

    broker.stop()  # now the broker is away while a station works
    a.engine.transition_alert("A2", AlertState.ACKNOWLEDGED, "测试甲")
    broker.start()  # same port: paho reconnects on its own and the reconnect reads the feed
    b.wait_for(lambda: b.alert_states.get("A2") is AlertState.ACKNOWLEDGED, timeout_s=20)


def test_live_events_fan_out_to_the_other_station(broker: Mosquitto) -> None:
    got: list[RemoteEvents] = []
    arrived = threading.Event()

    def receive(remote: RemoteEvents) -> None:
        got.append(remote)
        arrived.set()

    sender = EventFanout(Broker(port=broker.port), "st-a", receive)  # hears only others, never itself
    receiver = EventFanout(Broker(port=broker.port), "st-b", receive)
    for f in (sender, receiver):
        f.start()
        assert f.wait_ready(10)
    fix = Event("e1", T0, "GPS-1", "gps.fix", 116.0, 39.0, {"speed": 1.5})
    sender.on_delta(StateDelta(T0, [fix]))
    assert arrived.wait(LATENCY_S)
    # b answers only after it had a's fix, so the broker took a's fix first: had the sender heard itself,
    # that copy would reach it before b's answer (a condition instead of a sleep before "nothing more")
    answer = Event("e2", T0 + 1, "GPS-2", "gps.fix", 116.1, 39.1, {"speed": 1.0})
    receiver.on_delta(StateDelta(T0 + 1, [answer]))
    wait_until(lambda: any(r.station == "st-b" for r in got), LATENCY_S * 5, "b's answer at a")
    assert [(r.station, r.events) for r in got] == [("st-a", (fix,)), ("st-b", (answer,))]
    for f in (sender, receiver):
        f.stop()


def test_city_options_parse_store_and_broker() -> None:
    import argparse

    from sandbox_app.station.sync import add_city_options
    from sandbox_app.store import store_spec

    parser = argparse.ArgumentParser()
    add_city_options(parser)
    args = parser.parse_args(["--store", "postgresql://u@db:5432/city", "--broker", "mqtt://mq:1884"])
    assert (args.store, args.broker, args.station) == (
        "postgresql://u@db:5432/city",
        Broker("mq", 1884),
        None,
    )
    assert parser.parse_args(["--store", "out/x.db"]).store == Path("out/x.db")
    assert store_spec("postgres://h/db") == "postgres://h/db"


def test_two_live_sessions_share_acknowledgements_and_dispatches(
    postgres_store_url: str, broker: Mosquitto
) -> None:
    """The desktop's own session object, twice, joined through `CityLink` (no simulator: watch mode)."""
    from sandbox_app.engine.messages import DispatchUpdate
    from sandbox_app.station.live import LiveOptions, LiveSession
    from sandbox_app.station.sync import CityLink

    seed = PostgresStore(postgres_store_url)
    seed.replace_district(_district())
    seed.set_meta(CLOCK_META, str(T0))
    seed.upsert_alerts([_alert("A1", T0 - 60_000)])
    seed.close()
    seen: dict[str, list[object]] = {"a": [], "b": []}
    arrived = threading.Condition()
    sessions = {}
    for name in ("a", "b"):
        link = CityLink(postgres_store_url, Broker(port=broker.port), f"st-{name}", poll_s=60)
        options = LiveOptions(simulate=False, tick_s=0.05, coverage_minutes=0)
        session = LiveSession(_district(), link.open_store, options)
        link.attach(session)

        def record(message: object, bucket: list[object] = seen[name]) -> None:
            with arrived:
                bucket.append(message)
                arrived.notify_all()

        session.bus.subscribe(StateDelta, record)
        session.bus.subscribe(DispatchUpdate, record)
        session.start()
        sessions[name] = (session, link)
    try:
        for _session, link in sessions.values():
            assert link.sync.wait_ready(10)
        a, b = sessions["a"][0], sessions["b"][0]
        a.transition("A1", AlertState.ACKNOWLEDGED, "测试甲").result(10)

        def b_saw_ack() -> bool:
            return any(
                isinstance(m, StateDelta)
                and any(x.id == "A1" and x.state is AlertState.ACKNOWLEDGED for x in m.alerts)
                for m in seen["b"]
            )

        with arrived:
            assert arrived.wait_for(b_saw_ack, LATENCY_S)
        outcome = a.dispatch("A1", ["G1"], "cmdr-a").result(10)
        (d,) = outcome.created

        def b_saw_dispatch() -> bool:
            return any(
                isinstance(m, DispatchUpdate) and d.id in {x.id for x in m.dispatches} for m in seen["b"]
            )

        with arrived:
            assert arrived.wait_for(b_saw_dispatch, LATENCY_S)
        assert b.dispatch("A1", ["G1"], "cmdr-b").result(10).busy[0].holder == d.id
    finally:
        for session, _link in sessions.values():
            session.stop()
        assert all(s.error is None for s, _ in sessions.values()), [s.error for s, _ in sessions.values()]
