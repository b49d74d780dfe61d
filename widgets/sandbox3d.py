"""The 3D sandbox: buildings extruded by floor, guards and devices as glyphs, alerted floors lit (VTK).

One actor per layer, whatever the district's size: all buildings are one merged polydata
(`layers.extrude.BuildingMesh`), guards and devices one `vtkGlyph3DMapper` each, every alerted floor one
more actor. Drawing only: what is shown comes from the core through these calls.

API for the main window (coordinates are shared with the 2D map through one `LocalProjection`):

    view = Sandbox3D(parent)
    view.set_scene(district, proj)          # on start and after an import; resets the camera
    view.set_guards(ids, lonlat, roles)     # every live update: ids (n,), lonlat (n, 2), GuardRole (n,)
    view.set_alerts(alerts)                 # open alerts light their floor (closed ones are ignored)
    view.select_alert(alert_id)             # shared selection: ~1 s animated fly-to; False if unknown
    view.select_building(building_id)       # same, for a building picked on the 2D map
    view.picked.connect(slot)               # slot(building_id) when the user clicks a building here
    view.set_cameras(layer)                 # camera FOV cones: `layers.cameras.layer(...)`, one actor
    view.set_devices_visible(bool) / set_guards_visible(bool) / set_cameras_visible(bool)   # layer toggles
    view.grab_image()                       # (h, w, 3) uint8 of the VTK pane (QWidget.grab() misses it)

The VTK pane needs a real X display (Xvfb works); under QT_QPA_PLATFORM=offscreen it draws black.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QElapsedTimer, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget
from vtkmodules.qt.QVTKRenderWindowInteractor import QVTKRenderWindowInteractor
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import vtkCommand, vtkPoints
from vtkmodules.vtkCommonDataModel import vtkCellArray, vtkImageData, vtkPolyData
from vtkmodules.vtkFiltersSources import vtkConeSource, vtkCubeSource
from vtkmodules.vtkInteractionStyle import vtkInteractorStyleTerrain
from vtkmodules.vtkRenderingCore import (
    vtkActor,
    vtkCellPicker,
    vtkGlyph3DMapper,
    vtkPolyDataMapper,
    vtkRenderer,
    vtkTexture,
    vtkWindowToImageFilter,
)

import vtkmodules.vtkRenderingOpenGL2  # noqa: F401  # isort: skip  (registers the OpenGL backend)
from layers import extrude, style
from layers.data import LayerData
from layers.extrude import BuildingMesh, Glyphs
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.model import District

FLY_MS = 1000
FLY_STEP_MS = 33
"""The fly-to runs on a ~30 Hz timer: the UI thread never blocks and never redraws faster than that; the
camera's progress follows the real time elapsed, so a slow frame skips ahead instead of stretching it."""
FLY_ELEVATION_DEG = 38.0
GUARD_PIN_M = (8.0, 3.0)
"""Height and radius of a guard's pin: a six-sided cone standing on its tip at the guard's position, 7 cells
(a sphere was 144), so 5,000 guards stay cheap to draw."""
DEVICE_SIZE_M = 1.6
CLICK_SLOP_PX = 4
LIVE_FRAME_MS = 1000
"""Live data (guards, alerts, cones) redraws the pane at most this often: on Mesa's software renderer a
frame costs ~20-25 ms of the UI thread, and updates came ~5 times a second (issue 17: the idle window's CPU;
at 500 ms the pane was still a third of the idle UI thread). Guards move a few metres a second: one frame a
second follows them.
Camera moves (the mouse, a fly-to) draw at once, and `grab_image` always renders fresh."""
MULTISAMPLES = 0
"""No MSAA: VTK asks for 8 samples by default, which made each frame 4-5x slower on Mesa's software
renderer (the CPU-only machines this runs on); edges stay sharp enough at sandbox scale."""
BUILDING_AMBIENT = 0.45
BUILDING_DIFFUSE = 0.6
"""Enough ambient light that usage colours stay true on roofs and walls alike; diffuse keeps faces apart."""

# vtkmodules' numpy helpers and Qt widget carry no annotations; typed handles keep mypy's checks on.
numpy_to_vtk: Callable[..., Any] = numpy_support.numpy_to_vtk
numpy_to_vtk_ids: Callable[..., Any] = numpy_support.numpy_to_vtkIdTypeArray
vtk_to_numpy: Callable[..., NDArray[Any]] = numpy_support.vtk_to_numpy
QVTKWidget: Callable[..., Any] = QVTKRenderWindowInteractor


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


def guard_pin() -> vtkConeSource:
    height, radius = GUARD_PIN_M
    cone = vtkConeSource()
    cone.SetHeight(height)
    cone.SetRadius(radius)
    cone.SetResolution(6)
    cone.SetDirection(0.0, 0.0, -1.0)
    cone.SetCenter(0.0, 0.0, height / 2.0)  # the tip on the point, the base up where the eye sees it
    return cone


def _direct_colours(mapper: vtkPolyDataMapper | vtkGlyph3DMapper, cell: bool) -> None:
    mapper.SetColorModeToDirectScalars()
    mapper.ScalarVisibilityOn()
    if cell:
        mapper.SetScalarModeToUseCellData()
    else:
        mapper.SetScalarModeToUsePointData()


def _smooth(t: float) -> float:
    """Ease in and out, so the camera neither jumps off nor slams into the target."""
    t = min(max(t, 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


class Sandbox3D(QWidget):
    picked = Signal(str)
    """A building id, when the user clicks (not drags) on a building."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sandbox3d")
        self.vtk_widget = QVTKWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.vtk_widget)
        self.renderer = vtkRenderer()
        self.renderer.SetBackground(*(c / 255.0 for c in style.BACKGROUND[:3]))
        self.render_window = self.vtk_widget.GetRenderWindow()
        self.render_window.SetMultiSamples(MULTISAMPLES)
        self.render_window.AddRenderer(self.renderer)
        self.interactor = self.render_window.GetInteractor()
        # Observed on the style, not the interactor: the style grabs the mouse on press, so an interactor
        # observer never hears the release. Observers on a style replace its handler, hence the calls on.
        self.camera_style = vtkInteractorStyleTerrain()
        self.interactor.SetInteractorStyle(self.camera_style)
        self.camera_style.AddObserver(vtkCommand.LeftButtonPressEvent, self._on_press)
        self.camera_style.AddObserver(vtkCommand.LeftButtonReleaseEvent, self._on_release)
        self._press: tuple[int, int] | None = None

        self.buildings_mapper, self.highlight_mapper = vtkPolyDataMapper(), vtkPolyDataMapper()
        self.guards_mapper, self.devices_mapper = vtkGlyph3DMapper(), vtkGlyph3DMapper()
        self.buildings = self._actor(self.buildings_mapper, cell=True)
        self.highlight = self._actor(self.highlight_mapper, cell=True)
        lit = self.buildings.GetProperty()
        lit.SetAmbient(BUILDING_AMBIENT)
        lit.SetDiffuse(BUILDING_DIFFUSE)
        # Walls face out and roofs up (layers.extrude orients them), so the far side of every building can be
        # skipped; on Mesa llvmpipe the gain was within the noise of a shared machine (fill is not the cost).
        lit.BackfaceCullingOn()
        self.buildings.SetTexture(floor_texture())
        self.highlight.GetProperty().LightingOff()  # the lit floor shows its exact severity colour
        self.guards = self._glyph_actor(self.guards_mapper, self._pin())
        self.devices = self._glyph_actor(self.devices_mapper, self._cube())
        self.cones_mapper = vtkPolyDataMapper()
        self.cones = self._actor(self.cones_mapper, cell=True)
        self.cones.GetProperty().LightingOff()  # flat translucent fans: the fill reads as in 2D
        self.picker = vtkCellPicker()
        self.picker.SetTolerance(0.0005)
        self.picker.PickFromListOn()
        self.picker.AddPickList(self.buildings)

        self.district = District(name="", timezone="UTC")
        self.proj = LocalProjection(0.0, 0.0)
        self.mesh: BuildingMesh | None = None
        self.alerts: dict[str, Alert] = {}
        self.guard_positions: dict[str, tuple[float, float]] = {}
        self._fly_timer = QTimer(self)
        self._fly_timer.setInterval(FLY_STEP_MS)
        self._fly_timer.timeout.connect(self._fly_step)
        self._fly_from: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None
        self._fly_to: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None
        self._fly_clock = QElapsedTimer()
        self._fly_duration = FLY_MS
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.timeout.connect(self.render_now)
        self._since_render = QElapsedTimer()

    # --- building the actors ----------------------------------------------------------------------------
    def _actor(self, mapper: vtkPolyDataMapper, cell: bool) -> vtkActor:
        _direct_colours(mapper, cell)
        mapper.SetInputData(vtkPolyData())
        actor = vtkActor()
        actor.SetMapper(mapper)
        self.renderer.AddActor(actor)
        return actor

    def _glyph_actor(self, mapper: vtkGlyph3DMapper, source: vtkConeSource | vtkCubeSource) -> vtkActor:
        mapper.SetSourceConnection(source.GetOutputPort())
        mapper.ScalingOff()
        mapper.OrientOff()
        _direct_colours(mapper, cell=False)
        mapper.SetInputData(vtkPolyData())
        actor = vtkActor()
        actor.SetMapper(mapper)
        self.renderer.AddActor(actor)
        return actor

    @staticmethod
    def _pin() -> vtkConeSource:
        return guard_pin()

    @staticmethod
    def _cube() -> vtkCubeSource:
        cube = vtkCubeSource()
        cube.SetXLength(DEVICE_SIZE_M)
        cube.SetYLength(DEVICE_SIZE_M)
        cube.SetZLength(DEVICE_SIZE_M)
        return cube

    # --- the API the main window calls --------------------------------------------------------------
    def set_scene(self, district: District, proj: LocalProjection | None = None) -> None:
        """Show a district: buildings, devices, no guards or alerts yet; the camera frames it all."""
        self.district = district
        self.proj = proj or LocalProjection.for_district(district)
        self.mesh = extrude.extrude(district, self.proj)
        m = self.mesh
        self.buildings_mapper.SetInputData(polydata(m.points, m.offsets, m.connectivity, m.rgb, m.tcoords))
        self.devices_mapper.SetInputData(glyph_polydata(extrude.device_glyphs(district, self.proj)))
        self.guards_mapper.SetInputData(vtkPolyData())
        self.guard_positions = {}
        self.set_alerts([])
        self.reset_view()

    def set_guards(self, ids: Sequence[str], lonlat: NDArray[np.float64], roles: Sequence[GuardRole]) -> None:
        """Replace all guard positions (one glyph mapper, whatever the count)."""
        lonlat = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
        glyphs = extrude.guard_glyphs(self.proj, ids, lonlat, roles)
        self.guard_positions = {g: (float(x), float(y)) for g, (x, y) in zip(ids, lonlat, strict=True)}
        self.guards_mapper.SetInputData(glyph_polydata(glyphs))
        self.request_render(live=True)

    def set_alerts(self, alerts: Sequence[Alert]) -> None:
        """Open alerts light their floor (or whole building) in the severity colour, as one actor."""
        self.alerts = {a.id: a for a in alerts}
        patch = extrude.merge_patches([])
        if self.mesh is not None:
            patch = extrude.alert_bands(self.district, self.mesh, list(alerts))
        pd = polydata(patch.points, patch.offsets, patch.connectivity, patch.rgb)
        self.highlight_mapper.SetInputData(pd)
        self.request_render(live=True)

    def select_alert(self, alert_id: str) -> bool:
        """Fly to the alert's floor (or its place on the ground); False when it is unknown or unplaced."""
        alert = self.alerts.get(alert_id)
        if alert is None or self.mesh is None:
            return False
        focus = extrude.alert_focus(self.district, self.mesh, self.proj, alert, self.guard_positions)
        if focus is None:
            return False
        where = extrude.alert_floor(self.district, alert)
        height = self.mesh.height[self.mesh.index_of(where[0])] if where else 0.0
        self.fly_to(focus, distance=max(90.0, 3.0 * float(height)))
        return True

    def select_building(self, building_id: str) -> bool:
        if self.mesh is None or building_id not in self.district.buildings:
            return False
        b = self.mesh.index_of(building_id)
        x, y = (float(v) for v in self.mesh.anchor[b])
        self.fly_to(
            (x, y, float(self.mesh.height[b]) / 2.0), distance=max(90.0, 3.0 * float(self.mesh.height[b]))
        )
        return True

    def set_cameras(self, data: LayerData) -> None:
        """All FOV cones as one translucent actor from the layer's merged mesh (`extra["mesh"]`), each fan
        in its cone's 2D fill colour."""
        mesh = data.extra.get("mesh")
        if not isinstance(mesh, dict) or data.polygons is None:
            self.cones_mapper.SetInputData(vtkPolyData())
            self.request_render()
            return
        vertices = np.asarray(mesh["vertices"], dtype=np.float32).reshape(-1, 3)
        faces = np.asarray(mesh["faces"], dtype=np.int64).reshape(-1, 3)
        owner = np.asarray(mesh["owner"], dtype=np.int64).reshape(-1)
        rgba = data.polygons.fill[owner].copy()
        rgba[:, 3] = np.minimum(255, rgba[:, 3].astype(np.int64) * 2).astype(np.uint8)  # no 2D map under it
        offsets = np.arange(0, 3 * len(faces) + 1, 3, dtype=np.int64)
        self.cones_mapper.SetInputData(polydata(vertices, offsets, faces.reshape(-1), rgba))
        self.request_render()

    def set_cameras_visible(self, visible: bool) -> None:
        self.cones.SetVisibility(visible)
        self.request_render()

    def set_guards_visible(self, visible: bool) -> None:
        self.guards.SetVisibility(visible)
        self.request_render()

    def set_devices_visible(self, visible: bool) -> None:
        self.devices.SetVisibility(visible)
        self.request_render()

    # --- camera -----------------------------------------------------------------------------------------
    def reset_view(self) -> None:
        """An oblique view from the south framing the whole district."""
        self._fly_timer.stop()
        camera = self.renderer.GetActiveCamera()
        bounds = self.buildings_mapper.GetInput().GetBounds()
        if bounds[0] > bounds[1]:  # empty scene
            bounds = (-100.0, 100.0, -100.0, 100.0, 0.0, 10.0)
        centre = np.array([(bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2, 0.0])
        radius = 0.5 * math.hypot(bounds[1] - bounds[0], bounds[3] - bounds[2]) + bounds[5]
        distance = radius / math.tan(math.radians(camera.GetViewAngle() / 2.0)) * 0.8
        self._place_camera(centre, centre + self._offset(distance, 55.0, azimuth_from=None))
        self.request_render()

    def _offset(
        self, distance: float, elevation_deg: float, azimuth_from: NDArray[np.float64] | None
    ) -> NDArray[np.float64]:
        """Camera position relative to the focal point: from the south, or keeping the current azimuth."""
        heading = np.array([0.0, -1.0])
        if azimuth_from is not None and np.hypot(*azimuth_from[:2]) > 1e-6:
            heading = azimuth_from[:2] / np.hypot(*azimuth_from[:2])
        el = math.radians(elevation_deg)
        return np.array([*(heading * distance * math.cos(el)), distance * math.sin(el)])

    def _place_camera(self, focal: NDArray[np.float64], position: NDArray[np.float64]) -> None:
        camera = self.renderer.GetActiveCamera()
        camera.SetFocalPoint(*focal)
        camera.SetPosition(*position)
        camera.SetViewUp(0.0, 0.0, 1.0)
        camera.OrthogonalizeViewUp()

    def camera_focal_point(self) -> tuple[float, float, float]:
        x, y, z = self.renderer.GetActiveCamera().GetFocalPoint()
        return float(x), float(y), float(z)

    def fly_to(
        self, focus: tuple[float, float, float], distance: float = 120.0, duration_ms: int = FLY_MS
    ) -> None:
        """Animate the camera to look at `focus` from `distance` metres, keeping the current heading."""
        camera = self.renderer.GetActiveCamera()
        pos0, focal0 = np.array(camera.GetPosition()), np.array(camera.GetFocalPoint())
        focal1 = np.asarray(focus, dtype=np.float64)
        pos1 = focal1 + self._offset(distance, FLY_ELEVATION_DEG, azimuth_from=pos0 - focal0)
        self._fly_from, self._fly_to = (focal0, pos0), (focal1, pos1)
        self._fly_clock.start()
        self._fly_duration = max(duration_ms, 1)
        self._fly_timer.start()

    @property
    def flying(self) -> bool:
        return self._fly_timer.isActive()

    def _fly_step(self) -> None:
        if self._fly_from is None or self._fly_to is None:
            self._fly_timer.stop()
            return
        t = _smooth(self._fly_clock.elapsed() / self._fly_duration)
        (f0, p0), (f1, p1) = self._fly_from, self._fly_to
        self._place_camera(f0 + (f1 - f0) * t, p0 + (p1 - p0) * t)
        if t >= 1.0:
            self._fly_timer.stop()
        self.render_now()

    # --- drawing ----------------------------------------------------------------------------------------
    def request_render(self, live: bool = False) -> None:
        """Coalesce redraws: everything asked within one event-loop turn draws once; `live` data (guards,
        alert floors) at most once per `LIVE_FRAME_MS`, and a user's change (a toggle) at once."""
        delay = 0
        if live:
            since = self._since_render.elapsed() if self._since_render.isValid() else LIVE_FRAME_MS
            delay = max(0, LIVE_FRAME_MS - since)
        timer = self._render_timer
        if not timer.isActive() or delay < timer.remainingTime():
            timer.start(delay)

    def render_now(self) -> None:
        self._render_timer.stop()
        if not self.isVisible():
            return
        self._since_render.restart()
        self.renderer.ResetCameraClippingRange()
        self.render_window.Render()

    def grab_image(self) -> NDArray[np.uint8]:
        """The VTK pane as (h, w, 3) RGB, top row first."""
        self.renderer.ResetCameraClippingRange()
        self.render_window.Render()
        grab = vtkWindowToImageFilter()
        grab.SetInput(self.render_window)
        grab.SetInputBufferTypeToRGB()
        grab.ReadFrontBufferOff()
        grab.Update()
        image = grab.GetOutput()
        w, h, _ = image.GetDimensions()
        pixels = vtk_to_numpy(image.GetPointData().GetScalars())
        return np.ascontiguousarray(pixels.reshape(h, w, -1)[::-1, :, :3])

    def world_to_pixel(self, x: float, y: float, z: float) -> tuple[int, int]:
        """Where a world point lands in `grab_image()` (column, row from the top)."""
        self.renderer.SetWorldPoint(x, y, z, 1.0)
        self.renderer.WorldToDisplay()
        dx, dy, _ = self.renderer.GetDisplayPoint()
        height = self.render_window.GetSize()[1]
        return round(dx), round(height - 1 - dy)

    # --- picking ----------------------------------------------------------------------------------------
    def _on_press(self, *_: object) -> None:
        x, y = self.interactor.GetEventPosition()
        self._press = (x, y)
        self.camera_style.OnLeftButtonDown()

    def _on_release(self, *_: object) -> None:
        self.camera_style.OnLeftButtonUp()
        x, y = self.interactor.GetEventPosition()
        if self._press is not None and max(abs(x - self._press[0]), abs(y - self._press[1])) <= CLICK_SLOP_PX:
            self.pick_display(x, y)
        self._press = None

    def pick_display(self, x: int, y: int) -> str | None:
        """The building under display point (x, y) (VTK's origin: bottom left); emits `picked`."""
        if self.mesh is None or not self.picker.Pick(x, y, 0, self.renderer):
            return None
        cell = self.picker.GetCellId()
        if cell < 0 or cell >= self.mesh.n_cells:
            return None
        building_id = self.mesh.ids[int(self.mesh.cell_building[cell])]
        self.picked.emit(building_id)
        return building_id

    def closeEvent(self, event: QCloseEvent) -> None:
        """Release the OpenGL context with the window, or X complains when the process ends."""
        self._fly_timer.stop()
        self.vtk_widget.Finalize()
        super().closeEvent(event)
