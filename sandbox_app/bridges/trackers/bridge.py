"""What the GPS servers share: which tracker a protocol id belongs to, how a fix becomes our event, and
handing a batch to the sink before anything is acknowledged.

Trackers are not auto-created: a protocol id (OsmAnd `id`, JT/T 808 phone number, GT06 IMEI) must map
to a `gps_tracker` device of the district, by its device id or by an id column of the package's device
table (`protocol_id`, `imei`, `phone`, `terminal_id`, `uid`). Anything else is rejected and counted.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sandbox_app.bridges.health import HealthReporter, HealthTracker
from sandbox_app.bridges.trackers.common import KNOT_MPS, Position
from sandbox_app.bridges.transport import BridgeClock, Item, Sink
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.domain.model import District
from sandbox_app.engine.messages import BridgeHealth

log = logging.getLogger(__name__)

TRACKER_KINDS = frozenset({"gps_tracker"})
ID_COLUMNS = ("protocol_id", "imei", "phone", "terminal_id", "uid")
"""Extra columns of the devices table that may hold a tracker's protocol id."""


def _keys(external_id: str) -> list[str]:
    """A protocol id and its spelling without leading zeros (BCD phones and IMEIs are zero-padded)."""
    text = external_id.strip().lower()
    short = text.lstrip("0")
    return [text, short] if short and short != text else [text]


class TrackerDirectory:
    """Protocol id → our device id, for the district's GPS trackers only."""

    def __init__(self, ids: Mapping[str, str]) -> None:
        self._ids: dict[str, str] = {}
        for external, device in ids.items():
            for key in _keys(external):
                self._ids.setdefault(key, device)

    @classmethod
    def from_district(
        cls,
        district: District,
        aliases: Mapping[str, str] | None = None,
        kinds: Iterable[str] = TRACKER_KINDS,
    ) -> TrackerDirectory:
        wanted = frozenset(kinds)
        ids: dict[str, str] = dict(aliases or {})
        for device in district.devices.values():
            if device.kind not in wanted:
                continue
            ids.setdefault(device.id, device.id)
            for column in ID_COLUMNS:
                value = device.extra.get(column)
                if value not in (None, ""):
                    ids.setdefault(str(value), device.id)
        return cls(ids)

    def lookup(self, external_id: str) -> str | None:
        for key in _keys(external_id):
            device = self._ids.get(key)
            if device is not None:
                return device
        return None

    def __len__(self) -> int:
        return len(set(self._ids.values()))


def position_event(
    protocol: str, device: str, position: Position, extra: Mapping[str, Any] | None = None
) -> Item:
    """A fix → `gps.fix` (id deterministic, so a resent fix is stored once); a fix the tracker itself
    marks invalid, or at 0,0, becomes a `device.heartbeat` so it never moves a guard."""
    data: dict[str, Any] = {}
    if position.battery_level is not None and 0.0 <= position.battery_level <= 100.0:
        data["battery"] = round(position.battery_level, 1)
    if position.alarms:
        data["alarms"] = list(position.alarms)
    if position.satellites is not None:
        data["satellites"] = position.satellites
    if position.altitude is not None:
        data["altitude"] = position.altitude
    if position.accuracy is not None:
        data["accuracy"] = position.accuracy
    data["protocol"] = protocol
    if extra:
        data.update(extra)
    event_id = f"{protocol}:{device}:{position.ts}"
    if position.alarms:  # an alarm at the time of a fix already sent must not be dropped as its repeat
        event_id += ":" + "+".join(position.alarms)
    if not position.valid or (position.lat == 0.0 and position.lon == 0.0):
        data["no_fix"] = True
        return Event(f"{event_id}:nofix", position.ts, device, "device.heartbeat", data=data)
    data["speed"] = round(min(max(position.speed_kn * KNOT_MPS, 0.0), 1000.0), 2)
    data["course"] = round(position.course % 360.0, 1)
    return Event(event_id, position.ts, device, "gps.fix", position.lon, position.lat, data)


def heartbeat_event(protocol: str, device: str, ts: int, data: Mapping[str, Any] | None = None) -> Event:
    return Event(
        f"{protocol}:{device}:hb:{ts}",
        ts,
        device,
        "device.heartbeat",
        data={"protocol": protocol, **(data or {})},
    )


@dataclass(frozen=True, slots=True)
class ListenSettings:
    """Where a GPS uplink listens. `host="0.0.0.0"` for trackers on the network; port 0 picks a free one
    (tests). Defaults are Traccar's ports, so a tracker already pointed at Traccar needs only the host."""

    host: str = "0.0.0.0"
    port: int = 0
    name: str = ""
    """Health name suffix; the bridge reports as "<protocol>:<name or port>"."""
    idle_timeout_s: float = 600.0
    """A TCP connection silent this long is closed (trackers send heartbeats far more often)."""
    max_connections: int = 256
    """Connections served at once (a thread each); one more is closed at once (HTTP: answered 503)."""
    datum: str = "wgs84"
    """What these trackers report in (wgs84, gcj02, bd09): `Delivery` converts their fixes to WGS-84."""


class RejectionLog:
    """How many rejections one connection may log in full: the first `FULL` with their hex dump, then one
    summary line per `EVERY` (30 MB of garbage must not become 15 MB of log); all are still counted."""

    FULL = 5
    EVERY = 1000

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> int:
        """Count one rejection; returns its number on this connection (1-based)."""
        self.count += 1
        return self.count


def items_to_wgs84(items: Sequence[Item], datum: str) -> Sequence[Item]:
    """The one place a tracker's datum is undone: every event with a position is moved to WGS-84 before
    anything stores or compares it (a GCJ-02 phone is ~550 m off in the demo district otherwise)."""
    if datum == "wgs84":
        return items
    from msgspec import structs

    from sandbox_app.domain.enums import Crs
    from sandbox_app.geo.crs import to_wgs84

    out: list[Item] = []
    for item in items:
        if isinstance(item, Event) and item.lon is not None and item.lat is not None:
            lon, lat = to_wgs84(item.lon, item.lat, Crs(datum))
            item = structs.replace(item, lon=round(lon, 7), lat=round(lat, 7))
        out.append(item)
    return out


class Delivery:
    """The sink and the health counters of one server; `deliver` returns only once the items are durable,
    and the caller acknowledges to the device only when it returned True."""

    def __init__(
        self,
        name: str,
        sink: Sink,
        clock: BridgeClock,
        reporter: HealthReporter | None,
        datum: str = "wgs84",
    ) -> None:
        self.sink = sink
        self.clock = clock
        self.datum = datum
        self.health = HealthTracker(name, clock.now_ms, reporter)
        self._lock = threading.Lock()
        self.frame_errors = 0
        self.unknown_devices = 0

    def snapshot(self) -> BridgeHealth:
        return self.health.snapshot()

    def deliver(self, items: Sequence[Item]) -> bool:
        if not items:
            return True
        items = items_to_wgs84(items, self.datum)
        try:
            self.sink(items)
        except Exception:
            log.exception("%s: sink failed; the device is not acknowledged and will resend", self.health.name)
            return False
        self.health.record_batch(items)
        return True

    def frame_error(self, reason: str, raw: bytes, rejections: RejectionLog | None = None) -> None:
        """A malformed frame: counted; never an item (there is no device to pin it on). Logged with a hex
        dump, but on a connection (`rejections`) only the first few in full, then one line per many."""
        with self._lock:
            self.frame_errors += 1
        n = rejections.next() if rejections is not None else 1
        if n <= RejectionLog.FULL:
            log.warning("%s: rejected frame (%s): %s", self.health.name, reason, raw[:64].hex())
        elif n % RejectionLog.EVERY == 0:
            log.warning(
                "%s: %d frames rejected on one connection so far; latest: %s", self.health.name, n, reason
            )
        self.health.reject(reason)

    def unknown_device(self, external_id: str, raw: str = "") -> bool:
        """An id that is no tracker of the district: a rejection through the sink, so it is counted with
        the others and the operator sees which id is knocking."""
        with self._lock:
            self.unknown_devices += 1
        reason = f"unknown tracker id {external_id!r} (not a gps_tracker of the district)"
        log.warning("%s: %s", self.health.name, reason)
        return self.deliver([Rejection(reason, raw[:500])])
