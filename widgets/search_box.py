"""The window's search box (综合查询): type, pick a hit, and the map centres on it (issue 21); a person,
guard or device also shows its passes: a track on the map and a timeline below the hits (`search_track`).

Ranking and masking are `sandbox_app.search.index`'s, for the window's viewer, so the box finds what the CLI
finds. A picked hit pans the 2D map to it (keeping the zoom) and opens it in the detail view; an alert is
selected in the alert queue. The box searches as one types, after a short pause.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from sandbox_app.privacy.mask import Masker
from sandbox_app.search.index import Hit, SearchIndex
from widgets.search_track import TrackPanel

if TYPE_CHECKING:
    from widgets.desk import Desk

HIT_ROLE = Qt.ItemDataRole.UserRole
TYPING_PAUSE_MS = 250
LIMIT = 100


class SearchBox(QDockWidget):
    """A query line and its hits; `picked(hit)` when a hit is chosen (click, Enter)."""

    picked = Signal(object)

    def __init__(self, window: Desk) -> None:
        super().__init__()  # addDockWidget makes the window its parent
        self.window_ = window
        self.setObjectName("search_panel")
        self.setWindowTitle(self.tr("Search"))
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.line = QLineEdit(body)
        self.line.setObjectName("search_line")
        self.line.setPlaceholderText(self.tr("Name, ID number, phone, address, device, alert"))
        self.line.setClearButtonEnabled(True)
        self.results = QListWidget(body)
        self.results.setObjectName("search_results")
        layout.addWidget(self.line)
        layout.addWidget(self.results)
        self.track_panel = TrackPanel(window, body)
        self.track_panel.raise_dock = self.raise_
        layout.addWidget(self.track_panel)
        self.setWidget(body)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run)
        self.line.textEdited.connect(lambda _text: self._timer.start())
        self.line.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)
        self._index: SearchIndex | None = None
        """Built on the first search and again when the window shows another district."""
        self.audit_hook: Callable[[str, list[Hit]], bool] | None = None
        """Records a logged-in person's search (`widgets.session`); False: not recorded, nothing shown."""

    def kind_text(self, kind: str) -> str:
        texts = {
            "person": self.tr("Person"),
            "room": self.tr("Room"),
            "building": self.tr("Building"),
            "compound": self.tr("Compound"),
            "organisation": self.tr("Organisation"),
            "device": self.tr("Device"),
            "guard": self.tr("Guard"),
            "gate": self.tr("Gate"),
            "alert": self.tr("Alert"),
        }
        return texts.get(kind, kind)

    def run(self) -> list[Hit]:
        """Search now for the line's text and list the hits (masked for the window's viewer)."""
        self._timer.stop()
        w = self.window_
        query = self.line.text()
        if self._index is None or self._index.district is not w.scene.district:
            self._index = SearchIndex.build(w.scene.district)
        hits = self._index.search(query, Masker(w.viewer), w.alerts_panel.alerts.values(), limit=LIMIT)
        self.results.clear()
        if query.strip() and self.audit_hook is not None and not self.audit_hook(query, hits):
            refused = QListWidgetItem(self.tr("Not searched: the audit log cannot be written."))
            refused.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(refused)
            return []
        for hit in hits:
            item = QListWidgetItem(f"[{self.kind_text(hit.kind)}] {hit.label}\n    {hit.detail}")
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        if not hits and self.line.text().strip():
            empty = QListWidgetItem(self.tr("No match"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(empty)
        return hits

    def _enter(self) -> None:
        """Enter searches; Enter again (same text, hits listed) picks the first hit."""
        first = self.results.item(0)
        if self._timer.isActive() or first is None or first.data(HIT_ROLE) is None:
            self.run()
            return
        self._chosen(first)

    def _chosen(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if isinstance(hit, Hit):
            self.picked.emit(hit)

    def focus(self) -> None:
        self.show()
        self.raise_()
        self.line.setFocus()
        self.line.selectAll()


def go_to(window: Desk, hit: Hit) -> None:
    """Centre the 2D map on a hit (keeping the zoom) and show it: an alert in the queue, else the detail."""
    if hit.lon is not None and hit.lat is not None:
        x, y = window.projection.to_xy([hit.lon], [hit.lat])[0]
        window.map2d.centre_on(float(x), float(y))
    window.show_detail(hit.kind, hit.id)


def install_search(window: Desk) -> SearchBox:
    """The search dock beside the roster, Ctrl+F to focus it; picking a hit goes to it on the map."""
    box = SearchBox(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, box)
    window.tabifyDockWidget(window.roster, box)
    window.roster.raise_()
    box.picked.connect(lambda hit: go_to(window, hit))
    box.picked.connect(box.track_panel.show_for)
    if window.wall_mode:  # the wall only displays, names masked: no search of people on a public screen
        box.hide()
        box.toggleViewAction().setEnabled(False)
        return box
    shortcut = QShortcut(QKeySequence.StandardKey.Find, window.map2d)  # window-wide: the map's window
    shortcut.activated.connect(box.focus)
    return box
