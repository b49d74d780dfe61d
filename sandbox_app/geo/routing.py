"""Travel-time routing compiled for speed: the walk graph as one scipy CSR matrix per travel mode.

Dispatch must re-rank guards on every GPS fix, so a query is one bounded Dijkstra in compiled code from the
incident over the *reversed* graph (distance from every node TO the incident), never a Python loop per
guard. Incidents and guards snap to the nearest point on an edge (not the nearest node: a long road passing
by beats a junction behind a wall); the straight leg from the point to the road is walked.

Gates are nodes that split the road they stand on. A gate closed at the query's local hour is no passage:
its edges leave the matrix and its node is unreachable. Riders and cars respect `oneway`; walkers do not.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from itertools import pairwise
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import numpy as np
import shapely

from sandbox_app.domain.model import District, Gate, Road
from sandbox_app.geo.walkgraph import NOT_WALKABLE, FloatArray, IntArray, LocalProjection, WalkGraph

if TYPE_CHECKING:  # scipy loads when a graph is first compiled, not with the module (the window's start)
    import scipy.sparse as sp

BoolArray = np.ndarray[tuple[int], np.dtype[np.bool_]]
WALK_MPS = 1.3
GATE_SNAP_M = 25.0
"""A gate farther than this from every road is left off the graph (it guards no path we know of)."""
_EPS_M = 1e-6


class Mode(StrEnum):
    FOOT = "foot"
    EBIKE = "ebike"
    CAR = "car"


CAR_KINDS: frozenset[str] = frozenset(
    {"motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary",
     "secondary_link", "tertiary", "tertiary_link", "unclassified", "residential", "living_street",
     "service", "road"}
)  # fmt: skip


def mode_allows(mode: Mode, kind: str) -> bool:
    """Whether a road kind is usable: no motorways on foot or e-bike, no steps ridden, cars on car roads."""
    if mode is Mode.CAR:
        return kind in CAR_KINDS
    if mode is Mode.EBIKE and kind == "steps":
        return False
    return kind not in NOT_WALKABLE


@dataclass(frozen=True, slots=True)
class Travel:
    """How a role moves: mode and speed on the network; the off-road legs to and from it are walked."""

    mode: Mode
    speed_mps: float
    off_graph_speed_mps: float = WALK_MPS


ROLE_TRAVEL: dict[str, Travel] = {
    "police": Travel(Mode.EBIKE, 4.2),
    "auxiliary": Travel(Mode.FOOT, WALK_MPS),
    "grid": Travel(Mode.FOOT, WALK_MPS),
    "volunteer": Travel(Mode.FOOT, WALK_MPS),
    "security": Travel(Mode.FOOT, WALK_MPS),
}
"""Role-typical travel; a station may pass its own mapping (e.g. a patrol car as Travel(Mode.CAR, 8.0))."""


def parse_closed_hours(spec: str) -> list[tuple[int, int]]:
    """Minute-of-day spans [start, end) from "23-6", "12-13;22-6" or "22:30-6:15"; may wrap midnight."""
    spans = []
    for part in spec.replace(",", ";").split(";"):
        if not part.strip():
            continue
        try:
            start, end = (_minute(x) for x in part.split("-"))
        except ValueError:
            raise ValueError(f"closed_hours: not HH[:MM]-HH[:MM]: {part.strip()!r}") from None
        spans.append((start, end))
    return spans


def _minute(text: str) -> int:
    hours, _, minutes = text.strip().partition(":")
    h, m = int(hours), int(minutes or 0)
    if not (0 <= h <= 24 and 0 <= m < 60):
        raise ValueError(text)
    return h * 60 + m


def is_closed(spans: Sequence[tuple[int, int]], minute_of_day: int) -> bool:
    for start, end in spans:
        if start <= end and start <= minute_of_day < end:
            return True
        if start > end and (minute_of_day >= start or minute_of_day < end):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Snaps:
    """Points snapped onto a mode's edges, one row each: edge index, fraction `t` from its tail, straight
    off-road metres, and the snapped point's metric coordinates."""

    edge: IntArray
    t: FloatArray
    off_m: FloatArray
    xy: FloatArray

    def __len__(self) -> int:
        return len(self.edge)

    def take(self, rows: IntArray) -> Snaps:
        return Snaps(self.edge[rows], self.t[rows], self.off_m[rows], self.xy[rows])


@dataclass(frozen=True, slots=True)
class Reach:
    """One bounded search from an incident: `dist[node]` metres from the node to the incident (inf beyond
    `limit_m`), `pred[node]` the next node towards it (the virtual incident node `n` ends a path)."""

    mode: Mode
    incident: Snaps
    dist: FloatArray
    pred: IntArray
    limit_m: float


@dataclass(slots=True)
class _ModeGraph:
    mode: Mode
    edges: IntArray
    """Indices into the routing graph's edge arrays usable in this mode."""
    fwd: BoolArray
    """Per edge of the whole graph: travel tail→head allowed in this mode (False where not usable)."""
    bwd: BoolArray
    snap_edges: IntArray
    """The usable edges of the largest connected piece: where incidents and guards snap to."""
    tree: shapely.STRtree | None
    csr: dict[frozenset[int], sp.csr_matrix] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True, slots=True)
class _Edges:
    """Edge arrays; `u` is the tail of the road's drawing direction, the one `oneway` refers to."""

    u: IntArray
    v: IntArray
    length: FloatArray
    kind: list[str]
    oneway: BoolArray

    def split(self, cuts: dict[int, list[tuple[float, int]]]) -> _Edges:
        """Edges with each edge in `cuts` replaced by a chain through the given (fraction, node) stops."""
        keep = np.ones(len(self.u), dtype=bool)
        rows: list[tuple[int, int, float, int]] = []
        for e, stops in cuts.items():
            keep[e] = False
            chain = [(0.0, int(self.u[e])), *sorted(stops), (1.0, int(self.v[e]))]
            rows += [
                (a, b, max((t1 - t0) * float(self.length[e]), _EPS_M), e)
                for (t0, a), (t1, b) in pairwise(chain)
            ]
        old = np.flatnonzero(keep)
        src = np.asarray([r[3] for r in rows], dtype=np.intp)
        return _Edges(
            np.concatenate([self.u[old], np.asarray([r[0] for r in rows], dtype=np.intp)]),
            np.concatenate([self.v[old], np.asarray([r[1] for r in rows], dtype=np.intp)]),
            np.concatenate([self.length[old], np.asarray([r[2] for r in rows], dtype=float)]),
            [self.kind[i] for i in old] + [self.kind[i] for i in src],
            np.concatenate([self.oneway[old], self.oneway[src]]),
        )


class RoutingGraph:
    """The district's roads and gates, compiled per travel mode; thread-safe queries."""

    def __init__(self, walk: WalkGraph, gates: Iterable[Gate] = (), timezone: str = "UTC") -> None:
        self.projection: LocalProjection = walk.projection
        self.tz = ZoneInfo(timezone)
        self.gate_node: dict[str, int] = {}
        """Gate id → its node; gates farther than GATE_SNAP_M from every road are missing."""
        self._gate_spans: dict[str, list[tuple[int, int]]] = {}
        self._no_cars: set[str] = set()
        self.xy, self.edges = self._place_gates(list(gates), walk.xy, _edge_arrays(walk))
        self.u, self.v, self.length = self.edges.u, self.edges.v, self.edges.length
        lon, lat = self.projection.to_lonlat(self.xy[:, 0], self.xy[:, 1])
        self.lonlat: FloatArray = np.column_stack([lon, lat]) if len(self.xy) else np.empty((0, 2))
        self._modes: dict[Mode, _ModeGraph] = {}
        self._closed_cache: dict[tuple[int, bool], tuple[frozenset[str], frozenset[int], IntArray]] = {}
        self._closed_sets: dict[frozenset[str], tuple[frozenset[str], frozenset[int], IntArray]] = {}
        """One value per distinct closed set, shared by every minute that has it: the per-minute cache
        fills over a simulated day (2,880 keys), and a copy of the sets per minute grew a wall's memory
        for hours (issue 17)."""

    @classmethod
    def from_roads(
        cls, roads: Iterable[Road], gates: Iterable[Gate] = (), timezone: str = "UTC"
    ) -> RoutingGraph:
        return cls(WalkGraph.from_roads(roads, exclude_kinds=("construction",)), gates, timezone)

    @classmethod
    def from_district(cls, district: District) -> RoutingGraph:
        return cls.from_roads(district.roads.values(), district.gates.values(), district.timezone)

    def __len__(self) -> int:
        return len(self.xy)

    # gates -------------------------------------------------------------------------------------------
    def _place_gates(self, gates: list[Gate], xy: FloatArray, edges: _Edges) -> tuple[FloatArray, _Edges]:
        """Insert each gate as a node on its nearest edge, splitting the edge (several gates: in order)."""
        for gate in gates:
            self._gate_spans[gate.id] = parse_closed_hours(gate.closed_hours)
            if gate.extra.get("vehicle") is False:
                self._no_cars.add(gate.id)
        if not gates or not len(edges.u):
            return xy, edges
        gx, gy = self.projection.to_xy([g.location.x for g in gates], [g.location.y for g in gates])
        gate_xy = np.column_stack([gx, gy])
        edge, t, off = _project(xy, edges.u, edges.v, _tree(xy, edges.u, edges.v, None), gate_xy)
        cuts: dict[int, list[tuple[float, int]]] = {}
        placed = np.flatnonzero(off <= GATE_SNAP_M)
        for node, i in enumerate(placed.tolist(), start=len(xy)):
            self.gate_node[gates[i].id] = node
            cuts.setdefault(int(edge[i]), []).append((float(t[i]), node))
        a, b = xy[edges.u[edge[placed]]], xy[edges.v[edge[placed]]]
        on_road = a + (b - a) * t[placed, None]  # the node sits on the road, where the lengths say it is
        return np.concatenate([xy, on_road]), edges.split(cuts)

    def closed_gates(self, at_ts: int, mode: Mode = Mode.FOOT) -> frozenset[str]:
        """Gates that are no passage at epoch-ms `at_ts` (local hour), for this mode."""
        return self._closed(at_ts, mode)[0]

    def _closed(self, at_ts: int, mode: Mode) -> tuple[frozenset[str], frozenset[int], IntArray]:
        """Closed gate ids, their nodes (a cache key) and the nodes as an array; cached per local minute."""
        local = datetime.fromtimestamp(at_ts / 1000, tz=self.tz)
        key = (local.hour * 60 + local.minute, mode is Mode.CAR)
        found = self._closed_cache.get(key)
        if found is None:
            ids = {g for g, spans in self._gate_spans.items() if is_closed(spans, key[0])}
            ids |= self._no_cars if key[1] else set()
            closed = frozenset(ids)
            found = self._closed_sets.get(closed)
            if found is None:
                nodes = frozenset(self.gate_node[g] for g in ids if g in self.gate_node)
                found = self._closed_sets[closed] = (closed, nodes, np.asarray(sorted(nodes), dtype=np.intp))
            self._closed_cache[key] = found
        return found

    # modes -------------------------------------------------------------------------------------------
    def _mode(self, mode: Mode) -> _ModeGraph:
        graph = self._modes.get(mode)
        if graph is None:
            graph = self._modes[mode] = self._compile(mode)
        return graph

    def _compile(self, mode: Mode) -> _ModeGraph:
        usable = np.fromiter((mode_allows(mode, k) for k in self.edges.kind), bool, count=len(self.u))
        edges = np.flatnonzero(usable)
        fwd = usable.copy()
        bwd = usable & ~self.edges.oneway if mode is not Mode.FOOT else usable.copy()
        n = len(self.xy)
        snap_edges = edges
        if len(edges):
            import scipy.sparse as sp
            from scipy.sparse.csgraph import connected_components

            undirected = sp.coo_matrix((np.ones(len(edges)), (self.u[edges], self.v[edges])), shape=(n, n))
            _, labels = connected_components(undirected, directed=False)
            counts = np.bincount(labels[self.u[edges]])
            snap_edges = edges[labels[self.u[edges]] == int(np.argmax(counts))]
        tree = _tree(self.xy, self.u, self.v, snap_edges) if len(snap_edges) else None
        return _ModeGraph(mode, edges, fwd, bwd, snap_edges, tree)

    def _reversed_csr(self, graph: _ModeGraph, closed: frozenset[int]) -> sp.csr_matrix:
        """Reversed graph (entry [head, tail] for travel tail→head) plus a virtual incident row `n` whose two
        entries are rewritten in place by each search; cached per set of closed gate nodes."""
        csr = graph.csr.get(closed)
        if csr is not None:
            return csr
        n = len(self.xy)
        e = graph.edges
        if closed:
            blocked = np.isin(self.u[e], list(closed)) | np.isin(self.v[e], list(closed))
            e = e[~blocked]
        f, b = e[graph.fwd[e]], e[graph.bwd[e]]
        rows = np.concatenate([self.v[f], self.u[b], [n, n]])
        cols = np.concatenate([self.u[f], self.v[b], [0, n]])
        data = np.concatenate([self.length[f], self.length[b], [1.0, 1.0]])
        import scipy.sparse as sp

        csr = sp.csr_matrix((data, (rows, cols)), shape=(n + 1, n + 1))
        csr.sort_indices()
        if len(graph.csr) >= 8:
            graph.csr.clear()
        graph.csr[closed] = csr
        return csr

    def matrix(self, mode: Mode, at_ts: int) -> sp.csr_matrix:
        """The mode's graph at `at_ts` as an n×n CSR of metres, entry [a, b] for travel b→a (reversed, as
        searched from an incident); `.T` gives the forward graph, e.g. for coverage from many guards."""
        graph = self._mode(mode)
        closed = self._closed(at_ts, mode)[1]
        n = len(self.xy)
        out: sp.csr_matrix = self._reversed_csr(graph, closed)[:n, :n]
        return out

    # queries -----------------------------------------------------------------------------------------
    def snap(self, mode: Mode, lon: Sequence[float] | FloatArray, lat: Sequence[float] | FloatArray) -> Snaps:
        """Nearest point on the mode's (largest connected) network for each lon/lat."""
        x, y = self.projection.to_xy(np.atleast_1d(lon), np.atleast_1d(lat))
        return self.snap_xy(mode, np.column_stack([x, y]))

    def snap_xy(self, mode: Mode, points: FloatArray) -> Snaps:
        """`snap` for points already in the graph's metres."""
        graph = self._mode(mode)
        if graph.tree is None:
            raise ValueError(f"no roads usable by {mode}")
        edge, t, off = _project(self.xy, self.u, self.v, graph.tree, points, graph.snap_edges)
        a, b = self.xy[self.u[edge]], self.xy[self.v[edge]]
        return Snaps(edge, t, off, a + (b - a) * t[:, None])

    def search(self, mode: Mode, incident: Snaps, at_ts: int, limit_m: float = np.inf) -> Reach:
        """Metres from every node to the incident (first row of `incident`), up to `limit_m`."""
        graph = self._mode(mode)
        _, closed, closed_nodes = self._closed(at_ts, mode)
        csr = self._reversed_csr(graph, closed)
        n = len(self.xy)
        e, t = int(incident.edge[0]), float(incident.t[0])
        slots = []  # reversed entries V→tail when tail→head is allowed (arrive from the tail side), etc.
        if graph.fwd[e]:
            slots.append((int(self.u[e]), t * float(self.length[e])))
        if graph.bwd[e]:
            slots.append((int(self.v[e]), (1.0 - t) * float(self.length[e])))
        slots = sorted(slots) + [(n, 1.0)] * (2 - len(slots))
        from scipy.sparse.csgraph import dijkstra

        with graph.lock:
            csr.indices[-2:] = [s[0] for s in slots]
            csr.data[-2:] = [s[1] for s in slots]
            dist, pred = dijkstra(csr, directed=True, indices=n, limit=limit_m, return_predecessors=True)
        dist = np.asarray(dist[:n], dtype=float)
        dist[closed_nodes] = np.inf
        return Reach(mode, incident, dist, np.asarray(pred, dtype=np.intp), limit_m)

    def network_m(self, reach: Reach, snaps: Snaps) -> tuple[FloatArray, IntArray]:
        """On-network metres from each snapped point to the incident and the node it joins the search tree
        at (-1: straight along the incident's own edge). inf where out of reach."""
        graph = self._mode(reach.mode)
        e, t = snaps.edge, snaps.t
        length = self.length[e]
        u, v = self.u[e], self.v[e]
        to_u = np.where(graph.bwd[e], t * length + reach.dist[u], np.inf)
        to_v = np.where(graph.fwd[e], (1.0 - t) * length + reach.dist[v], np.inf)
        via = np.where(to_u <= to_v, u, v)
        best = np.minimum(to_u, to_v)
        ahead = reach.incident.t[0] - t
        same = (e == reach.incident.edge[0]) & np.where(ahead >= 0, graph.fwd[e], graph.bwd[e])
        direct = np.where(same, np.abs(ahead) * length, np.inf)
        via = np.where(direct <= best, -1, via)
        return np.minimum(best, direct), via

    def path(self, reach: Reach, snaps: Snaps, i: int, via: int) -> FloatArray:
        """Metric polyline from snapped point `i` to the incident's snapped point."""
        nodes = []
        node = via
        n = len(self.xy)
        while 0 <= node < n:
            nodes.append(node)
            node = int(reach.pred[node])
        return np.vstack([snaps.xy[i : i + 1], self.xy[nodes].reshape(-1, 2), reach.incident.xy[:1]])


def _edge_arrays(walk: WalkGraph) -> _Edges:
    rows = [(int(d["tail"]), b if d["tail"] == a else a, d) for a, b, d in walk.graph.edges(data=True)]
    return _Edges(
        np.asarray([r[0] for r in rows], dtype=np.intp),
        np.asarray([r[1] for r in rows], dtype=np.intp),
        np.asarray([r[2]["length"] for r in rows], dtype=float),
        [str(r[2]["kind"]) for r in rows],
        np.asarray([bool(r[2]["oneway"]) for r in rows], dtype=bool),
    )


def _tree(xy: FloatArray, u: IntArray, v: IntArray, edges: IntArray | None) -> shapely.STRtree:
    if edges is None:
        return shapely.STRtree(shapely.linestrings(np.stack([xy[u], xy[v]], axis=1)))
    return shapely.STRtree(shapely.linestrings(np.stack([xy[u[edges]], xy[v[edges]]], axis=1)))


def _project(
    xy: FloatArray,
    u: IntArray,
    v: IntArray,
    tree: shapely.STRtree,
    points: FloatArray,
    edges: IntArray | None = None,
) -> tuple[IntArray, FloatArray, FloatArray]:
    """Nearest edge (index into u/v), fraction along it from u, and straight distance for each point."""
    found = tree.query_nearest(shapely.points(points), all_matches=False)
    order = np.argsort(found[0], kind="stable")
    hit = np.asarray(found[1][order], dtype=np.intp)
    edge = hit if edges is None else edges[hit]
    a, b = xy[u[edge]], xy[v[edge]]
    ab = b - a
    denom = np.maximum((ab * ab).sum(axis=1), 1e-18)
    t = np.clip(((points - a) * ab).sum(axis=1) / denom, 0.0, 1.0)
    off = np.hypot(*(points - (a + ab * t[:, None])).T)
    return edge, t, off
