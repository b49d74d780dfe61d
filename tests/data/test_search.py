"""The search core (issue 21): ranking, standard addresses, and masking per role."""

from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import AlertState, GuardRole, Relation, RoomUsage, Severity
from sandbox_app.domain.model import Building, Compound, Device, District, Gate, Guard, Person, Room
from sandbox_app.privacy.mask import Masker, Viewer
from sandbox_app.search.index import CONTAINS, EXACT, PREFIX, search

ID_NUMBER = "110101199001011234"
PHONE = "13800001234"


def district() -> District:
    d = District(name="测试", timezone="Asia/Shanghai")
    d.compounds["C1"] = Compound("C1", "富润家园", box(116.30, 40.00, 116.31, 40.01), street="东升街道")
    d.buildings["B1"] = Building(
        "B1", "C1", "3号楼", 6, box(116.301, 40.001, 116.302, 40.002),
        extra={"road": "清华东路", "door_number": "15号"},
    )  # fmt: skip
    d.buildings["B2"] = Building("B2", "C1", "4号楼", 6, box(116.303, 40.003, 116.304, 40.004))
    d.rooms["R302"] = Room("R302", "B1", "2", 3, "302", RoomUsage.RENTAL)
    d.rooms["R401"] = Room("R401", "B2", "1", 4, "401", RoomUsage.OWNER)
    d.people["P1"] = Person(
        "P1", "测试居民甲", "R302", Relation.TENANT, credentials=frozenset({"FACE-P1"}),
        extra={"id_number": ID_NUMBER, "phone": PHONE},
    )  # fmt: skip
    d.people["P2"] = Person("P2", "测试居民乙", "R401", Relation.OWNER)
    d.devices["CAM1"] = Device(
        "CAM1", "camera", "富润家园西门摄像机", Placement.POINT, location=Point(116.305, 40.005)
    )
    d.gates["G1"] = Gate("G1", "富润家园西门", Point(116.300, 40.005), "C1")
    d.guards["GD1"] = Guard("GD1", "测试民警01", GuardRole.POLICE, "CAM1", extra={"phone": "000-0000-0001"})
    return d


def alert(subject: str = "P1", kind: str = "person") -> Alert:
    return Alert("rule:abc", "elderly_inactive", subject, kind, Severity.HIGH, AlertState.OPEN, 1, 2)


OPEN = Masker(Viewer.ANALYST, unmasked=True)
MASKED = Masker(Viewer.OFFICER)
WALL = Masker(Viewer.WALL)


def test_ranking_exact_before_prefix_before_contains() -> None:
    hits = search(district(), "富润家园", OPEN)
    assert hits[0].kind == "compound" and hits[0].score == EXACT
    scores = {h.id: h.score for h in hits}
    assert scores["G1"] == PREFIX and scores["CAM1"] == PREFIX
    assert scores["B2"] == PREFIX  # "富润家园 4号楼": no road, so the compound heads the address
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_standard_address_finds_the_room_and_centres_on_its_building() -> None:
    hits = search(district(), "清华东路15号 302", OPEN)
    assert hits[0].kind == "room" and hits[0].id == "R302"
    assert hits[0].label == "清华东路15号 3号楼 2单元 302室"
    b = district().buildings["B1"].footprint
    assert hits[0].lon is not None and b.contains(Point(hits[0].lon, hits[0].lat))


def test_case_width_and_spaces_are_ignored() -> None:
    assert search(district(), "ｃａｍ１", OPEN)[0].id == "CAM1"
    assert search(district(), " b1 ", OPEN)[0].id == "B1"


def test_blank_query_finds_nothing_and_limit_and_kinds_apply() -> None:
    assert search(district(), "  ", OPEN) == []
    assert len(search(district(), "号楼", OPEN, limit=1)) == 1
    assert {h.kind for h in search(district(), "富润", OPEN, kinds=["gate"])} == {"gate"}


@pytest.mark.parametrize("query", [ID_NUMBER, PHONE, "测试居民甲", "FACE-P1"])
def test_a_person_by_a_whole_value_is_found_masked_for_an_officer(query: str) -> None:
    hits = [h for h in search(district(), query, MASKED) if h.kind == "person"]
    assert [h.id for h in hits] == ["P1"]
    text = hits[0].label + hits[0].detail
    assert "测**** " not in text and hits[0].label == "测****"
    assert ID_NUMBER not in text and PHONE not in text
    assert "110***********1234" in text and "138****1234" in text


@pytest.mark.parametrize("query", [ID_NUMBER[:10], PHONE[:7], "测试居民", "居民甲"])
def test_a_partial_personal_value_finds_no_one_when_masked(query: str) -> None:
    """A prefix or substring would reveal masked digits one guess at a time."""
    assert [h for h in search(district(), query, MASKED) if h.kind == "person"] == []
    assert "P1" in [h.id for h in search(district(), query, OPEN) if h.kind == "person"]


def test_unmasked_viewer_sees_whole_values() -> None:
    hit = next(h for h in search(district(), ID_NUMBER, OPEN) if h.kind == "person")
    assert hit.label == "测试居民甲" and ID_NUMBER in hit.detail and PHONE in hit.detail


@pytest.mark.parametrize("query", [ID_NUMBER, PHONE, "测试居民甲", "FACE-P1", "P1", "测试居民"])
def test_the_wall_finds_no_people_and_no_personal_alert_subjects(query: str) -> None:
    hits = search(district(), query, WALL, [alert()])
    assert [h for h in hits if h.kind == "person"] == []
    assert [h for h in hits if h.kind == "alert"] == []
    assert all(ID_NUMBER not in h.label + h.detail and PHONE not in h.label + h.detail for h in hits)


def test_alerts_by_rule_with_masked_subjects_and_place_subjects_found() -> None:
    hits = search(district(), "elderly", WALL, [alert(ID_NUMBER, "person")])
    assert len(hits) == 1 and ID_NUMBER not in hits[0].label and hits[0].score == PREFIX
    room_alert = search(district(), "R302", WALL, [alert("R302", "room")])
    assert {h.kind for h in room_alert} == {"room", "alert"}
    assert next(h for h in room_alert if h.kind == "alert").lon is not None


def test_guard_phone_needs_the_whole_number_on_the_wall() -> None:
    assert [h.id for h in search(district(), "000-0000-0001", WALL)] == ["GD1"]
    assert search(district(), "000-0000", WALL) == []
    assert search(district(), "测试民警", WALL)[0].score == PREFIX
    assert "000-0000-0001" not in search(district(), "GD1", WALL)[0].detail


def test_contains_score() -> None:
    assert next(h for h in search(district(), "西门摄像", OPEN) if h.id == "CAM1").score == CONTAINS


def test_an_index_built_once_answers_every_viewer_like_search() -> None:
    from sandbox_app.search.index import SearchIndex

    d = district()
    index = SearchIndex.build(d)
    for masker in (OPEN, MASKED, WALL):
        for query in (ID_NUMBER, "富润", "清华东路15号 302", "测试民警01"):
            assert index.search(query, masker, [alert()]) == search(d, query, masker, [alert()])
