"""Screen-space-error level of detail for a 3D Tiles tileset, and the cache that feeds it.

A tile's geometric error (metres) seen from the camera covers `sse = error · viewport_px / (2 · distance ·
tan(fov_y / 2))` pixels. Where that is more than `max_sse` (16 px, as CesiumJS) and the tile has children,
they are drawn instead of it (REPLACE) or with it (ADD); tiles outside the view frustum or whose
`viewerRequestVolume` does not hold the camera are skipped. A REPLACE parent stays on screen until all its
visible children are loaded, so refining never opens holes.

`TileStream` loads wanted tiles on a worker thread, nearest-and-coarsest first, keeps loaded contents in an
LRU cache bounded in bytes (tiles on screen are never evicted), and says when new tiles arrived so the view
can redraw. Nothing here knows Qt or VTK: the widget gives a `View` and draws `Selection.render`.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from layers.tiles3d.tileset import LocalContent, Tile, Tileset

_log = logging.getLogger(__name__)
MAX_SSE_PX = 16.0
CACHE_BYTES = 512 * 1024 * 1024
IN_FLIGHT = 4
"""At most this many tiles queued to the loader: a moving camera's old wishes are not worth reading."""
MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class View:
    """The camera, in local metres: eye position, vertical field of view, viewport height in pixels and the
    frustum planes ((6, 4), inward normals; empty: no culling)."""

    eye: tuple[float, float, float]
    fov_y_deg: float
    height_px: int
    planes: NDArray[np.float64] = field(default_factory=lambda: np.zeros((0, 4)))
    max_sse: float = MAX_SSE_PX


@dataclass(slots=True)
class Selection:
    render: list[Tile] = field(default_factory=list)
    """Tiles to draw now (loaded)."""
    wanted: list[Tile] = field(default_factory=list)
    """Tiles to draw that are not loaded yet, most urgent first."""
    used: list[Tile] = field(default_factory=list)
    """Loaded tiles this view needs, on screen or waiting for their siblings (the cache keeps them)."""
    visited: int = 0


def screen_space_error(error_m: float, distance_m: float, view: View) -> float:
    k = 2.0 * math.tan(math.radians(view.fov_y_deg) / 2.0)
    return error_m * view.height_px / (max(distance_m, 1e-3) * k)


def select(tileset: Tileset, view: View, loaded: Callable[[Tile], bool]) -> Selection:
    """The tiles to draw for `view`; `loaded(tile)` says which contents are in memory."""
    out = Selection()
    eye = np.asarray(view.eye, dtype=np.float64)
    distance: dict[int, float] = {}

    def want(tile: Tile) -> None:
        distance[id(tile)] = tile.volume.distance(eye)
        out.wanted.append(tile)

    def draw(tile: Tile, render: list[Tile]) -> None:
        render.append(tile)
        out.used.append(tile)

    def visit(tile: Tile, render: list[Tile]) -> bool:
        """Add what `tile`'s subtree draws to `render`; False when part of it is not loaded yet."""
        out.visited += 1
        if tile.request is not None and tile.request.distance(eye) > 0.0:
            return True
        if tile.volume.outside(view.planes):
            return True
        kids = tileset.children(tile) if tile.depth < MAX_DEPTH else []
        sse = screen_space_error(tile.geometric_error, tile.volume.distance(eye), view)
        drawable = bool(tile.contents)
        ready = drawable and loaded(tile)
        if drawable and not ready:
            want(tile)
        if not kids or sse <= view.max_sse:
            if ready:
                draw(tile, render)
            return ready or not drawable
        if tile.refine == "ADD":
            if ready:
                draw(tile, render)
            complete = all([visit(k, render) for k in kids])
            return complete and (ready or not drawable)
        below: list[Tile] = []
        complete = all([visit(k, below) for k in kids])
        if complete or not ready:
            render.extend(below)
            return complete
        draw(tile, render)  # children still loading: the parent covers their place meanwhile
        return True

    visit(tileset.root, out.render)
    seen: set[int] = set()
    unique = []
    for t in out.wanted:
        if id(t) not in seen:
            seen.add(id(t))
            unique.append(t)
    out.wanted = sorted(unique, key=lambda t: (t.depth, distance[id(t)]))
    return out


class TileStream:
    """Loads what `update` selects in the background and caches it (LRU, `budget` bytes)."""

    def __init__(self, tileset: Tileset, budget: int = CACHE_BYTES, workers: int = 1) -> None:
        self.tileset = tileset
        self.budget = budget
        self.cache: OrderedDict[str, LocalContent] = OrderedDict()
        self.failed: set[str] = set()
        self._jobs: dict[str, Future[LocalContent]] = {}
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tiles3d")
        self.selection = Selection()
        self.bytes = 0

    def loaded(self, tile: Tile) -> bool:
        return tile.key in self.cache

    def update(self, view: View) -> Selection:
        """Select for `view`, queue what is missing, trim the cache; the selection is kept."""
        sel = select(self.tileset, view, self.loaded)
        for tile in sel.render:
            self.cache.move_to_end(tile.key)
        queued = len(self._jobs)
        for tile in sel.wanted:
            if queued >= IN_FLIGHT:
                break
            if tile.key in self._jobs or tile.key in self.failed:
                continue
            self._jobs[tile.key] = self._pool.submit(self.tileset.load, tile)
            queued += 1
        self.selection = sel
        self._trim({t.key for t in sel.used})
        return sel

    def poll(self) -> bool:
        """Take finished loads into the cache; True when anything arrived (select again and redraw)."""
        arrived = False
        for key, job in list(self._jobs.items()):
            if not job.done():
                continue
            del self._jobs[key]
            try:
                content = job.result()
            except Exception:  # a worker's surprise must not kill the view: that tile stays out
                _log.exception("3D Tiles: loading tile %s failed", key)
                self.failed.add(key)
                continue
            self.cache[key] = content
            self.bytes += content.nbytes
            arrived = True
        return arrived

    @property
    def pending(self) -> bool:
        return bool(self._jobs)

    def wait(self, timeout_s: float = 60.0) -> None:
        """Block until the queued loads finish (benchmarks, tests)."""
        for job in list(self._jobs.values()):
            job.exception(timeout=timeout_s)
        self.poll()

    def _trim(self, keep: set[str]) -> None:
        for key in list(self.cache):
            if self.bytes <= self.budget:
                break
            if key in keep:
                continue
            self.bytes -= self.cache.pop(key).nbytes

    def close(self) -> None:
        for job in self._jobs.values():
            job.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._jobs.clear()
