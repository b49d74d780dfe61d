"""JT/T 808 bridge: a TCP server that keeps terminals talking and turns their positions into `gps.fix`.

Per connection: a framing buffer, then per frame:

| terminal sends | we answer | event |
|---|---|---|
| 0x0100 registration | 0x8100 result 0 + auth code (result 4 "no such terminal" for an unknown phone) | — |
| 0x0102 authentication, 0x0002 heartbeat | 0x8001 ok | heartbeat → `device.heartbeat` |
| 0x0200 location, 0x0704 batch, 0x0201 (answers 0x8201) | 0x8001 ok, **after the sink returned** | gps.fix |
| a part of a subpackaged message | 0x8001 ok per part; the whole is decoded at the last | as the whole |
| 0x0003 logout | 0x8001 ok, then close | — |
| 0x0001 general response | — (recorded: the terminal confirmed our 0x8300) | — |
| anything else with a good checksum | 0x8001 result 3 "not supported" | — (counted) |
| a malformed frame | nothing (there is no serial to answer) | — (counted, logged) |

A malformed frame never closes the connection. Orders go out as 0x8300 text (`send_text`,
`Jt808OrderSender`) on the terminal's open connection; `query_position` asks a terminal for a fix now
(0x8201). Replies use the terminal's own header version (2013 or 2019).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from sandbox_app.bridges.health import HealthReporter
from sandbox_app.bridges.jt808 import codec as jt808
from sandbox_app.bridges.jt808 import parts as jt808_parts
from sandbox_app.bridges.orders import OrderNotSent
from sandbox_app.bridges.trackers.bridge import (
    ListenSettings,
    TrackerDirectory,
    heartbeat_event,
    position_event,
)
from sandbox_app.bridges.trackers.common import FrameError
from sandbox_app.bridges.trackers.tcp import Connection, TrackerTcpBridge
from sandbox_app.bridges.transport import BridgeClock, Item, Sink
from sandbox_app.domain.dispatch import Order

log = logging.getLogger(__name__)
PROTOCOL = "jt808"
DEFAULT_PORT = 5015
"""Traccar's port for JT/T 808 (its "huabao" protocol)."""
RESULT_NO_SUCH_TERMINAL = 4


def auth_code(phone: str) -> str:
    """The code handed out at registration; deterministic, so a restarted server accepts terminals that
    registered before. Identity is the phone number mapped in the district, not this code."""
    return f"SB{phone.lstrip('0') or '0'}"


@dataclass(slots=True)
class _Terminal:
    conn: Connection
    phone: str
    device: str
    version: int | None
    serials: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    acked: set[int] = field(default_factory=set)
    """Serials of our messages the terminal confirmed with 0x0001."""


class Jt808Server(TrackerTcpBridge):
    def __init__(
        self,
        settings: ListenSettings,
        directory: TrackerDirectory,
        sink: Sink,
        clock: BridgeClock,
        reporter: HealthReporter | None = None,
        offset_h: float = jt808.CHINA_OFFSET_H,
    ) -> None:
        super().__init__(PROTOCOL, settings, directory, sink, clock, reporter, self._session)
        self.offset_h = offset_h
        self._lock = threading.Lock()
        self._terminals: dict[str, _Terminal] = {}
        """Our device id → its live connection."""

    def connected_devices(self) -> set[str]:
        with self._lock:
            return set(self._terminals)

    def send_text(self, device: str, text: str) -> int:
        """0x8300 to the device's terminal; returns its serial. OrderNotSent when it is not connected."""
        with self._lock:
            terminal = self._terminals.get(device)
        if terminal is None:
            raise OrderNotSent(f"JT/T 808 terminal of {device} is not connected")
        serial = next(terminal.serials) & 0xFFFF
        frame = jt808.encode_text(terminal.phone, serial, text, version=terminal.version)
        try:
            terminal.conn.send(frame)
        except OSError as exc:
            raise OrderNotSent(f"JT/T 808 terminal of {device}: {exc}") from exc
        return serial

    def query_position(self, device: str) -> int:
        """0x8201 to the device's terminal; its 0x0201 answer arrives as a `gps.fix`. Returns our serial;
        OrderNotSent when the terminal is not connected."""
        with self._lock:
            terminal = self._terminals.get(device)
        if terminal is None:
            raise OrderNotSent(f"JT/T 808 terminal of {device} is not connected")
        serial = next(terminal.serials) & 0xFFFF
        try:
            terminal.conn.send(jt808.encode_position_query(terminal.phone, serial, terminal.version))
        except OSError as exc:
            raise OrderNotSent(f"JT/T 808 terminal of {device}: {exc}") from exc
        return serial

    def confirmed(self, device: str, serial: int) -> bool:
        """Whether the terminal answered our message `serial` with a general response."""
        with self._lock:
            terminal = self._terminals.get(device)
            return terminal is not None and serial in terminal.acked

    def _session(self, conn: Connection) -> _Session:
        return _Session(self, conn)

    def _bind(self, terminal: _Terminal) -> None:
        with self._lock:
            old = self._terminals.get(terminal.device)
            self._terminals[terminal.device] = terminal
        if old is not None and old.conn is not terminal.conn:
            old.conn.close()  # the terminal reconnected; the stale socket would swallow orders

    def _unbind(self, conn: Connection) -> None:
        with self._lock:
            for device, terminal in list(self._terminals.items()):
                if terminal.conn is conn:
                    del self._terminals[device]


class _Session:
    def __init__(self, server: Jt808Server, conn: Connection) -> None:
        self.server = server
        self.conn = conn
        self.splitter = jt808.FrameSplitter()
        self.parts = jt808_parts.Reassembler()
        self.terminal: _Terminal | None = None
        self.serials = itertools.count(1)

    def data_received(self, data: bytes) -> None:
        for frame in self.splitter.feed(data):
            self.server.delivery.health.message_arrived()
            self._frame(frame)

    def connection_lost(self) -> None:
        self.server._unbind(self.conn)

    def _reply(self, frame: bytes) -> None:
        try:
            self.conn.send(frame)
        except OSError:
            self.conn.close()

    def _frame(self, frame: bytes) -> None:
        try:
            header, body = jt808.split_frame(frame)
            whole = self.parts.add(header, body)
            if whole is None:  # a part of a subpackaged message: heard, the whole comes later
                self._respond(header)
                return
            message = jt808.decode_body(*whole, self.server.offset_h)
        except FrameError as exc:
            self.server.delivery.frame_error(f"JT/T 808: {exc.reason}", frame, self.conn.rejections)
            peeked = jt808.peek_header(frame)
            if peeked is not None:
                self._respond(peeked, jt808.RESULT_UNSUPPORTED)
            return
        self._handle(message)

    def _respond(self, header: jt808.Header, result: int = jt808.RESULT_OK) -> None:
        serial = next(self.serials) & 0xFFFF
        frame = jt808.encode_general_response(
            header.phone, serial, header.serial, header.msg_id, result, header.version
        )
        self._reply(frame)

    def _device(self, header: jt808.Header) -> str | None:
        if self.terminal is not None and self.terminal.phone == header.phone:
            return self.terminal.device
        device = self.server.directory.lookup(header.phone)
        if device is None:
            self.server.delivery.unknown_device(header.phone, f"JT/T 808 message 0x{header.msg_id:04x}")
            return None
        self.terminal = _Terminal(self.conn, header.phone, device, header.version)
        self.server._bind(self.terminal)
        return device

    def _handle(self, message: jt808.Message) -> None:
        header, body = message.header, message.body
        device = self._device(header)
        if isinstance(body, jt808.Registration):
            result = jt808.RESULT_OK if device is not None else RESULT_NO_SUCH_TERMINAL
            serial = next(self.serials) & 0xFFFF
            code = auth_code(header.phone)
            self._reply(
                jt808.encode_registration_response(
                    header.phone, serial, header.serial, result, code, header.version
                )
            )
            return
        if device is None:
            self._respond(header, jt808.RESULT_FAIL)
            return
        if isinstance(body, jt808.GeneralResponse):
            if self.terminal is not None:
                self.terminal.acked.add(body.reply_serial)
            return
        items = self._items(device, body)
        if self.server.delivery.deliver(items):
            self._respond(header)
            if isinstance(body, jt808.Logout):
                self.conn.close()

    def _items(self, device: str, body: jt808.Body) -> list[Item]:
        now = self.server.delivery.clock.now_ms()
        if isinstance(body, jt808.LocationReport):
            return [position_event(PROTOCOL, device, body.position)]
        if isinstance(body, jt808.PositionAnswer):
            return [position_event(PROTOCOL, device, body.report.position)]
        if isinstance(body, jt808.BatchUpload):
            extra = {"blind_area": True} if body.blind_area else None
            return [position_event(PROTOCOL, device, report.position, extra) for report in body.reports]
        if isinstance(body, jt808.Heartbeat | jt808.Authentication):
            return [heartbeat_event(PROTOCOL, device, now)]
        return []


def order_text(order: Order) -> str:
    """What a guard's terminal shows and reads aloud: short, the place first."""
    if order.action == "cancel":
        return f"撤回 {order.dispatch_id} {order.note}".strip()
    place = f"{order.lat:.5f},{order.lon:.5f}" if order.lat is not None and order.lon is not None else ""
    return f"出警 {order.dispatch_id} {place} {order.alert} {order.note}".strip()


class Jt808OrderSender:
    """The desk's `send_order` for guards on JT/T 808 terminals: a 0x8300 text on the open connection.

    A device that is not connected to this server goes to `fallback` (e.g. `MqttOrderSender` for phones);
    with no fallback it raises `OrderNotSent` and the desk retries later."""

    def __init__(self, server: Jt808Server, fallback: Callable[[Order], None] | None = None) -> None:
        self.server = server
        self.fallback = fallback

    def __call__(self, order: Order) -> None:
        if not order.device:
            raise OrderNotSent(f"guard {order.guard} has no device to receive dispatch {order.dispatch_id}")
        if order.device in self.server.connected_devices() or self.fallback is None:
            self.server.send_text(order.device, order_text(order))
            return
        self.fallback(order)
