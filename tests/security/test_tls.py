"""Bridge credentials and TLS: secrets by reference only (env or a 0600 file), and the MQTT bridge over TLS
with a password against a real mosquitto that refuses anonymous and plain-text clients."""

from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from sandbox_app.bridges.mqtt import event_topic, mqtt_bridge
from sandbox_app.bridges.transport.mqtt import MqttSettings
from sandbox_app.clock import WallClock
from sandbox_app.privacy.secrets import SecretError, resolve_secret, write_secret
from tests.security.helpers import T0
from tests.servers import Mosquitto, StoreSink, mosquitto_binary, wait_for_port


def test_secrets_come_from_env_or_a_private_file(tmp_path: Path) -> None:
    assert resolve_secret("env:MQTT_PW", {"MQTT_PW": "s3cret"}) == "s3cret"
    with pytest.raises(SecretError, match="not set"):
        resolve_secret("env:MQTT_PW", {})
    private = tmp_path / "mqtt.pass"
    write_secret(private, "s3cret")
    assert oct(private.stat().st_mode & 0o777) == "0o600"
    assert resolve_secret(f"file:{private}") == "s3cret"
    private.chmod(0o644)
    with pytest.raises(SecretError, match="readable by others"):
        resolve_secret(f"file:{private}")
    for ref in ("s3cret", "plain:s3cret", f"file:{tmp_path / 'none'}"):
        with pytest.raises(SecretError):
            resolve_secret(ref)


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def make_certs(d: Path) -> None:
    """A throwaway CA and a server certificate for 127.0.0.1 (what a station's PKI would issue)."""
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=test-ca",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        cwd=d,
    )
    _openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        cwd=d,
    )
    (d / "san.ext").write_text("subjectAltName=IP:127.0.0.1\n", encoding="ascii")
    _openssl(
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.ext",
        "-out",
        "server.crt",
        cwd=d,
    )


@pytest.fixture
def tls_broker() -> Iterator[Mosquitto]:
    if (
        mosquitto_binary() is None
        or shutil.which("openssl") is None
        or shutil.which("mosquitto_passwd") is None
    ):
        pytest.skip("mosquitto, mosquitto_passwd or openssl is not installed")
    with tempfile.TemporaryDirectory() as workdir:
        d = Path(workdir)
        make_certs(d)
        subprocess.run(
            ["mosquitto_passwd", "-b", "-c", str(d / "passwd"), "bridge", "bridge-pw-1"],
            check=True,
            capture_output=True,
        )
        os.chmod(d / "passwd", 0o600)
        server = Mosquitto(d)
        server.config.write_text(
            "\n".join(
                [
                    f"listener {server.port} 127.0.0.1",
                    f"cafile {d / 'ca.crt'}",
                    f"certfile {d / 'server.crt'}",
                    f"keyfile {d / 'server.key'}",
                    "allow_anonymous false",
                    f"password_file {d / 'passwd'}",
                    f"user {getpass.getuser()}",
                    f"log_dest file {server.log}",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        server.start()
        try:
            yield server
        finally:
            server.stop()


def settings(broker: Mosquitto, password: str, tls: bool = True) -> MqttSettings:
    return MqttSettings(
        port=broker.port,
        client_id=f"tls-{len(password)}-{tls}",
        username="bridge",
        password=password,
        tls=tls,
        ca_certs=str(broker.workdir / "ca.crt"),
        reconnect_max_s=1,
        batch_ms=10,
    )


def test_mqtt_bridge_over_tls_with_a_password(tls_broker: Mosquitto, tmp_path: Path) -> None:
    wait_for_port(tls_broker.port)
    sink = StoreSink(tmp_path / "s.db")
    bridge = mqtt_bridge(settings(tls_broker, "bridge-pw-1"), sink, WallClock())
    assert "bridge-pw-1" not in repr(bridge.settings)
    wrong = mqtt_bridge(settings(tls_broker, "guessed"), sink, WallClock())
    plain = mqtt_bridge(settings(tls_broker, "bridge-pw-1", tls=False), sink, WallClock())
    for b in (bridge, wrong, plain):
        b.start()
    try:
        assert bridge.wait_ready(10), "the right password over TLS must get in"
        pub = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="tls-pub", protocol=mqtt.MQTTv5)
        pub.tls_set(ca_certs=str(tls_broker.workdir / "ca.crt"))
        pub.username_pw_set("bridge", "bridge-pw-1")
        pub.connect("127.0.0.1", tls_broker.port)
        pub.loop_start()
        body = {"id": "tls-1", "ts": T0, "device": "B1", "kind": "alarm.button"}
        pub.publish(event_topic("st1", "alarm_button", "B1"), orjson.dumps(body), qos=1).wait_for_publish(5)
        deadline = time.monotonic() + 10
        while sink.ids() != {"tls-1"}:
            assert time.monotonic() < deadline, "the event never arrived over TLS"
            time.sleep(0.05)
        pub.disconnect()
        pub.loop_stop()
        assert not wrong.wait_ready(0.5) and not wrong.connected, "a wrong password got in"
        assert not plain.wait_ready(0.1) and not plain.connected, "a plain-text client got in"
    finally:
        for b in (bridge, wrong, plain):
            b.stop(2)
        sink.close()
