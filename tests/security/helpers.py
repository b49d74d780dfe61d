"""A small district with known devices, a hand clock, and rules that record what they saw."""

from __future__ import annotations

from collections.abc import Iterable

from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import Device, District
from sandbox_app.rules.base import Signal

T0 = 1_714_550_400_000
MIN = 60_000


def district(*device_ids: str, kind: str = "alarm_button") -> District:
    d = District("security-test", "Asia/Shanghai")
    for device_id in device_ids:
        d.devices[device_id] = Device(device_id, kind, device_id, Placement.POINT)
    return d


class Clock:
    def __init__(self, now: int = T0) -> None:
        self.now = now

    def now_ms(self) -> int:
        return self.now


class Recorder:
    """Every alarm.button and gps.fix it is shown; each button press raises an alert on its device."""

    name = "alarm_button"
    kinds = frozenset({"alarm.button", "gps.fix"})

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.ticks: list[int] = []

    def on_event(self, event: Event) -> Iterable[Signal]:
        self.seen.append(event.id)
        if event.kind == "alarm.button":
            return [Signal(self.name, event.device, "device", Severity.HIGH, event.ts)]
        return ()

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        self.ticks.append(now_ts)
        return ()


def press(eid: str, ts: int, device: str = "B1") -> Event:
    return Event(eid, ts, device, "alarm.button")
