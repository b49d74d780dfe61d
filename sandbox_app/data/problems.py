"""What a package import reports: every problem with file, row, field and reason, and progress by stage.

A station fixes its spreadsheets in one pass only if it sees all problems at once, so validation collects
`Problem`s instead of stopping at the first, and raises one `PackageError` at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ProgressFn = Callable[[str, int, int], None]
"""(stage, done, total): called with increasing `done` within a stage so a GUI or CLI can draw a bar."""

_SHOWN_IN_MESSAGE = 20
QUOTE_LIMIT = 200
"""A value quoted in a reason is cut to this many characters, so a 20 MB cell cannot flood a report."""


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`value` as text for a reason, cut to `limit` characters with a note of the full length."""
    text = str(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text)} characters)"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a package.

    `row` is the row number a person sees: the spreadsheet row for CSV/XLSX (the header is row 1, so the
    first record is row 2), the 1-based feature number for GeoJSON/GeoPackage; None for file-level problems.
    """

    file: str
    row: int | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class PackageError(Exception):
    """A package that cannot be imported; `.problems` lists every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:_SHOWN_IN_MESSAGE])
        more = len(problems) - _SHOWN_IN_MESSAGE
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(f"{len(problems)} problem(s) in the district package:\n{shown}{tail}")


class Progress:
    """Forwards to an optional ProgressFn; the loader calls it unconditionally."""

    def __init__(self, fn: ProgressFn | None) -> None:
        self._fn = fn

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self._fn is not None:
            self._fn(stage, done, total)
