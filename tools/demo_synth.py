"""Synthetic, plainly fake occupants of the demo district: rooms, residents and the guard roster.

Nothing here describes a real person: names are "测试居民00001", ids "P00001", phones "000-0000-0001",
plates "京A·TEST001". One seeded `random.Random` is consumed in a fixed order, so a rebuild is identical.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sandbox_app.domain.enums import GuardRole, PersonTag, Relation, RoomUsage

Row = dict[str, object]
LonLat = tuple[float, float]

GUARD_ROSTER: tuple[tuple[GuardRole, str, int], ...] = (
    (GuardRole.POLICE, "测试民警", 4),
    (GuardRole.AUXILIARY, "测试辅警", 8),
    (GuardRole.GRID, "测试网格员", 8),
    (GuardRole.VOLUNTEER, "测试志愿者", 8),
    (GuardRole.SECURITY, "测试保安", 12),
    (GuardRole.PROPERTY, "测试物业", 4),
)
PLATE_CITIES = (
    "京A",
    "京B",
    "京C",
    "京E",
    "京F",
    "京G",
    "京H",
    "京J",
    "京K",
    "京L",
    "京M",
    "京N",
    "京P",
    "京Q",
)


@dataclass(slots=True)
class SiteGate:
    id: str
    name: str
    compound_id: str
    at: LonLat
    vehicle: bool
    main: bool


@dataclass(slots=True)
class SiteBuilding:
    id: str
    name: str
    compound_id: str
    category: str
    """residential, house, public or commercial: decides room usage and which devices it gets."""
    floors: int
    entrances: int
    rooms_per_floor: int
    street: bool
    """In an open compound, where ground floors along the street are often shops."""
    centroid: LonLat
    doors: list[LonLat]
    """One point on the facade per entrance (单元门)."""
    facade: LonLat
    """A point 12 m out from the middle of the longest wall: where a throwing camera looks up from."""


@dataclass(slots=True)
class SiteCompound:
    id: str
    name: str
    kind: str
    fence: list[LonLat]
    """Points along the boundary every ~80 m, for perimeter detectors."""
    inside: LonLat


@dataclass(slots=True)
class Population:
    rooms: list[Row] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)
    elderly_rooms: set[str] = field(default_factory=set)


def make_rooms(buildings: list[SiteBuilding], rng: random.Random) -> list[Row]:
    """Rooms by standard address: id `B0001-1-0302` is building B0001, entrance 1, floor 3, room 2."""
    rows: list[Row] = []
    for b in buildings:
        floors = 1 if b.category == "house" else b.floors  # a villa is one household
        for e in range(1, b.entrances + 1):
            for f in range(1, floors + 1):
                for i in range(1, b.rooms_per_floor + 1):
                    rows.append(
                        {
                            "id": f"{b.id}-{e}-{f:02d}{i:02d}",
                            "building_id": b.id,
                            "entrance": str(e),
                            "floor": f,
                            "number": f"{f}{i:02d}",
                            "usage": _usage(b, f, rng).value,
                        }
                    )
    return rows


def _usage(b: SiteBuilding, floor: int, rng: random.Random) -> RoomUsage:
    r = rng.random()
    if b.category == "house":
        return RoomUsage.RENTAL if r < 0.15 else RoomUsage.OWNER
    if b.category == "public":
        return RoomUsage.SHOP if floor == 1 and r < 0.1 else RoomUsage.OFFICE
    if b.category == "commercial":
        return RoomUsage.SHOP if floor == 1 else (RoomUsage.RENTAL if r < 0.15 else RoomUsage.OFFICE)
    if floor == 1 and b.street and r < 0.3:
        return RoomUsage.SHOP
    for usage, upto in ((RoomUsage.RENTAL, 0.15), (RoomUsage.GROUP_RENTAL, 0.18), (RoomUsage.VACANT, 0.25)):
        if r < upto:
            return usage
    return RoomUsage.OWNER


class _People:
    """Numbers people, lock cards, plates and RFID tags in the order they are created."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rows: list[Row] = []
        self.cards = self.plates = self.tags = 0

    def add(
        self, room: str, rel: Relation, tags: set[PersonTag], card: bool = False, car: bool = False
    ) -> None:
        pid = f"P{len(self.rows) + 1:05d}"
        creds = [f"FACE-{pid}"]
        if card:
            self.cards += 1
            creds.append(f"CARD-{self.cards:05d}")
        if car:
            self.plates += 1
            city = PLATE_CITIES[(self.plates - 1) // 999 % len(PLATE_CITIES)]
            creds.append(f"{city}·TEST{(self.plates - 1) % 999 + 1:03d}")
        if PersonTag.MINOR not in tags and self.rng.random() < 0.15:
            self.tags += 1
            creds.append(f"RFID-{self.tags:06d}")
        name = f"测试居民{len(self.rows) + 1:05d}"
        self.rows.append(
            {
                "id": pid,
                "name": name,
                "room_id": room,
                "relation": rel.value,
                "tags": ";".join(sorted(t.value for t in tags)),
                "credentials": ";".join(creds),
            }
        )


def make_people(rooms: list[Row], rng: random.Random) -> Population:
    """Households by room usage; ~3 % of rooms (5 % of owner-occupied) hold one elderly person alone."""
    pop = Population(rooms=rooms)
    ppl = _People(rng)
    for room in rooms:
        rid, usage = str(room["id"]), RoomUsage(str(room["usage"]))
        if usage is RoomUsage.OWNER and rng.random() < 0.05:
            pop.elderly_rooms.add(rid)
            extra = {PersonTag.DISABLED} if rng.random() < 0.2 else set()
            ppl.add(rid, Relation.OWNER, {PersonTag.ELDERLY_ALONE, *extra})
        elif usage is RoomUsage.OWNER:
            ppl.add(rid, Relation.OWNER, _adult_tags(rng, 0.0), car=rng.random() < 0.3)
            for _ in range(rng.randint(0, 3)):
                tags = {PersonTag.MINOR} if rng.random() < 0.3 else _adult_tags(rng, 0.0)
                ppl.add(rid, Relation.FAMILY, tags)
        elif usage in (RoomUsage.RENTAL, RoomUsage.GROUP_RENTAL):
            n = rng.randint(1, 3) if usage is RoomUsage.RENTAL else rng.randint(4, 8)
            for k in range(n):
                float_p = 0.6 if usage is RoomUsage.RENTAL else 0.85
                ppl.add(
                    rid,
                    Relation.TENANT,
                    _adult_tags(rng, float_p),
                    card=True,
                    car=k == 0 and rng.random() < 0.1,
                )
        elif usage is RoomUsage.SHOP or (usage is RoomUsage.OFFICE and rng.random() < 0.3):
            for _ in range(rng.randint(1, 2) if usage is RoomUsage.SHOP else 1):
                ppl.add(rid, Relation.EMPLOYEE, _adult_tags(rng, 0.3))
    _add_visitors(ppl, rooms, rng)
    _mark_watchlist(ppl.rows, rng)
    pop.people = ppl.rows
    return pop


def _adult_tags(rng: random.Random, floating: float) -> set[PersonTag]:
    tags = set()
    if rng.random() < floating:
        tags.add(PersonTag.FLOATING)
    if rng.random() < 0.01:
        tags.add(PersonTag.DISABLED)
    if rng.random() < 0.004:
        tags.add(PersonTag.KEY_PERSON)
    return tags


def _add_visitors(ppl: _People, rooms: list[Row], rng: random.Random) -> None:
    """Approved visitors: registered against the room they visit, so a face gate knows them."""
    hosts = [str(r["id"]) for r in rooms if r["usage"] == RoomUsage.OWNER.value]
    for rid in sorted(rng.sample(hosts, min(20, len(hosts)))):
        ppl.add(rid, Relation.VISITOR, set())


def _mark_watchlist(people: list[Row], rng: random.Random) -> None:
    """A handful of adults on the watch list (and so also key persons), for the face-gate rule."""
    adults = [p for p in people if not {"minor", "elderly_alone"} & set(str(p["tags"]).split(";"))]
    for p in rng.sample(adults, min(5, len(adults))):
        tags = set(str(p["tags"]).split(";")) - {""} | {PersonTag.WATCHLIST.value, PersonTag.KEY_PERSON.value}
        p["tags"] = ";".join(sorted(tags))


def make_guards(compounds: list[SiteCompound]) -> list[Row]:
    """44 guards over every role; grid workers, security and property staff look after particular
    compounds."""
    homes = [c.id for c in compounds if c.kind in {"residential", "open"}] or [c.id for c in compounds]
    rows: list[Row] = []
    for role, title, count in GUARD_ROSTER:
        for k in range(1, count + 1):
            n = len(rows) + 1
            local = role in (GuardRole.GRID, GuardRole.SECURITY, GuardRole.PROPERTY)
            rows.append(
                {
                    "id": f"GD{n:03d}",
                    "name": f"{title}{k:02d}",
                    "role": role.value,
                    "device_id": f"GPS-{n:05d}",
                    "compound_id": homes[(k - 1) % len(homes)] if local else "",
                    "phone": f"000-0000-{n:04d}",
                }
            )
    return rows
