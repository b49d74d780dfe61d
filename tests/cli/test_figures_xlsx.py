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


def test_a_city_stores_workbook_and_figures_by_street_and_county(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a store whose compounds name streets and counties, `--xlsx` adds a sheet per level and `--by`
    prints the level's rows: the roll-up's figures, in Chinese words, a street without passes in zeros."""
    from openpyxl import load_workbook

    from sandbox_app.analytics.rollup import rollup
    from tests.analytics.test_rollup import NOW, STATIONS, city_district, fill

    city = city_district()
    db = tmp_path / "city.db"
    store = open_store(db)
    fill(store, city, list(STATIONS))
    expected = rollup(store, city, NOW)
    store.close()
    at = "2026-03-10T12:00:00"
    out = tmp_path / "m.xlsx"
    assert main(["figures", "--db", str(db), "--xlsx", str(out), "--at", at]) == 0
    printed = orjson.loads(capsys.readouterr().out)
    wb = load_workbook(out)
    assert wb.sheetnames[-2:] == ["按街道汇总", "按区县汇总"] and wb.sheetnames == printed["sheets"]
    streets = list(wb["按街道汇总"].iter_rows(values_only=True))
    head = list(streets[0])
    assert (
        head[:4] == ["区县", "街道", "小区数", "零发案小区"] and "电动车标签" in head and "实有人口" in head
    )
    assert [r[:2] for r in streets[1:]] == [
        ("城关区", "东街街道"),
        ("城关区", "西街街道"),
        ("新区", "南苑街道"),
    ]
    faces = head.index("人脸")
    assert [r[faces] for r in streets[1:]] == [u.summary.passes["face.pass"] for u in expected.streets]
    assert streets[3][faces] == 0 and streets[3][head.index("警情")] == 0  # zeros, not a missing row
    counties = list(wb["按区县汇总"].iter_rows(values_only=True))
    assert counties[0][:2] == ("区县", "小区数") and [r[0] for r in counties[1:]] == ["城关区", "新区"]
    assert printed["rollup"]["county"][0]["alerts"] == expected.counties[0].summary.alerts

    assert main(["figures", "--db", str(db), "--by", "street", "--at", at, "--json"]) == 0
    by = orjson.loads(capsys.readouterr().out)
    assert [(u["county"], u["street"]) for u in by["street"]] == [
        ("城关区", "东街街道"),
        ("城关区", "西街街道"),
        ("新区", "南苑街道"),
    ]
    assert "county" not in by and by["street"][2]["passes"]["rfid.read"] == 0
    assert main(["figures", "--db", str(db), "--by", "county", "--at", at]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0] == "按区县汇总" and text[1].startswith("区县") and text[2].startswith("城关区")
    assert "county" not in "\n".join(text) and "face.pass" not in "\n".join(text)


def test_a_station_store_without_streets_keeps_its_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    store = open_store(db)
    store.replace_district(small_district())
    store.close()
    out = tmp_path / "m.xlsx"
    assert main(["figures", "--db", str(db), "--xlsx", str(out), "--at", "2026-03-10T12:00:00"]) == 0
    printed = orjson.loads(capsys.readouterr().out)
    assert "按街道汇总" not in printed["sheets"] and "rollup" not in printed
