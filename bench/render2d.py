"""Benchmark: frame time of the 2D map (offscreen) with many buildings and moving guards (issue 5).

    .venv/bin/python bench/render2d.py [--buildings 1000 10000 50000] [--guards 1000 5000]
                                       [--frames 10] [--naive-frames 3] [--no-naive] [--size 1280x800]

A synthetic city: `n` building footprints (10–30 m rectangles, jittered on a grid) with one room each of a
random usage (so the fills take all the usage colours) and ~2 % elderly / ~1 % key-person outlines, a street
grid as roads, and guards of every role walking ~1.4 m/s in random directions. The view is fitted to the
whole city, so every building is on screen every frame (the worst case).

One frame, timed end to end, is what the live window does once a second:
  guards' lon/lat → `layers.guards.layer` → `Map2D.set_layer` (marker moves, trail and heading overlays)
  → `grab()` (a full offscreen render of the widget).
Next to it, in the same run and on the same data, a naive map with one graphics item per object: a
`QGraphicsPolygonItem` per building and a one-spot `ScatterPlotItem` per guard moved with `setData`
(no trails or headings, so the naive side does less work). Target: the map under 50 ms per frame at
50,000 buildings and 5,000 guards.

`run(...)` returns the rows; `bench/render.py --views 2d` imports it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg
from PySide6.QtGui import QBrush, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QGraphicsPolygonItem
from shapely import box
from shapely.geometry import LineString

from layers import buildings, compounds, guards, roads, style
from layers.projection import LocalProjection
from sandbox_app.domain.enums import GuardRole, PersonTag, Relation, RoomUsage
from sandbox_app.domain.model import Building, Compound, District, Guard, Person, Road, Room
from widgets.map2d import Map2D
from widgets.render2d import qcolor

LON0, LAT0 = 116.30, 39.95
M_PER_DEG_LAT = 111_000.0
M_PER_DEG_LON = 111_000.0 * np.cos(np.radians(LAT0))
SPACING_M = 45.0
WALK_M_S = 1.4
T0_MS = 1_714_492_800_000
Positions = dict[str, tuple[float, float]]


@dataclass(frozen=True, slots=True)
class Row:
    view: str
    """"merged" (Map2D) or "naive" (one item per object)."""
    buildings: int
    guards: int
    frames: int
    median_ms: float
    p95_ms: float
    cpu_ms: float
    """Median CPU time of this process per frame: what the frame costs on an idle machine (the drawing is
    single-threaded), next to the wall time that a shared, loaded machine stretches."""
    update_ms: float
    """Median of the part before rendering: layer arrays + item updates (naive: per-item setData)."""
    render_ms: float
    items: int
    """Graphics items in the scene."""


def _lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return LON0 + x / M_PER_DEG_LON, LAT0 + y / M_PER_DEG_LAT


def city(n_buildings: int, n_guards: int, seed: int = 5) -> tuple[District, np.ndarray]:
    """A district of `n_buildings` rectangles on a jittered grid, a street grid, and `n_guards` guards; also
    the guards' starting (x, y) metres in the grid frame."""
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n_buildings)))
    extent = side * SPACING_M
    k = np.arange(n_buildings)
    cx = (k % side) * SPACING_M + rng.uniform(-5, 5, n_buildings)
    cy = (k // side) * SPACING_M + rng.uniform(-5, 5, n_buildings)
    hw, hh = rng.uniform(5, 15, n_buildings), rng.uniform(5, 15, n_buildings)
    west, south = _lonlat(cx - hw, cy - hh)
    east, north = _lonlat(cx + hw, cy + hh)
    shapes = box(west, south, east, north)
    d = District(name="bench", timezone="Asia/Shanghai")
    outline = box(
        *_lonlat(np.asarray(-40.0), np.asarray(-40.0)), *_lonlat(np.asarray(extent), np.asarray(extent))
    )
    d.compounds["C0"] = Compound("C0", "bench", outline)
    usages = list(RoomUsage)
    usage = rng.choice(len(usages), n_buildings, p=[0.55, 0.15, 0.03, 0.07, 0.1, 0.1])
    marks = rng.random(n_buildings)
    for i in range(n_buildings):
        bid = f"B{i}"
        d.buildings[bid] = Building(bid, "C0", f"{i}幢", 6, shapes[i])
        d.rooms[f"R{i}"] = Room(f"R{i}", bid, "1", 1, "101", usages[usage[i]])
        if marks[i] < 0.03:
            tag = PersonTag.ELDERLY_ALONE if marks[i] < 0.02 else PersonTag.KEY_PERSON
            d.people[f"P{i}"] = Person(f"P{i}", f"测试居民{i:05d}", f"R{i}", Relation.OWNER, frozenset({tag}))
    for j in range(side + 1):
        a = j * SPACING_M - SPACING_M / 2
        kind = "primary" if j % 10 == 0 else "residential"
        for rid, xs, ys in ((f"H{j}", [-40.0, extent], [a, a]), (f"V{j}", [a, a], [-40.0, extent])):
            lon, lat = _lonlat(np.asarray(xs), np.asarray(ys))
            d.roads[rid] = Road(rid, kind, LineString(np.column_stack([lon, lat])))
    roles = list(GuardRole)
    for g in range(n_guards):
        d.guards[f"GU{g}"] = Guard(f"GU{g}", f"测试卫士{g:05d}", roles[g % len(roles)], None)
    start = rng.uniform(0, extent, (n_guards, 2))
    return d, start


class Walk:
    """Guards walking ~1.4 m/s, turning a little each second."""

    def __init__(self, start: np.ndarray, seed: int = 7) -> None:
        self.rng = np.random.default_rng(seed)
        self.xy = start.copy()
        self.heading = self.rng.uniform(0, 2 * np.pi, len(start))

    def step(self) -> Positions:
        self.heading += self.rng.normal(0, 0.3, len(self.xy))
        self.xy += WALK_M_S * np.column_stack([np.sin(self.heading), np.cos(self.heading)])
        lon, lat = _lonlat(self.xy[:, 0], self.xy[:, 1])
        return {f"GU{g}": (float(lon[g]), float(lat[g])) for g in range(len(self.xy))}


def _timed(
    frames: int, walk: Walk, update: Callable[[Positions], None], render: Callable[[], None]
) -> tuple[list[float], ...]:
    """Per frame: the guards' next fixes are made first (the bus hands the window a ready dict too), then
    update + render are timed, wall and CPU."""
    totals, cpus, updates, renders = [], [], [], []
    for _ in range(frames):
        positions = walk.step()
        c0, t0 = time.process_time(), time.perf_counter()
        update(positions)
        t1 = time.perf_counter()
        render()
        t2, c2 = time.perf_counter(), time.process_time()
        totals.append((t2 - t0) * 1000)
        cpus.append((c2 - c0) * 1000)
        updates.append((t1 - t0) * 1000)
        renders.append((t2 - t1) * 1000)
    return totals, cpus, updates, renders


def _row(view: str, n_b: int, n_g: int, items: int, times: tuple[list[float], ...]) -> Row:
    totals, cpus, updates, renders = times
    p95 = float(np.percentile(totals, 95))
    med = statistics.median
    return Row(view, n_b, n_g, len(totals), med(totals), p95, med(cpus), med(updates), med(renders), items)


def _merged(
    app: QApplication,
    district: District,
    proj: LocalProjection,
    walk: Walk,
    frames: int,
    size: tuple[int, int],
) -> list[Row]:
    """Rows: guards moving (the target), then zooming in 5 % a frame with guards still (every zoom step
    re-renders the static layers that moving guards leave cached)."""
    view = Map2D()
    view.resize(*size)
    for data in (
        compounds.layer(district, proj),
        roads.layer(district, proj),
        buildings.layer(district, proj),
    ):
        view.set_layer(data)
    view.set_layer(guards.layer(district, proj, walk.step()))
    view.show()
    view.fit()
    app.processEvents()
    clock = {"ms": T0_MS}

    def update(positions: Positions) -> None:
        clock["ms"] += 1000
        stamps = dict.fromkeys(positions, clock["ms"])
        view.set_layer(guards.layer(district, proj, positions, stamps))

    def render() -> None:
        view.grab()

    _timed(style.TRAIL_FIXES, walk, update, render)  # warm-up: symbol atlas, full-length trails
    times = _timed(frames, walk, update, render)
    items = len(view.scene().items())
    n_b, n_g = len(district.buildings), len(district.guards)
    zoom = _timed(max(3, frames // 2), walk, lambda _: view.getPlotItem().vb.scaleBy((0.95, 0.95)), render)
    view.close()
    view.deleteLater()
    app.processEvents()
    return [_row("merged", n_b, n_g, items, times), _row("merged, zooming", n_b, n_g, items, zoom)]


def _naive(
    app: QApplication,
    district: District,
    proj: LocalProjection,
    walk: Walk,
    frames: int,
    size: tuple[int, int],
) -> list[Row]:
    """One QGraphicsPolygonItem per building, one single-spot ScatterPlotItem per guard."""
    view = pg.PlotWidget(background=pg.mkColor(*style.BACKGROUND))
    view.resize(*size)
    view.getPlotItem().setAspectLocked(True)
    layer = buildings.layer(district, proj)
    polys = layer.polygons
    assert polys is not None
    for i in range(len(polys)):
        ring = polys.rings_of(i)[0]
        item = QGraphicsPolygonItem(QPolygonF([pg.QtCore.QPointF(float(x), float(y)) for x, y in ring]))
        pen = QPen(qcolor(polys.edge[i]))
        pen.setCosmetic(True)
        item.setPen(pen)
        item.setBrush(QBrush(qcolor(polys.fill[i])))
        view.addItem(item)
    first = guards.layer(district, proj, walk.step()).points
    assert first is not None
    spots = []
    for i in range(len(first)):
        spot = pg.ScatterPlotItem(
            pos=first.xy[i : i + 1],
            size=float(first.size[i]),
            symbol=first.symbol[i],
            brush=qcolor(first.rgba[i]),
        )
        view.addItem(spot)
        spots.append(spot)
    view.show()
    view.getPlotItem().autoRange()
    app.processEvents()

    def update(positions: Positions) -> None:
        points = guards.layer(district, proj, positions).points
        assert points is not None
        for i, spot in enumerate(spots):
            spot.setData(pos=points.xy[i : i + 1])

    def render() -> None:
        view.grab()

    _timed(1, walk, update, render)
    times = _timed(frames, walk, update, render)
    items = len(view.scene().items())
    view.close()
    view.deleteLater()
    app.processEvents()
    return [_row("naive", len(district.buildings), len(district.guards), items, times)]


def run(
    building_counts: Sequence[int] = (1_000, 10_000, 50_000),
    guard_counts: Sequence[int] = (1_000, 5_000),
    frames: int = 10,
    naive_frames: int = 3,
    size: tuple[int, int] = (1280, 800),
    report: Callable[[Row], None] | None = None,
) -> list[Row]:
    """Every (buildings, guards) pair through the merged map, and (unless `naive_frames` is 0) the naive
    one; `report` sees each row as soon as it is measured."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    rows: list[Row] = []
    for n_b in building_counts:
        for n_g in guard_counts:
            district, start = city(n_b, n_g)
            proj = LocalProjection.for_district(district)
            views = [("merged", _merged, frames)] + (
                [("naive", _naive, naive_frames)] if naive_frames else []
            )
            for _, measure, count in views:
                for row in measure(app, district, proj, Walk(start), count, size):
                    rows.append(row)
                    if report is not None:
                        report(row)
    return rows


HEADER = (
    "| view | buildings | guards | frames | median ms | p95 ms | CPU ms | update ms | render ms | items |"
)


def format_row(row: Row) -> str:
    r = asdict(row)
    return (
        f"| {r['view']} | {r['buildings']:,} | {r['guards']:,} | {r['frames']} | {r['median_ms']:.1f} "
        f"| {r['p95_ms']:.1f} | {r['cpu_ms']:.1f} | {r['update_ms']:.1f} | {r['render_ms']:.1f} "
        f"| {r['items']:,} |"
    )


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--buildings", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--guards", type=int, nargs="+", default=[1_000, 5_000])
    parser.add_argument("--frames", type=int, default=10)
    parser.add_argument("--naive-frames", type=int, default=3)
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--size", default="1280x800", help="widget size WxH in pixels")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    print(f"2D map frame time, offscreen {width}x{height}, load {os.getloadavg()[0]:.2f}", flush=True)
    print(HEADER)
    print("|---|---|---|---|---|---|---|---|---|---|", flush=True)
    return run(
        args.buildings,
        args.guards,
        args.frames,
        0 if args.no_naive else args.naive_frames,
        (width, height),
        report=lambda row: print(format_row(row), flush=True),
    )


if __name__ == "__main__":
    main()
