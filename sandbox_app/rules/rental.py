"""Rental rooms and their smart locks: who opens the door versus who is registered to live there.

An opening with a credential that belongs to no registered occupant of the room is the alert that found a man
wanted in another province; the same unknown credential coming back on several days means someone lives there
unreported, which is a registration job for the officer and the grid worker rather than an emergency.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import RoomUsage, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params, RuleConfigError
from sandbox_app.rules._where import MS_PER_DAY, LocalDays, Locator, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()


class _RentalLocks:
    """Shared lookup: smart lock → watched room, and each room's registered credentials."""

    name = ""
    kinds = frozenset({"lock.open"})

    def __init__(self, district: District, p: Params) -> None:
        names = p.strings("usages", [RoomUsage.RENTAL.value, RoomUsage.GROUP_RENTAL.value])
        try:
            usages = {RoomUsage(u) for u in names}
        except ValueError as exc:
            known = ", ".join(u.value for u in RoomUsage)
            raise RuleConfigError(p.key("usages"), f"{exc}; known usages: {known}") from None
        rooms = {rid for rid, room in district.rooms.items() if room.usage in usages}
        self._room_of = {
            d.id: d.room_id
            for d in district.devices.values()
            if d.kind == "smart_lock" and d.room_id is not None and d.room_id in rooms
        }
        self._registered: dict[str, set[str]] = {room: set() for room in rooms}
        for person in district.people.values():
            if person.room_id in self._registered:
                self._registered[person.room_id].update(person.credentials)
        self._where = Locator(district)

    def unknown_opening(self, event: Event) -> tuple[str, str] | None:
        """(room, credential) when a watched room's lock was opened by a credential not registered there."""
        room = self._room_of.get(event.device)
        if room is None:
            return None
        credential = event.data.get("credential")
        if not isinstance(credential, str) or not credential or credential in self._registered[room]:
            return None  # no credential (a key, the inside handle) cannot be checked
        return room, credential

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE


@register("unregistered_opener")
class UnregisteredOpener(_RentalLocks):
    """lock.open on a rental/group-rental room with a credential not registered to that room → alert."""

    name = "unregistered_opener"

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        super().__init__(district, p)
        self.severity = p.severity(Severity.MEDIUM)
        p.done()

    def on_event(self, event: Event) -> Iterable[Signal]:
        hit = self.unknown_opening(event)
        if hit is None:
            return _NONE
        room, credential = hit
        where = self._where.room(room)
        return (
            make_signal(
                self.name, room, "room", self.severity, event.ts, where, event, credential=credential
            ),
        )


@register("unreported_tenant")
class UnreportedTenant(_RentalLocks):
    """The same unknown credential opening the same room on `min_days` local days within `window_days`."""

    name = "unreported_tenant"

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        super().__init__(district, p)
        self.min_days = p.integer("min_days", 3, minimum=2)
        self.window_days = p.integer("window_days", 7)
        self.severity = p.severity(Severity.MEDIUM)
        p.done()
        if self.min_days > self.window_days:
            raise RuleConfigError(p.key("min_days"), "cannot be more than window_days")
        self.history_ms = self.window_days * MS_PER_DAY
        """How much stored history a restart should replay to remember recent unknown openers."""
        self._local = LocalDays(district.timezone)
        self._days: dict[tuple[str, str], list[int]] = {}

    def on_event(self, event: Event) -> Iterable[Signal]:
        hit = self.unknown_opening(event)
        if hit is None:
            return _NONE
        today = self._local.day(event.ts)
        days = self._days.setdefault(hit, [])
        if today in days:
            return _NONE
        days.append(today)
        days.sort()
        recent = [d for d in days if d > today - self.window_days]
        if len(recent) < len(days):
            days[:] = [d for d in days if d > days[-1] - self.window_days]
        if len(recent) < self.min_days:
            return _NONE
        room, credential = hit
        return (
            make_signal(
                self.name,
                room,
                "room",
                self.severity,
                event.ts,
                self._where.room(room),
                event,
                credential=credential,
                days=[LocalDays.iso(d) for d in recent],
            ),
        )
