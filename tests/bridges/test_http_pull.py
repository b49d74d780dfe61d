"""HTTP pull bridge against a real HTTP server on 127.0.0.1 with injected faults, feeding a real SqliteStore:
the cursor moves only after the page is durable, a restarted bridge resumes from it, and nothing is
skipped or stored twice."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import orjson
import pytest
import requests

from sandbox_app.bridges.http_pull.codec import decode_page, http_pull_bridge
from sandbox_app.bridges.transport import Item
from sandbox_app.bridges.transport.http_poller import (
    CursorStore,
    HttpPullSettings,
    HttpPullTransport,
    PageError,
)
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.clock import WallClock
from sandbox_app.engine.messages import BridgeHealth
from tests.bridges.http_fixture_server import EventFeed, FeedServer
from tests.servers import StoreSink
from tests.support import wait_until

TS0 = 1_700_000_000_000


def event_json(i: int) -> dict[str, object]:
    return {"id": f"H{i:06d}", "ts": TS0 + i, "device": "D1", "kind": "door.open"}


def ids(n: int, start: int = 0) -> set[str]:
    return {f"H{i:06d}" for i in range(start, start + n)}


@pytest.fixture
def feed() -> EventFeed:
    return EventFeed()


@pytest.fixture
def server(feed: EventFeed) -> Iterator[FeedServer]:
    srv = FeedServer(feed).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[StoreSink]:
    sink = StoreSink(tmp_path / "events.db")
    try:
        yield sink
    finally:
        sink.close()


def make_bridge(
    base_url: str,
    sink: Callable[[Sequence[Item]], object],
    cursors: CursorStore,
    limit: int = 100,
    reporter: Callable[[BridgeHealth], object] | None = None,
) -> HttpPullTransport:
    settings = HttpPullSettings(
        base_url,
        name="feed",
        limit=limit,
        poll_interval_s=0.02,
        timeout_s=2.0,
        backoff_min_s=0.01,
        backoff_max_s=0.05,
    )
    return http_pull_bridge(settings, sink, cursors, WallClock(), reporter)


# decoding ---------------------------------------------------------------------------------------------------


def test_decode_page_keeps_good_events_and_rejects_bad_ones() -> None:
    body = orjson.dumps({"events": [event_json(1), {"id": "x"}, 5], "cursor": "c3"})
    page = decode_page(body)
    assert page.cursor == "c3"
    assert isinstance(page.items[0], Event) and page.items[0].id == "H000001"
    assert [type(item) for item in page.items[1:]] == [Rejection, Rejection]


@pytest.mark.parametrize(
    "body, reason",
    [
        (b"<html>", "invalid JSON"),
        (b"[]", "JSON object"),
        (b'{"cursor": "c1"}', "'events' array"),
        (b'{"events": [], "cursor": 7}', "'cursor' string"),
        (b'{"events": [], "cursor": ""}', "'cursor' string"),
    ],
)
def test_decode_page_refuses_what_is_not_a_page(body: bytes, reason: str) -> None:
    with pytest.raises(PageError, match=reason):
        decode_page(body)


# one step at a time -----------------------------------------------------------------------------------------


def test_pages_follow_the_cursor(feed: EventFeed, server: FeedServer, store: StoreSink) -> None:
    feed.add([event_json(i) for i in range(250)])
    bridge = make_bridge(server.base_url, store, store.store)
    try:
        assert [bridge.poll_once() for _ in range(4)] == [100, 100, 50, 0]
    finally:
        bridge.close()
    assert feed.requests == [None, "c100", "c200", "c250"]
    assert bridge.cursor == "c250" and store.store.get_meta("bridge.feed.cursor") == "c250"
    assert store.ids() == ids(250) and store.stored_once()
    assert bridge.health.received == 250 and bridge.health.connected


def test_cursor_stays_until_the_sink_returned(feed: EventFeed, server: FeedServer, store: StoreSink) -> None:
    feed.add([event_json(i) for i in range(150)])
    failures = [OSError("disk full")]

    def flaky_sink(items: Sequence[Item]) -> None:
        if failures:
            raise failures.pop()
        store(items)

    bridge = make_bridge(server.base_url, flaky_sink, store.store)
    try:
        with pytest.raises(OSError):
            bridge.poll_once()
        assert bridge.cursor is None
        assert bridge.poll_once() == 100
        assert bridge.cursor == "c100"
    finally:
        bridge.close()
    assert feed.requests == [None, None]


# the loop, with faults --------------------------------------------------------------------------------------


def test_loop_rides_out_every_fault_and_misses_nothing(
    feed: EventFeed, server: FeedServer, store: StoreSink
) -> None:
    bad = [{"id": f"BAD{i}", "ts": TS0, "device": "D1", "kind": "door.opened"} for i in range(3)]
    feed.add([event_json(i) for i in range(400)] + bad)
    feed.inject("500", "drop", "garbage", "503", "bad_shape", "truncated")
    reports: list[BridgeHealth] = []
    bridge = make_bridge(server.base_url, store, store.store, reporter=reports.append)
    bridge.start()
    try:
        wait_until(lambda: len(store.ids()) == 400, 10, "the first 400 events")
        feed.inject("drop", "500")
        feed.add([event_json(i) for i in range(400, 700)])  # the feed goes on while the bridge polls
        wait_until(lambda: len(store.ids()) == 700, 10, "all 700 events")
        wait_until(lambda: bridge.health.received == 703, 10, "the last page's bookkeeping")
    finally:
        bridge.stop()
        bridge.close()
    assert store.ids() == ids(700) and store.stored_once()
    assert store.appended == 700, "a failed page must not have been half-stored"
    assert bridge.cursor == "c703"
    health = bridge.health
    assert health.rejected == 2 + 3  # the garbage and bad_shape pages, then the three bad events
    assert health.last_rejection == "unknown kind 'door.opened'"
    assert not feed.faults
    assert reports[-1] == health and any(not r.connected for r in reports)
    assert [r for r in feed.requests if r not in (None, "c703")], "the feed was never paged through"


def test_restarted_bridge_resumes_from_the_stored_cursor(
    feed: EventFeed, server: FeedServer, store: StoreSink
) -> None:
    """Crash between "page durable" and "cursor written": the new bridge re-fetches that one page; the
    store drops the repeats, so nothing is skipped and nothing counted twice."""
    feed.add([event_json(i) for i in range(500)])

    class CrashingCursors:
        def __init__(self) -> None:
            self.writes = 0

        def get_meta(self, key: str) -> str | None:
            return store.store.get_meta(key)

        def set_meta(self, key: str, value: str) -> None:
            self.writes += 1
            if self.writes == 3:
                raise SystemExit("power cut after the page was stored")
            store.store.set_meta(key, value)

    first = make_bridge(server.base_url, store, CrashingCursors())
    try:
        first.poll_once()
        first.poll_once()
        with pytest.raises(SystemExit):
            first.poll_once()
    finally:
        first.close()
    assert len(store.ids()) == 300 and store.store.get_meta("bridge.feed.cursor") == "c200"
    restarts_at = len(feed.requests)

    second = make_bridge(server.base_url, store, store.store)
    second.start()
    try:
        wait_until(lambda: second.cursor == "c500", 10, "the second bridge to finish")
    finally:
        second.stop()
        second.close()
    assert feed.requests[restarts_at] == "c200"
    assert store.ids() == ids(500) and store.stored_once()
    assert store.appended == 600  # the one page fetched twice, stored once


def test_server_down_then_back(feed: EventFeed, store: StoreSink, caplog: pytest.LogCaptureFixture) -> None:
    feed.add([event_json(i) for i in range(300)])
    first = FeedServer(feed).start()
    port = first.port
    bridge = make_bridge(first.base_url, store, store.store)
    first.stop()  # connection refused from now on
    bridge.start()
    try:
        poller = "sandbox_app.bridges.transport.http_poller"
        wait_until(  # it tried and was refused (not merely: nothing happened yet)
            lambda: any(r.name == poller and r.levelno == logging.WARNING for r in caplog.records),
            10,
            "a refused poll",
        )
        assert not bridge.health.connected and not feed.requests and bridge.cursor is None
        again = FeedServer(feed, port).start()
        try:
            wait_until(lambda: bridge.cursor == "c300", 10, "catch-up after the server came back")
            assert bridge.health.connected
        finally:
            bridge.stop()
            again.stop()
    finally:
        bridge.close()
    assert store.ids() == ids(300) and store.stored_once()


def test_requests_errors_are_what_the_loop_catches(feed: EventFeed, server: FeedServer) -> None:
    """The loop's safety rests on these faults surfacing as RequestException, not something else."""
    bridge = make_bridge(server.base_url, lambda items: None, EmptyCursors())
    try:
        for fault in ("500", "drop", "truncated"):
            feed.inject(fault)
            with pytest.raises(requests.RequestException):
                bridge.poll_once()
    finally:
        bridge.close()


class EmptyCursors:
    def __init__(self) -> None:
        self.meta: dict[str, str] = {}

    def get_meta(self, key: str) -> str | None:
        return self.meta.get(key)

    def set_meta(self, key: str, value: str) -> None:
        self.meta[key] = value


def test_oversized_page_is_a_bad_page(feed: EventFeed, server: FeedServer, store: StoreSink) -> None:
    feed.add([event_json(i) for i in range(50)])
    settings = HttpPullSettings(server.base_url, name="feed", max_page_bytes=1000)
    bridge = http_pull_bridge(settings, store, store.store, WallClock())
    try:
        with pytest.raises(PageError, match="larger than 1000 bytes"):
            bridge.poll_once()
    finally:
        bridge.close()
    assert bridge.cursor is None and not store.ids()


def test_a_page_that_does_not_move_the_cursor_means_wait(server: FeedServer, store: StoreSink) -> None:
    """A server stuck on one cursor: the bridge stores what it got once and then paces itself."""
    stuck = orjson.dumps({"events": [event_json(1)], "cursor": "c1"})
    page = decode_page(stuck)
    settings = HttpPullSettings(server.base_url, name="feed")
    bridge = http_pull_bridge(settings, store, store.store, WallClock(), decode=lambda body: page)
    try:
        store.store.set_meta("bridge.feed.cursor", "c1")
        assert bridge.poll_once() == 0
    finally:
        bridge.close()
    assert store.ids() == {"H000001"}


def test_engine_as_sink_counts_a_refetched_page_as_duplicates(feed: EventFeed, server: FeedServer) -> None:
    """The real pipeline end: `Engine.ingest` is the sink, `Engine.report_health` the reporter, and a page
    fetched twice is reported as duplicates, never as new events."""
    from sandbox_app.domain.model import District
    from sandbox_app.engine.pipeline import Engine
    from sandbox_app.store.sqlite import SqliteStore

    feed.add([event_json(i) for i in range(150)])
    store = SqliteStore(":memory:")
    engine = Engine(store, District("test", "Asia/Shanghai"), [])
    results: list[int] = []

    def sink(items: Sequence[Item]) -> None:
        results.append(engine.ingest(items).duplicates)

    bridge = make_bridge(server.base_url, sink, store, reporter=engine.report_health)
    try:
        assert bridge.poll_once() == 100
        store.set_meta("bridge.feed.cursor", "c50")  # as if the last cursor write had been lost
        assert bridge.poll_once() == 100
    finally:
        bridge.close()
        store.close()
    assert results == [0, 50]
    health = engine.health["http:feed"]
    assert isinstance(health, BridgeHealth) and health.received == 200 and health.connected
