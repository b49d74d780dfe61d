"""Response plans (预案): the shipped file parses, inheritance default → type → subtype, clear errors naming
the key, the desk's proposal per role (stale and busy guards never proposed, shortfalls reported), one call
limited to the plan's roles, and the plan's time limits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.dispatch.nearest import Candidate
from sandbox_app.dispatch.plans import (
    PlanError,
    build_plans,
    load_plans,
    one_call_candidates,
    overdue,
    propose,
)
from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.incidents import IncidentType
from sandbox_app.domain.model import District, Guard
from sandbox_app.store.sqlite import SqliteStore
from tests.incidents.test_incident_model import T0, incident


def cand(guard: str, role: str, eta_s: float, stale: bool = False) -> Candidate:
    return Candidate(guard, eta_s, eta_s, [], stale, role)


RANKED = [
    cand("S1", "security", 20.0, stale=True),
    cand("S2", "security", 30.0),
    cand("P1", "police", 40.0),
    cand("V1", "volunteer", 45.0),
    cand("S3", "security", 50.0),
    cand("S4", "security", 70.0),
    cand("A1", "auxiliary", 90.0),
]


def test_the_shipped_plans_parse_and_inherit() -> None:
    book = load_plans()
    fight = book.plan_for(IncidentType.PUBLIC_ORDER, "fight")
    assert (fight.key, dict(fight.roles), fight.notify) == (
        "public_order.fight",
        {"police": 1, "auxiliary": 1, "security": 2},
        ("120",),
    )
    assert fight.on_scene_within_s == 180.0  # from [public_order]
    assert fight.accept_within_s == 60.0  # from [default]
    assert book.plan_for(IncidentType.PUBLIC_ORDER, "noise").key == "public_order"
    assert book.plan_for(IncidentType.OTHER).key == "default"
    assert book.plan_for("fire", "smoke").notify == ()  # a subtype may clear what its type says


def test_an_empty_file_gives_the_built_in_default() -> None:
    plan = build_plans({}).plan_for(IncidentType.DISPUTE, "neighbour")
    assert (plan.key, dict(plan.roles), plan.accept_within_s, plan.on_scene_within_s) == (
        "default",
        {"security": 1},
        60.0,
        300.0,
    )


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"riot": {}}, "plans: riot: unknown incident type"),
        ({"dispute": {"burglary": {}}}, "plans: dispute.burglary: unknown subtype of dispute"),
        ({"dispute": {"roles": {"polce": 1}}}, "plans: dispute.roles.polce: unknown role"),
        ({"dispute": {"roles": {"police": -1}}}, "dispute.roles.police: expected a whole number"),
        ({"dispute": {"roles": {"police": True}}}, "dispute.roles.police: expected a whole number"),
        ({"dispute": {"roles": {"police": 0}}}, "dispute.roles: a plan must send at least one guard"),
        ({"dispute": {"roles": 2}}, "dispute.roles: expected a table"),
        ({"default": {"accept_within_s": "60"}}, "default.accept_within_s: expected seconds"),
        ({"default": {"accept_within_s": 0}}, "default.accept_within_s: expected seconds"),
        ({"fire": {"notify": ["911"]}}, "fire.notify: '911' is not one of 119, 120"),
        ({"fire": {"checklist": "call 119"}}, "fire.checklist: expected a list of texts"),
        ({"fire": {"timeout": 30}}, "fire.timeout: unknown setting"),
        ({"fire": {"roles_": {}}}, "fire.roles_: unknown subtype of fire"),
        ({"fire": {"accept_within_s": 400}}, "fire.on_scene_within_s: must not be shorter"),
        ({"default": 3}, "default: expected a table"),
        ({"fire": 3}, "fire: expected a table"),
    ],
)
def test_mistakes_name_the_key(config: dict[str, Any], message: str) -> None:
    with pytest.raises(PlanError, match=message.replace("(", r"\(")):
        build_plans(config)


def test_bad_toml_and_missing_file_are_plan_errors(tmp_path: Path) -> None:
    bad = tmp_path / "plans.toml"
    bad.write_text("[dispute\nroles = 1\n", encoding="utf-8")
    with pytest.raises(PlanError, match=r"plans\.toml is not valid TOML"):
        load_plans(bad)
    with pytest.raises(PlanError, match=r"cannot read nope\.toml"):
        load_plans(tmp_path / "nope.toml")


def test_propose_takes_the_nearest_fresh_free_guards_of_each_role() -> None:
    plan = build_plans(
        {"public_order": {"fight": {"roles": {"police": 1, "security": 2, "grid": 1}}}}
    ).plan_for("public_order", "fight")
    proposal = propose(plan, RANKED, busy={"S2"})
    # S1 is stale and S2 busy: S3 and S4 are the two security guards; no grid worker has a fix
    assert proposal.guards == ["P1", "S3", "S4"]
    assert proposal.missing == {"grid": 1}


def test_one_call_is_limited_to_the_plans_roles() -> None:
    plan = build_plans({"help": {"roles": {"volunteer": 1, "security": 1}}}).plan_for("help")
    assert [c.guard for c in one_call_candidates(plan, RANKED)] == ["S1", "S2", "V1", "S3", "S4"]


def test_the_desk_dispatches_the_plans_proposal_and_one_call_by_plan(tmp_path: Path) -> None:
    district = District("t", "Asia/Shanghai")
    for c in RANKED:
        district.guards[c.guard] = Guard(c.guard, f"测试{c.guard}", GuardRole(c.role), f"GPS-{c.guard}")
    plan = load_plans().plan_for(IncidentType.PUBLIC_ORDER, "fight")
    inc = incident(type=IncidentType.PUBLIC_ORDER, subtype="fight")
    with SqliteStore(tmp_path / "p.db") as store:
        desk = DispatchDesk(store, district)
        proposal = propose(plan, RANKED, desk.busy_guards())
        assert proposal.guards == ["P1", "A1", "S2", "S3"] and proposal.missing == {}
        created = desk.dispatch(inc, proposal.guards, "cmdr", T0, candidates=proposal.chosen).created
        assert [(d.guard_id, d.eta_s) for d in created] == [
            ("P1", 40.0),
            ("A1", 90.0),
            ("S2", 30.0),
            ("S3", 50.0),
        ]
        # one call for a help incident: only volunteers and security, and only fresh free ones within 5 min
        help_plan = load_plans().plan_for(IncidentType.HELP, "other")
        called = desk.one_call(
            incident(id="INC-walk_in-2"), one_call_candidates(help_plan, RANKED), "cmdr", T0 + 1
        ).created
        assert sorted(d.guard_id for d in called) == ["S4", "V1"]

        d = created[0]
        assert overdue(plan, d, T0 + 59_999) is None
        assert overdue(plan, d, T0 + 60_000) == "accept"
        desk.accept(d.id, "P1", T0 + 61_000)
        assert overdue(plan, d, T0 + 179_999) is None
        assert overdue(plan, d, T0 + 180_000) == "on_scene"


def test_an_incident_escalates_on_its_plans_accept_limit(tmp_path: Path) -> None:
    """A fire's plan says 30 s: its order escalates at 30 s; an alert's keeps the desk's 60 s."""
    from sandbox_app.dispatch.plans import plan_accept_limit
    from sandbox_app.domain.alerts import Alert
    from sandbox_app.domain.enums import AlertState, Severity

    district = District("t", "Asia/Shanghai")
    for gid in ("S2", "S3"):
        district.guards[gid] = Guard(gid, f"测试{gid}", GuardRole.SECURITY, f"GPS-{gid}")
    fire = incident(type=IncidentType.FIRE, subtype="building")
    alarm = Alert(
        "smoke:B1:1", "smoke", "B1", "building", Severity.HIGH, AlertState.OPEN, T0, T0, lon=1, lat=1
    )
    with SqliteStore(tmp_path / "e.db") as store:
        store.add_incident(fire)
        desk = DispatchDesk(store, district, accept_limit=plan_accept_limit(load_plans(), store))
        (to_fire,) = desk.dispatch(fire, ["S2"], "cmdr", T0).created
        (to_alarm,) = desk.dispatch(alarm, ["S3"], "cmdr", T0).created
        assert desk.on_time(T0 + 29_999) == []
        (signal,) = desk.on_time(T0 + 30_000)
        assert signal.data["dispatch"] == to_fire.id
        assert store.get_dispatch(to_fire.id).history[-1].note == "not accepted within 30 s"  # type: ignore[union-attr]
        (signal,) = desk.on_time(T0 + 60_000)
        assert signal.data["dispatch"] == to_alarm.id


def test_a_guard_not_on_scene_by_the_plans_limit_escalates_once(tmp_path: Path) -> None:
    """The on-scene limit (the plan's on_scene_within_s) raises a visible escalation "not_on_scene" once;
    a guard on scene in time raises none; an alert's dispatch is not watched unless the desk says so."""
    from sandbox_app.dispatch.plans import plan_on_scene_limit
    from sandbox_app.domain.alerts import Alert
    from sandbox_app.domain.dispatch import DispatchState
    from sandbox_app.domain.enums import AlertState, Severity

    district = District("t", "Asia/Shanghai")
    for gid in ("S2", "S3", "S4"):
        district.guards[gid] = Guard(gid, f"测试{gid}", GuardRole.SECURITY, f"GPS-{gid}")
    fight = incident(type=IncidentType.PUBLIC_ORDER, subtype="fight")
    other = incident(id="INC-walk_in-2", source_ref="2")
    alarm = Alert(
        "smoke:B1:1", "smoke", "B1", "building", Severity.HIGH, AlertState.OPEN, T0, T0, lon=1, lat=1
    )
    plans = load_plans()
    limit_ms = round(plans.plan_for(fight.type, fight.subtype).on_scene_within_s * 1000)
    with SqliteStore(tmp_path / "e.db") as store:
        store.add_incident(fight)
        store.add_incident(other)
        desk = DispatchDesk(store, district, on_scene_limit=plan_on_scene_limit(plans, store))
        (late,) = desk.dispatch(fight, ["S2"], "cmdr", T0).created
        (in_time,) = desk.dispatch(other, ["S3"], "cmdr", T0).created
        desk.dispatch(alarm, ["S4"], "cmdr", T0)
        for d in (late, in_time):
            desk.answer(d.id, d.guard_id, DispatchState.ACCEPTED, T0 + 1000)
        desk.answer(in_time.id, "S3", DispatchState.ON_SCENE, T0 + 2000)
        assert [s for s in desk.on_time(T0 + limit_ms - 1) if s.data["why"] == "not_on_scene"] == []
        (signal,) = [s for s in desk.on_time(T0 + limit_ms) if s.data["why"] == "not_on_scene"]
        assert signal.data["dispatch"] == late.id and signal.subject_type == "incident"
        assert desk.late_on_scene() == {late.id}
        assert [s for s in desk.on_time(T0 + 10 * limit_ms) if s.data["why"] == "not_on_scene"] == []
