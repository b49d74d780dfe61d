"""Labels of the 3D sandbox: compound names on the ground, building numbers on the roofs.

The renderer places them as billboards and drops the ones that would collide, keeping the higher priority:
compound names first (named compounds before the package's "open areas", larger first), then building
numbers (taller and larger first). A building label is its number as officers say it ("3号楼"), the
compound's name cut off the front, so a full address does not cover the block next to it.
"""

from __future__ import annotations

import re

import numpy as np
import shapely

from layers.data import LayerData
from layers.extrude import BuildingMesh
from layers.projection import LocalProjection
from sandbox_app.domain.model import District

NAME = "labels3d"
COMPOUND_Z_M = 3.0
ROOF_LIFT_M = 2.0
COMPOUND_PRIORITY = 1_000_000.0
GUARD_PRIORITY = 900_000.0
"""Guards' ids (placed by the renderer with these labels) rank under every compound name and over every
building number: who is where matters more than which block it is."""
OPEN_KINDS = frozenset({"open"})
"""Compounds of these kinds are the package's unnamed open areas: labelled after the named ones."""
MAX_NAME_CHARS = 8
"""A building without a number keeps its name only when it is this short (a gym, a dormitory)."""
_NUMBER = re.compile(r"(\d+\s*[号幢栋座#]?\s*楼?)\s*$")


def building_label(name: str, compound_name: str = "") -> str:
    """ "中建壹品·学府公馆4号楼" → "4号楼"; a short name without a number stays; a long one gives ""."""
    rest = name[len(compound_name) :] if compound_name and name.startswith(compound_name) else name
    found = _NUMBER.search(rest)
    if found:
        return found.group(1).replace(" ", "")
    rest = rest.strip()
    return rest if len(rest) <= MAX_NAME_CHARS else ""


def layer(district: District, proj: LocalProjection, mesh: BuildingMesh) -> LayerData:
    """`extra`: "xyz" (n, 3) anchors in metres, "text" (n,), "priority" (n,) higher kept first, "kind"
    (n,) "compound" or "building"."""
    xyz: list[tuple[float, float, float]] = []
    text: list[str] = []
    priority: list[float] = []
    kind: list[str] = []
    compounds = [c for c in district.compounds.values() if c.name]
    if compounds:
        points = shapely.point_on_surface(np.asarray([c.boundary for c in compounds], dtype=object))
        lonlat = shapely.get_coordinates(points)
        xy = proj.to_xy(lonlat[:, 0], lonlat[:, 1])
        for c, (x, y) in zip(compounds, xy, strict=True):
            area = float(c.boundary.area) * 1e10  # deg² → roughly m²; only the order matters
            named = str(c.extra.get("kind", "")) not in OPEN_KINDS
            xyz.append((float(x), float(y), COMPOUND_Z_M))
            text.append(c.name)
            priority.append(COMPOUND_PRIORITY * (2.0 if named else 1.0) + min(area, COMPOUND_PRIORITY - 1))
            kind.append("compound")
    names = {c.id: c.name for c in district.compounds.values()}
    for b, building_id in enumerate(mesh.ids):
        building = district.buildings.get(building_id)
        if building is None:
            continue
        label = building_label(building.name, names.get(building.compound_id, ""))
        if not label:
            continue
        x, y = (float(v) for v in mesh.anchor[b])
        xyz.append((x, y, float(mesh.height[b]) + ROOF_LIFT_M))
        text.append(label)
        priority.append(float(mesh.height[b]) * 100.0 + float(building.footprint.area) * 1e8)
        kind.append("building")
    extra: dict[str, object] = {
        "xyz": np.asarray(xyz, dtype=np.float64).reshape(-1, 3),
        "text": tuple(text),
        "priority": np.asarray(priority, dtype=np.float64),
        "kind": tuple(kind),
    }
    return LayerData(NAME, z=60, extra=extra)
