"""Incidents entered by people (警情): a 110 hand-off, a walk-in, a call to the office, a promoted alert.

A device alert starts at a sensor; an incident starts at a person. Both end at the same dispatch desk
(`dispatch/lifecycle.py` takes any `DispatchTarget`), so an incident has no dispatch lifecycle of its own:
it only carries what the desk and the case file need (type, place, caller, summary, where it came from)
and a short open → closed lifecycle with an outcome.

Types follow the public 警情 classification (刑事, 治安, 纠纷, 求助, 火灾, 交通, 其他) with the subtypes a
community office meets; a subtype outside its type's list is refused, because counts by type are only
worth anything when the labels are fixed. The caller's phone is kept masked (138****1234): the full number
stays in the 110 system, which the handler calls back through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sandbox_app.domain.masking import mask_phone


class IncidentType(StrEnum):
    CRIMINAL = "criminal"  # 刑事
    PUBLIC_ORDER = "public_order"  # 治安
    DISPUTE = "dispute"  # 纠纷
    HELP = "help"  # 求助
    FIRE = "fire"  # 火灾
    TRAFFIC = "traffic"  # 交通
    OTHER = "other"  # 其他


TYPE_LABELS: dict[IncidentType, str] = {
    IncidentType.CRIMINAL: "刑事",
    IncidentType.PUBLIC_ORDER: "治安",
    IncidentType.DISPUTE: "纠纷",
    IncidentType.HELP: "求助",
    IncidentType.FIRE: "火灾",
    IncidentType.TRAFFIC: "交通",
    IncidentType.OTHER: "其他",
}

SUBTYPES: dict[IncidentType, dict[str, str]] = {
    IncidentType.CRIMINAL: {
        "theft": "盗窃",
        "robbery": "抢劫抢夺",
        "fraud": "诈骗",
        "assault": "故意伤害",
        "other": "其他刑事",
    },
    IncidentType.PUBLIC_ORDER: {
        "fight": "打架斗殴",
        "disturbance": "扰乱秩序",
        "noise": "噪音扰民",
        "gambling": "赌博",
        "other": "其他治安",
    },
    IncidentType.DISPUTE: {
        "neighbour": "邻里纠纷",
        "family": "家庭纠纷",
        "property_mgmt": "物业纠纷",
        "consumer": "消费纠纷",
        "other": "其他纠纷",
    },
    IncidentType.HELP: {
        "missing_person": "走失",
        "lockout": "求助开锁",
        "medical": "突发疾病",
        "elderly": "老人求助",
        "other": "其他求助",
    },
    IncidentType.FIRE: {
        "building": "建筑火灾",
        "ebike": "电动车起火",
        "smoke": "冒烟异味",
        "other": "其他火情",
    },
    IncidentType.TRAFFIC: {
        "accident": "交通事故",
        "blocking": "占道停车",
        "other": "其他交通",
    },
    IncidentType.OTHER: {"other": "其他"},
}
"""Type → subtype code → the label police write. `other` exists under every type."""


INCIDENT_ID_PREFIX = "INC-"
"""Every incident id starts so: a dispatch's target id tells an incident from an alert."""


class IncidentSource(StrEnum):
    CAD110 = "cad110"  # 110 接处警系统 hand-off
    WALK_IN = "walk_in"  # 来所报警 / 电话报警 entered by the desk
    ALERT = "alert"  # a device alert promoted to an incident


class IncidentState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class IncidentError(ValueError):
    """An incident that cannot be: unknown type or subtype, no place, a bad phone, a wrong step."""


_PHONE = re.compile(r"^\+?[0-9][0-9 -]{4,19}$")
_MASKED = re.compile(r"^[0-9]{3}\*{4}[0-9]{4}$")


def parse_type(text: str) -> IncidentType:
    """A type by code (`dispute`) or by its label (`纠纷`)."""
    value = text.strip()
    for kind, label in TYPE_LABELS.items():
        if value in (kind.value, label):
            return kind
    known = ", ".join(f"{k.value} ({v})" for k, v in TYPE_LABELS.items())
    raise IncidentError(f"unknown incident type {value!r}; one of {known}")


def parse_subtype(kind: IncidentType, text: str) -> str:
    """A subtype code of `kind`, by code (`neighbour`) or label (`邻里纠纷`); empty means `other`."""
    value = text.strip() or "other"
    for code, label in SUBTYPES[kind].items():
        if value in (code, label):
            return code
    known = ", ".join(f"{c} ({v})" for c, v in SUBTYPES[kind].items())
    raise IncidentError(f"unknown subtype {value!r} of {kind.value}; one of {known}")


def masked_caller(phone: str) -> str:
    """The caller's number as stored: masked; an already masked number is kept; empty stays empty."""
    value = phone.strip()
    if not value or _MASKED.match(value):
        return value
    if not _PHONE.match(value):
        raise IncidentError(f"caller phone {value[:24]!r} is not a phone number")
    digits = re.sub(r"[^0-9]", "", value)
    return mask_phone(digits[-11:] if len(digits) > 11 else digits)


@dataclass(frozen=True, slots=True)
class Place:
    """Where: a standard address (标准地址) and/or coordinates (WGS-84). At least one is required."""

    address: str = ""
    lon: float | None = None
    lat: float | None = None

    def __post_init__(self) -> None:
        if (self.lon is None) != (self.lat is None):
            raise IncidentError("give both lon and lat, or neither")
        if (
            self.lon is not None
            and self.lat is not None
            and not (-180.0 <= self.lon <= 180.0 and -90.0 <= self.lat <= 90.0)
        ):
            raise IncidentError(f"coordinates ({self.lon}, {self.lat}) are out of range")
        if not self.address.strip() and self.lon is None:
            raise IncidentError("an incident needs an address or coordinates")


@dataclass(slots=True)
class Incident:
    id: str
    type: IncidentType
    subtype: str
    place: Place
    reported_ts: int
    """When the call came in (epoch ms, UTC): the response rings count from here."""
    summary: str
    source: IncidentSource
    source_ref: str = ""
    """The sender's own id (110 接警单号, the promoted alert's id): a redelivery is stored once."""
    caller: str = ""
    """Masked phone (138****1234), or empty for an anonymous or sensor-born incident."""
    created_by: str = ""
    state: IncidentState = IncidentState.OPEN
    closed_ts: int | None = None
    outcome: str = ""
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.type = IncidentType(self.type)
        if self.subtype not in SUBTYPES[self.type]:
            raise IncidentError(f"subtype {self.subtype!r} is not a subtype of {self.type.value}")
        self.caller = masked_caller(self.caller)
        if not self.id.startswith(INCIDENT_ID_PREFIX):
            raise IncidentError(f"incident id {self.id!r} must start with {INCIDENT_ID_PREFIX}")

    # what the dispatch desk reads (dispatch.lifecycle.DispatchTarget) -----------------------------------
    @property
    def lon(self) -> float | None:
        return self.place.lon

    @property
    def lat(self) -> float | None:
        return self.place.lat

    @property
    def rule(self) -> str:
        """The desk's default order note starts with this, as an alert's rule name."""
        return f"incident.{self.type.value}.{self.subtype}"

    @property
    def subject(self) -> str:
        return self.place.address or self.id

    @property
    def label(self) -> str:
        """治安/打架斗殴: how police name the incident's kind."""
        return f"{TYPE_LABELS[self.type]}/{SUBTYPES[self.type][self.subtype]}"

    def close(self, actor: str, ts: int, outcome: str, note: str = "") -> None:
        if self.state is IncidentState.CLOSED:
            raise IncidentError(f"incident {self.id} is already closed")
        if not outcome.strip():
            raise IncidentError(f"incident {self.id}: closing needs an outcome")
        if ts < self.reported_ts:
            raise IncidentError(f"incident {self.id}: closed before it was reported")
        self.state, self.closed_ts, self.outcome, self.note = IncidentState.CLOSED, ts, outcome, note
        self.data["closed_by"] = actor

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type.value,
            "subtype": self.subtype,
            "label": self.label,
            "address": self.place.address,
            "lon": self.place.lon,
            "lat": self.place.lat,
            "reported_ts": self.reported_ts,
            "summary": self.summary,
            "source": self.source.value,
            "source_ref": self.source_ref,
            "caller": self.caller,
            "created_by": self.created_by,
            "state": self.state.value,
            "closed_ts": self.closed_ts,
            "outcome": self.outcome,
            "note": self.note,
            "data": self.data,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Incident:
        return cls(
            id=raw["id"],
            type=IncidentType(raw["type"]),
            subtype=raw["subtype"],
            place=Place(raw.get("address", ""), raw.get("lon"), raw.get("lat")),
            reported_ts=int(raw["reported_ts"]),
            summary=raw.get("summary", ""),
            source=IncidentSource(raw["source"]),
            source_ref=raw.get("source_ref", ""),
            caller=raw.get("caller", ""),
            created_by=raw.get("created_by", ""),
            state=IncidentState(raw.get("state", "open")),
            closed_ts=raw.get("closed_ts"),
            outcome=raw.get("outcome", ""),
            note=raw.get("note", ""),
            data=dict(raw.get("data") or {}),
        )


def new_incident_id(source: IncidentSource, ts: int, source_ref: str = "") -> str:
    """Readable and deterministic (the same 110 record always gets the same id, so replays match)."""
    ref = re.sub(r"[^0-9A-Za-z_-]", "", source_ref)[:40]
    return f"{INCIDENT_ID_PREFIX}{source.value}-{ref}" if ref else f"{INCIDENT_ID_PREFIX}{source.value}-{ts}"


_ALERT_TYPES: dict[str, tuple[IncidentType, str]] = {
    "perimeter_breach": (IncidentType.PUBLIC_ORDER, "other"),
    "face_watchlist": (IncidentType.CRIMINAL, "other"),
    "face_stranger": (IncidentType.PUBLIC_ORDER, "other"),
    "tailgating": (IncidentType.PUBLIC_ORDER, "other"),
    "elderly_no_activity": (IncidentType.HELP, "elderly"),
    "elderly_routine": (IncidentType.HELP, "elderly"),
    "plate_blacklist": (IncidentType.CRIMINAL, "other"),
    "vehicle_overstay": (IncidentType.TRAFFIC, "blocking"),
}
"""The usual kind of incident an alert of each rule turns into; the handler may pick another."""


def incident_from_alert(
    alert: Any,
    actor: str,
    ts: int,
    *,
    type: IncidentType | None = None,
    subtype: str | None = None,
    summary: str = "",
    address: str = "",
) -> Incident:
    """A device alert turned into an incident (its place, its id as source_ref): the desk then works it
    like a reported one. `alert` is a `domain.alerts.Alert` (typed loosely to keep this module a leaf)."""
    kind, sub = _ALERT_TYPES.get(alert.rule, (IncidentType.OTHER, "other"))
    if type is not None:
        kind, sub = type, subtype or "other"
    return Incident(
        id=new_incident_id(IncidentSource.ALERT, ts, alert.id),
        type=kind,
        subtype=sub,
        place=Place(address, alert.lon, alert.lat),
        reported_ts=ts,
        summary=summary or f"{alert.rule} {alert.subject}",
        source=IncidentSource.ALERT,
        source_ref=alert.id,
        created_by=actor,
    )
