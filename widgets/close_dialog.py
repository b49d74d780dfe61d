"""Closing an alert: the 处置结果 (one of `CloseOutcome`, so outcomes can be counted) and a multi-line note.

The OK button stays disabled until a note is written: a closed alert must say what was done.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from sandbox_app.domain.alerts import CloseOutcome


def outcome_text(outcome: CloseOutcome | str) -> str:
    """The outcome's name in the UI language (context "CloseOutcome")."""
    texts = {
        CloseOutcome.HANDLED: QCoreApplication.translate("CloseOutcome", "handled"),
        CloseOutcome.FALSE_ALARM: QCoreApplication.translate("CloseOutcome", "false alarm"),
        CloseOutcome.DUPLICATE: QCoreApplication.translate("CloseOutcome", "duplicate"),
        CloseOutcome.TO_PROPERTY: QCoreApplication.translate("CloseOutcome", "handed to property management"),
        CloseOutcome.TO_110: QCoreApplication.translate("CloseOutcome", "handed to 110"),
        CloseOutcome.CAUGHT: QCoreApplication.translate("CloseOutcome", "caught on the spot"),
        CloseOutcome.OTHER: QCoreApplication.translate("CloseOutcome", "other"),
    }
    return texts.get(CloseOutcome(outcome), str(outcome))


class CloseDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("close_dialog")
        self.setWindowTitle(title)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("close_outcome")
        for outcome in CloseOutcome:
            self.outcome.addItem(outcome_text(outcome), outcome.value)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("close_note")
        self.note.setPlaceholderText(self.tr("What was done, who was there, what follows"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Outcome:"), self.outcome)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.buttons)
        self.note.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.note.toPlainText().strip()))

    def answer(self) -> tuple[CloseOutcome, str]:
        return CloseOutcome(self.outcome.currentData()), self.note.toPlainText().strip()


def ask_close(parent: QWidget, title: str) -> tuple[CloseOutcome, str] | None:
    """Show the dialog; the outcome and note, or None when cancelled."""
    dialog = CloseDialog(title, parent)
    return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
