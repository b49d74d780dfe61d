"""The guards' phone page: an installable web app served by the station, over HTTPS with its certificate.

What a guard's phone gets (resources/phone/: plain HTML/CSS/JS, no build step, nothing from the internet):
the district map (`/api/map`, GeoJSON made here from the package's roads and buildings), the guard's current
order with the incident's place, route and ETA (`/api/order`), live delivery of orders and one-call alarms
over WebSocket (`/api/ws`, RFC 6455 in `websocket.py`) or, when that cannot connect, as server-sent events
(`/api/events`), both fed by one producer (`OrderFeed`), position sharing (`/api/fix`) and replies
(`/api/reply`).

One home for each path it feeds:
- a fix is decoded by the OsmAnd codec (the transistorsoft JSON shape Traccar also takes: same checks,
  same units) and delivered through the trackers' `Delivery` (datum undone, then the engine's intake with
  its quarantine), as the guard's own device: nothing reaches the store that the OsmAnd bridge would refuse;
- a reply is decoded by `bridges.orders.decode_reply` and vetted by `bridges.replies.vet_reply`, and the
  desk applies it on the engine thread through the same `DeskRule` replies source as MQTT replies (`take`).
  Replies carry an id made on the phone; the page queues them while offline and retries, and a repeated id
  is answered as already received, so a retry never applies a step twice.

A phone is a guard only through its token (`enrol.PhoneBook`, cookie `sandbox_phone`, HttpOnly): it sees
that guard's order only, a revoked token is refused on its next request (and ends its live feed), and
enrolment, fixes and replies are rate limited per address or guard.
"""

from __future__ import annotations

import base64
import binascii
import logging
import mimetypes
import threading
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http import cookies
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

import orjson

from sandbox_app.bridges.config import PhoneSection
from sandbox_app.bridges.health import HealthReporter
from sandbox_app.bridges.orders import Reply, decode_reply, reply_topic
from sandbox_app.bridges.osmand import codec as osmand
from sandbox_app.bridges.phone import websocket as ws
from sandbox_app.bridges.phone.enrol import ACTOR_PREFIX, EnrolError, PhoneBook
from sandbox_app.bridges.phone.geojson import district_geojson
from sandbox_app.bridges.replies import applied_problem, due, vet_reply
from sandbox_app.bridges.trackers.bridge import Delivery, position_event
from sandbox_app.bridges.trackers.common import FrameError
from sandbox_app.bridges.transport import BridgeClock, Sink
from sandbox_app.bridges.transport.http_guard import GuardedHandler, GuardedHTTPServer, HttpRefusal, peer_host
from sandbox_app.data.resources import resource_path
from sandbox_app.data.wording import load_wording
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState, Order, next_states
from sandbox_app.domain.events import Rejection
from sandbox_app.domain.model import District
from sandbox_app.domain.places import alert_place
from sandbox_app.engine.messages import BridgeHealth

if TYPE_CHECKING:
    from sandbox_app.dispatch.lifecycle import DispatchDesk

log = logging.getLogger(__name__)

PROTOCOL = "phone"
COOKIE = "sandbox_phone"
STATIC_DIR = resource_path("phone")
MAX_REPLY_BODY = 6 * 1024 * 1024
"""A reply with its photo (the page shrinks photos to ≤ 1600 px JPEG, well under this)."""
MAX_PHOTO = 4 * 1024 * 1024
PHONE_STATES = frozenset({"accepted", "declined", "on_scene", "handled", "feedback"})
KEPT_REPLY_IDS = 20_000
"""Reply ids remembered for idempotency (a retry comes within minutes, not after 20,000 replies)."""
STREAM_PING_S = 15.0
"""A comment line this often keeps proxies and the phone's radio from dropping an idle event stream."""
STREAM_CHECK_S = 1.0
"""How often an open stream looks for a change of its guard's order (and for its token being revoked)."""
WS_TICK_S = 0.2
"""How often an open WebSocket looks at its guard's order between the client's frames (cheap: the order
is read again only when the server's version moved, or every `STREAM_CHECK_S`)."""
RESCAN_S = 5.0
"""How often the pages' server looks for active dispatches it was not handed (see `_rescan`)."""
_STATIC = {
    "/": "index.html",
    "/index.html": "index.html",
    "/app.js": "app.js",
    "/app.css": "app.css",
    "/sw.js": "sw.js",
    "/manifest.webmanifest": "manifest.webmanifest",
    "/icon.svg": "icon.svg",
}


class PhoneStore(Protocol):
    """What the page reads of the store (the `Store` fits)."""

    def get_dispatch(self, dispatch_id: str) -> Dispatch | None: ...
    def dispatches(self, active_only: bool = False, alert_id: str | None = None) -> list[Dispatch]: ...
    def get_alert(self, alert_id: str) -> Alert | None: ...
    def get_incident(self, incident_id: str) -> Any: ...
    def last_fixes(self, at_ts: int) -> Any: ...


class RateLimit:
    """At most `burst` actions per key, refilled at `per_s` per second (a token bucket per key)."""

    def __init__(self, burst: float, per_s: float, clock: Callable[[], float], keys: int = 10_000) -> None:
        self.burst, self.per_s, self._clock = burst, per_s, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._keys = keys
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self._clock()
        with self._lock:
            level, then = self._buckets.pop(key, (self.burst, now))
            level = min(self.burst, level + (now - then) * self.per_s)
            ok = level >= 1.0
            self._buckets[key] = (level - 1.0 if ok else level, now)
            while len(self._buckets) > self._keys:
                self._buckets.popitem(last=False)
        return ok


@dataclass(slots=True)
class PhoneStats:
    fixes: int = 0
    replies: int = 0
    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    refused: int = 0
    """Requests refused for their token (none, unknown, revoked) or for another guard's order."""
    websockets: int = 0
    """WebSocket connections opened (the live orders' first transport; the event stream is the fallback)."""
    reasons: deque[str] = field(default_factory=lambda: deque(maxlen=100))


@dataclass(frozen=True, slots=True)
class _Inbound:
    reply: Reply
    reply_id: str
    received_ms: int


class PhoneServer:
    """`start()`/`stop()`; `deliver(order)` is the desk's order path for enrolled guards; `take` is a
    `DeskRule` replies source (the runner chains it after the MQTT subscriber's)."""

    def __init__(
        self,
        section: PhoneSection,
        district: District,
        store: PhoneStore,
        book: PhoneBook,
        sink: Sink,
        clock: BridgeClock,
        reporter: HealthReporter | None = None,
        router: Any = None,
    ) -> None:
        self.section = section
        self.district = district
        self.store = store
        self.book = book
        self.clock = clock
        self.stats = PhoneStats()
        self._router = router
        self._router_lock = threading.Lock()
        self._http = _HttpServer(
            (section.listen.host, section.listen.port),
            _Handler,
            section.listen.idle_timeout_s,
            section.listen.max_connections,
        )
        self._http.phone = self
        if section.cert_file and section.key_file:
            import ssl

            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.minimum_version = ssl.TLSVersion.TLSv1_2
            context.load_cert_chain(section.cert_file, section.key_file)
            # The handshake happens in the handler's thread (`_Handler.setup`), never in the accept loop,
            # so one slow or silent client cannot hold every other phone up.
            self._http.socket = context.wrap_socket(
                self._http.socket, server_side=True, do_handshake_on_connect=False
            )
        self.delivery = Delivery(f"{PROTOCOL}:{self.address[1]}", sink, clock, reporter, section.listen.datum)
        self._thread = threading.Thread(target=self._http.serve_forever, name="phone-server", daemon=True)
        self._stopping = threading.Event()
        self._changed = threading.Condition()
        self._version = 0
        self._current: dict[str, str] = {}
        """Guard → the dispatch their page shows (the last order sent to them)."""
        self._inbox: list[_Inbound] = []
        self._seen: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()
        self._routes: dict[str, dict[str, Any]] = {}
        self._map: bytes | None = None
        self.enrol_limit = RateLimit(5, 5 / 60, clock.monotonic_s)
        """Per address: 5 tries, then one every 12 s (codes are 10 characters of 31)."""
        self.fix_limit = RateLimit(10, 1.0, clock.monotonic_s)
        self.reply_limit = RateLimit(30, 0.5, clock.monotonic_s)
        self.refusal_audit = RateLimit(3, 1 / 60, clock.monotonic_s)
        """Per address: refusals are all counted, but audited 3 at once then one a minute (a phone or a
        scanner hammering without a token must not flood the audit log)."""
        self._rescan_due = 0.0
        self.wording = load_wording()
        """What happened, in the desk's Chinese words (read from its .ts once, at start)."""

    # lifecycle -------------------------------------------------------------------------------------------
    @property
    def address(self) -> tuple[str, int]:
        host, port = self._http.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        scheme = "https" if self.section.tls else "http"
        return f"{scheme}://{self.address[0]}:{self.address[1]}/"

    @property
    def health(self) -> BridgeHealth:
        return self.delivery.snapshot()

    def start(self) -> None:
        self._thread.start()
        self.delivery.health.set_connected(True)

    def stop(self) -> None:
        self._stopping.set()
        with self._changed:
            self._changed.notify_all()
        if self._thread.is_alive():
            self._http.shutdown()
        self._http.server_close()
        self._thread.join(5)
        self.delivery.health.set_connected(False)
        self.book.close()

    # orders (engine thread) --------------------------------------------------------------------------------
    def reaches(self, guard: str) -> bool:
        """Whether `guard` has an enrolled phone (their orders are delivered here)."""
        return self.book.has_phone(guard)

    def deliver(self, order: Order) -> None:
        """Hand an order (or a stand-down) to the guard's page: their open streams push it at once, and a
        page that is offline gets it from `/api/order` when it comes back."""
        with self._lock:
            self._current[order.guard] = order.dispatch_id
            self._routes.pop(order.dispatch_id, None)
        self._bump()

    def _bump(self) -> None:
        with self._changed:
            self._version += 1
            self._changed.notify_all()

    def wait_change(self, version: int, timeout_s: float) -> int:
        with self._changed:
            if self._version == version and not self._stopping.is_set():
                self._changed.wait(timeout_s)
            return self._version

    # replies (engine thread) --------------------------------------------------------------------------------
    @property
    def waiting(self) -> int:
        with self._lock:
            return len(self._inbox)

    def take(self, until_ts: int, desk: DispatchDesk) -> Iterator[Reply]:
        """The phone replies to apply now, oldest first, vetted as MQTT replies are (`vet_reply`)."""
        if not self._inbox:
            return
        with self._lock:
            ready, self._inbox = due(self._inbox, until_ts)
        done = 0
        try:
            for inbound in ready:
                verdict = vet_reply(
                    inbound.reply, inbound.received_ms, desk, f"phone of {inbound.reply.guard}"
                )
                if isinstance(verdict, str):
                    self._outcome(inbound, "rejected", verdict)
                elif verdict is None:
                    self._outcome(inbound, "duplicate")
                else:
                    yield verdict
                    problem = applied_problem(verdict, desk)
                    self._outcome(inbound, "rejected" if problem else "applied", problem)
                done += 1
        finally:
            if done < len(ready):
                with self._lock:
                    self._inbox[:0] = ready[done:]
            if done:
                self._bump()

    def _outcome(self, inbound: _Inbound, status: str, reason: str = "") -> None:
        with self._lock:
            self._seen[inbound.reply_id] = status
            if status == "applied":
                self.stats.applied += 1
            elif status == "duplicate":
                self.stats.duplicates += 1
            else:
                self.stats.rejected += 1
                self.stats.reasons.append(reason)
        if reason:
            log.info("phone reply refused: %s", reason)
            self.delivery.health.reject(f"phone reply: {reason}")

    def receive_reply(self, guard: str, body: bytes) -> tuple[int, dict[str, Any]]:
        """A reply posted by `guard`'s page → (HTTP status, answer). 202 queued, 200 already received."""
        try:
            obj = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            return 400, {"error": f"invalid JSON: {exc}"}
        if not isinstance(obj, dict):
            return 400, {"error": "a reply is a JSON object"}
        reply_id = obj.pop("id", None)
        if not isinstance(reply_id, str) or not 8 <= len(reply_id) <= 64 or not reply_id.isprintable():
            return 400, {"error": "id must be the page's reply id (8..64 characters)"}
        key = f"{guard}:{reply_id}"
        with self._lock:
            if key in self._seen:
                return 200, {"id": reply_id, "status": self._seen[key]}
        photo_data = obj.pop("photo_data", None)
        obj["guard"] = guard  # a page speaks for its own guard only: whatever it wrote is overwritten
        obj.pop("photo", None)
        device = self.district.guards[guard].device_id or guard
        decoded = decode_reply(reply_topic(PROTOCOL, device), orjson.dumps(obj))
        if isinstance(decoded, Rejection):
            return 400, {"error": decoded.reason}
        if not self._own(guard, decoded.dispatch_id):
            return 403, {"error": "not your order"}
        photo = None
        if photo_data is not None:
            saved = self._save_photo(decoded.dispatch_id, reply_id, photo_data)
            if isinstance(saved, Rejection):
                return 400, {"error": saved.reason}
            photo = saved
        reply = Reply(decoded.dispatch_id, guard, decoded.state, decoded.ts, decoded.note[:2000], photo)
        now = self.clock.now_ms()
        with self._lock:
            self._seen[key] = "queued"
            while len(self._seen) > KEPT_REPLY_IDS:
                self._seen.popitem(last=False)
            self._inbox.append(_Inbound(reply, key, now))
            self.stats.replies += 1
        self.delivery.health.message_arrived()
        detail = {"dispatch": reply.dispatch_id, "state": reply.state, "reply": reply_id}
        if reply.note:
            detail["note"] = reply.note[:200]
        if photo:
            detail["photo"] = photo
        self.book.audit(ACTOR_PREFIX + guard, f"phone.reply.{reply.state}", reply.dispatch_id, detail)
        return 202, {"id": reply_id, "status": "queued"}

    def _save_photo(self, dispatch_id: str, reply_id: str, data: Any) -> str | Rejection:
        if not isinstance(data, str):
            return Rejection("photo_data must be a data: URL or base64 text")
        text = data.split(",", 1)[1] if data.startswith("data:") and "," in data else data
        try:
            raw = base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return Rejection("photo_data is not base64")
        if len(raw) > MAX_PHOTO:
            return Rejection(f"photo of {len(raw)} bytes exceeds {MAX_PHOTO}")
        if raw.startswith(b"\xff\xd8\xff"):
            ext = "jpg"
        elif raw.startswith(b"\x89PNG\r\n\x1a\n"):
            ext = "png"
        else:
            return Rejection("photo must be a JPEG or PNG image")
        folder = Path(self.section.photo_dir)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in f"{dispatch_id}-{reply_id}")
        path = folder / f"{safe}.{ext}"
        path.write_bytes(raw)
        path.chmod(0o600)
        return str(path)

    # fixes ------------------------------------------------------------------------------------------------
    def receive_fix(self, guard: str, body: bytes) -> tuple[int, str]:
        """A browser position → the guard's device's fix, through the OsmAnd codec and `Delivery`."""
        device = self.district.guards[guard].device_id
        if not device:
            return 400, "guard has no device"
        try:
            obj = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            return 400, f"invalid JSON: {exc}"
        if not isinstance(obj, dict) or not isinstance(obj.get("coords"), dict):
            return 400, "a fix is {coords: {latitude, longitude, ...}, timestamp}"
        location: dict[str, Any] = {"coords": obj["coords"], "timestamp": obj.get("timestamp")}
        if isinstance(obj.get("battery"), dict):
            location["battery"] = obj["battery"]
        shaped = orjson.dumps({"device_id": device, "location": location})
        self.delivery.health.message_arrived()
        try:
            report = osmand.decode_request("POST", "/", shaped, "application/json", self.clock.now_ms())
        except FrameError as exc:
            self.delivery.health.reject(f"phone fix from {guard}: {exc.reason}")
            return 400, exc.reason
        assert report.position is not None  # the JSON shape always carries coordinates
        item = position_event(PROTOCOL, device, report.position)
        if not self.delivery.deliver([item]):
            return 503, "not stored, retry"
        with self._lock:
            self.stats.fixes += 1
        return 200, ""

    # what a page reads ------------------------------------------------------------------------------------
    def map_json(self) -> bytes:
        if self._map is None:
            self._map = orjson.dumps(district_geojson(self.district))
        return self._map

    def _own(self, guard: str, dispatch_id: str) -> bool:
        d = self.store.get_dispatch(dispatch_id)
        return d is not None and d.guard_id == guard

    def dispatch_json(self, guard: str, dispatch_id: str) -> dict[str, Any] | None:
        """One of the guard's dispatches as the page shows it; None when it is not theirs."""
        d = self.store.get_dispatch(dispatch_id)
        if d is None or d.guard_id != guard:
            return None
        return self._order_json(d)

    def _rescan(self) -> None:
        """Active dispatches the page has not been handed (issued before the guard enrolled, or sent by
        another path): at most every `RESCAN_S`, so an idle stream costs no query per tick."""
        now = self.clock.monotonic_s()
        with self._lock:
            if now < self._rescan_due:
                return
            self._rescan_due = now + RESCAN_S
        found = {d.guard_id: d.id for d in self.store.dispatches(active_only=True)}
        with self._lock:
            for guard, dispatch_id in found.items():
                self._current.setdefault(guard, dispatch_id)

    def order_json(self, guard: str) -> dict[str, Any]:
        g = self.district.guards[guard]
        self._rescan()
        with self._lock:
            current = self._current.get(guard)
        d = self.store.get_dispatch(current) if current else None
        return {
            "guard": {"id": g.id, "name": g.name},
            "settings": {
                "fix_interval_s": self.section.fix_interval_s,
                "busy_fix_interval_s": self.section.busy_fix_interval_s,
            },
            "order": self._order_json(d) if d is not None and d.guard_id == guard else None,
        }

    def _order_json(self, d: Dispatch) -> dict[str, Any]:
        place, summary, what = self._place(d)
        steps = [{"state": str(s.state), "ts": s.ts, "actor": s.actor, "note": s.note} for s in d.history]
        out: dict[str, Any] = {
            "id": d.id,
            "state": str(d.state),
            "mode": d.mode,
            "alarm": d.mode == "one_call",
            "issued_ts": d.issued_ts,
            "note": d.history[0].note if d.history else "",
            "lon": d.lon,
            "lat": d.lat,
            "radius_m": d.radius_m,
            "place": place,
            "summary": summary,
            "what": what,
            "next": _phone_next(d.state),
            "transitions": {str(s): _phone_next(s) for s in DispatchState},
            "steps": steps,
            "feedback": d.feedback,
            "has_photo": d.photo is not None,
        }
        if d.state.holds_guard:
            out.update(self._route(d))
        return out

    def _place(self, d: Dispatch) -> tuple[str, str, str]:
        """The incident's place in words (compound, building, room), its summary, and what happened in
        Chinese (the alert's kind, e.g. 烟感报警, from the desk's .ts via `data.wording`; or the 110
        incident's type and subtype, `Incident.label`)."""
        if d.alert_id.startswith("INC-"):
            incident = self.store.get_incident(d.alert_id)
            if incident is not None:
                what = str(getattr(incident, "label", "") or "")  # 火灾/冒烟异味: the core's own words
                return str(getattr(incident.place, "address", "") or ""), str(incident.summary or ""), what
            return "", "", ""
        alert = self.store.get_alert(d.alert_id)
        if alert is None:
            return "", "", ""
        p = alert_place(self.district, alert)
        compound = "" if p.building.startswith(p.compound) else p.compound  # "某小区 某小区3号楼" reads twice
        words = " ".join(x for x in (compound, p.building, p.room) if x)
        return words or p.subject, "", self.wording.rule(alert.rule)

    def _route(self, d: Dispatch) -> dict[str, Any]:
        """The road route from the guard's last fix to the incident and its ETA; computed once per order
        (the page shows the guard's own dot moving along it)."""
        with self._lock:
            cached = self._routes.get(d.id)
        if cached is not None:
            return cached
        found: dict[str, Any] = {}
        if d.lon is not None and d.lat is not None:
            try:
                from sandbox_app.dispatch.nearest import nearest_from_store

                with self._router_lock:
                    if self._router is None:
                        from sandbox_app.geo.routing import RoutingGraph

                        self._router = RoutingGraph.from_district(self.district)
                    router = self._router
                others = frozenset(g for g in self.district.guards if g != d.guard_id)
                ranked = nearest_from_store(
                    self.store,  # type: ignore[arg-type]
                    self.district, router, d.lon, d.lat, self.clock.now_ms(), k=1, busy=others,
                ).ranked()  # fmt: skip
            except Exception:  # a route is a help, never a reason to withhold the order
                log.exception("route for dispatch %s", d.id)
                ranked = []
            for c in ranked:
                if c.guard == d.guard_id:
                    found = {
                        "route": [[round(x, 6), round(y, 6)] for x, y in c.path],
                        "eta_s": round(c.eta_s),
                        "distance_m": round(c.distance_m),
                    }
        with self._lock:
            self._routes[d.id] = found
        return found

    def refuse(self, reason: str, peer: str) -> None:
        with self._lock:
            self.stats.refused += 1
            self.stats.reasons.append(reason)
        self.delivery.health.reject(f"phone: {reason}")
        if self.refusal_audit.allow(peer):
            self.book.audit(ACTOR_PREFIX + "?", "phone.refused", "", {"reason": reason, "peer": peer})


def _phone_next(state: DispatchState) -> list[str]:
    """What the guard may report next from `state` (the domain's table, less the commander's steps): the
    page enables only these buttons, and walks the table itself for replies still in its offline queue."""
    return sorted(str(s) for s in next_states(state) if str(s) in PHONE_STATES)


class _HttpServer(GuardedHTTPServer):
    phone: PhoneServer


class _Handler(GuardedHandler):
    server: _HttpServer

    def setup(self) -> None:
        super().setup()
        do_handshake = getattr(self.connection, "do_handshake", None)
        if do_handshake is not None:
            do_handshake()  # TLS, in this connection's own thread (bounded by the socket timeout)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("phone %s: " + format, self.client_address[0], *args)

    # routing ----------------------------------------------------------------------------------------------
    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        phone = self.server.phone
        if path in _STATIC:
            self._static(_STATIC[path])
        elif path == "/api/map":
            self._json(200, phone.map_json(), cache=True)
        elif path == "/api/order":
            guard = self._guard()
            if guard is not None:
                self._json(200, phone.order_json(guard))
        elif path.startswith("/api/dispatch/"):
            guard = self._guard()
            if guard is not None:
                dispatch_id = path.removeprefix("/api/dispatch/")
                found = phone.dispatch_json(guard, dispatch_id)
                if found is None:
                    phone.refuse(f"guard {guard} asked for dispatch {dispatch_id[:60]}", peer_host(self))
                    self._json(403, {"error": "not your order"})
                else:
                    self._json(200, found)
        elif path == "/api/events":
            guard = self._guard()
            if guard is not None:
                self._stream(guard)
        elif path == "/api/ws":
            guard = self._guard()  # the token is checked before the upgrade: no socket for a stranger
            if guard is not None:
                self._websocket(guard)
        else:
            self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        phone = self.server.phone
        try:
            body = self.read_body(MAX_REPLY_BODY if path == "/api/reply" else osmand.MAX_BODY)
        except HttpRefusal as exc:
            phone.delivery.health.reject(f"phone: {exc.reason}")
            self.refuse(exc)
            return
        if path == "/api/enrol":
            self._enrol(body)
            return
        guard = self._guard()
        if guard is None:
            return
        if path == "/api/fix":
            if not phone.fix_limit.allow(guard):
                self._json(429, {"error": "too many fixes"})
                return
            status, text = phone.receive_fix(guard, body)
            self._json(status, {"error": text} if text else {"ok": True})
        elif path == "/api/reply":
            if not phone.reply_limit.allow(guard):
                self._json(429, {"error": "too many replies, retry later"})
                return
            status, answer = phone.receive_reply(guard, body)
            self._json(status, answer)
        else:
            self._json(404, {"error": "not found"})

    # pieces ----------------------------------------------------------------------------------------------
    def _token(self) -> str:
        jar = cookies.SimpleCookie()
        try:
            jar.load(self.headers.get("Cookie", ""))
        except cookies.CookieError:
            return ""
        morsel = jar.get(COOKIE)
        return morsel.value if morsel is not None else ""

    def _guard(self) -> str | None:
        """The guard this request's token speaks for; else 401 answered (and counted, audited)."""
        phone = self.server.phone
        token = self._token()
        guard = phone.book.guard_of(token)
        if guard is None or guard not in phone.district.guards:
            why = "a revoked or unknown token" if token else "no token"
            phone.refuse(f"{why} on {urlsplit(self.path).path}", peer_host(self))
            self._json(401, {"error": "not enrolled", "enrol": True})
            return None
        return guard

    def _enrol(self, body: bytes) -> None:
        phone = self.server.phone
        peer = peer_host(self)
        if not phone.enrol_limit.allow(peer):
            phone.refuse("enrolment rate limit", peer)
            self._json(429, {"error": "尝试次数过多，请稍后再试"})
            return
        try:
            obj = orjson.loads(body)
            code = str(obj["code"]) if isinstance(obj, dict) else ""
        except (orjson.JSONDecodeError, KeyError):
            code = ""
        try:
            guard, token = phone.book.redeem(code, peer)
        except EnrolError as exc:
            self._json(403, {"error": str(exc)})
            return
        g = phone.district.guards.get(guard)
        morsel = cookies.SimpleCookie()
        morsel[COOKIE] = token
        morsel[COOKIE]["path"] = "/"
        morsel[COOKIE]["httponly"] = True
        morsel[COOKIE]["samesite"] = "Strict"
        morsel[COOKIE]["max-age"] = str(400 * 24 * 3600)
        if phone.section.tls:
            morsel[COOKIE]["secure"] = True
        payload = orjson.dumps({"guard": guard, "name": g.name if g else guard})
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Set-Cookie", morsel[COOKIE].OutputString())
        self.end_headers()
        self.wfile.write(payload)

    def _static(self, name: str) -> None:
        path = STATIC_DIR / name
        try:
            payload = path.read_bytes()
        except OSError:
            self._json(404, {"error": "not found"})
            return
        kind = {
            ".webmanifest": "application/manifest+json",
            ".js": "text/javascript; charset=utf-8",
            ".svg": "image/svg+xml",
        }.get(path.suffix) or (mimetypes.guess_type(name)[0] or "application/octet-stream")
        if kind.startswith("text/html") or kind.startswith("text/css"):
            kind += "; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "no-cache")  # the service worker keeps the offline copy
        self.send_header("X-Content-Type-Options", "nosniff")
        if name == "index.html":
            self.send_header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; media-src 'self' data:",
            )
        self.end_headers()
        self.wfile.write(payload)

    def _json(self, status: int, obj: Any, *, cache: bool = False) -> None:
        payload = obj if isinstance(obj, bytes) else orjson.dumps(obj)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Cache-Control", "max-age=3600" if cache else "no-store")
        self.end_headers()
        self.wfile.write(payload)

    def _stream(self, guard: str) -> None:
        """Server-sent events (the fallback transport) until the phone goes, the token is revoked or the
        station stops: what `OrderFeed` produces, as `event: order|revoked`, a comment as keepalive."""
        phone = self.server.phone
        self.server.watch(self.connection, None)  # a long response is not a slow request
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        feed = OrderFeed(phone, guard, self._token())
        quiet_since = phone.clock.monotonic_s()
        try:
            while not phone._stopping.is_set():
                for event, data in feed.due():
                    self.wfile.write(b"event: " + event.encode() + b"\ndata: " + data + b"\n\n")
                    self.wfile.flush()
                    quiet_since = phone.clock.monotonic_s()
                    if event == "revoked":
                        return
                if phone.clock.monotonic_s() - quiet_since >= STREAM_PING_S:
                    self.wfile.write(b": ping\n\n")
                    self.wfile.flush()
                    quiet_since = phone.clock.monotonic_s()
                feed.wait(STREAM_CHECK_S)
        except (OSError, ValueError):  # the phone went away (or the socket was closed at stop)
            return

    def _websocket(self, guard: str) -> None:
        """The live orders over WebSocket (the page's first choice): the same `OrderFeed` messages as the
        event stream, each a text frame `{"event": "order"|"revoked", "data": ...}`; a ping frame as
        keepalive; the client's frames are read and answered between checks (`websocket.WsConnection`)."""
        phone = self.server.phone
        problem = ws.handshake_problem(self.headers)
        if problem is None:
            origin = self.headers.get("Origin")
            if origin and urlsplit(origin).netloc != self.headers.get("Host", ""):
                # A page of another site must not open this guard's feed with the guard's cookie.
                phone.refuse(f"WebSocket from another origin {origin[:80]}", peer_host(self))
                self._json(403, {"error": "cross-origin WebSocket refused"})
                return
        if problem is not None:
            self.close_connection = True
            self._json(400, {"error": problem})
            return
        self.close_connection = True
        self.send_response(101, "Switching Protocols")
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        key = str(self.headers["Sec-WebSocket-Key"]).strip()
        self.send_header("Sec-WebSocket-Accept", ws.accept_key(key))
        self.end_headers()
        self.wfile.flush()
        self.server.watch(self.connection, None)  # a long connection is not a slow request
        conn = ws.WsConnection(self.connection, phone.clock.monotonic_s, self.server.idle_timeout_s)
        feed = OrderFeed(phone, guard, self._token())
        pinged = phone.clock.monotonic_s()
        with phone._lock:
            phone.stats.websockets += 1
        try:
            while not phone._stopping.is_set():
                for event, data in feed.due():
                    conn.send_text(b'{"event":"' + event.encode() + b'","data":' + data + b"}")
                    if event == "revoked":
                        conn.close(ws.CLOSE_POLICY, "revoked")
                        return
                if phone.clock.monotonic_s() - pinged >= STREAM_PING_S:
                    conn.ping()
                    pinged = phone.clock.monotonic_s()
                conn.poll(WS_TICK_S)
            conn.close(ws.CLOSE_GOING_AWAY, "station stopping")
        except ws.WsClosed as exc:
            if exc.code is not None:
                log.info("phone WebSocket of %s closed: %s", guard, exc.reason)
                phone.delivery.health.reject(f"phone WebSocket: {exc.reason}")
                conn.close(exc.code, exc.reason[:100])
        except (OSError, ValueError):  # the phone went away (or the socket was closed at stop)
            return


class OrderFeed:
    """What one guard's live connection is sent, whichever the transport (one producer, two transports):
    `order` with the page's snapshot (`order_json`: a new order, a one-call alarm, a step, a cancel)
    whenever it changed, `revoked` once the token no longer speaks for the guard. Looked at again when the
    server's version moves (`deliver`, an applied reply) and at least every `STREAM_CHECK_S` (revocation,
    orders found by the rescan)."""

    def __init__(self, phone: PhoneServer, guard: str, token: str) -> None:
        self.phone, self.guard, self.token = phone, guard, token
        self.version = -1
        self._last: bytes | None = None
        self._checked = float("-inf")

    def due(self) -> list[tuple[str, bytes]]:
        """The messages to send now (none when nothing changed)."""
        phone = self.phone
        now = phone.clock.monotonic_s()
        version = phone._version
        if version == self.version and now - self._checked < STREAM_CHECK_S:
            return []
        self.version, self._checked = version, now
        if phone.book.guard_of(self.token) != self.guard:
            return [("revoked", b"{}")]
        state = orjson.dumps(phone.order_json(self.guard))
        if state == self._last:
            return []
        self._last = state
        return [("order", state)]

    def wait(self, timeout_s: float) -> None:
        """Until the server's version moves from the one last looked at, or `timeout_s`."""
        self.phone.wait_change(self.version, timeout_s)
