"""The simulator: reproducible from its seed, plausible guards, every trigger in a day, valid events.

Most tests use a small hand-built district so they run in well under a second each; the last one feeds a
simulated day of the demo district through the real engine and rules (the issue's "Done when").
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import msgspec
import numpy as np
import pytest
from shapely.geometry import LineString, Point, box

from sandbox_app.bridges.simulator.config import ROLE_SPEED_MPS, SimRates
from sandbox_app.bridges.simulator.source import HISTORY_HEARTBEAT_S, Simulator
from sandbox_app.domain.device_kinds import DEVICE_KINDS, Placement
from sandbox_app.domain.enums import GuardRole, PersonTag, Relation, RoomUsage
from sandbox_app.domain.events import EVENT_KINDS, Event, Rejection
from sandbox_app.domain.model import Building, Compound, Device, District, Gate, Guard, Person, Road, Room
from sandbox_app.engine.messages import BridgeHealth

LON0, LAT0 = 116.35, 40.0
D = 0.001
START = 1_794_945_600_000  # 2026-11-18 04:00 Asia/Shanghai
HOUR = 3_600_000
DAY = 24 * HOUR


def _p(x: float, y: float) -> tuple[float, float]:
    return (LON0 + x * D, LAT0 + y * D)


def _device(id_: str, kind: str, **where: str) -> Device:
    placement = Placement.POINT
    if "room_id" in where:
        placement = Placement.ROOM
    elif "gate_id" in where:
        placement = Placement.GATE
    elif "building_id" in where:
        placement = Placement.BUILDING
    return Device(id_, kind, id_, placement, location=Point(_p(1, 1)), **where)  # type: ignore[arg-type]


def _devices() -> list[Device]:
    """One device of nearly every kind; the perimeter detector is armed 22-6."""
    devices = [
        _device("FG1", "face_gate", gate_id="G1"),
        _device("FG2", "face_gate", gate_id="G2"),
        _device("VB1", "vehicle_barrier", gate_id="G1"),
        _device("RF1", "rfid_reader", gate_id="G1"),
        _device("AB1", "alarm_button", gate_id="G1"),
        _device("CAM1", "camera", gate_id="G2"),
        _device("PD1", "perimeter_detector"),
        _device("BC1", "behavior_camera"),
        _device("TC1", "throw_camera", building_id="B1"),
        _device("GS1", "gas_sensor", building_id="B1"),
        _device("WS1", "water_sensor", building_id="B1"),
        _device("SD1", "smoke_detector", building_id="B1", room_id="R3"),
        _device("DM1", "door_magnet", building_id="B1", room_id="R1"),
        _device("DM3", "door_magnet", building_id="B1", room_id="R3"),
        _device("SL2", "smart_lock", building_id="B1", room_id="R2"),
        _device("SL4", "smart_lock", building_id="B1", room_id="R4"),
        _device("DC1", "door_controller", building_id="B1"),
        _device("BODY1", "body_camera"),
    ]
    devices[6].extra["armed_hours"] = "22-6"
    return devices


def small_district() -> District:
    """One compound on a 3x3 street grid: two gates, an elderly flat, two rentals, three guards."""
    d = District("test", "Asia/Shanghai")
    d.compounds["C1"] = Compound("C1", "测试小区", box(*_p(-0.2, -0.2), *_p(2.2, 2.2)))
    d.buildings["B1"] = Building("B1", "C1", "1号楼", 6, box(*_p(0.2, 0.2), *_p(0.8, 0.8)))
    for k in range(3):
        d.roads[f"h{k}"] = Road(f"h{k}", "footway", LineString([_p(0, k), _p(1, k), _p(2, k)]))
        d.roads[f"v{k}"] = Road(f"v{k}", "service", LineString([_p(k, 0), _p(k, 1), _p(k, 2)]))
    d.gates["G1"] = Gate("G1", "南门", Point(_p(1, 0)), "C1")
    d.gates["G2"] = Gate("G2", "北门", Point(_p(1, 2)), "C1", closed_hours="23-6")
    rooms = {
        "R1": RoomUsage.OWNER,
        "R2": RoomUsage.RENTAL,
        "R3": RoomUsage.OWNER,
        "R4": RoomUsage.GROUP_RENTAL,
    }
    for n, (rid, usage) in enumerate(rooms.items(), start=1):
        d.rooms[rid] = Room(rid, "B1", "1", n, f"{n}01", usage)
    people = [
        ("P1", "R1", Relation.OWNER, {PersonTag.ELDERLY_ALONE}, {"FACE-P1"}),
        ("P2", "R2", Relation.TENANT, set(), {"CARD-00001", "京A·TEST001"}),
        ("P3", "R3", Relation.OWNER, set(), {"FACE-P3", "RFID-000001", "京B·TEST002"}),
        ("P4", "R3", Relation.FAMILY, {PersonTag.WATCHLIST}, {"FACE-P4"}),
        ("P5", "R4", Relation.TENANT, {PersonTag.FLOATING}, {"CARD-00002"}),
        ("P6", "R4", Relation.TENANT, set(), {"CARD-00003"}),
    ]
    for pid, room, rel, tags, creds in people:
        d.people[pid] = Person(pid, f"测试居民{pid}", room, rel, frozenset(tags), frozenset(creds))
    for dev in _devices():
        d.devices[dev.id] = dev
    for n, role in enumerate((GuardRole.POLICE, GuardRole.GRID, GuardRole.SECURITY), start=1):
        d.devices[f"GPS{n}"] = _device(f"GPS{n}", "gps_tracker")
        d.guards[f"GD{n}"] = Guard(f"GD{n}", f"测试队员{n}", role, f"GPS{n}", {"compound_id": "C1"})
    return d


@pytest.fixture(scope="module")
def district() -> District:
    return small_district()


@pytest.fixture(scope="module")
def day(district: District) -> list[Event]:
    return list(Simulator(district, seed=11, start_ts=START).events_between(START, START + DAY))


def test_same_seed_same_events_and_other_seed_differs(district: District) -> None:
    a = list(Simulator(district, 5, START).events_between(START, START + 3 * HOUR))
    b = list(Simulator(district, 5, START).events_between(START, START + 3 * HOUR))
    c = list(Simulator(district, 6, START).events_between(START, START + 3 * HOUR))
    assert len(a) > 1000 and a == b
    assert a[:50] != c[:50]
    assert {(e.ts, e.device) for e in a} != {(e.ts, e.device) for e in c}


def test_any_window_is_the_same_slice_of_one_stream(district: District) -> None:
    """Hours are generated on their own: asking late first, or in pieces, changes nothing."""
    whole = list(Simulator(district, 3, START).events_between(START + 20 * HOUR, START + 30 * HOUR))
    sim = Simulator(district, 3, START)
    cut = START + 26 * HOUR + 123_456
    late = list(sim.events_between(cut, START + 30 * HOUR))
    early = list(sim.events_between(START + 20 * HOUR, cut))
    assert early + late == whole
    assert all(START + 20 * HOUR <= e.ts < START + 30 * HOUR for e in whole)
    assert list(sim.events_between(START - HOUR, START)) == []


def test_time_order_and_unique_deterministic_ids(day: list[Event]) -> None:
    assert [e.ts for e in day] == sorted(e.ts for e in day)
    assert len({e.id for e in day}) == len(day)
    assert all(e.id.startswith("sim-11-") for e in day)
    assert day[0].id == "sim-11-0-0"


def test_events_survive_the_wire_schema(day: list[Event]) -> None:
    from sandbox_app.bridges import schema

    sample = day[::7] + [e for e in day if e.kind != "gps.fix"]
    for event in sample:
        back = schema.decode_event(schema.encode_event(event))
        assert not isinstance(back, Rejection), (back, event)
        assert back == event
    assert {e.kind for e in day} <= EVENT_KINDS


def _fixes(day: list[Event], device: str) -> list[Event]:
    return [e for e in day if e.kind == "gps.fix" and e.device == device]


def test_guards_stay_on_the_paths_at_their_role_speed(district: District) -> None:
    sim = Simulator(district, 11, START)
    day = list(sim.events_between(START, START + DAY))
    spikes = 0
    for guard in district.guards.values():
        assert guard.device_id is not None
        fixes = [e for e in _fixes(day, guard.device_id)]
        lon = np.array([e.lon for e in fixes], dtype=float)
        lat = np.array([e.lat for e in fixes], dtype=float)
        off = sim.graph.distance_to_edges_m(lon, lat)
        jumps = off > 300
        assert jumps.sum() <= 3, "only the scripted spikes leave the paths"
        for k in np.flatnonzero(jumps).tolist():
            assert fixes[k].ts - fixes[k - 1].ts == 1000, "a spike comes right after a real fix"
            spikes += 1
        assert np.percentile(off[~jumps], 99) < 10 and off[~jumps].max() < 20
        speeds = np.array([e.data["speed"] for e in fixes])
        top = ROLE_SPEED_MPS[guard.role][1]
        assert speeds.max() < top * 1.3 and (speeds == 0).any(), "moves at role speed and pauses"
        good = [f for f, j in zip(fixes, jumps, strict=True) if not j]
        gaps = np.diff([f.ts for f in good]) / 1000
        assert gaps.min() >= 4.9 and np.median(gaps) == pytest.approx(7.5, abs=1.0)
        assert gaps.max() < 2 * DEVICE_KINDS["gps_tracker"].heartbeat_s, "a drop-out never looks offline"
        assert all(0 <= f.data["battery"] <= 100 and 0 <= f.data["course"] <= 360 for f in fixes)
    assert spikes >= 1


def test_police_ride_faster_than_grid_workers_walk(day: list[Event]) -> None:
    police = np.array([e.data["speed"] for e in _fixes(day, "GPS1")])
    grid = np.array([e.data["speed"] for e in _fixes(day, "GPS2")])
    assert np.median(police[police > 0]) > 3.0 > 1.6 > np.median(grid[grid > 0]) > 1.0


def _silences(events: Sequence[Event], device: str, kinds: set[str]) -> float:
    """The longest quiet spell (hours) of a device in `kinds` events within the simulated day."""
    ts = [START, *(e.ts for e in events if e.device == device and e.kind in kinds), START + DAY]
    return float(np.diff(ts).max()) / HOUR


def test_a_day_holds_every_trigger(district: District, day: list[Event]) -> None:
    kinds = Counter(e.kind for e in day)
    assert set(kinds) == EVENT_KINDS, f"missing kinds: {EVENT_KINDS - set(kinds)}"
    faces = [e.data for e in day if e.kind == "face.pass"]
    assert any("person_id" not in f for f in faces), "a stranger"
    assert any(f.get("watchlist") is True for f in faces), "a watch-listed face"
    assert not any(f.get("person_id") == "P4" and "watchlist" not in f for f in faces)
    plates = [e.data for e in day if e.kind == "plate.read"]
    assert any(p["plate"] == "京A·BLK001" for p in plates)
    ins = Counter(p["plate"] for p in plates if p["direction"] == "in")
    outs = Counter(p["plate"] for p in plates if p["direction"] == "out")
    assert any(plate.startswith("京Z·S") and outs[plate] == 0 for plate in ins), "a car that stays"
    registered = {"SL2": {"CARD-00001"}, "SL4": {"CARD-00002", "CARD-00003"}}
    opens = [(e.device, e.data["credential"]) for e in day if e.kind == "lock.open"]
    assert any(c in registered[lock] for lock, c in opens)
    assert any(c not in registered[lock] for lock, c in opens), "an unknown card"
    assert _silences(day, "DM1", {"door.open", "door.close"}) > 12.5, "the elderly room goes quiet"
    assert _silences(day, "DM3", {"door.open", "door.close"}) < 11.5, "a normal room never does"
    hours = [(e.ts + 8 * HOUR) // HOUR % 24 for e in day if e.kind == "perimeter.breach"]
    assert any(h >= 22 or h < 6 for h in hours) and any(6 <= h < 22 for h in hours), "armed and disarmed"


def test_one_device_goes_offline_and_heartbeats_keep_the_rest_alive(district: District) -> None:
    sim = Simulator(district, 11, START)
    day = list(sim.events_between(START, START + DAY))
    limits = {d.id: 2 * DEVICE_KINDS[d.kind].heartbeat_s * 1000 for d in district.devices.values()}
    last = {dev: START for dev in limits}
    worst: dict[str, int] = {}
    for e in day:
        worst[e.device] = max(worst.get(e.device, 0), e.ts - last[e.device])
        last[e.device] = e.ts
    silent = {dev for dev, gap in worst.items() if gap > limits[dev]}
    assert len(silent) >= 1
    assert all(district.devices[dev].kind not in {"face_gate", "smart_lock", "door_magnet"} for dev in silent)
    heartbeats = [e for e in day if e.kind == "device.heartbeat"]
    assert all(
        e.data["interval_s"] == DEVICE_KINDS[district.devices[e.device].kind].heartbeat_s for e in heartbeats
    )
    assert not {e.device for e in heartbeats} & {"GPS1", "GPS2", "GPS3"}, "trackers live by their fixes"


def test_quiet_rates_raise_nothing(district: District) -> None:
    """The stories come from the rates: turned off (and not guaranteed), none of them happens."""
    quiet = SimRates(
        guaranteed=False,
        incidents={},
        gps_jumps=0,
        strangers_per_face_gate=0,
        watchlist_passes=0,
        blacklist_reads=0,
        unknown_card_opens=0,
        elderly_silences=0,
        offline_devices=0,
        perimeter_extras=0,
    )
    day = list(Simulator(district, 11, START, rates=quiet).events_between(START, START + DAY))
    kinds = Counter(e.kind for e in day)
    assert not {"smoke.alarm", "gas.alarm", "fall.detected", "alarm.button", "tailgate.detected"} & set(kinds)
    assert all("person_id" in e.data and "watchlist" not in e.data for e in day if e.kind == "face.pass")
    assert _silences(day, "DM1", {"door.open", "door.close"}) < 11.5


def test_history_prepares_the_habit_and_day_counting_rules(district: District) -> None:
    sim = Simulator(district, 11, START)
    past = list(sim.history(30))
    assert past and all(START - 30 * DAY <= e.ts < START for e in past)
    assert [e.ts for e in past] == sorted(e.ts for e in past)
    outings = {(e.ts + 8 * HOUR) // DAY for e in past if e.data.get("person_id") == "P1"}
    assert len(outings) == 30, "the elderly resident goes out every day before the start"
    cards = Counter(e.data["credential"] for e in past if e.kind == "lock.open")
    assert cards["CARD-T00000"] == 2, "two visits of the unknown tenant before day one"
    assert any(e.kind == "plate.read" for e in past)
    beats = [e for e in past if e.kind == "device.heartbeat"]
    assert beats and all(e.data["interval_s"] == HISTORY_HEARTBEAT_S for e in beats)
    live = list(sim.events_between(START, START + DAY))
    assert not {e.id for e in past} & {e.id for e in live}
    assert cards.keys() & {e.data["credential"] for e in live if e.kind == "lock.open"} == {"CARD-T00000"}
    assert not any(e.data.get("person_id") == "P1" for e in live if e.kind == "face.pass"), "P1 breaks habit"


def test_history_carries_the_guards_patrols_of_the_last_days(district: District) -> None:
    """Replaying yesterday shows the guards: the last HISTORY_PATROL_DAYS of the history hold their fixes,
    one a minute per guard (thinned, under the trackers' heartbeat), none before."""
    from sandbox_app.bridges.simulator.source import HISTORY_FIX_S, HISTORY_PATROL_DAYS

    sim = Simulator(district, 11, START)
    past = list(sim.history(5))
    trackers = {g.device_id for g in district.guards.values() if g.device_id}
    fixes = [e for e in past if e.kind == "gps.fix"]
    assert {e.device for e in fixes} == trackers
    assert min(e.ts for e in fixes) >= START - HISTORY_PATROL_DAYS * DAY
    for device in trackers:
        times = [e.ts for e in fixes if e.device == device]
        assert times == sorted(times) and len(times) > HISTORY_PATROL_DAYS * 24 * 60 * 0.8
        assert len({t // (HISTORY_FIX_S * 1000) for t in times}) == len(times)  # one a minute at most
    assert len({e.id for e in past}) == len(past)


class _StepClock:
    """A clock that moves one second per reading: the driver never touches the wall clock."""

    def __init__(self) -> None:
        self.now = 1_000_000
        self.reads = 0

    def now_ms(self) -> int:
        self.now += 1000
        self.reads += 1
        return self.now


def test_real_time_driver_feeds_the_stream_at_its_speed(district: District) -> None:
    sim = Simulator(district, 11, START, speed=600.0)
    stop = threading.Event()
    got: list[Event | Rejection] = []

    def sink(batch: Sequence[Event | Rejection]) -> None:
        got.extend(batch)
        if got[-1].ts >= START + 2 * HOUR:  # type: ignore[union-attr]
            stop.set()

    health: list[BridgeHealth] = []
    clock = _StepClock()
    sim.run(sink, clock, stop, tick_s=0.0, max_batch=500, reporter=health.append)
    events = [e for e in got if isinstance(e, Event)]
    assert health[0].connected and not health[-1].connected
    assert health[-1].received == len(got) and health[-1].rejected == 0 and health[-1].name == "simulator"
    assert len(events) == len(got)
    first = Counter(e.device for e in events if e.data.get("power_on"))
    assert first and set(first.values()) == {1}  # each tracker's first fix of the run says so, only it
    assert first.keys() == {e.device for e in events if e.kind == "gps.fix"}
    plain = [
        msgspec.structs.replace(e, data={k: v for k, v in e.data.items() if k != "power_on"}) for e in events
    ]
    assert plain == list(sim.events_between(START, events[-1].ts + 1))
    assert events[-1].ts - START < clock.reads * 600_000, "each clock second is ten simulated minutes"


def test_driver_sends_the_history_first(district: District) -> None:
    sim = Simulator(district, 11, START)
    stop = threading.Event()
    stop.set()  # only the history goes out, then the loop sees the stop
    got: list[Event | Rejection] = []
    sim.run(got.extend, _StepClock(), stop, tick_s=0.0, history_days=5)
    assert got == list(sim.history(5)) and got


def test_no_paths_means_no_fixes_but_trackers_stay_alive(district: District) -> None:
    bare = small_district()
    bare.roads.clear()
    day = list(Simulator(bare, 11, START).events_between(START, START + 2 * HOUR))
    assert not any(e.kind == "gps.fix" for e in day)
    assert {"GPS1", "GPS2", "GPS3"} <= {e.device for e in day if e.kind == "device.heartbeat"}


def test_a_guard_whose_waypoints_all_fall_on_one_node_keeps_a_post_there() -> None:
    """On a district with two path nodes about one seed in ten drew every waypoint on the same node: the
    loop had no length, positions came out NaN and the live session died with it (seeds come from the
    clock, so CI met it by chance). Every seed gives a loop with a length and a finite fix."""
    from tests.layers.sample import small_district as two_node_district

    for seed in range(60):
        sim = Simulator(two_node_district(), seed, START)
        assert all(p.period_s > 0 for p in sim.patrols), seed
        fixes = [e for e in sim.events_between(START, START + HOUR // 4) if e.kind == "gps.fix"]
        assert fixes and all(np.isfinite([e.lon, e.lat]).all() for e in fixes), seed


def test_speed_must_be_positive(district: District) -> None:
    with pytest.raises(ValueError):
        Simulator(district, 1, START, speed=0)


@pytest.mark.slow
def test_one_simulated_day_through_the_engine_raises_every_alert_kind(tmp_path: Path) -> None:
    """The issue's "Done when": the demo district, history plus one day at full speed, every rule fires;
    and the same seed gives the same day."""
    from sandbox_app.data.package import load_package
    from sandbox_app.engine.pipeline import Engine
    from sandbox_app.rules import RULE_FAMILIES
    from sandbox_app.rules.config import build_rules, read_rules_file
    from sandbox_app.store import open_store
    from tests.support import committed_demo

    district = load_package(committed_demo())
    config = read_rules_file()
    blacklist = config.setdefault("plate_blacklist", {})
    blacklist["plates"] = sorted({*blacklist.get("plates", []), *SimRates().blacklist})

    def stream(sim: Simulator, digest: Any) -> Iterator[Event]:
        for event in sim.events_between(START, START + DAY):
            digest.update(f"{event}".encode())
            yield event

    first = hashlib.blake2b()
    sim = Simulator(district, seed=2024, start_ts=START)
    store = open_store(tmp_path / "day.db")
    engine = Engine(store, district, build_rules(district, config))
    engine.ingest(sim.history(30))
    engine.ingest(stream(sim, first))
    engine.advance_to(START + DAY)
    alerts = store.alerts()
    store.close()
    fired = Counter(a.rule for a in alerts)
    assert set(RULE_FAMILIES) <= set(fired), f"never fired: {sorted(set(RULE_FAMILIES) - set(fired))}"
    in_day = Counter(a.rule for a in alerts if a.first_ts >= START)
    assert set(RULE_FAMILIES) <= set(in_day), "each rule fires within the simulated day itself"
    assert fired["device_offline"] <= 5, "history and heartbeats keep the offline rule to the scripted ones"
    # Reproducible: a fresh simulator with the same seed sends the very same day (and the engine is a
    # function of its input), checked on the stream so the test need not run the engine twice.
    again = hashlib.blake2b()
    for _ in stream(Simulator(district, seed=2024, start_ts=START), again):
        pass
    assert again.hexdigest() == first.hexdigest()


def test_a_restarted_simulator_opens_no_gps_alert_for_the_jump(district: District) -> None:
    """Issue 16: a restart starts every guard's round anew, somewhere else, right after the last run's
    clock; the first fixes say `power_on`, so gps_sanity takes them as a fresh start, not a speed."""
    from sandbox_app.bridges.simulator.source import power_on
    from sandbox_app.rules.gps_sanity import GpsSanity

    before = [
        e for e in Simulator(district, 11, START).events_between(START, START + HOUR) if e.kind == "gps.fix"
    ]
    end = max(e.ts for e in before)
    after = [
        e for e in Simulator(district, 97, end + 1).events_between(end + 1, end + HOUR) if e.kind == "gps.fix"
    ]
    firsts = {e.device: e.id for e in reversed(after)}

    def flagged_first_fixes(restart: list[Event]) -> int:
        rule = GpsSanity(district, {})
        for e in before:
            rule.flag(e)
        return sum(rule.flag(e) is not None for e in restart if e.id in firsts.values())

    assert flagged_first_fixes(after) > 0  # without the flag, the jump reads as a speed
    assert flagged_first_fixes(list(power_on(after, set()))) == 0
