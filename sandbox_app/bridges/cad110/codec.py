"""A 110 hand-off record (JSON) → an `Incident`, or a `Cad110Error` carrying the reason sent back.

One record per request, a JSON object (docs/bridges.md, [cad110]):

    {"record_id": "JJ202405010001", "type": "治安", "subtype": "打架斗殴",
     "address": "测试路8号", "lon": 121.4, "lat": 31.2, "caller_phone": "13800001234",
     "reported_at": "2024-05-01T08:00:00+08:00", "summary": "两人在小区门口打架"}

`record_id` (接警单号) is the sender's id: the incident id is derived from it, so a record sent again after
a lost reply is stored once. Type and subtype are the 警情 codes or labels (domain/incidents.py); an
address or coordinates (WGS-84) is required; the time is ISO 8601 with its offset, or `reported_ts` in
epoch milliseconds, and may not lie more than `MAX_FUTURE_MS` ahead of the bridge clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson

from sandbox_app.domain.incidents import (
    Incident,
    IncidentError,
    IncidentSource,
    Place,
    new_incident_id,
    parse_subtype,
    parse_type,
)

MAX_BODY = 64 * 1024
MAX_FUTURE_MS = 5 * 60_000
"""Clock skew tolerated between 110 and the station: a record later than this is refused."""
MAX_TEXT = 2000
_REQUIRED = ("record_id", "type")
_KNOWN = frozenset(
    {
        "record_id",
        "type",
        "subtype",
        "address",
        "lon",
        "lat",
        "caller_phone",
        "reported_at",
        "reported_ts",
        "summary",
    }
)


class Cad110Error(ValueError):
    """A record refused; `reason` goes back to the sender in the 400 reply."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _text(record: dict[str, Any], key: str, limit: int = MAX_TEXT) -> str:
    value = record.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Cad110Error(f"{key}: expected text")
    if len(value) > limit:
        raise Cad110Error(f"{key}: longer than {limit} characters")
    return value.strip()


def _number(record: dict[str, Any], key: str) -> float | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Cad110Error(f"{key}: expected a number")
    return float(value)


def _reported_ts(record: dict[str, Any], now_ms: int) -> int:
    if "reported_ts" in record:
        ts = record["reported_ts"]
        if isinstance(ts, bool) or not isinstance(ts, int) or ts <= 0:
            raise Cad110Error("reported_ts: expected epoch milliseconds")
    elif "reported_at" in record:
        text = _text(record, "reported_at", 64)
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            raise Cad110Error(f"reported_at: {text!r} is not an ISO 8601 time") from None
        if when.tzinfo is None:
            raise Cad110Error("reported_at: give the UTC offset (e.g. +08:00)")
        ts = round(when.timestamp() * 1000)
    else:
        raise Cad110Error("missing reported_at (or reported_ts)")
    if ts > now_ms + MAX_FUTURE_MS:
        raise Cad110Error("reported time is in the future")
    return int(ts)


def decode_record(body: bytes, now_ms: int) -> Incident:
    """The incident a request body describes; raises `Cad110Error` with the reason."""
    try:
        record = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise Cad110Error(f"not JSON: {exc}") from None
    if not isinstance(record, dict):
        raise Cad110Error("expected one JSON object")
    missing = [key for key in _REQUIRED if not record.get(key)]
    if missing:
        raise Cad110Error(f"missing {', '.join(missing)}")
    unknown = sorted(set(record) - _KNOWN)
    if unknown:
        raise Cad110Error(f"unknown field {unknown[0]!r}")
    ref = _text(record, "record_id", 64)
    try:
        kind = parse_type(_text(record, "type", 32))
        subtype = parse_subtype(kind, _text(record, "subtype", 32))
        ts = _reported_ts(record, now_ms)
        return Incident(
            id=new_incident_id(IncidentSource.CAD110, ts, ref),
            type=kind,
            subtype=subtype,
            place=Place(_text(record, "address", 200), _number(record, "lon"), _number(record, "lat")),
            reported_ts=ts,
            summary=_text(record, "summary"),
            source=IncidentSource.CAD110,
            source_ref=ref,
            caller=_text(record, "caller_phone", 32),
            created_by="cad110",
        )
    except IncidentError as exc:
        raise Cad110Error(str(exc)) from None
