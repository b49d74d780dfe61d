"""Checks and builders for the places of the standard address (compounds, buildings, rooms, gates, roads)
and of the basemap around them (water and green areas)."""

from __future__ import annotations

import re
from datetime import date

import numpy as np

from sandbox_app.data.checks import Checker, Texts, extras
from sandbox_app.data.context import Builder, Context
from sandbox_app.data.files import Source
from sandbox_app.data.problems import quoted
from sandbox_app.domain.enums import RoomUsage
from sandbox_app.domain.grids import Grid
from sandbox_app.domain.model import AREA_KINDS, Area, Building, Compound, Gate, Road, Room
from sandbox_app.domain.reals import DATE_COLUMNS, ORG_CONTACT, ORG_ID, ORG_NAME, ORG_PHONE, ORG_TYPE, OrgType

_HOURS = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_USAGE = {u.value: u for u in RoomUsage}
"""Dict lookups: calling an Enum class per row costs more than the rest of building a Room."""


def check_compounds(src: Source, ctx: Context) -> Builder:
    c = Checker(src, ctx.problems)
    c.has_columns(["id"])
    ids = c.ids()
    names = c.text("name", default=ids)
    geoms = ctx.wgs84(c.geometry("Polygon"))
    extra = extras(src, ("id", "name"))
    ctx.define("compounds", ids if "id" in src.frame.columns else None)
    return lambda: {i: Compound(i, n, g, e) for i, n, g, e in zip(ids, names, geoms, extra, strict=True)}


def check_buildings(src: Source, ctx: Context) -> Builder:
    c = Checker(src, ctx.problems)
    c.has_columns(["id", "compound_id", "floors"])
    ids = c.ids()
    compound = c.text("compound_id", required=True)
    c.refs("compound_id", compound, ctx.ids.get("compounds"), "compound")
    names = c.text("name", default=ids)
    floors = c.number("floors", required=True, integer=True, minimum=1)
    height = c.number("height_m", minimum=1)
    geoms = ctx.wgs84(c.geometry("Polygon"))
    _check_reals(c)
    extra = extras(src, ("id", "compound_id", "name", "floors", "height_m"))
    ctx.define("buildings", ids if "id" in src.frame.columns else None)
    ctx.remember("floors", ids, floors)

    def build() -> dict[str, Building]:
        heights = [None if np.isnan(h) else float(h) for h in height.tolist()]
        rows = zip(ids, compound, names, floors.astype(np.int64).tolist(), geoms, heights, extra, strict=True)
        return {i: Building(i, cid, n, f, g, h, e) for i, cid, n, f, g, h, e in rows}

    return build


def check_rooms(src: Source, ctx: Context) -> Builder:
    c = Checker(src, ctx.problems)
    c.has_columns(["id", "building_id", "floor", "usage"])
    ids = c.ids()
    building = c.text("building_id", required=True)
    known = c.refs("building_id", building, ctx.ids.get("buildings"), "building")
    entrance = c.text("entrance")
    floor = c.number("floor", required=True, integer=True)
    _check_floor(c, floor, ctx.lookup("floors", building), known)
    number = c.text("number", default=ids)
    usage = c.enum("usage", _USAGE)
    _check_reals(c)
    extra = extras(src, ("id", "building_id", "entrance", "floor", "number", "usage"))
    ctx.define("rooms", ids if "id" in src.frame.columns else None)
    ctx.remember("room_building", ids, building)

    def build() -> dict[str, Room]:
        rows = zip(
            ids, building, entrance, floor.astype(np.int64).tolist(), number, usage, extra, strict=True
        )
        return {i: Room(i, b, en, f, nu, _USAGE[u], e) for i, b, en, f, nu, u, e in rows}

    return build


def _iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return len(text) == 10 or text[10] in "T "


def _check_dates(c: Checker, col: str, values: Texts) -> None:
    bad = np.array([bool(v) and not _iso_date(v) for v in values.tolist()], dtype=np.bool_)
    c.report(bad, col, lambda i: f"bad date '{quoted(values[i])}': expected YYYY-MM-DD")


def _check_reals(c: Checker) -> None:
    """The optional 实有单位 and rental-register columns (`domain.reals`), kept in `extra`: a known
    organisation type, ISO dates, and no organisation detail without the organisation's id."""
    columns = c.src.frame.columns
    c.enum(ORG_TYPE, {t.value for t in OrgType}, required=False)
    for col in DATE_COLUMNS:
        if col in columns:
            _check_dates(c, col, c.text(col))
    details = [c.text(col) for col in (ORG_NAME, ORG_TYPE, ORG_CONTACT, ORG_PHONE) if col in columns]
    if details:
        given = np.logical_or.reduce([d != "" for d in details])
        c.report(given & (c.text(ORG_ID) == ""), ORG_ID, "organisation details without an org_id")


def _check_floor(c: Checker, floor: np.ndarray, building_floors: np.ndarray, known: np.ndarray) -> None:
    """China counts the ground floor as 1 and basements as -1, -2; a room cannot be above its roof."""
    c.report(floor == 0, "floor", "there is no floor 0: the ground floor is 1, basements are -1, -2, ...")
    top = np.asarray(building_floors, dtype=np.float64)
    above = known & (floor > top)
    c.report(above, "floor", lambda i: f"floor {floor[i]:g} is above the building's {top[i]:g} floors")


def check_gates(src: Source, ctx: Context) -> Builder:
    c = Checker(src, ctx.problems)
    c.has_columns(["id"])
    ids = c.ids()
    names = c.text("name", default=ids)
    compound = c.text("compound_id")
    c.refs("compound_id", compound, ctx.ids.get("compounds"), "compound")
    hours = c.text("closed_hours")
    bad = np.array([not _hours_ok(h) for h in hours.tolist()], dtype=np.bool_)
    why = "expected local hours like '23-6' or '12-13;22-6' (0-24)"
    c.report(bad, "closed_hours", lambda i: f"bad closed_hours '{quoted(hours[i])}': {why}")
    geoms = ctx.wgs84(c.geometry("Point"))
    extra = extras(src, ("id", "name", "compound_id", "closed_hours"))
    ctx.define("gates", ids if "id" in src.frame.columns else None)

    def build() -> dict[str, Gate]:
        rows = zip(ids, names, geoms, compound, hours, extra, strict=True)
        return {i: Gate(i, n, g, cid or None, h, e) for i, n, g, cid, h, e in rows}

    return build


def check_grids(src: Source, ctx: Context) -> Builder:
    """网格: polygons with their grid worker (`worker`, a guard id of the package)."""
    c = Checker(src, ctx.problems)
    c.has_columns(["id"])
    ids = c.ids()
    names = c.text("name", default=ids)
    worker = c.text("worker")
    c.refs("worker", worker, ctx.ids.get("guards"), "guard")
    geoms = ctx.wgs84(c.geometry("Polygon"))
    extra = extras(src, ("id", "name", "worker"))
    ctx.define("grids", ids if "id" in src.frame.columns else None)

    def build() -> dict[str, Grid]:
        rows = zip(ids, names, geoms, worker, extra, strict=True)
        return {i: Grid(i, n, g, w, e) for i, n, g, w, e in rows}

    return build


def _hours_ok(text: str) -> bool:
    """ "" (always open) or `;`-separated `start-end` local hours; a range may wrap past midnight."""
    if not text:
        return True
    for part in text.replace(" ", "").split(";"):
        m = _HOURS.match(part)
        if m is None:
            return False
        start, end = int(m.group(1)), int(m.group(2))
        if start > 24 or end > 24 or start == end:
            return False
    return True


def check_roads(src: Source, ctx: Context) -> Builder:
    c = Checker(src, ctx.problems)
    c.has_columns(["id", "kind"])
    ids = c.ids()
    kind: Texts = c.text("kind", required=True)
    oneway = c.boolean("oneway")
    geoms = ctx.wgs84(c.geometry("LineString"))
    extra = extras(src, ("id", "kind", "oneway"))
    ctx.define("roads", ids if "id" in src.frame.columns else None)

    def build() -> dict[str, Road]:
        rows = zip(ids, kind, geoms, oneway.tolist(), extra, strict=True)
        return {i: Road(i, k, g, o, e) for i, k, g, o, e in rows}

    return build


def check_areas(src: Source, ctx: Context) -> Builder:
    """水域 / 绿地: water and green polygons of the basemap, each of a kind in `AREA_KINDS`."""
    c = Checker(src, ctx.problems)
    c.has_columns(["id", "kind"])
    ids = c.ids()
    kind = c.enum("kind", AREA_KINDS)
    names = c.text("name")
    geoms = ctx.wgs84(c.geometry("Polygon"))
    extra = extras(src, ("id", "kind", "name"))
    ctx.define("areas", ids if "id" in src.frame.columns else None)

    def build() -> dict[str, Area]:
        rows = zip(ids, kind, geoms, names, extra, strict=True)
        return {i: Area(i, k, g, n, e) for i, k, g, n, e in rows}

    return build
