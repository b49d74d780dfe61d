"""The import error dialog's lines (issue 14): problems with the count of those not listed, and a plain
sentence instead of a bare "TypeError: ..." when something unexpected fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from sandbox_app.data.problems import PackageError, Problem
from sandbox_app.domain.model import District
from widgets.importer import ImportThread


def _lines(job: Callable[[Path, Callable[[str, int, int], None]], District]) -> list[str]:
    thread = ImportThread(job, Path("pkg"))
    got: list[list[str]] = []
    thread.failed.connect(lambda lines, total: got.append([*lines, f"total={total}"]))
    thread.run()  # synchronously: only the error mapping is under test
    thread.deleteLater()
    return got[0]


def test_unexpected_error_is_a_sentence_not_a_bare_type_name(qapp: QApplication) -> None:
    def job(package: Path, progress: Callable[[str, int, int], None]) -> District:
        raise TypeError("x" * 100_000)

    lines = _lines(job)
    assert lines[1:] == ["total=1"]
    assert not lines[0].startswith("TypeError")
    assert len(lines[0]) < 400


def test_problems_not_listed_are_counted(qapp: QApplication) -> None:
    def job(package: Path, progress: Callable[[str, int, int], None]) -> District:
        raise PackageError([Problem("rooms.csv", 2, "floor", "bad")], total=5000)

    lines = _lines(job)
    assert lines[0] == "rooms.csv:2: floor: bad"
    assert "4999" in lines[-2]
    assert lines[-1] == "total=5000"
