"""Hikvision ISAPI event notifications (`EventNotificationAlert`, XML or JSON) → Event, Rejection or Skip.

The same body arrives through the `alertStream` subscription (`stream.AlertStreamClient`) and through
the camera's HTTP-host push, so decoding is kept apart from the transport. What maps to what:

| ISAPI eventType | our kind | notes |
|---|---|---|
| linedetection, fielddetection, regionEntrance, regionExiting | perimeter.breach | targets, region ids |
| VMD (motion), PIR | perimeter.breach | `data.detector` = "motion" / "pir", rules may treat them apart |
| duration (a continuing alarm) | kind of its `relationEvent` | `data.continuing` = true |
| ANPR | plate.read | forward → in, reverse → out |
| IO (alarm input) | alarm.button | `data.io_port` |
| AccessControllerEvent / AcsEvent | lock.open, face.pass, door.open, door.close | by its minor code |
| faceMatch / FaceMatch / faceSnap | face.pass | `watchlist` from the face library type |
| videoloss inactive | Skip (the stream's heartbeat) | |

Other types, or an end-of-alarm (`eventState` inactive), are skipped or rejected with a reason; a station
may change the table with `IsapiConfig.kinds`.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from sandbox_app.bridges.schema import SchemaError, parse_ts, validate
from sandbox_app.domain.events import Event, Rejection

Obj = dict[str, Any]

PERIMETER = "perimeter.breach"
DEFAULT_KINDS: dict[str, str | None] = {
    "linedetection": PERIMETER,
    "fielddetection": PERIMETER,
    "regionentrance": PERIMETER,
    "regionexiting": PERIMETER,
    "vmd": PERIMETER,
    "pir": PERIMETER,
    "anpr": "plate.read",
    "io": "alarm.button",
    "accesscontrollerevent": "access",
    "acsevent": "access",
    "facematch": "face.pass",
    "facesnap": "face.pass",
    "facesnapmatch": "face.pass",
}
"""eventType (lower case) → our kind; "access" means: by the access-control minor code; None: skip."""

_DETECTOR = {"vmd": "motion", "pir": "pir", "linedetection": "line", "fielddetection": "intrusion"}
_DETECTOR |= {"regionentrance": "region_entrance", "regionexiting": "region_exiting"}

ACS_MINOR: dict[int, str] = {
    1: "lock.open",  # valid card
    38: "lock.open",  # fingerprint compare pass
    75: "face.pass",  # face authentication pass
    21: "door.open",  # door unlocked
    25: "door.open",  # door opened normally
    26: "door.close",  # door closed normally
    27: "door.open",  # door opened abnormally (forced)
}
"""Major type 5 (events) minor codes of Hikvision access controllers that have a kind here."""
_ACS_FORCED = 27
_WATCH_LIBS = frozenset({"blackfd", "blacklist"})


@dataclass(frozen=True, slots=True)
class Skip:
    """A well-formed message that is not an event: the stream heartbeat, an alarm ending."""

    reason: str


@dataclass(frozen=True, slots=True)
class IsapiConfig:
    """How one ISAPI device's alerts become our events."""

    device_id: str = ""
    """Our id for the device (its channel 1); empty: derived from the MAC address (`isapi-<mac>-<ch>`)."""
    channels: Mapping[int, str] = field(default_factory=dict)
    """NVR channel → our camera id; a channel not listed uses `device_id` (or the derived id)."""
    kinds: Mapping[str, str | None] = field(default_factory=dict)
    """Overrides of `DEFAULT_KINDS` by eventType (any case); None skips that type."""
    anpr_in: str = "forward"
    """Which ANPR direction means entering (a camera watching the exit reads the other way)."""

    def device_for(self, mac: str, channel: int | None) -> str:
        if channel is not None and channel in self.channels:
            return self.channels[channel]
        if self.device_id:
            return self.device_id
        return f"isapi-{mac.replace(':', '').lower() or 'unknown'}-{channel if channel is not None else 0}"

    def kind_for(self, event_type: str) -> str | None:
        low = event_type.lower()
        for key, value in self.kinds.items():
            if key.lower() == low:
                return value
        return DEFAULT_KINDS.get(low, "?")


class IsapiError(ValueError):
    """Internal: why a notification body cannot become an event."""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_obj(elem: ET.Element) -> Any:
    """An element as JSON-like data: text for leaves, dicts for parents, lists for repeated children."""
    children = list(elem)
    if not children:
        return (elem.text or "").strip()
    out: Obj = {}
    for child in children:
        name, value = _local(child.tag), _xml_obj(child)
        if name in out:
            prev = out[name]
            out[name] = [*prev, value] if isinstance(prev, list) else [prev, value]
        else:
            out[name] = value
    return out


def body_to_obj(body: bytes, content_type: str = "") -> Obj:
    """The notification as a dict whatever its encoding (ISAPI uses the same names in XML and JSON)."""
    text = body.strip()
    if not text:
        raise IsapiError("empty body")
    if "json" in content_type or text[:1] in (b"{", b"["):
        try:
            obj = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise IsapiError(f"invalid JSON: {exc}") from exc
        if not isinstance(obj, dict):
            raise IsapiError("JSON notification must be an object")
        return obj
    if b"<!DOCTYPE" in text.upper() or b"<!ENTITY" in text.upper():
        raise IsapiError("XML with a DOCTYPE or ENTITY is refused")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise IsapiError(f"invalid XML: {exc}") from exc
    obj = _xml_obj(root)
    if _local(root.tag) != "EventNotificationAlert" or not isinstance(obj, dict):
        raise IsapiError(f"root element is {_local(root.tag)!r}, not EventNotificationAlert")
    return obj


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _float(value: Any) -> float | None:
    try:
        return float(str(value).strip())
    except (TypeError, ValueError):
        return None


def picture_count(obj: Obj) -> int:
    """How many image parts follow this notification in the stream (0 when it does not say)."""
    acs = obj.get("AccessControllerEvent") or obj.get("AcsEvent")
    candidates = [obj.get("detectionPicturesNumber"), obj.get("picNum")]
    if isinstance(acs, dict):
        candidates.append(acs.get("picturesNumber"))
    if str(obj.get("detectionPictureTransType", "binary")).lower() == "url":
        return 0
    return max((_int(c) or 0 for c in candidates), default=0)


def _event_id(obj: Obj, device: str, event_type: str) -> str:
    uuid = obj.get("UUID") or obj.get("uuid")
    if isinstance(uuid, str) and uuid.strip():
        return f"isapi-{uuid.strip()}"[:200]
    acs = obj.get("AccessControllerEvent")
    serial = (acs.get("serialNo"), acs.get("subEventType")) if isinstance(acs, dict) else None
    key = "|".join(
        str(x)
        for x in (
            device,
            event_type,
            obj.get("dateTime"),
            obj.get("activePostCount"),
            serial,
            obj.get("UUID"),
        )
    )
    return f"isapi:{device}:{hashlib.blake2b(key.encode(), digest_size=8).hexdigest()}"[:200]


def _gps(obj: Obj) -> tuple[float | None, float | None]:
    info = obj.get("DeviceGPSInfo")
    if not isinstance(info, dict):
        return None, None

    def dms(part: Any) -> float | None:
        if not isinstance(part, dict):
            return None
        d, m, s = (_float(part.get(k)) for k in ("degree", "minute", "sec"))
        if d is None or m is None or s is None:
            return None
        return d + m / 60.0 + s / 3600.0

    lon, lat = dms(info.get("Longitude")), dms(info.get("Latitude"))
    if lon is None or lat is None or (lon == 0.0 and lat == 0.0):
        return None, None
    if str(info.get("longitudeType", "E")).upper() == "W":
        lon = -lon
    if str(info.get("latitudeType", "N")).upper() == "S":
        lat = -lat
    return round(lon, 7), round(lat, 7)


def _targets(obj: Obj) -> Obj:
    regions = obj.get("DetectionRegionList")
    entries = _as_list(regions.get("DetectionRegionEntry")) if isinstance(regions, dict) else []
    data: Obj = {}
    targets = [
        str(e.get("detectionTarget")) for e in entries if isinstance(e, dict) and e.get("detectionTarget")
    ]
    region_ids = [_int(e.get("regionID")) for e in entries if isinstance(e, dict)]
    if targets:
        data["targets"] = targets
    if any(r is not None for r in region_ids):
        data["regions"] = [r for r in region_ids if r is not None]
    target_type = obj.get("targetType")
    if isinstance(target_type, str) and target_type:
        data.setdefault("targets", [target_type])
    return data


def _anpr(obj: Obj, config: IsapiConfig) -> Obj:
    anpr = obj.get("ANPR")
    if not isinstance(anpr, dict):
        raise IsapiError("ANPR event without an ANPR element")
    plate = str(anpr.get("licensePlate") or "").strip()
    if not plate or plate.lower() == "unknown":
        raise IsapiError("ANPR event without a licensePlate")
    raw_dir = str(anpr.get("direction") or "").lower()
    out_dir = "reverse" if config.anpr_in == "forward" else "forward"
    direction = "in" if raw_dir == config.anpr_in else "out" if raw_dir == out_dir else "in"
    data: Obj = {"plate": plate, "direction": direction, "direction_raw": raw_dir or None}
    confidence = _int(anpr.get("confidenceLevel"))
    if confidence is not None:
        data["confidence"] = confidence
    vehicle = anpr.get("vehicleInfo")
    if isinstance(vehicle, dict) and vehicle.get("color"):
        data["vehicle_color"] = str(vehicle["color"])
    return data


def _access(obj: Obj) -> tuple[str, Obj]:
    acs = obj.get("AccessControllerEvent") or obj.get("AcsEvent")
    if not isinstance(acs, dict):
        raise IsapiError("access-control event without an AccessControllerEvent element")
    major, minor = _int(acs.get("majorEventType")), _int(acs.get("subEventType"))
    kind = ACS_MINOR.get(minor or -1) if major == 5 else None
    if kind is None:
        raise IsapiError(f"access-control event major {major} minor {minor} has no event kind")
    employee = str(acs.get("employeeNoString") or acs.get("employeeNo") or "").strip() or None
    data: Obj = {"door": _int(acs.get("doorNo")), "minor": minor}
    if kind == "lock.open":
        card = str(acs.get("cardNo") or "").strip()
        data["credential"] = card or (f"FP-{employee}" if minor == 38 and employee else "")
        if not data["credential"]:
            raise IsapiError(f"access-control minor {minor} without a card or employee number")
    elif kind == "face.pass":
        data["person_id"] = employee
    elif minor == _ACS_FORCED:
        data["forced"] = True
    return kind, data


def _face(obj: Obj) -> Obj:
    match: Any = next(
        (obj[k] for k in ("faceMatch", "FaceMatch", "faceSnapMatch", "faceSnap") if k in obj), {}
    )
    if not isinstance(match, dict):
        match = {}
    person = match.get("PID") or match.get("employeeNo") or match.get("personID")
    lib = str(match.get("faceLibType") or "").lower()
    data: Obj = {"person_id": str(person) if person else None, "watchlist": lib in _WATCH_LIBS}
    similarity = _float(match.get("similarity"))
    if similarity is not None:
        data["similarity"] = similarity
    return data


def _serial(obj: Obj) -> str:
    """An NVR without a MAC in its alert names itself by the serial number in its Extensions."""
    ext = obj.get("Extensions")
    serial = ext.get("serialNumber") if isinstance(ext, dict) else None
    return serial.strip()[-12:] if isinstance(serial, str) else ""


def _kind_and_data(obj: Obj, event_type: str, config: IsapiConfig) -> tuple[str, Obj] | Skip:
    low = event_type.lower()
    data: Obj = {}
    if low == "duration":
        durations = obj.get("DurationList")
        entries = _as_list(durations.get("Duration")) if isinstance(durations, dict) else []
        related = next((str(e.get("relationEvent")) for e in entries if isinstance(e, dict)), "")
        if not related:
            raise IsapiError("duration event without a relationEvent")
        low, data["continuing"] = related.lower(), True
    kind = config.kind_for(low)
    if kind is None:
        return Skip(f"eventType {event_type!r} is configured off")
    if kind == "?":
        raise IsapiError(f"eventType {event_type!r} has no event kind (map it in IsapiConfig.kinds)")
    if kind == "access":
        kind, extra = _access(obj)
        return kind, data | extra
    if low == "anpr" and kind == "plate.read":
        return kind, data | _anpr(obj, config)
    if kind == "face.pass":
        return kind, data | _face(obj)
    if low in _DETECTOR:
        data["detector"] = _DETECTOR[low]
    if low == "io":
        port = _int(obj.get("inputIOPortID") or obj.get("dynInputIOPortID"))
        if port is not None:
            data["io_port"] = port
    return kind, data | _targets(obj)


def decode_alert(
    body: bytes, content_type: str = "", config: IsapiConfig | None = None
) -> Event | Rejection | Skip:
    """One notification body → Event; a heartbeat or ended alarm → Skip; anything else → Rejection."""
    config = config or IsapiConfig()
    try:
        obj = body_to_obj(body, content_type)
        return _to_event(obj, config)
    except IsapiError as exc:
        return Rejection(str(exc), body[:500].decode("utf-8", "replace"))
    except SchemaError as exc:
        return Rejection(str(exc), body[:500].decode("utf-8", "replace"))


def _to_event(obj: Obj, config: IsapiConfig) -> Event | Skip:
    event_type = str(obj.get("eventType") or "").strip()
    if not event_type:
        raise IsapiError("missing eventType")
    state = str(obj.get("eventState") or "active").strip().lower()
    if event_type.lower() == "videoloss" and state == "inactive":
        return Skip("heartbeat")
    if state != "active":
        return Skip(f"{event_type} {state}")
    channel = _int(obj.get("channelID") or obj.get("dynChannelID"))
    mac = str(obj.get("macAddress") or _serial(obj))
    device = config.device_for(mac, channel)
    when = obj.get("dateTime")
    if not isinstance(when, str) or not when.strip():
        raise IsapiError("missing dateTime")
    ts = parse_ts(when.strip())
    mapped = _kind_and_data(obj, event_type, config)
    if isinstance(mapped, Skip):
        return mapped
    kind, data = mapped
    data = {"source": "isapi", "event_type": event_type, "channel": channel} | data
    name = obj.get("channelName")
    if isinstance(name, str) and name.strip():
        data["channel_name"] = name.strip()
    if obj.get("bkgUrl"):
        data["picture_url"] = str(obj["bkgUrl"])
    lon, lat = _gps(obj)
    event: Obj = {"id": _event_id(obj, device, event_type), "ts": ts, "device": device, "kind": kind}
    event["data"] = data
    if lon is not None:
        event["lon"], event["lat"] = lon, lat
    return validate(event)


AlertDecoder = Callable[[bytes, str], Event | Rejection | Skip]
