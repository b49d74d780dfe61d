"""Tiny 3D Tiles files written by hand for the tests: a one-triangle glb, b3dm/i3dm/pnts around it, and a
tileset.json quadtree of them."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import numpy as np


def _pad(data: bytes, fill: bytes) -> bytes:
    return data + fill * (-len(data) % 8)


def glb(points: np.ndarray, rgba: tuple[float, float, float, float] = (1.0, 0.0, 0.0, 1.0)) -> bytes:
    """A binary glTF: one mesh of triangles over `points` ((3k, 3) float32, y-up), one colour."""
    pts = np.ascontiguousarray(points, dtype=np.float32)
    doc = {
        "asset": {"version": "2.0"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "material": 0}]}],
        "materials": [{"pbrMetallicRoughness": {"baseColorFactor": list(rgba)}}],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": len(pts),
                "type": "VEC3",
                "min": pts.min(axis=0).tolist(),
                "max": pts.max(axis=0).tolist(),
            }
        ],
        "bufferViews": [{"buffer": 0, "byteLength": pts.nbytes}],
        "buffers": [{"byteLength": pts.nbytes}],
    }
    js = json.dumps(doc).encode()
    js += b" " * (-len(js) % 4)
    binary = pts.tobytes()
    binary += b"\0" * (-len(binary) % 4)
    body = struct.pack("<I4s", len(js), b"JSON") + js + struct.pack("<I4s", len(binary), b"BIN\0") + binary
    return struct.pack("<4sII", b"glTF", 2, 12 + len(body)) + body


def _tables(table: dict[str, Any], binary: bytes = b"") -> tuple[bytes, bytes]:
    js = _pad(json.dumps(table).encode(), b" ")
    return js, _pad(binary, b"\0")


def b3dm(model: bytes, rtc: tuple[float, float, float] | None = None) -> bytes:
    table: dict[str, Any] = {"BATCH_LENGTH": 0}
    if rtc is not None:
        table["RTC_CENTER"] = list(rtc)
    ft, fb = _tables(table)
    header = struct.pack("<4sIIIIII", b"b3dm", 1, 28 + len(ft) + len(fb) + len(model), len(ft), len(fb), 0, 0)
    return header + ft + fb + model


def i3dm(model: bytes, positions: np.ndarray) -> bytes:
    pos = np.ascontiguousarray(positions, dtype=np.float32)
    ft, fb = _tables({"INSTANCES_LENGTH": len(pos), "POSITION": {"byteOffset": 0}}, pos.tobytes())
    size = 32 + len(ft) + len(fb) + len(model)
    return struct.pack("<4sIIIIIII", b"i3dm", 1, size, len(ft), len(fb), 0, 0, 1) + ft + fb + model


def pnts(positions: np.ndarray, rgb: np.ndarray) -> bytes:
    pos = np.ascontiguousarray(positions, dtype=np.float32)
    colours = np.ascontiguousarray(rgb, dtype=np.uint8)
    table = {"POINTS_LENGTH": len(pos), "POSITION": {"byteOffset": 0}, "RGB": {"byteOffset": pos.nbytes}}
    ft, fb = _tables(table, pos.tobytes() + colours.tobytes())
    size = 28 + len(ft) + len(fb)
    return struct.pack("<4sIIIIII", b"pnts", 1, size, len(ft), len(fb), 0, 0) + ft + fb


def square(x0: float, y0: float, side: float, z: float = 0.0) -> np.ndarray:
    """Two triangles covering a square in the tile's (z-up) frame, written y-up as glTF wants."""
    x1, y1 = x0 + side, y0 + side
    zup = np.array([[x0, y0, z], [x1, y0, z], [x1, y1, z], [x0, y0, z], [x1, y1, z], [x0, y1, z]])
    return np.column_stack([zup[:, 0], zup[:, 2], -zup[:, 1]])  # z-up (x, y, z) is y-up (x, z, -y)


def quadtree(folder: Path, side: float = 400.0) -> Path:
    """A local-frame REPLACE quadtree: the root (error 100) is one coarse square, its four children (error
    0) the quarters. Returns the tileset.json path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "root.glb").write_bytes(glb(square(-side / 2, -side / 2, side), (0.0, 0.0, 1.0, 1.0)))
    children = []
    half = side / 2
    for i, (x, y) in enumerate([(-half, -half), (0.0, -half), (-half, 0.0), (0.0, 0.0)]):
        (folder / f"q{i}.glb").write_bytes(glb(square(x, y, half)))
        box = [x + half / 2, y + half / 2, 0.5, half / 2, 0, 0, 0, half / 2, 0, 0, 0, 0.5]
        children.append(
            {"boundingVolume": {"box": box}, "geometricError": 0.0, "content": {"uri": f"q{i}.glb"}}
        )
    doc = {
        "asset": {"version": "1.1"},
        "geometricError": 200.0,
        "root": {
            "boundingVolume": {"box": [0, 0, 0.5, side / 2, 0, 0, 0, side / 2, 0, 0, 0, 0.5]},
            "geometricError": 100.0,
            "refine": "REPLACE",
            "content": {"uri": "root.glb"},
            "children": children,
        },
    }
    path = folder / "tileset.json"
    path.write_text(json.dumps(doc))
    return path
