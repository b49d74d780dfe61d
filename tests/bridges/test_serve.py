"""Running real bridges from a bridges file: `sandbox-app serve` as a process, the `Bridges` runner's order
path, and a LiveSession with bridges. Real sockets on 127.0.0.1, a real mosquitto for orders."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import requests

from sandbox_app.bridges.config import load_bridges
from sandbox_app.bridges.jt808 import codec as jt808
from sandbox_app.bridges.runner import Bridges, BridgeStartError
from sandbox_app.domain.dispatch import Order
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.messages import BridgeHealth, HealthChanged, LiveStarted, StateDelta
from sandbox_app.engine.pipeline import Engine
from sandbox_app.station.live import LiveOptions, LiveSession
from sandbox_app.store.base import Fix
from sandbox_app.store.sqlite import SqliteStore
from tests.bridges.protocols.test_e2e import Terminal, district, location_body, wait_until
from tests.bridges.test_orders import Phone
from tests.servers import Mosquitto, free_port, needs_mosquitto, ram_broker, wait_for_port

REPO = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "import sys; from cli import main; sys.exit(main())"]
"""`sandbox-app` as a process (not `-m cli`, under which cli.py is imported twice)."""


def make_db(path: Path) -> Path:
    store = SqliteStore(path)
    try:
        store.replace_district(district())
    finally:
        store.close()
    return path


def terminal_reports(port: int, lat: float, lon: float, ts_s: int) -> None:
    """Register, authenticate and send one 0x0200 fix, checking the platform's answers."""
    terminal = Terminal(port)
    try:
        terminal.send(jt808.REGISTER, bytes(4) + b"SANDB" + b"T1".ljust(20, b"\0") + b"0000001" + b"\x01")
        _header, body = terminal.receive(jt808.REGISTER_RESPONSE)
        assert body[2] == 0, "registration refused"
        terminal.send(jt808.AUTH, body[3:])
        terminal.receive(jt808.PLATFORM_RESPONSE)
        stamp = time.strftime("%y%m%d%H%M%S", time.gmtime(ts_s + 8 * 3600))  # terminals send GMT+8
        serial = terminal.send(jt808.LOCATION, location_body(lat, lon, stamp))
        assert terminal.receive(jt808.PLATFORM_RESPONSE)[1] == serial.to_bytes(2, "big") + b"\x02\x00\x00"
    finally:
        terminal.close()


def test_serve_runs_osmand_and_jt808_until_sigterm(tmp_path: Path) -> None:
    db = make_db(tmp_path / "station.db")
    osm_port, jt_port = free_port(), free_port()
    config = tmp_path / "bridges.toml"
    config.write_text(
        f'[osmand]\nhost = "127.0.0.1"\nport = {osm_port}\n\n[jt808]\nhost = "127.0.0.1"\nport = {jt_port}\n',
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [*CLI, "serve", "--db", str(db), "--bridges", str(config)]
    proc = subprocess.Popen(
        [*cmd, "--status-every", "0.3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO
    )
    try:
        wait_for_port(osm_port, 30)
        wait_for_port(jt_port, 10)
        now_s = int(time.time())
        query = {"id": "GPS-00001", "lat": 40.0031, "lon": 116.3512, "timestamp": now_s - 60}
        r = requests.get(f"http://127.0.0.1:{osm_port}/", params=query, timeout=5)
        assert r.status_code == 200, r.text
        assert requests.get(f"http://127.0.0.1:{osm_port}/", params={"id": "nobody", "lat": 1, "lon": 1},
                            timeout=5).status_code == 400  # fmt: skip
        terminal_reports(jt_port, 40.0061, 116.3555, now_s - 30)
        time.sleep(0.8)  # at least one status line after the traffic
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    text, errors = out.decode(), err.decode()
    assert proc.returncode == 0, errors
    assert "Traceback" not in errors and "Traceback" not in text
    assert f"osmand on 127.0.0.1:{osm_port}" in text and f"jt808 on 127.0.0.1:{jt_port}" in text
    last = [line for line in text.splitlines() if line.startswith("serve: events in")][-1]
    assert last.endswith("(stopped)")
    assert f"osmand:{osm_port} down in=2 rej=1" in last and f"jt808:{jt_port} down" in last
    assert "unknown tracker id 'nobody'" in last
    at = str(now_s * 1000)
    state = subprocess.run(
        [*CLI, "state", "--db", str(db), "--at", at, "--json"],
        capture_output=True, env=env, cwd=REPO, check=True, timeout=60,
    )  # fmt: skip
    guards = orjson.loads(state.stdout)["guards"]
    assert guards["GD001"] == {"lon": 116.3512, "lat": 40.0031, "ts": (now_s - 60) * 1000}
    assert guards["GD002"] == {"lon": 116.3555, "lat": 40.0061, "ts": (now_s - 30) * 1000}


def test_serve_refuses_a_bad_bridges_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli import main

    db = make_db(tmp_path / "station.db")
    config = tmp_path / "bridges.toml"
    text = '[isapi]\nurl = "http://127.0.0.1"\nuser = "admin"\npassword = "12345"\n'
    config.write_text(text, encoding="utf-8")
    assert main(["serve", "--db", str(db), "--bridges", str(config)]) == 2
    err = capsys.readouterr().err
    assert f"{config}: [isapi] password: secrets are never written" in err and "12345" not in err
    config.write_text("# nothing enabled\n", encoding="utf-8")
    assert main(["serve", "--db", str(db), "--bridges", str(config)]) == 2
    assert "no bridge is configured" in capsys.readouterr().err


@pytest.fixture
def broker() -> Iterator[Mosquitto]:
    with ram_broker() as server:
        yield server


@needs_mosquitto
def test_runner_orders_go_to_the_terminal_or_by_mqtt(tmp_path: Path, broker: Mosquitto) -> None:
    """[jt808] + [orders]: a connected terminal gets the 0x8300 text, the phone's device its MQTT topic;
    health of every server bridge is reported; stop closes the listeners."""
    config = tmp_path / "bridges.toml"
    config.write_text(
        "[osmand]\nport = 0\n[jt808]\nport = 0\n[gt06]\nport = 0\n"
        f'[orders]\nurl = "mqtt://127.0.0.1:{broker.port}"\nstation = "st1"\nclient_id = "runner-orders"\n',
        encoding="utf-8",
    )
    store = SqliteStore(tmp_path / "runner.db")
    dist = district()
    engine = Engine(store, dist, [])
    reported: list[BridgeHealth] = []
    engine.bus.subscribe(HealthChanged, lambda m: reported.append(m.health))  # type: ignore[arg-type]
    bridges = Bridges(load_bridges(config), dist, engine.ingest, WallClock(), engine.report_health, store)
    bridges.start()
    phone = Phone(broker.port, "sandbox/st1/orders/GPS-00001", "phone-runner")
    jt_port = bridges.addresses["jt808"][1]
    terminal = Terminal(jt_port)
    try:
        names = ["gt06", "jt808", "osmand", "replies"]  # [orders] also subscribes the phones' replies
        assert sorted(h.name.split(":")[0] for h in bridges.health()) == names
        wait_until(lambda: all(h.connected for h in bridges.health()), 10, "every bridge up")
        assert {h.name for h in reported} >= {f"jt808:{jt_port}"}
        terminal.send(jt808.REGISTER, bytes(4) + b"SANDB" + b"T1".ljust(20, b"\0") + b"0000001" + b"\x01")
        terminal.receive(jt808.REGISTER_RESPONSE)
        wait_until(lambda: bridges.reaches("GPS-00002"), 5, "the terminal bound")
        assert not bridges.reaches("GPS-00001")
        now = int(time.time() * 1000)
        bridges.send_order(Order("D-2", "GD002", "GPS-00002", "A-1", 116.353, 40.004, now))
        text = jt808.decode_text(terminal.receive(jt808.TEXT)[1]).text
        assert "D-2" in text and "40.00400,116.35300" in text
        bridges.send_order(Order("D-1", "GD001", "GPS-00001", "A-1", 116.353, 40.004, now))
        wait_until(lambda: len(phone.got) == 1, 10, "the phone's MQTT order")
        assert phone.got[0][1].dispatch_id == "D-1"
    finally:
        terminal.close()
        phone.close()
        bridges.stop()
        store.close()
    with pytest.raises(OSError):
        terminal_reports(jt_port, 40.0, 116.0, int(time.time()))


def test_runner_reports_a_port_in_use(tmp_path: Path) -> None:
    config = tmp_path / "bridges.toml"
    config.write_text("[osmand]\nport = 0\n[jt808]\nport = 0\n", encoding="utf-8")
    first = Bridges(load_bridges(config), district(), lambda items: None, WallClock())
    first.start()
    try:
        taken = first.addresses["jt808"][1]
        config.write_text(f"[osmand]\nport = 0\n[jt808]\nport = {taken}\n", encoding="utf-8")
        second = Bridges(load_bridges(config), district(), lambda items: None, WallClock())
        with pytest.raises(BridgeStartError, match=rf"\[jt808\] cannot listen on 127.0.0.1:{taken}"):
            second.start()
        # the OsmAnd server it had started is stopped again
        assert [(h.name.split(":")[0], h.connected) for h in second.health()] == [("osmand", False)]
    finally:
        first.stop()


def test_live_session_with_bridges_takes_a_jt808_fix(tmp_path: Path) -> None:
    config = tmp_path / "bridges.toml"
    config.write_text('[jt808]\nhost = "127.0.0.1"\nport = 0\n', encoding="utf-8")
    db = make_db(tmp_path / "live.db")
    options = LiveOptions(simulate=False, tick_s=0.05, bridges=config)
    live = LiveSession(district(), lambda: SqliteStore(db), options)
    fixes: dict[str, Fix] = {}
    health: list[Any] = []
    started: list[LiveStarted] = []
    live.bus.subscribe(StateDelta, lambda delta: fixes.update(delta.fixes))
    live.bus.subscribe(HealthChanged, lambda m: health.append(m.health))
    live.bus.subscribe(LiveStarted, started.append)
    live.start()
    try:
        wait_until(lambda: bool(started) or not live.running, 30, "the session to start")
        assert live.error is None
        port = live.bridge_addresses["jt808"][1]
        now_s = int(time.time())
        terminal_reports(port, 40.0061, 116.3555, now_s - 5)
        wait_until(lambda: "GPS-00002" in fixes, 10, "the fix in the engine")
        assert fixes["GPS-00002"] == Fix("GPS-00002", (now_s - 5) * 1000, 116.3555, 40.0061)
        wait_until(lambda: any(h.name == f"jt808:{port}" and h.received >= 1 for h in health), 5, "health")
    finally:
        live.stop()
    with pytest.raises(OSError):
        terminal_reports(port, 40.0, 116.0, int(time.time()))
