"""A subject's events and track (issue 21, 综合查询): both backends read the same passes for a person's
face, plate, e-bike tag and card, a guard's tracker, within the window and in time order."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from sandbox_app.domain.events import Event
from sandbox_app.search import passes
from tests.store.test_store import _district

DAY = 86_400_000
T0 = 1_750_000_000_000


def _events() -> list[Event]:
    return [
        Event("e1", T0 - 40 * DAY, "D1", "face.pass", None, None, {"person_id": "P0001"}),  # too old
        Event("e2", T0 - 3 * DAY, "D1", "face.pass", None, None, {"person_id": "P0001"}),
        Event("e3", T0 - 2 * DAY, "D1", "lock.open", None, None, {"credential": "CARD-1"}),
        Event("e4", T0 - 2 * DAY + 1, "D1", "lock.open", None, None, {"credential": "CARD-9"}),  # not theirs
        Event("e5", T0 - DAY, "D1", "face.pass", None, None, {"person_id": "P0002"}),  # someone else
        Event("e6", T0 - DAY + 5, "D2", "gps.fix", 116.0006, 39.0006, {}),
        Event("e7", T0 - 1000, "D1", "rfid.read", None, None, {"tag": "FACE-1"}),
        Event("e8", T0 + 1, "D1", "face.pass", None, None, {"person_id": "P0001"}),  # after the end
    ]


def test_a_persons_track_gathers_face_card_and_tag_passes(store: Any) -> None:
    district = _district()
    store.replace_district(district)
    store.append_events(_events())
    subject = passes.subject_of(district, "person", "P0001")
    assert subject is not None
    t = passes.track(store, district, subject, T0)
    assert [(p.kind, p.ts) for p in t.passes] == [
        ("face.pass", T0 - 3 * DAY),
        ("lock.open", T0 - 2 * DAY),
        ("rfid.read", T0 - 1000),
    ]
    anchor = district.device_anchor(district.devices["D1"])  # no position in the event: its device's
    assert anchor is not None and all((p.lon, p.lat) == anchor for p in t.passes)
    assert t.last_seen() == t.passes[-1] and not t.cut


def test_a_guards_track_is_their_trackers_fixes(store: Any) -> None:
    district = _district()
    store.replace_district(district)
    store.append_events(_events())
    subject = passes.subject_of(district, "guard", "G1")
    assert subject is not None and subject.devices == ("D2",)
    t = passes.track(store, district, subject, T0)
    assert [(p.ts, p.lon, p.lat) for p in t.passes] == [(T0 - DAY + 5, 116.0006, 39.0006)]


def test_places_have_no_track_and_exports_carry_no_names(store: Any) -> None:
    district = _district()
    store.replace_district(district)
    store.append_events(_events())
    assert passes.subject_of(district, "room", "R1") is None
    assert passes.subject_of(district, "person", "NOPE") is None
    subject = passes.subject_of(district, "person", "P0001")
    assert subject is not None
    t = passes.track(store, district, subject, T0)
    text = passes.csv_text(t) + orjson.dumps(passes.to_geojson(t)).decode()
    assert "测试居民0001" not in text and "000-0000-0001" not in text
    assert (
        passes.csv_text(t).splitlines()[0] == "ts,kind,device,lon,lat"
        and len(passes.csv_text(t).splitlines()) == 4
    )
    gj = passes.to_geojson(t)
    assert gj["features"][0]["geometry"]["type"] == "LineString" and len(gj["features"]) == 4


@pytest.mark.parametrize("limit", [1, 2])
def test_the_limit_cuts_and_says_so(store: Any, limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    district = _district()
    store.replace_district(district)
    store.append_events(_events())
    monkeypatch.setattr(passes, "MAX_PASSES", limit)
    subject = passes.subject_of(district, "person", "P0001")
    assert subject is not None
    t = passes.track(store, district, subject, T0)
    assert len(t.passes) == limit and t.cut


def test_kind_counts_per_kind_and_device_in_the_window(store: Any) -> None:
    store.replace_district(_district())
    store.append_events(_events())
    counts = store.kind_counts(T0 - 30 * DAY, T0 + 1, ["face.pass", "lock.open"])
    assert counts == {("face.pass", "D1"): 2, ("lock.open", "D1"): 2}  # e1 too old; e8 at T0 + 1 excluded
    assert store.kind_counts(T0 - 30 * DAY, T0, []) == {}


def test_a_trackers_month_of_fixes_is_read_by_device_not_by_time(store: Any) -> None:
    """A guard's 30-day GPS track (issue 21 §4) is read by device then time (migration v11: SQLite's
    `device_track` plus the log's unfolded tail, PostgreSQL's (device, ts, seq) index): the fixes of one
    tracker among everyone's events, in time order, cut at the limit from the oldest."""
    district = _district()
    store.replace_district(district)
    fixes = [
        Event(f"f{i}", T0 - 29 * DAY + i * 60_000, "D2", "gps.fix", 116.0 + i * 1e-6, 39.0, {})
        for i in range(300)
    ]
    noise = [
        Event(f"n{i}", T0 - 29 * DAY + i * 60_000 + 7, "D1", "face.pass", None, None, {}) for i in range(300)
    ]
    merged = sorted(fixes + noise, key=lambda e: e.ts)
    for k in range(0, len(merged), 50):
        store.append_events(merged[k : k + 50])
    subject = passes.subject_of(district, "guard", "G1")
    assert subject is not None
    t = passes.track(store, district, subject, T0)
    assert [p.ts for p in t.passes] == [e.ts for e in fixes] and {p.device for p in t.passes} == {"D2"}
    got = store.subject_events(T0 - 30 * DAY, T0, {}, ["D2"], 5)
    assert [e.id for e in got] == [f"f{i}" for i in range(5)]
    conn: Any = vars(store)["_conn"]
    if type(store).__name__ == "SqliteStore":
        from sandbox_app.store.sqlite import DEVICE_TAIL_SQL, DEVICE_TRACK_SQL

        def plan_of(sql: str, params: tuple[Any, ...]) -> str:
            return " ".join(str(r[-1]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))

        plan = plan_of(DEVICE_TRACK_SQL, ("D2", T0 - 30 * DAY, T0, 10))
        assert "SEARCH t USING PRIMARY KEY (device=? AND ts>? AND ts<?)" in plan, plan
        assert "TEMP B-TREE" not in plan, plan  # in key order: no sort
        plan = plan_of(DEVICE_TAIL_SQL, (100, "D2", T0 - 30 * DAY, T0))
        assert plan == "SEARCH events USING INTEGER PRIMARY KEY (rowid>?)", plan  # never the time index
    else:
        conn.execute("SET enable_seqscan = off")  # a test table is tiny: ask whether the index can serve
        try:
            sql = """EXPLAIN SELECT seq FROM events WHERE device = %s AND ts >= %s AND ts <= %s
                     ORDER BY ts, seq LIMIT %s"""
            plan = " ".join(str(r[0]) for r in conn.execute(sql, ("D2", T0 - 30 * DAY, T0, 10)))
        finally:
            conn.execute("RESET enable_seqscan")
        assert "device_ts_seq" in plan, plan  # each partition's events_y…_device_ts_seq_idx
