"""Response figures as stations report them: `sandbox-app responses --xlsx` writes one sheet per view,
with the recorded figures, names instead of ids, in the interface language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli import main
from tests.replay import sample
from tests.replay.sample import T0, S


def test_responses_to_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object) -> None:
    db = sample.build(tmp_path / "r.db")
    out = tmp_path / "r.xlsx"
    argv = ["responses", "--db", str(db), "--from", str(T0), "--to", str(T0 + 3600 * S), "--lang", "en"]
    assert main([*argv, "--xlsx", str(out), "--no-routing"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["alerts"] == 1 and printed["by_role"][0]["arrive_s_mean"] == 85.0
    wb = load_workbook(out)
    assert wb.sheetnames == ["Incidents", "By day", "By compound", "By role"]
    rows = list(wb["Incidents"].values)
    header, first = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert "to arrive (s)" in header
    assert first["Raised"] == "2024-05-01 16:00:05" and first["Compound"] == "测试一区"
    assert first["Guard who went"] == "测试民警01 (police)" and first["Recorded ETA (s)"] == 80.0
    assert first["to arrive (s)"] == 85.0 and first["to close (s)"] == 195.0
    role = list(wb["By role"].values)
    assert role[1][:2] == ("police", 1)  # the role in words, not a code (English words here)
    assert main([*argv[:-2], "--xlsx", str(out), "--no-routing"]) == 0  # default zh_CN
    capsys.readouterr()
    assert load_workbook(out).sheetnames[0] != "Incidents"
