"""The wall screen's building blocks: its dark theme, type sizes, one-line labels and figure tiles.

Type is sized for a 1080-line wall and scales with the window (a 4K wall gets twice the pixels). Every
text sits in a `FitLabel`: it shrinks to fit its box (never below the legible minimum), then, where it may
take two lines, wraps between words (never "跌倒检 / 测"), else shows a shorter whole form it was given
("crit. 3"); "…" is the last resort, and the wall's fit test fails on it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from sandbox_app.domain.enums import Severity

BASE_W, BASE_H = 1920, 1080
"""The wall the sizes below are for; larger walls scale them up."""
BODY_PX = 40
"""Body text: CJK glyphs ~36 px, digits ~29 px tall on a 1080-line wall, readable from about 5 m."""
MIN_BODY_PX = 40
"""What a body text may shrink to when its box is narrow (digits stay over 28 px)."""
KPI_PX = 76
"""Key figures: digits ~55 px tall."""
MIN_KPI_PX = 68
TITLE_PX = 50
CLOCK_PX = 64
FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Sans Serif"]
"""A CJK face first: narrower digits than DejaVu (five-digit figures fit a tile) and one look throughout."""
LEFT_W, RIGHT_W = 530, 520
"""Side columns' widths at 1080p; the 3D sandbox takes the rest (about half the width)."""
BACKGROUND = "#07121f"
PANEL = "#0e2236"
TEXT = QColor(232, 241, 255)
MUTED = QColor(150, 182, 214)
ACCENT = QColor(79, 195, 247)
FLAG = QColor(255, 82, 82)
LEVEL_COLOURS = {
    Severity.CRITICAL: QColor(229, 57, 53),
    Severity.HIGH: QColor(251, 140, 0),
    Severity.MEDIUM: QColor(253, 216, 53),
    Severity.LOW: QColor(66, 165, 245),
    Severity.NOTICE: QColor(120, 144, 156),
}
MAP_LABEL_RGBA = (20, 30, 45, 255)
"""The compound named on the 2D map: dark on the map's light ground."""
MAP_CAPTION_FILL = (255, 255, 255, 210)
LEVELS = (Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)
"""The levels the wall counts (a notice is a follow-up, not an alert waiting for someone)."""
STYLE = f"""
QWidget#wall_screen {{ background: {BACKGROUND}; }}
QFrame#wall_header {{ background: #0a1d31; border-bottom: 3px solid {ACCENT.name()}; }}
QFrame#wall_tile, QFrame#wall_roster, QFrame#wall_tour {{ background: {PANEL}; border-radius: 8px; }}
QFrame#wall_focus {{ background: #3a0d0d; border: 4px solid {FLAG.name()}; border-radius: 8px; }}
QFrame#wall_flags {{ background: #2a0b0b; border: 3px solid {FLAG.name()}; border-radius: 8px; }}
QFrame#wall_camera {{ background: #000000; border: 3px solid {FLAG.name()}; }}
QLabel#wall_camera_label {{ color: white; font-size: {BODY_PX}px; }}
QLabel#pane_3d {{ background: #0b1b2c; color: {MUTED.name()}; font-size: {BODY_PX}px; }}
"""


def _breaks(text: str) -> list[tuple[int, bool]]:
    """Where a line may end, and whether that is a strong break: after a space or a separator ("·", "】",
    "]", "，"), or before a number after Chinese ("…小学 / 1号楼"); a weak one between two Chinese
    characters. Never inside a Latin word or a number."""
    out = []
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        separated = after != " " and (before == " " or before in "·】]）)，、：:")
        numbered = _cjk(before) and after.isdigit()  # a compound's name, then its building's number
        if separated or numbered:
            out.append((i, True))
        elif _cjk(before) and (_cjk(after) or after in "【["):
            out.append((i, False))
    return out


def _cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


class FitLabel(QLabel):
    """A text that shrinks to fit its width (down to `min_px`); with `lines` > 1 it then wraps between
    words (or between Chinese characters, after a separator first), else takes a shorter whole form, and only
    past all that ends in "…".

    A QLabel (its `text()` and `font()` are what it shows) that paints itself. Sizes are at 1080p;
    `set_scale` multiplies them for the wall's actual size."""

    def __init__(
        self,
        px: int = BODY_PX,
        *,
        min_px: int | None = None,
        colour: QColor = TEXT,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        lines: int = 1,
        forms_first: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.max_lines = lines
        """How many lines the text may take before a shorter form (or "…") is used."""
        self.forms_first = forms_first
        """Try every shorter form on one line before wrapping (a list that keeps its height)."""
        self.base_px = px
        self.base_min_px = min_px if min_px is not None else min(px, MIN_BODY_PX)
        self.colour = colour
        self.bold = bold
        self.align = align
        self.scale = 1.0
        self._text = ""
        self._shorter: tuple[str, ...] = ()
        self.suffix = ""
        """A unit drawn after the text in body type ("%"), on the same baseline."""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._apply()

    def setText(self, text: str, *shorter: str) -> None:
        """`shorter`: whole-word fallbacks, tried in turn when `text` does not fit even at the smallest
        size (a rule without its compound rather than the compound cut in half)."""
        if text != self._text or shorter != self._shorter:
            self._text, self._shorter = text, shorter
            super().setText(text)
            self._fit_height()
            self.update()

    def forms(self) -> tuple[str, ...]:
        """The text and its whole shorter forms, longest first."""
        return (self._text, *self._shorter)

    def wrapped(self) -> list[str]:
        """The lines as drawn (each keeps its trailing space, so whole lines join back to the text)."""
        return self._layout()[0]

    def _layout(self) -> tuple[list[str], int]:
        """The lines and their pixel size: the text on one line (shrunk down to the smallest size), else
        wrapped in `max_lines` at full size, then at the smallest; the same for each shorter form in turn;
        one line (shrunk, at worst elided) when none fits."""
        if self.max_lines > 1:
            top, low = round(self.base_px * self.scale), round(self.base_min_px * self.scale)
            room = self._room()
            if self.forms_first and QFontMetrics(self._font(low)).horizontalAdvance(self._chosen()) <= room:
                return [self._chosen()], self.shown_px()
            for text in self.forms():
                if QFontMetrics(self._font(low)).horizontalAdvance(text) <= room:
                    px = top
                    while px > low and QFontMetrics(self._font(px)).horizontalAdvance(text) > room:
                        px -= 1
                    return [text], px
                for size in (top, low):
                    lines = self._wrap(text, QFontMetrics(self._font(size)))
                    if len(lines) <= self.max_lines:
                        return lines, size
        return [self.shown_text()], self.shown_px()

    def _wrap(self, text: str, metrics: QFontMetrics) -> list[str]:
        """Greedy: each line as long as fits, ended only where `_breaks` allows."""
        room = self._room()
        lines: list[str] = []
        start = 0
        while metrics.horizontalAdvance(text[start:].rstrip()) > room:
            fitting = [
                (b, strong)
                for b, strong in _breaks(text)
                if b > start and metrics.horizontalAdvance(text[start:b].rstrip()) <= room
            ]
            if not fitting:
                return [text] * (self.max_lines + 1)  # a word wider than the line: not wrappable
            # a space or separator rather than between two characters of one Chinese word ("跌倒检 / 测")
            strong = [b for b, is_strong in fitting if is_strong]
            end = strong[-1] if strong else fitting[-1][0]
            lines.append(text[start:end])
            start = end
        return [*lines, text[start:]]

    def line_px(self) -> int:
        """The pixel size of the drawn lines."""
        return self._layout()[1]

    def _fit_height(self) -> None:
        lines = len(self.wrapped()) if self.max_lines > 1 else 1
        height = round(self.base_px * self.scale * 1.4) * lines
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.max_lines > 1:
            self._fit_height()

    def _chosen(self) -> str:
        """The longest of the text and its fallbacks that fits whole at the smallest size."""
        metrics = QFontMetrics(self._font(round(self.base_min_px * self.scale)))
        room = self._room()
        for text in (self._text, *self._shorter):
            if metrics.horizontalAdvance(text) <= room:
                return text
        return self._shorter[-1] if self._shorter else self._text

    def set_suffix(self, suffix: str) -> None:
        if suffix != self.suffix:
            self.suffix = suffix
            self.update()

    def _suffix_font(self) -> QFont:
        font = QFont(self.font())
        font.setFamilies(FONT_FAMILIES)
        font.setPixelSize(max(1, round(BODY_PX * self.scale)))
        return font

    def full_width(self) -> int:
        """Pixels the whole text needs at the smallest size it may shrink to (a column sized to this
        never cuts it)."""
        return QFontMetrics(self._font(round(self.base_min_px * self.scale))).horizontalAdvance(self._text)

    def least_width(self) -> int:
        """Pixels the shortest whole form (the last fallback, else the text) needs at the smallest size."""
        text = self._shorter[-1] if self._shorter else self._text
        return QFontMetrics(self._font(round(self.base_min_px * self.scale))).horizontalAdvance(text)

    def _room(self) -> int:
        """Width left for the text once the suffix (and a small gap) has its place."""
        if not self.suffix:
            return max(1, self.width())
        suffix = QFontMetrics(self._suffix_font()).horizontalAdvance(self.suffix)
        return max(1, self.width() - suffix - round(8 * self.scale))

    def set_colour(self, colour: QColor) -> None:
        self.colour = colour
        self.update()

    def set_scale(self, scale: float) -> None:
        if scale != self.scale:
            self.scale = scale
            self._apply()

    def _font(self, px: int) -> QFont:
        font = QFont(self.font())
        font.setFamilies(FONT_FAMILIES)
        font.setPixelSize(max(1, px))
        font.setBold(self.bold)
        return font

    def _apply(self) -> None:
        self.setFont(self._font(round(self.base_px * self.scale)))
        self.setFixedHeight(round(self.base_px * self.scale * 1.4))
        if self.max_lines > 1:
            self._fit_height()
        self.updateGeometry()
        self.update()

    def shown_px(self) -> int:
        """The pixel size the text is drawn at in the current width."""
        top, low = round(self.base_px * self.scale), round(self.base_min_px * self.scale)
        width = self._room()
        text = self._chosen()
        px = top
        while px > low and QFontMetrics(self._font(px)).horizontalAdvance(text) > width:
            px -= 1
        return px

    def shown_text(self) -> str:
        """The text as drawn: whole (or its longest whole fallback), cut short with "…" only when even
        the shortest does not fit at the smallest size."""
        metrics = QFontMetrics(self._font(self.shown_px()))
        text = self._chosen()
        if metrics.horizontalAdvance(text) <= self._room():
            return text  # (elidedText is stricter than the advance by a pixel or two)
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, self._room())

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self._font(round(self.base_px * self.scale)))
        return QSize(metrics.horizontalAdvance(self._text), self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.height())  # shrinks (then elides) rather than widening its column

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        lines = self.wrapped()
        if len(lines) > 1:
            self._paint_lines(painter, lines)
            return
        font = self._font(self.shown_px())
        painter.setFont(font)
        painter.setPen(self.colour)
        text = self.shown_text()
        if not self.suffix:
            flags = int(self.align | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(QRect(0, 0, self.width(), self.height()), flags, text)
        else:  # left-aligned text, then the unit on its baseline
            metrics = QFontMetrics(font)
            baseline = (self.height() + metrics.ascent() - metrics.descent()) // 2
            painter.drawText(0, baseline, text)
            painter.setFont(self._suffix_font())
            painter.setPen(MUTED)
            x = metrics.horizontalAdvance(text) + round(8 * self.scale)
            painter.drawText(x, baseline, self.suffix)
        painter.end()

    def _paint_lines(self, painter: QPainter, lines: list[str]) -> None:
        """A wrapped text: one line a row, the suffix (if any) after the first line."""
        font = self._font(self.line_px())
        painter.setFont(font)
        painter.setPen(self.colour)
        step = round(self.base_px * self.scale * 1.4)
        flags = int(self.align | Qt.AlignmentFlag.AlignVCenter)
        for i, line in enumerate(lines):
            painter.drawText(QRect(0, i * step, self._room(), step), flags, line.rstrip())
        if self.suffix:
            metrics = QFontMetrics(font)
            baseline = (step + metrics.ascent() - metrics.descent()) // 2
            painter.setFont(self._suffix_font())
            painter.setPen(MUTED)
            painter.drawText(self._room() + round(8 * self.scale), baseline, self.suffix)
        painter.end()


def frame(name: str, parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    box = QFrame(parent)
    box.setObjectName(name)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(16, 8, 16, 8)
    layout.setSpacing(2)
    return box, layout


class KpiTile(QFrame):
    """A caption over a large figure (its unit, if any, in body type after it)."""

    def __init__(self, parent: QWidget | None = None, colour: QColor = TEXT) -> None:
        super().__init__(parent)
        self.setObjectName("wall_tile")
        self.caption = FitLabel(BODY_PX, colour=MUTED, parent=self)
        self.value = FitLabel(KPI_PX, min_px=MIN_KPI_PX, colour=colour, bold=True, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set_value(self, value: str, unit: str = "") -> None:
        self.value.setText(value)
        self.value.set_suffix(unit)
