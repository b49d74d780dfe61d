"""Every kind, role, usage and severity the domain knows has a style entry."""

from __future__ import annotations

import pytest

from layers import style
from sandbox_app.domain.device_kinds import DEVICE_KINDS
from sandbox_app.domain.enums import GuardRole, RoomUsage, Severity


@pytest.mark.parametrize("kind", sorted(DEVICE_KINDS))
def test_every_device_kind_has_a_style(kind: str) -> None:
    assert kind in style.DEVICE_KINDS_STYLE, f"device kind {kind!r} has no entry in layers/style.py"
    assert style.device_style(kind).size > 0


def test_no_style_for_a_kind_that_does_not_exist() -> None:
    assert set(style.DEVICE_KINDS_STYLE) == set(DEVICE_KINDS)


def test_roles_usages_and_severities_are_covered() -> None:
    assert set(style.GUARD_ROLE) == set(GuardRole)
    assert set(style.ROOM_USAGE) == set(RoomUsage)
    assert set(style.USAGE_PRIORITY) == set(RoomUsage)
    assert set(style.SEVERITY) == set(Severity)
    assert Severity.NOTICE in style.SEVERITY


def test_rentals_are_blue_and_group_rentals_darker() -> None:
    r, g, b, _ = style.ROOM_USAGE[RoomUsage.RENTAL]
    gr, gg, gb, _ = style.ROOM_USAGE[RoomUsage.GROUP_RENTAL]
    assert b > max(r, g) + 60 and gb > max(gr, gg) + 60
    assert gr + gg + gb < r + g + b


def test_unknown_road_kind_falls_back_but_unknown_device_kind_does_not() -> None:
    assert style.road_style("no_such_kind") == style.ROAD_DEFAULT
    with pytest.raises(KeyError):
        style.device_style("no_such_kind")
