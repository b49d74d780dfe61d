"""The wall screen's layout: a dark command-centre view legible from 5 m.

A header across the top (district title, the engine's date and clock); key figures in large type on the
left; the 3D sandbox centre stage with the guards counted by role and state under it; on the right the
focus card (or the tour's compound), the alerts nobody has been sent to yet, the camera tile (only when
the camera gives a stream) and the 2D map for context. The director (`widgets.wall`) decides what is
shown; this module only lays it out and words it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QObject, Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sandbox_app.analytics.stats import GuardState
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import GuardRole, Severity
from sandbox_app.station.wall import LocalTime, Place, Population
from widgets.texts import guard_role_text, severity_text
from widgets.wall_parts import (
    ACCENT,
    BASE_H,
    BASE_W,
    BODY_PX,
    CLOCK_PX,
    FLAG,
    FONT_FAMILIES,
    KPI_PX,
    LEFT_W,
    LEVEL_COLOURS,
    LEVELS,
    MIN_KPI_PX,
    MUTED,
    RIGHT_W,
    STYLE,
    TEXT,
    TITLE_PX,
    FitLabel,
    KpiTile,
    frame,
)

if TYPE_CHECKING:
    from widgets.camera_tile import CameraTile
    from widgets.map2d import Map2D

ROSTER_GAP_PX = 6
"""Gap between the roster's columns at 1080p, so neighbouring heads never read as one."""
MAX_FLAGS = 2
"""Unattended alerts listed by name; more are counted."""


class WallScreen(QWidget):
    """The wall's central widget; takes the window's 2D map and 3D pane into its layout and hides the
    desk's docks. It is given those parts, not the concrete main window (no wall ↔ main_window cycle)."""

    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        camera: CameraTile,
        map2d: Map2D,
        pane_3d: QWidget,
        docks: Sequence[QDockWidget],
    ) -> None:
        super().__init__(window)
        self.map2d = map2d
        self.pane_3d = pane_3d
        self.scale = 1.0
        self.trend: QObject | None = None
        """What refreshes the trend lines once a store is attached (`widgets.wall_trend.WallTrend`)."""
        self._margins: dict[int, QMargins] = {}
        """Each panel's margins at 1080p, scaled with the type."""
        self.setObjectName("wall_screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self._strip_desk(window, splitter, docks)
        map2d.set_legend_visible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        outer.addWidget(self._header())
        body = QHBoxLayout()
        body.setContentsMargins(12, 0, 12, 12)
        body.setSpacing(12)
        outer.addLayout(body, 1)
        self.left = self._figures_column()
        body.addWidget(self.left)
        centre = QVBoxLayout()
        centre.setSpacing(10)
        pane_3d.setParent(self)
        centre.addWidget(pane_3d, 1)
        centre.addWidget(self._roster_box())
        body.addLayout(centre, 1)
        self.camera = camera
        self.right = self._focus_column()
        body.addWidget(self.right)
        self.set_scale(1.0)
        window.setCentralWidget(self)

    @staticmethod
    def _strip_desk(window: QMainWindow, splitter: QSplitter, docks: Sequence[QDockWidget]) -> None:
        """No menus, status bar, cursor or docks: the wall only displays (names masked, nothing to click)."""
        window.setStyleSheet("")
        window.menuBar().hide()
        window.statusBar().hide()
        window.setCursor(Qt.CursorShape.BlankCursor)
        for dock in docks:
            dock.hide()
            dock.toggleViewAction().setEnabled(False)
        window.takeCentralWidget()  # the desk's splitter keeps the (unused) layer list out of sight
        splitter.setParent(window)
        splitter.hide()

    # building -------------------------------------------------------------------------------------------
    def _header(self) -> QFrame:
        header = QFrame(self)
        header.setObjectName("wall_header")
        row = QHBoxLayout(header)
        row.setContentsMargins(24, 4, 24, 4)
        self.title = FitLabel(TITLE_PX, bold=True, parent=header)
        self.date = FitLabel(BODY_PX, colour=MUTED, align=Qt.AlignmentFlag.AlignRight, parent=header)
        self.clock = FitLabel(CLOCK_PX, colour=ACCENT, bold=True, align=Qt.AlignmentFlag.AlignRight)
        row.addWidget(self.title, 3)
        row.addWidget(self.date, 2)
        row.addWidget(self.clock, 1)
        return header

    def _figures_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        alerts_box, alerts = frame("wall_tile", column)
        self.alerts_caption = FitLabel(BODY_PX, colour=MUTED, parent=alerts_box)
        self.alerts_caption.setText(self.tr("Open alerts"))
        alerts.addWidget(self.alerts_caption)
        row = QHBoxLayout()
        self.alerts_total = FitLabel(KPI_PX, min_px=MIN_KPI_PX, bold=True, parent=alerts_box)
        self.alerts_total.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        row.addWidget(self.alerts_total, 0)
        chips = QGridLayout()
        chips.setSpacing(0)
        chips.setHorizontalSpacing(14)  # "critical 3" and "high 12" never read as one
        self.level_chips: dict[Severity, FitLabel] = {}
        for i, level in enumerate(LEVELS):
            chip = FitLabel(BODY_PX, colour=LEVEL_COLOURS[level], bold=True, parent=alerts_box)
            chips.addWidget(chip, i // 2, i % 2)
            self.level_chips[level] = chip
        row.addLayout(chips, 1)
        alerts.addLayout(row)
        layout.addWidget(alerts_box)
        tiles = QGridLayout()
        tiles.setSpacing(10)
        names = ("on_duty", "dispatched", "online", "passes", "residents", "rentals", "elderly", "key")
        self.tiles = {name: KpiTile(column) for name in names}
        self.tiles["dispatched"].value.set_colour(ACCENT)
        captions = (
            self.tr("On duty"),
            self.tr("Dispatched"),
            self.tr("Online rate"),
            self.tr("Passes today"),
            self.tr("Residents"),
            self.tr("Rental rooms"),
            self.tr("Elderly alone"),
            self.tr("Key persons"),
        )
        for i, (name, caption) in enumerate(zip(names, captions, strict=True)):
            self.tiles[name].caption.setText(caption)
            tiles.addWidget(self.tiles[name], i // 2, i % 2)
        layout.addLayout(tiles)
        layout.addStretch(1)
        return column

    def _roster_box(self) -> QFrame:
        box, layout = frame("wall_roster", self)
        self.roster_caption = FitLabel(BODY_PX, colour=MUTED, parent=box)
        self.roster_caption.setText(self.tr("Patrol strength"))
        self.roster_grid = QGridLayout()
        self.roster_grid.addWidget(self.roster_caption, 0, 0)
        self.roster_grid.setHorizontalSpacing(ROSTER_GAP_PX)
        self.roster_grid.setVerticalSpacing(0)
        layout.addLayout(self.roster_grid)
        self.roster_cells: dict[tuple[int, int], FitLabel] = {}
        return box

    def _focus_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.tour_box, tour = frame("wall_tour", column)
        self.tour_caption = FitLabel(BODY_PX, colour=MUTED, parent=self.tour_box)
        self.tour_caption.setText(self.tr("Overview · touring"))
        self.tour_name = FitLabel(TITLE_PX, bold=True, parent=self.tour_box)
        # the station's trend (治理成效, `show_trend`) under the overview's name: body-sized lines, so the 3D
        # keeps the centre and the wall its 1080 px (tiles did not fit either)
        self.trend_alerts = FitLabel(BODY_PX, parent=self.tour_box)
        self.trend_change = FitLabel(BODY_PX, colour=MUTED, parent=self.tour_box)
        self.trend_quiet = FitLabel(BODY_PX, parent=self.tour_box)
        tour.addWidget(self.tour_caption)
        tour.addWidget(self.tour_name)
        for line in self.trend_lines():
            line.hide()  # until the first figures arrive
            tour.addWidget(line)
        layout.addWidget(self.tour_box)
        self.focus_card, card = frame("wall_focus", column)
        self.focus_level = FitLabel(TITLE_PX, bold=True, parent=self.focus_card)
        # the rule and the place may take two lines each: a long name wraps between words, never cut
        self.focus_rule = FitLabel(TITLE_PX, bold=True, lines=2, parent=self.focus_card)
        self.focus_compound = FitLabel(BODY_PX, lines=2, parent=self.focus_card)
        self.focus_building = FitLabel(BODY_PX, lines=2, parent=self.focus_card)
        self.focus_camera = FitLabel(BODY_PX, colour=MUTED, lines=2, parent=self.focus_card)
        self.focus_status = FitLabel(BODY_PX, bold=True, parent=self.focus_card)
        for label in self.focus_lines():
            card.addWidget(label)
        self.focus_card.hide()
        layout.addWidget(self.focus_card)
        self.flags_box, flags = frame("wall_flags", column)
        self.flags_title = FitLabel(BODY_PX, colour=FLAG, bold=True, parent=self.flags_box)
        flags.addWidget(self.flags_title)
        # each alert on two lines: level, rule and minutes waiting; under it, where (its compound)
        # the rule alone on one line before two lines: the list keeps its height where it can
        self.flag_lines = [
            FitLabel(BODY_PX, lines=2, forms_first=True, parent=self.flags_box) for _ in range(MAX_FLAGS + 1)
        ]
        self.flag_places = [FitLabel(BODY_PX, colour=MUTED, parent=self.flags_box) for _ in range(MAX_FLAGS)]
        for line, place in zip(self.flag_lines, self.flag_places, strict=False):
            flags.addWidget(line)
            flags.addWidget(place)
        flags.addWidget(self.flag_lines[-1])
        self.flags_box.hide()
        layout.addWidget(self.flags_box)
        self.camera.setParent(column)
        layout.addWidget(self.camera, 1)
        self.map2d.setParent(column)
        layout.addWidget(self.map2d, 2)
        return column

    def focus_lines(self) -> list[FitLabel]:
        return [
            self.focus_level,
            self.focus_rule,
            self.focus_compound,
            self.focus_building,
            self.focus_camera,
            self.focus_status,
        ]

    # scaling -----------------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        self.set_scale(max(0.5, min(size.width() / BASE_W, size.height() / BASE_H)))
        super().resizeEvent(event)

    def set_scale(self, scale: float) -> None:
        """Type and columns for the wall's size: 1.0 on a 1920×1080 wall, 2.0 on 3840×2160."""
        self.scale = scale
        for label in self.findChildren(FitLabel):
            label.set_scale(scale)
        self.left.setFixedWidth(round(LEFT_W * scale))
        self.right.setFixedWidth(round(RIGHT_W * scale))
        self.pane_3d.setStyleSheet(f"font-size: {round(BODY_PX * scale)}px;")
        self._size_roster()
        self.map2d.scene().setFont(self.map_font())  # the map's labels (guards' ETAs)
        for box in self.findChildren(QFrame):
            layout = box.layout()
            if box.objectName().startswith("wall_") and layout is not None:
                base = self._margins.setdefault(id(layout), layout.contentsMargins())
                layout.setContentsMargins(
                    *(round(m * scale) for m in (base.left(), base.top(), base.right(), base.bottom()))
                )

    def map_font(self) -> QFont:
        """The 2D map's caption: body size, bold."""
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPixelSize(round(BODY_PX * self.scale))
        font.setBold(True)
        return font

    # content -----------------------------------------------------------------------------------------------
    def show_title(self, district_name: str) -> None:
        self.title.setText(self.tr("Digital Sandbox · {0}").format(district_name) if district_name else "")

    def show_clock(self, now: LocalTime | None) -> None:
        """The engine's clock (a replayed or simulated feed shows its own time, not this machine's)."""
        if now is None:
            self.date.setText("")
            self.clock.setText("--:--:--")
            return
        weekdays = (
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        )
        date = self.tr("{year}-{month:02d}-{day:02d}").format(year=now.year, month=now.month, day=now.day)
        self.date.setText(f"{date} {weekdays[now.weekday]}")
        self.clock.setText(f"{now.hour:02d}:{now.minute:02d}:{now.second:02d}")

    def show_figures(
        self,
        by_level: dict[Severity, int],
        guards: dict[GuardState, int],
        online_pct: float,
        passes: int,
        people: Population,
    ) -> None:
        self.alerts_total.setText(str(sum(by_level[level] for level in LEVELS)))
        # the total as wide as its figure, the chips the rest; a chip too narrow for "critical 12" shows
        # the level's short form ("crit. 12"), never "critic…"
        self.alerts_total.setFixedWidth(self.alerts_total.sizeHint().width() + round(12 * self.scale))
        for level, chip in self.level_chips.items():
            count = by_level[level]
            chip.setText(f"{severity_text(level)} {count}", f"{self.level_short(level)} {count}")
        stale = guards[GuardState.STALE]
        sent = guards[GuardState.DISPATCHED] + guards[GuardState.ON_SCENE]
        tiles = self.tiles
        tiles["on_duty"].set_value(self.compact(sum(guards.values()) - stale))
        tiles["dispatched"].set_value(self.compact(sent))
        tiles["online"].set_value(f"{online_pct:.1f}", "%")
        tiles["passes"].set_value(self.compact(passes))
        tiles["residents"].set_value(self.compact(people.residents))
        tiles["rentals"].set_value(self.compact(people.rental_rooms))
        tiles["elderly"].set_value(self.compact(people.elderly_alone))
        tiles["key"].set_value(self.compact(people.key_persons))

    def show_trend(self, alerts: int, baseline: int, quiet: int, compounds: int) -> None:
        """This month so far against last month cut at the same day (`analytics.summary`, `wall_trend.py`),
        and the compounds without a case this month out of all of them."""
        if baseline:
            change = (alerts - baseline) / baseline
            arrow = "↑" if change > 0 else "↓" if change < 0 else "→"
            against = self.tr("vs last month {0}{1:.0%}").format(arrow, abs(change))
        else:
            against = self.tr("vs last month: none") if alerts else ""
        self.trend_alerts.setText(self.tr("Alerts this month {0}").format(self.compact(alerts)))
        self.trend_change.setText(against)
        self.trend_quiet.setText(
            self.tr("Compounds without a case {0} / {1}").format(quiet, compounds),
            self.tr("Quiet compounds {0} / {1}").format(quiet, compounds),
        )
        for line in self.trend_lines():
            line.setVisible(bool(line.text()))

    def level_short(self, level: Severity) -> str:
        """A level's short form for a narrow chip (Chinese levels are short already)."""
        short = {
            Severity.CRITICAL: self.tr("crit."),
            Severity.HIGH: self.tr("high"),
            Severity.MEDIUM: self.tr("med."),
            Severity.LOW: self.tr("low"),
        }
        return short.get(level, severity_text(level))

    def waited(self, minutes: int) -> str:
        """How long an alert has waited, short enough for a line's end: minutes, then hours, then days
        ("42681 分钟" pushed the rule it follows out of the line)."""
        if minutes < 60:
            return self.tr("{0} min").format(minutes)
        if minutes < 24 * 60:
            return self.tr("{0} h").format(minutes // 60)
        return self.tr("{0} d").format(minutes // (24 * 60))

    def trend_lines(self) -> list[FitLabel]:
        return [self.trend_alerts, self.trend_change, self.trend_quiet]

    def compact(self, n: int) -> str:
        """Up to five digits as they are; more in tens of thousands (万), which fit a tile in large type."""
        return str(n) if n < 100_000 else self.tr("{k:.0f}k").format(k=n / 1_000, wan=n / 10_000)

    def role_heads(self, role: GuardRole) -> tuple[str, ...]:
        """A role's column head on the wall, then shorter whole forms for a narrow column ("Aux." rather
        than "auxi…"); the widest that fits is shown (`FitLabel.setText`)."""
        heads = {
            GuardRole.POLICE: (self.tr("Police"), self.tr("Pol.")),
            GuardRole.AUXILIARY: (
                self.tr("Auxiliary police"),
                self.tr("Aux. police"),
                self.tr("Auxiliary"),
                self.tr("Aux."),
            ),
            GuardRole.GRID: (self.tr("Grid worker"), self.tr("Grid")),
            GuardRole.VOLUNTEER: (self.tr("Volunteer"), self.tr("Vol.")),
            GuardRole.SECURITY: (self.tr("Security guard"), self.tr("Security"), self.tr("Sec.")),
            GuardRole.PROPERTY: (self.tr("Property staff"), self.tr("Property"), self.tr("Prop.")),
        }
        return heads.get(role, (guard_role_text(role),))

    def show_roster(
        self, counts: dict[GuardRole, dict[GuardState, int]], state_text: dict[GuardState, str]
    ) -> None:
        """Guards as a small table of counts: states down, roles across (no names on the wall). The states'
        column is as wide as its longest word, the roles share the rest, each head whole."""
        roles = list(counts)
        columns: list[tuple[tuple[str, ...], Sequence[str]]] = [
            (self.role_heads(role), [str(counts[role][s]) for s in GuardState]) for role in roles
        ]
        # Capitalised like the wall's other captions (no-op in Chinese): "on scene" in lower case has no
        # letter taller than an x, too small from 5 m.
        heads = [state_text[s][:1].upper() + state_text[s][1:] for s in GuardState]
        wanted = {(r, c) for r in range(len(heads) + 1) for c in range(len(columns) + 1)} - {(0, 0)}
        for key in list(self.roster_cells):
            if key not in wanted:
                self.roster_cells.pop(key).deleteLater()
        cells: dict[tuple[int, int], tuple[str, ...]] = {(r + 1, 0): (head,) for r, head in enumerate(heads)}
        for c, (role, numbers) in enumerate(columns, start=1):
            cells[(0, c)] = role
            cells.update({(r + 1, c): (n,) for r, n in enumerate(numbers)})
        for (r, c), text in cells.items():
            label = self.roster_cells.get((r, c))
            if label is None:
                align = Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignHCenter
                colour = MUTED if r == 0 or c == 0 else TEXT
                label = FitLabel(BODY_PX, colour=colour, bold=r > 0 and c > 0, align=align)
                label.set_scale(self.scale)
                self.roster_grid.addWidget(label, r, c)
                self.roster_cells[(r, c)] = label
            label.setText(*text)
        self._size_roster()

    def _size_roster(self) -> None:
        """The first column (caption and state names) exactly as wide as its longest text, no stretch; each
        role's column at least as wide as the shortest form of its head, the rest shared out evenly, so
        every head shows whole, in full wherever there is room."""
        grid = self.roster_grid
        first = [self.roster_caption, *(label for (_, c), label in self.roster_cells.items() if c == 0)]
        grid.setColumnStretch(0, 0)
        grid.setColumnMinimumWidth(0, max(label.full_width() for label in first) + 2)
        for c in range(1, grid.columnCount()):
            column = [label for (_, col), label in self.roster_cells.items() if col == c]
            grid.setColumnMinimumWidth(c, max((label.least_width() for label in column), default=0))
            grid.setColumnStretch(c, 1 if column else 0)
        grid.setHorizontalSpacing(round(ROSTER_GAP_PX * self.scale))

    def show_tour(self, compound_name: str) -> None:
        self.focus_card.hide()
        self.tour_box.show()
        self.tour_name.setText(compound_name)

    def show_focus(
        self,
        alert: Alert,
        rule: str,
        place: Place,
        camera: str,
        time_text: str,
        where: str = "",
        about: str = "",
    ) -> None:
        """The focused alert, one fact a line, each line whole. `where`: its subject in words
        (`widgets.alert_place.subject_text`), shown where the district knows no compound or building: an
        alert about another alert reads "place · kind", never that alert's id. `about`: that other alert's
        kind, after the rule ("物业超时未处置 · 人员跌倒报警"), the rule alone where both do not fit."""
        self.tour_box.hide()
        level = severity_text(alert.severity)
        self.focus_level.setText(self.tr("[{0}] alert · {1}").format(level, time_text))
        self.focus_level.set_colour(LEVEL_COLOURS[alert.severity])
        self.focus_rule.setText(f"{rule} · {about}", rule) if about else self.focus_rule.setText(rule)
        if alert.subject_type in ("alert", "incident") and alert.subject in where:
            where = ""  # no words found for it: an id is no place for a person to read
        compound = place.compound or where
        # a building named after its compound ("XX小学1号楼") without the compound the line above names
        named = place.building.removeprefix(place.compound).strip() if place.compound else place.building
        building = " ".join(p for p in (named or place.building, place.room) if p)
        if not building and alert.subject_type == "device":
            building = place.subject  # the device's name
        if not building and where != compound:
            building = where.removeprefix(compound).strip() if compound else where
        self.focus_compound.setText(compound)
        self.focus_building.setText(building)
        self.focus_compound.setVisible(bool(compound))
        self.focus_building.setVisible(bool(building))
        self.focus_camera.setText(self.tr("Camera: {0}").format(camera) if camera else "", camera)
        self.focus_camera.setVisible(bool(camera))
        self.focus_card.show()

    def show_focus_status(self, alert: Alert, waiting: bool, handled: bool, minutes: int) -> None:
        """Whether anyone is on the way to the focused alert (red while nobody is)."""
        if handled:
            self.focus_status.setText(self.tr("Handled"))
            self.focus_status.set_colour(MUTED)
        elif waiting:
            self.focus_status.setText(self.tr("Nobody dispatched · waiting {0}").format(self.waited(minutes)))
            self.focus_status.set_colour(FLAG)
        else:
            self.focus_status.setText(self.tr("Guard dispatched"))
            self.focus_status.set_colour(ACCENT)

    def show_flags(self, lines: Sequence[tuple[Alert, str, str, int]], total: int) -> None:
        """Alerts nobody has been sent to: the first few as (alert, rule text, compound, minutes waiting),
        most urgent first, out of `total`; the box stays up while there is any."""
        self.flags_box.setVisible(total > 0)
        self.flags_title.setText(self.tr("Nobody dispatched: {0}").format(total))
        shown = list(lines[:MAX_FLAGS])
        for i, (alert, rule, compound, minutes) in enumerate(shown):
            label, place = self.flag_lines[i], self.flag_places[i]
            # the level's colour says it when the line has room only for the rule
            label.setText(self.tr("[{0}] {1}").format(severity_text(alert.severity), rule), rule)
            label.set_suffix(self.waited(minutes))  # always whole: how long nobody went
            label.set_colour(LEVEL_COLOURS[alert.severity])
            place.setText(compound)
            label.show()
            place.show()
        more = total - len(shown)
        for label in self.flag_lines[len(shown) :]:
            label.hide()
        for place in self.flag_places[len(shown) :]:
            place.hide()
        if more > 0:
            extra = self.flag_lines[len(shown)]
            extra.setText(self.tr("and {0} more").format(more))
            extra.set_suffix("")
            extra.set_colour(MUTED)
            extra.show()
