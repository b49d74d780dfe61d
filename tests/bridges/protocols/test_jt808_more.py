"""JT/T 808 completeness: the standard additional items (and vendor ones skipped safely), subpackaged
messages put back together, the 0x8201 position query and its 0x0201 answer, and the 2019 header (10-byte
BCD phone, version byte) on every message both ways; over a real socket and fuzzed."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_app.bridges.jt808 import codec as jt808
from sandbox_app.bridges.jt808 import parts as jt808_parts
from sandbox_app.bridges.jt808.server import Jt808Server
from sandbox_app.bridges.trackers.bridge import ListenSettings, TrackerDirectory
from sandbox_app.bridges.trackers.common import FrameError, Reader
from sandbox_app.bridges.transport import Item
from sandbox_app.domain.events import Event
from sandbox_app.engine.clock import WallClock
from tests.bridges.protocols.test_decoders import LOCATION
from tests.bridges.protocols.test_e2e import wait_until

PHONE_2019 = "00000000013800000002"
"""A 2019 terminal's phone: 20 BCD digits (10 bytes)."""
BASIC = LOCATION[:28]
ITEMS = bytes.fromhex(
    "0104" "00000d05"  # mileage 333.3 km
    "0202" "01f4"  # fuel 50.0 L
    "0302" "0258"  # recorder speed 60.0 km/h
    "3001" "17"  # signal 23
    "3101" "0c"  # 12 satellites
    "e105" "0102030405"  # vendor range 0xE1..0xFF: kept raw
    "8003" "aabbcc"  # vendor 0x80
)  # fmt: skip


def test_additional_items_standard_and_vendor() -> None:
    report = jt808.decode_location(Reader(BASIC + ITEMS))
    a = report.position.attributes
    assert (a["odometer_m"], a["fuel_l"], a["recorder_speed_kmh"], a["rssi"]) == (333300, 50.0, 60.0, 23)
    assert report.position.satellites == 12
    assert report.items[0xE1] == bytes.fromhex("0102030405") and report.items[0x80] == bytes.fromhex("aabbcc")
    wrong_size = jt808.decode_location(Reader(BASIC + bytes.fromhex("0102ffff3102000c")))
    assert "odometer_m" not in wrong_size.position.attributes and wrong_size.position.satellites is None
    cut = jt808.decode_location(Reader(BASIC + bytes.fromhex("31010ce4ff0102")))
    assert cut.position.satellites == 12 and 0xE4 not in cut.items  # a mis-sized vendor tail is dropped


def test_position_query_and_answer_with_the_2019_header() -> None:
    query = jt808.encode_position_query(PHONE_2019, 9, version=1)
    header, body = jt808.decode_platform(query)
    assert (header.msg_id, header.version, header.phone, header.serial, body) == (
        0x8201,
        1,
        PHONE_2019,
        9,
        b"",
    )
    answer = jt808.encode_message(jt808.POSITION_ANSWER, PHONE_2019, 3, (9).to_bytes(2, "big") + LOCATION, 1)
    message = jt808.decode_frame(answer)
    assert (message.header.version, message.header.phone) == (1, PHONE_2019)
    assert isinstance(message.body, jt808.PositionAnswer) and message.body.reply_serial == 9
    assert message.body.report.position.lat == 40.0031


def parts_of(msg_id: int, body: bytes, n: int, first_serial: int, version: int | None = 1) -> list[bytes]:
    size = -(-len(body) // n)
    chunks = [body[i * size : (i + 1) * size] for i in range(n)]
    return [
        jt808.encode_message(msg_id, PHONE_2019, first_serial + i, chunk, version, (n, i + 1))
        for i, chunk in enumerate(chunks)
    ]


BATCH = b"\x00\x03\x01" + (len(LOCATION).to_bytes(2, "big") + LOCATION) * 3


def test_reassembler_in_and_out_of_order() -> None:
    frames = parts_of(jt808.BATCH, BATCH, 3, 40)
    with pytest.raises(FrameError, match="subpackage 1/3"):
        jt808.decode_frame(frames[0])
    for order in ([0, 1, 2], [2, 0, 1]):
        parts = jt808_parts.Reassembler()
        results = [parts.add(*jt808.split_frame(frames[i])) for i in order]
        assert results[:2] == [None, None] and results[2] is not None
        header, body = results[2]
        assert (header.serial, header.packet, body) == (40 + order[-1], None, BATCH)
        message = jt808.decode_body(header, body)
        assert isinstance(message.body, jt808.BatchUpload) and len(message.body.reports) == 3
    with pytest.raises(FrameError, match="out of range"):
        jt808.split_frame(jt808.encode_message(jt808.BATCH, PHONE_2019, 1, b"x", 1, (2, 3)))


def test_reassembler_bounds_half_sent_messages() -> None:
    parts = jt808_parts.Reassembler()
    for k in range(jt808_parts.MAX_PENDING + 2):
        assert parts.add(*jt808.split_frame(parts_of(jt808.BATCH, BATCH, 2, 100 * k)[0])) is None
    assert parts.dropped == 2
    with pytest.raises(FrameError, match="parts"):
        parts.add(*jt808.split_frame(jt808.encode_message(jt808.BATCH, PHONE_2019, 1, b"x", 1, (999, 1))))


def test_2019_terminal_session_subpackages_and_position_query() -> None:
    got: list[Item] = []

    def sink(items: Sequence[Item]) -> None:
        got.extend(items)

    server = Jt808Server(
        ListenSettings(host="127.0.0.1", port=0),
        TrackerDirectory({PHONE_2019: "GPS-00002"}),
        sink,
        WallClock(),
    )
    server.start()
    splitter = jt808.FrameSplitter()
    inbox: list[tuple[jt808.Header, bytes]] = []

    def receive(sock: socket.socket, msg_id: int) -> tuple[jt808.Header, bytes]:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for i, (header, _) in enumerate(inbox):
                if header.msg_id == msg_id:
                    return inbox.pop(i)
            inbox.extend(jt808.decode_platform(f) for f in splitter.feed(sock.recv(4096)))
        raise AssertionError(f"no 0x{msg_id:04x}")

    try:
        with socket.create_connection(server.address, timeout=5) as sock:
            sock.sendall(jt808.encode_message(jt808.AUTH, PHONE_2019, 1, b"\x04SB13" + bytes(35), 1))
            header, body = receive(sock, jt808.PLATFORM_RESPONSE)
            assert (header.version, header.phone, body) == (1, PHONE_2019, b"\x00\x01\x01\x02\x00")
            for frame in parts_of(jt808.BATCH, BATCH, 3, 2):
                sock.sendall(frame)
                header, body = receive(sock, jt808.PLATFORM_RESPONSE)
                assert header.version == 1 and body[:2] == jt808.split_frame(frame)[0].serial.to_bytes(
                    2, "big"
                )
            wait_until(lambda: len(got) == 4, 5, "the reassembled batch")
            serial = server.query_position("GPS-00002")
            header, body = receive(sock, jt808.POSITION_QUERY)
            assert (header.serial, header.version, header.phone, body) == (serial, 1, PHONE_2019, b"")
            sock.sendall(
                jt808.encode_message(
                    jt808.POSITION_ANSWER, PHONE_2019, 5, serial.to_bytes(2, "big") + LOCATION, 1
                )
            )
            assert receive(sock, jt808.PLATFORM_RESPONSE)[1] == b"\x00\x05\x02\x01\x00"
            wait_until(lambda: len(got) == 5, 5, "the answer's fix")
    finally:
        server.stop()
    kinds = [i.kind for i in got if isinstance(i, Event)]
    assert kinds == ["device.heartbeat"] + ["gps.fix"] * 4
    assert server.delivery.frame_errors == 0


FUZZ = settings(max_examples=300, deadline=None)


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.integers(0, 5), st.integers(0, 8), st.binary(max_size=40)),
        max_size=12,
    )
)
def test_reassembly_of_random_parts_raises_only_frame_errors(
    parts: list[tuple[int, int, int, bytes]],
) -> None:
    reassembler = jt808_parts.Reassembler()
    for total, index, serial, chunk in parts:
        frame = jt808.encode_message(jt808.BATCH, PHONE_2019, serial, chunk, 1, (total, index))
        with contextlib.suppress(FrameError):
            whole = reassembler.add(*jt808.split_frame(frame))
            if whole is not None:
                jt808.decode_body(*whole)
