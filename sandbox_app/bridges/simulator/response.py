"""Simulated guards answering dispatch orders: acknowledge like a person, walk there, stay, report, go back.

An order to a guard's tracker is answered after a seeded, human-like delay (or, for a configurable share,
never, so the desk's escalation shows). From the acknowledgement on, the guard leaves the patrol loop and
goes along the walk graph at its own pace to the order's point (the last leg off the paths is walked), stays
a few minutes, replies `handled` and `feedback`, then walks to the point of its loop where it can meet the
loop's schedule earliest and waits there, so the patrol resumes exactly where the timetable says.

Everything is decided when the order arrives, from (seed, dispatch id) and the order's time, and stored as
`Track`s: the stream stays a pure function of (seed, orders received and when). Fix times and noise are the
loop's own, so an order moves one guard's fixes and changes no other event and no id.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field, replace

import networkx as nx
import numpy as np
import numpy.typing as npt

from sandbox_app.bridges.orders import Reply
from sandbox_app.bridges.simulator.config import SimRates
from sandbox_app.bridges.simulator.patrol import FloatArray, IntArray, Motion, Patrol, along, courses
from sandbox_app.bridges.simulator.world import rng_for
from sandbox_app.domain.dispatch import Order
from sandbox_app.geo.walkgraph import WalkGraph

OFF_PATH_MPS = 1.3
"""Pace of the straight legs between the paths and an incident off them (riders push their bikes there)."""


@dataclass(frozen=True, slots=True)
class Track:
    """A guard off the loop from `t0` until `end` (epoch ms): vertex times in seconds from `t0`, metric
    coordinates, and the walk-graph node of each vertex (-1 off the paths). After the last vertex the guard
    stands still until `end`, when the loop takes over again."""

    t0: int
    end: int
    times: FloatArray
    x: FloatArray
    y: FloatArray
    course: FloatArray
    nodes: IntArray

    def at(
        self, ts: npt.NDArray[np.int64]
    ) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, IntArray]:
        u = np.clip((ts - self.t0) / 1000.0, 0.0, self.times[-1])
        return along(self.times, self.x, self.y, self.course, u)


@dataclass(frozen=True, slots=True)
class Moves:
    """One guard's tracks, in time order and never overlapping; the loop holds everywhere else."""

    tracks: tuple[Track, ...] = ()

    def covering(self, ts: int) -> Track | None:
        return next((t for t in self.tracks if t.t0 <= ts < t.end), None)

    def cut(self, ts: int) -> Moves:
        """Forget everything planned from `ts` on (a new order or a stand-down takes over)."""
        kept = tuple(replace(t, end=min(t.end, ts)) for t in self.tracks if t.t0 < ts)
        return Moves(kept)

    def then(self, track: Track) -> Moves:
        return Moves((*self.cut(track.t0).tracks, track))

    def apply(self, ts: npt.NDArray[np.int64], motion: Motion) -> Motion:
        """The loop's motion at `ts` with the tracks' positions where they hold."""
        x, y, speed, course = (np.array(a, dtype=float) for a in motion)
        for track in self.tracks:
            mask = (ts >= track.t0) & (ts < track.end)
            if mask.any():
                x[mask], y[mask], speed[mask], course[mask], _ = track.at(ts[mask])
        return x, y, speed, course


class _Builder:
    """Collects a track vertex by vertex, each leg at its own pace."""

    def __init__(self, t0: int, x: float, y: float, node: int) -> None:
        self.t0 = t0
        self.times, self.xs, self.ys, self.nodes = [0.0], [x], [y], [node]

    @property
    def now(self) -> int:
        return self.t0 + math.ceil(self.times[-1] * 1000.0)

    def go(self, x: float, y: float, node: int, speed: float) -> None:
        step = math.hypot(x - self.xs[-1], y - self.ys[-1])
        self.times.append(self.times[-1] + max(step / speed, 1e-3))
        self.xs.append(x)
        self.ys.append(y)
        self.nodes.append(node)

    def walk(self, graph: WalkGraph, path: list[int], speed: float) -> None:
        for node in path:
            if node != self.nodes[-1]:
                self.go(float(graph.xy[node, 0]), float(graph.xy[node, 1]), node, speed)

    def wait_until(self, ts: int) -> None:
        self.go(self.xs[-1], self.ys[-1], self.nodes[-1], 1.0)
        self.times[-1] = max(self.times[-1], (ts - self.t0) / 1000.0)

    def build(self) -> Track:
        x, y = np.asarray(self.xs), np.asarray(self.ys)
        times = np.asarray(self.times)
        nodes = np.asarray(self.nodes, dtype=np.intp)
        return Track(self.t0, self.now, times, x, y, courses(x, y), nodes)


@dataclass(slots=True)
class _Job:
    index: int
    accept_ts: int
    leave_ts: int
    """When the guard leaves the scene (the end of the part a stand-down can still cut short)."""
    prior: Moves | None = None
    """The guard's moves before this order; None when the order did not move the guard."""


@dataclass(slots=True)
class Responder:
    """The orders the simulated guards received and what they do about them."""

    graph: WalkGraph
    patrols: list[Patrol]
    seed: int
    rates: SimRates
    moves: dict[int, Moves] = field(default_factory=dict)
    """Detours by patrol index, what `patrol.fixes` applies."""
    _jobs: dict[str, _Job] = field(default_factory=dict)
    _replies: list[tuple[int, int, Reply]] = field(default_factory=list)
    _seq: int = 0

    def knows(self, device: str | None) -> bool:
        return any(p.device == device for p in self.patrols)

    def take(self, order: Order, ts: int) -> int | None:
        """Act on an order received at `ts`; returns the time from which the guard's fixes changed."""
        index = next((i for i, p in enumerate(self.patrols) if p.device == order.device), None)
        if index is None:
            return None
        if order.action == "cancel":
            return self._cancel(order, ts)
        if order.dispatch_id in self._jobs:
            return None  # a retried or redelivered order: the guard already has it
        return self._dispatch(index, order, ts)

    def drain(self, until_ts: int) -> list[Reply]:
        """Replies with ts < until_ts, in time order, each handed out once."""
        self._replies.sort(key=lambda r: (r[0], r[1]))
        due = [r for _, _, r in self._replies if r.ts < until_ts]
        self._replies = [r for r in self._replies if r[2].ts >= until_ts]
        return due

    # planning ----------------------------------------------------------------------------------------
    def _reply(self, order: Order, state: str, ts: int, note: str = "") -> None:
        self._seq += 1
        self._replies.append((ts, self._seq, Reply(order.dispatch_id, order.guard, state, ts, note)))

    def _dispatch(self, index: int, order: Order, ts: int) -> int | None:
        rates = self.rates
        rng = rng_for(self.seed, "order", zlib.crc32(order.dispatch_id.encode()))
        silent, declines = rng.random(), rng.random()
        accept = ts + round(float(rng.uniform(*rates.order_answer_s)) * 1000)
        stay_ms = round(float(rng.uniform(*rates.on_scene_s)) * 1000)
        paperwork_ms = round(float(rng.uniform(*rates.feedback_s)) * 1000)
        if silent < rates.order_no_answer:
            self._jobs[order.dispatch_id] = _Job(index, accept, accept)
            return None
        if declines < rates.order_decline:
            self._jobs[order.dispatch_id] = _Job(index, accept, accept)
            self._reply(order, "declined", accept, rates.decline_note)
            return None
        self._reply(order, "accepted", accept)
        if order.lon is None or order.lat is None:  # nowhere to go: the guard can only report by hand
            self._jobs[order.dispatch_id] = _Job(index, accept, accept)
            return None
        track, leave = self._respond(index, accept, (order.lon, order.lat), stay_ms)
        prior = self.moves.get(index, Moves())
        self._jobs[order.dispatch_id] = _Job(index, accept, leave, prior)
        self.moves[index] = prior.then(track)
        if rates.order_reports:
            self._reply(order, "handled", leave)
            self._reply(order, "feedback", leave + paperwork_ms, rates.feedback_note)
        return accept

    def _cancel(self, order: Order, ts: int) -> int | None:
        """Stand down: answers not yet given are dropped; a guard on the way or on scene goes back to the
        loop from where it is; one that had not set off yet keeps to what it was doing before."""
        job = self._jobs.get(order.dispatch_id)
        if job is None:
            return None
        self._replies = [r for r in self._replies if r[2].dispatch_id != order.dispatch_id or r[0] < ts]
        if job.prior is None or ts >= job.leave_ts:
            return None
        if ts < job.accept_ts:
            self.moves[job.index] = job.prior
            return ts
        patrol, graph = self.patrols[job.index], self.graph
        x, y, nodes = self._where(job.index, ts)
        near = min(nodes, key=lambda n: math.dist((x, y), graph.xy[n])) if nodes else None
        node = graph.nearest_node(*self._lonlat(x, y)) if near is None else near
        b = _Builder(ts, x, y, -1)
        b.go(float(graph.xy[node, 0]), float(graph.xy[node, 1]), node, patrol.speed_mps)
        self._rejoin(patrol, b, node)
        self.moves[job.index] = self.moves.get(job.index, Moves()).then(b.build())
        job.leave_ts = ts
        return ts

    def _respond(self, index: int, ts: int, target: tuple[float, float], stay_ms: int) -> tuple[Track, int]:
        """From wherever the guard is at `ts`: go to the target, stay, go back to the loop."""
        patrol, graph = self.patrols[index], self.graph
        x, y, nodes = self._where(index, ts)
        tx, ty = (float(v[0]) for v in graph.projection.to_xy([target[0]], [target[1]]))
        goal = graph.nearest_node(*target)
        b = _Builder(ts, x, y, -1)
        b.walk(graph, self._way(x, y, nodes, goal), patrol.speed_mps)
        b.go(tx, ty, -1, min(OFF_PATH_MPS, patrol.speed_mps))
        b.wait_until(b.now + stay_ms)
        leave = b.now
        b.go(float(graph.xy[goal, 0]), float(graph.xy[goal, 1]), goal, min(OFF_PATH_MPS, patrol.speed_mps))
        self._rejoin(patrol, b, goal)
        return b.build(), leave

    def _way(self, x: float, y: float, nodes: tuple[int, ...], goal: int) -> list[int]:
        """Nodes from the guard's segment to `goal`: out by whichever end of the segment is shorter."""
        if not nodes:
            nodes = (self.graph.nearest_node(*self._lonlat(x, y)),)
        best: tuple[float, list[int]] | None = None
        for node in nodes:
            length, path = nx.single_source_dijkstra(self.graph.graph, node, goal, weight="length")
            cost = math.dist((x, y), self.graph.xy[node]) + float(length)
            if best is None or cost < best[0]:
                best = (cost, list(path))
        assert best is not None
        return best[1]

    def _rejoin(self, patrol: Patrol, b: _Builder, node: int) -> None:
        """Walk from `node` to the loop vertex the timetable passes soonest after the guard can be there,
        and wait there for it; the loop takes over at that moment."""
        dist = self.graph.distances_from(node)
        loop = patrol.nodes[:-1]
        metres = np.asarray([dist.get(int(n), np.inf) for n in loop])
        arrive = b.now + metres / patrol.speed_mps * 1000.0
        wait = np.mod(
            patrol.times[:-1] - np.mod(arrive / 1000.0 + patrol.phase_s, patrol.period_s), patrol.period_s
        )
        meet = arrive + wait * 1000.0
        k = int(np.argmin(meet))
        b.walk(self.graph, self.graph.shortest_path(node, int(loop[k])), patrol.speed_mps)
        b.wait_until(math.ceil(float(meet[k])))

    def _where(self, index: int, ts: int) -> tuple[float, float, tuple[int, ...]]:
        """Where the guard is at `ts` and the graph nodes at the ends of the segment it is on."""
        arr = np.asarray([ts], dtype=np.int64)
        track = self.moves.get(index, Moves()).covering(ts)
        if track is not None:
            x, y, _, _, idx = track.at(arr)
            ends = track.nodes[idx[0] : idx[0] + 2]
        else:
            p = self.patrols[index]
            x, y, _, _, idx = along(p.times, p.x, p.y, p.course, np.asarray([p.loop_s(ts)]))
            ends = p.nodes[idx[0] : idx[0] + 2]
        return float(x[0]), float(y[0]), tuple(dict.fromkeys(int(n) for n in ends if n >= 0))

    def _lonlat(self, x: float, y: float) -> tuple[float, float]:
        lon, lat = self.graph.projection.to_lonlat([x], [y])
        return float(lon[0]), float(lat[0])
