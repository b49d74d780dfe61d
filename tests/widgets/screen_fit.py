"""Does the desk fit a screen? Issue 16 §6: at 1280×720, 1920×1080 and 3840×2160 with a device pixel ratio
of 2 no visible widget may be clipped or overlapped. `problems(window)` lists what a person would see wrong;
run as a module it builds the desk in a fresh process (so QT_SCALE_FACTOR can set the pixel ratio before Qt
starts), saves a screenshot and prints the problems as JSON:

    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=2 python -m tests.widgets.screen_fit 1920 1080 out.png
"""

from __future__ import annotations

import json
import sys
from itertools import combinations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QScrollArea,
    QTabBar,
    QTableView,
    QWidget,
)

from widgets.main_window import MainWindow


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
    return f"{type(widget).__name__}({widget.objectName() or text[:30]!r})"


def _shown(widget: QWidget) -> bool:
    """Visible to a person: shown, sized, and not in a dock tabbed behind another (Qt keeps those
    "visible", parked outside the window)."""
    if not (widget.isVisible() and widget.width() > 0 and widget.height() > 0):
        return False
    dock: QWidget | None = widget
    while dock is not None and not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    return dock is None or not dock.visibleRegion().isEmpty()


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's contents: it may lie below the fold, reachable by scrolling."""
    parent = widget.parentWidget()
    while parent is not None:
        contents = parent.widget() if isinstance(parent, QScrollArea) else None
        if contents is not None:
            return contents.isAncestorOf(widget)
        parent = parent.parentWidget()
    return False


def _in_window(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def problems(window: MainWindow) -> list[str]:
    """Everything clipped or overlapped in the shown window, one line each (empty: it fits)."""
    found: list[str] = []
    frame = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not _shown(button) or not button.text() or isinstance(button.parentWidget(), QTabBar):
            continue
        hint = button.minimumSizeHint()
        if button.width() < hint.width() or button.height() < hint.height():
            found.append(f"{_name(button)} is cut: {button.size().toTuple()} < {hint.toTuple()}")
        where = _in_window(window, button)
        if not frame.contains(where):
            found.append(f"{_name(button)} lies outside the window: {where.getRect()}")
        elif not _scrolled(button) and button.visibleRegion().boundingRect() != button.rect():
            found.append(f"{_name(button)} is covered or clipped by its container")
    for label in window.findChildren(QLabel):
        if not _shown(label) or not label.text() or label.wordWrap() or _scrolled(label):
            continue
        if label.width() < label.minimumSizeHint().width():
            found.append(f"{_name(label)} text is cut: {label.width()} < {label.minimumSizeHint().width()}")
    for bar in window.findChildren(QTabBar):
        if not _shown(bar):
            continue
        for i in range(bar.count()):
            if bar.tabRect(i).width() < bar.tabSizeHint(i).width() - 1:
                found.append(f"tab {bar.tabText(i)!r} is elided ({bar.tabRect(i).width()} px)")
    docks = [d for d in window.findChildren(QDockWidget) if _shown(d) and not d.isFloating()]
    central = window.centralWidget()
    areas = [(_name(d), _in_window(window, d)) for d in docks]
    if central is not None:
        areas.append(("central", _in_window(window, central)))
    for (a, ra), (b, rb) in combinations(areas, 2):
        if ra.intersects(rb):
            found.append(f"{a} overlaps {b}")
    for bar in window.findChildren(QTabBar):
        over = central is not None and _in_window(window, bar).intersects(_in_window(window, central))
        if bar.parent() is window and _shown(bar) and over:
            titles = [bar.tabText(i) for i in range(bar.count())]
            found.append(f"a tab bar {titles} lies over the map")
    for name, rect in areas:
        if not frame.contains(rect):
            found.append(f"{name} lies outside the window: {rect.getRect()}")
    for table in window.alerts_panel.findChildren(QTableView):
        if _shown(table) and table.horizontalScrollBar().isVisible():
            found.append(f"{_name(table)} needs horizontal scrolling")
    found.extend(_cancel_order_problems(window))
    layers = window.layer_list
    if _shown(layers) and layers.viewport().width() < layers.sizeHintForColumn(0):
        found.append("a layer name is cut")
    return found


UNSCROLLED_FROM_PX = 1000
"""From this window height (logical pixels) the dispatch panel's buttons are in view without scrolling."""


def _cancel_order_problems(window: MainWindow) -> list[str]:
    """ "撤销指令…" was hidden under the roster's title at 1280×720: it must be in view (on a tall window
    without scrolling; on a short one the panel scrolls to it), nothing covering it."""
    panel = window.dispatch_panel
    button = panel.cancel_button
    if not _shown(panel):
        return []
    area = panel.widget()
    assert isinstance(area, QScrollArea)
    if window.height() < UNSCROLLED_FROM_PX:
        area.ensureWidgetVisible(button)
        QApplication.processEvents()
    elif area.verticalScrollBar().value() != 0:
        return ["the dispatch panel starts scrolled"]
    if not button.isVisible() or button.visibleRegion().boundingRect() != button.rect():
        return [f"{_name(button)} is not in view (window height {window.height()})"]
    inside = QRect(button.mapTo(area.viewport(), QPoint(0, 0)), button.size())
    if not area.viewport().rect().contains(inside):
        return [f"{_name(button)} lies below the dispatch panel's fold: {inside.getRect()}"]
    return []


def desk(width: int, height: int) -> MainWindow:
    """The desk as `make run` lays it out (dispatch dock shown and sized by the live controller's rule)."""
    from sandbox_app.station.scene import Scene
    from tests.layers.sample import small_district

    window = MainWindow(Scene(small_district()))
    window.resize(width, height)
    window.show()
    window.dispatch_panel.show()
    window.fit_docks()  # what the live controller does once the session is attached
    return window


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(argv: list[str]) -> int:
    """`WIDTH HEIGHT PNG [LANG]`: logical size (the pixel ratio comes from the environment)."""
    from widgets.i18n import install_translators

    width, height, png = int(argv[0]), int(argv[1]), argv[2]
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_translators(app, argv[3] if len(argv) > 3 else "en")
    window = desk(width, height)
    settle(app)
    pixmap = window.grab()
    pixmap.save(png)
    report = {
        "ratio": pixmap.devicePixelRatio(),
        "pixels": [pixmap.width(), pixmap.height()],
        "size": [window.width(), window.height()],
        "problems": problems(window),
    }
    print(json.dumps(report, ensure_ascii=False))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
