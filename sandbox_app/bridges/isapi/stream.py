"""The ISAPI `alertStream` subscription: one long digest-authenticated GET whose body never ends.

The camera (or NVR) writes a multipart/mixed stream: each alert is an XML or JSON part, optionally
followed by its JPEG snapshots (as many as the alert's `detectionPicturesNumber` / `picNum` /
`picturesNumber` says), and a `videoloss`/inactive part every few seconds as a heartbeat. The client
parses parts as they arrive, attaches the snapshots to their alert, hands events to the sink, and
reconnects with exponential backoff when the stream drops, times out or is refused.

There is no acknowledgement in ISAPI: what arrives while we are disconnected is lost, which is why the
reconnect starts at once and the health entry shows the gap. A sink failure is retried (the stream waits)
rather than dropping the batch in hand.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import requests
from requests.auth import HTTPDigestAuth

from sandbox_app.bridges.health import HealthReporter, HealthTracker
from sandbox_app.bridges.isapi.codec import IsapiConfig, Skip, body_to_obj, decode_alert, picture_count
from sandbox_app.bridges.transport import BridgeClock, Item, Sink
from sandbox_app.bridges.transport.multipart import MultipartError, MultipartParser, Part, boundary_of
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)

ALERT_STREAM_PATH = "/ISAPI/Event/notification/alertStream"
READ_BYTES = 64 * 1024
RECENT_SNAPSHOTS = 64

SnapshotSaver = Callable[[str, bytes], str]
"""(event id, JPEG bytes) → where it was stored (e.g. `SnapshotStore.save_jpeg`)."""


@dataclass(frozen=True, slots=True)
class AlertStreamSettings:
    base_url: str
    """e.g. "http://192.168.1.64"; the client requests `<base_url><path>`."""
    username: str = ""
    password: str = ""
    name: str = "isapi"
    path: str = ALERT_STREAM_PATH
    config: IsapiConfig = field(default_factory=IsapiConfig)
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 60.0
    """Silence this long (heartbeats come every few seconds) means a dead link: reconnect."""
    backoff_min_s: float = 0.5
    backoff_max_s: float = 30.0


@dataclass(slots=True)
class _Pending:
    event: Event
    expected: int
    images: list[bytes] = field(default_factory=list)


class AlertStreamClient:
    """`start()`/`stop()` run the subscription on a thread; `run_once()` is one connection (tests)."""

    def __init__(
        self,
        settings: AlertStreamSettings,
        sink: Sink,
        clock: BridgeClock,
        reporter: HealthReporter | None = None,
        save_snapshot: SnapshotSaver | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.settings = settings
        self._sink = sink
        self._clock = clock
        self._save = save_snapshot
        self._session = session or requests.Session()
        self._health = HealthTracker(f"isapi:{settings.name}", clock.now_ms, reporter)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._response: requests.Response | None = None
        self._pending: _Pending | None = None
        self.connections = 0
        """Successful (200, multipart) connections so far; more than one means it reconnected."""
        self.recent_snapshots: OrderedDict[str, bytes] = OrderedDict()
        """Event id → first JPEG of the last `RECENT_SNAPSHOTS` alerts that carried one."""

    @property
    def health(self) -> BridgeHealth:
        return self._health.snapshot()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name=f"isapi-{self.settings.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._interrupt()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
        self._session.close()

    def _interrupt(self) -> None:
        """Wake a read blocked on the socket (closing alone does not wake recv on Linux)."""
        response = self._response
        if response is None:
            return
        conn = getattr(response.raw, "connection", None)
        sock = getattr(conn, "sock", None)
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        response.close()

    def _loop(self) -> None:
        delay = self.settings.backoff_min_s
        while not self._stop.is_set():
            try:
                if self.run_once():
                    delay = self.settings.backoff_min_s
            except Exception as exc:  # every failure means: wait, then reconnect
                if self._stop.is_set():
                    break
                log.warning("ISAPI stream %s: %s", self.settings.name, exc)
            self._health.set_connected(False)
            if self._stop.wait(delay):
                break
            delay = min(delay * 2.0, self.settings.backoff_max_s)

    def run_once(self) -> bool:
        """One connection until the stream ends or fails; True if it connected (resets the backoff)."""
        s = self.settings
        try:
            response = self._session.get(
                s.base_url.rstrip("/") + s.path,
                auth=HTTPDigestAuth(s.username, s.password),
                stream=True,
                timeout=(s.connect_timeout_s, s.read_timeout_s),
                headers={"Accept": "multipart/mixed"},
            )
        except requests.RequestException as exc:
            self._health.set_connected(False)
            raise ConnectionError(f"connect failed: {exc}") from exc
        self._response = response
        try:
            if response.status_code != 200:
                self._health.reject(f"HTTP {response.status_code} from alertStream")
                return False
            try:
                parser = MultipartParser(boundary_of(response.headers.get("Content-Type", "")))
            except MultipartError as exc:
                self._health.reject(str(exc))
                return False
            self.connections += 1
            self._health.set_connected(True)
            self._read(response, parser)
            return True
        finally:
            self._finish_pending()
            self._response = None
            response.close()

    def _read(self, response: requests.Response, parser: MultipartParser) -> None:
        while not self._stop.is_set() and not parser.closed:
            try:
                chunk = response.raw.read1(READ_BYTES)
            except Exception as exc:  # urllib3 timeouts and protocol errors alike
                if self._stop.is_set():
                    return
                raise ConnectionError(f"stream read failed: {exc}") from exc
            if not chunk:
                return
            try:
                parts = parser.feed(chunk)
            except MultipartError as exc:
                self._health.reject(str(exc))
                raise ConnectionError(str(exc)) from exc
            ready: list[Item] = []
            for part in parts:
                self._health.message_arrived()
                ready.extend(self._on_part(part))
            if ready:
                self._deliver(ready)
            self._health.keepalive()

    def _on_part(self, part: Part) -> list[Item]:
        """Items made ready by this part: an alert waits for its announced snapshots, then goes."""
        ctype = part.content_type
        if ctype.startswith("image/"):
            pending = self._pending
            if pending is None:
                return []  # a picture without its alert (we connected mid-alert): nothing to attach to
            pending.images.append(part.body)
            if len(pending.images) >= pending.expected:
                return self._take_pending()
            return []
        out = self._take_pending()
        item = decode_alert(part.body, ctype, self.settings.config)
        if isinstance(item, Skip):
            return out
        if isinstance(item, Event):
            expected = _expected_pictures(part)
            if expected > 0:
                self._pending = _Pending(item, expected)
                return out
        out.append(item)
        return out

    def _take_pending(self) -> list[Item]:
        pending, self._pending = self._pending, None
        if pending is None:
            return []
        if pending.images:
            self._attach(pending.event, pending.images)
        return [pending.event]

    def _finish_pending(self) -> None:
        """The stream ended after an alert whose pictures never came: deliver it without them."""
        items = self._take_pending()
        if items:
            self._deliver(items)

    def _attach(self, event: Event, images: list[bytes]) -> None:
        self.recent_snapshots[event.id] = images[0]
        while len(self.recent_snapshots) > RECENT_SNAPSHOTS:
            self.recent_snapshots.popitem(last=False)
        event.data["snapshots"] = len(images)
        if self._save is not None:
            try:
                event.data["snapshot"] = self._save(event.id, images[0])
            except OSError as exc:
                log.warning("snapshot of %s not saved: %s", event.id, exc)

    def _deliver(self, items: list[Item]) -> None:
        """Sink the batch; retry (the stream waits) until it is durable or the client stops."""
        delay = self.settings.backoff_min_s
        while True:
            try:
                self._sink(items)
            except Exception:
                log.exception("ISAPI %s: sink failed; retrying", self.settings.name)
                if self._stop.wait(delay):
                    return
                delay = min(delay * 2.0, self.settings.backoff_max_s)
                continue
            self._health.record_batch(items)
            return


def _expected_pictures(part: Part) -> int:
    try:
        return picture_count(body_to_obj(part.body, part.content_type))
    except ValueError:
        return 0


__all__ = ["AlertStreamClient", "AlertStreamSettings", "Rejection"]
