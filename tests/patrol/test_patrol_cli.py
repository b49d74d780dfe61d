"""`sandbox-app patrol report|roster` on a small database and a patrols file."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cli import main
from sandbox_app.domain.distance import offset
from sandbox_app.store.sqlite import SqliteStore
from tests.patrol.test_patrol import CP1, CP2, T9, patrol_district
from tests.rules.helpers import MIN, ev, t

PATROLS = f"""
[teams.sec]
name = "保安一队"
guards = ["GD-SEC"]

[shifts.day]
name = "白班"
start = "08:00"
end = "20:00"
teams = ["sec"]

[checkpoints.cp1]
name = "南门岗亭"
lon = {CP1[0]}
lat = {CP1[1]}

[checkpoints.cp2]
name = "1幢东侧"
lon = {CP2[0]}
lat = {CP2[1]}

[routes.day_a]
name = "白班巡逻A线"
team = "sec"
checkpoints = ["cp1", "cp2"]
start = ["09:00"]
window_minutes = 60
"""


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, str]:
    path, patrols = tmp_path / "p.db", tmp_path / "patrols.toml"
    patrols.write_text(PATROLS, encoding="utf-8")
    with SqliteStore(path) as store:
        store.replace_district(patrol_district())
        store.append_events(
            [
                ev("gps.fix", "GPS-X", T9 + 5 * MIN, *CP1),
                ev("gps.fix", "GPS-X", T9 + 9 * MIN, *offset(*CP1, 100.0, 0.0)),  # never reaches cp2
            ]
        )
    return str(path), str(patrols)


def test_report_names_the_missed_checkpoint(db: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, patrols = db
    argv = [
        "patrol",
        "report",
        "--db",
        path,
        "--patrols",
        patrols,
        "--from",
        str(T9 - MIN),
        "--to",
        str(T9 + 2 * 60 * MIN),
    ]
    assert main([*argv, "--json"]) == 0
    report = orjson.loads(capsys.readouterr().out)
    assert report["missed"] == [{"route": "day_a", "checkpoint": "cp2", "round_ts": T9}]
    assert report["routes"]["day_a"] == {"rounds": 1, "due": 2, "checked": 1, "missed": 1}
    assert report["guards"]["GD-SEC"]["checkins_on_time"] == 1
    assert 90 < report["guards"]["GD-SEC"]["distance_m"] < 110
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "漏巡: day_a 1幢东侧 (cp2)" in out and "应到 2 点, 已到 1, 漏巡 1" in out


def test_roster_says_who_is_on_duty(db: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, patrols = db
    assert main(["patrol", "roster", "--db", path, "--patrols", patrols, "--at", str(T9), "--json"]) == 0
    out = orjson.loads(capsys.readouterr().out)
    assert out["on_duty"] == ["GD-SEC"] and out["shifts"][0]["name"] == "白班"
    night = str(t("2024-05-06 23:00"))
    assert main(["patrol", "roster", "--db", path, "--patrols", patrols, "--at", night]) == 0
    assert "GD-SEC 测试保安01  休班" in capsys.readouterr().out


def test_a_bad_patrols_file_is_named(
    db: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = db
    bad = tmp_path / "bad.toml"
    bad.write_text('[teams.x]\nguards = ["NOBODY"]\n', encoding="utf-8")
    assert main(["patrol", "roster", "--db", path, "--patrols", str(bad)]) == 2
    assert "teams.x.guards" in capsys.readouterr().err
