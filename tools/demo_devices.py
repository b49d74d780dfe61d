"""Devices of every kind in `DEVICE_KINDS`, placed the way a smart-security compound places them.

Outer circle at gates and fences, middle circle in compound grounds and on facades, inner circle in
buildings and rooms, mobile kit with the guards. Each row names its room, building or gate (placement) and
carries lon/lat for drawing; extra columns: `compound_id`, `entrance`, `armed_hours`, `guard_id`.
"""

from __future__ import annotations

import random
from collections import Counter

from sandbox_app.domain.device_kinds import DEVICE_KINDS, Placement
from sandbox_app.domain.enums import RoomUsage
from tools.demo_synth import LonLat, Population, Row, SiteBuilding, SiteCompound, SiteGate

PREFIX = {
    "face_gate": "FG",
    "vehicle_barrier": "VB",
    "capture_camera": "CC",
    "perimeter_detector": "PD",
    "visitor_terminal": "VT",
    "rfid_reader": "RF",
    "alarm_button": "AB",
    "behavior_camera": "BC",
    "throw_camera": "TC",
    "video_intercom": "VI",
    "door_controller": "DC",
    "camera": "CAM",
    "smoke_detector": "SD",
    "gas_sensor": "GS",
    "water_sensor": "WS",
    "door_magnet": "DM",
    "smart_lock": "SL",
    "mobile_camera": "MC",
    "body_camera": "BW",
    "radio": "RD",
    "gps_tracker": "GPS",
    "smart_watch": "SW",
}
LABEL = {
    "face_gate": "人脸门禁",
    "vehicle_barrier": "车辆道闸",
    "capture_camera": "抓拍机",
    "perimeter_detector": "周界探测器",
    "visitor_terminal": "访客机",
    "rfid_reader": "电动车RFID读卡器",
    "alarm_button": "一键报警柱",
    "behavior_camera": "行为分析摄像机",
    "throw_camera": "高空抛物摄像机",
    "video_intercom": "可视对讲",
    "door_controller": "单元门禁",
    "camera": "高清摄像机",
    "smoke_detector": "烟感",
    "gas_sensor": "燃气探测器",
    "water_sensor": "水浸探测器",
    "door_magnet": "门磁",
    "smart_lock": "智能门锁",
    "mobile_camera": "4G布控球",
    "body_camera": "执法记录仪",
    "radio": "对讲机",
    "gps_tracker": "定位终端",
    "smart_watch": "智能手表",
}
ARMED_HOURS = {"school": "18-7", "kindergarten": "18-7", "university": "23-6"}


class Devices:
    """Collects rows, numbering each kind on its own (`DM-00001`) and checking placement against the table."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.count: Counter[str] = Counter()

    def add(self, kind: str, where: str, at: LonLat, **extra: str) -> str:
        placement = Placement.POINT
        for key, p in (
            ("room_id", Placement.ROOM),
            ("building_id", Placement.BUILDING),
            ("gate_id", Placement.GATE),
        ):
            if key in extra:
                placement = p
        if placement not in DEVICE_KINDS[kind].placements:
            raise ValueError(f"{kind} cannot be placed at a {placement}")
        self.count[kind] += 1
        did = f"{PREFIX[kind]}-{self.count[kind]:05d}"
        row: Row = {"id": did, "kind": kind, "name": f"{where}{LABEL[kind]}"}
        row |= {k: extra.get(k, "") for k in ("room_id", "building_id", "gate_id")}
        row |= {"lon": at[0], "lat": at[1]}
        row |= {k: extra.get(k, "") for k in ("compound_id", "entrance", "armed_hours", "guard_id", "spot")}
        self.rows.append(row)
        return did


def make_devices(
    gates: list[SiteGate],
    compounds: list[SiteCompound],
    buildings: list[SiteBuilding],
    pop: Population,
    guards: list[Row],
    rng: random.Random,
) -> list[Row]:
    dev = Devices()
    _gate_devices(dev, gates)
    _compound_devices(dev, compounds, rng)
    _building_devices(dev, buildings, rng)
    _room_devices(dev, buildings, pop, rng)
    _rooftop_devices(dev, buildings)
    _mobile_devices(dev, gates, guards)
    return sorted(dev.rows, key=lambda r: str(r["id"]))


def _gate_devices(dev: Devices, gates: list[SiteGate]) -> None:
    """Every gate: face gate, capture camera, alarm post, RFID reader, camera; barriers where cars pass."""
    for g in gates:
        at = {"gate_id": g.id, "compound_id": g.compound_id}
        for kind in ("face_gate", "capture_camera", "alarm_button", "rfid_reader", "camera"):
            dev.add(kind, g.name, g.at, **at)
        if g.vehicle:
            dev.add("vehicle_barrier", g.name, g.at, **at)
        else:
            dev.add("door_controller", g.name, g.at, **at)
        if g.main:
            dev.add("visitor_terminal", g.name, g.at, **at)


def _compound_devices(dev: Devices, compounds: list[SiteCompound], rng: random.Random) -> None:
    """Fences of closed compounds armed on a schedule; a behaviour camera and a camera in the grounds."""
    for c in compounds:
        if c.kind != "open":
            hours = ARMED_HOURS.get(c.kind, "22-6")
            for k, pt in enumerate(c.fence, start=1):
                dev.add("perimeter_detector", f"{c.name}{k:02d}号", pt, compound_id=c.id, armed_hours=hours)
        dev.add("behavior_camera", f"{c.name}中心广场", c.inside, compound_id=c.id)
        if rng.random() < 0.5:
            dev.add("camera", f"{c.name}园区", c.inside, compound_id=c.id)


def _building_devices(dev: Devices, buildings: list[SiteBuilding], rng: random.Random) -> None:
    for b in buildings:
        at = {"building_id": b.id, "compound_id": b.compound_id}
        name = b.name
        if b.category == "residential":
            for e, door in enumerate(b.doors, start=1):
                dev.add("video_intercom", f"{name}{e}单元", door, entrance=str(e), **at)
                dev.add("door_controller", f"{name}{e}单元", door, entrance=str(e), **at)
            if b.floors >= 6:
                dev.add("throw_camera", name, b.facade, **at)
            if b.floors >= 6 and rng.random() < 0.3:
                dev.add("water_sensor", f"{name}水泵房", b.centroid, **at)
            if rng.random() < 0.1:
                dev.add("behavior_camera", name, b.doors[0], **at)
        elif b.category in ("public", "commercial"):
            dev.add("smoke_detector", name, b.centroid, **at)
            if rng.random() < 0.2:
                dev.add("alarm_button", name, b.doors[0], **at)
            if rng.random() < 0.2:
                dev.add("capture_camera", name, b.doors[0], **at)
        if b.category != "house" and b.rooms_per_floor:
            dev.add("camera", name, b.doors[0], **at)
        if b.category == "commercial" and rng.random() < 0.5:
            dev.add("gas_sensor", name, b.centroid, **at)


def _room_devices(dev: Devices, buildings: list[SiteBuilding], pop: Population, rng: random.Random) -> None:
    """Door magnets and a smartwatch for the elderly alone, smart locks on rentals, fire/gas/water where
    risk is higher."""
    where = {b.id: b for b in buildings}
    for room in pop.rooms:
        rid, usage = str(room["id"]), RoomUsage(str(room["usage"]))
        b = where[str(room["building_id"])]
        at = {"room_id": rid, "compound_id": b.compound_id}
        label = f"{b.name}{room['entrance']}单元{room['number']}室"
        if rid in pop.elderly_rooms:
            dev.add("door_magnet", label, b.centroid, **at)
            dev.add("smoke_detector", label, b.centroid, **at)
            dev.add("gas_sensor", label, b.centroid, **at)
            dev.add("smart_watch", label, b.centroid, **at)
        if usage in (RoomUsage.RENTAL, RoomUsage.GROUP_RENTAL):
            dev.add("smart_lock", label, b.centroid, **at)
        if usage is RoomUsage.GROUP_RENTAL or usage is RoomUsage.SHOP:
            dev.add("smoke_detector", label, b.centroid, **at)
        if usage is RoomUsage.SHOP and rng.random() < 0.5:
            dev.add("gas_sensor", label, b.centroid, **at)
        if usage is RoomUsage.OWNER and rng.random() < 0.02:
            dev.add("water_sensor", label, b.centroid, **at)


def _rooftop_devices(dev: Devices, buildings: list[SiteBuilding]) -> None:
    """A door magnet on the rooftop door (天台门) of every residential building of six floors or more
    (`rooftop_door_night`). Added after the rooms' magnets and without drawing from the generator, so every
    other device keeps its id."""
    for b in buildings:
        if b.category == "residential" and b.floors >= 6:
            at = {"building_id": b.id, "compound_id": b.compound_id, "spot": "rooftop"}
            dev.add("door_magnet", f"{b.name}天台门", b.centroid, **at)


def _mobile_devices(dev: Devices, gates: list[SiteGate], guards: list[Row]) -> None:
    """Each guard's tracker (its id is the guard's `device_id`); body cams and radios by role."""
    for k, g in enumerate(gates[:: max(1, len(gates) // 6)][:6], start=1):
        dev.add("mobile_camera", f"临时布控点{k:02d}", g.at, compound_id=g.compound_id)
    for k, guard in enumerate(guards):
        gid, role = str(guard["id"]), str(guard["role"])
        home = next((g for g in gates if g.compound_id == guard["compound_id"] and g.main), None)
        at = (home or gates[k % len(gates)]).at
        owner = str(guard["name"])
        tracker = dev.add("gps_tracker", owner, at, guard_id=gid)
        if tracker != guard["device_id"]:
            raise ValueError(f"tracker numbering drifted: {tracker} != {guard['device_id']}")
        if role in ("police", "auxiliary"):
            dev.add("body_camera", owner, at, guard_id=gid)
        if role in ("police", "auxiliary", "security"):
            dev.add("radio", owner, at, guard_id=gid)
