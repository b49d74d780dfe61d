"""Who may talk to our 视图库: digest nonces used once, and registered sessions bound to address and token.

A Register proves the password (HTTP digest, MD5, qop=auth, the device id as user name); it opens a
session bound to the address it came from and to a random token handed back as a cookie. Keepalives,
uploads and UnRegister are accepted only from that address with that token (or with a fresh digest, and
always with one under `require_digest_each_request`). A nonce is good once and for `nonce_ttl_s`, so a
captured `Authorization` header cannot be replayed; a session ends after `missed_keepalives` silent
periods or `session_ttl_s`, whichever comes first.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie

from sandbox_app.bridges.gat1400.codec import Gat1400Config

COOKIE = "VIIDSession"
MAX_NONCES = 10_000
"""Outstanding challenges kept; beyond it the oldest are dropped (their peers are simply asked again)."""


def _md5(text: str) -> str:
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def digest_fields(header: str) -> dict[str, str] | None:
    """The `key=value` pairs of a `Digest` Authorization header (None for any other scheme)."""
    if not header.startswith("Digest "):
        return None
    fields: dict[str, str] = {}
    for item in header[7:].split(","):
        key, _, value = item.strip().partition("=")
        fields[key] = value.strip().strip('"')
    return fields


def session_cookie(header: str) -> str:
    """Our session token from a `Cookie` header ("" when absent or unparsable)."""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return ""
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None else ""


@dataclass(slots=True)
class Session:
    host: str
    token: str
    opened_ms: int
    seen_ms: int


@dataclass(frozen=True, slots=True)
class Credentials:
    """What one request shows: its address, the session cookie and the Authorization header."""

    host: str
    token: str
    authorization: str
    method: str
    uri: str


class PeerAuth:
    """Nonces and sessions of one server; thread-safe. `now_ms` is the bridge clock."""

    def __init__(self, config: Gat1400Config, now_ms: Callable[[], int]) -> None:
        self.config = config
        self.now_ms = now_ms
        self.lock = threading.Lock()
        self._nonces: dict[str, int] = {}
        self._sessions: dict[str, Session] = {}

    # --- nonces -----------------------------------------------------------------------------------------

    def new_nonce(self) -> str:
        nonce = secrets.token_hex(16)
        with self.lock:
            while len(self._nonces) >= MAX_NONCES:
                del self._nonces[next(iter(self._nonces))]
            self._nonces[nonce] = self.now_ms()
        return nonce

    def challenge(self) -> str:
        return f'Digest realm="{self.config.realm}", qop="auth", nonce="{self.new_nonce()}", algorithm=MD5'

    def _take_nonce(self, nonce: str) -> bool:
        """Use a nonce up (whatever the outcome of the check): True when it was issued and is fresh."""
        with self.lock:
            issued = self._nonces.pop(nonce, None)
        return issued is not None and self.now_ms() - issued <= self.config.nonce_ttl_s * 1000.0

    def digest_valid(self, creds: Credentials, device_id: str) -> bool:
        fields = digest_fields(creds.authorization)
        if fields is None or "nonce" not in fields:
            return False
        fresh = self._take_nonce(fields["nonce"])
        password = self.config.passwords.get(device_id)
        if (
            not fresh
            or password is None
            or fields.get("username") != device_id
            or fields.get("uri") != creds.uri
        ):
            return False
        ha1 = _md5(f"{device_id}:{self.config.realm}:{password}")
        ha2 = _md5(f"{creds.method}:{creds.uri}")
        if fields.get("qop"):
            parts = (ha1, fields["nonce"], fields.get("nc", ""), fields.get("cnonce", ""), fields["qop"], ha2)
            expected = _md5(":".join(parts))
        else:
            expected = _md5(f"{ha1}:{fields['nonce']}:{ha2}")
        return secrets.compare_digest(expected, fields.get("response", ""))

    # --- sessions ---------------------------------------------------------------------------------------

    def _alive(self, session: Session | None, now: int) -> bool:
        c = self.config
        return (
            session is not None
            and now - session.seen_ms <= c.keepalive_s * c.missed_keepalives * 1000.0
            and now - session.opened_ms <= c.session_ttl_s * 1000.0
        )

    def online(self, device_id: str) -> bool:
        now = self.now_ms()
        with self.lock:
            return self._alive(self._sessions.get(device_id), now)

    def peers(self) -> list[str]:
        with self.lock:
            return sorted(self._sessions)

    def open(self, device_id: str, host: str) -> str:
        """A new session after a successful Register (replacing any older one); returns its token."""
        token = secrets.token_urlsafe(24)
        now = self.now_ms()
        with self.lock:
            self._sessions[device_id] = Session(host, token, now, now)
        return token

    def forget(self, device_id: str) -> None:
        with self.lock:
            self._sessions.pop(device_id, None)

    def check(self, device_id: str, creds: Credentials) -> str | None:
        """None when the request may act for `device_id` (and the session is refreshed), else why not."""
        if not device_id:
            return "no User-Identify / DeviceID"
        now = self.now_ms()
        with self.lock:
            session = self._sessions.get(device_id)
            if not self._alive(session, now) or session is None:
                return "not registered (or timed out): register first"
            if session.host != creds.host:
                return "request from another address than the registration"
            token_ok = secrets.compare_digest(session.token.encode(), creds.token.encode())
        if self.config.require_digest_each_request or (self.config.require_session_token and not token_ok):
            if not self.digest_valid(creds, device_id):
                return "digest authentication required" if not token_ok else "fresh digest required"
        elif creds.token and not token_ok:
            return "wrong session token"
        with self.lock:
            if self._sessions.get(device_id) is session and session is not None:
                session.seen_ms = now
        return None
