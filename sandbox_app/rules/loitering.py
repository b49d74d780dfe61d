"""`loitering` (徘徊): the same face seen at the gates again and again without coming in.

A face capture system gives an unrecognised face a `face_id` that stays the same while it is in view of
its cameras. `min_sightings` passes of one face within `window_minutes` at the gates (`face.pass` that is
not an entry) raise the alert on that face; a pass with `direction` "in" at a face gate is an entry and
starts the count again, so a visitor who waited and then came in is not loitering. Residents (a matched
`person_id` of the package) are never counted. The alert goes to the property staff first (rules.toml
`[handoff_overdue]`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params
from sandbox_app.rules._where import Locator, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()
MIN = 60_000


@register("loitering")
class Loitering:
    """N sightings of one face within M minutes at the gates, without an entry → alert on the face."""

    name = "loitering"
    kinds = frozenset({"face.pass"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.min_sightings = p.integer("min_sightings", 3, minimum=2)
        self.window_ms = round(p.number("window_minutes", 30.0) * MIN)
        self.severity = p.severity(Severity.LOW)
        p.done()
        self._where = Locator(district)
        self._face_gates = {d.id for d in district.devices.values() if d.kind == "face_gate"}
        self._seen: dict[str, deque[int]] = {}

    def on_event(self, event: Event) -> Iterable[Signal]:
        face = event.data.get("face_id")
        if not isinstance(face, str) or not face or event.data.get("person_id"):
            return _NONE
        if event.data.get("direction") == "in" and event.device in self._face_gates:
            self._seen.pop(face, None)  # came in: not loitering
            return _NONE
        seen = self._seen.setdefault(face, deque())
        seen.append(event.ts)
        while seen and event.ts - seen[0] > self.window_ms:
            seen.popleft()
        if len(seen) < self.min_sightings:
            return _NONE
        where = self._where.device(event.device)
        return (
            make_signal(
                self.name, face, "person", self.severity, event.ts, where, event, sightings=len(seen)
            ),
        )

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        for face in [f for f, seen in self._seen.items() if not seen or now_ts - seen[-1] > self.window_ms]:
            del self._seen[face]  # bounded memory: faces out of view for a whole window are forgotten
        return _NONE
