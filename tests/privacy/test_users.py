"""Users: argon2 hashes only, lockout on an injected clock, TOTP, the permission table, audited refusals."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyotp
import pytest

from sandbox_app.privacy import audit as au
from sandbox_app.privacy.mask import Viewer
from sandbox_app.privacy.users import (
    PERMISSIONS,
    AccountLocked,
    AuthError,
    LoginFailed,
    Permission,
    PermissionDenied,
    Role,
    User,
    UserBook,
    UserError,
    authorize,
    export,
    unmask,
)
from tests.privacy.conftest import ManualClock

PW = "correct horse battery"


def test_roles_are_the_masking_viewers_and_permissions_follow_issue_9() -> None:
    assert set(PERMISSIONS) == set(Viewer)
    who = {p: {r.value for r in Role if p in PERMISSIONS[r]} for p in Permission}
    assert who[Permission.DISPATCH] == {"commander"}
    assert who[Permission.EXPORT] == {"analyst"}
    assert (
        who[Permission.EDIT_USERS] == who[Permission.EDIT_RULES] == who[Permission.EDIT_BRIDGES] == {"admin"}
    )
    assert "wall" not in who[Permission.UNMASK] and "wall" in who[Permission.VIEW]
    assert PERMISSIONS[Role.WALL] == {Permission.VIEW}


def test_password_is_stored_only_as_argon2_hash(book: UserBook, db_path: Path) -> None:
    book.add("officer1", Role.OFFICER, PW, by="admin")
    (stored,) = sqlite3.connect(db_path).execute("SELECT pw_hash FROM users").fetchone()
    assert stored.startswith("$argon2id$") and PW not in stored
    user = book.login("officer1", PW)
    assert user == User("officer1", Role.OFFICER)


@pytest.mark.parametrize(
    "name, role, password, message",
    [
        ("a b", "officer", PW, "user name"),
        ("x", "chief", PW, "unknown role"),
        ("x", "officer", "short", "at least"),
        ("x", "officer", " padded password ", "spaces"),
    ],
)
def test_bad_users_are_refused_with_a_reason(
    book: UserBook, name: str, role: str, password: str, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        book.add(name, role, password, by="admin")
    assert book.users() == []


def test_duplicate_user_is_refused(book: UserBook) -> None:
    book.add("u1", "analyst", PW, by="admin")
    with pytest.raises(UserError, match="exists"):
        book.add("u1", "wall", PW, by="admin")


def test_lockout_after_repeated_failures_then_expires(book: UserBook, clock: ManualClock) -> None:
    book.add("cmd", Role.COMMANDER, PW, by="admin")
    for _ in range(2):
        with pytest.raises(LoginFailed):
            book.login("cmd", "wrong password!")
    with pytest.raises(AccountLocked) as locked:
        book.login("cmd", "wrong password!")
    assert locked.value.until_ms == clock.now + 10 * 60_000
    clock.now += 9 * 60_000
    with pytest.raises(AccountLocked):  # even the right password, while locked
        book.login("cmd", PW)
    clock.now += 60_000
    assert book.login("cmd", PW).role is Role.COMMANDER
    actions = [e.action for e in book.audit.entries("login")]
    assert actions == [au.LOGIN_FAILED] * 2 + [au.LOGIN_LOCKED] * 2 + [au.LOGIN_OK]


def test_success_resets_the_failure_count(book: UserBook) -> None:
    book.add("cmd", Role.COMMANDER, PW, by="admin")
    for _ in range(5):
        with pytest.raises(LoginFailed):
            book.login("cmd", "wrong password!")
        with pytest.raises(LoginFailed):
            book.login("cmd", "wrong password!")
        book.login("cmd", PW)


def test_unknown_and_disabled_users_fail_alike_and_are_audited(book: UserBook) -> None:
    book.add("gone", Role.OFFICER, PW, by="admin")
    book.set_disabled("gone", True, by="admin")
    messages = []
    for name in ("nobody", "gone"):
        with pytest.raises(LoginFailed) as failed:
            book.login(name, PW)
        messages.append(str(failed.value))
    assert messages[0] == messages[1]
    details = [e.detail["reason"] for e in book.audit.entries(au.LOGIN_FAILED)]
    assert details == ["unknown user", "disabled"]


def test_totp_second_factor(book: UserBook, clock: ManualClock) -> None:
    secret = book.add("an", Role.ANALYST, PW, by="admin", totp=True)
    assert secret is not None
    with pytest.raises(LoginFailed):
        book.login("an", PW)  # code missing
    with pytest.raises(LoginFailed):
        book.login("an", PW, "000000" if pyotp.TOTP(secret).at(clock.now // 1000) != "000000" else "111111")
    code = pyotp.TOTP(secret).at(clock.now // 1000)
    assert book.login("an", PW, code).has_totp
    clock.now += 10 * 60_000  # an old code no longer works
    with pytest.raises(LoginFailed):
        book.login("an", PW, code)


def test_new_password_clears_lockout(book: UserBook) -> None:
    book.add("cmd", Role.COMMANDER, PW, by="admin")
    for _ in range(3):
        with pytest.raises(AuthError):
            book.login("cmd", "wrong password!")
    book.set_password("cmd", "another long password", by="admin")
    assert book.login("cmd", "another long password").name == "cmd"
    with pytest.raises(UserError, match="no user"):
        book.set_password("ghost", "another long password", by="admin")


def test_authorize_raises_clearly_and_audits_refusals(book: UserBook) -> None:
    audit = book.audit
    wall, analyst = User("wall1", Role.WALL), User("an1", Role.ANALYST)
    authorize(analyst, Permission.EXPORT, audit, "case-1")
    with pytest.raises(PermissionDenied, match=r"wall1 \(wall\) may not dispatch"):
        authorize(wall, Permission.DISPATCH, audit, "alert-7")
    with pytest.raises(PermissionDenied):
        authorize(User("x", Role.ADMIN, disabled=True), Permission.VIEW, audit)
    denied = audit.entries(au.DENIED)
    assert [(e.actor, e.target, e.detail["permission"]) for e in denied] == [
        ("wall1", "alert-7", "dispatch"),
        ("x", "", "view"),
    ]


def test_export_needs_analyst_and_unmask_is_audited(book: UserBook) -> None:
    audit = book.audit
    export(User("an1", Role.ANALYST), "case-9.pdf", audit, {"rows": 3})
    with pytest.raises(PermissionDenied):
        export(User("cmd", Role.COMMANDER), "case-9.pdf", audit)
    shown = unmask(User("o1", Role.OFFICER), "person:P0001", audit, "registration check")
    assert shown.name("测试甲") == "测试甲"
    with pytest.raises(PermissionDenied):
        unmask(User("w", Role.WALL), "person:P0001", audit)
    assert [(e.action, e.actor) for e in audit.entries() if e.action in (au.EXPORT, au.UNMASK)] == [
        (au.EXPORT, "an1"),
        (au.UNMASK, "o1"),
    ]
    assert audit.verify() is None
