"""The district as the simulator needs it: who lives where, which device stands at which gate, local time.

Built once per simulator. Everything is sorted by id so that the same district and seed give the same
events whatever order the package listed its rows in.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple, TypeVar
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from sandbox_app.domain.device_kinds import DEVICE_KINDS
from sandbox_app.domain.enums import PersonTag, RoomUsage
from sandbox_app.domain.model import Device, District, Guard, Person

T = TypeVar("T")
HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS
_KEY_OFFSET = 1 << 40
"""Added to keys so negative day numbers (history) still make valid non-negative seed words."""

ACTIVITY_BY_HOUR = np.array(
    (4, 2, 1, 1, 2, 6, 20, 40, 40, 24, 20, 20, 26, 20, 20, 20, 24, 36, 40, 32, 24, 18, 12, 6), dtype=float
)
"""Relative foot traffic at the gates by local hour: quiet nights, morning and evening peaks."""


class Raw(NamedTuple):
    """An event before it gets its id (ids are given after the hour's events are sorted)."""

    ts: int
    device: str
    kind: str
    lon: float | None
    lat: float | None
    data: dict[str, Any]


def rng_for(seed: int, stream: str, *keys: int) -> np.random.Generator:
    """An independent generator per (seed, stream, keys): any hour or day is generated on its own."""
    words = [seed & 0xFFFF_FFFF_FFFF_FFFF, zlib.crc32(stream.encode())]
    words += [k + _KEY_OFFSET for k in keys]
    return np.random.default_rng(words)


def pick(rng: np.random.Generator, seq: Sequence[T]) -> T:
    """A uniform choice; `rng.random()` is several times cheaper than `rng.integers` per scalar draw."""
    return seq[int(rng.random() * len(seq))]


class LocalTime:
    """Local calendar days and hours of the district's timezone (never the wall clock)."""

    def __init__(self, timezone: str) -> None:
        self.tz = ZoneInfo(timezone)

    def offset_ms(self, ts: int) -> int:
        offset = datetime.fromtimestamp(ts / 1000, self.tz).utcoffset()
        return 0 if offset is None else int(offset.total_seconds() * 1000)

    def day(self, ts: int) -> int:
        """Local day number (days since 1970-01-01 on the station's wall calendar)."""
        return (ts + self.offset_ms(ts)) // DAY_MS

    def at(self, day: int, hour: float) -> int:
        """Epoch ms of a local day number and hour of that day."""
        naive = day * DAY_MS + int(hour * HOUR_MS)
        return naive - self.offset_ms(naive)

    def hours(self, ts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Local hour (0-23) of each time; one offset per call is enough within a day."""
        if len(ts) == 0:
            return np.zeros(0, dtype=np.int64)
        return np.asarray(((ts + self.offset_ms(int(ts[0]))) // HOUR_MS) % 24, dtype=np.int64)

    def sample(self, rng: np.random.Generator, n: int, t0: int, t1: int) -> list[int]:
        """`n` sorted times in [t0, t1) following ACTIVITY_BY_HOUR (rejection sampling)."""
        out: list[int] = []
        peak = float(ACTIVITY_BY_HOUR.max())
        while len(out) < n:
            cand = rng.integers(t0, t1, size=max(8, 3 * (n - len(out))), dtype=np.int64)
            keep = rng.random(len(cand)) * peak < ACTIVITY_BY_HOUR[self.hours(cand)]
            out.extend(int(t) for t in cand[keep][: n - len(out)])
        return sorted(out)


def _is_plate(credential: str) -> bool:
    """Chinese plates start with the province character (京A·12345); cards, faces and tags are ASCII."""
    return bool(credential) and ord(credential[0]) > 0x2E80


def _lock_credentials(people: Sequence[Person]) -> tuple[str, ...]:
    creds = sorted({c for p in people for c in p.credentials if not _is_plate(c)})
    cards = [c for c in creds if not c.startswith(("FACE-", "RFID-"))]
    return tuple(cards or creds)


@dataclass(slots=True)
class World:
    """Indexes of the district that the streams draw from."""

    district: District
    local: LocalTime
    by_kind: dict[str, list[Device]] = field(default_factory=dict)
    gate_devices: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """device kind → compound id ("" for any) → device ids at gates of that compound."""
    residents: list[tuple[str, str]] = field(default_factory=list)
    """(person id, compound id) of everyone living in a room, except elderly_alone and watch-listed people."""
    elderly: list[tuple[str, str]] = field(default_factory=list)
    elderly_doors: list[str] = field(default_factory=list)
    """Door magnets in rooms of elderly people living alone."""
    locks: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    """(smart lock id, credentials registered to its room) for occupied rooms."""
    rental_locks: list[str] = field(default_factory=list)
    plates: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    watchlist: list[str] = field(default_factory=list)
    trackers: list[tuple[Guard, str]] = field(default_factory=list)
    heartbeats: list[tuple[str, int]] = field(default_factory=list)
    """(device id, expected heartbeat seconds) of every device that is not a guard's tracker."""

    @classmethod
    def build(cls, district: District) -> World:
        world = cls(district, LocalTime(district.timezone))
        for device in sorted(district.devices.values(), key=lambda d: d.id):
            world.by_kind.setdefault(device.kind, []).append(device)
            gate = district.gates.get(device.gate_id or "")
            if gate is not None:
                per = world.gate_devices.setdefault(device.kind, {})
                per.setdefault(gate.compound_id or "", []).append(device.id)
                per.setdefault("", []).append(device.id)
        world._index_people()
        world._index_rooms()
        world._index_mobile()
        return world

    def compound_of(self, person: Person) -> str:
        room = self.district.rooms.get(person.room_id or "")
        building = self.district.buildings.get(room.building_id) if room else None
        return building.compound_id if building else ""

    def gate_device(self, kind: str, compound: str, rng: np.random.Generator) -> str | None:
        """A random device of `kind` at a gate of `compound`, else at any gate, else anywhere."""
        per = self.gate_devices.get(kind, {})
        choices = per.get(compound) or per.get("") or [d.id for d in self.by_kind.get(kind, [])]
        return pick(rng, choices) if choices else None

    def _index_people(self) -> None:
        for person in sorted(self.district.people.values(), key=lambda p: p.id):
            if PersonTag.WATCHLIST in person.tags:
                self.watchlist.append(person.id)  # seen only by the rare watch-list stream
                continue
            self.plates.extend(c for c in sorted(person.credentials) if _is_plate(c))
            self.tags.extend(c for c in sorted(person.credentials) if c.startswith("RFID-"))
            if person.room_id is None or person.room_id not in self.district.rooms:
                continue
            entry = (person.id, self.compound_of(person))
            if PersonTag.ELDERLY_ALONE in person.tags:
                self.elderly.append(entry)
            else:
                self.residents.append(entry)

    def _index_rooms(self) -> None:
        elderly_rooms = {self.district.people[pid].room_id for pid, _ in self.elderly}
        for device in self.by_kind.get("door_magnet", []):
            if device.room_id in elderly_rooms:
                self.elderly_doors.append(device.id)
        rentals = {RoomUsage.RENTAL, RoomUsage.GROUP_RENTAL}
        occupants: dict[str, list[Person]] = {}
        for person in self.district.people.values():
            occupants.setdefault(person.room_id or "", []).append(person)
        for device in self.by_kind.get("smart_lock", []):
            room = self.district.rooms.get(device.room_id or "")
            if room is None:
                continue
            if room.usage in rentals:
                self.rental_locks.append(device.id)
            creds = _lock_credentials(occupants.get(room.id, []))
            if creds:
                self.locks.append((device.id, creds))

    def _index_mobile(self) -> None:
        carried = set()
        for guard in sorted(self.district.guards.values(), key=lambda g: g.id):
            if guard.device_id:
                self.trackers.append((guard, guard.device_id))
                carried.add(guard.device_id)
        for devices in self.by_kind.values():
            for device in devices:
                spec = DEVICE_KINDS.get(device.kind)
                if spec is not None and device.id not in carried:
                    self.heartbeats.append((device.id, spec.heartbeat_s))
        self.heartbeats.sort()
