"""The station's figures (issue 21): population, trend against a baseline, quiet compounds, pass counts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import orjson
import pytest

from cli import main
from sandbox_app.analytics.figures import (
    Period,
    incident_trend,
    pass_counts,
    period_start,
    population_figures,
    quiet_compounds,
)
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import AlertState, PersonTag, Relation, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import Compound, Device, Person
from tests.layers.sample import box, small_district

TZ = "Asia/Shanghai"


def ms(text: str, tz: str = TZ) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz)).timestamp() * 1000)


def alert(rule: str, subject: str, kind: str, ts: int) -> Alert:
    return Alert(f"{rule}:{subject}:{ts}", rule, subject, kind, Severity.LOW, AlertState.OPEN, ts, ts)


def test_period_starts_are_local_calendar_periods() -> None:
    ts = ms("2026-03-18T00:30:00")  # a Wednesday, 16:30 UTC the day before
    assert period_start(ts, Period.DAY, TZ) == ms("2026-03-18T00:00:00")
    assert period_start(ts, Period.WEEK, TZ) == ms("2026-03-16T00:00:00")
    assert period_start(ts, Period.MONTH, TZ) == ms("2026-03-01T00:00:00")
    assert period_start(ts, Period.YEAR, TZ) == ms("2026-01-01T00:00:00")
    ny = "America/New_York"  # the week across the spring DST change keeps local midnight
    assert period_start(ms("2026-03-10T12:00:00", ny), Period.WEEK, ny) == ms("2026-03-09T00:00:00", ny)
    assert period_start(ms("2026-03-10T12:00:00", ny), Period.MONTH, ny) == ms("2026-03-01T00:00:00", ny)


def test_population_figures_count_people_rentals_and_organisations() -> None:
    d = small_district()
    d.people["P9"] = Person("P9", "测试儿童", "R101", Relation.FAMILY, frozenset({PersonTag.MINOR}))
    d.rooms["R102"].extra.update(org_id="O1", org_type="shop")
    f = population_figures(d)
    assert (f.registered, f.floating, f.elderly_alone, f.minors) == (3, 1, 1, 1)
    assert (f.rental_rooms, f.group_rentals) == (2, 1)  # R101 rental, R301 registered as group rental
    assert f.organisations == {"shop": 1}


def test_trend_against_the_baseline_and_quiet_compounds() -> None:
    d = small_district()
    d.compounds["C2"] = Compound("C2", "测试二区", box(500, 500, 50))
    may, april = (
        (ms("2026-05-01T00:00:00"), ms("2026-06-01T00:00:00")),
        (ms("2026-04-01T00:00:00"), ms("2026-05-01T00:00:00")),
    )
    alerts = [
        alert("rental_lock", "R101", "room", may[0] + 1),
        alert("rental_lock", "R101", "room", may[0] + 2),
        alert("rental_lock", "R101", "room", april[0] + 1),
        alert("smoke", "B1", "building", april[0] + 5),
    ]
    rows = {r.rule: r for r in incident_trend(alerts, may, april)}
    assert (rows["rental_lock"].count, rows["rental_lock"].baseline, rows["rental_lock"].change) == (
        2,
        1,
        1.0,
    )
    assert (rows["smoke"].count, rows["smoke"].change) == (0, -1.0)
    assert quiet_compounds(d, alerts, may) == ["C2"]
    assert quiet_compounds(d, [], may) == ["C1", "C2"]


def test_pass_counts_by_day_with_visitors() -> None:
    d = small_district()
    d.devices["V1"] = Device("V1", "visitor_terminal", "访客机", Placement.GATE, gate_id="G1")
    day1, day2 = ms("2026-05-01T23:50:00"), ms("2026-05-02T00:10:00")
    events = [
        Event("1", day1, "D3", "face.pass"),
        Event("2", day1, "V1", "face.pass"),
        Event("3", day2, "D4", "plate.read"),
        Event("4", day2, "T1", "gps.fix", 119.3, 26.08),
    ]
    counts = pass_counts(d, events, Period.DAY)
    assert counts["face.pass"] == {ms("2026-05-01T00:00:00"): 2}
    assert counts["visitor"] == {ms("2026-05-01T00:00:00"): 1}
    assert counts["plate.read"] == {ms("2026-05-02T00:00:00"): 1}
    assert counts["rfid.read"] == {}


def test_cli_figures_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.db"
    demo = Path(__file__).resolve().parents[2] / "resources" / "demo"
    assert main(["import", str(demo), "--db", str(db)]) == 0
    capsys.readouterr()
    argv = ["figures", "--db", str(db), "--from", "2026-05-01T00:00", "--to", "2026-06-01T00:00", "--json"]
    assert main([*argv, "--period", "month"]) == 0
    out = orjson.loads(capsys.readouterr().out)
    assert out["population"]["registered"] == 11407 and out["population"]["group_rentals"] > 0
    assert out["population"]["organisations"]["university"] == 3
    assert out["baseline"]["to"] == out["from"] and out["baseline"]["from"] == out["from"] - (
        out["to"] - out["from"]
    )
    assert len(out["quiet_compounds"]) == 23 and out["alerts"] == []
    assert main(argv[:-1]) == 0 and "elderly alone" in capsys.readouterr().out
    assert main([*argv[:4], "2026-04-01T00:00", "--to", "2026-04-01T00:00"]) == 2
