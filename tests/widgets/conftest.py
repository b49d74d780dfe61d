"""GUI test set-up: offscreen Qt, translations built, and a check that no test leaks a top-level widget."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from sandbox_app.data.resources import demo_package, resource_path
from sandbox_app.domain.model import District
from tests.support import committed_demo


@pytest.fixture(scope="session", autouse=True)
def built_translations() -> None:
    """Build stale .qm files the way `make translations` does, so plain `pytest` works too."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in resource_path("translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(scope="session", autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """QSettings (remembered element filters) in a temporary folder, never the developer's own."""
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("settings"))
    )


def settle() -> None:
    """Run deferred deletes and collect Python-owned Qt objects (pyqtgraph's menus have no Qt parent), in
    as many rounds as a chain of parents freeing children takes: only before failing, it is slow."""
    for _ in range(3):
        _sweep()


def _sweep() -> None:
    """One round: pending events, deferred deletes, one `gc.collect()`."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def new_top_level_widgets(before: set[int]) -> list[QWidget]:
    """Top-level widgets that were not there before: one sweep, and the full `settle` only when something
    still seems left (a widget only goes away in a collection, so a clean test costs one round)."""
    _sweep()
    leaked = [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    if leaked:
        del leaked
        settle()
        leaked = [w for w in QApplication.topLevelWidgets() if id(w) not in before]
    return leaked


@pytest.fixture(autouse=True)
def no_leaked_widgets(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a top-level widget alive (pytest-qt closes the ones given to qtbot first)."""
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    leaked = new_top_level_widgets(before)
    names = [f"{type(w).__name__}({w.objectName()!r})" for w in leaked]
    if leaked:
        for widget in leaked:
            widget.close()
            widget.deleteLater()
        del widget
        leaked.clear()
        settle()
    assert not names, f"test leaked top-level widgets: {names}"


@pytest.fixture(scope="module")
def demo() -> District:
    """The committed demo district, loaded once per test module."""
    committed_demo()
    from sandbox_app.data.package import load_package

    return load_package(demo_package())
