"""HTTP pull bridge: pages of our JSON events, `{"events": [...], "cursor": "..."}` (docs/bridges.md).

This module only decodes a page; polling, backoff and the durable cursor live in `transport/http_pull.py`.
A page that is not that shape is a `PageError` (retried, cursor kept, since the next try may be whole);
one bad event inside a good page is a `Rejection` and the cursor moves past it, because fetching it again
would never make it valid and would block the good events behind it.
"""

from __future__ import annotations

import orjson

from sandbox_app.bridges.health import HealthReporter, HealthTracker
from sandbox_app.bridges.schema import decode_event
from sandbox_app.bridges.transport import BridgeClock, Item, Sink
from sandbox_app.bridges.transport.http_poller import (
    CursorStore,
    HttpPullSettings,
    HttpPullTransport,
    Page,
    PageDecoder,
    PageError,
)

MAX_CURSOR_LEN = 1000


def decode_page(body: bytes) -> Page:
    """Response body → Page; raises PageError when the body is not a page at all."""
    try:
        obj = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise PageError(f"invalid JSON: {exc}") from exc
    if not isinstance(obj, dict):
        raise PageError("page must be a JSON object")
    events, cursor = obj.get("events"), obj.get("cursor")
    if not isinstance(events, list):
        raise PageError("page has no 'events' array")
    if not isinstance(cursor, str) or not cursor or len(cursor) > MAX_CURSOR_LEN:
        raise PageError("page has no 'cursor' string")
    items: list[Item] = []
    for element in events:
        if isinstance(element, dict):
            items.append(decode_event(element))
        else:
            items.append(decode_event(orjson.dumps(element)))
    return Page(items, cursor)


def http_pull_bridge(
    settings: HttpPullSettings,
    sink: Sink,
    cursors: CursorStore,
    clock: BridgeClock,
    reporter: HealthReporter | None = None,
    decode: PageDecoder = decode_page,
) -> HttpPullTransport:
    """A ready-to-start pull bridge; its health is named "http:<name>", its cursor kept in `cursors`."""
    health = HealthTracker(f"http:{settings.name}", clock.now_ms, reporter)
    return HttpPullTransport(settings, decode, sink, cursors, health)
