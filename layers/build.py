"""Shapely geometry → flat arrays, shared by the layer modules so each stays a few lines of mapping."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from layers.data import FloatArray, Lines, Polygons
from layers.projection import LocalProjection
from layers.style import RGBA


def _polygon_parts(geom: BaseGeometry) -> list[Polygon]:
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    return []


def polygons(
    proj: LocalProjection,
    ids: Sequence[str],
    shapes: Sequence[BaseGeometry],
    fill: Sequence[RGBA],
    edge: Sequence[RGBA],
    height: Sequence[float] | None = None,
    edge_width: Sequence[float] | None = None,
) -> Polygons:
    """One entry per id; a MultiPolygon becomes one polygon entry whose rings are all its parts' rings."""
    rings: list[FloatArray] = []
    ring_start = [0]
    for shape in shapes:
        for part in _polygon_parts(shape):
            rings.append(proj.coords_to_xy(part.exterior.coords))
            rings.extend(proj.coords_to_xy(hole.coords) for hole in part.interiors)
        ring_start.append(len(rings))
    vertex_start = np.zeros(len(rings) + 1, dtype=np.int64)
    vertex_start[1:] = np.cumsum([len(r) for r in rings], dtype=np.int64)
    xy = np.concatenate(rings) if rings else np.zeros((0, 2), dtype=np.float64)
    heights = np.zeros(len(ids)) if height is None else np.asarray(height, dtype=np.float64)
    return Polygons(
        tuple(ids),
        xy,
        vertex_start,
        np.asarray(ring_start, dtype=np.int64),
        np.asarray(fill, dtype=np.uint8).reshape(-1, 4),
        np.asarray(edge, dtype=np.uint8).reshape(-1, 4),
        heights,
        None if edge_width is None else np.asarray(edge_width, dtype=np.float32),
    )


def _line_parts(geom: BaseGeometry) -> list[LineString]:
    if isinstance(geom, LineString):
        return [geom]
    if isinstance(geom, MultiLineString):
        return list(geom.geoms)
    return []


def lines(
    proj: LocalProjection,
    ids: Sequence[str],
    shapes: Sequence[BaseGeometry],
    rgba: Sequence[RGBA],
    width: Sequence[float],
) -> Lines:
    """Concatenate polylines; `connect` is False at the last vertex of every part so parts stay apart."""
    chunks: list[FloatArray] = []
    vertex_start = [0]
    for shape in shapes:
        for part in _line_parts(shape):
            chunks.append(proj.coords_to_xy(part.coords))
        vertex_start.append(sum(len(c) for c in chunks))
    xy = np.concatenate(chunks) if chunks else np.zeros((0, 2), dtype=np.float64)
    connect = np.ones(len(xy), dtype=np.bool_)
    ends = np.cumsum([len(c) for c in chunks], dtype=np.int64) - 1
    connect[ends[ends >= 0]] = False
    return Lines(
        tuple(ids),
        xy,
        connect,
        np.asarray(vertex_start, dtype=np.int64),
        np.asarray(rgba, dtype=np.uint8).reshape(-1, 4),
        np.asarray(width, dtype=np.float32),
    )
