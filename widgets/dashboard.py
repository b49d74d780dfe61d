"""The dashboard a station shows its visitors: alerts per hour by kind, response times, devices online,
today's plate / face / RFID reads. Figures come from `sandbox_app.analytics.stats.compute`; this only draws
them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QWidget

from sandbox_app.analytics.stats import READ_KINDS, Figures, Phase, hour_labels

MAX_KINDS = 6
"""Device kinds in the online chart: the worst ones (the title gives the overall rate)."""
MAX_STACKED = 7
"""Rules drawn as their own colour; the rest are summed into "other" so the legend stays readable."""
OTHER = "other"
PALETTE = (
    (214, 39, 40),
    (255, 127, 14),
    (31, 119, 180),
    (44, 160, 44),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
)
Namer = Callable[[str], str]
HOUR_STEPS = (1, 2, 3, 4, 6, 12)
LEGEND_ROWS = 6
"""Legend entries per column: the chart is short, so the legend grows sideways."""
LEGEND_ROW_PX = 22
"""A legend entry's height: swatch and name on one line, however tall the chart."""


def _bars(plot: pg.PlotItem, n: int, colour: tuple[int, int, int]) -> pg.BarGraphItem:
    item = pg.BarGraphItem(x=np.arange(n), height=np.zeros(n), width=0.7, brush=pg.mkBrush(*colour))
    plot.addItem(item)
    return item


class Dashboard(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    _hour_labels: tuple[str, ...] = ()
    """The hourly chart's hour names (a class default: Qt may resize the widget before __init__ ends)."""

    def __init__(
        self,
        timezone: str,
        rule_text: Namer | None = None,
        kind_text: Namer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.setObjectName("dashboard")
        self.setBackground("w")
        self.timezone = timezone
        self.rule_text: Namer = rule_text or str
        self.kind_text: Namer = kind_text or str
        self.figures: Figures | None = None
        # One row: the dock below the map is wide and short (about 200 px at 1280×720); stacked rows left
        # each chart a sliver with its axis labels on top of each other.
        # Units go in the titles and tick labels: axis titles would take rows the short dock does not have.
        self.hourly_plot = self.addPlot(row=0, col=0, title=self.tr("Alerts per hour by kind (count)"))
        self.legend = pg.LegendItem(labelTextColor=(40, 40, 40), colCount=1)
        self.addItem(self.legend, row=0, col=1)  # beside the chart, not over its bars
        self.hourly_bars: dict[str, pg.BarGraphItem] = {}
        self.hourly_plot.vb.sigResized.connect(lambda _vb: self._tick_hours())
        self.response_plot = self.addPlot(row=0, col=2, title=self.tr("Response time, median (minutes)"))
        self.response_bars = _bars(self.response_plot, len(Phase), PALETTE[2])
        self.response_plot.getAxis("bottom").setTicks(
            [list(enumerate((self.tr("accept"), self.tr("arrive"), self.tr("close"))))]
        )
        self.online_plot = self.addPlot(row=0, col=3, title=self.tr("Devices online (%)"))
        self.online_plot.setXRange(0, 100, padding=0)
        self.online_bars = pg.BarGraphItem(x0=0, y=[], height=0.7, width=[], brush=pg.mkBrush(*PALETTE[3]))
        self.online_plot.addItem(self.online_bars)  # bars lie down: kind names read on the left axis
        self.online_plot.vb.sigResized.connect(lambda _vb: self.figures and self._draw_online(self.figures))
        self.online_plot.invertY(True)  # the worst kind on top
        self.reads_plot = self.addPlot(row=0, col=4, title=self.tr("Reads today (count)"))
        n_reads = len(READ_KINDS)
        self.reads_bars = pg.BarGraphItem(
            x0=0, y=np.arange(n_reads), height=0.6, width=np.zeros(n_reads), brush=pg.mkBrush(*PALETTE[4])
        )
        self.reads_plot.addItem(self.reads_bars)  # lying down like the online chart: names and values fit
        self.reads_plot.invertY(True)
        self.reads_plot.getAxis("bottom").setStyle(showValues=False)  # each bar carries its count
        self.reads_plot.setYRange(-0.6, n_reads - 0.4, padding=0)
        self._name_axis(
            self.reads_plot.getAxis("left"),
            list(enumerate((self.tr("plates"), self.tr("faces"), self.tr("e-bike RFID")))),
        )
        for col, stretch in enumerate((5, 0, 2, 3, 2)):
            self.ci.layout.setColumnStretchFactor(col, stretch)
        for axis in (self.online_plot.getAxis("left"), self.reads_plot.getAxis("left")):
            axis.setStyle(textFillLimits=[(0, 1.0)])  # every name of a category axis, not the first few
        self.value_labels: list[str] = []
        """The counts shown beside the reads' names."""
        for plot in (self.hourly_plot, self.response_plot, self.online_plot, self.reads_plot):
            for side in ("left", "bottom"):
                plot.getAxis(side).setPen(pg.mkPen(90, 90, 90))
                plot.getAxis(side).setTextPen(pg.mkPen(40, 40, 40))
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)

    # drawing -----------------------------------------------------------------------------------------------
    def set_figures(self, figures: Figures) -> None:
        self.figures = figures
        self._draw_hourly(figures)
        medians = [figures.response.median(p) for p in Phase]
        self.response_bars.setOpts(height=np.array([(m or 0.0) / 60.0 for m in medians]))
        self._draw_online(figures)
        reads = [figures.reads_today.get(k, 0) for k in READ_KINDS]
        self.reads_bars.setOpts(width=np.array(reads, dtype=float))
        self._label_values(reads)

    def _draw_hourly(self, figures: Figures) -> None:
        hourly = figures.hourly
        n = len(hourly.starts)
        stacks = dict(list(hourly.counts.items())[:MAX_STACKED])
        rest = list(hourly.counts.values())[MAX_STACKED:]
        if rest:
            stacks[OTHER] = tuple(int(sum(c[i] for c in rest)) for i in range(n))
        for item in self.hourly_bars.values():
            self.hourly_plot.removeItem(item)
        self.legend.clear()
        self.hourly_bars = {}
        base = np.zeros(n)
        for i, (rule, counts) in enumerate(stacks.items()):
            height = np.asarray(counts, dtype=float)
            colour = PALETTE[i % len(PALETTE)] if rule != OTHER else PALETTE[-1]
            item = pg.BarGraphItem(
                x=np.arange(n), y0=base.copy(), height=height, width=0.8, brush=pg.mkBrush(*colour)
            )
            self.hourly_plot.addItem(item)
            name = self.tr("other") if rule == OTHER else self.rule_text(rule)
            self.legend.addItem(item, name)
            self.hourly_bars[rule] = item
            base += height
        self._hour_labels = tuple(hour_labels(hourly.starts, self.timezone))
        self._tick_hours()
        self.hourly_plot.setXRange(-0.6, n - 0.4, padding=0)
        # as many entries per column as the height holds: long names (English) in two columns squeezed
        # the chart to a sliver
        rows = max(LEGEND_ROWS, int(self.height() * 0.8) // LEGEND_ROW_PX)
        self.legend.setColumnCount(max(1, math.ceil(len(stacks) / rows)))
        middle = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        for sample, label in self.legend.items:  # side by side: in a tall row the label sat above its swatch
            label.setMaximumHeight(LEGEND_ROW_PX)
            sample.setMaximumHeight(LEGEND_ROW_PX)
            for part in (sample, label):
                self.legend.layout.setAlignment(part, middle)
        self.hourly_plot.setYRange(0, max(float(base.max()) if n else 0.0, 1.0) * 1.1, padding=0)

    def _name_axis(self, axis: pg.AxisItem, ticks: list[tuple[int, str]]) -> None:
        """A category axis as wide as its longest name: pyqtgraph leaves out a label that does not fit."""
        axis.setTicks([ticks])
        metrics = QFontMetricsF(axis.style["tickFont"] or self.font())
        axis.setWidth(max((metrics.horizontalAdvance(t) for _i, t in ticks), default=20.0) + 16.0)

    def _tick_hours(self) -> None:
        """Label every k-th hour, k the smallest of 1, 2, 3, 4, 6, 12 whose labels fit the chart's width."""
        suffix = self.tr("h", "hour of day after its number: 08h")
        labels = [f"{t}{suffix}" for t in self._hour_labels]
        width = max(self.hourly_plot.vb.width(), 1.0)
        label_px = QFontMetricsF(self.font()).horizontalAdvance(f"00{suffix}") + 12.0
        step = next((k for k in HOUR_STEPS if len(labels) / k * label_px <= width), HOUR_STEPS[-1])
        self.hourly_plot.getAxis("bottom").setTicks([[(i, t) for i, t in enumerate(labels) if i % step == 0]])

    def _draw_online(self, figures: Figures) -> None:
        line_px = QFontMetricsF(self.font()).height() + 2.0
        fit = int(self.online_plot.vb.height() // line_px) if self.online_plot.vb.height() > 0 else MAX_KINDS
        rows = figures.devices[: max(2, min(MAX_KINDS, fit))]  # the worst kinds, as many as have room
        rates = np.array([100.0 * r.rate for r in rows])
        self.online_bars.setOpts(x0=0, y=np.arange(len(rows)), width=rates, height=0.7)
        ticks = [(i, self.kind_text(r.kind)) for i, r in enumerate(rows)]
        self._name_axis(self.online_plot.getAxis("left"), ticks)
        self.online_plot.setYRange(-0.6, max(len(rows), 1) - 0.4, padding=0)
        total = sum(r.total for r in figures.devices)
        rate = 100.0 * sum(r.online for r in figures.devices) / total if total else 100.0
        self.online_plot.setTitle(self.tr("Devices online: {0:.1f} %").format(rate))

    def _label_values(self, reads: list[int]) -> None:
        """Each count beside its name on the axis (a label at the bar's end would run off a narrow chart)."""
        names = (self.tr("plates"), self.tr("faces"), self.tr("e-bike RFID"))
        self.value_labels = [f"{value:,}" for value in reads]
        ticks = [
            (i, f"{name}  {value}")
            for i, (name, value) in enumerate(zip(names, self.value_labels, strict=True))
        ]
        self._name_axis(self.reads_plot.getAxis("left"), ticks)
        self.reads_plot.setXRange(0, max([*reads, 1]) * 1.05, padding=0)

    def stacked_heights(self) -> dict[str, list[float]]:
        """Rule → drawn bar heights per hour (what the chart holds, for checks)."""
        return {rule: [float(h) for h in item.opts["height"]] for rule, item in self.hourly_bars.items()}
