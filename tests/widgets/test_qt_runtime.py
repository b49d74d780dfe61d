"""Guards against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 drops one reference to `True` on every emit of a connected signal; on Python 3.11 (bools
are not immortal) a long-running window then aborts with "bool_dealloc". pyproject pins it out.
"""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

from tests.widgets.conftest import new_top_level_widgets

pytestmark = pytest.mark.gui


class _Emitter(QObject):
    fired = Signal(int)


def test_signal_emit_keeps_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    got: list[int] = []
    emitter.fired.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(200):
        emitter.fired.emit(i)
    lost = before - sys.getrefcount(True)
    assert got == list(range(200))
    assert lost < 50, f"PySide6 {PySide6.__version__} loses a reference to True per emit: pin PySide6<6.12"


def test_leak_check_sees_a_forgotten_window(qapp: QApplication) -> None:
    before = {id(w) for w in QApplication.topLevelWidgets()}
    forgotten = QLabel("forgotten")
    forgotten.setObjectName("forgotten")
    assert [w.objectName() for w in new_top_level_widgets(before)] == ["forgotten"]
    forgotten.deleteLater()
    del forgotten
    assert new_top_level_widgets(before) == []
