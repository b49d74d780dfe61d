"""Water and green areas (issue 18) as a person sees them: light fills under the roads on the 2D map, with
their legend entries, and the same colours on the 3D sandbox's ground."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shapely.geometry import LineString

from layers import areas, buildings, compounds, ground, roads, style
from layers.projection import LocalProjection
from sandbox_app.domain.model import Road
from tests.layers.sample import at
from tests.layers.test_areas_layer import with_areas
from tests.widgets.sandbox_support import NEEDS_X, near, shown_view
from widgets.legend import Legend
from widgets.map2d import Map2D

RGB = tuple[int, int, int]


def _over(below: tuple[float, ...], rgba: tuple[int, int, int, int]) -> tuple[float, ...]:
    a = rgba[3] / 255.0
    return tuple(b * (1 - a) + c * a for b, c in zip(below, rgba[:3], strict=True))


def _close(actual: RGB, expected: tuple[float, ...], tol: float) -> bool:
    return all(abs(a - e) <= tol for a, e in zip(actual, expected, strict=True))


@pytest.mark.gui
def test_the_2d_map_fills_water_and_green_under_the_roads(qtbot: QtBot) -> None:
    d = with_areas()
    d.roads["W3"] = Road("W3", "residential", LineString([at(60, -100), at(60, -20)]))  # across the pond
    proj = LocalProjection.for_district(d)
    view = Map2D()
    qtbot.addWidget(view)
    view.resize(600, 600)
    for data in (
        compounds.layer(d, proj),
        areas.layer(d, proj),
        roads.layer(d, proj),
        buildings.layer(d, proj),
    ):
        view.set_layer(data)
    view.show()
    qtbot.waitExposed(view)
    view.fit()
    QApplication.processEvents()
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)

    def pixel(x_m: float, y_m: float) -> RGB:
        pt = view.map_to_widget(*(float(v) for v in proj.to_xy(*at(x_m, y_m))[0]))
        ratio = image.devicePixelRatio()
        c = image.pixelColor(int(pt.x() * ratio), int(pt.y() * ratio))
        return c.red(), c.green(), c.blue()

    compound = _over(style.BACKGROUND[:3], style.COMPOUND_FILL)  # C1's fill over the map's background
    assert _close(pixel(45, -60), _over(compound, style.AREA_FILL["water"]), 4), pixel(45, -60)
    assert _close(pixel(-40, -82), _over(compound, style.AREA_FILL["green"]), 4), pixel(-40, -82)
    assert _close(pixel(-80, -82), compound, 4), "no fill beside the lawn"
    assert _close(pixel(60, -60), style.road_style("residential").rgba[:3], 14), "the road runs over the pond"


@pytest.mark.gui
def test_the_legend_names_water_and_green_in_their_colours(qtbot: QtBot) -> None:
    legend = Legend()
    qtbot.addWidget(legend)
    legend.resize(legend.sizeHint())
    entries = [e for e in legend.entries() if e.layer == "areas"]
    assert [(e.title, e.rgba) for e in entries] == [
        ("water", style.AREA_FILL["water"]),
        ("green space", style.AREA_FILL["green"]),
    ]
    assert legend.layer_titles()["areas"] == "Water & green"
    image = legend.grab().toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    ratio = image.devicePixelRatio()
    for e in entries:
        centre = legend.swatch_rect(e).center()
        c = image.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio))
        assert _close((c.red(), c.green(), c.blue()), _over((255, 255, 255), e.rgba), 40), (e.title, c.name())


def _needs_x(test: Callable[..., None]) -> Callable[..., None]:
    for mark in NEEDS_X:
        test = mark(test)
    return test


@_needs_x
def test_the_3d_ground_shows_water_blue_and_green_where_the_areas_are(qtbot: QtBot) -> None:
    d = with_areas()
    view = shown_view(qtbot, d, 900, 700)
    image = view.grab_image()
    h, w, _ = image.shape
    for kind, (x_m, y_m) in (("water", (60, -60)), ("green", (-40, -82))):
        x, y = view.proj.to_xy(*at(x_m, y_m))[0]
        col, row = view.world_to_pixel(float(x), float(y), 0.0)
        assert 3 <= col < w - 3 and 3 <= row < h - 3, (kind, col, row)
        patch = image[row - 2 : row + 3, col - 2 : col + 3]
        assert near(patch, ground.AREA_KIND[kind], 4).all(), (kind, patch.reshape(-1, 3)[:3])
    assert near(image, ground.AREA_KIND["water"], 4).sum() > 200, "the pond is a patch, not a pixel"
    assert near(image, ground.AREA_KIND["green"], 4).sum() > 50
