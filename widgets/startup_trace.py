"""Startup moments the window reports about itself, for `bench/startup.py`.

With `SANDBOX_STARTUP_TRACE=<file>` in the environment the window appends one line per moment to that file,
`<name> <epoch ms>`, the first time it happens: `first_map` (the 2D map's first paint with the district on
it), `first_3d` (the 3D pane's first rendered frame), `live` (the map's first paint after the first live
event reached the window); and, to see where a start's time goes, the phases before them: `imported`,
`scene_loaded`, `window_built`, `window_ready`, `shown`, `live_built`, `engine_started`, `events_arrived`.
The bench compares them with the wall clock it read just before starting the process. Without the variable
every call here is one dictionary lookup, so the hooks stay in the shipped code and measure the real paths.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from sandbox_app.engine.clock import WallClock

ENV = "SANDBOX_STARTUP_TRACE"
_seen: set[str] = set()


def enabled() -> bool:
    return bool(os.environ.get(ENV))


def mark(name: str) -> None:
    """Record `name` now, once per process; nothing without the environment variable."""
    path = os.environ.get(ENV)
    if not path or name in _seen:
        return
    _seen.add(name)
    with open(path, "a", encoding="utf-8") as out:
        out.write(f"{name} {WallClock().now_ms()}\n")


class _FirstPaint(QObject):
    """Calls `then` just after the watched widget's first paint (the next event-loop turn: the painted
    frame has gone to the screen by then), then removes itself."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        self.then()
        self.deleteLater()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """Run `then` once, just after `widget` (for a QGraphicsView: its viewport) first paints: deferred work
    (the 3D pane, warm-ups) waits until the user sees the map."""
    _FirstPaint(widget, then)


def on_first_paint(widget: QWidget, name: str) -> None:
    """Mark `name` after `widget`'s first paint."""
    if enabled() and name not in _seen:
        after_first_paint(widget, lambda: mark(name))


def on_first_render(render_window: object, name: str) -> None:
    """Mark `name` when the VTK render window has finished its first frame."""
    if enabled() and name not in _seen:
        render_window.AddObserver("EndEvent", lambda *_: mark(name))  # type: ignore[attr-defined]
