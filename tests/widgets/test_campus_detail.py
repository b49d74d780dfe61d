"""Issue 24: the detail pane calls a university's grounds an organisation of its type, not a compound (小区),
and names an organisation's type in words, never its code."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from sandbox_app.data.package import load_package
from sandbox_app.domain.reals import campus_type
from sandbox_app.privacy.mask import Viewer
from tests.support import committed_demo
from tests.widgets.test_main_window import english
from widgets.detail import DetailPanel

pytestmark = pytest.mark.gui
__all__ = ["english"]


def test_a_campus_reads_as_an_organisation(qtbot: QtBot, english: None) -> None:
    district = load_package(committed_demo())
    detail = DetailPanel(district, Viewer.COMMANDER)
    qtbot.addWidget(detail)
    detail.show()
    campus = next(c for c in district.compounds.values() if c.name == "中国农业大学")
    assert campus_type(campus) is not None
    assert detail.show_item("compound", campus.id)
    assert detail.title.text() == "Organisation 中国农业大学 (university)"
    texts = " ".join(detail.texts())
    assert "Compound" not in texts and "Organisation" in texts
    home = next(c for c in district.compounds.values() if campus_type(c) is None)
    assert detail.show_item("compound", home.id)
    assert detail.title.text() == f"Compound {home.name}"
    building = next(b for b in district.buildings.values() if b.compound_id == campus.id)
    assert detail.show_item("building", building.id)
    texts = " ".join(detail.texts())
    assert "中国农业大学 (university)" in texts and "(university)" in texts
