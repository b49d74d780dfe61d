"""HTTP pull transport: poll `GET <base>/events?after=<cursor>` with a durable cursor (docs/bridges.md).

Delivery guarantee: the cursor is written (through a `CursorStore`, i.e. the Store's meta table) only after
the sink returned, i.e. after the page is durable. A crash between the two re-fetches the same page on
restart; the store drops those repeats by event id. So nothing is skipped and nothing is stored twice.

Every failure (connection refused or dropped, timeout, non-200, a body that is not a page, a sink error)
leaves the cursor where it was and waits with exponential backoff; the loop itself never dies.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import requests

from sandbox_app.bridges.health import HealthTracker
from sandbox_app.bridges.transport import Item, Sink
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)


class CursorStore(Protocol):
    """Where the cursor survives restarts; `Store` satisfies it."""

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...


class PageError(ValueError):
    """A response body that is not a valid page: the whole page is retried, the cursor stays."""


@dataclass(frozen=True, slots=True)
class Page:
    items: Sequence[Item]
    cursor: str


PageDecoder = Callable[[bytes], Page]


@dataclass(frozen=True, slots=True)
class HttpPullSettings:
    base_url: str
    """e.g. "http://10.0.0.5:8080/bridge"; the transport requests `<base_url>/events`."""
    name: str = "http"
    """Names the health entry and the cursor key, so two pull bridges on one store keep apart."""
    limit: int | None = 1000
    """Sent as `limit=`; None leaves the page size to the server."""
    poll_interval_s: float = 1.0
    """Wait after an empty page; after a non-empty one the next page is fetched at once."""
    timeout_s: float = 10.0
    max_page_bytes: int = 64 * 1024 * 1024
    """A larger body is refused as a bad page (a hostile or broken server must not exhaust memory)."""
    backoff_min_s: float = 0.5
    backoff_max_s: float = 30.0
    bearer_token: str | None = field(default=None, repr=False)
    """Sent as `Authorization: Bearer ...`; in memory only (a bridges file names it by `token_env`)."""
    basic_auth: tuple[str, str] | None = field(default=None, repr=False)
    """(user, password) for HTTP Basic, for servers that only speak that (use it over https only)."""
    ca_bundle: str | None = None
    """CA file for an https server signed by the station's own CA; None: the system's trust store.
    Certificates are always verified."""
    client_cert: tuple[str, str] | None = None
    """(certificate, key) files when the server authenticates clients by certificate."""

    @property
    def cursor_key(self) -> str:
        return f"bridge.{self.name}.cursor"


class HttpPullTransport:
    """The poll loop: `poll_once()` is one step (tests, tools); `start()`/`stop()` run it in a thread."""

    def __init__(
        self,
        settings: HttpPullSettings,
        decode_page: PageDecoder,
        sink: Sink,
        cursors: CursorStore,
        health: HealthTracker,
        session: requests.Session | None = None,
    ) -> None:
        self.settings = settings
        self._decode_page = decode_page
        self._sink = sink
        self._cursors = cursors
        self._health = health
        self._session = session or requests.Session()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def cursor(self) -> str | None:
        return self._cursors.get_meta(self.settings.cursor_key)

    @property
    def health(self) -> BridgeHealth:
        return self._health.snapshot()

    # one step -----------------------------------------------------------------------------------------------
    def poll_once(self) -> int:
        """Fetch one page, make it durable, advance the cursor; returns the number of items the cursor
        moved past (0 means: wait the poll interval before the next request).

        Raises `requests.RequestException`, `PageError` or whatever the sink raised; the cursor is
        untouched in every such case.
        """
        cursor = self.cursor
        page = self._decode_page(self._fetch(cursor))
        if page.items:
            self._health.message_arrived()
            self._sink(page.items)
            self._health.record_batch(page.items)
        if page.cursor == cursor:
            return 0  # nothing new; or a server that repeats a page: either way, wait before asking again
        self._cursors.set_meta(self.settings.cursor_key, page.cursor)
        return len(page.items)

    def _fetch(self, cursor: str | None) -> bytes:
        params: dict[str, str | int] = {}
        if cursor is not None:
            params["after"] = cursor
        if self.settings.limit is not None:
            params["limit"] = self.settings.limit
        s = self.settings
        url = s.base_url.rstrip("/") + "/events"
        headers = {"Authorization": f"Bearer {s.bearer_token}"} if s.bearer_token else None
        response = self._session.get(
            url,
            params=params,
            timeout=s.timeout_s,
            stream=True,
            headers=headers,
            auth=s.basic_auth,
            verify=s.ca_bundle or True,
            cert=s.client_cert,
        )
        try:
            response.raise_for_status()
            if response.status_code != 200:
                raise requests.HTTPError(f"unexpected status {response.status_code}", response=response)
            self._health.set_connected(True)
            self._health.keepalive()
            return self._read_capped(response)
        finally:
            response.close()

    def _read_capped(self, response: requests.Response) -> bytes:
        limit = self.settings.max_page_bytes
        chunks, size = [], 0
        for chunk in response.iter_content(chunk_size=256 * 1024):
            size += len(chunk)
            if size > limit:
                raise PageError(f"page larger than {limit} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    # the loop ---------------------------------------------------------------------------------------------
    def run(self) -> None:
        """Poll until `stop()`; never raises (every failure is logged, counted, and backed off)."""
        delay = self.settings.backoff_min_s
        while not self._stop.is_set():
            wait = self._step()
            if wait is None:
                delay = self.settings.backoff_min_s
                continue
            if wait < 0:
                log.info("HTTP pull %s: retrying in %.1f s", self.settings.name, delay)
                wait, delay = delay, min(delay * 2, self.settings.backoff_max_s)
            else:
                delay = self.settings.backoff_min_s
            self._stop.wait(wait)

    def _step(self) -> float | None:
        """One poll; returns None to poll again at once, the poll interval after an empty page, or
        -1 after a failure (the caller picks the backoff)."""
        try:
            count = self.poll_once()
        except PageError as exc:
            log.warning("HTTP pull %s: bad page: %s", self.settings.name, exc)
            self._health.reject(f"bad page: {exc}")
            return -1.0
        except requests.RequestException as exc:
            log.warning("HTTP pull %s: %s", self.settings.name, exc)
            self._health.set_connected(False)
            return -1.0
        except Exception:
            log.exception("HTTP pull %s: sink or cursor store failed", self.settings.name)
            return -1.0
        return None if count else self.settings.poll_interval_s

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self.run, name=f"http-pull-{self.settings.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        """Let the current step finish (a sunk page gets its cursor written), then end the loop."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
        self._health.set_connected(False)

    def close(self) -> None:
        self._session.close()
