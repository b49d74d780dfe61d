"""The login dialog: user name, password and (for users who enrolled one) the TOTP code.

The check itself is `privacy.users.UserBook.login` (argon2, lockout, audit); this dialog only collects the
three fields and shows the core's message. The core's message never says whether the name, the password or
the code was wrong, so the dialog shows it as given (translated) and adds nothing that would tell.
The code field is always present: it is optional for users without a second factor, and showing it only
for users who have one would tell a stranger which names exist.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sandbox_app.privacy.users import AccountLocked, LoginFailed, User, UserBook


class LoginDialog(QDialog):
    """`exec()` → Accepted with `self.user` set, or Rejected (cancelled: the caller quits)."""

    def __init__(self, book: UserBook, parent: QWidget | None = None, *, wall: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.book = book
        self.user: User | None = None
        self.setWindowTitle(self.tr("Digital Sandbox: log in"))
        intro = self.tr("Wall screen: log in with a wall-display account.") if wall else ""
        self.intro = QLabel(intro, self)
        self.intro.setVisible(bool(intro))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("login_name")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("login_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("login_code")
        self.code_edit.setMaxLength(8)
        self.code_edit.setPlaceholderText(self.tr("only if your account has one"))
        self.code_edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.name_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("One-time code"), self.code_edit)
        self.message = QLabel(self)
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def try_login(self) -> User | None:
        """Check the fields with the core; accept on success, else show why (and clear the secrets)."""
        name = self.name_edit.text().strip()
        code = self.code_edit.text().strip() or None
        try:
            user = self.book.login(name, self.password_edit.text(), code)
        except AccountLocked:
            self._refused(self.tr("This account is locked after repeated failures; try again later."))
            return None
        except LoginFailed:
            self._refused(self.tr("Wrong user name, password or code."))
            return None
        self.user = user
        self.message.clear()
        self.accept()
        return user

    def _refused(self, text: str) -> None:
        self.message.setText(text)
        self.password_edit.clear()
        self.code_edit.clear()
        self.password_edit.setFocus()
