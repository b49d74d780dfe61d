"""The dispatch panel: recommended guards for the selected alert, the orders going out, and how they fare.

It holds no dispatch rules: candidates come from the engine's nearest-guard search, states from the desk, and
which manual steps are offered from the domain's `next_states`. A click only emits a request; the live
controller forwards it to the session's worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from layers import style
from sandbox_app.dispatch.lifecycle import ESCALATION_RULE
from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState, next_states
from widgets.mode import DeskMode
from widgets.render2d import qcolor
from widgets.startup import scrolling
from widgets.texts import guard_role_text, rule_text

STALE_GREY = QColor(150, 150, 150)
ROW_PX = 24
LATE_STATES = frozenset({DispatchState.ISSUED, DispatchState.ESCALATED, DispatchState.ACCEPTED})
"""States in which an order can be late on scene (the guard has not arrived and it is not over)."""
"""A table row's height, for the few rows the candidate and order tables always show."""
NoteAsker = Callable[[str, str], "str | None"]
PhotoAsker = Callable[[], "str | None"]
Confirmer = Callable[[str, str], bool]
"""(dialog title, question) → whether the commander said yes."""


def minutes_seconds(seconds: float) -> str:
    """ETA as m:ss (a commander reads "3:05", not "185 s")."""
    total = max(round(seconds), 0)
    return f"{total // 60}:{total % 60:02d}"


class CompactTable(QTableWidget):
    """A table that asks only for its minimum height (a few rows): Qt's default wish of 192 px per table
    made the panel's body taller than a 1080-pixel screen's column, so its scroll area hid the order
    buttons and 撤销指令… below the fold; the layout's stretch still gives the tables any room left."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), self.minimumSizeHint().height()))


class DispatchPanel(QDockWidget):
    recommend_requested = Signal(str)
    """alert id"""
    dispatch_requested = Signal(str, list)
    """(alert id, guard ids)"""
    one_call_requested = Signal(str, float)
    """(alert id, within seconds)"""
    cancel_requested = Signal(str, str)
    """(dispatch id, reason)"""
    report_requested = Signal(str, str, str, object)
    """(dispatch id, state, note, photo path or None): a step the commander reports by hand"""
    candidates_shown = Signal(str)
    """alert id: its nearest guards are listed (the alert card in the Details panel shows them too)"""
    guard_highlighted = Signal(str)
    """guard id under the mouse or selected in the candidate list ("" for none): the map rings it"""

    def __init__(self, timezone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dispatch_panel")
        self.setWindowTitle(self.tr("Dispatch"))
        self.set_timezone(timezone)
        self.alert: Alert | None = None
        self.candidates: list[Candidate] = []
        self.dispatches: list[Dispatch] = []
        self.dispatches_given: tuple[Dispatch, ...] = ()
        """The last update as given (orders of closed alerts included), to redraw when lateness changes."""
        self.mode = DeskMode(self)
        """Live or replay; the window's own after `set_mode` (in replay every action is off)."""
        self.ask_note: NoteAsker = self._dialog_note
        self.ask_photo: PhotoAsker = self._dialog_photo
        self.confirm: Confirmer = self._dialog_confirm
        self.subject_name: Callable[[Alert], str] = lambda alert: alert.subject
        """The alert's place in words (set by the main window), shown above the candidates."""
        self.late: frozenset[str] = frozenset()
        """Orders past their on-scene limit (`set_late`): their rows are marked 超时未到场 while not there."""
        self.alert_open: Callable[[str], bool] = lambda _alert_id: True
        """Whether an alert is still open (set by the main window): orders of closed alerts that no longer
        hold a guard leave the orders list."""
        self.alert_label = QLabel(self.tr("Select an alert to see the nearest guards."), self)
        self.alert_label.setObjectName("dispatch_alert")
        self.alert_label.setWordWrap(True)
        self.guards = self._table(
            "dispatch_candidates",
            [self.tr("Guard"), self.tr("Role"), self.tr("ETA"), self.tr("Distance"), self.tr("Travel")],
            QAbstractItemView.SelectionMode.MultiSelection,
        )
        self.guards.itemSelectionChanged.connect(self._update_buttons)
        self.guards.itemSelectionChanged.connect(self._highlight_selected)
        self.guards.setMouseTracking(True)
        self.guards.itemEntered.connect(lambda item: self.guard_highlighted.emit(self._guard_of(item)))
        self.recommend_button = self._button("dispatch_recommend", self.tr("Refresh"), self._recommend)
        self.dispatch_button = self._button("dispatch_send", self.tr("Dispatch selected"), self._dispatch)
        self.one_call_button = self._button("dispatch_one_call", self.tr("One call"), self._one_call)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("dispatch_minutes")
        self.minutes.setRange(1, 30)
        self.minutes.setValue(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.active = self._table(
            "dispatch_active",
            [
                self.tr("Guard"),
                self.tr("Alert"),
                self.tr("State"),
                self.tr("Issued"),
                self.tr("Accepted"),
                self.tr("On scene"),
                self.tr("Recorded ETA"),
            ],
            QAbstractItemView.SelectionMode.SingleSelection,
        )
        self.active.itemSelectionChanged.connect(self._update_buttons)
        self.cancel_button = self._button("dispatch_cancel", self.tr("Cancel order…"), self._cancel)
        self.follow = QCheckBox(self.tr("Follow this guard"), self)
        self.follow.setObjectName("dispatch_follow")
        self.follow.setToolTip(self.tr("Keep the map centred on the guard of the selected order"))
        self.step_buttons = {
            DispatchState.ON_SCENE: self._button(
                "dispatch_on_scene", self.tr("On scene"), lambda: self._report(DispatchState.ON_SCENE)
            ),
            DispatchState.HANDLED: self._button(
                "dispatch_handled", self.tr("Handled"), lambda: self._report(DispatchState.HANDLED)
            ),
            DispatchState.FEEDBACK: self._button("dispatch_feedback", self.tr("Feedback…"), self._feedback),
            DispatchState.CLOSED: self._button(
                "dispatch_close", self.tr("Close"), lambda: self._report(DispatchState.CLOSED)
            ),
        }
        self.durations = QLabel(self)
        self.durations.setObjectName("dispatch_durations")
        self.escalations = QLabel(self)
        self.escalations.setObjectName("dispatch_escalations")
        self.escalations.setStyleSheet("color: rgb(200, 0, 0)")
        self.escalations.setWordWrap(True)
        self.setWidget(scrolling(self._layout(), self))
        self._update_buttons()

    # construction ----------------------------------------------------------------------------------
    def _table(self, name: str, headers: list[str], mode: QAbstractItemView.SelectionMode) -> QTableWidget:
        table = CompactTable(0, len(headers), self)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(mode)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setWordWrap(False)
        return table

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _layout(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.alert_label)
        layout.addWidget(self.guards, 3)
        for pair in ((self.recommend_button, self.dispatch_button), (self.one_call_button, self.minutes)):
            row = QHBoxLayout()  # two short rows keep the dock narrow and the map wide
            for widget in pair:
                row.addWidget(widget)
            layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Orders"), self))
        layout.addWidget(self.active, 2)
        for table in (self.guards, self.active):  # a few rows always: the panel scrolls rather than squeeze
            rows = max(ROW_PX, table.verticalHeader().defaultSectionSize())  # the style's, often > ROW_PX
            frame = 2 * table.frameWidth()
            table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + 3 * rows + frame)
        layout.addWidget(self.durations)
        s = DispatchState
        for states in ((s.ON_SCENE, s.HANDLED), (s.FEEDBACK, s.CLOSED)):
            row = QHBoxLayout()
            for state in states:
                row.addWidget(self.step_buttons[state])
            layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.cancel_button)
        row.addWidget(self.follow)
        layout.addLayout(row)
        layout.addWidget(self.escalations)
        return body

    def set_mode(self, mode: DeskMode) -> None:
        """Observe the window's mode: the buttons are redrawn when the desk enters or leaves replay."""
        self.mode = mode
        mode.changed.connect(self._mode_changed)
        self._update_buttons()

    def _mode_changed(self, replaying: bool) -> None:
        self.candidates = []  # the live engine's candidates do not belong to the past scene, and back
        self._fill_candidates()  # in live the replay's selection is asked for again
        if not replaying and self.alert is not None:
            self.recommend_requested.emit(self.alert.id)
        self._update_buttons()

    def set_timezone(self, timezone: str) -> None:
        try:
            self.zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = ZoneInfo("UTC")

    # texts -----------------------------------------------------------------------------------------
    def state_text(self, state: DispatchState) -> str:
        texts = {
            DispatchState.ISSUED: self.tr("issued"),
            DispatchState.ESCALATED: self.tr("escalated: no answer"),
            DispatchState.ACCEPTED: self.tr("accepted, on the way"),
            DispatchState.ON_SCENE: self.tr("on scene"),
            DispatchState.HANDLED: self.tr("handled"),
            DispatchState.FEEDBACK: self.tr("feedback given"),
            DispatchState.CLOSED: self.tr("closed"),
            DispatchState.DECLINED: self.tr("declined"),
            DispatchState.CANCELLED: self.tr("cancelled"),
        }
        return texts[state]

    def role_text(self, role: str) -> str:
        return guard_role_text(role)

    def mode_text(self, mode: str) -> str:
        texts = {"foot": self.tr("on foot"), "ebike": self.tr("e-bike"), "car": self.tr("car")}
        return texts.get(mode, mode)

    def time_text(self, ts: int | None) -> str:
        return "" if ts is None else datetime.fromtimestamp(ts / 1000, tz=self.zone).strftime("%H:%M:%S")

    # content ---------------------------------------------------------------------------------------
    def set_alert(self, alert: Alert | None) -> None:
        """The alert the commander is looking at; the candidates are asked for again."""
        self.alert = alert
        self.candidates = []
        self._fill_candidates()
        if alert is None:
            self.alert_label.setText(self.tr("Select an alert to see the nearest guards."))
        else:
            self.alert_label.setText(self.tr("Alert: {0}").format(self.subject_name(alert)))
            if not self.mode.replaying:  # the live engine's guards do not belong to a past scene
                self.recommend_requested.emit(alert.id)
        self._update_buttons()

    def show_candidates(self, alert_id: str, candidates: Sequence[Candidate]) -> None:
        """Fastest first; stale positions stay in the list, greyed (the commander may still choose them)."""
        if self.alert is None or self.alert.id != alert_id:
            return  # the answer for an alert no longer selected
        self.candidates = list(candidates)
        self._fill_candidates()
        self._update_buttons()
        self.candidates_shown.emit(alert_id)

    def _fill_candidates(self) -> None:
        """Refill the list; the guards selected before stay selected by id, wherever they are sorted to
        (a guard no longer listed leaves the selection: a row index would silently pick someone else)."""
        chosen = set(self.selected_guards())
        self.guards.blockSignals(True)
        self.guards.clearSelection()
        self.guards.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            texts = (
                c.guard,
                self.role_text(c.role),
                minutes_seconds(c.eta_s),
                f"{c.distance_m:.0f} m",
                self.mode_text(c.mode),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.guard)
                if c.stale:
                    item.setForeground(QBrush(STALE_GREY))
                    item.setToolTip(self.tr("Last position is old"))
                self.guards.setItem(row, column, item)
            if c.guard in chosen:
                self.guards.selectRow(row)
        self.guards.blockSignals(False)
        self._highlight_selected()

    def set_late(self, alerts: Iterable[Alert]) -> None:
        """Mark the orders the open alerts say are late on scene: the dispatch lifecycle raises a
        `dispatch_escalation` alert (why "not_on_scene") once an order passes its plan's on-scene limit."""
        late = frozenset(
            str(a.data.get("dispatch"))
            for a in alerts
            if a.rule == ESCALATION_RULE and a.data.get("why") == "not_on_scene" and a.data.get("dispatch")
        )
        if late != self.late:
            self.late = late
            self.update_dispatches(self.dispatches_given)

    def is_late(self, d: Dispatch) -> bool:
        """Late on scene: marked by an escalation and the guard still not there."""
        return d.id in self.late and d.on_scene_ts is None and d.state in LATE_STATES

    def update_dispatches(self, dispatches: Sequence[Dispatch]) -> None:
        selected = self.selected_dispatch()
        self.dispatches_given = tuple(dispatches)
        self.dispatches = [d for d in dispatches if d.state.holds_guard or self.alert_open(d.alert_id)]
        self.active.setRowCount(len(self.dispatches))
        self.active.blockSignals(True)
        for row, d in enumerate(self.dispatches):
            texts = (
                d.guard_id,
                rule_text(d.alert_id.split(":")[0]),  # ids hold no subject (an old id's may be personal)
                self.state_text(d.state),
                self.time_text(d.issued_ts),
                self.time_text(d.accepted_ts),
                self.time_text(d.on_scene_ts),
                "" if d.eta_s is None else minutes_seconds(d.eta_s),
            )
            late = self.is_late(d)
            if late:  # the state column says it in words too: colour alone is missed on a busy desk
                texts = (*texts[:2], self.tr("{0} · not on scene in time").format(texts[2]), *texts[3:])
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                if column == 2 and d.state in style.DISPATCH_ROUTE:
                    item.setForeground(QBrush(qcolor(style.DISPATCH_ROUTE[d.state].rgba)))
                if late:
                    item.setForeground(QBrush(qcolor(style.DISPATCH_LATE_TEXT)))
                    item.setBackground(QBrush(qcolor(style.DISPATCH_LATE_ROW)))
                    item.setToolTip(self.tr("Not on scene in time"))
                self.active.setItem(row, column, item)
            if d.id == selected:
                self.active.selectRow(row)
        self.active.blockSignals(False)
        escalated = [d.guard_id for d in self.dispatches if d.state is DispatchState.ESCALATED]
        self.escalations.setText(
            self.tr("No answer from: {0}").format(", ".join(escalated)) if escalated else ""
        )
        self._update_buttons()

    def state_of(self, dispatch_id: str) -> str | None:
        """The state text shown for a dispatch (None when it is not listed)."""
        for row in range(self.active.rowCount()):
            item = self.active.item(row, 2)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == dispatch_id:
                return item.text()
        return None

    def selected_guards(self) -> list[str]:
        """Guard ids of the selected rows, read from the cells (never from a row index into a list that
        may have been re-sorted since)."""
        rows = sorted({i.row() for i in self.guards.selectedIndexes()})
        return [g for g in (self._guard_of(self.guards.item(r, 0)) for r in rows) if g]

    def _guard_of(self, item: QTableWidgetItem | None) -> str:
        return str(item.data(Qt.ItemDataRole.UserRole) or "") if item is not None else ""

    def _highlight_selected(self) -> None:
        selected = self.selected_guards()
        self.guard_highlighted.emit(selected[0] if selected else "")

    def selected_dispatch(self) -> str | None:
        items = self.active.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    # intent ----------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        has_alert, allow = self.alert is not None, self.mode.allow
        allow(self.recommend_button, has_alert)
        allow(self.dispatch_button, has_alert and bool(self.guards.selectedIndexes()))
        allow(self.one_call_button, has_alert)
        chosen = self.chosen()
        allow(self.cancel_button, chosen is not None and chosen.state.holds_guard)
        self.follow.setEnabled(chosen is not None and chosen.state.holds_guard)
        if not self.follow.isEnabled():
            self.follow.setChecked(False)
        allowed = next_states(chosen.state) if chosen is not None else frozenset()
        tips = {DispatchState.ON_SCENE: self.tr("The guard radioed in from the scene")}
        for state, button in self.step_buttons.items():
            allow(button, state in allowed, tips.get(state, ""))
        self.durations.setText(self.durations_text(chosen) if chosen is not None else "")

    def chosen(self) -> Dispatch | None:
        """The dispatch selected in the orders table."""
        selected = self.selected_dispatch()
        return next((d for d in self.dispatches if d.id == selected), None)

    def durations_text(self, d: Dispatch) -> str:
        """Issue → accepted, → on scene, → closed; "—" for a step not reached."""

        def shown(seconds: float | None) -> str:
            return "—" if seconds is None else minutes_seconds(seconds)

        return self.tr("To accept {0} · to arrive {1} · to close {2}").format(
            shown(d.time_to_accept_s), shown(d.time_to_arrive_s), shown(d.time_to_close_s)
        )

    def _recommend(self) -> None:
        if self.alert is not None:
            self.recommend_requested.emit(self.alert.id)

    def _dispatch(self) -> None:
        """Send the selected guards; a second order for an alert that already has one is asked first."""
        guards = self.selected_guards()
        if self.alert is None or not guards or self.mode.replaying:
            return
        sent = [d.guard_id for d in self.dispatches if d.alert_id == self.alert.id and d.state.holds_guard]
        if sent and not self.confirm(
            self.tr("Second order"),
            self.tr("{0} already sent to this alert. Also send {1}?").format(
                "、".join(sent), "、".join(guards)
            ),
        ):
            return
        self.dispatch_requested.emit(self.alert.id, guards)

    def dispatch_nearest(self) -> None:
        """Select the fastest fresh candidate and send it (the alert card's button): the same path, and the
        same confirmation, as choosing the row and pressing "Dispatch selected"."""
        fresh = [c for c in self.candidates if not c.stale]
        if not fresh:
            return
        self.guards.clearSelection()
        self.guards.selectRow(self.candidates.index(fresh[0]))
        self._dispatch()

    def _one_call(self) -> None:
        if self.alert is not None:
            self.one_call_requested.emit(self.alert.id, float(self.minutes.value() * 60))

    def _cancel(self) -> None:
        dispatch_id = self.selected_dispatch()
        if dispatch_id is None:
            return
        answer = self.ask_note(self.tr("Cancel order"), self.tr("Reason:"))
        if answer is not None and answer.strip():
            self.cancel_requested.emit(dispatch_id, answer.strip())

    def _report(self, state: DispatchState) -> None:
        dispatch_id = self.selected_dispatch()
        if dispatch_id is not None:
            self.report_requested.emit(dispatch_id, str(state), "", None)

    def _feedback(self) -> None:
        """Feedback needs its text; the photo is optional (a cancelled file dialog sends none)."""
        dispatch_id = self.selected_dispatch()
        if dispatch_id is None:
            return
        text = self.ask_note(self.tr("Feedback"), self.tr("What was done:"))
        if text is None or not text.strip():
            return
        photo = self.ask_photo()
        self.report_requested.emit(dispatch_id, str(DispatchState.FEEDBACK), text.strip(), photo or None)

    def _dialog_note(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt)
        return text if ok else None

    def _dialog_confirm(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def _dialog_photo(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Photo (optional)"), "", self.tr("Images (*.jpg *.jpeg *.png);;All files (*)")
        )
        return path or None
