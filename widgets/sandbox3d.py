"""The 3D sandbox: a scale model of the district (VTK). The basemap (roads, compounds) on the ground,
buildings extruded by floor (roofs by usage, walls by each floor's share of rentals), elderly-alone floors
ribboned, compound names and building numbers as billboards, guards as upright pins with their ids, alerts as
pulsing beacons with their floor lit, dispatch routes on the ground, a north arrow and a scale bar.

One actor per layer, whatever the district's size: the ground, all buildings, all marks, all lit floors and
all routes are one merged polydata each (`layers.ground`, `layers.extrude`, `layers.floors`); guards,
devices and beacons one `vtkGlyph3DMapper` each (a pulse rewrites one scale array, no geometry); labels one
`vtkLabelPlacementMapper` (`widgets.sandbox3d_overlay`). Drawing only: what is shown comes from the core
through these calls.

API for the main window (coordinates are shared with the 2D map through one `LocalProjection`):

    view = Sandbox3D(parent)
    view.set_scene(district, proj)          # on start and after an import; resets the camera
    view.set_guards(ids, lonlat, roles)     # every live update: ids (n,), lonlat (n, 2), GuardRole (n,)
    view.set_alerts(alerts)                 # open alerts light their floor (closed ones are ignored)
    view.select_alert(alert_id)             # shared selection: ~1 s animated fly-to; False if unknown
    view.select_building(building_id)       # same, for a building picked on the 2D map
    view.picked.connect(slot)               # slot(building_id) when the user clicks a building here
    view.set_cameras(layer)                 # camera FOV cones: `layers.cameras.layer(...)`, one actor
    view.set_dispatch(layer)                # routes draped on the ground: `layers.dispatch.layer(...)`
    view.overview()                         # the 全景 button: fly back to the whole district
    view.set_imagery(draped)                # offline imagery on the ground: `layers.imagery.drape(...)`
    view.set_devices_visible(bool) / set_guards_visible(bool) / set_cameras_visible(bool)   # layer toggles
    view.grab_image()                       # (h, w, 3) uint8 of the VTK pane (QWidget.grab() misses it)
    view.add_tileset(path, placement)       # a 3D Tiles real-scene model (`widgets.sandbox3d_tiles`)
    view.set_blocks_visible(bool) / set_tilesets_visible(bool)   # the model with or instead of the blocks

The VTK pane needs a real X display (Xvfb works); under QT_QPA_PLATFORM=offscreen it draws black.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QElapsedTimer, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget
from vtkmodules.qt.QVTKRenderWindowInteractor import QVTKRenderWindowInteractor
from vtkmodules.vtkCommonCore import vtkCommand, vtkPoints
from vtkmodules.vtkCommonDataModel import vtkImageData, vtkPolyData
from vtkmodules.vtkFiltersCore import vtkAppendPolyData
from vtkmodules.vtkFiltersSources import vtkCubeSource
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
from layers import beacons, extrude, floors, framing, ground, imagery, labels3d
from layers.data import LayerData
from layers.extrude import BuildingMesh
from layers.projection import LocalProjection
from layers.tiles3d.tileset import Placement, Tileset
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.model import District
from widgets.sandbox3d_camera import FLY_MS, FLY_STEP_MS, SandboxCamera
from widgets.sandbox3d_overlay import Billboards, Compass
from widgets.sandbox3d_tiles import TilesetLayer, fov_distance
from widgets.sandbox3d_vtk import (
    BEACON_M,
    GUARD_PIN_M,
    _cells,
    _direct_colours,
    _vtk_array,
    beacon_glyph,
    floor_texture,
    glyph_polydata,
    guard_pin,
    numpy_to_vtk,
    polydata,
    vtk_to_numpy,
)

__all__ = ["BEACON_M", "FLY_MS", "GUARD_PIN_M", "Sandbox3D", "floor_texture", "glyph_polydata", "guard_pin"]
__all__ += ["polydata"]

# The Qt widget carries no annotations; a typed handle keeps mypy's checks on.
QVTKWidget: Callable[..., Any] = QVTKRenderWindowInteractor

BEACON_SCALE = (600.0, 0.3, 3.0)
"""Beacon scale = camera distance / 600 m, clamped to 0.3..3."""
PULSE_MS = 200
"""5 Hz: the slowest period is 2 s, the fastest 0.6 s; each step is a full redraw on a software renderer."""
SKY = (0.80, 0.86, 0.93)
"""A flat pale sky: the ground slab stands out from it at any pitch. (A gradient cost ~7 ms of CPU a frame
on Mesa's software renderer, a quarter of the whole frame.)"""
ROUTE_Z_M = 0.6
ROUTE_PX = 5.0
DEVICE_SIZE_M = 1.6
CLICK_SLOP_PX = 4
LIVE_FRAME_MS = 1000
"""Live data (guards, alerts, cones) redraws the pane at most this often: on Mesa's software renderer a
frame costs ~20-25 ms of the UI thread, and updates came ~5 times a second (issue 17: the idle window's CPU;
at 500 ms the pane was still a third of the idle UI thread). Guards move a few metres a second: one frame a
second follows them.
Camera moves (the mouse, a fly-to) draw at once, and `grab_image` always renders fresh."""
WALL_PULSE_MS = 500
"""The wall's beacon pulse: two frames a second instead of five (issue 17: on the wall, whose 3D pane is a
whole screen on Mesa's software renderer, the 5 Hz pulse was half its idle CPU). Each severity's period is
rounded to whole steps of this, at least two (`pulse_periods`), so no pulse aliases into a slow drift; a
critical alert's beacon then swells once a second, as a high one's does, but wider."""
WALL_LIVE_FRAME_MS = 2000
"""The wall's live frames: guards move ~1.5 m/s, ~3 m between frames, a few pixels on the overview a 5 m
viewer looks at; while a beacon pulses, its frames carry the live data anyway."""
WALL_FLY_STEP_MS = 66
"""The wall's camera flights (the tour's, an alert's fly-to) at ~15 frames a second instead of ~30."""
MULTISAMPLES = 0
"""No MSAA: VTK asks for 8 samples by default, which made each frame 4-5x slower on Mesa's software
renderer (the CPU-only machines this runs on); edges stay sharp enough at sandbox scale."""
DEVICE_MIN_PX = 2.0
"""Level of detail: device glyphs are drawn only while one (`DEVICE_SIZE_M`) is at least this many pixels
wide at the camera's focus. From the overview they are sub-pixel specks that cost ~8 ms of a software frame
(3,500 instanced cubes in the demo); the 2D map shows them all."""
FLOOR_MIN_PX = 3.0
"""Level of detail: the floor texture is applied only while a floor (`extrude.DEFAULT_FLOOR_M`) spans at
least this many pixels; below that its slab lines alias into noise, and sampling it cost ~5 ms of a
software frame."""
GROUND_TEXEL_MAX_PX = 1.5
"""Level of detail: the ground is drawn as its picture (`layers.ground.picture`, one textured quad) while a
texel of it is at most this many pixels wide at the camera's focus, and as the exact triangle mesh closer
in, where the picture would look soft. On Mesa's software renderer the mesh cost ~20 ms of a demo frame at
the overview, the quad next to nothing (bench/render_sandbox.py)."""
BUILDING_AMBIENT = 0.45
BUILDING_DIFFUSE = 0.6
"""Enough ambient light that usage colours stay true on roofs and walls alike; diffuse keeps faces apart."""


def pulse_periods(period_s: NDArray[np.float64], step_ms: int) -> NDArray[np.float64]:
    """Pulse periods as drawn at one frame per `step_ms`: at the desk's 200 ms the severities' own periods
    (0.6 s is three frames); slower, each is rounded to whole steps and at least two, so a frame never lands
    on nearly the same phase of the next cycle (a 0.6 s pulse sampled every 0.5 s would crawl once every
    3 s). 0 (steady) stays 0."""
    step = step_ms / 1000.0
    if step <= PULSE_MS / 1000.0:
        return period_s
    rounded = np.maximum(np.round(period_s / step), 2.0) * step
    return np.where(period_s > 0, rounded, 0.0)


def _textured_quad(
    rgb: NDArray[np.uint8], bounds: tuple[float, float, float, float]
) -> tuple[vtkPolyData, vtkTexture]:
    """A picture (h, w, 3) RGB, top row north, lying flat at z = 0 over `bounds` (x0, y0, x1, y1): one quad
    and its linearly filtered texture."""
    x0, y0, x1, y1 = bounds
    points = np.array([[x0, y0, 0.0], [x1, y0, 0.0], [x1, y1, 0.0], [x0, y1, 0.0]], dtype=np.float32)
    pd = polydata(points, np.array([0, 4]), np.arange(4), np.full((1, 3), 255, np.uint8))
    pd.GetPointData().SetTCoords(_vtk_array(np.array([[0, 0], [1, 0], [1, 1], [0, 1]], np.float32), "uv"))
    image = vtkImageData()
    image.SetDimensions(rgb.shape[1], rgb.shape[0], 1)
    flat = np.ascontiguousarray(rgb[::-1].reshape(-1, 3))  # VTK images start at the bottom row
    image.GetPointData().SetScalars(numpy_to_vtk(flat, deep=True))
    texture = vtkTexture()
    texture.SetInputData(image)
    texture.InterpolateOn()
    return pd, texture


def _frame(
    outer: tuple[float, float, float, float], inner: NDArray[np.float64], rgb: tuple[int, int, int]
) -> vtkPolyData:
    """The flat band between two rectangles (x0, y0, x1, y1) at z = 0 as four quads of one colour."""
    ox0, oy0, ox1, oy1 = outer
    ix0, iy0, ix1, iy1 = (float(v) for v in inner)
    xy = [(ox0, oy0), (ox1, oy0), (ox1, oy1), (ox0, oy1), (ix0, iy0), (ix1, iy0), (ix1, iy1), (ix0, iy1)]
    points = np.array([(x, y, 0.0) for x, y in xy], dtype=np.float32)
    quads = np.array([0, 1, 5, 4, 1, 2, 6, 5, 2, 3, 7, 6, 3, 0, 4, 7], dtype=np.int64)  # counter-clockwise
    return polydata(
        points, np.arange(0, 17, 4, dtype=np.int64), quads, np.tile(np.array(rgb, np.uint8), (4, 1))
    )


class Sandbox3D(SandboxCamera, QWidget):
    picked = Signal(str)
    """A building id, when the user clicks (not drags) on a building."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sandbox3d")
        self.vtk_widget = QVTKWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.overview_button = QToolButton(self)
        self.overview_button.setObjectName("overview_3d")
        self.overview_button.setText(self.tr("Overview"))
        self.overview_button.setToolTip(self.tr("Fly back to the whole district"))
        self.overview_button.clicked.connect(self.overview)
        bar.addWidget(self.overview_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self.vtk_widget, 1)
        self.renderer = vtkRenderer()
        self.renderer.SetBackground(*SKY)
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
        self.camera_style.AddObserver(vtkCommand.MouseWheelForwardEvent, lambda *_: self.wheel(1))
        self.camera_style.AddObserver(vtkCommand.MouseWheelBackwardEvent, lambda *_: self.wheel(-1))
        self.camera_style.AddObserver(vtkCommand.InteractionEvent, lambda *_: self._keep_eye_outside())
        self._press: tuple[int, int] | None = None
        self.ground_mapper = vtkPolyDataMapper()
        self.ground = self._actor(self.ground_mapper, cell=True)
        self.ground.GetProperty().LightingOff()  # the basemap in its own colours, like the 2D map
        self.ground.PickableOff()
        self._ground_mesh = vtkPolyData()
        self._ground_quad = vtkPolyData()
        self._ground_texture: vtkTexture | None = None
        self._ground_texel_m = math.inf
        self._ground_far = False
        """The ground actor draws its picture (far) or its mesh (near): `_level_of_detail` picks."""
        self.ground_margin_mapper = vtkPolyDataMapper()
        self.ground_margin = self._actor(self.ground_margin_mapper, cell=True)
        """From afar, the bare margin around the picture: plain geometry, no texture to sample."""
        self.ground_margin.GetProperty().LightingOff()
        self.ground_margin.PickableOff()
        self.ground_margin.VisibilityOff()
        self.imagery_mapper = vtkPolyDataMapper()
        self.imagery_mapper.SetInputData(vtkPolyData())
        self.imagery = vtkActor()
        self.imagery.SetMapper(self.imagery_mapper)
        self.imagery.GetProperty().LightingOff()
        self.imagery.PickableOff()
        self.renderer.AddActor(self.imagery)

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
        self.floor_texture = floor_texture()
        self.buildings.SetTexture(self.floor_texture)
        self.lod_enabled = True
        """Level of detail (`_level_of_detail`); off only to measure its gain (bench/render_sandbox.py)."""
        self.ground_picture_enabled = True
        """The ground's picture from afar (`GROUND_TEXEL_MAX_PX`); off only to measure its gain (bench)."""
        self._devices_wanted = True
        self.highlight.GetProperty().LightingOff()  # the lit floor shows its exact severity colour
        self.guards = self._glyph_actor(self.guards_mapper, self._pin())
        self.devices = self._glyph_actor(self.devices_mapper, self._cube())
        self.marks_mapper = vtkPolyDataMapper()
        self.marks = self._actor(self.marks_mapper, cell=True)
        self.marks.GetProperty().LightingOff()
        self.routes_mapper = vtkPolyDataMapper()
        self.routes = self._actor(self.routes_mapper, cell=True)
        self.routes.GetProperty().LightingOff()
        self.routes.GetProperty().SetLineWidth(ROUTE_PX)
        self.beacons_mapper = vtkGlyph3DMapper()
        self.beacons = self._glyph_actor(self.beacons_mapper, beacon_glyph())
        self.beacons.GetProperty().SetAmbient(0.7)
        self.beacons.GetProperty().SetDiffuse(0.4)
        self.beacons_mapper.SetScaleArray("scale")
        self.beacons_mapper.SetScaleModeToScaleByVectorComponents()
        self.beacons_mapper.ScalingOn()
        self._beacon_scale = np.ones((0, 3), dtype=np.float32)
        self._beacon_size = np.ones(0, dtype=np.float32)
        self._beacon_pd = vtkPolyData()
        self.beacon_data = beacons.layer(
            District(name="", timezone="UTC"), LocalProjection(0.0, 0.0), None, []
        )
        self._live_frame_ms = LIVE_FRAME_MS
        self._pulse_timer = QTimer(self)
        self._pulse_timer.setInterval(PULSE_MS)
        self._pulse_timer.timeout.connect(self._pulse)
        self._pulse_clock = QElapsedTimer()
        self._pulse_clock.start()
        self.labels = Billboards(self.renderer)
        """Compound names, building numbers and guard ids in one placement, so none collide."""
        self._static_labels: tuple[NDArray[np.float64], list[str], NDArray[np.float64]] = (
            np.zeros((0, 3)),
            [],
            np.zeros(0),
        )
        self._guard_labels: tuple[NDArray[np.float64], list[str]] = (np.zeros((0, 3)), [])
        self._fly_home = False
        self._at_overview = True
        """The camera is on the overview the pane last framed (a resize reframes it; any move clears it)."""
        self.compass = Compass(self.renderer, self.tr("N"), self.tr("{metres} m"))
        self.renderer.AddObserver(vtkCommand.StartEvent, lambda *_: self._before_frame())
        self.boxes = np.zeros((0, 5))
        self.ground_bounds = (-100.0, -100.0, 100.0, 100.0)
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
        self.tiles = TilesetLayer(self.renderer, self.request_render, self)
        """Real-scene 3D Tiles models, refined by screen-space error as the camera moves."""

    # --- building the actors ----------------------------------------------------------------------------
    def _actor(self, mapper: vtkPolyDataMapper, cell: bool) -> vtkActor:
        _direct_colours(mapper, cell)
        mapper.SetInputData(vtkPolyData())
        actor = vtkActor()
        actor.SetMapper(mapper)
        self.renderer.AddActor(actor)
        return actor

    def _glyph_actor(self, mapper: vtkGlyph3DMapper, source: Any) -> vtkActor:
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
    def _pin() -> vtkAppendPolyData:
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
        self.proj = proj or LocalProjection.for_district(district)
        self.tiles.clear()  # a model belongs to its district: the caller adds the new one's
        base = ground.layer(district, self.proj)
        g = base.extra["mesh"]
        assert isinstance(g, extrude.Patch)
        box = np.asarray(base.extra["bounds"], dtype=np.float64)
        self.ground_bounds = (float(box[0]), float(box[1]), float(box[2]), float(box[3]))
        picture = np.asarray(base.extra["picture"], dtype=np.uint8)
        inner = np.asarray(base.extra["picture_bounds"], dtype=np.float64)
        ix0, iy0, ix1, iy1 = (float(v) for v in inner)
        self._ground_mesh = polydata(g.points, g.offsets, g.connectivity, g.rgb)
        self._ground_quad, self._ground_texture = _textured_quad(picture, (ix0, iy0, ix1, iy1))
        self._ground_texel_m = (inner[2] - inner[0]) / max(picture.shape[1], 1)
        self.ground_margin_mapper.SetInputData(_frame(self.ground_bounds, inner, ground.GROUND))
        self._show_ground(far=False)
        self._guard_labels = (np.zeros((0, 3)), [])
        self._show_district(district)
        self.guards_mapper.SetInputData(vtkPolyData())
        self.routes_mapper.SetInputData(vtkPolyData())
        self.guard_positions = {}
        self.set_alerts([])
        self.reset_view()

    def set_element_filter(self, shown: District) -> None:
        """Draw only `shown`'s buildings and devices (`layers.filters.sub_district`); the ground, guards,
        alerts and the camera stay as they are."""
        self._show_district(shown)
        self.set_alerts(list(self.alerts.values()))

    def _show_district(self, district: District) -> None:
        """The buildings, their marks and names, and the devices of `district`."""
        self.district = district
        self.mesh = floors.district_mesh(district, self.proj)
        m = self.mesh
        self.buildings_mapper.SetInputData(polydata(m.points, m.offsets, m.connectivity, m.rgb, m.tcoords))
        self.boxes = framing.boxes(m)
        marks = floors.elderly_marks(district, m)
        self.marks_mapper.SetInputData(polydata(marks.points, marks.offsets, marks.connectivity, marks.rgb))
        names = labels3d.layer(district, self.proj, m).extra
        self._static_labels = (
            np.asarray(names["xyz"], dtype=np.float64),
            list(names["text"]),  # type: ignore[call-overload]
            np.asarray(names["priority"], dtype=np.float64),
        )
        self._set_labels()
        self.devices_mapper.SetInputData(glyph_polydata(extrude.device_glyphs(district, self.proj)))

    def set_guards(self, ids: Sequence[str], lonlat: NDArray[np.float64], roles: Sequence[GuardRole]) -> None:
        """Replace all guard positions (one glyph mapper, whatever the count)."""
        lonlat = np.asarray(lonlat, dtype=np.float64).reshape(-1, 2)
        glyphs = extrude.guard_glyphs(self.proj, ids, lonlat, roles)
        self.guard_positions = {g: (float(x), float(y)) for g, (x, y) in zip(ids, lonlat, strict=True)}
        self.guards_mapper.SetInputData(glyph_polydata(glyphs))
        tops = glyphs.points.astype(np.float64).reshape(-1, 3) + np.array([0.0, 0.0, GUARD_PIN_M[0] + 3.0])
        self._guard_labels = (tops, list(ids))
        self._set_labels()
        self.request_render(live=True)

    def set_alerts(self, alerts: Sequence[Alert]) -> None:
        """Open alerts light their floor (or whole building) in the severity colour, as one actor."""
        self.alerts = {a.id: a for a in alerts}
        patch = extrude.merge_patches([])
        if self.mesh is not None:
            patch = extrude.alert_bands(self.district, self.mesh, list(alerts))
        pd = polydata(patch.points, patch.offsets, patch.connectivity, patch.rgb)
        self.highlight_mapper.SetInputData(pd)
        self._set_beacons(
            beacons.layer(self.district, self.proj, self.mesh, list(alerts), self.guard_positions)
        )
        self.request_render(live=True)

    def _set_labels(self) -> None:
        """Guards' ids rank under compound names and over building numbers (`layers.labels3d`)."""
        xyz, text, priority = self._static_labels
        guards_xyz, guards = self._guard_labels
        rank = np.full(len(guards), labels3d.GUARD_PRIORITY)
        self.labels.set(np.vstack([xyz, guards_xyz]), [*text, *guards], np.concatenate([priority, rank]))

    def _set_beacons(self, data: LayerData) -> None:
        """One glyph per beacon; the pulse only rewrites `_beacon_scale` (x, y widths) in place."""
        self.beacon_data = data
        xyz = np.asarray(data.extra["xyz"], dtype=np.float32).reshape(-1, 3)
        pd = vtkPolyData()
        pts = vtkPoints()
        pts.SetData(_vtk_array(xyz))
        pd.SetPoints(pts)
        pd.GetPointData().SetScalars(_vtk_array(np.asarray(data.extra["rgb"], dtype=np.uint8), "rgb"))
        self._beacon_size = np.asarray(data.extra["size"], dtype=np.float32).reshape(-1)
        self._beacon_scale = np.repeat(self._beacon_size[:, None], 3, axis=1).astype(np.float32)
        pd.GetPointData().AddArray(_vtk_array(self._beacon_scale, "scale"))
        self._beacon_pd = pd
        self.beacons_mapper.SetInputData(pd)
        period = np.asarray(data.extra["period"], dtype=np.float64)
        if (period > 0).any():
            self._pulse_timer.start()
        else:
            self._pulse_timer.stop()

    def _pulse(self) -> None:
        """Rescale every beacon for the time now and redraw; nothing is rebuilt."""
        if not self.isVisible() or not len(self._beacon_scale):
            return
        t = self._pulse_clock.elapsed() / 1000.0
        period = pulse_periods(
            np.asarray(self.beacon_data.extra["period"], dtype=np.float64), self._pulse_timer.interval()
        )
        amplitude = np.asarray(self.beacon_data.extra["amplitude"], dtype=np.float64)
        k = beacons.pulse_scale(period, amplitude, t).astype(np.float32)
        self._beacon_scale[:, 0] = k * self._beacon_size
        self._beacon_scale[:, 1] = k * self._beacon_size
        self._beacon_pd.GetPointData().GetArray("scale").Modified()
        self._beacon_pd.Modified()
        self.request_render()

    def set_imagery(self, draped: imagery.Draped | None) -> None:
        """Offline imagery (`layers.imagery.drape`) as the ground's picture, one textured quad; None goes
        back to the drawn basemap. Where the tiles had gaps the picture is the bare-ground colour."""
        if draped is None:
            self.imagery_mapper.SetInputData(vtkPolyData())
            self.imagery.SetTexture(None)  # type: ignore[arg-type]  # VTK takes None: no texture
            self.ground.SetVisibility(True)
            self.request_render()
            return
        rgb = draped.rgb.copy()
        rgb[~draped.mask] = ground.GROUND
        pd, texture = _textured_quad(rgb, draped.bounds)
        self.imagery.SetTexture(texture)
        self.imagery_mapper.SetInputData(pd)
        self.imagery_mapper.ScalarVisibilityOff()
        self.ground.SetVisibility(False)
        self.request_render()

    def set_dispatch(self, data: LayerData) -> None:
        """Dispatch routes (`layers.dispatch.layer`) as lines just above the ground, one actor."""
        lines = data.lines
        if lines is None or not len(lines) or not len(lines.xy):
            self.routes_mapper.SetInputData(vtkPolyData())
            self.request_render()
            return
        sizes = np.diff(lines.vertex_start)
        seg_start = np.flatnonzero(lines.connect[:-1]) if len(lines.xy) > 1 else np.zeros(0, np.int64)
        owner = np.searchsorted(lines.vertex_start, seg_start, side="right") - 1
        conn = np.column_stack([seg_start, seg_start + 1]).reshape(-1).astype(np.int64)
        offsets = np.arange(len(seg_start) + 1, dtype=np.int64) * 2
        points = np.column_stack([lines.xy, np.full(len(lines.xy), ROUTE_Z_M)]).astype(np.float32)
        pd = vtkPolyData()
        pts = vtkPoints()
        pts.SetData(_vtk_array(points))
        pd.SetPoints(pts)
        pd.SetLines(_cells(offsets, conn))
        pd.GetCellData().SetScalars(_vtk_array(lines.rgba[owner, :3].copy(), "rgb"))
        del sizes
        self.routes_mapper.SetInputData(pd)
        self.request_render()

    def select_alert(self, alert_id: str) -> bool:
        """Fly to the alert's floor (or its place on the ground); False when it is unknown or unplaced."""
        alert = self.alerts.get(alert_id)
        if alert is None or self.mesh is None:
            return False
        focus = extrude.alert_focus(self.district, self.mesh, self.proj, alert, self.guard_positions)
        if focus is None:
            return False
        where = extrude.alert_floor(self.district, alert)
        sphere = framing.radius(self.boxes[self.mesh.index_of(where[0])]) if where else 10.0
        self.fly_to(focus, distance=self._frame_distance(sphere))
        return True

    def select_building(self, building_id: str) -> bool:
        if self.mesh is None or building_id not in self.district.buildings:
            return False
        b = self.mesh.index_of(building_id)
        x, y = (float(v) for v in self.mesh.anchor[b])
        focus = (x, y, float(self.mesh.height[b]) / 2.0)
        self.fly_to(focus, distance=self._frame_distance(framing.radius(self.boxes[b])))
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
        self._devices_wanted = visible
        self.devices.SetVisibility(visible)
        self.request_render()

    # --- real-scene models (3D Tiles) ------------------------------------------------------------------
    def add_tileset(self, path: Path, placement: Placement | None = None) -> Tileset:
        """Show a 3D Tiles tileset (its folder or tileset.json) placed in this scene's frame; raises
        `TilesetError` when it cannot be read."""
        tileset = self.tiles.add(path, self.proj, placement)
        self.request_render()
        return tileset

    def set_tilesets_visible(self, visible: bool) -> None:
        self.tiles.set_visible(visible)

    def set_blocks_visible(self, visible: bool) -> None:
        """The extruded buildings and their ribbons; off when a real-scene model stands in their place
        (lit alert floors, beacons and labels stay)."""
        self.buildings.SetVisibility(visible)
        self.marks.SetVisibility(visible)
        self.request_render()

    def frame_tilesets(self) -> bool:
        """Fly to the real-scene models, all in view; False when none is open."""
        box = self.tiles.bounds()
        if box is None:
            return False
        x0, x1, y0, y1, z0, z1 = box
        radius = 0.5 * math.dist((x0, y0, z0), (x1, y1, z1))
        focus = ((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2)
        self.fly_to(focus, distance=fov_distance(radius, self.renderer.GetActiveCamera().GetViewAngle()))
        return True

    # --- camera -----------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The overview is framed for the pane's shape: reframe it while the user has not moved away."""
        super().resizeEvent(event)
        if self._at_overview and not self.flying:
            QTimer.singleShot(0, self._reframe_overview)

    def _before_frame(self) -> None:
        """Each frame: the north arrow and scale bar follow the camera; beacons keep their screen size."""
        self.compass.update()
        self.labels.update()
        self._level_of_detail()
        distance = self.renderer.GetActiveCamera().GetDistance()
        per, lo, hi = BEACON_SCALE
        self.beacons_mapper.SetScaleFactor(min(max(distance / per, lo), hi))

    def _level_of_detail(self) -> None:
        """Details too small to see at this zoom are not drawn (devices, floor lines); each comes back as
        soon as the camera is close enough. Decided per frame from metres per pixel at the focus."""
        camera = self.renderer.GetActiveCamera()
        height = max(self.renderer.GetSize()[1], 1)
        if camera.GetParallelProjection():
            per_px = 2.0 * camera.GetParallelScale() / height
        else:
            per_px = 2.0 * camera.GetDistance() * math.tan(math.radians(camera.GetViewAngle() / 2.0)) / height
        near = not self.lod_enabled
        seen = near or DEVICE_SIZE_M / per_px >= DEVICE_MIN_PX
        self.devices.SetVisibility(bool(self._devices_wanted and seen))
        far = self.lod_enabled and self.ground_picture_enabled
        far = bool(far and self._ground_texel_m / per_px <= GROUND_TEXEL_MAX_PX)
        if far != self._ground_far:
            self._show_ground(far)
        self.ground_margin.SetVisibility(bool(self._ground_far and self.ground.GetVisibility()))
        textured = bool(near or extrude.DEFAULT_FLOOR_M / per_px >= FLOOR_MIN_PX)
        if (self.buildings.GetTexture() is not None) != textured:
            self.buildings.SetTexture(self.floor_texture if textured else None)  # type: ignore[arg-type]
            self.buildings_mapper.Modified()  # its buffers were built without texture coordinates

    def _show_ground(self, far: bool) -> None:
        """The ground's picture (one textured quad, coloured by its texture) or its exact mesh (coloured
        per triangle); the actor stays the same, so hiding it (imagery, the benchmark) hides either."""
        texture = self._ground_texture
        self._ground_far = far and texture is not None
        if far and texture is not None:
            self.ground_mapper.SetInputData(self._ground_quad)
            self.ground_mapper.ScalarVisibilityOff()
            self.ground.SetTexture(texture)
        else:
            self.ground_mapper.SetInputData(self._ground_mesh)
            self.ground_mapper.ScalarVisibilityOn()
            self.ground.SetTexture(None)  # type: ignore[arg-type]  # VTK takes None: no texture

    # --- drawing ----------------------------------------------------------------------------------------
    def set_wall_pace(self) -> None:
        """The wall's pace: nobody sits at it, the nearest viewer stands metres away, and it runs for weeks
        on a small PC. Fewer frames for the same things: the beacons' pulse (`WALL_PULSE_MS`), live data
        (`WALL_LIVE_FRAME_MS`) and camera flights (`WALL_FLY_STEP_MS`).
        A user's change still draws at once."""
        self._live_frame_ms = WALL_LIVE_FRAME_MS
        self._pulse_timer.setInterval(WALL_PULSE_MS)
        self._fly_timer.setInterval(WALL_FLY_STEP_MS)

    def request_render(self, live: bool = False) -> None:
        """Coalesce redraws: everything asked within one event-loop turn draws once; `live` data (guards,
        alert floors) at most once per `LIVE_FRAME_MS`, and a user's change (a toggle) at once."""
        delay = 0
        if live:
            pace = self._live_frame_ms
            since = self._since_render.elapsed() if self._since_render.isValid() else pace
            delay = max(0, pace - since)
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
        self._pulse_timer.stop()
        self.tiles.close()
        self.vtk_widget.Finalize()
        super().closeEvent(event)
