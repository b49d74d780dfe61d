"""A replay state through the map's layers: a guard in a gap leaves the guards layer for the grey silent
markers, an offline device is greyed, trails and dispatch routes come out as lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from layers import style
from layers.projection import LocalProjection
from layers.replay import SILENT, SILENT_GUARD, TRAILS, ReplayLayers, headings
from sandbox_app.replay.state import seek
from sandbox_app.store.queries import Db
from tests.layers.sample import small_district
from tests.replay import sample
from tests.replay.sample import T0, S


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Db]:
    opened = Db.open(str(sample.build(tmp_path / "layers.db")))
    yield opened
    opened.conn.close()


def test_replay_state_as_layers(db: Db) -> None:
    district = small_district()
    layers = ReplayLayers(district, LocalProjection.for_district(district))
    state = seek(db, district, T0 + 42 * S)
    by_name = {d.name: d for d in layers.dynamic(state)}
    guards, silent = by_name["guards"].points, by_name[SILENT].points
    assert guards is not None and guards.ids == ("GU1",)
    assert silent is not None and silent.ids == ("GU2",)
    assert tuple(silent.rgba[0]) == SILENT_GUARD.rgba
    devices = by_name["devices"].points
    assert devices is not None
    d3 = devices.ids.index("D3")
    d1 = devices.ids.index("D1")
    assert tuple(devices.rgba[d3]) == style.DEVICE_OFFLINE_FILL  # silent 20 minutes, heartbeat 10
    assert tuple(devices.rgba[d1]) == style.DEVICE_KINDS_STYLE["smart_lock"].rgba
    trails = by_name[TRAILS].lines
    assert trails is not None and trails.ids == ("GU1#0",)
    route = by_name["dispatch"].lines
    assert route is not None and route.ids == ("DP1",) and len(route.xy) == 2
    np.testing.assert_allclose(route.xy[0], guards.xy[0])  # from the guard's place at T to the incident


def test_guards_carry_headings_from_their_trails(db: Db) -> None:
    """The map leaves trails to the replay, so the heading ticks come from the state's trail pieces:
    GU1 walks east between its fixes at T0 and T0 + 60 s."""
    district = small_district()
    proj = LocalProjection.for_district(district)
    state = seek(db, district, T0 + 30 * S)
    (guard_layer,) = [d for d in ReplayLayers(district, proj).dynamic(state) if d.name == "guards"]
    assert guard_layer.points is not None
    heading = guard_layer.extra["heading_deg"]
    assert isinstance(heading, np.ndarray) and len(heading) == len(guard_layer.points)
    assert heading[guard_layer.points.ids.index("GU1")] == pytest.approx(90.0, abs=1.0)
    assert np.isnan(headings(["nobody"], proj, state.trails)).all()
