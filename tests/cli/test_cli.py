"""`sandbox-app` end to end on the demo district: import, ingest, state at T (hand-computed), alerts."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson
import pytest

from cli import main
from sandbox_app.data.resources import demo_package
from tests.support import committed_demo

T0 = 1_714_550_400_000  # 2024-05-01T08:00:00Z = 16:00 in Asia/Shanghai (the demo's timezone)
S = 1000
HOUR = 3600 * S
ROOM = "B0002-2-0202"  # an elderly_alone room of the demo; DM-00001 is its door magnet


def _line(eid: str, ts: int | str, device: str, kind: str, **extra: Any) -> str:
    return orjson.dumps({"id": eid, "ts": ts, "device": device, "kind": kind, **extra}).decode()


EVENTS = [
    _line("g1", T0, "GPS-00001", "gps.fix", lon=116.3500, lat=40.0000, data={"speed": 1.2}),
    _line("g2", "2024-05-01T16:00:30+08:00", "GPS-00002", "gps.fix", lon=116.3450, lat=40.0050),
    "{broken",
    _line("a1", T0 + 45 * S, "AB-00001", "alarm.button"),
    _line("g3", T0 + 60 * S, "GPS-00001", "gps.fix", lon=116.3510, lat=40.0001),
    _line("g1", T0, "GPS-00001", "gps.fix", lon=116.3500, lat=40.0000, data={"speed": 1.2}),
    _line("x1", T0 + 70 * S, "GPS-00003", "gps.fix"),
    _line("g4", T0 + 120 * S, "GPS-00001", "gps.fix", lon=116.3520, lat=40.0002),
    _line("d1", T0 + 150 * S, "DM-00001", "door.close"),
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    committed_demo()
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["import", str(demo_package()), "--db", str(db)]) == 0
    return db


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "sandbox.db"
    shutil.copy(demo_db, copy)
    return copy


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return orjson.loads(capsys.readouterr().out)


def _ingest(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path, *extra: str) -> Any:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(EVENTS) + "\n", encoding="utf-8")
    return _run(capsys, "ingest", str(path), "--db", str(db), *extra)


def test_ingest_state_and_alerts(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = _ingest(capsys, db, tmp_path)
    assert summary["accepted"] == 6
    assert summary["duplicates"] == 1
    assert [r["line"] for r in summary["rejected"]] == [3, 7]
    assert summary["rejected"][1]["reason"] == "gps.fix needs lon and lat"

    # At 08:01:30Z: GD001's last fix is g3 (08:01:00), GD002's is g2 (08:00:30); no other guard has one.
    state = _run(capsys, "state", "--db", str(db), "--at", "2024-05-01T08:01:30Z", "--json")
    assert state["guards"] == {
        "GD001": {"lon": 116.3510, "lat": 40.0001, "ts": T0 + 60 * S},
        "GD002": {"lon": 116.3450, "lat": 40.0050, "ts": T0 + 30 * S},
    }
    assert [(a["rule"], a["subject"], a["first_ts"]) for a in state["alerts"]] == [
        ("alarm_button", "AB-00001", T0 + 45 * S)
    ]
    # Naive time is the district's local time (Asia/Shanghai): 16:00:10 local = 08:00:10Z, before the button.
    early = _run(capsys, "state", "--db", str(db), "--at", "2024-05-01T16:00:10", "--json")
    assert early == {"guards": {"GD001": {"lon": 116.3500, "lat": 40.0000, "ts": T0}}, "alerts": []}
    late = _run(capsys, "state", "--db", str(db), "--at", str(T0 + 200 * S), "--json")
    assert late["guards"]["GD001"] == {"lon": 116.3520, "lat": 40.0002, "ts": T0 + 120 * S}

    alerts = _run(capsys, "alerts", "--db", str(db), "--json")
    [button] = [a for a in alerts if a["rule"] == "alarm_button"]
    assert {k: button[k] for k in ("subject", "severity", "state", "first_ts", "last_ts", "count")} == {
        "subject": "AB-00001",
        "severity": "critical",
        "state": "open",
        "first_ts": T0 + 45 * S,
        "last_ts": T0 + 45 * S,
        "count": 1,
    }
    assert {"id", "rule"} <= set(button)

    again = _ingest(capsys, db, tmp_path)
    assert (again["accepted"], again["duplicates"]) == (0, 7)


def _elderly(capsys: pytest.CaptureFixture[str], db: Path) -> list[Any]:
    alerts = _run(capsys, "alerts", "--db", str(db), "--json")
    return [a for a in alerts if a["rule"] == "elderly_no_activity"]


def test_until_fires_absence_rule_across_runs(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The magnet closed at 08:02:30Z; 12 h of silence is due at 20:02:30Z.
    _ingest(capsys, db, tmp_path, "--until", "2024-05-01T20:02:29Z")
    assert _elderly(capsys, db) == []
    # A second run starts a fresh engine: it must rebuild the room's timer from the stored history.
    _ingest(capsys, db, tmp_path, "--until", "2024-05-02T04:03:00+08:00")
    [alert] = _elderly(capsys, db)
    assert (alert["subject"], alert["first_ts"], alert["state"]) == (ROOM, T0 + 150 * S + 12 * HOUR, "open")
    # Going further does not repeat it.
    _ingest(capsys, db, tmp_path, "--until", str(T0 + 20 * HOUR))
    assert [a["count"] for a in _elderly(capsys, db)] == [1]


def test_import_problems_listed_and_db_untouched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    committed_demo()
    pkg = tmp_path / "pkg"
    shutil.copytree(demo_package(), pkg)
    guards = (pkg / "guards.csv").read_text(encoding="utf-8").splitlines()
    guards[2] = guards[2].replace(",police,", ",boss,")
    (pkg / "guards.csv").write_text("\n".join(guards) + "\n", encoding="utf-8")
    rooms = (pkg / "rooms.csv").read_text(encoding="utf-8").splitlines()
    header = rooms[0].split(",")
    cells = rooms[5].split(",")
    cells[header.index("usage")] = "castle"
    rooms[5] = ",".join(cells)
    (pkg / "rooms.csv").write_text("\n".join(rooms) + "\n", encoding="utf-8")
    db = tmp_path / "new.db"
    capsys.readouterr()
    assert main(["import", str(pkg), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert any(line.startswith("guards.csv:3: role:") for line in err.splitlines()), err
    assert any(line.startswith("rooms.csv:6: usage:") for line in err.splitlines()), err
    assert not db.exists()


def test_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["state", "--db", str(tmp_path / "none.db"), "--at", "2024-05-01T08:00:00Z"]) == 2
    assert "no database" in capsys.readouterr().err
    db = tmp_path / "x.db"
    events = tmp_path / "e.jsonl"
    events.write_text("", encoding="utf-8")
    assert main(["ingest", str(events), "--db", str(db), "--until", "tomorrow"]) == 2
    assert "tomorrow" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "missing.jsonl"), "--db", str(db)]) == 2


def test_backtest_reports_per_rule_and_day(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _ingest(capsys, db, tmp_path)
    rules = tmp_path / "rules.toml"
    rules.write_text("[alarm_button]\nenabled = true\n[device_offline]\nenabled = false\n", encoding="utf-8")
    report = _run(
        capsys,
        "backtest",
        str(rules),
        "--db",
        str(db),
        "--from",
        "2024-05-01T16:00",
        "--to",
        str(T0 + HOUR),
        "--json",
    )
    assert (report["from_ts"], report["to_ts"], report["events"]) == (T0, T0 + HOUR, 6)
    assert report["rules"]["alarm_button"] == {"alerts": 1, "signals": 1}
    assert "device_offline" not in report["rules"]
    assert report["days"]["2024-05-01"]["alarm_button"] == {"alerts": 1, "signals": 1}
    capsys.readouterr()
    assert main(["backtest", str(rules), "--db", str(db), "--from", str(T0), "--to", str(T0 + HOUR)]) == 0
    text = capsys.readouterr().out
    assert "alarm_button" in text and "total" in text
    assert main(["backtest", str(rules), "--db", str(db), "--from", str(T0 + HOUR), "--to", str(T0)]) == 2


def test_alert_lifecycle_steps_store_actor_time_and_note(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _ingest(capsys, db, tmp_path)
    [button] = [a for a in _run(capsys, "alerts", "--db", str(db), "--json") if a["rule"] == "alarm_button"]
    aid = button["id"]
    steps = [
        ("ack", "值班员A", "2024-05-01T16:05:00", ""),
        ("dispatch", "值班员A", str(T0 + 6 * 60 * S), "GD001"),
        ("resolve", "GD001", str(T0 + 20 * 60 * S), ""),
        ("close", "值班员B", str(T0 + 30 * 60 * S), "false alarm, child pressed it"),
    ]
    for step, by, at, note in steps:
        out = _run(capsys, "alert", aid, step, "--by", by, "--note", note, "--db", str(db), "--at", at)
        assert out["id"] == aid
    [stored] = [a for a in _run(capsys, "alerts", "--db", str(db), "--json") if a["id"] == aid]
    assert stored["state"] == "closed"
    assert [(h["state"], h["actor"], h["ts"], h["note"]) for h in stored["history"]] == [
        ("open", "engine", T0 + 45 * S, ""),
        ("acknowledged", "值班员A", T0 + 5 * 60 * S, ""),
        ("dispatched", "值班员A", T0 + 6 * 60 * S, "GD001"),
        ("resolved", "GD001", T0 + 20 * 60 * S, ""),
        ("closed", "值班员B", T0 + 30 * 60 * S, "false alarm, child pressed it"),
    ]
    # A closed alert moves no further; an unknown id is an input error.
    assert main(["alert", aid, "dismiss", "--by", "x", "--note", "n", "--db", str(db)]) == 2
    assert main(["alert", "nope", "ack", "--by", "x", "--db", str(db)]) == 2
    capsys.readouterr()
