"""GA/T 1400: the sample payloads mapped to events, and the register/keepalive/unregister handshake over
real sockets on 127.0.0.1 between our client and our server."""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_app.bridges.gat1400 import codec as g
from sandbox_app.bridges.gat1400.client import Gat1400Client
from sandbox_app.bridges.gat1400.server import Gat1400Server
from sandbox_app.bridges.schema import parse_ts
from sandbox_app.domain.events import Event, Rejection
from tests.support import wait_until

DEVICE = "33029902001210000007"
PASSWORD = "test-pass-2"


class FakeClock:
    def __init__(self, now_ms: int = 1_714_521_600_000) -> None:
        self.now = now_ms

    def now_ms(self) -> int:
        return self.now

    def monotonic_s(self) -> float:
        return self.now / 1000.0


class Collector:
    def __init__(self) -> None:
        self.items: list[Event | Rejection] = []
        self.lock = threading.Lock()

    def __call__(self, batch: Sequence[Event | Rejection]) -> None:
        with self.lock:
            self.items.extend(batch)


@pytest.fixture(scope="module")
def data(shared_data: Path) -> dict[str, Any]:
    root = shared_data / "gat1400"
    community = json.loads((root / "wzbwzt_viid_community_payloads.json").read_text(encoding="utf-8"))
    return {
        "faces": json.loads((root / "upload_ziguang_FaceListObject.json").read_text(encoding="utf-8")),
        "vehicles": json.loads(
            (root / "upload_ziguang_MotorVehicleListObject.json").read_text(encoding="utf-8")
        ),
        "community": {p["endpoint"]: p["body"] for p in community["payloads"]},
    }


def test_face_sample_with_placeholder_time_is_rejected(data: dict[str, Any]) -> None:
    [(ident, item)] = g.decode_records(g.FACES, data["faces"], "", g.Gat1400Config())
    assert ident == "650100000011900000010220171219100515999830656599"
    assert isinstance(item, Rejection)
    assert "FaceAppearTime 19981230010000 outside 2000..2100" in item.reason


def test_face_sample_maps_to_face_pass(data: dict[str, Any]) -> None:
    body = copy.deepcopy(data["faces"])
    body["FaceListObject"]["FaceObject"][0]["FaceAppearTime"] = "20240501080000"
    config = g.Gat1400Config(devices={"55000111221190000007": "FG-00001"})
    [(_, event)] = g.decode_records(g.FACES, body, "", config)
    assert isinstance(event, Event)
    assert event.kind == "face.pass" and event.device == "FG-00001"
    assert event.ts == parse_ts("2024-05-01T08:00:00+08:00")
    assert event.id == "gat1400:face:650100000011900000010220171219100515999830656599"
    assert event.data["watchlist"] is True  # the sample sets IsSuspiciousPerson etc. to 1
    assert event.data["person_id"] is None  # names and ID numbers in a face record are not carried over
    assert "大华" not in json.dumps(event.data, ensure_ascii=False)
    assert event.data["picture_urls"] == [
        "http://10.33.6.108:9080/testx_108_20170908/a2421c4fde6d4a74ac923e8470d6e7fa.jpg"
    ]


def test_vehicle_sample_maps_to_plate_read(data: dict[str, Any]) -> None:
    [(_, event)] = g.decode_records(g.MOTOR_VEHICLES, data["vehicles"], "SENDER", g.Gat1400Config())
    assert isinstance(event, Event)
    assert event.kind == "plate.read" and event.data["plate"] == "苏NF5676"
    assert event.device == "65010000001190000001"
    assert event.ts == parse_ts("2016-09-12T22:01:07+08:00")
    assert event.data["direction"] == "in" and event.data["direction_known"] is False
    out = g.Gat1400Config(directions={"65010000001190000001": "out"})
    [(_, event2)] = g.decode_records(g.MOTOR_VEHICLES, data["vehicles"], "", out)
    assert (
        isinstance(event2, Event)
        and event2.data["direction"] == "out"
        and "direction_known" not in event2.data
    )


def test_community_vehicle_uses_sender_and_flags_bad_inline_image(data: dict[str, Any]) -> None:
    body = data["community"]["/VIID/MotorVehicles"]
    saved: list[bytes] = []

    def save(event_id: str, jpeg: bytes) -> str:
        saved.append(jpeg)
        return f"/snapshots/{event_id}.jpg"

    [(_, event)] = g.decode_records(g.MOTOR_VEHICLES, body, DEVICE, g.Gat1400Config(), save)
    assert isinstance(event, Event)
    assert event.device == DEVICE  # DeviceID is empty in the record: the sender's User-Identify
    assert event.data["plate"] == "浙BY6H39"
    assert event.ts == parse_ts("2021-04-11T17:13:37+08:00")
    # the published base64 JPEG is truncated: either rejected as base64, or saved as the bytes it holds
    assert "snapshot_error" in event.data or saved[0].startswith(b"\xff\xd8")


@pytest.mark.parametrize(
    "body, reason",
    [
        ({"FaceListObject": {}}, "not a FaceListObject"),
        (
            {"FaceListObject": {"FaceObject": [{"FaceID": "1", "FaceAppearTime": "2024"}]}},
            "not yyyyMMddHHmmss",
        ),
        ({"FaceListObject": {"FaceObject": [{"FaceAppearTime": "20240501080000"}]}}, "without FaceID"),
        ({"FaceListObject": {"FaceObject": [{"FaceID": "1"}]}}, "none of FaceAppearTime"),
    ],
)
def test_bad_face_records(body: Any, reason: str) -> None:
    try:
        items = g.decode_records(g.FACES, body, "S", g.Gat1400Config())
    except g.Gat1400Error as exc:
        assert reason in str(exc)
        return
    [(_, item)] = items
    assert isinstance(item, Rejection) and reason in item.reason


def _statuses(reply: Any) -> list[dict[str, Any]]:
    statuses = reply["ResponseStatusListObject"]["ResponseStatusObject"]
    assert isinstance(statuses, list)
    return statuses


def test_loopback_handshake_and_uploads(data: dict[str, Any]) -> None:
    clock = FakeClock()
    sink, records = Collector(), []
    config = g.Gat1400Config(passwords={DEVICE: PASSWORD}, keepalive_s=60.0)
    server = Gat1400Server(config, sink, clock, records=lambda p, items, _s: records.append((p, items)))
    server.start()
    client = Gat1400Client(server.url, DEVICE, PASSWORD)
    try:
        # uploads before registering are refused with StatusCode 4
        code, reply = client.upload(g.FACES, data["faces"])
        assert code == 200 and reply["ResponseStatusObject"]["StatusCode"] == g.STATUS_INVALID_OPERATION
        assert not Gat1400Client(server.url, DEVICE, "wrong").register()
        assert client.keepalive() is False  # not registered yet

        assert client.register() and server.online(DEVICE)
        clock.now += 59_000
        assert client.keepalive()

        code, reply = client.upload(g.MOTOR_VEHICLES, data["vehicles"])
        [status] = _statuses(reply)
        assert (
            status["StatusCode"] == 0 and status["Id"] == "330101010012100000010220171018080608022060269899"
        )
        assert status["RequestURL"] == g.MOTOR_VEHICLES and status["LocalTime"] == "20240501080059"
        code, reply = client.upload(g.FACES, data["faces"])
        assert _statuses(reply)[0]["StatusCode"] == g.STATUS_INVALID_JSON_CONTENT  # the placeholder time
        for path in ("/VIID/Community/PersonInfos", "/VIID/Community/CarInfos", "/VIID/APEs"):
            code, reply = client.upload(path, data["community"][path])
            assert [s["StatusCode"] for s in _statuses(reply)] == [0]
        assert [type(i).__name__ for i in sink.items] == ["Event", "Rejection"]
        assert [p for p, _ in records] == [
            "/VIID/Community/PersonInfos",
            "/VIID/Community/CarInfos",
            "/VIID/APEs",
        ]
        assert records[1][1][0]["PlateNo"] == "浙B0560Z"
        assert server.health.received == 2 and server.health.rejected >= 1

        # three keepalive periods of silence: offline, the keepalive is refused, the client must re-register
        clock.now += 3 * 60_000 + 1
        assert not server.online(DEVICE)
        assert client.keepalive() is False and client.registered is False
        assert client.register() and client.keepalive()

        assert client.unregister() and not server.online(DEVICE)
        assert DEVICE not in server.peers()
    finally:
        client.stop(unregister=False)
        server.stop()


def test_client_loop_registers_and_keeps_alive() -> None:
    clock = FakeClock()
    server = Gat1400Server(g.Gat1400Config(passwords={DEVICE: PASSWORD}), Collector(), clock)
    server.start()
    client = Gat1400Client(server.url, DEVICE, PASSWORD, keepalive_s=0.05, retry_min_s=0.05)
    try:
        client.start()
        wait_until(lambda: client.keepalives >= 3, 5, "three keepalives")
        assert client.registrations == 1
        server.forget(DEVICE)  # the upper level restarted and forgot us
        wait_until(lambda: client.registrations >= 2, 5, "the client registering again")
        assert client.registrations == 2
    finally:
        client.stop()
        server.stop()
    assert not server.online(DEVICE)  # stop() unregistered


_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=16)
    | st.sampled_from(["20240501080000", "1"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=6,
)
_face_keys = st.sampled_from(["FaceID", "FaceAppearTime", "DeviceID", "SubImageList", "IsSuspiciousPerson"])


@given(
    st.sampled_from([g.FACES, g.MOTOR_VEHICLES]),
    st.one_of(
        _json,
        st.builds(
            lambda recs: {
                "FaceListObject": {"FaceObject": recs},
                "MotorVehicleListObject": {"MotorVehicleObject": recs},
            },
            st.lists(
                st.dictionaries(
                    _face_keys | st.sampled_from(["PlateNo", "PassTime", "MotorVehicleID"]), _json, max_size=6
                ),
                max_size=3,
            ),
        ),
    ),
)
@settings(max_examples=40, deadline=None)
def test_random_bodies_never_raise_anything_else(path: str, body: Any) -> None:
    try:
        items = g.decode_records(path, body, "S", g.Gat1400Config())
    except g.Gat1400Error:
        return
    assert all(isinstance(item, Event | Rejection) for _, item in items)
