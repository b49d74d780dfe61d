"""`sandbox-app user` and `audit` end to end: passwords from stdin, tampering found, exit codes."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import orjson
import pytest

from cli import main
from sandbox_app.privacy.users import UserBook, fast_hasher


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(argv)


def test_user_add_list_passwd_and_audit_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    admin = "the admin password\n"  # once users exist, the admin logs in first (issue 14)
    assert run(["user", "add", "admin1", "--role", "admin", "--db", db], monkeypatch, admin) == 0
    assert (
        run(
            ["user", "add", "cmd1", "--role", "commander", "--db", db, "--by", "admin1"],
            monkeypatch,
            admin + "a long password 1\n",
        )
        == 0
    )
    assert (
        run(
            ["user", "add", "an1", "--role", "analyst", "--totp", "--db", db, "--user", "admin1"],
            monkeypatch,
            admin + "a long password 2\n",
        )
        == 0
    )
    assert "TOTP secret" in capsys.readouterr().out
    argv = ["user", "add", "x", "--role", "wall", "--db", db, "--user", "admin1"]
    assert run(argv, monkeypatch, admin + "short\n") == 2
    assert "at least" in capsys.readouterr().err
    argv = ["user", "passwd", "cmd1", "--db", db, "--user", "admin1"]
    assert run(argv, monkeypatch, admin + "a new long password\n") == 0
    capsys.readouterr()
    assert run(["user", "list", "--db", db, "--user", "admin1"], monkeypatch, admin) == 0
    users = orjson.loads(capsys.readouterr().out)
    assert [(u["name"], u["role"], u["totp"]) for u in users] == [
        ("admin1", "admin", False),
        ("an1", "analyst", True),
        ("cmd1", "commander", False),
    ]
    book = UserBook.open(db, hasher=fast_hasher())
    assert book.login("cmd1", "a new long password").name == "cmd1"
    book.close()

    assert run(["audit", "verify", "--db", db], monkeypatch) == 0
    # 3 adds, a passwd and 6 logins (5 by the admin, the refused add included, and cmd1's above)
    assert "intact: 10 entries" in capsys.readouterr().out
    assert run(["audit", "head", "--db", db], monkeypatch) == 0
    anchor = capsys.readouterr().out.strip()
    assert anchor.startswith("10:")
    argv = ["audit", "list", "--db", db, "--action", "user.", "--user", "admin1"]
    assert run(argv, monkeypatch, admin) == 0
    listed = orjson.loads(capsys.readouterr().out)
    assert [(e["actor"], e["action"], e["target"]) for e in listed][1:2] == [("admin1", "user.add", "cmd1")]

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET target = 'someone' WHERE seq = 2")
    conn.close()
    assert run(["audit", "verify", "--db", db, "--anchor", anchor], monkeypatch) == 1
    out = capsys.readouterr().out
    assert "BROKEN at entry 2" in out and "audit_log_no_update were dropped" in out


def test_commands_refuse_a_missing_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = str(tmp_path / "none.db")
    assert run(["audit", "verify", "--db", missing], monkeypatch) == 2
    assert run(["user", "list", "--db", missing], monkeypatch) == 2
    assert run(["audit", "verify", "--db", missing, "--anchor", "x"], monkeypatch) == 2
    assert not Path(missing).exists()


def test_alert_steps_from_the_cli_are_audited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sandbox_app.engine.pipeline import Engine
    from sandbox_app.privacy.audit import AuditLog
    from sandbox_app.store import open_store
    from tests.security.helpers import T0, Recorder, district, press

    db = tmp_path / "s.db"
    store = open_store(db)
    Engine(store, district("B1"), [Recorder()]).ingest([press("a", T0)])
    (alert,) = store.alerts()
    store.close()
    assert (
        run(["alert", alert.id, "ack", "--by", "值班员A", "--db", str(db), "--at", str(T0 + 1)], monkeypatch)
        == 0
    )
    assert (
        run(["alert", alert.id, "dismiss", "--by", "值班员A", "--note", "test", "--db", str(db)], monkeypatch)
        == 0
    )
    log = AuditLog.open(db)
    assert [(e.actor, e.action, e.target) for e in log.entries()] == [
        ("值班员A", "alert.acknowledged", alert.id),
        ("值班员A", "alert.dismissed", alert.id),
    ]
    assert log.entries()[1].detail["note"] == "test" and log.verify() is None
    log.close()
