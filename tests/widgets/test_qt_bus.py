"""Bus → Qt: a flood of engine batches from another thread arrives as a few coalesced updates."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.events import Event
from sandbox_app.engine.bus import Bus
from sandbox_app.engine.messages import BridgeHealth, HealthChanged, LiveStopped, RiskUpdate, StateDelta
from sandbox_app.store.base import Fix
from widgets.qt_bus import LiveUpdate, QtBus

pytestmark = pytest.mark.gui


def _event(n: int) -> Event:
    return Event(f"e{n}", n, "T1", "gps.fix", 119.0, 26.0, {})


def test_a_flood_from_a_worker_thread_is_coalesced(qtbot: QtBot) -> None:
    bus = Bus()
    qt_bus = QtBus(bus, max_rate_hz=20)
    got: list[LiveUpdate] = []
    qt_bus.updated.connect(got.append)
    alert = Alert("a1", "smoke_alarm", "R1", "room", Severity.CRITICAL, AlertState.OPEN, 0, 0)

    def flood() -> None:
        for n in range(2000):
            fixes = {"T1": Fix("T1", n, 119.0 + n * 1e-6, 26.0)}
            bus.publish(StateDelta(n, [_event(n)], fixes, [alert] if n == 10 else []))
        alert.count = 99  # the engine keeps mutating its own object after publishing
        bus.publish(HealthChanged(BridgeHealth("simulator", True, 5, 2000, 0, None)))
        bus.publish(RiskUpdate(1999, {"B1": 12.5}, {}))

    worker = threading.Thread(target=flood)
    worker.start()
    worker.join()
    assert got == []  # nothing is delivered on the worker thread
    qtbot.waitUntil(lambda: sum(u.events for u in got) == 2000, timeout=5000)
    qt_bus.close()
    assert len(got) <= 3
    last_fix = [u.fixes["T1"] for u in got if "T1" in u.fixes][-1]
    assert last_fix.ts == 1999
    alerts = [u.alerts["a1"] for u in got if "a1" in u.alerts]
    assert len(alerts) == 1 and alerts[0].count == 1  # a copy taken when it was published
    assert any(u.health.get("simulator") for u in got) and any(u.risk for u in got)


def test_close_delivers_what_is_pending_and_stops_listening(qtbot: QtBot) -> None:
    bus = Bus()
    qt_bus = QtBus(bus)
    got: list[LiveUpdate] = []
    qt_bus.updated.connect(got.append)
    posted: list[str] = []
    bus.publish(LiveStopped("boom"))
    qt_bus.post(lambda: posted.append("ran"))
    qt_bus.close()
    assert [u.stopped for u in got] == [LiveStopped("boom")] and posted == ["ran"]
    bus.publish(StateDelta(1, [_event(1)]))
    QApplication.processEvents()
    assert len(got) == 1 and not bus.has_subscribers(StateDelta)
