"""Device and bridge health: online share per device kind, the devices that are silent, each bridge's link.

A device is offline while its `device_offline` alert is open (the liveness rule decides, not this panel);
"last seen" comes from the live tally of events. Bridges report `BridgeHealth` snapshots through the bus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sandbox_app.analytics.stats import (
    BRIDGE_PREFIX,
    KindHealth,
    offline_subjects,
    online_by_kind,
    online_rate,
    zone,
)
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.model import District
from widgets import tables
from widgets.texts import device_kind_text, elapsed_text

MAX_OFFLINE_ROWS = 500
"""A dead switch can take a thousand devices down; the list shows the first ones, the count says all."""
BAD = QColor(200, 40, 40)
GOOD = QColor(46, 160, 67)


def _table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(tables.FITTED)
    return table


def _fill(
    table: QTableWidget,
    rows: Sequence[tuple[str, ...]],
    key: int = 0,
    colours: Sequence[Sequence[QColor | None]] | None = None,
) -> None:
    """Cells change in place (`widgets.tables.fill`): the panel refreshes every second."""
    tables.fill(table, rows, key, colours)


class HealthPanel(QDockWidget):
    device_selected = Signal(str)

    def __init__(self, district: District, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("health_panel")
        self.setWindowTitle(self.tr("Device health"))
        self.district = district
        self.offline: set[str] = set()
        self.last_seen: dict[str, int] = {}
        self.bridges: dict[str, Any] = {}
        self.now_ts = 0
        self.kinds: list[KindHealth] = []
        self.summary = QLabel(self)
        self.summary.setObjectName("health_summary")
        self.by_kind = _table(
            self, "health_kinds", [self.tr("Kind"), self.tr("Online"), self.tr("Total"), self.tr("Rate")]
        )
        self.offline_table = _table(
            self,
            "health_offline",
            [self.tr("Device"), self.tr("Kind"), self.tr("Name"), self.tr("Last seen")],
        )
        self.offline_table.itemSelectionChanged.connect(self._device_chosen)
        self.bridge_table = _table(
            self,
            "health_bridges",
            [
                self.tr("Bridge"),
                self.tr("Link"),
                self.tr("Last message"),
                self.tr("Received"),
                self.tr("Rejected"),
                self.tr("Last rejection"),
            ],
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.by_kind, self.tr("By kind"))
        self.tabs.addTab(self.offline_table, self.tr("Offline devices"))
        self.tabs.addTab(self.bridge_table, self.tr("Bridges"))
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs)
        self.setWidget(body)
        self.refresh()

    def set_district(self, district: District) -> None:
        self.district = district
        self.offline.clear()
        self.last_seen.clear()
        self.refresh()

    # inputs ------------------------------------------------------------------------------------------------
    def set_open_alerts(self, alerts: Iterable[Alert]) -> None:
        self.offline = offline_subjects(alerts)

    def update_last_seen(self, last_seen: Mapping[str, int]) -> None:
        self.last_seen.update(last_seen)

    def set_bridges(self, health: Mapping[str, Any]) -> None:
        self.bridges = dict(health)

    def set_now(self, now_ts: int) -> None:
        self.now_ts = max(self.now_ts, now_ts)

    # texts -------------------------------------------------------------------------------------------------
    def kind_text(self, kind: str) -> str:
        """Also the dashboard's namer for device kinds."""
        return device_kind_text(kind)

    def _seen_text(self, ts: int | None) -> str:
        if ts is None or self.now_ts <= 0:
            return self.tr("never")
        return self.tr("{0} ago").format(elapsed_text((self.now_ts - ts) / 1000.0))

    def _clock_text(self, ts: int | None) -> str:
        """A bridge stamps arrivals with its own clock, not the engine's: shown as a local time."""
        if ts is None:
            return self.tr("never")
        return datetime.fromtimestamp(ts / 1000, tz=zone(self.district.timezone)).strftime("%H:%M:%S")

    # drawing -----------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.kinds = online_by_kind(self.district, self.offline)
        total = sum(k.total for k in self.kinds)
        online = sum(k.online for k in self.kinds)
        self.summary.setText(
            self.tr("Devices online: {0:.1f} % ({1} of {2}); bridges: {3}").format(
                100.0 * online_rate(self.kinds), online, total, len(self.bridges)
            )
        )
        _fill(
            self.by_kind,
            [
                (self.kind_text(k.kind), str(k.online), str(k.total), f"{100 * k.rate:.1f} %")
                for k in self.kinds
            ],
            colours=[(None, None, None, GOOD if k.rate >= 0.95 else BAD) for k in self.kinds],
        )
        devices = self.district.devices
        down = sorted(d for d in self.offline if d in devices)[:MAX_OFFLINE_ROWS]
        _fill(
            self.offline_table,
            [
                (d, self.kind_text(devices[d].kind), devices[d].name, self._seen_text(self.last_seen.get(d)))
                for d in down
            ],
        )
        self._fill_bridges()

    def _fill_bridges(self) -> None:
        rows = []
        for name, health in sorted(self.bridges.items()):
            silent = f"{BRIDGE_PREFIX}{name}" in self.offline
            connected = bool(getattr(health, "connected", False))
            link = (
                self.tr("silent")
                if silent
                else self.tr("connected")
                if connected
                else self.tr("disconnected")
            )
            rows.append(
                (
                    name,
                    link,
                    self._clock_text(getattr(health, "last_message_ts", None)),
                    str(getattr(health, "received", 0)),
                    str(getattr(health, "rejected", 0)),
                    str(getattr(health, "last_rejection", None) or ""),
                )
            )
        connected_text = self.tr("connected")
        colours = [(None, GOOD if row[1] == connected_text else BAD, None, None, None, None) for row in rows]
        _fill(self.bridge_table, rows, colours=colours)

    def _device_chosen(self) -> None:
        items = self.offline_table.selectedItems()
        if items:
            self.device_selected.emit(str(items[0].data(Qt.ItemDataRole.UserRole)))
