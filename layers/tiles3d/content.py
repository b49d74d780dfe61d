"""3D Tiles content payloads → drawable parts in the tile's frame (z-up, metres).

3D Tiles 1.0 formats: `b3dm` (batched model: a header, feature and batch tables, then a binary glTF),
`i3dm` (instanced model: one glTF placed at many positions), `pnts` (point cloud), `cmpt` (several of
these in one file); 3D Tiles 1.1 content: `glb`/`gltf` directly. Batch tables (per-feature properties) are
skipped: the sandbox draws the model, it does not query it.

Frames, as the specification composes them for a glTF in a tile:
`tile transform · translate(RTC_CENTER) · Y_UP_TO_Z_UP · glTF node transforms · vertex`. This module applies
everything right of the tile transform; `layers.tiles3d.tileset` owns the tile transforms.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from layers.tiles3d import gltf
from layers.tiles3d.gltf import Part, Resolver

Y_UP_TO_Z_UP = np.array(
    [[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, -1.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]]
)
"""glTF is y-up, 3D Tiles z-up: +90° about x, (x, y, z) → (x, −z, y)."""
MAX_INSTANCED_POINTS = 20_000_000
"""An i3dm whose copies would need more vertices than this is refused rather than filling memory."""
POINT_RGB = (200, 200, 200)
"""A point cloud without colours."""


class ContentError(ValueError):
    """A content file that cannot be drawn (bad header, unknown format, unsupported compression)."""


@dataclass(slots=True)
class Content:
    """What one content file holds, in its tile's frame (before the tile transform)."""

    parts: list[Part] = field(default_factory=list)

    @property
    def nbytes(self) -> int:
        return sum(p.nbytes for p in self.parts)

    def bounds(self) -> NDArray[np.float64] | None:
        """(2, 3) min and max of every point, None when empty."""
        pts = [p.points for p in self.parts if len(p.points)]
        if not pts:
            return None
        allp = np.vstack(pts)
        return np.vstack([allp.min(axis=0), allp.max(axis=0)])


def parse(data: bytes, resolve: Resolver, uri: str = "") -> Content:
    """Any 3D Tiles content by its magic (or, for glTF JSON, by its name)."""
    magic = data[:4]
    try:
        if magic == b"b3dm":
            return _b3dm(data, resolve)
        if magic == b"i3dm":
            return _i3dm(data, resolve)
        if magic == b"pnts":
            return _pnts(data)
        if magic == b"cmpt":
            return _cmpt(data, resolve)
        if magic == gltf.GLB_MAGIC or uri.lower().endswith(".gltf"):
            return _model(gltf.parse(data, resolve), np.eye(4))
    except (ValueError, struct.error, KeyError, IndexError, TypeError) as exc:  # GltfError is a ValueError
        raise ContentError(f"{uri or 'content'}: {exc}") from None
    raise ContentError(f"{uri or 'content'}: unknown content format {magic!r}")


def _transform(parts: list[Part], m: NDArray[np.float64]) -> list[Part]:
    return gltf.map_points(parts, lambda pts: pts @ m[:3, :3].T + m[:3, 3])


def _model(parts: list[Part], rtc: NDArray[np.float64]) -> Content:
    """A glTF in a tile: y-up to z-up, then the relative-to-centre offset."""
    return Content(_transform(parts, rtc @ Y_UP_TO_Z_UP))


def _tables(data: bytes, header: int) -> tuple[dict[str, Any], bytes, int]:
    """The feature table (JSON and binary) of a b3dm/i3dm/pnts, and where the body after the batch table
    starts."""
    _, version, length, ft_json, ft_bin, bt_json, bt_bin = struct.unpack_from("<4sIIIIII", data, 0)
    if version != 1:
        raise ContentError(f"version {version} (only 1 is read)")
    start = header
    table = json.loads(data[start : start + ft_json].decode("utf-8").rstrip(" \x00") or "{}")
    binary = data[start + ft_json : start + ft_json + ft_bin]
    body = start + ft_json + ft_bin + bt_json + bt_bin
    if body > min(length, len(data)):
        raise ContentError("tables run past the end of the file")
    if not isinstance(table, dict):
        raise ContentError("feature table is not a JSON object")
    return table, binary, body


def _rtc(table: dict[str, Any]) -> NDArray[np.float64]:
    m = np.eye(4)
    if "RTC_CENTER" in table:
        m[:3, 3] = _vec(table["RTC_CENTER"], b"", 3, np.float32)
    return m


def _vec(spec: Any, binary: bytes, width: int, dtype: type[np.generic], count: int = 1) -> NDArray[Any]:
    """A feature-table value: an inline JSON array or `{"byteOffset": n}` into the binary body."""
    if isinstance(spec, dict):
        offset = int(spec.get("byteOffset", 0))
        dt = np.dtype(dtype).newbyteorder("<")
        n = count * width
        if offset + n * dt.itemsize > len(binary):
            raise ContentError("feature table value runs past its binary body")
        return (
            np.frombuffer(binary, dtype=dt, count=n, offset=offset).reshape(count, width).astype(np.float64)
        )
    arr = np.asarray(spec, dtype=np.float64).reshape(-1, width)
    return arr[0] if count == 1 and len(arr) == 1 else arr


def _b3dm(data: bytes, resolve: Resolver) -> Content:
    table, _, body = _tables(data, 28)
    # Old b3dm (before 2016) had a 20- or 24-byte header: their "feature table length" is a glTF magic.
    rtc = _rtc(table)
    parts = gltf.parse(data[body:], resolve)
    return _model(parts, rtc)


def _i3dm(data: bytes, resolve: Resolver) -> Content:
    table, binary, body = _tables(data, 32)
    (gltf_format,) = struct.unpack_from("<I", data, 28)
    payload = data[body:]
    if gltf_format == 0:  # a URI to the glTF, relative to the i3dm
        payload = resolve(payload.decode("utf-8").rstrip(" \x00"))
    model = gltf.parse(payload, resolve)  # y-up: the instance's (right, up, forward) turn it
    n = int(table["INSTANCES_LENGTH"])
    if "POSITION" in table:
        pos = _vec(table["POSITION"], binary, 3, np.float32, n)
    else:
        q = _vec(table["POSITION_QUANTIZED"], binary, 3, np.uint16, n)
        offset = np.asarray(table["QUANTIZED_VOLUME_OFFSET"], dtype=np.float64)
        scale = np.asarray(table["QUANTIZED_VOLUME_SCALE"], dtype=np.float64)
        pos = offset + q / 65535.0 * scale
    pos = pos.reshape(n, 3) + _rtc(table)[:3, 3]
    if "NORMAL_UP" in table:
        up = _vec(table["NORMAL_UP"], binary, 3, np.float32, n).reshape(n, 3)
        right = _vec(table["NORMAL_RIGHT"], binary, 3, np.float32, n).reshape(n, 3)
    elif table.get("EAST_NORTH_UP"):
        up, right = _east_north_up(pos)
    else:
        up = np.tile([0.0, 0.0, 1.0], (n, 1))
        right = np.tile([1.0, 0.0, 0.0], (n, 1))
    if n * sum(len(p.points) for p in model) > MAX_INSTANCED_POINTS:
        raise ContentError(f"{n} instances of the model make more than {MAX_INSTANCED_POINTS:,} points")
    forward = np.cross(right, up)
    scale3 = np.ones((n, 3))
    if "SCALE" in table:
        scale3 *= _vec(table["SCALE"], binary, 1, np.float32, n).reshape(n, 1)
    if "SCALE_NON_UNIFORM" in table:
        scale3 *= _vec(table["SCALE_NON_UNIFORM"], binary, 3, np.float32, n).reshape(n, 3)
    parts: list[Part] = []
    for p in model:
        pts = p.points[None, :, :] * scale3[:, None, :]
        # the model's x, y (glTF up), z go to the instance's right, up, forward (as CesiumJS); without an
        # orientation that is right = x, up = z: the usual y-up to z-up turn
        world = (
            pts[:, :, 0:1] * right[:, None, :]
            + pts[:, :, 1:2] * up[:, None, :]
            + pts[:, :, 2:3] * forward[:, None, :]
            + pos[:, None, :]
        )
        k = len(p.points)
        tris = None
        if p.triangles is not None:
            tris = (p.triangles[None, :, :] + (np.arange(n) * k)[:, None, None]).reshape(-1, 3)
        uv = None if p.uv is None else np.tile(p.uv, (n, 1))
        parts.append(Part(world.reshape(-1, 3), tris, np.tile(p.rgb, (n, 1)), uv, p.texture, p.lit))
    return Content(parts)


def _east_north_up(ecef: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Up (the ellipsoid normal, near enough the radial direction) and east at ECEF points."""
    lon = np.arctan2(ecef[:, 1], ecef[:, 0])
    east = np.column_stack([-np.sin(lon), np.cos(lon), np.zeros(len(lon))])
    up = ecef / np.maximum(np.linalg.norm(ecef, axis=1, keepdims=True), 1e-9)
    return up, east


def _pnts(data: bytes) -> Content:
    table, binary, _ = _tables(data, 28)
    n = int(table["POINTS_LENGTH"])
    if "POSITION" in table:
        pos = _vec(table["POSITION"], binary, 3, np.float32, n)
    elif "POSITION_QUANTIZED" in table:
        q = _vec(table["POSITION_QUANTIZED"], binary, 3, np.uint16, n)
        offset = np.asarray(table["QUANTIZED_VOLUME_OFFSET"], dtype=np.float64)
        scale = np.asarray(table["QUANTIZED_VOLUME_SCALE"], dtype=np.float64)
        pos = offset + q / 65535.0 * scale
    else:
        raise ContentError("point cloud without positions (Draco point clouds are not supported)")
    pos = pos.reshape(n, 3) + _rtc(table)[:3, 3]
    if "RGB" in table:
        rgb = _vec(table["RGB"], binary, 3, np.uint8, n).reshape(n, 3)
    elif "RGBA" in table:
        rgb = _vec(table["RGBA"], binary, 4, np.uint8, n).reshape(n, 4)[:, :3]
    elif "RGB565" in table:
        c = _vec(table["RGB565"], binary, 1, np.uint16, n).reshape(n).astype(np.int64)
        rgb = np.column_stack([(c >> 11) * 255 / 31, ((c >> 5) & 63) * 255 / 63, (c & 31) * 255 / 31])
    elif "CONSTANT_RGBA" in table:
        rgb = np.tile(np.asarray(table["CONSTANT_RGBA"], dtype=np.float64)[:3], (n, 1))
    else:
        rgb = np.tile(np.asarray(POINT_RGB, dtype=np.float64), (n, 1))
    part = Part(pos, None, np.round(rgb).astype(np.uint8), lit=False)
    return Content([part])


def _cmpt(data: bytes, resolve: Resolver) -> Content:
    _, version, length, count = struct.unpack_from("<4sIII", data, 0)
    if version != 1:
        raise ContentError(f"cmpt version {version} (only 1 is read)")
    offset, parts = 16, []
    for _ in range(count):
        (size,) = struct.unpack_from("<I", data, offset + 8)
        if size < 12 or offset + size > min(length, len(data)):
            raise ContentError("cmpt inner tile runs past the end of the file")
        parts.extend(parse(data[offset : offset + size], resolve).parts)
        offset += size
    return Content(parts)
