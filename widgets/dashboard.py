"""The dashboard a station shows its visitors: alerts per hour by kind, response times, devices online,
today's plate / face / RFID reads. Figures come from `sandbox_app.analytics.stats.compute`; this only draws
them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
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


def _bars(plot: pg.PlotItem, n: int, colour: tuple[int, int, int]) -> pg.BarGraphItem:
    item = pg.BarGraphItem(x=np.arange(n), height=np.zeros(n), width=0.7, brush=pg.mkBrush(*colour))
    plot.addItem(item)
    return item


class Dashboard(pg.GraphicsLayoutWidget):  # type: ignore[misc]
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
        self.hourly_plot = self.addPlot(row=0, col=0, colspan=2, title=self.tr("Alerts per hour by kind"))
        self.hourly_plot.setLabel("left", self.tr("alerts"))
        self.legend = self.hourly_plot.addLegend(offset=(60, 10), labelTextColor=(40, 40, 40))
        self.hourly_bars: dict[str, pg.BarGraphItem] = {}
        self.response_plot = self.addPlot(row=1, col=0, title=self.tr("Response times (median, minutes)"))
        self.response_bars = _bars(self.response_plot, len(Phase), PALETTE[2])
        self.response_plot.getAxis("bottom").setTicks(
            [list(enumerate((self.tr("accept"), self.tr("arrive"), self.tr("close"))))]
        )
        self.online_plot = self.addPlot(row=1, col=1, title=self.tr("Devices online (%)"))
        self.online_plot.setYRange(0, 100)
        self.online_bars = _bars(self.online_plot, 0, PALETTE[3])
        self.reads_plot = self.addPlot(row=2, col=0, colspan=2, title=self.tr("Reads today"))
        self.reads_bars = _bars(self.reads_plot, len(READ_KINDS), PALETTE[4])
        self.reads_plot.getAxis("bottom").setTicks(
            [list(enumerate((self.tr("plates"), self.tr("faces"), self.tr("e-bike RFID"))))]
        )
        self.value_labels: list[pg.TextItem] = []
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
        self.reads_bars.setOpts(height=np.array(reads, dtype=float))
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
        labels = hour_labels(hourly.starts, self.timezone)
        self.hourly_plot.getAxis("bottom").setTicks([[(i, t) for i, t in enumerate(labels) if i % 3 == 0]])
        self.hourly_plot.setXRange(-0.6, n - 0.4, padding=0)
        self.hourly_plot.setYRange(0, max(float(base.max()) if n else 0.0, 1.0) * 1.1, padding=0)

    def _draw_online(self, figures: Figures) -> None:
        rows = figures.devices[:MAX_KINDS]
        rates = np.array([100.0 * r.rate for r in rows])
        self.online_bars.setOpts(x=np.arange(len(rows)), height=rates)
        ticks = [(i, self.kind_text(r.kind)) for i, r in enumerate(rows)]
        self.online_plot.getAxis("bottom").setTicks([ticks])
        self.online_plot.setXRange(-0.6, max(len(rows), 1) - 0.4, padding=0)
        total = sum(r.total for r in figures.devices)
        rate = 100.0 * sum(r.online for r in figures.devices) / total if total else 100.0
        self.online_plot.setTitle(self.tr("Devices online: {0:.1f} %").format(rate))

    def _label_values(self, reads: list[int]) -> None:
        for label in self.value_labels:
            self.reads_plot.removeItem(label)
        self.value_labels = []
        for i, value in enumerate(reads):
            label = pg.TextItem(str(value), color=(40, 40, 40), anchor=(0.5, 1.0))
            label.setPos(i, value)
            self.reads_plot.addItem(label)
            self.value_labels.append(label)
        self.reads_plot.setYRange(0, max([*reads, 1]) * 1.2, padding=0)

    def stacked_heights(self) -> dict[str, list[float]]:
        """Rule → drawn bar heights per hour (what the chart holds, for checks)."""
        return {rule: [float(h) for h in item.opts["height"]] for rule, item in self.hourly_bars.items()}
