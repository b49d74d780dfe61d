"""治理成效 on the desk (issue 21): the station's figures for this day, week, month or year against the same
stretch of the previous one, and the monthly workbook.

The figures are `sandbox_app.analytics.summary` (computed off the UI thread on the panel's own store
connection, `attach_figures_reader`); this panel only lays them out: alerts by kind with their trend,
compounds without a case, outcomes, response times, passes (plates, faces, e-bike tags, visitors,
throwing) and the population. "Export XLSX" writes the same figures as a workbook
(`write_summary_xlsx`), one sheet per view, in the interface language; `sandbox-app figures --xlsx` writes
the same workbook headless.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sandbox_app.analytics.city import UNPLACED
from sandbox_app.analytics.figures import Period
from sandbox_app.analytics.rollup import COUNTY, LEVELS, STREET, FiguresRollup
from sandbox_app.analytics.stats import Phase, zone
from sandbox_app.analytics.summary import StationSummary
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock
from sandbox_app.privacy.spreadsheet import Sheet, write_xlsx
from widgets.close_dialog import outcome_text
from widgets.texts import rule_text

if TYPE_CHECKING:
    from sandbox_app.domain.model import District
    from widgets.desk import Desk

SummaryReader = Callable[[int, Period], StationSummary]
RollupReader = Callable[[int, Period], FiguresRollup | None]


def period_text(period: Period) -> str:
    return {
        Period.DAY: QCoreApplication.translate("StationFigures", "today"),
        Period.WEEK: QCoreApplication.translate("StationFigures", "this week"),
        Period.MONTH: QCoreApplication.translate("StationFigures", "this month"),
        Period.YEAR: QCoreApplication.translate("StationFigures", "this year"),
    }[period]


def pass_names() -> dict[str, str]:
    return {
        "plate.read": QCoreApplication.translate("StationFigures", "plates"),
        "face.pass": QCoreApplication.translate("StationFigures", "faces"),
        "rfid.read": QCoreApplication.translate("StationFigures", "e-bike tags"),
        "visitor": QCoreApplication.translate("StationFigures", "visitors"),
        "throw.detected": QCoreApplication.translate("StationFigures", "throwing"),
        "road_occupation": QCoreApplication.translate("StationFigures", "road occupations"),
    }


def change_text(count: int, baseline: int) -> str:
    if not baseline:
        return QCoreApplication.translate("StationFigures", "new") if count else "—"
    change = (count - baseline) / baseline
    arrow = "↑" if change > 0 else "↓" if change < 0 else "→"
    return f"{arrow}{abs(change):.0%}"


def minutes_text(seconds: float | None) -> str:
    return (
        "—"
        if seconds is None
        else QCoreApplication.translate("StationFigures", "{0:.1f} min").format(seconds / 60.0)
    )


def summary_sheets(district: District, s: StationSummary) -> list[Sheet]:
    """The workbook's sheets: alerts by kind, outcomes and response, passes, population, quiet compounds."""
    tz = zone(district.timezone)

    def day(ts: int) -> str:
        return datetime.fromtimestamp(ts / 1000, tz=tz).strftime("%Y-%m-%d %H:%M")

    head = [
        QCoreApplication.translate("StationFigures", "Period"),
        QCoreApplication.translate("StationFigures", "From"),
        QCoreApplication.translate("StationFigures", "To"),
        QCoreApplication.translate("StationFigures", "Baseline from"),
        QCoreApplication.translate("StationFigures", "Baseline to"),
    ]
    overview = [period_text(s.period), day(s.start_ts), day(s.end_ts), day(s.baseline[0]), day(s.baseline[1])]
    alerts = [[rule_text(r.rule), r.count, r.baseline, change_text(r.count, r.baseline)] for r in s.trend]
    alerts.append(
        [
            QCoreApplication.translate("StationFigures", "all"),
            s.alerts,
            s.baseline_alerts,
            change_text(s.alerts, s.baseline_alerts),
        ]
    )
    outcomes = [[outcome_text(k), v] for k, v in s.outcomes.items()]
    phases = {
        Phase.ACCEPT: QCoreApplication.translate("StationFigures", "to accept"),
        Phase.ARRIVE: QCoreApplication.translate("StationFigures", "to arrive"),
        Phase.CLOSE: QCoreApplication.translate("StationFigures", "to close"),
    }
    response = [[phases[p], s.response_median_s[p.value]] for p in Phase]
    names = {c.id: c.name for c in district.compounds.values()}
    pop = s.population
    return [
        Sheet(QCoreApplication.translate("StationFigures", "Overview"), head, [overview]),
        Sheet(
            QCoreApplication.translate("StationFigures", "Alerts"),
            [
                QCoreApplication.translate("StationFigures", "Kind"),
                QCoreApplication.translate("StationFigures", "Count"),
                QCoreApplication.translate("StationFigures", "Baseline"),
                QCoreApplication.translate("StationFigures", "Change"),
            ],
            alerts,
        ),
        Sheet(
            QCoreApplication.translate("StationFigures", "Outcomes"),
            [
                QCoreApplication.translate("StationFigures", "Outcome"),
                QCoreApplication.translate("StationFigures", "Count"),
            ],
            outcomes,
        ),
        Sheet(
            QCoreApplication.translate("StationFigures", "Response"),
            [
                QCoreApplication.translate("StationFigures", "Phase"),
                QCoreApplication.translate("StationFigures", "Median (s)"),
            ],
            response,
        ),
        Sheet(
            QCoreApplication.translate("StationFigures", "Passes"),
            [
                QCoreApplication.translate("StationFigures", "Kind"),
                QCoreApplication.translate("StationFigures", "Count"),
            ],
            [[n, s.passes[k]] for k, n in pass_names().items()],
        ),
        Sheet(
            QCoreApplication.translate("StationFigures", "Population"),
            [
                QCoreApplication.translate("StationFigures", "Registered"),
                QCoreApplication.translate("StationFigures", "Floating"),
                QCoreApplication.translate("StationFigures", "Elderly alone"),
                QCoreApplication.translate("StationFigures", "Rental rooms"),
                QCoreApplication.translate("StationFigures", "Group rentals"),
            ],
            [[pop.registered, pop.floating, pop.elderly_alone, pop.rental_rooms, pop.group_rentals]],
        ),
        Sheet(
            QCoreApplication.translate("StationFigures", "Compounds without a case"),
            [QCoreApplication.translate("StationFigures", "Compound")],
            [[names.get(c, c)] for c in s.quiet],
        ),
    ]


def unit_name(key: str) -> str:
    """A county or street as a report names it: what no compound holds, or a level the package left empty,
    in words instead of a code or a blank cell."""
    if key == UNPLACED:
        return QCoreApplication.translate("StationFigures", "not in any compound")
    return key or QCoreApplication.translate("StationFigures", "(not given)")


def rollup_sheets(r: FiguresRollup) -> list[Sheet]:
    """One sheet per level of the city store's roll-up (by street, by county): a row per unit with its
    alerts against the baseline, compounds without a case, closed alerts, response medians, passes and
    population; a unit without passes reads zeros."""
    titles = {
        STREET: QCoreApplication.translate("StationFigures", "By street"),
        COUNTY: QCoreApplication.translate("StationFigures", "By county"),
    }
    passes = pass_names()
    sheets = []
    for level in LEVELS:
        head = [QCoreApplication.translate("StationFigures", "County")]
        if level == STREET:
            head.append(QCoreApplication.translate("StationFigures", "Street"))
        head += [
            QCoreApplication.translate("StationFigures", "Compounds"),
            QCoreApplication.translate("StationFigures", "Compounds without a case"),
            QCoreApplication.translate("StationFigures", "Alerts"),
            QCoreApplication.translate("StationFigures", "Baseline"),
            QCoreApplication.translate("StationFigures", "Change"),
            QCoreApplication.translate("StationFigures", "Closed"),
            QCoreApplication.translate("StationFigures", "Accept, median (s)"),
            QCoreApplication.translate("StationFigures", "Arrive, median (s)"),
            *passes.values(),
            QCoreApplication.translate("StationFigures", "Registered"),
            QCoreApplication.translate("StationFigures", "Floating"),
            QCoreApplication.translate("StationFigures", "Elderly alone"),
            QCoreApplication.translate("StationFigures", "Rental rooms"),
            QCoreApplication.translate("StationFigures", "Group rentals"),
        ]
        rows: list[list[object]] = []
        for u in r.rows(level):
            s, pop = u.summary, u.summary.population
            names = [unit_name(u.county)] + ([unit_name(u.street)] if level == STREET else [])
            med = [s.response_median_s[p.value] for p in (Phase.ACCEPT, Phase.ARRIVE)]
            rows.append(
                [
                    *names,
                    s.compounds,
                    len(s.quiet),
                    s.alerts,
                    s.baseline_alerts,
                    change_text(s.alerts, s.baseline_alerts),
                    sum(s.outcomes.values()),
                    *(None if m is None else round(m, 1) for m in med),
                    *(s.passes[k] for k in passes),
                    pop.registered,
                    pop.floating,
                    pop.elderly_alone,
                    pop.rental_rooms,
                    pop.group_rentals,
                ]
            )
        sheets.append(Sheet(titles[level], head, rows))
    return sheets


def write_summary_xlsx(
    district: District, s: StationSummary, out: Path, rollup: FiguresRollup | None = None
) -> list[str]:
    """Write the workbook (with a sheet per level of `rollup` when given: the city store's); returns its
    sheet titles."""
    sheets = summary_sheets(district, s) + (rollup_sheets(rollup) if rollup is not None else [])
    write_xlsx(sheets, out)
    return [sh.title for sh in sheets]


class _Delivery(QObject):
    done = Signal(object)


class StationFigures(QWidget):
    """The figures tab: a period chooser, the alerts table and the other figures as lines of text."""

    def __init__(self, window: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.setObjectName("station_figures")
        self.reader: SummaryReader | None = None
        self.rollup_reader: RollupReader | None = None
        """None, or a roll-up by street and county where the compounds name them: a sheet per level."""
        self.rollup: FiguresRollup | None = None
        self.save_path_hook: Callable[[], str] | None = None
        self.summary: StationSummary | None = None
        self.dock: QDockWidget | None = None
        """The dock it sits in (`install_figures`)."""
        self.period = QComboBox(self)
        self.period.setObjectName("figures_period")
        for p in Period:
            self.period.addItem(period_text(p), p.value)
        self.period.setCurrentIndex(list(Period).index(Period.MONTH))
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.title = QLabel(self)
        self.title.setObjectName("figures_title")
        self.export_button = QPushButton(self.tr("Export XLSX…"), self)
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.period)
        top.addWidget(self.title, 1)
        top.addWidget(self.export_button)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("figures_alerts")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Alert kind"), self.tr("Count"), self.tr("Baseline"), self.tr("Change")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.lines = QLabel(self)
        self.lines.setObjectName("figures_lines")
        self.lines.setWordWrap(True)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.lines, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(body)
        self._delivery = _Delivery(self)
        self._delivery.done.connect(lambda item: self._read(*item))
        self._asked = 0

    def chosen_period(self) -> Period:
        return Period(self.period.currentData())

    def refresh(self) -> bool:
        """Recompute for the chosen period, off the UI thread; False without a store."""
        if self.reader is None:
            return False
        self._asked += 1
        asked, reader, period = self._asked, self.reader, self.chosen_period()
        levels = self.rollup_reader
        now = self.window_.map2d.now_ms()
        now = now if now > 0 else WallClock().now_ms()
        delivery = self._delivery

        def job() -> None:
            try:
                result: object = (reader(now, period), levels(now, period) if levels is not None else None)
            except Exception as exc:  # shown, not lost
                result = exc
            delivery.done.emit((asked, result))

        threading.Thread(target=job, name="station-figures", daemon=True).start()
        return True

    def _read(self, asked: int, result: object) -> None:
        if asked != self._asked:
            return
        if isinstance(result, tuple):
            self.rollup = result[1]
            self.show_summary(result[0])
        else:
            self.title.setText(self.tr("The figures could not be read: {0}").format(result))

    def show_summary(self, s: StationSummary) -> None:
        self.summary = s
        tz = zone(self.window_.scene.district.timezone)
        upto = datetime.fromtimestamp(s.end_ts / 1000, tz=tz).strftime("%m-%d %H:%M")
        self.title.setText(
            self.tr("{0} up to {1}: {2} alerts, {3} against the same stretch before").format(
                period_text(s.period), upto, s.alerts, change_text(s.alerts, s.baseline_alerts)
            )
        )
        self.table.setRowCount(len(s.trend))
        for row, r in enumerate(s.trend):
            cells = (rule_text(r.rule), str(r.count), str(r.baseline), change_text(r.count, r.baseline))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        passes = "  ".join(f"{name} {s.passes[k]:,}" for k, name in pass_names().items())
        outcomes = "  ".join(f"{outcome_text(k)} {v}" for k, v in s.outcomes.items()) or "—"
        med = s.response_median_s
        pop = s.population
        self.lines.setText(
            "\n".join(
                (
                    self.tr("Compounds without a case: {0} of {1}").format(len(s.quiet), s.compounds),
                    self.tr("Outcomes: {0}").format(outcomes),
                    self.tr("Response, median: accept {0}, arrive {1}, close {2}").format(
                        minutes_text(med["accept"]), minutes_text(med["arrive"]), minutes_text(med["close"])
                    ),
                    self.tr("Passes: {0}").format(passes),
                    self.tr("Population: {0} registered, {1} floating, {2} elderly alone").format(
                        pop.registered, pop.floating, pop.elderly_alone
                    ),
                    self.tr("Rentals: {0} rooms, {1} group rentals").format(
                        pop.rental_rooms, pop.group_rentals
                    ),
                    *self._rollup_lines(),
                )
            )
        )
        self.export_button.setEnabled(True)

    def _rollup_lines(self) -> list[str]:
        """On a city store: how many streets and counties the export's roll-up sheets hold."""
        r = self.rollup
        if r is None:
            return []
        return [
            self.tr("By street and county: {0} streets in {1} counties (in the export)").format(
                sum(u.street != UNPLACED for u in r.streets), sum(u.county != UNPLACED for u in r.counties)
            )
        ]

    def export(self) -> Path | None:
        s = self.summary
        if s is None:
            return None
        if self.save_path_hook is not None:
            name = self.save_path_hook()
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export figures"), "figures.xlsx", "XLSX (*.xlsx)"
            )
        if not name:
            return None
        path = Path(name)
        write_summary_xlsx(self.window_.scene.district, s, path, self.rollup)
        return path


def attach_figures_reader(panel: StationFigures, district: Callable[[], District], db: Path | str) -> None:
    """Give the figures tab a reader on the store at `db` (its own connection per read); `district` is the
    window's current one. When its compounds name streets and counties (a city store), the tab also reads
    the roll-up by street and county for the export."""
    from sandbox_app.analytics.rollup import names_streets, rollup
    from sandbox_app.analytics.summary import summary_in
    from sandbox_app.store import open_store

    def read(now_ms: int, period: Period) -> StationSummary:
        return summary_in(db, district(), now_ms, period)

    def read_levels(now_ms: int, period: Period) -> FiguresRollup | None:
        current = district()
        if not names_streets(current):  # a station's own store: its figures are the whole
            return None
        store = open_store(db)
        try:
            return rollup(store, current, now_ms, period)
        finally:
            store.close()

    panel.reader = read
    panel.rollup_reader = read_levels
