"""The window at rest (issue 17): the alert pulse draws only for a window someone can see.

CPU and memory themselves are measured by bench/idle.py; this pins the behaviour that keeps them low.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from layers import alerts
from layers.projection import LocalProjection
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from tests.layers.sample import small_district
from widgets.map2d import Map2D
from widgets.render2d import PulseItem


def _pulsing_map(qtbot: QtBot) -> tuple[Map2D, PulseItem]:
    district = small_district()
    proj = LocalProjection.for_district(district)
    view = Map2D()
    qtbot.addWidget(view)
    alert = Alert("A1", "test_rule", "D4", "device", Severity.HIGH, AlertState.OPEN, 0, 0)
    view.set_layer(alerts.layer(district, proj, [alert]))
    pulse = view.overlay_items("alerts")["pulse"]
    assert isinstance(pulse, PulseItem)
    return view, pulse


def test_the_pulse_does_not_draw_for_a_hidden_window(qtbot: QtBot) -> None:
    view, pulse = _pulsing_map(qtbot)
    assert view.pulse_running() and not view.pulse_seen()
    pulse.phase = 0.25
    view._pulse()
    assert pulse.phase == 0.25, "a hidden map's pulse moved"


def test_the_pulse_draws_once_the_window_is_shown(qtbot: QtBot) -> None:
    view, pulse = _pulsing_map(qtbot)
    with qtbot.waitExposed(view):
        view.show()
    assert view.pulse_seen()
    pulse.phase = 0.25
    qtbot.waitUntil(lambda: pulse.phase != 0.25, timeout=2_000)
