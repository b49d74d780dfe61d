"""The full rule set must leave room for decode and storage: the pipeline target is 20,000 events/s."""

from __future__ import annotations

import random
import time

from sandbox_app.backtest import RuleRunner
from sandbox_app.data.package import load_package
from sandbox_app.domain.events import Event
from sandbox_app.domain.model import District
from sandbox_app.resources import demo_package
from sandbox_app.rules import Signal
from sandbox_app.rules.config import load_rules


def _mix(d: District, n: int) -> list[Event]:
    """Half GPS fixes, then heartbeats, gate passes, doors, locks, plates and a few alarms, ~1000/min."""
    rng = random.Random(7)
    devices = sorted(d.devices)
    by_kind: dict[str, list[str]] = {}
    for dev in d.devices.values():
        by_kind.setdefault(dev.kind, []).append(dev.id)
    trackers = sorted(g.device_id for g in d.guards.values() if g.device_id)
    people = sorted(d.people)
    c = next(iter(d.compounds.values())).boundary.centroid
    ts, out = 1_714_953_600_000, []
    for i in range(n):
        ts += rng.randint(0, 120)
        r = rng.random()
        if r < 0.5:
            lon, lat = c.x + rng.uniform(-1e-3, 1e-3), c.y + rng.uniform(-1e-3, 1e-3)
            out.append(Event(f"e{i}", ts, rng.choice(trackers), "gps.fix", lon, lat))
        elif r < 0.7:
            out.append(Event(f"e{i}", ts, rng.choice(devices), "device.heartbeat"))
        elif r < 0.8:
            data = {"person_id": rng.choice(people)}
            out.append(Event(f"e{i}", ts, rng.choice(by_kind["face_gate"]), "face.pass", data=data))
        elif r < 0.9:
            out.append(Event(f"e{i}", ts, rng.choice(by_kind["door_magnet"]), "door.open"))
        elif r < 0.95:
            data = {"credential": f"C{rng.randint(0, 99)}"}
            out.append(Event(f"e{i}", ts, rng.choice(by_kind["smart_lock"]), "lock.open", data=data))
        else:
            data = {"plate": f"京A{rng.randint(0, 999):05d}", "direction": rng.choice(["in", "out"])}
            out.append(Event(f"e{i}", ts, rng.choice(by_kind["vehicle_barrier"]), "plate.read", data=data))
    return out


def test_full_rule_set_is_fast_on_the_demo_district() -> None:
    district = load_package(demo_package())
    events = _mix(district, 60_000)
    signals: list[Signal] = []
    runner = RuleRunner(load_rules(district), signals.append)
    start = time.perf_counter()
    for event in events:
        runner.feed(event)
    runner.tick(events[-1].ts + 3_600_000)
    rate = len(events) / (time.perf_counter() - start)
    assert signals, "the mix must exercise rules, not just routing"
    assert rate >= 20_000, f"rules alone ran at {rate:,.0f} events/s"
