"""The receiving side of GA/T 1400: lower-level devices and platforms register here and push records.

A small stdlib HTTP server (one thread per connection; uploads are rare and bulky, not hot-path). Register
and UnRegister are digest-authenticated (MD5, qop=auth, the device id as user name); a peer stays online
while its keepalives arrive, and one silent for `missed_keepalives` periods must register again. Uploads
from a peer that is not online are refused with StatusCode 4, as the standard's upper level does.
Every request gets a ResponseStatusObject (or a ResponseStatusListObject, one status per record); the
reply is sent only after the sink returned, i.e. after the events are durable.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson

from sandbox_app.bridges.health import BridgeHealth, HealthReporter, HealthTracker
from sandbox_app.bridges.platforms import gat1400 as g
from sandbox_app.bridges.transport import BridgeClock, Item, Sink
from sandbox_app.domain.events import Event

log = logging.getLogger(__name__)

MAX_BODY = 32 * 1024 * 1024
RecordSink = Callable[[str, Sequence[Any]], object]
"""(endpoint, records) for community registry uploads (PersonInfos, CarInfos, ...)."""


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


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
        self._nonces: set[str] = set()
        self._peers: dict[str, int] = {}
        self.lock = threading.Lock()
        self._http = ThreadingHTTPServer((host, port), _Handler)
        self._http.daemon_threads = True
        self._http.owner = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

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
        """Registered and heard from within `missed_keepalives` keepalive periods."""
        limit_ms = self.config.keepalive_s * self.config.missed_keepalives * 1000.0
        with self.lock:
            seen = self._peers.get(device_id)
        return seen is not None and self.clock.now_ms() - seen <= limit_ms

    def peers(self) -> list[str]:
        with self.lock:
            return sorted(self._peers)

    def touch(self, device_id: str) -> None:
        with self.lock:
            self._peers[device_id] = self.clock.now_ms()

    def forget(self, device_id: str) -> None:
        with self.lock:
            self._peers.pop(device_id, None)

    def new_nonce(self) -> str:
        nonce = secrets.token_hex(16)
        with self.lock:
            if len(self._nonces) > 10_000:
                self._nonces.clear()
            self._nonces.add(nonce)
        return nonce

    def digest_valid(self, header: str, method: str, path: str, device_id: str) -> bool:
        if not header.startswith("Digest "):
            return False
        fields: dict[str, str] = {}
        for item in header[7:].split(","):
            key, _, value = item.strip().partition("=")
            fields[key] = value.strip().strip('"')
        password = self.config.passwords.get(device_id)
        with self.lock:
            known = fields.get("nonce") in self._nonces
        if password is None or not known or fields.get("username") != device_id or fields.get("uri") != path:
            return False
        ha1 = _md5(f"{device_id}:{self.config.realm}:{password}")
        ha2 = _md5(f"{method}:{path}")
        parts = (
            ha1,
            fields["nonce"],
            fields.get("nc", ""),
            fields.get("cnonce", ""),
            fields.get("qop", ""),
            ha2,
        )
        expected = _md5(":".join(parts)) if fields.get("qop") else _md5(f"{ha1}:{fields['nonce']}:{ha2}")
        return secrets.compare_digest(expected, fields.get("response", ""))

    def deliver(self, items: list[Item]) -> None:
        """Into the sink (durable on return), then counted; a sink failure propagates to the request."""
        if not items:
            return
        self.health_tracker.message_arrived()
        self.sink(items)
        self.health_tracker.record_batch(items)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ThreadingHTTPServer

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
        self.end_headers()
        self.wfile.write(body)

    def _status(self, code: int, ident: str = "") -> None:
        o = self.owner
        self._reply(200, g.response(self.path, code, ident, o.clock.now_ms(), o.config.utc_offset_h))

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
        length = self.headers.get("Content-Length", "0")
        if not length.isdigit() or int(length) > MAX_BODY:
            self.close_connection = True
            self._status(g.STATUS_INVALID_JSON_FORMAT)
            return
        raw = self.rfile.read(int(length))
        try:
            body = orjson.loads(raw) if raw else {}
        except orjson.JSONDecodeError:
            self.owner.health_tracker.reject(f"{self.path}: invalid JSON")
            self._status(g.STATUS_INVALID_JSON_FORMAT)
            return
        try:
            self._route(body)
        except g.Gat1400Error as exc:
            self.owner.health_tracker.reject(f"{self.path}: {exc}")
            self._status(g.STATUS_INVALID_JSON_CONTENT)
        except Exception:
            log.exception("GA/T 1400 request %s failed", self.path)
            self._status(g.STATUS_OTHER)

    def _route(self, body: Any) -> None:
        path = self.path.split("?", 1)[0]
        if path in (g.REGISTER, g.UNREGISTER, g.KEEPALIVE):
            self._system(path, body)
        elif path in g.DECODERS or path in g.RECORD_PATHS:
            self._upload(path, body)
        else:
            self._reply(
                404,
                g.response(
                    path,
                    g.STATUS_INVALID_OPERATION,
                    "",
                    self.owner.clock.now_ms(),
                    self.owner.config.utc_offset_h,
                ),
            )

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
        if path == g.KEEPALIVE:
            if not o.online(device):
                self._status(g.STATUS_INVALID_OPERATION, device)  # not registered (or timed out): register
                return
            o.touch(device)
            self._status(g.STATUS_OK, device)
            return
        if not o.digest_valid(self.headers.get("Authorization", ""), "POST", self.path, device):
            challenge = f'Digest realm="{o.config.realm}", qop="auth", nonce="{o.new_nonce()}", algorithm=MD5'
            self._reply(
                401,
                g.response(path, g.STATUS_INVALID_OPERATION, device, o.clock.now_ms(), o.config.utc_offset_h),
                {"WWW-Authenticate": challenge},
            )
            return
        if path == g.REGISTER:
            o.touch(device)
        else:
            o.forget(device)
        self._status(g.STATUS_OK, device)

    def _upload(self, path: str, body: Any) -> None:
        o = self.owner
        sender = self.headers.get("User-Identify", "").strip()
        now, tz = o.clock.now_ms(), o.config.utc_offset_h
        if not o.online(sender):
            self._status(g.STATUS_INVALID_OPERATION, sender)
            return
        o.touch(sender)  # an upload is as good as a keepalive
        if path in g.RECORD_PATHS:
            items = g.items_of(body, *g.RECORD_PATHS[path])
            if o.records is not None:
                o.records(path, items)
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
