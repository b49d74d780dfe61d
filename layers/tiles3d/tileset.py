"""An OGC 3D Tiles tileset (1.0 and 1.1) placed in the sandbox's local frame.

`Tileset(path, proj, placement)` reads `tileset.json` and walks its tile tree: bounding volumes (`region`,
`box`, `sphere`), tile `transform`s (composed down the tree), `refine` (ADD/REPLACE, inherited),
`geometricError`, `viewerRequestVolume`, a single `content` (1.0) or several `contents` (1.1), and external
tilesets (a content that is another `tileset.json`, opened when the traversal first reaches it).
`load(tile)` reads a tile's contents (`layers.tiles3d.content`) and returns them in local metres.

Geo-registration, one way for every tileset: content frame → tile transform → ECEF (WGS-84, EPSG:4978) →
`LocalProjection.ecef_to_local` (x east, y north, z height; one home for lon/lat ↔ local metres). Per tile
the ECEF → local step is fitted as one affine matrix (`LocalProjection.ecef_affine`, millimetres over a
tile), so a mesh moves with one matrix product. A tileset in a local frame (no region, no transform, box
centres near the Earth's centre: a model exported in metres) is placed by `Placement.origin` as an
east-north-up frame at that longitude/latitude, or at the district's centre when none is given. Heights:
the model's lowest point (the root volume's bottom) sits on the sandbox ground unless `ground_height_m`
says which ellipsoidal height is ground level; `offset_m` moves it by east/north/up metres after that.

Content URIs are files under the tileset's own folder: URLs, absolute paths and `..` out of it are refused,
so a tileset cannot make the app read elsewhere or reach the network. Implicit tiling (1.1
`implicitTiling`) is not read: such a tile draws its explicit content only.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

import numpy as np
from numpy.typing import NDArray

from layers.projection import LocalProjection, enu_to_ecef
from layers.tiles3d import content as contents
from layers.tiles3d.gltf import Part, Resolver, map_points

_log = logging.getLogger(__name__)
EARTH_SCALE_M = 1.0e6
"""A volume centre or translation farther than this from the origin is on the globe (ECEF); nearer, the
tileset is in a local frame."""
MAX_FIT_ERROR_M = 0.05
"""Above this the per-tile affine fit is not trusted and every point is projected exactly."""
MAX_TILES = 200_000


class TilesetError(ValueError):
    """A tileset.json that cannot be used (unreadable, not a tileset, a URI outside its folder)."""


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a tileset goes (the manifest's `tilesets` entry, docs/data-format.md)."""

    origin: tuple[float, float, float] | None = None
    """WGS-84 lon, lat, height of a local-frame tileset's (0, 0, 0); ignored for geo-registered ones."""
    heading_deg: float = 0.0
    """A local-frame tileset's +y axis turned this many degrees clockwise from north."""
    offset_m: tuple[float, float, float] = (0.0, 0.0, 0.0)
    """East, north, up metres added after placing (a registration correction)."""
    ground_height_m: float | None = None
    """The model's height (ellipsoidal, after the tile transforms) that is sandbox ground; None: its
    lowest point."""


@dataclass(slots=True)
class Volume:
    """An oriented box in local metres: centre and three half-axis vectors (rows)."""

    centre: NDArray[np.float64]
    axes: NDArray[np.float64]
    sphere: bool = False
    """A bounding sphere: `axes` are r·I, distance is to the ball."""

    @property
    def radius(self) -> float:
        if self.sphere:
            return float(np.linalg.norm(self.axes[0]))
        return float(np.sqrt((self.axes**2).sum()))

    def corners(self) -> NDArray[np.float64]:
        signs = np.array([(a, b, c) for a in (-1, 1) for b in (-1, 1) for c in (-1, 1)], dtype=np.float64)
        out: NDArray[np.float64] = self.centre + signs @ self.axes
        return out

    def distance(self, point: NDArray[np.float64]) -> float:
        """Metres from `point` to the volume; 0 inside."""
        d = np.asarray(point, dtype=np.float64) - self.centre
        if self.sphere:
            return max(float(np.linalg.norm(d)) - self.radius, 0.0)
        lengths = np.linalg.norm(self.axes, axis=1)
        units = _orthonormal(self.axes, lengths)
        excess = np.maximum(np.abs(units @ d) - lengths, 0.0)
        return float(np.sqrt((excess**2).sum()))

    def outside(self, planes: NDArray[np.float64]) -> bool:
        """Wholly behind one of the frustum `planes` ((k, 4), a·x + b·y + c·z + d ≥ 0 inside)."""
        if not len(planes):
            return False
        signed = planes[:, :3] @ self.centre + planes[:, 3]
        if self.sphere:
            reach = np.full(len(planes), self.radius)
        else:
            reach = np.abs(planes[:, :3] @ self.axes.T).sum(axis=1)
        return bool((signed < -reach).any())

    def shifted(self, by: NDArray[np.float64]) -> Volume:
        return Volume(self.centre + by, self.axes, self.sphere)


def _orthonormal(axes: NDArray[np.float64], lengths: NDArray[np.float64]) -> NDArray[np.float64]:
    """Unit vectors along the box's axes; flat boxes (a zero axis) get the missing normal."""
    units = np.zeros((3, 3))
    good = lengths > 1e-12
    units[good] = axes[good] / lengths[good, None]
    if good.sum() == 2:
        i = int(np.flatnonzero(~good)[0])
        a, b = units[good]
        units[i] = np.cross(a, b) / max(float(np.linalg.norm(np.cross(a, b))), 1e-12)
    elif good.sum() < 2:
        units = np.eye(3)
    return units


@dataclass(eq=False, slots=True)
class Tile:
    key: str
    volume: Volume
    geometric_error: float
    refine: str
    world: NDArray[np.float64]
    """Content frame → ECEF (the composed tile transforms, after the placement's anchor)."""
    contents: list[Path] = field(default_factory=list)
    request: Volume | None = None
    depth: int = 0
    children: list[Tile] = field(default_factory=list)
    external: Path | None = None
    """A content that is another tileset.json, read into `children` when first needed."""


@dataclass(slots=True)
class LocalContent:
    """A tile's contents in local metres, ready to draw."""

    parts: list[Part]

    @property
    def nbytes(self) -> int:
        shared = {id(p.points): p.points.nbytes for p in self.parts}  # counted once when parts share them
        return sum(p.nbytes - p.points.nbytes for p in self.parts) + sum(shared.values())


class Tileset:
    def __init__(self, path: Path, proj: LocalProjection, placement: Placement | None = None) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            self.path = self.path / "tileset.json"
        self.folder = self.path.parent.resolve()
        self.placement = placement or Placement()
        self.lon0, self.lat0 = proj.lon0, proj.lat0
        self._proj = proj
        self._local = threading.local()
        self._count = 0
        self._lock = threading.Lock()
        doc = self._read_json(self.path)
        self.version = str(doc.get("asset", {}).get("version", ""))
        self.geolocated = _geolocated(doc["root"])
        self.anchored_at_centre = False
        anchor = np.eye(4)
        if not self.geolocated:
            origin = self.placement.origin
            if origin is None:
                origin = (proj.lon0, proj.lat0, 0.0)
                self.anchored_at_centre = True
            turn = np.eye(4)
            h = math.radians(self.placement.heading_deg)
            turn[:2, :2] = [[math.cos(h), math.sin(h)], [-math.sin(h), math.cos(h)]]
            anchor = enu_to_ecef(*origin) @ turn
        self._shift = np.zeros(3)
        try:
            self.root = self._tile(doc["root"], anchor, "REPLACE", "r", 0, self.path.parent)
        except RecursionError:
            raise TilesetError(f"{self.path.name}: tile tree too deep") from None
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            if isinstance(exc, TilesetError):
                raise
            raise TilesetError(f"{self.path.name}: malformed tile: {exc!r}") from None
        ground = self.placement.ground_height_m
        if ground is None:
            ground = float(self.root.volume.corners()[:, 2].min())
        self._shift = np.asarray(self.placement.offset_m, dtype=np.float64) - np.array([0.0, 0.0, ground])
        self._shift_tree(self.root, self._shift)

    # --- the tree -------------------------------------------------------------------------------------
    def _read_json(self, path: Path) -> dict[str, Any]:
        try:
            doc = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError, RecursionError) as exc:
            raise TilesetError(f"{path.name}: cannot read: {exc}") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("root"), dict):
            raise TilesetError(f"{path.name}: not a 3D Tiles tileset (no root tile)")
        return doc

    def _tile(
        self, spec: dict[str, Any], parent: NDArray[np.float64], refine: str, key: str, depth: int, base: Path
    ) -> Tile:
        with self._lock:
            self._count += 1
            if self._count > MAX_TILES:
                raise TilesetError(f"more than {MAX_TILES} tiles")
        world = parent
        if "transform" in spec:
            world = parent @ np.asarray(spec["transform"], dtype=np.float64).reshape(4, 4).T
        refine = str(spec.get("refine", refine)).upper()
        volume = self._volume(spec["boundingVolume"], world)
        request = self._volume(spec["viewerRequestVolume"], world) if "viewerRequestVolume" in spec else None
        tile = Tile(key, volume, float(spec.get("geometricError", 0.0)), refine, world, request=request)
        tile.depth = depth
        specs = list(spec.get("contents", []))
        if "content" in spec:
            specs.insert(0, spec["content"])
        for c in specs:
            uri = c.get("uri", c.get("url")) if isinstance(c, dict) else None
            if not isinstance(uri, str):
                continue
            path = self._resolve(base, uri)
            if path.suffix.lower() == ".json":
                tile.external = path
            else:
                tile.contents.append(path)
        for i, child in enumerate(spec.get("children", [])):
            tile.children.append(self._tile(child, world, refine, f"{key}.{i}", depth + 1, base))
        return tile

    def _shift_tree(self, tile: Tile, by: NDArray[np.float64]) -> None:
        stack = [tile]
        while stack:
            t = stack.pop()
            t.volume = t.volume.shifted(by)
            if t.request is not None:
                t.request = t.request.shifted(by)
            stack.extend(t.children)

    def children(self, tile: Tile) -> list[Tile]:
        """A tile's children, reading its external tileset the first time."""
        if tile.external is not None:
            path, tile.external = tile.external, None
            try:
                doc = self._read_json(path)
                child = self._tile(
                    doc["root"], tile.world, tile.refine, f"{tile.key}+", tile.depth + 1, path.parent
                )
            except (TilesetError, KeyError, TypeError, ValueError, IndexError, RecursionError) as exc:
                _log.warning("3D Tiles: external tileset %s skipped: %s", path.name, str(exc))
            else:
                self._shift_tree(child, self._shift)
                tile.children.append(child)
        return tile.children

    def _resolve(self, base: Path, uri: str) -> Path:
        parts = urlsplit(uri)
        if parts.scheme or parts.netloc or uri.startswith(("/", "\\")):
            raise TilesetError(f"content {uri!r} is not a file in the tileset's folder")
        rel = PurePosixPath(unquote(parts.path))
        path = (base / rel).resolve()
        if not path.is_relative_to(self.folder):
            raise TilesetError(f"content {uri!r} lies outside the tileset's folder")
        return path

    # --- coordinates -----------------------------------------------------------------------------------
    def _projection(self) -> LocalProjection:
        """One projection per thread (pyproj transformers are not shared between threads)."""
        proj: LocalProjection | None = getattr(self._local, "proj", None)
        if proj is None:
            proj = self._proj if threading.current_thread() is threading.main_thread() else None
            proj = proj or LocalProjection(self.lon0, self.lat0)
            self._local.proj = proj
        return proj

    def _volume(self, spec: dict[str, Any], world: NDArray[np.float64]) -> Volume:
        proj = self._projection()
        if "region" in spec:
            w, s, e, n, lo, hi = (float(v) for v in spec["region"])
            lon = np.degrees(np.linspace(w, e, 3))
            lat = np.degrees(np.linspace(s, n, 3))
            gl, gt = np.meshgrid(lon, lat)
            xy = proj.to_xy(gl.ravel(), gt.ravel())
            lo_xyz = np.array([xy[:, 0].min(), xy[:, 1].min(), lo])
            hi_xyz = np.array([xy[:, 0].max(), xy[:, 1].max(), hi])
            return Volume((lo_xyz + hi_xyz) / 2.0, np.diag((hi_xyz - lo_xyz) / 2.0))
        if "box" in spec:
            b = np.asarray(spec["box"], dtype=np.float64)
            c, axes = b[:3], b[3:12].reshape(3, 3)
            pts = np.vstack([c, c + axes, c - axes])
            ecef = pts @ world[:3, :3].T + world[:3, 3]
            local = proj.ecef_to_local(ecef)
            return Volume(local[0], (local[1:4] - local[4:7]) / 2.0)
        if "sphere" in spec:
            ball = np.asarray(spec["sphere"], dtype=np.float64)
            centre = proj.ecef_to_local(ball[:3] @ world[:3, :3].T + world[:3, 3])[0]
            scale = float(np.linalg.norm(world[:3, :3], axis=0).max())
            return Volume(centre, np.eye(3) * ball[3] * scale, sphere=True)
        raise TilesetError("tile without a region, box or sphere bounding volume")

    def to_local(self, points_ecef: NDArray[np.float64]) -> NDArray[np.float64]:
        """ECEF points → local metres, placed (offset and ground) as the tiles are."""
        out: NDArray[np.float64] = self._projection().ecef_to_local(points_ecef) + self._shift
        return out

    # --- contents --------------------------------------------------------------------------------------
    def load(self, tile: Tile) -> LocalContent:
        """Read and place every content of `tile` (any thread). A content that cannot be read is logged
        and left out; the others still draw."""
        parts: list[Part] = []
        for path in tile.contents:
            try:
                data = path.read_bytes()
                content = contents.parse(data, self._resolver(path.parent), path.name)
            except (OSError, contents.ContentError, TilesetError) as exc:
                _log.warning("3D Tiles: %s skipped: %s", path.name, str(exc))
                continue
            parts.extend(self._place(content, tile.world))
        return LocalContent(parts)

    def _resolver(self, base: Path) -> Resolver:
        def read(uri: str) -> bytes:
            return self._resolve(base, uri).read_bytes()

        return read

    def _place(self, content: contents.Content, world: NDArray[np.float64]) -> list[Part]:
        box = content.bounds()
        if box is None:
            return []
        corners = np.array([(x, y, z) for x in box[:, 0] for y in box[:, 1] for z in box[:, 2]])
        pad = np.maximum(box[1] - box[0], 1.0)  # a flat or one-point content still spans 3D
        corners = np.vstack([corners, box[0] - pad, box[1] + pad, (box[0] + box[1]) / 2.0])
        ecef = corners @ world[:3, :3].T + world[:3, 3]
        proj = self._projection()
        affine, error = proj.ecef_affine(ecef)
        full = affine @ world

        def place(points: NDArray[np.float64]) -> NDArray[np.float32]:
            if error <= MAX_FIT_ERROR_M:
                local = points @ full[:3, :3].T + full[:3, 3]
            else:
                local = proj.ecef_to_local(points @ world[:3, :3].T + world[:3, 3])
            return (local + self._shift).astype(np.float32)

        return map_points(content.parts, place)


def _geolocated(root: dict[str, Any]) -> bool:
    """Whether the tileset says where on Earth it is (a region, or ECEF-sized transforms or boxes)."""
    stack = [(root, 0)]
    while stack:
        spec, depth = stack.pop()
        bv = spec.get("boundingVolume", {})
        if "region" in bv:
            return True
        if "transform" in spec:
            t = np.asarray(spec["transform"], dtype=np.float64).reshape(-1)
            if t.size == 16 and np.linalg.norm(t[12:15]) > EARTH_SCALE_M:
                return True
        for key in ("box", "sphere"):
            if key in bv and np.linalg.norm(np.asarray(bv[key], dtype=np.float64)[:3]) > EARTH_SCALE_M:
                return True
        if depth < 2:  # the top of the tree says it; a deep walk would read every tile twice
            stack.extend((c, depth + 1) for c in spec.get("children", []))
    return False
