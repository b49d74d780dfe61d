"""A small hand-made district whose geometry is easy to reason about in tests.

Compound C1 is a 200 m square near Fuzhou; B1 has a rental room, B2 an elderly-alone owner, B3 a group
rental; one road, one gate, devices of several placements, two guards. All people are plainly fake.
"""

from __future__ import annotations

from shapely.geometry import LineString, Point, Polygon

from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import GuardRole, PersonTag, Relation, RoomUsage
from sandbox_app.domain.model import (
    Building,
    Compound,
    Device,
    District,
    Gate,
    Guard,
    Person,
    Road,
    Room,
)

LON0, LAT0 = 119.30, 26.08
DEG_M = 1.0 / 111_000.0
"""About one metre in degrees of latitude; good enough for drawing sample shapes."""


def box(cx_m: float, cy_m: float, half_m: float) -> Polygon:
    lon = LON0 + cx_m * DEG_M
    lat = LAT0 + cy_m * DEG_M
    d = half_m * DEG_M
    return Polygon([(lon - d, lat - d), (lon + d, lat - d), (lon + d, lat + d), (lon - d, lat + d)])


def at(x_m: float, y_m: float) -> tuple[float, float]:
    return LON0 + x_m * DEG_M, LAT0 + y_m * DEG_M


def _room(rid: str, building: str, usage: RoomUsage) -> Room:
    return Room(rid, building, "1", 1, rid[-3:], usage)


def small_district() -> District:
    d = District(name="测试小区", timezone="Asia/Shanghai")
    d.compounds["C1"] = Compound("C1", "测试一区", box(0, 0, 100))
    d.buildings["B1"] = Building("B1", "C1", "1幢", 6, box(-50, 50, 15))
    d.buildings["B2"] = Building("B2", "C1", "2幢", 3, box(50, 50, 15), height_m=10.0)
    d.buildings["B3"] = Building("B3", "C1", "3幢", 6, box(-50, -50, 15))
    d.rooms["R101"] = _room("R101", "B1", RoomUsage.RENTAL)
    d.rooms["R102"] = _room("R102", "B1", RoomUsage.OWNER)
    d.rooms["R201"] = _room("R201", "B2", RoomUsage.OWNER)
    d.rooms["R301"] = _room("R301", "B3", RoomUsage.GROUP_RENTAL)
    d.people["P0001"] = Person(
        "P0001", "测试居民0001", "R201", Relation.OWNER, frozenset({PersonTag.ELDERLY_ALONE})
    )
    d.people["P0002"] = Person("P0002", "测试居民0002", "R101", Relation.TENANT)
    d.roads["W1"] = Road("W1", "residential", LineString([at(-100, 0), at(100, 0)]))
    d.roads["W2"] = Road("W2", "footway", LineString([at(0, -100), at(0, 100)]))
    d.gates["G1"] = Gate("G1", "南门", Point(*at(0, -100)), "C1", "23-6")
    d.devices["D1"] = Device("D1", "smart_lock", "101锁", Placement.ROOM, room_id="R101")
    d.devices["D2"] = Device("D2", "door_magnet", "201门磁", Placement.ROOM, room_id="R201")
    d.devices["D3"] = Device("D3", "face_gate", "南门人脸", Placement.GATE, gate_id="G1")
    d.devices["D4"] = Device("D4", "camera", "路口", Placement.POINT, location=Point(*at(80, -80)))
    d.devices["T1"] = Device("T1", "gps_tracker", "民警终端", Placement.POINT)
    d.devices["T2"] = Device("T2", "radio", "网格员对讲", Placement.POINT)
    d.guards["GU1"] = Guard("GU1", "测试民警01", GuardRole.POLICE, "T1")
    d.guards["GU2"] = Guard("GU2", "测试网格员02", GuardRole.GRID, "T2")
    return d


GUARD_POSITIONS = {"GU1": at(60, -40), "GU2": at(-20, 70)}
