"""`sandbox-app case` / `export` go through `privacy.users`' export and unmask checks, and are audited."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cli import main
from sandbox_app.privacy import audit as au
from sandbox_app.privacy.audit import AuditLog
from sandbox_app.privacy.users import Role, UserBook, fast_hasher
from tests.replay import sample
from tests.replay.sample import T0

PASSWORD = "correct-horse-battery"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return sample.build(tmp_path / "perm.db")


def _add_users(db: Path) -> None:
    book = UserBook.open(db, hasher=fast_hasher())
    try:
        book.add("analyst1", Role.ANALYST, PASSWORD, by="test")
        book.add("officer1", Role.OFFICER, PASSWORD, by="test")
    finally:
        book.close()


def _entries(db: Path, action: str) -> list[au.AuditEntry]:
    log = AuditLog.open(db)
    try:
        return list(log.entries(action))
    finally:
        log.close()


def _export(db: Path, out: Path, *extra: str) -> list[str]:
    return [
        "export",
        "--db",
        str(db),
        "--from",
        str(T0),
        "--to",
        str(T0 + 600_000),
        "--csv",
        str(out),
        *extra,
    ]


def _run(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def test_unmasked_export_refused_without_an_analyst(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_users(db)
    out = tmp_path / "w.csv"
    assert _run(monkeypatch, _export(db, out, "--unmasked")) == 2
    assert "--user" in capsys.readouterr().err
    assert _run(monkeypatch, _export(db, out, "--unmasked", "--user", "officer1"), PASSWORD + "\n") == 2
    assert "may not export" in capsys.readouterr().err
    assert _run(monkeypatch, _export(db, out, "--user", "analyst1"), "wrong-password-here\n") == 2
    assert not out.exists()
    denied = _entries(db, au.DENIED)
    assert [(e.actor, e.detail["permission"]) for e in denied] == [("officer1", "export")]
    assert _entries(db, au.EXPORT) == []


def test_analyst_export_is_audited(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_users(db)
    out = tmp_path / "w.csv"
    assert _run(monkeypatch, _export(db, out, "--unmasked", "--user", "analyst1"), PASSWORD + "\n") == 0
    assert json.loads(capsys.readouterr().out)["rows"] > 0
    assert "CARD-P0002" in out.read_text(encoding="utf-8-sig")  # unmasked: the credential in full
    (entry,) = _entries(db, au.EXPORT)
    assert (entry.actor, entry.target) == ("analyst1", f"window:{T0}-{T0 + 600_000}")
    assert entry.detail == {"what": "export", "format": "csv", "unmasked": True}
    assert [e.actor for e in _entries(db, au.UNMASK)] == ["analyst1"]
    argv = ["case", "--db", str(db), "--alert", sample.ALERT_ID, "--csv", str(tmp_path / "c.csv")]
    assert _run(monkeypatch, [*argv, "--no-routing", "--user", "analyst1"], PASSWORD + "\n") == 0
    assert "CARD-P0002" not in (tmp_path / "c.csv").read_text(encoding="utf-8-sig")  # masked by default
    assert [e.target for e in _entries(db, au.EXPORT)][-1] == f"alert:{sample.ALERT_ID}"


def test_no_users_keeps_masking_and_audits(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "w.csv"
    assert _run(monkeypatch, _export(db, out)) == 0
    assert "CARD-P0002" not in out.read_text(encoding="utf-8-sig")
    assert _run(monkeypatch, _export(db, out, "--user", "analyst1")) == 2
    (entry,) = _entries(db, au.EXPORT)
    assert entry.actor.startswith("cli:") and entry.detail["unmasked"] is False
