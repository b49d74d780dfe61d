"""Masking of personal data as Chinese public-security displays show it (张*, 110***********1234).

One place for every rule, so the map tooltips, panels, wall screen, case files and exports mask alike.
`Masker` decides per role whether a value is shown whole; the functions do the masking itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sandbox_app.domain.masking import keep_ends as _keep_ends
from sandbox_app.domain.masking import mask_phone as mask_phone


class Viewer(StrEnum):
    """Who looks at the data; the roles of issue 9, from least to most trusted with personal data."""

    WALL = "wall"
    OFFICER = "officer"
    COMMANDER = "commander"
    ANALYST = "analyst"
    ADMIN = "admin"
    PROPERTY = "property"
    """物业: sees and works the alerts handed to property staff; never personal data unmasked."""


def mask_name(name: str) -> str:
    """Keep the surname (first character): 张三丰 → 张**; Latin names keep their first letter too."""
    name = name.strip()
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


def mask_id_number(value: str) -> str:
    """Resident ID (18 characters): first 3 and last 4 stay, as on most police terminals."""
    return _keep_ends(value, 3, 4)


def mask_plate(value: str) -> str:
    """Plate 京A·***01: province and letter stay, and the last two characters."""
    value = value.strip()
    head = 3 if len(value) > 2 and value[2] in "·." else 2
    return _keep_ends(value, head, 2)


_ID_DIGEST = re.compile(r"[0-9a-f]{16}")
NON_PERSONAL_SUBJECTS = frozenset({"device", "room", "building", "compound", "guard"})
"""Alert subject types that name a place or a piece of equipment, never a person or a vehicle."""
_ID_KEYS = frozenset({"credential", "tag", "face_id", "person_id", "id_number", "id_card", "subject"})
_PLATE_KEYS = frozenset({"plate"})
_PHONE_KEYS = frozenset({"phone", "mobile"})
_NAME_KEYS = frozenset({"name", "person_name"})


def mask_alert_id(alert_id: str) -> str:
    """Mask the subject inside an old-style alert id `rule:<subject>:<first_ts>[#n]`.

    Ids made since issue 14 carry a digest (`alert_book.alert_id`) and pass unchanged; databases from before
    still hold ids with the subject (an ID number, a plate) in the middle, so wherever an id is shown or
    exported the middle is masked like an ID number."""
    rule, sep, rest = alert_id.partition(":")
    middle, sep2, tail = rest.rpartition(":")
    if not sep or not sep2 or not middle or _ID_DIGEST.fullmatch(middle):
        return alert_id
    return f"{rule}:{_keep_ends(middle, 1, 1) if len(middle) < 8 else mask_id_number(middle)}:{tail}"


@dataclass(frozen=True)
class Masker:
    """Masks or passes values for one viewer; `unmasked` is set only by an explicit, audited action."""

    viewer: Viewer = Viewer.WALL
    unmasked: bool = False

    @property
    def shows_personal_data(self) -> bool:
        return self.unmasked and self.viewer is not Viewer.WALL

    def name(self, value: str) -> str:
        return value if self.shows_personal_data else mask_name(value)

    def id_number(self, value: str) -> str:
        return value if self.shows_personal_data else mask_id_number(value)

    def phone(self, value: str) -> str:
        return value if self.shows_personal_data else mask_phone(value)

    def plate(self, value: str) -> str:
        """Plates are shown whole to commanders and analysts (they act on them), masked elsewhere."""
        if self.viewer in (Viewer.COMMANDER, Viewer.ANALYST, Viewer.ADMIN) or self.shows_personal_data:
            return value
        return mask_plate(value)

    def alert_id(self, value: str, subject_type: str = "") -> str:
        """An alert id as this viewer may see it: old-style ids with a person or plate inside are masked."""
        if self.shows_personal_data or subject_type in NON_PERSONAL_SUBJECTS:
            return value
        return mask_alert_id(value)

    def subject(self, value: str, subject_type: str) -> str:
        """An alert's subject: plates as `plate`, people (ids, face credentials) as ID numbers."""
        if subject_type in NON_PERSONAL_SUBJECTS:
            return value
        return self.plate(value) if subject_type == "plate" else self.id_number(value)

    def data(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """An alert's or event's data with the values under personal keys masked (one level deep)."""
        out: dict[str, Any] = {}
        for key, value in data.items():
            if isinstance(value, str) and key in _ID_KEYS:
                value = self.id_number(value)
            elif isinstance(value, str) and key in _PLATE_KEYS:
                value = self.plate(value)
            elif isinstance(value, str) and key in _PHONE_KEYS:
                value = self.phone(value)
            elif isinstance(value, str) and key in _NAME_KEYS:
                value = self.name(value)
            out[key] = value
        return out

    def alert_json(self, alert: Mapping[str, Any]) -> dict[str, Any]:
        """`Alert.to_json()` masked for this viewer: id, subject and data."""
        kind = str(alert.get("subject_type", ""))
        out = dict(alert)
        out["id"] = self.alert_id(str(alert.get("id", "")), kind)
        out["subject"] = self.subject(str(alert.get("subject", "")), kind)
        if isinstance(alert.get("data"), Mapping):
            out["data"] = self.data(alert["data"])
        return out
