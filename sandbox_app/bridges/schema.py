"""The one JSON event schema (docs/events.md): decode and validate to `Event`, or explain a `Rejection`.

Every bridge ends here, so a bad message is rejected with a reason the operator can act on and never reaches
the store or the rules. Two paths, which must agree (tests/bridges/test_decode_lines.py): the fast one decodes
JSON text straight into `Event` with msgspec (types and ranges checked in C, the rest in `_complete`) and
only says yes or "not sure"; the full one (`validate`, hand-written) decides every message the fast one is
unsure of and explains each rejection in words a person can act on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, cast

import msgspec
import orjson

from sandbox_app.domain.enums import DATUMS, Crs
from sandbox_app.domain.events import EVENT_KINDS, MAX_ID_LEN, MAX_TS, MIN_TS, Event, Rejection
from sandbox_app.engine.clock import to_ms

RAW_KEEP = 500
"""How much of a rejected message is kept for the operator to look at."""
MAX_EVENT_BYTES = 64 * 1024
"""The largest message taken as one event: a device report is a few hundred bytes, so anything near this
is a mistake or an attack, and must not be stored (a 200 MB "event" would be, whole)."""
INT_MIN, INT_MAX = -(2**63), 2**64 - 1
"""Integers in `data` must fit 64 bits (what every store column and orjson hold exactly); a longer one is
refused, never turned into an approximate float."""
DIRECTIONS = frozenset({"in", "out"})
_NUMBER = frozenset({int, float})


class SchemaError(ValueError):
    """Internal: one reason an event is invalid."""


def _show(value: Any) -> str:
    """repr for a message, bounded: a hostile 5,000-digit integer must not fail (or flood) the rejection."""
    if isinstance(value, int) and not -(10**30) < value < 10**30:
        return "a number too large"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _number(value: Any, name: str, lo: float, hi: float) -> float:
    t = type(value)
    if (t is float or t is int) and lo <= value <= hi:
        return float(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SchemaError(f"{name} must be a number")
    try:
        f = float(value)
    except OverflowError:  # an int beyond any float: out of range by definition
        f = math.inf
    if not (lo <= f <= hi) or math.isnan(f):
        raise SchemaError(f"{name} {_show(value)} out of range [{lo:g}, {hi:g}]")
    return f


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SchemaError(f"{name} must be a non-empty string")
    if len(value) > MAX_ID_LEN:
        raise SchemaError(f"{name} longer than {MAX_ID_LEN} characters")
    return value


_SECONDS: dict[str, int] = {}
"""Epoch ms of whole seconds already parsed, keyed by the ISO text without its milliseconds."""
_SECONDS_MAX = 4096


def _iso_ms(value: str) -> int | None:
    """The usual device shape `YYYY-MM-DDTHH:MM:SS.mmm±HH:MM` from a cache of its whole second (~1 µs
    cheaper than parsing: a feed repeats each second many times); None for any other shape."""
    if len(value) != 29 or value[19] != "." or value[23] not in "+-":
        return None
    millis = value[20:23]
    if not (millis.isascii() and millis.isdigit()):
        return None
    key = value[:19] + value[23:]
    base = _SECONDS.get(key)
    if base is None:
        try:
            dt = datetime.fromisoformat(key)
        except ValueError:
            return None
        if dt.tzinfo is None:
            return None
        if len(_SECONDS) >= _SECONDS_MAX:
            _SECONDS.clear()
        base = _SECONDS[key] = to_ms(dt)
    return base + int(millis)


def parse_ts(value: Any) -> int:
    """Epoch ms from an int (epoch ms) or ISO 8601 text WITH an offset; naive text is ambiguous."""
    if isinstance(value, int) and not isinstance(value, bool):
        ts = value
    elif isinstance(value, str):
        cached = _iso_ms(value)
        if cached is not None:
            ts = cached
        elif value.isdigit() and value.isascii() and len(value) <= 16:  # "²" is a digit int() refuses
            ts = int(value)
        else:
            try:
                dt = datetime.fromisoformat(value)
            except ValueError as exc:
                raise SchemaError(f"ts {_show(value)} is not ISO 8601 or epoch ms") from exc
            if dt.tzinfo is None:
                raise SchemaError(f"ts {_show(value)} has no UTC offset")
            ts = to_ms(dt)
    else:
        raise SchemaError("ts must be ISO 8601 text with offset or epoch ms integer")
    if not MIN_TS <= ts < MAX_TS:
        raise SchemaError(f"ts {_show(value)} outside 2000..2100 (epoch ms expected, not seconds)")
    return ts


def _check_gps(data: dict[str, Any], lon: float | None) -> None:
    if lon is None:
        raise SchemaError("gps.fix needs lon and lat")
    if "speed" in data:
        _number(data["speed"], "data.speed", 0.0, 1000.0)
    if "course" in data:
        _number(data["course"], "data.course", 0.0, 360.0)
    if "battery" in data:
        _number(data["battery"], "data.battery", 0.0, 100.0)


def _check_lock(data: dict[str, Any], lon: float | None) -> None:
    _text(data.get("credential"), "data.credential")


def _check_face(data: dict[str, Any], lon: float | None) -> None:
    person = data.get("person_id")
    if person is not None:
        _text(person, "data.person_id")
    watch = data.get("watchlist")
    if watch is not None and not isinstance(watch, bool):
        raise SchemaError("data.watchlist must be true or false")


def _check_direction(data: dict[str, Any]) -> None:
    direction = data.get("direction")
    if type(direction) is not str or direction not in DIRECTIONS:  # a list or object is unhashable
        raise SchemaError("data.direction must be 'in' or 'out'")


def _check_plate(data: dict[str, Any], lon: float | None) -> None:
    _text(data.get("plate"), "data.plate")
    _check_direction(data)


def _check_rfid(data: dict[str, Any], lon: float | None) -> None:
    _text(data.get("tag"), "data.tag")
    _check_direction(data)


def _check_parked(data: dict[str, Any], lon: float | None) -> None:
    for name in ("plate", "zone"):
        if data.get(name) is not None:
            _text(data[name], f"data.{name}")
    left = data.get("left")
    if left is not None and not isinstance(left, bool):
        raise SchemaError("data.left must be true or false")


def _check_renovation(data: dict[str, Any], lon: float | None) -> None:
    if data.get("room_id") is not None:
        _text(data["room_id"], "data.room_id")


def _check_ebike(data: dict[str, Any], lon: float | None) -> None:
    if data.get("spot") is not None:
        _text(data["spot"], "data.spot")


_KIND_CHECKS: dict[str, Callable[[dict[str, Any], float | None], None]] = {
    "gps.fix": _check_gps,
    "lock.open": _check_lock,
    "face.pass": _check_face,
    "plate.read": _check_plate,
    "rfid.read": _check_rfid,
    "vehicle.parked": _check_parked,
    "renovation.activity": _check_renovation,
    "ebike.detected": _check_ebike,
}


def _position(obj: Mapping[str, Any]) -> tuple[float | None, float | None]:
    lon, lat = obj.get("lon"), obj.get("lat")
    if lon is None and lat is None:
        return None, None
    if lon is None or lat is None:
        raise SchemaError("lon and lat must come together")
    return _number(lon, "lon", -180.0, 180.0), _number(lat, "lat", -90.0, 90.0)


def _datum_to_wgs84(datum: Any, lon: float | None, lat: float | None) -> tuple[float | None, float | None]:
    """The optional `datum` of a message ("wgs84", "gcj02", "bd09"): its lon/lat converted to WGS-84, the
    datum everything is stored in (docs/events.md)."""
    if datum not in DATUMS:
        raise SchemaError(f"datum {_show(datum)} is not one of {', '.join(DATUMS)}")
    if lon is None or lat is None or datum == "wgs84":
        return lon, lat
    from sandbox_app.geo.crs import to_wgs84

    wlon, wlat = to_wgs84(lon, lat, Crs(datum))
    return round(wlon, 7), round(wlat, 7)


def validate(obj: Any) -> Event:
    """The decoded JSON value → Event; raises SchemaError with the first problem found.

    Written for the hot path: cheap exact-type checks first, the explanatory slow path only on failure.
    """
    if type(obj) is not dict:
        if not isinstance(obj, Mapping):
            raise SchemaError("event must be a JSON object")
        obj = dict(obj)
    get = obj.get
    kind = get("kind")
    if type(kind) is not str or kind not in EVENT_KINDS:  # a list or object is unhashable
        raise SchemaError(f"unknown kind {_show(kind)}" if kind is not None else "missing kind")
    event_id = get("id")
    if type(event_id) is not str or not 0 < len(event_id) <= MAX_ID_LEN or event_id.isspace():
        event_id = _text(event_id, "id")
    device = get("device")
    if type(device) is not str or not 0 < len(device) <= MAX_ID_LEN or device.isspace():
        device = _text(device, "device")
    ts = get("ts")
    if type(ts) is not int or not MIN_TS <= ts < MAX_TS:
        if ts is None:
            raise SchemaError("missing ts")
        ts = parse_ts(ts)
    lon, lat = get("lon"), get("lat")
    if (lon is not None or lat is not None) and not (
        type(lon) is float and type(lat) is float and -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0
    ):
        lon, lat = _position(obj)
    datum = get("datum")
    if datum is not None:
        lon, lat = _datum_to_wgs84(datum, lon, lat)
    data = get("data")
    if type(data) is not dict:
        if data is not None:
            raise SchemaError("data must be a JSON object")
        data = {}
    check = _KIND_CHECKS.get(kind)
    if check is not None:
        check(data, lon)
    return Event(event_id, ts, device, kind, lon, lat, data)


def _complete(events: list[Event]) -> bool:
    """Finish what the typed decode does not check: ISO ts to epoch ms (in place), blank ids, lon/lat in
    pairs and the kind-specific data. False as soon as one event needs `validate` to decide and explain.

    One loop for a whole chunk of lines: this runs once per event at ingest rates.
    """
    number, checks = _NUMBER, _KIND_CHECKS
    for e in events:
        if type(e.ts) is not int:
            try:
                e.ts = parse_ts(e.ts)
            except SchemaError:
                return False
        lon = e.lon
        if e.id.isspace() or e.device.isspace() or (lon is None) is not (e.lat is None):
            return False
        kind = e.kind
        if kind == "gps.fix":
            get = e.data.get  # absent keys read as 0.0, which passes; a present None fails the type test
            speed, battery, course = get("speed", 0.0), get("battery", 0.0), get("course", 0.0)
            if not (
                lon is not None
                and type(speed) in number
                and type(battery) in number
                and type(course) in number
                and 0.0 <= speed <= 1000.0
                and 0.0 <= battery <= 100.0
                and 0.0 <= course <= 360.0
            ):
                return False
        elif kind in checks:
            try:
                checks[kind](e.data, lon)
            except SchemaError:
                return False
    return True


def _names_datum(raw: bytes | str) -> bool:
    """A message naming a datum takes the full path, which converts it (the typed decode would drop the
    key); a data key so named only costs that message the fast path."""
    return (b'"datum"' in raw) if isinstance(raw, bytes | bytearray) else ('"datum"' in raw)


_WIRE = msgspec.json.Decoder(Event)
"""JSON text straight into an Event, with field types, ranges and the kind checked in C (see `Event`)."""


def _fast_text(raw: bytes | str) -> Event | None:
    """JSON text of the common, valid shapes → Event, or None to let `validate` decide and explain.

    Like `_fast`, accepts nothing `validate` would refuse; ~2 µs/event cheaper than orjson + `_fast`.
    """
    if _names_datum(raw):
        return None  # converted by `validate`; the typed decode would drop the key
    try:
        event = _WIRE.decode(raw)
    except msgspec.MsgspecError:
        return None
    return event if _complete([event]) else None


def _joined(lines: Sequence[bytes | str]) -> bytes | str:
    if isinstance(lines[0], bytes):
        return b"\n".join(cast("Sequence[bytes]", lines))
    return "\n".join(cast("Sequence[str]", lines))


def decode_lines(
    lines: Sequence[bytes | str], first_line: int, numbers: list[int] | None = None
) -> list[Event | Rejection]:
    """Consecutive JSON Lines (blank ones allowed) → their Events and Rejections in order, numbered from
    `first_line`. The lines are decoded in one call when they are all valid (the usual case, ~2 µs per event
    cheaper); a chunk with any problem is decoded line by line so each problem gets its line and reason.
    `numbers`, when given, gets each returned item's line number (for refusals made later, by the engine)."""
    if lines:
        try:
            joined = _joined(lines)
            # The size cap, per line, only when the whole chunk could hold a line that large.
            if len(joined) > MAX_EVENT_BYTES and max(map(len, lines)) > MAX_EVENT_BYTES:
                raise TypeError("a line over the size cap: decided line by line")
            events = None if _names_datum(joined) else _WIRE.decode_lines(joined)
            # One value per non-blank line: the chunk decoder reads values across line ends, so a line
            # holding two objects would pass here (and fail alone); it must fail wherever it stands.
            text = type(lines[0])  # one type throughout, or the join above failed
            isspace = cast("Callable[[bytes | str], bool]", text.isspace)
            blank = sum(map(isspace, lines)) + lines.count(text())
        except (msgspec.MsgspecError, TypeError):  # TypeError: bytes and text mixed
            pass
        else:
            if events is not None and len(events) == len(lines) - blank and _complete(events):
                if numbers is not None:
                    numbers.extend(
                        range(first_line, first_line + len(lines)) if not blank else _lines(lines, first_line)
                    )
                return cast("list[Event | Rejection]", events)
    if numbers is not None:
        numbers.extend(_lines(lines, first_line))
    return [
        decode_event(raw, number)
        for number, raw in enumerate(lines, start=first_line)
        if raw and not raw.isspace()
    ]


def _lines(lines: Sequence[bytes | str], first_line: int) -> list[int]:
    return [number for number, raw in enumerate(lines, start=first_line) if raw and not raw.isspace()]


def _fast(obj: dict[str, Any]) -> Event | None:
    """An already-decoded mapping of the common, valid shapes with no exceptions; None sends it to
    `validate`. Every check here is a strict subset of the full one."""
    try:  # required keys by subscript (cheaper than .get); a missing one goes to `validate` to explain
        kind, event_id, device, ts = obj["kind"], obj["id"], obj["device"], obj["ts"]
    except KeyError:
        return None
    get = obj.get
    if "datum" in obj:
        return None
    lon, lat, data = get("lon"), get("lat"), get("data")
    if data is None:  # absent or null: an empty object, as `validate` reads it (doors, alarms)
        data = {}
    if not (
        type(kind) is str
        and kind in EVENT_KINDS
        and type(event_id) is str
        and 0 < len(event_id) <= MAX_ID_LEN
        and type(device) is str
        and 0 < len(device) <= MAX_ID_LEN
        and type(data) is dict
        and (type(ts) is str or (type(ts) is int and MIN_TS <= ts < MAX_TS))
    ):
        return None
    if (lon is not None or lat is not None) and not (
        type(lon) is float and type(lat) is float and -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0
    ):
        return None
    event = Event(event_id, ts, device, kind, lon, lat, data)  # type: ignore[arg-type]  # ts: see _complete
    return event if _complete([event]) else None


def _raw_text(raw: bytes | str | Mapping[str, Any]) -> str:
    if isinstance(raw, bytes):
        text = raw.decode("utf-8", "replace")
    elif isinstance(raw, str):
        text = raw
    else:
        try:
            text = orjson.dumps(raw, default=str).decode()
        except TypeError:  # e.g. an int beyond 64 bits
            try:
                text = repr(raw)
            except ValueError:  # beyond Python's int-to-text digit limit
                text = "<message not printable>"
    return text.rstrip("\r\n")[:RAW_KEEP]


def decode_event(raw: bytes | str | Mapping[str, Any], line: int | None = None) -> Event | Rejection:
    """One message (JSON text or an already-decoded mapping) → Event, or Rejection(reason, raw, line)."""
    text = type(raw) is bytes or type(raw) is str
    if text:
        if len(raw) > MAX_EVENT_BYTES:
            size = f"{len(raw):,} {'bytes' if type(raw) is bytes else 'characters'}"
            return Rejection(f"event too large: {size}, at most {MAX_EVENT_BYTES:,}", _raw_text(raw), line)
        event = _fast_text(cast("bytes | str", raw))
        if event is not None:
            return event
    try:
        # A value neither text nor a mapping fails in orjson (TypeError), with its reason.
        obj = orjson.loads(raw) if text or not isinstance(raw, Mapping) else raw  # type: ignore[arg-type]
    except (orjson.JSONDecodeError, TypeError) as exc:
        return Rejection(f"invalid JSON: {exc}", _raw_text(raw), line)
    if type(obj) is dict:
        event = _fast(obj)
        if event is not None:
            return _exact_ints(event, raw, line) if text else event
    try:
        event = validate(obj)
    except SchemaError as exc:
        return Rejection(str(exc), _raw_text(raw), line)
    return _exact_ints(event, raw, line) if text else event


def _exact_ints(event: Event, raw: bytes | str | Mapping[str, Any], line: int | None) -> Event | Rejection:
    """The slow path only (the fast one refuses integers beyond 64 bits itself): orjson reads a longer
    integer as an approximate float, so a float in `data` that large is checked against the exact text."""
    if not _has_huge_float(event.data):
        return event
    try:
        exact = msgspec.json.decode(cast("bytes | str", raw))
    except msgspec.MsgspecError:  # pragma: no cover - orjson read it, so msgspec does too
        return event
    if _has_huge_int(exact.get("data") if type(exact) is dict else None):
        return Rejection(f"data: integer beyond 64 bits (at most {INT_MAX})", _raw_text(raw), line)
    return event


def _walk(value: Any) -> Iterator[Any]:
    """Every scalar inside nested objects and arrays, without recursion (the nesting may be deep)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is dict:
            stack.extend(item.values())
        elif type(item) is list:
            stack.extend(item)
        else:
            yield item


def _has_huge_float(data: Any) -> bool:
    return any(type(v) is float and abs(v) >= 2**63 for v in _walk(data))


def _has_huge_int(data: Any) -> bool:
    return any(type(v) is int and not INT_MIN <= v <= INT_MAX for v in _walk(data))


def event_to_json(event: Event) -> dict[str, Any]:
    """The canonical JSON object of an event: ts as epoch ms, lon/lat only when known."""
    obj: dict[str, Any] = {"id": event.id, "ts": event.ts, "device": event.device, "kind": event.kind}
    if event.lon is not None and event.lat is not None:
        obj["lon"] = event.lon
        obj["lat"] = event.lat
    obj["data"] = event.data
    return obj


def encode_event(event: Event) -> bytes:
    """One JSON line (no newline) that `decode_event` turns back into an equal Event."""
    return orjson.dumps(event_to_json(event))
