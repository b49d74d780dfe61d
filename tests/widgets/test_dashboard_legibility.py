"""The dashboard at the two screen sizes stations use (issue 24): as docked in the main window at 1920×1080
and 1280×720, in the interface language, no two axis labels overlap, each chart names its unit, and the
charts keep a readable height. The screenshots are saved for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.analytics.stats import READ_KINDS, Figures, HourlyAlerts, KindHealth, Phase, ResponseTimes
from sandbox_app.station.scene import Scene
from tests.layers.sample import small_district
from widgets.i18n import install_translators, remove_translators
from widgets.main_window import MainWindow

pytestmark = pytest.mark.gui
HOUR = 3_600_000
NOW = 1_714_550_400_000 + 17 * HOUR + 1_234
RULES = (
    "elderly_no_activity", "unregistered_opener", "unreported_tenant", "face_watchlist", "face_stranger",
    "tailgating", "plate_blacklist", "vehicle_overstay", "device_offline",
)  # fmt: skip
KINDS = ("door_magnet", "smart_lock", "behavior_camera", "perimeter_detector", "video_intercom", "face_gate")


def figures() -> Figures:
    starts = tuple(NOW - NOW % HOUR - (23 - i) * HOUR for i in range(24))
    counts = {rule: tuple((i * (k + 3)) % 7 for i in range(24)) for k, rule in enumerate(RULES)}
    response = ResponseTimes({Phase.ACCEPT: (45.0,), Phase.ARRIVE: (300.0,), Phase.CLOSE: (1900.0,)})
    devices = tuple(KindHealth(kind, 90 - 7 * k, 100) for k, kind in enumerate(KINDS))
    return Figures(NOW, HourlyAlerts(starts, counts), response, devices, dict.fromkeys(READ_KINDS, 12_345))


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


def _label_rects(axis: pg.AxisItem) -> list[tuple[QRectF, str]]:
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return []
    return [(QRectF(rect), text) for rect, _flags, text in specs[2]]


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_dashboard_axis_labels_never_overlap(
    qtbot: QtBot, tmp_path: Path, chinese: None, size: tuple[int, int]
) -> None:
    window = MainWindow(Scene(small_district()))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.dashboard_dock.raise_()
    window.set_figures(figures())
    QApplication.processEvents()
    board = window.dashboard
    assert board.isVisible()
    board.grab().save(str(tmp_path / f"dashboard-{size[0]}x{size[1]}.png"))
    plots = {
        "hourly": board.hourly_plot,
        "response": board.response_plot,
        "online": board.online_plot,
        "reads": board.reads_plot,
    }
    for name, plot in plots.items():
        assert plot.vb.height() >= 60, f"{name}: {plot.vb.height():.0f} px high is too squashed to read"
        for side in ("left", "bottom"):
            labels = _label_rects(plot.getAxis(side))
            for i, (a, text_a) in enumerate(labels):
                for b, text_b in labels[i + 1 :]:
                    gap = a.adjusted(-3, -1, 3, 1)  # labels that touch run together ("1214")
                    assert not gap.intersects(b), f"{name} {side}: {text_a!r} runs into {text_b!r} at {size}"
        assert _label_rects(plot.getAxis("bottom")) or _label_rects(plot.getAxis("left")), name
    online = {text for _r, text in _label_rects(board.online_plot.getAxis("left"))}
    shown = len(board.online_bars.opts["y"])
    assert len(online) == shown >= 3 and "门磁" in online  # every drawn kind named, in Chinese
    reads = [text for _r, text in _label_rects(board.reads_plot.getAxis("left"))]
    assert reads == ["车牌  12,345", "人脸  12,345", "电动车 RFID  12,345"]
    titles = {name: plot.titleLabel.text for name, plot in plots.items()}
    assert "起" in titles["hourly"] and "分钟" in titles["response"] and "%" in titles["online"]
    assert "次" in titles["reads"]
    hours = [text for _r, text in _label_rects(board.hourly_plot.getAxis("bottom"))]
    assert len(hours) >= 3 and all(h.endswith("时") for h in hours), hours


@pytest.mark.parametrize("height", [420, 900])
def test_each_legend_name_sits_beside_its_swatch(qtbot: QtBot, chinese: None, height: int) -> None:
    """In a tall dashboard (the README shot) the legend's names sat a row above their colour swatches."""
    from widgets.dashboard import Dashboard

    board = Dashboard("Asia/Shanghai", lambda rule: rule, lambda kind: kind)
    qtbot.addWidget(board)
    board.resize(1600, height)
    board.show()
    qtbot.waitExposed(board)
    board.set_figures(figures())
    QApplication.processEvents()
    assert board.legend.items
    for sample, label in board.legend.items:
        swatch = sample.mapRectToScene(sample.boundingRect())
        name = label.item.mapRectToScene(label.item.boundingRect())  # the text, not its cell
        assert abs(swatch.center().y() - name.center().y()) <= 6, label.text
        assert name.left() >= swatch.right() - 1, f"{label.text} is left of its swatch"
