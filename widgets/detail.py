"""Details of one building, room, person, device or guard, with personal data masked by the viewer's role.

Names, phone numbers and plates go through `Masker`. A role that may see them whole gets an "Unmask"
button; pressing it emits `unmask_requested(kind, id)` (the security side records it in the audit log) and
shows this one item unmasked until another item is chosen. The wall screen never unmasks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sandbox_app.domain.address import building_address, room_address
from sandbox_app.domain.enums import GuardRole, PersonTag, Relation, RoomUsage
from sandbox_app.domain.model import Device, District, Person
from sandbox_app.domain.reals import ORG_ID, ORG_NAME, ORG_TYPE, Rental, campus_type, rental_of
from sandbox_app.privacy.mask import Masker, Viewer
from widgets.alert_card import Card
from widgets.alert_place import floor_text
from widgets.mode import DeskMode
from widgets.texts import (
    device_kind_text,
    elapsed_text,
    guard_role_text,
    org_type_text,
    placement_text,
    room_usage_text,
)

KINDS = ("compound", "building", "room", "person", "device", "guard", "gate", "alert")
SNAPSHOT_PX = (320, 180)
MAX_LISTED = 40
"""Residents or devices listed by name in one view; the count above the list tells the rest."""
Row = tuple[str, str]


class DetailPanel(QDockWidget):
    unmask_requested = Signal(str, str)
    """(kind, id) the viewer asked to see unmasked; connect the audit log here."""
    dispatch_requested = Signal(str)
    """alert id: the alert card's "dispatch nearest guard" button"""

    def __init__(self, district: District, viewer: Viewer = Viewer.OFFICER, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detail_panel")
        self.setWindowTitle(self.tr("Details"))
        self.district = district
        self.viewer = viewer
        self.unmasked = False
        self.unmask_gate: Callable[[str, str], bool] | None = None
        """(kind, id) → allowed: the permission check and audit record (widgets/session.py) decide before
        anything is shown whole; None (no users configured) falls back to the role's masking alone."""
        self.current: tuple[str, str] | None = None
        self.alert_card: Callable[[str], Card | None] = lambda _alert_id: None
        """alert id → its card (widgets.alert_card, set by the main window); None when it is not open."""
        self.fix_ts: Mapping[str, int] = {}
        self.now_ts = 0
        self.title = QLabel(self.tr("Click a building, room, device or guard."), self)
        self.title.setObjectName("detail_title")
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("detail_table")
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.unmask_button = QPushButton(self.tr("Unmask personal data"), self)
        self.unmask_button.setObjectName("detail_unmask")
        self.unmask_button.clicked.connect(self._toggle_mask)
        self.dispatch_button = QPushButton(self.tr("Dispatch nearest guard"), self)
        self.dispatch_button.setObjectName("detail_dispatch")
        self.dispatch_button.clicked.connect(self._dispatch)
        self.dispatch_button.hide()
        self.mode: DeskMode | None = None
        self.snapshot = QLabel(self)
        self.snapshot.setObjectName("detail_snapshot")
        self.snapshot.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.snapshot.hide()
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.snapshot)
        row = QHBoxLayout()
        row.addWidget(self.dispatch_button)
        row.addWidget(self.unmask_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.setWidget(body)
        self._update_button(has_personal=False)

    @property
    def masker(self) -> Masker:
        return Masker(self.viewer, unmasked=self.unmasked)

    @property
    def may_unmask(self) -> bool:
        return Masker(self.viewer, unmasked=True).shows_personal_data

    def set_district(self, district: District) -> None:
        self.district = district
        self.clear()

    def set_viewer(self, viewer: Viewer) -> None:
        self.viewer = viewer
        self.unmasked = False
        self.refresh()

    def set_fixes(self, fix_ts: Mapping[str, int], now_ts: int) -> None:
        """Tracker device id → ts of its last fix, and the engine clock (for a guard's fix age)."""
        self.fix_ts = fix_ts
        self.now_ts = now_ts

    def clear(self) -> None:
        self.current = None
        self.unmasked = False
        self.table.setRowCount(0)
        self.title.setText(self.tr("Click a building, room, device or guard."))
        self.dispatch_button.hide()
        self.snapshot.hide()
        self._update_button(has_personal=False)

    def show_item(self, kind: str, item_id: str) -> bool:
        """Show one item (kind: one of `KINDS`); False when it is unknown."""
        if (kind, item_id) != self.current:
            self.unmasked = False
        self.current = (kind, item_id)
        if not self.refresh():
            self.clear()
            return False
        return True

    def refresh(self) -> bool:
        if self.current is None:
            return False
        kind, item_id = self.current
        build = {
            "compound": self._compound,
            "gate": self._gate,
            "building": self._building,
            "room": self._room,
            "person": self._person,
            "device": self._device,
            "guard": self._guard,
            "alert": self._alert,
        }.get(kind)
        found = build(item_id) if build is not None else None
        if found is None:
            return False
        title, rows, personal = found
        self.dispatch_button.setVisible(kind == "alert")
        if kind != "alert":
            self.snapshot.hide()
        self.title.setText(title)
        self.table.setRowCount(len(rows))
        for r, (field, value) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(field))
            self.table.setItem(r, 1, QTableWidgetItem(value))
        self._update_button(personal)
        return True

    def texts(self) -> list[str]:
        """Everything the panel shows, for checks that nothing personal leaks."""
        cells = [self.table.item(r, c) for r in range(self.table.rowCount()) for c in range(2)]
        return [self.title.text(), *(cell.text() for cell in cells if cell is not None)]

    # unmasking ---------------------------------------------------------------------------------------------
    def _update_button(self, has_personal: bool) -> None:
        self.unmask_button.setVisible(self.may_unmask)
        self.unmask_button.setEnabled(self.may_unmask and has_personal)
        self.unmask_button.setText(
            self.tr("Mask personal data") if self.unmasked else self.tr("Unmask personal data")
        )

    def _toggle_mask(self) -> None:
        if self.current is None:
            return
        if not self.unmasked:
            gate = self.unmask_gate
            if not (self.may_unmask if gate is None else gate(*self.current)):
                return
            self.unmask_requested.emit(*self.current)
        self.unmasked = not self.unmasked
        self.refresh()

    # texts -------------------------------------------------------------------------------------------------
    def usage_text(self, usage: RoomUsage) -> str:
        return room_usage_text(usage)

    def tag_text(self, tag: PersonTag) -> str:
        texts = {
            PersonTag.ELDERLY_ALONE: self.tr("elderly living alone"),
            PersonTag.DISABLED: self.tr("disabled"),
            PersonTag.KEY_PERSON: self.tr("key person"),
            PersonTag.FLOATING: self.tr("floating population"),
            PersonTag.MINOR: self.tr("minor"),
            PersonTag.WATCHLIST: self.tr("watch list"),
        }
        return texts.get(tag, str(tag))

    def relation_text(self, relation: Relation) -> str:
        texts = {
            Relation.OWNER: self.tr("owner"),
            Relation.TENANT: self.tr("tenant"),
            Relation.FAMILY: self.tr("family"),
            Relation.EMPLOYEE: self.tr("employee"),
            Relation.VISITOR: self.tr("visitor"),
        }
        return texts.get(relation, str(relation))

    def role_text(self, role: GuardRole) -> str:
        return guard_role_text(role)

    def _person_line(self, person: Person) -> str:
        tags = "、".join(self.tag_text(t) for t in sorted(person.tags))
        who = f"{self.masker.name(person.name)} ({self.relation_text(person.relation)})"
        return f"{who} — {tags}" if tags else who

    def _address(self, room_id: str | None) -> str:
        room = self.district.rooms.get(room_id or "")
        if room is None:
            return "—"
        building = self.district.buildings.get(room.building_id)
        compound = self.district.compounds.get(building.compound_id) if building else None
        parts = [compound.name if compound else "", building.name if building else room.building_id]
        where = " ".join(p for p in parts if p)
        return self.tr("{0} entrance {1}, {2}, room {3}").format(
            where, room.entrance, floor_text(room.floor), room.number
        )

    def _reals_rows(self, extra: Mapping[str, object], rental: Rental | None) -> list[Row]:
        """The 实有单位 using this place and, for a rental room, its register (landlord masked as a name)."""
        rows: list[Row] = []
        if extra.get(ORG_ID):
            name = str(extra.get(ORG_NAME) or extra[ORG_ID])
            kind = str(extra.get(ORG_TYPE) or "")
            rows.append((self.tr("Organisation"), f"{name} ({org_type_text(kind) if kind else '—'})"))
        if rental is not None:
            m = self.masker
            rows.append((self.tr("Landlord"), m.name(rental.landlord) if rental.landlord else "—"))
            rows.append((self.tr("Agreement signed"), rental.agreement_date[:10] or "—"))
            rows.append((self.tr("Last inspection"), rental.last_inspection[:10] or "—"))
            rows.append((self.tr("Tenants"), str(len(rental.tenants))))
            if rental.group_rental:
                rows.append((self.tr("Group rental"), self.tr("yes")))
        return rows

    # items -------------------------------------------------------------------------------------------------
    def _compound(self, item_id: str) -> tuple[str, list[Row], bool] | None:
        c = self.district.compounds.get(item_id)
        if c is None:
            return None
        buildings = {b.id for b in self.district.buildings.values() if b.compound_id == c.id}
        rooms = [r for r in self.district.rooms.values() if r.building_id in buildings]
        gates = [g for g in self.district.gates.values() if g.compound_id == c.id]
        campus = campus_type(c)
        rows: list[Row] = [
            (self.tr("Compound"), f"{c.name} ({c.id})")
            if campus is None
            else (self.tr("Organisation"), f"{c.name} ({org_type_text(campus)})"),
            (self.tr("Buildings"), str(len(buildings))),
            (self.tr("Rooms"), str(len(rooms))),
            (self.tr("Gates"), "、".join(sorted(g.name for g in gates)) or "—"),
        ]
        for usage in (RoomUsage.RENTAL, RoomUsage.GROUP_RENTAL):
            rows.append((self.usage_text(usage), str(sum(1 for r in rooms if r.usage is usage))))
        if campus is not None:  # a university or school is a 实有单位 on its own grounds, not a 小区
            return self.tr("Organisation {0} ({1})").format(c.name, org_type_text(campus)), rows, False
        return self.tr("Compound {0}").format(c.name), rows, False

    def _gate(self, item_id: str) -> tuple[str, list[Row], bool] | None:
        g = self.district.gates.get(item_id)
        if g is None:
            return None
        compound = self.district.compounds.get(g.compound_id or "")
        devices = sorted((d for d in self.district.devices.values() if d.gate_id == g.id), key=lambda d: d.id)
        rows: list[Row] = [
            (self.tr("Gate"), f"{g.name} ({g.id})"),
            (self.tr("Compound"), compound.name if compound else "—"),
            (self.tr("Closed hours"), g.closed_hours or self.tr("always open")),
        ]
        rows += [(d.id, f"{d.name} ({device_kind_text(d.kind)})") for d in devices[:MAX_LISTED]]
        return self.tr("Gate {0}").format(g.name), rows, False

    def _building(self, item_id: str) -> tuple[str, list[Row], bool] | None:
        b = self.district.buildings.get(item_id)
        if b is None:
            return None
        rooms = [r for r in self.district.rooms.values() if r.building_id == b.id]
        room_ids = {r.id for r in rooms}
        people = [p for p in self.district.people.values() if p.room_id in room_ids]
        compound = self.district.compounds.get(b.compound_id)
        rows: list[Row] = [
            (self.tr("Building"), f"{b.name} ({b.id})"),
            (self.tr("Standard address"), building_address(self.district, b)),
            (self.tr("Compound"), compound.name if compound else b.compound_id),
            (self.tr("Floors"), str(b.floors)),
            (self.tr("Height"), f"{b.effective_height_m:.0f} m"),
            (self.tr("Rooms"), str(len(rooms))),
        ]
        rows += self._reals_rows(b.extra, None)
        for usage in RoomUsage:
            n = sum(1 for r in rooms if r.usage is usage)
            if n:
                rows.append((self.usage_text(usage), str(n)))
        rows.append((self.tr("Residents"), str(len(people))))
        for tag in PersonTag:
            n = sum(1 for p in people if tag in p.tags)
            if n:
                rows.append((self.tag_text(tag), str(n)))
        devices = self._devices_of(building=b.id, rooms=room_ids)
        rows.append((self.tr("Devices"), str(len(devices))))
        return self.tr("Building {0}").format(b.name), rows, False

    def _room(self, item_id: str) -> tuple[str, list[Row], bool] | None:
        room = self.district.rooms.get(item_id)
        if room is None:
            return None
        people = sorted(self.district.residents_of(room.id), key=lambda p: p.id)
        rows: list[Row] = [
            (self.tr("Address"), self._address(room.id)),
            (self.tr("Standard address"), room_address(self.district, room)),
            (self.tr("Usage"), self.usage_text(room.usage)),
            (self.tr("Residents"), str(len(people))),
        ]
        rows += self._reals_rows(room.extra, rental_of(self.district, room.id))
        rows += [(p.id, self._person_line(p)) for p in people[:MAX_LISTED]]
        devices = self._devices_of(rooms={room.id})[:MAX_LISTED]
        rows += [(d.id, f"{d.name} ({device_kind_text(d.kind)})") for d in devices]
        return self.tr("Room {0}").format(room.id), rows, bool(people)

    def _person(self, item_id: str) -> tuple[str, list[Row], bool] | None:
        p = self.district.people.get(item_id)
        if p is None:
            return None
        m = self.masker
        plates = sorted(c for c in p.credentials if "·" in c)
        rows: list[Row] = [
            (self.tr("Name"), m.name(p.name)),
            (self.tr("Relation"), self.relation_text(p.relation)),
            (self.tr("Address"), self._address(p.room_id)),
            (self.tr("Tags"), "、".join(self.tag_text(t) for t in sorted(p.tags)) or "—"),
            (self.tr("Credentials"), str(len(p.credentials))),
        ]
        rows += [(self.tr("Plate"), m.plate(plate)) for plate in plates]
        for key, label, mask in (
            ("id_number", self.tr("ID number"), m.id_number),
            ("phone", self.tr("Phone"), m.phone),
        ):
            if p.extra.get(key):
                rows.append((label, mask(str(p.extra[key]))))
        return self.tr("Person {0}").format(p.id), rows, True

    def _device(self, item_id: str) -> tuple[str, list[Row], bool] | None:
        d = self.district.devices.get(item_id)
        if d is None:
            return None
        where = self._address(d.room_id) if d.room_id else ""
        if not where and d.building_id in self.district.buildings:
            where = self.district.buildings[d.building_id].name
        if not where and d.gate_id in self.district.gates:
            where = self.district.gates[d.gate_id].name
        rows: list[Row] = [
            (self.tr("Device"), f"{d.name} ({d.id})"),
            (self.tr("Kind"), device_kind_text(d.kind)),
            (self.tr("Placement"), placement_text(d.placement)),
            (self.tr("Where"), where or "—"),
        ]
        seen = self.fix_ts.get(d.id)
        if seen is not None and self.now_ts:
            rows.append((self.tr("Last fix"), elapsed_text((self.now_ts - seen) / 1000.0)))
        return self.tr("Device {0}").format(d.id), rows, False

    def _guard(self, item_id: str) -> tuple[str, list[Row], bool] | None:
        g = self.district.guards.get(item_id)
        if g is None:
            return None
        m = self.masker
        rows: list[Row] = [
            (self.tr("Name"), m.name(g.name)),
            (self.tr("Role"), self.role_text(g.role)),
            (self.tr("Tracker"), g.device_id or "—"),
        ]
        if g.extra.get("phone"):
            rows.append((self.tr("Phone"), m.phone(str(g.extra["phone"]))))
        seen = self.fix_ts.get(g.device_id or "")
        age = elapsed_text((self.now_ts - seen) / 1000.0) if seen is not None and self.now_ts else "—"
        rows.append((self.tr("Fix age"), age))
        return self.tr("Guard {0}").format(g.id), rows, True

    def _alert(self, item_id: str) -> tuple[str, list[Row], bool] | None:
        card = self.alert_card(item_id)
        if card is None:
            return None
        picture = QPixmap(card.snapshot) if card.snapshot else QPixmap()
        if picture.isNull():
            self.snapshot.hide()
        else:
            w, h = SNAPSHOT_PX
            self.snapshot.setPixmap(
                picture.scaled(
                    w, h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
            self.snapshot.show()
        return card.title, card.rows, False

    def set_mode(self, mode: DeskMode) -> None:
        """Observe the window's mode: the card's dispatch button is a live action, off in replay."""
        self.mode = mode
        mode.changed.connect(lambda _replaying: mode.allow(self.dispatch_button, True))
        mode.allow(self.dispatch_button, True)

    def _dispatch(self) -> None:
        if self.mode is not None and self.mode.replaying:
            return
        if self.current is not None and self.current[0] == "alert":
            self.dispatch_requested.emit(self.current[1])

    def _devices_of(self, building: str | None = None, rooms: set[str] | None = None) -> list[Device]:
        rooms = rooms or set()
        found = [
            d
            for d in self.district.devices.values()
            if (building is not None and d.building_id == building)
            or (d.room_id is not None and d.room_id in rooms)
        ]
        return sorted(found, key=lambda d: d.id)
