"""Billboard labels of the 3D sandbox: one textured 2D actor, placed without collisions, cheap per frame.

Each distinct text is rasterised once (FreeType, through VTK's text renderer) onto a white tag and packed into
one texture atlas. Per frame only the anchors are projected (one matrix product in numpy) and placed greedily
in priority order on a coarse occupancy grid: a label that would overlap one already placed is left out. The
quads of the placed labels are one polydata drawn by one `vtkTexturedActor2D`. When neither the camera, the
pane's size nor the labels changed, the previous placement is drawn as is.

VTK's own `vtkLabelPlacementMapper` rasterised every placed label on every frame: about 30 ms for the demo
district on a software renderer, against a 33 ms budget for the whole frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import vtkPoints
from vtkmodules.vtkCommonDataModel import vtkCellArray, vtkImageData, vtkPolyData
from vtkmodules.vtkRenderingCore import (
    vtkPolyDataMapper2D,
    vtkRenderer,
    vtkTextProperty,
    vtkTextRenderer,
    vtkTexture,
    vtkTexturedActor2D,
)

import vtkmodules.vtkRenderingFreeType  # noqa: F401  # isort: skip  (the text renderer's backend)

numpy_to_vtk: Callable[..., Any] = numpy_support.numpy_to_vtk
vtk_to_numpy: Callable[..., NDArray[Any]] = numpy_support.vtk_to_numpy
ids_to_vtk: Callable[..., Any] = numpy_support.numpy_to_vtkIdTypeArray

TAG_RGBA = (255, 255, 255, 205)
"""The tag behind each text: white, a little see-through, so the model shows around the words."""
PAD_PX = 3
GRID_PX = 4
"""Occupancy cell size: labels are kept apart to within this many pixels."""
MAX_CANDIDATES = 1500
"""At most this many on-screen labels, highest priority first, are tried each frame (a 50,000-building city
would otherwise spend the frame placing labels that never fit)."""
ATLAS_WIDTH = 2048
LIFT_PX = 4
"""A label sits this far above its anchor, so it does not hide the point it names."""


def rasterise(text: str, prop: vtkTextProperty) -> NDArray[np.uint8]:
    """`text` on a tag, as (h, w, 4) RGBA, top row first."""
    image = vtkImageData()
    dims = [0, 0]
    ok = vtkTextRenderer.GetInstance().RenderString(prop, text, image, dims, 72)
    w, h = (int(v) for v in dims)
    if not ok or w <= 0 or h <= 0:
        return np.zeros((0, 0, 4), dtype=np.uint8)
    full_w, full_h, _ = image.GetDimensions()
    glyphs = vtk_to_numpy(image.GetPointData().GetScalars()).reshape(full_h, full_w, 4)[:h, :w][::-1]
    out = np.empty((h + 2 * PAD_PX, w + 2 * PAD_PX, 4), dtype=np.float64)
    out[:] = TAG_RGBA
    a = glyphs[:, :, 3:4].astype(np.float64) / 255.0
    inner = out[PAD_PX : PAD_PX + h, PAD_PX : PAD_PX + w]
    inner[:, :, :3] = glyphs[:, :, :3] * a + inner[:, :, :3] * (1.0 - a)
    inner[:, :, 3:] = np.maximum(inner[:, :, 3:], glyphs[:, :, 3:4])
    result: NDArray[np.uint8] = out.round().astype(np.uint8)
    return result


def pack(
    tiles: Sequence[NDArray[np.uint8]], width: int = ATLAS_WIDTH
) -> tuple[NDArray[np.uint8], NDArray[np.int64]]:
    """Shelf-pack tiles into one RGBA atlas (top row first); (n, 4) x, y, w, h of each tile."""
    boxes = np.zeros((len(tiles), 4), dtype=np.int64)
    x = y = shelf = 0
    for i, tile in enumerate(tiles):
        h, w = tile.shape[:2]
        if x + w > width:
            x, y, shelf = 0, y + shelf, 0
        boxes[i] = (x, y, w, h)
        x += w
        shelf = max(shelf, h)
    height = max(1, int(y + shelf))
    atlas = np.zeros((height, width, 4), dtype=np.uint8)
    for (bx, by, w, h), tile in zip(boxes, tiles, strict=True):
        atlas[by : by + h, bx : bx + w] = tile
    return atlas, boxes


def _quads(
    x0: NDArray[np.float64], y0: NDArray[np.float64], x1: NDArray[np.float64], y1: NDArray[np.float64]
) -> NDArray[np.float64]:
    """(4n, 2) corners of n axis-aligned boxes, counter-clockwise from the lower left."""
    out: NDArray[np.float64] = np.stack([x0, y0, x1, y0, x1, y1, x0, y1], axis=1).reshape(-1, 2)
    return out


class Billboards:
    """All labels of the scene as one 2D actor: screen-aligned, upright, never overlapping."""

    def __init__(self, renderer: vtkRenderer, prop: vtkTextProperty, max_fraction: float) -> None:
        self.renderer = renderer
        self.prop = prop
        self.max_fraction = max_fraction
        self.shapes = vtkPolyData()
        mapper = vtkPolyDataMapper2D()
        mapper.SetInputData(self.shapes)
        self.texture = vtkTexture()
        self.texture.InterpolateOff()  # texels land on pixels one to one: crisp text
        self.actor = vtkTexturedActor2D()
        self.actor.SetMapper(mapper)
        self.actor.SetTexture(self.texture)
        renderer.AddViewProp(self.actor)
        self.xyz = np.zeros((0, 3))
        self.order = np.zeros(0, dtype=np.int64)
        self.tile = np.zeros(0, dtype=np.int64)
        """Label i → its tile in the atlas."""
        self._tiles: dict[str, int] = {}
        self._images: list[NDArray[np.uint8]] = []
        self._boxes = np.zeros((0, 4), dtype=np.int64)
        self._atlas_size = (1, 1)
        self._key: tuple[Any, ...] | None = None
        self._version = 0
        self.count = 0
        self.placed = np.zeros(0, dtype=np.int64)
        """Indices (into the labels given to `set`) drawn in the last placement."""
        self.rects = np.zeros((0, 4))
        """Their boxes on the pane: x, y (lower left, pixels from the bottom left), width, height."""

    def set(self, xyz: NDArray[np.float64], text: Sequence[str], priority: NDArray[np.float64]) -> None:
        """Replace the labels: anchors (n, 3) in metres, texts, priorities (higher placed first)."""
        self.xyz = np.asarray(xyz, dtype=np.float64).reshape(-1, 3)
        new = [t for t in dict.fromkeys(text) if t not in self._tiles]
        for t in new:
            self._tiles[t] = len(self._images)
            self._images.append(rasterise(t, self.prop))
        if new:
            atlas, self._boxes = pack(self._images)
            self._atlas_size = (atlas.shape[1], atlas.shape[0])
            image = vtkImageData()
            image.SetDimensions(atlas.shape[1], atlas.shape[0], 1)
            flat = np.ascontiguousarray(atlas[::-1].reshape(-1, 4))  # VTK images start at the bottom row
            image.GetPointData().SetScalars(numpy_to_vtk(flat, deep=True))
            self.texture.SetInputData(image)
        self.tile = np.asarray([self._tiles[t] for t in text], dtype=np.int64)
        self.order = np.argsort(-np.asarray(priority, dtype=np.float64), kind="stable")
        self.count = len(text)
        self._version += 1

    def update(self) -> None:
        """Place the labels for the camera now (before each frame); nothing to do when nothing moved."""
        width, height = self.renderer.GetSize()
        camera = self.renderer.GetActiveCamera()
        aspect = width / max(height, 1)
        matrix = camera.GetCompositeProjectionTransformMatrix(aspect, -1.0, 1.0)
        m = np.array([[matrix.GetElement(i, j) for j in range(4)] for i in range(4)])
        key = (self._version, width, height, m.tobytes())
        if key == self._key:
            return
        self._key = key
        self._place(m, width, height)

    def _place(self, m: NDArray[np.float64], width: int, height: int) -> None:
        clip = np.column_stack([self.xyz, np.ones(len(self.xyz))]) @ m.T
        w = clip[:, 3]
        front = w > 1e-6
        safe = np.where(front, w, 1.0)
        px = (clip[:, 0] / safe + 1.0) * 0.5 * width
        py = (clip[:, 1] / safe + 1.0) * 0.5 * height
        on = front & (px >= 0) & (px < width) & (py >= 0) & (py < height)
        candidates = self.order[on[self.order]][:MAX_CANDIDATES].tolist()  # priority order, on screen
        grid = np.zeros((height // GRID_PX + 2, width // GRID_PX + 2), dtype=bool)
        budget = self.max_fraction * width * height
        used = 0.0
        placed: list[int] = []
        rects: list[tuple[float, float, float, float]] = []
        size = self._boxes[self.tile[candidates], 2:].astype(np.int64).reshape(-1, 2)
        left = np.round(px[candidates] - size[:, 0] / 2.0).astype(np.int64).tolist()
        bottom = np.round(py[candidates] + LIFT_PX).astype(np.int64).tolist()
        for k, i in enumerate(candidates):
            tw, th = int(size[k, 0]), int(size[k, 1])
            x0, y0 = left[k], bottom[k]
            c0, c1 = max(x0 // GRID_PX, 0), max((x0 + tw) // GRID_PX + 1, 0)
            r0, r1 = max(y0 // GRID_PX, 0), max((y0 + th) // GRID_PX + 1, 0)
            if grid[r0:r1, c0:c1].any():
                continue
            grid[r0:r1, c0:c1] = True
            placed.append(i)
            rects.append((x0, y0, tw, th))
            used += tw * th
            if used > budget:
                break
        self.placed = np.asarray(placed, dtype=np.int64)
        self.rects = np.asarray(rects, dtype=np.float64).reshape(-1, 4)
        self._draw(placed, rects)

    def _draw(self, placed: list[int], rects: list[tuple[float, float, float, float]]) -> None:
        n = len(placed)
        r = np.asarray(rects, dtype=np.float64).reshape(-1, 4)
        x0, y0, w, h = r[:, 0], r[:, 1], r[:, 2], r[:, 3]
        corners = _quads(x0, y0, x0 + w, y0 + h)
        b = self._boxes[self.tile[np.asarray(placed, dtype=np.int64)]].astype(np.float64).reshape(-1, 4)
        aw, ah = self._atlas_size
        u0, u1 = b[:, 0] / aw, (b[:, 0] + b[:, 2]) / aw
        v_top, v_bottom = 1.0 - b[:, 1] / ah, 1.0 - (b[:, 1] + b[:, 3]) / ah  # atlas rows run down
        uv = _quads(u0, v_bottom, u1, v_top)
        pts = vtkPoints()
        pts.SetData(
            numpy_to_vtk(np.column_stack([corners, np.zeros(len(corners))]).astype(np.float32), deep=True)
        )
        cells = vtkCellArray()
        cells.SetData(
            ids_to_vtk(np.arange(n + 1, dtype=np.int64) * 4, deep=True),
            ids_to_vtk(np.arange(4 * n, dtype=np.int64), deep=True),
        )
        self.shapes.SetPoints(pts)
        self.shapes.SetPolys(cells)
        tc = numpy_to_vtk(uv.astype(np.float32), deep=True)
        tc.SetName("tcoords")
        self.shapes.GetPointData().SetTCoords(tc)
        self.shapes.Modified()
