"""`LayerData`: what a layer hands to a renderer, as flat numpy arrays so one item draws a whole layer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
ByteArray = NDArray[np.uint8]
BoolArray = NDArray[np.bool_]


def _rgba(colours: Sequence[tuple[int, int, int, int]]) -> ByteArray:
    return np.asarray(colours, dtype=np.uint8).reshape(-1, 4)


@dataclass(frozen=True, slots=True)
class Points:
    """n markers: positions (n, 2) in metres, RGBA (n, 4), sizes in pixels, pyqtgraph symbol names.

    `edge` is an optional per-marker outline colour (device health); None draws the usual white outline.
    """

    ids: tuple[str, ...]
    xy: FloatArray
    rgba: ByteArray
    size: NDArray[np.float32]
    symbol: tuple[str, ...]
    edge: ByteArray | None = None

    @classmethod
    def build(
        cls,
        ids: Sequence[str],
        xy: FloatArray,
        rgba: Sequence[tuple[int, int, int, int]],
        size: Sequence[float],
        symbol: Sequence[str],
        edge: Sequence[tuple[int, int, int, int]] | None = None,
    ) -> Points:
        return cls(
            tuple(ids),
            np.asarray(xy, dtype=np.float64).reshape(-1, 2),
            _rgba(rgba),
            np.asarray(size, dtype=np.float32),
            tuple(symbol),
            None if edge is None else _rgba(edge),
        )

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class Polygons:
    """p polygons as rings: polygon i owns rings ring_start[i]:ring_start[i+1] (exterior first, then holes);
    ring j owns vertices vertex_start[j]:vertex_start[j+1] of `xy`. Heights are for 3D prisms.

    `edge_width` (pixels, per polygon) lets a marked outline (elderly household, key person) read at a
    glance; None draws every outline one pixel wide."""

    ids: tuple[str, ...]
    xy: FloatArray
    vertex_start: IntArray
    ring_start: IntArray
    fill: ByteArray
    edge: ByteArray
    height: FloatArray
    edge_width: NDArray[np.float32] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def rings_of(self, index: int) -> list[FloatArray]:
        """The vertex arrays of polygon `index` (exterior first)."""
        rings = range(int(self.ring_start[index]), int(self.ring_start[index + 1]))
        return [self.xy[self.vertex_start[j] : self.vertex_start[j + 1]] for j in rings]


@dataclass(frozen=True, slots=True)
class Lines:
    """Polylines flattened for pyqtgraph's `connect` arrays: vertex k joins k+1 when connect[k] is True.
    Line i owns vertices vertex_start[i]:vertex_start[i+1]; colour and width are per line."""

    ids: tuple[str, ...]
    xy: FloatArray
    connect: BoolArray
    vertex_start: IntArray
    rgba: ByteArray
    width: NDArray[np.float32]

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class Labels:
    xy: FloatArray
    text: tuple[str, ...]
    rgba: tuple[int, int, int, int] = (40, 40, 40, 255)

    def __len__(self) -> int:
        return len(self.text)


@dataclass(frozen=True, slots=True)
class LayerData:
    """One layer's primitives; any may be None. `z` orders layers (higher draws on top)."""

    name: str
    z: int
    points: Points | None = None
    lines: Lines | None = None
    polygons: Polygons | None = None
    labels: Labels | None = None
    extra: dict[str, object] = field(default_factory=dict)


def empty_points() -> Points:
    return Points.build([], np.zeros((0, 2)), [], [], [])
