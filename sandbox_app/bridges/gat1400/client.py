"""The lower-level side of the GA/T 1400 handshake: register, keep alive, unregister (and upload).

Used when the sandbox itself reports to a higher 视图库 (a district platform), and by the tests as the
peer of `Gat1400Server`. Timing: register (digest auth); on failure retry with backoff (`retry_min_s` doubling
to `retry_max_s`); once registered, a keepalive every `keepalive_s` (60 s by default); a keepalive that
fails or is refused (StatusCode ≠ 0) means the upper level forgot us: register again at once.
Every request carries `User-Identify: <device id>` as the standard asks, and the session cookie the
upper level set at Register (kept by the `requests.Session`); with `digest_each_request` every request
is also digest-authenticated (an upper level with `require_digest_each_request = true`).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import orjson
import requests
from requests.auth import HTTPDigestAuth

from sandbox_app.bridges.gat1400 import codec as g
from sandbox_app.bridges.health import HealthReporter, HealthTracker
from sandbox_app.bridges.transport import BridgeClock
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)


class Gat1400Client:
    def __init__(
        self,
        base_url: str,
        device_id: str,
        password: str,
        keepalive_s: float = 60.0,
        retry_min_s: float = 1.0,
        retry_max_s: float = 60.0,
        timeout_s: float = 10.0,
        session: requests.Session | None = None,
        digest_each_request: bool = False,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self._auth = HTTPDigestAuth(device_id, password)
        self.keepalive_s = keepalive_s
        self.retry_min_s = retry_min_s
        self.retry_max_s = retry_max_s
        self.timeout_s = timeout_s
        self._session = session or requests.Session()
        self.digest_each_request = digest_each_request
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.registered = False
        self.registrations = 0
        self.keepalives = 0
        self.last_error = ""

    def _post(self, path: str, obj: Any, auth: bool = False) -> tuple[int, Any]:
        response = self._session.post(
            self.base_url + path,
            data=orjson.dumps(obj),
            headers={"Content-Type": "application/VIID+JSON;charset=UTF-8", "User-Identify": self.device_id},
            auth=self._auth if auth or self.digest_each_request else None,
            timeout=self.timeout_s,
        )
        try:
            body = response.json()
        except ValueError:
            body = None
        return response.status_code, body

    def _ok(self, path: str, obj: Any, auth: bool = False) -> bool:
        try:
            code, body = self._post(path, obj, auth)
        except requests.RequestException as exc:
            self.last_error = f"{path}: {exc}"
            return False
        status = body.get("ResponseStatusObject") if isinstance(body, dict) else None
        status_code = status.get("StatusCode") if isinstance(status, dict) else None
        if code != 200 or str(status_code) != "0":
            self.last_error = f"{path}: HTTP {code}, StatusCode {status_code}"
            return False
        return True

    def register(self) -> bool:
        self.registered = self._ok(g.REGISTER, {"RegisterObject": {"DeviceID": self.device_id}}, auth=True)
        if self.registered:
            self.registrations += 1
        return self.registered

    def keepalive(self) -> bool:
        ok = self._ok(g.KEEPALIVE, {"KeepaliveObject": {"DeviceID": self.device_id}})
        if ok:
            self.keepalives += 1
        else:
            self.registered = False
        return ok

    def unregister(self) -> bool:
        ok = self._ok(g.UNREGISTER, {"UnRegisterObject": {"DeviceID": self.device_id}}, auth=True)
        if ok:
            self.registered = False
        return ok

    def upload(self, path: str, obj: Any) -> tuple[int, Any]:
        """POST a record list (e.g. `/VIID/Faces`); returns (HTTP status, decoded reply)."""
        return self._post(path, obj)

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name=f"gat1400-{self.device_id}", daemon=True)
        self._thread.start()

    def stop(self, unregister: bool = True) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(self.timeout_s + 1.0)
            self._thread = None
        if unregister and self.registered:
            self.unregister()
        self._session.close()

    def _loop(self) -> None:
        delay = self.retry_min_s
        while not self._stop.is_set():
            if not self.registered:
                if self.register():
                    delay = self.retry_min_s
                else:
                    log.warning("GA/T 1400 register failed: %s", self.last_error)
                    if self._stop.wait(delay):
                        return
                    delay = min(delay * 2.0, self.retry_max_s)
                    continue
            if self._stop.wait(self.keepalive_s):
                return
            if not self.keepalive():
                log.warning("GA/T 1400 keepalive failed (%s); registering again", self.last_error)


class UplinkHealth:
    """Health of our registration at a higher GA/T 1400 platform: connected while registered."""

    def __init__(self, client: Gat1400Client, clock: BridgeClock, reporter: HealthReporter | None) -> None:
        self.client = client
        self.tracker = HealthTracker(f"gat1400-up:{client.device_id}", clock.now_ms, reporter)

    def refresh(self) -> BridgeHealth:
        self.tracker.set_connected(bool(self.client.registered))
        return self.tracker.snapshot()
