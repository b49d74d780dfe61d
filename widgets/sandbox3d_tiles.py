"""Real-scene 3D Tiles models (实景三维, e.g. oblique photography) in the sandbox's renderer.

`TilesetLayer` draws the tiles that `layers.tiles3d.select` picks for the current camera: after every
frame it compares the camera with the one it last selected for and, when it moved, selects again (deferred
to the event loop, never inside a render); tiles arriving from the loader thread are polled every
`POLL_MS` while any are pending, then the pane redraws. Each loaded tile becomes a few actors, built once
and kept with the cache entry: its untextured triangles merged into one (per-vertex colours), each
textured primitive one (its image as the texture), its points one. Drawing only: what to draw comes from
`layers.tiles3d`.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QObject, QTimer
from vtkmodules.vtkCommonCore import vtkCommand, vtkPoints
from vtkmodules.vtkCommonDataModel import vtkImageData, vtkPolyData
from vtkmodules.vtkRenderingCore import vtkActor, vtkPolyDataMapper, vtkRenderer, vtkTexture

from layers.projection import LocalProjection
from layers.tiles3d.gltf import Part
from layers.tiles3d.select import TileStream, View
from layers.tiles3d.tileset import Placement, Tileset
from widgets.sandbox3d_vtk import _cells, _vtk_array, numpy_to_vtk

_log = logging.getLogger(__name__)
POLL_MS = 50
POINT_PX = 3.0
MODEL_AMBIENT = 0.5
MODEL_DIFFUSE = 0.6
"""Lit like the extruded blocks: the material colour stays readable on every face."""


def _polydata(
    points: NDArray[Any], rgb: NDArray[np.uint8], triangles: NDArray[np.int64] | None
) -> vtkPolyData:
    """Triangles (or, with None, one vertex cell a point) coloured per point, straight from numpy."""
    pd = vtkPolyData()
    pts = vtkPoints()
    pts.SetData(_vtk_array(np.ascontiguousarray(points, dtype=np.float32)))
    pd.SetPoints(pts)
    if triangles is None:
        n = len(points)
        pd.SetVerts(_cells(np.arange(n + 1, dtype=np.int64), np.arange(n, dtype=np.int64)))
    else:
        conn = np.ascontiguousarray(triangles, dtype=np.int64).reshape(-1)
        pd.SetPolys(_cells(np.arange(0, len(conn) + 1, 3, dtype=np.int64), conn))
    pd.GetPointData().SetScalars(_vtk_array(np.ascontiguousarray(rgb, dtype=np.uint8), "rgb"))
    return pd


def _merge(parts: list[Part]) -> tuple[NDArray[np.float32], NDArray[np.uint8], NDArray[np.int64] | None]:
    """One vertex array for all `parts`; parts that share a vertex array and its colours (two materials
    of one colour over one glTF buffer) share it here too."""
    arrays: list[tuple[NDArray[Any], NDArray[np.uint8]]] = []
    start: dict[int, int] = {}
    offset = 0
    starts = []
    for p in parts:
        k = id(p.points)
        if k in start and np.array_equal(arrays[_index(arrays, p.points)][1], p.rgb):
            starts.append(start[k])
            continue
        start.setdefault(k, offset)
        starts.append(offset)
        arrays.append((p.points, p.rgb))
        offset += len(p.points)
    points = np.vstack([a for a, _ in arrays]).astype(np.float32)
    rgb = np.vstack([c for _, c in arrays])
    if parts[0].triangles is None:
        return points, rgb, None
    tris = np.vstack([p.triangles + s for p, s in zip(parts, starts, strict=True) if p.triangles is not None])
    return points, rgb, tris


def _index(arrays: list[tuple[NDArray[Any], NDArray[np.uint8]]], points: NDArray[Any]) -> int:
    return next(i for i, (a, _) in enumerate(arrays) if a is points)


def _texture(image: NDArray[np.uint8]) -> vtkTexture:
    """glTF images run top row first with v down; VTK reads row 0 as t = 0, so both flips cancel."""
    data = vtkImageData()
    data.SetDimensions(image.shape[1], image.shape[0], 1)
    data.GetPointData().SetScalars(numpy_to_vtk(np.ascontiguousarray(image.reshape(-1, 3)), deep=True))
    texture = vtkTexture()
    texture.SetInputData(data)
    texture.InterpolateOn()
    texture.RepeatOn()
    return texture


def tile_actors(parts: list[Part]) -> list[vtkActor]:
    """The actors of one loaded tile."""
    groups: dict[tuple[str, bool], list[Part]] = {}
    actors = []
    for p in parts:
        if not len(p.points):
            continue
        if p.texture is not None and p.uv is not None and p.triangles is not None:
            pd = _polydata(p.points, p.rgb, p.triangles)
            pd.GetPointData().SetTCoords(_vtk_array(np.ascontiguousarray(p.uv, dtype=np.float32), "uv"))
            actor = _actor(pd, lit=p.lit, colours=False)
            actor.SetTexture(_texture(p.texture))
            actors.append(actor)
        else:
            kind = "points" if p.triangles is None else "mesh"
            groups.setdefault((kind, p.lit), []).append(p)
    for (kind, lit), group in groups.items():
        actor = _actor(_polydata(*_merge(group)), lit=lit and kind == "mesh", colours=True)
        if kind == "points":
            actor.GetProperty().SetPointSize(POINT_PX)
        actors.append(actor)
    return actors


def _actor(pd: vtkPolyData, lit: bool, colours: bool) -> vtkActor:
    mapper = vtkPolyDataMapper()
    mapper.SetInputData(pd)
    if colours:
        mapper.SetColorModeToDirectScalars()
        mapper.SetScalarModeToUsePointData()
        mapper.ScalarVisibilityOn()
    else:
        mapper.ScalarVisibilityOff()
    actor = vtkActor()
    actor.SetMapper(mapper)
    actor.PickableOff()
    prop = actor.GetProperty()
    if lit:
        prop.SetAmbient(MODEL_AMBIENT)
        prop.SetDiffuse(MODEL_DIFFUSE)
        prop.SetSpecular(0.0)
    else:
        prop.LightingOff()
    return actor


class TilesetLayer(QObject):
    """Every 3D Tiles model shown in `renderer`; `redraw` asks the pane for a frame."""

    def __init__(
        self, renderer: vtkRenderer, redraw: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.redraw = redraw
        self.streams: list[TileStream] = []
        self.actors: dict[tuple[int, str], list[vtkActor]] = {}
        self.shown: set[tuple[int, str]] = set()
        self.visible = True
        self._camera_seen: tuple[float, ...] = ()
        self._queued = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        renderer.AddObserver(vtkCommand.EndEvent, lambda *_: self._after_frame())

    # --- what is shown ---------------------------------------------------------------------------------
    def add(self, path: Path, proj: LocalProjection, placement: Placement | None = None) -> Tileset:
        """Open a tileset (raises `TilesetError` when it cannot be read) and start streaming it."""
        tileset = Tileset(path, proj, placement)
        self.streams.append(TileStream(tileset))
        self._camera_seen = ()
        self._queue()
        return tileset

    def clear(self) -> None:
        for stream in self.streams:
            stream.close()
        for actors in self.actors.values():
            for actor in actors:
                self.renderer.RemoveActor(actor)
        self.streams, self.actors, self.shown = [], {}, set()
        self._poll.stop()

    def set_visible(self, visible: bool) -> None:
        self.visible = visible
        for key, actors in self.actors.items():
            for actor in actors:
                actor.SetVisibility(visible and key in self.shown)
        if visible:
            self._camera_seen = ()  # the camera may have moved while hidden: select again
            self._queue()
        self.redraw()

    @property
    def tilesets(self) -> list[Tileset]:
        return [s.tileset for s in self.streams]

    def bounds(self) -> tuple[float, float, float, float, float, float] | None:
        """x0, x1, y0, y1, z0, z1 of every model's root volume (local metres); None when none is open."""
        if not self.streams:
            return None
        corners = np.vstack([s.tileset.root.volume.corners() for s in self.streams])
        lo, hi = corners.min(axis=0), corners.max(axis=0)
        return float(lo[0]), float(hi[0]), float(lo[1]), float(hi[1]), float(lo[2]), float(hi[2])

    # --- refining with the camera ----------------------------------------------------------------------
    def view(self) -> View:
        camera = self.renderer.GetActiveCamera()
        w, h = self.renderer.GetSize()
        planes = [0.0] * 24
        camera.GetFrustumPlanes(max(w, 1) / max(h, 1), planes)
        x, y, z = camera.GetPosition()
        # the four side planes only: near and far follow the visible props (ResetCameraClippingRange),
        # so they would cull a tile that is not drawn yet
        sides = np.asarray(planes, dtype=np.float64).reshape(6, 4)[:4]
        return View((x, y, z), camera.GetViewAngle(), max(int(h), 1), sides)

    def _signature(self) -> tuple[float, ...]:
        camera = self.renderer.GetActiveCamera()
        return (
            *camera.GetPosition(),
            *camera.GetFocalPoint(),
            camera.GetViewAngle(),
            *self.renderer.GetSize(),
        )

    def _after_frame(self) -> None:
        if self.streams and self.visible and self._signature() != self._camera_seen:  # hidden: no loading
            self._queue()

    def _queue(self) -> None:
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self._refresh_and_draw)

    def _refresh_and_draw(self) -> None:
        self._queued = False
        if self.refresh():
            self.redraw()

    def refresh(self) -> bool:
        """Select for the camera now, sync the actors; True when what is drawn changed."""
        self._camera_seen = self._signature()
        if not self.streams:
            return False
        view = self.view()
        shown: set[tuple[int, str]] = set()
        for i, stream in enumerate(self.streams):
            sel = stream.update(view)
            shown.update((i, t.key) for t in sel.render)
        changed = self._sync(shown)
        if any(s.pending for s in self.streams):
            self._poll.start()
        return changed

    def _on_poll(self) -> None:
        arrived = False
        for stream in self.streams:
            arrived = stream.poll() or arrived
        if not any(s.pending for s in self.streams):
            self._poll.stop()
        if arrived and self.refresh():
            self.redraw()

    def _sync(self, shown: set[tuple[int, str]]) -> bool:
        """Actors for newly shown tiles, visibility for all, and none kept for tiles the cache dropped."""
        changed = shown != self.shown
        for i, stream in enumerate(self.streams):
            for key in [k for k in self.actors if k[0] == i and k[1] not in stream.cache]:
                for actor in self.actors.pop(key):
                    self.renderer.RemoveActor(actor)
            for _, name in [k for k in shown if k[0] == i and k not in self.actors]:
                actors = tile_actors(stream.cache[name].parts)
                for actor in actors:
                    self.renderer.AddActor(actor)
                self.actors[(i, name)] = actors
        for key, actors in self.actors.items():
            for actor in actors:
                actor.SetVisibility(self.visible and key in shown)
        self.shown = shown
        return changed

    def wait_loaded(self, rounds: int = 20) -> None:
        """Select and load until nothing more is wanted (tests, benchmarks, screenshots)."""
        for _ in range(rounds):
            self.refresh()
            if not any(s.pending for s in self.streams):
                break
            for stream in self.streams:
                stream.wait()
        self.refresh()

    def close(self) -> None:
        self.clear()


def fov_distance(radius: float, view_angle_deg: float) -> float:
    """How far back a camera must be for a sphere of `radius` to fill its vertical view."""
    return radius / math.sin(math.radians(view_angle_deg) / 2.0)
