"""The station's figures for a period (issue 21): this month so far against last month cut at the same
day, quiet compounds, outcomes, passes counted in the database with visitors apart."""

from __future__ import annotations

from pathlib import Path

from sandbox_app.analytics.figures import Period
from sandbox_app.analytics.summary import baseline_of, summary
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import Device
from sandbox_app.store import open_store
from tests.analytics.test_figures import TZ, alert, ms
from tests.layers.sample import at, small_district


def test_the_baseline_is_last_period_cut_at_the_same_point() -> None:
    start, now = ms("2026-03-01T00:00:00"), ms("2026-03-08T00:00:00")
    assert baseline_of(start, now, Period.MONTH, TZ) == (ms("2026-02-01T00:00:00"), ms("2026-02-08T00:00:00"))
    # a long month's end is cut at the previous month's end
    start, now = ms("2026-03-01T00:00:00"), ms("2026-03-31T12:00:00")
    assert baseline_of(start, now, Period.MONTH, TZ) == (ms("2026-02-01T00:00:00"), ms("2026-03-01T00:00:00"))


def test_month_so_far_against_last_month(tmp_path: Path) -> None:
    from shapely.geometry import Point

    d = small_district()
    d.devices["V1"] = Device("V1", "visitor_terminal", "访客机", Placement.POINT, location=Point(*at(0, -90)))
    store = open_store(tmp_path / "s.db")
    store.replace_district(d)
    now = ms("2026-03-10T12:00:00")
    store.upsert_alerts(
        [
            alert("smoke_alarm", "D1", "device", ms("2026-03-02T08:00:00")),
            alert("smoke_alarm", "D1", "device", ms("2026-03-05T08:00:00")),
            alert("perimeter_breach", "D4", "device", ms("2026-02-03T08:00:00")),  # in the baseline
            alert("perimeter_breach", "D4", "device", ms("2026-02-20T08:00:00")),  # last month, after the cut
            alert("fire_lane", "D4", "device", ms("2026-03-07T08:00:00")),  # 占道: counted with the passes
            alert("fire_lane", "D4", "device", ms("2026-02-07T08:00:00")),  # last month's: not
        ]
    )
    store.append_events(
        [
            Event("f1", ms("2026-03-03T09:00:00"), "D3", "face.pass", None, None, {"person_id": "P0001"}),
            Event("f2", ms("2026-03-04T09:00:00"), "V1", "face.pass", None, None, {}),
            Event("r1", ms("2026-03-04T10:00:00"), "D3", "rfid.read", None, None, {"tag": "T"}),
            Event("t1", ms("2026-03-06T10:00:00"), "D4", "throw.detected", None, None, {}),
            Event("old", ms("2026-02-27T10:00:00"), "D3", "plate.read", None, None, {"plate": "京A"}),
        ]
    )
    s = summary(store, d, now)
    store.close()
    assert (s.start_ts, s.end_ts) == (ms("2026-03-01T00:00:00"), now + 1)
    assert (s.alerts, s.baseline_alerts, s.change) == (3, 2, 0.5)
    assert [(r.rule, r.count, r.baseline) for r in s.trend] == [
        ("smoke_alarm", 2, 0),
        ("fire_lane", 1, 1),
        ("perimeter_breach", 0, 1),
    ]
    assert s.quiet == () and s.compounds == 1  # C1 had the smoke alarms
    passes = {"plate.read": 0, "face.pass": 2, "rfid.read": 1, "throw.detected": 1, "visitor": 1}
    assert s.passes == passes | {"road_occupation": 1}
    assert s.population.registered == len(d.people)
    assert s.to_json()["passes"]["visitor"] == 1


def test_stored_pass_counts_equal_the_decoded_ones(tmp_path: Path) -> None:
    """The figures CLI counts in the database; per day, week and month it matches `pass_counts`."""
    from sandbox_app.analytics.figures import pass_counts
    from sandbox_app.analytics.summary import stored_pass_counts

    d = small_district()
    d.devices["V1"] = Device("V1", "visitor_terminal", "访客机", Placement.GATE, gate_id="G1")
    times = [
        ms(t)
        for t in ("2026-04-30T23:59:00", "2026-05-01T00:10:00", "2026-05-03T23:50:00", "2026-05-04T00:10:00")
    ]
    events = [
        Event(f"e{i}", ts, dev, kind, None, None, {})
        for i, (ts, dev, kind) in enumerate(
            [(times[0], "V1", "face.pass"), (times[1], "D3", "face.pass"), (times[2], "D4", "plate.read"),
             (times[3], "V1", "face.pass"), (times[3], "D3", "rfid.read")]
        )
    ]  # fmt: skip
    store = open_store(tmp_path / "s.db")
    store.replace_district(d)
    store.append_events(events)
    occupied = [alert("fire_lane", "D4", "device", times[i]) for i in (1, 2)]  # 占道, by the day raised
    store.upsert_alerts([*occupied, alert("smoke_alarm", "D1", "device", times[1])])
    start, end = ms("2026-04-30T12:00:00"), ms("2026-05-31T00:00:00")
    for period in (Period.DAY, Period.WEEK, Period.MONTH):
        decoded = pass_counts(d, store.events_between(start, end - 1), period, occupied)
        assert stored_pass_counts(store, d, start, end, period) == decoded, period
    by_day = stored_pass_counts(store, d, start, end, Period.DAY)["road_occupation"]
    assert by_day == {ms("2026-05-01T00:00:00"): 1, ms("2026-05-03T00:00:00"): 1}
    store.close()
