"""Detectors on recorded video: people counting (and tailgating) on vtest.avi, throwing on synthetic
falling objects composited onto a vtest.avi frame. Short clips only; bench/video_detectors.py runs the
whole evaluation."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from sandbox_app.bridges.schema import decode_event, encode_event
from sandbox_app.domain.events import Event
from sandbox_app.video.detectors.people import (
    CountingLine,
    Crossing,
    PeopleCounter,
    TailgateMonitor,
    tailgate_event,
)
from sandbox_app.video.detectors.synthetic import make_clip
from sandbox_app.video.detectors.throwing import ThrowDetector, throw_event

LINE = CountingLine(300, 100, 300, 576)
SEED_THROW = 6  # with a bird, a walker, flicker and a sinking leaf in the same clip
SEEDS_CLEAN = [3, 5]


def _facade(frames: list[np.ndarray]) -> np.ndarray:
    """The brick building in the top-left quarter of vtest.avi: a real facade, and 4x cheaper to test on."""
    return np.ascontiguousarray(frames[0][:288, :384])


@pytest.fixture(scope="module")
def frames(shared_data: Path) -> list[np.ndarray]:
    cap = cv2.VideoCapture(str(shared_data / "video" / "vtest.avi"))
    out = []
    while len(out) < 250:
        ok, frame = cap.read()
        if not ok:
            pytest.skip("this OpenCV build cannot decode vtest.avi")
        out.append(frame)
    return out


def test_counting_line_geometry() -> None:
    assert LINE.crosses((290, 200), (310, 200)) == -1  # left to right while walking down the line: "out"
    assert LINE.crosses((310, 200), (290, 200)) == 1
    assert LINE.crosses((290, 50), (310, 50)) == 0  # above the segment: its extension does not count
    assert LINE.crosses((290, 200), (295, 200)) == 0


def test_counts_people_crossing_on_vtest(frames: list[np.ndarray]) -> None:
    """Frames 150..249: by hand, three people cross x = 300 (at frames 169, 190 and 231)."""
    counter = PeopleCounter(LINE)
    for i in range(150, 250):
        counter.update(frames[i], i / 10.0)
    crossed = [round(c.t_s * 10) for c in counter.crossings]
    assert len(crossed) == 3, crossed
    for got, want in zip(crossed, [169, 190, 231], strict=True):
        assert abs(got - want) <= 8


def test_tailgating_more_people_than_openings() -> None:
    monitor = TailgateMonitor(window_s=6.0)
    monitor.door_opened(10.0)
    assert monitor.crossed(Crossing(1, 11.0, 1)) is None
    assert monitor.crossed(Crossing(2, 12.0, -1)) is None  # leaving is not tailgating
    assert monitor.crossed(Crossing(3, 12.5, 1)) == (12.5, 2, 1)  # a second person on one opening
    monitor.door_opened(30.0)
    assert monitor.crossed(Crossing(4, 31.0, 1)) is None  # the window moved on
    event = tailgate_event("FG-00001", 1_714_521_600_000, 2, 1)
    assert isinstance(decode_event(encode_event(event)), Event) and event.kind == "tailgate.detected"


def test_throw_detected_among_distractors(frames: list[np.ndarray]) -> None:
    clip = make_clip(_facade(frames), seed=SEED_THROW, throw=True)
    assert clip.throw and clip.throw_x is not None
    det = ThrowDetector()
    found = [t for i, f in enumerate(clip.frames) for t in det.update(f, i / clip.fps)]
    assert len(found) == 1 and abs(found[0].x - clip.throw_x) < 60
    assert found[0].accel_px_s2 > 100
    event = throw_event("TC-00001", 1_714_521_600_000, found[0])
    assert isinstance(decode_event(encode_event(event)), Event)


@pytest.mark.parametrize("seed", SEEDS_CLEAN)
def test_no_throw_in_distractor_clips(frames: list[np.ndarray], seed: int) -> None:
    clip = make_clip(_facade(frames), seed=seed, throw=False)
    assert clip.distractors  # birds, walkers, flicker or things sinking at constant speed
    det = ThrowDetector()
    for i, f in enumerate(clip.frames):
        det.update(f, i / clip.fps)
    assert det.throws == []


def test_judge_wants_acceleration_and_a_vertical_path() -> None:
    det = ThrowDetector()
    t = np.arange(12) / 25.0
    fall = [(float(s), 100.0 + s * 3, 50.0 + 0.5 * 600.0 * s * s + 20 * s) for s in t]
    assert det.judge(fall) is not None
    sinking = [(float(s), 100.0, 50.0 + 200.0 * s) for s in t]  # constant speed
    assert det.judge(sinking) is None
    sideways = [(float(s), 100.0 + 400.0 * s, 50.0 + 0.5 * 600.0 * s * s + 20 * s) for s in t]
    assert det.judge(sideways) is None


@pytest.mark.parametrize("seed, throw", [(0, True), (3, False)])
def test_hard_clips_faint_object_and_gliding_bird(frames: list[np.ndarray], seed: int, throw: bool) -> None:
    """A faint 1–2.5 px object, hidden in some frames, beside a bird gliding down at constant speed."""
    clip = make_clip(_facade(frames), seed=seed, throw=throw, hard=True)
    assert "diver" in clip.distractors
    det = ThrowDetector()
    for i, f in enumerate(clip.frames):
        det.update(f, i / clip.fps)
    if throw:
        assert clip.throw_x is not None
        assert [abs(t.x - clip.throw_x) < 60 for t in det.throws] == [True]
    else:
        assert det.throws == []
