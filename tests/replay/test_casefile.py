"""Case file of one alert: exactly the entries within its radius and window; response times; exports."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox_app.domain.distance import EARTH_RADIUS_M
from sandbox_app.domain.events import Event
from sandbox_app.privacy.mask import Masker, Viewer
from sandbox_app.replay.analytics import aggregate, responses
from sandbox_app.replay.casefile import CaseError, build_case
from sandbox_app.replay.export import read_csv, read_geojson, write_csv, write_geojson
from sandbox_app.store.queries import Db
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import at, small_district
from tests.replay import sample
from tests.replay.sample import T0, S

RADIUS = 100.0
FIRST = T0 + 5 * S  # the alert's first_ts
START, END = FIRST - 30 * 60 * S, FIRST + 60 * 60 * S
PLACE = at(-50, 50)  # the alert's position


def north(metres: float) -> tuple[float, float]:
    """PLACE moved `metres` due north on the sphere the case file measures with (domain.distance)."""
    return PLACE[0], PLACE[1] + math.degrees(metres / EARTH_RADIUS_M)


def _breach(eid: str, ts: int, metres: float) -> Event:
    lon, lat = north(metres)
    return Event(eid, ts, "D4", "perimeter.breach", lon, lat)


EXTRA = [
    _breach("in-near", FIRST, 99.0),
    _breach("out-far", FIRST, 101.0),
    _breach("in-start", START, 10.0),
    _breach("out-before", START - 1, 10.0),
    _breach("in-end", END, 10.0),
    _breach("out-after", END + 1, 10.0),
    Event("face", FIRST + 30 * S, "D3", "face.pass", *north(20.0), {"person_id": "P0002"}),
    Event("plate", FIRST + 60 * S, "D4", "plate.read", *north(5.0), {"plate": "测A12345", "direction": "in"}),
]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Db]:
    path = sample.build(tmp_path / "case.db")
    store = SqliteStore(path)
    store.append_events(EXTRA)
    store.close()
    opened = Db.open(str(path))
    yield opened
    opened.conn.close()


def test_case_file_holds_exactly_what_is_inside_radius_and_window(db: Db) -> None:
    case = build_case(db, small_district(), sample.ALERT_ID, radius_m=RADIUS, before_ms=30 * 60 * S,
                      after_ms=60 * 60 * S)  # fmt: skip
    assert (case.start_ts, case.end_ts) == (START, END)
    got = {(e.kind, e.source, e.ts) for e in case.entries}
    expected = {
        ("perimeter.breach", "D4", FIRST),  # 99 m
        ("perimeter.breach", "D4", START),
        ("perimeter.breach", "D4", END),
        ("plate.read", "D4", FIRST + 60 * S),
        ("face.pass", "D3", FIRST + 30 * S),  # a handheld pass with its own position
        ("lock.open", "D1", T0 + 10 * S),  # room device: at its building's centre, the alert's place
        ("guard.fix", "GU1", T0),  # (0, 0): ~67 m; GU1's fix at (60, 0) is ~111 m away
        ("guard.fix", "GU2", T0),  # (-20, 70): ~33 m
        ("guard.fix", "GU2", T0 + 900 * S),
        *(("alert." + str(s[0]), sample.ALERT_ID, s[2]) for s in sample.ALERT_STEPS),
        ("dispatch.issued", "DP1", T0 + 40 * S),
        ("dispatch.accepted", "DP1", T0 + 45 * S),
        ("dispatch.on_scene", "DP1", T0 + 90 * S),
    }
    assert got == expected
    assert len(case.entries) == len(expected)
    assert [e.ts for e in case.entries] == sorted(e.ts for e in case.entries)
    # D3's face pass (20 min before T0) is in the window but at the south gate, ~157 m away.
    assert ("face.pass", "D3", T0 - 1200 * S) not in got


def test_personal_data_is_masked_unless_asked(db: Db) -> None:
    masked = build_case(db, small_district(), sample.ALERT_ID, radius_m=RADIUS)
    texts = " ".join(e.text for e in masked.entries)
    assert "测A12345" not in texts and "测试居民0002" not in texts and "CARD-P0002" not in texts
    assert "测*******" in texts and "测A***45" in texts and "CAR***0002" in texts
    shown = build_case(
        db, small_district(), sample.ALERT_ID, radius_m=RADIUS, masker=Masker(Viewer.ANALYST, unmasked=True)
    )
    texts = " ".join(e.text for e in shown.entries)
    assert "测A12345" in texts and "测试居民0002" in texts and "CARD-P0002" in texts


def test_response_times(db: Db) -> None:
    case = build_case(db, small_district(), sample.ALERT_ID)
    r = case.response
    assert r is not None
    assert (r.ack_s, r.dispatch_s, r.accept_s, r.arrive_s, r.close_s) == (15.0, 35.0, 40.0, 85.0, 195.0)
    assert (r.sent_guard, r.sent_role, r.sent_eta_s) == ("GU1", "police", 80.0)
    assert r.compound == "C1" and r.day == "2024-05-01"
    rows = responses(db, small_district(), T0, T0 + 3600 * S)
    assert [x.alert_id for x in rows] == [sample.ALERT_ID]
    (by_role,) = aggregate(rows, "role")
    assert by_role["role"] == "police" and by_role["alerts"] == 1 and by_role["arrive_s_mean"] == 85.0


def test_unknown_alert(db: Db) -> None:
    with pytest.raises(CaseError, match="no alert"):
        build_case(db, small_district(), "nope")


def test_csv_and_geojson_round_trip(db: Db, tmp_path: Path) -> None:
    case = build_case(db, small_district(), sample.ALERT_ID, radius_m=RADIUS)
    assert write_csv(case.entries, tmp_path / "c.csv", "Asia/Shanghai") == len(case.entries)
    assert read_csv(tmp_path / "c.csv") == case.entries
    assert write_geojson(case.entries, tmp_path / "c.geojson", "Asia/Shanghai") == len(case.entries)
    assert read_geojson(tmp_path / "c.geojson") == case.entries
    assert "2024-05-01T16:00:05.000+08:00" in (tmp_path / "c.csv").read_text(encoding="utf-8-sig")


def test_nearest_guard_at_the_time_of_the_order(db: Db) -> None:
    from sandbox_app.geo.routing import RoutingGraph

    district = small_district()
    case = build_case(db, district, sample.ALERT_ID, router=RoutingGraph.from_district(district))
    r = case.response
    assert r is not None and r.nearest_guard in district.guards
    assert r.nearest_eta_s is not None and 0 < r.nearest_eta_s < 600
