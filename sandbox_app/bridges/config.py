"""The bridges file: which real inputs (and the order output) a station runs, read from TOML.

Every section is optional; an absent section is a bridge that does not run. Secrets never sit in the file:
for each secret the file names where to find it, `<key>_env = "VAR"` (an environment variable) or
`<key>_file = "path"` (a file only its owner may read, mode 0600 or stricter; relative to the bridges
file). A secret written in plain text is refused, so a config can be committed, mailed or shown on a
screen without leaking a password. Every error names the file, the section and the key, because the
person fixing it has the file open, not the code (resources/bridges.example.toml, docs/bridges.md).
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from sandbox_app.domain.enums import DATUMS

SECRET_KEYS = frozenset({"password", "secret", "token", "key"})
"""Keys whose value is a secret: only their `_env` / `_file` forms are accepted."""
_SECRET_PARAM = re.compile(r"token|key|secret|pass|pwd|auth|sig|session|credential|ticket", re.IGNORECASE)
"""URL query parameter names that carry a secret (`?access_token=`, `?apikey=`, `?sign=`...)."""


class BridgeConfigError(ValueError):
    """A bridges file the station cannot run with; `str()` reads "FILE: [section] key: problem"."""

    def __init__(self, file: Path | str, section: str, key: str, problem: str) -> None:
        self.file = str(file)
        self.section = section
        self.key = key
        self.problem = problem
        where = f"[{section}]" if section else "(top level)"
        super().__init__(f"{file}: {where}{' ' + key if key else ''}: {problem}")


@dataclass(frozen=True, slots=True)
class Listen:
    """A server bridge's socket (OsmAnd, JT/T 808, GT06, GA/T 1400); port 0 picks a free one."""

    host: str = "127.0.0.1"
    port: int = 0
    idle_timeout_s: float = 600.0
    max_connections: int = 256
    """Concurrent connections (one thread each); more are refused at once."""
    datum: str = "wgs84"
    """What the trackers on this socket report in (wgs84, gcj02, bd09); converted to WGS-84 on the way in."""


@dataclass(frozen=True, slots=True)
class MqttLink:
    host: str
    port: int
    client_id: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    tls: bool = False
    """`mqtts://` URLs or `tls = true`: the broker's certificate is always verified."""
    ca_file: str | None = None
    """CA that signed the broker's certificate (None: the system's trust store)."""
    client_cert: tuple[str, str] | None = None
    """(certificate, key) files when the broker authenticates bridges by certificate."""


@dataclass(frozen=True, slots=True)
class MqttSection:
    link: MqttLink
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HttpPullSection:
    url: str
    interval_s: float
    name: str
    token: str | None = field(default=None, repr=False)
    """Sent as `Authorization: Bearer`; from `token_env` / `token_file`."""
    basic_auth: tuple[str, str] | None = field(default=None, repr=False)
    """(user, password) for HTTP Basic; the password from `password_env` / `password_file`."""
    ca_file: str | None = None
    client_cert: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class IsapiSection:
    url: str
    user: str
    password: str = field(repr=False)
    name: str
    device_id: str


@dataclass(frozen=True, slots=True)
class Gat1400Section:
    listen: Listen | None
    """Our 视图库 receiving registrations and records from cameras and lower platforms."""
    server_id: str
    peers: Mapping[str, str] = field(repr=False)
    """Lower-level device id → its Register password."""
    platform_url: str | None
    """A higher platform we register with and keep alive (as `device_id`)."""
    device_id: str
    password: str | None = field(repr=False)
    keepalive_s: float
    require_digest_each_request: bool = False
    """Our server: every keepalive, upload and unregister needs a fresh digest, not only Register."""
    require_session_token: bool = True
    """Our server: requests after Register must return its session cookie (false: the address alone)."""
    max_body_bytes: int = 4 * 1024 * 1024
    """Our server: the largest upload body it reads."""


@dataclass(frozen=True, slots=True)
class OrdersSection:
    link: MqttLink
    station: str
    """Orders go to `sandbox/<station>/orders/<device_id>` (bridges/orders.py)."""


@dataclass(frozen=True, slots=True)
class Cad110Section:
    """[cad110]: the 110 hand-off listener and the token 110 sends as `Authorization: Bearer`."""

    listen: Listen
    token: str = field(repr=False)
    name: str = "cad110"


@dataclass(frozen=True, slots=True)
class PhoneSection:
    """[phone]: the guards' phone page (bridges/phone, docs/dispatch.md "The guard's phone")."""

    listen: Listen
    cert_file: str | None = None
    """The station's certificate (PEM, chain included) that the page is served with over HTTPS."""
    key_file: str | None = None
    fix_interval_s: float = 30.0
    """How often an idle phone shares its position (battery first)."""
    busy_fix_interval_s: float = 10.0
    """How often a phone on an order shares it (arrival is detected from these fixes)."""
    photo_dir: str = "phone-photos"
    """Where feedback photos are kept (relative to the bridges file)."""
    enrolment_file: str | None = None
    """The local SQLite file with the codes and tokens (default: the station's audit file, --audit/--db)."""

    @property
    def tls(self) -> bool:
        return self.cert_file is not None


@dataclass(frozen=True, slots=True)
class BridgesConfig:
    path: Path
    mqtt: MqttSection | None = None
    http_pull: HttpPullSection | None = None
    osmand: Listen | None = None
    jt808: Listen | None = None
    gt06: Listen | None = None
    h02: Listen | None = None
    watch: Listen | None = None
    isapi: IsapiSection | None = None
    gat1400: Gat1400Section | None = None
    orders: OrdersSection | None = None
    cad110: Cad110Section | None = None
    phone: PhoneSection | None = None

    @property
    def enabled(self) -> list[str]:
        names = (
            "mqtt",
            "http_pull",
            "osmand",
            "jt808",
            "gt06",
            "h02",
            "watch",
            "isapi",
            "gat1400",
            "orders",
            "cad110",
            "phone",
        )
        return [name for name in names if getattr(self, name) is not None]


class _Section:
    """One table of the file: typed getters that name file/section/key in every error, and a check that
    no key was left unread (a typo'd key silently ignored is a bridge silently misconfigured)."""

    def __init__(self, path: Path, name: str, table: object) -> None:
        self.path = path
        self.name = name
        if not isinstance(table, dict):
            raise BridgeConfigError(path, name, "", "must be a table")
        self.table: dict[str, Any] = table
        self.read: set[str] = set()

    def error(self, key: str, problem: str) -> BridgeConfigError:
        return BridgeConfigError(self.path, self.name, key, problem)

    def _get(self, key: str, kinds: tuple[type, ...], what: str, default: Any, required: bool) -> Any:
        self.read.add(key)
        if key not in self.table:
            if required:
                raise self.error(key, f"missing ({what})")
            return default
        value = self.table[key]
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
            raise self.error(key, f"must be {what}, not {value!r}")
        return value

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str:
        value = self._get(key, (str,), "a string", default, required)
        if required and not str(value).strip():
            raise self.error(key, "must not be empty")
        return str(value) if value is not None else ""

    def optional_text(self, key: str) -> str | None:
        value = self._get(key, (str,), "a string", None, False)
        return str(value) if value is not None else None

    def flag(self, key: str, default: bool) -> bool:
        return bool(self._get(key, (bool,), "true or false", default, False))

    def number(self, key: str, default: float) -> float:
        """A positive duration in seconds."""
        value = float(self._get(key, (int, float), "a number", default, False))
        if not value > 0.0:
            raise self.error(key, f"must be greater than 0, not {value:g}")
        return value

    def count(self, key: str, default: int) -> int:
        """A positive integer (a cap: connections, bytes)."""
        value = self._get(key, (int,), "a positive integer", default, False)
        if value < 1:
            raise self.error(key, f"must be at least 1, not {value}")
        return int(value)

    def port(self, key: str = "port", default: int | None = None) -> int:
        value = self._get(key, (int,), "an integer 0..65535", default, default is None)
        if not 0 <= value <= 65535:
            raise self.error(key, f"port {value} is outside 0..65535")
        return int(value)

    def strings(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self._get(key, (list,), "a list of strings", list(default), False)
        if not value or not all(isinstance(v, str) and v for v in value):
            raise self.error(key, "must be a non-empty list of non-empty strings")
        return tuple(value)

    def url(self, key: str, schemes: tuple[str, ...], *, required: bool = True) -> str:
        value = self.text(key, required=required)
        if not value:
            return ""
        parts = urlsplit(value)
        if parts.scheme not in schemes or not parts.hostname:
            raise self.error(key, f"{value!r} is not a {' or '.join(s + '://' for s in schemes)} URL")
        if parts.password is not None:
            raise self.error(key, "a password in the URL is a secret in plain text; use password_env/_file")
        for name, _ in parse_qsl(parts.query, keep_blank_values=True):
            if _SECRET_PARAM.search(name):
                raise self.error(
                    key,
                    f"query parameter {name!r} looks like a secret in plain text; "
                    "use token_env/_file (sent as a header) instead",
                )
        try:
            parts.port  # noqa: B018 - parsing it is the check
        except ValueError as exc:
            raise self.error(key, f"bad port in {value!r}: {exc}") from None
        return value

    def secret(self, key: str, *, required: bool) -> str | None:
        """`<key>_env` or `<key>_file`; the plain `<key>` is refused even when it is empty."""
        self.read.update({key, f"{key}_env", f"{key}_file"})
        if key in self.table:
            raise self.error(
                key,
                f'secrets are never written in the file: set {key}_env = "VARIABLE" '
                f'or {key}_file = "path" (mode 0600) instead',
            )
        env, file = self.table.get(f"{key}_env"), self.table.get(f"{key}_file")
        if env is not None and file is not None:
            raise self.error(f"{key}_env", f"give {key}_env or {key}_file, not both")
        if env is not None:
            if not isinstance(env, str) or not env:
                raise self.error(f"{key}_env", "must name an environment variable")
            found = os.environ.get(env)
            if not found:
                raise self.error(f"{key}_env", f"environment variable {env} is not set or empty")
            return found
        if file is not None:
            if not isinstance(file, str) or not file:
                raise self.error(f"{key}_file", "must be a path")
            return _read_secret_file(self, f"{key}_file", self.path.parent / Path(file).expanduser())
        if required:
            raise self.error(key, f'missing secret: set {key}_env = "VARIABLE" or {key}_file = "path"')
        return None

    def done(self) -> None:
        unknown = sorted(set(self.table) - self.read)
        for key in unknown:
            if key in SECRET_KEYS:
                self.secret(key, required=False)  # raises: a secret in plain text, named as such
        if unknown:
            known = ", ".join(sorted(self.read))
            raise self.error(unknown[0], f"unknown key (known: {known})")


def _read_secret_file(section: _Section, key: str, path: Path) -> str:
    """A credentials file must be a regular file nobody but its owner can read or write (0600)."""
    try:
        info = path.stat()
    except OSError as exc:
        raise section.error(key, f"cannot read {path}: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise section.error(key, f"{path} is not a regular file")
    if info.st_mode & 0o077:
        mode = stat.S_IMODE(info.st_mode)
        fix = f"run `chmod 600 {path}` (only its owner may read it)"
        raise section.error(key, f"{path} has mode {mode:04o}; {fix}")
    text = path.read_text(encoding="utf-8").strip()
    if not text:
        raise section.error(key, f"{path} is empty")
    return text


_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def _tls_file(s: _Section, key: str, *, private: bool = False) -> str | None:
    """A certificate or key path (relative to the bridges file) that must exist; a private key must be
    readable by its owner only, like any other secret file."""
    value = s.optional_text(key)
    if value is None:
        return None
    if not value:
        raise s.error(key, "must be a path")
    path = s.path.parent / Path(value).expanduser()
    if private:
        _read_secret_file(s, key, path)
    elif not path.is_file():
        raise s.error(key, f"{path} is not a readable file")
    return str(path)


def _client_cert(s: _Section) -> tuple[str, str] | None:
    cert, key = _tls_file(s, "client_cert_file"), _tls_file(s, "client_key_file", private=True)
    if (cert is None) != (key is None):
        missing = "client_key_file" if key is None else "client_cert_file"
        raise s.error(missing, "client_cert_file and client_key_file go together")
    return (cert, key) if cert is not None and key is not None else None


def _mqtt_link(s: _Section, default_client: str) -> MqttLink:
    url = s.url("url", ("mqtt", "tcp", "mqtts", "ssl"))
    parts = urlsplit(url)
    tls_url = parts.scheme in ("mqtts", "ssl")
    tls = s.flag("tls", tls_url)
    if tls_url and not tls:
        raise s.error("tls", f"{parts.scheme}:// is always TLS; drop `tls = false` or use mqtt://")
    username = s.optional_text("username") or parts.username
    password = s.secret("password", required=False)
    if password is not None and not username:
        raise s.error("username", "a password needs a username")
    ca_file, client_cert = _tls_file(s, "ca_file"), _client_cert(s)
    if not tls and (ca_file or client_cert):
        key = "ca_file" if ca_file else "client_cert_file"
        raise s.error(key, "only used over TLS: use an mqtts:// URL or set tls = true")
    client_id = s.text("client_id", default_client)
    port = parts.port or (8883 if tls else 1883)
    return MqttLink(parts.hostname or "", port, client_id, username, password, tls, ca_file, client_cert)


def _http_pull(s: _Section) -> HttpPullSection:
    url = s.url("url", ("http", "https"))
    parts = urlsplit(url)
    token = s.secret("token", required=False)
    user = s.optional_text("user")
    password = s.secret("password", required=False)
    if token is not None and (user or password is not None):
        raise s.error("token_env", "give a token or user + password (HTTP Basic), not both")
    if (user is None) != (password is None):
        raise s.error("user" if user is None else "password", "HTTP Basic needs both user and password")
    ca_file, client_cert = _tls_file(s, "ca_file"), _client_cert(s)
    if parts.scheme != "https":
        if ca_file or client_cert:
            raise s.error("ca_file" if ca_file else "client_cert_file", "only used with an https:// url")
        if (token is not None or user is not None) and parts.hostname not in _LOOPBACK:
            raise s.error("url", "credentials would cross the network in plain text: use https://")
    basic = (user, password) if user is not None and password is not None else None
    return HttpPullSection(
        url, s.number("interval_s", 1.0), s.text("name", "http"), token, basic, ca_file, client_cert
    )


def _listen(s: _Section, default_port: int) -> Listen:
    """A tracker bridge's section: its socket and the datum its trackers report in."""
    datum = s.text("datum", "wgs84").strip().lower()
    if datum not in DATUMS:
        raise s.error("datum", f"must be one of {', '.join(DATUMS)}, not {datum!r}")
    return Listen(
        s.text("host", "127.0.0.1"),
        s.port("port", default_port),
        s.number("idle_timeout_s", 600.0),
        s.count("max_connections", 256),
        datum,
    )


def _gat1400(s: _Section) -> Gat1400Section:
    listen = None
    if "listen_port" in s.table or "listen_host" in s.table:
        listen = Listen(
            s.text("listen_host", "127.0.0.1"),
            s.port("listen_port", 0),
            s.number("idle_timeout_s", 30.0),
            s.count("max_connections", 32),
        )
    peers: dict[str, str] = {}
    s.read.add("peers")
    raw_peers = s.table.get("peers", {})
    if not isinstance(raw_peers, dict):
        raise s.error("peers", "must be a table of device id = { password_env | password_file }")
    for peer_id, peer_table in raw_peers.items():
        peer = _Section(s.path, f"{s.name}.peers.{peer_id}", peer_table)
        peers[peer_id] = peer.secret("password", required=True) or ""
        peer.done()
    platform = s.url("platform_url", ("http", "https"), required=False) or None
    device_id = s.text("device_id", "")
    password = s.secret("password", required=platform is not None)
    if platform is not None and not device_id:
        raise s.error("device_id", "required with platform_url (our id at the higher platform)")
    if listen is None and platform is None:
        raise s.error("listen_port", "give listen_port (receive records) and/or platform_url (report upward)")
    return Gat1400Section(
        listen,
        s.text("server_id", "00000000005030000001"),
        peers,
        platform,
        device_id,
        password,
        s.number("keepalive_s", 60.0),
        s.flag("require_digest_each_request", False),
        s.flag("require_session_token", True),
        s.count("max_body_bytes", 4 * 1024 * 1024),
    )


def _cad110(s: _Section) -> Cad110Section:
    from sandbox_app.bridges.cad110.server import DEFAULT_PORT, MIN_TOKEN_LENGTH

    token = s.secret("token", required=True) or ""
    if len(token) < MIN_TOKEN_LENGTH:
        raise s.error("token_env", f"the token must be at least {MIN_TOKEN_LENGTH} characters")
    listen = Listen(
        s.text("host", "127.0.0.1"),
        s.port("port", DEFAULT_PORT),
        s.number("idle_timeout_s", 30.0),
        s.count("max_connections", 32),
    )
    return Cad110Section(listen, token, s.text("name", "cad110"))


def _phone(s: _Section) -> PhoneSection:
    """Plain HTTP only on loopback (tests, a reverse proxy on the same host): a token crossing the network
    in clear text would let anyone on the Wi-Fi speak for a guard."""
    datum = s.text("datum", "wgs84").strip().lower()
    if datum not in DATUMS:
        raise s.error("datum", f"must be one of {', '.join(DATUMS)}, not {datum!r}")
    listen = Listen(
        s.text("host", "127.0.0.1"),
        s.port("port", 8443),
        s.number("idle_timeout_s", 60.0),
        s.count("max_connections", 128),
        datum,
    )
    cert, key = _tls_file(s, "cert_file"), _tls_file(s, "key_file", private=True)
    if (cert is None) != (key is None):
        raise s.error("key_file" if key is None else "cert_file", "cert_file and key_file go together")
    if cert is None and listen.host not in _LOOPBACK:
        raise s.error("cert_file", "plain HTTP is only allowed on loopback: give the station's certificate")
    fix = s.number("fix_interval_s", 30.0)
    busy = s.number("busy_fix_interval_s", min(10.0, fix))
    enrolment = s.optional_text("enrolment_file")
    return PhoneSection(
        listen,
        cert,
        key,
        fix,
        busy,
        str(s.path.parent / Path(s.text("photo_dir", "phone-photos")).expanduser()),
        str(s.path.parent / Path(enrolment).expanduser()) if enrolment else None,
    )


def load_bridges(path: Path | str) -> BridgesConfig:
    """Read and check a bridges file; raises `BridgeConfigError` naming file, section and key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BridgeConfigError(path, "", "", f"cannot read: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise BridgeConfigError(path, "", "", f"not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise BridgeConfigError(path, "", "", "not UTF-8 text") from None
    sections = {name: _Section(path, name, table) for name, table in data.items()}
    values: dict[str, Any] = {}
    for name, s in sections.items():
        if name == "mqtt":
            values[name] = MqttSection(
                _mqtt_link(s, "sandbox-bridge"), s.strings("topics", ("sandbox/+/events/#",))
            )
        elif name == "http_pull":
            values[name] = _http_pull(s)
        elif name == "osmand":
            values[name] = _listen(s, 5055)
        elif name == "jt808":
            values[name] = _listen(s, 5015)
        elif name == "gt06":
            values[name] = _listen(s, 5023)
        elif name == "h02":
            values[name] = _listen(s, 5013)
        elif name == "watch":
            values[name] = _listen(s, 5093)
        elif name == "isapi":
            values[name] = IsapiSection(
                s.url("url", ("http", "https")),
                s.text("user", required=True),
                s.secret("password", required=True) or "",
                s.text("name", "isapi"),
                s.text("device_id", ""),
            )
        elif name == "gat1400":
            values[name] = _gat1400(s)
        elif name == "cad110":
            values[name] = _cad110(s)
        elif name == "orders":
            values[name] = OrdersSection(_mqtt_link(s, "sandbox-orders"), s.text("station", required=True))
        elif name == "phone":
            values[name] = _phone(s)
        else:
            known = "mqtt, http_pull, osmand, jt808, gt06, h02, watch, isapi, gat1400, orders, cad110, phone"
            raise BridgeConfigError(path, name, "", f"unknown section (known: {known})")
        s.done()
    return BridgesConfig(path, **values)
