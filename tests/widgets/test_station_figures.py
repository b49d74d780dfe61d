"""治理成效 on the desk (issue 21): the figures tab shows this month against last month's same stretch,
compounds without a case, passes and the population, in words a person reads; it exports the workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.engine.clock import WallClock
from sandbox_app.station.scene import Scene
from sandbox_app.store import open_store
from tests.layers.sample import small_district
from widgets.main_window import MainWindow
from widgets.station_figures import attach_figures_reader

pytestmark = pytest.mark.gui


def show(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    district = small_district()
    db = tmp_path / "s.db"
    store = open_store(db)
    store.replace_district(district)
    now = WallClock().now_ms()
    store.upsert_alerts(
        [
            Alert(f"A{i}", "smoke_alarm", "D1", "device", Severity.HIGH, AlertState.OPEN, now - i * 1000, now)
            for i in (1, 2)
        ]
    )
    store.append_events(
        [
            Event(f"p{i}", now - i * 1000, "D3", "plate.read", None, None, {"plate": "京A00001"})
            for i in range(1, 4)
        ]
    )
    store.close()
    w = MainWindow(Scene(district))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    attach_figures_reader(w.station_figures, lambda: w.scene.district, db)
    return w


def test_the_figures_tab_shows_the_month_and_exports_it(qtbot: QtBot, tmp_path: Path) -> None:
    window = show(qtbot, tmp_path)
    panel = window.station_figures
    assert panel.dock is not None
    panel.dock.show()
    panel.dock.raise_()
    qtbot.waitUntil(lambda: panel.summary is not None, timeout=10_000)
    s = panel.summary
    assert s is not None and s.alerts == 2 and s.passes["plate.read"] == 3
    assert "2" in panel.title.text() and panel.title.text().strip()
    rows = [
        [item.text() if (item := panel.table.item(r, c)) is not None else "" for c in range(4)]
        for r in range(panel.table.rowCount())
    ]
    assert len(rows) == 1 and rows[0][1] == "2" and "smoke_alarm" not in rows[0][0]  # words, not a code
    lines = panel.lines.text()
    assert "0 of 1" in lines and "3" in lines and "registered" in lines
    assert "road occupations 0" in lines  # 占道 is counted with the passes, zero this month
    # what a person sees: the tab is drawn, the table is not empty white
    QApplication.processEvents()
    image = panel.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert image.width() > 200 and len(colours) > 4
    # the workbook
    panel.save_path_hook = lambda: str(tmp_path / "m.xlsx")
    out = panel.export()
    assert out is not None
    from openpyxl import load_workbook

    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["Overview", "Alerts"] and "Passes" in wb.sheetnames
    passes = {r[0]: r[1] for r in wb["Passes"].iter_rows(min_row=2, values_only=True)}
    assert passes["plates"] == 3 and passes["road occupations"] == 0


def test_the_wall_has_no_figures_tab(qtbot: QtBot) -> None:
    w = MainWindow(Scene(small_district()), wall=True)
    qtbot.addWidget(w)
    assert w.station_figures.dock is not None and not w.station_figures.dock.toggleViewAction().isEnabled()
    assert w.station_figures.refresh() is False  # no store reader on the wall


def test_on_a_city_store_the_tab_counts_the_streets_and_exports_their_sheets(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Compounds that name their street and county: the tab says how many streets and counties it rolled
    up, and the exported workbook has the by-street and by-county sheets, a street without passes in zeros."""
    from openpyxl import load_workbook

    from tests.analytics.test_rollup import STATIONS, city_district, fill

    city = city_district()
    db = tmp_path / "city.db"
    store = open_store(db)
    fill(store, city, list(STATIONS))
    store.close()
    w = MainWindow(Scene(city))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    panel = w.station_figures
    attach_figures_reader(panel, lambda: w.scene.district, db)
    assert panel.dock is not None
    panel.dock.show()
    panel.dock.raise_()
    panel.period.setCurrentIndex(
        panel.period.findData("year")
    )  # any period: the rows are there, zeros or not
    qtbot.waitUntil(lambda: panel.rollup is not None and panel.rollup.period.value == "year", timeout=10_000)
    assert "3 streets in 2 counties" in panel.lines.text()
    panel.save_path_hook = lambda: str(tmp_path / "city.xlsx")
    out = panel.export()
    assert out is not None
    wb = load_workbook(out)
    assert wb.sheetnames[-2:] == ["By street", "By county"]
    rows = list(wb["By street"].iter_rows(values_only=True))
    assert [r[1] for r in rows[1:]] == ["东街街道", "西街街道", "南苑街道"]
    assert rows[3][rows[0].index("faces")] == 0
