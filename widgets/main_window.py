"""The main window: layer list, 2D map, 3D sandbox, panels (alerts, dispatch, guards, device health,
details, dashboard), status bar, the import menu action. `wall=True` makes it the wall screen
(`widgets.wall`).

Live updates arrive through `set_guard_positions`, `update_alerts`, `set_risk` and the panel setters (called
by the live controller on the UI thread); each redraws one layer by handing its items new arrays, and the
same calls feed the 3D pane, so both views show one state. They also share one selection: an alert chosen in
the queue, on the 2D map or by the wall flies the 3D camera there; a building picked in 3D opens its details.

The 3D pane (VTK) needs a real display: on Qt's offscreen platform (the GUI tests) a label stands in for it
and `sandbox3d` is None.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QImage, QKeySequence, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from layers import (
    alerts,
    areas,
    buildings,
    cameras,
    compounds,
    coverage,
    devices,
    dispatch,
    gates,
    grids,
    guards,
    heat,
    roads,
)
from layers.data import LayerData
from layers.projection import LocalProjection
from sandbox_app.analytics.stats import Figures, TallySnapshot
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.device_kinds import camera_stream
from sandbox_app.domain.grids import grids_of
from sandbox_app.domain.model import District
from sandbox_app.engine.messages import CoverageUpdate, DispatchUpdate
from sandbox_app.privacy.mask import Masker, Viewer
from sandbox_app.station.scene import Scene
from sandbox_app.video.cameras import cameras as video_cameras
from widgets import startup_trace
from widgets.alert_focus import AlertFocus
from widgets.alert_notice import AlertNotifier
from widgets.alerts_panel import AlertsPanel
from widgets.camera_tile import CameraTile
from widgets.camera_view import CameraView
from widgets.dashboard import Dashboard
from widgets.detail import DetailPanel
from widgets.dispatch_panel import DispatchPanel
from widgets.filter_panel import FilterPanel
from widgets.health_panel import HealthPanel
from widgets.imagery_basemap import ImageryBasemap
from widgets.importer import ImportController, ImportJob, default_job
from widgets.layer_list import LayerList
from widgets.map2d import Map2D
from widgets.mode import DeskMode, ReplayFrame
from widgets.real_scene import RealScene
from widgets.roster import RosterPanel
from widgets.search_box import install_search
from widgets.start_page import StartPage, is_empty
from widgets.startup import DistrictClock
from widgets.station_figures import StationFigures
from widgets.wall import WallDirector
from widgets.wall_screen import WallScreen

if TYPE_CHECKING:
    from widgets.sandbox3d import Sandbox3D

LAYER_ORDER = (
    "alerts",
    "dispatch",
    "guards",
    "devices",
    "cameras",
    "gates",
    "heat",
    "coverage",
    "grids",
    "buildings",
    "roads",
    "areas",
    "compounds",
)
HIDDEN_AT_START = ("heat", "coverage", "cameras", "grids")
"""Off until asked for: the demo alone has hundreds of camera cones, which would bury the map."""
RIGHT_MIN_PX = 240
"""The right column (dispatch, roster, details) is never narrower than this."""
RIGHT_MAX_SHARE = 0.27
"""The tabs' titles widen the right column up to this share of the window: on a small window the map
keeps its room (the titles elide there rather than squeeze the map)."""
ROSTER_MIN_PX = 160
"""The roster under the dispatch panel keeps at least this height (a few guards and its tabs)."""
TAB_GAP_PX = 8
"""At most this far below its docks lies the tab bar the dock layout uses (`hide_stray_tab_bars`)."""
TAB_PADDING_PX = 28
"""A dock tab's width beyond its title's text (margins, frame): the column fits its tabs' titles whole."""
WALL_GUARDS_MS = 1000
"""The wall draws guards' moves at most once a second (the desk at each live tick, 0.5 s): each draw
repaints the 2D map's guards, headings and trails under them, the largest share of the wall's idle 2D
paints (issue 17). The first move after a quiet second draws at once, the rest are merged."""
NO_3D_PLATFORMS = frozenset({"offscreen", "minimal"})
"""Qt platforms without an OpenGL window: VTK would draw black (or abort), so the 3D pane is not created."""


def has_3d_display() -> bool:
    """Whether the VTK pane can draw here (a real X/Wayland display, Xvfb included)."""
    return QApplication.platformName() not in NO_3D_PLATFORMS


class LatestClock:
    """The engine clock as last reported by the live feed (a `Clock` for the map's fix ages and trails)."""

    def __init__(self) -> None:
        self.ts = 0

    def now_ms(self) -> int:
        return self.ts


class MainWindow(QMainWindow):
    focus_requested = Signal(str)
    """Alert id the wall (or a user) wants the 3D pane to fly to."""

    def __init__(
        self,
        scene: Scene,
        db: Path | None = None,
        import_job: ImportJob | None = None,
        parent: QWidget | None = None,
        *,
        wall: bool = False,
        viewer: Viewer = Viewer.OFFICER,
        defer_3d: bool = False,
    ) -> None:
        """`defer_3d`: leave the 3D pane empty until `build_3d` (the app calls it once the 2D map is on
        screen: the VTK import and the building mesh take seconds on a small PC)."""
        super().__init__(parent)
        self.setObjectName("wall_window" if wall else "main_window")
        self.scene = scene
        self.wall_mode = wall
        self.viewer = Viewer.WALL if wall else viewer
        self._docks_fitted = False
        self.docks_settled = False
        """True once `fit_docks` ran on the shown window (tests grab panes at their final size)."""
        self.fly_to_alert: str | None = None
        """The latest alert to fly to in 3D (the 3D pane reads it when attached, then follows the signal)."""
        self._reads_today = 0
        self.mode = DeskMode(self)
        """Live or replay: panels observe it, the live controller refuses commands in replay."""
        self.map2d = Map2D(self)
        self.basemap = ImageryBasemap(self.map2d, self)
        """The offline imagery under the 2D map and on the 3D ground (`widgets.imagery_basemap`)."""
        self.basemap.failed.connect(
            lambda reason: self.statusBar().showMessage(
                self.tr("Imagery basemap {0} cannot be read").format(reason)
            )
        )
        self.replay_frame = ReplayFrame(self.mode, scene.district.timezone, self.map2d)
        titles = [(n, self._layer_title(n)) for n in LAYER_ORDER]
        self.layer_list = LayerList(titles, self, unchecked=HIDDEN_AT_START)
        self.layer_list.toggled.connect(self.map2d.set_layer_visible)
        for name in HIDDEN_AT_START:
            self.map2d.set_layer_visible(name, False)
        self.engine_clock = LatestClock()
        self._by_device = scene.district.guard_by_device()
        self._camera_ids: frozenset[str] = frozenset()
        self._camera_health: dict[str, str] | None = None
        """Camera id → health the cones were last drawn for (None: not drawn for this scene yet)."""
        self.guard_fix_ts: dict[str, int] = {}
        """Guard id → ts of its latest fix (the map fades trails and shows fix ages from these)."""
        self.camera_views: dict[str, CameraView] = {}
        self.sandbox3d: Sandbox3D | None = None
        self.pane_3d: QWidget
        has_3d = has_3d_display()
        if has_3d:  # a holder the VTK view goes into (now, or later by `build_3d`)
            self.pane_3d = QWidget(self)
            QVBoxLayout(self.pane_3d).setContentsMargins(0, 0, 0, 0)
            self.layer_list.toggled.connect(self._toggle_3d_layer)
        else:
            label = QLabel(self.tr("3D sandbox: needs an OpenGL display"), self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.pane_3d = label
        self.pane_3d.setObjectName("pane_3d")
        splitter = QSplitter(self)
        for widget in (self.layer_list, self.map2d, self.pane_3d):
            splitter.addWidget(widget)
        splitter.setSizes([150, 700, 500] if has_3d else [150, 900, 120])
        self.splitter = splitter
        self.start_page: StartPage | None = None
        if wall:  # the wall only shows: no start page there
            self.setCentralWidget(splitter)
        else:  # the map, or while no district is loaded, a start page in its place (`set_scene`)
            self.start_page = StartPage(self)
            self.start_page.import_requested.connect(self._ask_package)
            self.start_page.demo_requested.connect(self.import_package)
            self.central_stack = QStackedWidget(self)
            self.central_stack.addWidget(splitter)
            self.central_stack.addWidget(self.start_page)
            self.setCentralWidget(self.central_stack)
        self.importer = ImportController(self, import_job or default_job(db))
        self.importer.imported.connect(lambda district: self.set_scene(Scene(district, source="import")))
        self.alerts_panel = AlertsPanel(scene.district.timezone, self)
        self.alerts_panel.alert_selected.connect(self.centre_on_alert)
        # Below the map: the table is wide (rule names, times), the map keeps the full width.
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.alerts_panel)
        self.resizeDocks([self.alerts_panel], [200], Qt.Orientation.Vertical)
        self.dispatch_panel = DispatchPanel(scene.district.timezone, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dispatch_panel)
        self.dispatch_panel.hide()  # shown by the live controller: dispatching needs a running engine
        self.alerts_panel.set_mode(self.mode)
        self.dispatch_panel.set_mode(self.mode)
        self.alerts_panel.alert_selected.connect(self._alert_chosen)
        self.alerts_panel.alert_selected.connect(self.fly_3d_to_alert)
        self.focus_requested.connect(self.fly_3d_to_alert)
        self._build_panels(scene)
        self.search_box = install_search(self)
        self.station_figures = self._install_figures()
        self.filter_panel = FilterPanel(self.map2d, self._filter_3d, self)
        self.tabifyDockWidget(self.roster, self.filter_panel)  # beside the roster: the map keeps its room
        self.roster.raise_()
        if wall:
            self.filter_panel.hide()  # the wall shows the whole district
        self.dispatch = DispatchUpdate(0, (), {})
        self.coverage_segments = CoverageUpdate(0, 0.0, np.zeros((0, 2, 2)), 0)
        self.clock_label = DistrictClock(scene.district.timezone, self)
        self.statusBar().addPermanentWidget(self.clock_label)
        self.status_labels = {name: QLabel(self) for name in ("rate", "alerts", "health")}
        for name, label in self.status_labels.items():
            label.setObjectName(f"status_{name}")
            self.statusBar().addPermanentWidget(label)
        self.risk: dict[str, float] = {}
        self._build_menus()
        self.notifier: AlertNotifier | None = None if wall else AlertNotifier(self)
        """Toast, sound and the unacknowledged counter for new live alerts (the wall has its own focus)."""
        self.wall: WallDirector | None = None
        self._guards_timer = QTimer(self)
        self._guards_timer.setSingleShot(True)
        self._guards_timer.timeout.connect(self._draw_guards)
        self._guards_drawn = QElapsedTimer()
        if wall:
            self._setup_wall(splitter)
        self.set_scene(scene)
        self.map2d.picked.connect(self.show_detail)
        self.map2d.picked.connect(self._picked_on_map)
        self.alert_focus = AlertFocus(self)
        if has_3d and not defer_3d:
            self.build_3d()

    def fit_docks(self) -> None:
        """The right column a quarter of the window wide and never narrower than its tab titles (they were
        cut to "巡…" at 1280×720); with the dispatch panel shown, it takes most of the column's height so
        its order buttons stay in view, the roster below (issue 16 §6). The wall lays itself out."""
        self.docks_settled = self.isVisible()
        if self.wall_mode:
            return
        tabbed = [self.roster, *self.tabifiedDockWidgets(self.roster)]
        metrics = self.fontMetrics()
        tabs = sum(metrics.horizontalAdvance(d.windowTitle()) + TAB_PADDING_PX for d in tabbed)
        width = max(RIGHT_MIN_PX, self.width() // 4, min(tabs, int(self.width() * RIGHT_MAX_SHARE)))
        self.resizeDocks([self.roster], [width], Qt.Orientation.Horizontal)
        panel = self.dispatch_panel
        if panel.isHidden():
            return
        self.resizeDocks([panel], [width], Qt.Orientation.Horizontal)
        column = panel.height() + self.roster.height()
        if not (panel.isVisible() and self.roster.isVisible()) or column < 2 * ROSTER_MIN_PX:
            tall = self.height()  # not laid out yet: shares of the window (refined once it is shown)
            self.resizeDocks([panel, self.roster], [tall * 3 // 5, tall // 3], Qt.Orientation.Vertical)
            return
        body = panel.widget()
        inner = body.widget() if isinstance(body, QScrollArea) else body
        title = panel.height() - body.height() if body is not None else 0
        need = title + (inner.minimumSizeHint().height() if inner is not None else 0) + 4
        want = max(column // 2, min(need, column - ROSTER_MIN_PX))
        self.resizeDocks([panel, self.roster], [want, column - want], Qt.Orientation.Vertical)

    def hide_stray_tab_bars(self) -> None:
        """Qt 6.11 leaves a second, stale copy of a dock group's tab bar when a window tabifies a second
        group: it floats over the map ("未处置预警 | 设备状态" mid-window). The layout places the bar it uses
        right under its group's docks; any other shown tab bar of the window is hidden."""
        docks = [d for d in self.findChildren(QDockWidget) if not d.isFloating() and d.parent() is self]
        for bar in self.findChildren(QTabBar):
            if bar.parent() is not self or not bar.isVisible():
                continue
            titles = {bar.tabText(i) for i in range(bar.count())}
            group = [d for d in docks if d.windowTitle() in titles and not d.visibleRegion().isEmpty()]
            placed = any(
                abs(bar.x() - d.x()) <= 2 and 0 <= bar.y() - d.geometry().bottom() <= TAB_GAP_PX
                for d in group
            )
            if group and not placed:
                bar.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._docks_fitted:
            self._docks_fitted = True
            QTimer.singleShot(0, self.fit_docks)  # once the window has its first real size
            QTimer.singleShot(0, self.hide_stray_tab_bars)

    def _filter_3d(self, district: District) -> None:
        """The element filter's district for the 3D pane, once it exists (`build_3d` catches up)."""
        if self.sandbox3d is not None:
            self.sandbox3d.set_element_filter(district)

    def build_3d(self) -> None:
        """Create the VTK pane in its holder and give it the current state (idempotent; nothing where the
        platform has no OpenGL display)."""
        if self.sandbox3d is not None or not has_3d_display():
            return
        from widgets.sandbox3d import Sandbox3D

        view = Sandbox3D(self.pane_3d)
        startup_trace.on_first_render(view.render_window, "first_3d")
        self.sandbox3d = view
        if self.wall is not None:
            view.set_wall_pace()  # fewer frames nobody at the screen would miss (issue 17)
        view.picked.connect(lambda b: self.show_detail("building", b))
        view.set_cameras_visible(self.layer_list.is_checked("cameras"))
        layout = self.pane_3d.layout()
        assert layout is not None
        layout.addWidget(view)
        reset_3d = QAction(self.tr("Reset 3D view"), self)
        reset_3d.triggered.connect(view.reset_view)
        self.view_menu.insertAction(self._docks_in_menu, reset_3d)
        self.real_scene.attach(view, self.view_menu, self._docks_in_menu)
        view.set_scene(self.scene.district, self.projection)
        self.real_scene.show(self.scene.district.extra)
        self.basemap.set_pane_3d(view)
        self.filter_panel.refresh_3d()
        self._guards_to_3d()
        view.set_alerts(self.scene.alerts)
        if self._camera_health is not None:
            view.set_cameras(cameras.layer(self.scene.district, self.projection, self._camera_health))

    def _build_panels(self, scene: Scene) -> None:
        """Guards and details on the right (under the dispatch panel), health and dashboard as tabs below."""
        district = scene.district
        self.roster = RosterPanel(district, Masker(self.viewer), self)
        self.detail = DetailPanel(district, self.viewer, self)
        self.detail.set_mode(self.mode)
        self.health_panel = HealthPanel(district, self)
        self.dashboard = Dashboard(
            district.timezone, self.alerts_panel.rule_text, self.health_panel.kind_text, self
        )
        self.dashboard_dock = QDockWidget(self.tr("Dashboard"), self)
        self.dashboard_dock.setObjectName("dashboard_panel")
        self.dashboard_dock.setWidget(self.dashboard)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.roster)
        self.tabifyDockWidget(self.roster, self.detail)
        self.tabifyDockWidget(self.alerts_panel, self.health_panel)
        self.tabifyDockWidget(self.alerts_panel, self.dashboard_dock)
        self.alerts_panel.raise_()
        self.roster.raise_()
        for panel in (self.roster, self.health_panel):
            panel.visibilityChanged.connect(lambda shown, p=panel: p.refresh() if shown else None)
        self.roster.guard_selected.connect(lambda g: self.show_detail("guard", g))
        self.health_panel.device_selected.connect(lambda d: self.show_detail("device", d))

    def _setup_wall(self, splitter: QSplitter) -> None:
        """The wall screen's own layout and director (`widgets.wall`)."""
        docks = (
            self.alerts_panel,
            self.dispatch_panel,
            self.roster,
            self.detail,
            self.health_panel,
            self.dashboard_dock,
        )
        self.wall_overlay = WallScreen(self, splitter, CameraTile(), self.map2d, self.pane_3d, docks)
        self.wall = WallDirector(self, self.wall_overlay, self)
        self.map2d.set_wall_pace()  # fewer frames nobody at the screen would miss (issue 17)

    def _layer_title(self, name: str) -> str:
        titles = {
            "alerts": self.tr("Alerts"),
            "guards": self.tr("Guards"),
            "devices": self.tr("Devices"),
            "cameras": self.tr("Camera views"),
            "gates": self.tr("Gates"),
            "heat": self.tr("Risk heat"),
            "dispatch": self.tr("Dispatch routes"),
            "coverage": self.tr("Coverage gaps"),
            "buildings": self.tr("Buildings"),
            "roads": self.tr("Roads"),
            "compounds": self.tr("Compounds"),
            "areas": self.tr("Water & green"),
            "grids": self.tr("Grids"),
        }
        return titles[name]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("Import package…"), self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self._ask_package)
        file_menu.addAction(self.import_action)
        self.incident_action = QAction(self.tr("New incident…"), self)  # widgets/incident_dialog.py
        self.incident_action.setEnabled(False)
        file_menu.addAction(self.incident_action)
        self.real_scene = RealScene(self)  # 实景三维: File ▸ open a 3D Tiles model, View ▸ model/blocks
        self.real_scene.install(file_menu)
        self.imagery_action = QAction(self.tr("Open imagery basemap…"), self)
        self.imagery_action.triggered.connect(self.basemap.ask_and_open)
        file_menu.addAction(self.imagery_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.view_menu = view_menu = self.menuBar().addMenu(self.tr("&View"))
        fit_action = QAction(self.tr("Fit map to district"), self)
        fit_action.triggered.connect(self.map2d.fit)
        view_menu.addAction(fit_action)
        self.legend_action = QAction(self.tr("Legend"), self)
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(self.map2d.map_legend.isVisibleTo(self.map2d))
        self.legend_action.toggled.connect(self.map2d.set_legend_visible)
        view_menu.addAction(self.legend_action)
        self._docks_in_menu = view_menu.addSeparator()  # "Reset 3D view" goes before it (`build_3d`)
        docks = (self.dispatch_panel, self.roster, self.detail, self.health_panel, self.dashboard_dock)
        for dock in (*docks, self.filter_panel):
            view_menu.addAction(dock.toggleViewAction())

    def _ask_package(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a district package folder"))
        if folder:
            self.import_package(Path(folder))

    def import_package(self, package: Path) -> None:
        """Start importing a package in the background; the map switches to it when it lands."""
        self.importer.start(package)

    def layers_for(self, scene: Scene, proj: LocalProjection) -> list[LayerData]:
        district = scene.district
        return [
            compounds.layer(district, proj),
            areas.layer(district, proj),
            grids.layer(district, proj),
            roads.layer(district, proj),
            buildings.layer(district, proj),
            gates.layer(district, proj),
            devices.layer(district, proj),
            cameras.layer(district, proj, devices.health_from_alerts(scene.alerts)),
            guards.layer(district, proj, scene.guard_positions, self.guard_fix_ts),
            alerts.layer(district, proj, scene.alerts, scene.guard_positions),
            heat.layer(district, proj, self.risk),
            dispatch.layer(proj, self.dispatch.dispatches, self.dispatch.paths, self.dispatch.now_ts or None),
            coverage.layer(proj, self.coverage_segments.segments),
        ]

    def set_scene(self, scene: Scene) -> None:
        self.scene = scene
        if self.start_page is not None:
            empty = is_empty(scene.district)
            self.central_stack.setCurrentWidget(self.start_page if empty else self.splitter)
        self.risk = {}
        self.dispatch = DispatchUpdate(0, (), {})
        self.coverage_segments = CoverageUpdate(0, 0.0, np.zeros((0, 2, 2)), 0)
        self.dispatch_panel.set_timezone(scene.district.timezone)
        self.dispatch_panel.set_alert(None)
        self.dispatch_panel.update_dispatches(())
        self.alerts_panel.set_timezone(scene.district.timezone)
        self.alerts_panel.set_grids(grids_of(scene.district))
        self.replay_frame.set_timezone(scene.district.timezone)
        self.alerts_panel.alerts.clear()
        self.alerts_panel.update_alerts(scene.alerts)
        if self.notifier is not None:
            self.notifier.know(scene.alerts)
        for panel in (self.roster, self.detail, self.health_panel):
            panel.set_district(scene.district)
        self.health_panel.set_open_alerts(self.alerts_panel.alerts.values())
        self.dispatch_panel.set_late(self.alerts_panel.alerts.values())
        self.health_panel.refresh()
        self.dashboard.timezone = scene.district.timezone
        if self.wall is not None:
            self.wall.set_district()
            self._show_wall_figures()
        self.projection = LocalProjection.for_district(scene.district)
        self.guard_fix_ts = {}
        self._by_device = scene.district.guard_by_device()
        self._camera_ids = frozenset(c.id for c in video_cameras(scene.district))
        self._camera_health = None
        self.map2d.clear_trails()  # another district: old trails would join unrelated places
        for data in self.layers_for(scene, self.projection):
            self.map2d.set_layer(data)
        self.map2d.fit()
        if self.sandbox3d is not None:
            self.sandbox3d.set_scene(scene.district, self.projection)
            self.real_scene.show(scene.district.extra)
        self.basemap.set_scene(scene.district, self.projection)
        if self.sandbox3d is not None:
            self._guards_to_3d()
            self.sandbox3d.set_alerts(scene.alerts)
        self.filter_panel.set_district(scene.district)
        self._set_cameras()
        self.status_labels["alerts"].setText(
            self.tr("Open alerts: {0}").format(len(self.alerts_panel.alerts))
        )
        title = self.tr("Digital Sandbox")
        self.setWindowTitle(f"{title} — {scene.district.name}" if scene.district.name else title)
        self.show_summary()

    def show_summary(self) -> None:
        """What is loaded, in the status bar's message area (refreshed as guards get located)."""
        district, scene = self.scene.district, self.scene
        self.statusBar().showMessage(
            self.tr("{0}: {1} buildings, {2} rooms, {3} devices, {4} of {5} guards located").format(
                district.name or self.tr("no district loaded"),
                len(district.buildings),
                len(district.rooms),
                len(district.devices),
                len(scene.guard_positions),
                len(district.guards),
            )
        )

    # live updates (UI thread) ---------------------------------------------------------------------
    def set_guard_positions(self, positions: Mapping[str, tuple[float, float]]) -> None:
        """guard id → (lon, lat); merged into the scene, then the guards layer gets the new arrays."""
        located = len(self.scene.guard_positions)
        self.scene.guard_positions.update(positions)
        if len(self.scene.guard_positions) != located:
            self.show_summary()
        if self.wall is not None:  # merged: at most one draw per WALL_GUARDS_MS
            since = self._guards_drawn.elapsed() if self._guards_drawn.isValid() else WALL_GUARDS_MS
            if since < WALL_GUARDS_MS:
                if not self._guards_timer.isActive():
                    self._guards_timer.start(WALL_GUARDS_MS - since)
                return
        self._draw_guards()

    def _draw_guards(self) -> None:
        self._guards_timer.stop()
        self._guards_drawn.restart()
        district = self.scene.district
        self.map2d.set_layer(
            guards.layer(district, self.projection, self.scene.guard_positions, self.guard_fix_ts)
        )
        self._guards_to_3d()

    def _guards_to_3d(self) -> None:
        if self.sandbox3d is None:
            return
        known = self.scene.district.guards
        positions = self.scene.guard_positions
        ids = sorted(g for g in positions if g in known)
        lonlat = np.asarray([positions[g] for g in ids], dtype=np.float64).reshape(-1, 2)
        self.sandbox3d.set_guards(ids, lonlat, [known[g].role for g in ids])

    def update_alerts(self, changed: Iterable[Alert], notify: bool = True) -> None:
        """Changed alerts (any state): the panel keeps the open ones, the alerts layer draws them; on the
        wall, a new high one takes focus; on the desk, a new one of a noticed level pops a toast and plays
        its tone (`notify=False`: alerts that were already open when the session started)."""
        changed = list(changed)
        self.alerts_panel.update_alerts(changed)
        if self.notifier is not None:
            if notify:
                self.notifier.offer(changed)
            else:
                self.notifier.know(changed)
        self.health_panel.set_open_alerts(self.alerts_panel.alerts.values())
        self.dispatch_panel.set_late(self.alerts_panel.alerts.values())
        self.scene.alerts = list(self.alerts_panel.alerts.values())
        district, positions = self.scene.district, self.scene.guard_positions
        self.map2d.set_layer(alerts.layer(district, self.projection, self.scene.alerts, positions))
        self._set_cameras()
        if self.sandbox3d is not None:
            self.sandbox3d.set_alerts(self.scene.alerts)
        self.status_labels["alerts"].setText(self.tr("Open alerts: {0}").format(len(self.scene.alerts)))
        if self.wall is not None:
            self.wall.offer(changed)

    def _set_cameras(self) -> None:
        """Camera cones recoloured for health (an offline camera's cone goes grey), 2D and 3D."""
        health = devices.health_from_alerts(self.scene.alerts)
        health = {d: h for d, h in health.items() if d in self._camera_ids}
        if health == self._camera_health:
            return  # most alert updates touch no camera: the cones stay as drawn
        self._camera_health = health
        data = cameras.layer(self.scene.district, self.projection, health)
        self.map2d.set_layer(data)
        if self.sandbox3d is not None:
            self.sandbox3d.set_cameras(data)

    def _toggle_3d_layer(self, name: str, visible: bool) -> None:
        """The 3D pane follows the layer list for the layers it draws."""
        if self.sandbox3d is not None and name == "cameras":
            self.sandbox3d.set_cameras_visible(visible)

    def set_risk(self, index: Mapping[str, float]) -> None:
        """Risk index per building (and compound) → the heat layer."""
        self.risk = dict(index)
        self.map2d.set_layer(heat.layer(self.scene.district, self.projection, self.risk))

    def set_dispatches(self, update: DispatchUpdate) -> None:
        """Dispatches to the panel; routes and incidents of the ones holding a guard to the map."""
        self.dispatch = update
        self.dispatch_panel.update_dispatches(update.dispatches)
        self.roster.set_dispatches(update.dispatches)
        routes = dispatch.layer(self.projection, update.dispatches, update.paths, update.now_ts or None)
        self.map2d.set_layer(routes)
        if self.sandbox3d is not None:
            self.sandbox3d.set_dispatch(routes)

    def set_coverage(self, update: CoverageUpdate) -> None:
        self.coverage_segments = update
        self.map2d.set_layer(coverage.layer(self.projection, update.segments))

    # panels (UI thread) ---------------------------------------------------------------------------------
    def set_clock(self, now_ts: int) -> None:
        """The engine clock: fix ages, trail fading and last-seen times count from it, not from the wall
        clock. The map follows it unless another clock (a replay's) holds it."""
        self.engine_clock.ts = max(self.engine_clock.ts, now_ts)
        self.clock_label.set_ts(self.engine_clock.ts)
        if self.map2d.clock is None:
            self.map2d.set_clock(self.engine_clock)
        self.roster.set_now(now_ts)
        self.health_panel.set_now(now_ts)
        self.alerts_panel.set_now(self.engine_clock.ts)

    def set_fix_times(self, fix_ts: Mapping[str, int]) -> None:
        """Tracker device id → ts of its latest fix (the roster's fix ages, the map's trails)."""
        self.roster.update_fixes(fix_ts)
        for device, ts in fix_ts.items():
            guard = self._by_device.get(device)
            if guard is not None and ts > self.guard_fix_ts.get(guard.id, -1):
                self.guard_fix_ts[guard.id] = ts

    def set_tally(self, tally: TallySnapshot) -> None:
        """Last seen and battery per device from the live tally; then the panels redraw (once a second)."""
        self.roster.update_batteries(tally.battery)
        self.health_panel.update_last_seen(tally.last_seen)
        self.set_clock(tally.now_ts)
        self.refresh_panels()

    def set_bridge_health(self, health: Mapping[str, object]) -> None:
        self.health_panel.set_bridges(health)

    def set_figures(self, figures: Figures) -> None:
        self.dashboard.set_figures(figures)
        self._reads_today = sum(figures.reads_today.values())

    def refresh_panels(self) -> None:
        """Redraw the visible panels (a tab behind another redraws when it is brought up); the wall's
        figures need the roster's and health panel's counts, so there they always refresh."""
        wall = self.wall is not None
        if wall or self.roster.isVisible():
            self.roster.refresh()
        if wall or self.health_panel.isVisible():
            self.health_panel.refresh()
        self.detail.set_fixes(self.roster.fix_ts, self.roster.now_ts)
        if self.wall is not None:
            self._show_wall_figures()

    def _show_wall_figures(self) -> None:
        if self.wall is not None:
            self.wall.refresh()

    def _install_figures(self) -> StationFigures:
        """The 治理成效 tab beside the dashboard (the desk only: the wall keeps its own tiles); it recomputes
        each time it is shown."""
        panel = StationFigures(self)
        dock = QDockWidget(QCoreApplication.translate("StationFigures", "Station figures"), self)
        dock.setObjectName("station_figures_panel")
        dock.setWidget(panel)
        self.tabifyDockWidget(self.dashboard_dock, dock)
        self.alerts_panel.raise_()
        dock.visibilityChanged.connect(lambda shown: panel.refresh() if shown else None)
        panel.dock = dock
        if self.wall_mode:
            dock.hide()
            dock.toggleViewAction().setEnabled(False)
        return panel

    def show_detail(self, kind: str, item_id: str) -> None:
        """A click on the map or a panel row: an alert is selected in the queue; anything else goes to the
        detail view (masked by the viewer's role)."""
        if kind == "alert":
            self.alerts_panel.select(item_id)
            return
        if self.detail.show_item(kind, item_id) and not self.wall_mode:
            self.detail.show()
            self.detail.raise_()

    def request_fly_to(self, alert_id: str) -> None:
        self.fly_to_alert = alert_id
        self.focus_requested.emit(alert_id)

    def fly_3d_to_alert(self, alert_id: str) -> bool:
        """The shared selection in 3D: the camera flies to the alert's floor; False without a 3D pane or
        when the alert is unknown there."""
        return self.sandbox3d is not None and self.sandbox3d.select_alert(alert_id)

    def _picked_on_map(self, kind: str, item_id: str) -> None:
        """A building clicked on the 2D map is flown to in 3D; a camera with a stream opens its live view."""
        if kind == "building" and self.sandbox3d is not None:
            self.sandbox3d.select_building(item_id)
        elif kind == "device" and not self.wall_mode:
            self.open_camera(item_id)

    def open_camera(self, device_id: str) -> CameraView | None:
        """A live view window of the camera's stream (one per camera); None when it has no stream."""
        device = self.scene.district.devices.get(device_id)
        url = camera_stream(device.extra) if device is not None else None
        if device is None or url is None:
            return None
        view = self.camera_views.get(device_id)
        if view is None:
            from sandbox_app.video.source import FrameSource, is_file  # OpenCV only when a stream opens

            view = CameraView(FrameSource(url, loop=is_file(url)).start(), device.name or device_id)
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            view.resize(640, 400)
            view.closed.connect(lambda _url, d=device_id: self._camera_closed(d))
            self.camera_views[device_id] = view
        view.show()
        view.raise_()
        return view

    def _camera_closed(self, device_id: str) -> None:
        view = self.camera_views.pop(device_id, None)
        if view is not None:
            view.source.stop()

    def frame_lonlat(self, bounds: tuple[float, float, float, float], margin: float = 0.15) -> None:
        """Show the lon/lat box (min lon, min lat, max lon, max lat) with a margin: the wall's tour."""
        (x0, y0), (x1, y1) = self.projection.to_xy([bounds[0], bounds[2]], [bounds[1], bounds[3]])
        self.map2d.getPlotItem().vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=margin)

    def _alert_chosen(self, alert_id: str) -> None:
        self.dispatch_panel.set_alert(self.alerts_panel.alerts.get(alert_id))

    def centre_on_alert(self, alert_id: str, half_m: float | None = None) -> None:
        """Pan to the alert (keeping the zoom), or frame `half_m` metres around it (the wall's focus)."""
        alert = self.alerts_panel.alerts.get(alert_id)
        if alert is None:
            return
        where = alerts.subject_lonlat(self.scene.district, alert, self.scene.guard_positions)
        if where is not None:
            x, y = self.projection.to_xy([where[0]], [where[1]])[0]
            if half_m is not None:
                view = self.map2d.getPlotItem().vb
                view.setRange(xRange=(x - half_m, x + half_m), yRange=(y - half_m, y + half_m), padding=0)
            self.map2d.centre_on(float(x), float(y))

    def grab(self, rectangle: QRect | None = None) -> QPixmap:
        """The window as shown, 3D pane included: Qt's grab sees only black where VTK draws with OpenGL,
        so the pane's own rendering is painted over it (screenshots, pixel tests)."""
        pixmap = super().grab() if rectangle is None else super().grab(rectangle)
        view = self.sandbox3d
        if rectangle is not None or view is None or not view.isVisible():
            return pixmap
        pixels = np.ascontiguousarray(view.grab_image())
        h, w = pixels.shape[:2]
        image = QImage(pixels.data, w, h, pixels.strides[0], QImage.Format.Format_RGB888).copy()
        painter = QPainter(pixmap)
        painter.drawImage(QRect(view.mapTo(self, QPoint(0, 0)), view.size()), image)
        painter.end()
        return pixmap

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.wall is not None:
            self.wall.stop()
        for view in list(self.camera_views.values()):
            view.close()
        if self.sandbox3d is not None:
            self.sandbox3d.close()  # releases its OpenGL context before the window goes
        self.importer.wait()
        super().closeEvent(event)
