"""One row of a case file or export: an event, a guard's fix, a dispatch step or an operator's action.

Everything a person reads goes through `Masker` here (names of residents, credentials, plates), so a case
file, a CSV and a GeoJSON export mask alike; no exporter formats raw event data itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sandbox_app.domain.alerts import Alert, Step
from sandbox_app.domain.dispatch import Dispatch, DispatchStep
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.privacy.mask import Masker, Viewer, mask_id_number

FLAGGED_FIX = "gps.fix.flagged"
"""The entry kind of a stored fix that must never be a position (see `Describer.flagged_fix`)."""
DEFAULT_RADIUS_M = 300.0
"""How far around an incident a case file looks by default."""

DEFAULT_MASKER = Masker(Viewer.OFFICER)
"""Case files and exports mask personal data (plates included) unless asked otherwise."""


@dataclass(frozen=True, slots=True)
class Entry:
    ts: int
    kind: str
    """The event kind ("face.pass"), "guard.fix", "gps.fix.flagged", "alert.<state>" or "dispatch.<state>"."""
    source: str
    """Device id, guard id, alert id or dispatch id."""
    lon: float | None
    lat: float | None
    text: str
    media: str | None = None
    """A picture the event carried (a camera snapshot's path), shown as a thumbnail in a case report; not
    part of CSV/GeoJSON, which stay one row of text per entry."""

    def to_json(self) -> dict[str, Any]:
        return {
            "ts": self.ts,
            "kind": self.kind,
            "source": self.source,
            "lon": self.lon,
            "lat": self.lat,
            "text": self.text,
        }


def device_place(district: District, device_id: str) -> tuple[float, float] | None:
    """Where a placed device is: its point, its gate, else its building's (or room's building's) centre."""
    device = district.devices.get(device_id)
    return None if device is None else district.device_anchor(device)


class Describer:
    """Turns events and steps into entries for one district and one viewer."""

    def __init__(self, district: District, masker: Masker = DEFAULT_MASKER) -> None:
        self.district = district
        self.masker = masker
        self.guard_of = {d: g for d, g in district.guard_by_device().items()}
        self.owner: dict[str, str] = {}
        for p in district.people.values():
            for cred in p.credentials:
                self.owner[cred] = p.id
        self._places: dict[str, tuple[float, float] | None] = {}
        self._subjects: dict[str, tuple[str, str]] = {}
        """Alert id → (subject, as shown), for alerts whose subject this viewer sees masked."""

    def place(self, event: Event) -> tuple[float, float] | None:
        if event.lon is not None and event.lat is not None:
            return event.lon, event.lat
        if event.device not in self._places:
            self._places[event.device] = device_place(self.district, event.device)
        return self._places[event.device]

    def person(self, person_id: str | None) -> str:
        if not person_id:
            return "unknown person"
        person = self.district.people.get(person_id)
        return self.masker.name(person.name) if person is not None else mask_id_number(person_id)

    def event(self, event: Event) -> Entry:
        if event.kind == "gps.fix" and "flagged" in event.data:
            return self.flagged_fix(event)
        where = self.place(event)
        lon, lat = where if where is not None else (None, None)
        guard = self.guard_of.get(event.device)
        if event.kind == "gps.fix" and guard is not None:
            return Entry(event.ts, "guard.fix", guard.id, lon, lat, f"{guard.id} ({guard.role})")
        snapshot = event.data.get("snapshot")
        media = snapshot if isinstance(snapshot, str) and snapshot else None
        return Entry(event.ts, event.kind, event.device, lon, lat, self._text(event), media)

    def flagged_fix(self, event: Event) -> Entry:
        """A fix the store flagged (outside the district, implausible speed, quarantined): it stays in the
        record as a `gps.fix.flagged` row of its device with the reason and the reported point in the text,
        but with no place, so no export, case file or map built from entries shows it as anyone's position."""
        reported = (
            f" at {event.lon:.6f}, {event.lat:.6f}" if event.lon is not None and event.lat is not None else ""
        )
        text = f"{event.device}: fix flagged ({event.data['flagged']}){reported}, not a position"
        return Entry(event.ts, FLAGGED_FIX, event.device, None, None, text)

    def _text(self, event: Event) -> str:
        data: Mapping[str, Any] = event.data
        device = self.district.devices.get(event.device)
        name = device.name if device is not None else event.device
        m = self.masker
        if event.kind == "face.pass":
            watch = " WATCHLIST" if data.get("watchlist") else ""
            return f"{name}: {self.person(data.get('person_id'))}{watch}"
        if event.kind == "plate.read":
            return f"{name}: {m.plate(str(data.get('plate', '')))} {data.get('direction', '')}".rstrip()
        if event.kind == "rfid.read":
            return f"{name}: tag {m.id_number(str(data.get('tag', '')))} {data.get('direction', '')}".rstrip()
        if event.kind == "lock.open":
            cred = str(data.get("credential", ""))
            owner = self.owner.get(cred)
            who = self.person(owner) if owner else m.id_number(cred)
            return f"{name}: {who}"
        flagged = f" (flagged: {data['flagged']})" if "flagged" in data else ""
        return f"{name}{flagged}"

    def alert_step(self, alert: Alert, step: Step, where: tuple[float, float] | None) -> Entry:
        lon, lat = where if where is not None else (None, None)
        note = f": {step.note}" if step.note else ""
        subject = self.masker.subject(alert.subject, alert.subject_type)
        if subject != alert.subject:
            self._subjects[alert.id] = (alert.subject, subject)
        text = f"{alert.rule} {subject} → {step.state} by {step.actor}{note}"
        ident = self.masker.alert_id(alert.id, alert.subject_type)
        return Entry(step.ts, f"alert.{step.state}", ident, lon, lat, text)

    def dispatch_step(self, d: Dispatch, step: DispatchStep) -> Entry:
        """A dispatch step; an order's note names the alert's subject (a plate, an ID number) by default,
        so a subject met in `alert_step` is masked inside the note too."""
        note = f": {step.note}" if step.note else ""
        if d.alert_id in self._subjects:
            whole, masked = self._subjects[d.alert_id]
            note = note.replace(whole, masked)
        text = f"{d.guard_id} → {step.state} by {step.actor}{note}"
        return Entry(step.ts, f"dispatch.{step.state}", d.id, d.lon, d.lat, text)
