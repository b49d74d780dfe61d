"""GT06 server over a real socket: login is acked, positions and alarms reach the sink as events, status
and alarms are acked after the sink returned, an unknown IMEI gets no ack and is counted, and a packet with
a bad CRC is counted while the connection keeps working."""

from __future__ import annotations

import socket
from collections.abc import Sequence

from sandbox_app.bridges.gt06 import codec as gt06
from sandbox_app.bridges.gt06.server import Gt06Server
from sandbox_app.bridges.trackers.bridge import ListenSettings, TrackerDirectory
from sandbox_app.bridges.transport import Item
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.clock import WallClock
from tests.bridges.protocols.test_decoders import GT06_ALARM, GT06_LOCATION, GT06_LOGIN


def test_gt06_session() -> None:
    got: list[Item] = []

    def sink(items: Sequence[Item]) -> None:
        got.extend(items)

    directory = TrackerDirectory({"358000000000001": "GPS-00003"})
    server = Gt06Server(ListenSettings(host="127.0.0.1", port=0), directory, sink, WallClock())
    server.start()
    try:
        with socket.create_connection(server.address, timeout=5) as sock:
            sock.sendall(GT06_LOGIN)
            assert sock.recv(64) == gt06.encode_response(gt06.LOGIN, 1)
            sock.sendall(GT06_LOCATION[:-4] + b"\x00\x00\x0d\x0a")  # bad CRC: counted, nothing answered
            sock.sendall(GT06_LOCATION + GT06_ALARM)
            assert sock.recv(64) == gt06.encode_response(gt06.ALARM, 3)  # the location is not acked
            sock.sendall(gt06.encode_packet(gt06.STATUS, 4, bytes.fromhex("4406040001")))
            assert sock.recv(64) == gt06.encode_response(gt06.STATUS, 4)
        with socket.create_connection(server.address, timeout=5) as stranger:
            stranger.sendall(gt06.encode_packet(gt06.LOGIN, 1, bytes.fromhex("0358000000000009")))
            stranger.settimeout(0.3)
            try:
                answer = stranger.recv(64)
            except TimeoutError:
                answer = b""
            assert answer == b""
    finally:
        server.stop()
    fix, alarm, status, unknown = got
    assert isinstance(fix, Event) and (fix.kind, fix.device, fix.ts) == (
        "gps.fix",
        "GPS-00003",
        1714550400000,
    )
    assert (
        isinstance(alarm, Event) and alarm.data["alarms"] == ["sos"] and alarm.id != fix.id
    )  # an alarm is not a repeat of the plain fix
    assert isinstance(status, Event) and status.kind == "device.heartbeat" and status.data["battery"] == 100
    assert isinstance(unknown, Rejection) and "358000000000009" in unknown.reason
    assert server.delivery.frame_errors == 1 and server.delivery.unknown_devices == 1
