"""Electronic patrol (电子巡更): check-ins from fixes and tag reads, missed checkpoints, per-guard figures.

`PatrolWatch` is one of the engine's rules (the station adds it beside the rules of rules.toml, built from
`patrols.toml`): a guard of a route checks a checkpoint in by a fix within its radius, or by a tag read
(`rfid.read` with the checkpoint's `tag`, or from its fixed `reader`), while a round of that route runs.
When a round's window closes, each checkpoint nobody checked raises `patrol_missed` on
"route/checkpoint". Rounds that started before the watch first saw the clock are not judged, so a
restart does not report the rounds it never watched. The same object replayed over stored events gives
`sandbox-app patrol report` its check-ins and figures: one implementation, live and after the fact.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sandbox_app.domain.distance import distance_m
from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.patrol.config import Checkpoint, PatrolBook, Route
from sandbox_app.rules.base import Signal

MISSED_RULE = "patrol_missed"
GAP_MS = 10 * 60_000
"""Fixes further apart than this are not joined into distance or hours (the tracker was off, or at rest)."""
_NONE: tuple[Signal, ...] = ()
KEEP = 100_000
"""Check-ins and misses kept in memory (a live engine runs for months; a report replays a period)."""


@dataclass(frozen=True, slots=True)
class CheckIn:
    guard: str
    route: str
    checkpoint: str
    round_ts: int
    ts: int
    method: str
    """"gps" (a fix within the radius) or "tag" (an NFC/RFID read)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "guard": self.guard, "route": self.route, "checkpoint": self.checkpoint,
            "round_ts": self.round_ts, "ts": self.ts, "method": self.method,
        }  # fmt: skip


@dataclass(slots=True)
class _Walk:
    """A guard's fixes folded as they come: distance and hours on patrol."""

    last: tuple[int, float, float] | None = None
    distance_m: float = 0.0
    ms: int = 0


@dataclass(slots=True)
class Missed:
    route: str
    checkpoint: str
    round_ts: int

    def to_json(self) -> dict[str, Any]:
        return {"route": self.route, "checkpoint": self.checkpoint, "round_ts": self.round_ts}


@dataclass(slots=True)
class _Rounds:
    first_ts: int
    """Rounds that started earlier were not watched from their start: never judged."""
    judged_until: int
    visits: dict[tuple[str, int], dict[str, CheckIn]] = field(default_factory=dict)


class PatrolWatch:
    """The `patrol_missed` rule; also keeps check-ins and each guard's walk for the figures."""

    name = MISSED_RULE
    kinds = frozenset({"gps.fix", "rfid.read"})

    def __init__(self, book: PatrolBook, district: District, severity: Severity = Severity.MEDIUM) -> None:
        self.book = book
        self.severity = severity
        self._guard_by_device = {d: g.id for d, g in district.guard_by_device().items()}
        self._guard_by_card = {
            str(g.extra["card"]): g.id for g in district.guards.values() if g.extra.get("card")
        }
        self._rounds: _Rounds | None = None
        self.checkins: deque[CheckIn] = deque(maxlen=KEEP)
        self.missed: deque[Missed] = deque(maxlen=KEEP)
        self.rounds_judged: dict[str, int] = {}
        self._walks: dict[str, _Walk] = {}

    # rule protocol ---------------------------------------------------------------------------------------
    def on_event(self, event: Event) -> Iterable[Signal]:
        if self._rounds is None:
            self._rounds = _Rounds(event.ts, event.ts)
        guard = self._guard_of(event)
        if guard is None:
            return _NONE
        if event.kind == "gps.fix" and event.lon is not None and event.lat is not None:
            self._walk(guard, event.ts, event.lon, event.lat)
        for route in self.book.routes_for(guard):
            start = self._round_at(route, event.ts)
            if start is None:
                continue
            seen = self._rounds.visits.setdefault((route.id, start), {})
            for cid in route.checkpoints:
                if cid not in seen and (method := _hit(self.book.checkpoints[cid], event)) is not None:
                    seen[cid] = c = CheckIn(guard, route.id, cid, start, event.ts, method)
                    self.checkins.append(c)
        return _NONE

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        if self._rounds is None:
            self._rounds = _Rounds(now_ts, now_ts)
            return _NONE
        first, since = self._rounds.first_ts, self._rounds.judged_until
        signals: list[Signal] = []
        for route in self.book.routes.values():
            window = self.book.window_ms(route)
            for start in self.book.round_starts(route, max(first, since - window + 1), now_ts - window + 1):
                self.rounds_judged[route.id] = self.rounds_judged.get(route.id, 0) + 1
                seen = self._rounds.visits.pop((route.id, start), {})
                for cid in route.checkpoints:
                    if cid not in seen:
                        self.missed.append(Missed(route.id, cid, start))
                        signals.append(self._signal(route, self.book.checkpoints[cid], start, now_ts))
        self._rounds.judged_until = max(since, now_ts)
        return signals

    # figures ---------------------------------------------------------------------------------------------
    def figures(self) -> dict[str, Any]:
        """Per guard: distance walked (m), hours on patrol, checkpoints checked in on time; per route:
        rounds judged, checkpoints due, checked and missed."""
        guards: dict[str, dict[str, Any]] = {}
        for gid, walk in sorted(self._walks.items()):
            guards[gid] = {"distance_m": round(walk.distance_m, 1), "hours": round(walk.ms / 3_600_000, 2)}
        for c in self.checkins:
            g = guards.setdefault(c.guard, {"distance_m": 0.0, "hours": 0.0})
            g["checkins_on_time"] = g.get("checkins_on_time", 0) + 1
        for g in guards.values():
            g.setdefault("checkins_on_time", 0)
        routes: dict[str, dict[str, int]] = {}
        for rid, route in self.book.routes.items():
            rounds = self.rounds_judged.get(rid, 0)
            missed = sum(1 for m in self.missed if m.route == rid)
            due = rounds * len(route.checkpoints)
            routes[rid] = {"rounds": rounds, "due": due, "checked": due - missed, "missed": missed}
        return {"guards": guards, "routes": routes}

    # internals -------------------------------------------------------------------------------------------
    def _guard_of(self, event: Event) -> str | None:
        guard = self._guard_by_device.get(event.device)
        if guard is not None:
            return guard
        if event.kind == "rfid.read":
            named = event.data.get("guard")
            if isinstance(named, str) and named:
                return named
            card = event.data.get("card") or event.data.get("tag")  # a fixed reader reads the guard's card
            return self._guard_by_card.get(str(card)) if card else None
        return None

    def _round_at(self, route: Route, ts: int) -> int | None:
        window = self.book.window_ms(route)
        starts = self.book.round_starts(route, ts - window + 1, ts + 1)
        return starts[-1] if starts else None

    def _walk(self, guard: str, ts: int, lon: float, lat: float) -> None:
        walk = self._walks.setdefault(guard, _Walk())
        if walk.last is not None and 0 < ts - walk.last[0] <= GAP_MS:
            walk.distance_m += distance_m(walk.last[1], walk.last[2], lon, lat)
            walk.ms += ts - walk.last[0]
        if walk.last is None or ts >= walk.last[0]:
            walk.last = (ts, lon, lat)

    def _signal(self, route: Route, cp: Checkpoint, start: int, now_ts: int) -> Signal:
        return Signal(
            rule=self.name,
            subject=f"{route.id}/{cp.id}",
            subject_type="checkpoint",
            severity=self.severity,
            ts=now_ts,
            lon=cp.lon,
            lat=cp.lat,
            data={
                "route": route.id,
                "route_name": route.name,
                "checkpoint": cp.id,
                "checkpoint_name": cp.name,
                "round_ts": start,
                "due_ts": start + self.book.window_ms(route),
                "guards": list(route.guards),
            },
        )


def _hit(cp: Checkpoint, event: Event) -> str | None:
    if event.kind == "gps.fix":
        if cp.lon is None or cp.lat is None or event.lon is None or event.lat is None:
            return None
        return "gps" if distance_m(cp.lon, cp.lat, event.lon, event.lat) <= cp.radius_m else None
    if cp.tag and str(event.data.get("tag") or "") == cp.tag:
        return "tag"
    if cp.reader and event.device == cp.reader:
        return "tag"
    return None
