"""`sandbox-app case` and `sandbox-app export` end to end on the tiny hand-made store."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import cv2
import pytest
from pypdf import PdfReader

from cli import main
from cli.replay import duration_ms
from sandbox_app.replay.export import read_csv, read_geojson
from tests.replay import sample
from tests.replay.sample import T0, S


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return sample.build(tmp_path / "cli.db")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(list(argv)) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_durations() -> None:
    assert duration_ms("30m") == 1_800_000
    assert duration_ms("1h30m") == 5_400_000
    assert duration_ms("90s") == 90_000
    assert duration_ms("250") == 250
    with pytest.raises(argparse.ArgumentTypeError):
        duration_ms("soon")


def test_case_to_pdf_csv_geojson(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    pdf, csv, geo = tmp_path / "c.pdf", tmp_path / "c.csv", tmp_path / "c.geojson"
    argv = ["case", "--db", str(db), "--alert", sample.ALERT_ID, "--radius-m", "100", "--before", "30m"]
    argv += ["--after", "1h", "--pdf", str(pdf), "--csv", str(csv), "--geojson", str(geo)]
    out = _run(capsys, *argv)
    assert out["entries"] == len(read_csv(csv)) == len(read_geojson(geo)) == 12
    assert out["pdf_pages"] == len(PdfReader(str(pdf)).pages) == 2
    response = out["response"]
    assert isinstance(response, dict) and response["arrive_s"] == 85.0
    assert "CARD-P0002" not in csv.read_text(encoding="utf-8-sig")


def test_case_errors(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["case", "--db", str(db), "--alert", "nope", "--json"]) == 2
    assert "no alert 'nope'" in capsys.readouterr().err
    assert main(["case", "--db", str(db), "--alert", sample.ALERT_ID]) == 2


def test_export_csv_geojson_mp4(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start, end = str(T0 - 1200 * S), str(T0 + 900 * S)
    out = _run(
        capsys, "export", "--db", str(db), "--from", start, "--to", end, "--csv", str(tmp_path / "e.csv")
    )
    assert out["rows"] == len(sample.events())
    out = _run(
        capsys, "export", "--db", str(db), "--from", start, "--to", end, "--geojson", str(tmp_path / "e.json")
    )
    assert out["features"] == len(read_geojson(tmp_path / "e.json")) == len(sample.events())
    mp4 = tmp_path / "e.mp4"
    argv = ["export", "--db", str(db), "--from", str(T0), "--to", str(T0 + 60 * S), "--mp4", str(mp4)]
    out = _run(capsys, *argv, "--fps", "5", "--speed", "30", "--size", "160x120")
    assert out["frames"] == 11
    cap = cv2.VideoCapture(str(mp4))
    assert int(cap.get(cv2.CAP_PROP_FRAME_COUNT)) == 11
    cap.release()
