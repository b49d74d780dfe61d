"""Done-when of issue 20, slice 1–2: a 110 incident arrives over the [cad110] bridge (real socket), gets its
plan's guards proposed (nearest fresh per role) and dispatched, the guards go through the lifecycle, and
the incident closes with an outcome."""

from __future__ import annotations

import http.client
from pathlib import Path

import orjson

from sandbox_app.bridges.cad110.server import Cad110Server, Cad110Settings
from sandbox_app.dispatch.lifecycle import DispatchDesk
from sandbox_app.dispatch.plans import load_plans, propose
from sandbox_app.domain.dispatch import DispatchState
from sandbox_app.domain.enums import GuardRole
from sandbox_app.domain.incidents import IncidentState
from sandbox_app.domain.model import District, Guard
from sandbox_app.store.sqlite import SqliteStore
from tests.bridges.platforms.test_cad110 import NOW, RECORD, TOKEN, FixedClock
from tests.incidents.test_plans import RANKED

S = DispatchState


def test_a_110_fight_from_hand_off_to_closure(tmp_path: Path) -> None:
    district = District("t", "Asia/Shanghai")
    for c in RANKED:
        district.guards[c.guard] = Guard(c.guard, f"测试{c.guard}", GuardRole(c.role), f"GPS-{c.guard}")
    with SqliteStore(tmp_path / "e2e.db") as store:
        server = Cad110Server(Cad110Settings("127.0.0.1", 0, TOKEN), store.add_incident, FixedClock())
        server.start()
        try:
            conn = http.client.HTTPConnection(server.address[0], server.address[1], timeout=5)
            conn.request("POST", "/incidents", orjson.dumps(RECORD), {"Authorization": f"Bearer {TOKEN}"})
            reply = conn.getresponse()
            assert reply.status == 201
            incident_id = orjson.loads(reply.read())["id"]
            conn.close()
        finally:
            server.stop()

        (incident,) = store.incidents(open_only=True)
        assert incident.id == incident_id
        plan = load_plans().plan_for(incident.type, incident.subtype)
        desk = DispatchDesk(store, district)
        proposal = propose(plan, RANKED, desk.busy_guards())
        assert proposal.guards == ["P1", "A1", "S2", "S3"]
        created = desk.dispatch(incident, proposal.guards, "cmdr", NOW, candidates=proposal.chosen).created
        assert {d.alert_id for d in created} == {incident.id}
        for n, d in enumerate(created):
            desk.accept(d.id, d.guard_id, NOW + 10_000 + n)
            desk.report(d.id, S.ON_SCENE, d.guard_id, NOW + 120_000)
            desk.report(d.id, S.HANDLED, d.guard_id, NOW + 600_000, "双方已分开")
            desk.report(d.id, S.FEEDBACK, d.guard_id, NOW + 660_000, "无人受伤，带回调查")
            desk.report(d.id, S.CLOSED, "cmdr", NOW + 700_000)
        incident.close("cmdr", NOW + 720_000, "handled", "带回派出所调查处理")
        store.update_incident(incident)

        back = store.get_incident(incident_id)
        assert back is not None and (back.state, back.outcome) == (IncidentState.CLOSED, "handled")
        done = store.dispatches(alert_id=incident_id)
        assert len(done) == 4 and all(d.state is S.CLOSED for d in done)
        assert all(d.time_to_arrive_s == 120.0 for d in done)  # inside the plan's 180 s on-scene limit
        assert desk.busy_guards() == frozenset()
