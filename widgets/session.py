"""Who is at the desk: the login before the main window opens, and how that user flows into the window.

A database with users asks for a login (`LoginDialog`); the user's role then sets the masking, the user's
name is the actor of every alert and dispatch action (recorded in the audit log through the live session),
and unmasking a record in the detail view goes through `privacy.users.unmask` (permission check + audit
entry) before anything is shown whole. A database without users (the demo) opens as before, without a
prompt, with a warning in the status bar: nobody is accountable there (docs/security.md, "Logging in").

Texts are `QCoreApplication.translate("DeskSession", ...)` literally at each call (no module-level
object to `self.tr` from): lupdate only extracts a translate call whose context is a literal.
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from sandbox_app.privacy import db as privacy_db
from sandbox_app.privacy.audit import SEARCH, AuditKeyError, AuditLog, AuditTrail
from sandbox_app.privacy.mask import Viewer
from sandbox_app.privacy.users import PermissionDenied, User, UserBook, unmask
from sandbox_app.search.index import Hit
from widgets.login import LoginDialog
from widgets.main_window import MainWindow
from widgets.startup import no_users_indicator


@dataclass
class DeskSession:
    """The logged-in user (None: the database has no users) and the audit log their actions go to."""

    user: User | None = None
    audit: AuditLog | None = None
    trail: AuditTrail | None = field(default=None, repr=False)
    """What the live session hands the engine (alert steps) and, through it, the dispatch service."""

    @property
    def actor(self) -> str:
        return self.user.name if self.user is not None else f"desk:{getpass.getuser()}"

    def viewer(self, wall: bool) -> Viewer:
        """The wall always masks; otherwise the user's role (no users: an officer's view, as before)."""
        if wall:
            return Viewer.WALL
        return self.user.role if self.user is not None else Viewer.OFFICER

    def attach(self, window: MainWindow) -> None:
        """Gate the detail view's unmasking; a discreet status-bar note when nobody had to log in."""
        window.filter_panel.set_user(self.actor)  # each user's element filters are their own
        if self.user is None:
            label = no_users_indicator(window)
            window.statusBar().addPermanentWidget(label)
            return
        window.detail.unmask_gate = lambda kind, item_id: self.unmask(window, kind, item_id)
        window.search_box.audit_hook = self.record_search

    def record_search(self, query: str, hits: Sequence[Hit]) -> bool:
        """Who searched for what (a query is often a name or an ID number): recorded before any hit shows."""
        assert self.user is not None and self.audit is not None
        try:
            self.audit.record(self.user.name, SEARCH, query[:200], {"hits": [h.id for h in hits[:20]]})
        except (sqlite3.Error, AuditKeyError):
            return False
        return True

    def unmask(self, window: MainWindow, kind: str, item_id: str) -> bool:
        """The audited, explicit action; a refused one is audited too and said in the status bar."""
        assert self.user is not None and self.audit is not None
        try:
            unmask(self.user, f"{kind}:{item_id}", self.audit, reason="detail view")
        except PermissionDenied:
            window.statusBar().showMessage(
                QCoreApplication.translate("DeskSession", "Your role may not unmask personal data."), 10_000
            )
            return False
        except sqlite3.Error:
            window.statusBar().showMessage(
                QCoreApplication.translate("DeskSession", "Not unmasked: the audit log cannot be written."),
                10_000,
            )
            return False
        return True

    def close(self) -> None:
        if self.audit is not None:
            self.audit.close()


def has_users(db: Path) -> bool:
    """Without opening (and so creating) a database that is not there yet."""
    if not db.is_file():
        return False
    conn = privacy_db.connect(db)
    try:
        return conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None
    finally:
        conn.close()


def log_in(db: Path, *, wall: bool = False, book: UserBook | None = None) -> DeskSession | None:
    """The desk's session: no prompt when the database has no users; else the login dialog, and None
    when it was cancelled (the caller quits). Any role may open the wall screen: it only displays, masked."""
    owned = book is None
    if owned and not has_users(db):
        return DeskSession()
    book = book or UserBook.open(db)
    dialog = LoginDialog(book, wall=wall)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            if owned:
                book.close()
            return None
        return DeskSession(dialog.user, book.audit, AuditTrail(book.audit))
    finally:
        dialog.deleteLater()
