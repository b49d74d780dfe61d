"""VTK building blocks of the 3D sandbox: numpy arrays to polydata without copies, the floor texture, and the
glyph shapes (guard pins, alert beacons). Shared by `widgets.sandbox3d` and `bench/render.py`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import vtkPoints
from vtkmodules.vtkCommonDataModel import vtkCellArray, vtkImageData, vtkPolyData
from vtkmodules.vtkCommonTransforms import vtkTransform
from vtkmodules.vtkFiltersCore import vtkAppendPolyData
from vtkmodules.vtkFiltersGeneral import vtkTransformFilter
from vtkmodules.vtkFiltersSources import vtkCylinderSource, vtkSphereSource
from vtkmodules.vtkRenderingCore import vtkGlyph3DMapper, vtkPolyDataMapper, vtkTexture

from layers import extrude
from layers.extrude import Glyphs

GUARD_PIN_M = (9.0, 2.2)
"""Height and head radius of a guard's pin: an upright five-sided stick with a low-poly ball on top (about 40
triangles), standing at the guard's position, so 5,000 guards stay cheap to draw."""
BEACON_M = (45.0, 7.0)
"""Height of a beacon's beam above the roof and radius of the ball on top, at 1:1 scale; the whole beacon is
scaled with the camera's distance (`BEACON_SCALE`) so it reads the same from the overview and up close."""

# vtkmodules' numpy helpers and Qt widget carry no annotations; typed handles keep mypy's checks on.
numpy_to_vtk: Callable[..., Any] = numpy_support.numpy_to_vtk
numpy_to_vtk_ids: Callable[..., Any] = numpy_support.numpy_to_vtkIdTypeArray
vtk_to_numpy: Callable[..., NDArray[Any]] = numpy_support.vtk_to_numpy


def _vtk_array(values: NDArray[Any], name: str = "") -> Any:
    arr = numpy_to_vtk(np.ascontiguousarray(values), deep=False)
    if name:
        arr.SetName(name)
    return arr


def _cells(offsets: NDArray[np.int64], connectivity: NDArray[np.int64]) -> vtkCellArray:
    cells = vtkCellArray()
    cells.SetData(
        numpy_to_vtk_ids(np.ascontiguousarray(offsets, dtype=np.int64), deep=False),
        numpy_to_vtk_ids(np.ascontiguousarray(connectivity, dtype=np.int64), deep=False),
    )
    return cells


def polydata(
    points: NDArray[np.float32],
    offsets: NDArray[np.int64],
    connectivity: NDArray[np.int64],
    rgb: NDArray[np.uint8],
    tcoords: NDArray[np.float32] | None = None,
) -> vtkPolyData:
    """Polygon cells straight from numpy (no copies of the big arrays), coloured per cell; `tcoords` (one
    per point) index the floor texture."""
    pd = vtkPolyData()
    pts = vtkPoints()
    pts.SetData(_vtk_array(np.asarray(points, dtype=np.float32)))
    pd.SetPoints(pts)
    pd.SetPolys(_cells(offsets, connectivity))
    pd.GetCellData().SetScalars(_vtk_array(np.asarray(rgb, dtype=np.uint8), "rgb"))
    if tcoords is not None:
        st = np.column_stack([tcoords, np.full(len(tcoords), 0.5, np.float32)]).astype(np.float32)
        pd.GetPointData().SetTCoords(_vtk_array(st, "floors"))
    return pd


def floor_texture() -> vtkTexture:
    """`layers.extrude.FLOOR_TEXTURE` as a repeating, linearly filtered texture. No mipmaps: on Mesa's
    software renderer they made a 10k-building frame ~5x slower (far slab lines may shimmer instead).
    It only shows on lit actors: VTK skips textures when diffuse is 0."""
    strip = np.repeat(extrude.FLOOR_TEXTURE[:, None], 3, axis=1)
    image = vtkImageData()
    image.SetDimensions(len(strip), 1, 1)
    image.GetPointData().SetScalars(numpy_to_vtk(np.ascontiguousarray(strip), deep=True))
    texture = vtkTexture()
    texture.SetInputData(image)
    texture.RepeatOn()
    texture.InterpolateOn()
    texture.MipmapOff()
    return texture


def glyph_polydata(glyphs: Glyphs) -> vtkPolyData:
    pd = vtkPolyData()
    pts = vtkPoints()
    pts.SetData(_vtk_array(glyphs.points.reshape(-1, 3)))
    pd.SetPoints(pts)
    pd.GetPointData().SetScalars(_vtk_array(glyphs.rgb.reshape(-1, 3), "rgb"))
    return pd


def _upright(height: float, radius: float, resolution: int, z0: float = 0.0) -> vtkTransformFilter:
    """A capless vertical prism from z0 to z0 + height (VTK's cylinder runs along y)."""
    stick = vtkCylinderSource()
    stick.SetHeight(height)
    stick.SetRadius(radius)
    stick.SetResolution(resolution)
    stick.CappingOff()
    turn = vtkTransform()
    turn.Translate(0.0, 0.0, z0 + height / 2.0)
    turn.RotateX(90.0)
    out = vtkTransformFilter()
    out.SetTransform(turn)
    out.SetInputConnection(stick.GetOutputPort())
    return out


def _ball(radius: float, z: float, theta: int, phi: int) -> vtkSphereSource:
    ball = vtkSphereSource()
    ball.SetRadius(radius)
    ball.SetCenter(0.0, 0.0, z)
    ball.SetThetaResolution(theta)
    ball.SetPhiResolution(phi)
    return ball


def _append(*parts: Any) -> vtkAppendPolyData:
    out = vtkAppendPolyData()
    for part in parts:
        out.AddInputConnection(part.GetOutputPort())
    return out


def guard_pin() -> vtkAppendPolyData:
    """An upright pin: stick from the ground to `GUARD_PIN_M[0]`, a ball on top (where the id label sits)."""
    height, head = GUARD_PIN_M
    return _append(_upright(height - head, 0.5, 5), _ball(head, height - head, 6, 4))


def beacon_glyph() -> vtkAppendPolyData:
    """A thin beam up from the roof and a ball on top; pulses scale it in x and y only. Few facets (about
    60 triangles): the ball is ~10-20 px across at the overview, and on Mesa's software renderer every
    triangle of every beacon costs (92 triangles each took ~2 ms more of a demo frame)."""
    height, head = BEACON_M
    return _append(_upright(height, 0.9, 4), _ball(head, height + head, 8, 5))


def _direct_colours(mapper: vtkPolyDataMapper | vtkGlyph3DMapper, cell: bool) -> None:
    mapper.SetColorModeToDirectScalars()
    mapper.ScalarVisibilityOn()
    if cell:
        mapper.SetScalarModeToUseCellData()
    else:
        mapper.SetScalarModeToUsePointData()
