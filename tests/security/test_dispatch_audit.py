"""Dispatch commands land in the audit log: each order issued, each commander's step, and the alert's own
steps, through the engine's audit trail."""

from __future__ import annotations

from pathlib import Path

from sandbox_app.dispatch.engine_hook import DispatchService
from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.geo.routing import RoutingGraph
from sandbox_app.privacy.audit import AuditLog, AuditTrail
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import at, small_district

T0 = 1_700_000_040_000


class DeskEngine:
    """The three things DispatchService asks of the engine, plus its audit trail."""

    def __init__(self, alert: Alert, audit: AuditTrail) -> None:
        self.alert, self.audit = alert, audit

    def now_ms(self) -> int:
        return T0

    def open_alerts(self) -> list[Alert]:
        return [self.alert]

    def transition_alert(self, alert_id: str, state: AlertState, actor: str, note: str = "") -> Alert:
        self.alert.advance(state, actor, T0, note)
        self.audit(actor, f"alert.{state.value}", alert_id, {"note": note})
        return self.alert


def test_dispatch_and_its_steps_are_audited(tmp_path: Path) -> None:
    district = small_district()
    store = SqliteStore(tmp_path / "s.db")
    store.replace_district(district)
    log = AuditLog.open(tmp_path / "s.db")
    lon, lat = at(80, -80)
    alert = Alert(
        "A1", "alarm_button", "D4", "device", Severity.HIGH, AlertState.OPEN, T0, T0, lon=lon, lat=lat
    )
    engine = DeskEngine(alert, AuditTrail(log))
    service = DispatchService(
        store, district, DispatchDesk(store, district), RoutingGraph.from_district(district)
    )
    (d,) = service.dispatch(engine, "A1", ["GU1"], "cmd1").created
    service.report(engine, d.id, DispatchState.CANCELLED, "cmd1", "wrong address")
    assert [(e.actor, e.action, e.target) for e in log.entries()] == [
        ("cmd1", "dispatch.issued", d.id),
        ("cmd1", "alert.acknowledged", "A1"),
        ("cmd1", "alert.dispatched", "A1"),
        ("cmd1", "dispatch.cancelled", d.id),
    ]
    assert log.entries("dispatch.issued")[0].detail == {"alert": "A1", "guard": "GU1", "mode": "order"}
    assert log.verify() is None
    log.close()
    store.close()
