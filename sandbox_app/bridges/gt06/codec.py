"""GT06 (Concox and the many cheap trackers that copy it): framing, CRC-ITU, messages, server replies.

A packet is `78 78 <len:1> <protocol> <content> <serial:2> <crc:2> 0d 0a` (or `79 79 <len:2> ...` for the
extended form); `len` counts protocol through CRC, and the CRC-ITU (CRC-16/X-25) covers len through
serial. The tracker logs in with its IMEI, then sends positions, status (heartbeat) and alarms; the server
answers login, status and alarm packets with `78 78 05 <protocol> <serial> <crc> 0d 0a`, and a tracker
that gets no answer reconnects.

Covered: login 0x01; GPS+LBS location 0x12 and 0x22; status/heartbeat 0x13; GPS+LBS+status alarm 0x16
and 0x26. Times are UTC (the GT06 default). Anything else is `FrameError("unknown message id ...")`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from sandbox_app.bridges.trackers.common import KMH_PER_KNOT, FrameError, Position, Reader, make_ts

LOGIN, LOCATION, LOCATION_2, STATUS, ALARM, ALARM_2 = 0x01, 0x12, 0x22, 0x13, 0x16, 0x26
KNOWN_IDS = frozenset({LOGIN, LOCATION, LOCATION_2, STATUS, ALARM, ALARM_2})
ACKED_IDS = frozenset({LOGIN, STATUS, ALARM, ALARM_2})
"""Packets the tracker waits for an answer to (location packets are not answered)."""
START, START_LONG, STOP = b"\x78\x78", b"\x79\x79", b"\x0d\x0a"
MAX_PACKET = 1024

TERMINAL_ALARMS = {1: "vibration", 2: "power_cut", 3: "low_battery", 4: "sos", 6: "geofence", 7: "removing"}
"""Bits 3-5 of the terminal information byte."""
ALARM_CODES = {
    0x01: "sos",
    0x02: "power_cut",
    0x03: "vibration",
    0x04: "geofence_enter",
    0x05: "geofence_exit",
    0x06: "overspeed",
    0x09: "vibration",
    0x0E: "low_battery",
    0x0F: "low_battery",
    0x11: "power_off",
    0x13: "tampering",
    0x14: "door",
    0x23: "fall",
    0x29: "hard_acceleration",
    0x2A: "cornering",
    0x2B: "cornering",
    0x2C: "accident",
    0x30: "hard_braking",
}
"""The alarm byte of 0x16/0x26 packets."""
LANGUAGES = {0x01: "zh", 0x02: "en"}
"""The language byte after the alarm byte (the language of the tracker's SMS replies)."""
LBS_LEN = 9
"""An alarm packet's LBS length byte counts itself: 1 + MCC 2 + MNC 1 + LAC 2 + cell id 3."""
SEEWORLD_ALARM_LEN = 0x26
"""A short-form 0x16 one byte longer than the standard 0x25: SeeWorld trackers, whose cell id is 4 bytes
(with the LBS length byte still 0x09) and whose battery byte is a percentage (Traccar's SEEWORLD variant)."""


def crc_itu(data: bytes) -> int:
    """CRC-16/X-25 (reflected 0x1021, init and final xor 0xFFFF), the GT06 "CRC-ITU"."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc ^ 0xFFFF


class FrameSplitter:
    """Cuts a TCP stream into whole packets by their length field; garbage before a start mark and a
    packet whose stop bytes are missing are skipped (counted), resynchronising on the next start mark.

    Linear in the bytes fed, whatever they are (crafted input once cost a core at 1 MB/s): every start
    mark of the buffer is judged at once with numpy (length sane, stop bytes where the length says, or
    still incomplete), and the Python loop visits only the packets it returns plus the one it waits on.
    `work` counts bytes examined plus loop steps, so tests can hold it to a multiple of the input."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self.skipped = 0
        self.work = 0

    def _halts(self, a: np.ndarray[Any, np.dtype[np.uint8]]) -> tuple[list[int], list[int]]:
        """Start marks where the scan stops, in order, with the packet size (0: wait for more bytes)."""
        end = len(a)
        head = a[:-1]
        marks = np.flatnonzero((head == a[1:]) & ((head == 0x78) | (head == 0x79)))
        full, tail = marks[marks + 5 <= end], marks[marks + 5 > end]
        third = a[full + 2].astype(np.int64)
        size = np.where(a[full] == 0x79, 6 + third * 256 + a[full + 3], 5 + third)
        sane = (size >= 10) & (size <= MAX_PACKET)
        complete = sane & (full + size <= end)
        last = np.where(complete, full + size - 1, 1)
        good = complete & (a[last - 1] == STOP[0]) & (a[last] == STOP[1])
        halt = good | (sane & ~complete)
        sizes = np.where(good, size, 0)[halt]
        return full[halt].tolist() + tail.tolist(), sizes.tolist() + [0] * len(tail)

    def feed(self, data: bytes) -> list[bytes]:
        buf = self._buf
        buf += data
        end = len(buf)
        frames: list[bytes] = []
        if end < 5:
            return frames
        self.work += end
        starts, sizes = self._halts(np.frombuffer(bytes(buf), dtype=np.uint8))
        pos, i, taken = 0, 0, 0
        while True:
            self.work += 1
            i = bisect.bisect_left(starts, pos, i)
            if i >= len(starts):  # no packet and no partial one left: keep a byte that may start a mark
                pos = max(pos, end - (1 if buf[-1] in (0x78, 0x79) else 0))
                break
            start, size = starts[i], sizes[i]
            if not size:  # a packet (or its header) still arriving
                pos = start
                break
            frames.append(bytes(buf[start : start + size]))
            self.work += size
            taken += size
            pos = start + size
        self.skipped += pos - taken
        del buf[:pos]
        return frames


@dataclass(frozen=True, slots=True)
class Login:
    imei: str
    type_id: int | None = None
    tz_offset_min: int | None = None
    """The tracker's own timezone, when its login carries one (minutes east of UTC)."""


@dataclass(frozen=True, slots=True)
class Status:
    """Heartbeat: terminal information, battery and signal (no position)."""

    info: int
    battery_level: int
    """Percent, from the 0-6 voltage level."""
    gsm: int
    alarms: tuple[str, ...] = ()
    alarm_code: int = 0

    @property
    def charging(self) -> bool:
        return bool(self.info & 0x04)

    @property
    def ignition(self) -> bool:
        return bool(self.info & 0x02)


@dataclass(frozen=True, slots=True)
class Cell:
    mcc: int
    mnc: int
    lac: int
    cell_id: int


@dataclass(frozen=True, slots=True)
class Location:
    position: Position
    cell: Cell | None = None
    status: Status | None = None
    """Present on alarm packets (0x16/0x26)."""


@dataclass(frozen=True, slots=True)
class Packet:
    protocol: int
    serial: int
    body: Login | Status | Location
    extended: bool = False
    raw_content: bytes = field(default=b"", repr=False)


def decode_frame(frame: bytes, *, strict: bool = True) -> Packet:
    """One whole packet (start mark to stop bytes) → Packet; FrameError with the reason otherwise.

    `strict=False` skips the CRC: only for reading hand-edited test captures (some of Traccar's have
    wrong CRCs); the server is always strict."""
    if frame[:2] == START_LONG:
        head, extended = 4, True
        if len(frame) < 4:
            raise FrameError("truncated packet")
        length = int.from_bytes(frame[2:4], "big")
    elif frame[:2] == START:
        head, extended = 3, False
        if len(frame) < 3:
            raise FrameError("truncated packet")
        length = frame[2]
    else:
        raise FrameError(f"bad start mark {frame[:2].hex()}")
    if len(frame) < head + length + 2:
        raise FrameError(f"truncated packet: {len(frame)} bytes, length field says {head + length + 2}")
    if len(frame) > head + length + 2:
        raise FrameError(f"packet longer than its length field ({len(frame)} > {head + length + 2})")
    if frame[-2:] != STOP:
        raise FrameError(f"bad stop bytes {frame[-2:].hex()}")
    if length < 5:
        raise FrameError(f"length {length} too short for protocol, serial and CRC")
    covered, crc = (
        frame[2 : head + length - 2],
        int.from_bytes(frame[head + length - 2 : head + length], "big"),
    )
    if strict and crc_itu(covered) != crc:
        raise FrameError(f"bad CRC 0x{crc:04x}, computed 0x{crc_itu(covered):04x}")
    protocol = frame[head]
    content = frame[head + 1 : head + length - 4]
    serial = int.from_bytes(frame[head + length - 4 : head + length - 2], "big")
    if protocol not in KNOWN_IDS:
        raise FrameError(f"unknown message id 0x{protocol:02x}")
    r = Reader(content, f"0x{protocol:02x} content")
    if protocol == LOGIN:
        body: Login | Status | Location = _login(r)
    elif protocol == STATUS:
        body = _status(r, with_alarm=True)
    else:
        seeworld = protocol == ALARM and not extended and length == SEEWORLD_ALARM_LEN
        body = _location(r, protocol, seeworld=seeworld)
    return Packet(protocol, serial, body, extended, content)


def _login(r: Reader) -> Login:
    imei = r.take(8).hex()[1:]
    if not imei.isdigit():
        raise FrameError(f"bad IMEI {imei}")
    type_id = r.u16() if r.remaining() >= 2 else None
    tz: int | None = None
    if r.remaining() >= 2:
        bits = r.u16()
        tz = ((bits >> 4) // 100 * 60 + (bits >> 4) % 100) * (-1 if bits & 0x8 else 1)
    return Login(imei, type_id, tz)


def _status(r: Reader, with_alarm: bool, *, percent: bool = False) -> Status:
    """Terminal information, voltage level (0-6: no power .. very high; `percent`: the SeeWorld byte that
    is already a percentage), GSM signal (0-4: none .. strong), then the alarm byte where one is sent."""
    info, level, gsm = r.u8(), r.u8(), r.u8()
    alarms: list[str] = []
    if (info >> 3) & 0x7 in TERMINAL_ALARMS:
        alarms.append(TERMINAL_ALARMS[(info >> 3) & 0x7])
    code = 0
    if with_alarm and r.remaining() >= 1:
        code = r.u8()
        name = ALARM_CODES.get(code)
        if name is not None and name not in alarms:
            alarms.append(name)
    battery = min(level, 100) if percent else min(level, 6) * 100 // 6
    return Status(info, battery, gsm, tuple(alarms), code)


def _gps(r: Reader) -> Position:
    y, mo, d, h, mi, s = r.take(6)
    sats = r.u8() & 0x0F
    lat, lon = r.u32() / 1_800_000.0, r.u32() / 1_800_000.0
    speed_kmh, flags = r.u8(), r.u16()
    if not flags & 0x0400:
        lat = -lat
    if flags & 0x0800:
        lon = -lon
    if abs(lat) > 90.0 or abs(lon) > 180.0:
        raise FrameError(f"position {lat}, {lon} out of range")
    position = Position(
        make_ts(2000 + y, mo, d, h, mi, s),
        lat,
        lon,
        valid=bool(flags & 0x1000),
        speed_kn=speed_kmh / KMH_PER_KNOT,
        course=float((flags & 0x03FF) % 360),
        satellites=sats,
    )
    if flags & 0x4000:
        position.attributes["ignition"] = bool(flags & 0x8000)
    return position


def _alarm_lbs(r: Reader, *, long_cell: bool = False) -> Cell | None:
    """The LBS block of an alarm packet: `<len:1> MCC(2) MNC(1) LAC(2) cell(3)` where `len` counts itself
    (0x09 for the plain block, the Concox GT06 protocol document's alarm packet, section 5.4; Traccar's
    decodeLbs skips `len - 9`). `len` 0 means no LBS block follows; a longer block carries vendor bytes
    after the cell id, which are skipped; a shorter one (some firmware writes 0x08, not counting itself)
    still carries the eight field bytes, as Traccar also reads it."""
    size = r.u8()
    if size == 0:
        return None
    cell = Cell(r.u16(), r.u8(), r.u16(), r.u32() if long_cell else r.u24())
    r.take(max(0, size - LBS_LEN))
    return cell


def _location(r: Reader, protocol: int, *, seeworld: bool = False) -> Location:
    position = _gps(r)
    alarm = protocol in (ALARM, ALARM_2)
    cell: Cell | None = None
    if alarm:
        cell = _alarm_lbs(r, long_cell=seeworld)
    elif r.remaining() >= 8:
        cell = Cell(r.u16(), r.u8(), r.u16(), r.u24())
    status: Status | None = None
    if alarm:
        status = _status(r, with_alarm=True, percent=seeworld)
        if r.remaining() >= 1:
            language = r.u8()
            if language in LANGUAGES:
                position.attributes["language"] = LANGUAGES[language]
        position.alarms = status.alarms
        position.battery_level = float(status.battery_level)
        position.attributes["ignition"] = status.ignition
        position.attributes["charge"] = status.charging
    elif protocol == LOCATION_2 and r.remaining() >= 3:
        position.attributes["ignition"] = r.u8() > 0
        position.attributes["upload_mode"] = r.u8()
        position.attributes["archive"] = r.u8() > 0
    if r.remaining() == 4:
        position.attributes["odometer_m"] = r.u32()
    return Location(position, cell, status)


# server replies -------------------------------------------------------------------------------------------
def encode_response(protocol: int, serial: int, content: bytes = b"") -> bytes:
    """`78 78 <len> <protocol> <content> <serial> <crc> 0d 0a`: the answer to login, status and alarm."""
    length = 1 + len(content) + 2 + 2
    if length > 0xFF:
        raise ValueError("response too long for the short form")
    covered = bytes([length, protocol]) + content + (serial & 0xFFFF).to_bytes(2, "big")
    return START + covered + crc_itu(covered).to_bytes(2, "big") + STOP


def encode_packet(protocol: int, serial: int, content: bytes) -> bytes:
    """A tracker-side packet (for simulators and tests): same layout as a response."""
    return encode_response(protocol, serial, content)
