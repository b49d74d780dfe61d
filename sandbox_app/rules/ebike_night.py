"""`ebike_night_departure` (电动车夜间异常驶离): an e-bike's tag leaving at night against its owner's habit.

A stolen e-bike usually leaves in the small hours, before the owner notices and reports it (only then can
`ebike_stolen` catch it). So each tag's departures (`rfid.read` with `direction` "out") over the last
`window_days` are its owner's habit: a tag that leaves inside `night_hours` (local, default 1-5) after at
least `min_departures` known departures, of which at most `max_night_share` were at night, raises the alert
on the tag. A night-shift worker who often leaves at night is not flagged, and a tag the rule has not seen
leave `min_departures` times yet (a new bike, or the warm-up after a restart) cannot be judged. The rule
learns from the past: a restart replays `history_ms` of stored reads into it (docs/rules.md).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params, RuleConfigError
from sandbox_app.rules._where import MS_PER_DAY, LocalDays, Locator, make_signal
from sandbox_app.rules.base import Signal, register
from sandbox_app.rules.perimeter import is_armed, parse_hours

_NONE: tuple[Signal, ...] = ()


def _norm(tag: str) -> str:
    return "".join(tag.split()).upper()


@register("ebike_night_departure")
class EbikeNightDeparture:
    """rfid.read out at night of a tag that rarely leaves at night → alert on the tag (default medium)."""

    name = "ebike_night_departure"
    kinds = frozenset({"rfid.read"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        hours = p.text("night_hours", "1-5")
        try:
            self.night = parse_hours(hours)
        except ValueError as exc:
            raise RuleConfigError(p.key("night_hours"), f"expected hours like '1-5', {exc}") from None
        self.window_days = p.integer("window_days", 30, minimum=1)
        self.min_departures = p.integer("min_departures", 5)
        self.max_night_share = p.share("max_night_share", 0.1)
        self.severity = p.severity(Severity.MEDIUM)
        p.done()
        self.window_ms = self.window_days * MS_PER_DAY
        self.history_ms = self.window_ms
        """How much stored history a restart should replay to relearn the habits (see docs/rules.md)."""
        self._local = LocalDays(district.timezone)
        self._where = Locator(district)
        self._gone: dict[str, deque[tuple[int, bool]]] = {}
        """Tag → its departures in the window: (ts, at night)."""
        self._next_sweep = 0

    def on_event(self, event: Event) -> Iterable[Signal]:
        tag = event.data.get("tag")
        if not isinstance(tag, str) or event.data.get("direction") != "out":
            return _NONE
        local = self._local.local(event.ts)
        night = is_armed(self.night, local.hour * 60 + local.minute)
        past = self._gone.setdefault(_norm(tag), deque())
        while past and event.ts - past[0][0] > self.window_ms:
            past.popleft()
        nights = sum(1 for _, n in past if n)
        known = len(past)
        past.append((event.ts, night))
        if not night or known < self.min_departures or nights > self.max_night_share * known:
            return _NONE
        where = self._where.device(event.device)
        return (
            make_signal(
                self.name,
                tag,
                "tag",
                self.severity,
                event.ts,
                where,
                event,
                departures=known,
                night_departures=nights,
                local_time=f"{local:%H:%M}",
            ),
        )

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        if now_ts < self._next_sweep:
            return _NONE
        self._next_sweep = now_ts + MS_PER_DAY
        for tag in [t for t, past in self._gone.items() if not past or now_ts - past[-1][0] > self.window_ms]:
            del self._gone[tag]  # bounded memory: tags not seen leaving for a whole window are forgotten
        return _NONE
