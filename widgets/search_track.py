"""A search hit's passes (issue 21): its track on the 2D map, its passes as a timeline, the missing-person
job (last seen where and when, the cameras around it, one click to replay there), and an export.

Picking a person, guard or device in the search box asks `reader` (set where a store is at hand: the
desk's local store, `attach_track_reader`) for the subject's last 30 days, off the UI thread. The track
is the map's `track` layer (`layers/track.py`); the list below the hits shows each pass in time order
(time, kind, device) and a double-click replays there; "Replay there" goes to the last-seen moment.
Export writes CSV or GeoJSON of the track (places, times and device ids only, no names) after the same
export check as a case file (`allowed`, analysts only and audited, where users exist).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import orjson
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from layers import track as track_layer
from sandbox_app.analytics.stats import zone
from sandbox_app.engine.clock import WallClock
from sandbox_app.search import passes
from sandbox_app.search.index import Hit
from widgets.texts import event_kind_text

if TYPE_CHECKING:
    from sandbox_app.domain.model import District
    from widgets.desk import Desk

PASS_ROLE = Qt.ItemDataRole.UserRole
TrackReader = Callable[[passes.Subject, int], passes.Track]
ReplayAt = Callable[[int, "tuple[float, float] | None"], None]


class _Delivery(QObject):
    """A reader thread's result, handed to the UI thread through a queued signal."""

    done = Signal(object)


class TrackPanel(QWidget):
    """Below the search hits: the picked subject's passes and what to do with them."""

    def __init__(self, window: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.raise_dock: Callable[[], None] = lambda: None
        """Brings the dock this panel sits in to the front (the search box sets it)."""
        self.setObjectName("search_track")
        self.reader: TrackReader | None = None
        """Reads a subject's track from the store (None: no store at hand, the panel stays hidden)."""
        self.replay_at: ReplayAt | None = None
        """Replays at a time with the map centred on a place (the replay controller's `jump_to`)."""
        self.allowed: Callable[[str, dict[str, Any]], bool] | None = None
        """The export check (the replay controller's: analysts only, audited)."""
        self.save_path_hook: Callable[[], str] | None = None
        """Tests: the export's file name instead of a file dialog."""
        self.track: passes.Track | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("track_summary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("track_passes")
        self.list.itemDoubleClicked.connect(self._replay_item)
        self.replay_button = QPushButton(self.tr("Replay there"), self)
        self.replay_button.setObjectName("track_replay")
        self.replay_button.clicked.connect(self.replay_last_seen)
        self.export_button = QPushButton(self.tr("Export track…"), self)
        self.export_button.setObjectName("track_export")
        self.export_button.clicked.connect(self.export)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replay_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._delivery = _Delivery(self)
        self._delivery.done.connect(lambda item: self._read(*item))
        self._asked = 0
        self.hide()

    @property
    def zone(self) -> ZoneInfo:
        return zone(self.window_.scene.district.timezone)

    def time_text(self, ts: int) -> str:
        return datetime.fromtimestamp(ts / 1000, tz=self.zone).strftime("%Y-%m-%d %H:%M:%S")

    # reading ---------------------------------------------------------------------------------------
    def show_for(self, hit: Hit) -> bool:
        """Read and show the hit's track; False (and the track cleared) when it has none or no store."""
        district = self.window_.scene.district
        subject = passes.subject_of(district, hit.kind, hit.id) if self.reader is not None else None
        self.clear()
        if subject is None or self.reader is None:
            return False
        self._asked += 1
        asked, reader, end = self._asked, self.reader, self._end_ms()
        self.summary.setText(self.tr("Reading the last 30 days…"))
        self.show()
        self.raise_dock()  # the detail tab was raised by the pick: keep the passes in view
        delivery = self._delivery

        def job() -> None:
            try:
                result: object = reader(subject, end)
            except Exception as exc:  # shown, not lost
                result = exc
            delivery.done.emit((asked, result))

        threading.Thread(target=job, name="search-track", daemon=True).start()
        return True

    def _end_ms(self) -> int:
        """The map's now (the engine's, or the replay's time), else the wall clock."""
        now = self.window_.map2d.now_ms()
        return now if now > 0 else WallClock().now_ms()

    def _read(self, asked: int, result: object) -> None:
        if asked != self._asked:
            return  # a later pick replaced it
        if not isinstance(result, passes.Track):
            self.summary.setText(self.tr("The passes could not be read: {0}").format(result))
            return
        self.set_track(result)

    def set_track(self, t: passes.Track) -> None:
        """Show a track: the map layer, the summary (last seen, cameras around it) and the timeline."""
        self.track = t
        w = self.window_
        w.map2d.set_layer(track_layer.layer(t, w.projection))
        self.list.clear()
        for p in t.passes:
            item = QListWidgetItem(f"{self.time_text(p.ts)}  {event_kind_text(p.kind)}  {p.device}")
            item.setData(PASS_ROLE, p)
            self.list.addItem(item)
        last = t.last_seen()
        if last is None:
            self.summary.setText(self.tr("No passes in the last 30 days."))
        else:
            assert last.lon is not None and last.lat is not None
            near = passes.cameras_near(w.scene.district, last.lon, last.lat)
            cams = ", ".join(c for c, _ in near[:6]) or self.tr("none")
            text = self.tr("{0} passes in 30 days. Last seen {1} at {2}; cameras within {3} m: {4}").format(
                len(t.passes), self.time_text(last.ts), last.device, int(passes.CAMERA_RADIUS_M), cams
            )
            if t.cut:
                text += " " + self.tr("(only the first {0} shown)").format(passes.MAX_PASSES)
            self.summary.setText(text)
        self.replay_button.setEnabled(last is not None and self.replay_at is not None)
        self.export_button.setEnabled(bool(t.passes))
        self.show()

    def clear(self) -> None:
        self.track = None
        self.list.clear()
        self.summary.clear()
        self.window_.map2d.set_layer(track_layer.layer(None, self.window_.projection))
        self.hide()

    # actions ---------------------------------------------------------------------------------------
    def replay_last_seen(self) -> None:
        last = self.track.last_seen() if self.track is not None else None
        if last is not None and self.replay_at is not None:
            self.replay_at(
                last.ts, (last.lon, last.lat) if last.lon is not None and last.lat is not None else None
            )

    def _replay_item(self, item: QListWidgetItem) -> None:
        p = item.data(PASS_ROLE)
        if isinstance(p, passes.Pass) and self.replay_at is not None:
            self.replay_at(p.ts, (p.lon, p.lat) if p.lon is not None and p.lat is not None else None)

    def export(self) -> Path | None:
        t = self.track
        if t is None:
            return None
        target = f"track:{t.subject.kind}:{t.subject.id}"
        if self.allowed is not None and not self.allowed(target, {"passes": len(t.passes)}):
            return None
        if self.save_path_hook is not None:
            name = self.save_path_hook()
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export track"), f"track-{t.subject.id}.csv", "CSV (*.csv);;GeoJSON (*.geojson)"
            )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() == ".geojson":
            path.write_bytes(orjson.dumps(passes.to_geojson(t)))
        else:
            path.write_text(passes.csv_text(t), encoding="utf-8")
        return path


def attach_track_reader(panel: TrackPanel, district: Callable[[], District], db: Path | str) -> None:
    """Give the search box's track panel a reader on the store at `db` (its own connection per read, so a
    long read never holds the live store's lock); `district` is the window's current one."""
    from sandbox_app.store import open_store

    def read(subject: passes.Subject, end_ms: int) -> passes.Track:
        store = open_store(db)
        try:
            return passes.track(store, district(), subject, end_ms)
        finally:
            store.close()

    panel.reader = read
