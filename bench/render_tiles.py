"""Benchmark: frame time of the 3D sandbox with the sample 3D Tiles sets (issue 18 §2, §4), baseline in the
same run.

    DISPLAY=:94 .venv/bin/python bench/render.py --views tiles [--frames 30] [--size 1280x800]

Draws through `widgets.sandbox3d.Sandbox3D` (what the window draws) in a real window: it needs an X display
(Xvfb works) and skips without one, or without ../shared/data/3dtiles. Rows, on one window:

- demo district: today's sandbox pane (ground, blocks, labels), the baseline;
- + 1.1 sample: the same with MetadataGranularities (4 tiles × 5 glb contents, textured trees) anchored on
  open ground in the district, at the overview and framed close;
- 1.0 sample: TilesetWithRequestVolume at its own place (an external tileset of four b3dm blocks, a
  239k-vertex b3dm building), from 700 m, and from inside the request volume, where its 125,000-point
  cloud is drawn too.

One frame: turn the camera 1° about the vertical, select tiles for the new camera (screen-space error,
frustum), render, wait for the GL pipeline. "load s" is from opening the tileset until every wanted tile
is loaded and placed (worker thread). Interactive target: ≤ 100 ms a frame on Mesa llvmpipe.
"""

from __future__ import annotations

import importlib
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


TILES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "3dtiles"
HEADER = "| scene | tiles shown | triangles | points | load s | first ms | median ms | p95 ms | CPU ms |"


def _counts(view: object) -> tuple[int, int, int]:
    from widgets.sandbox3d import Sandbox3D

    assert isinstance(view, Sandbox3D)
    tris = points = 0
    for stream in view.tiles.streams:
        for tile in stream.selection.render:
            for part in stream.cache[tile.key].parts:
                if part.triangles is None:
                    points += len(part.points)
                else:
                    tris += len(part.triangles)
    return len(view.tiles.shown), tris, points


def measure(view: object, frames: int) -> dict[str, float]:
    from widgets.sandbox3d import Sandbox3D

    assert isinstance(view, Sandbox3D)
    window, camera = view.render_window, view.renderer.GetActiveCamera()

    shared = importlib.import_module("bench.render_sandbox")  # the sandbox rows' orbit and frame timing

    def frame() -> None:
        shared.orbit(camera)
        view.tiles.refresh()
        view.renderer.ResetCameraClippingRange()
        window.Render()
        window.WaitForCompletion()

    timings: dict[str, float] = shared.time_frames(frame, frames)
    return timings


def _loaded(view: object) -> float:
    """Seconds until every tile the camera wants is loaded (the worker thread), then one selection."""
    from widgets.sandbox3d import Sandbox3D

    assert isinstance(view, Sandbox3D)
    t = time.perf_counter()
    view.tiles.wait_loaded()
    return time.perf_counter() - t


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--size", default="1280x800")
    args, _ = parser.parse_known_args(argv)
    if not os.environ.get("DISPLAY"):
        print("tiles: needs an X display (run under Xvfb); skipped", flush=True)
        return
    if not (TILES / "TilesetWithRequestVolume" / "tileset.json").is_file():
        print(f"tiles: {TILES} is not there; skipped", flush=True)
        return
    from layers.projection import LocalProjection
    from layers.tiles3d.tileset import Placement
    from sandbox_app.data.package import load_package
    from sandbox_app.data.resources import demo_package
    from sandbox_app.domain.model import District

    shared = importlib.import_module("bench.render_sandbox")
    _app, view = shared.shown_sandbox(args.size)  # the application is kept referenced while it runs
    view._pulse_timer.stop()
    print(f"3D sandbox with 3D Tiles, {args.size}, load {os.getloadavg()[0]:.2f}", flush=True)
    print(HEADER)
    print("|---" * 9 + "|", flush=True)

    def row(name: str, load_s: float, setup: Callable[[], None]) -> None:
        setup()
        load_s += _loaded(view)
        shown, tris, points = _counts(view)
        r = measure(view, args.frames)
        print(
            f"| {name} | {shown} | {tris:,} | {points:,} | {load_s:.2f} | {r['first_ms']:.0f} "
            f"| {r['median_ms']:.1f} | {r['p95_ms']:.1f} | {r['cpu_ms']:.1f} |",
            flush=True,
        )

    demo = load_package(demo_package())
    view.set_scene(demo)
    row("demo district (baseline, no tileset)", 0.0, view.reset_view)
    x, y = _open_ground(view, 45.0)
    lon, lat = view.proj.to_lonlat([x], [y])[0]
    t = time.perf_counter()
    tileset = view.add_tileset(
        TILES / "MetadataGranularities", Placement(origin=(float(lon), float(lat), 0.0))
    )
    opened = time.perf_counter() - t
    row("demo + 1.1 sample (20 glb), overview", opened, view.reset_view)
    c = tileset.root.volume.centre
    row("demo + 1.1 sample, framed close", 0.0, lambda: _place(view, c, c + np.array([0.0, -60.0, 60.0])))
    lon, lat = math.degrees(-1.31968), math.degrees(0.698874)
    view.set_scene(District("sample", "UTC"), LocalProjection(lon, lat))
    t = time.perf_counter()
    sample = view.add_tileset(TILES / "TilesetWithRequestVolume")
    opened = time.perf_counter() - t
    city = sample.root.children[0].volume.centre
    row("1.0 sample from 700 m", opened, lambda: _place(view, city, city + np.array([0.0, -495.0, 495.0])))
    cloud = sample.root.children[2].volume.centre
    row(
        "1.0 sample inside the request volume (+125k points)",
        0.0,
        lambda: _place(view, cloud, cloud + np.array([0.0, -9.0, 6.0])),
    )
    view.close()


def _place(view: object, focal: np.ndarray, eye: np.ndarray) -> None:
    from widgets.sandbox3d import Sandbox3D

    assert isinstance(view, Sandbox3D)
    view._place_camera(focal, eye)


def _open_ground(view: object, clear_m: float) -> tuple[float, float]:
    """A point of the district at least `clear_m` from every building's box (where the 1.1 sample goes)."""
    from widgets.sandbox3d import Sandbox3D

    assert isinstance(view, Sandbox3D)
    x0, y0, x1, y1 = view.ground_bounds
    boxes = view.boxes
    gx, gy = np.meshgrid(
        np.linspace(x0 + clear_m, x1 - clear_m, 60), np.linspace(y0 + clear_m, y1 - clear_m, 60)
    )
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    dx = np.maximum(np.maximum(boxes[None, :, 0] - pts[:, :1], pts[:, :1] - boxes[None, :, 2]), 0.0)
    dy = np.maximum(np.maximum(boxes[None, :, 1] - pts[:, 1:], pts[:, 1:] - boxes[None, :, 3]), 0.0)
    clear = np.hypot(dx, dy).min(axis=1) >= clear_m
    if not clear.any():
        return 0.0, 0.0
    best = pts[clear][np.argmin(np.hypot(*pts[clear].T))]  # nearest the district's centre
    return float(best[0]), float(best[1])


if __name__ == "__main__":
    main()
