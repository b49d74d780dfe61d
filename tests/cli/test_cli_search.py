"""`sandbox-app search` (issue 21): JSON hits, masking by the logged-in role, and the search audit."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest

from cli import main
from sandbox_app.privacy.audit import SEARCH, AuditLog
from sandbox_app.privacy.users import Role, UserBook, fast_hasher

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("search") / "demo.db"
    assert main(["import", str(DEMO), "--db", str(db)]) == 0
    return db


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def _hits(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = orjson.loads(capsys.readouterr().out)
    return out


def test_search_prints_ranked_json_hits(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(monkeypatch, ["search", "B0001-1-0101", "--db", str(demo_db), "--json"]) == 0
    hits = _hits(capsys)
    assert hits[0]["kind"] == "room" and hits[0]["id"] == "B0001-1-0101" and hits[0]["score"] == 100
    assert hits[0]["lon"] is not None
    assert _run(monkeypatch, ["search", "测试居民00001", "--db", str(demo_db), "--json"]) == 0
    assert [h["id"] for h in _hits(capsys) if h["kind"] == "person"] == ["P00001"]
    assert _run(monkeypatch, ["search", "测试", "--db", str(demo_db), "--kind", "guard", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(line.startswith("guard") for line in lines)


def test_bad_input_exits_2(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _run(monkeypatch, ["search", "  ", "--db", str(demo_db)]) == 2
    assert _run(monkeypatch, ["search", "x", "--db", str(tmp_path / "none.db")]) == 2


def test_logged_in_search_is_masked_per_role_and_audited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "users.db"
    assert main(["import", str(DEMO), "--db", str(db)]) == 0
    capsys.readouterr()
    book = UserBook.open(db, hasher=fast_hasher())
    try:
        book.add("officer1", Role.OFFICER, PASSWORD, by="test")
        book.add("wall1", Role.WALL, PASSWORD, by="test")
    finally:
        book.close()
    argv = ["search", "测试居民00001", "--db", str(db), "--json"]
    assert _run(monkeypatch, argv) == 2  # users exist: a login is needed
    assert _run(monkeypatch, [*argv, "--user", "officer1"], PASSWORD + "\n") == 0
    people = [h for h in _hits(capsys) if h["kind"] == "person"]
    assert [h["label"] for h in people] == ["测********"]
    assert _run(monkeypatch, [*argv, "--user", "wall1"], PASSWORD + "\n") == 0
    assert [h for h in _hits(capsys) if h["kind"] == "person"] == []
    with AuditLog.open(db) as log:
        searches = log.entries(SEARCH)
    assert [(e.actor, e.target) for e in searches] == [
        ("officer1", "测试居民00001"),
        ("wall1", "测试居民00001"),
    ]
