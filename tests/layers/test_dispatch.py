"""Dispatch routes and coverage gaps as flat line/point arrays: one entry per route, segment or incident."""

from __future__ import annotations

import numpy as np

from layers import coverage, dispatch, style
from layers.projection import LocalProjection
from sandbox_app.domain.dispatch import HOLDING_STATES, Dispatch, DispatchState
from tests.layers.sample import at, small_district

PROJ = LocalProjection.for_district(small_district())


def _dispatch(did: str, state: DispatchState, where: tuple[float, float] | None) -> Dispatch:
    lon, lat = where if where is not None else (None, None)
    d = Dispatch(did, "A1", f"G{did}", None, "desk:a", 0, lon, lat)
    if state is DispatchState.CANCELLED:
        d.advance(state, "desk:a", 1, "stand down")
    elif state is not DispatchState.ISSUED:
        d.advance(DispatchState.ACCEPTED, "g", 1)
        if state is DispatchState.ON_SCENE:
            d.advance(state, "system", 2)
    return d


def test_routes_of_holding_dispatches_coloured_by_state_and_one_incident_marker() -> None:
    incident = at(80, -80)
    ds = [
        _dispatch("1", DispatchState.ISSUED, incident),
        _dispatch("2", DispatchState.ACCEPTED, incident),
        _dispatch("3", DispatchState.CANCELLED, incident),  # ended: no route
        _dispatch("4", DispatchState.ON_SCENE, incident),  # no route known: marker only
    ]
    paths = {
        "1": [at(0, 0), at(0, -80), incident],
        "2": [at(-50, -80), incident],
        "3": [at(0, 0), incident],
    }
    data = dispatch.layer(PROJ, ds, paths)
    assert data.lines is not None and data.lines.ids == ("1", "2")
    assert list(data.lines.vertex_start) == [0, 3, 5]
    assert list(data.lines.connect) == [True, True, False, True, False]
    assert [tuple(c) for c in data.lines.rgba] == [
        style.DISPATCH_ROUTE[DispatchState.ISSUED].rgba,
        style.DISPATCH_ROUTE[DispatchState.ACCEPTED].rgba,
    ]
    assert np.allclose(data.lines.xy[2], PROJ.to_xy([incident[0]], [incident[1]])[0])
    assert data.points is not None and data.points.ids == ("A1",)  # three dispatches, one incident
    assert data.points.symbol == (style.INCIDENT.symbol,)


def test_every_holding_state_has_a_route_colour() -> None:
    assert set(style.DISPATCH_ROUTE) == set(HOLDING_STATES)


def test_coverage_segments_become_separate_two_point_lines() -> None:
    segments = np.asarray([[at(0, 0), at(0, 50)], [at(10, 0), at(60, 0)]])
    data = coverage.layer(PROJ, segments)
    assert data.lines is not None and len(data.lines) == 2
    assert list(data.lines.connect) == [True, False, True, False]
    assert list(data.lines.vertex_start) == [0, 2, 4]
    assert np.allclose(np.hypot(*(data.lines.xy[1] - data.lines.xy[0])), 50, rtol=0.02)
    empty = coverage.layer(PROJ, np.zeros((0, 2, 2)))
    assert empty.lines is not None and len(empty.lines) == 0
