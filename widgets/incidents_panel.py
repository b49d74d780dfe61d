"""The incidents panel (警情): open incidents entered by people or handed over by 110, and their plan.

Beside the alerts panel: a table of open incidents (type, place, when reported, where from) and, for the
selected one, its response plan (预案): whom it sends, the time limits, whom to call (119/120) and the
handler's checklist. Selecting an incident makes it the dispatch panel's target, so recommending, sending
and "one call" work on it as on an alert (the service follows the plan's roles). 办结 closes it with its
outcome. The panel only draws and forwards intent; reading and closing happen on the engine's thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sandbox_app.dispatch.plans import PlanBook, PlanError, ResponsePlan, load_plans
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.incidents import Incident, IncidentSource
from widgets.incident_dialog import SUBTYPE_NAMES, TYPE_NAMES
from widgets.texts import guard_role_text

log = logging.getLogger(__name__)
REFRESH_MS = 3000
"""How often the open incidents are read again (a 110 hand-off arrives through a bridge, not the UI)."""
NoteAsker = Callable[[str, str], "str | None"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncidentType", text)


def kind_text(incident: Incident) -> str:
    """治安/打架斗殴 in the desk's language."""
    return f"{_tr(TYPE_NAMES[incident.type])}/{_tr(SUBTYPE_NAMES[(incident.type, incident.subtype)])}"


def as_target(incident: Incident) -> Alert:
    """The incident as the dispatch panel's target (it reads id, place and rule; the state is open)."""
    return Alert(
        incident.id, incident.rule, incident.place.address or incident.id, "incident", Severity.HIGH,
        AlertState.OPEN, incident.reported_ts, incident.reported_ts, lon=incident.lon, lat=incident.lat,
    )  # fmt: skip


class IncidentsPanel(QDockWidget):
    incident_selected = Signal(str)
    """incident id"""
    close_requested = Signal(str, str)
    """(incident id, outcome): 办结"""

    def __init__(self, timezone: str, plans: PlanBook | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidents_panel")
        self.setWindowTitle(self.tr("Incidents"))
        self.session: Any = None
        """The live session its reads and commands go to (`attach_incidents_panel`; renewed on import)."""
        try:
            self.zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = ZoneInfo("UTC")
        self.plans = plans
        self.incidents: dict[str, Incident] = {}
        self.ask_note: NoteAsker = self._dialog_note
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("incidents_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Place"), self.tr("Reported"), self.tr("Source")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.plan_label = QLabel(self.tr("Select an incident to see its response plan."), self)
        self.plan_label.setObjectName("incident_plan")
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = QPushButton(self.tr("Close incident…"), self)
        self.close_button.setObjectName("incident_close")
        self.close_button.clicked.connect(self._close)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.plan_label, 1)
        layout.addWidget(self.close_button)
        self.setWidget(body)
        self._update_buttons()

    # texts ---------------------------------------------------------------------------------------------
    def source_text(self, source: IncidentSource) -> str:
        texts = {
            IncidentSource.CAD110: self.tr("110 hand-off"),
            IncidentSource.WALK_IN: self.tr("walk-in or call"),
            IncidentSource.ALERT: self.tr("from an alert"),
        }
        return texts[source]

    def plan_text(self, plan: ResponsePlan) -> str:
        """The plan as the handler reads it: whom to send, the limits, whom to call, the checklist."""
        roles = "、".join(f"{guard_role_text(role)} ×{n}" for role, n in plan.roles.items() if n > 0)
        lines = [
            self.tr("Plan: send {0}").format(roles),
            self.tr("Accept within {0} s, on scene within {1} s").format(
                f"{plan.accept_within_s:g}", f"{plan.on_scene_within_s:g}"
            ),
        ]
        if plan.notify:
            lines.append(self.tr("Call: {0}").format("、".join(plan.notify)))
        lines += [f"{i}. {step}" for i, step in enumerate(plan.checklist, 1)]
        return "\n".join(lines)

    # content -------------------------------------------------------------------------------------------
    def set_incidents(self, incidents: Sequence[Incident]) -> None:
        """The open incidents, newest first; the selection is kept while its incident stays open."""
        selected = self.selected_id()
        self.incidents = {i.id: i for i in incidents}
        ordered = sorted(incidents, key=lambda i: (-i.reported_ts, i.id))
        self.table.blockSignals(True)
        self.table.setRowCount(len(ordered))
        for row, inc in enumerate(ordered):
            reported = datetime.fromtimestamp(inc.reported_ts / 1000, self.zone).strftime("%m-%d %H:%M")
            texts = (kind_text(inc), inc.place.address or f"{inc.lon:.6f}, {inc.lat:.6f}", reported,
                     self.source_text(inc.source))  # fmt: skip
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, inc.id)
                if column == 1 and inc.summary:
                    item.setToolTip(inc.summary)
                self.table.setItem(row, column, item)
            if inc.id == selected:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        if selected is not None and selected not in self.incidents:
            self._show_plan(None)
        self._update_buttons()

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def select(self, incident_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == incident_id:
                self.table.selectRow(row)

    def _show_plan(self, incident: Incident | None) -> None:
        if incident is None or self.plans is None:
            self.plan_label.setText(self.tr("Select an incident to see its response plan."))
            return
        plan = self.plans.plan_for(incident.type, incident.subtype)
        head = f"{kind_text(incident)} · {incident.place.address}".rstrip(" ·")
        body = f"{head}\n{incident.summary}\n" if incident.summary else f"{head}\n"
        self.plan_label.setText(body + self.plan_text(plan))

    # intent --------------------------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        incident = self.incidents.get(self.selected_id() or "")
        self._show_plan(incident)
        self._update_buttons()
        if incident is not None:
            self.incident_selected.emit(incident.id)

    def _update_buttons(self) -> None:
        self.close_button.setEnabled(self.selected_id() in self.incidents)

    def _close(self) -> None:
        incident_id = self.selected_id()
        if incident_id is None:
            return
        answer = self.ask_note(self.tr("Close incident"), self.tr("Outcome:"))
        if answer is not None and answer.strip():
            self.close_requested.emit(incident_id, answer.strip())

    def _dialog_note(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt)
        return text if ok else None


def attach_incidents_panel(
    window: Any, session: Any, actor: str, post: Callable[[Callable[[], None]], None]
) -> IncidentsPanel:
    """Add the incidents panel to a live desk's window, tabbed with the alerts panel: refreshed every few
    seconds from the store (on the engine thread), its selection the dispatch panel's target."""
    try:
        plans: PlanBook | None = load_plans()
    except PlanError as exc:  # the station starts anyway; the desk shows incidents without plans
        log.warning("%s", exc)
        plans = None
    panel = IncidentsPanel(window.scene.district.timezone, plans, window)
    panel.session = session  # the live controller swaps it when an import renews the session
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, panel)
    window.tabifyDockWidget(window.alerts_panel, panel)
    window.alerts_panel.raise_()

    def refresh() -> None:
        future = panel.session.submit(lambda engine: engine.store.incidents(open_only=True))
        future.add_done_callback(lambda f: post(lambda: _shown(f)))

    def _shown(future: Future[Any]) -> None:
        if not future.cancelled() and future.exception() is None:
            panel.set_incidents(future.result())

    def selected(incident_id: str) -> None:
        incident = panel.incidents.get(incident_id)
        if incident is None:
            return
        window.dispatch_panel.set_alert(as_target(incident))
        heading = QCoreApplication.translate("IncidentsPanel", "Incident: {0} · {1}")
        where = incident.place.address or incident.id
        window.dispatch_panel.alert_label.setText(heading.format(kind_text(incident), where))

    def close(incident_id: str, outcome: str) -> None:
        def command(engine: Any) -> Incident:
            incident: Incident | None = engine.store.get_incident(incident_id)
            if incident is None:
                raise KeyError(f"no incident {incident_id!r}")
            incident.close(actor, engine.now_ms(), outcome)
            engine.store.update_incident(incident)
            if engine.audit is not None:
                engine.audit(actor, "incident.closed", incident_id, {"outcome": outcome})
            return incident

        future = panel.session.submit(command)
        future.add_done_callback(lambda f: post(refresh))

    panel.incident_selected.connect(selected)
    panel.close_requested.connect(close)
    timer = QTimer(panel)
    timer.setInterval(REFRESH_MS)
    timer.timeout.connect(refresh)
    timer.start()
    panel.refresh = refresh  # type: ignore[attr-defined]
    window.incidents_panel = panel
    refresh()
    return panel
