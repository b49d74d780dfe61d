"""H02 bridge: a TCP server for H02-family trackers (text `*HQ,...#` and binary `$...` reports).

H02 has no login: every report carries the tracker's id, which must be a `gps_tracker` of the district
(by device id or an id column, see bridge.py). Per report:

| tracker sends | we answer | event |
|---|---|---|
| a position (V1, V4, V19, VP1...; binary) | — (none needed) | `gps.fix`, status alarms in `data.alarms` |
| HTBT, LINK, NBR, V3 and other reports without a fix | — | `device.heartbeat` (battery when HTBT says it) |
| an id that is no tracker of the district | — (counted once per connection) | rejection |
| a malformed report | — (counted, logged) | — |

A malformed report never closes the connection.
"""

from __future__ import annotations

from sandbox_app.bridges.h02 import codec as h02
from sandbox_app.bridges.health import HealthReporter
from sandbox_app.bridges.trackers.bridge import (
    ListenSettings,
    TrackerDirectory,
    heartbeat_event,
    position_event,
)
from sandbox_app.bridges.trackers.common import FrameError
from sandbox_app.bridges.trackers.tcp import Connection, TrackerTcpBridge
from sandbox_app.bridges.transport import BridgeClock, Item, Sink

PROTOCOL = "h02"
DEFAULT_PORT = 5013
"""Traccar's port for H02."""


class H02Server(TrackerTcpBridge):
    def __init__(
        self,
        settings: ListenSettings,
        directory: TrackerDirectory,
        sink: Sink,
        clock: BridgeClock,
        reporter: HealthReporter | None = None,
    ) -> None:
        super().__init__(
            PROTOCOL, settings, directory, sink, clock, reporter, lambda conn: _Session(self, conn)
        )


class _Session:
    def __init__(self, server: H02Server, conn: Connection) -> None:
        self.server = server
        self.conn = conn
        self.splitter = h02.FrameSplitter()
        self.strangers: set[str] = set()

    def data_received(self, data: bytes) -> None:
        delivery = self.server.delivery
        for frame in self.splitter.feed(data):
            delivery.health.message_arrived()
            try:
                report = h02.decode_frame(frame, delivery.clock.now_ms())
            except FrameError as exc:
                delivery.frame_error(f"H02: {exc.reason}", frame)
                continue
            self._handle(report)

    def connection_lost(self) -> None:
        self.strangers.clear()

    def _handle(self, report: h02.Report) -> None:
        delivery = self.server.delivery
        device = self.server.directory.lookup(report.device_id) if report.device_id else None
        if device is None:
            if report.device_id not in self.strangers:  # one rejection per id and connection, not per report
                self.strangers.add(report.device_id)
                delivery.unknown_device(report.device_id, f"H02 {report.command}")
            return
        items: list[Item]
        if report.position is not None:
            items = [position_event(PROTOCOL, device, report.position)]
        else:
            data: dict[str, object] = {"report": report.command}
            if report.battery_level is not None:
                data["battery"] = report.battery_level
            items = [heartbeat_event(PROTOCOL, device, delivery.clock.now_ms(), data)]
        delivery.deliver(items)
