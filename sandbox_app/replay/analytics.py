"""How fast the response was, per incident and aggregated per day, compound and guard role.

All times count from the alert's first event: acknowledge (first acknowledged step), dispatch (first order
issued), accept, arrive (first guard on scene) and close. "Nearest" is who the routing says was fastest when
the first order went out (from the guards' fixes at that moment), next to who actually went and the ETA the
desk recorded for them: the commander's choice reviewed against the map as it stood then.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from shapely.geometry import Point

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.model import District
from sandbox_app.domain.places import incident_location
from sandbox_app.store import queries
from sandbox_app.store.keyframes import last_fixes
from sandbox_app.store.queries import Db

if TYPE_CHECKING:
    from sandbox_app.geo.routing import RoutingGraph

METRICS = ("ack_s", "dispatch_s", "accept_s", "arrive_s", "close_s")


@dataclass(frozen=True, slots=True)
class Response:
    alert_id: str
    rule: str
    first_ts: int
    day: str
    """Local date of the alert (district timezone), YYYY-MM-DD."""
    compound: str | None
    ack_s: float | None
    dispatch_s: float | None
    accept_s: float | None
    arrive_s: float | None
    close_s: float | None
    sent_guard: str | None
    sent_role: str | None
    sent_eta_s: float | None
    """The ETA the desk recorded for the guard who went (its recommendation at issue)."""
    nearest_guard: str | None
    nearest_eta_s: float | None
    """The fastest guard by routing at the first order's time (None without a routing graph)."""

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def _s(start: int, end: int | None) -> float | None:
    return None if end is None else (end - start) / 1000.0


def _first(values: Iterable[int | None]) -> int | None:
    found = [v for v in values if v is not None]
    return min(found) if found else None


def compound_of(district: District, lon: float, lat: float) -> str | None:
    p = Point(lon, lat)
    return next((c.id for c in district.compounds.values() if c.boundary.covers(p)), None)


def local_day(ts: int, timezone: str) -> str:
    return datetime.fromtimestamp(ts / 1000, tz=UTC).astimezone(ZoneInfo(timezone)).date().isoformat()


def response_of(
    db: Db,
    district: District,
    alert: Alert,
    where: tuple[float, float] | None,
    *,
    router: RoutingGraph | None = None,
    dispatches: Sequence[Dispatch] | None = None,
) -> Response:
    """Response times of one alert; `router` (a `RoutingGraph`) adds the nearest guard at the time."""
    ds = list(dispatches) if dispatches is not None else queries.dispatches_for(db, alert.id)
    start = alert.first_ts
    ack = _first(s.ts for s in alert.history if s.state is AlertState.ACKNOWLEDGED)
    issued = _first(d.issued_ts for d in ds)
    arrive = _first(d.on_scene_ts for d in ds)
    closed = alert.closed_ts if alert.state is AlertState.CLOSED else None
    went = next((d for d in ds if d.on_scene_ts == arrive), ds[0]) if ds else None
    role = str(district.guards[went.guard_id].role) if went and went.guard_id in district.guards else None
    nearest, nearest_eta = None, None
    if router is not None and where is not None:
        nearest, nearest_eta = _nearest_at(db, district, router, where, issued or start)
    return Response(
        alert.id,
        alert.rule,
        start,
        local_day(start, district.timezone),
        compound_of(district, *where) if where is not None else None,
        _s(start, ack),
        _s(start, issued),
        _s(start, _first(d.accepted_ts for d in ds)),
        _s(start, arrive),
        _s(start, closed),
        went.guard_id if went else None,
        role,
        went.eta_s if went else None,
        nearest,
        nearest_eta,
    )


def _nearest_at(
    db: Db, district: District, graph: RoutingGraph, where: tuple[float, float], at_ts: int
) -> tuple[str | None, float | None]:
    from sandbox_app.dispatch.nearest import nearest_guards

    with db.lock:
        fixes = last_fixes(db.conn, at_ts)
    try:
        found = nearest_guards(graph, district, fixes, where[0], where[1], at_ts, k=1)
    except ValueError:
        return None, None
    best = found.candidates[0] if found.candidates else None
    return (best.guard, round(best.eta_s, 1)) if best else (None, None)


def alert_lonlat(db: Db, district: District, alert: Alert) -> tuple[float, float] | None:
    """Where the alert is; a guard subject is placed by its tracker's last fix at the alert's start."""
    with db.lock:
        fixes = last_fixes(db.conn, alert.first_ts)
    positions = {
        g.id: (f.lon, f.lat) for d, g in district.guard_by_device().items() if (f := fixes.get(d)) is not None
    }
    return incident_location(district, alert, positions)


def responses(
    db: Db, district: District, start_ts: int, end_ts: int, *, router: RoutingGraph | None = None
) -> list[Response]:
    """One `Response` per alert raised in [start_ts, end_ts]."""
    alerts = [a for a in queries.alerts_overlapping(db, start_ts, end_ts) if a.first_ts >= start_ts]
    by_alert: dict[str, list[Dispatch]] = {}
    for d in queries.dispatches_overlapping(db, start_ts, end_ts + 7 * 86_400_000):
        by_alert.setdefault(d.alert_id, []).append(d)
    return [
        response_of(
            db, district, a, alert_lonlat(db, district, a), router=router, dispatches=by_alert.get(a.id, [])
        )
        for a in alerts
    ]


GROUPS: dict[str, Callable[[Response], str | None]] = {
    "day": lambda r: r.day,
    "compound": lambda r: r.compound,
    "role": lambda r: r.sent_role,
}


def aggregate(rows: Sequence[Response], by: str) -> list[dict[str, Any]]:
    """Per group (day, compound or role of the guard who went): count, and mean and median of each time."""
    key = GROUPS[by]
    groups: dict[str, list[Response]] = {}
    for r in rows:
        groups.setdefault(key(r) or "—", []).append(r)
    out = []
    for name in sorted(groups):
        members = groups[name]
        row: dict[str, Any] = {by: name, "alerts": len(members)}
        for metric in METRICS:
            values = [v for r in members if (v := getattr(r, metric)) is not None]
            row[f"{metric}_n"] = len(values)
            row[f"{metric}_mean"] = round(statistics.fmean(values), 1) if values else None
            row[f"{metric}_median"] = round(statistics.median(values), 1) if values else None
        out.append(row)
    return out
