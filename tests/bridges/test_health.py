"""HealthTracker: reports on changes and per batch, and keeps an idle but connected bridge visibly alive."""

from __future__ import annotations

from sandbox_app.bridges.health import KEEPALIVE_MS, HealthTracker
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.messages import BridgeHealth


class _Clock:
    def __init__(self) -> None:
        self.ms = 1_000_000

    def __call__(self) -> int:
        return self.ms


def _tracker() -> tuple[HealthTracker, _Clock, list[BridgeHealth]]:
    clock, seen = _Clock(), []
    return HealthTracker("mqtt:test", clock, seen.append), clock, seen


def test_reports_link_changes_and_batches_with_last_rejection() -> None:
    tracker, _, seen = _tracker()
    tracker.set_connected(True)
    tracker.set_connected(True)  # no change, no report
    tracker.record_batch([Event("e1", 1, "d", "door.open"), Rejection("bad ts"), Rejection("unknown kind")])
    assert [h.connected for h in seen] == [True, True]
    assert (seen[-1].received, seen[-1].rejected, seen[-1].last_rejection) == (3, 2, "unknown kind")


def test_keepalive_reports_an_idle_connected_bridge_once_per_interval() -> None:
    tracker, clock, seen = _tracker()
    tracker.keepalive()
    assert seen == []  # not connected: silence is the truth
    tracker.set_connected(True)
    clock.ms += KEEPALIVE_MS - 1
    tracker.keepalive()
    assert len(seen) == 1
    clock.ms += 1
    tracker.keepalive()
    tracker.keepalive()
    assert len(seen) == 2 and seen[-1].connected
