"""Package import off the UI thread: `load_package` (and the store write) run in a QThread while a
progress dialog follows the loader's progress callback; every problem is shown when it fails."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from sandbox_app.data.problems import quoted
from sandbox_app.domain.model import District

_log = logging.getLogger(__name__)

ImportJob = Callable[[Path, Callable[[str, int, int], None]], District]


def default_job(db: Path | None) -> ImportJob:
    """Load and validate the package, then (when a database is open) replace its district in one go."""

    def job(package: Path, progress: Callable[[str, int, int], None]) -> District:
        from sandbox_app.data.package import load_package

        district: District = load_package(package, progress)
        if db is not None:
            from sandbox_app.store import open_store

            progress("store", 0, 1)
            store = open_store(db)
            try:
                store.replace_district(district)
            finally:
                store.close()
        return district

    return job


class ImportThread(QThread):
    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(list, int)
    """The problem lines (at most the loader's MAX_PROBLEMS, then one line counting the rest) and how many
    problems were found in all."""

    def __init__(self, job: ImportJob, package: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._package = package

    def run(self) -> None:
        try:
            district = self._job(self._package, self.progressed.emit)
        except Exception as exc:  # every failure must reach the user, never kill the thread silently
            problems = getattr(exc, "problems", None)
            if problems:
                lines = [str(p) for p in problems]
                total = max(int(getattr(exc, "total", 0)), len(lines))
                if total > len(lines):
                    lines.append(self.tr("… and {0} more problem(s) not listed").format(total - len(lines)))
                self.failed.emit(lines, total)
            else:
                _log.exception("import of %s failed", self._package)
                detail = quoted(str(exc)) or type(exc).__name__
                line = self.tr("The import stopped on an unexpected error: {0}").format(detail)
                self.failed.emit([line], 1)
        else:
            self.succeeded.emit(district)


class ImportController(QObject):
    """Owns one import at a time: thread, progress dialog, and the error box when it fails."""

    imported = Signal(object)
    """The loaded District."""

    def __init__(self, parent: QWidget, job: ImportJob) -> None:
        super().__init__(parent)
        self._parent = parent
        self._job = job
        self.worker: ImportThread | None = None
        self.dialog: QProgressDialog | None = None
        self.error_box: QMessageBox | None = None

    def start(self, package: Path) -> None:
        if self.worker is not None:
            return
        self.dialog = QProgressDialog(self.tr("Importing {0}…").format(package.name), "", 0, 0, self._parent)
        self.dialog.setWindowTitle(self.tr("Import package"))
        self.dialog.setCancelButton(None)
        self.dialog.setMinimumDuration(0)
        self.dialog.show()
        self.worker = ImportThread(self._job, package, self)
        self.worker.progressed.connect(self._progress)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.finished.connect(self._finished)
        self.worker.start()

    def _progress(self, stage: str, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setLabelText(self._stage_text(stage))
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total > 0 else 0)

    def _stage_text(self, stage: str) -> str:
        """load_package's stage names, in the user's language."""
        texts = {
            "read": self.tr("Reading files…"),
            "check": self.tr("Checking every row…"),
            "build": self.tr("Building the district…"),
            "store": self.tr("Saving to the database…"),
        }
        return texts.get(stage, stage)

    def _succeeded(self, district: District) -> None:
        self.imported.emit(district)

    def _failed(self, problems: list[str], total: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Import failed"), "", parent=self._parent)
        box.setText(self.tr("The package was not imported: %n problem(s) found.", "", total))
        box.setInformativeText("\n".join(problems[:20]))
        box.setDetailedText("\n".join(problems))
        self.error_box = box
        box.open()

    def _finished(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self.worker is not None:
            self.worker.deleteLater()
            self.worker = None

    def wait(self) -> None:
        """Block until a running import ends (used on close so no thread outlives the window)."""
        if self.worker is not None:
            self.worker.wait()
