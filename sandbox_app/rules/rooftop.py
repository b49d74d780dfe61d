"""`rooftop_door_night` (夜间天台门开启): a rooftop door opened at night.

A rooftop (天台) is where a person in crisis goes, and at night nobody has business there; so the door magnet
(or access controller) on a building's rooftop door reports `door.open` and, inside `night_hours` (local,
default 22-6), that raises the alert on the door's device at once. A door is a rooftop door when its `spot`
column in the package's devices is "rooftop" (the demo puts one on every residential building of six floors
or more), or when `devices` lists it. Openings by day (maintenance, drying laundry) and the door closing
stay quiet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params, RuleConfigError
from sandbox_app.rules._where import LocalDays, Locator, make_signal
from sandbox_app.rules.base import Signal, register
from sandbox_app.rules.perimeter import is_armed, parse_hours

_NONE: tuple[Signal, ...] = ()
ROOFTOP = "rooftop"
DOOR_KINDS = frozenset({"door_magnet", "door_controller"})


def rooftop_doors(district: District) -> set[str]:
    """Door devices of the package whose `spot` column says rooftop."""
    return {
        d.id
        for d in district.devices.values()
        if d.kind in DOOR_KINDS and str(d.extra.get("spot") or "").strip().lower() == ROOFTOP
    }


@register("rooftop_door_night")
class RooftopDoorNight:
    """door.open of a rooftop door inside the night hours → alert on the door (default high)."""

    name = "rooftop_door_night"
    kinds = frozenset({"door.open"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        hours = p.text("night_hours", "22-6")
        try:
            self.night = parse_hours(hours)
        except ValueError as exc:
            raise RuleConfigError(p.key("night_hours"), f"expected hours like '22-6', {exc}") from None
        self.doors = rooftop_doors(district) | set(p.strings("devices", ()))
        self.severity = p.severity(Severity.HIGH)
        p.done()
        self._local = LocalDays(district.timezone)
        self._where = Locator(district)

    def on_event(self, event: Event) -> Iterable[Signal]:
        if event.device not in self.doors:
            return _NONE
        local = self._local.local(event.ts)
        if not is_armed(self.night, local.hour * 60 + local.minute):
            return _NONE
        where = self._where.device(event.device)
        return (
            make_signal(
                self.name,
                event.device,
                "device",
                self.severity,
                event.ts,
                where,
                event,
                local_time=f"{local:%H:%M}",
            ),
        )

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE
