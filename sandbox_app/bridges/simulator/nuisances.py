"""Everyday nuisances the property staff and the station deal with: a car blocking the fire lane, and the
other community rules added with issue 20 (one story each per simulated day, plus a near miss).

Like `life`, each stream draws from its own generator keyed by (seed, stream, day), so a day can be made
alone and the older streams stay exactly as they were.
"""

from __future__ import annotations

import numpy as np

from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.bridges.simulator.world import DAY_MS, HOUR_MS, Raw, World, pick, rng_for

MIN_MS = 60_000
CAMERA_ORDER = ("camera", "behavior_camera", "capture_camera")
"""Where a camera analytics event comes from: the first of these kinds the district has."""


def _camera(w: World, rng: np.random.Generator) -> str | None:
    for kind in CAMERA_ORDER:
        devices = w.by_kind.get(kind)
        if devices:
            return pick(rng, devices).id
    return None


def fire_lane(w: World, seed: int, rates: SimRates, day: int, t0: int) -> list[Raw]:
    """A car left standing 30-90 minutes in a camera's no-parking zone (消防通道), and a delivery van that
    stops there 3-6 minutes and drives off (the near miss)."""
    rng = rng_for(seed, "fire-lane", day)
    out: list[Raw] = []
    n = rates.count(rates.fire_lane_cars, int(rng.poisson(rates.fire_lane_cars)))
    for k, ts in enumerate(w.local.sample(rng, n, t0, t0 + DAY_MS - 3 * HOUR_MS)):
        cam = _camera(w, rng)
        if cam is None:
            break
        plate = f"京Z·F{day % 1000:03d}{k % 100:02d}"
        stay = int(rng.uniform(30, 90) * MIN_MS)
        data = {"plate": plate, "zone": "消防通道"}
        out.append(Raw(ts, cam, "vehicle.parked", None, None, data))
        out.append(Raw(ts + stay, cam, "vehicle.parked", None, None, {**data, "left": True}))
        van = ts + int(rng.uniform(1, 2) * HOUR_MS)
        brief = {"plate": f"京Z·K{day % 1000:03d}{k % 100:02d}", "zone": "消防通道"}
        out.append(Raw(van, cam, "vehicle.parked", None, None, brief))
        gone = van + int(rng.uniform(3, 6) * MIN_MS)
        out.append(Raw(gone, cam, "vehicle.parked", None, None, {**brief, "left": True}))
    return out


def _building_device(w: World, rng: np.random.Generator) -> tuple[str, str | None] | None:
    """A building's door controller (else a camera in a building) and a flat of that building, if any."""
    for kind in ("door_controller", "camera", "behavior_camera"):
        devices = [d for d in w.by_kind.get(kind, []) if d.building_id]
        if devices:
            device = pick(rng, devices)
            flats = sorted(r.id for r in w.district.rooms.values() if r.building_id == device.building_id)
            return device.id, (pick(rng, flats) if flats else None)
    return None


def renovation(w: World, seed: int, rates: SimRates, day: int, t0: int) -> list[Raw]:
    """Renovation work (装修) reported by a building's door controller: an evening job between 19:30 and
    21:30 local (against the usual permitted hours), and on weekdays a morning job at 9-11 (allowed: the near
    miss). Keyed by the local calendar day, since permitted hours are wall-clock hours."""
    out: list[Raw] = []
    first = w.local.day(t0)
    for local_day in (first, first + 1):
        rng = rng_for(seed, "renovation", local_day)
        n = rates.count(rates.renovation_evenings, int(rng.poisson(rates.renovation_evenings)))
        hours = rng.uniform(19.5, 21.5, n).tolist()
        if (local_day + 3) % 7 < 5:  # 1970-01-01, day 0, was a Thursday
            hours.append(float(rng.uniform(9.0, 11.0)))
        for hour in hours:
            spot = _building_device(w, rng)
            if spot is None:
                return out
            device, flat = spot
            data = {"room_id": flat} if flat else {}
            out.append(Raw(w.local.at(local_day, hour), device, "renovation.activity", None, None, data))
    return [r for r in out if t0 <= r.ts < t0 + DAY_MS]


def ebike_in_lift(w: World, seed: int, rates: SimRates, day: int, t0: int) -> list[Raw]:
    """A resident wheels an e-bike into the lift (`ebike.detected`, `spot` lift) at a building's camera (else
    any camera), and another is seen at an entrance (`spot` entrance, where e-bikes may be: the near miss)."""
    rng = rng_for(seed, "ebike-lift", day)
    anywhere = [d for k in ("camera", "behavior_camera") for d in w.by_kind.get(k, [])]
    cameras = [d.id for d in anywhere if d.building_id] or [d.id for d in anywhere]
    if not cameras:
        return []
    n = rates.count(rates.ebikes_in_lifts, int(rng.poisson(rates.ebikes_in_lifts)))
    out: list[Raw] = []
    for ts in w.local.sample(rng, n + 1, t0, t0 + DAY_MS):
        spot = "entrance" if len(out) == n else "lift"
        out.append(Raw(ts, pick(rng, cameras), "ebike.detected", None, None, {"spot": spot}))
    return out


def rooftop_doors(w: World, seed: int, rates: SimRates, day: int, t0: int) -> list[Raw]:
    """Rooftop doors (door magnets without a room): one opened at night, between 23:00 and 03:00 local, and
    one opened by day for maintenance (the near miss), each closed again 2-10 minutes later. Keyed by the
    local calendar day of the evening, since night hours are wall-clock hours."""
    doors = [d.id for d in w.by_kind.get("door_magnet", []) if not d.room_id]
    if not doors:
        return []
    out: list[Raw] = []
    first = w.local.day(t0)
    for local_day in (first - 1, first, first + 1):
        rng = rng_for(seed, "rooftop", local_day)
        n = rates.count(rates.rooftop_nights, int(rng.poisson(rates.rooftop_nights)))
        hours = [*rng.uniform(23.0, 27.0, n).tolist(), float(rng.uniform(10.0, 16.0))]
        for hour in hours:
            door, ts = pick(rng, doors), w.local.at(local_day, hour)
            out.append(Raw(ts, door, "door.open", None, None, {}))
            out.append(Raw(ts + int(rng.uniform(2, 10) * MIN_MS), door, "door.close", None, None, {}))
    return [r for r in out if t0 <= r.ts < t0 + DAY_MS]


COMMUTER_TAGS = 4
"""E-bike tags with a daily commute in the history, so `ebike_night_departure` knows their habit."""


def ebike_habits(w: World, seed: int, start_ts: int, t0: int, t1: int) -> list[Raw]:
    """Commuters' e-bikes out at their own morning hour and back 8-10 h later, every local day (history
    too); a night-shift worker's out at 01:30-03:30 every night (the near miss: leaving at night is their
    habit). From the simulator's start on (never in the history), one commuter's bike (a different one each
    local day) is also read leaving between 02:00 and 04:00: the theft `ebike_night_departure` catches."""
    tags = [*w.tags, *(f"RFID-SIM{k:04d}" for k in range(max(0, COMMUTER_TAGS + 1 - len(w.tags))))]
    chosen = [tags[int(i)] for i in rng_for(seed, "ebike-habit").permutation(len(tags))[: COMMUTER_TAGS + 1]]
    commuters, night_shift = chosen[:-1], chosen[-1]
    first = w.local.day(start_ts)
    out: list[Raw] = []
    for day in range(w.local.day(t0) - 1, w.local.day(t1) + 1):
        rng = rng_for(seed, "ebike-day", day)
        gate = w.gate_device("rfid_reader", "", rng)
        if gate is None:
            return []
        trips = [
            (tag, float(rng_for(seed, "ebike-usual", k).uniform(7.0, 9.0))) for k, tag in enumerate(commuters)
        ]
        trips.append((night_shift, float(rng.uniform(1.5, 3.5))))
        for tag, hour in trips:
            leave = w.local.at(day, hour + float(np.clip(rng.normal(0.0, 0.2), -0.5, 0.5)))
            back = leave + int(rng.uniform(8.0, 10.0) * HOUR_MS)
            out.append(Raw(leave, gate, "rfid.read", None, None, {"tag": tag, "direction": "out"}))
            out.append(Raw(back, gate, "rfid.read", None, None, {"tag": tag, "direction": "in"}))
        ts = w.local.at(day, float(rng.uniform(2.0, 4.0)))
        if ts >= start_ts and commuters:
            stolen = commuters[(day - first) % len(commuters)]
            out.append(Raw(ts, gate, "rfid.read", None, None, {"tag": stolen, "direction": "out"}))
    return [r for r in out if t0 <= r.ts < t1]
