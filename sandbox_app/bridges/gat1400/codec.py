"""GA/T 1400 (公安视频图像信息应用系统, "视图库") subset: records → Events, and the standard's replies.

Covered (docs/bridges.md, "Platforms and cameras"): `/VIID/Faces` (FaceListObject) → `face.pass`,
`/VIID/MotorVehicles` (MotorVehicleListObject) → `plate.read`; the 智慧安防小区 community registry
uploads (`/VIID/APEs`, `/VIID/Community/PersonInfos|CarInfos|DoorInfos|DoorDevices`) are accepted and
handed on as records, not events: they describe who and what exists, not something that happened.
The handshake (register / keepalive / unregister) is in `gat1400_client` and `gat1400_server`.

Times in GA/T 1400 are local `yyyyMMddHHmmss` with no zone; the platform's zone is configured
(`Gat1400Config.utc_offset`, Beijing time by default).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from sandbox_app.bridges.schema import SchemaError, validate
from sandbox_app.domain.events import Event, Rejection
from sandbox_app.engine.clock import to_ms

Obj = dict[str, Any]

REGISTER = "/VIID/System/Register"
KEEPALIVE = "/VIID/System/Keepalive"
UNREGISTER = "/VIID/System/UnRegister"
FACES = "/VIID/Faces"
MOTOR_VEHICLES = "/VIID/MotorVehicles"
RECORD_PATHS: dict[str, tuple[str, str]] = {
    "/VIID/APEs": ("APEListObject", "APEObject"),
    "/VIID/Community/PersonInfos": ("PersonInfoListObject", "PersonInfoObject"),
    "/VIID/Community/CarInfos": ("CarInfoList", "CarInfo"),
    "/VIID/Community/DoorInfos": ("DoorInfoListObject", "DoorInfoObject"),
    "/VIID/Community/DoorDevices": ("DoorDeviceListObject", "DoorDeviceObject"),
}
"""Community registry uploads: endpoint → (list object, item name). Kept as records, not events."""

STATUS_OK = 0
STATUS_OTHER = 1
STATUS_INVALID_OPERATION = 4
STATUS_INVALID_JSON_FORMAT = 7
STATUS_INVALID_JSON_CONTENT = 8
STATUS_TEXT = {
    0: "OK",
    1: "Other error",
    4: "Invalid Operation",
    7: "Invalid JSON Format",
    8: "Invalid JSON Content",
}

SnapshotSaver = Callable[[str, bytes], str]


@dataclass(frozen=True, slots=True)
class Gat1400Config:
    server_id: str = "00000000005030000001"
    """Our 20-digit 视图库 id, returned in replies."""
    passwords: Mapping[str, str] = field(default_factory=dict)
    """Lower-level device or platform id → password for the digest-authenticated Register."""
    realm: str = "VIID"
    utc_offset_h: float = 8.0
    keepalive_s: float = 60.0
    """The keepalive period we expect (and the client uses)."""
    missed_keepalives: int = 3
    """A peer silent for this many periods is offline and must register again."""
    devices: Mapping[str, str] = field(default_factory=dict)
    """GA/T 1400 DeviceID / TollgateID → our device id; unlisted ids are used as they are."""
    directions: Mapping[str, str] = field(default_factory=dict)
    """Our device id → "in" or "out" for plate cameras (GA/T 1400's Direction is a compass code)."""
    require_digest_each_request: bool = False
    """Every keepalive, upload and unregister carries a fresh digest (single-use nonce), not only Register."""
    require_session_token: bool = True
    """After Register, requests must return the session cookie it set (and come from the same address);
    false only for peers that cannot keep a cookie: then the address alone binds the session."""
    nonce_ttl_s: float = 60.0
    """A digest nonce is good once, and only this long after it was issued."""
    session_ttl_s: float = 24 * 3600.0
    """A registration lasts at most this long, keepalives or not; then the peer registers again."""
    max_body_bytes: int = 4 * 1024 * 1024
    """Largest upload body read (checked before reading, after the sender is known); more is 413."""
    max_connections: int = 32
    """Concurrent connections served; more are answered 503 and closed."""
    idle_timeout_s: float = 30.0
    """A connection that sends nothing for this long (idle, half-sent headers, stalled body) is closed."""


class Gat1400Error(ValueError):
    """Why one record cannot become an event."""


def local_time(value: Any, utc_offset_h: float, name: str) -> int:
    """Epoch ms from GA/T 1400's `yyyyMMddHHmmss` in the platform's zone."""
    text = str(value or "").strip()
    if len(text) != 14 or not text.isdigit():
        raise Gat1400Error(f"{name} {text!r} is not yyyyMMddHHmmss")
    try:
        naive = datetime.strptime(text, "%Y%m%d%H%M%S")  # noqa: DTZ007 - the zone is set on the next line
    except ValueError as exc:
        raise Gat1400Error(f"{name} {text!r} is not a valid time") from exc
    ts = to_ms(naive.replace(tzinfo=timezone(timedelta(hours=utc_offset_h))))
    if not 946_684_800_000 <= ts < 4_102_444_800_000:
        raise Gat1400Error(f"{name} {text} outside 2000..2100 (a placeholder time?)")
    return ts


def format_local(ts_ms: int, utc_offset_h: float) -> str:
    tz = timezone(timedelta(hours=utc_offset_h))
    return datetime.fromtimestamp(ts_ms / 1000.0, tz=tz).strftime("%Y%m%d%H%M%S")


def status(url: str, code: int, ident: str, now_ms: int, utc_offset_h: float) -> Obj:
    """One ResponseStatusObject (the standard's answer to every request)."""
    return {
        "RequestURL": url,
        "StatusCode": code,
        "StatusString": STATUS_TEXT.get(code, "Other error"),
        "Id": ident,
        "LocalTime": format_local(now_ms, utc_offset_h),
    }


def response(url: str, code: int, ident: str, now_ms: int, utc_offset_h: float) -> Obj:
    return {"ResponseStatusObject": status(url, code, ident, now_ms, utc_offset_h)}


def response_list(statuses: list[Obj]) -> Obj:
    return {"ResponseStatusListObject": {"ResponseStatusObject": statuses}}


def items_of(obj: Any, list_name: str, item_name: str) -> list[Any]:
    """The records of a `XxxListObject` body; raises when the body is not one."""
    outer = obj.get(list_name) if isinstance(obj, dict) else None
    items = outer.get(item_name) if isinstance(outer, dict) else None
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise Gat1400Error(f"body is not a {list_name} with {item_name} records")
    return items


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def _truthy(value: Any) -> bool:
    return _text(value) in ("1", "true", "True")


def _images(rec: Obj) -> list[Obj]:
    sub = rec.get("SubImageList")
    items = sub.get("SubImageInfoObject") if isinstance(sub, dict) else None
    if isinstance(items, dict):
        items = [items]
    return [i for i in items or [] if isinstance(i, dict)]


def _first_time(rec: Obj, names: tuple[str, ...], images: list[Obj], offset: float) -> int:
    """The first time field present (an invalid one is an error, not skipped: it would hide bad clocks)."""
    for name in names:
        if _text(rec.get(name)):
            return local_time(rec[name], offset, name)
    for image in images:
        if _text(image.get("ShotTime")):
            return local_time(image["ShotTime"], offset, "SubImage ShotTime")
    raise Gat1400Error(f"none of {', '.join(names)} or a SubImage ShotTime is set")


def _device(rec: Obj, names: tuple[str, ...], sender: str, config: Gat1400Config) -> str:
    for name in names:
        value = _text(rec.get(name))
        if value:
            return config.devices.get(value, value)
    if sender:
        return config.devices.get(sender, sender)
    raise Gat1400Error(f"no {' / '.join(names)} and no User-Identify header")


def _pictures(rec: Obj, images: list[Obj], event_id: str, save: SnapshotSaver | None) -> Obj:
    data: Obj = {}
    urls = [_text(i.get("StoragePath")) for i in images if _text(i.get("StoragePath"))]
    urls += [_text(v) for k, v in sorted(rec.items()) if k.startswith("StorageUrl") and len(_text(v)) > 3]
    if urls:
        data["picture_urls"] = urls
    inline = next((i["Data"] for i in images if isinstance(i.get("Data"), str) and i["Data"]), None)
    if inline is not None and save is not None:
        try:
            data["snapshot"] = save(event_id, base64.b64decode(inline, validate=True))
        except (binascii.Error, ValueError):
            data["snapshot_error"] = "SubImage Data is not valid base64"
    return data


def face_event(rec: Any, sender: str, config: Gat1400Config, save: SnapshotSaver | None = None) -> Event:
    if not isinstance(rec, dict):
        raise Gat1400Error("FaceObject must be an object")
    face_id = _text(rec.get("FaceID"))
    if not face_id:
        raise Gat1400Error("FaceObject without FaceID")
    images = _images(rec)
    ts = _first_time(rec, ("FaceAppearTime", "LocationMarkTime"), images, config.utc_offset_h)
    device = _device(rec, ("DeviceID", "SourceID"), sender, config)
    event_id = f"gat1400:face:{face_id}"
    flags = ("IsSuspectedTerrorist", "IsCriminalInvolved", "IsDetainees", "IsSuspiciousPerson")
    data: Obj = {"source": "gat1400", "face_id": face_id, "person_id": None}
    data["watchlist"] = any(_truthy(rec.get(f)) for f in flags)
    data |= _pictures(rec, images, event_id, save)
    return _valid({"id": event_id, "ts": ts, "device": device, "kind": "face.pass", "data": data})


def vehicle_event(rec: Any, sender: str, config: Gat1400Config, save: SnapshotSaver | None = None) -> Event:
    if not isinstance(rec, dict):
        raise Gat1400Error("MotorVehicleObject must be an object")
    vehicle_id = _text(rec.get("MotorVehicleID"))
    if not vehicle_id:
        raise Gat1400Error("MotorVehicleObject without MotorVehicleID")
    plate = _text(rec.get("PlateNo"))
    if not plate or _text(rec.get("HasPlate")) == "0" or plate in ("无牌", "未识别"):
        raise Gat1400Error(f"MotorVehicleObject {vehicle_id} has no plate")
    images = _images(rec)
    ts = _first_time(rec, ("PassTime", "AppearTime", "MarkTime"), images, config.utc_offset_h)
    device = _device(rec, ("DeviceID", "TollgateID"), sender, config)
    direction = config.directions.get(device)
    event_id = f"gat1400:vehicle:{vehicle_id}"
    data: Obj = {
        "source": "gat1400",
        "vehicle_id": vehicle_id,
        "plate": plate,
        "direction": direction or "in",
    }
    if direction is None:
        data["direction_known"] = False
    if _text(rec.get("PlateColor")):
        data["plate_color"] = _text(rec["PlateColor"])
    data |= _pictures(rec, images, event_id, save)
    return _valid({"id": event_id, "ts": ts, "device": device, "kind": "plate.read", "data": data})


def _valid(obj: Obj) -> Event:
    try:
        return validate(obj)
    except SchemaError as exc:
        raise Gat1400Error(str(exc)) from exc


RecordDecoder = Callable[[Any, str, Gat1400Config, SnapshotSaver | None], Event]
DECODERS: dict[str, tuple[str, str, str, RecordDecoder]] = {
    FACES: ("FaceListObject", "FaceObject", "FaceID", face_event),
    MOTOR_VEHICLES: ("MotorVehicleListObject", "MotorVehicleObject", "MotorVehicleID", vehicle_event),
}


def decode_records(
    path: str, body: Any, sender: str, config: Gat1400Config, save: SnapshotSaver | None = None
) -> list[tuple[str, Event | Rejection]]:
    """(record id, Event or Rejection) per record of a Faces / MotorVehicles upload."""
    list_name, item_name, id_name, decode = DECODERS[path]
    out: list[tuple[str, Event | Rejection]] = []
    for rec in items_of(body, list_name, item_name):
        ident = _text(rec.get(id_name)) if isinstance(rec, dict) else ""
        try:
            out.append((ident, decode(rec, sender, config, save)))
        except Gat1400Error as exc:
            out.append((ident, Rejection(f"{path}: {exc}", str(rec)[:500])))
    return out
