"""What goes wrong: alarms, perimeter breaches, silent rooms, dead devices, GPS spikes; and heartbeats.

Scripted "silences" (a device, or only some of its event kinds, says nothing for a while) are returned
beside the events and applied when the simulator assembles an hour, so a silent device is silent in every
stream at once. Silences start and end inside their own simulated day.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from sandbox_app.bridges.simulator.config import INCIDENT_KINDS, SimRates
from sandbox_app.bridges.simulator.patrol import Patrol, jump_fix
from sandbox_app.bridges.simulator.world import DAY_MS, HOUR_MS, Raw, World, pick, rng_for
from sandbox_app.geo.walkgraph import WalkGraph

DEFAULT_ARMED = (22.0, 6.0)
_STORY_KINDS = frozenset(
    {
        "face_gate",
        "vehicle_barrier",
        "smart_lock",
        "door_magnet",
        "perimeter_detector",
        "camera",  # fire lane, e-bike in a lift (nuisances)
        "door_controller",  # renovation work
        *INCIDENT_KINDS.values(),
    }
)
"""Device kinds that carry a daily story; an offline device is picked elsewhere so no story goes missing."""


@dataclass(frozen=True, slots=True)
class Silence:
    device: str
    t0: int
    t1: int
    kinds: frozenset[str] | None = None
    """Only these event kinds are held back; None means the device sends nothing at all."""

    def hides(self, raw: Raw) -> bool:
        return (
            raw.device == self.device
            and self.t0 <= raw.ts < self.t1
            and (self.kinds is None or raw.kind in self.kinds)
        )


@dataclass(slots=True)
class Incidents:
    events: list[Raw] = field(default_factory=list)
    silences: list[Silence] = field(default_factory=list)

    def silenced(self) -> dict[str, list[Silence]]:
        """Silences by device, so filtering an hour costs one dict lookup per event."""
        out: dict[str, list[Silence]] = {}
        for s in self.silences:
            out.setdefault(s.device, []).append(s)
        return out


def plan(
    w: World, patrols: list[Patrol], graph: WalkGraph, seed: int, rates: SimRates, day: int, t0: int
) -> Incidents:
    """The day's scripted trouble; device alarms avoid the device that goes offline that day."""
    rng = rng_for(seed, "incidents", day)
    out = Incidents()
    offline = _offline(w, rng, rates, t0, out)
    _silent_rooms(w, rng, rates, t0, out)
    for kind, rate in sorted(rates.incidents.items()):
        devices = [d.id for d in w.by_kind.get(INCIDENT_KINDS.get(kind, ""), []) if d.id not in offline]
        n = rates.count(rate, int(rng.poisson(rate))) if devices else 0
        for ts in np.sort(rng.integers(t0, t0 + DAY_MS, n)).tolist():
            out.events.append(Raw(ts, pick(rng, devices), kind, None, None, {}))
    n = rates.count(rates.gps_jumps, int(rng.poisson(rates.gps_jumps))) if patrols else 0
    for _ in range(n):
        hour = int(rng.integers(1, 23))
        spike = jump_fix(patrols, graph, (24 * day + hour, t0 + hour * HOUR_MS), seed, rates, rng)
        if spike is not None:
            out.events.append(spike)
    return out


def _offline(w: World, rng: np.random.Generator, rates: SimRates, t0: int, out: Incidents) -> set[str]:
    """Devices that fall silent for three heartbeat intervals plus ten minutes, from 1-8 h into the day."""
    pool = [(d, hb) for d, hb in w.heartbeats if w.district.devices[d].kind not in _STORY_KINDS]
    pool = pool or w.heartbeats
    n = rates.count(rates.offline_devices, int(rng.poisson(rates.offline_devices))) if pool else 0
    chosen: set[str] = set()
    for _ in range(n):
        device, hb = pick(rng, pool)
        start = t0 + int(rng.uniform(1, 8) * HOUR_MS)
        out.silences.append(Silence(device, start, start + (3 * hb + 600) * 1000))
        chosen.add(device)
    return chosen


def _silent_rooms(w: World, rng: np.random.Generator, rates: SimRates, t0: int, out: Incidents) -> None:
    """Elderly rooms whose door stays shut for `elderly_silence_h` right after one last open and close.

    `elderly_silences` is a count per day, not a Poisson mean: its whole part every day, its fraction as a
    chance; so the default 1 is one silent room a day, as docs/simulator.md says (a Poisson draw gave two or
    three on one day in four, issue 24). Two silences on one day take two different rooms."""
    whole = int(rates.elderly_silences)
    n = whole + int(rng.random() < rates.elderly_silences - whole) if w.elderly_doors else 0
    if rates.guaranteed and rates.elderly_silences > 0:
        n = max(n, 1)
    rooms = list(w.elderly_doors)
    for _ in range(min(n, len(rooms))):
        device = rooms.pop(int(rng.integers(len(rooms))))
        start = t0 + int(rng.uniform(0.5, 3.0) * HOUR_MS)
        out.events.append(Raw(start - 180_000, device, "door.open", None, None, {}))
        out.events.append(Raw(start - 60_000, device, "door.close", None, None, {}))
        end = start + int(rates.elderly_silence_h * HOUR_MS)
        out.silences.append(Silence(device, start, end, frozenset({"door.open", "door.close"})))


def _armed_span(w: World, device: str) -> tuple[float, float]:
    """A detector's armed hours (its `armed_hours` column, else its gate's closed hours), first span only."""
    dev = w.district.devices[device]
    gate = w.district.gates.get(dev.gate_id or "")
    for text in (str(dev.extra.get("armed_hours") or ""), gate.closed_hours if gate else ""):
        start, _, end = text.split(",")[0].partition("-")
        try:
            return _hour(start), _hour(end)
        except ValueError:
            continue
    return DEFAULT_ARMED


def _hour(text: str) -> float:
    hours, _, minutes = text.strip().partition(":")
    value = int(hours) + int(minutes or 0) / 60.0
    if not 0 <= value <= 24:
        raise ValueError(text)
    return value


def perimeter(w: World, seed: int, rates: SimRates, t0: int, t1: int) -> list[Raw]:
    """Each local day: one breach in the middle of a detector's armed hours, one in the middle of its
    disarmed hours (which must stay quiet), and a few at random hours."""
    detectors = [d.id for d in w.by_kind.get("perimeter_detector", [])]
    out: list[Raw] = []
    for day in range(w.local.day(t0) - 1, w.local.day(t1) + 1) if detectors else ():
        rng = rng_for(seed, "perimeter", day)
        for armed in (True, False):
            device = pick(rng, detectors)
            on, off = _armed_span(w, device)
            mid = on + ((off - on) % 24) / 2 if armed else off + ((on - off) % 24) / 2
            ts = w.local.at(day, mid % 24 + float(rng.uniform(-0.25, 0.25)))
            out.append(Raw(ts, device, "perimeter.breach", None, None, {}))
        for hour in rng.uniform(0, 24, int(rng.poisson(rates.perimeter_extras))).tolist():
            device = pick(rng, detectors)
            out.append(Raw(w.local.at(day, hour), device, "perimeter.breach", None, None, {}))
    return [r for r in out if t0 <= r.ts < t1]


def heartbeats(
    devices: list[tuple[str, int]], seed: int, rates: SimRates, t0: int, t1: int, origin: int | None = None
) -> list[Raw]:
    """device.heartbeat every `heartbeat_s * heartbeat_fraction` (declared in `data.interval_s`), each
    device at its own fixed phase, or all beating first at `origin` when given."""
    out = []
    phases = rng_for(seed, "heartbeat").random(len(devices))
    for (device, hb), phase in zip(devices, phases.tolist(), strict=True):
        step = max(int(hb * rates.heartbeat_fraction * 1000), 1000)
        offset = int(phase * step) if origin is None else origin
        first = t0 + (offset - t0) % step
        for ts in range(first, t1, step):
            out.append(Raw(ts, device, "device.heartbeat", None, None, {"interval_s": hb}))
    return out
