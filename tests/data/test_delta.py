"""People delta files (issue 21): add, change, move out; checked like the package, all or nothing."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cli import main
from sandbox_app.data.delta import apply_people_delta
from sandbox_app.data.package import load_package
from sandbox_app.data.problems import PackageError
from sandbox_app.domain.enums import PersonTag, Relation
from sandbox_app.store import open_store
from tests.data.test_package import write_package

DELTA = """op,id,name,room_id,relation,tags,credentials,phone
add,N1,测试新居民,0102,tenant,floating,CARD-N1,000-0000-0099
change,P0001,,0102,,,,
move_out,P0002,,,,,,
"""


def _write(tmp_path: Path, text: str, name: str = "delta.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_add_change_and_move_out(tmp_path: Path) -> None:
    d = load_package(write_package(tmp_path / "pkg"))
    before = {p.id: (p.name, p.relation, p.tags) for p in d.people.values()}
    result = apply_people_delta(d, _write(tmp_path, DELTA))
    assert result.to_json() == {"added": ["N1"], "changed": ["P0001"], "moved_out": ["P0002"]}
    new = d.people["N1"]
    assert (new.room_id, new.relation, new.tags, new.extra["phone"]) == (
        "0102",
        Relation.TENANT,
        frozenset({PersonTag.FLOATING}),
        "000-0000-0099",
    )
    assert d.people["P0001"].room_id == "0102"
    p1 = d.people["P0001"]
    assert (p1.name, p1.relation, p1.tags) == before["P0001"]  # blank cells keep the register's values
    assert d.people["P0002"].room_id is None and d.people["P0002"].name == before["P0002"][0]


@pytest.mark.parametrize(
    ("text", "field", "words"),
    [
        ("op,id\nadd,P0001\n", "id", "already exists"),
        ("op,id\nchange,NOPE\n", "id", "no person"),
        ("op,id\nrename,P0001\n", "op", "unknown op"),
        ("op,id,room_id\nchange,P0001,NOWHERE\n", "room_id", "NOWHERE"),
        ("op,id,relation\nadd,N2,boss\n", "relation", "boss"),
        ("id,name\nP0001,x\n", "op", "missing"),
    ],
)
def test_bad_deltas_list_problems_and_change_nothing(
    tmp_path: Path, text: str, field: str, words: str
) -> None:
    d = load_package(write_package(tmp_path / "pkg"))
    people = dict(d.people)
    with pytest.raises(PackageError) as info:
        apply_people_delta(d, _write(tmp_path, text))
    assert any(p.field == field and words in p.reason for p in info.value.problems), info.value.problems
    assert d.people == people


def test_cli_applies_the_delta_to_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "s.db"
    assert main(["import", str(write_package(tmp_path / "pkg")), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["people-delta", str(_write(tmp_path, DELTA)), "--db", str(db)]) == 0
    assert orjson.loads(capsys.readouterr().out)["added"] == ["N1"]
    store = open_store(db)
    district = store.load_district()
    store.close()
    assert district is not None and "N1" in district.people and district.people["P0002"].room_id is None
    assert main(["people-delta", str(_write(tmp_path, "op,id\nadd,N1\n", "again.csv")), "--db", str(db)]) == 2
    assert "was not changed" in capsys.readouterr().err
