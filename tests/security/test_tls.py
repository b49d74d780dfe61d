"""Bridge transport security: the MQTT bridge over TLS with a password against a real mosquitto that
refuses anonymous and plain-text clients; the HTTP pull bridge over https with a bearer token and the
station's own CA. (Secrets by reference only: tests/bridges/test_config.py, with the bridges file.)"""

from __future__ import annotations

import getpass
import os
import shutil
import ssl
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import orjson
import paho.mqtt.client as mqtt
import pytest
import requests
from paho.mqtt.enums import CallbackAPIVersion

from sandbox_app.bridges.health import HealthTracker
from sandbox_app.bridges.http_pull.codec import decode_page
from sandbox_app.bridges.mqtt.codec import event_topic, mqtt_bridge
from sandbox_app.bridges.transport.http_poller import HttpPullSettings, HttpPullTransport
from sandbox_app.bridges.transport.mqtt_link import MqttSettings
from sandbox_app.engine.clock import WallClock
from tests.bridges.http_fixture_server import EventFeed, FeedServer, _Handler
from tests.security.helpers import T0
from tests.servers import Mosquitto, StoreSink, require_mosquitto, wait_for_port
from tests.support import wait_until


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
    require_mosquitto()
    if shutil.which("openssl") is None or shutil.which("mosquitto_passwd") is None:
        pytest.skip("mosquitto_passwd or openssl is not installed")
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
        wait_until(lambda: sink.ids() == {"tls-1"}, 10, "the event to arrive over TLS")
        pub.disconnect()
        pub.loop_stop()
        assert not wrong.wait_ready(0.5) and not wrong.connected, "a wrong password got in"
        assert not plain.wait_ready(0.1) and not plain.connected, "a plain-text client got in"
    finally:
        for b in (bridge, wrong, plain):
            b.stop(2)
        sink.close()


class _AuthHandler(_Handler):
    """The feed, behind a bearer token: anything else gets 401."""

    def do_GET(self) -> None:
        if self.headers.get("Authorization") != "Bearer feed-token-1":
            self.send_error(401)
            return
        super().do_GET()


def test_http_pull_over_https_with_a_bearer_token(tmp_path: Path) -> None:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    make_certs(tmp_path)
    feed = EventFeed()
    feed.add([{"id": f"h{i}", "ts": T0 + i, "device": "B1", "kind": "alarm.button"} for i in range(5)])
    server = FeedServer(feed)
    server.RequestHandlerClass = _AuthHandler
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "server.crt", tmp_path / "server.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.start()
    sink = StoreSink(tmp_path / "s.db")
    base = f"https://127.0.0.1:{server.port}"

    def bridge(**kw: object) -> HttpPullTransport:
        settings = HttpPullSettings(base, name="https", timeout_s=2.0, **kw)  # type: ignore[arg-type]
        health = HealthTracker("http:https", WallClock().now_ms, None)
        return HttpPullTransport(settings, decode_page, sink, sink.store, health)

    try:
        no_token = bridge(ca_bundle=str(tmp_path / "ca.crt"))
        with pytest.raises(requests.HTTPError, match="401"):
            no_token.poll_once()
        untrusted = bridge(bearer_token="feed-token-1")  # the station CA is not in the system store
        with pytest.raises(requests.exceptions.SSLError):
            untrusted.poll_once()
        good = bridge(bearer_token="feed-token-1", ca_bundle=str(tmp_path / "ca.crt"))
        assert "feed-token-1" not in repr(good.settings)
        assert good.poll_once() == 5
        assert sink.ids() == {f"h{i}" for i in range(5)}
        for b in (no_token, untrusted, good):
            b.close()
    finally:
        server.stop()
        sink.close()


def test_order_sender_and_reply_subscriber_use_the_links_tls_and_login(tls_broker: Mosquitto) -> None:
    """The dispatch side of a link (orders out, replies in) connects as the event bridge does: over TLS with
    the link's login, where a plain-text client is refused."""
    from sandbox_app.bridges.orders import MqttOrderSender
    from sandbox_app.bridges.replies import MqttReplySubscriber
    from sandbox_app.domain.model import District

    wait_for_port(tls_broker.port)
    link = settings(tls_broker, "bridge-pw-1")
    sender = MqttOrderSender(replace(link, client_id="tls-orders"), "st1")
    replies = MqttReplySubscriber(
        replace(link, client_id="tls-replies"), "st1", District("t", "UTC"), WallClock()
    )
    plain = MqttOrderSender(replace(link, client_id="plain-orders", tls=False), "st1")
    for client in (sender, replies, plain):
        client.start()
    try:
        assert sender.wait_connected(10), "the order sender must get in over TLS"
        wait_until(lambda: replies.health.connected, 10, "the reply subscriber to connect over TLS")
        assert not plain.wait_connected(0.5), "a plain-text client got in"
    finally:
        for client in (sender, replies, plain):
            client.stop()
