"""Guards' replies from real phones over a real mosquitto: the runner's `[orders]` section subscribes
`sandbox/<station>/replies/+`, and each reply reaches the dispatch desk through its engine rule (the path
simulated guards' replies take). Malformed and foreign replies are counted with reasons, a repeated reply
is harmless, and a reply not yet applied when the station stops is delivered again (at-least-once)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from sandbox_app.bridges.config import load_bridges
from sandbox_app.bridges.orders import Reply, encode_reply, reply_topic
from sandbox_app.bridges.replies import MqttReplySubscriber
from sandbox_app.bridges.runner import Bridges
from sandbox_app.dispatch.engine_hook import DeskRule
from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.pipeline import Engine
from sandbox_app.store.sqlite import SqliteStore
from tests.bridges.protocols.test_e2e import district
from tests.bridges.test_orders import Phone, wait_until
from tests.bridges.test_serve import broker
from tests.servers import Mosquitto, needs_mosquitto

pytestmark = needs_mosquitto
__all__ = ["broker"]  # the fixture, imported for its name
S = DispatchState


def now_ms() -> int:
    return WallClock().now_ms()


class Station:
    """What `sandbox-app serve` wires: store, desk (orders through the runner), the desk's engine rule
    taking the runner's replies, the engine, the runner; `tick()` is serve's once-a-second clock step."""

    def __init__(self, db: Path, config: Path) -> None:
        self.store = SqliteStore(db)
        self.district = district()
        holder: list[Bridges] = []
        self.desk = DispatchDesk(self.store, self.district, send_order=lambda o: holder[0].send_order(o))
        rule = DeskRule(self.desk, lambda until: holder[0].replies(until, self.desk) if holder else ())
        self.engine = Engine(self.store, self.district, [rule])
        self.bridges = Bridges(
            load_bridges(config), self.district, self.engine.ingest, WallClock(), self.engine.report_health
        )
        holder.append(self.bridges)
        self.bridges.start()
        assert self.subscriber.wait_ready(10), "reply subscriber never subscribed"

    @property
    def subscriber(self) -> MqttReplySubscriber:
        found = self.bridges.reply_subscriber
        assert found is not None
        return found

    def tick(self) -> None:
        self.engine.advance_to(now_ms())

    def dispatch(self, guard: str) -> Dispatch:
        ts = now_ms()
        alert = Alert(
            f"smoke_alarm:B1:{ts}", "smoke_alarm", "B1", "building", Severity.HIGH, AlertState.OPEN, ts, ts,
            lon=116.353, lat=40.004,
        )  # fmt: skip
        (d,) = self.desk.dispatch(alert, [guard], "cmdr-a", ts).created
        return d

    def stored(self, dispatch_id: str) -> Dispatch:
        d = self.store.get_dispatch(dispatch_id)
        assert d is not None
        return d

    def close(self) -> None:
        self.bridges.stop()
        self.store.close()


class Replier:
    """The reply half of a phone: publishes raw payloads QoS 1 on any topic."""

    def __init__(self, port: int, client_id: str) -> None:
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv5)
        self.client.connect("127.0.0.1", port)
        self.client.loop_start()

    def send(self, topic: str, payload: bytes) -> None:
        self.client.publish(topic, payload, qos=1).wait_for_publish(5)

    def reply(self, device: str, reply: Reply) -> None:
        self.send(reply_topic("st1", device), encode_reply(reply))

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def write_config(path: Path, port: int) -> Path:
    path.write_text(
        f'[orders]\nurl = "mqtt://127.0.0.1:{port}"\nstation = "st1"\nclient_id = "station-orders"\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture
def station(tmp_path: Path, broker: Mosquitto) -> Iterator[Station]:
    s = Station(tmp_path / "station.db", write_config(tmp_path / "bridges.toml", broker.port))
    try:
        yield s
    finally:
        s.close()


def applied(station: Station, dispatch_id: str, state: DispatchState) -> bool:
    station.tick()
    return station.stored(dispatch_id).step_ts(state) is not None


def test_a_phone_takes_its_order_and_reports_every_step(station: Station, broker: Mosquitto) -> None:
    phone = Phone(broker.port, "sandbox/st1/orders/GPS-00001", "phone-1")
    replier = Replier(broker.port, "phone-1-up")
    try:
        d = station.dispatch("GD001")
        wait_until(lambda: len(phone.got) == 1, 10, "the order on the phone")
        assert phone.got[0][1].dispatch_id == d.id
        sent: list[tuple[str, int]] = []
        for state, note, photo in [
            ("accepted", "", None),
            ("on_scene", "", None),
            ("handled", "fire blanket used", None),
            ("feedback", "all clear, pan fire", "photos/1.jpg"),
        ]:
            time.sleep(0.005)  # distinct phone times
            ts = now_ms()
            replier.reply("GPS-00001", Reply(d.id, "GD001", state, ts, note, photo))
            sent.append((state, ts))
            wait_until(lambda s=state: applied(station, d.id, S(s)), 10, f"{state} in the store")
        stored = station.stored(d.id)
        assert [(str(step.state), step.ts) for step in stored.history[1:]] == sent
        assert [step.actor for step in stored.history[1:]] == ["GD001"] * 4
        assert stored.feedback == "all clear, pan fire" and stored.photo == "photos/1.jpg"
        assert stored.accepted_ts is not None and stored.on_scene_ts is not None
        assert d.issued_ts <= stored.accepted_ts <= stored.on_scene_ts
        assert station.desk.busy_guards() == frozenset()  # handled frees the guard
        stats = station.subscriber.stats
        assert (stats.received, stats.applied, stats.duplicates, stats.rejected) == (4, 4, 0, 0)
        assert station.subscriber.waiting == 0
    finally:
        phone.close()
        replier.close()


def test_bad_foreign_and_repeated_replies_are_counted_never_applied(
    station: Station, broker: Mosquitto
) -> None:
    replier = Replier(broker.port, "phone-x")
    try:
        d = station.dispatch("GD001")
        accepted = Reply(d.id, "GD001", "accepted", now_ms())
        replier.reply("GPS-00001", accepted)
        wait_until(lambda: applied(station, d.id, S.ACCEPTED), 10, "accepted")
        replier.reply("GPS-00001", accepted)  # a redelivery, or the phone's retry
        replier.send(reply_topic("st1", "GPS-00001"), b"{nope")
        replier.reply("GPS-00001", Reply("D-nope", "GD001", "accepted", now_ms()))
        replier.reply("GPS-99999", Reply(d.id, "GD001", "on_scene", now_ms()))  # not a guard's device
        replier.reply("GPS-00002", Reply(d.id, "GD001", "on_scene", now_ms()))  # another guard's phone
        replier.reply("GPS-00001", Reply(d.id, "GD001", "feedback", now_ms(), "skipped ahead"))
        stats = station.subscriber.stats
        wait_until(lambda: (station.tick(), stats.received == 7)[1], 10, "every reply handled")
        assert (stats.applied, stats.duplicates, stats.rejected) == (1, 1, 5)
        bad_json = [r for r in stats.reasons if r.startswith("sandbox/st1/replies/GPS-00001: invalid JSON")]
        next_ones = "it is accepted (next: cancelled, on_scene)"
        assert set(stats.reasons) - set(bad_json) == {
            "reply accepted from device GPS-00001: unknown dispatch D-nope",
            "sandbox/st1/replies/GPS-99999: device GPS-99999 carries no guard of this district",
            "sandbox/st1/replies/GPS-00002: device GPS-00002 is guard GD002's, not GD001's",
            f"reply feedback for dispatch {d.id} no longer applies: {next_ones}",
        }
        assert len(bad_json) == 1
        health = station.subscriber.health
        assert (health.name, health.received, health.rejected) == ("replies:station-orders-replies", 7, 5)
        assert health.last_rejection in stats.reasons
        stored = station.stored(d.id)
        assert [str(s.state) for s in stored.history] == ["issued", "accepted"]
        assert station.desk.busy_guards() == frozenset({"GD001"})
    finally:
        replier.close()


def test_a_reply_not_applied_before_a_stop_is_delivered_again(tmp_path: Path, broker: Mosquitto) -> None:
    """Acked only once applied: the broker keeps it in the station's persistent session."""
    config = write_config(tmp_path / "bridges.toml", broker.port)
    first = Station(tmp_path / "station.db", config)
    replier = Replier(broker.port, "phone-1-up")
    try:
        d = first.dispatch("GD001")
        replier.reply("GPS-00001", Reply(d.id, "GD001", "accepted", now_ms()))
        wait_until(lambda: first.subscriber.waiting == 1, 10, "the reply in the subscriber")
        assert first.stored(d.id).state is S.ISSUED
        first.close()  # before any tick: received, not applied, not acked
        second = Station(tmp_path / "station.db", config)
        try:
            wait_until(lambda: applied(second, d.id, S.ACCEPTED), 10, "the redelivered reply")
            assert (second.subscriber.stats.applied, second.subscriber.stats.received) == (1, 1)
        finally:
            second.close()
    finally:
        replier.close()


def test_live_session_applies_a_phones_reply(tmp_path: Path, broker: Mosquitto) -> None:
    """The GUI's session wires the same subscriber: order out, 'accepted' back, dispatch updated."""
    from sandbox_app.engine.messages import DispatchUpdate, LiveStarted
    from sandbox_app.station.live import LiveOptions, LiveSession

    db = tmp_path / "live.db"
    store = SqliteStore(db)
    ts = now_ms()
    alert = Alert(
        "smoke_alarm:B1:1", "smoke_alarm", "B1", "building", Severity.HIGH, AlertState.OPEN, ts, ts,
        lon=116.353, lat=40.004,
    )  # fmt: skip
    try:
        store.replace_district(district())
        store.upsert_alerts([alert])
    finally:
        store.close()
    config = write_config(tmp_path / "bridges.toml", broker.port)
    live = LiveSession(
        district(), lambda: SqliteStore(db), LiveOptions(simulate=False, tick_s=0.05, bridges=config)
    )
    started: list[LiveStarted] = []
    updates: list[DispatchUpdate] = []
    live.bus.subscribe(LiveStarted, started.append)
    live.bus.subscribe(DispatchUpdate, updates.append)
    phone = Phone(broker.port, "sandbox/st1/orders/GPS-00001", "phone-live")
    replier = Replier(broker.port, "phone-live-up")
    live.start()
    try:
        wait_until(lambda: bool(started) or not live.running, 30, "the session to start")
        assert live.error is None
        (d,) = live.dispatch(alert.id, ["GD001"], "cmdr-a").result(10).created
        wait_until(lambda: len(phone.got) == 1, 10, "the order on the phone")
        replier.reply("GPS-00001", Reply(d.id, "GD001", "accepted", now_ms()))

        def accepted() -> bool:
            return any(x.id == d.id and x.state is S.ACCEPTED for u in updates for x in u.dispatches)

        wait_until(accepted, 10, "the accepted dispatch on the bus")
    finally:
        live.stop()
        phone.close()
        replier.close()
