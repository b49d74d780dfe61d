"""Synthetic clips for evaluating the throwing detector: falling objects and distractors composited onto a
real frame.

A falling object follows y = y0 + v0·t + ½·g·t² (g = 9.81 m/s² times a random facade scale in px/m) with
a small sideways drift and a pixel of jitter. Distractors, in positives and negatives alike: birds
(fast, horizontal, wavy), people walking at the foot of the facade, lighting flicker (global brightness
steps), and things sinking at constant speed (a leaf, a bag on the wind: no acceleration). Camera noise is
added to every frame. Deterministic for a given seed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np
from numpy.typing import NDArray

Image = NDArray[np.uint8]
G = 9.81
DISTRACTORS = ("bird", "walker", "flicker", "sinker")


@dataclass(frozen=True, slots=True)
class Clip:
    frames: list[Image]
    fps: float
    throw: bool
    throw_x: float | None = None
    """Mean x of the falling object while it is in the picture."""
    distractors: tuple[str, ...] = field(default_factory=tuple)


def _blob(img: NDArray[np.float32], x: float, y: float, r: float, colour: tuple[float, float, float]) -> None:
    cv2.ellipse(img, (round(x), round(y)), (max(1, round(r)), max(1, round(r * 1.3))), 0, 0, 360, colour, -1)


def make_clip(
    background: Image, seed: int, throw: bool, fps: float = 25.0, seconds: float = 2.0, hard: bool = False
) -> Clip:
    """One clip; `hard` makes the object small (1–2.5 px radius) and of low contrast against the wall
    (±45 grey levels), hides it in 15 % of frames, doubles the camera noise, and adds a bird gliding
    down at 15–40° from vertical at constant speed."""
    rng = np.random.default_rng(seed)
    h, w = background.shape[:2]
    n = round(fps * seconds)
    kinds = tuple(k for k in DISTRACTORS if rng.random() < 0.6)
    if not throw and not kinds:
        kinds = (DISTRACTORS[int(rng.integers(len(DISTRACTORS)))],)
    base = background.astype(np.float32)
    frames: list[Image] = []
    # the falling object
    scale = rng.uniform(15.0, 40.0)  # px per metre of facade
    x0, y0 = rng.uniform(60, w - 60), rng.uniform(20, h * 0.3)
    v0, vx = rng.uniform(-1.0, 1.0) * scale, rng.uniform(-0.4, 0.4) * scale
    start = rng.uniform(0.1, 0.6)
    radius = rng.uniform(2.0, 5.0)
    dark = rng.random() < 0.5
    obj_colour = (20.0, 20.0, 25.0) if dark else (235.0, 235.0, 230.0)
    xs_in: list[float] = []
    # distractor parameters
    bird = (
        rng.uniform(0, w),
        rng.uniform(20, h * 0.5),
        rng.choice([-1, 1]) * rng.uniform(150, 400),
        rng.uniform(5, 15),
    )
    walker = (rng.uniform(0, w), rng.uniform(h * 0.6, h * 0.85), rng.choice([-1, 1]) * rng.uniform(30, 80))
    sinker = (rng.uniform(60, w - 60), rng.uniform(20, h * 0.3), rng.uniform(40, 120), rng.uniform(10, 30))
    flicker_at = sorted(rng.choice(n, size=3, replace=False).tolist())
    gain = 1.0
    sigma = 3.0
    hidden: set[int] = set()
    diver = (0.0, 0.0, 0.0, 0.0)
    if hard:  # drawn from a second generator so the standard clips stay as they were
        hr = np.random.default_rng(seed + 1_000_003)
        radius = hr.uniform(1.2, 2.5)
        local = base[int(min(y0, h - 1)), int(x0)]
        sign = -1.0 if float(local.mean()) > 128 else 1.0
        obj_colour = tuple(float(np.clip(c + sign * 45.0, 0, 255)) for c in local)  # type: ignore[assignment]
        sigma = 6.0
        hidden = {i for i in range(n) if hr.random() < 0.15}
        angle = np.radians(hr.uniform(15, 40)) * hr.choice([-1, 1])
        speed = hr.uniform(150, 300)
        diver = (
            hr.uniform(80, w - 80),
            hr.uniform(10, h * 0.3),
            speed * np.sin(angle),
            speed * np.cos(angle),
        )
        kinds = (*kinds, "diver")
    noise = [sigma * rng.standard_normal(base.shape, dtype=np.float32) for _ in range(5)]
    for i in range(n):
        t = i / fps
        img = base.copy()
        if "walker" in kinds:
            wx = (walker[0] + walker[2] * t) % w
            cv2.rectangle(
                img, (round(wx), round(walker[1])), (round(wx) + 14, round(walker[1]) + 36), (40, 35, 30), -1
            )
        if "bird" in kinds:
            bx = (bird[0] + bird[2] * t) % w
            _blob(img, bx, bird[1] + bird[3] * np.sin(2 * np.pi * 3 * t), 2.5, (30.0, 30.0, 30.0))
        if "sinker" in kinds:
            sx = sinker[0] + sinker[3] * np.sin(2 * np.pi * 0.7 * t)
            _blob(img, sx, sinker[1] + sinker[2] * t, 3.0, (200.0, 210.0, 215.0))
        if "diver" in kinds:
            _blob(img, diver[0] + diver[2] * t, diver[1] + diver[3] * t, 2.0, (35.0, 30.0, 30.0))
        if throw and t >= start:
            tt = t - start
            x = x0 + vx * tt + rng.normal(0, 0.7)
            y = y0 + v0 * tt + 0.5 * G * scale * tt * tt + rng.normal(0, 0.7)
            if y < h - 5:
                if i not in hidden:
                    _blob(img, x, y, radius, obj_colour)
                xs_in.append(x)
        if "flicker" in kinds and i in flicker_at:
            gain = float(rng.uniform(0.8, 1.2))
        img *= gain
        img += noise[i % len(noise)]
        frames.append(np.clip(img, 0, 255).astype(np.uint8))
    throw_x = float(np.mean(xs_in)) if xs_in else None
    return Clip(frames, fps, throw and len(xs_in) >= 5, throw_x, kinds)
