"""The case report as a PDF (Qt's `QPdfWriter`): summary first, then the map, then the evidence appendix.

The words come from `widgets.case_report.case_report`; this module only lays them out. Layout is measured
before anything is painted (text wraps inside its cell, a row that does not fit starts a new page with the
table header repeated), so no text is ever drawn over other text, and every page carries the station header
and "page n of m". The map is the replay state at the alert's start drawn by the same layers and raster
renderer as the video, with the case radius, the incident and each dispatched guard's track as travelled.

Needs a QGuiApplication; `write_case_pdf` makes an offscreen one when run headless (the CLI).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
)

from layers.render.video import FrameMaker
from sandbox_app.domain.model import District
from sandbox_app.replay.casefile import CaseFile
from sandbox_app.replay.state import seek
from sandbox_app.store.private_files import create_private
from sandbox_app.store.queries import Db
from widgets.case_report import Report, Table, case_report, guard_text
from widgets.headless import ensure_gui_app

DPI = 150
FONT = "Noto Sans CJK SC"
TRACK_COLOURS = [(0, 150, 70), (0, 90, 255), (160, 60, 200), (0, 140, 160), (200, 120, 0)]
"""RGB per dispatched guard, in order of their orders."""
INCIDENT = (200, 0, 0)
THUMB_H = 120.0

Op = Callable[[QPainter], None]


def font(size: float, bold: bool = False) -> QFont:
    f = QFont(FONT)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def map_snapshot(
    db: Db, district: District, case: CaseFile, size: tuple[int, int]
) -> tuple[QImage, list[tuple[str, tuple[int, int, int]]]]:
    """The map at the alert's start with the case circle, the incident and the guards' tracks; returns the
    image and its legend (label, RGB) for the layout to print below it (nothing is written on the map)."""
    points = [(case.lon, case.lat)] + [(p[1], p[2]) for t in case.tracks.values() for p in t]
    probe = FrameMaker(district, size, view=(case.lon, case.lat, case.radius_m))
    xy = probe.proj.to_xy([p[0] for p in points], [p[1] for p in points])
    cx, cy = float((xy[:, 0].min() + xy[:, 0].max()) / 2), float((xy[:, 1].min() + xy[:, 1].max()) / 2)
    half = max(case.radius_m * 1.3, float(np.abs(xy - [cx, cy]).max()) * 1.15 + 20)
    lon, lat = probe.proj.to_lonlat([cx], [cy])[0]
    maker = FrameMaker(district, size, view=(float(lon), float(lat), half))
    state = seek(db, district, case.alert.first_ts)
    devices, *moving = maker.layers.dynamic(state)
    img = maker.raster.draw(maker.background.copy(), [devices, *moving])
    raster = maker.raster
    legend: list[tuple[str, tuple[int, int, int]]] = []
    for k, (guard_id, track) in enumerate(case.tracks.items()):
        rgb = TRACK_COLOURS[k % len(TRACK_COLOURS)]
        pts = raster.px(maker.proj.to_xy([p[1] for p in track], [p[2] for p in track])).astype(np.int32)
        colour = (rgb[2], rgb[1], rgb[0])
        if len(pts) > 1:
            cv2.polylines(img, [pts.reshape(-1, 1, 2)], False, colour, 3, cv2.LINE_AA)
        cv2.circle(img, (int(pts[0][0]), int(pts[0][1])), 6, colour, 2, cv2.LINE_AA)
        cv2.circle(img, (int(pts[-1][0]), int(pts[-1][1])), 6, colour, -1, cv2.LINE_AA)
        legend.append(
            (
                QCoreApplication.translate(
                    "CasePdf", "{0}: route from the order (ring) to arrival (dot)"
                ).format(guard_text(district, guard_id)),
                rgb,
            )
        )
    centre = raster.px(maker.proj.to_xy([case.lon], [case.lat]))[0]
    c = (int(centre[0]), int(centre[1]))
    bgr_incident = (INCIDENT[2], INCIDENT[1], INCIDENT[0])
    cv2.circle(img, c, max(2, round(case.radius_m * raster.scale)), bgr_incident, 2, cv2.LINE_AA)
    cv2.drawMarker(img, c, bgr_incident, cv2.MARKER_TILTED_CROSS, 22, 4, cv2.LINE_AA)
    legend.insert(
        0,
        (
            QCoreApplication.translate(
                "CasePdf", "Incident, with the {0:g} m circle searched for records"
            ).format(case.radius_m),
            INCIDENT,
        ),
    )
    bgr = np.ascontiguousarray(img)
    h, w = bgr.shape[:2]
    return QImage(bgr.data, w, h, 3 * w, QImage.Format.Format_BGR888).copy(), legend


def _image_op(rect: QRectF, img: QImage) -> Op:
    return lambda p: p.drawImage(rect, img)


def _caption_op(rect: QRectF, text: str, f: QFont) -> Op:
    def draw(p: QPainter) -> None:
        p.setFont(f)
        p.setPen(QColor(90, 90, 90))
        p.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text)

    return draw


class Layout:
    """Measures and places blocks top to bottom, page by page; painting happens afterwards, so the page
    count is known for the footer."""

    def __init__(self, device: QPaintDevice, page: QRectF, station: str) -> None:
        self.device = device
        self.page = page
        self.station = station
        self.top = 50.0
        self.bottom = page.height() - 40.0
        self.pages: list[list[Op]] = [[]]
        self.y = self.top

    def metrics(self, f: QFont) -> QFontMetricsF:
        return QFontMetricsF(f, self.device)

    def height_of(self, text: str, f: QFont, width: float) -> float:
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.metrics(f).boundingRect(QRectF(0, 0, max(1.0, width), 1e6), flags, text).height()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def room(self, h: float) -> None:
        """Start a new page unless `h` fits below the cursor (a block taller than a page gets its own)."""
        if self.y + h > self.bottom and self.y > self.top:
            self.new_page()

    def op(self, fn: Op) -> None:
        self.pages[-1].append(fn)

    def text(self, text: str, f: QFont, *, gap: float = 6.0, colour: QColor | None = None) -> None:
        w = self.page.width()
        h = self.height_of(text, f, w)
        self.room(h)
        rect = QRectF(0, self.y, w, h)
        pen = colour or QColor(0, 0, 0)

        def draw(p: QPainter) -> None:
            p.setFont(f)
            p.setPen(pen)
            p.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)

        self.op(draw)
        self.y += h + gap

    def table(self, table: Table, widths: list[float], *, heading: QFont | None = None) -> None:
        """A table whose rows wrap inside their cells; the header repeats on every page it spans."""
        w = self.page.width()
        body, bold = font(8), font(8, True)
        pad = 4.0
        xs = [sum(widths[:k]) * w for k in range(len(widths))]
        cols = [f * w - 2 * pad for f in widths]

        def row_height(cells: list[str], f: QFont) -> float:
            return max(self.height_of(c, f, cw) for c, cw in zip(cells, cols, strict=True)) + 2 * pad

        def put_row(cells: list[str], f: QFont, shade: bool) -> None:
            h = row_height(cells, f)
            if self.y + h > self.bottom:
                self.new_page()
                put_header()
            y = self.y

            def draw(p: QPainter) -> None:
                if shade:
                    p.fillRect(QRectF(0, y, w, h), QColor(235, 238, 242))
                p.setPen(QPen(QColor(190, 190, 190), 1))
                p.drawLine(QPointF(0, y + h), QPointF(w, y + h))
                p.setFont(f)
                p.setPen(QColor(0, 0, 0))
                for x, cw, c in zip(xs, cols, cells, strict=True):
                    p.drawText(QRectF(x + pad, y + pad, cw, h), int(Qt.TextFlag.TextWordWrap), c)

            self.op(draw)
            self.y += h

        def put_header() -> None:
            put_row(table.header, bold, True)

        title_font = heading or font(10, True)
        first = row_height(table.rows[0], body) if table.rows else 0.0
        self.room(self.height_of(table.title, title_font, w) + row_height(table.header, bold) + first + 8)
        self.text(table.title, title_font, gap=4)
        put_header()
        for cells in table.rows:
            put_row(cells, body, False)
        self.y += 12
        if table.pictures:
            self.pictures(table.pictures)

    def pictures(self, pictures: list[tuple[str, str]]) -> None:
        """Snapshots as rows of thumbnails, each with its caption (the time) under it; missing files are
        skipped."""
        small = font(7)
        cap_h = self.metrics(small).height() + 2
        row_h = THUMB_H + cap_h
        x = 0.0
        self.room(row_h)
        for path, caption in pictures:
            img = QImage(path)
            if img.isNull():
                continue
            tw = THUMB_H * img.width() / max(1, img.height())
            if x + tw > self.page.width():
                self.y += row_h + 6
                x = 0.0
                self.room(row_h)
            rect = QRectF(x, self.y, tw, THUMB_H)
            thumb = img.scaledToHeight(int(THUMB_H * 2), Qt.TransformationMode.SmoothTransformation)
            self.op(_image_op(rect, thumb))
            self.op(_caption_op(QRectF(x, self.y + THUMB_H + 1, tw, cap_h), caption, small))
            x += tw + 6
        self.y += row_h + 10

    def image(self, img: QImage, width: float) -> None:
        h = width * img.height() / max(1, img.width())
        self.room(h)
        rect = QRectF(0, self.y, width, h)
        self.op(lambda p: p.drawImage(rect, img))
        self.y += h + 8

    def paint(self, writer: QPdfWriter, p: QPainter) -> None:
        total = len(self.pages)
        w = self.page.width()
        for k, ops in enumerate(self.pages):
            if k:
                writer.newPage()
            p.setFont(font(7))
            p.setPen(QColor(90, 90, 90))
            p.drawText(
                QRectF(0, 0, w, 30),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                self.station,
            )
            p.setPen(QPen(QColor(160, 0, 0), 2))
            p.drawLine(QPointF(0, 36), QPointF(w, 36))
            footer = QCoreApplication.translate("CasePdf", "Page {0} of {1}").format(k + 1, total)
            p.setPen(QColor(90, 90, 90))
            p.setFont(font(7))
            p.drawText(
                QRectF(0, self.page.height() - 28, w, 28),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                footer,
            )
            for op in ops:
                op(p)


def lay_out(
    layout: Layout, report: Report, snapshot: QImage, legend: list[tuple[str, tuple[int, int, int]]]
) -> None:
    w = layout.page.width()
    layout.text(report.title, font(16, True), gap=10)
    facts = Table(
        QCoreApplication.translate("CasePdf", "Summary"),
        [QCoreApplication.translate("CasePdf", "Item"), QCoreApplication.translate("CasePdf", "Details")],
        [[k, v] for k, v in report.facts],
    )
    layout.table(facts, [0.22, 0.78])
    if report.snapshot:
        layout.text(
            QCoreApplication.translate("CasePdf", "Camera snapshot at the alert"), font(10, True), gap=4
        )
        layout.pictures([(report.snapshot, "")])
    layout.table(report.course, [0.24, 0.26, 0.18, 0.32])
    legend_h = sum(layout.height_of("■ " + label, font(8), w) + 2 for label, _ in legend)
    title_h = (
        layout.height_of(
            QCoreApplication.translate("CasePdf", "Map at the time of the alert"), font(10, True), w
        )
        + 4
    )
    free = layout.bottom - layout.y - title_h - legend_h - 20
    width = min(w, free * snapshot.width() / max(1, snapshot.height()))
    if width < 0.6 * w:  # too small to read here: the map gets the top of the next page
        layout.new_page()
        width = w
    layout.text(QCoreApplication.translate("CasePdf", "Map at the time of the alert"), font(10, True), gap=4)
    layout.image(snapshot, width)
    for label, rgb in legend:
        layout.text("■ " + label, font(8), gap=2, colour=QColor(*rgb))
    layout.y += 10
    layout.new_page()
    layout.text(QCoreApplication.translate("CasePdf", "Evidence appendix"), font(12, True), gap=4)
    if report.left_out:
        layout.text(
            QCoreApplication.translate(
                "CasePdf", "{0} heartbeats and routine position fixes are not listed (--all includes them)."
            ).format(report.left_out),
            font(8),
            colour=QColor(90, 90, 90),
        )
    if not report.appendix:
        layout.text(
            QCoreApplication.translate("CasePdf", "No device records near the incident in the case window."),
            font(9),
        )
    for table in report.appendix:
        layout.table(table, [0.24, 0.2, 0.56], heading=font(9, True))
    layout.text(
        QCoreApplication.translate("CasePdf", "System record: {0}").format(report.record),
        font(7),
        colour=QColor(120, 120, 120),
    )


def write_case_pdf(
    db: Db, district: District, case: CaseFile, out: Path, *, include_all: bool = False
) -> int:
    """Write the PDF; returns its page count."""
    ensure_gui_app()
    create_private(out)  # Qt keeps an existing file's mode: the case file is 0600 from the start
    report = case_report(district, case, include_all=include_all)
    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(15, 12, 15, 12)
        )
    )
    writer.setTitle(report.title)
    writer.setCreator("Digital Sandbox")
    snapshot, legend = map_snapshot(db, district, case, (1600, 1100))
    painter = QPainter(writer)
    try:
        layout = Layout(writer, QRectF(painter.viewport()), report.station)
        lay_out(layout, report, snapshot, legend)
        layout.paint(writer, painter)
    finally:
        painter.end()
    return len(layout.pages)
