"""Timeline data on the tiny history: density per bin (from frames and from the log), gaps, alert jumps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox_app.replay.index import FRAME_MS
from sandbox_app.replay.timeline import Gap, density, device_gaps, guard_gaps, neighbour_alerts
from sandbox_app.store.queries import Db
from tests.layers.sample import small_district
from tests.replay import sample
from tests.replay.sample import T0, S


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Db]:
    opened = Db.open(str(sample.build(tmp_path / "timeline.db")))
    yield opened
    opened.conn.close()


def test_density_from_frames_and_from_the_log(db: Db) -> None:
    start = T0 - 1800 * S
    coarse = density(db, start, T0 + 1800 * S, 30)  # 2-minute bins: read from the device frames
    assert coarse.bin_ms == FRAME_MS
    assert {i: int(n) for i, n in enumerate(coarse.counts) if n} == {5: 1, 15: 4, 22: 1}
    fine = density(db, T0, T0 + 1200 * S, 1200)  # 1-second bins: counted from the log
    assert fine.bin_ms == 1000
    assert {i: int(n) for i, n in enumerate(fine.counts) if n} == {0: 2, 10: 1, 60: 1, 900: 1}
    assert list(fine.edges[:2]) == [T0, T0 + 1000]


def test_gaps_of_guards_and_devices(db: Db) -> None:
    district = small_district()
    # GU2's radio is silent from its fix at T0 to the one at T0 + 900 s (heartbeat 300 s).
    assert guard_gaps(db, district, T0 - 3600 * S, T0 + 3600 * S) == [Gap("GU2", "guard", T0, T0 + 900 * S)]
    # The face gate D3 (heartbeat 600 s) was last heard at T0 - 1200 s and never again.
    gaps = device_gaps(db, district, T0 - 1800 * S, T0 + 900 * S)
    assert [(g.subject, g.start_ts, g.end_ts) for g in gaps] == [("D3", T0 - 1200 * S, T0 + 900 * S)]


def test_neighbour_alerts(db: Db) -> None:
    assert neighbour_alerts(db, T0) == (None, T0 + 5 * S)
    assert neighbour_alerts(db, T0 + 5 * S) == (None, None)
    assert neighbour_alerts(db, T0 + 60 * S) == (T0 + 5 * S, None)


def test_density_of_a_range_ending_mid_history_counts_each_event_once(db: Db) -> None:
    start = T0 - 1800 * S
    part = density(db, start, T0 + 120 * S, 1)  # one bin of 32 minutes, ending before the log does
    assert list(part.counts) == [5]


def test_missing_data_is_only_where_the_log_is_empty() -> None:
    import numpy as np

    from sandbox_app.replay.timeline import Density, missing_data

    minute = 60_000
    counts = np.array([5, 0, 0, 3, 0, 7, 0, 0, 0, 0], dtype=np.int64)  # ten 10-minute bins
    d = Density(0, 10 * minute, counts)
    assert missing_data(d, (0, 100 * minute)) == [(10 * minute, 30 * minute), (40 * minute, 50 * minute),
                                                  (60 * minute, 100 * minute)]  # fmt: skip
    # only inside the stored history, and at least min_ms long
    assert missing_data(d, (0, 65 * minute), min_ms=15 * minute) == [(10 * minute, 30 * minute)]
    assert missing_data(Density(0, minute, np.ones(30, dtype=np.int64)), (0, 30 * minute)) == []
