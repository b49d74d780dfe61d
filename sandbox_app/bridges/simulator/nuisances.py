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
