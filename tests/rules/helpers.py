"""A small hand-made district and a driver that feeds rules the way the engine does.

The district is tiny on purpose: every test can name the room, person or device it is about.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from shapely.geometry import Point, box

from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import GuardRole, PersonTag, Relation, RoomUsage
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import Building, Compound, Device, District, Gate, Guard, Person, Room
from sandbox_app.rules import RULE_FAMILIES, Rule, Signal
from sandbox_app.rules.runner import RuleRunner

TZ = "Asia/Shanghai"
_ids = itertools.count(1)


def t(text: str) -> int:
    """Local district time "2024-05-06 09:00" → epoch ms."""
    return int(datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(TZ)).timestamp() * 1000)


MIN = 60_000
HOUR = 60 * MIN
DAY = 24 * HOUR


def ev(
    kind: str, device: str, ts: int, lon: float | None = None, lat: float | None = None, **data: Any
) -> Event:
    return Event(f"e{next(_ids)}", ts, device, kind, lon, lat, data)


def make_rule(name: str, district: District, **config: Any) -> Rule:
    return RULE_FAMILIES[name](district, config)


def drive(rule: Rule, events: Iterable[Event], until: int | None = None) -> list[Signal]:
    """Engine order (the engine's and the backtest's `RuleRunner`): flag, tick at each minute boundary,
    route by kind."""
    out: list[Signal] = []
    runner = RuleRunner([rule], out.append)
    runner.run(runner.rejudged(events), 0)
    if until is not None:
        runner.tick(until)
    return out


def _room(rid: str, building: str, usage: RoomUsage) -> Room:
    return Room(rid, building, "1", 2, rid[-3:], usage)


def _device(did: str, kind: str, placement: Placement, **kw: Any) -> Device:
    return Device(did, kind, did, placement, **kw)


def district(extra_devices: Mapping[str, Device] | None = None) -> District:
    """Compound C1 (two buildings, a gate G1) at about 120.00 E, 30.00 N; timezone Asia/Shanghai."""
    d = District("test", TZ)
    d.compounds["C1"] = Compound("C1", "测试小区", box(120.000, 30.000, 120.010, 30.010))
    d.buildings["B1"] = Building("B1", "C1", "1幢", 6, box(120.001, 30.001, 120.002, 30.002))
    d.buildings["B2"] = Building("B2", "C1", "2幢", 6, box(120.005, 30.005, 120.006, 30.006))
    d.gates["G1"] = Gate("G1", "南门", Point(120.0005, 30.0), "C1")
    for room in (
        _room("R-ELD", "B1", RoomUsage.OWNER),
        _room("R-OWN", "B1", RoomUsage.OWNER),
        _room("R-RENT", "B2", RoomUsage.RENTAL),
        _room("R-GRP", "B2", RoomUsage.GROUP_RENTAL),
    ):
        d.rooms[room.id] = room
    for person in (
        Person("P-ELD", "测试居民0001", "R-ELD", Relation.OWNER, frozenset({PersonTag.ELDERLY_ALONE})),
        Person("P-OWN", "测试居民0002", "R-OWN", Relation.OWNER, credentials=frozenset({"浙A12345"})),
        Person("P-TEN", "测试居民0003", "R-RENT", Relation.TENANT, credentials=frozenset({"CARD-1"})),
        Person("P-WATCH", "测试人员0004", None, Relation.VISITOR, frozenset({PersonTag.WATCHLIST})),
        Person("P-VIS", "测试访客0005", None, Relation.VISITOR),
        Person("P-NOVIS", "测试访客0006", None, Relation.VISITOR, extra={"approved": "false"}),
    ):
        d.people[person.id] = person
    on_room, building, gate, point = Placement.ROOM, Placement.BUILDING, Placement.GATE, Placement.POINT
    for dev in (
        _device("DM-ELD", "door_magnet", on_room, room_id="R-ELD"),
        _device("DM-OWN", "door_magnet", on_room, room_id="R-OWN"),
        _device("LK-RENT", "smart_lock", on_room, room_id="R-RENT"),
        _device("LK-GRP", "smart_lock", on_room, room_id="R-GRP"),
        _device("LK-OWN", "smart_lock", on_room, room_id="R-OWN"),
        _device("FG-1", "face_gate", gate, gate_id="G1"),
        _device("VB-1", "vehicle_barrier", gate, gate_id="G1"),
        _device("BC-1", "behavior_camera", building, building_id="B1"),
        _device("PD-1", "perimeter_detector", point, location=Point(120.009, 30.009)),
        _device(
            "PD-2",
            "perimeter_detector",
            point,
            location=Point(120.0, 30.005),
            extra={"armed_hours": "always"},
        ),
        _device("PD-G", "perimeter_detector", gate, gate_id="G1"),
        _device("SM-1", "smoke_detector", on_room, room_id="R-OWN"),
        _device("GPS-G", "gps_tracker", point),
        _device("GPS-P", "gps_tracker", point),
        _device("GPS-X", "gps_tracker", point),
    ):
        d.devices[dev.id] = dev
    d.devices.update(extra_devices or {})
    d.guards["GD-GRID"] = Guard("GD-GRID", "测试网格员01", GuardRole.GRID, "GPS-G")
    d.guards["GD-POL"] = Guard("GD-POL", "测试民警01", GuardRole.POLICE, "GPS-P")
    return d
