"""Issue 14 item 10 and the login items: the CLI acts only as a logged-in user once users exist, actors are
never empty, the audit chain can be keyed, dropped triggers and tables are reported, and a login attempt
does not reveal which names exist."""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path
from typing import Literal

import pytest
from argon2 import PasswordHasher

from cli import main
from sandbox_app.engine.pipeline import Engine
from sandbox_app.privacy import audit as au
from sandbox_app.privacy import db as pdb
from sandbox_app.privacy.audit import AuditKeyError, AuditLog, load_key
from sandbox_app.privacy.users import (
    ANONYMOUS,
    AccountLocked,
    AuthError,
    LoginFailed,
    LoginPolicy,
    Role,
    UserBook,
    fast_hasher,
)
from sandbox_app.store import open_store
from tests.privacy.conftest import ManualClock
from tests.security.helpers import T0, Recorder, district, press

ADMIN_PW = "the admin password"
PW = "a long password 1"


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(argv)


def _db_with_alert(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "s.db"
    store = open_store(db)
    Engine(store, district("B1"), [Recorder()]).ingest([press("a", T0)])
    (alert,) = store.alerts()
    store.close()
    return db, alert.id


def _users(db: Path) -> None:
    book = UserBook.open(db, hasher=fast_hasher())
    book.add("admin1", Role.ADMIN, ADMIN_PW, by="test")
    book.add("cmd1", Role.COMMANDER, PW, by="test")
    book.add("wall1", Role.WALL, PW, by="test")
    book.close()


def _entries(db: Path) -> list[au.AuditEntry]:
    with AuditLog.open(db) as log:
        return log.entries()


def test_empty_actor_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, aid = _db_with_alert(tmp_path)
    for by in ("", "   "):
        assert run(["alert", aid, "ack", "--by", by, "--db", str(db)], monkeypatch) == 2
    assert run(["user", "add", "u1", "--role", "admin", "--db", str(db), "--by", ""], monkeypatch, PW) == 2
    assert _entries(db) == []
    with AuditLog.open(db) as log, pytest.raises(ValueError, match="actor"):
        log.record(" ", "alert.acknowledged", aid)


def test_with_users_cli_steps_need_a_login_and_record_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db, aid = _db_with_alert(tmp_path)
    _users(db)
    base = ["alert", aid, "ack", "--db", str(db), "--at", str(T0 + 1)]
    assert run(base, monkeypatch) == 2  # no name: nobody logged in
    assert run([*base, "--by", "cmd1"], monkeypatch, "not the password\n") == 2
    assert run([*base, "--by", "wall1"], monkeypatch, PW + "\n") == 2  # the wall may not
    assert run([*base, "--user", "cmd1", "--by", "someone else"], monkeypatch, PW + "\n") == 2
    capsys.readouterr()
    assert run([*base, "--user", "cmd1"], monkeypatch, PW + "\n") == 0
    steps = [(e.actor, e.action) for e in _entries(db) if e.action.startswith("alert.")]
    assert steps == [("cmd1", "alert.acknowledged")]
    store = open_store(db)
    (alert,) = store.alerts()
    store.close()
    assert alert.history[-1].actor == "cmd1"
    assert any(e.action == au.DENIED and e.actor == "wall1" for e in _entries(db))
    # data-changing commands and user administration too
    assert run(["ingest", str(tmp_path / "none.jsonl"), "--db", str(db)], monkeypatch) == 2
    (tmp_path / "e.jsonl").write_text("", encoding="utf-8")
    assert run(["ingest", str(tmp_path / "e.jsonl"), "--db", str(db)], monkeypatch) == 2
    assert run(["ingest", str(tmp_path / "e.jsonl"), "--db", str(db), "--user", "cmd1"], monkeypatch, PW) == 2


def test_user_passwd_needs_an_admin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, _ = _db_with_alert(tmp_path)
    _users(db)
    new = "a brand new password\n"
    assert run(["user", "passwd", "admin1", "--db", str(db), "--by", "admin"], monkeypatch, new) == 2
    assert (
        run(["user", "passwd", "admin1", "--db", str(db), "--by", "cmd1"], monkeypatch, PW + "\n" + new) == 2
    )
    assert run(["user", "add", "x1", "--role", "admin", "--db", str(db)], monkeypatch, new) == 2
    argv = ["user", "passwd", "cmd1", "--db", str(db), "--user", "admin1"]
    assert run(argv, monkeypatch, ADMIN_PW + "\n" + new) == 0
    changed = [e for e in _entries(db) if e.action == au.USER_CHANGED]
    assert [(e.actor, e.target) for e in changed] == [("admin1", "cmd1")]
    book = UserBook.open(db)
    assert book.login("cmd1", new.strip()).name == "cmd1"
    book.close()


def _keyed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    db, aid = _db_with_alert(tmp_path)
    (tmp_path / "keys").mkdir()
    key = tmp_path / "keys" / "audit.key"
    assert run(["audit", "keygen", "--db", str(db), "--key", str(key)], monkeypatch) == 0
    assert os.stat(key).st_mode & 0o777 == 0o600
    monkeypatch.setenv(au.KEY_ENV, str(key))
    assert run(["alert", aid, "ack", "--by", "值班员A", "--db", str(db)], monkeypatch) == 0
    return db, key


def test_keyed_chain_finds_entries_forged_with_the_database_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db, key = _keyed(tmp_path, monkeypatch)
    assert run(["audit", "verify", "--db", str(db)], monkeypatch) == 0
    assert "intact: 1 entries (keyed)" in capsys.readouterr().out
    assert run(["audit", "head", "--db", str(db)], monkeypatch) == 0
    anchor = capsys.readouterr().out.strip()
    monkeypatch.delenv(au.KEY_ENV)
    # someone with a copy of the file and the code, but not the key:
    with AuditLog.open(db) as log, pytest.raises(AuditKeyError):
        log.record("值班员A", "alert.dismissed", "x")  # the code refuses to append without the key
    conn = pdb.connect(db)
    conn.execute("DELETE FROM meta WHERE key = ?", (au.KEYED_KEY,))  # pretend the log was never keyed
    AuditLog(conn, key=None).record("值班员A", "alert.dismissed", "x", {"note": "forged"})
    conn.close()
    capsys.readouterr()
    argv = ["audit", "verify", "--db", str(db), "--anchor", anchor, "--audit-key", str(key)]
    assert run(argv, monkeypatch) == 1  # the anchor alone would not catch an appended entry; the key does
    assert "BROKEN at entry 2" in capsys.readouterr().out
    # a rewritten, plain chain from the start is found as well
    with AuditLog.open(db, key=load_key(key)) as log:
        broken = log.verify()
    assert broken is not None and broken.seq == 2 and "key" in broken.reason


def test_keyed_log_without_its_key_and_a_loose_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db, key = _keyed(tmp_path, monkeypatch)
    monkeypatch.delenv(au.KEY_ENV)
    assert run(["audit", "verify", "--db", str(db)], monkeypatch) == 2
    assert "keyed" in capsys.readouterr().err
    store = open_store(db)
    (alert,) = store.alerts()
    store.close()
    assert (
        run(["alert", alert.id, "dismiss", "--by", "值班员A", "--note", "n", "--db", str(db)], monkeypatch)
        == 2
    )
    assert "keyed" in capsys.readouterr().err
    store = open_store(db)
    assert store.alerts()[0].state == "acknowledged", "refused before anything changed"
    store.close()
    os.chmod(key, 0o644)
    assert run(["audit", "verify", "--db", str(db), "--audit-key", str(key)], monkeypatch) == 2
    assert "chmod 600" in capsys.readouterr().err
    beside = tmp_path / "beside.key"
    assert run(["audit", "keygen", "--db", str(db), "--key", str(beside)], monkeypatch) == 2


def test_dropped_triggers_are_reported_and_recreated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db, aid = _db_with_alert(tmp_path)
    assert run(["alert", aid, "ack", "--by", "值班员A", "--db", str(db)], monkeypatch) == 0
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_no_delete")
    conn.close()
    capsys.readouterr()
    assert run(["audit", "verify", "--db", str(db)], monkeypatch) == 1
    assert "audit_log_no_delete were dropped" in capsys.readouterr().out
    conn = sqlite3.connect(db, isolation_level=None)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM audit_log")
    conn.close()


def test_verify_on_a_dropped_table_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db, aid = _db_with_alert(tmp_path)
    assert run(["alert", aid, "ack", "--by", "值班员A", "--db", str(db)], monkeypatch) == 0
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TABLE audit_log")
    conn.close()
    capsys.readouterr()
    assert run(["audit", "verify", "--db", str(db)], monkeypatch) == 1
    out = capsys.readouterr()
    assert "missing (dropped)" in out.out and "Traceback" not in out.err
    for command in ("head", "list"):
        assert run(["audit", command, "--db", str(db)], monkeypatch) == 1
        assert "BROKEN" in capsys.readouterr().out


class CountingHasher(PasswordHasher):
    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.verifies = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.verifies += 1
        return super().verify(hash, password)


def test_unknown_and_known_names_are_indistinguishable(tmp_path: Path) -> None:
    clock = ManualClock()
    hasher = CountingHasher()
    book = UserBook(
        pdb.connect(tmp_path / "u.db"), now_ms=clock.now_ms, hasher=hasher,
        policy=LoginPolicy(max_failures=3, lockout_minutes=10),
    )  # fmt: skip
    book.add("cmd", Role.COMMANDER, PW, by="admin")
    outcomes: dict[str, list[tuple[str, str]]] = {}
    for name in ("cmd", "nobody"):
        seen = []
        for _ in range(5):
            before = hasher.verifies
            with pytest.raises(AuthError) as refused:
                book.login(name, "wrong password!")
            assert hasher.verifies == before + 1, "every attempt spends one hash, locked or not"
            seen.append((type(refused.value).__name__, str(refused.value).replace(repr(name), "NAME")))
        outcomes[name] = seen
    assert outcomes["cmd"] == outcomes["nobody"]
    assert [kind for kind, _ in outcomes["nobody"]] == ["LoginFailed"] * 2 + ["AccountLocked"] * 3
    with pytest.raises(AccountLocked):  # locked even with the right password
        book.login("cmd", PW)
    clock.now += 10 * 60_000
    for name in ("nobody", "cmd"):
        with pytest.raises(LoginFailed):
            book.login(name, "wrong password!")
    logins = book.audit.entries("login")
    assert logins and {e.actor for e in logins} == {ANONYMOUS}
    assert all("nobody" not in (e.target + str(e.detail)) for e in logins)
    book.close()


def test_a_password_typed_as_the_name_is_not_stored(tmp_path: Path) -> None:
    book = UserBook(pdb.connect(tmp_path / "u.db"), hasher=fast_hasher())
    with pytest.raises(LoginFailed):
        book.login("MySecretPassw0rd", "")
    text = b"".join(p.read_bytes() for p in tmp_path.glob("u.db*"))
    assert b"MySecretPassw0rd" not in text
    book.close()


def test_dispatch_with_users_needs_a_commander_login(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sandbox_app.store.sqlite import SqliteStore
    from tests.bridges.protocols.test_e2e import district as e2e_district
    from tests.dispatch.test_dispatch_cli import ALERT
    from tests.dispatch.test_dispatch_cli import T0 as D0

    db = str(tmp_path / "desk.db")
    store = SqliteStore(db)
    store.replace_district(e2e_district())
    store.upsert_alerts([ALERT])
    store.close()
    _users(Path(db))
    send = ["dispatch", "send", "--db", db, "--alert", ALERT.id, "--guard", "GD001", "--at", str(D0 + 1000)]
    assert run([*send, "--by", "cmdr-a"], monkeypatch, PW + "\n") == 2  # no such user: refused
    assert run([*send, "--by", "wall1"], monkeypatch, PW + "\n") == 2  # the wall may not dispatch
    capsys.readouterr()
    assert run([*send, "--user", "cmd1"], monkeypatch, PW + "\n") == 0
    assert '"commander": "cmd1"' in capsys.readouterr().out
    assert run(["dispatch", "list", "--db", db, "--json"], monkeypatch) == 2
    issued = [e for e in _entries(Path(db)) if e.action == "dispatch.issued"]
    assert [e.actor for e in issued] == ["cmd1"]
