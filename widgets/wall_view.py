"""What the wall's director (`widgets/wall.py`) reads and drives of the window it runs in.

A narrow Protocol instead of the concrete `MainWindow`, so the wall depends on the panels it uses and not
on the window that builds it (no main_window ↔ wall import cycle), and a test can drive the director with
any object that has these members.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from layers.projection import LocalProjection
from sandbox_app.engine.messages import DispatchUpdate
from sandbox_app.station.scene import Scene
from widgets.alerts_panel import AlertsPanel
from widgets.dashboard import Dashboard
from widgets.health_panel import HealthPanel
from widgets.map2d import Map2D
from widgets.roster import RosterPanel

if TYPE_CHECKING:
    from widgets.sandbox3d import Sandbox3D


class Clock(Protocol):
    """The engine clock as the live feed last reported it (`main_window.LatestClock`)."""

    def now_ms(self) -> int: ...


class WallView(Protocol):
    """The window as the wall sees it: the scene, the 2D map and 3D pane, the panels whose figures the
    wall shows, and the three camera moves (centre on an alert, frame a box, fly the 3D pane to an alert)."""

    @property
    def scene(self) -> Scene: ...
    @property
    def projection(self) -> LocalProjection: ...
    @property
    def map2d(self) -> Map2D: ...
    @property
    def sandbox3d(self) -> Sandbox3D | None: ...
    @property
    def alerts_panel(self) -> AlertsPanel: ...
    @property
    def health_panel(self) -> HealthPanel: ...
    @property
    def dashboard(self) -> Dashboard: ...
    @property
    def roster(self) -> RosterPanel: ...
    @property
    def dispatch(self) -> DispatchUpdate: ...
    @property
    def engine_clock(self) -> Clock: ...

    def centre_on_alert(self, alert_id: str, half_m: float | None = None) -> None: ...

    def frame_lonlat(self, bounds: tuple[float, float, float, float], margin: float = 0.15) -> None: ...

    def request_fly_to(self, alert_id: str) -> None: ...
