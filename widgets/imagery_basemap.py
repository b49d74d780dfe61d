"""The offline imagery basemap (实景影像底图) of the main window: under the 2D map and on the 3D ground.

A district's own basemap (the manifest's `imagery`, kept in `District.extra`) opens with the scene; the File
menu's "Open imagery basemap…" opens another one for this session. Draping the tiles (`layers.imagery`)
takes a second or two for a whole district, so it runs on a worker thread and lands through a queued signal;
a drape that finishes after the scene changed is dropped.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from layers.projection import LocalProjection
from sandbox_app.data.imagery_source import ImagerySource, from_extra, store_problem
from sandbox_app.domain.model import District

if TYPE_CHECKING:
    from layers.imagery import Draped

_log = logging.getLogger(__name__)


class _Pane(Protocol):
    def set_imagery(self, draped: Draped | None) -> None: ...


TILE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


def store_of(chosen: Path) -> Path:
    """The store a chosen file stands for: an .mbtiles/.gpkg itself, a tile z/x/y.png its XYZ root."""
    if chosen.suffix.lower() in TILE_SUFFIXES and len(chosen.parents) >= 3:
        return chosen.parents[2]
    return chosen


class ImageryBasemap(QObject):
    drawn = Signal(object, object)
    """(generation, Draped or the error text) from the worker thread."""
    changed = Signal()
    """The basemap on screen changed (drawn, or removed with the scene)."""
    failed = Signal(str)
    """A basemap could not be read: its file or folder name, for the status bar (the reason is logged)."""

    def __init__(self, map2d: _Pane, parent: QWidget) -> None:
        super().__init__(parent)
        self.map2d = map2d
        self.pane_3d: _Pane | None = None
        self.draped: Draped | None = None
        self.source: ImagerySource | None = None
        self._district = District(name="", timezone="UTC")
        self._proj = LocalProjection(0.0, 0.0)
        self._generation = 0
        self.ask: Callable[[], ImagerySource | None] = self._ask
        """Asks the user for a store and its tiling (a test replaces it: no modal dialog)."""
        self.drawn.connect(self._landed)

    def set_pane_3d(self, pane: _Pane) -> None:
        """The 3D pane, once built: it gets the basemap already drawn."""
        self.pane_3d = pane
        if self.draped is not None:
            pane.set_imagery(self.draped)

    def set_scene(self, district: District, proj: LocalProjection) -> None:
        """A new district: its own basemap, if its package declared one, else none."""
        self._district, self._proj = district, proj
        self._show(None)
        self.source = None
        self._generation += 1
        source = from_extra(district.extra)
        if source is not None:
            self.open(source)

    def open(self, source: ImagerySource) -> None:
        """Drape `source` over the district on a worker thread; it shows when done."""
        self.source = source
        self._generation += 1
        generation, district, proj = self._generation, self._district, self._proj

        def work() -> None:
            from layers import ground, imagery

            try:
                bounds = tuple(float(v) for v in ground.base_rect(district, proj).bounds)
                result: object = imagery.drape_source(source, proj, bounds)  # type: ignore[arg-type]
            except (OSError, ValueError, sqlite3.Error) as exc:
                _log.warning("imagery basemap %s not shown: %s", source.path, str(exc))  # no traceback kept
                result = source.path.name
            self.drawn.emit(generation, result)

        threading.Thread(target=work, name="imagery-drape", daemon=True).start()

    def ask_and_open(self) -> None:
        source = self.ask()
        if source is not None:
            self.open(source)

    def _landed(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        if isinstance(result, str):
            self.failed.emit(result)
            return
        self._show(result)  # type: ignore[arg-type]

    def _show(self, draped: Draped | None) -> None:
        self.draped = draped
        self.map2d.set_imagery(draped)
        if self.pane_3d is not None:
            self.pane_3d.set_imagery(draped)
        self.changed.emit()

    def _ask(self) -> ImagerySource | None:
        parent = self.parent()
        assert isinstance(parent, QWidget)
        tiles = " ".join(f"*{s}" for s in TILE_SUFFIXES)
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            self.tr("Open imagery basemap"),
            "",
            self.tr("Tile files (*.mbtiles *.gpkg);;XYZ tile folder: choose any tile ({0})").format(tiles),
        )
        if not chosen:
            return None
        path = store_of(Path(chosen))
        reason = store_problem(path)
        if reason is not None:
            _log.warning("imagery basemap %s not opened: %s", path, reason)
            self.failed.emit(path.name)
            return None
        tilings = [self.tr("WGS-84 / CGCS2000 (e.g. Tianditu)"), self.tr("GCJ-02 (e.g. Amap, Tencent)")]
        tiling, ok = QInputDialog.getItem(
            parent,
            self.tr("Open imagery basemap"),
            self.tr("Coordinate system of the tiles:"),
            tilings,
            0,
            False,
        )
        if not ok:
            return None
        return ImagerySource(path, "gcj02" if tiling == tilings[1] else "wgs84")
