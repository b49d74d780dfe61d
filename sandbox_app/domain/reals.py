"""实有单位 (real organisations) and the rental register, derived from the standard-address tables.

一标三实: one standard address, and three "reals" hung on it — 实有人口 (people, `Person.room_id`), 实有房屋
(buildings and rooms) and 实有单位 (organisations). An organisation and a rental room's register are optional
columns of a package's `rooms` and `buildings` (docs/data-format.md): they live in each row's `extra`, so they
travel through the store unchanged (no migration) and old packages without them still import. This module
is their one reader; the importer checks their values (`data.places.check_reals`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sandbox_app.domain.address import building_address, room_address
from sandbox_app.domain.enums import PersonTag, Relation, RoomUsage
from sandbox_app.domain.model import Compound, District, Person, Room

ORG_ID, ORG_NAME, ORG_TYPE = "org_id", "org_name", "org_type"
ORG_CONTACT, ORG_PHONE = "org_contact", "org_phone"
"""Room/building columns: the organisation using it, its name, type, contact person and phone."""
LANDLORD, AGREEMENT_DATE, LAST_INSPECTION = "landlord", "agreement_date", "last_inspection"
"""Room columns of the rental register: landlord (房东), responsibility agreement (治安责任书) date, last
inspection (最近检查) date, both ISO dates `YYYY-MM-DD`."""
REAL_COLUMNS = (ORG_ID, ORG_NAME, ORG_TYPE, ORG_CONTACT, ORG_PHONE, LANDLORD, AGREEMENT_DATE, LAST_INSPECTION)
DATE_COLUMNS = (AGREEMENT_DATE, LAST_INSPECTION)
GROUP_RENTAL_PEOPLE = 5
"""A rental room with this many registered adults is a group rental (群租): more than two to a bedroom in an
ordinary two-bedroom flat."""
GROUP_RENTAL_CREDENTIALS = 12
"""... or with this many distinct registered credentials (lock cards, faces, tags): more than five adults'
worth, the sign of occupants registered under others' names."""


class OrgType(StrEnum):
    SHOP = "shop"
    RESTAURANT = "restaurant"
    SCHOOL = "school"
    UNIVERSITY = "university"
    KINDERGARTEN = "kindergarten"
    COMPANY = "company"
    CLINIC = "clinic"
    HOTEL = "hotel"
    GOVERNMENT = "government"
    OTHER = "other"


CAMPUS_TYPES = frozenset({OrgType.UNIVERSITY, OrgType.SCHOOL, OrgType.KINDERGARTEN})
"""Organisations whose grounds are a walled area of their own: a package's compound of such a `kind` is the
organisation's campus (a 实有单位), never a residential 小区, whatever housing it holds."""


def campus_type(compound: Compound) -> OrgType | None:
    """The organisation type a compound is the campus of (its `kind` column), or None for a 小区/片区."""
    kind = str(compound.extra.get("kind") or "")
    return OrgType(kind) if kind in {t.value for t in CAMPUS_TYPES} else None


@dataclass(frozen=True, slots=True)
class Organisation:
    """A 实有单位: everything the station knows of it comes from the rooms and buildings it uses."""

    id: str
    name: str
    type: OrgType
    contact: str
    """Contact person (a name: masked like one)."""
    phone: str
    address: str
    """The standard address of its first building or room."""
    buildings: tuple[str, ...]
    rooms: tuple[str, ...]


def _text(extra: dict[str, object], key: str) -> str:
    value = extra.get(key)
    return str(value).strip() if value is not None else ""


def organisations(district: District) -> dict[str, Organisation]:
    """Organisations by id, from the `org_*` columns; the first row (buildings, then rooms, by id) that
    gives a name, type, contact or phone decides it, so the answer does not depend on file order."""
    parts: dict[str, dict[str, str]] = {}
    places: dict[str, tuple[list[str], list[str]]] = {}
    addresses: dict[str, str] = {}
    rows = [(b.id, b.extra, "b") for b in sorted(district.buildings.values(), key=lambda b: b.id)]
    rows += [(r.id, r.extra, "r") for r in sorted(district.rooms.values(), key=lambda r: r.id)]
    for item_id, extra, kind in rows:
        org = _text(extra, ORG_ID)
        if not org:
            continue
        fields = parts.setdefault(org, {})
        for key in (ORG_NAME, ORG_TYPE, ORG_CONTACT, ORG_PHONE):
            if not fields.get(key):
                fields[key] = _text(extra, key)
        bs, rs = places.setdefault(org, ([], []))
        (bs if kind == "b" else rs).append(item_id)
        if org not in addresses:
            addresses[org] = (
                building_address(district, district.buildings[item_id])
                if kind == "b"
                else room_address(district, district.rooms[item_id])
            )
    out = {}
    for org, fields in sorted(parts.items()):
        kind_text = fields.get(ORG_TYPE, "").lower()
        org_type = OrgType(kind_text) if kind_text in OrgType._value2member_map_ else OrgType.OTHER
        bs, rs = places[org]
        out[org] = Organisation(
            org, fields.get(ORG_NAME) or org, org_type, fields.get(ORG_CONTACT, ""),
            fields.get(ORG_PHONE, ""), addresses[org], tuple(bs), tuple(rs),
        )  # fmt: skip
    return out


@dataclass(frozen=True, slots=True)
class Rental:
    """One rental room in the register (出租房屋登记)."""

    room_id: str
    address: str
    landlord: str
    tenants: tuple[str, ...]
    """Person ids registered in the room as tenants."""
    agreement_date: str
    last_inspection: str
    adults: int
    credentials: int
    group_rental: bool
    """群租: registered as such, or by the count of adults or of distinct credentials."""


def is_rental(room: Room) -> bool:
    return room.usage in (RoomUsage.RENTAL, RoomUsage.GROUP_RENTAL) or bool(_text(room.extra, LANDLORD))


def rental_register(
    district: District,
    group_people: int = GROUP_RENTAL_PEOPLE,
    group_credentials: int = GROUP_RENTAL_CREDENTIALS,
) -> list[Rental]:
    """Every rental room (usage rental or group_rental, or a landlord given), by room id."""
    residents: dict[str, list[str]] = {}
    for person in district.people.values():
        if person.room_id:
            residents.setdefault(person.room_id, []).append(person.id)
    limits = (group_people, group_credentials)
    return [
        _rental(district, room, [district.people[p] for p in sorted(residents.get(room.id, []))], limits)
        for room in sorted(district.rooms.values(), key=lambda r: r.id)
        if is_rental(room)
    ]


def rental_of(district: District, room_id: str) -> Rental | None:
    """One room's register entry (the detail view), None when it is no rental."""
    room = district.rooms.get(room_id)
    if room is None or not is_rental(room):
        return None
    people = sorted(district.residents_of(room_id), key=lambda p: p.id)
    return _rental(district, room, people, (GROUP_RENTAL_PEOPLE, GROUP_RENTAL_CREDENTIALS))


def _rental(district: District, room: Room, people: list[Person], limits: tuple[int, int]) -> Rental:
    living = [p for p in people if p.relation is not Relation.VISITOR]
    adults = sum(PersonTag.MINOR not in p.tags for p in living)
    credentials = len({c for p in living for c in p.credentials})
    group = room.usage is RoomUsage.GROUP_RENTAL or adults >= limits[0] or credentials >= limits[1]
    return Rental(
        room.id, room_address(district, room), _text(room.extra, LANDLORD),
        tuple(p.id for p in people if p.relation is Relation.TENANT),
        _text(room.extra, AGREEMENT_DATE), _text(room.extra, LAST_INSPECTION),
        adults, credentials, group,
    )  # fmt: skip
