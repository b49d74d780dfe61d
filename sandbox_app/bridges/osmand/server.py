"""OsmAnd bridge: an HTTP server for Traccar Client and other phone apps that speak the OsmAnd protocol.

GET `/?id=...&lat=...&lon=...` or POST (form or JSON body) → 200 once the fix is durable; 400 with the
reason for a malformed request or an id that is no tracker of the district; 503 when the store failed
(the app keeps the fix and retries). HTTP has no downlink the apps act on, so orders to these guards go
by MQTT (`sandbox/<station>/orders/<device_id>`, bridges/orders.py).

The HTTP framing is checked before anything is read (`http_guard`): a bad or repeated Content-Length is
400, a chunked body 501, one over `osmand.MAX_BODY` 413, each with the connection closed; a connection
silent for `idle_timeout_s` is dropped and at most `max_connections` are served at once.
"""

from __future__ import annotations

import logging
import threading

from sandbox_app.bridges.health import HealthReporter
from sandbox_app.bridges.osmand import codec as osmand
from sandbox_app.bridges.trackers.bridge import (
    Delivery,
    ListenSettings,
    RejectionLog,
    TrackerDirectory,
    heartbeat_event,
    position_event,
)
from sandbox_app.bridges.trackers.common import FrameError
from sandbox_app.bridges.transport import BridgeClock, Item, Sink
from sandbox_app.bridges.transport.http_guard import GuardedHandler, GuardedHTTPServer, HttpRefusal
from sandbox_app.bridges.transport.slots import ConnectionSlots
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)
PROTOCOL = "osmand"
DEFAULT_PORT = 5055
"""Traccar's OsmAnd port, which Traccar Client uses by default."""


class _Handler(GuardedHandler):
    server: _HttpServer

    def setup(self) -> None:
        super().setup()
        self.rejections = RejectionLog()  # per connection, like the TCP trackers'

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def log_message(self, format: str, *args: object) -> None:
        log.debug("osmand %s: " + format, self.client_address[0], *args)

    def _handle(self, method: str) -> None:
        bridge = self.server.bridge
        try:
            body = self.read_body(osmand.MAX_BODY)
        except HttpRefusal as exc:
            bridge.delivery.health.reject(f"OsmAnd: {exc.reason}")
            self.refuse(exc)
            return
        bridge.delivery.health.message_arrived()
        now = bridge.delivery.clock.now_ms()
        try:
            report = osmand.decode_request(method, self.path, body, self.headers.get("Content-Type", ""), now)
        except FrameError as exc:
            raw = self.path.encode()[:200] + body[:200]
            bridge.delivery.frame_error(f"OsmAnd: {exc.reason}", raw, self.rejections)
            self._send(400, exc.reason)
            return
        device = bridge.directory.lookup(report.device_id)
        if device is None:
            bridge.delivery.unknown_device(report.device_id, self.path[:500])
            self._send(400, "unknown device")
            return
        item: Item
        if report.position is None:
            item = heartbeat_event(PROTOCOL, device, report.ts)
        else:
            item = position_event(PROTOCOL, device, report.position)
        if bridge.delivery.deliver([item]):
            self._send(200, "")
        else:
            self._send(503, "not stored, retry")

    def _send(self, status: int, text: str) -> None:
        payload = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class _HttpServer(GuardedHTTPServer):
    bridge: OsmAndServer


class OsmAndServer:
    def __init__(
        self,
        settings: ListenSettings,
        directory: TrackerDirectory,
        sink: Sink,
        clock: BridgeClock,
        reporter: HealthReporter | None = None,
    ) -> None:
        self.directory = directory
        self._http = _HttpServer(
            (settings.host, settings.port), _Handler, settings.idle_timeout_s, settings.max_connections
        )
        self._http.bridge = self
        name = f"{PROTOCOL}:{settings.name or self.address[1]}"
        self.delivery = Delivery(name, sink, clock, reporter, settings.datum)
        self._thread = threading.Thread(target=self._http.serve_forever, name="osmand-server", daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._http.server_address[:2]
        return str(host), int(port)

    @property
    def slots(self) -> ConnectionSlots:
        """The connection cap and how many connections are open now."""
        return self._http.slots

    @property
    def health(self) -> BridgeHealth:
        return self.delivery.snapshot()

    def start(self) -> None:
        self._thread.start()
        self.delivery.health.set_connected(True)

    def stop(self) -> None:
        if self._thread.is_alive():
            self._http.shutdown()
        self._http.server_close()
        self._thread.join(5)
        self.delivery.health.set_connected(False)
