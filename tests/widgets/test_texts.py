"""Display names of domain codes come from one table each (widgets/texts.py), used by every widget."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from sandbox_app.domain.device_kinds import DEVICE_KINDS, Placement
from sandbox_app.domain.enums import GuardRole, RoomUsage, Severity
from widgets import texts
from widgets.i18n import install_translators, remove_translators

pytestmark = pytest.mark.gui


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


def test_every_code_has_a_name() -> None:
    assert set(texts.DEVICE_KINDS) == set(DEVICE_KINDS)
    assert set(texts.SEVERITIES) == {s.value for s in Severity}
    assert set(texts.GUARD_ROLES) == {r.value for r in GuardRole}
    assert set(texts.ROOM_USAGES) == {u.value for u in RoomUsage}
    assert set(texts.PLACEMENTS) == {p.value for p in Placement}


def test_names_are_translated_for_every_code_and_unknown_codes_shown_as_they_are(chinese: None) -> None:
    for table, name in (
        (texts.DEVICE_KINDS, texts.device_kind_text),
        (texts.SEVERITIES, texts.severity_text),
        (texts.GUARD_ROLES, texts.guard_role_text),
        (texts.ROOM_USAGES, texts.room_usage_text),
        (texts.PLACEMENTS, texts.placement_text),
    ):
        shown = {code: name(code) for code in table}
        untranslated = [code for code, text in shown.items() if text == table[code] or not text.strip()]
        assert untranslated == []
    assert texts.device_kind_text("face_gate") == "人脸门禁"
    assert texts.severity_text(Severity.CRITICAL) == texts.severity_text("critical") == "一级"
    assert texts.device_kind_text("teleporter") == "teleporter"
