"""The 3D sandbox's label atlas without a display: tags rasterised once, packed without overlap, and placed by
priority so that no two labels overlap and the more important one wins."""

from __future__ import annotations

import numpy as np
from vtkmodules.vtkRenderingCore import vtkRenderer

from widgets.sandbox3d_labels import PAD_PX, Billboards, pack, rasterise
from widgets.sandbox3d_overlay import LABEL_PX, text_property

W, H = 400, 300


def _billboards() -> Billboards:
    return Billboards(vtkRenderer(), text_property(LABEL_PX, centred=False), max_fraction=0.5)


def _screen() -> np.ndarray:
    """A view matrix mapping world x, y in 0..W, 0..H straight onto the pane (depth ignored)."""
    m = np.zeros((4, 4))
    m[0, 0], m[0, 3] = 2.0 / W, -1.0
    m[1, 1], m[1, 3] = 2.0 / H, -1.0
    m[3, 3] = 1.0
    return m


def test_a_tag_is_the_text_on_a_padded_white_tag() -> None:
    tag = rasterise("3号楼", text_property(LABEL_PX, centred=False))
    h, w, channels = tag.shape
    assert channels == 4 and w > 2 * PAD_PX + 10 and h > 2 * PAD_PX + 8
    assert (tag[0, :, :3] == 255).all(), "the padding is the white tag"
    assert tag[:, :, :3].min() < 100, "dark text on it"


def test_tiles_are_packed_side_by_side_without_overlap() -> None:
    tiles = [np.full((10 + i, 300, 4), i, dtype=np.uint8) for i in range(12)]
    atlas, boxes = pack(tiles, width=1000)
    cover = np.zeros(atlas.shape[:2], dtype=int)
    for i, (x, y, w, h) in enumerate(boxes):
        cover[y : y + h, x : x + w] += 1
        assert (atlas[y : y + h, x : x + w] == i).all()
    assert cover.max() == 1


def test_labels_never_overlap_and_the_higher_priority_wins() -> None:
    labels = _billboards()
    xyz = np.array([[100.0, 100.0, 0.0], [104.0, 102.0, 0.0], [300.0, 200.0, 0.0], [900.0, 100.0, 0.0]])
    labels.set(xyz, ["低优先", "高优先级名称", "远处", "画面外"], np.array([1.0, 5.0, 0.5, 9.0]))
    labels._place(_screen(), W, H)
    assert sorted(labels.placed.tolist()) == [1, 2], "the clash keeps the higher priority; off-screen is left"
    r = labels.rects
    x0, y0, x1, y1 = r[:, 0], r[:, 1], r[:, 0] + r[:, 2], r[:, 1] + r[:, 3]
    assert x1[0] <= x0[1] or x1[1] <= x0[0] or y1[0] <= y0[1] or y1[1] <= y0[0]
    assert labels.shapes.GetNumberOfCells() == 2
    # The same text again costs no new tile.
    tiles = len(labels._images)
    labels.set(xyz[:2], ["远处", "低优先"], np.array([1.0, 2.0]))
    assert len(labels._images) == tiles


def test_the_covered_share_of_the_pane_is_capped() -> None:
    labels = Billboards(vtkRenderer(), text_property(LABEL_PX, centred=False), max_fraction=0.05)
    grid = np.array([[x, y, 0.0] for x in range(20, W, 60) for y in range(20, H, 30)], dtype=np.float64)
    labels.set(grid, [f"{i}号楼" for i in range(len(grid))], np.arange(len(grid), dtype=np.float64))
    labels._place(_screen(), W, H)
    area = float((labels.rects[:, 2] * labels.rects[:, 3]).sum())
    last = float(labels.rects[-1, 2] * labels.rects[-1, 3])
    assert 0 < len(labels.placed) < len(grid)
    assert area - last <= 0.05 * W * H, "placing stops once the share is used"
