"""Cells the project writes into CSV (and any future XLSX) files, made safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs skip
before looking for one) is run as a formula by Excel/WPS: a building named `=HYPERLINK(...)` in a
district package would become a live link or command in a case file (issue 14). OWASP's rule: prefix
such a text cell with a single quote, which spreadsheets show as text. Numbers the project itself
produced (timestamps, coordinates) are written as numbers. A text cell that already starts with a quote
gets one more, so `unneutralise` restores every original exactly (exports can be read back).

Every CSV the project writes goes through `SafeCsvWriter`; tests/test_architecture_spreadsheet.py keeps it
that way.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def neutralise(value: Any) -> Any:
    """A text cell that no spreadsheet runs as a formula; numbers and None pass unchanged."""
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, _QUOTE)):
        return _QUOTE + value
    return value


def unneutralise(text: str) -> str:
    """The original text of a cell written by `neutralise`."""
    return text[1:] if text.startswith(_QUOTE) else text


class SafeCsvWriter:
    """`csv.writer` whose every text cell is neutralised."""

    def __init__(self, f: IO[str]) -> None:
        self._writer = csv.writer(f)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(v) for v in row])
