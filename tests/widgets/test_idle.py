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


def test_pulse_rings_are_drawn_once_per_look_then_reused(qtbot: QtBot) -> None:
    """Each (size, colour, step) ring is rendered once; later frames blit the same pixmap."""
    from widgets.render2d import PULSE_STEPS, ring_pixmap

    ring_pixmap.cache_clear()
    view, pulse = _pulsing_map(qtbot)
    with qtbot.waitExposed(view):
        view.show()
    for _cycle in range(3):
        for step in range(PULSE_STEPS):
            pulse.set_phase(step / PULSE_STEPS)
            view.viewport().repaint()
    info = ring_pixmap.cache_info()
    assert 0 < info.currsize <= PULSE_STEPS * len(pulse)
    assert info.hits >= 2 * info.misses


def test_the_wall_s_pulse_ticks_slower_than_the_desk_s(qtbot: QtBot) -> None:
    from widgets.map2d import PULSE_TICK_MS, WALL_PULSE_TICK_MS

    view, _ = _pulsing_map(qtbot)
    assert view._pulse_timer.interval() == PULSE_TICK_MS
    view.set_wall_pace()
    assert view._pulse_timer.interval() == WALL_PULSE_TICK_MS > PULSE_TICK_MS
    assert view.pulse_running()
