"""End to end: the alertStream client against a real digest-auth server on 127.0.0.1 that streams
multipart parts (XML, JSON, JPEG snapshots, heartbeats) and drops the connection twice."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import orjson
import pytest

from sandbox_app.bridges.isapi.codec import IsapiConfig
from sandbox_app.bridges.isapi.stream import AlertStreamClient, AlertStreamSettings
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.messages import BridgeHealth
from tests.bridges.platforms.digest_server import IsapiServer, multipart
from tests.support import wait_until

JPEG_A = b"\xff\xd8\xff\xe0fake-jpeg-A\xff\xd9"
JPEG_B = b"\xff\xd8\xff\xe0fake-jpeg-B\r\n--MIME_boundaryX\xff\xd9"  # a boundary look-alike inside the image
HEARTBEAT = (
    b'<EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">'
    b"<channelID>1</channelID><dateTime>2024-05-01T08:00:05+08:00</dateTime><activePostCount>0</activePostCount>"
    b"<eventType>videoloss</eventType><eventState>inactive</eventState></EventNotificationAlert>"
)
ACS = orjson.dumps(
    {
        "macAddress": "aa:bb:cc:00:00:01",
        "dateTime": "2024-05-01T08:01:00+08:00",
        "eventType": "AccessControllerEvent",
        "eventState": "active",
        "AccessControllerEvent": {
            "majorEventType": 5,
            "subEventType": 75,
            "employeeNoString": "000007",
            "serialNo": 9,
            "picturesNumber": 1,
        },
    }
)


class Collector:
    def __init__(self) -> None:
        self.items: list[Event | Rejection] = []
        self.lock = threading.Lock()

    def __call__(self, batch: Sequence[Event | Rejection]) -> None:
        with self.lock:
            self.items.extend(batch)

    def events(self) -> list[Event]:
        with self.lock:
            return [i for i in self.items if isinstance(i, Event)]


@pytest.fixture()
def samples(shared_data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (shared_data / "hikvision_isapi").glob("*.xml")}


def test_stream_with_drops_delivers_everything(samples: dict[str, bytes], tmp_path: Path) -> None:
    xml = "application/xml; charset=UTF-8"
    first = multipart(
        [(xml, HEARTBEAT), (xml, samples["vmd.xml"]), (xml, samples["fielddetection_human.xml"])]
    )
    first_pic = multipart([("image/jpeg", JPEG_A), (xml, HEARTBEAT)])
    # the second connection is chunked and splits the ANPR alert and its pictures across writes
    anpr = multipart(
        [(xml, samples["ipc1_anpr_plate_detected.xml"]), ("image/jpeg", JPEG_A), ("image/jpeg", JPEG_B)]
    )
    second = [anpr[:100], anpr[100:777], anpr[777:]]
    second.append(multipart([("application/json", ACS), ("image/jpeg", JPEG_B)], with_length=False))
    second.append(multipart([(xml, b"<EventNotificationAlert><eventType>VMD")]))  # broken, rejected
    # the third drops right after an alert that announced a picture which never comes
    third = [multipart([(xml, samples["linedetection_vehicle_camera-gate-api.xml"])])]
    fourth = [multipart([(xml, samples["pir.xml"])])]

    saved: dict[str, bytes] = {}

    def save(event_id: str, jpeg: bytes) -> str:
        path = tmp_path / f"{len(saved)}.jpg"
        path.write_bytes(jpeg)
        saved[event_id] = jpeg
        return str(path)

    health: list[BridgeHealth] = []
    sink = Collector()
    with IsapiServer([[first, first_pic], second, third, fourth]) as server:
        client = AlertStreamClient(
            AlertStreamSettings(
                server.url,
                "admin",
                "test-pass-1",
                name="gate",
                config=IsapiConfig(device_id="CAM-00001"),
                backoff_min_s=0.05,
                backoff_max_s=0.2,
                read_timeout_s=5.0,
            ),
            sink,
            WallClock(),
            reporter=health.append,
            save_snapshot=save,
        )
        client.start()
        try:
            wait_until(lambda: len(sink.events()) >= 6)
            wait_until(lambda: server.streams >= 5)  # it keeps trying after the script ran out (503)
        finally:
            client.stop()
    events = sink.events()
    kinds = [(e.data["event_type"], e.kind) for e in events]
    assert kinds == [
        ("VMD", "perimeter.breach"),
        ("fielddetection", "perimeter.breach"),
        ("ANPR", "plate.read"),
        ("AccessControllerEvent", "face.pass"),
        ("linedetection", "perimeter.breach"),
        ("PIR", "perimeter.breach"),
    ]
    assert all(e.device == "CAM-00001" for e in events)
    by_type = {e.data["event_type"]: e for e in events}
    assert by_type["fielddetection"].data["snapshots"] == 1
    assert Path(by_type["fielddetection"].data["snapshot"]).read_bytes() == JPEG_A
    assert by_type["ANPR"].data["snapshots"] == 2 and by_type["ANPR"].data["plate"] == "KH35192"
    assert saved[by_type["AccessControllerEvent"].id] == JPEG_B
    assert client.recent_snapshots[by_type["ANPR"].id] == JPEG_A
    assert "snapshot" not in by_type["linedetection"].data  # its picture never came: delivered without
    assert "snapshot" not in by_type["VMD"].data
    rejections = [i for i in sink.items if isinstance(i, Rejection)]
    assert len(rejections) == 1 and "invalid XML" in rejections[0].reason
    assert client.connections == 4
    assert server.unauthorised >= 4  # every connection was challenged, digest auth answered it
    assert health[-1].connected is False and health[-1].rejected >= 2  # the broken part and a 503
    assert any(h.connected for h in health)


def test_wrong_password_is_reported_and_retried() -> None:
    health: list[BridgeHealth] = []
    with IsapiServer([]) as server:
        client = AlertStreamClient(
            AlertStreamSettings(server.url, "admin", "wrong", backoff_min_s=0.05, backoff_max_s=0.1),
            Collector(),
            WallClock(),
            reporter=health.append,
        )
        client.start()
        try:
            wait_until(lambda: server.unauthorised >= 3)
        finally:
            client.stop()
    assert client.connections == 0
    assert health and health[-1].last_rejection == "HTTP 401 from alertStream"
