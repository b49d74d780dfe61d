"""Issue 14, High 4 through the engine: per-device ids are all evaluated; a report that takes another's
identity with different content is counted and raises a "conflicting reports" alert (a spoofing sign)."""

from __future__ import annotations

from sandbox_app.domain.events import Event
from sandbox_app.engine.pipeline import CONFLICT_RULE, Engine
from sandbox_app.store import open_store
from tests.security.helpers import T0, Recorder, district, press


def test_the_same_id_from_two_devices_is_evaluated_twice() -> None:
    rule = Recorder()
    engine = Engine(open_store(":memory:"), district("B1", "B2"), [rule])
    result = engine.ingest([press("1", T0, "B1"), press("1", T0 + 10, "B2")])
    assert (result.accepted, result.duplicates, result.conflicts) == (2, 0, 0)
    assert rule.seen == ["1", "1"]
    assert sorted(a.subject for a in engine.open_alerts()) == ["B1", "B2"]


def test_a_forged_fix_pre_empting_the_real_one_is_a_conflict_with_an_alert() -> None:
    rule = Recorder()
    store = open_store(":memory:")
    engine = Engine(store, district("B1", kind="gps_tracker"), [rule])
    forged = Event("B1-1714550400", T0, "B1", "gps.fix", 116.9, 40.9)
    real = Event("B1-1714550400", T0, "B1", "gps.fix", 116.3, 40.0)
    engine.ingest([forged])
    result = engine.ingest([real])
    assert (result.accepted, result.duplicates, result.conflicts) == (0, 0, 1)
    assert result.to_json()["conflicts"] == 1
    assert engine.stats()["conflicts"] == 1
    [alert] = [a for a in engine.open_alerts() if a.rule == CONFLICT_RULE]
    assert alert.subject == "B1" and alert.data["event_id"] == "B1-1714550400"
    assert store.event_count() == 2, "both reports are kept for a person to judge"
    # A true redelivery of either is a plain duplicate: no new conflict.
    again = engine.ingest([forged, real])
    assert (again.accepted, again.duplicates, again.conflicts) == (0, 2, 0)
    assert engine.stats()["conflicts"] == 1
