"""The wall screen's choices: what takes focus (once, bounded), which camera pops up, the tour order."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sandbox_app.analytics.stats import GuardRow, GuardState
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch, DispatchState, DispatchStep
from sandbox_app.domain.enums import AlertState, GuardRole, Severity
from sandbox_app.domain.model import Compound
from sandbox_app.station.wall import (
    FocusQueue,
    alert_place,
    compound_at,
    linked_camera,
    local_time,
    open_by_level,
    population,
    roster_counts,
    tour_stops,
    unattended,
    with_context,
)
from tests.layers.sample import at, box, small_district


def _alert(aid: str, severity: Severity, subject: str = "D1", kind: str = "device", ts: int = 0) -> Alert:
    return Alert(aid, "r", subject, kind, severity, AlertState.OPEN, ts, ts)


def test_only_new_high_alerts_take_focus_once_most_severe_first() -> None:
    queue = FocusQueue(max_pending=3, memory=5)
    assert queue.offer([_alert("low", Severity.LOW), _alert("h1", Severity.HIGH, ts=5)]) == 1
    assert queue.offer([_alert("h1", Severity.HIGH, ts=9)]) == 0  # a repeat of the same alert
    acked = _alert("ack", Severity.CRITICAL)
    acked.state = AlertState.ACKNOWLEDGED
    assert queue.offer([acked, _alert("c1", Severity.CRITICAL, ts=1)]) == 1
    first, second = queue.take(), queue.take()
    assert (first and first.id, second and second.id, queue.take()) == ("c1", "h1", None)


def test_a_more_severe_alert_outranks_the_one_on_screen_which_waits_again() -> None:
    queue = FocusQueue()
    queue.offer([_alert("fence", Severity.HIGH, ts=1)])
    on_screen = queue.take()
    assert on_screen is not None and not queue.outranks(on_screen)
    queue.offer([_alert("fence2", Severity.HIGH, ts=2)])
    assert not queue.outranks(on_screen)  # an equal one waits its turn
    queue.offer([_alert("fire", Severity.CRITICAL, ts=3)])
    assert queue.outranks(on_screen)
    queue.put_back(on_screen)
    assert [a.id for a in (queue.take(), queue.take(), queue.take()) if a] == ["fire", "fence2", "fence"]


def test_focus_memory_and_queue_stay_bounded() -> None:
    queue = FocusQueue(max_pending=3, memory=5)
    queue.offer(_alert(f"a{i}", Severity.HIGH, ts=i) for i in range(100))
    assert len(queue) == 3 and queue.remembered == 5
    assert [a.id for a in (queue.take(), queue.take(), queue.take()) if a] == ["a99", "a98", "a97"]


def test_linked_camera_subject_then_nearby() -> None:
    district = small_district()
    cam = linked_camera(district, _alert("x", Severity.HIGH, "D4"))
    assert cam is not None and cam.id == "D4"  # the camera itself
    near = _alert("y", Severity.HIGH, "C1", "compound")
    near.lon, near.lat = at(70, -70)
    assert (c := linked_camera(district, near)) is not None and c.id == "D4"
    far = _alert("z", Severity.HIGH, "C1", "compound")
    far.lon, far.lat = at(-90, 90)
    assert linked_camera(district, far) is None


def test_tour_visits_compounds_in_order() -> None:
    stops = tour_stops(small_district())
    assert [s.compound_id for s in stops] == ["C1"]
    x0, y0, x1, y1 = stops[0].bounds
    assert x0 < x1 and y0 < y1


def test_open_alerts_by_level_count_every_level_and_leave_out_handled_ones() -> None:
    resolved = _alert("r", Severity.HIGH)
    resolved.state = AlertState.RESOLVED
    closed = _alert("c", Severity.LOW)
    closed.state = AlertState.CLOSED
    counts = open_by_level([_alert("a", Severity.HIGH), _alert("b", Severity.HIGH), resolved, closed])
    assert counts[Severity.HIGH] == 2 and counts[Severity.LOW] == 0 and set(counts) == set(Severity)


def _sent(alert_id: str, state: DispatchState = DispatchState.ISSUED) -> Dispatch:
    sent = Dispatch("D-" + alert_id, alert_id, "GU1", None, "desk:tester", 0, None, None)
    if state is not DispatchState.ISSUED:
        sent.history.append(DispatchStep(state, "desk:tester", 1))
    return sent


def test_unattended_are_high_alerts_nobody_holds_a_guard_for_most_severe_first() -> None:
    waiting = _alert("fence", Severity.HIGH, ts=1)
    fire = _alert("fire", Severity.CRITICAL, ts=5)
    acked = _alert("acked", Severity.HIGH, ts=2)
    acked.state = AlertState.ACKNOWLEDGED
    covered = _alert("covered", Severity.CRITICAL, ts=0)
    declined = _alert("declined", Severity.HIGH, ts=3)
    marked = _alert("marked", Severity.HIGH, ts=4)
    marked.state = AlertState.DISPATCHED
    low = _alert("low", Severity.MEDIUM)
    dispatches = [_sent("covered"), _sent("declined", DispatchState.DECLINED)]
    alerts = [waiting, fire, acked, covered, declined, marked, low]
    assert [a.id for a in unattended(alerts, dispatches)] == ["fire", "fence", "acked", "declined"]


def test_roster_counts_by_role_and_state_without_names() -> None:
    rows = [
        GuardRow("G1", "测试一", GuardRole.POLICE, GuardState.PATROLLING, 3.0, None),
        GuardRow("G2", "测试二", GuardRole.POLICE, GuardState.DISPATCHED, 3.0, None),
        GuardRow("G3", "测试三", GuardRole.GRID, GuardState.STALE, None, None),
    ]
    counts = roster_counts(rows)
    assert list(counts) == [GuardRole.POLICE, GuardRole.GRID]
    assert counts[GuardRole.POLICE][GuardState.DISPATCHED] == 1
    assert counts[GuardRole.GRID] == {**dict.fromkeys(GuardState, 0), GuardState.STALE: 1}


def test_population_figures() -> None:
    people = population(small_district())
    assert (people.residents, people.rental_rooms, people.elderly_alone, people.key_persons) == (2, 2, 1, 0)


def test_alert_place_names_the_buildings_own_compound_over_geometry() -> None:
    district = small_district()
    # a neighbouring compound drawn over B1: the package says B1 is in C1, and C1 is what the wall names
    district.compounds["C0"] = Compound("C0", "测试邻区", box(-50, 50, 40))
    place = alert_place(district, _alert("x", Severity.HIGH, "D1"))
    assert (place.compound_id, place.compound, place.building, place.room) == (
        "C1",
        "测试一区",
        "1幢",
        "1-101",
    )
    assert compound_at(district, at(-50, 50)) is not None
    camera = alert_place(district, _alert("y", Severity.HIGH, "D4"))  # on a pole: named by itself
    assert camera.building == "" and camera.subject == "路口" and camera.compound == "测试一区"
    outside = _alert("z", Severity.HIGH, "C1", "compound")
    assert alert_place(district, outside).compound == "测试一区"
    assert compound_at(district, at(500, 500)) is None


def test_tour_context_keeps_a_small_compound_in_its_surroundings() -> None:
    x0, y0, x1, y1 = with_context((119.3, 26.08, 119.3001, 26.0801), 350.0)
    assert (y1 - y0) * 111_320 >= 699 and x0 < 119.3 < 119.3001 < x1
    big = (119.0, 26.0, 119.5, 26.5)
    assert with_context(big, 350.0) == big


def test_local_time_is_the_engine_time_in_the_districts_zone() -> None:
    ts = int(datetime(2001, 3, 4, 21, 5, 9, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp() * 1000)
    now = local_time(ts, "Asia/Shanghai")
    assert (now.year, now.month, now.day, now.weekday, now.hour, now.minute, now.second) == (
        2001,
        3,
        4,
        6,
        21,
        5,
        9,
    )
