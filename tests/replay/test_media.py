"""Exports that render: the MP4 replay (OpenCV reads it back) and the case-file PDF (pypdf reads it back)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from pypdf import PdfReader

from sandbox_app.replay.casefile import build_case
from sandbox_app.replay.player import frame_times
from sandbox_app.store.queries import Db
from tests.layers.sample import small_district
from tests.replay import sample
from tests.replay.sample import T0, S


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Db]:
    opened = Db.open(str(sample.build(tmp_path / "media.db")))
    yield opened
    opened.conn.close()


def test_frame_times() -> None:
    assert frame_times(0, 120_000, fps=10, speed=60) == [i * 6000 for i in range(21)]
    assert frame_times(0, 5_999, fps=10, speed=60) == [0]
    assert len(frame_times(0, 3_600_000, fps=30, speed=60)) == 1801


def test_mp4_opens_with_the_expected_frame_count(db: Db, tmp_path: Path) -> None:
    from layers.render.video import export_mp4

    out = tmp_path / "replay.mp4"
    n = export_mp4(db, small_district(), T0, T0 + 120 * S, out, fps=10, speed=60, size=(320, 240))
    assert n == 21
    cap = cv2.VideoCapture(str(out))
    try:
        assert cap.isOpened()
        assert int(cap.get(cv2.CAP_PROP_FRAME_COUNT)) == 21
        assert cap.get(cv2.CAP_PROP_FPS) == pytest.approx(10.0)
        frames = []
        while True:
            ok, frame = cap.read()
            if not ok:
                break
            frames.append(frame)
    finally:
        cap.release()
    assert len(frames) == 21
    assert frames[0].shape == (240, 320, 3)
    # The time stamp's white box is burned into the top-left corner of every frame.
    assert (frames[0][10:14, 10:14] > 235).all()
    # GU1 moves between T0 and T0 + 60 s: the map part of the frames differs.
    assert np.abs(frames[0][40:].astype(int) - frames[10][40:].astype(int)).sum() > 0


def test_case_pdf_has_summary_map_and_appendix(db: Db, tmp_path: Path, qapp: object) -> None:
    """Summary and course first, the map, then the appendix on its own page (issue 19: not a raw log)."""
    from widgets.export_pdf import write_case_pdf

    district = small_district()
    case = build_case(db, district, sample.ALERT_ID)
    out = tmp_path / "case.pdf"
    pages = write_case_pdf(db, district, case, out)
    reader = PdfReader(str(out))
    assert len(reader.pages) == pages >= 2
    first = " ".join(reader.pages[0].extract_text().split())
    assert "Incident report" in first and "Summary" in first and "Course of the incident" in first
    assert "dispatch.issued" not in first and "on scene" in first
    assert "Evidence appendix" in " ".join(reader.pages[-1].extract_text().split())
