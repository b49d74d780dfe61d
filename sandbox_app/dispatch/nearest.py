"""Which guards reach an incident first: the k shortest travel times at a moment, stale fixes flagged.

Guards are snapped to the network once per position (`prepare_fleet`), so a query is one bounded Dijkstra
per travel mode from the incident plus numpy over the guards. The search horizon starts at 1.5× the k-th
smallest straight-line bound and doubles until k fresh guards are inside it: a guard whose ETA is within
the horizon is exact, and every guard outside it is slower, so the answer equals an unbounded search.
Guards whose straight-line bound already exceeds the horizon are never priced.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from sandbox_app.domain.model import District, Guard
from sandbox_app.geo.routing import ROLE_TRAVEL, WALK_MPS, Mode, Reach, RoutingGraph, Snaps, Travel
from sandbox_app.geo.walkgraph import FloatArray, IntArray
from sandbox_app.store.base import Fix, Store

DEFAULT_MAX_FIX_AGE_S = 300.0
MIN_HORIZON_S = 60.0
HORIZON_SLACK = 1.5
"""First horizon = slack × the k-th smallest straight-line bound: streets are rarely 1.5× longer."""
HORIZON_GROWTH = 2.0
MAX_FINITE_HORIZON_S = 4 * 3600.0
_DEFAULT_TRAVEL = Travel(Mode.FOOT, WALK_MPS)


@dataclass(frozen=True, slots=True)
class Candidate:
    guard: str
    eta_s: float
    distance_m: float
    path: list[tuple[float, float]]
    """(lon, lat) from the guard's last fix, along the roads, to the incident."""
    stale: bool
    role: str
    mode: str = "foot"
    """How the guard travels (a `Mode` value: foot, ebike, car): 610 m on foot may take longer than 1,334 m
    by e-bike, and the commander must see why."""

    def to_json(self) -> dict[str, Any]:
        return {
            "guard": self.guard,
            "eta_s": round(self.eta_s, 1),
            "distance_m": round(self.distance_m, 1),
            "path": [[round(lon, 7), round(lat, 7)] for lon, lat in self.path],
            "stale": self.stale,
            "role": self.role,
            "mode": self.mode,
        }


@dataclass(frozen=True, slots=True)
class Nearest:
    candidates: list[Candidate]
    """Up to k guards with fresh fixes, fastest first (ties by guard id)."""
    stale: list[Candidate]
    """Up to k guards whose last fix is too old, fastest first: shown flagged, never silently dropped."""

    def ranked(self) -> list[Candidate]:
        return [*self.candidates, *self.stale]


@dataclass(frozen=True, slots=True)
class _Group:
    rows: IntArray
    snaps: Snaps
    speed: FloatArray
    off_speed: FloatArray


@dataclass(frozen=True, slots=True)
class Fleet:
    """Guard positions snapped to each guard's travel mode, ready to rank against any incident."""

    ids: list[str]
    roles: list[str]
    ts: IntArray
    lonlat: FloatArray
    groups: dict[Mode, _Group]
    slot: list[tuple[Mode, int]]
    """Per guard: its mode group and row within that group."""


def prepare_fleet(
    router: RoutingGraph,
    ids: Sequence[str],
    roles: Sequence[str],
    lonlat: FloatArray,
    ts: Sequence[int] | IntArray,
    travel: Mapping[str, Travel] = ROLE_TRAVEL,
) -> Fleet:
    """Snap every guard once (vectorised per mode); roles missing from `travel` walk."""
    profiles = [travel.get(role, _DEFAULT_TRAVEL) for role in roles]
    lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    groups = {}
    slot: list[tuple[Mode, int]] = [(Mode.FOOT, -1)] * len(profiles)
    for mode in sorted({p.mode for p in profiles}):
        rows = np.asarray([i for i, p in enumerate(profiles) if p.mode is mode], dtype=np.intp)
        for j, i in enumerate(rows.tolist()):
            slot[i] = (mode, j)
        speed = np.asarray([profiles[i].speed_mps for i in rows], dtype=float)
        off_speed = np.asarray([profiles[i].off_graph_speed_mps for i in rows], dtype=float)
        snaps = router.snap(mode, lonlat[rows, 0], lonlat[rows, 1])
        groups[mode] = _Group(rows, snaps, speed, off_speed)
    return Fleet(list(ids), list(roles), np.asarray(ts, dtype=np.int64), lonlat, groups, slot)


@dataclass(slots=True)
class _Round:
    eta: FloatArray
    dist: FloatArray
    via: IntArray
    reaches: dict[Mode, Reach]


def rank(
    router: RoutingGraph,
    fleet: Fleet,
    lon: float,
    lat: float,
    at_ts: int,
    *,
    k: int = 5,
    eligible: np.ndarray[tuple[int], np.dtype[np.bool_]] | None = None,
    max_fix_age_s: float = DEFAULT_MAX_FIX_AGE_S,
) -> Nearest:
    """The k fastest eligible guards to (lon, lat) at `at_ts`, and up to k stale ones within the horizon."""
    n = len(fleet.ids)
    ok = np.ones(n, dtype=bool) if eligible is None else np.asarray(eligible, dtype=bool)
    stale = (at_ts - fleet.ts) > max_fix_age_s * 1000.0
    x, y = router.projection.to_xy([lon], [lat])
    where = np.asarray([x[0], y[0]])
    incidents = {
        mode: router.snap_xy(mode, where[None, :]) for mode, g in fleet.groups.items() if ok[g.rows].any()
    }
    bound = _lower_bounds(fleet, incidents)
    horizon = _first_horizon(bound[ok & ~stale], k)
    while True:
        found = _round(router, fleet, incidents, bound, at_ts, ok, horizon)
        fresh = ok & ~stale & (found.eta <= horizon)
        if fresh.sum() >= k or np.isinf(horizon):
            break
        horizon = horizon * HORIZON_GROWTH if horizon < MAX_FINITE_HORIZON_S else np.inf
    flagged = ok & stale & (found.eta <= horizon)
    return Nearest(
        _candidates(router, fleet, found, _top(fleet, found.eta, fresh, k), (float(lon), float(lat)), False),
        _candidates(router, fleet, found, _top(fleet, found.eta, flagged, k), (float(lon), float(lat)), True),
    )


def _lower_bounds(fleet: Fleet, incidents: Mapping[Mode, Snaps]) -> FloatArray:
    """Per guard, a time no route can beat: both off-road legs walked, and the straight line between the
    two snapped points at road speed (the network is never shorter than that line)."""
    bound = np.full(len(fleet.ids), np.inf)
    for mode, incident in incidents.items():
        group = fleet.groups[mode]
        crow = np.hypot(*(group.snaps.xy - incident.xy[0]).T)
        legs = group.snaps.off_m + incident.off_m[0]
        bound[group.rows] = crow / group.speed + legs / group.off_speed
    return bound


def _first_horizon(bounds: FloatArray, k: int) -> float:
    if len(bounds) < k:
        return MAX_FINITE_HORIZON_S if len(bounds) else np.inf
    kth = float(np.partition(bounds, k - 1)[k - 1])
    return max(MIN_HORIZON_S, HORIZON_SLACK * kth) if np.isfinite(kth) else np.inf


def _round(
    router: RoutingGraph,
    fleet: Fleet,
    incidents: Mapping[Mode, Snaps],
    bound: FloatArray,
    at_ts: int,
    ok: np.ndarray[tuple[int], np.dtype[np.bool_]],
    horizon_s: float,
) -> _Round:
    """One bounded search per mode with a guard possibly inside the horizon; exact for ETAs <= horizon."""
    n = len(fleet.ids)
    out = _Round(np.full(n, np.inf), np.full(n, np.inf), np.full(n, -1, dtype=np.intp), {})
    for mode, incident in incidents.items():
        group = fleet.groups[mode]
        near = np.flatnonzero(ok[group.rows] & (bound[group.rows] <= horizon_s))
        if not len(near):
            continue
        limit = horizon_s * float(group.speed[near].max())
        reach = out.reaches[mode] = router.search(mode, incident, at_ts, limit)
        net, via = router.network_m(reach, group.snaps.take(near))
        off = group.snaps.off_m[near] + incident.off_m[0]
        rows = group.rows[near]
        out.eta[rows] = net / group.speed[near] + off / group.off_speed[near]
        out.dist[rows] = net + off
        out.via[rows] = via
    return out


def _top(
    fleet: Fleet, eta: FloatArray, mask: np.ndarray[tuple[int], np.dtype[np.bool_]], k: int
) -> list[int]:
    rows = np.flatnonzero(mask & np.isfinite(eta))
    if len(rows) > 4 * k:  # partial sort first: thousands of guards, five wanted
        rows = rows[np.argpartition(eta[rows], 4 * k)[: 4 * k]]
    return sorted(rows.tolist(), key=lambda i: (eta[i], fleet.ids[i]))[:k]


def _candidates(
    router: RoutingGraph, fleet: Fleet, found: _Round, rows: list[int], to: tuple[float, float], stale: bool
) -> list[Candidate]:
    """Candidates with their paths; all paths go through one projection call (it dominates per call)."""
    if not rows:
        return []
    legs = []
    for i in rows:
        mode, j = fleet.slot[i]
        legs.append(router.path(found.reaches[mode], fleet.groups[mode].snaps, j, int(found.via[i])))
    lon, lat = router.projection.to_lonlat(*np.concatenate(legs).T)
    ends = np.cumsum([len(leg) for leg in legs])
    out = []
    for i, end, size in zip(rows, ends.tolist(), (len(leg) for leg in legs), strict=True):
        on_roads = list(zip(lon[end - size : end].tolist(), lat[end - size : end].tolist(), strict=True))
        start = (float(fleet.lonlat[i, 0]), float(fleet.lonlat[i, 1]))
        path = _dedupe([start, *on_roads, to])
        out.append(
            Candidate(
                fleet.ids[i],
                float(found.eta[i]),
                float(found.dist[i]),
                path,
                stale,
                fleet.roles[i],
                str(fleet.slot[i][0]),
            )
        )
    return out


def _dedupe(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out = points[:1]
    for p in points[1:]:
        if abs(p[0] - out[-1][0]) > 1e-9 or abs(p[1] - out[-1][1]) > 1e-9:
            out.append(p)
    return out


def nearest_guards(
    router: RoutingGraph,
    district: District,
    fixes: Mapping[str, Fix],
    lon: float,
    lat: float,
    at_ts: int,
    *,
    k: int = 5,
    busy: Collection[str] = frozenset(),
    on_duty: Callable[[Guard], bool] | None = None,
    roles: Collection[str] | None = None,
    max_fix_age_s: float = DEFAULT_MAX_FIX_AGE_S,
    travel: Mapping[str, Travel] = ROLE_TRAVEL,
) -> Nearest:
    """Rank the district's guards by travel time to (lon, lat) at `at_ts`.

    `fixes` are last fixes by device (e.g. `store.last_fixes(at_ts)`); guards without a fix, in `busy`
    (already on a dispatch), failing `on_duty` (default: everyone is on duty) or outside `roles` are left out.
    """
    chosen = [
        (guard, fix)
        for device, guard in sorted(district.guard_by_device().items(), key=lambda item: item[1].id)
        if (fix := fixes.get(device)) is not None and fix.ts <= at_ts and guard.id not in busy
        and (roles is None or str(guard.role) in roles) and (on_duty is None or on_duty(guard))
    ]  # fmt: skip
    if not chosen:
        return Nearest([], [])
    fleet = prepare_fleet(
        router,
        [g.id for g, _ in chosen],
        [str(g.role) for g, _ in chosen],
        np.asarray([(f.lon, f.lat) for _, f in chosen], dtype=float),
        [f.ts for _, f in chosen],
        travel,
    )
    return rank(router, fleet, lon, lat, at_ts, k=k, max_fix_age_s=max_fix_age_s)


def nearest_from_store(
    store: Store, district: District, router: RoutingGraph, lon: float, lat: float, at_ts: int, **options: Any
) -> Nearest:
    """`nearest_guards` with positions from the store's last fixes at `at_ts`."""
    return nearest_guards(router, district, store.last_fixes(at_ts), lon, lat, at_ts, **options)
