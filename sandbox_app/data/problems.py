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
MAX_PROBLEMS = 1000
"""Problems kept for the report; past this only the count grows, so 48 MB of bad rows stays cheap."""
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

    def __post_init__(self) -> None:
        # A safety net under the quoting at each check: no field name or reason can flood a report.
        object.__setattr__(self, "field", None if self.field is None else quoted(self.field, 80))
        object.__setattr__(self, "reason", quoted(self.reason, 3 * QUOTE_LIMIT))

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class ProblemList(list[Problem]):
    """The problems found so far: keeps the first MAX_PROBLEMS and counts the rest in `total`."""

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        super().__init__()
        self.limit = limit
        self.total = 0

    def append(self, problem: Problem) -> None:
        self.total += 1
        if len(self) < self.limit:
            super().append(problem)

    def room(self) -> int:
        """How many more problems would still be kept."""
        return max(self.limit - len(self), 0)

    def count_unlisted(self, n: int) -> None:
        """Count `n` problems that are not kept (the caller did not even format them)."""
        self.total += n


def room_left(problems: list[Problem], wanted: int) -> int:
    """How many of `wanted` new problems to format and append; the rest are only counted."""
    if not isinstance(problems, ProblemList):
        return wanted
    keep = min(wanted, problems.room())
    problems.count_unlisted(wanted - keep)
    return keep


class PackageError(Exception):
    """A package that cannot be imported; `.problems` lists the problems found (at most MAX_PROBLEMS),
    in file order, and `.total` counts all of them."""

    def __init__(self, problems: list[Problem], total: int | None = None) -> None:
        self.problems = problems
        self.total = max(len(problems), total or 0)
        shown = "\n".join(f"  {p}" for p in problems[:_SHOWN_IN_MESSAGE])
        more = len(problems) - _SHOWN_IN_MESSAGE
        tail = f"\n  ... and {more} more" if more > 0 else ""
        unlisted = self.total - len(problems)
        if unlisted > 0:
            tail += f"\n  ({unlisted} more not listed: fix these first)"
        super().__init__(f"{self.total} problem(s) in the district package:\n{shown}{tail}")


class Progress:
    """Forwards to an optional ProgressFn; the loader calls it unconditionally."""

    def __init__(self, fn: ProgressFn | None) -> None:
        self._fn = fn

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self._fn is not None:
            self._fn(stage, done, total)
