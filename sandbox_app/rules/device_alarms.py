"""Alarms a device raises by itself: smoke, gas, water, a fall, a high-altitude throw, the one-click button.

The device already decided; the rule only turns its event into an alert with a fixed severity, so a fire is
never configured down to a notice by mistake. Severities here are deliberately not in the TOML file. A
device self-test (`data.test` true) is the one thing that stays quiet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params
from sandbox_app.rules._where import Locator, make_signal
from sandbox_app.rules.base import Rule, Signal, register

_NONE: tuple[Signal, ...] = ()

FIXED: dict[str, tuple[str, Severity]] = {
    "smoke_alarm": ("smoke.alarm", Severity.CRITICAL),
    "gas_alarm": ("gas.alarm", Severity.CRITICAL),
    "water_alarm": ("water.alarm", Severity.MEDIUM),
    "fall_detected": ("fall.detected", Severity.HIGH),
    "throw_detected": ("throw.detected", Severity.HIGH),
    "alarm_button": ("alarm.button", Severity.CRITICAL),
}
"""Rule name → (event kind, severity)."""


class DeviceAlarm:
    """One event kind → an alert on the device that raised it, at the family's fixed severity."""

    def __init__(self, name: str, district: District, config: Mapping[str, Any]) -> None:
        kind, severity = FIXED[name]
        Params(name, config).done()
        self.name = name
        self.kinds = frozenset({kind})
        self.severity = severity
        self._where = Locator(district)

    def on_event(self, event: Event) -> Iterable[Signal]:
        if event.data.get("test") is True:
            return _NONE
        where = self._where.device(event.device)
        return (make_signal(self.name, event.device, "device", self.severity, event.ts, where, event),)

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE


def _factory(name: str) -> None:
    def build(district: District, config: Mapping[str, Any]) -> Rule:
        return DeviceAlarm(name, district, config)

    build.__doc__ = f"{FIXED[name][0]} → {name} ({FIXED[name][1]})"
    register(name)(build)


for _name in FIXED:
    _factory(_name)
