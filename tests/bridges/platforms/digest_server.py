"""Small real HTTP servers on 127.0.0.1 that demand RFC 7616 digest auth (MD5, qop=auth), as cameras and
GA/T 1400 platforms do. The ISAPI one streams scripted multipart/mixed parts and then drops the link."""

from __future__ import annotations

import hashlib
import secrets
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

REALM = "DS-TEST"
BOUNDARY = "MIME_boundary"


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def _parse_auth(header: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in header.removeprefix("Digest ").split(","):
        key, _, value = item.strip().partition("=")
        out[key] = value.strip('"')
    return out


def digest_ok(handler: BaseHTTPRequestHandler, users: dict[str, str], nonces: set[str]) -> bool:
    """Check the request's Authorization; on failure answer 401 with a fresh challenge."""
    header = handler.headers.get("Authorization", "")
    if header.startswith("Digest "):
        a = _parse_auth(header)
        password = users.get(a.get("username", ""))
        if password is not None and a.get("nonce") in nonces and a.get("realm") == REALM:
            ha1 = _md5(f"{a['username']}:{REALM}:{password}")
            ha2 = _md5(f"{handler.command}:{a.get('uri', '')}")
            expect = _md5(
                f"{ha1}:{a['nonce']}:{a.get('nc', '')}:{a.get('cnonce', '')}:{a.get('qop', '')}:{ha2}"
            )
            if a.get("response") == expect and a.get("uri") == handler.path:
                return True
    nonce = secrets.token_hex(8)
    nonces.add(nonce)
    body = b"unauthorised"
    handler.send_response(401)
    handler.send_header("WWW-Authenticate", f'Digest realm="{REALM}", nonce="{nonce}", qop="auth"')
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
    return False


def multipart(parts: list[tuple[str, bytes]], with_length: bool = True) -> bytes:
    """The bytes of a run of parts as Hikvision writes them (no closing boundary: the stream goes on)."""
    out = b""
    for ctype, body in parts:
        head = f"--{BOUNDARY}\r\nContent-Type: {ctype}\r\n"
        if with_length:
            head += f"Content-Length: {len(body)}\r\n"
        out += head.encode() + b"\r\n" + body + b"\r\n"
    return out


class IsapiServer(ThreadingHTTPServer):
    """Connection i streams `scripts[i]` (chunk by chunk) then closes; later connections get 503."""

    daemon_threads = True

    def __init__(self, scripts: list[list[bytes]], chunked: Callable[[int], bool] = lambda i: i % 2 == 1):
        super().__init__(("127.0.0.1", 0), _IsapiHandler)
        self.scripts = scripts
        self.chunked = chunked
        self.users = {"admin": "test-pass-1"}
        self.nonces: set[str] = set()
        self.streams = 0
        self.unauthorised = 0
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> IsapiServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.shutdown()
        self.server_close()


class _IsapiHandler(BaseHTTPRequestHandler):
    server: IsapiServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path != "/ISAPI/Event/notification/alertStream":
            self.send_error(404)
            return
        if not digest_ok(self, self.server.users, self.server.nonces):
            with self.server.lock:
                self.server.unauthorised += 1
            return
        with self.server.lock:
            index = self.server.streams
            self.server.streams += 1
        if index >= len(self.server.scripts):
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.send_header("Connection", "close")
            self.end_headers()
            return
        chunked = self.server.chunked(index)
        self.send_response(200)
        self.send_header("Content-Type", f"multipart/mixed; boundary={BOUNDARY}")
        self.send_header("Connection", "close")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in self.server.scripts[index]:
            if chunked:
                self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            else:
                self.wfile.write(chunk)
            self.wfile.flush()
        self.close_connection = True  # the drop: no closing boundary, no final chunk
