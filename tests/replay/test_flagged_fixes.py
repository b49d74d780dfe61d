"""Flagged fixes are never positions (issue 15 §4): a fix the engine flagged (outside the district,
implausible speed) stays in the log, but no export, case file, replay state or video shows it as a guard's
place; and `export --datum gcj02` / `nearest --datum` convert at the edge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli import main
from sandbox_app.domain.events import Event
from sandbox_app.geo import crs
from sandbox_app.replay.casefile import build_case
from sandbox_app.replay.entries import FLAGGED_FIX
from sandbox_app.replay.export import read_csv, read_geojson
from sandbox_app.replay.state import seek
from sandbox_app.store.queries import Db
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import at, small_district
from tests.replay import sample
from tests.replay.sample import T0, S

FLAGGED_AT = T0 + 30 * S
FAR = at(5000, 5000)
NEAR_ALERT = at(-50, 40)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = sample.build(tmp_path / "flagged.db")
    store = SqliteStore(path)
    try:
        store.append_events(
            [
                Event("g1x", FLAGGED_AT, "T1", "gps.fix", *FAR, {"flagged": "outside the district"}),
                Event(
                    "g1y",
                    T0 + 20 * S,
                    "T1",
                    "gps.fix",
                    *NEAR_ALERT,
                    {"flagged": "implausible speed 900 km/h"},
                ),
            ]
        )
    finally:
        store.close()
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(list(argv)) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_export_csv_and_geojson_never_place_a_flagged_fix(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window = ["--from", str(T0 - 1200 * S), "--to", str(T0 + 900 * S)]
    _run(capsys, "export", "--db", str(db), *window, "--csv", str(tmp_path / "e.csv"))
    _run(capsys, "export", "--db", str(db), *window, "--geojson", str(tmp_path / "e.json"))
    for entries in (read_csv(tmp_path / "e.csv"), read_geojson(tmp_path / "e.json")):
        guard_fixes = {e.ts for e in entries if e.kind == "guard.fix"}
        assert FLAGGED_AT not in guard_fixes and T0 + 20 * S not in guard_fixes
        flagged = [e for e in entries if e.kind == FLAGGED_FIX]
        assert [(e.ts, e.source, e.lon, e.lat) for e in flagged] == [
            (T0 + 20 * S, "T1", None, None),
            (FLAGGED_AT, "T1", None, None),
        ]
        assert "outside the district" in flagged[1].text
        placed = {(e.lon, e.lat) for e in entries if e.lon is not None and e.lat is not None}
        assert FAR not in placed and NEAR_ALERT not in placed


def test_case_file_and_replay_state_ignore_flagged_fixes(db: Path) -> None:
    conn = Db.open(str(db))
    try:
        district = small_district()
        case = build_case(conn, district, sample.ALERT_ID, radius_m=200.0)
        near = [e for e in case.entries if e.ts == T0 + 20 * S and e.source in ("T1", "GU1")]
        assert [(e.kind, e.lon, e.lat) for e in near] == [(FLAGGED_FIX, None, None)]
        state = seek(conn, district, FLAGGED_AT)
        lon0, lat0 = at(0, 0)
        lon1, _ = at(60, 0)
        assert state.guard_positions["GU1"] == pytest.approx((lon0 + 0.5 * (lon1 - lon0), lat0), abs=1e-9)
    finally:
        conn.conn.close()


def test_export_in_gcj02(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    window = ["--from", str(T0 - 1200 * S), "--to", str(T0 + 900 * S)]
    _run(capsys, "export", "--db", str(db), *window, "--csv", str(tmp_path / "w.csv"))
    out = _run(
        capsys, "export", "--db", str(db), *window, "--csv", str(tmp_path / "g.csv"), "--datum", "gcj02"
    )
    assert out["datum"] == "gcj02"
    wgs, gcj = read_csv(tmp_path / "w.csv"), read_csv(tmp_path / "g.csv")
    assert len(wgs) == len(gcj)
    for w, g in zip(wgs, gcj, strict=True):
        if w.lon is None or w.lat is None:
            assert g.lon is None and g.lat is None
        else:
            assert (g.lon, g.lat) == pytest.approx(crs.wgs84_to_gcj02(w.lon, w.lat), abs=1e-7)
            assert (g.lon, g.lat) != pytest.approx((w.lon, w.lat), abs=1e-4)  # the demo district is in China


def test_case_file_geojson_in_gcj02(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["case", "--db", str(db), "--alert", sample.ALERT_ID, "--no-routing"]
    _run(capsys, *argv, "--geojson", str(tmp_path / "w.json"))
    out = _run(capsys, *argv, "--geojson", str(tmp_path / "g.json"), "--datum", "gcj02")
    assert out["datum"] == "gcj02"
    wgs, gcj = read_geojson(tmp_path / "w.json"), read_geojson(tmp_path / "g.json")
    assert len(wgs) == len(gcj) > 0
    for w, g in zip(wgs, gcj, strict=True):
        if w.lon is not None and w.lat is not None:
            assert (g.lon, g.lat) == pytest.approx(crs.wgs84_to_gcj02(w.lon, w.lat), abs=1e-7)
