"""What the 3D sandbox draws over the scene: billboard labels without collisions, north arrow, scale bar.

Each is one 2D actor whatever the count: labels are one textured actor (`widgets.sandbox3d_labels`: the
labels that would overlap are left out, keeping the higher priority), the arrow and the bar one polydata
redrawn in screen coordinates before each frame from where the camera looks.
"""

from __future__ import annotations

import glob
import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import VTK_FONT_FILE, vtkPoints
from vtkmodules.vtkCommonDataModel import vtkCellArray, vtkPolyData
from vtkmodules.vtkRenderingCore import (
    vtkActor2D,
    vtkPolyDataMapper2D,
    vtkRenderer,
    vtkTextActor,
    vtkTextProperty,
)

import vtkmodules.vtkRenderingFreeType  # noqa: F401  # isort: skip  (text rendering)
from widgets.sandbox3d_labels import Billboards as LabelAtlas  # isort: skip

numpy_to_vtk: Callable[..., Any] = numpy_support.numpy_to_vtk

FONT_GLOBS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/**/NotoSansCJK*.tt[cf]",
    "/usr/share/fonts/**/wqy*.tt[cf]",
    "/usr/share/fonts/**/*CJK*.tt[cf]",
)
"""A font with Chinese glyphs (VTK's own fonts have none); the first match wins, VTK's Arial otherwise."""
LABEL_PX = 14
LABEL_FRACTION = 0.2
"""Share of the pane labels may cover; lower-priority ones beyond it are left out (the model must show)."""
INK = (0.13, 0.13, 0.13)
SCALE_STEPS_M = (5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
SCALE_MAX_PX = 150.0
MARGIN_PX = 16.0
ARROW_PX = 22.0


def cjk_font_file() -> str | None:
    for pattern in FONT_GLOBS:
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return found[0]
    return None


def text_property(size: int, bold: bool = False, centred: bool = True) -> vtkTextProperty:
    prop = vtkTextProperty()
    font = cjk_font_file()
    if font is not None:
        prop.SetFontFamily(VTK_FONT_FILE)
        prop.SetFontFile(font)
    prop.SetFontSize(size)
    prop.SetColor(*INK)
    prop.SetBold(bold)
    if centred:  # the label mapper anchors its labels itself (centred text puts them off their boxes)
        prop.SetJustificationToCentered()
        prop.SetVerticalJustificationToCentered()
    return prop


class Billboards(LabelAtlas):
    """All labels of the scene as one 2D actor, in the sandbox's label style (`widgets.sandbox3d_labels`)."""

    def __init__(self, renderer: vtkRenderer) -> None:
        super().__init__(renderer, text_property(LABEL_PX, centred=False), LABEL_FRACTION)


def nice_length(metres_per_px: float, max_px: float = SCALE_MAX_PX) -> float:
    """The longest of `SCALE_STEPS_M` that draws no longer than `max_px` (the shortest when none fits)."""
    fits = [s for s in SCALE_STEPS_M if s / max(metres_per_px, 1e-9) <= max_px]
    return float(fits[-1] if fits else SCALE_STEPS_M[0])


class Compass:
    """North arrow (bottom right) and scale bar (bottom left), redrawn before each frame."""

    def __init__(self, renderer: vtkRenderer, north: str, metres: str) -> None:
        self.renderer = renderer
        self.metres = metres
        """A format string with {metres}, e.g. "{metres} m"."""
        self.shapes = vtkPolyData()
        mapper = vtkPolyDataMapper2D()
        mapper.SetInputData(self.shapes)
        self.actor = vtkActor2D()
        self.actor.SetMapper(mapper)
        self.actor.GetProperty().SetColor(*INK)
        self.actor.GetProperty().SetLineWidth(3.0)
        self.north = vtkTextActor()
        self.north.SetInput(north)
        self.north.SetTextProperty(text_property(15, bold=True))
        self.scale = vtkTextActor()
        self.scale.SetTextProperty(text_property(13))
        for actor in (self.actor, self.north, self.scale):
            renderer.AddViewProp(actor)
        self.bar_m = 0.0
        self.north_deg = 0.0
        """Where north points on screen, degrees counter-clockwise from straight up."""

    def _display(self, xyz: Sequence[float]) -> NDArray[np.float64]:
        self.renderer.SetWorldPoint(xyz[0], xyz[1], xyz[2], 1.0)
        self.renderer.WorldToDisplay()
        return np.asarray(self.renderer.GetDisplayPoint()[:2], dtype=np.float64)

    def update(self) -> None:
        """Measure north and metres per pixel at the camera's focal point, then redraw both."""
        camera = self.renderer.GetActiveCamera()
        fx, fy, fz = camera.GetFocalPoint()
        step = max(camera.GetDistance() * 0.05, 1.0)
        here = self._display((fx, fy, fz))
        up = self._display((fx, fy + step, fz)) - here
        self.north_deg = math.degrees(math.atan2(-up[0], up[1])) if np.hypot(*up) > 1e-6 else 0.0
        angle = math.radians(camera.GetViewAngle())
        height_px = max(self.renderer.GetSize()[1], 1)
        metres_per_px = 2.0 * camera.GetDistance() * math.tan(angle / 2.0) / height_px
        self.bar_m = nice_length(metres_per_px)
        self._draw(self.bar_m / metres_per_px)

    def _draw(self, bar_px: float) -> None:
        width, _ = self.renderer.GetSize()
        m = MARGIN_PX
        pts: list[tuple[float, float]] = [(m, m), (m + bar_px, m), (m, m), (m, m + 6), (m + bar_px, m)]
        pts.append((m + bar_px, m + 6))
        lines = [(0, 1), (2, 3), (4, 5)]
        cx, cy = width - m - ARROW_PX, m + ARROW_PX
        a = math.radians(self.north_deg)
        rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
        arrow = np.array([[0.0, ARROW_PX], [-ARROW_PX * 0.45, -ARROW_PX * 0.6], [0.0, -ARROW_PX * 0.25]])
        arrow = np.vstack([arrow, [[ARROW_PX * 0.45, -ARROW_PX * 0.6]]]) @ rot.T + (cx, cy)
        base = len(pts)
        pts += [(float(x), float(y)) for x, y in arrow]
        points = vtkPoints()
        for x, y in pts:
            points.InsertNextPoint(x, y, 0.0)
        line_cells, poly_cells = vtkCellArray(), vtkCellArray()
        for i, j in lines:
            line_cells.InsertNextCell(2, (i, j))
        poly_cells.InsertNextCell(3, (base, base + 1, base + 2))
        poly_cells.InsertNextCell(3, (base, base + 2, base + 3))
        self.shapes.SetPoints(points)
        self.shapes.SetLines(line_cells)
        self.shapes.SetPolys(poly_cells)
        self.shapes.Modified()
        tip = np.array([0.0, ARROW_PX + 12.0]) @ rot.T + (cx, cy)
        self.north.SetPosition(float(tip[0]), float(tip[1]))
        self.scale.SetInput(self.metres.format(metres=f"{self.bar_m:g}"))
        self.scale.SetPosition(m + bar_px / 2.0, m + 16.0)
