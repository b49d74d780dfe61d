"""The walk/ride graph of a district: road lines → an undirected graph in local metres.

Guards walk and ride along it in the simulator, and dispatch ranks guards by travel time on it. Lengths are
measured in a transverse Mercator projection centred on the district, which is metre-accurate over a few
kilometres, so no geodesic maths is needed per edge. Pedestrians and e-bikes ignore `oneway`, hence the graph
is undirected. Road vertices closer than `merge_m` become one node: OSM ways share junction nodes exactly, and
hand-drawn packages rarely do, so a small tolerance joins what the author meant to join.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from sandbox_app.domain.model import District, Road

if TYPE_CHECKING:  # networkx loads when a graph is built, not with the module (the window's start)
    import networkx as nx

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

NOT_WALKABLE: frozenset[str] = frozenset({"motorway", "motorway_link", "trunk", "trunk_link", "construction"})
"""Road kinds a guard on foot or e-bike never uses."""


@dataclass(frozen=True, slots=True)
class LocalProjection:
    """WGS-84 lon/lat ⇄ metres east/north of a district origin (transverse Mercator)."""

    lon0: float
    lat0: float

    def _forward(self) -> Transformer:
        return _transformer(self.lon0, self.lat0)

    def to_xy(self, lon: npt.ArrayLike, lat: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
        x, y = self._forward().transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)

    def to_lonlat(self, x: npt.ArrayLike, y: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
        lon, lat = self._forward().transform(
            np.asarray(x, dtype=float), np.asarray(y, dtype=float), direction="INVERSE"
        )
        return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)


class WalkGraph:
    """Nodes are integers 0..n-1 with metric `xy` and WGS-84 `lonlat`; edges carry `length` (m), `road`,
    `kind`, `oneway` and `tail` (the node the road's drawing direction starts from, for directed routing)."""

    def __init__(self, graph: nx.Graph, xy: FloatArray, projection: LocalProjection) -> None:
        self.graph = graph
        self.xy = xy
        self.projection = projection
        lon, lat = projection.to_lonlat(xy[:, 0], xy[:, 1]) if len(xy) else (np.empty(0), np.empty(0))
        self.lonlat: FloatArray = np.column_stack([lon, lat]) if len(xy) else np.empty((0, 2))
        self._node_tree = shapely.STRtree(shapely.points(xy)) if len(xy) else None
        self._edge_tree: shapely.STRtree | None = None

    # construction -----------------------------------------------------------------------------------
    @classmethod
    def from_roads(
        cls,
        roads: Iterable[Road],
        projection: LocalProjection | None = None,
        *,
        exclude_kinds: Collection[str] = NOT_WALKABLE,
        merge_m: float = 0.5,
    ) -> WalkGraph:
        """Build from road lines; the projection defaults to one centred on the roads' bounds."""
        lines = [r for r in roads if r.kind not in exclude_kinds and len(r.line.coords) >= 2]
        if projection is None:
            projection = _centred_projection([r.line for r in lines])
        import networkx as nx

        graph: nx.Graph = nx.Graph()
        cells: dict[tuple[int, int], list[int]] = {}
        points: list[tuple[float, float]] = []
        for road in lines:
            coords = np.asarray(road.line.coords, dtype=float)[:, :2]
            x, y = projection.to_xy(coords[:, 0], coords[:, 1])
            vertices = zip(x.tolist(), y.tolist(), strict=True)
            ids = [_node_id(cells, points, xy, merge_m) for xy in vertices]
            for a, b in pairwise(ids):
                if a == b:
                    continue
                length = float(np.hypot(points[a][0] - points[b][0], points[a][1] - points[b][1]))
                old = graph.get_edge_data(a, b)
                if old is None or old["length"] > length:
                    graph.add_edge(
                        a, b, length=length, road=road.id, kind=road.kind, oneway=road.oneway, tail=a
                    )
        graph.add_nodes_from(range(len(points)))
        xy = np.asarray(points, dtype=float).reshape(-1, 2)
        return cls(graph, xy, projection)

    @classmethod
    def from_district(cls, district: District, *, largest_only: bool = True) -> WalkGraph:
        """The district's walk graph; by default only its largest connected piece, so every route exists."""
        graph = cls.from_roads(district.roads.values())
        return graph.largest_component() if largest_only else graph

    def largest_component(self) -> WalkGraph:
        """A renumbered copy holding only the largest connected component."""
        if self.graph.number_of_nodes() == 0:
            return self
        import networkx as nx

        pieces: list[set[int]] = list(nx.connected_components(self.graph))
        keep = sorted(pieces[int(np.argmax([len(piece) for piece in pieces]))])
        renumber = {old: new for new, old in enumerate(keep)}
        sub = nx.relabel_nodes(self.graph.subgraph(keep), renumber, copy=True)
        return WalkGraph(sub, self.xy[keep], self.projection)

    # queries ----------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.xy)

    def nearest_nodes(self, lon: npt.ArrayLike, lat: npt.ArrayLike) -> IntArray:
        """Index of the nearest node to each lon/lat (straight-line snapping of gates, buildings...)."""
        if self._node_tree is None:
            raise ValueError("the walk graph has no nodes")
        x, y = self.projection.to_xy(np.atleast_1d(lon), np.atleast_1d(lat))
        found = self._node_tree.query_nearest(shapely.points(x, y), all_matches=False)
        order = np.argsort(found[0], kind="stable")
        return np.asarray(found[1][order], dtype=np.intp)

    def nearest_node(self, lon: float, lat: float) -> int:
        return int(self.nearest_nodes(lon, lat)[0])

    def snap(self, points: Mapping[str, BaseGeometry]) -> dict[str, int]:
        """Nearest node of each named place (gate points, building footprints by their centroid), in one
        query, so dispatch can route from a gate or to a building."""
        if not points:
            return {}
        centres = [geom.centroid for geom in points.values()]
        nodes = self.nearest_nodes([c.x for c in centres], [c.y for c in centres])
        return dict(zip(points, nodes.tolist(), strict=True))

    def shortest_path(self, source: int, target: int) -> list[int]:
        """Node sequence of the shortest walk; raises networkx.NetworkXNoPath when unreachable."""
        import networkx as nx

        path: list[int] = nx.shortest_path(self.graph, source, target, weight="length")
        return path

    def path_length_m(self, source: int, target: int) -> float:
        import networkx as nx

        return float(nx.shortest_path_length(self.graph, source, target, weight="length"))

    def distances_from(self, source: int, cutoff_m: float | None = None) -> dict[int, float]:
        """Walking distance in metres from `source` to every node within `cutoff_m`."""
        import networkx as nx

        found = nx.single_source_dijkstra_path_length(self.graph, source, cutoff=cutoff_m, weight="length")
        return {int(n): float(d) for n, d in found.items()}

    def travel_times_from(
        self, source: int, speed_mps: float, cutoff_s: float | None = None
    ) -> dict[int, float]:
        """Seconds from `source` to each node at a constant speed; what dispatch ranks guards by."""
        if speed_mps <= 0:
            raise ValueError("speed must be positive")
        cutoff = None if cutoff_s is None else cutoff_s * speed_mps
        return {n: d / speed_mps for n, d in self.distances_from(source, cutoff).items()}

    def path_xy(self, nodes: Sequence[int]) -> FloatArray:
        """Metric coordinates of a node sequence, e.g. a route to interpolate a walker along."""
        return self.xy[np.asarray(nodes, dtype=np.intp)]

    def distance_to_edges_m(self, lon: npt.ArrayLike, lat: npt.ArrayLike) -> FloatArray:
        """Straight-line metres from each point to the nearest edge: how far off the paths a fix lies."""
        if self._edge_tree is None:
            self._edge_tree = shapely.STRtree(self._edge_lines())
        x, y = self.projection.to_xy(np.atleast_1d(lon), np.atleast_1d(lat))
        pts = shapely.points(x, y)
        found, dist = self._edge_tree.query_nearest(pts, all_matches=False, return_distance=True)
        out = np.empty(len(pts))
        out[found[0]] = dist
        return out

    def _edge_lines(self) -> npt.NDArray[np.object_]:
        pairs = np.asarray(list(self.graph.edges()), dtype=np.intp).reshape(-1, 2)
        if len(pairs) == 0:
            raise ValueError("the walk graph has no edges")
        coords = np.stack([self.xy[pairs[:, 0]], self.xy[pairs[:, 1]]], axis=1)
        return np.asarray(shapely.linestrings(coords), dtype=object)


@lru_cache(maxsize=16)
def _transformer(lon0: float, lat0: float) -> Transformer:
    """Transformers are slow to build and every query needs one: cache per origin."""
    proj = f"+proj=tmerc +lat_0={lat0} +lon_0={lon0} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m"
    return Transformer.from_crs("EPSG:4326", proj, always_xy=True)


def _centred_projection(lines: Sequence[shapely.LineString]) -> LocalProjection:
    if not lines:
        return LocalProjection(0.0, 0.0)
    minx, miny, maxx, maxy = shapely.total_bounds(np.asarray(lines, dtype=object))
    return LocalProjection((minx + maxx) / 2.0, (miny + maxy) / 2.0)


def _node_id(
    cells: dict[tuple[int, int], list[int]],
    points: list[tuple[float, float]],
    xy: tuple[float, float],
    merge_m: float,
) -> int:
    """Id of a node within `merge_m` of (x, y), creating one if none; neighbouring grid cells are searched
    too, so two vertices a hair apart on either side of a cell border still merge."""
    x, y = xy
    cx, cy = math.floor(x / merge_m), math.floor(y / merge_m)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for node in cells.get((cx + dx, cy + dy), ()):
                px, py = points[node]
                if math.hypot(px - x, py - y) <= merge_m:
                    return node
    node = len(points)
    cells.setdefault((cx, cy), []).append(node)
    points.append(xy)
    return node
