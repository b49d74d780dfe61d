"""The wall screen's choices, Qt-free: which alerts take focus, which camera goes with one, the tour.

The wall runs for days unattended, so every memory here is bounded: the focus queue and the set of alerts
already shown are capped, old entries fall out first.
"""

from __future__ import annotations

import math
from collections import OrderedDict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sandbox_app.dispatch.engine_hook import incident_location
from sandbox_app.domain.alerts import Alert
from sandbox_app.domain.enums import AlertState, Severity
from sandbox_app.domain.model import Device, District

CAMERA_KINDS = frozenset(
    {"camera", "capture_camera", "behavior_camera", "throw_camera", "mobile_camera", "body_camera"}
)
FOCUS_SEVERITIES = frozenset({Severity.HIGH, Severity.CRITICAL})
NEAR_CAMERA_M = 80.0
"""A camera this close to an alert with no camera of its own is shown instead."""
_M_PER_DEG = 111_320.0


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


def _metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    dx = (a[0] - b[0]) * _M_PER_DEG * math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot(dx, (a[1] - b[1]) * _M_PER_DEG)


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
    near = [(round(_metres(where, p), 3), c.id, c) for c, p in placed]
    near = [n for n in near if n[0] <= NEAR_CAMERA_M]
    return min(near)[2] if near else None
