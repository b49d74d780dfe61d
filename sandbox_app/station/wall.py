"""The wall screen's choices, Qt-free: which alerts take focus, which camera goes with one, the tour, and
the figures it shows (alerts by level, guards by role and state, who is still waiting for a guard).

The wall runs for days unattended, so every memory here is bounded: the focus queue and the set of alerts
already shown are capped, old entries fall out first.
"""

from __future__ import annotations

import math
from collections import OrderedDict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sandbox_app.analytics.stats import GuardRow, GuardState, zone
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.device_kinds import CAMERA_KINDS as CAMERA_KINDS
from sandbox_app.domain.dispatch import Dispatch
from sandbox_app.domain.distance import M_PER_DEG, distance_m
from sandbox_app.domain.enums import AlertState, GuardRole, PersonTag, RoomUsage, Severity
from sandbox_app.domain.model import Device, District
from sandbox_app.domain.places import Place as Place
from sandbox_app.domain.places import alert_place as alert_place
from sandbox_app.domain.places import compound_at as compound_at
from sandbox_app.domain.places import incident_location

FOCUS_SEVERITIES = frozenset({Severity.HIGH, Severity.CRITICAL})
NEAR_CAMERA_M = 80.0
"""A camera this close to an alert with no camera of its own is shown instead."""


class FocusQueue:
    """New high-severity alerts waiting for the wall's attention, each taken once, most severe first."""

    def __init__(self, max_pending: int = 16, memory: int = 2_000) -> None:
        self._pending: deque[Alert] = deque(maxlen=max_pending)
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._memory = memory

    def offer(self, alerts: Iterable[Alert]) -> int:
        """Queue those that are new (still `open`), high or critical, and not queued before; returns how
        many were queued. A repeat of a focused alert (same id, higher count) does not focus again."""
        added = 0
        for alert in alerts:
            if alert.severity not in FOCUS_SEVERITIES or alert.state is not AlertState.OPEN:
                continue
            if alert.id in self._seen:
                continue
            self._seen[alert.id] = None
            while len(self._seen) > self._memory:
                self._seen.popitem(last=False)
            self._pending.append(alert)
            added += 1
        return added

    def take(self) -> Alert | None:
        """The most severe waiting alert (the latest among equals), or None."""
        if not self._pending:
            return None
        rank = {s: i for i, s in enumerate(Severity)}
        best = max(self._pending, key=lambda a: (rank[a.severity], a.last_ts))
        self._pending.remove(best)
        return best

    def outranks(self, focused: Alert) -> bool:
        """Whether a waiting alert is strictly more severe than the one on screen (a fire beats a fence)."""
        rank = {s: i for i, s in enumerate(Severity)}
        return any(rank[a.severity] > rank[focused.severity] for a in self._pending)

    def put_back(self, alert: Alert) -> None:
        """An alert that lost the screen to a worse one waits for its turn again."""
        self._pending.append(alert)

    def __len__(self) -> int:
        return len(self._pending)

    @property
    def remembered(self) -> int:
        return len(self._seen)


@dataclass(frozen=True, slots=True)
class TourStop:
    compound_id: str
    name: str
    bounds: tuple[float, float, float, float]
    """min lon, min lat, max lon, max lat."""


def tour_stops(district: District) -> list[TourStop]:
    """The compounds in id order: the slow tour between alerts visits them in turn."""
    stops = []
    for compound in sorted(district.compounds.values(), key=lambda c: c.id):
        x0, y0, x1, y1 = compound.boundary.bounds
        stops.append(TourStop(compound.id, compound.name, (x0, y0, x1, y1)))
    return stops


def _device_place(district: District, device: Device) -> tuple[str | None, str | None]:
    """(building id, gate id) a device belongs to."""
    building = device.building_id
    if building is None and device.room_id is not None:
        room = district.rooms.get(device.room_id)
        building = room.building_id if room is not None else None
    return building, device.gate_id


def linked_camera(
    district: District,
    alert: Alert,
    guard_positions: Mapping[str, tuple[float, float]] | None = None,
) -> Device | None:
    """The camera to pop up with an alert: the subject itself when it is a camera, else one on the same
    building or gate, else the nearest within `NEAR_CAMERA_M` of where the alert is; None when none."""
    cameras = [d for d in district.devices.values() if d.kind in CAMERA_KINDS]
    if not cameras:
        return None
    subject = district.devices.get(alert.subject) if alert.subject_type == "device" else None
    if subject is not None and subject.kind in CAMERA_KINDS:
        return subject
    building = gate = None
    if subject is not None:
        building, gate = _device_place(district, subject)
    elif alert.subject_type == "room" and alert.subject in district.rooms:
        building = district.rooms[alert.subject].building_id
    elif alert.subject_type == "building":
        building = alert.subject
    for camera in sorted(cameras, key=lambda d: d.id):
        cam_building, cam_gate = _device_place(district, camera)
        if (building is not None and cam_building == building) or (gate is not None and cam_gate == gate):
            return camera
    where = incident_location(district, alert, guard_positions or {})
    if where is None:
        return None
    placed = [(c, (c.location.x, c.location.y)) for c in cameras if c.location is not None]
    near = [(round(distance_m(*where, *p), 3), c.id, c) for c, p in placed]
    near = [n for n in near if n[0] <= NEAR_CAMERA_M]
    return min(near)[2] if near else None


# what the wall shows ----------------------------------------------------------------------------------
WAITING_STATES = frozenset({AlertState.OPEN, AlertState.ACKNOWLEDGED})
"""States in which an alert may still be waiting for a guard (not yet dispatched, resolved or closed)."""


def open_by_level(alerts: Iterable[Alert]) -> dict[Severity, int]:
    """Open alerts per level, every level present (a zero is shown as a zero, not left out)."""
    out = dict.fromkeys(Severity, 0)
    for alert in alerts:
        if alert.state.is_open and alert.state is not AlertState.RESOLVED:
            out[alert.severity] += 1
    return out


def unattended(alerts: Iterable[Alert], dispatches: Iterable[Dispatch]) -> list[Alert]:
    """High and critical alerts nobody has been sent to: still open or only acknowledged, and no dispatch
    for them holds a guard. The wall keeps these flagged until someone goes, whatever its focus does.
    Most severe first, then the longest waiting."""
    covered = {d.alert_id for d in dispatches if d.state.holds_guard}
    rank = {s: i for i, s in enumerate(Severity)}
    waiting = [
        a
        for a in alerts
        if a.severity in FOCUS_SEVERITIES and a.state in WAITING_STATES and a.id not in covered
    ]
    return sorted(waiting, key=lambda a: (-rank[a.severity], a.first_ts, a.id))


def roster_counts(rows: Iterable[GuardRow]) -> dict[GuardRole, dict[GuardState, int]]:
    """Guards by role and state (roles with nobody are left out): the wall shows strength, not names."""
    out: dict[GuardRole, dict[GuardState, int]] = {}
    for row in rows:
        out.setdefault(GuardRole(row.role), dict.fromkeys(GuardState, 0))[row.state] += 1
    return {role: out[role] for role in GuardRole if role in out}


@dataclass(frozen=True, slots=True)
class Population:
    """The district's standing figures (实有人口 and the groups the police keep an eye on)."""

    residents: int
    rental_rooms: int
    elderly_alone: int
    key_persons: int


def population(district: District) -> Population:
    rentals = {RoomUsage.RENTAL, RoomUsage.GROUP_RENTAL}
    people = district.people.values()
    return Population(
        len(district.people),
        sum(1 for r in district.rooms.values() if r.usage in rentals),
        sum(1 for p in people if PersonTag.ELDERLY_ALONE in p.tags),
        sum(1 for p in people if PersonTag.KEY_PERSON in p.tags),
    )


@dataclass(frozen=True, slots=True)
class LocalTime:
    """The engine's clock in the district's time zone, split for display."""

    year: int
    month: int
    day: int
    weekday: int
    """0 = Monday."""
    hour: int
    minute: int
    second: int


def local_time(now_ts: int, timezone: str) -> LocalTime:
    local = datetime.fromtimestamp(now_ts / 1000, tz=zone(timezone))
    return LocalTime(
        local.year, local.month, local.day, local.weekday(), local.hour, local.minute, local.second
    )


def with_context(
    bounds: tuple[float, float, float, float], half_m: float
) -> tuple[float, float, float, float]:
    """A lon/lat box grown to at least `half_m` metres each side of its centre: a small compound is shown
    with its streets and neighbours around it, so the wall's viewers know where it is."""
    x0, y0, x1, y1 = bounds
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_lat = half_m / M_PER_DEG
    half_lon = half_lat / max(0.01, math.cos(math.radians(cy)))
    return (
        min(x0, cx - half_lon),
        min(y0, cy - half_lat),
        max(x1, cx + half_lon),
        max(y1, cy + half_lat),
    )
