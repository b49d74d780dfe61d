"""JT/T 808 (2013, with the 2019 header) terminal protocol: framing, escaping, checksum, messages.

A frame is `0x7e <escaped: header body checksum> 0x7e`; inside it 0x7e is sent as 0x7d 0x02 and 0x7d as
0x7d 0x01. The checksum is the XOR of header and body. The header carries the message id, the body
properties (length, encryption, subpackage, 2019 version flag), the terminal's phone number in BCD (its
identity on the platform) and a serial number that the platform's responses echo.

Covered: terminal registration 0x0100 / its response 0x8100, authentication 0x0102, heartbeat 0x0002,
logout 0x0003, terminal general response 0x0001, location report 0x0200 (alarm and status bits, the
standard additional items), batch location upload 0x0704, position query answer 0x0201; platform general
response 0x8001, text message 0x8300 and position query 0x8201 encoders. Subpackaged messages (a body over
1,023 bytes sent in numbered parts) are put back together by `jt808_parts.Reassembler` before decoding.
Anything else is a `FrameError("unknown message id ...")` the server counts and still acknowledges, so a
terminal's vendor extras never make it resend forever.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sandbox_app.bridges.trackers.common import KMH_PER_KNOT, FrameError, Position, Reader, bcd, make_ts

FLAG = 0x7E
ESC = 0x7D
MAX_FRAME = 4096
"""Escaped bytes between two flags; the body length field allows 1,023, escaping at most doubles it."""
CHINA_OFFSET_H = 8.0
"""The standard's times are BCD in GMT+8."""

REGISTER, REGISTER_RESPONSE, AUTH, HEARTBEAT, LOGOUT = 0x0100, 0x8100, 0x0102, 0x0002, 0x0003
TERMINAL_RESPONSE, PLATFORM_RESPONSE, LOCATION, BATCH, TEXT = 0x0001, 0x8001, 0x0200, 0x0704, 0x8300
POSITION_QUERY, POSITION_ANSWER = 0x8201, 0x0201
KNOWN_IDS = frozenset(
    {REGISTER, AUTH, HEARTBEAT, LOGOUT, TERMINAL_RESPONSE, LOCATION, BATCH, POSITION_ANSWER}
)
"""Terminal → platform messages this module decodes."""

RESULT_OK, RESULT_FAIL, RESULT_BAD, RESULT_UNSUPPORTED = 0, 1, 2, 3

ALARM_BITS: dict[int, str] = {
    0: "sos",
    1: "overspeed",
    2: "fatigue",
    3: "danger_warning",
    4: "gnss_fault",
    5: "gnss_antenna_cut",
    6: "gnss_antenna_short",
    7: "low_power",
    8: "power_off",
    9: "lcd_fault",
    10: "tts_fault",
    11: "camera_fault",
    12: "ic_card_fault",
    13: "overspeed_warning",
    14: "fatigue_warning",
    18: "driving_overtime",
    19: "parking_overtime",
    20: "area",
    21: "route",
    22: "route_time",
    23: "route_deviation",
    24: "vss_fault",
    25: "fuel_abnormal",
    26: "stolen",
    27: "illegal_ignition",
    28: "illegal_movement",
    29: "collision",
    30: "rollover",
    31: "illegal_door_open",
}
"""JT/T 808-2013 table 24, bit → our alarm name."""


# framing --------------------------------------------------------------------------------------------------
def escape(raw: bytes) -> bytes:
    return raw.replace(b"\x7d", b"\x7d\x01").replace(b"\x7e", b"\x7d\x02")


def unescape(data: bytes, strict: bool = True) -> bytes:
    """Undo 0x7d escapes; 0x7d followed by anything but 0x01/0x02 is a FrameError (kept as sent when
    not `strict`)."""
    if ESC not in data:
        return data
    out = bytearray()
    it = iter(range(len(data)))
    for i in it:
        byte = data[i]
        if byte != ESC:
            out.append(byte)
            continue
        following = data[i + 1] if i + 1 < len(data) else -1
        if following in (0x01, 0x02):
            out.append(ESC if following == 0x01 else FLAG)
            next(it, None)
        elif strict:
            raise FrameError(
                f"bad escape 0x7d 0x{following:02x}" if following >= 0 else "bad escape: 0x7d at the end"
            )
        else:
            out.append(byte)
    return bytes(out)


def xor(data: bytes) -> int:
    value = 0
    for byte in data:
        value ^= byte
    return value


class FrameSplitter:
    """Cuts a TCP byte stream into frames `7e ... 7e` (flags included, still escaped).

    Bytes before a start flag are dropped (counted in `skipped`); two adjacent flags are an empty frame
    between two messages that shared a flag, skipped; an over-long run without an end flag is dropped,
    so a talker that never closes a frame cannot grow the buffer without bound.
    """

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self._buf = bytearray()
        self.max_frame = max_frame
        self.skipped = 0

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        while True:
            start = self._buf.find(FLAG)
            if start < 0:
                self.skipped += len(self._buf)
                self._buf.clear()
                return frames
            if start:
                self.skipped += start
                del self._buf[:start]
            end = self._buf.find(FLAG, 1)
            if end < 0:
                if len(self._buf) > self.max_frame:
                    self.skipped += len(self._buf)
                    self._buf.clear()
                return frames
            if end == 1:  # "7e 7e": the end of a frame we dropped, or a shared flag
                del self._buf[:1]
                continue
            frames.append(bytes(self._buf[: end + 1]))
            del self._buf[: end + 1]


# messages ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Header:
    msg_id: int
    phone: str
    """The terminal's phone number as hex digits (BCD: 12 digits in 2013, 20 in 2019)."""
    serial: int
    version: int | None = None
    """Protocol version byte of a 2019 header; None for 2013/2011 terminals."""
    encrypted: bool = False
    packet: tuple[int, int] | None = None
    """(total, index) of a subpackaged message."""


@dataclass(frozen=True, slots=True)
class Registration:
    province: int
    city: int
    manufacturer: str
    model: str
    terminal_id: str
    plate_color: int
    plate: str


@dataclass(frozen=True, slots=True)
class Authentication:
    code: str
    imei: str = ""
    software: str = ""


@dataclass(frozen=True, slots=True)
class Heartbeat:
    pass


@dataclass(frozen=True, slots=True)
class Logout:
    pass


@dataclass(frozen=True, slots=True)
class GeneralResponse:
    """0x0001 (terminal's) or 0x8001 (platform's) answer to a message by its serial."""

    reply_serial: int
    reply_id: int
    result: int


@dataclass(frozen=True, slots=True)
class LocationReport:
    alarm: int
    status: int
    position: Position
    items: dict[int, bytes] = field(default_factory=dict)
    """Every additional item as sent (id → raw value), decoded ones included."""


@dataclass(frozen=True, slots=True)
class BatchUpload:
    blind_area: bool
    """True: positions stored while out of coverage, sent late (type 1)."""
    reports: tuple[LocationReport, ...]


@dataclass(frozen=True, slots=True)
class PositionAnswer:
    """0x0201: the terminal's answer to our 0x8201 position query."""

    reply_serial: int
    report: LocationReport


Body = (
    Registration | Authentication | Heartbeat | Logout | GeneralResponse | LocationReport | BatchUpload
    | PositionAnswer
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Message:
    header: Header
    body: Body


def decode_frame(frame: bytes, offset_h: float = CHINA_OFFSET_H, *, strict: bool = True) -> Message:
    """One frame (flags included or not) → Message; FrameError with the reason otherwise.

    `strict=False` skips the checksum and body length checks and keeps unknown escapes: only for reading
    hand-edited test captures (some of Traccar's have wrong checksums); the servers are always strict.
    A part of a subpackaged message is a FrameError here; servers use `split_frame` and
    `jt808_parts.Reassembler`."""
    header, body = split_frame(frame, strict=strict)
    if header.packet is not None and header.packet != (1, 1):
        raise FrameError(f"subpackage {header.packet[1]}/{header.packet[0]} (reassembly not supported)")
    return decode_body(header, body, offset_h)


def decode_body(header: Header, body: bytes, offset_h: float = CHINA_OFFSET_H) -> Message:
    """A message's (reassembled) body → Message."""
    return Message(header, _body(header, Reader(body, f"0x{header.msg_id:04x} body"), offset_h))


def split_frame(frame: bytes, *, strict: bool = True) -> tuple[Header, bytes]:
    """One frame → its checked header and raw body (a known message id, checksum and length hold)."""
    if frame[:1] == b"\x7e":
        frame = frame[1:]
    if frame[-1:] == b"\x7e":
        frame = frame[:-1]
    if FLAG in frame:
        raise FrameError("0x7e inside a frame")
    raw = unescape(frame, strict)
    if len(raw) < 13:
        raise FrameError(f"truncated frame: {len(raw)} bytes, a header alone is 12")
    content, checksum = raw[:-1], raw[-1]
    if strict and xor(content) != checksum:
        raise FrameError(f"bad checksum: 0x{checksum:02x}, computed 0x{xor(content):02x}")
    header, body = _header(Reader(content, "header"), KNOWN_IDS, strict)
    if header.encrypted:
        raise FrameError(f"encrypted message 0x{header.msg_id:04x} (RSA not supported)")
    if header.packet is not None:
        total, index = header.packet
        if not 1 <= index <= total:
            raise FrameError(f"subpackage {index}/{total} out of range")
    return header, body


def _header(r: Reader, known: frozenset[int] | None = None, strict: bool = True) -> tuple[Header, bytes]:
    msg_id, props = r.u16(), r.u16()
    if known is not None and msg_id not in known:
        raise FrameError(f"unknown message id 0x{msg_id:04x}")
    length = props & 0x3FF
    version: int | None = None
    if props & 0x4000:
        version = r.u8()
        phone = r.take(10).hex()
    else:
        phone = r.take(6).hex()  # BCD by the standard; some vendors put hex ids here, kept as sent
    serial = r.u16()
    packet = (r.u16(), r.u16()) if props & 0x2000 else None
    body = r.rest()
    if strict and len(body) != length:
        raise FrameError(f"body length {len(body)} does not match the header's {length}")
    encrypted = bool(props & 0x1C00)
    return Header(msg_id, phone, serial, version, encrypted, packet), body


def _body(header: Header, r: Reader, offset_h: float) -> Body:
    msg_id = header.msg_id
    if msg_id == LOCATION:
        return decode_location(r, offset_h)
    if msg_id == POSITION_ANSWER:
        reply_serial = r.u16()
        return PositionAnswer(reply_serial, decode_location(r, offset_h))
    if msg_id == BATCH:
        count, kind = r.u16(), r.u8()
        reports = []
        for _ in range(count):
            size = r.u16()
            reports.append(decode_location(Reader(r.take(size), "batch item"), offset_h))
        if not reports:
            raise FrameError("batch location upload with no positions")
        return BatchUpload(kind == 1, tuple(reports))
    if msg_id == HEARTBEAT:
        return Heartbeat()
    if msg_id == LOGOUT:
        return Logout()
    if msg_id == TERMINAL_RESPONSE:
        return GeneralResponse(r.u16(), r.u16(), r.u8())
    if msg_id == AUTH:
        if header.version is not None:
            code = _text(r.take(r.u8()))
            return Authentication(code, _text(r.take(15)), _text(r.take(20)))
        return Authentication(_text(r.rest()))
    return _registration(r, header.version is not None)


def _text(raw: bytes) -> str:
    """GBK text as terminals send it, padding NULs and spaces trimmed."""
    return raw.rstrip(b"\x00 ").decode("gbk", "replace")


def _registration(r: Reader, v2019: bool) -> Registration:
    province, city = r.u16(), r.u16()
    if v2019:
        sizes = (11, 30, 30)
    elif r.remaining() >= 5 + 20 + 7 + 1:
        sizes = (5, 20, 7)
    else:
        sizes = (5, 8, 7)  # JT/T 808-2011
    manufacturer, model, terminal = (_text(r.take(n)) for n in sizes)
    color = r.u8()
    return Registration(province, city, manufacturer, model, terminal, color, _text(r.rest()))


def decode_location(r: Reader, offset_h: float = CHINA_OFFSET_H) -> LocationReport:
    """The 28-byte basic location plus additional items (id, length, value)."""
    alarm, status = r.u32(), r.u32()
    lat, lon = r.u32() / 1e6, r.u32() / 1e6
    if status & 0x4:
        lat = -lat
    if status & 0x8:
        lon = -lon
    if lat > 90.0 or lon > 180.0:
        raise FrameError(f"position {lat}, {lon} out of range")
    altitude, speed, course = r.i16(), r.u16() / 10.0, r.u16()
    stamp = bcd(r.take(6))
    y, mo, d, h, mi, s = (int(stamp[i : i + 2]) for i in range(0, 12, 2))
    ts = make_ts(2000 + y, mo, d, h, mi, s, offset_h=offset_h)
    items: dict[int, bytes] = {}
    while r.remaining() >= 2:
        item, size = r.u8(), r.u8()
        if size > r.remaining():
            break  # vendors pad or mis-size their private items; the standard part is already read
        items[item] = r.take(size)
    attributes: dict[str, Any] = {
        "ignition": bool(status & 0x1),
        "status": status,
        "alarm_bits": alarm,
    }
    position = Position(
        ts,
        lat,
        lon,
        valid=bool(status & 0x2),
        speed_kn=speed / KMH_PER_KNOT,
        course=float(course % 360),
        altitude=float(altitude),
        alarms=tuple(name for bit, name in ALARM_BITS.items() if alarm >> bit & 1),
        attributes=attributes,
    )
    _apply_items(position, items)
    return LocationReport(alarm, status, position, items)


def _apply_items(position: Position, items: dict[int, bytes]) -> None:
    """The standard additional items (JT/T 808-2013 table 27) into the position's attributes."""
    a = position.attributes
    for item, value in items.items():
        n = int.from_bytes(value, "big") if value else 0
        if item == 0x01 and len(value) == 4:
            a["odometer_m"] = n * 100
        elif item == 0x02 and len(value) == 2:
            a["fuel_l"] = n / 10.0
        elif item == 0x03 and len(value) == 2:
            a["recorder_speed_kmh"] = n / 10.0
        elif item == 0x04 and len(value) == 2:
            a["alarm_event_id"] = n
        elif item == 0x25 and len(value) == 4:
            a["vehicle_signals"] = n
        elif item == 0x2A and len(value) == 2:
            a["io_status"] = n
        elif item == 0x2B and len(value) == 4:
            a["analog"] = n
        elif item == 0x30 and len(value) == 1:
            a["rssi"] = n
        elif item == 0x31 and len(value) == 1:
            position.satellites = n


# encoders ---------------------------------------------------------------------------------------------
def encode_message(
    msg_id: int,
    phone: str,
    serial: int,
    body: bytes = b"",
    version: int | None = None,
    packet: tuple[int, int] | None = None,
) -> bytes:
    """A whole frame: header (2019 layout when `version` is given; part fields when `packet` is
    (total, index)), body, XOR checksum, escaped, flagged."""
    if len(body) > 0x3FF:
        raise ValueError(f"body of {len(body)} bytes needs subpackaging (max 1023)")
    props = len(body)
    digits = 20 if version is not None else 12
    if len(phone) > digits or any(c not in "0123456789abcdef" for c in phone):
        raise ValueError(f"phone {phone!r} is not up to {digits} (hex) digits")
    head = msg_id.to_bytes(2, "big")
    if version is not None:
        props |= 0x4000
        ident = bytes([version]) + bytes.fromhex(phone.zfill(digits))
    else:
        ident = bytes.fromhex(phone.zfill(digits))
    parts = b""
    if packet is not None:
        props |= 0x2000
        parts = packet[0].to_bytes(2, "big") + packet[1].to_bytes(2, "big")
    content = head + props.to_bytes(2, "big") + ident + (serial & 0xFFFF).to_bytes(2, "big") + parts + body
    return b"\x7e" + escape(content + bytes([xor(content)])) + b"\x7e"


def encode_general_response(
    phone: str,
    serial: int,
    reply_serial: int,
    reply_id: int,
    result: int = RESULT_OK,
    version: int | None = None,
) -> bytes:
    """0x8001: the platform heard message `reply_id` #`reply_serial` (result 0 = ok)."""
    body = reply_serial.to_bytes(2, "big") + reply_id.to_bytes(2, "big") + bytes([result])
    return encode_message(PLATFORM_RESPONSE, phone, serial, body, version)


def encode_registration_response(
    phone: str, serial: int, reply_serial: int, result: int, auth_code: str, version: int | None = None
) -> bytes:
    """0x8100: result 0 carries the authentication code the terminal must send back in 0x0102."""
    body = reply_serial.to_bytes(2, "big") + bytes([result])
    if result == RESULT_OK:
        body += auth_code.encode("gbk")
    return encode_message(REGISTER_RESPONSE, phone, serial, body, version)


def encode_position_query(phone: str, serial: int, version: int | None = None) -> bytes:
    """0x8201: ask the terminal where it is now; it answers 0x0201 with our serial and a location."""
    return encode_message(POSITION_QUERY, phone, serial, b"", version)


TEXT_EMERGENCY, TEXT_DISPLAY, TEXT_TTS = 0x01, 0x04, 0x08


def encode_text(
    phone: str,
    serial: int,
    text: str,
    flags: int = TEXT_EMERGENCY | TEXT_DISPLAY | TEXT_TTS,
    version: int | None = None,
) -> bytes:
    """0x8300 text message (GBK): shown on the terminal's screen and read aloud by TTS by default.
    A 2019 terminal gets the extra text-type byte (1 = notice)."""
    prefix = bytes([flags]) + (b"\x01" if version is not None else b"")
    payload = b""
    for char in text:  # whole characters only: a GBK pair cut in half would garble the screen
        encoded = char.encode("gbk", "replace")
        if len(prefix) + len(payload) + len(encoded) > 0x3FF:
            break
        payload += encoded
    return encode_message(TEXT, phone, serial, prefix + payload, version)


@dataclass(frozen=True, slots=True)
class TextMessage:
    flags: int
    text: str


def decode_text(body: bytes, v2019: bool = False) -> TextMessage:
    """For terminal simulators and tests: the body of a 0x8300."""
    r = Reader(body, "0x8300 body")
    flags = r.u8()
    if v2019:
        r.u8()
    return TextMessage(flags, r.rest().decode("gbk", "replace"))


def peek_header(frame: bytes) -> Header | None:
    """The header of a frame whose checksum holds, even when its message is one we do not decode: the
    server still answers it (result "not supported") so the terminal does not resend it forever."""
    try:
        raw = unescape(frame.strip(b"\x7e"))
        if len(raw) < 13 or xor(raw[:-1]) != raw[-1]:
            return None
        return _header(Reader(raw[:-1], "header"))[0]
    except FrameError:
        return None


def decode_platform(frame: bytes) -> tuple[Header, bytes]:
    """For terminal simulators and tests: header and raw body of a platform → terminal frame."""
    raw = unescape(frame.strip(b"\x7e"))
    if len(raw) < 13 or xor(raw[:-1]) != raw[-1]:
        raise FrameError("bad platform frame")
    return _header(Reader(raw[:-1], "header"))
