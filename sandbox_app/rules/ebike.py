"""`ebike_stolen` (电动车防盗): an e-bike's RFID tag on the stolen list read at a gate.

E-bikes in the community carry an RFID tag (the anti-theft registration); readers at the gates report
`rfid.read` with the tag. A tag the station lists as stolen (`tags`, from the owner's report) raises a high
alert on the tag at the reader's place, so the guard at that gate can stop the bike. Tags are compared
without case or spaces. The shipped file lists the demo simulator's made-up stolen tag.
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


def _norm(tag: str) -> str:
    return "".join(tag.split()).upper()


@register("ebike_stolen")
class EbikeStolen:
    """rfid.read of a tag on the stolen list → alert on the tag (default high)."""

    name = "ebike_stolen"
    kinds = frozenset({"rfid.read"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.tags = frozenset(_norm(t) for t in p.strings("tags", ()))
        self.severity = p.severity(Severity.HIGH)
        p.done()
        self._where = Locator(district)

    def on_event(self, event: Event) -> Iterable[Signal]:
        tag = event.data.get("tag")
        if not isinstance(tag, str) or _norm(tag) not in self.tags:
            return _NONE
        where = self._where.device(event.device)
        direction = str(event.data.get("direction") or "")
        return (
            make_signal(self.name, tag, "tag", self.severity, event.ts, where, event, direction=direction),
        )

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE
