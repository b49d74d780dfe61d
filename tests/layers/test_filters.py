"""Element filters (issue 24): which elements a filter keeps, the counts beside each filter, and the layers
and 3D district with the rest faded or left out."""

from __future__ import annotations

import dataclasses

import numpy as np
from shapely.geometry import Polygon

from layers import buildings, cameras, compounds, devices, gates
from layers.filters import ElementFilter, apply, facet_counts, select, sub_district
from layers.projection import LocalProjection
from sandbox_app.domain.grids import GRIDS_KEY, Grid
from sandbox_app.domain.model import Building, Compound, District
from tests.layers.sample import at, box, small_district


def _two_compounds() -> District:
    d = small_district()
    d.compounds["C1"].extra["grid"] = "第一网格"
    d.compounds["C2"] = Compound("C2", "测试二区", box(400, 0, 100), {"grid": "第二网格"})
    d.buildings["B9"] = Building("B9", "C2", "9幢", 5, box(400, 0, 20))
    return d


def test_counts_are_per_value_of_each_facet() -> None:
    counts = facet_counts(_two_compounds())
    assert counts["usage"] == {"rental": 1, "owner": 2, "group_rental": 1}
    assert counts["tag"] == {"elderly_alone": 1}
    assert counts["kind"]["smart_lock"] == 1 and counts["kind"]["face_gate"] == 1
    assert counts["circle"]["outer"] == 1  # the face gate
    assert counts["compound"] == {"C1": 3, "C2": 1}
    assert counts["grid"] == {"第一网格": 3, "第二网格": 1}


def test_no_filter_keeps_everything() -> None:
    sel = select(small_district(), ElementFilter())
    assert sel.buildings is None and sel.devices is None and sel.gates is None and sel.compounds is None


def test_values_of_one_facet_are_alternatives_facets_must_all_hold() -> None:
    d = _two_compounds()
    assert select(d, ElementFilter.of(usage=["rental"])).buildings == frozenset({"B1"})
    assert select(d, ElementFilter.of(usage=["rental", "group_rental"])).buildings == frozenset({"B1", "B3"})
    assert select(d, ElementFilter.of(tag=["elderly_alone"])).buildings == frozenset({"B2"})
    assert select(d, ElementFilter.of(usage=["rental"], tag=["elderly_alone"])).buildings == frozenset()
    assert select(d, ElementFilter.of(usage=["rental"], compound=["C2"])).buildings == frozenset()


def test_device_kind_circle_and_place() -> None:
    d = _two_compounds()
    assert select(d, ElementFilter.of(circle=["outer"])).devices == frozenset({"D3"})
    assert select(d, ElementFilter.of(kind=["smart_lock", "door_magnet"])).devices == frozenset({"D1", "D2"})
    sel = select(d, ElementFilter.of(grid=["第二网格"]))
    assert (
        sel.buildings == frozenset({"B9"})
        and sel.devices == frozenset()
        and sel.gates == frozenset()
        and sel.compounds == frozenset({"C2"})
    )
    sel = select(d, ElementFilter.of(compound=["C1"]))
    assert sel.devices == frozenset(
        {
            "D1",
            "D2",
            "D3",
        }
    )  # the free camera, trackers: no compound
    assert sel.gates == frozenset({"G1"})


def test_layers_fade_shapes_and_drop_markers() -> None:
    d = _two_compounds()
    proj = LocalProjection.for_district(d)
    sel = select(d, ElementFilter.of(usage=["rental"], circle=["outer"]))
    b = apply(buildings.layer(d, proj), sel).polygons
    assert b is not None
    alpha = dict(zip(b.ids, b.fill[:, 3], strict=True))
    original = buildings.layer(d, proj).polygons
    assert original is not None
    assert alpha["B1"] == original.fill[original.ids.index("B1"), 3]
    assert alpha["B2"] < original.fill[original.ids.index("B2"), 3] // 4
    pts = apply(devices.layer(d, proj), sel).points
    assert pts is not None and pts.ids == ("D3",)
    cams = apply(cameras.layer(d, proj, {}), sel)
    assert cams.polygons is None or len(cams.polygons) == 0
    gate_layer, compound_layer = gates.layer(d, proj), compounds.layer(d, proj)
    assert apply(gate_layer, sel) is gate_layer  # no place facet: gates and compounds stay
    assert apply(compound_layer, sel) is compound_layer


def test_polygons_left_out_keep_their_rings() -> None:
    d = _two_compounds()
    d.devices["D5"] = dataclasses.replace(d.devices["D4"], id="D5", name="西路口")
    proj = LocalProjection.for_district(d)
    full = cameras.layer(d, proj, {}).polygons
    kept = apply(cameras.layer(d, proj, {}), select(d, ElementFilter.of(kind=["camera"]))).polygons
    assert full is not None and kept is not None and kept.ids == full.ids
    for k in range(len(kept)):
        assert [r.tolist() for r in kept.rings_of(k)] == [r.tolist() for r in full.rings_of(k)]


def test_sub_district_is_what_3d_draws() -> None:
    d = _two_compounds()
    sub = sub_district(d, select(d, ElementFilter.of(usage=["group_rental"], kind=["face_gate"])))
    assert set(sub.buildings) == {"B3"} and set(sub.devices) == {"D3"}
    assert sub.rooms is d.rooms and set(d.buildings) == {"B1", "B2", "B3", "B9"}
    assert sub_district(d, select(d, ElementFilter())) is d


def test_remembered_filter_round_trips_and_survives_junk() -> None:
    flt = ElementFilter.of(usage=["rental"], grid=["第一网格"], nonsense=["x"])
    assert ElementFilter.from_json(flt.to_json()) == flt
    assert "nonsense" not in flt.chosen
    assert ElementFilter.from_json("garbage") == ElementFilter()
    assert ElementFilter.from_json({"usage": "rental"}) == ElementFilter()


def test_per_marker_extras_stay_aligned() -> None:
    d = _two_compounds()
    proj = LocalProjection.for_district(d)
    layer = devices.layer(d, proj)
    assert layer.points is not None
    n = len(layer.points)
    layer = dataclasses.replace(layer, extra={**layer.extra, "health": tuple(layer.points.ids), "n": n})
    kept = apply(layer, select(d, ElementFilter.of(kind=["door_magnet", "smart_lock"])))
    assert kept.points is not None and kept.extra["health"] == kept.points.ids == ("D1", "D2")
    kind_rgba = kept.extra.get("kind_rgba")
    if isinstance(kind_rgba, np.ndarray):
        assert len(kind_rgba) == 2
    assert kept.extra["n"] == n


def _with_grid_polygons() -> District:
    """small_district split by the package's grid polygons: 西 holds B1 and B3, 东 holds B2 and the camera."""
    d = small_district()
    west = Polygon([at(-120, -90), at(-5, -90), at(-5, 120), at(-120, 120)])
    east = Polygon([at(5, -90), at(120, -90), at(120, 120), at(5, 120)])
    d.extra[GRIDS_KEY] = [
        Grid("WG01", "西网格", west, "GU2").to_json(),
        Grid("WG02", "东网格", east).to_json(),
    ]
    return d


def test_grids_of_the_package_pick_elements_by_where_they_are() -> None:
    d = _with_grid_polygons()
    assert facet_counts(d)["grid"] == {"WG01": 2, "WG02": 1}
    sel = select(d, ElementFilter.of(grid=["WG02"]))
    assert sel.buildings == frozenset({"B2"})
    assert sel.devices == frozenset({"D2", "D4"})  # B2's door magnet and the free camera at (80, -80)
    assert sel.gates == frozenset()  # the south gate (0, -100) lies in no grid
    sel = select(d, ElementFilter.of(grid=["WG01"], usage=["group_rental"]))
    assert sel.buildings == frozenset({"B3"}) and sel.devices == frozenset({"D1"})
