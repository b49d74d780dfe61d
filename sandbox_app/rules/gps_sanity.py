"""GPS sanity: a fix that implies an impossible speed, or lands outside the district, is flagged.

The engine asks `flag()` before storing: a flagged fix is kept in the log but never drawn as the guard's
position, so one multipath spike does not send the nearest-guard dispatch to the wrong end of town. Speed
limits depend on the guard's role (police drive, grid workers walk). A genuine move (the guard took a car)
is accepted after `reset_after` flagged fixes that agree with each other, so a tracker is never stuck.

A fix is a fresh start, not judged by speed, when the tracker says it just (re)started (`data["power_on"]`:
the simulator's first fix of each guard after a restart, where the guards begin their rounds anew) or when
it comes after `resume_after_s` of silence (a switched-off phone may be anywhere after half an hour): speed
is distance over time between two fixes of one journey, and across a restart there is no journey. Without
this, every restart of the embedded simulator opened one "implausible GPS fix" per guard (issue 16).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.distance import M_PER_DEG, distance_m
from sandbox_app.domain.enums import GuardRole, Severity
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params, RuleConfigError
from sandbox_app.rules._where import NOWHERE, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()
_MAX_PENDING = 10_000
ROLE_MAX_KMH = {GuardRole.POLICE.value: 120.0, GuardRole.AUXILIARY.value: 120.0}
"""Roles that patrol by car or motorbike; every other role walks or cycles (`default_max_kmh`)."""
Fix = tuple[int, float, float]
"""(ts ms, lon, lat)"""


def district_bounds(district: District) -> tuple[float, float, float, float] | None:
    geoms = [c.boundary for c in district.compounds.values()]
    geoms += [b.footprint for b in district.buildings.values()]
    geoms += [r.line for r in district.roads.values()] + [g.location for g in district.gates.values()]
    if not geoms:
        return None
    xs0, ys0, xs1, ys1 = zip(*(g.bounds for g in geoms), strict=True)
    return (min(xs0), min(ys0), max(xs1), max(ys1))


@register("gps_sanity")
class GpsSanity:
    """Flagger for gps.fix, and a signal (default low) on the guard or device whose fix was flagged."""

    name = "gps_sanity"
    kinds = frozenset({"gps.fix"})

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        default_kmh = p.number("default_max_kmh", 60.0)
        by_role = {**ROLE_MAX_KMH, **p.numbers("max_kmh")}
        self.min_jump_m = p.number("min_jump_m", 50.0, positive=False)
        self._short_m = self.min_jump_m * 0.999  # strictly inside min_jump_m whatever the rounding
        margin_m = p.number("margin_m", 2000.0, positive=False)
        self.reset_after = p.integer("reset_after", 3, minimum=2)
        self._resume_ms = p.number("resume_after_s", 1800.0) * 1000
        self.severity = p.severity(Severity.LOW)
        p.done()
        for role in by_role:
            if role not in {r.value for r in GuardRole}:
                known = ", ".join(r.value for r in GuardRole)
                raise RuleConfigError(p.key(f"max_kmh.{role}"), f"unknown guard role (known: {known})")
        self._guard = {dev: g.id for dev, g in district.guard_by_device().items()}
        self._limit_ms = {
            dev: by_role.get(g.role.value, default_kmh) / 3.6 for dev, g in district.guard_by_device().items()
        }
        self._default_ms = default_kmh / 3.6
        self._box = self._margin(district_bounds(district), margin_m)
        self._fix: dict[str, Fix] = {}
        self._suspect: dict[str, list[Fix]] = {}
        self._pending: dict[str, dict[str, Any]] = {}
        """Details of fixes flagged but not yet seen by on_event (the engine flags a whole batch first)."""

    @staticmethod
    def _margin(box: tuple[float, float, float, float] | None, m: float) -> tuple[float, ...] | None:
        if box is None:
            return None
        dlat = m / M_PER_DEG
        dlon = dlat / max(math.cos(math.radians((box[1] + box[3]) / 2)), 0.01)
        return (box[0] - dlon, box[1] - dlat, box[2] + dlon, box[3] + dlat)

    def flag(self, event: Event) -> str | None:
        lon, lat = event.lon, event.lat
        if event.kind != "gps.fix" or lon is None or lat is None:
            return None
        device, ts = event.device, event.ts
        prev = self._fix.get(device)
        box = self._box
        if (  # the common case, inlined (runs per fix): inside the box, a short step or a plausible speed
            prev is not None
            and prev[0] < ts < prev[0] + self._resume_ms
            and (box is None or (box[0] <= lon <= box[2] and box[1] <= lat <= box[3]))
            and device not in self._suspect
        ):
            # |Δlon|+|Δlat| bounds the distance from above (cos(lat) <= 1): a short step needs no trigonometry
            if (abs(lon - prev[1]) + abs(lat - prev[2])) * M_PER_DEG < self._short_m:
                self._fix[device] = (ts, lon, lat)
                return None
            meters = distance_m(prev[1], prev[2], lon, lat)
            if meters <= self.min_jump_m or meters * 1000 <= self._limit_ms.get(device, self._default_ms) * (
                ts - prev[0]
            ):
                self._fix[device] = (ts, lon, lat)
                return None
        reason, detail = self._check(device, (ts, lon, lat), bool(event.data.get("power_on")))
        if reason is not None:
            if len(self._pending) >= _MAX_PENDING:  # flagged duplicates the store dropped never come back
                self._pending.clear()
            self._pending[event.id] = {"text": reason, **detail}
        return reason

    def _check(self, device: str, fix: Fix, power_on: bool = False) -> tuple[str | None, dict[str, Any]]:
        ts, lon, lat = fix
        box = self._box
        if box is not None and not (box[0] <= lon <= box[2] and box[1] <= lat <= box[3]):
            return "outside the district", {"reason": "outside_district"}
        prev = self._fix.get(device)
        if prev is not None and (power_on or ts >= prev[0] + self._resume_ms):
            self._fix[device] = fix  # a fresh start: the new reference, whatever the distance
            self._suspect.pop(device, None)
            return None, {}
        if prev is None or ts < prev[0]:
            if prev is None:
                self._fix[device] = fix
            return None, {}  # first fix, or a late one: nothing to compare against
        limit = self._limit_ms.get(device, self._default_ms)
        meters = distance_m(prev[1], prev[2], lon, lat)
        if meters <= self.min_jump_m or (ts > prev[0] and meters * 1000 <= limit * (ts - prev[0])):
            self._fix[device] = fix
            self._suspect.pop(device, None)
            return None, {}
        if self._relocated(device, fix, limit):
            return None, {}
        kmh = math.inf if ts == prev[0] else meters / (ts - prev[0]) * 3_600
        detail = {"reason": "speed", "speed_kmh": round(kmh, 1), "limit_kmh": round(limit * 3.6, 1)}
        return f"implausible speed {kmh:.0f} km/h (limit {limit * 3.6:.0f})", detail

    def _relocated(self, device: str, fix: Fix, limit: float) -> bool:
        """Collect consistent suspect fixes; enough of them in a row mean the device really moved."""
        chain = self._suspect.setdefault(device, [])
        if chain:
            ts0, lon0, lat0 = chain[-1]
            meters = distance_m(lon0, lat0, fix[1], fix[2])
            if not (meters <= self.min_jump_m or meters * 1000 <= limit * max(fix[0] - ts0, 0)):
                chain.clear()
        chain.append(fix)
        if len(chain) < self.reset_after:
            return False
        self._fix[device] = fix
        del self._suspect[device]
        return True

    def on_event(self, event: Event) -> Iterable[Signal]:
        """Report a fix `flag()` judged implausible; never judge again here, so the flag state stays exact.

        The engine (and the backtest) call `flag()` on every fix first; a fix flagged earlier and replayed
        from the store carries the reason in `data["flagged"]`.
        """
        if "flagged" not in event.data and event.id not in self._pending:
            return _NONE  # the common case, every plausible fix: nothing to report
        detail = self._pending.pop(event.id, {})
        text = detail.pop("text", None)
        reason = event.data.get("flagged", text)
        if not isinstance(reason, str):
            return _NONE
        guard = self._guard.get(event.device)
        subject, subject_type = (guard, "guard") if guard else (event.device, "device")
        signal = make_signal(
            self.name,
            subject,
            subject_type,
            self.severity,
            event.ts,
            NOWHERE,
            event,
            flagged=reason,
            **detail,
        )
        return (signal,)

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        return _NONE
