"""The open-alerts panel: a filter (minimum severity, text), a table (worst and latest first) and one button
per lifecycle step.

It holds no rules: which steps are allowed comes from the domain (`next_states`), and a click only emits
`transition_requested`; the live controller forwards it to the engine's worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from layers import style
from sandbox_app.domain.alerts import Alert, CloseOutcome, needs_note, next_states
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.grids import Grid, GridLocator
from sandbox_app.domain.handoff import Party, current
from widgets.close_dialog import ask_close
from widgets.mode import DeskMode
from widgets.render2d import qcolor
from widgets.texts import ago_text, severity_text

CloseAsker = Callable[[str], "tuple[CloseOutcome, str] | None"]
"""(dialog title) → the 处置结果 and the note typed, or None when cancelled."""
NoteAsker = Callable[[str, str], "str | None"]
"""(dialog title, prompt) → the text typed, or None when cancelled."""
_RANK = {s: i for i, s in enumerate(Severity)}
SNAPSHOT_PX = (240, 135)
"""Largest thumbnail of the selected alert's camera snapshot (16:9; the picture keeps its own aspect)."""
AGGREGATE_AT = 3
"""Open low (and notice) alerts of one rule fold into one row from this many on: noise stays one line."""
QUIET = frozenset({Severity.LOW, Severity.NOTICE})
MAX_ROWS = 300
"""Rows drawn at most (worst and latest first): a dead switch can open thousands of offline alerts, and the
table is refilled on every live update."""
ACTIONS = (
    AlertState.ACKNOWLEDGED,
    AlertState.DISPATCHED,
    AlertState.RESOLVED,
    AlertState.CLOSED,
    AlertState.DISMISSED,
)


PINNED = frozenset({Severity.HIGH, Severity.CRITICAL})
"""Levels pinned on top of the queue until acknowledged."""


def pinned(alert: Alert) -> bool:
    """High and critical alerts nobody has acknowledged yet stay on top of the queue."""
    return alert.severity in PINNED and alert.state is AlertState.OPEN


class AlertsPanel(QDockWidget):
    transition_requested = Signal(str, str, str)
    """(alert id, target AlertState value, note)"""
    alert_selected = Signal(str)
    alerts_changed = Signal()
    """The open alerts changed (after `update_alerts`): views of a closed alert let go of it."""
    close_requested = Signal(str, str, str)
    """(alert id, CloseOutcome value, note): closing goes with its 处置结果"""
    handoff_requested = Signal(str, str, str)
    """(alert id, Party value, note): 移交物业 / 移交网格员 / 移交110 (domain/handoff.py)"""
    history_requested = Signal()
    """The "History…" button: closed and dismissed alerts, searchable (widgets/alert_history.py)."""

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alerts_panel")
        self.setWindowTitle(self.tr("Open alerts"))
        self.set_timezone(timezone)
        self.alerts: dict[str, Alert] = {}
        self.mode = DeskMode(self)
        """Live or replay; the window's own after `set_mode` (in replay every lifecycle button is off)."""
        self.seen: set[str] = set()
        self.grids = GridLocator({})
        """Which grid (网格) an alert's place lies in: 移交网格员 only for an alert inside one."""
        """Alerts someone selected: still new (not acknowledged) but no longer unseen."""
        self.now_ts = 0
        """The engine clock (or the replay's time): the age column counts from it."""
        self.groups: dict[str, list[str]] = {}
        """Row's alert id → the ids its row stands for (more than one: folded low alerts of one rule)."""
        self.ask_note: NoteAsker = self._dialog_note
        self.ask_close: CloseAsker = lambda title: ask_close(self, title)
        self.subject_name: Callable[[Alert], str] = lambda alert: alert.subject
        """The alert's subject in words (widgets.alert_place.subject_text, set by the main window); the id
        stays in the cell's tooltip."""
        self.table = QTableWidget(0, 8, self)
        self.table.setObjectName("alerts_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Severity"),
                self.tr("Rule"),
                self.tr("Subject"),
                self.tr("First"),
                self.tr("Last"),
                self.tr("Count"),
                self.tr("State"),
                QCoreApplication.translate("AlertNotice", "Age"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.min_severity = QComboBox(self)
        self.min_severity.setObjectName("alerts_min_severity")
        self.min_severity.addItem(self.tr("All severities"), Severity.NOTICE.value)
        for severity in (Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL):
            self.min_severity.addItem(
                self.tr("{0} and above").format(self.severity_text(severity)), severity.value
            )
        self.min_severity.currentIndexChanged.connect(lambda _=0: self._refill())
        self.search = QLineEdit(self)
        self.search.setObjectName("alerts_search")
        self.search.setPlaceholderText(self.tr("Filter by rule, subject or state"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _="": self._refill())
        self.filter_row = QWidget(self)
        filters = QHBoxLayout(self.filter_row)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.min_severity)
        filters.addWidget(self.search, 1)
        self.history_button = QPushButton(self.tr("History…"), self)
        self.history_button.setObjectName("alerts_history")
        self.history_button.setToolTip(self.tr("Closed and dismissed alerts, with their case reports"))
        self.history_button.clicked.connect(self.history_requested.emit)
        filters.addWidget(self.history_button)
        self.buttons = {state: QPushButton(self._action_text(state), self) for state in ACTIONS}
        row = QHBoxLayout()
        for state, button in self.buttons.items():
            button.setObjectName(f"alert_{state.value}")
            button.clicked.connect(lambda _=False, s=state: self.request(s))
            row.addWidget(button)
        self.handoff_buttons = {
            Party.PROPERTY: QPushButton(self.tr("To property"), self),
            Party.GRID: QPushButton(self.tr("To grid worker"), self),
            Party.CAD110: QPushButton(self.tr("To 110…"), self),
        }
        handoff_row = QHBoxLayout()  # a row of its own: one row of eight buttons widens the whole window
        for party, button in self.handoff_buttons.items():
            button.setObjectName(f"alert_handoff_{'110' if party is Party.CAD110 else party.value}")
            button.clicked.connect(lambda _=False, p=party: self.request_handoff(p))
            handoff_row.addWidget(button)
        handoff_row.addStretch(1)
        self.handoff_buttons[Party.PROPERTY].setToolTip(
            self.tr("The compound's property staff handle it first; unhandled in time, it comes back here")
        )
        row.addStretch(1)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter_row)
        layout.addWidget(self.table)
        self.snapshot = QLabel(self)
        self.snapshot.setObjectName("alert_snapshot")
        self.snapshot.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.snapshot.hide()
        self._snapshot_path = ""
        layout.addWidget(self.snapshot)
        self.clips = QLabel(self)
        self.clips.setObjectName("alert_clips")
        self.clips.setWordWrap(True)
        self.clips.hide()
        layout.addWidget(self.clips)
        layout.addLayout(row)
        layout.addLayout(handoff_row)
        self.setWidget(body)
        self._update_buttons()

    def set_mode(self, mode: DeskMode) -> None:
        """Observe the window's mode: the buttons are redrawn when the desk enters or leaves replay."""
        self.mode = mode
        mode.changed.connect(self._mode_changed)
        self._update_buttons()

    def _mode_changed(self, _replaying: bool) -> None:
        self._update_buttons()

    def set_grids(self, grids: dict[str, Grid]) -> None:
        """The district's grids (domain/grids.py): 移交网格员 is offered only where a grid worker exists."""
        self.grids = GridLocator(grids)
        self._update_buttons()

    def grid_of(self, alert: Alert | None) -> Grid | None:
        return self.grids.at(alert.lon, alert.lat) if alert is not None else None

    def set_timezone(self, timezone: str) -> None:
        try:
            self.zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = ZoneInfo("UTC")

    # texts -----------------------------------------------------------------------------------------
    def _action_text(self, state: AlertState) -> str:
        texts = {
            AlertState.ACKNOWLEDGED: self.tr("Acknowledge"),
            AlertState.DISPATCHED: self.tr("Mark dispatched"),
            AlertState.RESOLVED: self.tr("Resolve"),
            AlertState.CLOSED: self.tr("Close with feedback…"),
            AlertState.DISMISSED: self.tr("Dismiss…"),
        }
        return texts[state]

    def state_text(self, state: AlertState) -> str:
        texts = {
            AlertState.OPEN: self.tr("new"),
            AlertState.ACKNOWLEDGED: self.tr("acknowledged"),
            AlertState.DISPATCHED: self.tr("dispatched"),
            AlertState.RESOLVED: self.tr("resolved"),
            AlertState.CLOSED: self.tr("closed"),
            AlertState.DISMISSED: self.tr("dismissed"),
        }
        return texts[state]

    def status_text(self, alert: Alert) -> str:
        """The state, and for an open one whether anyone has looked at it yet (新预警 / 已查看); then who
        holds it when it was handed on (物业处置中, 物业超时, 已移交110)."""
        if alert.state is AlertState.OPEN and alert.id in self.seen:
            text = QCoreApplication.translate("AlertNotice", "seen")
        else:
            text = self.state_text(alert.state)
        holder = self.holder_text(alert)
        return f"{text} · {holder}" if holder else text

    def holder_text(self, alert: Alert) -> str:
        h = current(alert.data)
        if h is None:
            return ""
        if h.escalated_ts is not None and h.to is Party.POLICE:
            return (
                self.tr("property overdue")
                if "property" in h.note or "物业" in h.note
                else self.tr("overdue")
            )
        texts = {
            Party.PROPERTY: self.tr("with property"),
            Party.GRID: self.tr("with grid worker"),
            Party.CAD110: self.tr("handed to 110"),
            Party.POLICE: "",
        }
        return texts[h.to]

    def severity_text(self, severity: Severity) -> str:
        return severity_text(severity)

    def rule_text(self, rule: str) -> str:
        texts = {
            "elderly_no_activity": self.tr("Elderly: no activity"),
            "unregistered_opener": self.tr("Unregistered card opened a rental room"),
            "unreported_tenant": self.tr("Unreported tenant"),
            "face_watchlist": self.tr("Watch-listed face"),
            "face_stranger": self.tr("Stranger at a face gate"),
            "tailgating": self.tr("Tailgating"),
            "plate_blacklist": self.tr("Blacklisted plate"),
            "vehicle_overstay": self.tr("Vehicle overstay"),
            "perimeter_breach": self.tr("Perimeter breach"),
            "smoke_alarm": self.tr("Smoke alarm"),
            "gas_alarm": self.tr("Gas alarm"),
            "water_alarm": self.tr("Water leak"),
            "fall_detected": self.tr("Fall detected"),
            "throw_detected": self.tr("High-altitude throwing"),
            "alarm_button": self.tr("One-click alarm"),
            "elderly_routine": self.tr("Elderly routine deviation"),
            "gps_sanity": self.tr("Implausible GPS fix"),
            "device_offline": self.tr("Device offline"),
            "dispatch_escalation": self.tr("Dispatch order not answered"),
            "handoff_overdue": self.tr("Not handled by property in time"),
            "loitering": self.tr("Loitering at the gates"),
            "ebike_stolen": self.tr("Stolen e-bike tag read"),
            "patrol_missed": self.tr("Patrol checkpoint missed"),
            "fire_lane": self.tr("Vehicle blocking fire lane"),
            "renovation_hours": self.tr("Renovation outside permitted hours"),
            "ebike_in_lift": self.tr("E-bike in a lift or stairwell"),
            "rooftop_door_night": self.tr("Rooftop door opened at night"),
            "ebike_night_departure": self.tr("E-bike leaving at an unusual night hour"),
            "conflicting_reports": self.tr("Conflicting reports (possible spoofing)"),
        }
        return texts.get(rule, rule)

    def time_text(self, ts: int) -> str:
        return datetime.fromtimestamp(ts / 1000, tz=self.zone).strftime("%m-%d %H:%M")

    # content ---------------------------------------------------------------------------------------
    def update_alerts(self, changed: Iterable[Alert]) -> None:
        """Merge changed alerts: open ones are shown (or refreshed), the others leave the table."""
        for alert in changed:
            if alert.state.is_open:
                self.alerts[alert.id] = alert
            else:
                self.alerts.pop(alert.id, None)
        self._refill()
        self.alerts_changed.emit()

    def shown(self, alert: Alert) -> bool:
        """Whether the filter lets the alert into the table (the panel still tracks every open alert)."""
        floor = Severity(self.min_severity.currentData() or Severity.NOTICE.value)
        if _RANK[alert.severity] < _RANK[floor]:
            return False
        needle = self.search.text().strip().casefold()
        if not needle:
            return True
        texts = (
            alert.rule,
            self.rule_text(alert.rule),
            alert.subject,
            self.subject_name(alert),
            self.state_text(alert.state),
        )
        return any(needle in text.casefold() for text in texts)

    def set_now(self, now_ts: int) -> None:
        """The clock moved: the age column follows (the rest of the row stays as drawn). Only a text that
        changed is set, and the view hears of them once (one `dataChanged` for the column), not at each
        `setText`: per cell, at every tick of the clock, this was a fifth of the idle desk's UI thread
        (issue 17)."""
        self.now_ts = now_ts
        model = self.table.model()
        changed = False
        model.blockSignals(True)  # the view is told once below, not at each cell
        try:
            for row in range(self.table.rowCount()):
                item = self.table.item(row, 7)
                key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
                alert = self.alerts.get(str(key)) if item is not None else None
                if item is not None and alert is not None:
                    text = self.age(alert)
                    if item.text() != text:
                        item.setText(text)
                        changed = True
        finally:
            model.blockSignals(False)
        if changed:
            last = model.rowCount() - 1
            model.dataChanged.emit(model.index(0, 7), model.index(last, 7))

    def age(self, alert: Alert) -> str:
        return ago_text((self.now_ts - alert.first_ts) / 1000) if self.now_ts else ""

    def _fold(self, shown: list[Alert]) -> list[Alert]:
        """Open low alerts of one rule, `AGGREGATE_AT` or more, become one row: the newest stands for them
        (its buttons act on it), its subject and count say how many."""
        by_rule: dict[str, list[Alert]] = {}
        for a in shown:
            if a.severity in QUIET:
                by_rule.setdefault(a.rule, []).append(a)
        self.groups = {}
        folded = [a for a in shown if a.severity not in QUIET]
        for members in by_rule.values():
            if len(members) < AGGREGATE_AT:
                folded += members
                continue
            members.sort(key=lambda a: (-a.last_ts, a.id))
            self.groups[members[0].id] = [a.id for a in members]
            folded.append(members[0])
        return folded

    def _refill(self) -> None:
        selected = self.selected_id()
        shown = self._fold([a for a in self.alerts.values() if self.shown(a)])
        ordered = sorted(shown, key=lambda a: (not pinned(a), -_RANK[a.severity], -a.last_ts, a.id))
        ordered = ordered[:MAX_ROWS]
        self.table.blockSignals(True)
        self.table.setRowCount(len(ordered))
        for row, alert in enumerate(ordered):
            self._fill_row(row, alert)
            if alert.id == selected:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self._update_buttons()

    def _fill_row(self, row: int, alert: Alert) -> None:
        group = [self.alerts[i] for i in self.groups.get(alert.id, ())]
        subject = self.subject_name(alert)
        if group:
            subject = QCoreApplication.translate("AlertNotice", "{0} subjects, latest {1}").format(
                len(group), self.subject_name(alert)
            )
        rule = self.rule_text(alert.rule)
        if alert.rule == "dispatch_escalation" and alert.data.get("why") == "not_on_scene":
            rule = self.tr("Not on scene in time")  # the plan's on-scene limit passed (issue 20)
        texts = (
            self.severity_text(alert.severity),
            rule,
            subject,
            self.time_text(min(a.first_ts for a in group) if group else alert.first_ts),
            self.time_text(alert.last_ts),
            str(sum(a.count for a in group) if group else alert.count),
            self.status_text(alert),
            self.age(alert),
        )
        unseen = alert.state is AlertState.OPEN and alert.id not in self.seen
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, alert.id)
            if column == 2:
                item.setToolTip(alert.subject)
            if column == 0:
                item.setBackground(QBrush(qcolor(style.SEVERITY[alert.severity].rgba)))
            if unseen:  # bold until someone selects it
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if column == 2 and group:
                item.setToolTip(
                    QCoreApplication.translate(
                        "AlertNotice", "{0} alerts of this rule: a step acts on all of them"
                    ).format(len(group))
                )
            if column == 0 and pinned(alert):
                item.setToolTip(QCoreApplication.translate("AlertNotice", "Pinned on top until acknowledged"))
            self.table.setItem(row, column, item)

    def row_of(self, alert_id: str) -> int | None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == alert_id:
                return row
        return None

    def select(self, alert_id: str) -> None:
        row = self.row_of(alert_id)
        if row is not None:
            self.table.selectRow(row)

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    # intent ----------------------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        self._update_buttons()
        alert_id = self.selected_id()
        if alert_id is not None:
            self._mark_seen(alert_id)
            self.alert_selected.emit(alert_id)

    def _mark_seen(self, alert_id: str) -> None:
        """Selected once: the row loses its bold and its status reads 已查看 (seen, not acknowledged)."""
        if alert_id in self.seen:
            return
        self.seen.add(alert_id)
        row, alert = self.row_of(alert_id), self.alerts.get(alert_id)
        if row is None or alert is None:
            return
        for column in range(self.table.columnCount()):
            item = self.table.item(row, column)
            if item is not None:
                font = item.font()
                font.setBold(False)
                item.setFont(font)
        status = self.table.item(row, 6)
        if status is not None:
            status.setText(self.status_text(alert))

    def _update_buttons(self) -> None:
        alert = self.alerts.get(self.selected_id() or "")
        allowed = next_states(alert.state) if alert is not None else frozenset()
        for state, button in self.buttons.items():
            self.mode.allow(button, state in allowed)
        held = current(alert.data) if alert is not None else None
        open_ = alert is not None and alert.state.is_open
        has_compound = alert is not None and bool(alert.data.get("compound_id"))
        self.mode.allow(
            self.handoff_buttons[Party.PROPERTY],
            open_ and has_compound and (held is None or held.to is not Party.PROPERTY),
        )
        grid = self.grid_of(alert) if open_ else None
        self.mode.allow(
            self.handoff_buttons[Party.GRID], grid is not None and (held is None or held.to is not Party.GRID)
        )
        self.handoff_buttons[Party.GRID].setToolTip(
            self.tr("{0}'s grid worker handles it first; unhandled in time, it comes back here").format(
                grid.name
            )
            if grid is not None
            else self.tr("Only for an alert inside a grid")
        )
        self.mode.allow(
            self.handoff_buttons[Party.CAD110], open_ and (held is None or held.to is not Party.CAD110)
        )
        self._show_snapshot(alert)
        self._show_clips(alert)

    def _show_clips(self, alert: Alert | None) -> None:
        """The clips recorded around the selected alert (`data["clips"]`, video/recorder.py): camera and
        file, with the file's path and SHA-256 in the tooltip."""
        raw = alert.data.get("clips") if alert is not None else None
        clips = [c for c in raw if isinstance(c, dict)] if isinstance(raw, list) else []
        if not clips:
            self.clips.clear()
            self.clips.hide()
            return
        names = ", ".join(f"{c.get('camera', '')} · {Path(str(c.get('path', ''))).name}" for c in clips)
        self.clips.setText(self.tr("Video evidence: {0}").format(names))
        self.clips.setToolTip("\n".join(f"{c.get('path', '')}\nSHA-256 {c.get('sha256', '')}" for c in clips))
        self.clips.show()

    def _show_snapshot(self, alert: Alert | None) -> None:
        """The selected alert's camera snapshot (`data["snapshot"]`, a JPEG path) as a thumbnail, if any."""
        path = str(alert.data.get("snapshot") or "") if alert is not None else ""
        if path == self._snapshot_path:
            return
        self._snapshot_path = path
        picture = QPixmap(path) if path else QPixmap()
        if alert is None or picture.isNull():
            self.snapshot.clear()
            self.snapshot.hide()
            return
        w, h = SNAPSHOT_PX
        scaled = picture.scaled(
            w, h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        self.snapshot.setPixmap(scaled)
        self.snapshot.setToolTip(
            self.tr("Camera snapshot: {0}").format(alert.data.get("snapshot_camera", ""))
        )
        self.snapshot.show()

    def request(self, state: AlertState) -> None:
        """Ask for the selected alert to move to `state`, with the feedback or reason it needs; a folded
        row of low alerts asks for each of them that can take the step (one note for all)."""
        alert = self.alerts.get(self.selected_id() or "")
        if alert is None or self.mode.replaying:
            return
        if state is AlertState.CLOSED:
            closing = self.ask_close(self._action_text(state).rstrip("…"))
            if closing is not None and closing[1].strip():
                self.close_requested.emit(alert.id, closing[0].value, closing[1].strip())
            return
        note = ""
        if needs_note(state):
            answer = self.ask_note(self._action_text(state).rstrip("…"), self.tr("Reason:"))
            if answer is None or not answer.strip():
                return
            note = answer.strip()
        for alert_id in self.groups.get(alert.id, [alert.id]):
            member = self.alerts.get(alert_id)
            if member is not None and state in next_states(member.state):
                self.transition_requested.emit(alert_id, state.value, note)

    def request_handoff(self, party: Party) -> None:
        """Hand the selected alert on: to property or the grid's worker at once, to 110 with the reason it
        goes there."""
        alert = self.alerts.get(self.selected_id() or "")
        if alert is None or self.mode.replaying:
            return
        note = ""
        if party is Party.CAD110:
            answer = self.ask_note(self.tr("To 110"), self.tr("Reason:"))
            if answer is None or not answer.strip():
                return
            note = answer.strip()
        self.handoff_requested.emit(alert.id, party.value, note)

    def _dialog_note(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt)
        return text if ok else None
