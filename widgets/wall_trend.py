"""The wall's trend lines (治理成效 on the wall, issue 21 §3): this month's alerts against last month's and
the compounds without a case, from `analytics.summary`.

The summary reads the whole month's alerts, so it runs off the UI thread on its own store connection (the
reader `attach_wall_trend` gives, as the desk's figures tab gets its own) and every few minutes only: a
trend over a month does not move by the second, and the wall's frame rate must not pay for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from sandbox_app.analytics.figures import Period
from sandbox_app.analytics.summary import StationSummary
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock

if TYPE_CHECKING:
    from widgets.wall_screen import WallScreen

REFRESH_MS = 3 * 60_000
"""How often the wall recomputes the month's figures."""

SummaryReader = Callable[[int, Period], StationSummary]


class WallTrend(QObject):
    """Asks `reader` for the month holding `now()` every `REFRESH_MS` and shows it on the wall's tiles;
    one read at a time, a failed read leaves the last figures up."""

    delivered = Signal(object)

    def __init__(self, screen: WallScreen, reader: SummaryReader, now: Callable[[], int]) -> None:
        super().__init__(screen)
        self.screen = screen
        self.reader = reader
        self.now = now
        self.summary: StationSummary | None = None
        self.error: Exception | None = None
        self._busy = False
        self.delivered.connect(self._show)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self.refresh()
        self.timer.start()

    def refresh(self) -> bool:
        """One read off the UI thread; False while the previous one is still running."""
        if self._busy:
            return False
        self._busy = True
        now = self.now()
        now = now if now > 0 else WallClock().now_ms()
        reader, delivered = self.reader, self.delivered

        def job() -> None:
            try:
                result: object = reader(now, Period.MONTH)
            except Exception as exc:  # kept for the log/tests, the wall keeps its last figures
                result = exc
            delivered.emit(result)

        threading.Thread(target=job, name="wall-trend", daemon=True).start()
        return True

    def _show(self, result: object) -> None:
        self._busy = False
        if isinstance(result, StationSummary):
            self.summary = result
            self.screen.show_trend(result.alerts, result.baseline_alerts, len(result.quiet), result.compounds)
        elif isinstance(result, Exception):
            self.error = result


def attach_wall_trend(
    screen: WallScreen, district: Callable[[], District], db: Path | str, now: Callable[[], int]
) -> WallTrend:
    """Start the wall's trend tiles on the store at `db` (a SQLite file or the city's URL; its own
    connection per read); `district` is the window's current one, `now` the engine's clock (0: none yet)."""
    from sandbox_app.analytics.summary import summary_in

    def read(now_ms: int, period: Period) -> StationSummary:
        return summary_in(db, district(), now_ms, period)

    trend = WallTrend(screen, read, now)
    screen.trend = trend
    trend.start()
    return trend
