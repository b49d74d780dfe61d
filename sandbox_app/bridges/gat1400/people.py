"""GA/T 1400 person records (`/VIID/Community/PersonInfos`) → rows of a people delta (issue 21).

Residents who register themselves (a kiosk, a phone form, the property's system) reach the police platform
as `PersonInfoObject` records. This module only translates them into the delta's columns
(`sandbox_app.data.delta`: `op`, `id`, `name`, `room_id`, `relation`, `tags`, `phone`, `id_number`); the
checks, the all-or-nothing apply and the audit are the delta file's own, so the two paths cannot drift.

Our reading of the record (the community extension publishes no operation code):
- `PersonID` is the person's id in our register. `DataStatus` 1 (注销, deregistered) is a move-out; any
  other value adds the person when the id is new and changes them otherwise.
- The room: an explicit `RoomID` / `HouseID` (our room id) when the sender has it, else the standard
  address in `ResidenceAddress` (`清华东路15号 3号楼 2单元 302室`, compared without spaces or width), the
  address the search box finds. An address that names no room is a problem of that record.
- `PopulationType` 流动 / 2 (floating population) tags a new person `floating` and makes them a tenant;
  otherwise a new person is family of the household. A change leaves relation and tags as registered.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sandbox_app.domain.address import room_address
from sandbox_app.domain.model import District

PERSON_INFOS = "/VIID/Community/PersonInfos"
DEREGISTERED = ("1",)
FLOATING = ("2", "流动", "流动人口", "floating")
_ROOM_KEYS = ("RoomID", "HouseID")


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def _flat(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


class PersonRecords:
    """Translates one district's person records; build once per district version (the address map)."""

    def __init__(self, district: District) -> None:
        self.district = district
        self._by_address: dict[str, str] | None = None

    def room_of(self, address: str) -> str:
        """Our room id for a standard address, "" when none matches."""
        if self._by_address is None:
            d = self.district
            self._by_address = {_flat(room_address(d, r)): r.id for r in d.rooms.values()}
        return self._by_address.get(_flat(address), "")

    def rows(self, records: Sequence[Any], known: Callable[[str], bool]) -> list[dict[str, str]]:
        """One delta row per record (a record that is not an object becomes a row the checks refuse)."""
        return [self.row(rec, known) for rec in records]

    def row(self, rec: Any, known: Callable[[str], bool]) -> dict[str, str]:
        if not isinstance(rec, Mapping):
            return {"op": "", "id": ""}
        pid = _text(rec.get("PersonID"))
        out = {"id": pid, "name": _text(rec.get("Name"))}
        for key, col in (("Phone", "phone"), ("IDNumber", "id_number")):
            if _text(rec.get(key)):
                out[col] = _text(rec[key])
        if _text(rec.get("DataStatus")) in DEREGISTERED:
            return {"op": "move_out", **out}
        room = next((_text(rec[k]) for k in _ROOM_KEYS if _text(rec.get(k))), "")
        address = _text(rec.get("ResidenceAddress"))
        if not room and address:
            room = self.room_of(address) or f"{address} (no such room)"
        out["room_id"] = room
        if known(pid):
            return {"op": "change", **out}
        floating = _text(rec.get("PopulationType")) in FLOATING
        return {
            "op": "add",
            **out,
            "relation": "tenant" if floating else "family",
            "tags": "floating" if floating else "",
        }
