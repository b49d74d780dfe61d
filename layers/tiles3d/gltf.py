"""A glTF 2.0 reader for 3D Tiles content: binary `.glb` (embedded in b3dm/i3dm or on its own, 3D Tiles
1.1) and `.gltf` JSON with its buffers in files beside it or in `data:` URIs.

Only what a real-scene model needs to be drawn: triangle (and point) primitives with their node transforms,
the material's base colour (factor, vertex colours `COLOR_0`, and the base-colour texture with `TEXCOORD_0`),
and `KHR_materials_unlit` (photogrammetry meshes are unlit: the light is in the photo). Quantized attributes
(`KHR_mesh_quantization`: normalized integers) are read. Draco (`KHR_draco_mesh_compression`) and meshopt
compression are refused by name: no decoder is installed.

Positions come out y-up as glTF writes them; the 3D Tiles frame is z-up, which `layers.tiles3d.content`
applies (`Y_UP_TO_Z_UP`). No Qt and no VTK here: plain numpy arrays, drawn by `widgets.sandbox3d_tiles`.
"""

from __future__ import annotations

import base64
import json
import struct
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

GLB_MAGIC = b"glTF"
_JSON_CHUNK = 0x4E4F534A
_BIN_CHUNK = 0x004E4942
_COMPONENTS: dict[int, type[np.generic]] = {
    5120: np.int8,
    5121: np.uint8,
    5122: np.int16,
    5123: np.uint16,
    5125: np.uint32,
    5126: np.float32,
}
_WIDTH = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT2": 4, "MAT3": 9, "MAT4": 16}
UNSUPPORTED = ("KHR_draco_mesh_compression", "EXT_meshopt_compression", "KHR_meshopt_compression")
MAX_TEXTURE_PX = 4096
"""Larger base-colour images are halved until they fit (one texture a primitive; llvmpipe takes 8192)."""

Resolver = Callable[[str], bytes]
"""Reads a URI relative to the glTF (an external buffer or image); raises OSError when it cannot."""


class GltfError(ValueError):
    """Content that is not glTF this reader can draw (a bad header, an unsupported compression)."""


@dataclass(slots=True)
class Part:
    """One drawable piece: points (float64 in the glTF scene frame, y-up, as read; float32 local metres
    once `layers.tiles3d.tileset` placed them), what joins them, colour."""

    points: NDArray[np.float64]
    triangles: NDArray[np.int64] | None
    """(m, 3) indices into `points`; None: a point cloud (each point drawn)."""
    rgb: NDArray[np.uint8]
    """(n, 3) per-point colour, sRGB."""
    uv: NDArray[np.float32] | None = None
    texture: NDArray[np.uint8] | None = None
    """(h, w, 3) RGB, top row first, when the material has a base-colour image (with `uv`)."""
    lit: bool = True
    """False for `KHR_materials_unlit` (photogrammetry): drawn in its own colours, no shading."""

    @property
    def nbytes(self) -> int:
        n = self.points.nbytes + self.rgb.nbytes
        for extra in (self.triangles, self.uv, self.texture):
            n += 0 if extra is None else extra.nbytes
        return n


def _no_files(uri: str) -> bytes:
    raise OSError(f"external file {uri!r} not available here")


def parse(data: bytes, resolve: Resolver = _no_files) -> list[Part]:
    """Every primitive of the default scene as `Part`s, node transforms applied. `.glb` or `.gltf` bytes."""
    if data[:4] == GLB_MAGIC:
        doc, binary = _split_glb(data)
    else:
        try:
            doc, binary = json.loads(data.decode("utf-8-sig")), None
        except (UnicodeDecodeError, ValueError) as exc:
            raise GltfError(f"neither binary glTF nor glTF JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise GltfError("glTF JSON is not an object")
    required = set(doc.get("extensionsRequired", [])) | set(doc.get("extensionsUsed", []))
    for name in UNSUPPORTED:
        if name in required:
            raise GltfError(f"{name} content is not supported (no decoder installed)")
    return _Reader(doc, binary, resolve).parts()


def _split_glb(data: bytes) -> tuple[dict[str, Any], bytes | None]:
    if len(data) < 20:
        raise GltfError("binary glTF shorter than its header")
    _, version, length = struct.unpack_from("<4sII", data, 0)
    if version != 2:
        raise GltfError(f"binary glTF version {version} (only 2 is read)")
    end = min(length, len(data))
    offset, doc, binary = 12, None, None
    while offset + 8 <= end:
        size, kind = struct.unpack_from("<II", data, offset)
        chunk = data[offset + 8 : offset + 8 + size]
        if kind == _JSON_CHUNK and doc is None:
            try:
                doc = json.loads(chunk.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise GltfError(f"binary glTF's JSON chunk: {exc}") from None
        elif kind == _BIN_CHUNK and binary is None:
            binary = chunk
        offset += 8 + size + (-size % 4)
    if not isinstance(doc, dict):
        raise GltfError("binary glTF without a JSON chunk")
    return doc, binary


def node_matrix(node: dict[str, Any]) -> NDArray[np.float64]:
    """A node's local 4x4: its `matrix` (column-major) or translation · rotation · scale."""
    if "matrix" in node:
        return np.asarray(node["matrix"], dtype=np.float64).reshape(4, 4).T
    m = np.eye(4)
    x, y, z, w = (float(v) for v in node.get("rotation", (0.0, 0.0, 0.0, 1.0)))
    m[:3, :3] = np.array(
        [
            [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
            [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
            [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
        ]
    )
    m[:3, :3] = m[:3, :3] * np.asarray(node.get("scale", (1.0, 1.0, 1.0)), dtype=np.float64)
    m[:3, 3] = np.asarray(node.get("translation", (0.0, 0.0, 0.0)), dtype=np.float64)
    return m


def map_points(parts: list[Part], fn: Callable[[NDArray[Any]], NDArray[Any]]) -> list[Part]:
    """`fn` applied to every part's points, once per array: parts that shared a vertex array still do
    (one copy in memory and on the GPU, `widgets.sandbox3d_tiles` merges them)."""
    done: dict[int, tuple[NDArray[Any], NDArray[Any]]] = {}
    for p in parts:
        old = p.points
        if id(old) not in done:
            done[id(old)] = (old, fn(old))  # the old array is held so its id stays unique
        p.points = done[id(old)][1]
    return parts


def linear_to_srgb(c: NDArray[np.float64]) -> NDArray[np.float64]:
    """glTF colour factors are linear; the screen (and texture images) are sRGB."""
    c = np.clip(c, 0.0, 1.0)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * np.power(c, 1 / 2.4) - 0.055)


class _Reader:
    def __init__(self, doc: dict[str, Any], binary: bytes | None, resolve: Resolver) -> None:
        self.doc = doc
        self.binary = binary
        self.resolve = resolve
        self._buffers: dict[int, bytes] = {}
        self._images: dict[int, NDArray[np.uint8] | None] = {}
        self._points: dict[tuple[int, bytes], NDArray[np.float64]] = {}

    def parts(self) -> list[Part]:
        nodes = self.doc.get("nodes", [])
        scenes = self.doc.get("scenes", [])
        if scenes:
            roots = scenes[int(self.doc.get("scene", 0))].get("nodes", [])
        else:  # no scene: every node that is nobody's child
            children = {c for n in nodes for c in n.get("children", [])}
            roots = [i for i in range(len(nodes)) if i not in children]
        out: list[Part] = []
        stack = [(int(r), np.eye(4)) for r in roots]
        seen = 0
        while stack:
            index, parent = stack.pop()
            seen += 1
            if seen > 100_000:
                raise GltfError("node hierarchy too deep or cyclic")
            node = nodes[index]
            world = parent @ node_matrix(node)
            if "mesh" in node:
                out.extend(self._mesh(int(node["mesh"]), world))
            stack.extend((int(c), world) for c in node.get("children", []))
        return out

    def _mesh(self, index: int, world: NDArray[np.float64]) -> list[Part]:
        parts = []
        for prim in self.doc["meshes"][index].get("primitives", []):
            part = self._primitive(prim, world)
            if part is not None:
                parts.append(part)
        return parts

    def _primitive(self, prim: dict[str, Any], world: NDArray[np.float64]) -> Part | None:
        attrs = prim.get("attributes", {})
        if "POSITION" not in attrs:
            return None
        mode = int(prim.get("mode", 4))
        key = (int(attrs["POSITION"]), world.tobytes())
        if key not in self._points:  # primitives sharing a vertex buffer share one array (`map_points`)
            pos = self.accessor(key[0]).astype(np.float64)
            self._points[key] = pos @ world[:3, :3].T + world[:3, 3]
        points = self._points[key]
        n = len(points)
        triangles: NDArray[np.int64] | None
        index = (
            self.accessor(int(prim["indices"])).reshape(-1).astype(np.int64) if "indices" in prim else None
        )
        if mode == 0:
            triangles = None
            if index is not None:
                points = points[index]
        elif mode in (4, 5, 6):
            triangles = _triangles(mode, index if index is not None else np.arange(n, dtype=np.int64))
            triangles = triangles[(triangles < n).all(axis=1) & (triangles >= 0).all(axis=1)]
        else:  # lines and line loops: not a surface
            return None
        material = self.doc.get("materials", [])[prim["material"]] if "material" in prim else {}
        pbr = material.get("pbrMetallicRoughness", {})
        factor = np.asarray(pbr.get("baseColorFactor", (1.0, 1.0, 1.0, 1.0)), dtype=np.float64)[:3]
        colour = np.tile(factor, (len(points), 1))
        if "COLOR_0" in attrs:
            c = self.accessor(int(attrs["COLOR_0"]), normalize=True)[:, :3].astype(np.float64)
            colour = c[index] if (mode == 0 and index is not None) else c
            colour = colour * factor
        uv, texture = None, None
        tex = pbr.get("baseColorTexture")
        if tex is not None and f"TEXCOORD_{tex.get('texCoord', 0)}" in attrs and mode != 0:
            texture = self._texture(int(tex["index"]))
            if texture is not None:
                uv = self.accessor(int(attrs[f"TEXCOORD_{tex.get('texCoord', 0)}"]), normalize=True)
                uv = uv.astype(np.float32)
        rgb = np.round(linear_to_srgb(colour) * 255.0).astype(np.uint8)
        lit = "KHR_materials_unlit" not in material.get("extensions", {})
        return Part(points, triangles, rgb, uv, texture, lit)

    def accessor(self, index: int, normalize: bool = False) -> NDArray[Any]:
        """An accessor's values as (count, width); normalized integers scaled to 0..1 (or -1..1)."""
        acc = self.doc["accessors"][index]
        dtype = np.dtype(_COMPONENTS[int(acc["componentType"])]).newbyteorder("<")
        width = _WIDTH[acc["type"]]
        count = int(acc["count"])
        if "sparse" in acc:
            raise GltfError("sparse accessors are not supported")
        if "bufferView" not in acc:
            out: NDArray[Any] = np.zeros((count, width), dtype=dtype)
        else:
            view = self.doc["bufferViews"][int(acc["bufferView"])]
            buf = self._buffer(int(view["buffer"]))
            start = int(view.get("byteOffset", 0)) + int(acc.get("byteOffset", 0))
            stride = int(view.get("byteStride", 0)) or dtype.itemsize * width
            if count and start + stride * (count - 1) + dtype.itemsize * width > len(buf):
                raise GltfError(f"accessor {index} runs past its buffer")
            raw = np.frombuffer(
                buf,
                dtype=np.uint8,
                count=stride * (count - 1) + dtype.itemsize * width if count else 0,
                offset=start,
            )
            if stride == dtype.itemsize * width:
                out = raw.view(dtype).reshape(count, width)
            else:
                rows = np.lib.stride_tricks.as_strided(raw, (count, dtype.itemsize * width), (stride, 1))
                out = np.ascontiguousarray(rows).view(dtype).reshape(count, width)
        if (normalize or acc.get("normalized")) and dtype.kind in "iu":
            top = float(np.iinfo(dtype).max)
            return np.maximum(out.astype(np.float64) / top, -1.0)
        return out

    def _buffer(self, index: int) -> bytes:
        if index not in self._buffers:
            spec = self.doc["buffers"][index]
            uri = spec.get("uri")
            if uri is None:
                if self.binary is None:
                    raise GltfError("buffer without a URI and no binary chunk")
                self._buffers[index] = self.binary
            else:
                self._buffers[index] = self._read_uri(str(uri))
        return self._buffers[index]

    def _read_uri(self, uri: str) -> bytes:
        if uri.startswith("data:"):
            head, _, body = uri.partition(",")
            return base64.b64decode(body) if head.endswith(";base64") else body.encode("utf-8")
        return self.resolve(uri)

    def _texture(self, index: int) -> NDArray[np.uint8] | None:
        source = self.doc.get("textures", [])[index].get("source")
        if source is None:
            return None
        if source not in self._images:
            self._images[source] = self._image(int(source))
        return self._images[source]

    def _image(self, index: int) -> NDArray[np.uint8] | None:
        spec = self.doc.get("images", [])[index]
        if "bufferView" in spec:
            view = self.doc["bufferViews"][int(spec["bufferView"])]
            start = int(view.get("byteOffset", 0))
            data = self._buffer(int(view["buffer"]))[start : start + int(view["byteLength"])]
        elif "uri" in spec:
            try:
                data = self._read_uri(str(spec["uri"]))
            except OSError:
                return None
        else:
            return None
        import cv2  # here: only textured models need it, and the 3D pane is built at start-up

        bgr = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
        if bgr is None:  # KTX2/WebP cv2 cannot read: the factor colour stands in
            return None
        while max(bgr.shape[:2]) > MAX_TEXTURE_PX:
            bgr = cv2.resize(bgr, (bgr.shape[1] // 2, bgr.shape[0] // 2), interpolation=cv2.INTER_AREA)
        rgb: NDArray[np.uint8] = np.ascontiguousarray(bgr[:, :, ::-1])
        return rgb


def _triangles(mode: int, index: NDArray[np.int64]) -> NDArray[np.int64]:
    """Triangle list, strip or fan → (m, 3) triangles (strip winding kept)."""
    if mode == 4:
        m = len(index) // 3
        return index[: 3 * m].reshape(m, 3)
    if len(index) < 3:
        return np.zeros((0, 3), dtype=np.int64)
    k = np.arange(len(index) - 2)
    if mode == 5:
        even = k % 2 == 0
        a = index[k]
        b = np.where(even, index[k + 1], index[k + 2])
        c = np.where(even, index[k + 2], index[k + 1])
        return np.column_stack([a, b, c])
    return np.column_stack([np.full(len(k), index[0]), index[k + 1], index[k + 2]])
