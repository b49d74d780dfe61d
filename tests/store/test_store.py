"""Every `Store` backend (SQLite, PostgreSQL): district round trip and atomic replace, idempotent event
log, fixes at any T, alerts, meta. Fixtures in conftest.py; internals in test_sqlite.py / test_postgres.py."""

from __future__ import annotations

import sqlite3
import sys
import threading
from pathlib import Path

import numpy as np
import psycopg
import pytest
from shapely.geometry import LineString, Point, Polygon

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import AlertState, GuardRole, PersonTag, Relation, RoomUsage, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import (
    Building,
    Compound,
    Device,
    District,
    Gate,
    Guard,
    Person,
    Road,
    Room,
)
from sandbox_app.store import Fix, Store
from sandbox_app.store.dedupe import CONFLICT_OF
from tests.store.conftest import Opener
from tests.support import committed_demo

MIN = 60_000
SQUARE = Polygon([(116.0, 39.0), (116.001, 39.0), (116.001, 39.001), (116.0, 39.001)])


def _district(name: str = "测试社区") -> District:
    d = District(name, "Asia/Shanghai", extra={"source": "test", "version": 2})
    d.compounds["C1"] = Compound("C1", "一号小区", SQUARE, {"area_m2": 1.5}, "测试社区", "测试街道", "测试区")
    d.buildings["B1"] = Building("B1", "C1", "1栋", 6, SQUARE.buffer(-0.0001), 18.5, {"year": np.int64(1998)})
    d.buildings["B2"] = Building("B2", "C1", "2栋", 3, SQUARE.buffer(-0.0002))
    d.rooms["R1"] = Room("R1", "B1", "1", 3, "301", RoomUsage.RENTAL, {"area": 60})
    d.people["P0001"] = Person(
        "P0001",
        "测试居民0001",
        "R1",
        Relation.TENANT,
        frozenset({PersonTag.ELDERLY_ALONE, PersonTag.DISABLED}),
        frozenset({"CARD-1", "FACE-1"}),
        {"phone": "000-0000-0001", "nested": {"a": [1, 2, None]}},
    )
    d.people["P0002"] = Person("P0002", "测试居民0002", None, Relation.VISITOR)
    d.devices["D1"] = Device("D1", "door_magnet", "门磁", Placement.ROOM, room_id="R1")
    d.devices["D2"] = Device("D2", "gps_tracker", "定位", Placement.POINT, location=Point(116.0005, 39.0005))
    d.guards["G1"] = Guard("G1", "测试民警01", GuardRole.POLICE, "D2", {"shift": "day"})
    d.roads["W1"] = Road("W1", "footway", LineString([(116.0, 39.0), (116.001, 39.001)]), True)
    d.gates["T1"] = Gate("T1", "北门", Point(116.0005, 39.001), "C1", "23-6", {"guarded": True})
    return d


def _fix(eid: str, device: str, ts: int, lon: float, lat: float, **data: object) -> Event:
    return Event(eid, ts, device, "gps.fix", lon, lat, dict(data))


# district ------------------------------------------------------------------------------------------------
def test_empty_store_has_no_district(store: Store) -> None:
    assert store.load_district() is None


def test_has_district_answers_without_loading_it(store: Store) -> None:
    """The live session's start asks only whether a district is stored (decoding it took ~0.4 s)."""
    assert not store.has_district()
    store.replace_district(_district())
    assert store.has_district()


def test_district_round_trip_keeps_extras_enums_and_sets(opener: Opener) -> None:
    district = _district()
    first = opener()
    first.replace_district(district)
    first.close()
    reopened = opener()
    loaded = reopened.load_district()
    reopened.close()
    assert loaded == district
    assert loaded is not None
    assert isinstance(loaded.rooms["R1"].usage, RoomUsage)
    assert loaded.people["P0001"].tags == frozenset({PersonTag.ELDERLY_ALONE, PersonTag.DISABLED})
    assert loaded.buildings["B2"].height_m is None
    assert loaded.devices["D1"].location is None
    assert loaded.roads["W1"].oneway is True
    assert (loaded.compounds["C1"].community, loaded.compounds["C1"].county) == ("测试社区", "测试区")


def test_demo_district_round_trip(opener: Opener) -> None:
    """The real demo package: every extra column, tag set and geometry survives the store."""
    from sandbox_app.data.package import load_package
    from sandbox_app.data.resources import demo_package

    committed_demo()
    district = load_package(demo_package())
    with opener() as store:
        store.replace_district(district)
    with opener() as store:
        assert store.load_district() == district


def test_replace_district_replaces_everything(store: Store) -> None:
    store.replace_district(_district())
    smaller = District("另一个社区", "Asia/Shanghai")
    smaller.compounds["C9"] = Compound("C9", "九号小区", SQUARE)
    store.replace_district(smaller)
    assert store.load_district() == smaller


def test_failed_replace_leaves_previous_district_intact(store: Store) -> None:
    """Two rooms with one id fail on insert after compounds and buildings were already written."""
    before = _district()
    store.replace_district(before)
    broken = _district("坏社区")
    broken.rooms["R2"] = Room("R1", "B1", "1", 4, "401", RoomUsage.OWNER)
    with pytest.raises((sqlite3.IntegrityError, psycopg.errors.IntegrityError)):
        store.replace_district(broken)
    assert store.load_district() == before
    store.set_meta("still", "writable")  # the failed transaction did not leave one open
    assert store.get_meta("still") == "writable"


# events --------------------------------------------------------------------------------------------------
def test_append_returns_only_new_events_within_and_across_batches(store: Store) -> None:
    a = Event("a", 1000, "D1", "door.open", data={"n": 1})
    b = Event("b", 2000, "D1", "door.close")
    a_again = Event("a", 5000, "D1", "door.open", data={"n": 2})
    first, second, conflict = store.append_events([a, b, a_again])
    assert [first, second] == [a, b]
    assert conflict.data[CONFLICT_OF] == "a"  # same identity, other content: kept as a conflict (issue 14)
    c = Event("c", 1500, "D2", "face.pass", data={"person_id": "P0001", "watchlist": False})
    assert store.append_events([b, c, c, a]) == [c]
    assert store.append_events([a, b, c, a_again]) == []
    assert store.append_events([]) == []
    assert store.event_count() == 4
    assert list(store.events_between(0, 10_000)) == [a, c, b, conflict]  # first copy of "a" kept, time order


def test_append_returns_new_events_in_the_order_given(store: Store) -> None:
    """The engine evaluates what append returns as it comes, so the given (ts) order must survive."""
    given = [Event(f"e{i:04d}", 10_000 - i * 7 % 2_000, f"D{i % 3}", "door.open") for i in range(2_500)]
    assert store.append_events([*given[:1_200], given[5], *given[1_200:]]) == given


def test_events_between_is_inclusive_ordered_and_pages(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[type(store).__module__], "_PAGE", 3)
    events = [Event(f"e{i}", 1000 * (i % 4), f"D{i}", "device.heartbeat") for i in range(10)]
    store.append_events(events)
    got = list(store.events_between(1000, 2000))
    assert [e.id for e in got] == ["e1", "e5", "e9", "e2", "e6"]
    assert len(list(store.events_between(0, 3000))) == 10
    assert list(store.events_between(4000, 9000)) == []
    assert store.last_event_ts() == 3000


def test_last_event_ts_empty(store: Store) -> None:
    assert store.last_event_ts() is None
    assert store.event_count() == 0


def test_flagged_events_are_stored(store: Store) -> None:
    e = _fix("f", "G", 1000, 116.0, 39.0, flagged="speed 200 km/h")
    assert store.append_events([e]) == [e]
    assert list(store.events_between(0, 2000)) == [e]


def _beats(prefix: str, n: int) -> list[Event]:
    return [Event(f"{prefix}{i}", i, "D", "device.heartbeat") for i in range(n)]


def test_two_writers_on_one_database_store_each_id_once(opener: Opener) -> None:
    """A CLI import beside the running app, or two stations: each store object sees what the other wrote."""
    one, two = opener(seal_every=3), opener(seal_every=3)
    assert len(one.append_events(_beats("x", 2))) == 2
    assert len(two.append_events(_beats("x", 4))) == 2
    assert len(one.append_events(_beats("x", 7))) == 3  # two sealed meanwhile
    assert two.append_events(_beats("x", 7)) == []
    assert one.event_count() == 7
    one.close()
    two.close()


# fixes at T ----------------------------------------------------------------------------------------------
def _fix_history(store: Store) -> None:
    """Out-of-order arrival across minutes; a flagged fix; a non-fix event with a position."""
    store.append_events(
        [
            _fix("x3", "X", 3 * MIN + 10_000, 3.0, 30.0),
            _fix("x1", "X", 1 * MIN + 5_000, 1.0, 10.0),
            _fix("y1", "Y", 2 * MIN + 30_000, 5.0, 50.0),
        ]
    )
    store.append_events(
        [
            _fix("x2", "X", 1 * MIN + 40_000, 2.0, 20.0),
            _fix("xbad", "X", 3 * MIN + 20_000, 99.0, 99.0, flagged="jump"),
            _fix("ybad", "Y", 2 * MIN + 40_000, 99.0, 99.0, flagged="jump"),
            Event("door", 3 * MIN + 30_000, "X", "door.open", 98.0, 98.0),
            _fix("x0", "X", 10_000, 0.5, 5.0),
        ]
    )


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (9_999, {}),
        (10_000, {"X": (10_000, 0.5, 5.0)}),
        (1 * MIN + 5_000, {"X": (MIN + 5_000, 1.0, 10.0)}),
        (1 * MIN + 39_999, {"X": (MIN + 5_000, 1.0, 10.0)}),
        (2 * MIN, {"X": (MIN + 40_000, 2.0, 20.0)}),
        (2 * MIN + 45_000, {"X": (MIN + 40_000, 2.0, 20.0), "Y": (2 * MIN + 30_000, 5.0, 50.0)}),
        (3 * MIN + 15_000, {"X": (3 * MIN + 10_000, 3.0, 30.0), "Y": (2 * MIN + 30_000, 5.0, 50.0)}),
        (10**13, {"X": (3 * MIN + 10_000, 3.0, 30.0), "Y": (2 * MIN + 30_000, 5.0, 50.0)}),
    ],
)
def test_last_fixes_at_past_times(
    store: Store, at: int, expected: dict[str, tuple[int, float, float]]
) -> None:
    _fix_history(store)
    assert store.last_fixes(at) == {d: Fix(d, *v) for d, v in expected.items()}


def test_keyframes_hold_last_current_fix_per_device_minute(opener: Opener) -> None:
    store = opener(keyframe_lag=1)
    _fix_history(store)
    rows = store._conn.execute("SELECT device, bucket, ts FROM fix_keyframes ORDER BY device, bucket")
    assert rows.fetchall() == [
        ("X", 0, 10_000),
        ("X", 1, MIN + 40_000),
        ("X", 3, 3 * MIN + 10_000),
        ("Y", 2, 2 * MIN + 30_000),
    ]
    store.close()


def test_fixes_from_two_writers_fold_into_the_same_keyframes(opener: Opener) -> None:
    """SQLite: the second writer's buffer misses the first writer's rows, so it must fold from the log."""
    one = opener(keyframe_lag=2)
    two = opener(keyframe_lag=2)
    one.append_events([_fix("a", "X", 5_000, 1.0, 1.0)])
    two.append_events([_fix("b", "X", 7_000, 2.0, 2.0), _fix("c", "Y", 8_000, 3.0, 3.0)])
    one.append_events([_fix("d", "X", 6_000, 4.0, 4.0), _fix("e", "X", MIN + 1, 5.0, 5.0)])
    rows = one._conn.execute("SELECT device, bucket, ts FROM fix_keyframes ORDER BY device, bucket")
    assert rows.fetchall() == [("X", 0, 7_000), ("X", 1, MIN + 1), ("Y", 0, 8_000)]
    for store in (one, two):
        assert store.last_fixes(MIN) == {"X": Fix("X", 7_000, 2.0, 2.0), "Y": Fix("Y", 8_000, 3.0, 3.0)}
        assert store.last_fixes(2 * MIN)["X"] == Fix("X", MIN + 1, 5.0, 5.0)
        store.close()


def test_last_fixes_same_ts_latest_arrival_wins(store: Store) -> None:
    store.append_events([_fix("p", "X", 5_000, 1.0, 1.0)])
    store.append_events([_fix("q", "X", 5_000, 2.0, 2.0), _fix("r", "X", 2_000, 3.0, 3.0)])
    assert store.last_fixes(MIN) == {"X": Fix("X", 5_000, 2.0, 2.0)}  # from the keyframe
    assert store.last_fixes(5_000) == {"X": Fix("X", 5_000, 2.0, 2.0)}  # from the log window


def test_same_ts_in_one_batch_latest_arrival_wins_in_keyframes_too(opener: Opener) -> None:
    store = opener(keyframe_lag=1)
    store.append_events(
        [_fix("q", "X", 5_000, 2.0, 2.0), _fix("s", "X", 5_000, 4.0, 4.0), _fix("t", "X", 10, 9, 9)]
    )
    assert store.last_fixes(MIN) == {"X": Fix("X", 5_000, 4.0, 4.0)}  # from the keyframe
    assert store.last_fixes(5_000) == {"X": Fix("X", 5_000, 4.0, 4.0)}  # from the log window
    store.close()


def test_duplicate_fix_does_not_move_position(store: Store) -> None:
    store.append_events([_fix("p", "X", 5_000, 1.0, 1.0)])
    store.append_events([_fix("p", "X", 9_000, 7.0, 7.0)])
    assert store.last_fixes(MIN) == {"X": Fix("X", 5_000, 1.0, 1.0)}


# alerts --------------------------------------------------------------------------------------------------
def _alert(aid: str, first: int) -> Alert:
    return Alert(aid, "smoke_alarm", "R1", "room", Severity.HIGH, AlertState.OPEN, first, first)


def test_alert_lifecycle_round_trip_and_open_at(store: Store) -> None:
    a = _alert("A1", 1000)
    a.lon, a.lat, a.data = 116.0, 39.0, {"event_ids": ["e1"]}
    b = _alert("A2", 3000)
    store.upsert_alerts([a, b])
    a.count, a.last_ts = 3, 4000
    a.advance(AlertState.ACKNOWLEDGED, "测试民警01", 5000)
    a.advance(AlertState.DISMISSED, "测试民警01", 6000, "误报")
    store.upsert_alerts([a])
    assert store.get_alert("A1") == a
    assert store.get_alert("nope") is None
    assert store.alerts() == [a, b]
    assert store.alerts_open_at(999) == []
    assert store.alerts_open_at(1000) == [a]
    assert store.alerts_open_at(5999) == [a, b]
    assert store.alerts_open_at(6000) == [b]
    assert [s.state for s in store.alerts()[0].history] == [AlertState.ACKNOWLEDGED, AlertState.DISMISSED]


def test_upsert_no_alerts_is_a_no_op(store: Store) -> None:
    store.upsert_alerts([])
    assert store.alerts() == []


# meta and threads ----------------------------------------------------------------------------------------
def test_meta_set_get_overwrite(store: Store) -> None:
    assert store.get_meta("mqtt.cursor") is None
    store.set_meta("mqtt.cursor", "41")
    store.set_meta("mqtt.cursor", "42")
    assert store.get_meta("mqtt.cursor") == "42"


def test_appends_from_many_threads_store_each_event_once(store: Store) -> None:
    new_counts: list[int] = []

    def writer(offset: int) -> None:
        for i in range(0, 200, 10):
            keys = [(offset + j) % 300 for j in range(i, i + 10)]
            batch = [Event(f"t{k}", k, "D", "device.heartbeat") for k in keys]  # redeliveries: same content
            new_counts.append(len(store.append_events(batch)))

    threads = [threading.Thread(target=writer, args=(k * 50,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.event_count() == 300
    assert sum(new_counts) == 300


def test_events_between_filters_kinds(store: Store) -> None:
    """The engine's warm-up replays only some kinds over long windows."""
    store.append_events(
        [
            Event("d", 1000, "D1", "door.open"),
            _fix("f", "G", 1500, 116.0, 39.0),
            Event("h", 2000, "D1", "device.heartbeat"),
        ]
    )
    assert [e.id for e in store.events_between(0, 5000, ["gps.fix", "door.open"])] == ["d", "f"]
    assert list(store.events_between(0, 5000, [])) == []
    assert [e.id for e in store.events_between(0, 5000, ["alarm.smoke"])] == []


def test_queries_borrow_the_sqlite_connection_through_a_declared_method(tmp_path: Path) -> None:
    """store/queries.py once reached into `_conn`/`_lock`; now a store lends them (`SharedDb`)."""
    from sandbox_app.store import queries
    from sandbox_app.store.sqlite import SqliteStore

    store = SqliteStore(tmp_path / "q.db")
    db = queries.Db.of_store(store)
    assert queries.tail(db, 0, 1) == []
    with pytest.raises(TypeError):
        queries.Db.of_store(object())
    source = Path(queries.__file__).read_text(encoding="utf-8")
    assert "_conn" not in source and "_lock" not in source
    store.close()


def test_the_postgres_test_harness_is_not_shipped() -> None:
    import sandbox_app

    assert not list(Path(sandbox_app.__file__).parent.rglob("pg_local.py"))
