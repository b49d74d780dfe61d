"""The wall's slower pulse steps (issue 17): each severity's period in whole steps, none aliased.

`pulse_periods` is pure numpy; the module imports VTK, so this runs wherever the 3D pane's tests import.
"""

from __future__ import annotations

import numpy as np
import pytest

sandbox3d = pytest.importorskip("widgets.sandbox3d")


def test_the_desk_keeps_each_severity_s_own_period() -> None:
    period = np.array([0.0, 2.0, 1.5, 1.0, 0.6])
    assert np.array_equal(sandbox3d.pulse_periods(period, sandbox3d.PULSE_MS), period)


def test_at_the_wall_s_step_each_period_is_at_least_two_whole_steps() -> None:
    period = np.array([0.0, 2.0, 1.5, 1.0, 0.6])
    drawn = sandbox3d.pulse_periods(period, sandbox3d.WALL_PULSE_MS)
    step = sandbox3d.WALL_PULSE_MS / 1000.0
    assert drawn[0] == 0.0, "a steady beacon stays steady"
    assert np.allclose(drawn[1:] / step, np.round(drawn[1:] / step)) and (drawn[1:] >= 2 * step).all()
    assert list(drawn) == [0.0, 2.0, 1.5, 1.0, 1.0]
