"""The wall screen's choices: what takes focus (once, bounded), which camera pops up, the tour order."""

from __future__ import annotations

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.wall import FocusQueue, linked_camera, tour_stops
from tests.layers.sample import at, small_district


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
