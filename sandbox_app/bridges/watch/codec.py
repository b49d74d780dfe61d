"""The "3G" smartwatch protocol (elderly and children's watches): `[SG*<id>*<len>*<type>,<fields>]`.

The maker code (`SG`, `3G`, `CS`, `ZJ`...) and the id are echoed in every reply; `ZJ` units put a 4-hex
message index before the length. `len` is the content length in hex (after un-escaping: inside a frame
`}\\x01..}\\x05` stand for `} [ ] , *`). The types we read:

| type | meaning | reply |
|---|---|---|
| `LK[,steps,tumbles,battery]` | link keep-alive | `LK` |
| `UD`, `UD2`, `UD3`, `UD_LTE`, `UD_WCDMA`, `WT` | position (UD2: a blind-area resend) | — |
| `AL`, `AL_LTE`, `ALCUSTOMER1`... | alarm with position | `AL` |
| `heart`, `PULSE`, `bphrt`, `BLOOD`, `oxygen`, `TEMP`, `btemp2` | health readings | — |

A position report: `ddmmyy,hhmmss,<A|V>,lat,<N|S>,lon,<E|W>,speed km/h,course,altitude,satellites,
signal,battery %,steps,tumbles,<status hex>,...` (cells and Wi-Fi follow; we skip them). The status
word's high half holds alarms (bit 16 SOS, 17 low battery, 18/19 geofence out/in, 20 taken off the
wrist, 21 fall), its low half states (bit 0 low battery). Every other type is kept as `Message` with
no position (audio, photos, config answers); malformed input is `FrameError(reason)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sandbox_app.bridges.trackers.common import KMH_PER_KNOT, FrameError, Position, make_ts

START, STOP, ESCAPE = b"[", b"]", 0x7D
UNESCAPED = {1: b"}", 2: b"[", 3: b"]", 4: b",", 5: b"*"}
MAX_FRAME = 65536
"""Voice messages (TK) run to tens of kilobytes; anything longer is garbage."""
ALARM_BITS = ((16, "sos"), (17, "low_battery"), (18, "geofence_exit"), (19, "geofence_enter"),
              (20, "removing"), (21, "fall"))  # fmt: skip
"""Status bits → our alarm names; "removing" is the watch taken off the wrist."""
LOW_BATTERY_STATE = 0
REPLIED = ("LK", "AL", "TKQ", "TKQ2")
"""Types the watch waits for an echo of (`AL_LTE` and `ALCUSTOMER1` are answered `AL`)."""

_HEADER = re.compile(rb"\[([0-9A-Za-z]{2})\*([0-9A-Za-z]{1,20})\*(?:([0-9A-Fa-f]{4})\*)?([0-9A-Fa-f]{4})\*")
_POSITION_TYPE = re.compile(r"(?:UD\d?|AL|WT)(?:_[A-Z]+|CUSTOMER\d*)?")


def unescape(data: bytes) -> bytes:
    """`}` followed by 1-5 → the byte it stands for; a `}` followed by anything else is kept as is."""
    if ESCAPE not in data:
        return data
    out = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        if b == ESCAPE and i + 1 < len(data) and data[i + 1] in UNESCAPED:
            out += UNESCAPED[data[i + 1]]
            i += 2
            continue
        out.append(b)
        i += 1
    return bytes(out)


def escape(content: bytes) -> bytes:
    out = content.replace(b"}", b"}\x01").replace(b"[", b"}\x02").replace(b"]", b"}\x03")
    return out.replace(b",", b"}\x04").replace(b"*", b"}\x05")


class FrameSplitter:
    """Cuts a TCP stream into whole `[...]` frames (un-escaped); bytes before a `[` are skipped (counted)."""

    def __init__(self) -> None:
        self._buf = bytearray()
        self.skipped = 0

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        frames: list[bytes] = []
        while self._buf:
            start = self._buf.find(START)
            if start < 0:
                self.skipped += len(self._buf)
                self._buf.clear()
                break
            if start:
                self.skipped += start
                del self._buf[:start]
            end = self._end()
            if end < 0:
                if len(self._buf) > MAX_FRAME:
                    self.skipped += 1
                    del self._buf[:1]
                    continue
                break
            frames.append(unescape(bytes(self._buf[: end + 1])))
            del self._buf[: end + 1]
        return frames

    def _end(self) -> int:
        """Index of the `]` that closes the frame at the buffer's start, -1 while it is incomplete: where
        the length field says when a `]` stands there (Wi-Fi names may hold raw brackets), else the first
        `]` that ends the buffer or is followed by the next frame's `[`."""
        head = _HEADER.match(self._buf)
        if head is not None:
            stop = head.end() + int(head[4], 16)
            if self._buf[stop : stop + 1] == STOP:
                return stop
        end = self._buf.find(STOP, 1)
        while end >= 0:
            if end + 1 == len(self._buf) or self._buf[end + 1 : end + 2] == START:
                return end
            end = self._buf.find(STOP, end + 1)
        return -1


@dataclass(frozen=True, slots=True)
class Message:
    maker: str
    device_id: str
    index: str | None
    """ZJ units number their messages; the reply repeats the number."""
    kind: str
    """The type as sent (`UD_LTE`, `LK`, `heart`...)."""
    position: Position | None = None
    battery_level: float | None = None
    steps: int | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    """Health readings (heart_rate, blood_pressure, blood_oxygen, temperature), tumbles, status bits."""

    @property
    def alarms(self) -> tuple[str, ...]:
        return self.position.alarms if self.position is not None else ()

    @property
    def reply_kind(self) -> str | None:
        """What to echo back, or None when the watch expects nothing."""
        if self.kind.upper() in REPLIED:
            return self.kind.upper()
        if self.kind.upper().startswith("AL") and _POSITION_TYPE.fullmatch(self.kind.upper()):
            return "AL"
        return None


def decode_frame(frame: bytes) -> Message:
    """One un-escaped `[...]` frame → Message; FrameError with the reason otherwise."""
    if len(frame) > MAX_FRAME:
        raise FrameError(f"frame longer than {MAX_FRAME} bytes")
    head = _HEADER.match(frame)
    if head is None:
        raise FrameError("not a watch frame ([maker*id*len*content])")
    if not frame.endswith(STOP):
        raise FrameError("frame without its closing ']'")
    maker, device_id = head[1].decode("ascii"), head[2].decode("ascii")
    index = head[3].decode("ascii") if head[3] else None
    content = frame[head.end() : -1]
    kind = content.split(b",", 1)[0].decode("latin-1")
    if not kind.isascii() or not kind.replace("_", "").isalnum():
        raise FrameError(f"bad message type {kind[:16]!r}")
    fields = content.decode("latin-1").split(",")[1:] if b"," in content else []
    base = Message(maker, device_id, index, kind)
    upper = kind.upper()
    if upper == "LK":
        return _link(base, fields)
    if _POSITION_TYPE.fullmatch(upper):
        return _located(base, fields)
    readings = _readings(upper, fields)
    return Message(maker, device_id, index, kind, attributes=readings)


def _link(base: Message, fields: list[str]) -> Message:
    if not fields:
        return base
    values = [_int(f, "LK field") for f in fields[:3]] + [None, None, None]
    steps, tumbles, battery = values[:3]
    attributes = {"tumbles": tumbles} if tumbles is not None else {}
    level = float(battery) if battery is not None and 0 <= battery <= 100 else None
    return Message(base.maker, base.device_id, base.index, base.kind, None, level, steps, attributes)


def _located(base: Message, f: list[str]) -> Message:
    if len(f) < 16:
        raise FrameError(f"{base.kind} report too short ({len(f)} fields)")
    ddmmyy, hhmmss = f[0].strip(), f[1].strip()
    if len(ddmmyy) != 6 or not ddmmyy.isdigit() or len(hhmmss) != 6 or not hhmmss.isdigit():
        raise FrameError(f"bad date/time {ddmmyy[:8]!r} {hhmmss[:8]!r}")
    ts = make_ts(
        2000 + int(ddmmyy[4:6]), int(ddmmyy[2:4]), int(ddmmyy[0:2]),
        int(hhmmss[0:2]), int(hhmmss[2:4]), int(hhmmss[4:6]),
    )  # fmt: skip
    lat = _signed(_float(f[3], "latitude"), f[4].strip() == "S")
    lon = _signed(_float(f[5], "longitude"), f[6].strip() == "W")
    if abs(lat) > 90.0 or abs(lon) > 180.0:
        raise FrameError(f"position {lat}, {lon} out of range")
    speed_kmh = _float(f[7], "speed")
    status_text = f[15].strip()
    if not status_text or len(status_text) > 8 or not all(c in "0123456789abcdefABCDEF" for c in status_text):
        raise FrameError(f"bad status {status_text[:10]!r}")
    status = int(status_text, 16)
    battery = _int(f[12], "battery")
    position = Position(
        ts,
        lat,
        lon,
        valid=f[2].strip() == "A",
        speed_kn=min(max(speed_kmh, 0.0), 1600.0) / KMH_PER_KNOT,
        course=_float(f[8], "course") % 360.0,
        altitude=_float(f[9], "altitude") if f[9].strip() else None,
        satellites=_int(f[10], "satellites"),
        battery_level=float(battery) if battery is not None and 0 <= battery <= 100 else None,
        alarms=tuple(name for bit, name in ALARM_BITS if status >> bit & 1),
    )
    position.attributes.update(
        {"status": status, "rssi": _int(f[11], "signal"), "tumbles": _int(f[14], "tumbles")}
    )
    if status >> LOW_BATTERY_STATE & 1:
        position.attributes["low_battery"] = True
    steps = _int(f[13], "steps")
    return Message(base.maker, base.device_id, base.index, base.kind, position, position.battery_level, steps)


def _readings(kind: str, f: list[str]) -> dict[str, Any]:
    """Health readings by type; an unknown type keeps only its name (no reading, no error)."""
    if kind in ("HEART", "PULSE") and f:
        return {"heart_rate": _int(f[0], "heart rate")}
    if kind == "BPHRT" and len(f) >= 3:
        return {"blood_pressure": (_int(f[0], "systolic"), _int(f[1], "diastolic")),
                "heart_rate": _int(f[2], "heart rate")}  # fmt: skip
    if kind == "BLOOD" and len(f) >= 2:
        return {"blood_pressure": (_int(f[0], "systolic"), _int(f[1], "diastolic"))}
    if kind == "OXYGEN" and len(f) >= 2:
        return {"blood_oxygen": _int(f[1], "blood oxygen")}
    if kind == "TEMP" and f:
        return {"temperature": _float(f[0], "temperature")}
    if kind == "BTEMP2" and len(f) >= 2:
        return {"temperature": _float(f[1], "temperature")}
    return {}


def _signed(value: float, negative: bool) -> float:
    return -abs(value) if negative else value


def _int(text: str, what: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError as exc:
        raise FrameError(f"bad {what} {text[:12]!r}") from exc


def _float(text: str, what: str) -> float:
    text = text.strip()
    if not text:
        return 0.0
    try:
        value = float(text)
    except ValueError as exc:
        raise FrameError(f"bad {what} {text[:12]!r}") from exc
    if value != value or abs(value) > 1e7:
        raise FrameError(f"bad {what} {text[:12]!r}")
    return value


def encode_reply(message: Message, kind: str, payload: bytes = b"") -> bytes:
    """`[<maker>*<id>*[<index>*]<len>*<kind>[,payload]]`: the echo the watch waits for (and commands)."""
    content = kind.encode("ascii") + (b"," + payload if payload else b"")
    index = f"{message.index}*" if message.index is not None else ""
    head = f"[{message.maker}*{message.device_id}*{index}{len(content):04X}*".encode("ascii")
    return head + content + STOP
