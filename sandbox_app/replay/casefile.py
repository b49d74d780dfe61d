"""The case file of one alert: everything within a radius and a time window around it, as one sorted list.

Device events, face/plate/RFID passes, guards' fixes, dispatch steps and operators' actions on alerts in the
area are all `Entry` rows with time, kind, place and text, so the list can be drawn on the map, exported,
or clicked to jump the replay there. Events are read through the ts index with a bounding box and the ids
of placed devices near the place pushed into SQL; the exact radius test runs on what comes back.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.distance import distance_m
from sandbox_app.domain.model import District
from sandbox_app.privacy.mask import Masker
from sandbox_app.replay.analytics import Response, alert_lonlat, response_of
from sandbox_app.replay.entries import (
    DEFAULT_MASKER,
    DEFAULT_RADIUS_M,
    Describer,
    Entry,
    device_place,
)
from sandbox_app.replay.report import Closing, Place, closing_of, guard_tracks, place_of
from sandbox_app.store import queries
from sandbox_app.store.queries import Db

if TYPE_CHECKING:
    from sandbox_app.geo.routing import RoutingGraph

DEFAULT_BEFORE_MS = 30 * 60_000
DEFAULT_AFTER_MS = 60 * 60_000


class CaseError(ValueError):
    """No such alert, or nowhere to centre the case file on."""


@dataclass(slots=True)
class CaseFile:
    alert: Alert
    lon: float
    lat: float
    radius_m: float
    start_ts: int
    end_ts: int
    timezone: str
    district: str
    entries: list[Entry] = field(default_factory=list)
    response: Response | None = None
    masker: Masker = DEFAULT_MASKER
    """The viewer the case was built for: titles, file names and PDFs show the alert through it."""
    place: Place = field(default_factory=Place)
    """The alert's standard address (compound, building, entrance, floor, room)."""
    dispatches: list[Dispatch] = field(default_factory=list)
    """The orders sent for this alert, oldest first: who went, the recorded ETA, the real arrival."""
    tracks: dict[str, list[tuple[int, float, float]]] = field(default_factory=dict)
    """Guard id → (ts, lon, lat) fixes from the order to arrival, as travelled."""
    closing: Closing | None = None
    recordings: list[Any] = field(default_factory=list)
    """`video.nvr.CaseRecording`s of the cameras covering the incident (filled by `case --nvr`)."""

    @property
    def shown_id(self) -> str:
        """The alert id as this viewer may see it (an old-style id may hold an ID number or a plate)."""
        return self.masker.alert_id(self.alert.id, self.alert.subject_type)

    @property
    def shown_subject(self) -> str:
        return self.masker.subject(self.alert.subject, self.alert.subject_type)

    def kinds(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.kind] = out.get(e.kind, 0) + 1
        return out


def bbox(lon: float, lat: float, radius_m: float) -> tuple[float, float, float, float]:
    """A box a little larger than the circle (west, south, east, north)."""
    dlat = radius_m / 111_000.0 * 1.01
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    return lon - dlon, lat - dlat, lon + dlon, lat + dlat


def build_case(
    db: Db,
    district: District,
    alert_id: str,
    *,
    radius_m: float = DEFAULT_RADIUS_M,
    before_ms: int = DEFAULT_BEFORE_MS,
    after_ms: int = DEFAULT_AFTER_MS,
    masker: Masker = DEFAULT_MASKER,
    router: RoutingGraph | None = None,
) -> CaseFile:
    """Every entry within `radius_m` of the alert's place and in [first_ts - before, first_ts + after]."""
    alert = queries.alert(db, alert_id)
    if alert is None:
        raise CaseError(f"no alert {alert_id!r}")
    where = alert_lonlat(db, district, alert)
    if where is None:
        raise CaseError(f"alert {alert_id} has no place (no position, and its subject is not on the map)")
    lon, lat = where
    start, end = alert.first_ts - before_ms, alert.first_ts + after_ms
    case = CaseFile(alert, lon, lat, radius_m, start, end, district.timezone, district.name, masker=masker)
    describe = Describer(district, masker)

    def near(p: tuple[float, float] | None) -> bool:
        return p is not None and distance_m(lon, lat, p[0], p[1]) <= radius_m

    placed = [d for d in sorted(district.devices) if near(device_place(district, d))]
    for event in queries.events_in(db, start, end, bbox=bbox(lon, lat, radius_m), devices=placed):
        if near(describe.place(event)):
            case.entries.append(describe.event(event))
    alerts = [a for a in queries.alerts_overlapping(db, start, end) if near(alert_lonlat(db, district, a))]
    case.entries.extend(_alert_entries(db, district, describe, alerts, start, end))
    ids = {a.id for a in alerts}
    for d in queries.dispatches_overlapping(db, start, end):
        if d.alert_id in ids or (d.lon is not None and d.lat is not None and near((d.lon, d.lat))):
            case.entries.extend(describe.dispatch_step(d, s) for s in d.history if start <= s.ts <= end)
    case.entries.sort(key=lambda e: (e.ts, e.kind, e.source))
    case.dispatches = sorted(queries.dispatches_for(db, alert.id), key=lambda d: (d.issued_ts, d.id))
    case.response = response_of(db, district, alert, where, router=router, dispatches=case.dispatches)
    case.place = place_of(district, alert, where)
    case.closing = closing_of(alert)
    case.tracks = guard_tracks(db, district, case.dispatches, end)
    return case


def _alert_entries(
    db: Db, district: District, describe: Describer, alerts: Iterable[Alert], start: int, end: int
) -> Iterable[Entry]:
    for a in alerts:
        where = alert_lonlat(db, district, a)
        for step in a.history:
            if start <= step.ts <= end:
                yield describe.alert_step(a, step, where)
