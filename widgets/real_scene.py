"""The main window's real-scene model (实景三维模型) controls: File ▸ Open real-scene 3D model…, View ▸
Real-scene model / Building blocks (the model with or instead of the extruded blocks), and showing
the tilesets a district package declared (manifest `tilesets`, `sandbox_app.data.tilesets`) in the 3D pane.

Kept out of `widgets.main_window` so the window only calls `RealScene.install`, `attach` and `show`.
Messages go to the status bar: nothing here opens a modal box.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from sandbox_app.data import tilesets

if TYPE_CHECKING:
    from widgets.sandbox3d import Sandbox3D

_log = logging.getLogger(__name__)
STATUS_MS = 10_000


class RealScene(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view: Sandbox3D | None = None
        self.open_action = QAction(self.tr("Open real-scene 3D model…"), self)
        self.open_action.setToolTip(self.tr("Show a 3D Tiles tileset (tileset.json) in the 3D sandbox"))
        self.open_action.triggered.connect(self._ask)
        self.open_action.setEnabled(False)
        self.model_action = QAction(self.tr("Real-scene model"), self)
        self.model_action.setCheckable(True)
        self.model_action.setChecked(True)
        self.model_action.setEnabled(False)
        self.model_action.toggled.connect(self._model_visible)
        self.blocks_action = QAction(self.tr("Building blocks"), self)
        self.blocks_action.setCheckable(True)
        self.blocks_action.setChecked(True)
        self.blocks_action.toggled.connect(self._blocks_visible)

    def install(self, file_menu: QMenu) -> None:
        """The File menu entry (enabled once the 3D pane exists)."""
        file_menu.addAction(self.open_action)

    def attach(self, view: Sandbox3D, view_menu: QMenu, before: QAction) -> None:
        """The 3D pane exists: the View menu gets the two toggles."""
        self.view = view
        view_menu.insertAction(before, self.model_action)
        view_menu.insertAction(before, self.blocks_action)
        self.open_action.setEnabled(True)

    def show(self, extra: dict[str, object]) -> None:
        """The tilesets a district declared (after `Sandbox3D.set_scene`, which clears the old ones)."""
        if self.view is None:
            return
        shown = []
        for entry in tilesets.entries(extra):
            if self._open(entry.path, entry):
                shown.append(entry)
        self.model_action.setEnabled(bool(shown))
        self.model_action.setChecked(True)
        self.blocks_action.setChecked(not any(e.replaces_blocks for e in shown))

    def open(self, path: Path) -> bool:
        """Add a tileset from a file (the File menu) and fly to it."""
        if self.view is None or not self._open(path, None):
            return False
        self.model_action.setEnabled(True)
        self.model_action.setChecked(True)
        self.view.frame_tilesets()
        return True

    def _open(self, path: Path, entry: tilesets.TilesetEntry | None) -> bool:
        from layers.tiles3d.tileset import Placement, TilesetError

        assert self.view is not None
        placement = Placement()
        if entry is not None:
            placement = Placement(entry.origin, entry.heading_deg, entry.offset_m, entry.ground_height_m)
        bar = self.window.statusBar()
        try:
            tileset = self.view.add_tileset(path, placement)
        except (TilesetError, OSError, KeyError, TypeError, ValueError) as exc:
            # the text, not the exception: a kept log record would hold its frames, and so the window
            _log.warning("real-scene model %s not shown: %s", path, str(exc))
            bar.showMessage(self.tr("Cannot open the real-scene model {0}").format(path.name), STATUS_MS)
            return False
        name = tileset.path.parent.name or tileset.path.name
        if tileset.anchored_at_centre:
            text = self.tr(
                "Real-scene model {0} shown at the district's centre (it has no geographic position)"
            )
        else:
            text = self.tr("Real-scene model {0} shown")
        bar.showMessage(text.format(name), STATUS_MS)
        return True

    def _ask(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open real-scene 3D model"),
            "",
            self.tr("3D Tiles tileset (*.json)"),
        )
        if path:
            self.open(Path(path))

    def _model_visible(self, visible: bool) -> None:
        if self.view is not None:
            self.view.set_tilesets_visible(visible)

    def _blocks_visible(self, visible: bool) -> None:
        if self.view is not None:
            self.view.set_blocks_visible(visible)
