"""OsmAnd / Traccar Client HTTP uplink: one fix per request, as a query string (GET), a form body (POST),
or the transistorsoft background-geolocation JSON body (POST) that Traccar also accepts.

Pure: the server hands in method, target, body and content type, and gets an `OsmAndReport` or a
`FrameError`. Units and defaults follow Traccar's decoder so its test vectors apply: `speed` is in knots
(what Traccar Client sends), a JSON `coords.speed` is m/s, `timestamp` is epoch seconds, epoch ms or ISO
text, and a report without a timestamp is stamped with the receipt time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import orjson

from sandbox_app.bridges.trackers.common import KNOT_MPS, FrameError, Position

MAX_BODY = 64 * 1024
INT_MAX = 2**31 - 1
"""Traccar's rule: a numeric timestamp below this is seconds, above it milliseconds."""
MAX_ID_LEN = 200
MIN_TS_MS, MAX_TS_MS = 946_684_800_000, 4_102_444_800_000
"""2000-01-01 and 2100-01-01 UTC: the plausible range of a fix's time (GA/T 1400 uses the same)."""
_NUMERIC = frozenset({"lat", "lon", "speed", "bearing", "heading", "altitude", "accuracy", "batt", "hdop"})


@dataclass(slots=True)
class OsmAndReport:
    device_id: str
    """The id the phone was configured with (Traccar Client: "Device identifier")."""
    ts: int
    """Epoch ms of the fix (receipt time when the phone sent none)."""
    position: Position | None
    """None when the request had no coordinates (cell/wifi only): the phone is alive, its place unknown."""
    attributes: dict[str, Any] = field(default_factory=dict)


def decode_request(method: str, target: str, body: bytes, content_type: str, now_ms: int) -> OsmAndReport:
    """One HTTP request → report; raises FrameError with the reason the phone gets back as a 400."""
    if method not in ("GET", "POST"):
        raise FrameError(f"method {method} not allowed (GET or POST)")
    if len(body) > MAX_BODY:
        raise FrameError(f"body of {len(body)} bytes exceeds {MAX_BODY}")
    params = _query(urlsplit(target).query)
    if not params and body:
        stripped = body.lstrip()
        if "json" in content_type.lower() or stripped.startswith(b"{"):
            return _decode_json(body, now_ms)
        params = _query(_text(body))
    return _decode_params(params, now_ms)


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FrameError(f"body is not UTF-8: {exc.reason}") from exc


def _query(text: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(text, keep_blank_values=True, strict_parsing=False, max_num_fields=200)
    except ValueError as exc:
        raise FrameError(f"bad query string: {exc}") from exc


def _float(name: str, value: Any) -> float:
    if isinstance(value, bool):
        raise FrameError(f"{name} must be a number")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise FrameError(f"{name} {str(value)[:40]!r} is not a number") from None
    if not math.isfinite(number):
        raise FrameError(f"{name} {str(value)[:40]!r} is not finite")
    return number


def parse_timestamp(value: str) -> int:
    """Epoch seconds or ms (Traccar's 2^31 rule), ISO 8601, or "YYYY-MM-DD HH:MM:SS"; naive means UTC
    (as Traccar's server does: the phone apps that send naive text send UTC). A time outside 2000..2100
    is a broken clock or a forged value, never stored."""
    ts = _timestamp(value.strip())
    if not MIN_TS_MS <= ts < MAX_TS_MS:
        raise FrameError(f"timestamp {value.strip()[:40]!r} outside 2000..2100")
    return ts


def _timestamp(text: str) -> int:
    if text.isascii() and text.isdigit():
        if len(text) > 16:
            raise FrameError(f"timestamp {text[:40]!r} outside 2000..2100")
        number = int(text)
        return number * 1000 if number < INT_MAX else number
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FrameError(f"timestamp {text[:40]!r} is not epoch seconds, epoch ms or ISO 8601") from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        return int(dt.timestamp() * 1000)
    except (OverflowError, ValueError) as exc:
        raise FrameError(f"timestamp {text[:40]!r} out of range") from exc


def _device_id(value: Any) -> str:
    text = str(value).strip() if value is not None else ""
    if not text:
        raise FrameError("missing device id (id=...)")
    if len(text) > MAX_ID_LEN:
        raise FrameError(f"device id longer than {MAX_ID_LEN} characters")
    return text


def _check_place(lat: float, lon: float) -> None:
    if not -90.0 <= lat <= 90.0:
        raise FrameError(f"lat {lat} out of range [-90, 90]")
    if not -180.0 <= lon <= 180.0:
        raise FrameError(f"lon {lon} out of range [-180, 180]")


def _decode_params(params: list[tuple[str, str]], now_ms: int) -> OsmAndReport:
    device: str | None = None
    ts: int | None = None
    values: dict[str, float] = {}
    attributes: dict[str, Any] = {}
    valid = True
    for key, value in params:
        if key in ("id", "deviceid"):
            device = _device_id(value)
        elif key == "timestamp":
            ts = parse_timestamp(value)
        elif key == "location":
            parts = value.split(",")
            if len(parts) != 2:
                raise FrameError(f"location {value[:40]!r} is not 'lat,lon'")
            values["lat"], values["lon"] = _float("lat", parts[0]), _float("lon", parts[1])
        elif key in _NUMERIC:
            values[key] = _float(key, value)
        elif key == "valid":
            valid = value.lower() in ("true", "1")
        elif key in ("cell", "wifi"):
            attributes.setdefault(key, []).append(value)
        else:
            attributes[key] = _scalar(value)
    if device is None:
        raise FrameError("missing device id (id=...)")
    when = ts if ts is not None else now_ms
    position = None
    if "lat" in values or "lon" in values:
        if "lat" not in values or "lon" not in values:
            raise FrameError("lat and lon must come together")
        _check_place(values["lat"], values["lon"])
        course = values.get("bearing", values.get("heading", 0.0))
        if "hdop" in values:
            attributes["hdop"] = values["hdop"]
        position = Position(
            when,
            values["lat"],
            values["lon"],
            valid,
            speed_kn=max(values.get("speed", 0.0), 0.0),
            course=course % 360.0 if course >= 0 else 0.0,
            altitude=values.get("altitude"),
            accuracy=values.get("accuracy"),
            battery_level=_percent(values.get("batt")),
            attributes=attributes,
        )
    return OsmAndReport(device, when, position, attributes)


def _scalar(value: str) -> Any:
    """Traccar's rule for extra parameters: a number if it parses, true/false, else the text."""
    if value in ("true", "false"):
        return value == "true"
    try:
        number = float(value)
    except ValueError:
        return value[:200]
    return number if math.isfinite(number) else value[:200]


def _percent(value: float | None) -> float | None:
    return value if value is not None and 0.0 <= value <= 100.0 else None


def _decode_json(body: bytes, now_ms: int) -> OsmAndReport:
    try:
        obj = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise FrameError(f"invalid JSON: {exc}") from exc
    if not isinstance(obj, dict):
        raise FrameError("JSON body must be an object")
    device = _device_id(obj.get("device_id"))
    location = obj.get("location")
    if isinstance(location, list) and location:
        location = location[0]  # background-geolocation batches; the bridge takes the first
    if not isinstance(location, dict):
        raise FrameError("JSON body has no 'location' object")
    coords = location.get("coords")
    if not isinstance(coords, dict):
        raise FrameError("location has no 'coords' object")
    stamp = location.get("timestamp")
    ts = parse_timestamp(str(stamp)) if stamp is not None else now_ms
    lat, lon = _float("latitude", coords.get("latitude")), _float("longitude", coords.get("longitude"))
    _check_place(lat, lon)
    attributes: dict[str, Any] = {}
    extras = location.get("extras")
    if isinstance(extras, dict):
        attributes.update({str(k): v for k, v in extras.items() if isinstance(v, str | int | float | bool)})
    for key in ("event", "is_moving", "odometer"):
        if isinstance(location.get(key), str | int | float | bool):
            attributes[key] = location[key]
    speed = _optional(coords, "speed")
    heading = _optional(coords, "heading")
    battery = location.get("battery")
    level = _optional(battery, "level") if isinstance(battery, dict) else None
    position = Position(
        ts,
        lat,
        lon,
        speed_kn=speed / KNOT_MPS if speed is not None and speed > 0 else 0.0,
        course=heading % 360.0 if heading is not None and heading >= 0 else 0.0,
        altitude=_optional(coords, "altitude"),
        accuracy=_optional(coords, "accuracy"),
        battery_level=level * 100.0 if level is not None and 0.0 <= level <= 1.0 else None,
        attributes=attributes,
    )
    return OsmAndReport(device, ts, position, attributes)


def _optional(obj: dict[str, Any], key: str) -> float | None:
    value = obj.get(key)
    return None if value is None else _float(key, value)
