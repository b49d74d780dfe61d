"""What the 3D sandbox's pixel tests share: the X display they need, the pane shown on a district, and
"is this pixel that colour"."""

from __future__ import annotations

import os

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sandbox_app.domain.model import District
from widgets.sandbox3d import Sandbox3D

NEEDS_X = [
    pytest.mark.vtk,
    pytest.mark.skipif(
        not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") == "offscreen",
        reason="the VTK pane needs an X display (run under Xvfb with QT_QPA_PLATFORM=xcb)",
    ),
]


def shown_view(qtbot: QtBot, district: District, width: int, height: int) -> Sandbox3D:
    """A Sandbox3D of `width` x `height`, on screen, drawing `district`."""
    widget = Sandbox3D()
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_scene(district)
    QApplication.processEvents()
    return widget


def near(image: np.ndarray, rgb: np.ndarray | tuple[int, ...], tol: int) -> np.ndarray:
    """Per pixel: every channel within `tol` of `rgb`."""
    return np.abs(image.astype(np.int32) - np.asarray(rgb, dtype=np.int32)).max(axis=-1) <= tol
