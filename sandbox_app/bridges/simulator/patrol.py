"""Guards on patrol: each walks (or rides) a fixed loop of waypoints along the walk graph, pausing at each.

A guard's position is a pure function of time (the loop repeats), so any hour of fixes can be generated on
its own, in any order, and always agrees with the hour before it. Fixes carry GPS noise and sometimes drop
out for a while, as real trackers do indoors and under trees.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

import numpy as np
import numpy.typing as npt

from sandbox_app.bridges.simulator.config import ROLE_SPEED_MPS, SimRates
from sandbox_app.bridges.simulator.world import Raw, rng_for
from sandbox_app.domain.model import District, Guard
from sandbox_app.geo.walkgraph import WalkGraph

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]
HOME_RADIUS_M = 400.0
"""Grid workers and security staff patrol within this distance of their own compound."""
BATTERY_CYCLE_S = 12 * 3600.0


@dataclass(frozen=True, slots=True)
class Patrol:
    """A closed route: vertex times (s from loop start; a pause repeats a vertex) and metric coordinates."""

    guard: Guard
    device: str
    times: FloatArray
    x: FloatArray
    y: FloatArray
    phase_s: float
    course: FloatArray
    """Course (degrees from north) of each segment; a pause keeps the course it arrived with."""
    nodes: IntArray
    """Walk-graph node of each vertex (where a guard called away can rejoin the loop)."""
    speed_mps: float
    """The guard's own pace on the network, also used to answer dispatch orders."""

    @property
    def period_s(self) -> float:
        return float(self.times[-1])

    def at(self, ts: npt.NDArray[np.int64]) -> Motion:
        """Position x, y (m), speed (m/s) and course (degrees) at each epoch-ms time."""
        u = np.mod(ts / 1000.0 + self.phase_s, self.period_s)
        return along(self.times, self.x, self.y, self.course, u)[:4]

    def loop_s(self, ts: int) -> float:
        """Seconds into the loop at epoch-ms `ts`."""
        return float(np.mod(ts / 1000.0 + self.phase_s, self.period_s))


Motion = tuple[FloatArray, FloatArray, FloatArray, FloatArray]
"""x, y (m), speed (m/s) and course (degrees) per time."""


def along(
    times: FloatArray, x: FloatArray, y: FloatArray, course: FloatArray, u: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, IntArray]:
    """Interpolate a vertex path with vertex times `times` at times `u`; also the segment index of each."""
    idx = np.clip(np.searchsorted(times, u, side="right") - 1, 0, len(times) - 2)
    dt = times[idx + 1] - times[idx]
    moving = dt > 0
    frac = np.where(moving, (u - times[idx]) / np.where(moving, dt, 1.0), 0.0)
    dx, dy = x[idx + 1] - x[idx], y[idx + 1] - y[idx]
    speed = np.where(moving, np.hypot(dx, dy) / np.where(moving, dt, 1.0), 0.0)
    return x[idx] + frac * dx, y[idx] + frac * dy, speed, course[idx], idx


def build_patrols(
    district: District, graph: WalkGraph, trackers: list[tuple[Guard, str]], seed: int, rates: SimRates
) -> list[Patrol]:
    """One loop per guard with a tracker; empty when the district has no usable paths."""
    if graph.graph.number_of_edges() == 0:
        return []
    return [
        _patrol(district, graph, guard, device, rng_for(seed, "patrol", i), rates)
        for i, (guard, device) in enumerate(trackers)
    ]


def _home_nodes(district: District, graph: WalkGraph, guard: Guard) -> npt.NDArray[np.intp]:
    compound = district.compounds.get(str(guard.extra.get("compound_id") or ""))
    if compound is not None:
        c = compound.boundary.centroid
        cx, cy = graph.projection.to_xy([c.x], [c.y])
        near = np.flatnonzero(np.hypot(graph.xy[:, 0] - cx[0], graph.xy[:, 1] - cy[0]) < HOME_RADIUS_M)
        if len(near) >= 2:
            return near
    return np.arange(len(graph), dtype=np.intp)


def _patrol(
    district: District, graph: WalkGraph, guard: Guard, device: str, rng: np.random.Generator, rates: SimRates
) -> Patrol:
    lo, hi = ROLE_SPEED_MPS.get(guard.role, (1.2, 1.5))
    speed = float(rng.uniform(lo, hi))
    pool = _home_nodes(district, graph, guard)
    stops = [int(n) for n in rng.choice(pool, size=int(rng.integers(*rates.patrol_waypoints, endpoint=True)))]
    stops.append(stops[0])
    route: list[int] = [stops[0]]
    dwell_at: list[int] = [0]
    for a, b in pairwise(stops):
        route.extend(graph.shortest_path(a, b)[1:])
        dwell_at.append(len(route) - 1)
    times, xs, ys = [0.0], [graph.xy[route[0], 0]], [graph.xy[route[0], 1]]
    stop_set = set(dwell_at[1:])
    for k in range(1, len(route)):
        p, q = graph.xy[route[k - 1]], graph.xy[route[k]]
        times.append(times[-1] + max(float(np.hypot(*(q - p))) / speed, 1e-3))
        xs.append(q[0])
        ys.append(q[1])
        if k in stop_set:
            times.append(times[-1] + float(rng.uniform(*rates.dwell_s)))
            xs.append(q[0])
            ys.append(q[1])
    repeats = [2 if k and k in stop_set else 1 for k in range(len(route))]
    if len(route) == 1:
        # every waypoint drawn was the same node: the guard keeps a post there (a loop of one pause),
        # never a loop of length zero, which has no position at any time
        times.append(float(rng.uniform(*rates.dwell_s)))
        xs.append(xs[0])
        ys.append(ys[0])
        repeats = [2]
    x, y = np.asarray(xs), np.asarray(ys)
    phase = float(rng.uniform(0, times[-1]))
    nodes = np.repeat(np.asarray(route, dtype=np.intp), repeats)
    return Patrol(guard, device, np.asarray(times), x, y, phase, courses(x, y), nodes, speed)


def courses(x: FloatArray, y: FloatArray) -> FloatArray:
    """Course of each segment; a pause (or any zero-length segment) keeps the course it arrived with."""
    out = np.zeros(max(len(x) - 1, 1))
    last = 0.0
    for i in range(len(x) - 1):
        dx, dy = x[i + 1] - x[i], y[i + 1] - y[i]
        if dx or dy:
            last = math.degrees(math.atan2(dx, dy)) % 360.0
        out[i] = last
    return out


class Detour(Protocol):
    """Where a guard called away from the loop is instead (`sim.response.Moves` fits)."""

    def apply(self, ts: npt.NDArray[np.int64], motion: Motion) -> Motion: ...


def fixes(
    patrols: list[Patrol],
    graph: WalkGraph,
    t0: int,
    t1: int,
    key: int,
    seed: int,
    rates: SimRates,
    detours: Mapping[int, Detour] | None = None,
) -> list[Raw]:
    """Every guard's gps.fix in [t0, t1): every 5-10 s, noisy, with an occasional drop-out.

    `detours` (by patrol index) replace the loop's positions where a guard answers an order; the fix times
    and noise draws stay those of the loop, so every other event and every id is unchanged.
    """
    out: list[Raw] = []
    for i, patrol in enumerate(patrols):
        rng, ts = _hour_fixes(seed, i, key, t0, t1, rates)
        if len(ts) == 0:
            continue
        x, y, speed, course = patrol.at(ts)
        detour = detours.get(i) if detours else None
        if detour is not None:
            x, y, speed, course = detour.apply(ts, (x, y, speed, course))
        x = x + rng.normal(0.0, rates.gps_noise_m, len(ts))
        y = y + rng.normal(0.0, rates.gps_noise_m, len(ts))
        lon, lat = graph.projection.to_lonlat(x, y)
        speed = np.maximum(speed * rng.normal(1.0, 0.05, len(ts)), 0.0)
        battery = _battery(patrol, ts)
        cols = (ts, lon.round(7), lat.round(7), speed.round(2), course.round(1), battery)
        dev = patrol.device
        for t, lo, la, sp, co, ba in zip(*(c.tolist() for c in cols), strict=True):
            out.append(Raw(t, dev, "gps.fix", lo, la, {"speed": sp, "course": co, "battery": ba}))
    return out


def _battery(patrol: Patrol, ts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Battery percent: drains from 100 to 20 over a 12-hour shift, then the tracker is swapped."""
    used = np.mod(ts / 1000.0 + patrol.phase_s, BATTERY_CYCLE_S) / BATTERY_CYCLE_S
    return np.asarray(100 - (used * 80).astype(np.int64), dtype=np.int64)


def _hour_fixes(
    seed: int, i: int, key: int, t0: int, t1: int, rates: SimRates
) -> tuple[np.random.Generator, npt.NDArray[np.int64]]:
    """Guard i's fix times in hour `key` and the generator, positioned for that hour's noise draws."""
    rng = rng_for(seed, "gps", i, key)
    return rng, _fix_times(rng, t0, t1, rates, (seed & 0xFFFF_FFFF) << 20 | i)


def _fix_times(
    rng: np.random.Generator, t0: int, t1: int, rates: SimRates, stream: int
) -> npt.NDArray[np.int64]:
    """Fix k of a tracker is at k * mean + jitter(k), jitter a hash of (stream, k) within a quarter of the
    interval range, so consecutive fixes are always `gps_interval_s` apart, across hour boundaries too."""
    lo, hi = (v * 1000.0 for v in rates.gps_interval_s)
    mean, jitter = (lo + hi) / 2, (hi - lo) / 4
    origin = float(_unit(np.asarray([stream], dtype=np.uint64))[0]) * mean
    ks = np.arange(math.ceil((t0 - origin - jitter) / mean), math.floor((t1 - origin + jitter) / mean) + 1)
    u = _unit(np.asarray(ks, dtype=np.uint64) * np.uint64(0x100000001B3) ^ np.uint64(stream))
    ts = (origin + ks * mean + (2 * u - 1) * jitter).astype(np.int64)
    ts = ts[(ts >= t0) & (ts < t1)]
    if rng.random() < rates.gps_gap_per_hour * (t1 - t0) / 3_600_000:
        g0 = rng.uniform(t0, t1)
        ts = ts[(ts < g0) | (ts >= g0 + rng.uniform(*rates.gps_gap_s) * 1000.0)]
    return np.asarray(ts, dtype=np.int64)


def _unit(x: npt.NDArray[np.uint64]) -> FloatArray:
    """splitmix64 of each value → uniform [0, 1): a counter-based draw, the same for any window."""
    z = x + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    z = z ^ (z >> np.uint64(31))
    return np.asarray((z >> np.uint64(11)).astype(np.float64) / float(1 << 53), dtype=np.float64)


def jump_fix(
    patrols: list[Patrol],
    graph: WalkGraph,
    hour: tuple[int, int],
    seed: int,
    rates: SimRates,
    rng: np.random.Generator,
) -> Raw | None:
    """A multipath spike: one second after one of a tracker's real fixes in the given (hour key, hour
    start), it reports a point ~1 km from where the guard is; no speed limit can take that for real."""
    i = int(rng.random() * len(patrols))
    patrol = patrols[i]
    _, times = _hour_fixes(seed, i, hour[0], hour[1], hour[1] + 3_600_000, rates)
    if len(times) == 0:
        return None
    ts = int(times[int(rng.random() * len(times))]) + 1000
    x, y, _, course = patrol.at(np.asarray([ts], dtype=np.int64))
    angle = rng.uniform(0, 2 * math.pi)
    dist = rng.uniform(800.0, 1500.0)
    lon, lat = graph.projection.to_lonlat(x + dist * math.sin(angle), y + dist * math.cos(angle))
    battery = int(_battery(patrol, np.asarray([ts], dtype=np.int64))[0])
    data = {"speed": 0.0, "course": round(float(course[0]), 1), "battery": battery}
    return Raw(ts, patrol.device, "gps.fix", round(float(lon[0]), 7), round(float(lat[0]), 7), data)
