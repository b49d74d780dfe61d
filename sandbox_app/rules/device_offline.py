"""Devices and bridges that go quiet: silence beyond the expected interval is an alert on the device.

Every event a device sends proves it alive, so this rule asks for every event kind; per event it only writes
the last-seen time. One heap entry per watched device is re-checked when it comes due, so `on_time` costs
nothing while no deadline has passed.

Bridges: the engine calls `bridge_heard` (the `Liveness` capability) whenever a bridge delivers a batch or
reports itself connected; it is watched as the pseudo-device `bridge:<name>` with `bridge_heartbeat_s`, so a
dead MQTT link or HTTP feed raises `device_offline` on `bridge:<name>` like any silent door magnet.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import Any

from sandbox_app.domain.device_kinds import DEVICE_KINDS
from sandbox_app.domain.enums import Severity
from sandbox_app.domain.events import EVENT_KINDS, Event
from sandbox_app.domain.model import District
from sandbox_app.rules._params import Params, RuleConfigError
from sandbox_app.rules._where import NOWHERE, Locator, make_signal
from sandbox_app.rules.base import Signal, register

_NONE: tuple[Signal, ...] = ()
BRIDGE_PREFIX = "bridge:"


@register("device_offline")
class DeviceOffline:
    """No event from a device for its kind's `heartbeat_s` × `factor` → alert on the device (default medium).

    A device is watched from the first event it sends, or from `start` for every device in the package
    (so one that never spoke is caught too). A `device.heartbeat` carrying `data.interval_s` sets that
    device's own interval. It re-arms as soon as the device is heard again.
    """

    name = "device_offline"
    kinds = EVENT_KINDS
    sees_flagged = True
    """A tracker whose fixes are all flagged (implausible) is still alive, not offline."""

    def __init__(self, district: District, config: Mapping[str, Any]) -> None:
        p = Params(self.name, config)
        self.factor = p.number("factor", 2.0)
        by_kind = p.numbers("heartbeat_s")
        bridge_s = p.number("bridge_heartbeat_s", 60.0)
        start = p.timestamp("start", district.timezone)
        self.severity = p.severity(Severity.MEDIUM)
        p.done()
        for kind in by_kind:
            if kind not in DEVICE_KINDS:
                raise RuleConfigError(p.key(f"heartbeat_s.{kind}"), "unknown device kind")
        self.bridge_ms = int(bridge_s * self.factor * 1000)
        self._timeout: dict[str, int] = {}
        self._kind: dict[str, str] = {}
        for d in district.devices.values():
            spec = DEVICE_KINDS.get(d.kind)
            if spec is not None:
                self._timeout[d.id] = int(by_kind.get(d.kind, spec.heartbeat_s) * self.factor * 1000)
                self._kind[d.id] = d.kind
        self._where = Locator(district)
        self._seen: dict[str, int] = {}
        self._queued: set[str] = set()
        """Devices with a heap entry, plus devices we do not watch (so the hot path skips both)."""
        self._heap: list[tuple[int, str]] = []
        if start is not None:
            for dev in sorted(self._timeout):
                self._seen[dev] = start
                self._arm(dev)

    def _arm(self, dev: str) -> None:
        self._queued.add(dev)
        timeout = self._timeout.get(dev)
        if timeout is None and dev.startswith(BRIDGE_PREFIX):
            timeout = self._timeout[dev] = self.bridge_ms
        if timeout is not None:
            heapq.heappush(self._heap, (self._seen[dev] + timeout, dev))

    def on_event(self, event: Event) -> Iterable[Signal]:
        self.observe((event,))
        return _NONE

    def observe(self, events: Iterable[Event]) -> None:
        """`on_event` for a run of events with no tick between them (the engine's batch path): it never
        signals from an event, so one call per run saves a call and an empty iteration per event."""
        seen, queued = self._seen, self._queued
        for event in events:
            dev, ts = event.device, event.ts
            if ts > seen.get(dev, -1):
                seen[dev] = ts
            if event.kind == "device.heartbeat":
                self._own_interval(dev, event.data.get("interval_s"))
            if dev not in queued:
                self._arm(dev)

    def bridge_heard(self, name: str, ts: int) -> None:
        """`Liveness`: bridge `name` was heard at `ts` (connected, or delivered a batch)."""
        dev = f"{BRIDGE_PREFIX}{name}"
        if ts > self._seen.get(dev, -1):
            self._seen[dev] = ts
        if dev not in self._queued:
            self._arm(dev)

    def _own_interval(self, dev: str, interval: Any) -> None:
        if isinstance(interval, int | float) and not isinstance(interval, bool) and interval > 0:
            self._timeout[dev] = int(interval * self.factor * 1000)

    def on_time(self, now_ts: int) -> Iterable[Signal]:
        heap = self._heap
        if not heap or heap[0][0] >= now_ts:
            return _NONE
        out = []
        while heap and heap[0][0] < now_ts:
            _, dev = heapq.heappop(heap)
            due = self._seen[dev] + self._timeout[dev]
            if due >= now_ts:
                heapq.heappush(heap, (due, dev))
                continue
            self._queued.discard(dev)
            out.append(self._signal(dev, due))
        return out

    def _signal(self, dev: str, due: int) -> Signal:
        silent_since = self._seen[dev]
        where = NOWHERE if dev.startswith(BRIDGE_PREFIX) else self._where.device(dev)
        data: dict[str, Any] = {"silent_since_ts": silent_since, "limit_s": self._timeout[dev] / 1000}
        if dev in self._kind:
            data["kind"] = self._kind[dev]
        if dev.startswith(BRIDGE_PREFIX):
            data["bridge"] = dev[len(BRIDGE_PREFIX) :]
        return make_signal(self.name, dev, "device", self.severity, due, where, **data)
