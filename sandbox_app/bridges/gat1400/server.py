"""The receiving side of GA/T 1400: lower-level devices and platforms register here and push records.

A small stdlib HTTP server (`GuardedHTTPServer`: a thread per connection, capped at `max_connections`,
each closed after `idle_timeout_s` of silence; uploads are rare and bulky, not hot-path). Register is
digest-authenticated and opens a session bound to the peer's address and a token (`gat1400_auth`);
keepalives, uploads and UnRegister must come from that session, and the sender is checked *before* the
body is read, so a stranger cannot make us read or parse anything. A peer silent for `missed_keepalives`
periods must register again. Uploads from a peer that is not online are refused with StatusCode 4, as the
standard's upper level does. Every request gets a ResponseStatusObject (or a ResponseStatusListObject,
one status per record); the reply is sent only after the sink returned, i.e. after the events are durable.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

import orjson

from sandbox_app.bridges.gat1400 import codec as g
from sandbox_app.bridges.gat1400.auth import COOKIE, Credentials, PeerAuth, session_cookie
from sandbox_app.bridges.health import HealthReporter, HealthTracker
from sandbox_app.bridges.transport import BridgeClock, Item, Sink
from sandbox_app.bridges.transport.http_guard import GuardedHandler, GuardedHTTPServer, HttpRefusal, peer_host
from sandbox_app.bridges.transport.slots import ConnectionSlots
from sandbox_app.domain.events import Event
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)

MAX_SYSTEM_BODY = 16 * 1024
"""Register / Keepalive / UnRegister bodies are a few hundred bytes."""
RecordSink = Callable[[str, Sequence[Any], str], object]
"""(endpoint, records, sender) for community registry uploads (PersonInfos, CarInfos, ...); raising
`Gat1400Error` refuses the upload (StatusCode 8), e.g. person records that fail the delta checks."""


class Gat1400Server:
    """`start()` listens on (host, port) (port 0: any free one, see `url`); `stop()` closes."""

    def __init__(
        self,
        config: g.Gat1400Config,
        sink: Sink,
        clock: BridgeClock,
        host: str = "127.0.0.1",
        port: int = 0,
        records: RecordSink | None = None,
        save_snapshot: g.SnapshotSaver | None = None,
        reporter: HealthReporter | None = None,
    ) -> None:
        self.config = config
        self.sink = sink
        self.clock = clock
        self.records = records
        self.save_snapshot = save_snapshot
        self.health_tracker = HealthTracker(f"gat1400:{config.server_id}", clock.now_ms, reporter)
        self.auth = PeerAuth(config, clock.now_ms)
        self._http = GuardedHTTPServer((host, port), _Handler, config.idle_timeout_s, config.max_connections)
        self._http.owner = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    @property
    def slots(self) -> ConnectionSlots:
        """The connection cap and how many connections are open now."""
        return self._http.slots

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def health(self) -> BridgeHealth:
        return self.health_tracker.snapshot()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._http.serve_forever, name="gat1400-server", daemon=True)
        self._thread.start()
        self.health_tracker.set_connected(True)

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        if self._thread is not None:
            self._thread.join(5.0)
        self.health_tracker.set_connected(False)

    # --- peers ------------------------------------------------------------------------------------------

    def online(self, device_id: str) -> bool:
        """Registered, heard from within `missed_keepalives` periods, and within `session_ttl_s`."""
        return self.auth.online(device_id)

    def peers(self) -> list[str]:
        return self.auth.peers()

    def forget(self, device_id: str) -> None:
        self.auth.forget(device_id)

    def deliver(self, items: list[Item]) -> None:
        """Into the sink (durable on return), then counted; a sink failure propagates to the request."""
        if not items:
            return
        self.health_tracker.message_arrived()
        self.sink(items)
        self.health_tracker.record_batch(items)


class _Handler(GuardedHandler):
    @property
    def owner(self) -> Gat1400Server:
        owner: Gat1400Server = self.server.owner  # type: ignore[attr-defined]
        return owner

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("gat1400 %s", format % args)

    def _reply(self, code: int, obj: Any, extra: dict[str, str] | None = None) -> None:
        body = orjson.dumps(obj)
        self.send_response(code)
        self.send_header("Content-Type", "application/VIID+JSON;charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def _status(self, code: int, ident: str = "", extra: dict[str, str] | None = None) -> None:
        o = self.owner
        obj = g.response(self.path, code, ident, o.clock.now_ms(), o.config.utc_offset_h)
        self._reply(401 if extra and "WWW-Authenticate" in extra else 200, obj, extra)

    def _credentials(self) -> Credentials:
        return Credentials(
            peer_host(self),
            session_cookie(self.headers.get("Cookie", "")),
            self.headers.get("Authorization", ""),
            self.command,
            self.path,
        )

    def _refused(self, device: str, why: str) -> None:
        """StatusCode 4 (a 401 challenge when a digest would have done), and the connection closed: the
        body of a refused request is never read."""
        o = self.owner
        o.health_tracker.reject(f"{self.path}: {device or '?'} refused: {why}")
        log.warning("GA/T 1400 %s from %s as %r refused: %s", self.path, peer_host(self), device[:40], why)
        self.close_connection = True
        digest = "digest" in why
        self._status(
            g.STATUS_INVALID_OPERATION, device, {"WWW-Authenticate": o.auth.challenge()} if digest else None
        )

    def do_GET(self) -> None:
        o = self.owner
        if self.path == "/VIID/System/Time":
            now = o.clock.now_ms()
            obj = {"VIIDServerID": o.config.server_id, "TimeMode": "1"}
            obj["LocalTime"] = g.format_local(now, o.config.utc_offset_h)
            self._reply(200, {"SystemTimeObject": obj})
            return
        self._reply(
            404,
            g.response(self.path, g.STATUS_INVALID_OPERATION, "", o.clock.now_ms(), o.config.utc_offset_h),
        )

    def do_POST(self) -> None:
        o = self.owner
        path = self.path.split("?", 1)[0]
        system = path in (g.REGISTER, g.UNREGISTER, g.KEEPALIVE)
        if not system and path not in g.DECODERS and path not in g.RECORD_PATHS:
            self.close_connection = True
            self._reply(
                404, g.response(path, g.STATUS_INVALID_OPERATION, "", o.clock.now_ms(), o.config.utc_offset_h)
            )
            return
        sender = self.headers.get("User-Identify", "").strip()
        if not system:
            why = o.auth.check(sender, self._credentials())  # before a byte of the body is read
            if why is not None:
                self._refused(sender, why)
                return
        try:
            raw = self.read_body(MAX_SYSTEM_BODY if system else o.config.max_body_bytes)
        except HttpRefusal as exc:
            o.health_tracker.reject(f"{path}: {exc.reason}")
            self.refuse(exc)
            return
        try:
            body = orjson.loads(raw) if raw else {}
        except orjson.JSONDecodeError:
            o.health_tracker.reject(f"{self.path}: invalid JSON")
            self._status(g.STATUS_INVALID_JSON_FORMAT)
            return
        try:
            if system:
                self._system(path, body)
            else:
                self._upload(path, body, sender)
        except g.Gat1400Error as exc:
            o.health_tracker.reject(f"{self.path}: {exc}")
            self._status(g.STATUS_INVALID_JSON_CONTENT)
        except Exception:
            log.exception("GA/T 1400 request %s failed", self.path)
            self._status(g.STATUS_OTHER)

    def _system(self, path: str, body: Any) -> None:
        o = self.owner
        name = {
            g.REGISTER: "RegisterObject",
            g.UNREGISTER: "UnRegisterObject",
            g.KEEPALIVE: "KeepaliveObject",
        }
        inner = body.get(name[path]) if isinstance(body, dict) else None
        device = str(inner.get("DeviceID", "")).strip() if isinstance(inner, dict) else ""
        if not device:
            raise g.Gat1400Error(f"{name[path]} without DeviceID")
        sender = self.headers.get("User-Identify", "").strip()
        if sender and sender != device:
            self._refused(device, f"User-Identify {sender[:40]!r} is not the DeviceID")
            return
        creds = self._credentials()
        if path == g.REGISTER:
            if not o.auth.digest_valid(creds, device):
                self._status(g.STATUS_INVALID_OPERATION, device, {"WWW-Authenticate": o.auth.challenge()})
                return
            token = o.auth.open(device, creds.host)
            cookie = f"{COOKIE}={token}; Path=/VIID; HttpOnly; SameSite=Strict"
            self._status(g.STATUS_OK, device, {"Set-Cookie": cookie})
            return
        if path == g.UNREGISTER and not o.config.require_digest_each_request:
            # UnRegister always needs a digest, and the session too (a stale digest is not enough)
            if not o.auth.digest_valid(creds, device):
                self._status(g.STATUS_INVALID_OPERATION, device, {"WWW-Authenticate": o.auth.challenge()})
                return
            creds = Credentials(creds.host, creds.token, "", creds.method, creds.uri)
            if o.config.require_session_token and not creds.token:
                self._refused(device, "session cookie missing")
                return
        why = o.auth.check(device, creds)
        if why is not None:
            self._refused(device, why)
            return
        if path == g.UNREGISTER:
            o.auth.forget(device)
        self._status(g.STATUS_OK, device)

    def _upload(self, path: str, body: Any, sender: str) -> None:
        o = self.owner
        now, tz = o.clock.now_ms(), o.config.utc_offset_h
        if path in g.RECORD_PATHS:
            items = g.items_of(body, *g.RECORD_PATHS[path])
            if o.records is not None:
                o.records(path, items, sender)
            ids = [str(next(iter(r.values()), "")) if isinstance(r, dict) else "" for r in items]
            self._reply(200, g.response_list([g.status(path, g.STATUS_OK, i, now, tz) for i in ids]))
            return
        decoded = g.decode_records(path, body, sender, o.config, o.save_snapshot)
        o.deliver([item for _, item in decoded])
        statuses = [
            g.status(
                path, g.STATUS_OK if isinstance(item, Event) else g.STATUS_INVALID_JSON_CONTENT, i, now, tz
            )
            for i, item in decoded
        ]
        self._reply(200, g.response_list(statuses))
