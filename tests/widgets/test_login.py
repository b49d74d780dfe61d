"""Logging in at the desk, and the logged-in user flowing into the window (issue 9).

The dialog calls the core's login (argon2 with cheap test parameters, lockout, TOTP); the session puts the
user's role on the masking, the user's name on every alert action in the audit log, and sends unmasking
through the audited permission check.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from cli import main as cli_main
from sandbox_app.data.resources import demo_package
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.engine.clock import WallClock
from sandbox_app.privacy import audit as au
from sandbox_app.privacy import db as privacy_db
from sandbox_app.privacy.mask import Viewer
from sandbox_app.privacy.users import LoginPolicy, Role, UserBook, fast_hasher
from sandbox_app.station.live import LiveOptions, LiveSession
from sandbox_app.station.scene import Scene
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import small_district
from tests.support import committed_demo
from tests.widgets.test_live import room_smoke_detector
from tests.widgets.test_main_window import english, show
from widgets.live_controller import LiveController
from widgets.login import LoginDialog
from widgets.session import DeskSession, has_users, log_in

pytestmark = pytest.mark.gui
__all__ = ["english"]
PASSWORD = "correct horse battery"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "desk.db"


@pytest.fixture
def book(db: Path) -> Iterator[UserBook]:
    users = UserBook(
        privacy_db.connect(db), hasher=fast_hasher(), policy=LoginPolicy(max_failures=3, lockout_minutes=10)
    )
    yield users
    users.close()


def dialog(qtbot: QtBot, book: UserBook, name: str, password: str, code: str = "") -> LoginDialog:
    login = LoginDialog(book)
    qtbot.addWidget(login)
    login.name_edit.setText(name)
    login.password_edit.setText(password)
    login.code_edit.setText(code)
    return login


def test_wrong_password_and_unknown_user_get_the_same_message(
    qtbot: QtBot, book: UserBook, english: None
) -> None:
    book.add("zhang.san", Role.OFFICER, PASSWORD, by="admin")
    wrong = dialog(qtbot, book, "zhang.san", "not the password")
    assert wrong.try_login() is None and wrong.user is None
    assert wrong.result() != QDialog.DialogCode.Accepted
    unknown = dialog(qtbot, book, "nobody", PASSWORD)
    assert unknown.try_login() is None
    assert wrong.message.text() == unknown.message.text() == "Wrong user name, password or code."
    assert wrong.password_edit.text() == "", "a refused password is not left in the field"


def test_lockout_message_after_repeated_failures(qtbot: QtBot, book: UserBook, english: None) -> None:
    book.add("li.si", Role.COMMANDER, PASSWORD, by="admin")
    login = dialog(qtbot, book, "li.si", "wrong wrong wrong")
    for _ in range(2):
        assert login.try_login() is None
        assert login.message.text() == "Wrong user name, password or code."
        login.password_edit.setText("wrong wrong wrong")
    assert login.try_login() is None  # the third failure locks (policy: 3)
    locked = "This account is locked after repeated failures; try again later."
    assert login.message.text() == locked
    login.password_edit.setText(PASSWORD)  # even the right password now waits out the lockout
    assert login.try_login() is None and login.message.text() == locked


def test_success_returns_the_user_with_role(qtbot: QtBot, book: UserBook, english: None) -> None:
    book.add("wang.wu", Role.ANALYST, PASSWORD, by="admin")
    login = dialog(qtbot, book, " wang.wu ", PASSWORD)
    user = login.try_login()
    assert user is not None and (user.name, user.role) == ("wang.wu", Role.ANALYST)
    assert login.user == user and login.result() == QDialog.DialogCode.Accepted
    assert [e.actor for e in book.audit.entries(au.LOGIN_OK)] == ["wang.wu"]


def test_totp_user_needs_the_current_code(qtbot: QtBot, book: UserBook, english: None) -> None:
    book.add("zhao.liu", Role.OFFICER, PASSWORD, by="admin", totp=True)
    without = dialog(qtbot, book, "zhao.liu", PASSWORD)
    assert without.try_login() is None
    assert without.message.text() == "Wrong user name, password or code."
    current = book.totp_now("zhao.liu")
    wrong_code = "000000" if current != "000000" else "111111"
    assert dialog(qtbot, book, "zhao.liu", PASSWORD, wrong_code).try_login() is None
    user = dialog(qtbot, book, "zhao.liu", PASSWORD, current).try_login()
    assert user is not None and user.has_totp


def test_no_users_no_prompt_and_a_status_bar_warning(qtbot: QtBot, db: Path, english: None) -> None:
    assert not has_users(db) and not db.exists(), "checking must not create the database"
    desk = log_in(db)
    assert desk is not None and desk.user is None and desk.trail is None
    assert desk.viewer(wall=False) == Viewer.OFFICER and desk.viewer(wall=True) == Viewer.WALL
    window = show(qtbot, Scene(small_district()), viewer=desk.viewer(False))
    desk.attach(window)
    warning = window.findChild(QLabel, "status_no_users")
    assert warning is not None and "sandbox-app user add" in warning.toolTip()
    assert "c0392b" not in warning.styleSheet(), "a discreet note, not a red developer hint"


def test_users_present_asks_and_cancel_quits(qtbot: QtBot, db: Path, book: UserBook, english: None) -> None:
    book.add("chen.qi", Role.WALL, PASSWORD, by="admin")
    assert has_users(db)

    def answer(cancel: bool) -> None:
        login = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog))
        if cancel:
            login.reject()
            return
        login.name_edit.setText("chen.qi")
        login.password_edit.setText(PASSWORD)
        login.try_login()

    QTimer.singleShot(0, lambda: answer(cancel=True))
    assert log_in(db, book=book) is None
    QTimer.singleShot(0, lambda: answer(cancel=False))
    desk = log_in(db, wall=True, book=book)
    assert desk is not None and desk.user is not None and desk.actor == "chen.qi"
    assert desk.viewer(wall=True) == Viewer.WALL and desk.viewer(wall=False) == Viewer.WALL


def _desk(book: UserBook, name: str, role: Role) -> DeskSession:
    book.add(name, role, PASSWORD, by="admin")
    user = book.login(name, PASSWORD)
    return DeskSession(user, book.audit, au.AuditTrail(book.audit))


def test_officer_unmask_is_audited_and_shows_the_name_wall_user_is_refused(
    qtbot: QtBot, book: UserBook, english: None
) -> None:
    officer = _desk(book, "officer.1", Role.OFFICER)
    window = show(qtbot, Scene(small_district()), viewer=officer.viewer(False))
    officer.attach(window)
    detail = window.detail
    window.show_detail("person", "P0002")
    assert "测试居民0002" not in " ".join(detail.texts())
    qtbot.mouseClick(detail.unmask_button, Qt.MouseButton.LeftButton)
    assert "测试居民0002" in " ".join(detail.texts())
    [entry] = book.audit.entries(au.UNMASK)
    assert (entry.actor, entry.target) == ("officer.1", "person:P0002")

    wall = _desk(book, "wall.1", Role.WALL)
    wall_window = show(qtbot, Scene(small_district()), viewer=wall.viewer(False))
    wall.attach(wall_window)
    wall_window.show_detail("person", "P0002")
    with qtbot.assertNotEmitted(wall_window.detail.unmask_requested):
        wall_window.detail._toggle_mask()  # the button is hidden; the core refuses it all the same
    assert "测试居民0002" not in " ".join(wall_window.detail.texts())
    [denied] = book.audit.entries(au.DENIED)
    assert (denied.actor, denied.target, denied.detail["permission"]) == ("wall.1", "person:P0002", "unmask")
    assert len(book.audit.entries(au.UNMASK)) == 1
    assert book.audit.verify() is None


def _smoke(device: str, ts: int) -> Event:
    return Event(f"test-smoke-{device}", ts, device, "smoke.alarm", None, None, {})


def test_commander_acknowledge_lands_in_the_audit_log(
    qtbot: QtBot, db: Path, book: UserBook, english: None, capsys: pytest.CaptureFixture[str]
) -> None:
    committed_demo()
    from sandbox_app.data.package import load_package

    demo: District = load_package(demo_package())
    desk = _desk(book, "commander.1", Role.COMMANDER)
    before = set(threading.enumerate())
    window = show(qtbot, Scene(demo), viewer=desk.viewer(False))
    desk.attach(window)
    options = LiveOptions(simulate=False, tick_s=0.05, risk_every_s=0.1)
    session = LiveSession(demo, lambda: SqliteStore(db), options, audit=desk.trail)
    controller = LiveController(window, session, desk.actor)
    controller.start()
    try:
        device = room_smoke_detector(demo)
        assert session.submit(lambda e: e.ingest([_smoke(device, WallClock().now_ms())])).result(10).accepted
        panel = window.alerts_panel
        qtbot.waitUntil(lambda: len(panel.alerts) == 1, timeout=10_000)
        alert_id = next(iter(panel.alerts))
        panel.select(alert_id)
        qtbot.mouseClick(panel.buttons[AlertState.ACKNOWLEDGED], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.alerts[alert_id].state == AlertState.ACKNOWLEDGED, timeout=10_000)
    finally:
        controller.stop()
    assert set(threading.enumerate()) <= before
    [entry] = book.audit.entries("alert.acknowledged")
    assert (entry.actor, entry.target) == ("commander.1", alert_id)
    assert cli_main(["audit", "verify", "--db", str(db)]) == 0
    assert "audit log intact" in capsys.readouterr().out
