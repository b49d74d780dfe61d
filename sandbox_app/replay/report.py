"""What a case report says beyond the raw entries: the place in address terms, the closing outcome, the
guards' tracks as travelled and the evidence appendix with routine rows left out.

These are facts only (ids, names, numbers, times); the words a station files are put together in the
interface language by `widgets/case_report.py`, so the core stays free of Qt and of any one language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from shapely.geometry import Point

from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.enums import AlertState
from sandbox_app.domain.model import District
from sandbox_app.replay.entries import FLAGGED_FIX, Entry
from sandbox_app.store import queries
from sandbox_app.store.queries import Db

ROUTINE_KINDS = frozenset({"device.heartbeat", "guard.fix", "gps.fix"})
"""Rows an evidence appendix leaves out by default: a device saying it is alive, a guard's routine fix.
The guards' movements are in the report as their tracks on the map instead."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where an incident is, as a station writes it: compound, building, entrance, floor, room."""

    compound: str | None = None
    building: str | None = None
    entrance: str | None = None
    floor: int | None = None
    room: str | None = None
    device: str | None = None
    """The device's name when the alert is about a device (a camera, a detector)."""


@dataclass(frozen=True, slots=True)
class Closing:
    """How the alert ended: its last final step, with the structured outcome when one was recorded."""

    state: str
    actor: str
    ts: int
    note: str
    outcome: str | None


def place_of(district: District, alert: Alert, where: tuple[float, float] | None) -> Place:
    """The alert's subject resolved to its standard address; otherwise the compound around its place."""
    room = building = compound = device = None
    kind, subject = alert.subject_type, alert.subject
    if kind == "room" and subject in district.rooms:
        room = district.rooms[subject]
    elif kind == "device" and subject in district.devices:
        d = district.devices[subject]
        device = d.name
        if d.room_id and d.room_id in district.rooms:
            room = district.rooms[d.room_id]
        elif d.building_id and d.building_id in district.buildings:
            building = district.buildings[d.building_id]
    elif kind == "building" and subject in district.buildings:
        building = district.buildings[subject]
    elif kind == "compound" and subject in district.compounds:
        compound = district.compounds[subject]
    if room is not None:
        building = district.buildings.get(room.building_id)
    if building is not None:
        compound = district.compounds.get(building.compound_id)
    if compound is None and building is None and where is not None:
        p = Point(*where)
        compound = next((c for c in district.compounds.values() if c.boundary.covers(p)), None)
        if compound is not None:
            inside = (b for b in district.buildings.values() if b.compound_id == compound.id)
            building = next((b for b in inside if b.footprint.covers(p)), None)
    return Place(
        compound.name if compound is not None else None,
        building.name if building is not None else None,
        room.entrance if room is not None else None,
        room.floor if room is not None else None,
        room.number if room is not None else None,
        device,
    )


def _outcome(alert: Alert) -> str | None:
    """The structured outcome, wherever the desk stored it: alert data (`outcome`, or `close.outcome`).
    Tolerant, because closing with an outcome is newer than this report."""
    data: dict[str, Any] = alert.data
    found = data.get("outcome")
    close = data.get("close")
    if found is None and isinstance(close, dict):
        found = close.get("outcome")
    if isinstance(found, str) and found:
        return found
    return None


def closing_of(alert: Alert) -> Closing | None:
    """The step that closed or dismissed the alert (its note is the desk's feedback or reason)."""
    final = [s for s in alert.history if s.state in (AlertState.CLOSED, AlertState.DISMISSED)]
    if not final:
        return None
    step = final[-1]
    outcome = getattr(step, "outcome", None)
    if not isinstance(outcome, str) or not outcome:
        outcome = _outcome(alert)
    return Closing(str(step.state), step.actor, step.ts, step.note, outcome)


def guard_tracks(
    db: Db, district: District, dispatches: Sequence[Dispatch], end_ts: int
) -> dict[str, list[tuple[int, float, float]]]:
    """Each dispatched guard's fixes from the order (with the last fix before it) to arrival, or to the end
    of the case window when they never arrived: the way they went, drawn as travelled, not a straight line.
    Flagged fixes are never positions and stay out."""
    tracks: dict[str, list[tuple[int, float, float]]] = {}
    for d in dispatches:
        guard = district.guards.get(d.guard_id)
        device = d.device_id or (guard.device_id if guard is not None else None)
        if not device:
            continue
        stop = d.on_scene_ts or d.closed_ts or end_ts
        start = d.issued_ts - 10 * 60_000
        points: list[tuple[int, float, float]] = []
        for e in queries.events_in(db, start, stop):
            if e.device != device or e.kind != "gps.fix" or e.lon is None or e.lat is None:
                continue
            if "flagged" in e.data:
                continue
            if e.ts < d.issued_ts:
                points = [(e.ts, e.lon, e.lat)]  # only the last fix before the order
            else:
                points.append((e.ts, e.lon, e.lat))
        if points:
            tracks.setdefault(d.guard_id, []).extend(points)
    return tracks


def evidence(entries: Iterable[Entry], *, include_all: bool = False) -> dict[str, list[Entry]]:
    """The appendix: entries grouped by their source (device, alert, order) in time order, heartbeats and
    routine fixes left out unless `include_all`. Flagged fixes stay in: a report must show them."""
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        if not include_all and e.kind in ROUTINE_KINDS and e.kind != FLAGGED_FIX:
            continue
        groups.setdefault(e.source, []).append(e)
    for rows in groups.values():
        rows.sort(key=lambda e: (e.ts, e.kind))
    return groups


def safe_file_name(text: str) -> str:
    """A file name every system accepts (no colons, slashes or other reserved characters)."""
    out = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in text).strip(" .")
    return out or "case"
