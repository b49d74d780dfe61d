"""The map legend: every layer's colours and symbols, read from `layers/style.py` (never restated here).

One painted widget: a header per layer, its swatches flowing in rows underneath. Hidden layers drop out of
it (`set_layer_shown`), so what the legend lists is what the map shows.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from layers import style
from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.enums import GuardRole, RoomUsage, Severity
from widgets.render2d import qcolor
from widgets.texts import guard_role_text, room_usage_text, severity_text

SWATCH = 13
ROW = 17
GAP = 10
WIDTH = 360
LEFT_MIDDLE = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft


@dataclass(frozen=True, slots=True)
class Entry:
    layer: str
    title: str
    shape: str
    """"fill" (a square), "outline" (a square's thick border), "line", "road" (a line in its casing),
    "device" (a device marker: `fill` inside an outline of `rgba`), or a pyqtgraph symbol name."""
    rgba: style.RGBA
    fill: style.RGBA | None = None


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_legend")
        self.hidden_layers: set[str] = set()
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
        self.setFont(font)

    def layer_titles(self) -> dict[str, str]:
        return {
            "alerts": self.tr("Alerts"),
            "dispatch": self.tr("Dispatch routes"),
            "guards": self.tr("Guards"),
            "devices": self.tr("Devices"),
            "gates": self.tr("Gates"),
            "heat": self.tr("Risk heat"),
            "coverage": self.tr("Coverage gaps"),
            "buildings": self.tr("Buildings"),
            "roads": self.tr("Roads"),
            "areas": self.tr("Water & green"),
            "compounds": self.tr("Compounds"),
        }

    def all_entries(self) -> list[Entry]:
        sev = {v: severity_text(v) for v in Severity}
        roles = {v: guard_role_text(v) for v in GuardRole}
        usages = {v: room_usage_text(v) for v in RoomUsage}
        routes = {
            DispatchState.ISSUED: self.tr("issued"),
            DispatchState.ESCALATED: self.tr("escalated"),
            DispatchState.ACCEPTED: self.tr("on the way"),
            DispatchState.ON_SCENE: self.tr("on scene"),
        }
        health = {"online": self.tr("online"), "offline": self.tr("offline"), "flagged": self.tr("flagged")}
        out = [Entry("alerts", sev[s], "o", style.SEVERITY[s].rgba) for s in Severity]
        out += [Entry("dispatch", routes[s], "line", c.rgba) for s, c in style.DISPATCH_ROUTE.items()]
        out.append(Entry("dispatch", self.tr("incident"), style.INCIDENT.symbol, style.INCIDENT.rgba))
        out += [Entry("guards", roles[r], "star", style.GUARD_ROLE[r].rgba) for r in GuardRole]
        out.append(
            Entry("guards", self.tr("trail"), "line", (*style.GUARD_ROLE[GuardRole.GRID].rgba[:3], 140))
        )
        sample = style.DEVICE_KINDS_STYLE["camera"].rgba
        for state, title in health.items():
            fill = style.DEVICE_OFFLINE_FILL if state == "offline" else sample
            out.append(Entry("devices", title, "device", style.DEVICE_HEALTH_EDGE[state], fill))
        out.append(Entry("gates", self.tr("gate"), style.GATE.symbol, style.GATE.rgba))
        out.append(Entry("heat", self.tr("risk 0–100"), "fill", style.heat_colour(60)))
        out.append(Entry("coverage", self.tr("beyond reach"), "line", style.COVERAGE_GAP.rgba))
        out += [Entry("buildings", usages[u], "fill", style.ROOM_USAGE[u]) for u in style.USAGE_PRIORITY]
        out.append(Entry("buildings", self.tr("elderly living alone"), "outline", style.ELDERLY_HOUSEHOLD))
        out.append(Entry("buildings", self.tr("key person"), "outline", style.KEY_PERSON))
        mark = style.GROUP_RENTAL_MARK
        out.append(Entry("buildings", self.tr("has a group rental"), mark.symbol, mark.rgba))
        for kind, title in (("primary", self.tr("main road")), ("residential", self.tr("street"))):
            out.append(Entry("roads", title, "road", style.road_style(kind).rgba))
        out.append(Entry("roads", self.tr("footway"), "line", style.road_style("footway").rgba))
        for kind, title in (("water", self.tr("water")), ("green", self.tr("green space"))):
            out.append(Entry("areas", title, "fill", style.AREA_FILL[kind]))
        out.append(Entry("compounds", self.tr("compound"), "fill", style.COMPOUND_FILL))
        return out

    def entries(self) -> list[Entry]:
        """What the legend shows now: the entries of the layers not hidden."""
        return [e for e in self.all_entries() if e.layer not in self.hidden_layers]

    def layers(self) -> list[str]:
        return list(dict.fromkeys(e.layer for e in self.entries()))

    def set_layer_shown(self, layer: str, shown: bool) -> None:
        (self.hidden_layers.discard if shown else self.hidden_layers.add)(layer)
        self.adjustSize()
        self.update()

    # layout and painting ------------------------------------------------------------------------------
    def _layout(self) -> tuple[list[tuple[QRect, str]], list[tuple[QRect, Entry]], int]:
        """(header rects, entry rects, total height) for the fixed width."""
        metrics = QFontMetrics(self.font())
        headers: list[tuple[QRect, str]] = []
        cells: list[tuple[QRect, Entry]] = []
        y = 6
        titles = self.layer_titles()
        for layer in self.layers():
            headers.append((QRect(8, y, WIDTH - 16, ROW), titles.get(layer, layer)))
            y += ROW
            x = 16
            for entry in (e for e in self.entries() if e.layer == layer):
                w = SWATCH + 4 + metrics.horizontalAdvance(entry.title) + GAP
                if x + w > WIDTH - 8 and x > 16:
                    x, y = 16, y + ROW
                cells.append((QRect(x, y, w, ROW), entry))
                x += w
            y += ROW + 2
        return headers, cells, y + 4

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, self._layout()[2])

    def swatch_rect(self, entry: Entry) -> QRect:
        """Where `entry`'s swatch is drawn (for tests)."""
        for rect, found in self._layout()[1]:
            if found == entry:
                return QRect(rect.x(), rect.y() + (ROW - SWATCH) // 2, SWATCH, SWATCH)
        raise KeyError(entry)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), qcolor((255, 255, 255, 225)))
        painter.setPen(QPen(qcolor((120, 120, 120, 255))))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        headers, cells, _ = self._layout()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for rect, text in headers:
            painter.setPen(qcolor((30, 30, 30, 255)))
            painter.drawText(rect, LEFT_MIDDLE, text)
        painter.setFont(self.font())
        for rect, entry in cells:
            self._swatch(painter, self.swatch_rect(entry), entry)
            painter.setPen(qcolor((30, 30, 30, 255)))
            text_rect = rect.adjusted(SWATCH + 4, 0, 0, 0)
            painter.drawText(
                text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, entry.title
            )
        painter.end()

    def _swatch(self, painter: QPainter, box: QRect, entry: Entry) -> None:
        colour = qcolor(entry.rgba)
        painter.save()
        if entry.shape == "fill":
            painter.setPen(QPen(qcolor(style.BUILDING_EDGE), 1.0))
            painter.setBrush(QBrush(colour))
            painter.drawRect(box)
        elif entry.shape == "outline":
            painter.setPen(QPen(colour, 3.0))
            painter.setBrush(QBrush(qcolor((230, 230, 230, 255))))
            painter.drawRect(box.adjusted(1, 1, -1, -1))
        elif entry.shape in ("line", "road"):
            mid = box.center().y()
            if entry.shape == "road":
                painter.setPen(QPen(qcolor(style.ROAD_CASING), 6.0))
                painter.drawLine(box.left(), mid, box.right(), mid)
            painter.setPen(QPen(colour, 4.0))
            painter.drawLine(box.left(), mid, box.right(), mid)
        elif entry.shape == "device":
            painter.setPen(
                QPen(qcolor(style.BUILDING_EDGE) if entry.rgba[:3] == (255, 255, 255) else colour, 2.0)
            )
            painter.setBrush(QBrush(qcolor(entry.fill or entry.rgba)))
            painter.drawEllipse(QRectF(box).adjusted(2, 2, -2, -2))
        else:
            painter.translate(QRectF(box).center())
            painter.scale(SWATCH, SWATCH)
            painter.setPen(QPen(qcolor((255, 255, 255, 230)), 0.08))
            painter.setBrush(QBrush(colour))
            painter.drawPath(pg.graphicsItems.ScatterPlotItem.Symbols[entry.shape])
        painter.restore()
