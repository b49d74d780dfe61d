"""Benchmark: frame time of the full 3D sandbox widget (issue 18) against today's content, in one run.

    DISPLAY=:94 .venv/bin/python bench/render.py --views sandbox [--frames 30] [--size 1280x800]
                                                 [--city 10000] [--alerts 80] [--guards 40]

Draws through `widgets.sandbox3d.Sandbox3D` itself (so what is measured is what the window draws), in a real
window: it needs an X display (Xvfb works) and skips without one. Rows, each on the same window:

- baseline: buildings (one merged mesh), devices, guards and lit floors only — the pane before issue 18;
- sandbox, no level of detail: the same plus the basemap ground, elderly ribbons, billboard labels (compound
  names, building numbers, guard ids), north arrow and scale bar, and pulsing beacons for `--alerts` open
  alerts, every device glyph and floor line drawn whatever the zoom (the pane before its level of detail);
- sandbox: the same with the level of detail (`Sandbox3D._level_of_detail`: devices and floor lines only
  once they are big enough on screen to be seen; the ground as one textured quad of its picture while a
  texel of it is at most `GROUND_TEXEL_MAX_PX` wide, the exact mesh closer in);
- sandbox, ground as its mesh: the same but the ground always its triangle mesh (the sandbox row before the
  ground's picture, issue 18 §4), measured just before the sandbox row for a comparison on the same window;
- demo only: the sandbox on a 2048-px imagery basemap (a textured ground, `Sandbox3D.set_imagery`).

One frame is what the live window does: move every guard (and its id label), one pulse step of the beacons,
turn the camera 1° about the vertical, render, wait for the GL pipeline. Scenes: the demo district, and a
synthetic city of `--city` buildings (bench/render.py's generator, one room each, no roads) for the
10,000-building target. CPU-only machines render with Mesa llvmpipe; a machine shared with other work makes
wall times noisy, so CPU time per frame is given too.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, GuardRole, RoomUsage, Severity
from sandbox_app.domain.model import Building, Compound, District, Guard, Room

_render = importlib.import_module("bench.render")  # by name: bench/ is no package, mypy sees it by path
Walk, city = _render.Walk, _render.city

EXTRAS = ("ground", "marks", "beacons", "routes")
"""Actors the sandbox added; the baseline row hides them (and the labels and compass)."""


def city_district(n: int) -> District:
    """`bench.render.city` as a District: one compound, `n` buildings with one room each."""
    c = city(n, 0)
    d = District(name="bench", timezone="Asia/Shanghai")
    hull = c.footprints[0].union(c.footprints[-1]).envelope.buffer(0.0005)
    d.compounds["C"] = Compound("C", "测试城区", hull)
    usages = list(RoomUsage)
    rng = np.random.default_rng(3)
    for i, bid in enumerate(c.ids):
        d.buildings[bid] = Building(bid, "C", f"{i + 1}号楼", int(c.floors[i]), c.footprints[i])
        d.rooms[f"R{i}"] = Room(f"R{i}", bid, "1", 1, "101", usages[int(rng.integers(len(usages)))])
    return d


def _alerts(district: District, n: int, seed: int = 11) -> list[Alert]:
    rng = np.random.default_rng(seed)
    rooms = sorted(district.rooms)
    levels = [Severity.LOW] * 6 + [Severity.MEDIUM] * 2 + [Severity.HIGH, Severity.CRITICAL]
    picks = rng.choice(len(rooms), size=min(n, len(rooms)), replace=False)
    return [
        Alert(f"A{k}", "bench", rooms[int(r)], "room", levels[k % len(levels)], AlertState.OPEN, 0, 0)
        for k, r in enumerate(picks)
    ]


def _guards(district: District, n: int) -> tuple[list[str], list[GuardRole]]:
    roles = list(GuardRole)
    ids = [f"GD{g:03d}" for g in range(n)]
    for g, gid in enumerate(ids):
        district.guards.setdefault(gid, Guard(gid, f"测试{g}", roles[g % len(roles)], None))
    return ids, [district.guards[g].role for g in ids]


def orbit(camera: Any, degrees: float = 1.0) -> None:
    """Turn the camera `degrees` about the vertical through its focal point (one benchmark frame's move)."""
    focal = np.array(camera.GetFocalPoint())
    eye = np.array(camera.GetPosition()) - focal
    a = np.radians(degrees)
    eye[:2] = [eye[0] * np.cos(a) - eye[1] * np.sin(a), eye[0] * np.sin(a) + eye[1] * np.cos(a)]
    camera.SetPosition(*(focal + eye))


def time_frames(frame: Callable[[], None], frames: int) -> dict[str, float]:
    """The first frame's milliseconds, then the median and p95 wall and the median CPU ms of `frames` more."""
    t = time.perf_counter()
    frame()
    first = (time.perf_counter() - t) * 1000
    walls, cpus = [], []
    for _ in range(frames):
        c0, t0 = time.process_time(), time.perf_counter()
        frame()
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    return {
        "first_ms": first,
        "median_ms": statistics.median(walls),
        "p95_ms": float(np.percentile(walls, 95)),
        "cpu_ms": statistics.median(cpus),
    }


def measure(view: object, app: object, district: District, frames: int, n_alerts: int, n_guards: int,
            full: bool, lod: bool = True, imagery: bool = False,
            picture: bool = True) -> dict[str, float]:  # fmt: skip
    from layers.imagery import Draped
    from widgets.sandbox3d import Sandbox3D

    assert isinstance(view, Sandbox3D)
    t = time.perf_counter()
    view.set_scene(district)
    view.set_alerts(_alerts(district, n_alerts))
    build_s = time.perf_counter() - t
    view.lod_enabled = lod
    view.ground_picture_enabled = picture
    view.set_imagery(None)
    if imagery:  # a 2048-px picture the size of the ground, as `layers.imagery.drape_source` makes one
        rng = np.random.default_rng(1)
        x0, y0, x1, y1 = view.ground_bounds
        h = round(2048 * (y1 - y0) / max(x1 - x0, y1 - y0))
        w = round(2048 * (x1 - x0) / max(x1 - x0, y1 - y0))
        rgb = rng.integers(60, 200, (h, w, 3), dtype=np.uint8)
        view.set_imagery(Draped(rgb, np.ones((h, w), dtype=bool), view.ground_bounds))
    for name in EXTRAS:
        getattr(view, name).SetVisibility(full and not (imagery and name == "ground"))
    view.labels.actor.SetVisibility(full)
    for actor in (view.compass.actor, view.compass.north, view.compass.scale):
        actor.SetVisibility(full)
    view._pulse_timer.stop()  # pulses are stepped by hand below, once per frame
    ids, roles = _guards(district, n_guards)
    x0, y0, x1, y1 = view.ground_bounds
    rng = np.random.default_rng(5)
    walk = Walk(rng.uniform((x0, y0), (x1, y1), (n_guards, 2)))
    window = view.render_window
    camera = view.renderer.GetActiveCamera()

    def frame() -> None:
        walk.step()  # moves walk.xy, here metres in the scene's own frame
        lonlat = view.proj.to_lonlat(walk.xy[:, 0], walk.xy[:, 1])
        view.set_guards(ids, lonlat, roles)
        if full:
            view._pulse()
        orbit(camera)
        view.renderer.ResetCameraClippingRange()
        window.Render()
        window.WaitForCompletion()

    return {
        "build_s": build_s,
        **time_frames(frame, frames),
        "cells": float(view.mesh.n_cells if view.mesh else 0),
        "labels": float(view.labels.count if full else 0),
    }


HEADER = (
    "| scene | content | buildings | alerts | guards | labels | build s | first ms | median ms | p95 ms "
    "| CPU ms |"
)


def shown_sandbox(size: str) -> tuple[Any, Any]:
    """The application and a Sandbox3D of `size` ("1280x800") on screen, settled: the window every 3D
    bench row draws in (this one's and bench/render_tiles.py's)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    from PySide6.QtWidgets import QApplication

    from widgets.sandbox3d import Sandbox3D

    app = QApplication.instance() or QApplication([])
    width, height = (int(v) for v in size.lower().split("x"))
    view = Sandbox3D()
    view.resize(width, height)
    view.show()
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    return app, view


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--frames", type=int, default=30)
    parser.add_argument("--size", default="1280x800")
    parser.add_argument("--city", type=int, nargs="*", default=[10_000])
    parser.add_argument("--alerts", type=int, default=80)
    parser.add_argument("--guards", type=int, default=40)
    args, _ = parser.parse_known_args(argv)
    if not os.environ.get("DISPLAY"):
        print("sandbox: needs an X display (run under Xvfb); skipped", flush=True)
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    from sandbox_app.data.package import load_package
    from sandbox_app.data.resources import demo_package

    app, view = shown_sandbox(args.size)
    print(f"3D sandbox widget, {args.size}, load {os.getloadavg()[0]:.2f}", flush=True)
    print(HEADER)
    print("|---" * 11 + "|", flush=True)
    scenes: list[tuple[str, int | None]] = [("demo", None)] + [(f"city {n:,}", n) for n in args.city]
    for name, size in scenes:
        district = load_package(demo_package()) if size is None else city_district(size)
        rows = [  # content, full, level of detail, imagery, the ground's picture
            ("baseline (buildings, guards)", False, False, False, True),
            ("sandbox, no level of detail", True, False, False, True),
            ("sandbox, ground as its mesh", True, True, False, False),
            ("sandbox (ground, labels, beacons)", True, True, False, True),
        ]
        if size is None:
            rows.append(("sandbox on a 2048-px imagery basemap", True, True, True, True))
        for content, full, lod, imagery, pic in rows:
            r = measure(view, app, district, args.frames, args.alerts, args.guards, full, lod, imagery, pic)
            print(
                f"| {name} | {content} | {len(district.buildings):,} | {args.alerts} | {args.guards} "
                f"| {int(r['labels']):,} | {r['build_s']:.2f} | {r['first_ms']:.0f} | {r['median_ms']:.1f} "
                f"| {r['p95_ms']:.1f} | {r['cpu_ms']:.1f} |",
                flush=True,
            )
    view.close()


if __name__ == "__main__":
    main()
