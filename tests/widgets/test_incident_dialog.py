"""新建警情: the dialog builds the incident (type → its subtypes, place, masked caller), refuses one with no
place, speaks the classification's own Chinese names, and the main window's action enters it through the
session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.domain.incidents import SUBTYPES, TYPE_LABELS, IncidentSource, IncidentType
from tests.layers.sample import small_district
from widgets.i18n import install_translators, remove_translators
from widgets.incident_dialog import SUBTYPE_NAMES, TYPE_NAMES, IncidentDialog

T0 = 1_700_000_000_000


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


def test_every_type_and_subtype_has_a_name() -> None:
    assert set(TYPE_NAMES) == set(IncidentType)
    assert set(SUBTYPE_NAMES) == {(k, code) for k, subs in SUBTYPES.items() for code in subs}


def test_the_dialog_builds_the_incident(qtbot: QtBot) -> None:
    dialog = IncidentDialog(T0, "officer-a", 121.4, 31.2)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(IncidentType.HELP.value))
    assert [dialog.subtype.itemData(i) for i in range(dialog.subtype.count())] == list(
        SUBTYPES[IncidentType.HELP]
    )
    dialog.subtype.setCurrentIndex(dialog.subtype.findData("lockout"))
    dialog.caller.setText("13800001234")
    dialog.summary.setPlainText("钥匙锁在屋里")
    incident = dialog.incident()
    assert (incident.type, incident.subtype, incident.lon, incident.caller) == (
        IncidentType.HELP,
        "lockout",
        121.4,
        "138****1234",
    )
    assert (incident.source, incident.created_by, incident.reported_ts) == (
        IncidentSource.WALK_IN,
        "officer-a",
        T0,
    )


def test_an_address_is_located_when_no_point_was_clicked(qtbot: QtBot) -> None:
    dialog = IncidentDialog(
        T0, "officer-a", locate=lambda text: (1.0, 2.0) if text == "测试一区南门" else None
    )
    qtbot.addWidget(dialog)
    dialog.address.setText("测试一区南门")
    assert (dialog.incident().lon, dialog.incident().lat) == (1.0, 2.0)
    dialog.address.setText("某处")
    assert dialog.incident().lon is None


def test_no_place_is_refused_with_a_message(qtbot: QtBot) -> None:
    dialog = IncidentDialog(T0, "officer-a")
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert dialog.result_incident is None and dialog.error.text()
    dialog.address.setText("测试路1号")
    dialog.buttons.accepted.emit()
    assert dialog.result_incident is not None and dialog.result_incident.place.address == "测试路1号"


def test_zh_cn_names_are_the_classifications_own(qtbot: QtBot, chinese: None) -> None:
    dialog = IncidentDialog(T0, "officer-a", 121.4, 31.2)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "新建警情"
    shown = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert shown == [TYPE_LABELS[k] for k in IncidentType]
    dialog.kind.setCurrentIndex(dialog.kind.findData(IncidentType.PUBLIC_ORDER.value))
    subs = [dialog.subtype.itemText(i) for i in range(dialog.subtype.count())]
    assert subs == list(SUBTYPES[IncidentType.PUBLIC_ORDER].values())


class FakeSession:
    def __init__(self) -> None:
        self.stored: list[Any] = []

    def submit(self, fn: Callable[[Any], Any]) -> Future[Any]:
        class Engine:
            class store:
                @staticmethod
                def add_incident(incident: Any) -> tuple[Any, bool]:
                    self.stored.append(incident)
                    return incident, True

        done: Future[Any] = Future()
        done.set_result(fn(Engine()))
        return done


def test_the_menu_action_and_a_map_double_click_enter_through_the_session(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    import widgets.incident_dialog as module
    from layers.projection import LocalProjection

    proj = LocalProjection(121.4, 31.2)

    class small_scene:
        district = small_district()

    class Map:
        def scene(self) -> Any:
            class Scene:
                class sigMouseClicked:
                    @staticmethod
                    def connect(slot: Any) -> None:
                        pass

            return Scene()

        def getPlotItem(self) -> Any:
            class Vb:
                @staticmethod
                def mapSceneToView(p: QPointF) -> QPointF:
                    return p

            class Item:
                vb = Vb()

            return Item()

    class Window(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.incident_action = QAction("new", self)
            self.incident_action.setEnabled(False)
            self.map2d = Map()
            self.projection = proj
            self.scene = small_scene

            class Clock:
                def now_ms(self) -> int:
                    return T0

            self.engine_clock = Clock()

    window = Window()
    qtbot.addWidget(window)
    session = FakeSession()
    entry = module.attach_incident_entry(window, session, "officer-a")
    assert window.incident_action.isEnabled()
    asked: list[tuple[Any, ...]] = []

    def fake_ask(*args: Any) -> Any:
        asked.append(args[3:5])
        assert args[5]("测试一区南门") is not None  # the district's addresses are searched
        return IncidentDialog(T0, "officer-a", 121.4, 31.2).incident()

    monkeypatch.setattr(module, "ask_incident", fake_ask)
    window.incident_action.trigger()
    assert asked == [(None, None)] and len(session.stored) == 1

    class Click:
        def __init__(self, double: bool) -> None:
            self._double = double

        def double(self) -> bool:
            return self._double

        def button(self) -> Qt.MouseButton:
            return Qt.MouseButton.LeftButton

        def scenePos(self) -> QPointF:
            return QPointF(0.0, 0.0)

    entry.on_map_click(Click(double=False))  # a single click only picks, as before
    assert len(asked) == 1
    entry.on_map_click(Click(double=True))
    lon, lat = asked[-1]
    assert (round(lon, 6), round(lat, 6)) == (121.4, 31.2) and len(session.stored) == 2
