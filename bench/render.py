"""Benchmark: frame times of the sandbox views with a city-size package, merged vs naive (issue 5).

    .venv/bin/python bench/render.py [--views 3d 2d] [--buildings 1000 10000 50000] [--guards 1000 5000]
                                     [--frames 10] [--naive-frames 3] [--no-naive] [--size 1280x800]

`--views 3d` (the default) is measured here; `--views tiles` runs `bench/render_tiles.py` (the sandbox
with the sample 3D Tiles sets, baseline in the same run); `--views sandbox` runs `bench/render_sandbox.py`
(the full 3D sandbox widget with ground, labels and beacons against today's content, same run);
`--views 2d` runs `bench/render2d.py` (the 2D map's own
benchmark, owned with the 2D map) with the same options, when that module exists. A new view is one more
entry in `VIEWS`: a function taking the argument list and printing its own table.

3D: a synthetic city of `n` rectangular buildings (10–30 m, jittered on a 45 m grid; 85 % six floors, 10 %
two to five, 5 % towers of 10–32 floors) with one room each of a random usage, and guards of every role
walking ~1.4 m/s. Rendered offscreen by VTK (EGL without a display, else X; Mesa llvmpipe on a CPU-only
machine), camera framing the whole city at 55° so every building is in view. One frame is what the live
window does once a second plus a little camera motion: move every guard, turn the camera 1°, render, wait
for the GL pipeline to finish.

- merged: what `widgets.sandbox3d` draws: one actor for all buildings (`layers.extrude` mesh, per-cell
  colours), one `vtkGlyph3DMapper` for all guards (positions replaced each frame).
- naive, in the same run and on the same data: one actor (own polydata and mapper) per building, and one
  actor per guard moved with `SetPosition`.
Target: merged at least 10× faster than naive.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vtkmodules.vtkRenderingCore import (
    vtkActor,
    vtkGlyph3DMapper,
    vtkPolyDataMapper,
    vtkRenderer,
    vtkRenderWindow,
    vtkTexture,
)

import vtkmodules.vtkRenderingOpenGL2  # noqa: F401  # isort: skip  (registers the OpenGL backend)
from layers import extrude, style
from layers.buildings import fill_for
from layers.extrude import BuildingMesh, Glyphs
from layers.projection import LocalProjection
from sandbox_app.domain.enums import GuardRole, RoomUsage
from widgets.sandbox3d import (
    BUILDING_AMBIENT,
    BUILDING_DIFFUSE,
    MULTISAMPLES,
    floor_texture,
    glyph_polydata,
    guard_pin,
    polydata,
)

LON0, LAT0 = 116.30, 39.95
M_PER_DEG_LAT = 111_000.0
M_PER_DEG_LON = 111_000.0 * np.cos(np.radians(LAT0))
SPACING_M = 45.0
WALK_M_S = 1.4


@dataclass(frozen=True, slots=True)
class City:
    ids: tuple[str, ...]
    footprints: np.ndarray
    floors: np.ndarray
    fill: np.ndarray
    guard_xy: np.ndarray
    roles: list[GuardRole]
    proj: LocalProjection


def _lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return LON0 + x / M_PER_DEG_LON, LAT0 + y / M_PER_DEG_LAT


def city(n_buildings: int, n_guards: int, seed: int = 5) -> City:
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n_buildings)))
    k = np.arange(n_buildings)
    cx = (k % side) * SPACING_M + rng.uniform(-5, 5, n_buildings)
    cy = (k // side) * SPACING_M + rng.uniform(-5, 5, n_buildings)
    hw, hh = rng.uniform(5, 15, n_buildings), rng.uniform(5, 15, n_buildings)
    west, south = _lonlat(cx - hw, cy - hh)
    east, north = _lonlat(cx + hw, cy + hh)
    kind = rng.random(n_buildings)
    floors = np.where(kind < 0.85, 6, np.where(kind < 0.95, rng.integers(2, 6, n_buildings), 0))
    floors = np.where(floors == 0, rng.integers(10, 33, n_buildings), floors)
    usages = list(RoomUsage)
    usage = rng.choice(len(usages), n_buildings, p=[0.55, 0.15, 0.03, 0.07, 0.1, 0.1])
    palette = np.asarray([fill_for(Counter({u: 1}))[:3] for u in usages], dtype=np.uint8)
    extent = side * SPACING_M
    lon0, lat0 = _lonlat(np.asarray(extent / 2), np.asarray(extent / 2))
    roles = list(GuardRole)
    return City(
        tuple(f"B{i}" for i in range(n_buildings)),
        shapely.box(west, south, east, north),
        floors,
        palette[usage],
        rng.uniform(0, extent, (n_guards, 2)),
        [roles[g % len(roles)] for g in range(n_guards)],
        LocalProjection(float(lon0), float(lat0)),
    )


class Walk:
    def __init__(self, start: np.ndarray, seed: int = 7) -> None:
        self.rng = np.random.default_rng(seed)
        self.xy = start.copy()
        self.heading = self.rng.uniform(0, 2 * np.pi, len(start))

    def step(self) -> np.ndarray:
        """Every guard's next (lon, lat)."""
        self.heading += self.rng.normal(0, 0.3, len(self.xy))
        self.xy += WALK_M_S * np.column_stack([np.sin(self.heading), np.cos(self.heading)])
        lon, lat = _lonlat(self.xy[:, 0], self.xy[:, 1])
        return np.column_stack([lon, lat])


Times = tuple[float, list[float], list[float], list[float], list[float]]
"""First frame ms, then per frame: total, update, render and CPU ms."""


@dataclass(frozen=True, slots=True)
class Row:
    view: str
    buildings: int
    guards: int
    cells: int
    actors: int
    build_s: float
    first_ms: float
    frames: int
    median_ms: float
    p95_ms: float
    update_ms: float
    render_ms: float
    cpu_ms: float
    """Median CPU time of the process per frame, Mesa's render threads included: steadier than wall time
    on a machine shared with other work."""


def _window(size: tuple[int, int]) -> tuple[vtkRenderWindow, vtkRenderer]:
    window = vtkRenderWindow()
    window.SetOffScreenRendering(1)
    window.SetMultiSamples(MULTISAMPLES)  # as the widget does
    window.SetSize(*size)
    renderer = vtkRenderer()
    renderer.SetBackground(*(c / 255.0 for c in style.BACKGROUND[:3]))
    window.AddRenderer(renderer)
    return window, renderer


def _building_actor(mapper: vtkPolyDataMapper, texture: vtkTexture) -> vtkActor:
    """Lit, textured and back-face culled as in the widget."""
    actor = vtkActor()
    actor.SetMapper(mapper)
    actor.GetProperty().SetAmbient(BUILDING_AMBIENT)
    actor.GetProperty().SetDiffuse(BUILDING_DIFFUSE)
    actor.GetProperty().BackfaceCullingOn()
    actor.SetTexture(texture)
    return actor


def _frame_camera(renderer: vtkRenderer, mesh: BuildingMesh) -> None:
    lo, hi = mesh.anchor.min(axis=0), mesh.anchor.max(axis=0)
    centre = (lo + hi) / 2.0
    radius = 0.5 * float(np.hypot(*(hi - lo))) + 50.0
    distance = radius / np.tan(np.radians(15.0)) * 0.8
    el = np.radians(55.0)
    camera = renderer.GetActiveCamera()
    camera.SetFocalPoint(centre[0], centre[1], 0.0)
    camera.SetPosition(centre[0], centre[1] - distance * np.cos(el), distance * np.sin(el))
    camera.SetViewUp(0.0, 0.0, 1.0)
    camera.OrthogonalizeViewUp()
    renderer.ResetCameraClippingRange()


def _measure(
    window: vtkRenderWindow, renderer: vtkRenderer, frames: int, update: Callable[[], None]
) -> Times:
    """First frame (uploads the geometry) on its own, then `frames` frames of update + turn + render."""
    t = time.perf_counter()
    window.Render()
    window.WaitForCompletion()
    first = (time.perf_counter() - t) * 1000
    totals, updates, renders, cpu = [], [], [], []
    for _ in range(frames):
        c0 = time.process_time()
        t0 = time.perf_counter()
        update()
        t1 = time.perf_counter()
        renderer.GetActiveCamera().Azimuth(1.0)
        renderer.ResetCameraClippingRange()
        window.Render()
        window.WaitForCompletion()
        t2 = time.perf_counter()
        cpu.append((time.process_time() - c0) * 1000)
        totals.append((t2 - t0) * 1000)
        updates.append((t1 - t0) * 1000)
        renders.append((t2 - t1) * 1000)
    return first, totals, updates, renders, cpu


def _row(view: str, c: City, cells: int, actors: int, build_s: float, times: Times) -> Row:
    first, totals, updates, renders, cpu = times
    med = statistics.median
    p95 = float(np.percentile(totals, 95))
    return Row(
        view, len(c.ids), len(c.roles), cells, actors, build_s, first, len(totals), med(totals), p95,
        med(updates), med(renders), med(cpu),
    )  # fmt: skip


def merged_3d(c: City, mesh: BuildingMesh, frames: int, size: tuple[int, int]) -> Row:
    window, renderer = _window(size)
    t = time.perf_counter()
    mapper = vtkPolyDataMapper()
    mapper.SetInputData(polydata(mesh.points, mesh.offsets, mesh.connectivity, mesh.rgb, mesh.tcoords))
    mapper.SetScalarModeToUseCellData()
    mapper.SetColorModeToDirectScalars()
    renderer.AddActor(_building_actor(mapper, floor_texture()))
    pin = guard_pin()
    glyphs = vtkGlyph3DMapper()
    glyphs.SetSourceConnection(pin.GetOutputPort())
    glyphs.ScalingOff()
    glyphs.SetScalarModeToUsePointData()
    glyphs.SetColorModeToDirectScalars()
    guard_actor = vtkActor()
    guard_actor.SetMapper(glyphs)
    renderer.AddActor(guard_actor)
    build_s = time.perf_counter() - t
    walk = Walk(c.guard_xy)
    ids = [f"GU{g}" for g in range(len(c.roles))]

    def update() -> None:
        g: Glyphs = extrude.guard_glyphs(c.proj, ids, walk.step(), c.roles)
        glyphs.SetInputData(glyph_polydata(g))

    update()
    _frame_camera(renderer, mesh)
    row = _row("merged", c, mesh.n_cells, 2, build_s, _measure(window, renderer, frames, update))
    window.Finalize()
    return row


_NEVER_FREED: list[vtkRenderWindow] = []
"""The naive views' windows, kept until the process ends by `os._exit`: VTK's buffer cache finds each buffer
it frees by a linear scan, so tearing down 55,000 actors is quadratic (over 20 minutes at 50k buildings)."""


def naive_3d(c: City, mesh: BuildingMesh, frames: int, size: tuple[int, int]) -> Row:
    """One actor per building (its own slice of the same mesh) and one per guard."""
    window, renderer = _window(size)
    t = time.perf_counter()
    texture = floor_texture()  # shared: a naive renderer would still load the image once
    for b in range(len(c.ids)):
        cells = np.r_[
            mesh.wall_start[b] : mesh.wall_start[b + 1], mesh.roof_start[b] : mesh.roof_start[b + 1]
        ]
        sizes = np.diff(mesh.offsets)[cells]
        conn = mesh.connectivity[_ranges(mesh.offsets[cells], sizes)]
        used, local = np.unique(conn, return_inverse=True)
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        mapper = vtkPolyDataMapper()
        pd = polydata(mesh.points[used], offsets, local.astype(np.int64), mesh.rgb[cells], mesh.tcoords[used])
        mapper.SetInputData(pd)
        mapper.SetScalarModeToUseCellData()
        mapper.SetColorModeToDirectScalars()
        renderer.AddActor(_building_actor(mapper, texture))
    pin = guard_pin()
    guard_actors = []
    for role in c.roles:
        mapper = vtkPolyDataMapper()
        mapper.SetInputConnection(pin.GetOutputPort())
        actor = vtkActor()
        actor.SetMapper(mapper)
        actor.GetProperty().SetColor(*(v / 255.0 for v in style.GUARD_ROLE[role].rgba[:3]))
        renderer.AddActor(actor)
        guard_actors.append(actor)
    build_s = time.perf_counter() - t
    walk = Walk(c.guard_xy)

    def update() -> None:
        lonlat = walk.step()
        xy = c.proj.to_xy(lonlat[:, 0], lonlat[:, 1])
        for actor, (x, y) in zip(guard_actors, xy, strict=True):
            actor.SetPosition(float(x), float(y), extrude.GUARD_Z_M)

    update()
    _frame_camera(renderer, mesh)
    actors = len(c.ids) + len(c.roles)
    row = _row("naive", c, mesh.n_cells, actors, build_s, _measure(window, renderer, frames, update))
    _NEVER_FREED.append(window)
    return row


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated arange(start, start + length) for every pair, without a Python loop."""
    shift = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    out: np.ndarray = np.arange(int(lengths.sum())) + shift
    return out


HEADER = (
    "| view | buildings | guards | cells | actors | build s | first frame ms | frames | median ms | p95 ms "
    "| update ms | render ms | CPU ms |"
)


def format_row(r: Row) -> str:
    return (
        f"| {r.view} | {r.buildings:,} | {r.guards:,} | {r.cells:,} | {r.actors:,} | {r.build_s:.2f} "
        f"| {r.first_ms:.0f} | {r.frames} | {r.median_ms:.1f} | {r.p95_ms:.1f} | {r.update_ms:.1f} "
        f"| {r.render_ms:.1f} | {r.cpu_ms:.1f} |"
    )


def run_3d(
    building_counts: Sequence[int],
    guard_counts: Sequence[int],
    frames: int,
    naive_frames: int,
    size: tuple[int, int],
    report: Callable[[str], None] = print,
) -> list[Row]:
    rows: list[Row] = []
    for n_b in building_counts:
        for n_g in guard_counts:
            c = city(n_b, n_g)
            t = time.perf_counter()
            mesh = extrude.extrude_arrays(
                c.ids, list(c.footprints), list(c.floors), [None] * n_b, c.fill, c.proj
            )
            mesh_s = time.perf_counter() - t
            merged = merged_3d(c, mesh, frames, size)
            merged = dataclasses.replace(merged, build_s=merged.build_s + mesh_s)
            rows.append(merged)
            report(format_row(merged))
            if naive_frames:
                naive = naive_3d(c, mesh, naive_frames, size)
                rows.append(naive)
                report(format_row(naive))
                wall, cpu = naive.median_ms / merged.median_ms, naive.cpu_ms / merged.cpu_ms
                report(f"|   | merged vs naive: **{wall:.0f}×** faster (wall), {cpu:.0f}× (CPU) |")
    return rows


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--views", nargs="+", choices=["3d", "2d", "sandbox", "tiles"], default=["3d"])
    parser.add_argument("--buildings", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--guards", type=int, nargs="+", default=[1_000, 5_000])
    parser.add_argument("--frames", type=int, default=10)
    parser.add_argument("--naive-frames", type=int, default=3)
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--size", default="1280x800", help="window size WxH in pixels")
    return parser


def view_3d(argv: Sequence[str]) -> None:
    args = _parser().parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    print(f"3D sandbox frame time, offscreen VTK {width}x{height}, load {os.getloadavg()[0]:.2f}", flush=True)
    print(HEADER)
    print("|---" * 13 + "|", flush=True)
    run_3d(
        args.buildings,
        args.guards,
        args.frames,
        0 if args.no_naive else args.naive_frames,
        (width, height),
        report=lambda line: print(line, flush=True),
    )


def view_2d(argv: Sequence[str]) -> None:
    """The 2D map's benchmark lives in bench/render2d.py (same options); skipped while it does not exist."""
    try:
        module = importlib.import_module("bench.render2d")
    except ModuleNotFoundError as exc:
        if exc.name not in ("bench.render2d", "bench"):
            raise
        print("2D: bench/render2d.py is not there yet; skipped", flush=True)
        return
    module.main(list(argv))


def view_sandbox(argv: Sequence[str]) -> None:
    """The full 3D sandbox widget against today's content (bench/render_sandbox.py; needs a display)."""
    importlib.import_module("bench.render_sandbox").main(list(argv))


def view_tiles(argv: Sequence[str]) -> None:
    """The 3D sandbox with the sample 3D Tiles sets (bench/render_tiles.py; needs a display)."""
    importlib.import_module("bench.render_tiles").main(list(argv))


VIEWS: dict[str, Callable[[Sequence[str]], None]] = {"3d": view_3d, "2d": view_2d, "sandbox": view_sandbox}
VIEWS["tiles"] = view_tiles


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    args, _ = _parser().parse_known_args(argv)  # a view's own options (sandbox: --city, --alerts) pass on
    rest = _without_views(argv)
    for view in args.views:
        VIEWS[view](rest)


def _without_views(argv: list[str]) -> list[str]:
    """The options minus `--views ...`, for views whose own parser does not know it."""
    out, skipping = [], False
    for arg in argv:
        if arg == "--views" or arg.startswith("--views="):
            skipping = arg == "--views"
            continue
        if skipping and not arg.startswith("--"):
            continue
        skipping = False
        out.append(arg)
    return out


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # skip freeing the naive views' GL buffers (see _NEVER_FREED)
