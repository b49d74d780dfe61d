"""The 2D map on its own, offscreen: what lands on which pixel, frame after frame.

Each test draws the hand-made district (`tests.layers.sample`) and reads colours back from `grab()` at
the screen position of a map point, so a layer drawn in the wrong colour, place or order fails.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QGraphicsItem
from pytestqt.qtbot import QtBot

from layers import alerts, buildings, compounds, devices, dispatch, gates, guards, roads, style
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState
from sandbox_app.domain.enums import AlertState, GuardRole, PersonTag, Relation, RoomUsage, Severity
from sandbox_app.domain.model import Person
from tests.layers.sample import GUARD_POSITIONS, at, small_district
from widgets.map2d import Map2D
from widgets.render2d import HeadingsItem, LinesItem, PulseItem

pytestmark = pytest.mark.gui
RGB = tuple[int, int, int]
POLICE = style.GUARD_ROLE[GuardRole.POLICE].rgba
T0 = 1_700_000_000_000


class Drawn:
    """A Map2D showing the sample district, and helpers to read its pixels at map points."""

    def __init__(self, qtbot: QtBot) -> None:
        self.district = small_district()
        self.district.people["P0003"] = Person(
            "P0003", "测试居民0003", "R301", Relation.TENANT, frozenset({PersonTag.KEY_PERSON})
        )
        self.proj = LocalProjection.for_district(self.district)
        self.map = Map2D()
        qtbot.addWidget(self.map)
        self.map.resize(600, 600)
        d, p = self.district, self.proj
        for data in (
            compounds.layer(d, p),
            roads.layer(d, p),
            buildings.layer(d, p),
            gates.layer(d, p),
            devices.layer(d, p),
        ):
            self.map.set_layer(data)
        self.map.show()
        qtbot.waitExposed(self.map)
        self.map.fit()
        QApplication.processEvents()
        self.image = QImage()

    def guards_at(self, positions: dict[str, tuple[float, float]], ts: int) -> None:
        stamps = dict.fromkeys(positions, ts)
        self.map.set_layer(guards.layer(self.district, self.proj, positions, stamps))

    def grab(self) -> QImage:
        QApplication.processEvents()
        self.image = self.map.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
        return self.image

    def screen(self, lon: float, lat: float) -> QPointF:
        x, y = self.proj.to_xy([lon], [lat])[0]
        return self.map.map_to_widget(float(x), float(y))

    def pixel(self, lon: float, lat: float, dx: float = 0.0, dy: float = 0.0) -> RGB:
        pt = self.screen(lon, lat)
        ratio = self.image.devicePixelRatio()
        c = self.image.pixelColor(int((pt.x() + dx) * ratio), int((pt.y() + dy) * ratio))
        return c.red(), c.green(), c.blue()

    def near(self, lon: float, lat: float, colour: tuple[int, ...], reach: int = 3, tol: int = 30) -> bool:
        """Whether some pixel within `reach` px of the point has `colour` (small symbols, thin lines)."""
        around = range(-reach, reach + 1)
        return any(close_to(self.pixel(lon, lat, dx, dy), colour, tol) for dx in around for dy in around)


@pytest.fixture
def drawn(qtbot: QtBot) -> Iterator[Drawn]:
    yield Drawn(qtbot)


def close_to(actual: RGB, expected: tuple[int, ...], tol: int = 14) -> bool:
    return all(abs(a - e) <= tol for a, e in zip(actual, expected[:3], strict=True))


def distance(a: RGB, b: tuple[int, ...]) -> int:
    return sum(abs(x - y) for x, y in zip(a, b[:3], strict=True))


def test_buildings_filled_by_usage_and_outlined_for_elderly_and_key_persons(drawn: Drawn) -> None:
    drawn.grab()
    # B1: one rented room of two: the owner colour half way to rental blue, not a blue building
    owner = style.ROOM_USAGE[RoomUsage.OWNER]
    half = tuple((o + r) // 2 for o, r in zip(owner, style.RENTAL_BLUE, strict=True))
    assert close_to(drawn.pixel(*at(-42, 58)), half, tol=4)
    assert distance(drawn.pixel(*at(-42, 58)), style.RENTAL_BLUE) > 150
    assert close_to(drawn.pixel(*at(-42, -42)), style.GROUP_RENTAL_BLUE)  # B3: all group rental
    assert close_to(drawn.pixel(*at(42, 42)), style.ROOM_USAGE[RoomUsage.OWNER])
    # Outlines: 3 px wide on the footprint's edge (B2 elderly, B3 key person); B1's plain edge is grey.
    assert close_to(drawn.pixel(*at(35, 50)), style.ELDERLY_HOUSEHOLD, tol=30)
    assert close_to(drawn.pixel(*at(-65, -50)), style.KEY_PERSON, tol=30)
    assert not close_to(drawn.pixel(*at(-65, 50)), style.KEY_PERSON, tol=60)
    # The residential road's white fill inside its darker casing, the background far outside.
    assert close_to(drawn.pixel(*at(-80, 0)), style.road_style("residential").rgba)
    assert drawn.near(*at(-80, 0), style.ROAD_CASING, tol=20)
    corner = drawn.image.pixelColor(2, 2)
    assert close_to((corner.red(), corner.green(), corner.blue()), style.BACKGROUND)


def test_group_rental_building_carries_a_marker(drawn: Drawn) -> None:
    """B3 has a group rental room: a white-edged diamond inside it (gone when the layer has no markers)."""
    b3 = drawn.district.buildings["B3"].footprint.representative_point()
    white = style.GROUP_RENTAL_MARK_EDGE

    def whites() -> int:
        drawn.grab()
        around = range(-8, 9)
        return sum(close_to(drawn.pixel(b3.x, b3.y, dx, dy), white, 40) for dx in around for dy in around)

    marked = whites()
    layer = buildings.layer(drawn.district, drawn.proj)
    drawn.map.set_layer(dataclasses.replace(layer, points=None))
    assert marked >= 6 and whites() < marked - 5, marked


def test_guard_marker_moves_and_leaves_a_fading_trail_with_a_heading(drawn: Drawn) -> None:
    start, positions = at(-20, -40), dict(GUARD_POSITIONS)
    steps = [at(-20 + 12 * k, -40) for k in range(6)]  # GU1 walks east, 12 m a frame
    positions["GU1"] = start
    drawn.guards_at(positions, T0)
    drawn.grab()
    assert close_to(drawn.pixel(*start), POLICE)
    items = drawn.map.layer_items("guards")
    for k, where in enumerate(steps[1:], start=1):
        positions["GU1"] = where
        drawn.guards_at(positions, T0 + 1000 * k)
    drawn.grab()
    assert drawn.map.layer_items("guards") == items and len(items) == 1  # moved in place
    end = steps[-1]
    assert close_to(drawn.pixel(*end), POLICE)
    assert not close_to(drawn.pixel(*start), POLICE, tol=40), "the old place still shows the marker"
    # Trail: on the path, newer segments darker (more opaque police blue) than the oldest one.
    background = drawn.pixel(*at(-20 + 6, -60))
    old, new = drawn.pixel(*at(-20 + 6, -40)), drawn.pixel(*at(-20 + 12 * 4 + 6, -40))
    assert distance(new, background) > distance(old, background) + 30
    assert new[2] > new[0] + 40, "trail is not in the police colour"
    # Heading: a tick ahead of the marker (east, the way it walked), none behind it past the trail's end.
    overlays = drawn.map.overlay_items("guards")
    assert isinstance(overlays["trail"], LinesItem) and isinstance(overlays["heading"], HeadingsItem)
    ahead = drawn.pixel(*end, dx=style.HEADING_PX - 3)
    assert close_to(ahead, POLICE, tol=40)
    assert not close_to(drawn.pixel(*end, dy=style.HEADING_PX - 3), POLICE, tol=60)


def test_hiding_guards_hides_trail_and_heading_too(drawn: Drawn) -> None:
    drawn.guards_at(dict(GUARD_POSITIONS), T0)
    drawn.guards_at({**GUARD_POSITIONS, "GU1": at(70, -40)}, T0 + 1000)
    drawn.map.set_layer_visible("guards", False)
    assert all(not o.isVisible() for o in drawn.map.overlay_items("guards").values())
    drawn.grab()
    assert not close_to(drawn.pixel(*at(70, -40)), POLICE, tol=40)
    assert "guards" not in drawn.map.map_legend.layers()


def _open_alert(subject: str, subject_type: str, severity: Severity) -> Alert:
    return Alert("A1", "test_rule", subject, subject_type, severity, AlertState.OPEN, 0, 0)


def test_alert_marker_appears_where_the_alert_is_and_pulses(drawn: Drawn) -> None:
    drawn.grab()
    where = drawn.district.devices["D4"].location
    assert where is not None
    before = drawn.pixel(where.x, where.y, dx=6)
    alert = _open_alert("D4", "device", Severity.HIGH)
    drawn.map.set_layer(alerts.layer(drawn.district, drawn.proj, [alert]))
    assert drawn.map.pulse_running()
    drawn.map.set_pulse_phase(0.0)
    drawn.grab()
    high = style.SEVERITY[Severity.HIGH]
    assert close_to(drawn.pixel(where.x, where.y, dx=6), high.rgba) and before != drawn.pixel(
        where.x, where.y, dx=6
    )
    # The halo: at phase 0.6 a ring about (1 + 1.2 * 0.6) * 11 px out, absent at phase 0.
    radius = high.size * (1 + (style.ALERT_PULSE_GROWTH - 1) * 0.6) / 2
    quiet = drawn.pixel(where.x, where.y, dy=-radius)
    drawn.map.set_pulse_phase(0.6)
    drawn.grab()
    ring = drawn.pixel(where.x, where.y, dy=-radius)
    assert ring != quiet and ring[0] > ring[2] + 20, "no red halo ring"
    assert isinstance(drawn.map.overlay_items("alerts")["pulse"], PulseItem)
    drawn.map.set_layer_visible("alerts", False)
    assert not drawn.map.pulse_running()
    drawn.map.set_layer_visible("alerts", True)
    drawn.map.set_layer(alerts.layer(drawn.district, drawn.proj, []))
    assert not drawn.map.pulse_running()


def test_an_offline_device_turns_grey_when_its_alert_arrives(drawn: Drawn) -> None:
    where = drawn.district.devices["D4"].location
    assert where is not None
    drawn.grab()
    assert drawn.near(where.x, where.y, style.DEVICE_KINDS_STYLE["camera"].rgba, reach=2)
    assert not drawn.near(where.x, where.y, style.DEVICE_OFFLINE_FILL, reach=2, tol=12)
    offline = Alert("A9", "device_offline", "D4", "device", Severity.MEDIUM, AlertState.OPEN, 0, 0)
    drawn.map.set_layer(alerts.layer(drawn.district, drawn.proj, [offline]))
    drawn.map.set_layer_visible("alerts", False)  # the alert marker sits on the device
    drawn.grab()
    assert drawn.near(where.x, where.y, style.DEVICE_OFFLINE_FILL, reach=2, tol=12)
    assert not drawn.near(where.x, where.y, style.DEVICE_KINDS_STYLE["camera"].rgba, reach=2)
    assert drawn.map.describe("device", "D4").endswith("offline")
    drawn.map.set_layer(alerts.layer(drawn.district, drawn.proj, []))  # the alert is closed: online again
    drawn.grab()
    assert drawn.near(where.x, where.y, style.DEVICE_KINDS_STYLE["camera"].rgba, reach=2)
    assert drawn.map.describe("device", "D4").endswith("online")


def test_dispatch_route_gets_an_eta_label(drawn: Drawn) -> None:
    d = Dispatch("O1", "A1", "GU1", None, "desk:a", T0, *at(80, -80), eta_s=185.0)
    path = {"O1": [at(-80, -80), at(0, -80), at(80, -80)]}
    drawn.map.set_layer(dispatch.layer(drawn.proj, [d], path, now_ts=T0))
    assert len(drawn.map.layer_items("dispatch")) == 2  # routes + incidents; the label is an overlay
    drawn.grab()
    mid = drawn.screen(*at(0, -80))
    ratio = drawn.image.devicePixelRatio()
    box = [
        drawn.image.pixelColor(int((mid.x() + dx) * ratio), int((mid.y() - dy) * ratio))
        for dx in range(2, 60)
        for dy in range(2, 12)
    ]
    dark = [c for c in box if c.red() + c.green() + c.blue() < 200]
    assert len(dark) > 20, "no ETA text next to the route's middle"
    assert d.state is DispatchState.ISSUED


def test_legend_lists_the_layers_in_their_colours(drawn: Drawn, qtbot: QtBot) -> None:
    legend = drawn.map.map_legend
    assert not legend.isVisible()
    drawn.map.set_legend_visible(True)
    assert legend.isVisible()
    assert legend.layers() == [
        "alerts",
        "dispatch",
        "guards",
        "devices",
        "gates",
        "heat",
        "coverage",
        "buildings",
        "roads",
        "areas",
        "compounds",
    ]
    image = legend.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    rental = next(e for e in legend.entries() if e.rgba == style.RENTAL_BLUE)
    centre = legend.swatch_rect(rental).center()
    ratio = image.devicePixelRatio()
    c = image.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio))
    assert close_to((c.red(), c.green(), c.blue()), style.RENTAL_BLUE)
    police = next(e for e in legend.entries() if e.rgba == POLICE)
    star = legend.swatch_rect(police).center()
    c = image.pixelColor(int(star.x() * ratio), int(star.y() * ratio))
    assert close_to((c.red(), c.green(), c.blue()), POLICE)
    drawn.map.set_layer_visible("heat", False)
    assert "heat" not in legend.layers() and all(e.layer != "heat" for e in legend.entries())
    assert legend.geometry().right() <= drawn.map.width()


def test_hover_describes_guard_building_and_device(drawn: Drawn, qtbot: QtBot) -> None:
    drawn.guards_at(dict(GUARD_POSITIONS), T0)
    drawn.map.set_clock(type("Fixed", (), {"now_ms": staticmethod(lambda: T0 + 42_000)})())
    x, y = drawn.proj.to_xy(*GUARD_POSITIONS["GU1"])[0]
    assert drawn.map.hover_at(x, y) == "Guard GU1 · police · fix 42 s ago"
    bx, by = drawn.proj.to_xy(*at(-42, -42))[0]
    assert drawn.map.hover_at(bx, by) == "Building 3幢 · group rental · 1 of 1 rooms rented"
    placed = devices.positions(drawn.district, drawn.proj)
    assert drawn.map.hover_at(*placed["D4"]) == "Device D4 · camera · online"
    far = drawn.proj.to_xy(*at(300, 300))[0]
    with qtbot.waitSignal(drawn.map.hovered) as seen:
        assert drawn.map.hover_at(*far) == ""
    assert seen.args == ["", ""]


def test_clicks_emit_picked_with_kind_and_id(drawn: Drawn, qtbot: QtBot) -> None:
    drawn.guards_at(dict(GUARD_POSITIONS), T0)
    drawn.grab()
    for lonlat, expected in (
        (GUARD_POSITIONS["GU2"], ["guard", "GU2"]),
        (at(-42, 58), ["building", "B1"]),
        (at(90, 90), ["compound", "C1"]),
    ):
        pt = drawn.screen(*lonlat)
        with qtbot.waitSignal(drawn.map.picked, timeout=2000) as seen:
            qtbot.mouseClick(
                drawn.map.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(pt.x()), int(pt.y()))
            )
        assert seen.args == expected
    assert drawn.map.click_at(*drawn.proj.to_xy(*at(300, 300))[0]) is None


def test_trail_overlay_is_one_item_for_many_guards(qtbot: QtBot) -> None:
    drawn = Drawn(qtbot)
    rng = np.random.default_rng(1)
    district = drawn.district
    from sandbox_app.domain.model import Guard

    for g in range(300):
        district.guards[f"X{g}"] = Guard(f"X{g}", f"测试{g}", list(GuardRole)[g % 5], None)
    xy = rng.uniform(-90, 90, (300, 2))
    for k in range(4):
        xy += rng.uniform(1, 3, xy.shape)  # every guard moves more than the jitter floor
        drawn.guards_at({f"X{g}": at(*xy[g]) for g in range(300)}, T0 + 1000 * k)
    overlays = drawn.map.overlay_items("guards")
    trail = overlays["trail"]
    assert isinstance(trail, LinesItem)
    lines = drawn.map.trails.layer(drawn.map.now_ms()).lines
    assert lines is not None and len(lines) == 300 * 3
    assert len(trail._groups) <= 5 * 3  # a path per (role, age step), not per guard


def test_device_markers_are_cached_and_follow_zoom_and_pan(drawn: Drawn) -> None:
    """The devices layer is drawn from a pixmap like the static layers: still in place after a zoom and a
    pan (each re-renders it), and recoloured at once (covered by the offline test above)."""
    (item,) = drawn.map.layer_items("devices")
    assert item.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    where = drawn.district.devices["D4"].location
    assert where is not None
    camera = style.DEVICE_KINDS_STYLE["camera"].rgba
    drawn.grab()
    assert drawn.near(where.x, where.y, camera, reach=2)
    drawn.map.getPlotItem().vb.scaleBy((1.4, 1.4))
    drawn.grab()
    assert drawn.near(where.x, where.y, camera, reach=2)
    drawn.map.getPlotItem().vb.translateBy(x=8.0, y=-5.0)
    drawn.grab()
    assert drawn.near(where.x, where.y, camera, reach=2)


def test_trails_left_to_the_caller_skip_the_trail_buffer_but_draw_given_headings(drawn: Drawn) -> None:
    drawn.map.set_own_trails(False)
    positions = dict(GUARD_POSITIONS)
    for k in range(4):
        positions["GU1"] = at(-20 + 12 * k, -40)
        data = guards.layer(drawn.district, drawn.proj, positions, dict.fromkeys(positions, T0 + 1000 * k))
        assert data.points is not None
        heading = np.full(len(data.points), np.nan)
        heading[data.points.ids.index("GU1")] = 90.0  # east
        data.extra["heading_deg"] = heading
        drawn.map.set_layer(data)
    assert len(drawn.map.trails.index) == 0 and "trail" not in drawn.map.overlay_items("guards")
    assert drawn.map.now_ms() == T0 + 3000
    drawn.grab()
    end = at(-20 + 36, -40)
    assert close_to(drawn.pixel(*end), POLICE)
    assert not close_to(drawn.pixel(*at(-20 + 6, -40)), POLICE, tol=60), "a trail was drawn"
    assert close_to(drawn.pixel(*end, dx=style.HEADING_PX - 3), POLICE, tol=40)
    # Back to live: the map grows its own trail again.
    drawn.map.set_own_trails(True)
    drawn.guards_at(positions, T0 + 4000)
    drawn.guards_at({**positions, "GU1": at(40, -40)}, T0 + 5000)
    assert "trail" in drawn.map.overlay_items("guards") and len(drawn.map.trails.index) > 0


def test_alerts_close_at_low_zoom_fold_into_one_marker_and_separate_when_zoomed_in(drawn: Drawn) -> None:
    """Issue 16: at district zoom, discs side by side covered guards and route labels."""
    where = drawn.district.devices["D4"].location
    assert where is not None
    x, y = drawn.proj.to_xy([where.x], [where.y])[0]
    near = [_open_alert("D4", "device", Severity.LOW if i else Severity.HIGH) for i in range(5)]
    for i, a in enumerate(near):  # five alerts within 4 m of each other
        ((lon, lat),) = drawn.proj.to_lonlat([x + i], [y]).tolist()
        a.id, a.lon, a.lat = f"N{i}", lon, lat
    drawn.map.set_layer(alerts.layer(drawn.district, drawn.proj, near))
    shown = drawn.map._drawn["alerts"]
    assert shown.points is not None and len(shown.points) == 1 and shown.points.ids == ("N0",)  # the high
    assert shown.labels is not None and shown.labels.text == ("5",)
    assert drawn.map.pick_at(float(shown.points.xy[0, 0]), float(shown.points.xy[0, 1])) == ("alert", "N0")
    drawn.map.getPlotItem().vb.setRange(xRange=(x - 5, x + 5), yRange=(y - 5, y + 5), padding=0)
    QApplication.processEvents()
    shown = drawn.map._drawn["alerts"]
    assert shown.points is not None and len(shown.points) == 5 and shown.labels is None


def test_fit_frames_the_district_not_a_guard_far_outside_it(qtbot: QtBot) -> None:
    """全景 shows the district filling the pane: a guard 3 km away (driving back from the station) stays
    off the frame instead of shrinking the district into a corner."""
    drawn = Drawn(qtbot)
    district_x, district_y = drawn.map.getPlotItem().vb.viewRange()
    bounds = drawn.map.district_bounds()
    assert bounds is not None
    x0, y0, x1, y1 = bounds
    drawn.guards_at({"GU1": at(3000.0, 3000.0)}, T0)
    drawn.map.getPlotItem().vb.setRange(xRange=(0, 10), yRange=(0, 10))
    drawn.map.fit()
    (a0, a1), (b0, b1) = drawn.map.getPlotItem().vb.viewRange()
    assert a0 <= x0 and a1 >= x1 and b0 <= y0 and b1 >= y1  # the whole district in view
    assert a1 < x1 + 1000 and b1 < y1 + 1000  # and not the guard's corner
    assert (a0, a1) == pytest.approx(district_x, rel=0.02, abs=1.0)
    assert (b0, b1) == pytest.approx(district_y, rel=0.02, abs=1.0)
