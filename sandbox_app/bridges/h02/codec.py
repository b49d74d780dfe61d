"""H02 (Sinotrack and the many cheap trackers that copy it): text `*HQ,...#` and binary `$...` reports.

Text: `*HQ,<id>,<cmd>,...#`. The position commands (V1, V2, V4, V19, VI1, VP1) carry
`hhmmss,<A|V>,<lat>,<N|S>,<lon>,<E|W>,<speed kn>,<course>,<ddmmyy>,<status hex>` (V4 puts the answered
command first, VP1 has no time, V19 puts SIM numbers before the status); HTBT is a heartbeat (with a
battery percent on newer units); LINK, NBR, V3, XT, SMS, BASE and the rest are link/cell/config reports
that carry no fix. Coordinates come as `ddmm.mmmm`, `-dd-mm.mmmm` or `ddmmmmmm` (no dot).

Binary (32 or 45 bytes, first byte `$`, or `X` on some units): `$ <id:5 BCD> <hhmmss ddmmyy:6 BCD>
<lat:4 BCD ddmm.mmmm> <battery:1> <lon:9 nibbles dddmm.mmmm> <flags:1 nibble> <speed:3 nibbles>
<course:3 nibbles> <status:4> ...`; flags bit 1 = valid, bit 2 = north, bit 3 = east.

The status word is active low: bit 0 vibration, bit 1 SOS, bit 2 overspeed, bit 19 power cut; bit 10
set means ignition on. The tracker needs no reply. Anything malformed is `FrameError(reason)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sandbox_app.bridges.trackers.common import FrameError, Position, make_ts

TEXT_START, BINARY_STARTS, TEXT_STOP = b"*", (b"$", b"X"), b"#"
BINARY_SHORT, BINARY_IMEI, BINARY_LONG = 32, 42, 45
"""Binary report sizes: 10-digit id; 15-digit IMEI id; 10-digit id with a cell/odometer tail."""
MAX_TEXT = 2048
POSITION_COMMAND = re.compile(r"V(?:I|P)?\d+")
"""V1, V2, V4-V8, V19, VI1, VP1: reports with a fix (V3 is the cell-tower report, without one)."""
NO_FIX_COMMANDS = frozenset({"HTBT", "LINK", "NBR", "V3", "XT", "SMS", "BASE", "BS"})
"""Reports that keep the link alive but carry no usable fix (a heartbeat for us)."""
STATUS_ALARMS = ((0, "vibration"), (1, "sos"), (2, "overspeed"), (19, "power_cut"))
"""Active-low status bits, in priority order (the first one cleared wins, as Traccar reads them)."""

_HEX8 = re.compile(r"[0-9A-Fa-f]{8}")
_DASHED = re.compile(r"-?(\d+)-(\d+(?:\.\d+)?)")
_DOTTED = re.compile(r"(\d*?)(\d{1,2}\.\d+)")
_PLAIN = re.compile(r"(\d+)(\d{2})(\d{4})")


class FrameSplitter:
    """Cuts a TCP stream into `*...#` text reports and fixed-size binary reports; bytes that start
    neither are skipped (counted), resynchronising on the next start mark."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self.skipped = 0

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        while self._buf:
            first = bytes(self._buf[:1])
            if first == TEXT_START:
                end = self._buf.find(TEXT_STOP)
                if end < 0:
                    if len(self._buf) > MAX_TEXT:  # no stop mark in sight: drop the start, resync
                        self.skipped += 1
                        del self._buf[:1]
                        continue
                    break
                frames.append(bytes(self._buf[: end + 1]))
                del self._buf[: end + 1]
                while bytes(self._buf[:1]) in (b"\r", b"\n"):
                    del self._buf[:1]
                continue
            if first in BINARY_STARTS:
                if len(self._buf) < BINARY_SHORT:
                    break
                size = BINARY_SHORT
                tail = bytes(self._buf[BINARY_SHORT : BINARY_SHORT + 1])
                if tail and tail != TEXT_START and tail not in BINARY_STARTS:
                    after_imei = bytes(self._buf[BINARY_IMEI : BINARY_IMEI + 1])
                    if len(self._buf) == BINARY_IMEI or after_imei in (TEXT_START, *BINARY_STARTS):
                        size = BINARY_IMEI
                    elif len(self._buf) < BINARY_LONG:
                        break
                    else:
                        size = BINARY_LONG
                frames.append(bytes(self._buf[:size]))
                del self._buf[:size]
                continue
            starts = [i for i in (self._buf.find(m) for m in (TEXT_START, *BINARY_STARTS)) if i > 0]
            skip = min(starts) if starts else len(self._buf)
            self.skipped += skip
            del self._buf[:skip]
        return frames


@dataclass(frozen=True, slots=True)
class Report:
    """One decoded report: a fix (`position`), or a link report without one (`position` None)."""

    device_id: str
    command: str
    position: Position | None = None
    battery_level: float | None = None
    attributes: dict[str, object] = field(default_factory=dict)


def decode_frame(frame: bytes, now_ms: int) -> Report:
    """One whole report (text `*...#` or binary) → Report; FrameError with the reason otherwise.
    `now_ms` stands in for the time of a fix that carries none (the engine's clock, never the wall's)."""
    if frame[:1] in BINARY_STARTS:
        return _binary(frame)
    if frame[:1] != TEXT_START:
        raise FrameError(f"bad start mark {frame[:1].hex()}")
    if len(frame) > MAX_TEXT:
        raise FrameError(f"text report longer than {MAX_TEXT} bytes")
    try:
        text = frame.decode("ascii")
    except UnicodeDecodeError as exc:
        raise FrameError("text report is not ASCII") from exc
    return _text(text.rstrip("\r\n").removesuffix("#"), now_ms)


def _text(text: str, now_ms: int) -> Report:
    fields = text.split(",")
    if len(fields) < 3 or fields[0].upper() not in ("*HQ", "*TH"):
        raise FrameError("not an H02 text report (*HQ,<id>,<command>,...)")
    device_id, command = fields[1].strip(), fields[2].strip().upper()
    if not device_id.isdigit() and device_id:
        raise FrameError(f"bad device id {device_id[:20]!r}")
    if command == "HTBT":
        battery = _int(fields[3], "battery") if len(fields) > 3 and fields[3] else None
        level = float(battery) if battery is not None and 0 <= battery <= 100 else None
        return Report(device_id, command, battery_level=level)
    if command == "SMS":
        return Report(device_id, command, attributes={"result": ",".join(fields[3:])})
    if command == "V3" or not POSITION_COMMAND.fullmatch(command):
        if command in NO_FIX_COMMANDS or command.isalnum() or not command:
            return Report(device_id, command or "EMPTY")
        raise FrameError(f"unknown message id {command[:12]!r}")
    return Report(device_id, command, _text_position(fields, command, now_ms))


def _text_position(fields: list[str], command: str, now_ms: int) -> Position | None:
    """The fix of a position command; None when the report says the unit has no fix at all."""
    if len(fields) < 5:
        raise FrameError(f"{command} report too short ({len(fields)} fields)")
    if command == "VP1":  # *HQ,<id>,VP1,<A|V>,<lat>,...: no time of day
        hhmmss, at = "000000", 3
    elif command == "V4":
        t = _find_time(fields, 3)
        hhmmss, at = fields[t].strip(), t + 1
    else:
        hhmmss, at = fields[3].strip() or "000000", 4
    if len(fields) < at + 7:
        raise FrameError(f"{command} report too short ({len(fields)} fields)")
    validity = fields[at].strip()
    lat_text, ns, lon_text, ew = (f.strip() for f in fields[at + 1 : at + 5])
    if not lat_text or not lon_text or ns not in ("N", "S") or ew not in ("E", "W"):
        return None  # "V1,,V,,N,,E" or hemispheres "0": the unit has no fix at all
    lat, lon = _coordinate(lat_text, ns == "S", 90.0), _coordinate(lon_text, ew == "W", 180.0)
    speed = _float(fields[at + 5], "speed") if fields[at + 5].strip() else 0.0
    course = _float(fields[at + 6], "course") if fields[at + 6].strip() else 0.0
    rest = fields[at + 7 :]
    date_at = next((i for i, f in enumerate(rest) if len(f.strip()) == 6 and f.strip().isdigit()), None)
    status_from = 0 if date_at is None else date_at + 1
    status = next((int(f, 16) for f in rest[status_from:] if _HEX8.fullmatch(f.strip())), None)
    if date_at is None:
        if rest[:1] != [""]:
            raise FrameError(f"{command} report without a date")
        ts = now_ms  # "V1,,V,...,,<status>": no time at all; the fix is as of now
    else:
        ddmmyy = rest[date_at].strip()
        if ddmmyy == "000000":
            return None
        if len(hhmmss) != 6 or not hhmmss.isdigit():
            raise FrameError(f"bad time {hhmmss[:12]!r}")
        ts = make_ts(
            2000 + int(ddmmyy[4:6]), int(ddmmyy[2:4]), int(ddmmyy[0:2]),
            int(hhmmss[0:2]), int(hhmmss[2:4]), int(hhmmss[4:6]),
        )  # fmt: skip
    position = Position(ts, lat, lon, valid=validity == "A", speed_kn=max(speed, 0.0), course=course % 360.0)
    if status is not None:
        _status(position, status)
    return position


def _find_time(fields: list[str], start: int) -> int:
    """V4 answers a command first (`V4,S17,<args...>,<hhmmss>`): the fix's time is the 6-digit field
    right before the validity flag."""
    for i in range(start, len(fields) - 1):
        if fields[i + 1].strip() in ("A", "V") and len(fields[i].strip()) == 6 and fields[i].isdigit():
            return i
    raise FrameError("V4 report without a fix")


def _coordinate(text: str, negative: bool, limit: float) -> float:
    dashed = _DASHED.fullmatch(text)
    if dashed:
        value = int(dashed[1]) + float(dashed[2]) / 60.0
    elif "." in text:
        dotted = _DOTTED.fullmatch(text)
        if not dotted:
            raise FrameError(f"bad coordinate {text[:20]!r}")
        value = int(dotted[1] or 0) + float(dotted[2]) / 60.0
    else:
        plain = _PLAIN.fullmatch(text)
        if not plain:
            raise FrameError(f"bad coordinate {text[:20]!r}")
        value = int(plain[1]) + float(f"{plain[2]}.{plain[3]}") / 60.0
    if value > limit:
        raise FrameError(f"coordinate {text[:20]!r} out of range")
    return -value if negative else value


def _status(position: Position, status: int) -> None:
    for bit, name in STATUS_ALARMS:
        if not status >> bit & 1:
            position.alarms = (name,)
            break
    position.attributes["ignition"] = bool(status >> 10 & 1)
    position.attributes["status"] = status


def _int(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError as exc:
        raise FrameError(f"bad {what} {text[:12]!r}") from exc


def _float(text: str, what: str) -> float:
    try:
        value = float(text.strip())
    except ValueError as exc:
        raise FrameError(f"bad {what} {text[:12]!r}") from exc
    if value != value or abs(value) > 1e6:
        raise FrameError(f"bad {what} {text[:12]!r}")
    return value


# binary ---------------------------------------------------------------------------------------------------
def _digits(text: str, what: str) -> int:
    if not text.isdigit():
        raise FrameError(f"bad BCD {what} {text}")
    return int(text)


def _binary(frame: bytes) -> Report:
    if len(frame) < BINARY_SHORT:
        raise FrameError(f"truncated binary report: {len(frame)} bytes, needs {BINARY_SHORT}")
    imei = len(frame) == BINARY_IMEI
    if imei:  # 8 BCD bytes hold the 15-digit IMEI and a filler nibble; the rest is laid out as usual
        device_id, n = frame[1:9].hex()[:15], frame[9:BINARY_IMEI].hex()
    else:
        n = frame[1:BINARY_SHORT].hex()
        device_id, n = n[:10], n[10:]
    if not device_id.isdigit():
        raise FrameError(f"bad BCD device id {device_id}")
    hh, mi, ss = (_digits(n[i : i + 2], "time") for i in (0, 2, 4))
    dd, mo, yy = (_digits(n[i : i + 2], "date") for i in (6, 8, 10))
    lat = _digits(n[12:14], "latitude") + _digits(n[14:20], "latitude") / 10000.0 / 60.0
    lon = _digits(n[22:25], "longitude") + _digits(n[25:31], "longitude") / 10000.0 / 60.0
    flags = int(n[31], 16)
    speed = _digits(n[32:35], "speed")
    course = int(n[35], 16) % 4 * 100 + _digits(n[36:38], "course")
    status = int(n[38:46], 16)
    if lat > 90.0 or lon > 180.0:
        raise FrameError(f"position {lat}, {lon} out of range")
    position = Position(
        make_ts(2000 + yy, mo, dd, hh, mi, ss),
        lat if flags & 0x4 else -lat,
        lon if flags & 0x8 else -lon,
        valid=bool(flags & 0x2),
        speed_kn=float(speed),
        course=float(course % 360),
    )
    _status(position, status)
    return Report(device_id, "binary", position)
