"""Alerts raised by rules and their lifecycle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sandbox_app.domain.enums import AlertState, Severity


@dataclass(slots=True)
class Alert:
    id: str
    rule: str
    subject: str
    """Id of the room, device, person or guard the alert is about."""
    subject_type: str
    """"room", "device", "person", "guard" or "building"."""
    severity: Severity
    state: AlertState
    first_ts: int
    last_ts: int
    count: int = 1
    closed_ts: int | None = None
    lon: float | None = None
    lat: float | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "subject": self.subject,
            "subject_type": self.subject_type,
            "severity": str(self.severity),
            "state": str(self.state),
            "first_ts": self.first_ts,
            "last_ts": self.last_ts,
            "count": self.count,
            "closed_ts": self.closed_ts,
            "lon": self.lon,
            "lat": self.lat,
            "data": self.data,
        }
