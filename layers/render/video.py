"""Replay of a time window as an MP4 (OpenCV `VideoWriter`, mp4v) with the district time burned in.

Frames are the same layers the map shows (`layers.replay`) drawn by `layers.render.raster`; the static
layers are drawn once and copied per frame. No Qt is needed, so the CLI exports videos headless.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np

from layers.data import LayerData, Points
from layers.projection import LocalProjection
from layers.render.raster import Image, Raster, stamp
from layers.replay import ReplayLayers
from sandbox_app.domain.model import District
from sandbox_app.replay.export import local_iso
from sandbox_app.replay.player import frame_times, play
from sandbox_app.replay.state import ReplayState
from sandbox_app.store.private_files import create_private
from sandbox_app.store.queries import Db

DEFAULT_SIZE = (1280, 720)


class FrameMaker:
    """District → background once; ReplayState → one BGR frame with its time stamp."""

    def __init__(
        self,
        district: District,
        size: tuple[int, int] = DEFAULT_SIZE,
        view: tuple[float, float, float] | None = None,
    ) -> None:
        """`view`: (lon, lat, half-width in metres) to frame; default the whole district."""
        self.district = district
        self.proj = LocalProjection.for_district(district)
        self.layers = ReplayLayers(district, self.proj)
        static = self.layers.static()
        if view is None:
            self.raster = Raster.fit(size[0], size[1], static)
        else:
            x, y = self.proj.to_xy([view[0]], [view[1]])[0]
            half = view[2]
            self.raster = Raster(size[0], size[1], (x - half, y - half, x + half, y + half))
        self.background = self.raster.draw(self.raster.blank(), static)
        self._devices: tuple[LayerData, Image] | None = None

    def _redraw_changed(self, old: LayerData, new: LayerData, img: Image) -> Image:
        if old.points is None or new.points is None or old.points.ids != new.points.ids:
            return self.raster.draw(self.background.copy(), [new])
        img = img.copy()
        self.raster.draw(img, [LayerData(new.name, new.z, points=_changed_points(old.points, new.points))])
        return img

    def frame(self, state: ReplayState, label: str = "") -> Image:
        devices, *moving = self.layers.dynamic(state)
        if self._devices is None:
            self._devices = (devices, self.raster.draw(self.background.copy(), [devices]))
        elif self._devices[0] is not devices:
            # thousands of markers: only those whose health changed are drawn again, over the old ones
            self._devices = (devices, self._redraw_changed(self._devices[0], devices, self._devices[1]))
        img = self.raster.draw(self._devices[1].copy(), moving)
        text = local_iso(state.at_ts, self.district.timezone or "UTC")[:23].replace("T", " ")
        return stamp(img, f"{text} {label}".rstrip())


def _changed_points(old: Points, new: Points) -> Points:
    changed = (old.rgba != new.rgba).any(axis=1)
    if old.edge is not None and new.edge is not None:
        changed |= (old.edge != new.edge).any(axis=1)
    i = np.flatnonzero(changed)
    edge = None if new.edge is None else new.edge[i]
    return Points(tuple(new.ids[k] for k in i), new.xy[i], new.rgba[i], new.size[i],
                  tuple(new.symbol[k] for k in i), edge)  # fmt: skip


def export_mp4(
    db: Db,
    district: District,
    start_ts: int,
    end_ts: int,
    out: Path,
    *,
    fps: float = 30.0,
    speed: float = 60.0,
    size: tuple[int, int] = DEFAULT_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write the replay of [start_ts, end_ts] at `speed`× to `out`; returns the number of frames."""
    times = frame_times(start_ts, end_ts, fps, speed)
    maker = FrameMaker(district, size)
    create_private(out)  # OpenCV keeps an existing file's mode: the video is 0600 from the start
    writer = cv2.VideoWriter(str(out), cv2.VideoWriter.fourcc(*"mp4v"), fps, size)
    if not writer.isOpened():
        raise OSError(f"cannot write video to {out}")
    n = 0
    try:
        for state in play(db, district, times):
            writer.write(maker.frame(state, f"x{speed:g}"))
            n += 1
            if progress is not None:
                progress(n, len(times))
    finally:
        writer.release()
    return n


def frames(
    db: Db, district: District, times: list[int], size: tuple[int, int] = DEFAULT_SIZE
) -> Iterator[Image]:
    """The frames themselves (for benchmarks and previews)."""
    maker = FrameMaker(district, size)
    for state in play(db, district, times):
        yield maker.frame(state)
