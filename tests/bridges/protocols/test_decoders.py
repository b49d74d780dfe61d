"""Decoders on malformed input: each rejection has a reason; random and truncated frames (hypothesis)
raise only FrameError; encoders round-trip through the decoders."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_app.bridges.gt06 import codec as gt06
from sandbox_app.bridges.jt808 import codec as jt808
from sandbox_app.bridges.osmand import codec as osmand
from sandbox_app.bridges.trackers.common import FrameError

PHONE = "013800000002"
LOCATION = (
    (1).to_bytes(4, "big") + (3).to_bytes(4, "big") + (40003100).to_bytes(4, "big")
    + (116351200).to_bytes(4, "big")
    + bytes.fromhex("002d" "0078" "005a" "240501160000" "310109" "01040000000a")
)  # fmt: skip
"""SOS bit, ACC on + fixed, 40.0031 N 116.3512 E, 45 m, 12.0 km/h, 90°, 2024-05-01 16:00:00 (GMT+8),
9 satellites, odometer 1.0 km."""
GT06_LOGIN = gt06.encode_packet(gt06.LOGIN, 1, bytes.fromhex("0358000000000001"))
GT06_GPS = bytes.fromhex("180501080000" "89" "044ab7cc" "0c7bae60" "0c" "1400")  # fmt: skip
"""2024-05-01 08:00:00Z, 9 satellites, 40.0031 N 116.3512 E, 12 km/h, fixed (bit 12), north (bit 10)."""
GT06_LOCATION = gt06.encode_packet(gt06.LOCATION, 2, GT06_GPS + bytes.fromhex("01cc00286d000f4d"))
GT06_ALARM = gt06.encode_packet(
    gt06.ALARM, 3, GT06_GPS + bytes.fromhex("0801cc00286d000f4d") + bytes.fromhex("2404020101")
)


def test_jt808_location_round_trip() -> None:
    frame = jt808.encode_message(jt808.LOCATION, PHONE, 7, LOCATION)
    message = jt808.decode_frame(frame)
    assert (message.header.msg_id, message.header.phone, message.header.serial) == (0x0200, PHONE, 7)
    body = message.body
    assert isinstance(body, jt808.LocationReport)
    p = body.position
    assert (p.lat, p.lon, p.altitude, p.course, p.satellites, p.alarms) == (
        40.0031,
        116.3512,
        45,
        90,
        9,
        ("sos",),
    )
    assert (
        p.ts == 1714550400000
        and p.speed_kn == pytest.approx(12 / 1.852)
        and p.attributes["odometer_m"] == 1000
    )


def test_jt808_escaping_and_splitting() -> None:
    body = b"\x7e\x7d1"
    frame = jt808.encode_message(jt808.AUTH, PHONE, 0x7E7D, body)
    assert frame.count(b"\x7e") == 2 and b"\x7d\x02" in frame and b"\x7d\x01" in frame
    splitter = jt808.FrameSplitter()
    stream = b"junk" + frame + frame[:5]
    assert splitter.feed(stream) == [frame] and splitter.feed(frame[5:]) == [frame] and splitter.skipped == 4
    message = jt808.decode_frame(frame)
    assert message.header.serial == 0x7E7D and message.body == jt808.Authentication(
        body.decode("gbk", "replace")
    )


def test_jt808_2019_header_and_text() -> None:
    frame = jt808.encode_text(PHONE, 5, "出警 D1", version=1)
    header, body = jt808.decode_platform(frame)
    assert (header.msg_id, header.version, header.phone) == (0x8300, 1, PHONE.zfill(20))
    assert jt808.decode_text(body, v2019=True).text == "出警 D1"
    long = jt808.encode_text(PHONE, 5, "警" * 600)
    assert len(jt808.decode_text(jt808.decode_platform(long)[1]).text) == 511  # whole GBK characters only


@pytest.mark.parametrize(
    ("frame", "reason"),
    [
        (b"\x7e\x02\x00\x7e", "truncated frame"),
        (jt808.encode_message(0x0200, PHONE, 1, LOCATION)[:-2] + b"\x00\x7e", "bad checksum"),
        (b"\x7e\x02\x00\x7d\x03" + bytes(12) + b"\x7e", "bad escape 0x7d 0x03"),
        (jt808.encode_message(0x0F00, PHONE, 1), "unknown message id 0x0f00"),
        (jt808.encode_message(0x0200, PHONE, 1, LOCATION[:20]), "truncated 0x0200 body"),
        (jt808.encode_message(0x0200, PHONE, 1, LOCATION[:22] + b"\x9a" + LOCATION[23:]), "bad BCD"),
        (jt808.encode_message(0x0200, PHONE, 1, LOCATION[:23] + b"\x13" + LOCATION[24:]), "bad date"),
        (jt808.encode_message(0x0704, PHONE, 1, b"\x00\x00\x00"), "no positions"),
    ],
)
def test_jt808_malformed_frames_are_rejected_with_a_reason(frame: bytes, reason: str) -> None:
    with pytest.raises(FrameError, match=reason):
        jt808.decode_frame(frame)


def test_gt06_packets_round_trip() -> None:
    login = gt06.decode_frame(GT06_LOGIN)
    assert login.body == gt06.Login("358000000000001") and login.serial == 1
    location = gt06.decode_frame(GT06_LOCATION).body
    assert isinstance(location, gt06.Location) and location.cell == gt06.Cell(460, 0, 0x286D, 0x000F4D)
    p = location.position
    assert (round(p.lat, 6), round(p.lon, 6), p.ts, p.satellites, p.valid, p.course) == (
        40.0031, 116.3512, 1714550400000, 9, True, 0.0
    )  # fmt: skip
    alarm = gt06.decode_frame(GT06_ALARM).body
    assert isinstance(alarm, gt06.Location) and alarm.status is not None
    assert alarm.position.alarms == ("sos",) and alarm.status.battery_level == 66
    assert gt06.encode_response(0x01, 1) == bytes.fromhex(
        "787805010001d9dc0d0a"
    )  # the GT06 manual's login ack


@pytest.mark.parametrize(
    ("frame", "reason"),
    [
        (GT06_LOCATION[:-4] + b"\x00\x00\x0d\x0a", "bad CRC"),
        (GT06_LOCATION[:-1], "truncated packet"),
        (GT06_LOCATION[:-2] + b"\x0d\x0b", "bad stop bytes"),
        (gt06.encode_packet(0x99, 1, b"x"), "unknown message id 0x99"),
        (gt06.encode_packet(gt06.LOCATION, 1, GT06_GPS[:10]), "truncated 0x12 content"),
        (gt06.encode_packet(gt06.LOCATION, 1, b"\x18\x0d" + GT06_GPS[2:]), "bad date"),
        (gt06.encode_packet(gt06.LOGIN, 1, bytes.fromhex("03580000000000ab")), "bad IMEI"),
    ],
)
def test_gt06_malformed_packets_are_rejected_with_a_reason(frame: bytes, reason: str) -> None:
    with pytest.raises(FrameError, match=reason):
        gt06.decode_frame(frame)


# fuzz: only FrameError may come out ------------------------------------------------------------------------
FUZZ = settings(max_examples=400, deadline=None)
JT808_SEEDS = [
    jt808.encode_message(jt808.LOCATION, PHONE, 1, LOCATION),
    jt808.encode_message(
        jt808.BATCH, PHONE, 2, b"\x00\x02\x00" + (b"\x00" + bytes([len(LOCATION)]) + LOCATION) * 2
    ),
    jt808.encode_message(jt808.REGISTER, PHONE, 3, bytes(4) + b"SANDB" + bytes(27) + b"\x01"),
    jt808.encode_message(jt808.AUTH, PHONE, 4, b"code", version=1),
]
GT06_SEEDS = [
    GT06_LOGIN,
    GT06_LOCATION,
    GT06_ALARM,
    gt06.encode_packet(gt06.STATUS, 4, b"\x44\x04\x03\x00\x01"),
]


def _mutate(seed: bytes, cut: int, flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(seed[: max(cut, 0)] if cut < len(seed) else seed)
    for index, value in flips:
        if data:
            data[index % len(data)] = value
    return bytes(data)


def _jt808(data: bytes) -> None:
    for frame in jt808.FrameSplitter().feed(data) or [data]:
        with contextlib.suppress(FrameError):
            jt808.decode_frame(frame)
        with contextlib.suppress(FrameError):
            jt808.decode_frame(frame, strict=False)


def _gt06(data: bytes) -> None:
    for frame in gt06.FrameSplitter().feed(data) or [data]:
        for strict in (True, False):
            with contextlib.suppress(FrameError):
                gt06.decode_frame(frame, strict=strict)


@FUZZ
@given(st.binary(max_size=300))
def test_jt808_random_bytes_raise_only_frame_errors(data: bytes) -> None:
    _jt808(b"\x7e" + data + b"\x7e")


@FUZZ
@given(
    st.sampled_from(JT808_SEEDS),
    st.integers(0, 200),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 255)), max_size=4),
)
def test_jt808_truncated_and_mutated_frames_raise_only_frame_errors(
    seed: bytes, cut: int, flips: list[tuple[int, int]]
) -> None:
    _jt808(_mutate(seed, cut, flips) + b"\x7e")


@FUZZ
@given(st.binary(max_size=300))
def test_gt06_random_bytes_raise_only_frame_errors(data: bytes) -> None:
    _gt06(b"\x78\x78" + data)
    _gt06(b"\x79\x79" + data)


@FUZZ
@given(
    st.sampled_from(GT06_SEEDS),
    st.integers(0, 100),
    st.lists(st.tuples(st.integers(0, 100), st.integers(0, 255)), max_size=4),
)
def test_gt06_truncated_and_mutated_packets_raise_only_frame_errors(
    seed: bytes, cut: int, flips: list[tuple[int, int]]
) -> None:
    _gt06(_mutate(seed, cut, flips))


@FUZZ
@given(
    st.sampled_from(["GET", "POST", "PUT"]),
    st.text(max_size=200),
    st.binary(max_size=300),
    st.sampled_from(["", "application/json"]),
)
def test_osmand_random_requests_raise_only_frame_errors(
    method: str, query: str, body: bytes, content_type: str
) -> None:
    for target in ("/?" + query, "/?id=1&" + query, "/"):
        with contextlib.suppress(FrameError):
            osmand.decode_request(method, target, body, content_type, 1_700_000_000_000)
