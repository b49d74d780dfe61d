"""Checks and builders for what lives in the places: people, devices and the guards who carry trackers."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray

from sandbox_app.data.checks import Bools, Checker, Texts, extras
from sandbox_app.data.context import Builder, Context
from sandbox_app.data.files import Source
from sandbox_app.data.problems import quoted
from sandbox_app.domain.device_kinds import DEVICE_KINDS, Circle, Placement
from sandbox_app.domain.enums import GuardRole, PersonTag, Relation
from sandbox_app.domain.model import Device, Guard, Person

_DEVICE_FIELDS = ("id", "kind", "name", "room_id", "building_id", "gate_id")
# Dict lookups: calling an Enum class per row costs more than the rest of building the object.
_RELATION = {r.value: r for r in Relation}
_TAG = {t.value: t for t in PersonTag}
_ROLE = {r.value: r for r in GuardRole}
_PLACEMENT = {p.value: p for p in Placement}


def check_people(src: Source, ctx: Context) -> Builder:
    c = Checker(src, ctx.problems)
    c.has_columns(["id", "relation"])
    ids = c.ids()
    names = c.text("name", default=ids)
    room = c.text("room_id")
    c.refs("room_id", room, ctx.ids.get("rooms"), "room")
    relation = c.enum("relation", _RELATION)
    tags = c.multi("tags", _TAG)
    credentials = c.multi("credentials")
    extra = extras(src, ("id", "name", "room_id", "relation", "tags", "credentials"))
    ctx.define("people", ids if "id" in src.frame.columns else None)

    def build() -> dict[str, Person]:
        typed = {s: frozenset(_TAG[t] for t in s) for s in set(tags)}
        rows = zip(ids, names, room, relation, tags, credentials, extra, strict=True)
        return {
            i: Person(i, n, r or None, _RELATION[rel], typed[tg], cr, e) for i, n, r, rel, tg, cr, e in rows
        }

    return build


def check_devices(src: Source, ctx: Context) -> Builder:
    c = Checker(src, ctx.problems)
    c.has_columns(["id", "kind"])
    ids = c.ids()
    kind = c.enum("kind", DEVICE_KINDS.keys())
    names = c.text("name", default=ids)
    room, building, gate = c.text("room_id"), c.text("building_id"), c.text("gate_id")
    c.refs("room_id", room, ctx.ids.get("rooms"), "room")
    c.refs("building_id", building, ctx.ids.get("buildings"), "building")
    c.refs("gate_id", gate, ctx.ids.get("gates"), "gate")
    _check_room_in_building(c, room, building, ctx.lookup("room_building", room))
    placement = np.select([room != "", building != "", gate != ""], ["room", "building", "gate"], "point")
    location, given = _device_locations(c, src, ctx)
    _check_placement(c, kind, placement, given)
    fields = (*_DEVICE_FIELDS, "lon", "lat") if src.geometry is None else _DEVICE_FIELDS
    extra = extras(src, fields)
    ctx.define("devices", ids if "id" in src.frame.columns else None)
    ctx.remember("device_kind", ids, kind)

    def build() -> dict[str, Device]:
        rows = zip(ids, kind, names, placement.tolist(), room, building, gate, location, extra, strict=True)
        return {
            i: Device(i, k, n, _PLACEMENT[p], r or None, b or None, g or None, loc, e)
            for i, k, n, p, r, b, g, loc, e in rows
        }

    return build


def _check_room_in_building(c: Checker, room: Texts, building: Texts, room_building: NDArray[Any]) -> None:
    """A device given both a room and a building must not contradict the rooms file."""
    known = pd.notna(room_building)
    clash = (room != "") & (building != "") & known & (room_building != building)
    why = "room '{}' is in building '{}', not '{}'"
    c.report(clash, "building_id", lambda i: why.format(room[i], room_building[i], building[i]))


def _device_locations(c: Checker, src: Source, ctx: Context) -> tuple[NDArray[np.object_], Bools]:
    """Points from the layer's geometry, or from optional `lon`/`lat` columns of a table; None if absent.
    Also which rows tried to give a location, so a bad one is not reported a second time as missing."""
    if src.geometry is not None:
        return ctx.wgs84(c.geometry("Point", nullable=True)), ~shapely.is_missing(src.geometry)
    lon, lat = c.number("lon"), c.number("lat")
    lon_blank = np.asarray(c.text("lon") == "", dtype=np.bool_)
    lat_blank = np.asarray(c.text("lat") == "", dtype=np.bool_)
    c.report(lon_blank & ~lat_blank, "lon", "lat is given, lon is empty")
    c.report(lat_blank & ~lon_blank, "lat", "lon is given, lat is empty")
    c.report(np.abs(lon) > 180, "lon", lambda i: f"longitude {lon[i]:g} outside -180..180")
    c.report(np.abs(lat) > 90, "lat", lambda i: f"latitude {lat[i]:g} outside -90..90")
    ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    points = np.full(len(src), None, dtype=object)
    points[ok] = shapely.points(lon[ok], lat[ok])
    return ctx.wgs84(points), ~(lon_blank & lat_blank)


def _check_placement(c: Checker, kind: Texts, placement: NDArray[Any], located: Bools) -> None:
    """The kinds table says where a kind may be; a fixed device on a point must say where the point is."""
    specs = [DEVICE_KINDS.get(k) for k in kind.tolist()]
    allowed = [", ".join(sorted(s.placements)) if s else "" for s in specs]
    misplaced = np.array(
        [
            s is not None and Placement(p) not in s.placements
            for s, p in zip(specs, placement.tolist(), strict=True)
        ],
        dtype=np.bool_,
    )
    misplaced_why = [
        f"a {k} cannot be placed at a {p}; allowed: {a}"
        for k, p, a in zip(kind.tolist(), placement.tolist(), allowed, strict=True)
    ]
    for where, field in (
        ("room", "room_id"),
        ("building", "building_id"),
        ("gate", "gate_id"),
        ("point", "kind"),
    ):
        c.report(misplaced & (placement == where), field, lambda i: misplaced_why[i])
    fixed = np.array([s is not None and s.circle != Circle.MOBILE for s in specs], dtype=np.bool_)
    lost = ~misplaced & fixed & (placement == "point") & ~located
    c.report(lost, "geometry", lambda i: f"a {kind[i]} on a point needs a location (geometry or lon/lat)")


def check_guards(src: Source, ctx: Context) -> Builder:
    c = Checker(src, ctx.problems)
    c.has_columns(["id", "role"])
    ids = c.ids()
    names = c.text("name", default=ids)
    role = c.enum("role", _ROLE)
    device = c.text("device_id")
    known = c.refs("device_id", device, ctx.ids.get("devices"), "device")
    _check_trackers(c, ids, device, known, ctx.lookup("device_kind", device))
    extra = extras(src, ("id", "name", "role", "device_id"))
    ctx.define("guards", ids if "id" in src.frame.columns else None)

    def build() -> dict[str, Guard]:
        rows = zip(ids, names, role, device, extra, strict=True)
        return {i: Guard(i, n, _ROLE[r], d or None, e) for i, n, r, d, e in rows}

    return build


def _check_trackers(c: Checker, ids: Texts, device: Texts, known: Bools, kinds: NDArray[Any]) -> None:
    """A guard's position comes from its device's gps.fix events, so the device must send them, and only
    one guard may carry it (else two guards would share one dot on the map)."""
    spec = [DEVICE_KINDS.get(k) if isinstance(k, str) else None for k in kinds.tolist()]
    no_gps = np.array([s is not None and "gps.fix" not in s.emits for s in spec], dtype=np.bool_) & known
    c.report(
        no_gps, "device_id", lambda i: f"device '{quoted(device[i])}' is a {kinds[i]}, which sends no gps.fix"
    )
    series = pd.Series(device)
    shared = series.duplicated(keep="first").to_numpy() & (device != "")
    if np.any(shared):
        first = series.groupby(series, sort=False).transform(lambda s: s.index[0]).to_numpy()
        c.report(
            shared,
            "device_id",
            lambda i: f"device '{quoted(device[i])}' is already carried by '{quoted(ids[first[i]])}'",
        )
