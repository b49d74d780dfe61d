"""The standard address (标准地址) of a building or room: 街路巷 + 门牌号 + 楼栋 + 单元 + 室.

One home for how an address is written, so search, the detail panel and exports print it alike. The road
(`road`, 街路巷) and door number (`door_number`, 门牌号) are optional columns of a package's buildings; like
every other extra column they live in `Building.extra`, so they travel through the store unchanged (no
migration) and old packages without them still import. A building without a road falls back to its
compound's name; the parts a package does not give are left out.
"""

from __future__ import annotations

from sandbox_app.domain.model import Building, District, Room

ROAD = "road"
"""Building column: 街路巷, the road, street or lane of the standard address."""
DOOR_NUMBER = "door_number"
"""Building column: 门牌号, the house number on that road, e.g. `15号`."""


def _text(building: Building, key: str) -> str:
    value = building.extra.get(key)
    return str(value).strip() if value is not None else ""


def building_address(district: District, building: Building) -> str:
    """`清华东路15号 3号楼`: road and door number when given, else the compound's name, then the building."""
    head = f"{_text(building, ROAD)}{_text(building, DOOR_NUMBER)}"
    if not head and building.compound_id in district.compounds:
        head = district.compounds[building.compound_id].name
    return " ".join(part for part in (head, building.name) if part)


def room_address(district: District, room: Room) -> str:
    """`清华东路15号 3号楼 2单元 302室`: the building's address, the entrance and the door."""
    building = district.buildings.get(room.building_id)
    head = building_address(district, building) if building is not None else room.building_id
    entrance = f"{room.entrance}单元" if room.entrance else ""
    door = f"{room.number}室" if room.number else ""
    return " ".join(part for part in (head, entrance, door) if part)
