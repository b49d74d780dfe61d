"""`ebike_in_lift` (电动车进电梯/楼道): an e-bike seen in a lift car or a stairwell.

E-bikes charged indoors are the common cause of deadly residential fires, so lift and stairwell cameras run
e-bike detection (电梯电动车识别, the same that stops the lift doors) and send `ebike.detected` with `spot`:
where the camera looks ("lift", "stairwell", "entrance", …). A detection whose `spot` (else the camera's own
`spot` column in the package) is one of `spots` raises the alert on the camera's building, else the camera,
so one building's repeat offender collects on one open alert. A detection at the building entrance or in the
bike shed is where e-bikes belong and stays quiet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params
from sandbox_app.rules._where import Locator, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()


@register("ebike_in_lift")
class EbikeInLift:
    """ebike.detected in a lift or stairwell → alert on the building (default medium)."""

    name = "ebike_in_lift"
    kinds = frozenset({"ebike.detected"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.spots = frozenset(s.strip().lower() for s in p.strings("spots", ("lift", "stairwell")))
        self.severity = p.severity(Severity.MEDIUM)
        p.done()
        self._where = Locator(district)
        self._spot = {d.id: str(d.extra.get("spot") or "").strip().lower() for d in district.devices.values()}

    def on_event(self, event: Event) -> Iterable[Signal]:
        spot = str(event.data.get("spot") or self._spot.get(event.device, "")).strip().lower()
        if spot not in self.spots:
            return _NONE
        where = self._where.device(event.device)
        subject, kind = (where.building_id, "building") if where.building_id else (event.device, "device")
        return (make_signal(self.name, subject, kind, self.severity, event.ts, where, event, spot=spot),)

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE
