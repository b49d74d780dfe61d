"""The [cad110] bridge over a real socket on 127.0.0.1: authentication refused and accepted, bad
records rejected with their reason, a redelivered record stored once, framing refused,
a store failure answered 503."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from sandbox_app.bridges.cad110.codec import Cad110Error, decode_record
from sandbox_app.bridges.cad110.server import Cad110Server, Cad110Settings
from sandbox_app.domain.incidents import Incident, IncidentSource, IncidentType
from sandbox_app.engine.clock import WallClock
from sandbox_app.store.sqlite import SqliteStore

TOKEN = "test-token-0123456789abcdef"
NOW = 1_714_550_400_000  # 2024-05-01T08:00:00Z
RECORD = {
    "record_id": "JJ202405010001",
    "type": "治安",
    "subtype": "打架斗殴",
    "address": "测试路8号",
    "lon": 121.4,
    "lat": 31.2,
    "caller_phone": "13800001234",
    "reported_at": "2024-05-01T15:59:00+08:00",
    "summary": "两人在小区门口打架",
}


class FixedClock:
    def now_ms(self) -> int:
        return NOW

    def monotonic_s(self) -> float:
        return WallClock().monotonic_s()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Cad110Server, SqliteStore, list[Incident]]]:
    told: list[Incident] = []
    with SqliteStore(tmp_path / "cad.db") as store:
        server = Cad110Server(
            Cad110Settings("127.0.0.1", 0, TOKEN, idle_timeout_s=2.0),
            store.add_incident,
            FixedClock(),
            on_incident=told.append,
        )
        server.start()
        try:
            yield server, store, told
        finally:
            server.stop()


def post(
    server: Cad110Server,
    body: bytes | dict[str, Any],
    token: str | None = TOKEN,
    path: str = "/incidents",
    method: str = "POST",
) -> tuple[int, dict[str, Any]]:
    raw = body if isinstance(body, bytes) else orjson.dumps(body)
    conn = http.client.HTTPConnection(server.address[0], server.address[1], timeout=5)
    try:
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        conn.request(method, path, body=raw, headers=headers)
        reply = conn.getresponse()
        return reply.status, orjson.loads(reply.read())
    finally:
        conn.close()


def test_a_record_is_stored_once_and_redelivery_is_idempotent(served: Any) -> None:
    server, store, told = served
    status, reply = post(server, RECORD)
    assert (status, reply) == (201, {"ok": True, "id": "INC-cad110-JJ202405010001", "created": True})
    status, reply = post(server, {**RECORD, "summary": "resent"})
    assert (status, reply["created"], reply["id"]) == (200, False, "INC-cad110-JJ202405010001")
    (stored,) = store.incidents()
    assert (stored.type, stored.subtype, stored.source) == (
        IncidentType.PUBLIC_ORDER,
        "fight",
        IncidentSource.CAD110,
    )
    assert (stored.caller, stored.summary, stored.reported_ts) == (
        "138****1234",
        "两人在小区门口打架",
        NOW - 60_000,
    )
    assert [i.id for i in told] == [stored.id]  # told once, not for the redelivery
    assert server.snapshot().received == 2


@pytest.mark.parametrize(
    ("token", "path", "method", "status"),
    [
        (None, "/incidents", "POST", 401),
        ("wrong-token-0123456789abcdef", "/incidents", "POST", 401),
        (TOKEN[:-1], "/incidents", "POST", 401),
        (TOKEN, "/other", "POST", 404),
        (TOKEN, "/incidents", "GET", 405),
    ],
)
def test_refused_before_anything_is_stored(
    served: Any, token: str | None, path: str, method: str, status: int
) -> None:
    server, store, _ = served
    got, reply = post(server, RECORD, token=token, path=path, method=method)
    assert (got, reply["ok"]) == (status, False)
    assert store.incidents() == []


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "not JSON"),
        (b"[1, 2]", "expected one JSON object"),
        ({**RECORD, "record_id": ""}, "missing record_id"),
        ({**RECORD, "type": "暴动"}, "unknown incident type"),
        ({**RECORD, "subtype": "走失"}, "unknown subtype"),
        ({**RECORD, "address": "", "lon": None, "lat": None}, "needs an address or coordinates"),
        ({**RECORD, "lat": "31.2"}, "lat: expected a number"),
        ({**RECORD, "reported_at": "2024-05-01 15:59"}, "give the UTC offset"),
        ({**RECORD, "reported_at": "2024-05-01T17:00:00+08:00"}, "in the future"),
        ({**RECORD, "caller_phone": "call me"}, "not a phone number"),
        ({**RECORD, "colour": "red"}, "unknown field 'colour'"),
    ],
)
def test_bad_records_are_rejected_with_the_reason(served: Any, body: Any, reason: str) -> None:
    server, store, _ = served
    status, reply = post(server, body)
    assert status == 400 and reason in reply["reason"]
    assert store.incidents() == []
    assert reason in (server.snapshot().last_rejection or "")


def test_a_store_failure_is_503_so_110_retries() -> None:
    def broken(_: Incident) -> tuple[Incident, bool]:
        raise OSError("disk full")

    server = Cad110Server(Cad110Settings("127.0.0.1", 0, TOKEN), broken, FixedClock())
    server.start()
    try:
        assert post(server, RECORD) == (503, {"ok": False, "reason": "not stored, retry"})
    finally:
        server.stop()


def test_an_oversized_body_is_refused_unread(served: Any) -> None:
    server, store, _ = served
    conn = http.client.HTTPConnection(server.address[0], server.address[1], timeout=5)
    try:
        conn.putrequest("POST", "/incidents")
        conn.putheader("Authorization", f"Bearer {TOKEN}")
        conn.putheader("Content-Length", str(10**9))
        conn.endheaders()
        assert conn.getresponse().status == 413
    finally:
        conn.close()
    assert store.incidents() == []


def test_a_short_token_is_refused_at_configuration() -> None:
    with pytest.raises(ValueError, match="at least 16"):
        Cad110Settings(token="short")


def test_epoch_milliseconds_are_accepted_and_coordinates_alone_are_a_place() -> None:
    body = {"record_id": "JJ2", "type": "help", "subtype": "lockout", "lon": 121.4, "lat": 31.2}
    inc = decode_record(orjson.dumps({**body, "reported_ts": NOW}), NOW)
    assert (inc.label, inc.place.address, inc.reported_ts) == ("求助/求助开锁", "", NOW)
    with pytest.raises(Cad110Error, match="missing reported_at"):
        decode_record(orjson.dumps(body), NOW)
    with pytest.raises(Cad110Error, match="epoch milliseconds"):
        decode_record(orjson.dumps({**body, "reported_ts": True}), NOW)


def test_the_section_starts_the_bridge_on_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sandbox_app.bridges.config import BridgeConfigError, load_bridges
    from sandbox_app.bridges.runner import Bridges, BridgeStartError
    from sandbox_app.domain.model import District

    monkeypatch.setenv("CAD110_TOKEN", TOKEN)
    path = tmp_path / "bridges.toml"
    path.write_text('[cad110]\nport = 0\ntoken_env = "CAD110_TOKEN"\n', encoding="utf-8")
    config = load_bridges(path)
    assert config.enabled == ["cad110"] and TOKEN not in repr(config)
    with SqliteStore(tmp_path / "b.db") as store:
        bridges = Bridges(
            config, District("t", "Asia/Shanghai"), lambda items: None, FixedClock(), cursors=store
        )
        bridges.start()
        try:
            server = bridges._entries[0].obj
            assert isinstance(server, Cad110Server)
            assert post(server, RECORD)[0] == 201
            assert [h.name for h in bridges.health()] == ["cad110:cad110"]
        finally:
            bridges.stop()
        assert [i.source_ref for i in store.incidents()] == ["JJ202405010001"]
    with pytest.raises(BridgeStartError, match=r"\[cad110\] needs a store"):
        Bridges(config, District("t", "Asia/Shanghai"), lambda items: None, FixedClock()).start()
    path.write_text('[cad110]\ntoken = "x"\n', encoding="utf-8")
    with pytest.raises(BridgeConfigError, match="secrets are never written"):
        load_bridges(path)
    monkeypatch.setenv("CAD110_TOKEN", "short")
    path.write_text('[cad110]\ntoken_env = "CAD110_TOKEN"\n', encoding="utf-8")
    with pytest.raises(BridgeConfigError, match="at least 16"):
        load_bridges(path)


def test_a_record_with_only_an_address_gets_the_districts_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sandbox_app.bridges.config import load_bridges
    from sandbox_app.bridges.runner import Bridges
    from tests.layers.sample import small_district

    monkeypatch.setenv("CAD110_TOKEN", TOKEN)
    path = tmp_path / "bridges.toml"
    path.write_text('[cad110]\nport = 0\ntoken_env = "CAD110_TOKEN"\n', encoding="utf-8")
    district = small_district()
    with SqliteStore(tmp_path / "b.db") as store:
        bridges = Bridges(load_bridges(path), district, lambda items: None, FixedClock(), cursors=store)
        bridges.start()
        try:
            server = bridges._entries[0].obj
            assert isinstance(server, Cad110Server)
            record = {**RECORD, "address": "测试一区3幢", "lon": None, "lat": None}
            assert post(server, record)[0] == 201
        finally:
            bridges.stop()
        (stored,) = store.incidents()
    b3 = district.buildings["B3"].footprint.representative_point()
    assert (stored.lon, stored.lat, stored.place.address) == (b3.x, b3.y, "测试一区3幢")
