"""What the desk's helpers (alert focus, notifier, search box) may use of the window that owns them.

They are parts of the main window split out by job; typing them against this Protocol instead of the
concrete `MainWindow` keeps the import graph one-way (main_window imports its parts, never the reverse)
and says in one place how much of the window each part leans on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QToolBar

if TYPE_CHECKING:
    from layers.projection import LocalProjection
    from sandbox_app.engine.messages import DispatchUpdate
    from sandbox_app.privacy.mask import Viewer
    from sandbox_app.station.scene import Scene
    from widgets.alerts_panel import AlertsPanel
    from widgets.detail import DetailPanel
    from widgets.dispatch_panel import DispatchPanel
    from widgets.map2d import Map2D
    from widgets.roster import RosterPanel


class Desk(Protocol):
    """The window's panels, scene and projection, and the few window actions its parts call."""

    scene: Scene
    wall_mode: bool
    viewer: Viewer
    projection: LocalProjection
    dispatch: DispatchUpdate
    map2d: Map2D
    alerts_panel: AlertsPanel
    dispatch_panel: DispatchPanel
    detail: DetailPanel
    roster: RosterPanel

    def show_detail(self, kind: str, item_id: str) -> None: ...

    def centre_on_alert(self, alert_id: str, half_m: float | None = None) -> None: ...

    def addDockWidget(self, area: Qt.DockWidgetArea, dockwidget: QDockWidget, /) -> None: ...

    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget, /) -> None: ...

    def addToolBar(self, toolbar: QToolBar, /) -> None: ...
