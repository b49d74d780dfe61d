"""Masking of personal data as Chinese public-security displays show it (张*, 110***********1234).

One place for every rule, so the map tooltips, panels, wall screen, case files and exports mask alike.
`Masker` decides per role whether a value is shown whole; the functions do the masking itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Viewer(StrEnum):
    """Who looks at the data; the roles of issue 9, from least to most trusted with personal data."""

    WALL = "wall"
    OFFICER = "officer"
    COMMANDER = "commander"
    ANALYST = "analyst"
    ADMIN = "admin"


def mask_name(name: str) -> str:
    """Keep the surname (first character): 张三丰 → 张**; Latin names keep their first letter too."""
    name = name.strip()
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


def _keep_ends(value: str, head: int, tail: int) -> str:
    value = value.strip()
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


def mask_id_number(value: str) -> str:
    """Resident ID (18 characters): first 3 and last 4 stay, as on most police terminals."""
    return _keep_ends(value, 3, 4)


def mask_phone(value: str) -> str:
    """Mobile 138****1234: first 3 and last 4."""
    return _keep_ends(value, 3, 4)


def mask_plate(value: str) -> str:
    """Plate 京A·***01: province and letter stay, and the last two characters."""
    value = value.strip()
    head = 3 if len(value) > 2 and value[2] in "·." else 2
    return _keep_ends(value, head, 2)


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
