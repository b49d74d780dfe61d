"""ISAPI EventNotificationAlert decoding on the real captured samples, and the multipart parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_app.bridges.isapi.codec import IsapiConfig, Skip, decode_alert, picture_count
from sandbox_app.bridges.schema import parse_ts
from sandbox_app.bridges.transport.multipart import MultipartError, MultipartParser, boundary_of
from sandbox_app.domain.events import Event, Rejection

# file → (kind, channel, dateTime, extra data expectations)
EXPECTED: dict[str, tuple[str, int | None, str, dict[str, object]]] = {
    "cam1_DS-2CD2T46G2-ISU_io_notification.xml": (
        "alarm.button",
        1,
        "2024-11-19T16:53:28+01:00",
        {"io_port": 1, "channel_name": "Cam 1"},
    ),
    "cam2_DS-2CD2346G2-ISU_io_notification.xml": (
        "alarm.button",
        1,
        "2024-11-19T16:53:28+01:00",
        {"io_port": 1, "channel_name": "Cam 2"},
    ),
    "cam3_DS-2CD2T86G2-ISU_io_notification.xml": (
        "alarm.button",
        1,
        "2024-11-19T16:53:28+01:00",
        {"io_port": 1, "channel_name": "Cam 3"},
    ),
    "fielddetection_human.xml": (
        "perimeter.breach",
        1,
        "2022-01-31T13:53:05+01:00",
        {"detector": "intrusion", "targets": ["human"], "regions": [3], "channel_name": "COUR NORD"},
    ),
    "fielddetection_vehicle.xml": (
        "perimeter.breach",
        1,
        "2022-01-19T07:51:17+01:00",
        {"detector": "intrusion", "targets": ["vehicle"], "regions": [2]},
    ),
    "nvr_2_fielddetection.xml": (
        "perimeter.breach",
        34,
        "2023-01-13T19:16:39+01:00",
        {"detector": "intrusion"},
    ),
    "ipc_1_fielddetection.xml": (
        "perimeter.breach",
        1,
        "2023-01-23T23:27:25+01:00",
        {"detector": "intrusion", "continuing": True, "event_type": "duration"},
    ),
    "ipc_thermometry_motiondetection.xml": (
        "perimeter.breach",
        2,
        "2024-11-13T20:20:52+01:00",
        {"detector": "motion", "event_type": "VMD"},
    ),
    "pir.xml": (
        "perimeter.breach",
        1,
        "2023-04-06T22:22:21+01:00",
        {"detector": "pir", "channel_name": "Bedroom"},
    ),
    "vmd.xml": ("perimeter.breach", 1, "2025-03-05T10:47:40+00:00", {"detector": "motion"}),
    "vmd_human.xml": (
        "perimeter.breach",
        1,
        "2025-03-05T10:50:46+00:00",
        {"detector": "motion", "targets": ["human"]},
    ),
    "motiondetection_human.xml": (
        "perimeter.breach",
        2,
        "2025-07-11T06:56:42+02:00",
        {"targets": ["human"], "channel_name": "Camera 02"},
    ),
    "ipc1_anpr_plate_detected.xml": (
        "plate.read",
        1,
        "2023-08-11T13:49:00+01:00",
        {"plate": "KH35192", "direction": "in", "confidence": 100, "vehicle_color": "white"},
    ),
    "linedetection_vehicle_camera-gate-api.xml": (
        "perimeter.breach",
        1,
        "2025-07-19T22:42:41+03:00",
        {"detector": "line", "targets": ["vehicle"]},
    ),
    "linedetection_mixed_camera-gate-api.xml": (
        "perimeter.breach",
        1,
        "2025-07-19T22:42:41+03:00",
        {"detector": "line", "targets": ["vehicle", "human"], "regions": [1, 2]},
    ),
}
PICTURES = {
    "fielddetection_human.xml": 1,
    "fielddetection_vehicle.xml": 1,
    "ipc1_anpr_plate_detected.xml": 2,
    "linedetection_vehicle_camera-gate-api.xml": 1,
    "linedetection_mixed_camera-gate-api.xml": 2,
}
"""detectionPicturesNumber / picNum: JPEG parts that follow in the stream (vmd_human's is a URL)."""


@pytest.fixture(scope="module")
def samples(shared_data: Path) -> dict[str, bytes]:
    files = {p.name: p.read_bytes() for p in (shared_data / "hikvision_isapi").glob("*.xml")}
    assert set(files) == set(EXPECTED), "a sample was added or removed: give it an expectation"
    return files


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_sample_maps(samples: dict[str, bytes], name: str) -> None:
    kind, channel, when, extra = EXPECTED[name]
    event = decode_alert(samples[name], "application/xml")
    assert isinstance(event, Event), event
    assert event.kind == kind
    assert event.ts == parse_ts(when)
    assert event.data["channel"] == channel
    assert event.data["source"] == "isapi"
    for key, value in extra.items():
        assert event.data[key] == value, key
    # redelivery of the same body gets the same id (the store keeps it once)
    again = decode_alert(samples[name])
    assert isinstance(again, Event) and again.id == event.id


def test_anpr_position_and_uuid(samples: dict[str, bytes]) -> None:
    event = decode_alert(samples["ipc1_anpr_plate_detected.xml"])
    assert isinstance(event, Event)
    assert event.lon == pytest.approx(7 + 56 / 60 + 9 / 3600)
    assert event.lat == pytest.approx(58 + 6 / 60 + 22.3 / 3600)
    assert event.id.startswith("isapi-20230811134901822007gWpiNIuI14ikdwfKR5eDCzuV45")


def test_picture_counts(samples: dict[str, bytes]) -> None:
    from sandbox_app.bridges.isapi.codec import body_to_obj

    for name, body in samples.items():
        assert picture_count(body_to_obj(body)) == PICTURES.get(name, 0), name


def test_channels_map_to_our_devices(samples: dict[str, bytes]) -> None:
    config = IsapiConfig(device_id="CAM-NVR", channels={2: "CAM-00002"})
    thermal = decode_alert(samples["ipc_thermometry_motiondetection.xml"], config=config)
    vmd = decode_alert(samples["vmd.xml"], config=config)
    assert isinstance(thermal, Event) and thermal.device == "CAM-00002"
    assert isinstance(vmd, Event) and vmd.device == "CAM-NVR"
    derived = decode_alert(samples["pir.xml"])
    assert isinstance(derived, Event) and derived.device == "isapi-c6e6610a4637-1"


def test_kinds_can_be_changed_or_turned_off(samples: dict[str, bytes]) -> None:
    off = decode_alert(samples["vmd.xml"], config=IsapiConfig(kinds={"VMD": None}))
    assert isinstance(off, Skip)
    door = decode_alert(
        samples["cam1_DS-2CD2T46G2-ISU_io_notification.xml"], config=IsapiConfig(kinds={"io": "door.open"})
    )
    assert isinstance(door, Event) and door.kind == "door.open"


def _alert(
    event_type: str, state: str = "active", extra: str = "", when: str = "2024-05-01T08:00:00+08:00"
) -> bytes:
    return (
        '<EventNotificationAlert version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">'
        f"<macAddress>aa:bb:cc:dd:ee:ff</macAddress><channelID>1</channelID><dateTime>{when}</dateTime>"
        f"<activePostCount>1</activePostCount><eventType>{event_type}</eventType>"
        f"<eventState>{state}</eventState>{extra}</EventNotificationAlert>"
    ).encode()


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"", "empty body"),
        (b"<EventNotificationAlert><eventType>VMD", "invalid XML"),
        (b"<ResponseStatus><statusCode>1</statusCode></ResponseStatus>", "not EventNotificationAlert"),
        (_alert("tamperdetection"), "eventType 'tamperdetection' has no event kind"),
        (_alert("VMD", when="2024-05-01T08:00:00"), "has no UTC offset"),
        (_alert("ANPR", extra="<ANPR><licensePlate>unknown</licensePlate></ANPR>"), "without a licensePlate"),
        (_alert("duration"), "duration event without a relationEvent"),
        (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><EventNotificationAlert/>', "DOCTYPE"),
        (b"{not json", "invalid JSON"),
        (b'{"eventType": "VMD", "eventState": "active"}', "missing dateTime"),
    ],
)
def test_malformed_or_unmapped_is_rejected_with_reason(body: bytes, reason: str) -> None:
    item = decode_alert(body)
    assert isinstance(item, Rejection)
    assert reason in item.reason


def test_heartbeat_and_alarm_end_are_skipped() -> None:
    assert decode_alert(_alert("videoloss", "inactive")) == Skip("heartbeat")
    skipped = decode_alert(_alert("IO", "inactive"))
    assert isinstance(skipped, Skip) and "inactive" in skipped.reason


def _acs(minor: int, **fields: object) -> bytes:
    import orjson

    acs = {"majorEventType": 5, "subEventType": minor, "doorNo": 1, "serialNo": 42, **fields}
    return orjson.dumps(
        {
            "ipAddress": "10.0.0.9",
            "macAddress": "aa:bb:cc:00:00:01",
            "dateTime": "2024-05-01T08:00:00+08:00",
            "eventType": "AccessControllerEvent",
            "eventState": "active",
            "AccessControllerEvent": acs,
        }
    )


def test_access_control_events() -> None:
    card = decode_alert(_acs(1, cardNo="CARD-000001"), "application/json")
    assert isinstance(card, Event) and card.kind == "lock.open" and card.data["credential"] == "CARD-000001"
    face = decode_alert(_acs(75, employeeNoString="000042", picturesNumber=1), "application/json")
    assert isinstance(face, Event) and face.kind == "face.pass" and face.data["person_id"] == "000042"
    forced = decode_alert(_acs(27))
    assert isinstance(forced, Event) and forced.kind == "door.open" and forced.data["forced"] is True
    closed = decode_alert(_acs(26))
    assert isinstance(closed, Event) and closed.kind == "door.close"
    failed = decode_alert(_acs(76))
    assert isinstance(failed, Rejection) and "minor 76 has no event kind" in failed.reason
    assert card.id != face.id  # no UUID: the id is a hash of device, type, time and serial


def test_face_match_on_watchlist() -> None:
    extra = (
        "<faceMatch><PID>P000001</PID><faceLibType>blackFD</faceLibType>"
        "<similarity>0.92</similarity></faceMatch>"
    )
    event = decode_alert(_alert("faceMatch", extra=extra))
    assert isinstance(event, Event) and event.kind == "face.pass"
    assert event.data["person_id"] == "P000001" and event.data["watchlist"] is True
    assert event.data["similarity"] == pytest.approx(0.92)


@given(st.binary(max_size=400))
@settings(max_examples=150, deadline=None)
def test_random_bytes_never_raise(body: bytes) -> None:
    assert isinstance(decode_alert(body), Event | Rejection | Skip)


# --- multipart -----------------------------------------------------------------------------------------


def test_boundary_from_content_type() -> None:
    assert boundary_of('multipart/mixed; boundary="MIME_boundary"') == "MIME_boundary"
    assert boundary_of("multipart/mixed;boundary=abc") == "abc"
    with pytest.raises(MultipartError):
        boundary_of("application/xml")


STREAM = (
    b"--b\r\nContent-Type: application/xml\r\nContent-Length: 5\r\n\r\n<a/>\n\r\n"
    b"--b\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\r\n--bx\xff\xd9\r\n"
    b"--b\nContent-Type: application/json\n\n{}\n"
    b"--b--\r\n"
)


@pytest.mark.parametrize("step", [1, 2, 3, 7, len(STREAM)])
def test_parser_is_incremental(step: int) -> None:
    parser = MultipartParser("b")
    parts = []
    for i in range(0, len(STREAM), step):
        parts.extend(parser.feed(STREAM[i : i + step]))
    assert [p.content_type for p in parts] == ["application/xml", "image/jpeg", "application/json"]
    assert parts[0].body == b"<a/>\n"
    assert parts[1].body == b"\xff\xd8\r\n--bx\xff\xd9"  # no Content-Length: up to the next boundary line
    assert parts[2].body == b"{}"
    assert parser.closed


def test_parser_refuses_bad_length() -> None:
    with pytest.raises(MultipartError):
        MultipartParser("b").feed(b"--b\r\nContent-Length: x\r\n\r\n")


@given(st.lists(st.binary(max_size=60), max_size=20))
@settings(max_examples=150, deadline=None)
def test_parser_survives_random_chunks(chunks: list[bytes]) -> None:
    parser = MultipartParser("b")
    try:
        for chunk in [b"--b\r\n", *chunks]:
            for part in parser.feed(chunk):
                assert isinstance(part.body, bytes)
    except MultipartError:
        pass
