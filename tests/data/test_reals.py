"""一标三实 (issue 21): standard addresses, 实有单位 and the rental register as optional package columns.

Packages without the columns import as before; with them, the values are checked, kept through the store, and
found by search."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox_app.data.package import load_package
from sandbox_app.domain.address import building_address, room_address
from sandbox_app.domain.reals import OrgType, organisations, rental_register
from sandbox_app.privacy.mask import Masker, Viewer
from sandbox_app.search.index import search
from sandbox_app.store import open_store
from tests.data.test_package import Layers, base_layers, edited, only, write_package


def with_reals(layers: Layers) -> None:
    b = layers["buildings"]
    b["road"] = ["清华东路", "清华东路", "学院路"]
    b["door_number"] = ["15号", "17号", "30号"]
    b["org_id"] = ["", "", "ORG2"]
    b["org_name"] = ["", "", "测试学院"]
    b["org_type"] = ["", "", "University"]
    r = layers["rooms"]
    r["org_id"] = ["", "", "ORG1"]
    r["org_name"] = ["", "", "测试便利店"]
    r["org_type"] = ["", "", "shop"]
    r["org_contact"] = ["", "", "测试店主"]
    r["org_phone"] = ["", "", "13800000000"]
    r["landlord"] = ["测试房东", "", ""]
    r["agreement_date"] = ["2024-03-01", "", ""]
    r["last_inspection"] = ["2024-05-20", "", ""]


@pytest.mark.parametrize("table", [".csv", ".xlsx"])
def test_reals_import_and_survive_the_store(tmp_path: Path, table: str) -> None:
    layers = base_layers()
    with_reals(layers)
    d = load_package(write_package(tmp_path / "pkg", layers, table=table))
    store = open_store(tmp_path / "s.db")
    store.replace_district(d)
    d = store.load_district()
    store.close()
    assert d is not None
    assert building_address(d, d.buildings["B1"]) == "清华东路15号 1号楼"
    assert room_address(d, d.rooms["0101"]) == "清华东路15号 1号楼 1单元 101室"
    orgs = organisations(d)
    assert sorted(orgs) == ["ORG1", "ORG2"]
    shop = orgs["ORG1"]
    assert (shop.name, shop.type, shop.contact, shop.rooms, shop.buildings) == (
        "测试便利店",
        OrgType.SHOP,
        "测试店主",
        ("R301",),
        (),
    )
    assert shop.address == "学院路30号 3号楼 2单元 B01室"
    assert orgs["ORG2"].type is OrgType.UNIVERSITY and orgs["ORG2"].buildings == ("B3",)
    rental = {r.room_id: r for r in rental_register(d)}
    assert list(rental) == ["0101"]
    assert rental["0101"].landlord == "测试房东"
    assert rental["0101"].agreement_date.startswith("2024-03-01")
    assert rental["0101"].last_inspection.startswith("2024-05-20")


def test_old_packages_without_the_columns_still_import(tmp_path: Path) -> None:
    d = load_package(write_package(tmp_path / "pkg"))
    assert organisations(d) == {}
    assert building_address(d, d.buildings["B1"]) == "富润家园 1号楼"  # the compound stands in for the road
    assert [r.room_id for r in rental_register(d)] == ["0101"]
    assert rental_register(d)[0].landlord == ""


def test_bad_org_type_dates_and_orphan_details_are_reported(tmp_path: Path) -> None:
    def edit(layers: Layers) -> None:
        with_reals(layers)
        layers["rooms"]["org_type"] = ["", "", "spaceport"]
        layers["rooms"]["agreement_date"] = ["2024-13-01", "", ""]
        layers["buildings"]["org_name"] = ["无编号单位", "", "测试学院"]

    problems = edited(tmp_path, edit)
    assert "spaceport" in str(only([p for p in problems if p.field == "org_type"]))
    assert "2024-13-01" in str(only([p for p in problems if p.field == "agreement_date"]))
    assert "without an org_id" in str(only([p for p in problems if p.field == "org_id"]))


def test_group_rental_by_registered_adults(tmp_path: Path) -> None:
    d = load_package(write_package(tmp_path / "pkg"))
    from sandbox_app.domain.enums import Relation
    from sandbox_app.domain.model import Person

    for i in range(5):
        d.people[f"X{i}"] = Person(f"X{i}", f"测试租客{i}", "0101", Relation.TENANT)
    (row,) = rental_register(d)
    assert row.group_rental and row.adults >= 5 and len(row.tenants) >= 5
    assert not rental_register(d, group_people=50)[0].group_rental
    for i in range(5):
        d.people[f"X{i}"].credentials = frozenset({f"CARD-{i}", f"FACE-{i}", f"TAG-{i}"})
    assert rental_register(d, group_people=50)[0].group_rental  # 15 credentials


def test_the_demo_carries_addresses_organisations_and_the_rental_register() -> None:
    d = load_package(Path(__file__).resolve().parents[2] / "resources" / "demo")
    orgs = organisations(d)
    kinds = {o.type for o in orgs.values()}
    assert {OrgType.UNIVERSITY, OrgType.SCHOOL, OrgType.SHOP, OrgType.COMPANY} <= kinds
    assert all(b.extra.get("road") and b.extra.get("door_number") for b in d.buildings.values())
    register = rental_register(d)
    assert register and all(r.landlord and r.agreement_date and r.last_inspection for r in register)
    assert 0 < sum(r.group_rental for r in register) < len(register) / 2


def test_search_finds_organisations_by_name_and_type_masking_the_contact(tmp_path: Path) -> None:
    layers = base_layers()
    with_reals(layers)
    d = load_package(write_package(tmp_path / "pkg", layers))
    hits = search(d, "测试便利店", Masker(Viewer.OFFICER))
    assert (hits[0].kind, hits[0].id, hits[0].label) == ("organisation", "ORG1", "测试便利店")
    assert "测试店主" not in hits[0].detail and "13800000000" not in hits[0].detail
    assert "138****0000" in hits[0].detail
    assert [h.id for h in search(d, "学院路30号", Masker(Viewer.WALL), kinds=["building"])] == ["B3"]
