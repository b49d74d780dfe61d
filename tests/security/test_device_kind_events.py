"""Event kind must fit the device kind (issue 15 §5): a device may send only what its kind sends
(`DeviceKind.emits` plus `device.heartbeat`); anything else is refused with a reason and counted per
device, so a door magnet reporting smoke raises no fire alert."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox_app.data.resources import demo_package
from sandbox_app.domain.device_kinds import DEVICE_KINDS, Placement, may_send
from sandbox_app.domain.events import EVENT_KINDS, Event
from sandbox_app.domain.model import Device, District
from sandbox_app.engine.intake import IntakeGuard, IntakePolicy
from sandbox_app.engine.pipeline import Engine
from sandbox_app.rules.device_alarms import DeviceAlarm
from sandbox_app.store import open_store
from tests.security.helpers import T0


def district() -> District:
    d = District("kind-test", "Asia/Shanghai")
    d.devices["DM1"] = Device("DM1", "door_magnet", "门磁1", Placement.POINT)
    d.devices["SD1"] = Device("SD1", "smoke_detector", "烟感1", Placement.POINT)
    d.devices["X1"] = Device("X1", "station_special", "自定义", Placement.POINT)  # a kind not in the table
    return d


def ev(eid: str, device: str, kind: str, ts: int = T0) -> Event:
    return Event(eid, ts, device, kind)


def test_door_magnet_smoke_is_refused_counted_and_raises_nothing() -> None:
    d = district()
    engine = Engine(open_store(":memory:"), d, [DeviceAlarm("smoke_alarm", d, {})])
    result = engine.ingest([ev("a", "DM1", "smoke.alarm"), ev("b", "DM1", "door.open", T0 + 1)])
    assert result.accepted == 1 and len(result.rejected) == 1
    reason = result.rejected[0]["reason"]
    assert "'DM1' is a door_magnet" in reason and "smoke.alarm" in reason and "door.open" in reason
    assert result.rejected[0]["id"] == "a"
    assert engine.book.open_alerts() == []
    engine.ingest([ev("c", "DM1", "gas.alarm", T0 + 2), ev("d", "SD1", "smoke.alarm", T0 + 3)])
    stats = engine.stats()
    assert stats["wrong_kind"] == 2 and stats["wrong_kinds"] == {"DM1": 2}
    assert [a.subject for a in engine.book.open_alerts()] == ["SD1"]  # the real smoke detector still alarms


def test_every_device_kind_against_every_event_kind() -> None:
    devices = {f"D-{name}": Device(f"D-{name}", name, name, Placement.POINT) for name in DEVICE_KINDS}
    guard = IntakeGuard(IntakePolicy(), devices)
    for name, spec in DEVICE_KINDS.items():
        for kind in sorted(EVENT_KINDS):
            kept, refused = guard.screen([ev("e", f"D-{name}", kind)], 0)
            allowed = kind in spec.emits or kind == "device.heartbeat"
            assert (len(kept), len(refused)) == ((1, 0) if allowed else (0, 1)), (name, kind)
    assert may_send("door_magnet") == frozenset({"door.open", "door.close", "device.heartbeat"})


def test_unlisted_kinds_unknown_devices_and_the_switch() -> None:
    d = district()
    guard = IntakeGuard(IntakePolicy(reject_unknown_devices=False), d.devices)
    kept, refused = guard.screen([ev("a", "X1", "smoke.alarm"), ev("b", "GHOST", "smoke.alarm")], 0)
    assert len(kept) == 2 and not refused  # nothing says what those send
    off = IntakeGuard(IntakePolicy(reject_wrong_kinds=False), d.devices)
    assert len(off.screen([ev("a", "DM1", "smoke.alarm")], 0)[0]) == 1
    ids_only = IntakeGuard(IntakePolicy(), list(d.devices))  # ids without kinds: no kind check
    assert len(ids_only.screen([ev("a", "DM1", "smoke.alarm")], 0)[0]) == 1


@pytest.mark.parametrize("kind", sorted(DEVICE_KINDS))
def test_every_device_kind_may_send_its_heartbeat(kind: str) -> None:
    allowed = may_send(kind)
    assert allowed is not None and "device.heartbeat" in allowed and allowed <= EVENT_KINDS


def test_the_simulator_sends_only_what_each_device_kind_sends() -> None:
    """A simulated day of the simulator's test district and of the demo district: no event is refused."""
    from sandbox_app.bridges.simulator.source import Simulator
    from tests.bridges.test_simulator import DAY, START, small_district

    d = small_district()
    day = list(Simulator(d, seed=11, start_ts=START).events_between(START, START + DAY))
    if (demo_package() / "manifest.json").is_file():
        from sandbox_app.data.package import load_package

        demo = load_package(demo_package())
        six_hours = list(Simulator(demo, seed=3, start_ts=START).events_between(START, START + DAY // 4))
        assert six_hours and not [
            e for e in six_hours if e.kind not in (may_send(demo.devices[e.device].kind) or EVENT_KINDS)
        ]
    wrong = [
        (e.device, d.devices[e.device].kind, e.kind)
        for e in day
        if e.kind not in (may_send(d.devices[e.device].kind) or EVENT_KINDS)
    ]
    assert day and wrong == []


def test_docs_table_matches_the_device_kinds(repo_root: Path) -> None:
    text = (repo_root / "docs" / "events.md").read_text(encoding="utf-8")
    for name, spec in DEVICE_KINDS.items():
        sends = ", ".join(f"`{k}`" for k in sorted(spec.emits)) or "—"
        assert f"| `{name}` | {sends} |" in text, name


def test_every_kind_a_bridge_maps_to_has_a_device_kind_that_sends_it() -> None:
    """ISAPI's and GA/T 1400's tables: each kind they produce is sent by some device kind, so a station
    can map the device to a kind whose events are not refused."""
    from sandbox_app.bridges.isapi.codec import ACS_MINOR, DEFAULT_KINDS

    produced = {k for k in DEFAULT_KINDS.values() if k not in (None, "access")} | set(ACS_MINOR.values())
    produced |= {"face.pass", "plate.read", "gps.fix", "device.heartbeat"}  # GA/T 1400, trackers
    senders = {k for spec in DEVICE_KINDS.values() for k in spec.emits} | {"device.heartbeat"}
    assert produced <= senders, produced - senders
    access = [name for name, spec in DEVICE_KINDS.items() if set(ACS_MINOR.values()) <= spec.emits]
    assert access == ["door_controller"]
