"""Vehicle barriers and capture cameras reading plates: a wanted plate, and a car that came in and stayed.

Plates are compared after normalising case, spaces and separators ("京A·12345" = "京a 12345"), because
readers and hand-typed lists disagree on those and a missed blacklist hit is the costly mistake.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params
from sandbox_app.rules._where import MS_PER_DAY, Locator, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()
_SEPARATORS = str.maketrans("", "", " ·•.-_\t")


def normalize_plate(plate: str) -> str:
    return plate.translate(_SEPARATORS).upper()


def _plate(event: Event) -> str | None:
    plate = event.data.get("plate")
    return normalize_plate(plate) if isinstance(plate, str) and plate.strip() else None


@register("plate_blacklist")
class PlateBlacklist:
    """plate.read of a plate on the configured list → alert on the plate (default high)."""

    name = "plate_blacklist"
    kinds = frozenset({"plate.read"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.plates = frozenset(normalize_plate(x) for x in p.strings("plates"))
        self.severity = p.severity(Severity.HIGH)
        p.done()
        self._where = Locator(district)

    def on_event(self, event: Event) -> Iterable[Signal]:
        plate = _plate(event)
        if plate is None or plate not in self.plates:
            return _NONE
        where = self._where.device(event.device)
        return (make_signal(self.name, plate, "plate", self.severity, event.ts, where, event),)

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE


@register("vehicle_overstay")
class VehicleOverstay:
    """A plate read `in` and never read `out` for more than `max_days` → notice on the plate.

    Plates registered to residents (their credentials) are skipped by default: residents park for weeks.
    A second `in` without an `out` restarts the stay (the `out` read was missed, the car came back).
    """

    name = "vehicle_overstay"
    kinds = frozenset({"plate.read"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.max_ms = int(p.number("max_days", 3.0) * MS_PER_DAY)
        ignore_registered = p.boolean("ignore_registered", True)
        self.severity = p.severity(Severity.NOTICE)
        p.done()
        self.history_ms = self.max_ms + MS_PER_DAY
        """How much stored history a restart should replay to know which vehicles are still inside."""
        self._ignored: frozenset[str] = frozenset()
        if ignore_registered:
            self._ignored = frozenset(
                normalize_plate(c) for person in district.people.values() for c in person.credentials
            )
        self._inside: dict[str, tuple[int, str]] = {}
        self._heap: list[tuple[int, str, int]] = []
        self._where = Locator(district)

    def on_event(self, event: Event) -> Iterable[Signal]:
        plate = _plate(event)
        if plate is None or plate in self._ignored:
            return _NONE
        direction = event.data.get("direction")
        if direction == "in":
            self._inside[plate] = (event.ts, event.device)
            heapq.heappush(self._heap, (event.ts + self.max_ms, plate, event.ts))
        elif direction == "out" and plate in self._inside:
            in_ts, device = self._inside.pop(plate)
            # Overstayed but the clock never ticked past the deadline (ingest without advance).
            if event.ts - in_ts > self.max_ms and self._heap_has(plate, in_ts):
                return (self._signal(plate, in_ts, device),)
        return _NONE

    def _heap_has(self, plate: str, in_ts: int) -> bool:
        return any(p == plate and t == in_ts for _, p, t in self._heap)

    def _signal(self, plate: str, in_ts: int, device: str) -> Signal:
        where = self._where.device(device)
        due = in_ts + self.max_ms
        return make_signal(self.name, plate, "plate", self.severity, due, where, in_ts=in_ts, device=device)

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        heap = self._heap
        if not heap or heap[0][0] >= now_ts:
            return _NONE
        out = []
        while heap and heap[0][0] < now_ts:
            _, plate, in_ts = heapq.heappop(heap)
            stay = self._inside.get(plate)
            if stay is not None and stay[0] == in_ts:
                out.append(self._signal(plate, in_ts, stay[1]))
        return out
