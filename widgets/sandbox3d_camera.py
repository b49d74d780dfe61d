"""The 3D sandbox's camera: overview, animated fly-to framed by `layers.framing`, wheel zoom toward the
cursor, and the rule that the eye never ends up inside a building. A mixin of `widgets.sandbox3d.Sandbox3D`,
kept apart so the widget stays about drawing; it uses the widget's renderer, timers and building boxes."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QElapsedTimer, QTimer
from vtkmodules.vtkRenderingCore import vtkPolyDataMapper, vtkRenderer

from layers import framing

FLY_MS = 1000
FLY_STEP_MS = 33
"""The fly-to runs on a ~30 Hz timer: the UI thread never blocks and never redraws faster than that; the
camera's progress follows the real time elapsed, so a slow frame skips ahead instead of stretching it."""
FLY_ELEVATION_DEG = framing.PITCH_DEG
OVERVIEW_ELEVATION_DEG = 50.0
WHEEL_STEP = 0.8
"""Each wheel notch brings the eye this fraction of the way to the point under the cursor (or back)."""
MIN_ZOOM_M = 25.0


def _smooth(t: float) -> float:
    """Ease in and out, so the camera neither jumps off nor slams into the target."""
    t = min(max(t, 0.0), 1.0)
    return t * t * (3.0 - 2.0 * t)


class SandboxCamera:
    """Camera moves of the sandbox; the widget provides these attributes and `render_now`/`request_render`."""

    renderer: vtkRenderer
    render_window: Any
    vtk_widget: Any
    interactor: Any
    buildings_mapper: vtkPolyDataMapper
    boxes: NDArray[np.float64]
    ground_bounds: tuple[float, float, float, float]
    _fly_timer: QTimer
    _fly_clock: QElapsedTimer
    _fly_from: tuple[NDArray[np.float64], NDArray[np.float64]] | None
    _fly_to: tuple[NDArray[np.float64], NDArray[np.float64]] | None
    _fly_duration: int
    _fly_home: bool
    _at_overview: bool

    def render_now(self) -> None:
        raise NotImplementedError

    def request_render(self) -> None:
        raise NotImplementedError

    def _frame_distance(self, sphere_radius: float) -> float:
        return framing.frame_distance(sphere_radius, self.renderer.GetActiveCamera().GetViewAngle())

    def _overview_pose(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Focal point and eye of the overview: north up, from the south at `OVERVIEW_ELEVATION_DEG`, the
        district's base (`layers.ground`, the district and a margin) and its tallest roof filling the pane."""
        camera = self.renderer.GetActiveCamera()
        top = self.buildings_mapper.GetInput().GetBounds()[5] if len(self.boxes) else 10.0
        x0, y0, x1, y1 = self.ground_bounds  # the whole base, its edges in view: a model on its table
        bounds = (x0, x1, y0, y1, 0.0, max(top, 10.0))
        centre = np.array([(bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2, 0.0])
        w, h = self.vtk_widget.width(), self.vtk_widget.height()  # the render window's size lags a re-layout
        if w <= 1 or h <= 1:
            w, h = self.render_window.GetSize()
        tan_h = math.tan(math.radians(camera.GetViewAngle() / 2.0))
        tan_w = tan_h * max(w, 1) / max(h, 1)
        back = self._offset(1.0, OVERVIEW_ELEVATION_DEG, azimuth_from=None)  # unit, eye side
        right = np.array([1.0, 0.0, 0.0])
        up = np.cross(back, right)
        corners = np.array([(x, y, z) for x in bounds[:2] for y in bounds[2:4] for z in (0.0, bounds[5])])
        p = corners - centre
        # every corner inside the frustum: depth (d - p·back) × tan ≥ its offset across or up the view
        need = np.maximum(np.abs(p @ right) / tan_w, np.abs(p @ up) / tan_h) + p @ back
        distance = 1.04 * max(float(need.max()), 50.0)
        return centre, centre + back * distance

    def reset_view(self) -> None:
        """Jump to the overview (on a new scene, or when the pane is resized while on it)."""
        self._fly_timer.stop()
        focal, eye = self._overview_pose()
        self._place_camera(focal, eye)
        self._at_overview = True
        self.request_render()

    def _reframe_overview(self) -> None:
        """Deferred until the layout has settled; a fly-to started meanwhile wins."""
        if self._at_overview and not self.flying:
            self.reset_view()

    def overview(self) -> None:
        """The 全景 button: fly back to the whole district, north up."""
        focal, eye = self._overview_pose()
        self._fly_between(focal, eye, home=True)

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
        self._at_overview = False
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
        self._fly_between(focal1, framing.keep_outside(self.boxes, pos1), duration_ms)

    def _fly_between(
        self,
        focal1: NDArray[np.float64],
        pos1: NDArray[np.float64],
        duration_ms: int = FLY_MS,
        home: bool = False,
    ) -> None:
        """Animate to (focal1, pos1); `home`: it is the overview (a resize on arrival reframes it)."""
        self._fly_home = home
        camera = self.renderer.GetActiveCamera()
        pos0, focal0 = np.array(camera.GetPosition()), np.array(camera.GetFocalPoint())
        self._fly_from, self._fly_to = (focal0, pos0), (focal1, pos1)
        self._fly_clock.start()
        self._fly_duration = max(duration_ms, 1)
        self._fly_timer.start()

    def wheel(self, notches: int) -> None:
        """Zoom toward (or away from) the ground point under the cursor, never through a roof or into the
        ground; the heading and pitch stay."""
        self._fly_timer.stop()
        self._at_overview = False
        camera = self.renderer.GetActiveCamera()
        eye, focal = np.array(camera.GetPosition()), np.array(camera.GetFocalPoint())
        x, y = self.interactor.GetEventPosition()
        target = self._ground_under(x, y) if notches > 0 else None
        if target is None:
            target = focal
        factor = WHEEL_STEP ** float(notches)
        new_eye = target + (eye - target) * factor  # both ends scale about the target: a zoom, not a pan
        new_focal = target + (focal - target) * factor
        if np.linalg.norm(new_eye - new_focal) < MIN_ZOOM_M:
            return
        self._place_camera(new_focal, framing.keep_outside(self.boxes, new_eye))
        self.render_now()

    def _ground_under(self, x: int, y: int) -> NDArray[np.float64] | None:
        """Where the ray through display point (x, y) meets the ground (None above the horizon)."""
        self.renderer.SetDisplayPoint(float(x), float(y), 0.0)
        self.renderer.DisplayToWorld()
        near = np.array(self.renderer.GetWorldPoint()[:3]) / (self.renderer.GetWorldPoint()[3] or 1.0)
        self.renderer.SetDisplayPoint(float(x), float(y), 1.0)
        self.renderer.DisplayToWorld()
        far = np.array(self.renderer.GetWorldPoint()[:3]) / (self.renderer.GetWorldPoint()[3] or 1.0)
        dz = far[2] - near[2]
        if dz >= -1e-9:
            return None
        hit: NDArray[np.float64] = near + (far - near) * (-near[2] / dz)
        return hit

    def _keep_eye_outside(self) -> None:
        """After an orbit or pan: lift the eye out of any building (and off the ground)."""
        self._at_overview = False
        camera = self.renderer.GetActiveCamera()
        eye = np.array(camera.GetPosition())
        safe = framing.keep_outside(self.boxes, eye)
        if not np.allclose(safe, eye):
            camera.SetPosition(*safe)
            camera.OrthogonalizeViewUp()

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
            if self._fly_home:  # the pane may have changed shape on the way (the wall's banner went)
                self.reset_view()
        self.render_now()
