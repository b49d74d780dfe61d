"""A small real HTTP event feed on 127.0.0.1 for the HTTP pull bridge tests, with faults on demand.

It speaks the contract in docs/bridges.md: `GET /events?after=<cursor>&limit=<n>` answers
`{"events": [...], "cursor": "..."}`. Cursors are opaque to the client; here they are "c<index>".
Faults are queued and each spoils exactly one request, so a test knows what the bridge went through.
"""

from __future__ import annotations

import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import orjson

FAULTS = ("500", "503", "drop", "garbage", "bad_shape", "truncated")
"""500/503: error status; drop: close without answering; garbage: 200 with HTML; bad_shape: JSON that
is not a page; truncated: Content-Length promises more than is sent."""


class EventFeed:
    """The feed's state, shared by the handler threads."""

    def __init__(self) -> None:
        self.events: list[Any] = []
        self.faults: deque[str] = deque()
        self.requests: list[str | None] = []
        """The `after` value of every request, in arrival order (None when absent)."""
        self.lock = threading.Lock()

    def add(self, events: list[Any]) -> None:
        with self.lock:
            self.events.extend(events)

    def inject(self, *faults: str) -> None:
        assert all(f in FAULTS for f in faults), faults
        with self.lock:
            self.faults.extend(faults)

    def page(self, after: str | None, limit: int) -> tuple[str | None, bytes]:
        """(fault or None, body) for one request."""
        with self.lock:
            self.requests.append(after)
            fault = self.faults.popleft() if self.faults else None
            start = int(after[1:]) if after else 0
            events = self.events[start : start + limit]
        return fault, orjson.dumps({"events": events, "cursor": f"c{start + len(events)}"})


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/events":
            self.send_error(404)
            return
        query = parse_qs(url.query)
        after = query.get("after", [None])[0]
        limit = int(query.get("limit", ["100"])[0])
        fault, body = self.server.feed.page(after, limit)
        if fault == "drop":
            self.close_connection = True
            return
        status = int(fault) if fault in ("500", "503") else 200
        if fault == "garbage":
            body = b"<html>502 Bad Gateway</html>"
        elif fault == "bad_shape":
            body = b'{"items": []}'
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body) + (100 if fault == "truncated" else 0)))
        self.end_headers()
        self.wfile.write(body)
        if fault == "truncated":
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the tests assert on `EventFeed.requests` instead."""


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, feed: EventFeed, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.feed = feed
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FeedServer:
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(5)
