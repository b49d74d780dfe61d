"""Elderly people living alone: a bedroom door that stays shut, and a habit of going out that breaks.

The door-magnet rule is the one that found an old man collapsed at home: no open or close for 12 hours is an
alarm on the room. The routine rule compares a person's gate passes with their own last 30 days, so a person
who always goes out on Mondays and did not today gets a visit from the grid worker; nobody else is compared.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import PersonTag, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params, RuleConfigError
from sandbox_app.rules._where import MS_PER_DAY, MS_PER_HOUR, LocalDays, Locator, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()


def _watched_people(district: District, p: Params) -> set[str]:
    """People carrying any of the configured tags (default: elderly_alone)."""
    names = p.strings("tags", [PersonTag.ELDERLY_ALONE.value])
    try:
        tags = {PersonTag(t) for t in names}
    except ValueError as exc:
        known = ", ".join(t.value for t in PersonTag)
        raise RuleConfigError(p.key("tags"), f"{exc}; known tags: {known}") from None
    return {pid for pid, person in district.people.items() if tags & person.tags}


@register("elderly_no_activity")
class ElderlyNoActivity:
    """No door.open/door.close from a watched room's magnet for `gap_hours` → alert on the room.

    One heap entry per room at most: when it comes due the room's latest activity decides whether it fires or
    is pushed back, so door traffic costs a dict write and no heap work.
    """

    name = "elderly_no_activity"
    kinds = frozenset({"door.open", "door.close"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.gap_ms = int(p.number("gap_hours", 12.0) * MS_PER_HOUR)
        self.severity = p.severity(Severity.HIGH)
        start = p.timestamp("start", district.timezone)
        people = _watched_people(district, p)
        p.done()
        rooms = {district.people[pid].room_id for pid in people}
        self._room_of = {
            d.id: d.room_id
            for d in district.devices.values()
            if d.kind == "door_magnet" and d.room_id is not None and d.room_id in rooms
        }
        self._where = Locator(district)
        self._last: dict[str, int] = {}
        self._fired: set[str] = set()
        self._queued: set[str] = set()
        self._heap: list[tuple[int, str]] = []
        if start is not None:
            for room in sorted(set(self._room_of.values())):
                self._arm(room, start)

    def _arm(self, room: str, ts: int) -> None:
        if ts <= self._last.get(room, -1):
            return
        self._last[room] = ts
        self._fired.discard(room)
        if room not in self._queued:
            self._queued.add(room)
            heapq.heappush(self._heap, (ts + self.gap_ms, room))

    def _signal(self, room: str, due: int) -> Signal:
        last = self._last[room]
        self._fired.add(room)
        return make_signal(
            self.name, room, "room", self.severity, due, self._where.room(room), last_activity_ts=last
        )

    def on_event(self, event: Event) -> Iterable[Signal]:
        room = self._room_of.get(event.device)
        if room is None:
            return _NONE
        out = _NONE
        last = self._last.get(room)
        # The clock may not have ticked through the gap (ingest without advance): catch it here.
        if last is not None and room not in self._fired and event.ts - last >= self.gap_ms:
            out = (self._signal(room, last + self.gap_ms),)
        self._arm(room, event.ts)
        return out

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        heap = self._heap
        if not heap or heap[0][0] > now_ts:
            return _NONE
        out = []
        while heap and heap[0][0] <= now_ts:
            _, room = heapq.heappop(heap)
            due = self._last[room] + self.gap_ms
            if due > now_ts:
                heapq.heappush(heap, (due, room))
                continue
            self._queued.discard(room)
            if room not in self._fired:
                out.append(self._signal(room, due))
        return out


@register("elderly_routine")
class ElderlyRoutine:
    """A watched person who went out on at least `min_share` of this weekday in the last `window_days`,
    but has no gate pass by the end of today → notice on the person.

    Days before the rule first saw the clock count only if they had a pass (we cannot know they stayed in),
    and the first, partial day is never judged; `min_days` known same-weekdays are needed to call a habit.
    """

    name = "elderly_routine"
    kinds = frozenset({"face.pass"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.window_days = p.integer("window_days", 30, minimum=7)
        self.min_share = p.share("min_share", 0.75)
        self.min_days = p.integer("min_days", 3)
        self.severity = p.severity(Severity.NOTICE)
        people = _watched_people(district, p)
        p.done()
        self.history_ms = (self.window_days + 1) * MS_PER_DAY
        """How much stored history a restart should replay to relearn the habits (see docs/rules.md)."""
        self._days: dict[str, set[int]] = {pid: set() for pid in sorted(people)}
        self._local = LocalDays(district.timezone)
        self._where = Locator(district)
        self._first: int | None = None
        self._current = 0
        self._next_ts = 0

    def on_event(self, event: Event) -> Iterable[Signal]:
        # Record first: judging a day only reads that day and earlier ones, and a pass in the day's very
        # last millisecond must count for it.
        days = self._days.get(event.data.get("person_id"))  # type: ignore[arg-type]
        if days is not None:
            days.add(self._local.day(event.ts))
        return self._roll(event.ts) if event.ts >= self._next_ts else _NONE

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return self._roll(now_ts) if now_ts >= self._next_ts else _NONE

    def _roll(self, now_ts: int) -> list[Signal]:
        """Judge every local day that ended since the last call; a day ends at its last millisecond, so a
        backtest to 23:59:59.999 judges that day."""
        today = self._local.day(now_ts + 1)
        if self._first is None:
            self._first = self._current = today
        out: list[Signal] = []
        for day in range(self._current, today):
            out.extend(self._judge(day))
        self._current = today
        self._next_ts = self._local.start(today + 1) - 1
        return out

    def _judge(self, day: int) -> list[Signal]:
        first = self._first if self._first is not None else day
        if day <= first:
            return []
        history = [day - 7 * k for k in range(1, self.window_days // 7 + 1)]
        end_ts = self._local.start(day + 1) - 1
        stale = day - self.window_days - 7
        out = []
        for pid, days in self._days.items():
            if days and min(days) < stale:
                days.difference_update([d for d in days if d < stale])
            if day in days:
                continue
            known = [h for h in history if h > first or h in days]
            went = sum(1 for h in known if h in days)
            if len(known) >= self.min_days and went >= self.min_share * len(known):
                where = self._where.person(pid)
                share = round(went / len(known), 3)
                out.append(
                    make_signal(
                        self.name,
                        pid,
                        "person",
                        self.severity,
                        end_ts,
                        where,
                        day=LocalDays.iso(day),
                        share=share,
                    )
                )
        return out
