"""`sandbox-app figures --xlsx` (issue 21 §3): the desk's 治理成效 workbook written headless, the same sheets
and the same figures as `analytics.summary` for the period holding `--at`."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cli import main
from sandbox_app.analytics.figures import Period
from sandbox_app.analytics.summary import summary
from sandbox_app.store import open_store
from tests.analytics.test_figures import alert, ms
from tests.layers.sample import small_district


def test_figures_xlsx_writes_the_desks_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    d = small_district()
    db = tmp_path / "s.db"
    store = open_store(db)
    store.replace_district(d)
    store.upsert_alerts(
        [
            alert("smoke_alarm", "D1", "device", ms("2026-03-02T08:00:00")),
            alert("smoke_alarm", "D1", "device", ms("2026-03-05T08:00:00")),
            alert("smoke_alarm", "D1", "device", ms("2026-03-06T08:00:00")),
            alert("perimeter_breach", "D4", "device", ms("2026-02-03T08:00:00")),  # the baseline
        ]
    )
    expected = summary(store, d, ms("2026-03-10T12:00:00"), Period.MONTH)
    store.close()
    out = tmp_path / "m.xlsx"
    argv = ["figures", "--db", str(db), "--xlsx", str(out), "--at", "2026-03-10T12:00:00"]
    assert main(argv) == 0
    printed = orjson.loads(capsys.readouterr().out)
    assert printed["xlsx"] == str(out) and printed["summary"]["alerts"] == expected.alerts == 3

    wb = load_workbook(out)
    assert wb.sheetnames == ["概况", "警情", "处置结果", "响应", "通行", "人口", "零发案小区"]
    assert wb.sheetnames == printed["sheets"]
    alerts = list(wb["警情"].iter_rows(min_row=2, values_only=True))
    total = alerts[-1]
    assert (total[1], total[2]) == (expected.alerts, expected.baseline_alerts) == (3, 1)
    assert total[3] == "↑200%"
    assert all("smoke_alarm" not in str(row[0]) for row in alerts)  # words, not codes
    pop = next(wb["人口"].iter_rows(min_row=2, values_only=True))
    assert pop[0] == expected.population.registered == len(d.people)

    # English on request, and the week holding --at
    assert main([*argv, "--lang", "en", "--period", "week"]) == 0
    printed = orjson.loads(capsys.readouterr().out)
    assert printed["summary"]["period"] == "week"
    assert load_workbook(out).sheetnames[:2] == ["Overview", "Alerts"]


def test_figures_without_a_range_or_a_workbook_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = open_store(db)
    store.replace_district(small_district())
    store.close()
    assert main(["figures", "--db", str(db)]) == 2
    assert main(["figures", "--db", str(db), "--xlsx", str(tmp_path / "x.xlsx"), "--at", "nonsense"]) == 2
