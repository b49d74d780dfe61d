"""Incidents entered by people: the 警情 classification, place and caller checks, an alert promoted, and the
dispatch desk sending guards to an incident through the same lifecycle as an alert's."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox_app.dispatch.lifecycle import ESCALATION_RULE, DeskSettings, DispatchDesk
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import DispatchState, GuardBusy
from sandbox_app.domain.enums import AlertState, GuardRole, Severity
from sandbox_app.domain.incidents import (
    SUBTYPES,
    TYPE_LABELS,
    Incident,
    IncidentError,
    IncidentSource,
    IncidentState,
    IncidentType,
    Place,
    incident_from_alert,
    masked_caller,
    new_incident_id,
    parse_subtype,
    parse_type,
)
from sandbox_app.domain.model import District, Guard
from sandbox_app.store.sqlite import SqliteStore

T0 = 1_700_000_000_000
LON, LAT = 121.4, 31.2


def incident(**over: object) -> Incident:
    fields: dict[str, object] = {
        "id": "INC-walk_in-1",
        "type": IncidentType.DISPUTE,
        "subtype": "neighbour",
        "place": Place("测试路1号2栋301", LON, LAT),
        "reported_ts": T0,
        "summary": "楼上漏水引发争执",
        "source": IncidentSource.WALK_IN,
        "caller": "13800001234",
    }
    fields.update(over)
    return Incident(**fields)  # type: ignore[arg-type]


def test_every_type_has_a_label_and_an_other_subtype() -> None:
    assert set(TYPE_LABELS) == set(IncidentType) == set(SUBTYPES)
    assert all("other" in subs for subs in SUBTYPES.values())
    assert SUBTYPES[IncidentType.PUBLIC_ORDER]["fight"] == "打架斗殴"
    assert SUBTYPES[IncidentType.HELP]["lockout"] == "求助开锁"


def test_types_and_subtypes_parse_by_code_or_label() -> None:
    assert parse_type("纠纷") is parse_type("dispute") is IncidentType.DISPUTE
    assert parse_subtype(IncidentType.DISPUTE, "邻里纠纷") == "neighbour"
    assert parse_subtype(IncidentType.HELP, "") == "other"
    with pytest.raises(IncidentError, match="unknown incident type 'riot'"):
        parse_type("riot")
    with pytest.raises(IncidentError, match="unknown subtype '走失' of dispute"):
        parse_subtype(IncidentType.DISPUTE, "走失")  # a subtype of another type


def test_a_subtype_must_belong_to_its_type() -> None:
    with pytest.raises(IncidentError, match="not a subtype of fire"):
        incident(type=IncidentType.FIRE, subtype="neighbour")


def test_the_caller_is_kept_masked() -> None:
    assert incident().caller == "138****1234"
    assert masked_caller("+86 138-0000-1234") == "138****1234"
    assert masked_caller("138****1234") == "138****1234"
    assert masked_caller("") == ""
    with pytest.raises(IncidentError, match="not a phone number"):
        masked_caller("call me")


@pytest.mark.parametrize(
    ("address", "lon", "lat", "message"),
    [
        ("", None, None, "needs an address or coordinates"),
        ("x", 121.4, None, "both lon and lat"),
        ("", 200.0, 31.2, "out of range"),
    ],
)
def test_a_place_needs_an_address_or_coordinates(
    address: str, lon: float | None, lat: float | None, message: str
) -> None:
    with pytest.raises(IncidentError, match=message):
        Place(address, lon, lat)


def test_an_address_alone_is_a_place() -> None:
    assert Place("测试路1号").lon is None


def test_ids_are_deterministic_and_prefixed() -> None:
    assert new_incident_id(IncidentSource.CAD110, T0, "JJ2024/0001") == "INC-cad110-JJ20240001"
    assert new_incident_id(IncidentSource.WALK_IN, T0) == f"INC-walk_in-{T0}"
    with pytest.raises(IncidentError, match="must start with INC-"):
        incident(id="D1")


def test_closing_needs_an_outcome_and_happens_once() -> None:
    inc = incident()
    with pytest.raises(IncidentError, match="needs an outcome"):
        inc.close("cmdr", T0 + 1, " ")
    inc.close("cmdr", T0 + 1, "handled", "调解完毕")
    assert (inc.state, inc.closed_ts, inc.data["closed_by"]) == (IncidentState.CLOSED, T0 + 1, "cmdr")
    with pytest.raises(IncidentError, match="already closed"):
        inc.close("cmdr", T0 + 2, "handled")


def test_json_round_trip() -> None:
    inc = incident()
    assert Incident.from_json(inc.to_json()) == inc
    assert inc.to_json()["label"] == "纠纷/邻里纠纷"


def test_an_alert_becomes_an_incident_at_its_place() -> None:
    a = Alert(
        "elderly_no_activity:R1:1",
        "elderly_no_activity",
        "R1",
        "room",
        Severity.HIGH,
        AlertState.OPEN,
        T0,
        T0,
        lon=LON,
        lat=LAT,
    )
    inc = incident_from_alert(a, "cmdr", T0 + 5)
    assert (inc.type, inc.subtype, inc.lon, inc.lat) == (IncidentType.HELP, "elderly", LON, LAT)
    assert (inc.source, inc.source_ref, inc.created_by) == (IncidentSource.ALERT, a.id, "cmdr")
    chosen = incident_from_alert(a, "cmdr", T0 + 5, type=IncidentType.FIRE, subtype="smoke")
    assert chosen.label == "火灾/冒烟异味"


def _district() -> District:
    d = District("test", "Asia/Shanghai")
    for i in (1, 2):
        d.guards[f"GD{i:03d}"] = Guard(f"GD{i:03d}", f"测试保安{i:02d}", GuardRole.SECURITY, f"GPS-{i:05d}")
    return d


def test_the_desk_sends_guards_to_an_incident_with_the_alert_lifecycle(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "d.db") as store:
        desk = DispatchDesk(store, _district(), settings=DeskSettings(accept_timeout_s=60))
        inc = incident()
        store.add_incident(inc)
        (d,) = desk.dispatch(inc, ["GD001"], "cmdr", T0).created
        assert (d.alert_id, d.lon, d.lat) == (inc.id, LON, LAT)
        assert d.history[0].note == "incident.dispute.neighbour 测试路1号2栋301"
        # the guard is held: an alert cannot take it meanwhile
        a = Alert("x:1", "x", "B1", "building", Severity.HIGH, AlertState.OPEN, T0, T0, lon=LON, lat=LAT)
        (busy,) = desk.dispatch(a, ["GD001"], "cmdr", T0).busy
        assert isinstance(busy, GuardBusy)
        (signal,) = desk.on_time(T0 + 60_000)
        assert (signal.rule, signal.subject, signal.subject_type) == (ESCALATION_RULE, inc.id, "incident")
        desk.accept(d.id, "GD001", T0 + 70_000)
        assert [x.id for x in store.dispatches(alert_id=inc.id)] == [d.id]
        assert store.get_dispatch(d.id).state is DispatchState.ACCEPTED  # type: ignore[union-attr]
