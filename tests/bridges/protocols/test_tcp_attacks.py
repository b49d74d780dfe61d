"""The TCP tracker servers under attack (issue 14): crafted GT06 bytes resynchronise in linear work,
rejected frames are logged a bounded number of times per connection, and connections are capped."""

from __future__ import annotations

import logging
import random
import socket
import time
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sandbox_app.bridges.gt06 import codec as gt06
from sandbox_app.bridges.gt06.server import Gt06Server
from sandbox_app.bridges.jt808.server import Jt808Server
from sandbox_app.bridges.trackers.bridge import ListenSettings, RejectionLog, TrackerDirectory
from sandbox_app.bridges.transport import Item
from sandbox_app.engine.clock import WallClock
from tests.bridges.protocols.test_decoders import GT06_LOCATION, GT06_LOGIN
from tests.support import wait_until


def _reference_split(stream: bytes) -> tuple[list[bytes], int]:
    """The splitter as it was before (quadratic on crafted input, but right): the new one must agree."""
    buf, frames, skipped = bytearray(stream), [], 0
    while len(buf) >= 5:
        found = [i for i in (buf.find(gt06.START), buf.find(gt06.START_LONG)) if i >= 0]
        if not found:
            keep = 1 if bytes(buf[-1:]) in (b"\x78", b"\x79") else 0
            skipped += len(buf) - keep
            del buf[: len(buf) - keep]
            break
        start = min(found)
        if start:
            skipped += start
            del buf[:start]
            continue
        long_form = buf[:2] == gt06.START_LONG
        size = 2 + 2 + int.from_bytes(buf[2:4], "big") + 2 if long_form else 2 + 1 + buf[2] + 2
        if size > gt06.MAX_PACKET or size < 10:
            skipped += 1
            del buf[:1]
            continue
        if len(buf) < size:
            break
        if buf[size - 2 : size] != gt06.STOP:
            skipped += 1
            del buf[:1]
            continue
        frames.append(bytes(buf[:size]))
        del buf[:size]
    return frames, skipped


CRAFTED = {
    # every position a long-form candidate announcing 1000 bytes whose stop bytes never come
    "long_candidates": (b"\x79\x79\x03\xe0" + b"\x79" * 60) * 16_000,
    # short-form candidates with a wrong stop and no long-form mark (the old find scanned to the end)
    "short_candidates": b"\x78\x78\xff" * 340_000,
    # a start mark every few bytes with too small a length
    "tiny": b"\x78\x78\x01\x00" * 250_000,
    # valid packets buried in junk
    "mixed": (b"\x78\x79\x00" * 3000 + GT06_LOCATION) * 100,
}


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_gt06_resync_work_is_linear_in_the_input(name: str) -> None:
    data = CRAFTED[name]
    for chunk in (4096, len(data)):  # as a socket delivers it, and all at once
        splitter = gt06.FrameSplitter()
        frames = []
        for i in range(0, len(data), chunk):
            frames += splitter.feed(data[i : i + chunk])
        assert splitter.work <= 8 * len(data), (name, chunk, splitter.work / len(data))
        if name == "mixed":
            assert frames == [GT06_LOCATION] * 100


@given(
    st.lists(
        st.sampled_from([GT06_LOCATION, GT06_LOGIN, b"\x78\x78", b"\x79\x79\x00\x0c", b"\x0d\x0a", b"\x78"])
        | st.binary(max_size=12),
        max_size=30,
    ),
    st.integers(1, 64),
)
@settings(max_examples=200, deadline=None)
def test_gt06_splitter_agrees_with_the_old_one(parts: list[bytes], chunk: int) -> None:
    stream = b"".join(parts)
    splitter = gt06.FrameSplitter()
    frames = []
    for i in range(0, len(stream), chunk):
        frames += splitter.feed(stream[i : i + chunk])
    expected, _ = _reference_split(stream)
    assert frames == expected


def _sink(got: list[Item]) -> object:
    def sink(items: Sequence[Item]) -> None:
        got.extend(items)

    return sink


def _drain_until_closed(sock: socket.socket, limit_s: float = 30.0) -> None:
    sock.settimeout(limit_s)
    while True:
        try:
            if not sock.recv(65536):
                return
        except (ConnectionResetError, TimeoutError):
            return


def test_jt808_garbage_is_logged_a_bounded_number_of_times(caplog: pytest.LogCaptureFixture) -> None:
    got: list[Item] = []
    server = Jt808Server(ListenSettings("127.0.0.1", 0), TrackerDirectory({}), _sink(got), WallClock())  # type: ignore[arg-type]
    server.start()
    rng = random.Random(14)
    garbage = b"".join(
        b"\x7e" + bytes(rng.choice(range(0x7F, 0x100)) for _ in range(3)) + b"\x7e" for _ in range(30_000)
    )
    try:
        with caplog.at_level(logging.WARNING, logger="sandbox_app.bridges.trackers.bridge"):
            with socket.create_connection(server.address, timeout=10) as sock:
                sock.sendall(garbage)
                sock.shutdown(socket.SHUT_WR)
                _drain_until_closed(sock)
            wait_until(lambda: server.delivery.frame_errors >= 30_000, 10, "every garbage frame counted")
    finally:
        server.stop()
    assert server.delivery.frame_errors == 30_000  # every one still counted
    lines = [r for r in caplog.records if r.name == "sandbox_app.bridges.trackers.bridge"]
    assert len(lines) <= RejectionLog.FULL + 30_000 // RejectionLog.EVERY
    assert sum(len(r.getMessage()) for r in lines) < 20_000


def test_h02_garbage_is_logged_a_bounded_number_of_times_too(caplog: pytest.LogCaptureFixture) -> None:
    """The rate limit is every framed protocol's, not one server's (issue 14: fix the class of problem)."""
    from sandbox_app.bridges.h02.server import H02Server

    got: list[Item] = []
    server = H02Server(ListenSettings("127.0.0.1", 0), TrackerDirectory({}), _sink(got), WallClock())  # type: ignore[arg-type]
    server.start()
    n = 5_000
    try:
        with caplog.at_level(logging.WARNING, logger="sandbox_app.bridges.trackers.bridge"):
            with socket.create_connection(server.address, timeout=10) as sock:
                sock.sendall(b"*HQ,1,V1#" * n)
                sock.shutdown(socket.SHUT_WR)
                _drain_until_closed(sock)
            wait_until(lambda: server.delivery.frame_errors >= n, 10, "every garbage frame counted")
    finally:
        server.stop()
    assert server.delivery.frame_errors == n
    lines = [r for r in caplog.records if r.name == "sandbox_app.bridges.trackers.bridge"]
    assert len(lines) <= RejectionLog.FULL + n // RejectionLog.EVERY


def test_tracker_connections_are_capped() -> None:
    got: list[Item] = []
    directory = TrackerDirectory({"358000000000001": "GPS-00003"})
    settings_ = ListenSettings("127.0.0.1", 0, idle_timeout_s=5.0, max_connections=2)
    server = Gt06Server(settings_, directory, _sink(got), WallClock())  # type: ignore[arg-type]
    server.start()
    held = [socket.create_connection(server.address, timeout=5) for _ in range(2)]
    try:
        wait_until(lambda: server.slots.open == 2, 10, "the two held connections in service")
        with socket.create_connection(server.address, timeout=5) as over:
            started = time.monotonic()
            _drain_until_closed(over, 3.0)  # closed at once: no thread, no session
            assert time.monotonic() - started < 2.0
        held.pop().close()
        wait_until(lambda: server.slots.open == 1, 10, "the closed connection's slot freed")
        with socket.create_connection(server.address, timeout=5) as sock:
            sock.sendall(GT06_LOGIN)
            assert sock.recv(64) == gt06.encode_response(gt06.LOGIN, 1)
    finally:
        for sock in held:
            sock.close()
        server.stop()
