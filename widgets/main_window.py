"""The main window: layer list, 2D map, 3D placeholder, status bar, and the import menu action."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QSplitter, QWidget

from layers import alerts, buildings, compounds, devices, gates, guards, roads
from layers.data import LayerData
from layers.projection import LocalProjection
from widgets.importer import ImportController, ImportJob, default_job
from widgets.layer_list import LayerList
from widgets.map2d import Map2D
from widgets.scene import Scene

LAYER_ORDER = ("alerts", "guards", "devices", "gates", "buildings", "roads", "compounds")


class MainWindow(QMainWindow):
    def __init__(
        self,
        scene: Scene,
        db: Path | None = None,
        import_job: ImportJob | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.scene = scene
        self.map2d = Map2D(self)
        self.layer_list = LayerList([(n, self._layer_title(n)) for n in LAYER_ORDER], self)
        self.layer_list.toggled.connect(self.map2d.set_layer_visible)
        self.placeholder_3d = QLabel(self.tr("3D sandbox: coming in a later version"), self)
        self.placeholder_3d.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter = QSplitter(self)
        for widget in (self.layer_list, self.map2d, self.placeholder_3d):
            splitter.addWidget(widget)
        splitter.setSizes([180, 800, 300])
        self.setCentralWidget(splitter)
        self.importer = ImportController(self, import_job or default_job(db))
        self.importer.imported.connect(lambda district: self.set_scene(Scene(district, source="import")))
        self._build_menus()
        self.set_scene(scene)

    def _layer_title(self, name: str) -> str:
        titles = {
            "alerts": self.tr("Alerts"),
            "guards": self.tr("Guards"),
            "devices": self.tr("Devices"),
            "gates": self.tr("Gates"),
            "buildings": self.tr("Buildings"),
            "roads": self.tr("Roads"),
            "compounds": self.tr("Compounds"),
        }
        return titles[name]

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("Import package…"), self)
        self.import_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self._ask_package)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        fit_action = QAction(self.tr("Fit map to district"), self)
        fit_action.triggered.connect(self.map2d.fit)
        view_menu.addAction(fit_action)

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
            roads.layer(district, proj),
            buildings.layer(district, proj),
            gates.layer(district, proj),
            devices.layer(district, proj),
            guards.layer(district, proj, scene.guard_positions),
            alerts.layer(district, proj, scene.alerts, scene.guard_positions),
        ]

    def set_scene(self, scene: Scene) -> None:
        self.scene = scene
        self.projection = LocalProjection.for_district(scene.district)
        for data in self.layers_for(scene, self.projection):
            self.map2d.set_layer(data)
        self.map2d.fit()
        district = scene.district
        title = self.tr("Digital Sandbox")
        self.setWindowTitle(f"{title} — {district.name}" if district.name else title)
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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.importer.wait()
        super().closeEvent(event)
