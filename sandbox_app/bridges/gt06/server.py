"""GT06 bridge: a TCP server for GT06-family trackers; logins, positions, heartbeats and alarms.

Per connection: a framing buffer, then per packet:

| tracker sends | we answer | event |
|---|---|---|
| 0x01 login (IMEI) | 0x01 ack; an IMEI that is no tracker of the district gets no ack and is counted | — |
| 0x12 / 0x22 location | — (the protocol does not ack positions) | `gps.fix` |
| 0x13 status (heartbeat) | 0x13 ack, after the sink returned | `device.heartbeat` with battery |
| 0x16 / 0x26 alarm | ack after the sink returned | `gps.fix` with `data.alarms` |
| anything else with a good CRC, or before login | — (counted) | — |
| a malformed packet | — (counted, logged) | — |

A malformed packet never closes the connection. GT06 has no standard text command for a screenless
tracker, so orders to guards on GT06 units go by MQTT like any phone's (bridges/orders.py).
"""

from __future__ import annotations

import itertools

from sandbox_app.bridges.gt06 import codec as gt06
from sandbox_app.bridges.trackers.bridge import heartbeat_event, position_event
from sandbox_app.bridges.trackers.session import FramedSession, TrackerServer
from sandbox_app.bridges.trackers.tcp import Connection
from sandbox_app.bridges.transport import Item

PROTOCOL = "gt06"
DEFAULT_PORT = 5023
"""Traccar's port for GT06."""


class Gt06Server(TrackerServer):
    protocol = PROTOCOL

    def new_session(self, conn: Connection) -> _Session:
        return _Session(self, conn)


class _Session(FramedSession[gt06.Packet]):
    label = "GT06"

    def __init__(self, server: Gt06Server, conn: Connection) -> None:
        super().__init__(server, conn, gt06.FrameSplitter())
        self.device: str | None = None
        self.serials = itertools.count(1)

    def decode(self, frame: bytes) -> gt06.Packet:
        return gt06.decode_frame(frame)

    def connection_lost(self) -> None:
        self.device = None

    def _ack(self, packet: gt06.Packet) -> None:
        self.reply(gt06.encode_response(packet.protocol, packet.serial))

    def handle(self, packet: gt06.Packet) -> None:
        body = packet.body
        delivery = self.server.delivery
        if isinstance(body, gt06.Login):
            device = self.server.directory.lookup(body.imei)
            if device is None:
                delivery.unknown_device(body.imei, "GT06 login")
                return
            self.device = device
            self._ack(packet)
            return
        if self.device is None:
            delivery.frame_error(
                f"GT06: 0x{packet.protocol:02x} before login", packet.raw_content, self.conn.rejections
            )
            return
        items: list[Item]
        if isinstance(body, gt06.Status):
            data: dict[str, object] = {"battery": body.battery_level, "gsm": body.gsm}
            if body.alarms:
                data["alarms"] = list(body.alarms)
            items = [heartbeat_event(PROTOCOL, self.device, delivery.clock.now_ms(), data)]
        else:
            items = [position_event(PROTOCOL, self.device, body.position)]
        if delivery.deliver(items) and packet.protocol in gt06.ACKED_IDS:
            self._ack(packet)
