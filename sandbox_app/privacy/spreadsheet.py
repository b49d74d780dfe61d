"""Cells the project writes into CSV and XLSX files, made safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs skip
before looking for one) is run as a formula by Excel/WPS: a building named `=HYPERLINK(...)` in a
district package would become a live link or command in a case file (issue 14). OWASP's rule: prefix
such a text cell with a single quote, which spreadsheets show as text. Numbers the project itself
produced (timestamps, coordinates) are written as numbers. A text cell that already starts with a quote
gets one more, so `unneutralise` restores every original exactly (exports can be read back).

Every CSV the project writes goes through `SafeCsvWriter`, every workbook through `write_xlsx`;
tests/privacy/test_spreadsheet.py keeps it that way.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sandbox_app.store.private_files import create_private

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


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet: its title (cut to Excel's 31 characters), a bold header row and the data rows."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Any]]


def write_xlsx(sheets: Sequence[Sheet], out: Path) -> None:
    """A workbook (openpyxl) with every text cell neutralised, the header frozen, created 0600."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    for n, sheet in enumerate(sheets):
        ws = wb.active if n == 0 else wb.create_sheet()
        assert ws is not None
        ws.title = sheet.title[:31]
        ws.append([neutralise(v) for v in sheet.header])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            ws.append([neutralise(v) for v in row])
        for k, name in enumerate(sheet.header, start=1):
            letter = ws.cell(row=1, column=k).column_letter
            ws.column_dimensions[letter].width = max(10, min(40, 2 * len(str(name)) + 2))
        ws.freeze_panes = "A2"
    create_private(out)
    wb.save(str(out))
