"""handoff_overdue: property alerts go to the compound's property staff first, escalate when left unhandled.

Driven through the real engine (it binds the rule to its alert book) on the engine clock, which moves only
with `advance_to`: a fake clock, so the ten minutes pass in no time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox_app.domain.enums import AlertState, GuardRole
from sandbox_app.domain.handoff import HandoffError, Party, current, hand
from sandbox_app.domain.model import District, Guard
from sandbox_app.engine.pipeline import Engine
from sandbox_app.store import open_store
from sandbox_app.store.base import Store
from tests.rules.helpers import MIN, ev, make_rule, t

T0 = t("2024-05-06 08:00")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "handoff.db")
    yield s
    s.close()


def _engine(store: Store, dist: District, **config: object) -> Engine:
    dist.guards["GD-WY"] = Guard("GD-WY", "测试物业01", GuardRole.PROPERTY, None, {"compound_id": "C1"})
    rules = [
        make_rule("face_stranger", dist),
        make_rule("smoke_alarm", dist),
        make_rule("handoff_overdue", dist, **config),
    ]
    return Engine(store, dist, rules)


def _by_rule(store: Store, rule: str) -> list:  # type: ignore[type-arg]
    return [a for a in store.alerts() if a.rule == rule]


def test_stranger_goes_to_property_and_escalates_when_unhandled(store: Store, dist: District) -> None:
    engine = _engine(store, dist)
    engine.ingest([ev("face.pass", "FG-1", T0)])
    engine.advance_to(T0 + 2 * MIN)
    (stranger,) = _by_rule(store, "face_stranger")
    held = current(stranger.data)
    assert held is not None and held.to is Party.PROPERTY
    assert held.compound_id == "C1" and held.assignee == "GD-WY" and held.due_ts == T0 + 10 * MIN
    assert _by_rule(store, "handoff_overdue") == []

    engine.advance_to(T0 + 9 * MIN)  # still inside the limit
    assert _by_rule(store, "handoff_overdue") == []
    engine.advance_to(T0 + 11 * MIN)
    (esc,) = _by_rule(store, "handoff_overdue")
    assert (
        esc.subject == stranger.id
        and esc.data["held_by"] == "property"
        and esc.data["alert_rule"] == "face_stranger"
    )
    back = current(store.get_alert(stranger.id).data)  # type: ignore[union-attr]
    assert back is not None and back.to is Party.POLICE and back.escalated_ts == T0 + 11 * MIN
    engine.advance_to(T0 + 30 * MIN)  # escalated once only
    assert len(_by_rule(store, "handoff_overdue")) == 1


def test_near_miss_property_resolves_in_time(store: Store, dist: District) -> None:
    engine = _engine(store, dist)
    engine.ingest([ev("face.pass", "FG-1", T0)])
    engine.advance_to(T0 + 2 * MIN)
    (stranger,) = _by_rule(store, "face_stranger")
    engine.transition_alert(stranger.id, AlertState.ACKNOWLEDGED, "wy01")
    engine.transition_alert(stranger.id, AlertState.RESOLVED, "wy01", "访客,已登记")
    engine.advance_to(T0 + 20 * MIN)
    assert _by_rule(store, "handoff_overdue") == []


def test_signed_for_but_not_handled_still_escalates(store: Store, dist: District) -> None:
    engine = _engine(store, dist, property_minutes=5.0)
    engine.ingest([ev("face.pass", "FG-1", T0)])
    engine.advance_to(T0 + 1 * MIN)
    (stranger,) = _by_rule(store, "face_stranger")
    engine.transition_alert(stranger.id, AlertState.ACKNOWLEDGED, "wy01")
    engine.advance_to(T0 + 6 * MIN)
    assert len(_by_rule(store, "handoff_overdue")) == 1


def test_police_alerts_and_alerts_without_compound_stay_with_the_desk(store: Store, dist: District) -> None:
    engine = _engine(store, dist)
    engine.ingest([ev("smoke.alarm", "SM-1", T0), ev("face.pass", "NO-SUCH-DEVICE", T0 + 1)])
    engine.advance_to(T0 + 30 * MIN)
    assert all("handoff" not in a.data for a in store.alerts())
    assert _by_rule(store, "handoff_overdue") == []


def test_desk_hands_any_alert_to_property_or_110(store: Store, dist: District) -> None:
    engine = _engine(store, dist)
    engine.ingest([ev("smoke.alarm", "SM-1", T0)])
    engine.advance_to(T0 + 1 * MIN)
    (smoke,) = _by_rule(store, "smoke_alarm")
    alert = engine.book.find(smoke.id)
    assert alert is not None
    hand(alert, Party.PROPERTY, "desk1", T0 + 1 * MIN, within_s=120)
    engine.book.changed(alert)
    engine.advance_to(T0 + 4 * MIN)
    assert len(_by_rule(store, "handoff_overdue")) == 1  # the desk's own hand-off escalates the same way
    h = hand(alert, Party.CAD110, "desk1", T0 + 5 * MIN, note="转110指挥中心")
    assert h.due_ts is None and [x["to"] for x in alert.data["handoff_log"]] == ["property", "police", "110"]
    with pytest.raises(HandoffError, match="grid"):
        hand(alert, Party.GRID, "desk1", T0, within_s=60)


def test_unbound_rule_is_quiet(dist: District) -> None:
    rule = make_rule("handoff_overdue", dist)
    assert list(rule.on_time(T0)) == []


def test_cli_hands_an_alert_to_property_then_110(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import orjson

    from cli import main
    from sandbox_app.domain.alerts import Alert
    from sandbox_app.domain.enums import Severity
    from sandbox_app.store.sqlite import SqliteStore
    from tests.rules.helpers import district

    alert = Alert("water_alarm:WL:1", "water_alarm", "WL", "device", Severity.MEDIUM, AlertState.OPEN, T0, T0,
                  data={"compound_id": "C1"})  # fmt: skip
    db = tmp_path / "desk.db"
    with SqliteStore(db) as s:
        s.replace_district(district())
        s.upsert_alerts([alert])
    base = ["--db", str(db), "--by", "desk1"]
    code = main(["handoff", alert.id, "--to", "物业", "--minutes", "5", "--at", str(T0 + 1000), *base])
    out, err = capsys.readouterr()
    assert code == 0, err
    h = orjson.loads(out)["data"]["handoff"]
    assert (h["to"], h["compound_id"], h["due_ts"]) == ("property", "C1", T0 + 1000 + 5 * MIN)
    assert main(["handoff", alert.id, "--to", "110", "--note", "涉嫌违法,转110", *base]) == 0
    out, _ = capsys.readouterr()
    assert orjson.loads(out)["data"]["handoff"]["to"] == "110"
    assert main(["handoff", alert.id, "--to", "fire brigade", *base]) == 2
    assert "unknown party" in capsys.readouterr().err
    from sandbox_app.privacy.audit import AuditLog

    with AuditLog.open(str(db)) as log:
        assert [e.target for e in log.entries("alert.handoff")] == [alert.id, alert.id]


def test_cli_hands_to_the_grid_the_alert_lies_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`handoff --to grid` without --grid finds the grid of the alert's place and its worker, as the desk's
    移交网格员 does; an alert outside every grid is refused with a message, nothing stored."""
    import orjson
    from shapely.geometry import box

    from cli import main
    from sandbox_app.domain.alerts import Alert
    from sandbox_app.domain.enums import Severity
    from sandbox_app.domain.grids import GRIDS_KEY, Grid
    from sandbox_app.store.sqlite import SqliteStore
    from tests.rules.helpers import district

    lon, lat = 119.3, 26.08

    def water(n: int, lon: float) -> Alert:
        return Alert(f"water_alarm:WL:{n}", "water_alarm", "WL", "device", Severity.MEDIUM, AlertState.OPEN,
                     T0, T0, lon=lon, lat=lat, data={"compound_id": "C1"})  # fmt: skip

    inside, outside = water(1, lon), water(2, lon + 0.01)
    dist = district()
    dist.extra[GRIDS_KEY] = [
        Grid("WG07", "第7网格", box(lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001), "GU2").to_json()
    ]
    db = tmp_path / "desk.db"
    with SqliteStore(db) as s:
        s.replace_district(dist)
        s.upsert_alerts([inside, outside])
    base = ["--db", str(db), "--by", "desk1", "--at", str(T0 + 1000)]
    assert main(["handoff", inside.id, "--to", "网格员", *base]) == 0
    h = orjson.loads(capsys.readouterr().out)["data"]["handoff"]
    assert (h["to"], h["grid_id"], h["assignee"], h["due_ts"]) == (
        "grid",
        "WG07",
        "GU2",
        T0 + 1000 + 30 * MIN,
    )
    assert main(["handoff", outside.id, "--to", "grid", *base]) == 2
    assert "no grid" in capsys.readouterr().err
    with SqliteStore(db) as s:
        stored = s.get_alert(outside.id)
        assert stored is not None and "handoff" not in stored.data


def test_engine_hands_on_with_the_configured_limit_and_audits(store: Store, dist: District) -> None:
    """What the alert panel's 移交物业 button calls: the rule's own time limit, one audit line."""
    audited: list[tuple[str, str, str]] = []
    dist.guards["GD-WY"] = Guard("GD-WY", "测试物业01", GuardRole.PROPERTY, None, {"compound_id": "C1"})
    rules = [make_rule("smoke_alarm", dist), make_rule("handoff_overdue", dist, property_minutes=3.0)]
    engine = Engine(
        store, dist, rules, audit=lambda who, what, target, detail: audited.append((who, what, target))
    )
    engine.ingest([ev("smoke.alarm", "SM-1", T0)])
    engine.advance_to(T0 + MIN)
    (smoke,) = _by_rule(store, "smoke_alarm")
    alert = engine.hand_alert(smoke.id, "property", "desk1")
    held = current(alert.data)
    assert held is not None and held.due_ts == T0 + 4 * MIN and held.compound_id == "C1"
    assert audited == [("desk1", "alert.handoff", smoke.id)]
    engine.advance_to(T0 + 5 * MIN)
    assert len(_by_rule(store, "handoff_overdue")) == 1
    with pytest.raises(KeyError):
        engine.hand_alert("no-such-alert", "110", "desk1")


def test_engine_hands_to_the_grid_worker_of_the_alerts_place(store: Store, dist: District) -> None:
    """移交网格员 from the alert panel: the grid the alert lies in names its worker; outside every grid the
    hand-off is refused; the audit line names grid and worker."""
    from shapely.geometry import box

    from sandbox_app.domain.grids import GRIDS_KEY, Grid

    audited: list[dict[str, object]] = []
    rules = [make_rule("smoke_alarm", dist), make_rule("handoff_overdue", dist, grid_minutes=20.0)]
    engine = Engine(store, dist, rules, audit=lambda who, what, target, detail: audited.append(detail))
    engine.ingest([ev("smoke.alarm", "SM-1", T0)])
    engine.advance_to(T0 + MIN)
    (smoke,) = _by_rule(store, "smoke_alarm")
    assert smoke.lon is not None and smoke.lat is not None
    with pytest.raises(HandoffError):
        engine.hand_alert(smoke.id, "grid", "desk1")  # the district has no grids yet
    lon, lat = smoke.lon, smoke.lat
    dist.extra[GRIDS_KEY] = [
        Grid("WG07", "第7网格", box(lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001), "GU2").to_json()
    ]
    alert = engine.hand_alert(smoke.id, "grid", "desk1")
    held = current(alert.data)
    assert held is not None and held.to is Party.GRID and held.grid_id == "WG07" and held.assignee == "GU2"
    assert held.due_ts == T0 + 21 * MIN
    assert audited[-1]["grid_id"] == "WG07" and audited[-1]["assignee"] == "GU2"
