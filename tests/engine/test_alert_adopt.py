"""`AlertBook.adopt_alert`: another station's open alert is the one repeats count on; once it ended there,
a repeat here raises a new alert (what `sync.EngineMirror` relies on)."""

from __future__ import annotations

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.engine.alert_book import AlertBook
from sandbox_app.rules.base import Signal

T0 = 1_767_225_600_000


def _alert(aid: str, state: AlertState, last_ts: int = T0, count: int = 1) -> Alert:
    return Alert(aid, "alarm_button", "AB-00001", "device", Severity.CRITICAL, state, T0, last_ts, count)


def _signal(ts: int) -> Signal:
    return Signal("alarm_button", "AB-00001", "device", Severity.CRITICAL, ts)


def test_adopted_open_alert_counts_repeats_and_ended_one_is_dropped() -> None:
    book = AlertBook()
    theirs = _alert("A-THEIRS", AlertState.OPEN)
    book.adopt_alert(theirs)
    repeat = book.apply(_signal(T0 + 1000))
    assert repeat.id == "A-THEIRS" and repeat.count == 2

    ended = _alert("A-THEIRS", AlertState.CLOSED, T0 + 1000, 2)
    book.adopt_alert(ended)
    assert book.find("A-THEIRS") is None and len(book) == 0
    fresh = book.apply(_signal(T0 + 2000))
    assert fresh.id != "A-THEIRS" and fresh.count == 1


def test_ending_another_alert_leaves_ours_open() -> None:
    book = AlertBook()
    ours = book.apply(_signal(T0))
    other = _alert("A-OLD", AlertState.CLOSED)
    book.adopt_alert(other)
    assert book.find(ours.id) is ours
