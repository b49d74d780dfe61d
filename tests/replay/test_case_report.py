"""The case report a station files: words not codes, summary first with the recorded figures, an appendix
without heartbeats, page numbers, PDF and Word."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli import main
from sandbox_app.domain.events import Event
from sandbox_app.replay.casefile import build_case
from sandbox_app.replay.report import ROUTINE_KINDS, closing_of, evidence, safe_file_name
from sandbox_app.store.queries import Db
from sandbox_app.store.sqlite import SqliteStore
from tests.layers.sample import at, small_district
from tests.replay import sample
from tests.replay.sample import T0, S

RAW_CODES = (
    "closed",
    "high",
    "rental",
    "police",
    "acknowledged",
    "dispatched",
    "on_scene",
    "issued",
    "engine",
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = sample.build(tmp_path / "report.db")
    store = SqliteStore(path)
    store.append_events(
        [
            Event("hb1", T0 + 30 * S, "D1", "device.heartbeat", data={"interval_s": 300}),
            Event("hb2", T0 + 90 * S, "D1", "device.heartbeat", data={"interval_s": 300}),
            Event(
                "pl", T0 + 60 * S, "D4", "plate.read", *at(-50, 55), {"plate": "测A12345", "direction": "in"}
            ),
        ]
    )
    store.close()
    return path


def _case(path: Path):  # type: ignore[no-untyped-def]
    db = Db.open(str(path))
    try:
        return build_case(db, small_district(), sample.ALERT_ID, radius_m=100)
    finally:
        db.conn.close()


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    capsys.readouterr()
    assert main(list(argv)) == 0
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_summary_holds_the_recorded_figures(db_path: Path, qapp: object) -> None:
    from widgets.case_report import case_report

    case = _case(db_path)
    report = case_report(small_district(), case)  # no translator: the English source
    facts = dict(report.facts)
    assert facts["Incident"] == "Alert"  # a rule with no name yet never shows its code
    assert facts["Address"] == "测试一区, 1幢, entrance 1, room 101"
    # DP1: ordered T0+40 s with a recorded ETA of 80 s, on scene T0+90 s (50 s later)
    assert facts["Handled by"] == (
        "测试民警01 (police), ordered 16:00:40 by 测试指挥员; recorded ETA 1 min 20 s, arrived after 50 s"
    )
    assert "on scene after 1 min 25 s" in facts["Response"]
    assert facts["Note"] == "处理完毕"
    assert facts["Raised"] == "2024-05-01 16:00:05"
    assert ":" not in report.file_stem and report.file_stem.startswith("incident report 20240501-160005-")
    steps = [row[1] for row in report.course.rows]
    assert steps[0] == "alert new" and "测试民警01 (police): on scene" in steps


def test_appendix_leaves_heartbeats_and_routine_fixes_out(db_path: Path, qapp: object) -> None:
    from widgets.case_report import case_report

    case = _case(db_path)
    assert {"device.heartbeat", "guard.fix"} <= set(case.kinds())
    kept = [e for rows in evidence(case.entries).values() for e in rows]
    assert not [e for e in kept if e.kind in ROUTINE_KINDS]
    everything = [e for rows in evidence(case.entries, include_all=True).values() for e in rows]
    assert len(everything) == len(case.entries)
    report = case_report(small_district(), case)
    assert [t.title for t in report.appendix] == ["101锁 (smart lock)", "路口 (camera)"]  # grouped by device
    assert [r[1] for r in report.appendix[0].rows] == ["door opened"]
    assert report.appendix[1].rows[0][1:] == ["plate read", "测A***45 (in)"]  # masked, in words
    assert report.left_out == 5  # two heartbeats, three routine fixes
    full = case_report(small_district(), case, include_all=True)
    assert full.left_out == 0 and "heartbeat" in [r[1] for t in full.appendix for r in t.rows]


def test_pdf_first_page_has_no_raw_codes_and_pages_are_numbered(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    pdf = tmp_path / "r.pdf"
    out = _cli(capsys, "case", "--db", str(db_path), "--alert", sample.ALERT_ID, "--radius-m", "100",
               "--pdf", str(pdf))  # fmt: skip
    pages = PdfReader(str(pdf)).pages
    assert out["pdf_pages"] == len(pages)
    first = pages[0].extract_text()
    for code in RAW_CODES:
        assert code not in first
    assert not re.search(r"\d\d:\d\d:\d\d\.\d{3}", first)  # no milliseconds
    assert not re.search(r"\d{4}-\d\d-\d\dT", first)  # no ISO "T"
    assert "1分20秒" in first and "50秒" in first  # the recorded ETA and the real arrival, in words
    assert "处理完毕" in first
    last = pages[-1].extract_text()
    n = len(pages)
    assert re.search(rf"第\s*{n}\s*\S\s*共\s*{n}", last)  # 第 n 页 共 n 页 (pypdf reads 页 as a radical)


def test_pdf_in_english(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    pdf = tmp_path / "r.pdf"
    _cli(capsys, "case", "--db", str(db_path), "--alert", sample.ALERT_ID, "--radius-m", "100",
         "--pdf", str(pdf), "--lang", "en")  # fmt: skip
    text = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
    assert "recorded ETA" in text and "arrived after" in text  # (pypdf garbles digits of this font)
    assert "Page" in text and "Incident report" in text
    _cli(
        capsys,
        "case",
        "--db",
        str(db_path),
        "--alert",
        sample.ALERT_ID,
        "--radius-m",
        "100",
        "--pdf",
        str(pdf),
    )  # fmt: skip  (and back to the default language)
    assert "recorded ETA" not in PdfReader(str(pdf)).pages[0].extract_text()


def test_docx_opens_with_python_docx(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    docx = pytest.importorskip("docx")
    out_path = tmp_path / "r.docx"
    out = _cli(capsys, "case", "--db", str(db_path), "--alert", sample.ALERT_ID, "--radius-m", "100",
               "--docx", str(out_path), "--lang", "en")  # fmt: skip
    assert out["docx"] == str(out_path)
    doc = docx.Document(str(out_path))
    summary = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert "recorded ETA 1 min 20 s, arrived after 50 s" in summary["Handled by"]
    assert summary["Note"] == "处理完毕"
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "heartbeat" not in cells
    assert len(doc.inline_shapes) >= 1  # the map


def test_closing_reads_a_structured_outcome_when_present() -> None:
    alert = sample.alert()
    assert closing_of(alert) is not None and closing_of(alert).outcome is None  # type: ignore[union-attr]
    alert.data["outcome"] = "劝离"
    found = closing_of(alert)
    assert found is not None and (found.outcome, found.note, found.state) == ("劝离", "处理完毕", "closed")
    alert.data = {"close": {"outcome": "已处置"}}
    assert closing_of(alert).outcome == "已处置"  # type: ignore[union-attr]


def test_safe_file_names() -> None:
    assert safe_file_name("perimeter_breach:ab12:1714550400000") == "perimeter_breach_ab12_1714550400000"
    assert safe_file_name('a/b\\c*d?"e<f>|') == "a_b_c_d__e_f__"
    assert safe_file_name(" .. ") == "case"


def test_recorded_clips_are_listed_with_their_hash(db_path: Path, qapp: object) -> None:
    from widgets.case_report import case_report

    alert = sample.alert()
    clip = {"alert_id": alert.id, "camera": "D4", "path": "/ev/D4/A1_1714550395000.mp4", "sha256": "ab" * 32,
            "start_ts": T0 - 5 * S, "end_ts": T0 + 35 * S, "frames": 401}  # fmt: skip
    alert.data["clips"] = [clip]
    store = SqliteStore(db_path)
    store.upsert_alerts([alert])
    store.close()
    facts = case_report(small_district(), _case(db_path)).facts
    (video,) = [v for k, v in facts if k == "Video evidence"]
    assert video == f"路口, 15:59:55 to 16:00:35, file A1_1714550395000.mp4, SHA-256 {'ab' * 32}"


def test_summary_masks_by_the_viewer_role(db_path: Path, qapp: object) -> None:
    from dataclasses import replace

    from sandbox_app.privacy.mask import Masker, Viewer
    from widgets.case_report import case_report

    store = SqliteStore(db_path)
    store.upsert_alerts([replace(sample.alert(), id="AP", subject="P0002", subject_type="person")])
    store.close()
    district = small_district()
    db = Db.open(str(db_path))
    try:
        officer = build_case(db, district, "AP", radius_m=100, masker=Masker(Viewer.OFFICER))
        analyst = build_case(db, district, "AP", radius_m=100, masker=Masker(Viewer.ANALYST, unmasked=True))
    finally:
        db.conn.close()
    shown = dict(case_report(district, officer).facts)["Concerning"]
    assert shown != "测试居民0002" and shown.startswith("测")
    assert dict(case_report(district, analyst).facts)["Concerning"] == "测试居民0002"
