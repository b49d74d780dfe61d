"""H02 and the 3G watch protocol on hand-built frames (what Traccar's vectors do not assert), fuzzed, over
real sockets on 127.0.0.1, and end to end: a watch SOS through the server puts an alert on the wearer's
room, placed at the watch's fix."""

from __future__ import annotations

import contextlib
import socket
import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_app.bridges.h02 import codec as h02
from sandbox_app.bridges.h02.server import H02Server
from sandbox_app.bridges.trackers.bridge import ListenSettings, TrackerDirectory
from sandbox_app.bridges.trackers.common import FrameError
from sandbox_app.bridges.transport import Item
from sandbox_app.bridges.watch import codec as watch
from sandbox_app.bridges.watch.server import WATCH_KINDS, WatchServer, watch_events
from sandbox_app.domain.device_kinds import DEVICE_KINDS, Placement
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.domain.model import Device
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.pipeline import Engine
from sandbox_app.rules.config import build_rules
from sandbox_app.store.sqlite import SqliteStore
from tests.bridges.protocols.test_e2e import wait_until
from tests.rules.helpers import district as rules_district

NOW = 1_714_550_400_000  # 2024-05-01 08:00 UTC
H02_V1 = b"*HQ,4106012736,V1,080000,A,3000.0900,N,12000.0900,E,10.00,090,010524,FFFFFBFD#"
"""Status FFFFFBFD: bit 1 cleared (SOS), bit 10 cleared (ignition off)."""


def h02_binary(status: str = "fffffbff", flags: str = "e", device: str = "4106012736") -> bytes:
    """$ id hhmmss ddmmyy lat(ddmm.mmmm) battery lon(dddmm.mmmm)+flags speed(3) course(3) status tail."""
    nibbles = device + "080000" + "010524" + "30000900" + "64" + "120000900" + flags + "010" + "090"
    return b"$" + bytes.fromhex(nibbles + status) + b"\xff\x00\x00"


def watch_frame(content: bytes, device: str = "8800000015", maker: str = "SG", index: str = "") -> bytes:
    head = f"[{maker}*{device}*" + (f"{index}*" if index else "") + f"{len(content):04X}*"
    return head.encode() + content + b"]"


def watch_al(status: str, valid: str = "A", stamp: str = "010524,080000") -> bytes:
    return watch_frame(
        f"AL,{stamp},{valid},30.001500,N,120.001500,E,0.0,0,12,7,60,15,300,0,{status},0,0".encode()
    )


# H02 by hand ---------------------------------------------------------------------------------------------
def test_h02_text_status_word_sos_and_ignition() -> None:
    report = h02.decode_frame(H02_V1, NOW)
    p = report.position
    assert report.device_id == "4106012736" and p is not None
    assert (p.ts, p.valid, p.alarms) == (NOW, True, ("sos",))
    assert p.lat == pytest.approx(30.0015) and p.lon == pytest.approx(120.0015)
    assert p.attributes["ignition"] is False and p.speed_kn == 10.0 and p.course == 90.0


@pytest.mark.parametrize(
    "status, alarms",
    [("FFFFFFFE", ("vibration",)), ("FFFFFFFB", ("overspeed",)), ("FFF7FFFF", ("power_cut",)),
     ("FFFFFFFF", ())],
)  # fmt: skip
def test_h02_status_alarms(status: str, alarms: tuple[str, ...]) -> None:
    p = h02.decode_frame(H02_V1.replace(b"FFFFFBFD", status.encode()), NOW).position
    assert p is not None and p.alarms == alarms


def test_h02_binary_layout_and_flags() -> None:
    report = h02.decode_frame(h02_binary(), NOW)
    p = report.position
    assert report.command == "binary" and report.device_id == "4106012736" and p is not None
    assert (p.ts, p.valid, p.speed_kn, p.course) == (NOW, True, 10.0, 90.0)
    assert p.lat == pytest.approx(30.0015) and p.lon == pytest.approx(120.0015)
    south_west = h02.decode_frame(h02_binary(flags="2"), NOW).position
    assert south_west is not None and south_west.lat < 0 and south_west.lon < 0
    invalid = h02.decode_frame(h02_binary(flags="c", status="fffffbfd"), NOW).position
    assert invalid is not None and not invalid.valid and invalid.alarms == ("sos",)


def test_h02_heartbeat_and_no_fix_reports() -> None:
    assert h02.decode_frame(b"*HQ,4106012736,HTBT,57#", NOW).battery_level == 57.0
    assert h02.decode_frame(b"*HQ,4106012736,HTBT,250#", NOW).battery_level is None
    link = h02.decode_frame(b"*HQ,4106012736,LINK,112137,20,8,67,0,0,081116,FFFFFBFF#", NOW)
    assert link.position is None and link.command == "LINK"


@pytest.mark.parametrize(
    "frame, reason",
    [
        (b"*HQ,4106012736,V1,080000,A,9100.0000,N,12000.0900,E,0,0,010524,FFFFFFFF#", "out of range"),
        (b"*HQ,4106012736,V1,080000,A,3000.09x0,N,12000.0900,E,0,0,010524,FFFFFFFF#", "bad coordinate"),
        (b"*HQ,4106012736,V1,080000,A,3000.0900,N,12000.0900,E,0,0,310224,FFFFFFFF#", "bad date"),
        (b"*HQ,4106012736,V1,080000,A,3000.0900,N#", "too short"),
        (b"*HQ,41060127zz,V1#", "bad device id"),
        (b"*XX,1,V1#", "not an H02 text report"),
        (b"*HQ,1,V1,\xff#", "not ASCII"),
        (b"$" + bytes(10), "truncated binary"),
        (h02_binary(device="41060127ab"), "bad BCD device id"),
    ],
)
def test_h02_malformed_reports_are_rejected_with_a_reason(frame: bytes, reason: str) -> None:
    with pytest.raises(FrameError, match=reason):
        h02.decode_frame(frame, NOW)


def test_h02_splitter_mixes_text_and_binary_and_skips_garbage() -> None:
    splitter = h02.FrameSplitter()
    data = b"noise" + H02_V1 + b"\r\n" + h02_binary() + h02_binary() + H02_V1
    frames = splitter.feed(data[:40]) + splitter.feed(data[40:])
    assert frames == [H02_V1, h02_binary(), h02_binary(), H02_V1] and splitter.skipped == 5


# watch by hand ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "status, alarms",
    [("00010000", ("sos",)), ("00200000", ("fall",)), ("00210000", ("sos", "fall")),
     ("00100000", ("removing",)), ("00020000", ("low_battery",)), ("00000000", ())],
)  # fmt: skip
def test_watch_alarm_bits(status: str, alarms: tuple[str, ...]) -> None:
    message = watch.decode_frame(watch_al(status))
    assert message.alarms == alarms and message.reply_kind == "AL"
    p = message.position
    assert p is not None and p.ts == NOW and p.valid and p.battery_level == 15.0 and message.steps == 300


def test_watch_link_and_replies_echo_maker_id_and_index() -> None:
    lk = watch.decode_frame(watch_frame(b"LK,1200,3,87"))
    assert (lk.steps, lk.battery_level, lk.attributes) == (1200, 87.0, {"tumbles": 3})
    assert watch.encode_reply(lk, "LK") == b"[SG*8800000015*0002*LK]"
    zj = watch.decode_frame(watch_frame(b"LK", "014111001350304", "ZJ", "0034"))
    assert watch.encode_reply(zj, "LK") == b"[ZJ*014111001350304*0034*0002*LK]"
    heart = watch.decode_frame(watch_frame(b"heart,76", maker="3G"))
    assert heart.attributes == {"heart_rate": 76} and heart.reply_kind is None


def test_watch_escapes_round_trip() -> None:
    content = b"TK,}[],*\x00\xff"
    assert watch.unescape(watch.escape(content)) == content
    framed = watch_frame(watch.escape(content), maker="CS")
    assert watch.FrameSplitter().feed(framed) == [watch.unescape(framed)]


@pytest.mark.parametrize(
    "frame, reason",
    [
        (b"[SG*8800000015*0002*LK", "closing"),
        (b"SG*8800000015*0002*LK]", "not a watch frame"),
        (watch_frame(b"LK,x"), "bad LK field"),
        (watch_frame(b"UD,010524,080000,A,30.0,N"), "too short"),
        (watch_al("00010000", stamp="320524,080000"), "bad date"),
        (watch_al("0001000G"), "bad status"),
        (watch_al("00010000").replace(b"30.001500", b"95.001500"), "out of range"),
        (watch_frame(b"L\xffK,1"), "bad message type"),
    ],
)
def test_watch_malformed_frames_are_rejected_with_a_reason(frame: bytes, reason: str) -> None:
    with pytest.raises(FrameError, match=reason):
        watch.decode_frame(frame)


def test_watch_events_alarms_become_alerts_and_health_flags() -> None:
    sos = watch_events("SW-1", watch.decode_frame(watch_al("00210000")), NOW)
    kinds = [(e.kind, e.lon) for e in sos if isinstance(e, Event)]
    assert kinds == [("alarm.button", 120.0015), ("fall.detected", 120.0015), ("device.heartbeat", None)]
    assert all(k in DEVICE_KINDS["smart_watch"].emits for k, _ in kinds[:2])
    no_fix = watch_events("SW-1", watch.decode_frame(watch_al("00010000", valid="V")), NOW)
    first = no_fix[0]
    assert isinstance(first, Event) and first.lon is None and first.data["no_fix"] is True
    off = watch_events("SW-1", watch.decode_frame(watch_al("00120001")), NOW)
    [beat] = off
    assert isinstance(beat, Event) and beat.kind == "device.heartbeat"
    assert beat.data["not_worn"] is True and beat.data["low_battery"] is True and beat.data["battery"] == 15.0
    old = watch_events("SW-1", watch.decode_frame(watch_al("00010000", stamp="010120,000000")), NOW)[0]
    assert isinstance(old, Event) and old.ts == NOW  # a watch whose clock was never set: stamped on arrival


# fuzz: only FrameError ---------------------------------------------------------------------------------
FUZZ = settings(max_examples=300, deadline=None)


def _mutate(seed: bytes, cut: int, flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(seed[: max(cut, 1)])
    for index, value in flips:
        data[index % len(data)] = value
    return bytes(data)


def _h02(data: bytes) -> None:
    for frame in h02.FrameSplitter().feed(data) or [data]:
        with contextlib.suppress(FrameError):
            h02.decode_frame(frame, NOW)


def _watch(data: bytes) -> None:
    for frame in watch.FrameSplitter().feed(data) or [data]:
        with contextlib.suppress(FrameError):
            watch.decode_frame(frame)


@FUZZ
@given(st.binary(max_size=200), st.text(max_size=200))
def test_h02_random_input_raises_only_frame_errors(data: bytes, text: str) -> None:
    _h02(b"*HQ," + data + b"#")
    _h02(b"$" + data)
    _h02(("*HQ,1,V1," + text + "#").encode("utf-8", "replace"))
    _h02(("*HQ,1," + text + "#").encode("utf-8", "replace"))


@FUZZ
@given(
    st.sampled_from([H02_V1, h02_binary(), b"*HQ,4106012736,HTBT,57#", b"*HQ,1,V4,S17,130305,080000,A,"
                     b"3000.0900,N,12000.0900,E,1,2,010524,FFFFFBFF#"]),
    st.integers(1, 120),
    st.lists(st.tuples(st.integers(0, 120), st.integers(0, 255)), max_size=4),
)  # fmt: skip
def test_h02_mutated_reports_raise_only_frame_errors(
    seed: bytes, cut: int, flips: list[tuple[int, int]]
) -> None:
    _h02(_mutate(seed, cut, flips))


@FUZZ
@given(st.binary(max_size=200), st.text(max_size=200))
def test_watch_random_input_raises_only_frame_errors(data: bytes, text: str) -> None:
    _watch(b"[SG*1*0001*" + data + b"]")
    _watch(b"[3G*1*0001*UD," + text.encode("utf-8", "replace") + b"]")


@FUZZ
@given(
    st.sampled_from([watch_al("00010000"), watch_frame(b"LK,1,2,3"), watch_frame(b"bphrt,120,79,73"),
                     watch_frame(b"LK", "014111001350304", "ZJ", "0034")]),
    st.integers(1, 150),
    st.lists(st.tuples(st.integers(0, 150), st.integers(0, 255)), max_size=4),
)  # fmt: skip
def test_watch_mutated_frames_raise_only_frame_errors(
    seed: bytes, cut: int, flips: list[tuple[int, int]]
) -> None:
    _watch(_mutate(seed, cut, flips) + b"]")


# over sockets ------------------------------------------------------------------------------------------
def _recv_nothing(sock: socket.socket) -> bytes:
    sock.settimeout(0.3)
    try:
        return sock.recv(64)
    except TimeoutError:
        return b""


def test_h02_session() -> None:
    got: list[Item] = []

    def sink(items: Sequence[Item]) -> None:
        got.extend(items)

    directory = TrackerDirectory({"4106012736": "GPS-00009"})
    server = H02Server(ListenSettings(host="127.0.0.1", port=0), directory, sink, WallClock())
    server.start()
    try:
        with socket.create_connection(server.address, timeout=5) as sock:
            sock.sendall(H02_V1 + b"*HQ,4106012736,V1,080000,A,9100.0,N#" + h02_binary())
            sock.sendall(b"*HQ,4106012736,HTBT,57#*HQ,999,LINK#*HQ,999,HTBT#")
            assert _recv_nothing(sock) == b""  # H02 expects no answer
            wait_until(lambda: len(got) == 4, 5, "the H02 reports")
    finally:
        server.stop()
    sos, fix, beat, stranger = got
    assert isinstance(sos, Event) and sos.kind == "gps.fix" and sos.device == "GPS-00009"
    assert sos.data["alarms"] == ["sos"] and sos.ts == NOW
    assert isinstance(fix, Event) and fix.kind == "gps.fix" and fix.id != sos.id
    assert isinstance(beat, Event) and beat.kind == "device.heartbeat" and beat.data["battery"] == 57.0
    assert isinstance(stranger, Rejection) and "'999'" in stranger.reason  # once per connection
    assert server.delivery.frame_errors == 1 and server.delivery.unknown_devices == 1


def test_watch_session_acks_after_delivery() -> None:
    got: list[Item] = []

    def sink(items: Sequence[Item]) -> None:
        got.extend(items)

    server = WatchServer(
        ListenSettings(host="127.0.0.1", port=0), TrackerDirectory({"8800000015": "SW-1"}), sink, WallClock()
    )
    server.start()
    try:
        with socket.create_connection(server.address, timeout=5) as sock:
            sock.sendall(watch_frame(b"LK,10,0,80"))
            assert sock.recv(64) == b"[SG*8800000015*0002*LK]"
            sock.sendall(b"[SG*8800000015*0002*L\xffK]" + watch_al("00010000"))
            assert sock.recv(64) == b"[SG*8800000015*0002*AL]"
            sock.sendall(watch_frame(b"LK", device="123"))
            assert _recv_nothing(sock) == b""
    finally:
        server.stop()
    assert [(i.kind if isinstance(i, Event) else "rejection") for i in got] == [
        "device.heartbeat", "alarm.button", "device.heartbeat", "rejection"
    ]  # fmt: skip
    assert server.delivery.frame_errors == 1


# end to end -------------------------------------------------------------------------------------------------
def test_watch_sos_through_the_server_alerts_on_the_wearers_room(tmp_path: Path) -> None:
    dist = rules_district()
    dist.devices["SW-OWN"] = Device(
        "SW-OWN", "smart_watch", "测试居民0002的手表", Placement.ROOM, room_id="R-OWN",
        extra={"imei": "358800000000015"},
    )  # fmt: skip
    store = SqliteStore(tmp_path / "watch.db")
    engine = Engine(store, dist, build_rules(dist, {"alarm_button": {}, "fall_detected": {}}))
    server = WatchServer(
        ListenSettings(host="127.0.0.1", port=0),
        TrackerDirectory.from_district(dist, kinds=WATCH_KINDS),
        engine.ingest,
        WallClock(),
    )
    server.start()
    stamp = time.strftime("%d%m%y,%H%M%S", time.gmtime(time.time() - 60))
    try:
        with socket.create_connection(server.address, timeout=5) as sock:
            sock.sendall(watch_frame(watch_al("00010000", stamp=stamp)[20:-1], device="358800000000015"))
            assert sock.recv(64) == b"[SG*358800000000015*0002*AL]"
        wait_until(lambda: bool(engine.open_alerts()), 5, "the watch's alert")
    finally:
        server.stop()
    [alert] = engine.open_alerts()
    assert (alert.rule, alert.subject, alert.data["room_id"], alert.data["building_id"]) == (
        "alarm_button", "SW-OWN", "R-OWN", "B1"
    )  # fmt: skip
    assert (alert.lon, alert.lat) == pytest.approx((120.0015, 30.0015))  # the watch's own fix
    store.close()


def test_runner_starts_h02_and_watch_from_the_bridges_file(tmp_path: Path) -> None:
    """[h02] and [watch] in a bridges file: both listen, report health, and reach the engine."""
    from sandbox_app.bridges.config import load_bridges
    from sandbox_app.bridges.runner import Bridges

    config = tmp_path / "bridges.toml"
    config.write_text("[h02]\nport = 0\n[watch]\nport = 0\n", encoding="utf-8")
    dist = rules_district()
    watch_id = {"imei": "358800000000016"}
    dist.devices["SW-OWN"] = Device(
        "SW-OWN", "smart_watch", "测试手表", Placement.ROOM, "R-OWN", extra=watch_id
    )
    dist.devices["GPS-G"].extra["imei"] = "4106012736"
    got: list[Item] = []
    bridges = Bridges(load_bridges(config), dist, got.extend, WallClock())
    bridges.start()
    try:
        assert sorted(h.name.split(":")[0] for h in bridges.health()) == ["h02", "watch"]
        with socket.create_connection(bridges.addresses["h02"], timeout=5) as sock:
            sock.sendall(H02_V1)
        with socket.create_connection(bridges.addresses["watch"], timeout=5) as sock:
            sock.sendall(watch_frame(b"LK,1,0,90", device="358800000000016"))
            assert sock.recv(64) == b"[SG*358800000000016*0002*LK]"
        wait_until(lambda: len(got) == 2, 5, "both reports")
    finally:
        bridges.stop()
    assert sorted((i.device, i.kind) for i in got if isinstance(i, Event)) == [
        ("GPS-G", "gps.fix"), ("SW-OWN", "device.heartbeat")
    ]  # fmt: skip
