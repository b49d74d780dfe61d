"""`fire_lane` (消防通道占用 / 道路占用): a vehicle left standing in a no-parking zone longer than N minutes.

A camera with parking detection (违停检测) watches a drawn zone (a fire lane, a lane in front of a gate) and
sends `vehicle.parked` when a vehicle stops in it, with the `plate` when it could read one and the `zone`'s
name, and again with `left: true` when it drives off. A stay that lasts `minutes` without that second report
raises the alert, at the moment the limit passed (the signal's time is the deadline, not the next event), on
the plate when known, else on the camera and zone. A car that loads and leaves in time is no alert, and a
camera's repeat reports of the same standing car do not restart its clock. The alert goes to the property
staff first (rules.toml `[handoff_overdue]`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params
from sandbox_app.rules._where import Locator, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()
MIN = 60_000


@dataclass(slots=True)
class _Stay:
    since: int
    event: Event
    plate: str
    zone: str


@register("fire_lane")
class FireLane:
    """vehicle.parked, not followed by `left` within `minutes` → alert on the plate (else camera/zone)."""

    name = "fire_lane"
    kinds = frozenset({"vehicle.parked"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.limit_ms = round(p.number("minutes", 10.0) * MIN)
        self.severity = p.severity(Severity.MEDIUM)
        p.done()
        self._where = Locator(district)
        self._stays: dict[tuple[str, str], _Stay] = {}

    def on_event(self, event: Event) -> Iterable[Signal]:
        plate = str(event.data.get("plate") or "").strip()
        zone = str(event.data.get("zone") or "").strip()
        key = (event.device, plate or zone)
        due = self.on_time(event.ts)  # a stay past its limit is judged before this report is
        if event.data.get("left") is True:
            self._stays.pop(key, None)
        elif key not in self._stays:
            self._stays[key] = _Stay(event.ts, event, plate, zone)
        return due

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        due = [k for k, s in self._stays.items() if now_ts - s.since >= self.limit_ms]
        out = []
        for key in due:
            stay = self._stays.pop(key)
            subject, kind = (stay.plate, "plate") if stay.plate else (f"{key[0]}/{stay.zone}", "device")
            out.append(
                make_signal(
                    self.name,
                    subject,
                    kind,
                    self.severity,
                    stay.since + self.limit_ms,
                    self._where.device(key[0]),
                    stay.event,
                    zone=stay.zone,
                    parked_since=stay.since,
                )
            )
        return out
