"""Coverage: how long the fastest on-duty guard needs to reach every junction, and what is too far.

One multi-source Dijkstra answers it for all guards at once: the per-mode graphs (in seconds at that mode's
speed) are stacked block-diagonally, every guard is a virtual source joined to both ends of the edge it
snapped to, and scipy's `min_only` search keeps the best time per node. The first leg along the guard's own
edge ignores one-way (a rider may walk the bike that far); closed gates are honoured through
`RoutingGraph.matrix`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from sandbox_app.geo.routing import ROLE_TRAVEL, WALK_MPS, Mode, RoutingGraph, Travel
from sandbox_app.geo.walkgraph import FloatArray

_DEFAULT = Travel(Mode.FOOT, WALK_MPS)


@dataclass(frozen=True, slots=True)
class Coverage:
    seconds: FloatArray
    """Per routing-graph node: the shortest travel time from any guard (inf where none reaches)."""
    limit_s: float
    """Nodes (and edges) farther than this from every guard count as uncovered."""

    def uncovered_edges(self, router: RoutingGraph) -> np.ndarray[tuple[int], np.dtype[np.intp]]:
        """Edges whose both ends are beyond the limit: a stretch of road no guard reaches in time."""
        far = self.seconds > self.limit_s
        return np.flatnonzero(far[router.u] & far[router.v])

    def uncovered_segments(self, router: RoutingGraph) -> FloatArray:
        """(k, 2, 2) lon/lat of the uncovered edges' end points, for the map."""
        edges = self.uncovered_edges(router)
        return np.stack([router.lonlat[router.u[edges]], router.lonlat[router.v[edges]]], axis=1)


def coverage(
    router: RoutingGraph,
    roles: Sequence[str],
    lonlat: FloatArray,
    at_ts: int,
    limit_s: float,
    travel: Mapping[str, Travel] = ROLE_TRAVEL,
) -> Coverage:
    """Travel time from the nearest of the guards (`roles[i]` at `lonlat[i]`) to every node at `at_ts`."""
    n = len(router)
    lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    profiles = [travel.get(role, _DEFAULT) for role in roles]
    groups = sorted({(p.mode, p.speed_mps, p.off_graph_speed_mps) for p in profiles})
    if n == 0 or not groups:
        return Coverage(np.full(n, np.inf), limit_s)
    size = len(groups) * n
    blocks, heads, targets, costs = [], [], [], []
    guards = 0
    closed = np.zeros((len(groups), n), dtype=bool)
    for g, group in enumerate(groups):
        mode, speed, off_speed = group
        blocks.append(router.matrix(mode, at_ts).T.tocsr() / speed)
        shut = [router.gate_node[x] for x in router.closed_gates(at_ts, mode) if x in router.gate_node]
        closed[g, shut] = True
        rows = [i for i, p in enumerate(profiles) if (p.mode, p.speed_mps, p.off_graph_speed_mps) == group]
        snaps = router.snap(mode, lonlat[rows, 0], lonlat[rows, 1])
        length, lead = router.length[snaps.edge], snaps.off_m / off_speed
        virtual = size + guards + np.arange(len(rows))
        guards += len(rows)
        for end, share in ((router.u, snaps.t), (router.v, 1.0 - snaps.t)):
            node = end[snaps.edge]
            open_ = ~closed[g, node]  # a closed gate is no passage, not even at the start
            heads.append(virtual[open_])
            targets.append(g * n + node[open_])
            costs.append(np.maximum(lead + share * length / speed, 1e-9)[open_])  # a zero reads as "no edge"
    import scipy.sparse as sp
    from scipy.sparse.csgraph import dijkstra

    legs = sp.coo_matrix(
        (np.concatenate(costs), (np.concatenate(heads), np.concatenate(targets))),
        shape=(size + guards, size + guards),
    )
    stacked = sp.block_diag(blocks, format="coo")
    stacked.resize((size + guards, size + guards))
    graph = (stacked + legs).tocsr()
    starts = np.arange(size, size + guards)
    found = dijkstra(graph, directed=True, indices=starts, min_only=True, limit=max(limit_s * 2, 1.0))
    seconds = np.asarray(found[:size], dtype=float).reshape(len(groups), n)
    seconds[closed] = np.inf
    seconds = seconds.min(axis=0)
    return Coverage(seconds, limit_s)
