"""Finding a place by standard address, name or id: exact first, then the most general containing match;
an ambiguous address gives no point."""

from __future__ import annotations

from sandbox_app.geo.locate import best_point, locate
from tests.layers.sample import small_district


def test_exact_then_general_first() -> None:
    d = small_district()
    assert [p.id for p in locate(d, "测试一区1幢")] == ["B1", "R101", "R102"]
    assert locate(d, "测试一区 1幢 1单元 101室")[0].id == "R101"
    assert locate(d, "b2")[0].kind == "building"
    assert [p.id for p in locate(d, "幢", limit=2)] == ["B1", "B2"]
    assert locate(d, "no such place") == [] and locate(d, "  ") == []


def test_best_point_needs_one_place() -> None:
    d = small_district()
    b1 = d.buildings["B1"].footprint.representative_point()
    assert best_point(d, "测试一区1幢") == (b1.x, b1.y)  # exact address of the building
    assert best_point(d, "101室") == (b1.x, b1.y)  # the only such room: its building's point
    gate = d.gates["G1"].location
    assert best_point(d, "南门") == (gate.x, gate.y)
    assert best_point(d, "幢") is None  # every building: ambiguous
    assert best_point(d, "") is None
