"""A patrols file (resources/patrols.toml layout) that fits the simulated guards, for demos and tests.

The simulator's guards already walk fixed loops and pause at their waypoints, so the pause points make
natural checkpoints: a route per chosen guard with those points, a round every few hours and a window of one
loop (plus slack). Because a guard's position is a function of time, every round is checked in by GPS;
`decoy=True` adds to the first route a checkpoint off the loop (about 1 km north of its first point) that
nobody visits, so each of its rounds misses exactly one checkpoint and raises `patrol_missed`. The guards'
team works both shifts, so the roster never takes them off duty.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from sandbox_app.bridges.simulator.patrol import Patrol
from sandbox_app.domain.distance import offset
from sandbox_app.geo.walkgraph import WalkGraph

DECOY_NORTH_M = 1000.0


def patrol_config(
    patrols: Sequence[Patrol],
    graph: WalkGraph,
    *,
    guards: int = 3,
    every_hours: int = 2,
    radius_m: float = 30.0,
    decoy: bool = True,
) -> dict[str, Any]:
    """The parsed-TOML dict (what `patrol.config.build_patrols` reads) for the first `guards` loops by
    guard id."""
    chosen = sorted(patrols, key=lambda p: p.guard.id)[:guards]
    checkpoints: dict[str, dict[str, Any]] = {}
    routes: dict[str, dict[str, Any]] = {}
    for n, patrol in enumerate(chosen, 1):
        stops: list[str] = []
        for k in range(len(patrol.times) - 1):
            if patrol.times[k + 1] > patrol.times[k] and (patrol.x[k], patrol.y[k]) == (
                patrol.x[k + 1],
                patrol.y[k + 1],
            ):  # a pause: the guard waits at this waypoint
                lon, lat = graph.projection.to_lonlat([patrol.x[k]], [patrol.y[k]])
                cid = f"cp{n}_{len(stops) + 1}"
                checkpoints[cid] = {
                    "name": f"{patrol.guard.name}巡更点{len(stops) + 1}",
                    "lon": round(float(lon[0]), 7),
                    "lat": round(float(lat[0]), 7),
                    "radius_m": radius_m,
                }
                stops.append(cid)
        if not stops:
            continue
        if decoy and n == 1:
            first = checkpoints[stops[0]]
            far = offset(first["lon"], first["lat"], 0.0, DECOY_NORTH_M)
            checkpoints["cp_decoy"] = {"name": "未巡查点", "lon": round(far[0], 7), "lat": round(far[1], 7)}
            stops.append("cp_decoy")
        window = min(math.ceil(patrol.period_s / 60.0) + 10, every_hours * 60)
        routes[f"sim_{patrol.guard.id}"] = {
            "name": f"{patrol.guard.name}巡逻线",
            "guards": [patrol.guard.id],
            "checkpoints": stops,
            "start": [f"{h:02d}:00" for h in range(0, 24, every_hours)],
            "window_minutes": window,
        }
    team = [p.guard.id for p in chosen]
    return {
        "teams": {"sim": {"name": "模拟巡逻队", "guards": team}} if team else {},
        "shifts": {
            "day": {"name": "白班", "start": "08:00", "end": "20:00", "teams": ["sim"]},
            "night": {"name": "夜班", "start": "20:00", "end": "08:00", "teams": ["sim"]},
        }
        if team
        else {},
        "checkpoints": checkpoints,
        "routes": routes,
    }
