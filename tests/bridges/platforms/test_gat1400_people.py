"""Residents' self-registration as GA/T 1400 person records (issue 21): over the real HTTP bridge, checked
like a delta file, all or nothing, persisted to the store and audited."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sandbox_app.bridges.gat1400 import codec as g
from sandbox_app.bridges.gat1400.client import Gat1400Client
from sandbox_app.bridges.gat1400.people import PERSON_INFOS, PersonRecords
from sandbox_app.bridges.gat1400.server import Gat1400Server
from sandbox_app.data.package import load_package
from sandbox_app.domain.address import room_address
from sandbox_app.domain.enums import PersonTag, Relation
from sandbox_app.privacy.audit import AuditLog, AuditTrail
from sandbox_app.station.people_updates import ACTION, PeopleUpdates
from sandbox_app.store import open_store
from tests.bridges.platforms.test_gat1400 import DEVICE, PASSWORD, Collector, FakeClock
from tests.data.test_package import write_package


def _body(*records: dict[str, Any]) -> dict[str, Any]:
    return {"PersonInfoListObject": {"PersonInfoObject": list(records)}}


def _statuses(reply: Any) -> list[int]:
    if "ResponseStatusObject" in reply:
        return [reply["ResponseStatusObject"]["StatusCode"]]
    return [s["StatusCode"] for s in reply["ResponseStatusListObject"]["ResponseStatusObject"]]


@pytest.fixture
def station(tmp_path: Path) -> Any:
    db = tmp_path / "s.db"
    store = open_store(db)
    district = load_package(write_package(tmp_path / "pkg"))
    store.replace_district(district)
    log = AuditLog.open(db)
    updates = PeopleUpdates(district, store.replace_district, AuditTrail(log))
    clock = FakeClock()
    server = Gat1400Server(g.Gat1400Config(passwords={DEVICE: PASSWORD}), Collector(), clock, records=updates)
    server.start()
    client = Gat1400Client(server.url, DEVICE, PASSWORD)
    assert client.register()
    try:
        yield district, store, log, server, client
    finally:
        client.stop(unregister=False)
        server.stop()
        log.close()
        store.close()


def test_add_change_and_move_out_over_http(station: Any) -> None:
    district, store, log, _server, client = station
    room = district.rooms["0102"]
    address = room_address(district, room).replace(" ", "")  # a sender writes it without spaces
    body = _body(
        {"PersonID": "N1", "Name": "自主登记", "ResidenceAddress": address, "PopulationType": "2",
         "Phone": "000-0000-0088", "IDNumber": "110101199001010011", "DataStatus": 0},
        {"PersonID": "P0001", "Name": "", "Phone": "000-0000-0077", "DataStatus": 0},
        {"PersonID": "P0002", "Name": "", "DataStatus": 1},
    )  # fmt: skip
    code, reply = client.upload(PERSON_INFOS, body)
    assert code == 200 and _statuses(reply) == [0, 0, 0]

    stored = store.load_district()
    assert stored is not None
    for d in (district, stored):  # applied live (the running district) and persisted
        new = d.people["N1"]
        assert (new.room_id, new.relation, new.tags) == (
            "0102",
            Relation.TENANT,
            frozenset({PersonTag.FLOATING}),
        )
        assert new.extra["phone"] == "000-0000-0088" and new.extra["id_number"] == "110101199001010011"
        assert d.people["P0001"].extra["phone"] == "000-0000-0077"
        assert d.people["P0001"].name and d.people["P0001"].room_id is not None  # blanks keep the register
        assert d.people["P0002"].room_id is None
    [entry] = log.entries(ACTION)
    assert entry.actor == f"gat1400:{DEVICE}" and entry.target == f"gat1400:{PERSON_INFOS}"
    assert (entry.detail["added"], entry.detail["changed"], entry.detail["moved_out"]) == (
        ["N1"],
        ["P0001"],
        ["P0002"],
    )


def test_a_bad_record_refuses_the_whole_upload(station: Any) -> None:
    district, store, log, server, client = station
    before = dict(district.people)
    body = _body(
        {"PersonID": "N2", "Name": "好记录", "RoomID": "0102"},
        {"PersonID": "N3", "Name": "没有这个地址", "ResidenceAddress": "无名路99号 9号楼 9单元 909室"},
        {"PersonID": "NOPE", "DataStatus": 1},
    )
    code, reply = client.upload(PERSON_INFOS, body)
    assert code == 200 and _statuses(reply) == [g.STATUS_INVALID_JSON_CONTENT]
    assert district.people == before
    stored = store.load_district()
    assert stored is not None and "N2" not in stored.people
    why = server.health.last_rejection or ""
    assert "nothing applied" in why and "no such room" in why and "NOPE" in why
    assert [(e.action, e.detail["problems"]) for e in log.entries()] == [(ACTION + ".refused", 3)]


def test_the_published_community_record_registers_a_resident(station: Any, shared_data: Path) -> None:
    district, _store, _log, _server, client = station
    payloads = json.loads(
        (shared_data / "gat1400" / "wzbwzt_viid_community_payloads.json").read_text(encoding="utf-8")
    )
    body = next(p["body"] for p in payloads["payloads"] if p["endpoint"] == PERSON_INFOS)
    code, reply = client.upload(PERSON_INFOS, body)
    assert code == 200 and _statuses(reply) == [0]
    person = district.people["33029902007010000004"]
    assert (person.name, person.room_id, person.relation) == ("测试2吴", None, Relation.FAMILY)
    # the same record again is a change of that person, not a second one
    assert _statuses(client.upload(PERSON_INFOS, body)[1]) == [0]
    assert len([p for p in district.people if p == "33029902007010000004"]) == 1


def test_other_community_records_are_not_people(station: Any) -> None:
    district, *_ = station
    updates = PeopleUpdates(district, lambda _d: None)
    assert updates("/VIID/Community/CarInfos", [{"PlateNo": "浙B0560Z"}], DEVICE) is None


def test_rows_read_the_address_without_width_or_spaces(tmp_path: Path) -> None:
    district = load_package(write_package(tmp_path / "pkg"))
    records = PersonRecords(district)
    address = room_address(district, district.rooms["0102"])
    wide = address.replace("1", "１")  # full-width digits, as some forms send
    assert records.room_of(wide) == "0102" and records.room_of("nowhere") == ""
    assert records.row("not an object", lambda _i: False) == {"op": "", "id": ""}
