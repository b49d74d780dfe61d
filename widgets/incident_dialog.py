"""新建警情: entering an incident a person reported (a walk-in, a phone call) at a map point or an address.

The dialog only builds the `Incident` (type and subtype from the 警情 classification, place, masked caller,
summary); storing it and sending guards go through the live session like every desk action. The type and
subtype names are translated under the "IncidentType" context; the zh_CN wording is the classification's
own (domain/incidents.py), so the two can never drift: `test_incident_dialog` compares them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from sandbox_app.domain.incidents import (
    Incident,
    IncidentError,
    IncidentSource,
    IncidentType,
    Place,
    new_incident_id,
)
from sandbox_app.geo.locate import best_point
from widgets.texts import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

_T = IncidentType
TYPE_NAMES: dict[IncidentType, str] = {
    _T.CRIMINAL: QT_TRANSLATE_NOOP("IncidentType", "criminal"),
    _T.PUBLIC_ORDER: QT_TRANSLATE_NOOP("IncidentType", "public order"),
    _T.DISPUTE: QT_TRANSLATE_NOOP("IncidentType", "dispute"),
    _T.HELP: QT_TRANSLATE_NOOP("IncidentType", "help request"),
    _T.FIRE: QT_TRANSLATE_NOOP("IncidentType", "fire"),
    _T.TRAFFIC: QT_TRANSLATE_NOOP("IncidentType", "traffic"),
    _T.OTHER: QT_TRANSLATE_NOOP("IncidentType", "other"),
}
SUBTYPE_NAMES: dict[tuple[IncidentType, str], str] = {
    (_T.CRIMINAL, "theft"): QT_TRANSLATE_NOOP("IncidentType", "theft"),
    (_T.CRIMINAL, "robbery"): QT_TRANSLATE_NOOP("IncidentType", "robbery or snatching"),
    (_T.CRIMINAL, "fraud"): QT_TRANSLATE_NOOP("IncidentType", "fraud"),
    (_T.CRIMINAL, "assault"): QT_TRANSLATE_NOOP("IncidentType", "assault"),
    (_T.CRIMINAL, "other"): QT_TRANSLATE_NOOP("IncidentType", "other criminal"),
    (_T.PUBLIC_ORDER, "fight"): QT_TRANSLATE_NOOP("IncidentType", "fight"),
    (_T.PUBLIC_ORDER, "disturbance"): QT_TRANSLATE_NOOP("IncidentType", "disturbing order"),
    (_T.PUBLIC_ORDER, "noise"): QT_TRANSLATE_NOOP("IncidentType", "noise nuisance"),
    (_T.PUBLIC_ORDER, "gambling"): QT_TRANSLATE_NOOP("IncidentType", "gambling"),
    (_T.PUBLIC_ORDER, "other"): QT_TRANSLATE_NOOP("IncidentType", "other public order"),
    (_T.DISPUTE, "neighbour"): QT_TRANSLATE_NOOP("IncidentType", "neighbour dispute"),
    (_T.DISPUTE, "family"): QT_TRANSLATE_NOOP("IncidentType", "family dispute"),
    (_T.DISPUTE, "property_mgmt"): QT_TRANSLATE_NOOP("IncidentType", "property management dispute"),
    (_T.DISPUTE, "consumer"): QT_TRANSLATE_NOOP("IncidentType", "consumer dispute"),
    (_T.DISPUTE, "other"): QT_TRANSLATE_NOOP("IncidentType", "other dispute"),
    (_T.HELP, "missing_person"): QT_TRANSLATE_NOOP("IncidentType", "missing person"),
    (_T.HELP, "lockout"): QT_TRANSLATE_NOOP("IncidentType", "locked out"),
    (_T.HELP, "medical"): QT_TRANSLATE_NOOP("IncidentType", "sudden illness"),
    (_T.HELP, "elderly"): QT_TRANSLATE_NOOP("IncidentType", "elderly person needs help"),
    (_T.HELP, "other"): QT_TRANSLATE_NOOP("IncidentType", "other help request"),
    (_T.FIRE, "building"): QT_TRANSLATE_NOOP("IncidentType", "building fire"),
    (_T.FIRE, "ebike"): QT_TRANSLATE_NOOP("IncidentType", "e-bike fire"),
    (_T.FIRE, "smoke"): QT_TRANSLATE_NOOP("IncidentType", "smoke or burning smell"),
    (_T.FIRE, "other"): QT_TRANSLATE_NOOP("IncidentType", "other fire"),
    (_T.TRAFFIC, "accident"): QT_TRANSLATE_NOOP("IncidentType", "traffic accident"),
    (_T.TRAFFIC, "blocking"): QT_TRANSLATE_NOOP("IncidentType", "road blocked by parking"),
    (_T.TRAFFIC, "other"): QT_TRANSLATE_NOOP("IncidentType", "other traffic"),
    (_T.OTHER, "other"): QT_TRANSLATE_NOOP("IncidentType", "other incident"),
}


def _name(source: str) -> str:
    return QCoreApplication.translate("IncidentType", source)


class IncidentDialog(QDialog):
    """Type, subtype, address (prefilled coordinates from a map click), caller and summary."""

    def __init__(
        self,
        now_ms: int,
        actor: str,
        lon: float | None = None,
        lat: float | None = None,
        parent: QWidget | None = None,
        locate: Callable[[str], tuple[float, float] | None] | None = None,
    ) -> None:
        """`locate(address)`: the point of a standard address of the district (`geo.locate.best_point`),
        used when no map point was clicked."""
        super().__init__(parent)
        self.setObjectName("incident_dialog")
        self._locate = locate
        self.setWindowTitle(self.tr("New incident"))
        self._now_ms, self._actor, self._lon, self._lat = now_ms, actor, lon, lat
        self.kind = QComboBox(self)
        self.kind.setObjectName("incident_type")
        for kind in IncidentType:
            self.kind.addItem(_name(TYPE_NAMES[kind]), kind.value)
        self.subtype = QComboBox(self)
        self.subtype.setObjectName("incident_subtype")
        self.address = QLineEdit(self)
        self.address.setObjectName("incident_address")
        self.address.setPlaceholderText(self.tr("Standard address, e.g. building, entrance, room"))
        where = self.tr("no map point")
        if lon is not None and lat is not None:
            where = self.tr("%1, %2").replace("%1", f"{lon:.6f}").replace("%2", f"{lat:.6f}")
        self.point = QLabel(where, self)
        self.caller = QLineEdit(self)
        self.caller.setObjectName("incident_caller")
        self.caller.setPlaceholderText(self.tr("Caller's phone (stored masked)"))
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("incident_summary")
        self.summary.setPlaceholderText(self.tr("What was reported"))
        self.error = QLabel(self)
        self.error.setObjectName("incident_error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Type:"), self.kind)
        form.addRow(self.tr("Subtype:"), self.subtype)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Map point:"), self.point)
        form.addRow(self.tr("Caller:"), self.caller)
        form.addRow(self.tr("Summary:"), self.summary)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(self._fill_subtypes)
        self._fill_subtypes()
        self.result_incident: Incident | None = None

    def _fill_subtypes(self) -> None:
        kind = IncidentType(self.kind.currentData())
        self.subtype.clear()
        for (k, code), source in SUBTYPE_NAMES.items():
            if k is kind:
                self.subtype.addItem(_name(source), code)

    def incident(self) -> Incident:
        """The incident as entered; raises `IncidentError` (no place, a bad phone)."""
        address = self.address.text().strip()
        lon, lat = self._lon, self._lat
        if lon is None and address and self._locate is not None:
            lon, lat = self._locate(address) or (None, None)
        return Incident(
            id=new_incident_id(IncidentSource.WALK_IN, self._now_ms),
            type=IncidentType(self.kind.currentData()),
            subtype=str(self.subtype.currentData()),
            place=Place(address, lon, lat),
            reported_ts=self._now_ms,
            summary=self.summary.toPlainText().strip(),
            source=IncidentSource.WALK_IN,
            caller=self.caller.text().strip(),
            created_by=self._actor,
        )

    def _try_accept(self) -> None:
        try:
            self.result_incident = self.incident()
        except IncidentError:
            self.error.setText(self.tr("Give an address or pick a point on the map, and a valid phone."))
            return
        self.accept()


def ask_incident(
    parent: QWidget,
    now_ms: int,
    actor: str,
    lon: float | None = None,
    lat: float | None = None,
    locate: Callable[[str], tuple[float, float] | None] | None = None,
) -> Incident | None:
    """Show the dialog; the incident entered, or None when cancelled."""
    dialog = IncidentDialog(now_ms, actor, lon, lat, parent, locate)
    return dialog.result_incident if dialog.exec() == QDialog.DialogCode.Accepted else None


class _Submitting(Protocol):
    def submit(self, fn: Callable[[Any], Any]) -> Future[Any]: ...


class IncidentEntry:
    """The main window's 新建警情: from the File menu (the address is located among the district's
    standard addresses) or by double-clicking the map (that point); stored on the engine thread."""

    def __init__(self, window: Any, session: _Submitting, actor: str) -> None:
        self.window, self.session, self.actor = window, session, actor

    def enter(self, lon: float | None = None, lat: float | None = None) -> Incident | None:
        district = self.window.scene.district
        now = self.window.engine_clock.now_ms()
        incident = ask_incident(
            self.window, now, self.actor, lon, lat, lambda address: best_point(district, address)
        )
        if incident is not None:
            future = self.session.submit(lambda engine: engine.store.add_incident(incident))
            future.add_done_callback(lambda f: _stored(incident, f))
        return incident

    def on_map_click(self, event: Any) -> None:
        """A left double-click on the 2D map: a new incident at that point."""
        if not event.double() or event.button() != Qt.MouseButton.LeftButton:
            return
        where = self.window.map2d.getPlotItem().vb.mapSceneToView(event.scenePos())
        lon, lat = self.window.projection.to_lonlat([where.x()], [where.y()])[0]
        self.enter(float(lon), float(lat))


def attach_incident_entry(window: Any, session: _Submitting, actor: str) -> IncidentEntry:
    """Enable the window's 新建警情 action and the map's double-click for a live desk."""
    entry = IncidentEntry(window, session, actor)
    window.incident_action.triggered.connect(lambda: entry.enter())
    window.incident_action.setEnabled(True)
    window.map2d.scene().sigMouseClicked.connect(entry.on_map_click)
    window.incident_entry = entry  # kept alive with the window
    return entry


def _stored(incident: Incident, future: Future[Any]) -> None:
    """Runs on the engine thread, so it touches no widget; the result is logged."""
    if future.exception() is not None:
        log.warning("incident %s not stored: %s", incident.id, future.exception())
        return
    log.info("incident %s stored", incident.id)
