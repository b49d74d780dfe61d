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
from sandbox_app.bridges.trackers.bridge import heartbeat_event, position_event
from sandbox_app.bridges.trackers.session import FramedSession, TrackerServer
from sandbox_app.bridges.trackers.tcp import Connection
from sandbox_app.bridges.transport import Item

PROTOCOL = "h02"
DEFAULT_PORT = 5013
"""Traccar's port for H02."""


class H02Server(TrackerServer):
    protocol = PROTOCOL

    def new_session(self, conn: Connection) -> _Session:
        return _Session(self, conn)


class _Session(FramedSession[h02.Report]):
    label = "H02"

    def __init__(self, server: H02Server, conn: Connection) -> None:
        super().__init__(server, conn, h02.FrameSplitter())

    def decode(self, frame: bytes) -> h02.Report:
        return h02.decode_frame(frame, self.server.delivery.clock.now_ms())

    def handle(self, report: h02.Report) -> None:
        delivery = self.server.delivery
        device = self.known_device(report.device_id, f"H02 {report.command}")
        if device is None:
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
