"""[cad110] bridge: an HTTP server that takes incident records handed off by the 110 system.

POST `/incidents` with `Authorization: Bearer <token>` and one JSON record (codec.py) →
201 `{"ok": true, "id": ..., "created": true}` once the incident is stored; 200 with `"created": false`
for a record already stored (a redelivery after a lost reply: idempotent); 400 `{"ok": false, "reason"}`
for a record refused; 401 for a missing or wrong token (compared in constant time); 404 / 405 for other
paths and methods; 503 when the store failed (110 keeps the record and retries).

Framing and slow or too many clients are handled by `http_guard` like the other HTTP bridges. The token is
the only credential, so the listener belongs on loopback or the police network, behind the station's TLS
terminator where the link leaves the building (docs/bridges.md).
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from sandbox_app.bridges.cad110 import codec
from sandbox_app.bridges.health import HealthReporter, HealthTracker
from sandbox_app.bridges.transport import BridgeClock
from sandbox_app.bridges.transport.http_guard import (
    DEFAULT_MAX_CONNECTIONS,
    GuardedHandler,
    GuardedHTTPServer,
    HttpRefusal,
)
from sandbox_app.domain.incidents import Incident
from sandbox_app.domain.model import District
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)
PROTOCOL = "cad110"
DEFAULT_PORT = 5110
PATH = "/incidents"
MIN_TOKEN_LENGTH = 16

IncidentSink = Callable[[Incident], tuple[Incident, bool]]
"""Stores an incident: (the stored one, whether it is new); `IncidentStore.add_incident` fits."""


@dataclass(frozen=True, slots=True)
class Cad110Settings:
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    token: str = ""
    idle_timeout_s: float = 30.0
    max_connections: int = DEFAULT_MAX_CONNECTIONS
    name: str = ""

    def __post_init__(self) -> None:
        if len(self.token) < MIN_TOKEN_LENGTH:
            raise ValueError(f"cad110: the token must be at least {MIN_TOKEN_LENGTH} characters")


class _Handler(GuardedHandler):
    server: _HttpServer

    def do_POST(self) -> None:
        bridge = self.server.bridge
        if self.path.split("?", 1)[0] != PATH:
            self._refuse_unread(404, f"no such path; POST {PATH}")
            return
        if not bridge.authorized(self.headers.get("Authorization", "")):
            bridge.health.reject("cad110: authentication refused")
            self._refuse_unread(401, "authentication required", {"WWW-Authenticate": 'Bearer realm="cad110"'})
            return
        try:
            body = self.read_body(codec.MAX_BODY)
        except HttpRefusal as exc:
            bridge.health.reject(f"cad110: {exc.reason}")
            self.refuse(exc)
            return
        bridge.health.message_arrived()
        status, reply = bridge.accept(body)
        self._json(status, reply)

    def do_GET(self) -> None:
        self._refuse_unread(405, f"POST {PATH}", {"Allow": "POST"})

    do_PUT = do_DELETE = do_GET

    def log_message(self, format: str, *args: object) -> None:
        log.debug("cad110 %s: " + format, self.client_address[0], *args)

    def _refuse_unread(self, status: int, reason: str, headers: dict[str, str] | None = None) -> None:
        """Answer before reading the body, then close: the unread body must not be taken as a request."""
        self.close_connection = True
        self._json(status, {"ok": False, "reason": reason}, {"Connection": "close", **(headers or {})})

    def _json(self, status: int, reply: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        payload = orjson.dumps(reply)
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)


class _HttpServer(GuardedHTTPServer):
    bridge: Cad110Server


class Cad110Server:
    def __init__(
        self,
        settings: Cad110Settings,
        sink: IncidentSink,
        clock: BridgeClock,
        reporter: HealthReporter | None = None,
        on_incident: Callable[[Incident], None] | None = None,
    ) -> None:
        """`on_incident` is told of each newly stored incident (the desk's list refreshes from it)."""
        self._token = settings.token.encode()
        self._sink = sink
        self._clock = clock
        self._on_incident = on_incident
        self._http = _HttpServer(
            (settings.host, settings.port), _Handler, settings.idle_timeout_s, settings.max_connections
        )
        self._http.bridge = self
        name = f"{PROTOCOL}:{settings.name or self.address[1]}"
        self.health = HealthTracker(name, clock.now_ms, reporter)
        self._thread = threading.Thread(target=self._http.serve_forever, name="cad110-server", daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._http.server_address[:2]
        return str(host), int(port)

    def snapshot(self) -> BridgeHealth:
        return self.health.snapshot()

    def authorized(self, header: str) -> bool:
        scheme, _, token = header.strip().partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), self._token)

    def accept(self, body: bytes) -> tuple[int, dict[str, Any]]:
        """Decode and store one record: (HTTP status, JSON reply)."""
        try:
            incident = codec.decode_record(body, self._clock.now_ms())
        except codec.Cad110Error as exc:
            self.health.reject(f"cad110: {exc.reason}")
            return 400, {"ok": False, "reason": exc.reason}
        try:
            stored, created = self._sink(incident)
        except Exception as exc:  # any store failure: 110 keeps the record and sends it again
            log.warning("cad110: incident %s not stored: %s", incident.id, exc)
            return 503, {"ok": False, "reason": "not stored, retry"}
        self.health.record_counts(1, [])
        self.health.report()
        if created and self._on_incident is not None:
            self._on_incident(stored)
        return (201 if created else 200), {"ok": True, "id": stored.id, "created": created}

    def start(self) -> None:
        self._thread.start()
        self.health.set_connected(True)

    def stop(self) -> None:
        if self._thread.is_alive():
            self._http.shutdown()
        self._http.server_close()
        self._thread.join(5)
        self.health.set_connected(False)


def placed(district: District, sink: IncidentSink) -> IncidentSink:
    """A 110 record with an address and no coordinates gets its place's point from the district's
    standard addresses (`geo.locate`), so guards can be routed to it."""
    from dataclasses import replace as with_fields

    from sandbox_app.geo.locate import best_point

    def store(incident: Incident) -> tuple[Incident, bool]:
        if incident.lon is None and incident.place.address:
            point = best_point(district, incident.place.address)
            if point is not None:
                incident.place = with_fields(incident.place, lon=point[0], lat=point[1])
        return sink(incident)

    return store
