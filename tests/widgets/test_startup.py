"""The window's start (issue 17): what its first paint waits for, and the moments it reports.

The speed itself is measured by bench/startup.py, not here; these tests pin what makes it fast: the modules
the 2D map does not need stay unloaded until the live session or the 3D pane asks for them, and the 3D pane
can be built after the window is up.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sandbox_app.domain.model import District
from sandbox_app.station.scene import Scene
from widgets import startup_trace
from widgets.main_window import MainWindow

REPO_ROOT = Path(__file__).resolve().parents[2]
LATE_MODULES = ("scipy", "networkx", "vtkmodules", "cv2")
"""Loaded by the routing stack, the 3D pane and video: seconds of imports the first map must not wait for."""


def _loaded_after(code: str) -> list[str]:
    probe = (
        f"{code}\nimport sys\n"
        f"print(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({LATE_MODULES!r}))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    return [m for m in out.stdout.strip().split(",") if m]


def test_the_window_modules_load_no_routing_3d_or_video_stack() -> None:
    assert _loaded_after("import widgets.app, widgets.main_window") == []


def test_the_core_a_window_needs_loads_no_routing_stack() -> None:
    """The live session's own imports (engine, dispatch, routing, snapshots) leave scipy and networkx to
    the first graph built, on the worker thread, and OpenCV to the first snapshot."""
    code = (
        "import sandbox_app.station.live, sandbox_app.dispatch.engine_hook, sandbox_app.geo.routing,"
        " sandbox_app.video.snapshot_taker"
    )
    assert _loaded_after(code) == []


def test_the_3d_pane_loads_no_table_or_video_stack() -> None:
    """The 3D pane needs VTK, not pandas/geopandas (the coordinate conversions its imagery imports are
    numpy) nor OpenCV (only to decode imagery tiles, which the demo has none of): together ~90 MB of the
    start's resident memory and seconds of imports (issue 17)."""
    code = "import widgets.sandbox3d, layers.imagery, sandbox_app.geo.crs, sandbox_app.bridges.schema"
    probe = f"{code}\nimport sys\nprint(sorted({{'pandas', 'geopandas', 'cv2'}} & set(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_a_deferred_3d_pane_is_built_on_request_only(qtbot: QtBot) -> None:
    window = MainWindow(Scene(District(name="", timezone="UTC")), defer_3d=True)
    qtbot.addWidget(window)
    assert window.sandbox3d is None
    window.build_3d()  # offscreen: no OpenGL display, so still none, and no error
    assert window.sandbox3d is None
    assert window.pane_3d.objectName() == "pane_3d"


def test_startup_moments_are_written_once_each_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trace = tmp_path / "trace"
    monkeypatch.delenv(startup_trace.ENV, raising=False)
    monkeypatch.setattr(startup_trace, "_seen", set())
    startup_trace.mark("first_map")
    assert not trace.exists()
    monkeypatch.setenv(startup_trace.ENV, str(trace))
    startup_trace.mark("first_map")
    startup_trace.mark("first_map")
    startup_trace.mark("live")
    lines = [line.split() for line in trace.read_text().splitlines()]
    assert [name for name, _ in lines] == ["first_map", "live"]
    assert all(ms.isdigit() for _, ms in lines)


def test_after_first_paint_runs_once_after_the_widget_painted(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    startup_trace.after_first_paint(widget, lambda: calls.append(1))
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])
    widget.repaint()
    qtbot.wait(20)
    assert calls == [1]


def _run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    return out.stdout.strip()


def test_the_live_session_loads_no_table_stack() -> None:
    """pandas and pyogrio/geopandas (~95 MB resident) come with the delta checks that residents' records
    through GA/T 1400 go through: imported when such records arrive, not with every live session."""
    code = "import sandbox_app.station.live, sandbox_app.station.people_updates\nimport sys\n"
    code += "print(sorted({'pandas', 'geopandas', 'pyogrio'} & set(sys.modules)))"
    assert _run(code) == "[]"


def test_a_live_session_without_camera_streams_loads_no_opencv(tmp_path: Path) -> None:
    """The window always asks for alert clips; with no streaming camera (the demo) there is nothing to
    record and OpenCV (~20 MB resident) stays out."""
    code = f"""
import sys, time
from pathlib import Path
from sandbox_app.data.package import load_package
from sandbox_app.data.resources import demo_package
from sandbox_app.station.live import LiveOptions, LiveSession
from sandbox_app.store import open_store
from sandbox_app.video.cameras import cameras
district = load_package(demo_package())
assert not any(c.stream for c in cameras(district))
db = Path({str(tmp_path / "live.db")!r})
store = open_store(db)
store.replace_district(district)
store.close()
options = LiveOptions(history_days=0, clips=Path({str(tmp_path / "evidence")!r}), snapshots=None)
session = LiveSession(district, lambda: open_store(db), options)
session.start()
deadline = time.monotonic() + 60
while session._sim is None and session.running and time.monotonic() < deadline:
    time.sleep(0.1)
assert session._sim is not None
session.stop()
print('cv2' in sys.modules)
"""
    assert _run(code) == "False"


@pytest.mark.parametrize("forget", [True, False])
def test_pyside_import_check_leaves_no_source_lines_behind(forget: bool) -> None:
    """shiboken6 reads every newly imported module's source through linecache (PYSIDE-2029), which keeps
    it: ~40 MB at the window's start. `forget_import_sources` drops those lines again; a traceback still
    shows its source."""
    code = f"""
import linecache, traceback
import PySide6.QtCore
from widgets.memory import forget_import_sources
if {forget!r}:
    assert forget_import_sources()
import xml.dom.minidom, json.tool, wave
cached = [f for f in linecache.cache if f.endswith(('minidom.py', 'tool.py', 'wave.py'))]
try:
    wave.open(123, 'q')
except Exception:
    text = traceback.format_exc()
print(len(cached), "raise Error(" in text)  # the failing line of wave.py, read anew
"""
    cached, shown = _run(code).split()
    assert (int(cached) == 0) is forget
    assert shown == "True"
