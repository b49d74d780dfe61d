"""3D Tiles (issue 18 §2): content formats, geo-registration into the local frame, SSE selection, cache."""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import numpy as np
import pytest

from layers.projection import LocalProjection, enu_to_ecef, geodetic_to_ecef
from layers.tiles3d import content
from layers.tiles3d.select import TileStream, View, screen_space_error, select
from layers.tiles3d.tileset import Placement, Tileset, TilesetError
from sandbox_app.domain.distance import WGS84_A, WGS84_E2
from tests.layers import tiles3d_sample as sample

LON0, LAT0 = 116.35, 40.0


def _no_files(uri: str) -> bytes:
    raise OSError(uri)


# --- coordinates ---------------------------------------------------------------------------------------


def test_ecef_of_hand_known_points() -> None:
    assert np.allclose(geodetic_to_ecef(0.0, 0.0, 0.0), [[WGS84_A, 0.0, 0.0]], atol=1e-6)
    assert np.allclose(geodetic_to_ecef(90.0, 0.0, 10.0), [[0.0, WGS84_A + 10.0, 0.0]], atol=1e-6)
    b = WGS84_A * math.sqrt(1 - WGS84_E2)  # polar radius
    assert np.allclose(geodetic_to_ecef(0.0, 90.0, 0.0), [[0.0, 0.0, b]], atol=1e-6)
    m = enu_to_ecef(0.0, 0.0)  # at (0°, 0°): east is +y, north +z, up +x
    assert np.allclose(m[:3, :3], [[0, 0, 1], [1, 0, 0], [0, 1, 0]])


def test_region_centre_lands_where_hand_computed(tmp_path: Path) -> None:
    """A region 0.002° wide centred 0.001° east of the district centre, 10..30 m high: its centre is
    0.001° × N(φ)·cos φ east (N the prime-vertical radius), on the centre's parallel, 20 m up."""
    lon, lat = LON0 + 0.001, LAT0
    w, e = math.radians(lon - 0.001), math.radians(lon + 0.001)
    s, n = math.radians(lat - 0.001), math.radians(lat + 0.001)
    doc = {
        "asset": {"version": "1.0"},
        "root": {"boundingVolume": {"region": [w, s, e, n, 10.0, 30.0]}, "geometricError": 0.0},
    }
    (tmp_path / "tileset.json").write_text(json.dumps(doc))
    phi = math.radians(LAT0)
    n_radius = WGS84_A / math.sqrt(1 - WGS84_E2 * math.sin(phi) ** 2)
    east = math.radians(0.001) * n_radius * math.cos(phi)  # 85.4 m at 40°N
    placed = Tileset(tmp_path, LocalProjection(LON0, LAT0), Placement(ground_height_m=0.0))
    assert placed.geolocated
    centre = placed.root.volume.centre
    assert abs(centre[0] - east) < 0.05 and abs(centre[1]) < 0.5 and abs(centre[2] - 20.0) < 1e-9
    assert abs(east - 85.4) < 0.1


def test_box_in_an_enu_transform_and_the_anchor(tmp_path: Path) -> None:
    """A box 100 m east of a tile transform's east-north-up origin comes out 100 m east; a local-frame
    tileset anchored at the same point with heading 90° turns its +y (north) to the east."""
    frame = enu_to_ecef(LON0, LAT0, 0.0)
    box = [0.0, 100.0, 5.0, 1, 0, 0, 0, 1, 0, 0, 0, 5]
    geo = {
        "asset": {"version": "1.0"},
        "root": {
            "transform": frame.T.reshape(-1).tolist(),
            "boundingVolume": {"box": box},
            "geometricError": 0,
        },
    }
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "tileset.json").write_text(json.dumps(geo))
    proj = LocalProjection(LON0, LAT0)
    t = Tileset(tmp_path / "geo", proj, Placement(ground_height_m=0.0))
    assert np.allclose(t.root.volume.centre, [0.0, 100.0, 5.0], atol=0.005)
    local = {"asset": {"version": "1.0"}, "root": {"boundingVolume": {"box": box}, "geometricError": 0}}
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "tileset.json").write_text(json.dumps(local))
    turned = Tileset(tmp_path / "local", proj, Placement(origin=(LON0, LAT0, 0.0), heading_deg=90.0))
    assert not turned.geolocated and not turned.anchored_at_centre
    # ground: the box's bottom (z 0) is the lowest point, so it stays; north 100 m turned to east 100 m
    assert np.allclose(turned.root.volume.centre, [100.0, 0.0, 5.0], atol=0.005)
    moved = Tileset(tmp_path / "local", proj, Placement(offset_m=(1.0, 2.0, 3.0)))
    assert moved.anchored_at_centre
    assert np.allclose(moved.root.volume.centre, [1.0, 102.0, 8.0], atol=0.005)


# --- content formats -----------------------------------------------------------------------------------


def test_b3dm_applies_rtc_and_turns_y_up_to_z_up() -> None:
    tri = np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 2.0, -3.0]])  # y-up
    c = content.parse(sample.b3dm(sample.glb(tri), rtc=(10.0, 20.0, 30.0)), _no_files, "t.b3dm")
    (part,) = c.parts
    assert np.allclose(part.points[2], [10.0, 23.0, 32.0])  # (0, 2, -3) y-up is (0, 3, 2) z-up
    assert part.triangles is not None and part.triangles.tolist() == [[0, 1, 2]]
    assert part.rgb[0].tolist() == [255, 0, 0]


def test_i3dm_places_one_copy_per_instance() -> None:
    tri = np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    c = content.parse(sample.i3dm(sample.glb(tri), np.array([[0, 0, 0], [100, 0, 0]])), _no_files, "t.i3dm")
    (part,) = c.parts
    assert len(part.points) == 6 and part.triangles is not None and part.triangles.tolist()[1] == [3, 4, 5]
    assert np.allclose(part.points[3], [100.0, 0.0, 0.0]) and np.allclose(part.points[5], [100.0, 0.0, 1.0])


def test_pnts_reads_points_and_colours() -> None:
    pos = np.array([[0, 0, 0], [1, 2, 3]], dtype=np.float32)
    c = content.parse(sample.pnts(pos, np.array([[10, 20, 30], [40, 50, 60]])), _no_files, "p.pnts")
    (part,) = c.parts
    assert part.triangles is None and np.allclose(part.points, pos) and part.rgb[1].tolist() == [40, 50, 60]


def test_cmpt_holds_several_inner_tiles() -> None:
    tri = np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    inner = [sample.b3dm(sample.glb(tri)), sample.pnts(np.zeros((4, 3)), np.full((4, 3), 9))]
    body = b"".join(inner)
    data = struct.pack("<4sIII", b"cmpt", 1, 16 + len(body), len(inner)) + body
    c = content.parse(data, _no_files, "both.cmpt")
    assert [p.triangles is None for p in c.parts] == [False, True] and len(c.parts[1].points) == 4


def test_unknown_and_compressed_content_is_refused() -> None:
    with pytest.raises(content.ContentError):
        content.parse(b"xxxx" + bytes(40), _no_files, "a.bin")
    doc = {"asset": {"version": "2.0"}, "extensionsRequired": ["KHR_draco_mesh_compression"]}
    with pytest.raises(content.ContentError, match="draco"):
        content.parse(json.dumps(doc).encode(), _no_files, "a.gltf")


def test_uris_outside_the_folder_are_refused(tmp_path: Path) -> None:
    for uri in ("../secret.glb", "http://example.com/a.glb", "/etc/passwd"):
        unit = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]
        root = {"boundingVolume": {"box": unit}, "geometricError": 0, "content": {"uri": uri}}
        doc = {"asset": {"version": "1.0"}, "root": root}
        (tmp_path / "tileset.json").write_text(json.dumps(doc))
        with pytest.raises(TilesetError):
            Tileset(tmp_path, LocalProjection(LON0, LAT0))


# --- level of detail -----------------------------------------------------------------------------------


def test_screen_space_error_formula() -> None:
    view = View((0.0, 0.0, 0.0), 60.0, 1000)
    # 10 m of error at 100 m with a 60° view 1000 px high: 10 · 1000 / (2 · 100 · tan 30°) = 86.6 px
    assert abs(screen_space_error(10.0, 100.0, view) - 86.6025) < 1e-3


def test_sse_selection_picks_deeper_tiles_closer(tmp_path: Path) -> None:
    ts = Tileset(sample.quadtree(tmp_path), LocalProjection(LON0, LAT0))
    everything = lambda tile: True  # noqa: E731
    far = select(ts, View((0.0, -20_000.0, 20_000.0), 30.0, 800), everything)
    assert [t.key for t in far.render] == ["r"]
    near = select(ts, View((0.0, -100.0, 150.0), 30.0, 800), everything)
    assert sorted(t.key for t in near.render) == ["r.0", "r.1", "r.2", "r.3"]


def test_replace_parent_stays_until_children_load_and_cache_is_bounded(tmp_path: Path) -> None:
    ts = Tileset(sample.quadtree(tmp_path), LocalProjection(LON0, LAT0))
    stream = TileStream(ts, budget=1)  # every tile is over budget: only what is on screen stays
    near = View((0.0, -100.0, 150.0), 30.0, 800)
    try:
        first = stream.update(near)
        assert first.render == [] and first.wanted[0].key == "r"  # the coarse parent is read first
        for _ in range(5):
            stream.wait()
            sel = stream.update(near)
        assert sorted(t.key for t in sel.render) == ["r.0", "r.1", "r.2", "r.3"]
        assert "r" not in stream.cache  # the parent was evicted once its children covered it
        assert set(stream.cache) == {"r.0", "r.1", "r.2", "r.3"}
        part = stream.cache["r.0"].parts[0]
        assert part.points.dtype == np.float32 and abs(float(part.points[:, 0].min()) + 200.0) < 0.01
    finally:
        stream.close()


def test_frustum_culls_tiles_behind_the_camera(tmp_path: Path) -> None:
    ts = Tileset(sample.quadtree(tmp_path), LocalProjection(LON0, LAT0))
    # one plane: only y > 1000 is "in view" (normal +y); nothing of the quadtree is there
    planes = np.array([[0.0, 1.0, 0.0, -1000.0]])
    sel = select(ts, View((0.0, -100.0, 150.0), 30.0, 800, planes), lambda t: True)
    assert sel.render == [] and sel.wanted == []


# --- the samples (../shared/data/3dtiles) --------------------------------------------------------------


@pytest.fixture
def tiles_dir(shared_data: Path) -> Path:
    path = shared_data / "3dtiles"
    if not (path / "TilesetWithRequestVolume" / "tileset.json").is_file():
        pytest.skip("../shared/data/3dtiles is not present")
    return path


def _load_all(stream: TileStream, view: View) -> list[str]:
    for _ in range(10):
        sel = stream.update(view)
        if not stream.pending and not sel.wanted:
            break
        stream.wait()
    return sorted(t.key for t in stream.update(view).render)


def test_sample_1_0_region_tileset_sits_in_its_region(tiles_dir: Path) -> None:
    """TilesetWithRequestVolume: an external city tileset of four b3dm blocks (RTC), a textured b3dm
    building by a 4x4 transform, and a pnts cloud behind a request volume."""
    lon, lat = math.degrees(-1.31968), math.degrees(0.698874)  # the city's middle corner
    ts = Tileset(tiles_dir / "TilesetWithRequestVolume", LocalProjection(lon, lat))
    stream = TileStream(ts)
    try:
        keys = _load_all(stream, View((0.0, -400.0, 400.0), 30.0, 800))
        assert keys == ["r.0+.0", "r.0+.1", "r.0+.2", "r.0+.3", "r.1"]  # the points wait for a close camera
        blocks = np.vstack([stream.cache[k].parts[0].points for k in keys[:4]])
        root = ts.root.volume
        lo, hi = root.centre - np.abs(root.axes).sum(axis=0), root.centre + np.abs(root.axes).sum(axis=0)
        assert (blocks >= lo - 0.5).all() and (blocks <= hi + 0.5).all()
        assert blocks[:, 2].min() > -0.5 and 10.0 < blocks[:, 2].max() < 21.0  # on the ground, ≤ 20 m
        house = stream.cache["r.1"].parts  # two materials over one 119,547-vertex buffer: kept as one
        assert len(house) == 2 and house[0].points is house[1].points and len(house[0].points) == 119_547
        points = ts.root.children[2]
        inside = tuple(points.volume.centre + np.array([0.0, 5.0, 5.0]))
        assert "r.2" in _load_all(stream, View(inside, 30.0, 800))
        (cloud,) = stream.cache["r.2"].parts
        assert len(cloud.points) == 125_000 and cloud.triangles is None
    finally:
        stream.close()


def test_sample_1_1_multiple_contents_all_drawn(tiles_dir: Path) -> None:
    """MetadataGranularities: four tiles of five glb contents each (a house and four trees), in a local
    frame: anchored where asked, every content read."""
    origin = (LON0, LAT0, 0.0)
    ts = Tileset(tiles_dir / "MetadataGranularities", LocalProjection(LON0, LAT0), Placement(origin=origin))
    stream = TileStream(ts)
    try:
        keys = _load_all(stream, View((0.0, -80.0, 80.0), 30.0, 800))
        assert keys == ["r.0", "r.1", "r.2", "r.3"]
        assert all(len(ts.root.children[i].contents) == 5 for i in range(4))
        parts = [p for k in keys for p in stream.cache[k].parts]
        assert sum(p.texture is not None for p in parts) == 16  # the trees: a colour-atlas texture each
        allp = np.vstack([p.points for p in parts])
        assert np.abs(allp[:, :2]).max() < 25.0 and abs(float(allp[:, 2].min())) < 0.1
    finally:
        stream.close()


def test_malformed_tilesets_raise_tileset_error(tmp_path: Path) -> None:
    """What the window catches: a tile without a volume, a bad number, a tree deeper than Python recurses."""
    unit = [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]
    tile = '{"boundingVolume": {"box": ' + json.dumps(unit) + '}, "geometricError": 0'
    deep = (tile + ', "children": [') * 3000 + tile + "}" + "]}" * 3000  # json.dumps cannot nest this deep
    roots = [json.dumps({"geometricError": 0}), tile + ', "geometricError": "x"}', deep]
    for root in roots:
        (tmp_path / "tileset.json").write_text('{"asset": {"version": "1.0"}, "root": ' + root + "}")
        with pytest.raises(TilesetError):
            Tileset(tmp_path, LocalProjection(LON0, LAT0))
