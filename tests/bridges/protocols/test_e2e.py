"""End to end over real sockets on 127.0.0.1: an OsmAnd phone (HTTP GET and POST) and a JT/T 808 terminal
(TCP: register, authenticate, report) move their guards in the engine; a dispatch then reaches the
terminal as a 0x8300 text on its connection and the phone's guard on its MQTT order topic."""

from __future__ import annotations

import socket
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from sandbox_app.bridges.jt808 import codec as jt808
from sandbox_app.bridges.jt808.server import Jt808OrderSender, Jt808Server, auth_code
from sandbox_app.bridges.orders import MqttOrderSender
from sandbox_app.bridges.osmand.server import OsmAndServer
from sandbox_app.bridges.trackers.bridge import ListenSettings, TrackerDirectory
from sandbox_app.bridges.transport.mqtt_link import MqttSettings
from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import AlertState, GuardRole, Severity
from sandbox_app.domain.model import Device, District, Guard
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.messages import StateDelta
from sandbox_app.engine.pipeline import Engine
from sandbox_app.store.base import Fix
from sandbox_app.store.sqlite import SqliteStore
from tests.bridges.test_orders import Phone
from tests.servers import Mosquitto, needs_mosquitto
from tests.support import wait_until

PHONE_NO = "013800000002"
"""The JT/T 808 terminal's phone number, registered in the district's devices table (`phone` column)."""


def district() -> District:
    d = District("e2e", "Asia/Shanghai")
    d.devices["GPS-00001"] = Device("GPS-00001", "gps_tracker", "测试甲手机", Placement.POINT)
    d.devices["GPS-00002"] = Device(
        "GPS-00002", "gps_tracker", "测试乙终端", Placement.POINT, extra={"phone": PHONE_NO}
    )
    d.guards["GD001"] = Guard("GD001", "测试甲", GuardRole.SECURITY, "GPS-00001")
    d.guards["GD002"] = Guard("GD002", "测试乙", GuardRole.SECURITY, "GPS-00002")
    return d


class Terminal:
    """A JT/T 808 terminal: a socket, a serial counter, and the frames the platform sent back."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.serial = 0
        self.splitter = jt808.FrameSplitter()
        self.inbox: list[tuple[jt808.Header, bytes]] = []

    def send(self, msg_id: int, body: bytes = b"") -> int:
        self.serial += 1
        self.sock.sendall(jt808.encode_message(msg_id, PHONE_NO, self.serial, body))
        return self.serial

    def receive(self, msg_id: int) -> tuple[jt808.Header, bytes]:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for i, (header, _body) in enumerate(self.inbox):
                if header.msg_id == msg_id:
                    return self.inbox.pop(i)
            for frame in self.splitter.feed(self.sock.recv(4096)):
                self.inbox.append(jt808.decode_platform(frame))
        raise AssertionError(f"no 0x{msg_id:04x} from the platform")

    def close(self) -> None:
        self.sock.close()


def location_body(lat: float, lon: float, bcd_time: str) -> bytes:
    """0x0200: no alarm, ACC on + fixed, north/east, 45 m, 12.0 km/h, course 90, then 9 satellites."""
    return (
        (0).to_bytes(4, "big")
        + (0b11).to_bytes(4, "big")
        + round(lat * 1e6).to_bytes(4, "big")
        + round(lon * 1e6).to_bytes(4, "big")
        + (45).to_bytes(2, "big")
        + (120).to_bytes(2, "big")
        + (90).to_bytes(2, "big")
        + bytes.fromhex(bcd_time)
        + bytes([0x31, 1, 9])
    )


@pytest.fixture
def workdir() -> Iterator[Path]:
    ram = Path("/dev/shm")
    with tempfile.TemporaryDirectory(dir=ram if ram.is_dir() else None) as path:
        yield Path(path)


@needs_mosquitto
def test_phone_and_terminal_move_guards_and_receive_orders(tmp_path: Path, workdir: Path) -> None:
    dist = district()
    store = SqliteStore(tmp_path / "e2e.db")
    engine = Engine(store, dist, [])
    fixes: dict[str, Fix] = {}
    engine.bus.subscribe(StateDelta, lambda delta: fixes.update(delta.fixes))
    directory = TrackerDirectory.from_district(dist)
    clock = WallClock()
    local = ListenSettings(host="127.0.0.1", port=0)
    osm = OsmAndServer(local, directory, engine.ingest, clock)
    jt = Jt808Server(local, directory, engine.ingest, clock)
    broker = Mosquitto(workdir)
    broker.start()
    mqtt_sender = MqttOrderSender(MqttSettings(port=broker.port, client_id="e2e-orders"), "st1")
    phone: Phone | None = None
    terminal: Terminal | None = None
    osm.start()
    jt.start()
    mqtt_sender.start()
    try:
        base = f"http://127.0.0.1:{osm.address[1]}/"
        now_s = int(time.time())
        # the phone: a GET, then a POST form a second later (Traccar Client sends either)
        query = {"id": "GPS-00001", "lat": 40.0031, "lon": 116.3512, "timestamp": now_s - 60, "speed": 2.0}
        r = requests.get(base, params={**query, "bearing": 270, "batt": 84}, timeout=5)
        assert r.status_code == 200, r.text
        r = requests.post(base, data={"id": "GPS-00001", "lat": 40.0035, "lon": 116.3520,
                                      "timestamp": now_s - 59}, timeout=5)  # fmt: skip
        assert r.status_code == 200, r.text
        assert requests.get(base, params={"id": "stranger", "lat": 1, "lon": 1}, timeout=5).status_code == 400
        assert fixes["GPS-00001"] == Fix("GPS-00001", (now_s - 59) * 1000, 116.3520, 40.0035)

        # the terminal: register → 0x8100 with a code, authenticate → 0x8001, report → 0x8001
        terminal = Terminal(jt.address[1])
        serial = terminal.send(
            jt808.REGISTER, bytes(4) + b"SANDB" + b"T1".ljust(20, b"\0") + b"0000001" + b"\x01"
        )
        header, body = terminal.receive(jt808.REGISTER_RESPONSE)
        assert body[:3] == serial.to_bytes(2, "big") + b"\x00" and body[3:].decode() == auth_code(PHONE_NO)
        serial = terminal.send(jt808.AUTH, body[3:])
        assert terminal.receive(jt808.PLATFORM_RESPONSE)[1] == serial.to_bytes(2, "big") + b"\x01\x02\x00"
        terminal.sock.sendall(b"\x7e\x01\x02\x7d\x05\x7e")  # a malformed frame: counted, connection kept
        stamp = time.strftime("%y%m%d%H%M%S", time.gmtime(now_s - 30 + 8 * 3600))  # terminals send GMT+8
        serial = terminal.send(jt808.LOCATION, location_body(40.0061, 116.3555, stamp))
        assert terminal.receive(jt808.PLATFORM_RESPONSE)[1] == serial.to_bytes(2, "big") + b"\x02\x00\x00"
        assert fixes["GPS-00002"] == Fix("GPS-00002", (now_s - 30) * 1000, 116.3555, 40.0061)
        assert jt.health.rejected == 1 and "bad escape" in (jt.health.last_rejection or "")
        assert store.last_fixes(now_s * 1000)["GPS-00002"].lat == pytest.approx(40.0061)

        # a dispatch to both guards: the terminal gets 0x8300 text, the phone its MQTT topic
        assert mqtt_sender.wait_connected(10)
        phone = Phone(broker.port, "sandbox/st1/orders/GPS-00001", "phone-gd001")
        desk = DispatchDesk(store, dist, send_order=Jt808OrderSender(jt, fallback=mqtt_sender))
        alert = Alert("alarm_button:AB-1:1", "alarm_button", "AB-1", "device", Severity.CRITICAL,
                      AlertState.OPEN, now_s * 1000, now_s * 1000, lon=116.3530, lat=40.0040)  # fmt: skip
        outcome = desk.dispatch(alert, ["GD001", "GD002"], "值班员A", now_s * 1000)
        assert all(d.order_error == "" for d in outcome.created), [d.order_error for d in outcome.created]
        header, body = terminal.receive(jt808.TEXT)
        text = jt808.decode_text(body)
        d2 = next(d for d in outcome.created if d.guard_id == "GD002")
        assert text.flags & jt808.TEXT_DISPLAY and d2.id in text.text and "40.00400,116.35300" in text.text
        terminal.sock.sendall(
            jt808.encode_message(
                jt808.TERMINAL_RESPONSE, PHONE_NO, 9, header.serial.to_bytes(2, "big") + b"\x83\x00\x00"
            )
        )
        wait_until(lambda: jt.confirmed("GPS-00002", header.serial), 5, "the terminal's 0x0001")
        wait_until(lambda: phone is not None and len(phone.got) == 1, 10, "the phone's order")
        topic, order, _ = phone.got[0]
        assert (topic, order.guard, order.lat, order.lon) == (
            "sandbox/st1/orders/GPS-00001",
            "GD001",
            40.0040,
            116.3530,
        )
    finally:
        if phone is not None:
            phone.close()
        if terminal is not None:
            terminal.close()
        mqtt_sender.stop()
        osm.stop()
        jt.stop()
        broker.stop()
        store.close()
