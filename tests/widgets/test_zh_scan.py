"""No English and no raw codes where a person reads the zh_CN interface: every visible widget text, table
cell and header, combo item, dock title, menu entry and legend line of the main window, with alerts of every
rule and severity, candidates of every travel mode, orders in every state and each Details view shown."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState, DispatchStep
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.engine.clock import WallClock
from sandbox_app.station.scene import Scene
from tests.layers.sample import small_district
from tests.widgets.test_main_window import english, show
from widgets.alerts_panel import AlertsPanel
from widgets.i18n import install_translators, remove_translators

pytestmark = pytest.mark.gui
__all__ = ["english"]
WORD = re.compile(r"[A-Za-z_]{3,}")
ALLOWED = {"GPS", "RFID", "SIM", "ETA", "OpenGL"}
"""Acronyms police write as they are."""
RULES = (
    "elderly_no_activity", "unregistered_opener", "unreported_tenant", "face_watchlist", "face_stranger",
    "tailgating", "plate_blacklist", "vehicle_overstay", "perimeter_breach", "smoke_alarm", "gas_alarm",
    "water_alarm", "fall_detected", "throw_detected", "alarm_button", "elderly_routine", "gps_sanity",
    "device_offline", "dispatch_escalation",
)  # fmt: skip


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of everything a person can read in `root` and its children."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            out.append((name, w.text()))
        if isinstance(w, QLineEdit):
            out.append((name, w.placeholderText()))
        if isinstance(w, QDockWidget):
            out.append((name, w.windowTitle()))
        if isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                header = w.horizontalHeaderItem(c)
                out.append((name, header.text() if header else ""))
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        out += [(name, item.text()), (name, item.toolTip())]
        if w.toolTip() and not isinstance(w, QTableWidget):
            out.append((name + ":tooltip", w.toolTip()))
    for menu in root.findChildren(QMenu):
        out += [(f"menu:{menu.title()}", a.text()) for a in menu.actions()]
        out.append(("menu", menu.title()))
    return out


def english_words(texts: list[tuple[str, str]], ids: set[str]) -> list[tuple[str, str]]:
    bad = []
    for where, text in texts:
        for word in WORD.findall(text):
            if word not in ALLOWED and word not in ids and not any(word in i for i in ids):
                bad.append((where, text))
                break
    return bad


def _window_texts(qtbot: QtBot) -> tuple[list[tuple[str, str]], set[str]]:
    district = small_district()
    window = show(qtbot, Scene(district))
    window.resize(1600, 1000)
    now = WallClock().now_ms()
    severities = list(Severity)
    states = [AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.DISPATCHED, AlertState.RESOLVED]
    alerts = [
        Alert(f"A{i}", rule, "D1", "device", severities[i % 5], states[i % 4], now, now)
        for i, rule in enumerate(RULES)
    ]
    window.update_alerts(alerts)
    panel = window.dispatch_panel
    panel.show()
    window.alerts_panel.select("A0")
    panel.show_candidates(
        "A0",
        [Candidate("GU1", 90.0, 100.0, [], False, "police", m) for m in ("foot", "ebike", "car")]
        + [Candidate("GU2", 300.0, 400.0, [], True, "volunteer", "foot")],
    )
    orders = []
    for i, state in enumerate(DispatchState):
        d = Dispatch(f"O{i}", "A0", "GU1", "T1", "desk:a", now, None, None)
        d.history.append(DispatchStep(state, "desk:a", now))
        orders.append(d)
    panel.update_dispatches(orders)
    panel.active.selectRow(0)
    window.map2d.set_legend_visible(True)
    ids = {*district.devices, *district.guards, *district.rooms, *district.buildings, *(a.id for a in alerts)}
    ids |= {d.id for d in orders} | {"desk"}
    texts = visible_texts(window)
    texts += [("legend", e.title) for e in window.map2d.map_legend.entries()]
    for kind, item in [("alert", "A0"), *[(k, i) for k, i in (("device", "D3"), ("room", "R101"))]]:
        window.show_detail(kind, item)
        texts += [("detail", t) for t in window.detail.texts()]
    for guard in district.guards:
        window.show_detail("guard", guard)
        texts += [("detail", t) for t in window.detail.texts()]
    assert isinstance(window.alerts_panel, AlertsPanel)
    return texts, ids


def test_the_zh_cn_window_shows_no_english_or_raw_codes(qtbot: QtBot, chinese: None) -> None:
    texts, ids = _window_texts(qtbot)
    assert english_words(texts, ids) == []


def test_the_english_window_shows_words_not_codes(qtbot: QtBot, english: None) -> None:
    texts, _ids = _window_texts(qtbot)
    codes = [(where, t) for where, t in texts if re.search(r"\b[a-z]+_[a-z_]+\b", t)]
    assert codes == []


def test_qt_own_dialogs_speak_chinese(chinese: None) -> None:
    """Qt's file dialog and message box strings come from the qtbase_zh_CN.qm that PySide6 ships."""
    from PySide6.QtCore import QCoreApplication

    for context, source in (
        ("QFileDialog", "Look in:"),
        ("QFileDialog", "Files of type:"),
        ("QPlatformTheme", "Cancel"),
    ):
        shown = QCoreApplication.translate(context, source)
        assert shown != source and not WORD.search(shown), (context, source, shown)
