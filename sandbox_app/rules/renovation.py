"""`renovation_hours` (违规时段装修): renovation work going on outside the hours the property permits.

Renovation shows up as `renovation.activity`: a camera's analytics hearing drilling or seeing workers carry
materials in, or a building's access controller reading a renovation pass (装修出入证); the event names the
flat when it knows it (`room_id`, from the pass's registration). Work on a weekday outside
`permitted_hours` (default 8-12 and 14-18 local) or on a Saturday or Sunday outside `weekend_hours`
(default "never": most property rules allow no noisy work on rest days) raises the alert on the flat, else
on the device's building, else on the device. Public holidays are not known to the package and count as the
weekday they fall on. The alert goes to the property staff first (rules.toml `[handoff_overdue]`).
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
from sandbox_app.rules.perimeter import Schedule, is_armed, parse_hours

_NONE: tuple[Signal, ...] = ()


def _hours(p: Params, name: str, default: str) -> Schedule:
    text = p.text(name, default)
    try:
        return parse_hours(text)
    except ValueError as exc:
        raise RuleConfigError(p.key(name), f"expected hours like '8-12,14-18' or 'never', {exc}") from None


@register("renovation_hours")
class RenovationHours:
    """renovation.activity outside the permitted hours of its day → alert on the flat (default medium)."""

    name = "renovation_hours"
    kinds = frozenset({"renovation.activity"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.weekday_hours = _hours(p, "permitted_hours", "8-12,14-18")
        self.weekend_hours = _hours(p, "weekend_hours", "never")
        self.severity = p.severity(Severity.MEDIUM)
        p.done()
        self._local = LocalDays(district.timezone)
        self._where = Locator(district)
        self._district = district

    def permitted(self, ts: int) -> bool:
        local = self._local.local(ts)
        hours = self.weekend_hours if local.weekday() >= 5 else self.weekday_hours
        return is_armed(hours, local.hour * 60 + local.minute)

    def on_event(self, event: Event) -> Iterable[Signal]:
        if self.permitted(event.ts):
            return _NONE
        room = event.data.get("room_id")
        if isinstance(room, str) and room in self._district.rooms:
            where, subject, kind = self._where.room(room), room, "room"
        else:
            where = self._where.device(event.device)
            subject, kind = (where.building_id, "building") if where.building_id else (event.device, "device")
        local = self._local.local(event.ts)
        return (
            make_signal(
                self.name, subject, kind, self.severity, event.ts, where, event, local_time=f"{local:%H:%M}"
            ),
        )

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE
