"""Rows ⇄ domain objects for both stores: geometry as WKB, `extra` and `data` as JSON text.

Kept apart from the connection handling so the PostgreSQL backend can reuse the same encodings (WKB is what
PostGIS speaks natively) and so a round trip can be tested without a database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import orjson
import shapely
from shapely.geometry import LineString, Point, Polygon

from sandbox_app.domain.alerts import Alert, Step
from sandbox_app.domain.device_kinds import Placement
from sandbox_app.domain.enums import AlertState, GuardRole, PersonTag, Relation, RoomUsage, Severity
from sandbox_app.domain.model import (
    Area,
    Building,
    Compound,
    Device,
    District,
    Gate,
    Guard,
    Person,
    Road,
    Room,
)

Row = tuple[Any, ...]

_EMPTY = "{}"


def dumps(value: Any) -> str:
    """JSON text; numpy scalars and non-string keys (pandas-read extras) are accepted, the keys as text."""
    if not value and isinstance(value, dict):
        return _EMPTY
    return orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS).decode()


def loads(text: str) -> Any:
    return orjson.loads(text)


def wkb(geom: shapely.Geometry | None) -> bytes | None:
    return None if geom is None else shapely.to_wkb(geom)


def _point(value: Any) -> Point | None:
    return None if value is None else _geom(value, Point)


def _geom(value: Any, kind: type[Any]) -> Any:
    """A geometry of the expected type, from WKB or already decoded in bulk by `decode_entities`."""
    geom = shapely.from_wkb(value) if isinstance(value, bytes) else value
    if not isinstance(geom, kind):
        raise ValueError(f"stored geometry is {geom.geom_type}, expected {kind.__name__}")
    return geom


def _strings(values: frozenset[str]) -> str:
    return dumps(sorted(values))


# Each table: (name, columns, encode entity → row, decode row → entity).
Codec = tuple[str, Sequence[str], Callable[[Any], Row], Callable[[Row], Any]]

CODECS: dict[str, Codec] = {
    "compounds": (
        "compounds",
        ("id", "name", "boundary", "extra", "community", "street", "county"),
        lambda c: (c.id, c.name, wkb(c.boundary), dumps(c.extra), c.community, c.street, c.county),
        lambda r: Compound(r[0], r[1], _geom(r[2], Polygon), loads(r[3]), r[4], r[5], r[6]),
    ),
    "buildings": (
        "buildings",
        ("id", "compound_id", "name", "floors", "footprint", "height_m", "extra"),
        lambda b: (b.id, b.compound_id, b.name, b.floors, wkb(b.footprint), b.height_m, dumps(b.extra)),
        lambda r: Building(r[0], r[1], r[2], r[3], _geom(r[4], Polygon), r[5], loads(r[6])),
    ),
    "rooms": (
        "rooms",
        ("id", "building_id", "entrance", "floor", "number", "usage", "extra"),
        lambda m: (m.id, m.building_id, m.entrance, m.floor, m.number, str(m.usage), dumps(m.extra)),
        lambda r: Room(r[0], r[1], r[2], r[3], r[4], RoomUsage(r[5]), loads(r[6])),
    ),
    "people": (
        "people",
        ("id", "name", "room_id", "relation", "tags", "credentials", "extra"),
        lambda p: (
            p.id,
            p.name,
            p.room_id,
            str(p.relation),
            _strings(frozenset(str(t) for t in p.tags)),
            _strings(p.credentials),
            dumps(p.extra),
        ),
        lambda r: Person(
            r[0],
            r[1],
            r[2],
            Relation(r[3]),
            frozenset(PersonTag(t) for t in loads(r[4])),
            frozenset(loads(r[5])),
            loads(r[6]),
        ),
    ),
    "devices": (
        "devices",
        ("id", "kind", "name", "placement", "room_id", "building_id", "gate_id", "location", "extra"),
        lambda d: (
            d.id,
            d.kind,
            d.name,
            str(d.placement),
            d.room_id,
            d.building_id,
            d.gate_id,
            wkb(d.location),
            dumps(d.extra),
        ),
        lambda r: Device(r[0], r[1], r[2], Placement(r[3]), r[4], r[5], r[6], _point(r[7]), loads(r[8])),
    ),
    "guards": (
        "guards",
        ("id", "name", "role", "device_id", "extra"),
        lambda g: (g.id, g.name, str(g.role), g.device_id, dumps(g.extra)),
        lambda r: Guard(r[0], r[1], GuardRole(r[2]), r[3], loads(r[4])),
    ),
    "roads": (
        "roads",
        ("id", "kind", "line", "oneway", "extra"),
        lambda d: (d.id, d.kind, wkb(d.line), int(d.oneway), dumps(d.extra)),
        lambda r: Road(r[0], r[1], _geom(r[2], LineString), bool(r[3]), loads(r[4])),
    ),
    "gates": (
        "gates",
        ("id", "name", "location", "compound_id", "closed_hours", "extra"),
        lambda g: (g.id, g.name, wkb(g.location), g.compound_id, g.closed_hours, dumps(g.extra)),
        lambda r: Gate(r[0], r[1], _geom(r[2], Point), r[3], r[4], loads(r[5])),
    ),
    "areas": (
        "areas",
        ("id", "kind", "name", "boundary", "extra"),
        lambda a: (a.id, a.kind, a.name, wkb(a.boundary), dumps(a.extra)),
        lambda r: Area(r[0], r[1], _geom(r[3], Polygon), r[2], loads(r[4])),
    ),
}


def district_rows(district: District) -> Iterator[tuple[str, Sequence[str], Iterable[Row]]]:
    """(table, columns, rows) for every entity table, rows encoded lazily as they are written."""
    for table, (_, columns, encode, _decode) in CODECS.items():
        entities: dict[str, Any] = getattr(district, table)
        yield table, columns, (encode(e) for e in entities.values())


_GEOMETRY_COLUMN = {"compounds": 2, "buildings": 4, "devices": 7, "roads": 2, "gates": 2, "areas": 3}


def decode_entities(table: str, rows: Iterable[Row]) -> dict[str, Any]:
    """Entities by id; the WKB column is decoded in one vectorised call (10x faster than row by row)."""
    decode = CODECS[table][3]
    batch = list(rows)
    col = _GEOMETRY_COLUMN.get(table)
    if col is not None and batch:
        geoms = shapely.from_wkb([r[col] for r in batch])
        batch = [(*r[:col], g, *r[col + 1 :]) for r, g in zip(batch, geoms, strict=True)]
    entities = (decode(row) for row in batch)
    return {e.id: e for e in entities}


ALERT_COLUMNS = (
    "id",
    "rule",
    "subject",
    "subject_type",
    "severity",
    "state",
    "first_ts",
    "last_ts",
    "count",
    "closed_ts",
    "lon",
    "lat",
    "data",
)


def alert_row(a: Alert) -> Row:
    return (
        a.id,
        a.rule,
        a.subject,
        a.subject_type,
        str(a.severity),
        str(a.state),
        a.first_ts,
        a.last_ts,
        a.count,
        a.closed_ts,
        a.lon,
        a.lat,
        dumps(a.data),
    )


def step_rows(a: Alert) -> list[Row]:
    return [(a.id, i, str(s.state), s.actor, s.ts, s.note) for i, s in enumerate(a.history)]


def alert_from_row(r: Row, steps: Sequence[Row]) -> Alert:
    """`steps` are (state, actor, ts, note) rows in history order."""
    history = [Step(AlertState(s[0]), s[1], s[2], s[3]) for s in steps]
    return Alert(
        r[0],
        r[1],
        r[2],
        r[3],
        Severity(r[4]),
        AlertState(r[5]),
        r[6],
        r[7],
        r[8],
        r[9],
        r[10],
        r[11],
        loads(r[12]),
        history,
    )
