"""Closed vocabularies of the domain; string values are what packages, events and the store use."""

from __future__ import annotations

from enum import StrEnum


class RoomUsage(StrEnum):
    OWNER = "owner"
    RENTAL = "rental"
    GROUP_RENTAL = "group_rental"
    VACANT = "vacant"
    SHOP = "shop"
    OFFICE = "office"


class PersonTag(StrEnum):
    ELDERLY_ALONE = "elderly_alone"
    DISABLED = "disabled"
    KEY_PERSON = "key_person"
    FLOATING = "floating"
    MINOR = "minor"
    WATCHLIST = "watchlist"


class Relation(StrEnum):
    OWNER = "owner"
    TENANT = "tenant"
    FAMILY = "family"
    EMPLOYEE = "employee"
    VISITOR = "visitor"


class GuardRole(StrEnum):
    POLICE = "police"
    AUXILIARY = "auxiliary"
    GRID = "grid"
    VOLUNTEER = "volunteer"
    SECURITY = "security"
    PROPERTY = "property"
    """物业人员: the compound's property staff, who take its non-police alerts first."""


class GuardStatus(StrEnum):
    ON_DUTY = "on_duty"
    OFF_DUTY = "off_duty"
    DISPATCHED = "dispatched"


class Severity(StrEnum):
    """Drives colour, sound and wall-screen focus. `notice` is for follow-ups, not emergencies."""

    NOTICE = "notice"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class AlertState(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    DISPATCHED = "dispatched"
    RESOLVED = "resolved"
    CLOSED = "closed"
    DISMISSED = "dismissed"

    @property
    def is_open(self) -> bool:
        """Open states still collect repeats of the same (rule, subject) instead of raising a new alert."""
        return self in (AlertState.OPEN, AlertState.ACKNOWLEDGED, AlertState.DISPATCHED, AlertState.RESOLVED)


class Crs(StrEnum):
    """Coordinate systems a district package may declare. CGCS2000 is treated as WGS-84 (sub-metre)."""

    WGS84 = "wgs84"
    CGCS2000 = "cgcs2000"
    GCJ02 = "gcj02"
    BD09 = "bd09"


DATUMS = (Crs.WGS84, Crs.GCJ02, Crs.BD09)
"""The datums a device or message may report in (phones built on the Amap SDK send GCJ-02, on Baidu's
BD-09): tracker bridge sections, the JSON event `datum`, `nearest --datum`, `export --datum`. Everything
is converted to WGS-84 where it comes in and stored in WGS-84."""
