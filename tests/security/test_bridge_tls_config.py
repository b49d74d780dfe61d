"""The bridges file's transport security fields (issue 9): MQTT over TLS with CA, client certificate and
password; HTTP pull with a bearer token or Basic auth, CA and client certificate. Each field is parsed,
each misuse is named by file, section and key, and the runner connects to a TLS + password mosquitto."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import orjson
import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion

from sandbox_app.bridges.config import BridgeConfigError, load_bridges
from sandbox_app.bridges.mqtt.codec import event_topic
from sandbox_app.bridges.runner import Bridges
from sandbox_app.engine.clock import WallClock
from tests.layers.sample import small_district
from tests.security.helpers import T0
from tests.security.test_tls import tls_broker
from tests.servers import Mosquitto, StoreSink, wait_for_port

__all__ = ["tls_broker"]


def files(tmp_path: Path) -> None:
    (tmp_path / "ca.crt").write_text("CA", encoding="utf-8")
    (tmp_path / "client.crt").write_text("CERT", encoding="utf-8")
    for name, text in (("client.key", "KEY"), ("pw", "mqtt-pw"), ("token", "tok-1")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        os.chmod(tmp_path / name, 0o600)


def load(tmp_path: Path, text: str) -> Any:
    """Any: the tests reach into optional sections they just wrote."""
    path = tmp_path / "bridges.toml"
    path.write_text(text, encoding="utf-8")
    return load_bridges(path)


def error(tmp_path: Path, text: str) -> BridgeConfigError:
    with pytest.raises(BridgeConfigError) as info:
        load(tmp_path, text)
    assert str(tmp_path / "bridges.toml") in str(info.value)
    return info.value


def test_mqtts_url_with_ca_client_cert_and_password_file(tmp_path: Path) -> None:
    files(tmp_path)
    config = load(
        tmp_path,
        '[mqtt]\nurl = "mqtts://broker.example:8884"\nca_file = "ca.crt"\nclient_cert_file = "client.crt"\n'
        'client_key_file = "client.key"\nusername = "bridge"\npassword_file = "pw"\n',
    )
    link = config.mqtt.link
    assert (link.host, link.port, link.tls, link.username, link.password) == (
        "broker.example",
        8884,
        True,
        "bridge",
        "mqtt-pw",
    )
    assert link.ca_file == str(tmp_path / "ca.crt")
    assert link.client_cert == (str(tmp_path / "client.crt"), str(tmp_path / "client.key"))
    assert "mqtt-pw" not in repr(config)


def test_tls_flag_defaults_the_port_to_8883_and_plain_stays_1883(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORDERS_PW", "orders-pw")
    config = load(
        tmp_path,
        '[orders]\nurl = "mqtt://10.0.0.2"\ntls = true\nstation = "s1"\nusername = "o"\n'
        'password_env = "ORDERS_PW"\n[mqtt]\nurl = "mqtt://127.0.0.1"\n',
    )
    assert (config.orders.link.port, config.orders.link.tls, config.orders.link.password) == (
        8883,
        True,
        "orders-pw",
    )
    assert (config.mqtt.link.port, config.mqtt.link.tls, config.mqtt.link.ca_file) == (1883, False, None)


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ('url = "mqtt://h"\nca_file = "ca.crt"\n', "ca_file", "only used over TLS"),
        ('url = "mqtts://h"\ntls = false\n', "tls", "always TLS"),
        ('url = "mqtts://h"\ntls = "yes"\n', "tls", "must be true or false"),
        ('url = "mqtts://h"\nca_file = "missing.crt"\n', "ca_file", "is not a readable file"),
        ('url = "mqtts://h"\nclient_cert_file = "client.crt"\n', "client_key_file", "go together"),
        (
            'url = "mqtts://h"\nclient_key_file = "client.crt"\nclient_cert_file = "client.crt"\n',
            "client_key_file",
            "chmod 600",
        ),
        ('url = "mqtts://h"\npassword_file = "pw"\n', "username", "a password needs a username"),
        ('url = "mqtts://h"\nusername = "u"\npassword = "x"\n', "password", "never written in the file"),
    ],
)
def test_mqtt_tls_mistakes_are_named(tmp_path: Path, text: str, key: str, problem: str) -> None:
    files(tmp_path)
    os.chmod(tmp_path / "client.crt", 0o644)
    exc = error(tmp_path, "[mqtt]\n" + text)
    assert (exc.section, exc.key) == ("mqtt", key) and problem in exc.problem


def test_http_pull_token_and_client_cert(tmp_path: Path) -> None:
    files(tmp_path)
    config = load(
        tmp_path,
        '[http_pull]\nurl = "https://feed.example/bridge"\ntoken_file = "token"\nca_file = "ca.crt"\n'
        'client_cert_file = "client.crt"\nclient_key_file = "client.key"\n',
    )
    section = config.http_pull
    assert (section.token, section.basic_auth, section.ca_file) == ("tok-1", None, str(tmp_path / "ca.crt"))
    assert section.client_cert == (str(tmp_path / "client.crt"), str(tmp_path / "client.key"))
    assert "tok-1" not in repr(config)


def test_http_pull_basic_auth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEED_PW", "feed-pw")
    config = load(
        tmp_path, '[http_pull]\nurl = "https://feed.example"\nuser = "station"\npassword_env = "FEED_PW"\n'
    )
    assert config.http_pull.basic_auth == ("station", "feed-pw") and config.http_pull.token is None
    loopback = load(tmp_path, '[http_pull]\nurl = "http://127.0.0.1:8080"\ntoken_env = "FEED_PW"\n')
    assert loopback.http_pull.token == "feed-pw", "plain http is fine on the station itself"


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ('url = "http://10.0.0.5"\ntoken_file = "token"\n', "url", "use https://"),
        ('url = "http://127.0.0.1"\nca_file = "ca.crt"\n', "ca_file", "only used with an https:// url"),
        (
            'url = "https://h"\ntoken_file = "token"\nuser = "u"\npassword_file = "pw"\n',
            "token_env",
            "not both",
        ),
        ('url = "https://h"\nuser = "u"\n', "password", "needs both"),
        ('url = "https://h"\npassword_file = "pw"\n', "user", "needs both"),
        ('url = "https://h"\ntoken = "plain"\n', "token", "never written in the file"),
    ],
)
def test_http_pull_auth_mistakes_are_named(tmp_path: Path, text: str, key: str, problem: str) -> None:
    files(tmp_path)
    exc = error(tmp_path, "[http_pull]\n" + text)
    assert (exc.section, exc.key) == ("http_pull", key) and problem in exc.problem


def test_runner_connects_to_a_tls_password_broker(tls_broker: Mosquitto, tmp_path: Path) -> None:
    wait_for_port(tls_broker.port)
    (tmp_path / "pw").write_text("bridge-pw-1\n", encoding="utf-8")
    os.chmod(tmp_path / "pw", 0o600)
    ca = tls_broker.workdir / "ca.crt"
    config = load(
        tmp_path,
        f'[mqtt]\nurl = "mqtts://127.0.0.1:{tls_broker.port}"\nca_file = "{ca}"\nusername = "bridge"\n'
        'password_file = "pw"\nclient_id = "runner-tls"\n',
    )
    sink = StoreSink(tmp_path / "s.db")
    bridges = Bridges(config, small_district(), sink, WallClock())
    bridges.start()
    try:
        pub = mqtt.Client(CallbackAPIVersion.VERSION2, client_id="runner-pub", protocol=mqtt.MQTTv5)
        pub.tls_set(ca_certs=str(ca))
        pub.username_pw_set("bridge", "bridge-pw-1")
        pub.connect("127.0.0.1", tls_broker.port)
        pub.loop_start()
        body = {"id": "runner-tls-1", "ts": T0, "device": "B1", "kind": "alarm.button"}
        deadline = time.monotonic() + 10
        while sink.ids() != {"runner-tls-1"}:  # republish until the bridge's subscription is in place
            assert time.monotonic() < deadline, "the event never arrived through the configured TLS bridge"
            pub.publish(event_topic("st1", "alarm_button", "B1"), orjson.dumps(body), qos=1).wait_for_publish(
                5
            )
            time.sleep(0.2)
        pub.disconnect()
        pub.loop_stop()
        [health] = [h for h in bridges.health() if h.name.startswith("mqtt")]
        assert health.connected
    finally:
        bridges.stop()
        sink.close()
