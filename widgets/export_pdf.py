"""The case file as a PDF (Qt's `QPdfWriter`): a summary page with the map snapshot and a timeline strip,
then the entries as a table, `ROWS_PER_PAGE` a page.

The map snapshot is the replay state at the alert's start drawn by the same layers and raster renderer as the
video, with the case radius and the entries' places on top. Needs a QGuiApplication; `write_case_pdf` makes
an offscreen one when run headless (the CLI).

Texts are `QCoreApplication.translate("CasePdf", ...)` literally at each call (no module-level
object to `self.tr` from): lupdate only extracts a translate call whose context is a literal.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from sandbox_app.domain.model import District
from sandbox_app.privacy.private_files import create_private
from sandbox_app.replay.casefile import CaseFile
from sandbox_app.replay.export import local_iso
from sandbox_app.replay.state import seek
from sandbox_app.store.queries import Db
from widgets.export_video import FrameMaker

ROWS_PER_PAGE = 40
DPI = 150
_app: QGuiApplication | None = None
KIND_COLOURS = {
    "alert": QColor(200, 0, 0),
    "dispatch": QColor(0, 90, 255),
    "guard": QColor(0, 150, 70),
}
OTHER_COLOUR = QColor(110, 110, 110)


def _ensure_app() -> None:
    """QPainter on a PDF needs fonts, so a GUI application; headless runs get an offscreen one."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


def page_count(case: CaseFile) -> int:
    """The summary page, then the table (one page even when empty)."""
    return 1 + max(1, math.ceil(len(case.entries) / ROWS_PER_PAGE))


def colour_of(kind: str) -> QColor:
    return KIND_COLOURS.get(kind.split(".")[0], OTHER_COLOUR)


def map_snapshot(db: Db, district: District, case: CaseFile, size: tuple[int, int]) -> QImage:
    maker = FrameMaker(district, size, view=(case.lon, case.lat, case.radius_m * 1.6))
    img = maker.frame(seek(db, district, case.alert.first_ts))
    raster = maker.raster
    centre = raster.px(maker.proj.to_xy([case.lon], [case.lat]))[0]
    cv2.circle(
        img, (int(centre[0]), int(centre[1])), max(2, round(case.radius_m * raster.scale)), (0, 0, 200), 2
    )
    placed = [(e.kind, e.lon, e.lat) for e in case.entries if e.lon is not None and e.lat is not None]
    if placed:
        xy = maker.proj.to_xy([p[1] for p in placed], [p[2] for p in placed])
        for (kind, _, _), (x, y) in zip(placed, raster.px(xy), strict=True):
            c = colour_of(kind)
            cv2.circle(img, (int(x), int(y)), 3, (c.blue(), c.green(), c.red()), -1)
    rgb = np.ascontiguousarray(img)
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_BGR888).copy()


def _timeline(p: QPainter, rect: QRectF, case: CaseFile) -> None:
    p.setPen(QPen(QColor(120, 120, 120), 1))
    p.drawRect(rect)
    span = max(1, case.end_ts - case.start_ts)

    def x(ts: int) -> float:
        return rect.left() + (ts - case.start_ts) / span * rect.width()

    for e in case.entries:
        p.setPen(QPen(colour_of(e.kind), 2))
        p.drawLine(QPointF(x(e.ts), rect.top() + 4), QPointF(x(e.ts), rect.bottom() - 4))
    p.setPen(QPen(QColor(0, 0, 0), 4))
    p.drawLine(QPointF(x(case.alert.first_ts), rect.top()), QPointF(x(case.alert.first_ts), rect.bottom()))


def _summary(p: QPainter, page: QRectF, case: CaseFile, snapshot: QImage) -> None:
    tz = case.timezone or "UTC"
    a, r = case.alert, case.response
    p.setFont(QFont("Noto Sans CJK SC", 16, QFont.Weight.Bold))
    p.drawText(QPointF(0, 30), QCoreApplication.translate("CasePdf", "Case file {0}").format(case.shown_id))
    p.setFont(QFont("Noto Sans CJK SC", 9))
    lines = [
        QCoreApplication.translate("CasePdf", "District: {0}").format(case.district),
        QCoreApplication.translate("CasePdf", "Alert: {0} on {1} {2}, severity {3}, now {4}").format(
            a.rule, a.subject_type, case.shown_subject, a.severity, a.state
        ),
        QCoreApplication.translate("CasePdf", "Raised: {0}").format(local_iso(a.first_ts, tz)),
        QCoreApplication.translate("CasePdf", "Window: {0} to {1}; radius {2:g} m; {3} entries").format(
            local_iso(case.start_ts, tz), local_iso(case.end_ts, tz), case.radius_m, len(case.entries)
        ),
    ]
    if r is not None:

        def s(v: float | None) -> str:
            return "—" if v is None else f"{v:.0f} s"

        lines.append(
            QCoreApplication.translate(
                "CasePdf", "Acknowledged {0}, dispatched {1}, accepted {2}, arrived {3}, closed {4}"
            ).format(s(r.ack_s), s(r.dispatch_s), s(r.accept_s), s(r.arrive_s), s(r.close_s))
        )
        lines.append(
            QCoreApplication.translate(
                "CasePdf", "Sent: {0} ({1}), recorded ETA {2}; nearest at the time: {3}, ETA {4}"
            ).format(
                r.sent_guard or "—",
                r.sent_role or "—",
                s(r.sent_eta_s),
                r.nearest_guard or "—",
                s(r.nearest_eta_s),
            )
        )
    y = 60.0
    step = p.fontMetrics().height() * 1.25
    for line in lines:
        p.drawText(QPointF(0, y), line)
        y += step
    target = QRectF(0, y + 10, page.width(), page.width() * snapshot.height() / snapshot.width())
    p.drawImage(target, snapshot)
    strip = QRectF(0, target.bottom() + 20, page.width(), 50)
    _timeline(p, strip, case)
    p.drawText(QPointF(0, strip.bottom() + 18), local_iso(case.start_ts, tz))
    end_text = local_iso(case.end_ts, tz)
    p.drawText(
        QPointF(page.width() - p.fontMetrics().horizontalAdvance(end_text), strip.bottom() + 18), end_text
    )


def _table(p: QPainter, page: QRectF, case: CaseFile, first: int) -> None:
    tz = case.timezone or "UTC"
    cols = (0.0, 0.2, 0.37, 0.5)
    p.setFont(QFont("Noto Sans CJK SC", 8, QFont.Weight.Bold))
    for c, title in zip(
        cols,
        (
            QCoreApplication.translate("CasePdf", "Time"),
            QCoreApplication.translate("CasePdf", "Kind"),
            QCoreApplication.translate("CasePdf", "Source"),
            QCoreApplication.translate("CasePdf", "What"),
        ),
        strict=True,
    ):
        p.drawText(QPointF(page.width() * c, 20), title)
    p.setFont(QFont("Noto Sans CJK SC", 8))
    metrics = p.fontMetrics()
    row_h = (page.height() - 40) / ROWS_PER_PAGE
    for k, e in enumerate(case.entries[first : first + ROWS_PER_PAGE]):
        y = 30 + (k + 1) * row_h
        p.setPen(colour_of(e.kind))
        p.drawText(QPointF(0, y), local_iso(e.ts, tz)[:23].replace("T", " "))
        p.setPen(QColor(0, 0, 0))
        p.drawText(QPointF(page.width() * cols[1], y), e.kind)
        p.drawText(
            QPointF(page.width() * cols[2], y), metrics.elidedText(e.source, Qt.TextElideMode.ElideRight, 120)
        )
        width = int(page.width() * (1 - cols[3]))
        p.drawText(
            QPointF(page.width() * cols[3], y), metrics.elidedText(e.text, Qt.TextElideMode.ElideRight, width)
        )


def write_case_pdf(db: Db, district: District, case: CaseFile, out: Path) -> int:
    """Write the PDF; returns its page count."""
    _ensure_app()
    create_private(out)  # Qt keeps an existing file's mode: the case file is 0600 from the start
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(12, 12, 12, 12)
        )
    )
    writer.setTitle(QCoreApplication.translate("CasePdf", "Case file {0}").format(case.shown_id))
    writer.setCreator("Digital Sandbox")
    snapshot = map_snapshot(db, district, case, (1600, 1000))
    painter = QPainter(writer)
    try:
        page = QRectF(painter.viewport())
        _summary(painter, page, case, snapshot)
        pages = 1
        for first in range(0, max(1, len(case.entries)), ROWS_PER_PAGE):
            writer.newPage()
            _table(painter, page, case, first)
            pages += 1
    finally:
        painter.end()
    return pages
