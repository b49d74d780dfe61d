"""Perimeter detectors are armed on a schedule (布防): a breach only counts while its zone is armed.

Daytime foot traffic along a fence would otherwise bury the one night-time climb that matters. Where the
schedule comes from, first match wins: the config's `schedules` table by device id, the device's own
`armed_hours` column in the package, the closed hours of the gate it stands at, then `default_armed_hours`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import Device, District
from sandbox_app.rules._params import Params, RuleConfigError
from sandbox_app.rules._where import LocalDays, Locator, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()
Schedule = tuple[tuple[int, int], ...]
"""Local (start, end) minutes of the day; end < start wraps past midnight."""


def _minute(text: str) -> int:
    hours, _, minutes = text.strip().partition(":")
    h, m = int(hours), int(minutes or 0)
    if not (0 <= h <= 24 and 0 <= m < 60 and h * 60 + m <= 1440):
        raise ValueError(text)
    return h * 60 + m


def parse_hours(text: str) -> Schedule:
    """ "22-6", "22:30-06:00", "0-24", "12-13,22-6", "always" or "never" → a schedule."""
    text = text.strip().lower()
    if text in ("always", "0-24"):
        return ((0, 1440),)
    if text in ("never", "off", "none"):
        return ()
    spans = []
    for part in text.split(","):
        start, sep, end = part.partition("-")
        if not sep:
            raise ValueError(f"{part!r} is not START-END")
        spans.append((_minute(start), _minute(end)))
    return tuple(spans)


def is_armed(schedule: Schedule, minute: int) -> bool:
    for start, end in schedule:
        if (start <= minute < end) if start <= end else (minute >= start or minute < end):
            return True
    return False


@register("perimeter_breach")
class PerimeterBreach:
    """perimeter.breach while the device's zone is armed → alert (default high).

    An event that reports `data.armed` (true/false) is believed over the schedule when `trust_event_armed`
    is on, since the panel that armed the zone knows best.
    """

    name = "perimeter_breach"
    kinds = frozenset({"perimeter.breach"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.default = self._parse(p, "default_armed_hours", p.text("default_armed_hours", "22-6"))
        overrides = p.table("schedules")
        self.use_gate_hours = p.boolean("use_gate_hours", True)
        self.trust_event_armed = p.boolean("trust_event_armed", True)
        self.severity = p.severity(Severity.HIGH)
        p.done()
        self._schedules: dict[str, Schedule] = {}
        for device_id, hours in overrides.items():
            key = f"schedules.{device_id}"
            if not isinstance(hours, str):
                raise RuleConfigError(p.key(key), f"expected hours like '22-6', got {hours!r}")
            self._schedules[device_id] = self._parse(p, key, hours)
        for device in district.devices.values():
            if device.kind == "perimeter_detector" and device.id not in self._schedules:
                self._schedules[device.id] = self._from_package(district, device, p)
        self._local = LocalDays(district.timezone)
        self._where = Locator(district)

    @staticmethod
    def _parse(p: Params, key: str, text: str) -> Schedule:
        try:
            return parse_hours(text)
        except ValueError as exc:
            raise RuleConfigError(p.key(key), f"expected hours like '22-6' or '22:30-6:00', {exc}") from None

    def _from_package(self, district: District, device: Device, p: Params) -> Schedule:
        hours = device.extra.get("armed_hours")
        if isinstance(hours, str) and hours.strip():
            try:
                return parse_hours(hours)
            except ValueError:
                raise RuleConfigError(
                    f"device {device.id}.armed_hours", f"expected hours like '22-6', got {hours!r}"
                ) from None
        gate = district.gates.get(device.gate_id or "")
        if self.use_gate_hours and gate is not None and gate.closed_hours.strip():
            return self._parse(p, f"gate {gate.id}.closed_hours", gate.closed_hours)
        return self.default

    def armed(self, device: str, ts: int, data: Mapping[str, Any]) -> bool:
        reported = data.get("armed")
        if self.trust_event_armed and isinstance(reported, bool):
            return reported
        local = self._local.local(ts)
        return is_armed(self._schedules.get(device, self.default), local.hour * 60 + local.minute)

    def on_event(self, event: Event) -> Iterable[Signal]:
        if not self.armed(event.device, event.ts, event.data):
            return _NONE
        where = self._where.device(event.device)
        return (make_signal(self.name, event.device, "device", self.severity, event.ts, where, event),)

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE
