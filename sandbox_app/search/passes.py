"""A search hit's passes and track (综合查询, issue 21): every gate pass, capture, lock open and GPS fix of
one subject over a window, placed on the map, in time order.

What identifies a subject in the log (one table, `PASS_FIELDS`): a face gate names the matched person
(`face.pass` → `person_id`), a barrier camera the plate (`plate.read` → `plate`), an e-bike reader the
RFID tag (`rfid.read` → `tag`), a smart lock the card (`lock.open` → `credential`). A person's plate, tag
and cards are their registered credentials, so a person's track gathers all four; a guard's is their
tracker's fixes; a device's is its own events. Where an event carries no position, the pass is placed at
its device (`District.device_anchor`). The read is the store's `subject_events`: an index of passes by
subject the store keeps as it appends (`subject_passes`), plus a time-range read for a device's own
events. Masking is the caller's: a track shows places and times, never the person's name.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sandbox_app.domain.device_kinds import CAMERA_KINDS
from sandbox_app.domain.distance import distance_m
from sandbox_app.domain.model import District
from sandbox_app.domain.passes import PASS_FIELDS
from sandbox_app.privacy.spreadsheet import SafeCsvWriter
from sandbox_app.store.base import Store, SubjectMatch

MS_PER_DAY = 86_400_000
DEFAULT_DAYS = 30
MAX_PASSES = 20_000
"""A track longer than this is cut (oldest kept first) and says so: a month of a guard's fixes at one a
minute is ~43 k, more than a map line needs."""
CAMERA_RADIUS_M = 150.0
"""Cameras this close to a last-seen place are listed with it (about a compound's gate area)."""
TRACKED_KINDS = frozenset({"person", "guard", "device"})
"""Hit kinds that have passes; places and alerts have none."""


@dataclass(frozen=True, slots=True)
class Subject:
    kind: str
    id: str
    match: SubjectMatch
    devices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pass:
    ts: int
    kind: str
    device: str
    lon: float | None
    lat: float | None


@dataclass(frozen=True, slots=True)
class Track:
    subject: Subject
    start_ts: int
    end_ts: int
    passes: tuple[Pass, ...]
    cut: bool
    """True when `MAX_PASSES` cut it short."""

    def placed(self) -> list[Pass]:
        """The passes with a position, in time order: the line drawn on the map."""
        return [p for p in self.passes if p.lon is not None and p.lat is not None]

    def last_seen(self) -> Pass | None:
        """The latest placed pass (the missing-person job: last seen where and when)."""
        placed = self.placed()
        return placed[-1] if placed else None


def subject_of(district: District, kind: str, ident: str) -> Subject | None:
    """The subject behind a search hit, None for a hit that has no passes (a place, an alert)."""
    if kind == "person" and ident in district.people:
        creds = sorted(district.people[ident].credentials)
        match: dict[str, tuple[str, Sequence[str]]] = {"face.pass": ("person_id", [ident])}
        if creds:
            for event_kind in ("plate.read", "rfid.read", "lock.open"):
                match[event_kind] = (PASS_FIELDS[event_kind], creds)
        return Subject(kind, ident, match)
    if kind == "guard" and ident in district.guards:
        device = district.guards[ident].device_id
        return Subject(kind, ident, {}, (device,) if device else ())
    if kind == "device" and ident in district.devices:
        return Subject(kind, ident, {}, (ident,))
    return None


def track(
    store: Store, district: District, subject: Subject, end_ts: int, days: float = DEFAULT_DAYS
) -> Track:
    """The subject's passes in the `days` before `end_ts` (inclusive), placed, oldest first."""
    start_ts = int(end_ts - days * MS_PER_DAY)
    events = store.subject_events(start_ts, end_ts, subject.match, subject.devices, MAX_PASSES + 1)
    anchors: dict[str, tuple[float, float] | None] = {}
    out = []
    for e in events[:MAX_PASSES]:
        lon, lat = e.lon, e.lat
        if lon is None or lat is None:
            if e.device not in anchors:
                dev = district.devices.get(e.device)
                anchors[e.device] = district.device_anchor(dev) if dev is not None else None
            where = anchors[e.device]
            lon, lat = where if where is not None else (None, None)
        out.append(Pass(e.ts, e.kind, e.device, lon, lat))
    return Track(subject, start_ts, end_ts, tuple(out), len(events) > MAX_PASSES)


def cameras_near(
    district: District, lon: float, lat: float, radius_m: float = CAMERA_RADIUS_M
) -> list[tuple[str, float]]:
    """(camera id, metres) of the district's cameras within `radius_m` of a place, nearest first: the
    cameras to pull up around where a missing person was last seen."""
    out = []
    for dev in district.devices.values():
        if dev.kind not in CAMERA_KINDS:
            continue
        where = district.device_anchor(dev)
        if where is None:
            continue
        d = distance_m(lon, lat, where[0], where[1])
        if d <= radius_m:
            out.append((dev.id, d))
    return sorted(out, key=lambda c: (c[1], c[0]))


def csv_text(t: Track) -> str:
    """ts (epoch ms), kind, device, lon, lat: one row a pass (the export of a hit's track), through the
    spreadsheet-safe writer like every other export."""
    buf = io.StringIO()
    w = SafeCsvWriter(buf)
    w.writerow(["ts", "kind", "device", "lon", "lat"])
    for p in t.passes:
        w.writerow([p.ts, p.kind, p.device, "" if p.lon is None else p.lon, "" if p.lat is None else p.lat])
    return buf.getvalue()


def to_geojson(t: Track) -> dict[str, Any]:
    """The track as a LineString (the placed passes in order) and one Point per pass."""
    placed = t.placed()
    features: list[dict[str, Any]] = []
    if len(placed) >= 2:
        line = {"type": "LineString", "coordinates": [[p.lon, p.lat] for p in placed]}
        features.append({"type": "Feature", "geometry": line, "properties": {"subject": t.subject.id}})
    for p in placed:
        point = {"type": "Point", "coordinates": [p.lon, p.lat]}
        props = {"ts": p.ts, "kind": p.kind, "device": p.device}
        features.append({"type": "Feature", "geometry": point, "properties": props})
    return {"type": "FeatureCollection", "features": features}
